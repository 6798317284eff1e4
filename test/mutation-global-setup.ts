// The globalSetup of jest.mutation.config.js (npm run test:mutation). Stryker runs the tests in a sandbox,
// <checkout>/.stryker-tmp/sandbox-*, whose src/server is instrumented with every mutant: building the app there
// would type-check Stryker's code and cost minutes per sandbox. The domain tests read only the built app's
// schema from dist/app, so dist/ is built from the checkout's unmutated sources (as test/global-setup.ts does)
// and copied into the sandbox once.
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { ensureBuilt, repoRoot } from '../scripts/ensure-built.ts'

const STRYKER_TEMP_DIR = '.stryker-tmp'

export default async function mutationGlobalSetup(): Promise<void> {
    if (basename(dirname(repoRoot)) !== STRYKER_TEMP_DIR) {
        ensureBuilt()
        return
    }
    const sandboxDist = join(repoRoot, 'dist')
    if (existsSync(join(sandboxDist, 'app', 'scope'))) return
    const checkout = dirname(dirname(repoRoot))
    ensureBuilt(checkout)
    // Two test runner processes may arrive here together: each copies aside and the first rename wins.
    const staging = sandboxDist + '.' + process.pid
    cpSync(join(checkout, 'dist'), staging, { recursive: true })
    try {
        renameSync(staging, sandboxDist)
    } catch {
        rmSync(staging, { recursive: true, force: true })
    }
}
