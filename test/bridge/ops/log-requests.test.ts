// The bridge's log as the server writes it (bridge/ops/log.ts wired in bridge/server.ts), over real HTTP: one JSON
// line per request with the id sent back as X-Request-Id (a proxy's well-formed id kept, anything else replaced),
// the path without its query, and the signed-in tenant.
import { demoControlProfiles } from '../../../emulator/graph/fixtures/control-profiles.ts'
import { BridgeBrowser, signIn, startBridge, TENANT, type TestBridge } from '../../support/bridge-harness'

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

test("each tenant's Secure Score refresh is one job line", async () => {
    const jobs = lines.map((line) => JSON.parse(line) as { kind: string; job?: string; tenant?: string; outcome?: string; profiles?: number }).filter((line) => line.kind === 'job' && line.job === 'refresh')
    expect(jobs.find((line) => line.tenant === TENANT)).toMatchObject({ outcome: 'ok', profiles: demoControlProfiles(TENANT).length })
})
