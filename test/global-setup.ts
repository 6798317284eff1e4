// The tests load the app's schema from the built package, so build it once when missing or stale.
import { ensureBuilt } from '../scripts/ensure-built.ts'

export default async function globalSetup(): Promise<void> {
    ensureBuilt()
}
