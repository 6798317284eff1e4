// Chromium for browser tests: Debian's /usr/bin/chromium (installed by .ci/run) driven by
// playwright-core, with the flags this machine needs (no sandbox as root, no background network).
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { repoRoot } from '../../scripts/ensure-built.ts'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
/** Screenshots and other artifacts of test runs; git-ignored. */
export const ARTIFACTS = join(repoRoot, 'test-artifacts')

export function launchChromium(): Promise<Browser> {
    return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS })
}

/** How long closing a tab may take before the test fails instead of waiting on it. */
const CLOSE_TIMEOUT_MS = 10_000

/**
 * Closes a tab, or fails within CLOSE_TIMEOUT_MS saying why: page.close() has no timeout of its own, and Chromium
 * acknowledges a close that races a navigation's commit without ever closing the tab (crbug.com/536385539,
 * microsoft/playwright#42068), so such a close would wait until the test's own timeout. Close a tab once the page
 * its last navigation leads to has loaded, not as soon as that navigation commits.
 */
export async function closePage(page: Page): Promise<void> {
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Chromium did not close the tab at ${page.url()} within ${CLOSE_TIMEOUT_MS} ms (a close racing a navigation's commit: crbug.com/536385539)`)), CLOSE_TIMEOUT_MS)
    })
    try {
        await Promise.race([page.close(), timedOut])
    } finally {
        clearTimeout(timer)
    }
}
