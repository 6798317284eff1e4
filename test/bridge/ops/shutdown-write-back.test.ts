/**
 * A stop while the write-back outbox is sending a control state to Graph (the stand-in, answering slowly), in a real
 * process over a real store: the row in flight either ends done before the store closes, or, cut by its grace, stays
 * `sending` and the next process writes nothing again. Either way Graph holds the update exactly once.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createWriteBack } from '../../../bridge/domain/write-back.ts'
import { currentState, isDeviceControl } from '../../../bridge/ports/graph/control-state.ts'
import { createGraphPorts } from '../../../bridge/ports/graph/graph-ports.ts'
import { createSecretBox, secretKeyFromBytes, type SecretKey } from '../../../bridge/security/secret-box.ts'
import { SecretRegistry } from '../../../bridge/security/secret-registry.ts'
import { openStore } from '../../../bridge/store/store.ts'
import { DEMO_TENANT } from '../../../emulator/graph/fixtures/tenants.ts'
import { startStandIn, type StandIn } from '../graph/stand-in.ts'
import { logLines, queueWriteBack as queueRow, startChild, waitFor, writeBackStatusOnDisk } from './shutdown-process.ts'

const TENANT = DEMO_TENANT.tenantId
/** Each Graph and Entra call waits this long at the stand-in before it is handled: the PATCH is in flight long enough to stop. */
const LATENCY_MS = 1500

let standIn: StandIn
let controls: string[]
let dir: string
let key: SecretKey

beforeAll(async () => {
    standIn = await startStandIn()
    const { graph } = ports()
    const { profiles } = await graph.listControlProfiles(TENANT)
    // Controls at Default and not Device ones: each test writes one, and the stand-in keeps every update.
    controls = profiles.filter((p) => !isDeviceControl(p.id as string) && (currentState(p)?.state ?? 'Default') === 'Default').map((p) => p.id as string)
})
afterAll(() => standIn.close())
beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bridge-shutdown-write-back-'))
    key = secretKeyFromBytes(randomBytes(32))
})
afterEach(() => {
    standIn.server.setFaults({})
    rmSync(dir, { recursive: true, force: true })
})

const dataFile = () => join(dir, 'bridge.sqlite')
const ports = () => createGraphPorts({ authorityHost: standIn.server.url, graphBaseUrl: standIn.server.graphBaseUrl, credential: standIn.secret, ca: standIn.server.caPem })
const openTenant = () => {
    const store = openStore(dataFile(), { box: createSecretBox(key, new SecretRegistry()) })
    return { store, tenant: store.forTenant(TENANT) }
}

function queueWriteBack(controlId: string): string {
    const number = `INC${randomBytes(3).toString('hex')}`
    queueRow(dataFile(), key, TENANT, controlId, number)
    return number
}

const statusOnDisk = (number: string) => writeBackStatusOnDisk(dataFile(), number)

async function stopWhileSending(jobsGraceMs: number): Promise<{ code: number | null; number: string; controlId: string; before: number; log: string[] }> {
    const controlId = controls.shift() as string
    const before = standIn.server.stateUpdates(TENANT, controlId).length
    const number = queueWriteBack(controlId)
    standIn.server.setFaults({ latencyMs: LATENCY_MS })
    const child = await startChild('shutdown-write-back-child.ts', {
        SHUTDOWN_DATA_FILE: dataFile(),
        SHUTDOWN_TENANT: TENANT,
        SHUTDOWN_JOBS_GRACE_MS: String(jobsGraceMs),
        BRIDGE_SECRET_KEY: key.bytes.toString('base64'),
        GRAPH_AUTHORITY_HOST: standIn.server.url,
        GRAPH_BASE_URL: standIn.server.graphBaseUrl,
        GRAPH_CA_FILE: standIn.server.caFile,
        GRAPH_CLIENT_ID: standIn.server.demo.clientId,
        GRAPH_CLIENT_SECRET: standIn.server.demo.clientSecret,
    })
    // Marked sending, committed, right before its PATCH leaves.
    await waitFor(() => statusOnDisk(number) === 'sending')
    child.process.kill('SIGTERM')
    const code = await child.exited
    return { code, number, controlId, before, log: logLines(child).map((line) => String(line.message)) }
}

it('a PATCH that ends within the grace: the row is done before the store closes, and Graph has it once', async () => {
    const { code, number, controlId, before, log } = await stopWhileSending(60_000)
    expect(code).toBe(0)
    // The PATCH in flight ends between the signal and the store's close.
    expect(log).toEqual(['stop: SIGTERM (a second one exits without waiting)', 'write-back: 1 written, 0 skipped', 'stopped'])
    const { store, tenant } = openTenant()
    expect(tenant.outbox.latestForTicket(number)).toMatchObject({ status: 'done', attempts: 1 })
    store.close()
    expect(standIn.server.stateUpdates(TENANT, controlId).slice(before)).toEqual([expect.objectContaining({ state: 'ThirdParty' })])
})

it('a PATCH still out when the grace ends: the row stays sending, and the next process writes nothing again', async () => {
    const { code, number, controlId, before, log } = await stopWhileSending(100)
    expect(code).toBe(0)
    expect(log).toContain('stop: write-back still running after 100 ms, not waited for')
    expect(statusOnDisk(number)).toBe('sending')

    // The next start (same latency: the PATCH the stopped process sent reaches Graph before this one's read does).
    const { store, tenant } = openTenant()
    const writeBack = createWriteBack({ store: tenant, graph: ports().writeBackGraph, log: () => {} })
    expect(await writeBack.drain()).toMatchObject({ done: 1, failed: 0 })
    await writeBack.stop()
    expect(tenant.outbox.latestForTicket(number)).toMatchObject({ status: 'done' })
    store.close()
    expect(standIn.server.stateUpdates(TENANT, controlId).slice(before)).toEqual([expect.objectContaining({ state: 'ThirdParty' })])
})
