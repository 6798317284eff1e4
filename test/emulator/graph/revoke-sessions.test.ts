/**
 * A person's refresh tokens: rotation (each refresh_token grant answers a new one and the one used stays valid, each
 * with its own 90 days) and revocation (Graph's revokeSignInSessions, or the server's method of the same name, after
 * which the refresh tokens of earlier sign-ins answer invalid_grant AADSTS50173, also after a restart).
 */
import type { GraphServer, GraphServerOptions } from '../../../emulator/graph/server.ts'
import { DEMO_TENANT } from '../../../emulator/graph/fixtures/tenants.ts'
import { FABRIKAM_TENANT_ID } from '../../../emulator/graph/fixtures/directory.ts'
import { bearer, call, CALLBACK, redeem, refreshGrant, secretToken, signInCode, startServer, tempDataDir, type HttpAnswer } from './support.ts'

const SECADMIN = 'adele.vance@contoso.onmicrosoft.com'
const GA = 'megan.bowen@contoso.onmicrosoft.com'
const READER = 'alex.wilber@contoso.onmicrosoft.com'
const FABRIKAM_SECADMIN = 'isaiah.langer@fabrikam.onmicrosoft.com'
const PROFILES = '/v1.0/security/secureScoreControlProfiles'
const DAY_MS = 24 * 3600 * 1000
/** The demo app, here also with the permission revokeSignInSessions needs (application and delegated). */
const REVOKING_APP = {
    clientId: DEMO_TENANT.clientId,
    clientSecret: DEMO_TENANT.clientSecret,
    roles: ['SecurityEvents.ReadWrite.All' as const, 'User.RevokeSessions.All' as const],
    delegatedScopes: ['SecurityEvents.ReadWrite.All' as const, 'User.RevokeSessions.All' as const],
    redirectUris: [CALLBACK],
}
/** An app with the Secure Score permission only. */
const SECURE_SCORE_APP = { clientId: '3f1e2d3c-4b5a-4697-8877-665544332211', clientSecret: 'Ss08Q~SecureScoreOnlyAppOfTheRevokeTests-0', roles: ['SecurityEvents.ReadWrite.All' as const] }

const dataDir = tempDataDir()
let skewMs = 0
const options = (): Partial<GraphServerOptions> => ({ dataDir, apps: [REVOKING_APP, SECURE_SCORE_APP], now: () => new Date(Date.now() + skewMs) })
let server: GraphServer
beforeAll(async () => {
    server = await startServer(options())
})
afterAll(() => server.close())
afterEach(() => (skewMs = 0))

async function signIn(upn: string, scope = 'openid offline_access https://graph.microsoft.com/SecurityEvents.ReadWrite.All'): Promise<{ access_token: string; refresh_token: string }> {
    const answer = await redeem(server, await signInCode(server, { upn, scope }))
    expect(answer.status).toBe(200)
    return answer.json
}

function refresh(refreshToken: string, tenantId: string = DEMO_TENANT.tenantId): Promise<HttpAnswer> {
    return refreshGrant(server, refreshToken, {}, tenantId)
}

function expectRevoked(answer: HttpAnswer): void {
    expect([answer.status, answer.json.error, answer.json.error_codes]).toEqual([400, 'invalid_grant', [50173]])
    expect(answer.json.error_description).toMatch(
        /^AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed\. The user might have changed or reset their password\. The grant was issued on '\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z' and the TokensValidFrom date \(before which tokens are not valid\) for this user is '\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z'\.\r\nTrace ID: /,
    )
}

describe('rotation', () => {
    test('each refresh answers a new refresh token; the one used stays valid, until its own 90 days of inactivity end (AADSTS700082)', async () => {
        const first = (await signIn(SECADMIN)).refresh_token
        const second = await refresh(first)
        expect(second.status).toBe(200)
        expect(second.json.refresh_token).not.toBe(first)
        // Entra does not revoke the refresh token that was used.
        const again = await refresh(first)
        expect(again.status).toBe(200)
        skewMs = 89 * DAY_MS
        const later = await refresh(second.json.refresh_token)
        expect(later.status).toBe(200)
        skewMs = 91 * DAY_MS
        const expired = await refresh(first)
        expect([expired.status, expired.json.error, expired.json.error_codes]).toEqual([400, 'invalid_grant', [700082]])
        // The token answered at day 89 has its own 90 days.
        expect((await refresh(later.json.refresh_token)).status).toBe(200)
    })
})

describe('revocation', () => {
    test('server.revokeSignInSessions: every refresh token of an earlier sign-in, rotated ones too, answers AADSTS50173; access tokens already issued work until they expire; a new sign-in works; other people are untouched', async () => {
        const before = await signIn(SECADMIN)
        const rotated = (await refresh(before.refresh_token)).json.refresh_token as string
        const reader = (await signIn(READER)).refresh_token
        const validFrom = server.revokeSignInSessions(DEMO_TENANT.tenantId, SECADMIN)
        expect(validFrom).toBeInstanceOf(Date)
        for (const token of [before.refresh_token, rotated]) {
            const refused = await refresh(token)
            expectRevoked(refused)
            expect(refused.json.error_description).toContain(`for this user is '${validFrom.toISOString().replace('Z', '0000Z')}'`)
        }
        expect((await call(server, 'GET', PROFILES + '?$top=1', bearer(before.access_token))).status).toBe(200)
        expect((await refresh(reader)).status).toBe(200)
        const after = await signIn(SECADMIN)
        expect((await refresh(after.refresh_token)).status).toBe(200)
    })

    test('POST /v1.0/users/{userPrincipalName}/revokeSignInSessions with User.RevokeSessions.All (app-only): 200 { value: true }, then the refresh tokens are refused; the id works as well as the UPN', async () => {
        const before = (await signIn(GA)).refresh_token
        const app = await secretToken(server, REVOKING_APP)
        const revoked = await call(server, 'POST', `/v1.0/users/${encodeURIComponent(GA.toUpperCase())}/revokeSignInSessions`, bearer(app))
        expect([revoked.status, revoked.json]).toEqual([200, { '@odata.context': `${server.url}/v1.0/$metadata#Edm.Boolean`, value: true }])
        expectRevoked(await refresh(before))
        const byId = server.directory()[0].users.find((u) => u.userPrincipalName === READER)?.objectId as string
        const reader = (await signIn(READER)).refresh_token
        expect((await call(server, 'POST', `/v1.0/users/${byId}/revokeSignInSessions`, bearer(app))).status).toBe(200)
        expectRevoked(await refresh(reader))
    })

    test('delegated: a person revokes their own sessions through /me; another person\'s only as Global Administrator', async () => {
        const scope = 'openid offline_access https://graph.microsoft.com/User.RevokeSessions.All'
        const own = await signIn(SECADMIN, scope)
        const me = await call(server, 'POST', '/v1.0/me/revokeSignInSessions', bearer(own.access_token))
        expect([me.status, me.json.value]).toEqual([200, true])
        expectRevoked(await refresh(own.refresh_token))
        const other = await call(server, 'POST', `/v1.0/users/${READER}/revokeSignInSessions`, bearer((await signIn(SECADMIN, scope)).access_token))
        expect([other.status, other.json.error.code]).toEqual([403, 'Authorization_RequestDenied'])
        const reader = (await signIn(READER)).refresh_token
        expect((await call(server, 'POST', `/v1.0/users/${READER}/revokeSignInSessions`, bearer((await signIn(GA, scope)).access_token))).status).toBe(200)
        expectRevoked(await refresh(reader))
    })

    test('refused: no permission (403 Authorization_RequestDenied), no token (401), /me app-only (400), a person of another tenant or nobody (404), GET (405)', async () => {
        const withoutPermission = await call(server, 'POST', `/v1.0/users/${READER}/revokeSignInSessions`, bearer(await secretToken(server, SECURE_SCORE_APP)))
        expect([withoutPermission.status, withoutPermission.json.error.code]).toEqual([403, 'Authorization_RequestDenied'])
        const delegatedWithout = await call(server, 'POST', '/v1.0/me/revokeSignInSessions', bearer((await signIn(SECADMIN)).access_token))
        expect(delegatedWithout.status).toBe(403)
        expect((await call(server, 'POST', `/v1.0/users/${READER}/revokeSignInSessions`)).status).toBe(401)
        const app = await secretToken(server, REVOKING_APP)
        const meAppOnly = await call(server, 'POST', '/v1.0/me/revokeSignInSessions', bearer(app))
        expect([meAppOnly.status, meAppOnly.json.error.message]).toEqual([400, '/me request is only valid with delegated authentication flow.'])
        for (const user of [FABRIKAM_SECADMIN, 'nobody@contoso.onmicrosoft.com']) {
            const missing = await call(server, 'POST', `/v1.0/users/${user}/revokeSignInSessions`, bearer(app))
            expect([missing.status, missing.json.error.code]).toEqual([404, 'Request_ResourceNotFound'])
        }
        expect((await call(server, 'GET', `/v1.0/users/${READER}/revokeSignInSessions`, bearer(app))).status).toBe(405)
        // Nothing was revoked by the refusals.
        const fabrikam = await redeem(server, await signInCode(server, { upn: FABRIKAM_SECADMIN, authority: FABRIKAM_TENANT_ID }), {}, FABRIKAM_TENANT_ID)
        expect((await refresh(fabrikam.json.refresh_token, FABRIKAM_TENANT_ID)).status).toBe(200)
    })

    test('a revocation survives a restart on the same dataDir: the sealed refresh tokens of earlier sign-ins stay refused', async () => {
        const before = (await signIn(READER)).refresh_token
        server.revokeSignInSessions(DEMO_TENANT.tenantId, READER)
        const after = (await signIn(READER)).refresh_token
        await server.close()
        server = await startServer(options())
        expectRevoked(await refresh(before))
        expect((await refresh(after)).status).toBe(200)
    })
})
