// Builds dist/app with the ServiceNow SDK when it is missing or older than any source it comes from.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const repoRoot = resolve(__dirname, '..')
const sources = ['fluent', 'src', 'now.config.json', 'package.json']

/** fluent/generated/keys.ts is written by the build itself, so it never makes a build stale. */
const BUILD_OUTPUTS = new Set(['generated', 'dist', 'node_modules'])

function newestMtime(path: string): number {
    const stats = statSync(path)
    if (!stats.isDirectory()) return stats.mtimeMs
    let newest = stats.mtimeMs
    for (const entry of readdirSync(path)) {
        if (!BUILD_OUTPUTS.has(entry)) newest = Math.max(newest, newestMtime(join(path, entry)))
    }
    return newest
}

/** Whether a ServiceNow SDK project's dist/app is missing or older than any of its sources. */
export function isBuildStale(root = repoRoot): boolean {
    const stamp = join(root, 'dist', 'app', 'scope')
    if (!existsSync(stamp)) return true
    const builtAt = statSync(stamp).mtimeMs
    return sources.some((source) => existsSync(join(root, source)) && newestMtime(join(root, source)) > builtAt)
}

export function ensureBuilt(root = repoRoot): void {
    if (!isBuildStale(root)) return
    process.stdout.write(`\nBuilding ${root} (now-sdk build)...\n`)
    execFileSync(join(repoRoot, 'node_modules', '.bin', 'now-sdk'), ['build'], { cwd: root, stdio: 'inherit' })
}
