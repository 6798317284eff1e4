// Conformance of the local instance's OAuth endpoints (/oauth_auth.do, /oauth_token.do) with ServiceNow's
// documentation: "Configure Application Registry" (lifespans), RFC 6749 and KB2109232 (redirect URIs), "OAuth API
// request parameters" (grants, the current token) and KB0791140 "Managing OAuth tokens" (oauth_credential, token reuse).
import { ADMIN, Browser, hiddenFields, INTEGRATION, type Instance, ITIL, startTestInstance } from '../support/http-harness.ts'

const FIRST = 'https://first.example.com/oauth/callback'
const SECOND = 'https://second.example.com/oauth/callback'
const SECRET = 'Conformance-Secret-0123'

let instance: Instance
let clientCount = 0

beforeAll(async () => {
    instance = await startTestInstance()
})
afterAll(() => instance.close())

/** A new OAuth client (oauth_entity) with the given fields; lifespans left to the table's defaults unless given. */
function addClient(fields: Record<string, string> = {}): { id: string; sysId: string } {
    const id = `conformance-client-${++clientCount}`
    const result = instance.runtime.store.insert('oauth_entity', { name: `Client ${clientCount}`, client_id: id, client_secret: SECRET, redirect_url: `${FIRST},${SECOND}`, type: 'client', ...fields }, 'admin')
    if (result.error !== undefined) throw new Error(result.error)
    return { id, sysId: result.sysId }
}

async function token(form: Record<string, string>, contentType = 'application/x-www-form-urlencoded') {
    const response = await fetch(`${instance.url}/oauth_token.do`, { method: 'POST', headers: { 'content-type': contentType }, body: new URLSearchParams(form).toString() })
    return { status: response.status, json: await response.json() }
}

function passwordGrant(clientId: string, user = INTEGRATION) {
    return token({ grant_type: 'password', client_id: clientId, client_secret: SECRET, username: user.user, password: user.password })
}

function credentialRow(value: string): Record<string, string | null> {
    return instance.rows('oauth_credential', 'token = ?', [value])[0]
}

/** Seconds from now until a 'YYYY-MM-DD HH:mm:ss' UTC time. */
function secondsUntil(utc: string | null): number {
    return (Date.parse(utc!.replace(' ', 'T') + 'Z') - Date.now()) / 1000
}

/** Signs in as the integration user on /oauth_auth.do with these parameters; returns the consent form's fields. */
async function consentFields(params: Record<string, string>): Promise<Record<string, string>> {
    const browser = new Browser(instance.url)
    const consent = await browser.login(INTEGRATION, `/oauth_auth.do?${new URLSearchParams({ response_type: 'code', ...params })}`)
    expect(consent.html).toContain('id="allow"')
    const fields = hiddenFields(consent.html)
    const allowed = await browser.request('/oauth_auth.do', { form: { ...fields, action: 'allow' } })
    expect(allowed.status).toBe(302)
    return { ...fields, location: allowed.location! }
}

describe('redirect URLs (RFC 6749 §4.1.2.1 and KB2109232 "Invalid redirect_URI error": a redirect_uri that matches no registered URL gets an error page)', () => {
    it('uses the registered redirect URL, from the comma-separated list, that matches the request', async () => {
        const client = addClient()
        const { location } = await consentFields({ client_id: client.id, redirect_uri: SECOND, state: 's2' })
        expect(location.startsWith(`${SECOND}?code=`)).toBe(true)
        expect(new URL(location).searchParams.get('state')).toBe('s2')
    })

    it('answers a redirect_uri that matches no registered URL with an error page at once: no login, no consent, no redirect', async () => {
        const client = addClient()
        const query = `/oauth_auth.do?${new URLSearchParams({ response_type: 'code', client_id: client.id, redirect_uri: 'https://elsewhere.example.com/cb', state: 'x' })}`
        const signedOut = await new Browser(instance.url).request(query)
        const signedIn = await new Browser(instance.url).login(INTEGRATION, query)
        for (const page of [signedOut, signedIn]) {
            expect(page.status).toBe(400)
            expect(page.location).toBeNull()
            expect(page.html).toContain('Invalid redirect_uri: it does not match a redirect URL registered for this OAuth application.')
            expect(page.html).not.toContain('id="allow"')
            expect(page.html).not.toContain('user_password')
            // The error page keeps a way back (issue 21): the previous page, else the instance's home.
            expect(page.html).toContain('<a href="/" onclick="if (history.length > 1) { history.back(); return false }">Go back</a>')
        }
        // A registered URL with another path, or a prefix of one, is no match either (exact comparison).
        for (const redirect_uri of [`${FIRST}/more`, 'https://first.example.com/oauth']) {
            const page = await new Browser(instance.url).login(INTEGRATION, `/oauth_auth.do?${new URLSearchParams({ response_type: 'code', client_id: client.id, redirect_uri, state: 'y' })}`)
            expect(page.status).toBe(400)
        }
        // The consent form posted with an unregistered redirect_uri gets the same page, never a code.
        const posted = await new Browser(instance.url).request('/oauth_auth.do', { form: { response_type: 'code', client_id: client.id, redirect_uri: 'https://elsewhere.example.com/cb', state: 'x', action: 'allow' } })
        expect(posted.status).toBe(400)
        expect(posted.location).toBeNull()
    })

    // RFC 6749 §4.1.1: redirect_uri is OPTIONAL; §3.1.2.3: without it the registered redirect URI is used.
    it('uses the first redirect URL when the request names none', async () => {
        const client = addClient()
        const { location } = await consentFields({ client_id: client.id, state: 'none' })
        expect(location.startsWith(`${FIRST}?code=`)).toBe(true)
    })

    it('exchanges the code without redirect_uri, or with the redirect URL it was sent to', async () => {
        const client = addClient()
        const first = new URL((await consentFields({ client_id: client.id, redirect_uri: SECOND, state: 'a' })).location)
        const withUri = await token({ grant_type: 'authorization_code', code: first.searchParams.get('code')!, redirect_uri: SECOND, client_id: client.id, client_secret: SECRET })
        expect(withUri.status).toBe(200)
        const second = new URL((await consentFields({ client_id: client.id, state: 'b' })).location)
        const withoutUri = await token({ grant_type: 'authorization_code', code: second.searchParams.get('code')!, client_id: client.id, client_secret: SECRET })
        expect(withoutUri.status).toBe(200)
    })
})

describe('response types ("OAuth authorization code grant flow": response_type must be code; implicit grants are supported)', () => {
    it('refuses the implicit grant (response_type=token) as not emulated', async () => {
        const client = addClient()
        const browser = new Browser(instance.url)
        const response = await browser.login(INTEGRATION, `/oauth_auth.do?${new URLSearchParams({ response_type: 'token', client_id: client.id, redirect_uri: FIRST, state: 's' })}`)
        expect(response.status).toBe(501)
        expect(response.html).toContain('not emulated by the local instance: the OAuth implicit grant (response_type=token)')
    })
})

describe('state ("Authorization code grant workflow": glide.oauth.state.parameter.required, true on new instances)', () => {
    it('refuses an authorization request without state with "Missing State parameter in request"', async () => {
        const client = addClient()
        const browser = new Browser(instance.url)
        const response = await browser.login(INTEGRATION, `/oauth_auth.do?${new URLSearchParams({ response_type: 'code', client_id: client.id, redirect_uri: FIRST })}`)
        expect(response.status).toBe(400)
        expect(response.location).toBeNull()
        expect(response.html).toContain('Missing State parameter in request')
    })

    it('takes a request without state when the property is false', async () => {
        const client = addClient()
        const property = instance.runtime.store.insert('sys_properties', { name: 'glide.oauth.state.parameter.required', type: 'true|false', value: 'false' }, 'admin')
        try {
            const { location } = await consentFields({ client_id: client.id, redirect_uri: FIRST })
            expect(location.startsWith(`${FIRST}?code=`)).toBe(true)
            expect(new URL(location).searchParams.has('state')).toBe(false)
        } finally {
            instance.runtime.store.delete('sys_properties', property.sysId!)
        }
    })
})

describe('the current token (OAuth API request parameters; KB0791140 "Managing OAuth tokens")', () => {
    it('keeps each token in oauth_credential with its value, type, peer (the OAuth client), user, expiry and scopes', async () => {
        const client = addClient()
        const issued = await passwordGrant(client.id)
        const user = instance.rows('sys_user', 'user_name = ?', [INTEGRATION.user])[0].sys_id
        const access = credentialRow(issued.json.access_token)
        const refresh = credentialRow(issued.json.refresh_token)
        expect(access).toMatchObject({ type: 'access_token', peer: client.sysId, user, scopes: 'useraccount' })
        expect(refresh).toMatchObject({ type: 'refresh_token', peer: client.sysId, user, scopes: 'useraccount' })
        expect(secondsUntil(access.expires)).toBeGreaterThan(1790)
        // The platform's table has no client column: the client is named in peer only.
        expect(Object.keys(access)).not.toContain('client')
        expect(instance.rows('oauth_entity', 'sys_id = ?', [access.peer])[0].client_id).toBe(client.id)
    })

    it('takes the lifespans from the Application Registry, 1800 s and 8,640,000 s by default', async () => {
        const client = addClient()
        const issued = await passwordGrant(client.id)
        expect(issued.json).toEqual({ access_token: expect.any(String), refresh_token: expect.any(String), scope: 'useraccount', token_type: 'Bearer', expires_in: 1800 })
        expect(secondsUntil(credentialRow(issued.json.access_token).expires)).toBeGreaterThan(1790)
        expect(secondsUntil(credentialRow(issued.json.refresh_token).expires)).toBeGreaterThan(8_639_990)
        expect(secondsUntil(credentialRow(issued.json.refresh_token).expires)).toBeLessThanOrEqual(8_640_001)
    })

    it('answers a password grant within the access token lifespan with the current access and refresh tokens, their expiry moved to a full lifespan', async () => {
        const client = addClient({ access_token_lifespan: '600', refresh_token_lifespan: '3600' })
        const first = await passwordGrant(client.id)
        const store = instance.runtime.store
        const access = credentialRow(first.json.access_token)
        const refresh = credentialRow(first.json.refresh_token)
        store.update('oauth_credential', access.sys_id!, { expires: new Date(Date.now() + 60_000).toISOString().slice(0, 19).replace('T', ' ') }, 'system')
        store.update('oauth_credential', refresh.sys_id!, { expires: new Date(Date.now() + 60_000).toISOString().slice(0, 19).replace('T', ' ') }, 'system')

        const again = await passwordGrant(client.id)
        expect(again.json.access_token).toBe(first.json.access_token)
        expect(again.json.refresh_token).toBe(first.json.refresh_token)
        expect(again.json.expires_in).toBe(600)
        expect(secondsUntil(credentialRow(first.json.access_token).expires)).toBeGreaterThan(590)
        expect(secondsUntil(credentialRow(first.json.refresh_token).expires)).toBeGreaterThan(3590)
        expect(instance.count('oauth_credential', 'peer = ?', [client.sysId])).toBe(2)
    })

    it('answers an authorization code exchange within the access token lifespan with the current tokens too', async () => {
        const client = addClient()
        const issued = await passwordGrant(client.id)
        const code = new URL((await consentFields({ client_id: client.id, state: 'again' })).location).searchParams.get('code')!
        const exchanged = await token({ grant_type: 'authorization_code', code, client_id: client.id, client_secret: SECRET })
        expect(exchanged.json.access_token).toBe(issued.json.access_token)
        expect(exchanged.json.refresh_token).toBe(issued.json.refresh_token)
    })

    it('issues a new access token once the current one has expired, keeping the current refresh token', async () => {
        const client = addClient()
        const first = await passwordGrant(client.id)
        instance.runtime.store.update('oauth_credential', credentialRow(first.json.access_token).sys_id!, { expires: '2020-01-01 00:00:00' }, 'system')
        const again = await passwordGrant(client.id)
        expect(again.json.access_token).not.toBe(first.json.access_token)
        expect(again.json.refresh_token).toBe(first.json.refresh_token)
    })

    it('gives each user and each client tokens of their own', async () => {
        const client = addClient()
        const other = addClient()
        const integration = await passwordGrant(client.id)
        const itil = await passwordGrant(client.id, ITIL)
        const otherClient = await passwordGrant(other.id)
        expect(new Set([integration.json.access_token, itil.json.access_token, otherClient.json.access_token]).size).toBe(3)
        expect(new Set([integration.json.refresh_token, itil.json.refresh_token, otherClient.json.refresh_token]).size).toBe(3)
    })

    it('answers a refresh_token grant with a new access token and the same refresh token, its expiry unchanged', async () => {
        const client = addClient()
        const first = await passwordGrant(client.id)
        const refreshExpires = credentialRow(first.json.refresh_token).expires
        const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.json.refresh_token, client_id: client.id, client_secret: SECRET })
        expect(refreshed.status).toBe(200)
        expect(refreshed.json.access_token).not.toBe(first.json.access_token)
        expect(refreshed.json.refresh_token).toBe(first.json.refresh_token)
        expect(credentialRow(first.json.refresh_token).expires).toBe(refreshExpires)
        expect(credentialRow(refreshed.json.access_token)).toMatchObject({ type: 'access_token', peer: client.sysId })
    })
})

describe('the password grant (OAuth API request parameters: "The instance verifies that the user is active, not currently locked out")', () => {
    // Observed on instances (demisto/content-docs#1301, KB0783632): 401 {"error_description":"access_denied","error":"server_error"}.
    const denied = { status: 401, json: { error: 'server_error', error_description: 'access_denied' } }

    it('refuses a wrong password, an unknown user and missing credentials with 401 server_error / access_denied', async () => {
        const client = addClient()
        expect(await passwordGrant(client.id, { user: INTEGRATION.user, password: 'wrong' })).toEqual(denied)
        expect(await passwordGrant(client.id, { user: 'nobody.here', password: 'whatever' })).toEqual(denied)
        expect(await token({ grant_type: 'password', client_id: client.id, client_secret: SECRET })).toEqual(denied)
    })

    it('refuses a wrong client secret, an unknown client and an inactive client the same way', async () => {
        const client = addClient()
        expect(await token({ grant_type: 'password', client_id: client.id, client_secret: 'wrong', username: INTEGRATION.user, password: INTEGRATION.password })).toEqual(denied)
        expect(await passwordGrant('no-such-client')).toEqual(denied)
        const inactive = addClient({ active: 'false' })
        expect(await passwordGrant(inactive.id)).toEqual(denied)
    })

    it('refuses a locked-out and an inactive user', async () => {
        const client = addClient()
        instance.runtime.createUser({ user_name: 'locked.user', roles: [], password: 'Locked-Passw0rd!', locked_out: 'true' })
        instance.runtime.createUser({ user_name: 'inactive.user', roles: [], password: 'Inactive-Passw0rd!', active: 'false' })
        expect(await passwordGrant(client.id, { user: 'locked.user', password: 'Locked-Passw0rd!' })).toEqual(denied)
        expect(await passwordGrant(client.id, { user: 'inactive.user', password: 'Inactive-Passw0rd!' })).toEqual(denied)
    })

    // "and has an interactive session": the docs do not say whether a Web service access only user ("Non-interactive
    // sessions") has one, so the instance refuses to decide instead of guessing.
    it('refuses the password grant of a Web service access only user as not emulated (the "interactive session" condition)', async () => {
        const client = addClient()
        instance.runtime.createUser({ user_name: 'wso.grant', roles: [], password: 'Wso-Grant-Passw0rd!', web_service_access_only: 'true' })
        const response = await passwordGrant(client.id, { user: 'wso.grant', password: 'Wso-Grant-Passw0rd!' })
        expect(response.status).toBe(501)
        expect(JSON.stringify(response.json)).toContain('not emulated by the local instance: the OAuth password grant for a Web service access only user')
        expect(instance.count('oauth_credential', 'user = (SELECT sys_id FROM sys_user WHERE user_name = ?)', ['wso.grant'])).toBe(0)
        // Its wrong password is refused like anyone's: the refusal never tells a password is right.
        expect(await passwordGrant(client.id, { user: 'wso.grant', password: 'wrong' })).toEqual(denied)
    })

    // "Explicit Roles": "any time a user logs in, the user is given the snc_internal role if the account does not already
    // have that role, or the snc_external role", as a sys_user_has_role row since Xanadu. A password grant and a call with
    // a Bearer token each open a session: both are logins.
    it('with the Explicit Roles plugin, the password grant and a Bearer call write snc_internal for a user without an explicit role', async () => {
        const client = addClient()
        const before = process.env.LOCAL_INSTANCE_EXPLICIT_ROLES
        const internalRows = (user: string) => instance.count('sys_user_has_role', `"user" = ? AND role = (SELECT sys_id FROM sys_user_role WHERE name = 'snc_internal')`, [user])
        try {
            const granted = { user: 'explicit.grant', password: 'Explicit-Grant-Passw0rd!' }
            const grantedId = instance.runtime.createUser({ user_name: granted.user, roles: [], password: granted.password })
            const bearer = { user: 'explicit.bearer', password: 'Explicit-Bearer-Passw0rd!' }
            const bearerId = instance.runtime.createUser({ user_name: bearer.user, roles: [], password: bearer.password })
            process.env.LOCAL_INSTANCE_EXPLICIT_ROLES = '0'
            const issued = await passwordGrant(client.id, bearer)
            expect(issued.status).toBe(200)
            expect(internalRows(bearerId)).toBe(0)
            process.env.LOCAL_INSTANCE_EXPLICIT_ROLES = '1'
            expect((await passwordGrant(client.id, granted)).status).toBe(200)
            expect(internalRows(grantedId)).toBe(1)
            const called = await fetch(`${instance.url}/api/now/table/sys_user?sysparm_limit=1`, { headers: { accept: 'application/json', authorization: `Bearer ${issued.json.access_token}` } })
            expect(called.status).not.toBe(401)
            expect(internalRows(bearerId)).toBe(1)
        } finally {
            if (before === undefined) delete process.env.LOCAL_INSTANCE_EXPLICIT_ROLES
            else process.env.LOCAL_INSTANCE_EXPLICIT_ROLES = before
        }
    })

    it('takes the client credentials from the form or from Basic auth', async () => {
        const client = addClient()
        const response = await fetch(`${instance.url}/oauth_token.do`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Basic ' + Buffer.from(`${client.id}:${SECRET}`).toString('base64') },
            body: new URLSearchParams({ grant_type: 'password', username: ADMIN.user, password: ADMIN.password }).toString(),
        })
        expect(response.status).toBe(200)
    })

    // "OAuth authorization code grant flow" shows the token as ?access_token= on a REST URL: refused, not guessed.
    it('refuses an access token sent as the access_token query parameter as not emulated', async () => {
        const client = addClient()
        const issued = await passwordGrant(client.id)
        const response = await fetch(`${instance.url}/api/now/table/incident?sysparm_limit=1&access_token=${issued.json.access_token}`, { headers: { accept: 'application/json' } })
        expect(response.status).toBe(501)
        expect(await response.text()).toContain('not emulated by the local instance: an OAuth access token as the access_token query parameter')
    })

    // "Client Credentials": the grant is off unless glide.oauth.inbound.client.credential.grant_type.enabled is true.
    it('refuses the client_credentials grant by default, and refuses it as not emulated when the property turns it on', async () => {
        const client = addClient()
        const request = { grant_type: 'client_credentials', client_id: client.id, client_secret: SECRET }
        expect(await token(request)).toMatchObject({ status: 400, json: { error: 'unsupported_grant_type' } })
        const property = instance.runtime.store.insert('sys_properties', { name: 'glide.oauth.inbound.client.credential.grant_type.enabled', type: 'true|false', value: 'true' }, 'admin')
        try {
            const response = await token(request)
            expect(response.status).toBe(501)
        } finally {
            instance.runtime.store.delete('sys_properties', property.sysId!)
        }
    })

    // "The content-type of the OAuth API should be application/x-www-form-urlencoded. A content-type of
    // application/json results in an unspecified error": the local instance refuses instead of guessing it.
    it('refuses a JSON token request as not emulated', async () => {
        const client = addClient()
        const response = await fetch(`${instance.url}/oauth_token.do`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ grant_type: 'password', client_id: client.id, client_secret: SECRET, username: INTEGRATION.user, password: INTEGRATION.password }),
        })
        expect(response.status).toBe(501)
        expect(await response.text()).toContain('not emulated by the local instance: /oauth_token.do with Content-Type application/json')
    })
})

describe('revocation ("Revoke an OAuth token": oauth_revoke_token.do?token=…, no authentication, "The token in this request is marked as expired")', () => {
    it('expires an access token, which then no longer authenticates', async () => {
        const client = addClient()
        const issued = (await passwordGrant(client.id)).json
        const api = (bearer: string) => fetch(`${instance.url}/api/now/table/sys_user?sysparm_limit=1`, { headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' } })
        expect((await api(issued.access_token)).status).toBe(200)
        const revoked = await fetch(`${instance.url}/oauth_revoke_token.do?token=${encodeURIComponent(issued.access_token)}`)
        expect(revoked.status).toBe(200)
        expect(secondsUntil(credentialRow(issued.access_token).expires)).toBeLessThanOrEqual(0)
        expect((await api(issued.access_token)).status).toBe(401)
    })

    it('expires a refresh token, which then no longer refreshes', async () => {
        const client = addClient()
        const issued = (await passwordGrant(client.id)).json
        expect((await fetch(`${instance.url}/oauth_revoke_token.do?token=${encodeURIComponent(issued.refresh_token)}`)).status).toBe(200)
        const refreshed = await token({ grant_type: 'refresh_token', refresh_token: issued.refresh_token, client_id: client.id, client_secret: SECRET })
        expect(refreshed.status).toBe(400)
    })
})
