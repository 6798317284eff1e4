// createTokenSource against the Graph stand-in's Entra over HTTPS: per-tenant tokens through msal-node, its cache,
// one acquisition for concurrent callers, a new token after a 401, secret and certificate credentials.
import { createTokenSource, rolesClaim } from '../../../bridge/ports/graph/token-source.ts'
import { DEMO_TENANT } from '../../../emulator/graph/fixtures/tenants.ts'
import { isTokenRequest, OTHER_TENANT, startStandIn, type StandIn } from './stand-in.ts'

const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>

let standIn: StandIn
beforeAll(async () => {
    standIn = await startStandIn()
})
afterAll(() => standIn.close())

const tokenRequests = (from: number, tenantId: string) => standIn.since(from).filter((e) => isTokenRequest(e) && e.tenantId === tenantId).length

describe('a token source with a client secret', () => {
    it('gets one token per tenant, each for its tenant, and serves repeats from the cache', async () => {
        const tokens = standIn.tokens()
        const from = standIn.mark()
        const demo = await tokens.accessToken(DEMO_TENANT.tenantId)
        const other = await tokens.accessToken(OTHER_TENANT)
        expect(demo).not.toBe(other)
        expect(claims(demo).tid).toBe(DEMO_TENANT.tenantId)
        expect(claims(other).tid).toBe(OTHER_TENANT)
        expect(claims(demo).appidacr).toBe('1')

        await expect(tokens.accessToken(DEMO_TENANT.tenantId)).resolves.toBe(demo)
        await expect(tokens.accessToken(OTHER_TENANT)).resolves.toBe(other)
        expect(tokenRequests(from, DEMO_TENANT.tenantId)).toBe(1)
        expect(tokenRequests(from, OTHER_TENANT)).toBe(1)
        // msal asked each tenant-specific authority for its metadata: no /common, no instance discovery.
        expect(standIn.since(from).map((e) => e.path.split('/')[1])).not.toContain('common')
    })

    it('shares one acquisition among concurrent callers for a tenant', async () => {
        const tokens = standIn.tokens()
        const from = standIn.mark()
        const all = await Promise.all(Array.from({ length: 10 }, () => tokens.accessToken(OTHER_TENANT)))
        expect(new Set(all).size).toBe(1)
        expect(tokenRequests(from, OTHER_TENANT)).toBe(1)
    })

    it('replaces a token Graph rejected once, however many callers report it, and not a token already replaced', async () => {
        const tokens = standIn.tokens()
        const first = await tokens.accessToken(DEMO_TENANT.tenantId)
        const from = standIn.mark()
        const renewed = await Promise.all(Array.from({ length: 5 }, () => tokens.accessToken(DEMO_TENANT.tenantId, { rejected: first })))
        expect(new Set(renewed).size).toBe(1)
        expect(renewed[0]).not.toBe(first)
        expect(tokenRequests(from, DEMO_TENANT.tenantId)).toBe(1)

        // A late report of the old token gets the replacement, from the cache.
        await expect(tokens.accessToken(DEMO_TENANT.tenantId, { rejected: first })).resolves.toBe(renewed[0])
        await expect(tokens.accessToken(DEMO_TENANT.tenantId)).resolves.toBe(renewed[0])
        expect(tokenRequests(from, DEMO_TENANT.tenantId)).toBe(1)
    })

    it('reports the granted application permissions from the roles claim', async () => {
        await expect(standIn.tokens().grantedRoles(DEMO_TENANT.tenantId)).resolves.toEqual(['SecurityEvents.ReadWrite.All'])
        await expect(standIn.tokens(standIn.readOnly).grantedRoles(OTHER_TENANT)).resolves.toEqual(['SecurityEvents.Read.All'])
    })

    it("fails with Entra's answer for a wrong secret, without the secret in the message", async () => {
        const wrong = 'Wrong8Q~NotTheSecretOfThisApp-0000000000'
        const tokens = createTokenSource({ authorityHost: standIn.server.url, ca: standIn.server.caPem, credential: { clientId: DEMO_TENANT.clientId, clientSecret: wrong } })
        const error = await tokens.accessToken(DEMO_TENANT.tenantId).then(
            () => null,
            (e: unknown) => e as Error,
        )
        expect(error?.message).toMatch(/invalid_client|7000215/)
        expect(error?.message).not.toContain(wrong)
    })
})

describe('a token source with a certificate', () => {
    it('gets app-only tokens for each tenant with a signed client assertion', async () => {
        const tokens = standIn.tokens(standIn.certificate)
        const demo = await tokens.accessToken(DEMO_TENANT.tenantId)
        const other = await tokens.accessToken(OTHER_TENANT)
        expect(claims(demo)).toMatchObject({ tid: DEMO_TENANT.tenantId, appidacr: '2', roles: ['SecurityEvents.ReadWrite.All'] })
        expect(claims(other)).toMatchObject({ tid: OTHER_TENANT, appidacr: '2' })
        expect(rolesClaim(other)).toEqual(['SecurityEvents.ReadWrite.All'])
    })
})

describe('what a token source refuses', () => {
    it('trusts the stand-in only through the ca option: without it the TLS check fails', async () => {
        const tokens = createTokenSource({ authorityHost: standIn.server.url, credential: standIn.secret })
        const from = standIn.mark()
        // msal reports the failed metadata request as endpoints_resolution_error; no request got past TLS.
        await expect(tokens.accessToken(DEMO_TENANT.tenantId)).rejects.toThrow(/endpoints_resolution_error/)
        expect(standIn.since(from)).toEqual([])
    })

    it('refuses a plain-http authority, a multi-tenant alias, a malformed tenant id and an ambiguous credential', async () => {
        expect(() => createTokenSource({ authorityHost: 'http://127.0.0.1:1', credential: standIn.secret })).toThrow(/https/)
        const tokens = standIn.tokens()
        await expect(tokens.accessToken('common')).rejects.toThrow(/Not a tenant id/)
        await expect(tokens.accessToken('../common')).rejects.toThrow(/Not a tenant id/)
        expect(() => createTokenSource({ authorityHost: standIn.server.url, credential: { ...standIn.certificate, clientSecret: 'x' } })).toThrow(/not both/)
        expect(() => createTokenSource({ authorityHost: standIn.server.url, credential: { clientId: 'x' } })).toThrow(/secret or a certificate/)
    })
})
