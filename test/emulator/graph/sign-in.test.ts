/**
 * Sign-in: the authorize endpoint and its sign-in page, PKCE, the authorization_code and refresh_token grants, the ID
 * token and the delegated Graph token, the organizations authority, logout, and Graph's delegated permission check
 * (scope and the person's Entra role). The demo directory: Contoso (the app consented) and Fabrikam (not yet).
 */
import { createPublicKey, createVerify } from 'node:crypto'
import { FABRIKAM_TENANT_ID, ROLE_TEMPLATE_IDS } from '../../../emulator/graph/fixtures/directory.ts'
import type { GraphServer } from '../../../emulator/graph/server.ts'
import { authorizeQuery, bearer, call, CALLBACK, decodePayload, form, objectIdOf, pickAccount, redeem, refreshGrant, signInCode, startServer, type HttpAnswer } from './support.ts'

const CONTOSO_GA = 'megan.bowen@contoso.onmicrosoft.com'
const CONTOSO_SECADMIN = 'adele.vance@contoso.onmicrosoft.com'
const CONTOSO_READER = 'alex.wilber@contoso.onmicrosoft.com'
const CONTOSO_NOBODY = 'lynne.robbins@contoso.onmicrosoft.com'
const FABRIKAM_GA = 'patti.fernandez@fabrikam.onmicrosoft.com'
const PROFILES = '/v1.0/security/secureScoreControlProfiles'

let server: GraphServer
let skewMs = 0
beforeAll(async () => {
    server = await startServer({ now: () => new Date(Date.now() + skewMs) })
    server.registerRedirectUri(server.demo.clientId, CALLBACK)
})
afterAll(() => server.close())
afterEach(() => (skewMs = 0))

function location(answer: HttpAnswer): URL {
    expect(answer.status).toBe(302)
    return new URL(String(answer.headers.location))
}

async function tokensFor(upn: string, scope?: string): Promise<{ access_token: string; id_token: string; refresh_token: string; scope: string }> {
    const answer = await redeem(server, await signInCode(server, { upn, scope }))
    expect(answer.status).toBe(200)
    return answer.json
}

describe('the authorize endpoint', () => {
    test('GET shows a sign-in page listing every demo person with their Entra roles; nothing is redirected yet', async () => {
        const answer = await call(server, 'GET', authorizeQuery(server, {}))
        expect(answer.status).toBe(200)
        expect(answer.headers['content-type']).toMatch(/^text\/html/)
        expect([answer.headers['x-frame-options'], answer.headers['cache-control']]).toEqual(['DENY', 'no-store'])
        for (const tenant of server.directory()) {
            for (const user of tenant.users) expect(answer.text).toContain(user.userPrincipalName)
        }
        expect(answer.text).toContain('Security Reader')
        expect(answer.text).toContain('no Entra role')
    })

    test('an unregistered redirect URI is an AADSTS50011 page, never a redirect; an unknown client AADSTS700016; none AADSTS900971', async () => {
        const unregistered = await call(server, 'GET', authorizeQuery(server, { redirectUri: 'https://evil.example/cb' }))
        expect([unregistered.status, unregistered.headers.location]).toEqual([400, undefined])
        expect(unregistered.text).toContain('AADSTS50011')
        const picked = await pickAccount(server, authorizeQuery(server, { redirectUri: 'https://evil.example/cb' }), CONTOSO_GA)
        expect([picked.status, picked.headers.location]).toEqual([400, undefined])
        const unknownClient = await call(server, 'GET', authorizeQuery(server, {}).replace(server.demo.clientId, '11111111-1111-4111-8111-111111111111'))
        expect(unknownClient.text).toContain('AADSTS700016')
        const noRedirect = await call(server, 'GET', `/${server.demo.tenantId}/oauth2/v2.0/authorize?client_id=${server.demo.clientId}&response_type=code&scope=openid`)
        expect([noRedirect.status, noRedirect.text.includes('AADSTS900971')]).toEqual([400, true])
    })

    test('a localhost redirect URI matches on any port, but the path must match exactly (case-sensitive)', async () => {
        expect((await call(server, 'GET', authorizeQuery(server, { redirectUri: 'http://127.0.0.1:54321/auth/callback' }))).status).toBe(200)
        expect((await call(server, 'GET', authorizeQuery(server, { redirectUri: 'http://127.0.0.1:54321/auth/Callback' }))).status).toBe(400)
        expect((await call(server, 'GET', authorizeQuery(server, { redirectUri: 'http://localhost/auth/callback' }))).status).toBe(400)
    })

    test('picking an account redirects with code and state; form_post posts them instead', async () => {
        const target = location(await pickAccount(server, authorizeQuery(server, { state: 'xyz' }), CONTOSO_GA))
        expect(`${target.origin}${target.pathname}`).toBe(CALLBACK)
        expect(target.searchParams.get('state')).toBe('xyz')
        expect(target.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{40,}$/)
        const posted = await pickAccount(server, authorizeQuery(server, { extra: { response_mode: 'form_post' } }), CONTOSO_GA)
        expect(posted.status).toBe(200)
        expect(posted.text).toContain(`action="${CALLBACK}"`)
        expect(posted.text).toMatch(/name="code" value="[A-Za-z0-9_-]{40,}"/)
        expect(posted.text).toContain('name="state" value="state-1"')
    })

    test('errors after the redirect URI is known go to it with error, error_description and state', async () => {
        const cases: [Record<string, string>, string, number][] = [
            [{ response_type: 'token' }, '', 0],
            [{ code_challenge_method: 'S512' }, 'invalid_request', 90100],
            [{ code_challenge: 'short' }, 'invalid_request', 501491],
            [{ prompt: 'none' }, 'login_required', 50058],
            [{ scope: 'openid https://graph.microsoft.com/Mail.Read' }, 'invalid_client', 650057],
            [{ response_type: 'magic' }, 'unsupported_response_type', 70005],
        ]
        for (const [extra, error, code] of cases) {
            const answer = await call(server, 'GET', authorizeQuery(server, { extra }))
            if (!error) {
                expect(answer.status).toBe(501) // the implicit and hybrid flows are not emulated
                continue
            }
            const target = location(answer)
            expect([target.searchParams.get('error'), target.searchParams.get('state')]).toEqual([error, 'state-1'])
            expect(target.searchParams.get('error_description')).toMatch(new RegExp(`^AADSTS${code}: .*\\r\\nTrace ID: `, 's'))
        }
        const missingChallenge = location(await call(server, 'GET', authorizeQuery(server, { verifier: null, extra: { code_challenge_method: 'S256' } })))
        expect(missingChallenge.searchParams.get('error')).toBe('invalid_request')
    })

    test('a person of another tenant on a tenant-specific authority: an AADSTS50020 page, no code; an unknown account AADSTS50034; an unknown tenant AADSTS90002', async () => {
        const answer = await pickAccount(server, authorizeQuery(server, {}), FABRIKAM_GA)
        expect([answer.status, answer.headers.location]).toEqual([400, undefined])
        expect(answer.text).toContain('AADSTS50020')
        const unknown = await call(server, 'POST', authorizeQuery(server, {}), form({ login: '00000000-0000-4000-8000-000000000000' }))
        expect([unknown.status, unknown.headers.location, unknown.text.includes('AADSTS50034')]).toEqual([400, undefined, true])
        const noTenant = await call(server, 'GET', authorizeQuery(server, { authority: '00000000-0000-4000-8000-00000000dead' }))
        expect([noTenant.status, noTenant.headers['content-type'], noTenant.text.includes('AADSTS90002')]).toEqual([400, 'text/html; charset=utf-8', true])
    })

    test('Graph scopes in a tenant that has not consented to the app: consent_required (AADSTS65001); sign-in scopes alone work there', async () => {
        const refused = location(await pickAccount(server, authorizeQuery(server, { authority: 'organizations' }), FABRIKAM_GA))
        expect(refused.searchParams.get('error')).toBe('consent_required')
        expect(refused.searchParams.get('error_description')).toMatch(/^AADSTS65001: /)
        const code = await signInCode(server, { authority: 'organizations', upn: FABRIKAM_GA, scope: 'openid profile offline_access' })
        const answer = await redeem(server, code, {}, 'organizations')
        expect(answer.status).toBe(200)
        expect(decodePayload(answer.json.id_token)).toMatchObject({ tid: FABRIKAM_TENANT_ID, wids: [ROLE_TEMPLATE_IDS['Global Administrator']] })
    })
})

describe('the token endpoint for a signed-in person', () => {
    test('the ID token: RS256 by a JWKS key, iss {host}/{tid}/v2.0, aud the client id, tid, oid, preferred_username, name, wids, nonce, iat/nbf/exp', async () => {
        const code = await signInCode(server, { upn: CONTOSO_SECADMIN, nonce: 'n-42' })
        const answer = await redeem(server, code, { client_info: '1' })
        expect(answer.status).toBe(200)
        expect(answer.json).toMatchObject({ token_type: 'Bearer', expires_in: 3599, refresh_token: expect.any(String), id_token: expect.any(String) })
        expect(answer.json.scope.split(' ').sort()).toEqual(['https://graph.microsoft.com/SecurityEvents.ReadWrite.All', 'offline_access', 'openid', 'profile'])
        const [h, p, s] = (answer.json.id_token as string).split('.')
        const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg: string; kid: string }
        const jwks = await call(server, 'GET', `/${server.demo.tenantId}/discovery/v2.0/keys`)
        const key = createPublicKey({ key: (jwks.json.keys as { kid: string }[]).find((k) => k.kid === header.kid) as never, format: 'jwk' })
        expect(header.alg).toBe('RS256')
        expect(createVerify('RSA-SHA256').update(`${h}.${p}`).verify(key, Buffer.from(s, 'base64url'))).toBe(true)
        const claims = decodePayload(answer.json.id_token)
        expect(claims).toMatchObject({
            iss: `${server.url}/${server.demo.tenantId}/v2.0`,
            aud: server.demo.clientId,
            tid: server.demo.tenantId,
            oid: objectIdOf(server, CONTOSO_SECADMIN),
            preferred_username: CONTOSO_SECADMIN,
            name: 'Adele Vance',
            wids: [ROLE_TEMPLATE_IDS['Security Administrator']],
            nonce: 'n-42',
            ver: '2.0',
        })
        expect(claims.nbf).toBe(claims.iat)
        expect((claims.exp as number) - (claims.iat as number)).toBe(3600)
        const access = decodePayload(answer.json.access_token)
        expect(access).toMatchObject({ aud: 'https://graph.microsoft.com', iss: `https://sts.windows.net/${server.demo.tenantId}/`, idtyp: 'user', scp: 'SecurityEvents.ReadWrite.All', upn: CONTOSO_SECADMIN, appid: server.demo.clientId })
        expect(JSON.parse(Buffer.from(answer.json.client_info, 'base64url').toString())).toEqual({ uid: objectIdOf(server, CONTOSO_SECADMIN), utid: server.demo.tenantId })
    })

    test('PKCE: a wrong verifier is invalid_grant AADSTS501481; plain challenges work; without offline_access no refresh token, without openid no ID token', async () => {
        const wrong = await redeem(server, await signInCode(server, { upn: CONTOSO_GA }), { code_verifier: 'w'.repeat(43) })
        expect([wrong.status, wrong.json.error, wrong.json.error_codes]).toEqual([400, 'invalid_grant', [501481]])
        const missing = await redeem(server, await signInCode(server, { upn: CONTOSO_GA }), { code_verifier: '' })
        expect(missing.json.error_codes).toEqual([501481])
        const plain = await redeem(server, await signInCode(server, { upn: CONTOSO_GA, method: 'plain', scope: 'https://graph.microsoft.com/SecurityEvents.Read.All' }))
        expect(plain.status).toBe(200)
        expect([plain.json.refresh_token, plain.json.id_token]).toEqual([undefined, undefined])
        expect(decodePayload(plain.json.access_token).scp).toBe('SecurityEvents.Read.All')
    })

    test('codes are single use (AADSTS54005), expire after 10 minutes (AADSTS70008), and are bound to their redirect URI and authority', async () => {
        const code = await signInCode(server, { upn: CONTOSO_GA })
        expect((await redeem(server, code)).status).toBe(200)
        const replay = await redeem(server, code)
        expect([replay.status, replay.json.error, replay.json.error_codes]).toEqual([400, 'invalid_grant', [54005]])
        const old = await signInCode(server, { upn: CONTOSO_GA })
        skewMs = 601_000
        expect((await redeem(server, old)).json.error_codes).toEqual([70008])
        skewMs = 0
        expect((await redeem(server, await signInCode(server, { upn: CONTOSO_GA }), { redirect_uri: 'http://127.0.0.1/other' })).json.error_codes).toEqual([500112])
        expect((await redeem(server, await signInCode(server, { upn: CONTOSO_GA }), {}, 'organizations')).json.error_codes).toEqual([700005])
        expect((await redeem(server, 'not-a-code')).json.error).toBe('invalid_grant')
        expect((await redeem(server, await signInCode(server, { upn: CONTOSO_GA }), { client_secret: 'wrong' })).json.error_codes).toEqual([7000215])
    })

    test('refresh_token: new tokens for the same person, narrower scopes on request; a forged refresh token is invalid_grant', async () => {
        const first = await tokensFor(CONTOSO_READER)
        const refresh = (fields: Record<string, string>) => refreshGrant(server, first.refresh_token, fields)
        const again = await refresh({})
        expect(again.status).toBe(200)
        expect(decodePayload(again.json.access_token)).toMatchObject({ upn: CONTOSO_READER, scp: 'SecurityEvents.ReadWrite.All' })
        expect(decodePayload(again.json.id_token)).toMatchObject({ preferred_username: CONTOSO_READER })
        expect(again.json.refresh_token).toEqual(expect.any(String))
        expect(decodePayload((await refresh({ scope: 'https://graph.microsoft.com/SecurityEvents.Read.All' })).json.access_token).scp).toBe('SecurityEvents.Read.All')
        const forged = await refresh({ refresh_token: first.refresh_token.slice(0, -4) + 'AAAA' })
        expect([forged.status, forged.json.error]).toEqual([400, 'invalid_grant'])
    })

    test('the organizations authority: the OpenID configuration names no tenant in its issuer, the same JWKS; the ID token\'s iss is the person\'s tenant', async () => {
        const config = await call(server, 'GET', '/organizations/v2.0/.well-known/openid-configuration')
        expect(config.json).toMatchObject({
            issuer: `${server.url}/{tenantid}/v2.0`,
            authorization_endpoint: `${server.url}/organizations/oauth2/v2.0/authorize`,
            token_endpoint: `${server.url}/organizations/oauth2/v2.0/token`,
            end_session_endpoint: `${server.url}/organizations/oauth2/v2.0/logout`,
            jwks_uri: `${server.url}/organizations/discovery/v2.0/keys`,
        })
        const keys = await call(server, 'GET', '/organizations/discovery/v2.0/keys')
        expect(keys.json).toEqual((await call(server, 'GET', `/${server.demo.tenantId}/discovery/v2.0/keys`)).json)
        const code = await signInCode(server, { authority: 'organizations', upn: CONTOSO_READER })
        const answer = await redeem(server, code, {}, 'organizations')
        expect(decodePayload(answer.json.id_token)).toMatchObject({ iss: `${server.url}/${server.demo.tenantId}/v2.0`, tid: server.demo.tenantId })
    })
})

describe('Graph with a delegated token', () => {
    test('reads need the scope and Security Reader, Security Administrator or Global Administrator; a person without a role gets 403', async () => {
        for (const upn of [CONTOSO_READER, CONTOSO_SECADMIN, CONTOSO_GA]) {
            expect((await call(server, 'GET', PROFILES + '?$top=1', bearer((await tokensFor(upn)).access_token))).status).toBe(200)
        }
        const nobody = await call(server, 'GET', PROFILES, bearer((await tokensFor(CONTOSO_NOBODY)).access_token))
        expect([nobody.status, nobody.json.error.message]).toEqual([403, 'Auth token does not contain valid permissions or user does not have valid roles.'])
        const signInOnly = await call(server, 'GET', PROFILES, bearer((await tokensFor(CONTOSO_GA, 'openid profile offline_access')).access_token))
        expect(signInOnly.status).toBe(403)
    })

    test('PATCH needs SecurityEvents.ReadWrite.All and Security Administrator or Global Administrator; updatedBy is the person\'s UPN', async () => {
        const id = (await call(server, 'GET', PROFILES + '?$top=1&$select=id', bearer((await tokensFor(CONTOSO_GA)).access_token))).json.value[0].id as string
        const body = JSON.stringify({ state: 'Reviewed', vendorInformation: { provider: 'SecureScore', vendor: 'Microsoft' } })
        const patch = async (token: string) => call(server, 'PATCH', `${PROFILES}/${id}`, { headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body })
        const reader = await patch((await tokensFor(CONTOSO_READER)).access_token)
        expect([reader.status, reader.json.error.message]).toEqual([403, 'Auth token does not contain valid permissions or user does not have valid roles.'])
        expect((await patch((await tokensFor(CONTOSO_SECADMIN, 'openid https://graph.microsoft.com/SecurityEvents.Read.All')).access_token)).status).toBe(403)
        expect((await patch((await tokensFor(CONTOSO_SECADMIN)).access_token)).status).toBe(204)
        expect(server.stateUpdates(server.demo.tenantId, id).at(-1)).toMatchObject({ state: 'Reviewed', updatedBy: CONTOSO_SECADMIN })
        // The refuseAppOnlyPatch switch refuses app-only tokens only: a person's write still goes through.
        server.setFaults({ refuseAppOnlyPatch: true })
        try {
            expect((await patch((await tokensFor(CONTOSO_GA)).access_token)).status).toBe(204)
        } finally {
            server.setFaults({})
        }
    })
})

describe('logout', () => {
    test('a registered post_logout_redirect_uri is redirected to; another stays on the signed-out page', async () => {
        const out = await call(server, 'GET', `/organizations/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent(CALLBACK)}`)
        expect([out.status, out.headers.location]).toEqual([302, CALLBACK])
        const elsewhere = await call(server, 'GET', `/${server.demo.tenantId}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent('https://evil.example/')}`)
        expect([elsewhere.status, elsewhere.headers.location]).toEqual([200, undefined])
        expect(elsewhere.text).toContain('You signed out')
    })
})
