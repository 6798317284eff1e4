/**
 * Graph v1.0 reads: authentication (401), permission (403), the two collections with paging, query options, the
 * entity GETs, and the refusals (400 for what is not an option, 501 for what is not emulated). Every answer body is
 * checked against Microsoft's metadata (the CSDL extract) where it carries entities.
 */
import { loadCsdl, SECURE_SCORE_CSDL } from '../../../emulator/graph/fixtures/csdl.ts'
import { DEMO_TENANT } from '../../../emulator/graph/fixtures/tenants.ts'
import type { GraphServer } from '../../../emulator/graph/server.ts'
import { signJwt } from '../../../emulator/graph/jwt.ts'
import { loadOrCreateTls } from '../../../emulator/graph/tls.ts'
import { bearer, call, secretToken, startServer, tempDataDir, type HttpAnswer } from './support.ts'

const BIG = { tenantId: 'b6a1c0de-0000-4000-8000-00000000b16b', displayName: 'Fabrikam' }
const NOW = new Date('2026-11-30T12:00:00Z')
const csdl = loadCsdl(SECURE_SCORE_CSDL)

const dataDir = tempDataDir()
let server: GraphServer
let token: string
let bigToken: string
let readOnlyToken: string
let noRoleToken: string

beforeAll(async () => {
    server = await startServer({
        dataDir,
        now: () => NOW,
        tenants: [{ tenantId: DEMO_TENANT.tenantId, displayName: DEMO_TENANT.displayName }, { ...BIG, profiles: 250, scoreDays: 120 }],
        apps: [
            { clientId: DEMO_TENANT.clientId, clientSecret: DEMO_TENANT.clientSecret, roles: ['SecurityEvents.ReadWrite.All'] },
            { clientId: 'a0000000-0000-4000-8000-0000000000a1', clientSecret: 'read-only-secret', roles: ['SecurityEvents.Read.All'] },
            { clientId: 'a0000000-0000-4000-8000-0000000000a2', clientSecret: 'no-role-secret', roles: [] },
        ],
    })
    token = await secretToken(server)
    bigToken = await secretToken(server, undefined, BIG.tenantId)
    readOnlyToken = await secretToken(server, { clientId: 'a0000000-0000-4000-8000-0000000000a1', clientSecret: 'read-only-secret' })
    noRoleToken = await secretToken(server, { clientId: 'a0000000-0000-4000-8000-0000000000a2', clientSecret: 'no-role-secret' })
})
afterAll(() => server.close())

const PROFILES = '/v1.0/security/secureScoreControlProfiles'
const SCORES = '/v1.0/security/secureScores'
const get = (path: string, t = token, headers: Record<string, string> = {}): Promise<HttpAnswer> => call(server, 'GET', path, bearer(t, headers))

function expectGraphError(answer: HttpAnswer, status: number, message?: RegExp): void {
    expect(answer.status).toBe(status)
    expect(answer.json.error).toEqual({ code: expect.any(String), message: expect.any(String), innerError: { date: expect.any(String), 'request-id': expect.any(String), 'client-request-id': expect.any(String) } })
    // One request id, in the header and in innerError.
    expect(answer.json.error.innerError['request-id']).toBe(answer.headers['request-id'])
    if (message) expect(answer.json.error.message).toMatch(message)
}

describe('authentication and permission', () => {
    test('no token, a malformed one, or one signed by another key: 401 with the Graph error shape', async () => {
        expectGraphError(await call(server, 'GET', PROFILES), 401)
        expectGraphError(await get(PROFILES, 'not-a-jwt'), 401)
        const { generateKeyPairSync } = await import('node:crypto')
        const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
        const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as Record<string, unknown>
        const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>
        expectGraphError(await get(PROFILES, signJwt(header, claims, key)), 401, /signature/i)
    })

    test('a token of this stand-in for another audience, another issuer or an unknown tenant: 401 InvalidAuthenticationToken with WWW-Authenticate: Bearer', async () => {
        const key = loadOrCreateTls(dataDir).signingKeyPem
        const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as Record<string, unknown>
        const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>
        const unknownTenant = '00000000-0000-4000-8000-00000000dead'
        const cases: [Record<string, unknown>, RegExp][] = [
            [{ aud: 'https://management.azure.com' }, /audience/],
            [{ iss: 'https://sts.windows.net/someone-else/' }, /issuer/],
            [{ tid: unknownTenant, iss: `https://sts.windows.net/${unknownTenant}/` }, /issuer/],
        ]
        expect((await get(PROFILES, signJwt(header, claims, key))).status).toBe(200) // the re-signed token itself is fine
        for (const [change, message] of cases) {
            const answer = await get(PROFILES, signJwt(header, { ...claims, ...change }, key))
            expectGraphError(answer, 401, message)
            expect(answer.json.error.code).toBe('InvalidAuthenticationToken')
            expect(answer.headers['www-authenticate']).toMatch(/^Bearer /)
        }
        expect((await call(server, 'GET', PROFILES)).headers['www-authenticate']).toMatch(/^Bearer /)
    })

    test('an expired or not yet valid token: 401 (a second server on the same dataDir signs with the same key, with its clock moved)', async () => {
        for (const offset of [2 * 3600_000, -3600_000]) {
            const other = await startServer({ dataDir, now: () => new Date(NOW.getTime() + offset), tenants: [{ tenantId: DEMO_TENANT.tenantId, displayName: DEMO_TENANT.displayName }] })
            try {
                expectGraphError(await call(other, 'GET', PROFILES, bearer(token)), 401, offset > 0 ? /expired/ : /not yet valid/)
            } finally {
                await other.close()
            }
        }
    })

    test('the tenant is the token\'s tid: the same path answers each tenant its own data', async () => {
        const demo = await get(PROFILES + '?$count=true')
        const big = await get(PROFILES + '?$count=true', bigToken)
        expect(demo.json['@odata.count']).toBeLessThan(250)
        expect(big.json['@odata.count']).toBe(250)
        expect(new Set(big.json.value.map((p: { azureTenantId: string }) => p.azureTenantId))).toEqual(new Set([BIG.tenantId]))
    })

    test('reads need SecurityEvents.Read.All or ReadWrite.All: 403 without either', async () => {
        expect((await get(PROFILES, readOnlyToken)).status).toBe(200)
        expectGraphError(await get(PROFILES, noRoleToken), 403, /SecurityEvents\.Read\.All/)
        expectGraphError(await get(SCORES, noRoleToken), 403)
    })
})

describe('secureScoreControlProfiles', () => {
    test('a page of at most 100 (local choice) with @odata.context and an absolute @odata.nextLink carrying an opaque $skiptoken; following it yields every profile once', async () => {
        const first = await get(PROFILES, bigToken)
        expect(first.status).toBe(200)
        expect(first.json['@odata.context']).toBe(`${server.url}/v1.0/$metadata#security/secureScoreControlProfiles`)
        expect(first.json.value).toHaveLength(100)
        const ids: string[] = []
        let page = first
        for (;;) {
            ids.push(...page.json.value.map((p: { id: string }) => p.id))
            const next = page.json['@odata.nextLink'] as string | undefined
            if (!next) break
            expect(next.startsWith(`${server.url}/v1.0/security/secureScoreControlProfiles?$skiptoken=`)).toBe(true)
            page = await call(server, 'GET', next, bearer(bigToken))
            expect(page.status).toBe(200)
        }
        expect(ids).toHaveLength(250)
        expect(new Set(ids).size).toBe(250)
    })

    test('$top limits the result (pages of at most 100), $skip skips, $count adds @odata.count', async () => {
        const top = await get(PROFILES + '?$top=150&$count=true', bigToken)
        expect(top.json.value).toHaveLength(100)
        expect(top.json['@odata.count']).toBe(250)
        const rest = await call(server, 'GET', top.json['@odata.nextLink'], bearer(bigToken))
        expect(rest.json.value).toHaveLength(50)
        expect(rest.json['@odata.nextLink']).toBeUndefined()
        const skipped = await get(PROFILES + '?$skip=240', bigToken)
        expect(skipped.json.value).toHaveLength(10)
        expect((await get(PROFILES + '?$top=1', bigToken)).json.value).toHaveLength(1)
    })

    test('$filter id eq and controlCategory eq (joined by and); $select projects and names the selection in @odata.context', async () => {
        const all = (await get(PROFILES)).json.value as { id: string; controlCategory: string }[]
        const one = await get(`${PROFILES}?$filter=id eq '${all[0].id}'`)
        expect(one.json.value.map((p: { id: string }) => p.id)).toEqual([all[0].id])
        const identity = await get(`${PROFILES}?$filter=controlCategory eq 'Identity' and deprecated eq false`)
        expect(identity.json.value.length).toBeGreaterThan(0)
        expect(identity.json.value.every((p: { controlCategory: string }) => p.controlCategory === 'Identity')).toBe(true)
        const selected = await get(`${PROFILES}?$select=id,title&$top=2`)
        expect(selected.json['@odata.context']).toBe(`${server.url}/v1.0/$metadata#security/secureScoreControlProfiles(id,title)`)
        expect(Object.keys(selected.json.value[0]).sort()).toEqual(['id', 'title'])
    })

    test('@odata.nextLink keeps $filter, $select, $orderby and $count; its $skiptoken is refused (400) in another tenant', async () => {
        const first = await get(`${PROFILES}?$filter=deprecated eq false&$select=id,rank&$orderby=rank desc&$count=true`, bigToken)
        const next = new URL(first.json['@odata.nextLink'] as string)
        expect(Object.fromEntries([...next.searchParams].filter(([name]) => name !== '$skiptoken'))).toEqual({ $filter: 'deprecated eq false', $select: 'id,rank', $orderby: 'rank desc', $count: 'true' })
        const second = await call(server, 'GET', next.toString(), bearer(bigToken))
        expect(second.json['@odata.count']).toBe(first.json['@odata.count'])
        expect(Object.keys(second.json.value[0]).sort()).toEqual(['id', 'rank'])
        const ranks = [...first.json.value, ...second.json.value].map((p: { rank: number }) => p.rank)
        expect(ranks).toEqual([...ranks].sort((a, b) => b - a))
        expectGraphError(await call(server, 'GET', next.toString(), bearer(token)), 400, /skiptoken/)
    })

    test('$filter string comparison is case-sensitive (local choice)', async () => {
        expect((await get(`${PROFILES}?$filter=controlCategory eq 'Identity'`)).json.value.length).toBeGreaterThan(0)
        expect((await get(`${PROFILES}?$filter=controlCategory eq 'identity'`)).json.value).toEqual([])
    })

    test('$orderby on a primitive property', async () => {
        const ordered = (await get(`${PROFILES}?$orderby=maxScore desc,id`)).json.value as { maxScore: number }[]
        const scores = ordered.map((p) => p.maxScore)
        expect(scores).toEqual([...scores].sort((a, b) => b - a))
    })

    test('every profile conforms to secureScoreControlProfile of the v1.0 metadata', async () => {
        const value = (await get(PROFILES)).json.value as unknown[]
        for (const profile of value) expect(csdl.checkEntity('microsoft.graph.secureScoreControlProfile', profile)).toEqual([])
    })

    test('GET by id: 200 with @odata.context …/$entity; 404 itemNotFound for an unknown id', async () => {
        const id = (await get(PROFILES + '?$top=1')).json.value[0].id as string
        const one = await get(`${PROFILES}/${encodeURIComponent(id)}`)
        expect(one.status).toBe(200)
        expect(one.json['@odata.context']).toBe(`${server.url}/v1.0/$metadata#security/secureScoreControlProfiles/$entity`)
        expect(one.json.id).toBe(id)
        expectGraphError(await get(`${PROFILES}/NoSuchControl`), 404)
    })

    test('400 for what is not a query option here: $foo, a parameter without $, a repeated option, a bad $top, an unknown property', async () => {
        expectGraphError(await get(PROFILES + '?$foo=1'), 400)
        expectGraphError(await get(PROFILES + '?top=1'), 400)
        expectGraphError(await get(PROFILES + '?$top=1&$top=2'), 400)
        expectGraphError(await get(PROFILES + '?$top=-1'), 400)
        expectGraphError(await get(PROFILES + "?$filter=nope eq 'x'"), 400, /nope/)
        expectGraphError(await get(PROFILES + '?$select=nope'), 400)
        expectGraphError(await get(PROFILES + "?$filter=rank eq 'x'"), 400)
        expectGraphError(await get(PROFILES + '?$skiptoken=garbage'), 400)
    })

    test('501 "not emulated by the local Graph stand-in" for valid OData this stand-in does not emulate', async () => {
        for (const query of ["?$filter=controlCategory ne 'Identity'", "?$filter=startswith(title,'E')", "?$filter=id eq 'a' or id eq 'b'", '?$expand=x', '?$search="mfa"', '?$orderby=threats']) {
            expectGraphError(await get(PROFILES + query), 501, /^not emulated by the local Graph stand-in: /)
        }
        for (const path of ['/v1.0/security/alerts', `${PROFILES}/$count`, '/beta/security/secureScores']) {
            expectGraphError(await get(path), 501, /^not emulated by the local Graph stand-in: /)
        }
        expectGraphError(await call(server, 'POST', PROFILES, { ...bearer(token), body: '{}' }), 501)
        expectGraphError(await call(server, 'DELETE', `${PROFILES}/x`, bearer(token)), 501)
    })
})

describe('secureScores', () => {
    test('newest first, 90 days kept (even when more were seeded), ids {tenantId}_{yyyy-MM-dd}', async () => {
        const answer = await get(SCORES + '?$count=true', bigToken)
        expect(answer.json['@odata.count']).toBe(90)
        const ids = answer.json.value.map((s: { id: string }) => s.id) as string[]
        expect(ids[0]).toBe(`${BIG.tenantId}_2026-11-30`)
        for (const id of ids) expect(id).toMatch(new RegExp(`^${BIG.tenantId}_\\d{4}-\\d\\d-\\d\\d$`))
        const dates = answer.json.value.map((s: { createdDateTime: string }) => s.createdDateTime) as string[]
        expect(dates).toEqual([...dates].sort().reverse())
        for (const score of answer.json.value) expect(csdl.checkEntity('microsoft.graph.secureScore', score)).toEqual([])
    })

    test('$top=1 is the newest day; GET by id; $filter on createdDateTime ge is not emulated (the page shows eq only)', async () => {
        const newest = await get(SCORES + '?$top=1')
        expect(newest.json.value).toHaveLength(1)
        expect(newest.json.value[0].id).toBe(`${DEMO_TENANT.tenantId}_2026-11-30`)
        expect((await get(`${SCORES}/${newest.json.value[0].id}`)).json.currentScore).toBe(newest.json.value[0].currentScore)
        expectGraphError(await get(SCORES + '?$filter=createdDateTime ge 2026-11-01T00:00:00Z'), 501)
    })

    test('responses carry request-id and echo client-request-id', async () => {
        const answer = await get(SCORES + '?$top=1', token, { 'client-request-id': 'abc-123' })
        expect(answer.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/)
        expect(answer.headers['client-request-id']).toBe('abc-123')
    })
})
