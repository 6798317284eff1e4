// createSecureScoreClient against the Graph stand-in over HTTPS: paging, throttling and outages, partial answers,
// 401 and 403, PATCH, the per-tenant limit of 4 requests in flight, and nextLinks to another origin.
import type { SecureScoreControlProfile } from '@microsoft/microsoft-graph-types'
import { currentState, isDeviceControl } from '../../../bridge/ports/graph/control-state.ts'
import { createSecureScoreClient, GraphRequestError, type SecureScoreClientOptions } from '../../../bridge/ports/graph/secure-score-client.ts'
import type { TokenSource } from '../../../bridge/ports/graph/token-source.ts'
import { DEMO_TENANT } from '../../../emulator/graph/fixtures/tenants.ts'
import { OTHER_TENANT, startStandIn, type StandIn } from './stand-in.ts'

const DEMO = DEMO_TENANT.tenantId
const PROFILES_PATH = '/v1.0/security/secureScoreControlProfiles'

let standIn: StandIn
let demoProfiles: SecureScoreControlProfile[]
let otherIds: string[]
beforeAll(async () => {
    standIn = await startStandIn()
    const client = clientWith()
    demoProfiles = (await client.listControlProfiles(DEMO)).profiles
    otherIds = (await client.listControlProfiles(OTHER_TENANT)).profiles.map((p) => p.id as string)
})
afterEach(() => {
    standIn.server.setFaults({})
    standIn.setClockSkewMs(0)
})
afterAll(() => standIn.close())

/** Records the waits instead of waiting them, so Retry-After costs no test time. */
function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
    const waits: number[] = []
    return { waits, sleep: async (ms) => void waits.push(ms) }
}

function clientWith(options: Partial<SecureScoreClientOptions> = {}) {
    return createSecureScoreClient({ graphBaseUrl: standIn.server.graphBaseUrl, tokens: standIn.tokens(), ca: standIn.server.caPem, ...options })
}

async function failure(promise: Promise<unknown>): Promise<GraphRequestError> {
    const error = await promise.then(
        () => null,
        (e: unknown) => e,
    )
    if (!(error instanceof GraphRequestError)) throw new Error(`expected a GraphRequestError, got ${String(error)}`)
    return error
}

const writableId = () => demoProfiles.find((p) => !isDeviceControl(p.id as string))?.id as string

describe('reading', () => {
    it('follows @odata.nextLink to the end: 250 profiles in three pages, none twice', async () => {
        const from = standIn.mark()
        const list = await clientWith().listControlProfiles(OTHER_TENANT)
        expect(list).toMatchObject({ partial: false, warning: null })
        expect(list.profiles).toHaveLength(250)
        expect(new Set(list.profiles.map((p) => p.id)).size).toBe(250)
        expect(standIn.since(from).filter((e) => e.path === PROFILES_PATH).map((e) => e.status)).toEqual([200, 200, 200])
    })

    it('lists the newest n scores, newest first', async () => {
        const { scores, partial } = await clientWith().listScores(DEMO, 5)
        expect(partial).toBe(false)
        expect(scores).toHaveLength(5)
        const dates = scores.map((s) => s.createdDateTime as string)
        expect([...dates].sort().reverse()).toEqual(dates)
        expect(scores[0].id).toMatch(new RegExp(`^${DEMO}_\\d{4}-\\d{2}-\\d{2}$`))
    })

    it('gets one profile, and a 404 is permanent with code and request-id', async () => {
        const id = writableId()
        await expect(clientWith().getControlProfile(DEMO, id)).resolves.toMatchObject({ id, controlCategory: expect.any(String) })
        const error = await failure(clientWith().getControlProfile(DEMO, 'NoSuchControl'))
        expect(error).toMatchObject({ status: 404, code: 'itemNotFound', permanent: true, retryAfterSeconds: null })
        expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/)
        expect(error.message).toMatch(/404 itemNotFound: .*NoSuchControl.*request-id/)
    })
})

describe('throttling, outages and partial answers', () => {
    it('waits out a 429 on every third call (Retry-After) and still returns exactly the full list', async () => {
        standIn.server.setFaults({ throttleEvery: 3, retryAfterSeconds: 2 })
        const { sleep, waits } = recordingSleep()
        const from = standIn.mark()
        const list = await clientWith({ sleep }).listControlProfiles(OTHER_TENANT)
        expect(list.profiles.map((p) => p.id)).toEqual(otherIds)
        const statuses = standIn.since(from).filter((e) => e.path === PROFILES_PATH).map((e) => e.status)
        expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0)
        expect(statuses.filter((s) => s === 200)).toHaveLength(3)
        expect(waits).toEqual(statuses.filter((s) => s === 429).map(() => 2000))
    })

    it('retries a 503 after its Retry-After', async () => {
        standIn.server.setFaults({ unavailableEvery: 2, retryAfterSeconds: 1 })
        const { sleep, waits } = recordingSleep()
        const client = clientWith({ sleep })
        const from = standIn.mark()
        // Two calls in a row: one of them meets the 503, whichever call the stand-in's count is at.
        await expect(client.getControlProfile(DEMO, writableId())).resolves.toMatchObject({ id: writableId() })
        await expect(client.getControlProfile(DEMO, writableId())).resolves.toMatchObject({ id: writableId() })
        const unavailable = standIn.since(from).filter((e) => e.status === 503)
        expect(unavailable.length).toBeGreaterThan(0)
        expect(waits).toEqual(unavailable.map(() => 1000))
    })

    it('gives up after maxAttempts, with a non-permanent error that carries Retry-After', async () => {
        standIn.server.setFaults({ unavailableEvery: 1, retryAfterSeconds: 1 })
        const { sleep, waits } = recordingSleep()
        const from = standIn.mark()
        const error = await failure(clientWith({ sleep, maxAttempts: 3 }).getControlProfile(DEMO, writableId()))
        expect(error).toMatchObject({ status: 503, code: 'serviceNotAvailable', permanent: false, retryAfterSeconds: 1 })
        expect(standIn.since(from).filter((e) => e.path.startsWith('/v1.0/')).map((e) => e.status)).toEqual([503, 503, 503])
        expect(waits).toEqual([1000, 1000])
    })

    it('does not wait a Retry-After longer than maxRetryAfterSeconds', async () => {
        standIn.server.setFaults({ throttleEvery: 1, retryAfterSeconds: 30 })
        const { sleep, waits } = recordingSleep()
        const error = await failure(clientWith({ sleep, maxRetryAfterSeconds: 10 }).listScores(DEMO, 1))
        expect(error).toMatchObject({ status: 429, permanent: false, retryAfterSeconds: 30 })
        expect(waits).toEqual([])
    })

    it('flags a 206 answer as partial, with its Warning', async () => {
        standIn.server.setFaults({ partialEvery: 1 })
        const list = await clientWith().listControlProfiles(DEMO)
        expect(list.partial).toBe(true)
        expect(list.warning).toMatch(/^199 /)
        expect(list.profiles.length).toBeLessThan(demoProfiles.length)
    })
})

describe('tokens Graph refuses', () => {
    it('gets a new token once when Graph finds the cached one expired, and succeeds', async () => {
        const tokens = standIn.tokens()
        const client = clientWith({ tokens })
        const before = await tokens.accessToken(DEMO)
        // Graph's clock is two hours on: the token msal cached (valid by msal's clock) has expired for Graph.
        standIn.setClockSkewMs(2 * 3600_000)
        const from = standIn.mark()
        await expect(client.getControlProfile(DEMO, writableId())).resolves.toMatchObject({ id: writableId() })
        expect(standIn.since(from).map((e) => `${e.method} ${e.status}`)).toEqual(['GET 401', 'POST 200', 'GET 200'])
        await expect(tokens.accessToken(DEMO)).resolves.not.toBe(before)
    })

    it('throws a permanent 401 when the new token is refused too, without the token in the message', async () => {
        const asked: (string | undefined)[] = []
        const tokens: TokenSource = {
            accessToken: async (_tenantId, options) => {
                asked.push(options?.rejected)
                return `not.a.token${asked.length}`
            },
            grantedRoles: async () => [],
        }
        const from = standIn.mark()
        const error = await failure(clientWith({ tokens }).listControlProfiles(DEMO))
        expect(error).toMatchObject({ status: 401, code: 'InvalidAuthenticationToken', permanent: true })
        expect(error.message).not.toMatch(/not\.a\.token/)
        expect(asked).toEqual([undefined, 'not.a.token1'])
        expect(standIn.since(from)).toHaveLength(2)
    })
})

describe('updating a control state', () => {
    it('appends exactly one state update, which becomes the current state', async () => {
        const id = writableId()
        const before = standIn.server.stateUpdates(DEMO, id)
        await clientWith().updateControlState(DEMO, id, { state: 'ThirdParty', comment: 'Covered by our own MFA provider (CHG0030001)', assignedTo: 'secops@contoso.com' })
        const after = standIn.server.stateUpdates(DEMO, id)
        expect(after).toHaveLength(before.length + 1)
        expect(after[after.length - 1]).toMatchObject({ state: 'ThirdParty', comment: 'Covered by our own MFA provider (CHG0030001)', assignedTo: 'secops@contoso.com' })
        expect(currentState(await clientWith().getControlProfile(DEMO, id))?.state).toBe('ThirdParty')
    })

    it('appends exactly one update through a 429 (the 204 also shows vendorInformation was sent: the stand-in answers 400 without it)', async () => {
        const id = writableId()
        const before = standIn.server.stateUpdates(DEMO, id).length
        standIn.server.setFaults({ throttleEvery: 2, retryAfterSeconds: 1 })
        const { sleep } = recordingSleep()
        const client = clientWith({ sleep })
        await client.getControlProfile(DEMO, id)
        const from = standIn.mark()
        // With every second call throttled, the PATCH meets a 429 whatever the GET met.
        await client.updateControlState(DEMO, id, { state: 'Reviewed' })
        expect(standIn.since(from).map((e) => `${e.method} ${e.status}`)).toEqual(['PATCH 429', 'PATCH 204'])
        expect(standIn.server.stateUpdates(DEMO, id)).toHaveLength(before + 1)
        expect(standIn.server.stateUpdates(DEMO, id).at(-1)?.state).toBe('Reviewed')
    })

    it('throws a permanent 403 for a read-only app, and nothing is appended', async () => {
        const id = writableId()
        const before = standIn.server.stateUpdates(DEMO, id).length
        const error = await failure(clientWith({ tokens: standIn.tokens(standIn.readOnly) }).updateControlState(DEMO, id, { state: 'Ignored' }))
        expect(error).toMatchObject({ status: 403, code: 'accessDenied', permanent: true })
        expect(standIn.server.stateUpdates(DEMO, id)).toHaveLength(before)
    })

    it('throws a permanent 403 when Graph refuses app-only writes', async () => {
        standIn.server.setFaults({ refuseAppOnlyPatch: true })
        const error = await failure(clientWith().updateControlState(DEMO, writableId(), { state: 'Ignored' }))
        expect(error).toMatchObject({ status: 403, permanent: true })
    })

    it('refuses a Device control and an undocumented state without calling Graph', async () => {
        const from = standIn.mark()
        await expect(clientWith().updateControlState(DEMO, 'scid_2000', { state: 'Ignored' })).rejects.toThrow(/Device control/)
        await expect(clientWith().updateControlState(DEMO, writableId(), { state: 'Planned' as 'Default' })).rejects.toThrow(/Not a Secure Score control state/)
        expect(standIn.since(from)).toEqual([])
    })
})

describe('the limit of 4 requests in flight per tenant', () => {
    it('keeps every tenant at 4 in flight: the stand-in answers 429 above 4, and no call is refused', async () => {
        standIn.server.setFaults({ latencyMs: 40 })
        // maxAttempts 1: a single 429 would fail the call.
        const client = clientWith({ maxAttempts: 1 })
        const from = standIn.mark()
        const calls = [DEMO, OTHER_TENANT].flatMap((tenantId) => [
            ...Array.from({ length: 8 }, () => client.getControlProfile(tenantId, tenantId === DEMO ? writableId() : otherIds[0])),
            client.listControlProfiles(tenantId),
            client.listScores(tenantId, 3),
            ...(tenantId === DEMO ? [client.updateControlState(DEMO, writableId(), { state: 'Reviewed' })] : []),
        ])
        await Promise.all(calls)
        expect(standIn.since(from).filter((e) => e.status === 429)).toEqual([])
    })

    it('is what keeps the stand-in from refusing: with 8 allowed, it answers 429', async () => {
        standIn.server.setFaults({ latencyMs: 40 })
        const client = clientWith({ maxAttempts: 1, maxInFlightPerTenant: 8 })
        const results = await Promise.allSettled(Array.from({ length: 8 }, () => client.getControlProfile(DEMO, writableId())))
        const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason as GraphRequestError)
        expect(refused.length).toBeGreaterThan(0)
        expect(refused[0]).toMatchObject({ status: 429, code: 'TooManyRequests' })
    })
})

describe('paging safety', () => {
    it('refuses an @odata.nextLink to another origin than graphBaseUrl, before sending the token there', async () => {
        // Same server, other origin: the stand-in writes its nextLinks for https://127.0.0.1:port.
        const client = clientWith({ graphBaseUrl: standIn.server.graphBaseUrl.replace('127.0.0.1', 'localhost') })
        const from = standIn.mark()
        await expect(client.listControlProfiles(OTHER_TENANT)).rejects.toThrow(/Refusing an @odata.nextLink to https:\/\/127\.0\.0\.1:\d+/)
        expect(standIn.since(from).filter((e) => e.path === PROFILES_PATH)).toHaveLength(1)
    })
})

describe('no answer', () => {
    it('retries a request that times out, then gives up with a non-permanent timeout error', async () => {
        standIn.server.setFaults({ latencyMs: 300 })
        const tokens = standIn.tokens()
        await tokens.accessToken(DEMO) // before the latency, so only Graph is slow
        const { sleep, waits } = recordingSleep()
        const error = await failure(clientWith({ tokens, sleep, timeoutMs: 100, maxAttempts: 2 }).getControlProfile(DEMO, writableId()))
        expect(error).toMatchObject({ status: 0, code: 'timeout', permanent: false })
        expect(waits).toHaveLength(1)
        // The stand-in still holds the abandoned calls' concurrency slots until their latency is over.
        await new Promise((resolve) => setTimeout(resolve, 350))
    })

    it('does not retry a server certificate that fails verification (no ca given)', async () => {
        const { sleep, waits } = recordingSleep()
        const client = createSecureScoreClient({ graphBaseUrl: standIn.server.graphBaseUrl, tokens: standIn.tokens(), sleep })
        const error = await failure(client.listScores(DEMO, 1))
        expect(error).toMatchObject({ status: 0, code: 'tls', permanent: true })
        expect(error.message).toMatch(/certificate/i)
        expect(waits).toEqual([])
    })
})
