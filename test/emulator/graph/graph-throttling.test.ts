/**
 * Throttling as documented for Secure Score (4 concurrent requests per app per tenant, 429 with Retry-After) and
 * the fault switches: 429 and 503 every n-th call, 206 Partial Content with a Warning header, added latency, and
 * the GRAPH_FAULT_* environment.
 */
import { faultsFromEnv } from '../../../emulator/graph/faults.ts'
import type { GraphServer } from '../../../emulator/graph/server.ts'
import { bearer, call, secretToken, startServer } from './support.ts'

const PROFILES = '/v1.0/security/secureScoreControlProfiles'
let server: GraphServer
let token: string

beforeAll(async () => {
    server = await startServer()
    token = await secretToken(server)
})
afterAll(() => server.close())
afterEach(() => server.setFaults({}))

test('at most 4 concurrent requests per app per tenant: the 5th and 6th get 429 with Retry-After', async () => {
    server.setFaults({ latencyMs: 300 })
    const answers = await Promise.all(Array.from({ length: 6 }, () => call(server, 'GET', PROFILES + '?$top=1', bearer(token))))
    const statuses = answers.map((a) => a.status).sort()
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429])
    const throttled = answers.find((a) => a.status === 429)!
    expect(throttled.headers['retry-after']).toBe('1')
    expect(throttled.json.error.code).toBe('TooManyRequests')
    // Once the slots are free again, calls pass.
    expect((await call(server, 'GET', PROFILES + '?$top=1', bearer(token))).status).toBe(200)
})

test('/secureScores: 150 calls a minute per app per tenant, the 151st gets 429 with Retry-After until a slot frees; the profiles are not counted', async () => {
    const frozen = new Date('2026-11-30T12:00:00Z')
    const clocked = await startServer({ now: () => frozen })
    try {
        const clockedToken = await secretToken(clocked)
        for (let i = 0; i < 150; i++) expect((await call(clocked, 'GET', '/v1.0/security/secureScores?$top=1', bearer(clockedToken))).status).toBe(200)
        const over = await call(clocked, 'GET', '/v1.0/security/secureScores?$top=1', bearer(clockedToken))
        expect([over.status, over.json.error.code, over.headers['retry-after']]).toEqual([429, 'TooManyRequests', '60'])
        expect((await call(clocked, 'GET', PROFILES + '?$top=1', bearer(clockedToken))).status).toBe(200)
    } finally {
        await clocked.close()
    }
})

test('throttleEvery: every n-th Graph call answers 429 with Retry-After: retryAfterSeconds', async () => {
    server.setFaults({ throttleEvery: 3, retryAfterSeconds: 7 })
    const statuses: number[] = []
    let retryAfter: string | undefined
    for (let i = 0; i < 6; i++) {
        const answer = await call(server, 'GET', PROFILES + '?$top=1', bearer(token))
        statuses.push(answer.status)
        if (answer.status === 429) retryAfter = answer.headers['retry-after'] as string
    }
    expect(statuses.filter((s) => s === 429)).toHaveLength(2)
    expect(retryAfter).toBe('7')
})

test('unavailableEvery: every n-th Graph call answers 503 with Retry-After', async () => {
    server.setFaults({ unavailableEvery: 1 })
    const answer = await call(server, 'GET', '/v1.0/security/secureScores?$top=1', bearer(token))
    expect(answer.status).toBe(503)
    expect(answer.headers['retry-after']).toBe('1')
})

test('partialEvery: the profile list answers 206 with a Warning header and some profiles missing', async () => {
    const full = await call(server, 'GET', PROFILES, bearer(token))
    server.setFaults({ partialEvery: 1 })
    const partial = await call(server, 'GET', PROFILES, bearer(token))
    expect(partial.status).toBe(206)
    expect(partial.headers.warning).toMatch(/^199 - "Microsoft\/SecureScore\/\d{3}\/\d+"$/)
    expect(partial.json.value.length).toBeLessThan(full.json.value.length)
    expect(partial.json.value.length).toBeGreaterThan(0)
})

test('latencyMs delays every answer', async () => {
    server.setFaults({ latencyMs: 150 })
    const started = Date.now()
    await call(server, 'GET', PROFILES + '?$top=1', bearer(token))
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
})

test('the GRAPH_FAULT_* environment sets the switches; a malformed number is an error', () => {
    expect(faultsFromEnv({ GRAPH_FAULT_THROTTLE_EVERY: '5', GRAPH_FAULT_RETRY_AFTER_SECONDS: '2', GRAPH_FAULT_UNAVAILABLE_EVERY: '7', GRAPH_FAULT_PARTIAL_EVERY: '3', GRAPH_FAULT_LATENCY_MS: '20', GRAPH_FAULT_REFUSE_APP_ONLY_PATCH: '1' })).toEqual({
        throttleEvery: 5, retryAfterSeconds: 2, unavailableEvery: 7, partialEvery: 3, latencyMs: 20, refuseAppOnlyPatch: true,
    })
    expect(() => faultsFromEnv({ GRAPH_FAULT_THROTTLE_EVERY: 'often' })).toThrow(/GRAPH_FAULT_THROTTLE_EVERY/)
})
