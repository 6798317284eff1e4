// Builds dist/app with the ServiceNow SDK when it is missing or older than any source it comes from.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '..')
const sources = ['fluent', 'src', 'now.config.json', 'package.json']
const stamp = join(root, 'dist', 'app', 'scope')

function newestMtime(path: string): number {
    const stats = statSync(path)
    if (!stats.isDirectory()) return stats.mtimeMs
    let newest = stats.mtimeMs
    for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
    return newest
}

export function isBuildStale(): boolean {
    if (!existsSync(stamp)) return true
    const builtAt = statSync(stamp).mtimeMs
    return sources.some((source) => existsSync(join(root, source)) && newestMtime(join(root, source)) > builtAt)
}

export function ensureBuilt(): void {
    if (!isBuildStale()) return
    process.stdout.write('\nBuilding the app (now-sdk build)...\n')
    execFileSync(join(root, 'node_modules', '.bin', 'now-sdk'), ['build'], { cwd: root, stdio: 'inherit' })
}
