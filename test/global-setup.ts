// The tests load the app's schema from the built package, so build it (and the sandbox fixture
// app) once when missing or stale.
import { join } from 'node:path'
import { ensureBuilt, repoRoot } from '../scripts/ensure-built.ts'

export const REFUSED_FIXTURE_APP = join(repoRoot, 'test', 'fixtures', 'refused-app')

export default async function globalSetup(): Promise<void> {
    ensureBuilt()
    ensureBuilt(REFUSED_FIXTURE_APP)
}
