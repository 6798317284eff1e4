/**
 * A kill -9 while the write-back outbox is sending a control state to Graph (the stand-in, answering slowly), in a
 * real process over a real store, then a new process on the same store: the row the killed process left `sending`
 * ends done, and Graph holds the update exactly once (nothing lost, nothing repeated).
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { currentState, isDeviceControl } from '../../../bridge/ports/graph/control-state.ts'
import { createGraphPorts } from '../../../bridge/ports/graph/graph-ports.ts'
import { secretKeyFromBytes, type SecretKey } from '../../../bridge/security/secret-box.ts'
import { DEMO_TENANT } from '../../../emulator/graph/fixtures/tenants.ts'
import { startStandIn, type StandIn } from '../graph/stand-in.ts'
import { queueWriteBack, startChild, waitFor, writeBackStatusOnDisk } from '../ops/shutdown-process.ts'

const TENANT = DEMO_TENANT.tenantId
/** Each Graph and Entra call waits this long at the stand-in: the PATCH is in flight long enough to kill the process. */
const LATENCY_MS = 1500

let standIn: StandIn
let dir: string
const key: SecretKey = secretKeyFromBytes(randomBytes(32))

beforeAll(async () => {
    standIn = await startStandIn()
    dir = mkdtempSync(join(tmpdir(), 'bridge-kill-write-back-'))
})
afterAll(async () => {
    await standIn.close()
    rmSync(dir, { recursive: true, force: true })
})

const dataFile = () => join(dir, 'bridge.sqlite')

const statusOnDisk = (number: string) => writeBackStatusOnDisk(dataFile(), number)

const startWriteBackProcess = () =>
    startChild('../ops/shutdown-write-back-child.ts', {
        SHUTDOWN_DATA_FILE: dataFile(),
        SHUTDOWN_TENANT: TENANT,
        SHUTDOWN_JOBS_GRACE_MS: '60000',
        BRIDGE_SECRET_KEY: key.bytes.toString('base64'),
        GRAPH_AUTHORITY_HOST: standIn.server.url,
        GRAPH_BASE_URL: standIn.server.graphBaseUrl,
        GRAPH_CA_FILE: standIn.server.caFile,
        GRAPH_CLIENT_ID: standIn.server.demo.clientId,
        GRAPH_CLIENT_SECRET: standIn.server.demo.clientSecret,
    })

it('kill -9 during a write-back, then a restart on the same store: the row ends done and Graph has the update once', async () => {
    const { graph } = createGraphPorts({ authorityHost: standIn.server.url, graphBaseUrl: standIn.server.graphBaseUrl, credential: standIn.secret, ca: standIn.server.caPem })
    const { profiles } = await graph.listControlProfiles(TENANT)
    const controlId = profiles.find((p) => !isDeviceControl(p.id as string) && (currentState(p)?.state ?? 'Default') === 'Default')?.id as string
    const before = standIn.server.stateUpdates(TENANT, controlId).length

    const number = 'INC0077001'
    queueWriteBack(dataFile(), key, TENANT, controlId, number)

    standIn.server.setFaults({ latencyMs: LATENCY_MS })
    const killed = await startWriteBackProcess()
    // Marked sending, committed, right before its PATCH leaves: the kill lands while it is out.
    await waitFor(() => statusOnDisk(number) === 'sending')
    killed.process.kill('SIGKILL')
    await killed.exited
    expect(statusOnDisk(number)).toBe('sending')

    // The restart, at the same latency: the killed process's PATCH reaches Graph before the new one's read.
    const restarted = await startWriteBackProcess()
    await waitFor(() => statusOnDisk(number) === 'done')
    restarted.process.kill('SIGTERM')
    expect(await restarted.exited).toBe(0)
    standIn.server.setFaults({})
    expect(standIn.server.stateUpdates(TENANT, controlId).slice(before)).toEqual([expect.objectContaining({ state: 'ThirdParty' })])
})
