// Chromium for browser tests: Debian's /usr/bin/chromium (installed by .ci/run) driven by
// playwright-core, with the flags this machine needs (no sandbox as root, no background network).
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { repoRoot } from '../../scripts/ensure-built.ts'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
/** Screenshots and other artifacts of test runs; git-ignored. */
export const ARTIFACTS = join(repoRoot, 'test-artifacts')

export function launchChromium(): Promise<Browser> {
    return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS })
}
