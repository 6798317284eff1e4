// Durability: the local instance is killed with SIGKILL in the middle of a stream of intake
// requests. After a restart on the same data folder every request that got a 2xx has its ticket,
// and when the client retries everything, nothing is duplicated.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { basic, call, TENANT, taskBody } from '../support/http-harness.ts'
import { killInstanceProcesses, signalInstanceProcess, startInstanceProcess, stopInstanceProcess } from '../support/instance-process.ts'
import { CONNECTOR_API as CONNECTOR, SETUP_API as SETUP } from '../support/api-paths.ts'

jest.setTimeout(90000)

const STREAMS = 4
const KILL_AFTER_ACKNOWLEDGED = 120

let dataDir: string

beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'durability-'))
})

afterAll(() => {
    killInstanceProcesses()
    rmSync(dataDir, { recursive: true, force: true })
})

interface Sent {
    taskId: string
    status: number | null
    number: string | null
}

it('keeps every acknowledged ticket through a SIGKILL, and retries create no duplicate', async () => {
    const first = await startInstanceProcess(dataDir, '--reset')
    const admin = basic({ user: 'admin', password: first.adminPassword! })
    const created = await call(first.url + SETUP + '/integration-user', 'POST', admin, { userName: 'm365.durability' })
    expect(created.status).toBe(201)
    const integration = basic({ user: 'm365.durability', password: created.json.result.password })
    expect((await call(first.url + CONNECTOR + '/connection', 'PUT', integration, { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'a@contoso.com' })).status).toBe(201)

    // Four streams of intakes that go on until the instance dies; it is killed once enough were acknowledged.
    const sent: Sent[] = []
    let acknowledged = 0
    let killed: Promise<number | null> | null = null
    const stream = async (streamIndex: number) => {
        for (let i = 0; ; i++) {
            const entry: Sent = { taskId: `durable-${streamIndex}-${i}`, status: null, number: null }
            sent.push(entry)
            try {
                const response = await call(first.url + CONNECTOR + '/tasks', 'POST', integration, taskBody({ taskId: entry.taskId }))
                entry.status = response.status
                entry.number = response.json?.result?.number ?? null
                if (response.status < 300 && ++acknowledged === KILL_AFTER_ACKNOWLEDGED) killed = signalInstanceProcess(first, 'SIGKILL')
            } catch {
                return // the connection died with the instance
            }
        }
    }
    await Promise.all(Array.from({ length: STREAMS }, (_, index) => stream(index)))
    await killed
    const ok = sent.filter((entry) => entry.status !== null && entry.status < 300)
    expect(ok.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKNOWLEDGED)
    expect(sent.some((entry) => entry.status === null)).toBe(true)

    const second = await startInstanceProcess(dataDir)
    try {
        for (const entry of ok) {
            const ticket = await call(`${second.url}${CONNECTOR}/tickets/${entry.number}?tenantId=${TENANT}`, 'GET', integration)
            expect({ taskId: entry.taskId, status: ticket.status }).toEqual({ taskId: entry.taskId, status: 200 })
            expect(ticket.json.result.taskId).toBe(entry.taskId)
        }
        // The client retries every request: acknowledged ones replay, the rest are created once.
        for (const entry of sent) {
            const retry = await call(second.url + CONNECTOR + '/tasks', 'POST', integration, taskBody({ taskId: entry.taskId }))
            if (entry.number) {
                expect({ taskId: entry.taskId, status: retry.status, number: retry.json.result.number }).toEqual({ taskId: entry.taskId, status: 200, number: entry.number })
            } else {
                expect([200, 201]).toContain(retry.status)
            }
        }
        const listed: string[] = []
        for (let cursor: string | null = null, first = true; first || cursor; first = false) {
            const page: { json: { result: { tickets: { taskId: string }[]; nextCursor: string | null } } } = await call(
                `${second.url}${CONNECTOR}/tickets?tenantId=${TENANT}&limit=500${cursor ? '&cursor=' + cursor : ''}`,
                'GET',
                integration,
            )
            listed.push(...page.json.result.tickets.map((ticket) => ticket.taskId))
            cursor = page.json.result.nextCursor
        }
        expect(listed.length).toBe(sent.length)
        expect(new Set(listed).size).toBe(sent.length)
    } finally {
        expect(await stopInstanceProcess(second)).toBe(0)
    }
})
