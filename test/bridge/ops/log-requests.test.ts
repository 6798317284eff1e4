// The bridge's log as the server writes it (bridge/ops/log.ts wired in bridge/server.ts), over real HTTP: one JSON
// line per request with the id sent back as X-Request-Id (a proxy's well-formed id kept, anything else replaced),
// the path without its query, and the signed-in tenant; and the levels an operator filters on, from runs that really
// went wrong: a partial and a failed Secure Score refresh, a write-back drain whose row Graph refused, a ServiceNow sync
// to an instance that does not answer (each job line warn or error, and the domain's line saying why warn).
import { demoControlProfiles } from '../../../emulator/graph/fixtures/control-profiles.ts'
import { BridgeBrowser, PEOPLE, signIn, startBridge, TENANT, type TestBridge } from '../../support/bridge-harness'

let m365: TestBridge
const lines: string[] = []
type Line = { kind: string; requestId?: string; method?: string; path?: string; status?: number; tenant?: string | null }
const requestLines = (): Line[] => lines.map((line) => JSON.parse(line) as Line).filter((line) => line.kind === 'request')

beforeAll(async () => {
    m365 = await startBridge({ logger: (line) => lines.push(line) })
})

afterAll(async () => {
    await m365?.close()
})

test("a proxy's well-formed X-Request-Id is sent back and logged; the query string is not", async () => {
    const answer = await fetch(`${m365.url}/healthz?probe=secret-looking`, { headers: { 'x-request-id': 'proxy-req-0001' } })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('x-request-id')).toBe('proxy-req-0001')
    expect(requestLines().find((line) => line.requestId === 'proxy-req-0001')).toMatchObject({ method: 'GET', path: '/healthz', status: 200, tenant: null })
    expect(lines.join('\n')).not.toContain('secret-looking')
})

test('a malformed X-Request-Id is replaced by a new id, which the answer and the line share', async () => {
    const answer = await fetch(`${m365.url}/healthz`, { headers: { 'x-request-id': 'not an id; <script>' } })
    const id = answer.headers.get('x-request-id') ?? ''
    expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/)
    expect(requestLines().filter((line) => line.requestId === id)).toHaveLength(1)
    expect(lines.join('\n')).not.toContain('<script>')
})

test("a signed-in request's line names its tenant", async () => {
    const browser = new BridgeBrowser()
    await signIn(browser, m365)
    const page = await browser.request(`${m365.url}/actions`)
    expect(page.status).toBe(200)
    const id = page.headers.get('x-request-id')
    expect(requestLines().find((line) => line.requestId === id)).toMatchObject({ method: 'GET', path: '/actions', status: 200, tenant: TENANT })
})

test('an event logged while a request is handled carries its request id: the sign-in line, the callback', () => {
    const records = lines.map((line) => JSON.parse(line) as { kind: string; message?: string; requestId?: string; path?: string })
    const signedIn = records.filter((line) => line.kind === 'event' && line.message?.startsWith(`signed in: ${PEOPLE.contosoSecurityAdmin}`))
    expect(signedIn.length).toBeGreaterThan(0)
    for (const line of signedIn) expect(records.find((request) => request.kind === 'request' && request.requestId === line.requestId)).toMatchObject({ path: '/auth/callback' })
    // The refresh at start, no request's: its events carry none.
    expect(records.filter((line) => line.kind === 'event' && /^secure score /.test(line.message ?? '') && line.requestId !== undefined)).toEqual([])
})

test("each tenant's Secure Score refresh is one job line", async () => {
    const jobs = lines.map((line) => JSON.parse(line) as { kind: string; job?: string; tenant?: string; outcome?: string; profiles?: number }).filter((line) => line.kind === 'job' && line.job === 'refresh')
    expect(jobs.find((line) => line.tenant === TENANT)).toMatchObject({ outcome: 'ok', profiles: demoControlProfiles(TENANT).length })
})

describe('failed and partial runs, at the level an operator filters on', () => {
    type Record = { kind: string; level: string; job?: string; tenant?: string | null; outcome?: string; message?: string; requestId?: string; failed?: number; done?: number }
    let failing: TestBridge
    const failingLines: string[] = []
    const records = (): Record[] => failingLines.map((line) => JSON.parse(line) as Record)
    const jobLine = (job: string, tenant: string, outcome: string) => records().find((line) => line.kind === 'job' && line.job === job && line.tenant === tenant && line.outcome === outcome)
    const eventLine = (pattern: RegExp) => records().find((line) => line.kind === 'event' && pattern.test(line.message ?? ''))

    beforeAll(async () => {
        // Every tenant's write-back drains every 50 ms, each drain a job line.
        failing = await startBridge({ logger: (line) => failingLines.push(line), writeBackIntervalMs: 50 })
    })
    afterAll(async () => {
        await failing?.close()
    })

    test("a partial refresh is a warning; a failed one is an error, and the refresher's line saying why a warning", async () => {
        failing.graphServer.setFaults({ partialEvery: 1 })
        expect((await failing.refresher.refresh(TENANT)).outcome).toBe('partial')
        failing.graphServer.setFaults({})
        // A tenant the Graph stand-in's Entra does not know: no token, so the refresh fails.
        const unknown = '0c0ffee0-0000-4000-8000-00000000dead'
        expect((await failing.refresher.refresh(unknown)).outcome).toBe('failed')
        expect(jobLine('refresh', TENANT, 'partial')).toMatchObject({ level: 'warn' })
        expect(jobLine('refresh', unknown, 'failed')).toMatchObject({ level: 'error' })
        expect(eventLine(new RegExp(`^secure score ${unknown}: refresh failed`))).toMatchObject({ level: 'warn' })
        expect(jobLine('refresh', TENANT, 'ok')).toMatchObject({ level: 'info' })
    })

    test("a write-back drain with a failed row is a warning, and so is the row's own line", async () => {
        // Graph refuses the app's PATCH (403, not retried): the row fails.
        failing.graphServer.setFaults({ refuseAppOnlyPatch: true })
        failing.store.forTenant(TENANT).outbox.enqueue({ controlId: 'AdminMFAV2', ticketNumber: 'CHG0010001', state: 'ThirdParty', comment: 'Tracked in ServiceNow CHG0010001', assignedTo: null, skipReason: null, at: new Date().toISOString() })
        while (!records().some((line) => line.job === 'write-back drain' && line.failed === 1)) await new Promise((resolve) => setTimeout(resolve, 20))
        failing.graphServer.setFaults({})
        expect(jobLine('write-back drain', TENANT, 'partial')).toMatchObject({ level: 'warn', failed: 1 })
        expect(eventLine(/^write-back AdminMFAV2 \(CHG0010001\) failed: /)).toMatchObject({ level: 'warn' })
        // A drain that writes is info; one that finds nothing to send writes no line at all.
        expect(records().filter((line) => line.job === 'write-back drain' && line.outcome === 'ok')).toEqual([])
        failing.store.forTenant(TENANT).outbox.enqueue({ controlId: 'MFARegistrationV2', ticketNumber: 'CHG0010002', state: 'ThirdParty', comment: 'Tracked in ServiceNow CHG0010002', assignedTo: null, skipReason: null, at: new Date().toISOString() })
        while (!records().some((line) => line.job === 'write-back drain' && line.done === 1)) await new Promise((resolve) => setTimeout(resolve, 20))
        expect(jobLine('write-back drain', TENANT, 'ok')).toMatchObject({ level: 'info', done: 1 })
    })

    test("a failed ServiceNow sync is an error, and the link's line saying why a warning", async () => {
        // A connection whose instance does not answer (nothing listens on port 9).
        failing.store.forTenant(TENANT).saveConnection({
            instanceUrl: 'http://127.0.0.1:9',
            clientId: 'contoso-client',
            clientSecret: 'contoso-client-secret',
            tenantId: TENANT,
            tenantName: 'Contoso',
            token: { access_token: 'contoso-access', refresh_token: 'contoso-refresh', expires_in: 1800, expires_at: new Date(Date.now() + 1800_000).toISOString() },
            status: 'connected',
            lastError: null,
            connectedAt: new Date().toISOString(),
        })
        const browser = new BridgeBrowser()
        await signIn(browser, failing)
        const page = await browser.request(`${failing.url}/tickets?type=change`)
        expect(page.status).toBe(200)
        expect(records().find((line) => line.job === 'sync' && line.requestId === page.headers.get('x-request-id'))).toMatchObject({ level: 'error', outcome: 'failed', tenant: TENANT })
        expect(eventLine(/^ticket sync failed: /)).toMatchObject({ level: 'warn' })
    })
})
