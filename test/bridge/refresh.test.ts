// Refreshing a tenant's Secure Score snapshot against the real Graph stand-in (HTTPS, msal tokens) into a real
// SQLite store: a full answer replaces it; a 206 or a failure keeps the last full one and says why; a read-only
// app is noticed; concurrent refreshes of one tenant share one run.
import { createSecureScoreRefresher, readSecureScore, SCORE_HISTORY_DAYS, type SecureScoreRefresher } from '../../bridge/domain/refresh.ts'
import { createSecureScoreClient, GraphRequestError } from '../../bridge/ports/graph/secure-score-client.ts'
import { createTokenSource, type GraphCredential } from '../../bridge/ports/graph/token-source.ts'
import type { BridgeStore, TenantStore } from '../../bridge/store/store.ts'
import { demoControlProfiles } from '../../emulator/graph/fixtures/control-profiles.ts'
import { DEMO_TENANT } from '../../emulator/graph/fixtures/tenants.ts'
import type { GraphServer } from '../../emulator/graph/server.ts'
import { startGraph, testStore } from '../support/bridge-harness.ts'

const TENANT = DEMO_TENANT.tenantId
const PROFILES = demoControlProfiles(TENANT).length

let graph: GraphServer
const stores: BridgeStore[] = []

beforeAll(async () => {
    graph = await startGraph()
})
afterEach(() => {
    graph.setFaults({})
    for (const store of stores.splice(0)) store.close()
})
afterAll(() => graph.close())

function refresherFor(server: GraphServer, options: { credential?: GraphCredential; maxAttempts?: number; store?: BridgeStore } = {}): { file: BridgeStore; store: TenantStore; refresher: SecureScoreRefresher; lines: string[] } {
    const file = options.store ?? testStore()
    if (!options.store) stores.push(file)
    const store = file.forTenant(TENANT)
    const tokens = createTokenSource({ authorityHost: server.url, credential: options.credential ?? { clientId: server.demo.clientId, clientSecret: server.demo.clientSecret }, ca: server.caPem })
    const client = createSecureScoreClient({ graphBaseUrl: server.graphBaseUrl, tokens, ca: server.caPem, maxAttempts: options.maxAttempts ?? 2, maxRetryAfterSeconds: 0 })
    const lines: string[] = []
    const refresher = createSecureScoreRefresher({ store: file, graph: client, tokens, tenants: [TENANT], log: (line) => lines.push(line) })
    return { file, store, refresher, lines }
}

const graphCalls = (from: number, path: string) => graph.requestLog().slice(from).filter((r) => r.method === 'GET' && r.path.endsWith(path))

test('a full refresh stores every profile and 90 daily scores, newest first, and clears the status', async () => {
    const { store, refresher, lines } = refresherFor(graph)
    store.secureScore.saveStatus({ lastError: 'an old error', partialWarning: 'an old warning' })
    const result = await refresher.refresh(TENANT)
    expect(result).toEqual({ tenantId: TENANT, outcome: 'full', profiles: PROFILES, error: null })
    expect(store.secureScore.profiles()).toHaveLength(PROFILES)
    expect(store.secureScore.profile('AdminMFAV2')).toMatchObject({ title: expect.stringContaining('multifactor'), controlCategory: 'Identity' })
    const scores = store.secureScore.scores()
    expect(scores).toHaveLength(SCORE_HISTORY_DAYS)
    expect(scores[0].createdDateTime! > scores[89].createdDateTime!).toBe(true)
    expect(store.secureScore.latestScore()?.id).toBe(scores[0].id)
    // The newest day in full (each action's points), the older days only as the chart needs them.
    expect(store.secureScore.latestScore()?.controlScores?.length).toBeGreaterThan(0)
    expect(Object.keys(scores[1]).sort()).toEqual(['createdDateTime', 'currentScore', 'id', 'maxScore'])
    expect(store.secureScore.status()).toMatchObject({ lastFullAt: expect.any(String), lastError: null, partialWarning: null, readOnly: false })
    expect(lines.join('\n')).toContain(`${PROFILES} profiles, 90 scores`)
})

test('a 206 Partial Content keeps the previous full snapshot and records the warning', async () => {
    const { store, refresher } = refresherFor(graph)
    await refresher.refresh(TENANT)
    const lastFullAt = store.secureScore.status().lastFullAt
    graph.setFaults({ partialEvery: 1 })
    const result = await refresher.refresh(TENANT)
    expect(result.outcome).toBe('partial')
    expect(result.profiles).toBeLessThan(PROFILES)
    expect(store.secureScore.profiles()).toHaveLength(PROFILES)
    expect(store.secureScore.scores()).toHaveLength(90)
    const status = store.secureScore.status()
    expect(status.partialWarning).toEqual(expect.any(String))
    expect(status.partialWarning!.length).toBeGreaterThan(0)
    expect(status).toMatchObject({ lastFullAt, lastError: null })
    expect(status.lastAttemptAt! >= lastFullAt!).toBe(true)

    // The next full answer clears the warning.
    graph.setFaults({})
    expect((await refresher.refresh(TENANT)).outcome).toBe('full')
    expect(store.secureScore.status().partialWarning).toBeNull()
})

test('a partial answer before any full one leaves the snapshot empty rather than half full', async () => {
    const { store, refresher } = refresherFor(graph)
    graph.setFaults({ partialEvery: 1 })
    expect((await refresher.refresh(TENANT)).outcome).toBe('partial')
    expect(store.secureScore.profiles()).toEqual([])
    expect(store.secureScore.status().lastFullAt).toBeNull()
})

test('503 on every call (attempts used up): the snapshot is kept and the error recorded', async () => {
    const { store, refresher } = refresherFor(graph, { maxAttempts: 2 })
    await refresher.refresh(TENANT)
    const before = store.secureScore.status()
    graph.setFaults({ unavailableEvery: 1, retryAfterSeconds: 0 })
    const result = await refresher.refresh(TENANT)
    // In plain words for the page; the technical message goes to the log.
    expect(result).toMatchObject({ outcome: 'failed', profiles: 0, error: 'Microsoft Graph is busy or had an error (HTTP 503). The next refresh tries again.' })
    expect(store.secureScore.profiles()).toHaveLength(PROFILES)
    expect(store.secureScore.scores()).toHaveLength(90)
    expect(store.secureScore.status()).toMatchObject({ lastFullAt: before.lastFullAt, lastError: result.error, partialWarning: null })
    // A full refresh afterwards clears the error.
    graph.setFaults({})
    expect((await refresher.refresh(TENANT)).outcome).toBe('full')
    expect(store.secureScore.status().lastError).toBeNull()
})

test('the stand-in gone: the snapshot is kept and the error recorded', async () => {
    const own = await startGraph()
    const { store, refresher } = refresherFor(own, { maxAttempts: 1 })
    expect((await refresher.refresh(TENANT)).outcome).toBe('full')
    await own.close()
    const result = await refresher.refresh(TENANT)
    expect(result.outcome).toBe('failed')
    expect(result.error).toEqual(expect.any(String))
    expect(result.error).not.toMatch(/ECONNREFUSED|https?:\/\//)
    expect(store.secureScore.profiles()).toHaveLength(PROFILES)
    expect(store.secureScore.status().lastError).toBe(result.error)
})

test('an app with only SecurityEvents.Read.All: the snapshot is read and the tenant marked read-only', async () => {
    const readOnlyApp = { clientId: '0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f', clientSecret: 'Rd08Q~ReadOnlyAppOfTheRefreshTests-00000' }
    const own = await startGraph({ apps: [{ ...readOnlyApp, roles: ['SecurityEvents.Read.All'] }] })
    try {
        const { store, refresher } = refresherFor(own, { credential: readOnlyApp })
        expect((await refresher.refresh(TENANT)).outcome).toBe('full')
        expect(store.secureScore.profiles()).toHaveLength(PROFILES)
        expect(store.secureScore.status().readOnly).toBe(true)
    } finally {
        await own.close()
    }
    // The ReadWrite app is not read-only.
    const { store, refresher } = refresherFor(graph)
    await refresher.refresh(TENANT)
    expect(store.secureScore.status().readOnly).toBe(false)
})

test('concurrent refreshes of one tenant share one run', async () => {
    const { refresher } = refresherFor(graph)
    await refresher.refresh(TENANT) // a token first, so only Graph calls are counted below
    const from = graph.requestLog().length
    const runs = [refresher.refresh(TENANT), refresher.refresh(TENANT), refresher.refresh(TENANT)]
    expect(runs[1]).toBe(runs[0])
    expect(runs[2]).toBe(runs[0])
    const results = await Promise.all(runs)
    expect(results.every((r) => r.outcome === 'full')).toBe(true)
    expect(graphCalls(from, '/security/secureScoreControlProfiles')).toHaveLength(1)
    // One run reads the newest score in full and the 90 days' totals: two calls, not two per caller.
    expect(graphCalls(from, '/security/secureScores')).toHaveLength(2)
    // Once finished, the next refresh is a new run.
    const next = graph.requestLog().length
    await Promise.all([refresher.refreshAll(), refresher.refresh(TENANT)])
    expect(graphCalls(next, '/security/secureScoreControlProfiles')).toHaveLength(1)
    await refresher.refresh(TENANT)
    expect(graphCalls(next, '/security/secureScoreControlProfiles')).toHaveLength(2)
})

test('stop() waits for the refresh in flight', async () => {
    const { store, refresher } = refresherFor(graph)
    graph.setFaults({ latencyMs: 150 })
    const running = refresher.refresh(TENANT)
    await refresher.stop()
    expect(store.secureScore.profiles()).toHaveLength(PROFILES)
    expect((await running).outcome).toBe('full')
})

test('a Graph that refuses $select on the score history (400) is asked again for whole days', async () => {
    // $select on secureScores rests on the metadata's SelectSupport, which the stand-in follows; this client stands
    // for a Graph that refuses it: the real client, with a 400 for any history read that selects.
    const tokens = createTokenSource({ authorityHost: graph.url, credential: { clientId: graph.demo.clientId, clientSecret: graph.demo.clientSecret }, ca: graph.caPem })
    const real = createSecureScoreClient({ graphBaseUrl: graph.graphBaseUrl, tokens, ca: graph.caPem })
    const refusing = {
        ...real,
        listScores: (tenantId: string, top: number, select?: string[]) =>
            select ? Promise.reject(new GraphRequestError('400 BadRequest: $select', { status: 400, code: 'BadRequest', retryAfterSeconds: null, requestId: null, permanent: true })) : real.listScores(tenantId, top),
    }
    const read = await readSecureScore(refusing, tokens, TENANT)
    expect(read.scores.scores).toHaveLength(SCORE_HISTORY_DAYS)
    expect(read.scores.scores[1].controlScores?.length).toBeGreaterThan(0)
})

test('a token whose roles cannot be read leaves write-back on: read-only only when the roles are known to lack ReadWrite', async () => {
    const tokens = createTokenSource({ authorityHost: graph.url, credential: { clientId: graph.demo.clientId, clientSecret: graph.demo.clientSecret }, ca: graph.caPem })
    const client = createSecureScoreClient({ graphBaseUrl: graph.graphBaseUrl, tokens, ca: graph.caPem })
    expect((await readSecureScore(client, tokens, TENANT)).readOnly).toBe(false)
    expect((await readSecureScore(client, { ...tokens, grantedRoles: async () => null }, TENANT)).readOnly).toBe(false)
    expect((await readSecureScore(client, { ...tokens, grantedRoles: async () => ['SecurityEvents.Read.All'] }, TENANT)).readOnly).toBe(true)
})
