// OAuth 2.0 as the instance runs it for an "OAuth API endpoint for external clients": the authorization
// code flow through the login page, "Not you?" and consent, tokens, refresh, expiry and revocation, and
// the connector called with the Bearer token. Also session logins with X-UserToken.
import { createHash } from 'node:crypto'
import { disconnect, exerciseConnector } from '../../support/connector-flow.ts'
import { ADMIN, Browser, call, CONNECTOR, hiddenFields, type Instance, INTEGRATION, linkById, startTestInstance, TENANT } from '../../support/http-harness.ts'

const REDIRECT = 'https://security.microsoft.com/ticketProvisioning/oauth/callback'
const CLIENT_ID = 'b4c9f0e2a1d34c5e8f6a7b8c9d0e1f2a'
const CLIENT_SECRET = 'Client-Secret-0123456789'
const PLAIN_CLIENT_ID = 'plainsecretclient0000000000000001'

let instance: Instance
let clientSysId: string

beforeAll(async () => {
    instance = await startTestInstance()
    const store = instance.runtime.store
    // The checklist may store the secret hashed; the platform stores password2 values reversibly. Both work.
    clientSysId = store.insert(
        'oauth_entity',
        { name: 'Microsoft 365 Ticketing', client_id: CLIENT_ID, client_secret: 'sha256$' + createHash('sha256').update(CLIENT_SECRET).digest('hex'), redirect_url: REDIRECT, type: 'client', active: 'true', access_token_lifespan: '1800', refresh_token_lifespan: '8640000' },
        'admin',
    ).sysId!
    store.insert('oauth_entity', { name: 'Plain secret client', client_id: PLAIN_CLIENT_ID, client_secret: CLIENT_SECRET, redirect_url: REDIRECT, type: 'client', active: 'true' }, 'admin')
})

afterAll(() => instance.close())

function authorizeUrl(state: string, redirect = REDIRECT, clientId = CLIENT_ID): string {
    return `/oauth_auth.do?${new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: redirect, state })}`
}

async function token(form: Record<string, string>, authorization?: string) {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' }
    if (authorization) headers.authorization = authorization
    const response = await fetch(`${instance.url}/oauth_token.do`, { method: 'POST', headers, body: new URLSearchParams(form).toString() })
    return { status: response.status, json: await response.json() }
}

/** Login (as admin first, as a real admin would be), "Not you?", login as the integration user, Allow. */
async function authorizationCode(state: string): Promise<string> {
    const browser = new Browser(instance.url)
    const first = await browser.get(authorizeUrl(state))
    expect(first.status).toBe(200)
    expect(first.html).toContain('name="user_password"')
    const asAdmin = await browser.login(ADMIN, hiddenFields(first.html).sysparm_goto)
    expect(asAdmin.status).toBe(200)
    expect(asAdmin.html).toContain('Microsoft 365 Ticketing')
    expect(asAdmin.html).toMatch(/Signed in as <strong id="consent_user">System Administrator<\/strong> \(admin\)/)

    const notYou = linkById(asAdmin.html, 'not_you')
    expect(notYou).toMatch(/^\/logout\.do\?sysparm_goto=/)
    const loginAgain = await browser.follow(notYou!)
    expect(loginAgain.html).toContain('name="user_password"')
    expect(browser.cookies.has('JSESSIONID')).toBe(false)
    const goto = hiddenFields(loginAgain.html).sysparm_goto
    expect(goto).toBe(authorizeUrl(state))

    const consent = await browser.login(INTEGRATION, goto)
    expect(consent.html).toMatch(/Signed in as <strong id="consent_user">Microsoft 365 Integration<\/strong> \(m365\.integration\)/)
    expect(consent.html).toContain('id="allow"')
    expect(consent.html).toContain('id="deny"')

    const allowed = await browser.request('/oauth_auth.do', { form: { ...hiddenFields(consent.html), action: 'allow' } })
    expect(allowed.status).toBe(302)
    const location = new URL(allowed.location!)
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT)
    expect(location.searchParams.get('state')).toBe(state)
    return location.searchParams.get('code')!
}

describe('authorization code flow', () => {
    let tokens: { access_token: string; refresh_token: string; expires_in: number }

    it('issues a code after login, "Not you?" and consent, and tokens for it', async () => {
        const code = await authorizationCode('state-123')
        expect(code).toBeTruthy()
        const issued = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: CLIENT_ID, client_secret: CLIENT_SECRET })
        expect(issued.status).toBe(200)
        expect(issued.json).toEqual({ access_token: expect.any(String), refresh_token: expect.any(String), scope: 'useraccount', token_type: 'Bearer', expires_in: 1800 })
        tokens = issued.json

        // single use
        const again = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: CLIENT_ID, client_secret: CLIENT_SECRET })
        expect(again.status).toBe(400)
        expect(again.json.error).toBe('invalid_grant')
    })

    it('keeps the tokens in oauth_credential, for the integration user and the client named in peer (KB0791140)', () => {
        const rows = instance.runtime.store.all<Record<string, string>>(`SELECT type, token, peer, user, expires, scopes FROM "oauth_credential"`)
        expect(rows.find((r) => r.type === 'access_token' && r.token === tokens.access_token)).toMatchObject({ peer: clientSysId, scopes: 'useraccount' })
        expect(rows.find((r) => r.type === 'refresh_token' && r.token === tokens.refresh_token)).toBeDefined()
    })

    it('serves every connector route with the Bearer token', async () => {
        await exerciseConnector(instance.url, `Bearer ${tokens.access_token}`, 'oauth-0001')
    })

    it('refreshes the access token with the refresh token (client credentials as Basic auth)', async () => {
        const basicClient = 'Basic ' + Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')
        const refreshed = await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, basicClient)
        expect(refreshed.status).toBe(200)
        expect(refreshed.json.access_token).not.toBe(tokens.access_token)
        const status = await call(`${instance.url}${CONNECTOR}/connection?tenantId=${TENANT}`, 'GET', `Bearer ${refreshed.json.access_token}`)
        expect(status.status).toBe(200)
    })

    it('refuses an expired access token, a revoked one, and an expired refresh token', async () => {
        const store = instance.runtime.store
        const fresh = await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: CLIENT_ID, client_secret: CLIENT_SECRET })
        const url = `${instance.url}${CONNECTOR}/connection?tenantId=${TENANT}`
        expect((await call(url, 'GET', `Bearer ${fresh.json.access_token}`)).status).toBe(200)

        const row = store.get<{ sys_id: string }>(`SELECT sys_id FROM "oauth_credential" WHERE token = ?`, [fresh.json.access_token])!
        store.update('oauth_credential', row.sys_id, { expires: '2020-01-01 00:00:00' }, 'system')
        const expired = await call(url, 'GET', `Bearer ${fresh.json.access_token}`)
        expect(expired.status).toBe(401)
        expect(expired.json.error.message).toBe('User Not Authenticated')

        const other = await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: CLIENT_ID, client_secret: CLIENT_SECRET })
        const otherRow = store.get<{ sys_id: string }>(`SELECT sys_id FROM "oauth_credential" WHERE token = ?`, [other.json.access_token])!
        store.delete('oauth_credential', otherRow.sys_id)
        expect((await call(url, 'GET', `Bearer ${other.json.access_token}`)).status).toBe(401)

        const refreshRow = store.get<{ sys_id: string }>(`SELECT sys_id FROM "oauth_credential" WHERE token = ?`, [tokens.refresh_token])!
        store.update('oauth_credential', refreshRow.sys_id, { expires: '2020-01-01 00:00:00' }, 'system')
        const refused = await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: CLIENT_ID, client_secret: CLIENT_SECRET })
        expect(refused).toEqual({ status: 400, json: { error: 'invalid_grant', error_description: expect.any(String) } })
    })

    // Out of the box oauth_credential's Application Access does not allow deletes from other scopes (Can delete
    // defaults to false), so the app cannot revoke the tokens itself: Microsoft 365 revokes them with
    // oauth_revoke_token.do ("Revoke an OAuth token"). Where an admin allows the delete, the app revokes them.
    it('leaves the tokens to the client when the instance refuses the app their deletion; they stop working once revoked', async () => {
        const issued = await token({ grant_type: 'password', username: INTEGRATION.user, password: INTEGRATION.password, client_id: CLIENT_ID, client_secret: CLIENT_SECRET })
        expect(issued.status).toBe(200)
        const removed = await call(`${instance.url}${CONNECTOR}/connection?tenantId=${TENANT}`, 'DELETE', `Bearer ${issued.json.access_token}`)
        expect(removed.json.result.tokenRevocation).toBe('refused')
        expect((await call(`${instance.url}${CONNECTOR}/connection?tenantId=${TENANT}`, 'GET', `Bearer ${issued.json.access_token}`)).status).toBe(200)
        expect((await fetch(`${instance.url}/oauth_revoke_token.do?token=${encodeURIComponent(issued.json.access_token)}`)).status).toBe(200)
        expect((await call(`${instance.url}${CONNECTOR}/connection?tenantId=${TENANT}`, 'GET', `Bearer ${issued.json.access_token}`)).status).toBe(401)
    })

    it('revokes the tokens itself when the connection is removed and oauth_credential allows the delete', async () => {
        const store = instance.runtime.store
        const table = store.get<{ sys_id: string; delete_access: string | null }>(`SELECT sys_id, delete_access FROM "sys_db_object" WHERE name = 'oauth_credential'`)!
        store.update('sys_db_object', table.sys_id, { delete_access: 'true' }, 'admin')
        try {
            const issued = await token({ grant_type: 'password', username: INTEGRATION.user, password: INTEGRATION.password, client_id: CLIENT_ID, client_secret: CLIENT_SECRET })
            expect(issued.status).toBe(200)
            await disconnect(instance.url, `Bearer ${issued.json.access_token}`)
            expect((await call(`${instance.url}${CONNECTOR}/connection?tenantId=${TENANT}`, 'GET', `Bearer ${issued.json.access_token}`)).status).toBe(401)
        } finally {
            store.update('sys_db_object', table.sys_id, { delete_access: table.delete_access }, 'admin')
        }
    })

    it('takes expires_in from the client, and expires refresh tokens after its refresh lifespan', async () => {
        instance.runtime.store.update('oauth_entity', clientSysId, { access_token_lifespan: '600', refresh_token_lifespan: '3600' }, 'admin')
        const issued = await token({ grant_type: 'password', username: INTEGRATION.user, password: INTEGRATION.password, client_id: CLIENT_ID, client_secret: CLIENT_SECRET })
        expect(issued.json.expires_in).toBe(600)
        const expires = instance.runtime.store.get<{ expires: string }>(`SELECT expires FROM "oauth_credential" WHERE token = ?`, [issued.json.refresh_token])!.expires
        const seconds = (Date.parse(expires.replace(' ', 'T') + 'Z') - Date.now()) / 1000
        expect(seconds).toBeGreaterThan(3590)
        expect(seconds).toBeLessThanOrEqual(3601)
    })
})

describe('refusals', () => {
    it('never redirects to an unregistered redirect URI: an error page instead, never the consent form (RFC 6749 §4.1.2.1)', async () => {
        const browser = new Browser(instance.url)
        const refused = await browser.login(INTEGRATION, authorizeUrl('s', 'https://evil.example.com/callback'))
        expect(refused.status).toBe(400)
        expect(refused.location).toBeNull()
        expect(refused.html).not.toContain('id="allow"')
        // A consent form obtained for the registered URL and posted with another one gets no code either.
        const consent = await browser.get(authorizeUrl('s'))
        const allowed = await browser.request('/oauth_auth.do', { form: { ...hiddenFields(consent.html), redirect_uri: 'https://evil.example.com/callback', action: 'allow' } })
        expect(allowed.status).toBe(400)
        expect(allowed.location).toBeNull()
        const unknownClient = await browser.get(authorizeUrl('s', REDIRECT, 'no-such-client'))
        expect(unknownClient.status).toBe(400)
        expect(unknownClient.location).toBeNull()
    })

    it('redirects with error=access_denied and the state when the user denies', async () => {
        const browser = new Browser(instance.url)
        const consent = await browser.login(INTEGRATION, authorizeUrl('deny-state'))
        const denied = await browser.request('/oauth_auth.do', { form: { ...hiddenFields(consent.html), action: 'deny' } })
        expect(denied.status).toBe(302)
        expect(denied.location).toBe(`${REDIRECT}?error=access_denied&state=deny-state`)
    })

    it('refuses a consent form without the session token (another site posting it)', async () => {
        const browser = new Browser(instance.url)
        const consent = await browser.login(INTEGRATION, authorizeUrl('csrf'))
        const fields = hiddenFields(consent.html)
        delete fields.sysparm_ck
        const response = await browser.request('/oauth_auth.do', { form: { ...fields, action: 'allow' } })
        expect(response.status).toBe(403)
        expect(response.location).toBeNull()
    })

    it('refuses wrong client credentials (401 server_error / access_denied), unknown grants and bad codes', async () => {
        expect(await token({ grant_type: 'password', username: INTEGRATION.user, password: INTEGRATION.password, client_id: CLIENT_ID, client_secret: 'wrong' })).toEqual({ status: 401, json: { error: 'server_error', error_description: 'access_denied' } })
        expect((await token({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET })).json.error).toBe('unsupported_grant_type')
        expect(await token({ grant_type: 'authorization_code', code: 'forged', client_id: CLIENT_ID, client_secret: CLIENT_SECRET })).toEqual({ status: 400, json: { error: 'invalid_grant', error_description: expect.any(String) } })
        expect((await token({ grant_type: 'password', username: INTEGRATION.user, password: 'wrong', client_id: CLIENT_ID, client_secret: CLIENT_SECRET })).status).toBe(401)
        // a plain (reversibly stored) secret works too
        expect((await token({ grant_type: 'password', username: INTEGRATION.user, password: INTEGRATION.password, client_id: PLAIN_CLIENT_ID, client_secret: CLIENT_SECRET })).status).toBe(200)
    })

    it('refuses a code issued to another client or for another redirect URI', async () => {
        const code = await authorizationCode('other')
        const wrongRedirect = await token({ grant_type: 'authorization_code', code, redirect_uri: 'https://elsewhere.example.com/cb', client_id: CLIENT_ID, client_secret: CLIENT_SECRET })
        expect(wrongRedirect.json.error).toBe('invalid_grant')
    })
})

describe('session logins', () => {
    it('refuses web-service-only users at the login page', async () => {
        instance.runtime.createUser({ user_name: 'ws.only', roles: [], password: 'Ws-Only-Passw0rd!', web_service_access_only: 'true' })
        const browser = new Browser(instance.url)
        const response = await browser.login({ user: 'ws.only', password: 'Ws-Only-Passw0rd!' })
        expect(response.status).toBe(401)
        expect(response.html).toContain('User name or password invalid')
        expect(browser.cookies.has('JSESSIONID')).toBe(false)
    })

    it('requires X-UserToken (the page global g_ck) on API calls made with the session cookie', async () => {
        const browser = new Browser(instance.url)
        const page = await browser.login(ADMIN, '/x_mioms_m365ticket_checklist.do')
        expect(page.status).toBe(200)
        const gck = /window\.g_ck = "([^"]+)"/.exec(page.html)![1]
        const withoutToken = await browser.request('/api/now/table/sys_user?sysparm_limit=1', { headers: { accept: 'application/json' } })
        expect(withoutToken.status).toBe(401)
        const wrongToken = await browser.request('/api/now/table/sys_user?sysparm_limit=1', { headers: { 'x-usertoken': 'nope' } })
        expect(wrongToken.status).toBe(401)
        const withToken = await browser.request('/api/now/table/sys_user?sysparm_limit=1', { headers: { 'x-usertoken': gck } })
        expect(withToken.status).toBe(200)
        const logout = await browser.follow('/logout.do')
        expect(logout.html).toContain('name="user_password"')
        expect((await browser.request('/api/now/table/sys_user?sysparm_limit=1', { headers: { 'x-usertoken': gck } })).status).toBe(401)
    })
})
