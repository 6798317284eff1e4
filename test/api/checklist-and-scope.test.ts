// The installation checklist over HTTP as an admin uses it (UI page with its assets and g_ck, setup API
// with the session's X-UserToken), the OAuth client and integration user it creates working for real,
// and the cross-scope table policy enforced on the app's code.
import { GlideRecord } from '@servicenow/glide'
import { ScriptHost } from '../../emulator/instance/scripts/sandbox.ts'
import { exerciseConnector } from '../support/connector-flow.ts'
import { ADMIN, basic, Browser, call, hiddenFields, type Instance, INTEGRATION, startTestInstance, TENANT } from '../support/http-harness.ts'
import { CONNECTOR_API as CONNECTOR, SETUP_API as SETUP, everyRow } from '../support/api-paths.ts'

const REFUSED_READ = "Read operation against 'oauth_entity' from scope 'x_mioms_m365ticket' has been refused due to the table's cross-scope access policy"

let instance: Instance

beforeAll(async () => {
    instance = await startTestInstance()
})

afterAll(() => instance.close())

function setTableAccess(table: string, values: Record<string, string>): () => void {
    const store = instance.runtime.store
    const row = store.get<Record<string, string>>(`SELECT * FROM "sys_db_object" WHERE name = ?`, [table])!
    const before: Record<string, string> = {}
    for (const key of Object.keys(values)) before[key] = row[key]
    store.update('sys_db_object', row.sys_id, values, 'admin')
    return () => store.update('sys_db_object', row.sys_id, before, 'admin')
}

function syslogMessages(): string[] {
    return instance.runtime.store.select('syslog', everyRow()).map((r) => r.message ?? '')
}

describe('the installation checklist page', () => {
    it('asks for a login first, then serves the page with the session token and the user as page globals', async () => {
        const browser = new Browser(instance.url)
        const anonymous = await browser.get('/x_mioms_m365ticket_checklist.do')
        expect(anonymous.status).toBe(302)
        expect(anonymous.location).toBe(`${instance.url}/login.do?sysparm_goto=%2Fx_mioms_m365ticket_checklist.do`)
        const page = await browser.login(ADMIN, '/x_mioms_m365ticket_checklist.do')
        expect(page.status).toBe(200)
        expect(page.html).toContain('<div id="root"></div>')
        expect(page.html).toMatch(/window\.g_ck = "[A-Za-z0-9_-]{20,}"/)
        expect(page.html).toContain('"userName":"admin"')
        expect(page.html).not.toMatch(/\$\[/)
        const script = /<script src="(\/uxasset\/externals\/x_mioms_m365ticket\/main\.jsdbx[^"]*)"/.exec(page.html)![1]
        const asset = await fetch(instance.url + script.replace(/&amp;/g, '&'))
        expect(asset.status).toBe(200)
        expect(asset.headers.get('content-type')).toMatch(/javascript/)
        expect((await asset.text()).length).toBeGreaterThan(1000)
    })

    it('creates the OAuth client and the integration user through the setup API, and both work for real', async () => {
        const browser = new Browser(instance.url)
        const page = await browser.login(ADMIN, '/x_mioms_m365ticket_checklist.do')
        const gck = /window\.g_ck = "([^"]+)"/.exec(page.html)![1]
        expect((await browser.request(SETUP + '/status', { headers: { 'x-usertoken': gck, accept: 'application/json' } })).status).toBe(200)

        const post = async (path: string, body: unknown) => {
            const response = await fetch(instance.url + SETUP + path, {
                method: 'POST',
                headers: { cookie: `JSESSIONID=${browser.cookies.get('JSESSIONID')}`, 'x-usertoken': gck, 'content-type': 'application/json' },
                body: JSON.stringify(body),
            })
            return { status: response.status, json: await response.json() }
        }
        const client = await post('/oauth-client', { redirectUrl: 'https://security.microsoft.com/ticketProvisioning/oauth/callback' })
        expect(client.status).toBe(201)
        const user = await post('/integration-user', { userName: 'm365.checklist' })
        expect(user.status).toBe(201)

        const credentials = { user: 'm365.checklist', password: user.json.result.password as string }
        const clientId = client.json.result.client.clientId as string
        const clientSecret = client.json.result.clientSecret as string
        // The Microsoft 365 side: consent as the new integration user, then the connector with the token.
        const m365 = new Browser(instance.url)
        const authorize = `/oauth_auth.do?${new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: 'https://security.microsoft.com/ticketProvisioning/oauth/callback', state: 'xyz' })}`
        const consent = await m365.login(credentials, authorize)
        expect(consent.html).toContain('Microsoft 365 Ticketing Connector')
        const allowed = await m365.request('/oauth_auth.do', { form: { ...hiddenFields(consent.html), action: 'allow' } })
        const code = new URL(allowed.location!).searchParams.get('code')!
        const tokenResponse = await fetch(`${instance.url}/oauth_token.do`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: clientId, client_secret: clientSecret, redirect_uri: 'https://security.microsoft.com/ticketProvisioning/oauth/callback' }).toString(),
        })
        expect(tokenResponse.status).toBe(200)
        const tokens = await tokenResponse.json()
        await exerciseConnector(instance.url, `Bearer ${tokens.access_token}`, 'checklist-0001')
        // and basic auth with the generated password
        expect((await call(`${instance.url}${CONNECTOR}/states?tenantId=${TENANT}`, 'GET', basic(credentials))).status).toBe(200)
    })

    it('gives the setup API 403 to the integration user, whose only role is the integration role', async () => {
        const response = await call(`${instance.url}${SETUP}/status`, 'GET', basic(INTEGRATION))
        expect(response.status).toBe(403)
        expect(response.json.error.message).toBe('User Not Authorized')
    })
})

describe('cross-scope table policy (sys_db_object Application Access)', () => {
    it("refuses the app's code a read of oauth_entity when Can read is cleared, with the platform's message, and logs it", () => {
        const restore = setTableAccess('oauth_entity', { read_access: 'false' })
        try {
            const scripts = new ScriptHost(instance.runtime.activate())
            const script = "var gr = new GlideRecord('oauth_entity'); gr.query(); return gr.getRowCount();"
            expect(() => instance.runtime.runAs('admin', () => instance.runtime.runInScope('x_mioms_m365ticket', () => scripts.runScript(script, {}, 'background script')))).toThrow(REFUSED_READ)
            expect(syslogMessages()).toContain(REFUSED_READ)
            // Global code (here the test itself, like the Table API) is not restricted by the policy.
            const global = instance.runtime.runAs('admin', () => {
                const gr = new GlideRecord('oauth_entity')
                gr.query()
                return gr.getRowCount()
            })
            expect(global).toBeGreaterThanOrEqual(0)
        } finally {
            restore()
        }
    })

    it('refuses app code every operation when the table is not accessible from all application scopes, despite granted privileges', () => {
        const restore = setTableAccess('oauth_entity', { access: 'package_private' })
        try {
            const granted = instance.runtime.store.all(`SELECT * FROM "sys_scope_privilege" WHERE target_name = 'oauth_entity' AND operation = 'create' AND status = 'allowed'`)
            expect(granted).toHaveLength(1)
            const scripts = new ScriptHost(instance.runtime.activate())
            const create = "var gr = new GlideRecord('oauth_entity'); gr.initialize(); gr.setValue('name', 'x'); return gr.insert();"
            expect(() => instance.runtime.runAs('admin', () => instance.runtime.runInScope('x_mioms_m365ticket', () => scripts.runScript(create, {}, 'background script')))).toThrow(
                "Create operation against 'oauth_entity' from scope 'x_mioms_m365ticket' has been refused due to the table's cross-scope access policy",
            )
        } finally {
            restore()
        }
    })

    it('enforces the policy on the Scripted REST operations the app serves over HTTP', async () => {
        const restore = setTableAccess('oauth_credential', { delete_access: 'false' })
        try {
            const integrationUser = instance.runtime.store.get<{ sys_id: string }>(`SELECT sys_id FROM "sys_user" WHERE user_name = ?`, [INTEGRATION.user])!.sys_id
            // A token of the app's OAuth client (peer), as the platform issues it.
            const client = instance.rows('oauth_entity', 'comments LIKE ?', ['%[x_mioms_m365ticket:checklist]%'])[0].sys_id!
            instance.runtime.store.insert('oauth_credential', { type: 'access_token', token: 'f'.repeat(64), peer: client, user: integrationUser, expires: '2099-01-01 00:00:00' }, 'system')
            // DELETE /connection revokes the integration user's tokens: a delete on oauth_credential from the app's scope.
            const tenant = '5e5e5e5e-0000-4000-8000-000000000005'
            await call(`${instance.url}${CONNECTOR}/connection`, 'PUT', basic(INTEGRATION), { tenantId: tenant, tenantName: 'Woodgrove', connectedBy: 'a@woodgrove.com' })
            const removed = await call(`${instance.url}${CONNECTOR}/connection?tenantId=${tenant}`, 'DELETE', basic(INTEGRATION))
            // The platform refuses the delete and logs why; the app disconnects the tenant all the same and says
            // the tokens are left to revoke (Microsoft 365 revokes its own through oauth_revoke_token.do).
            expect(syslogMessages()).toContain("Delete operation against 'oauth_credential' from scope 'x_mioms_m365ticket' has been refused due to the table's cross-scope access policy")
            expect(removed.status).toBe(200)
            expect(removed.json.result).toMatchObject({ tenantId: tenant, status: 'disconnected', tokenRevocation: 'refused' })
        } finally {
            restore()
        }
    })

    it('shows the refusal on the checklist when oauth_entity is restricted, with the fix', async () => {
        const restore = setTableAccess('oauth_entity', { read_access: 'false' })
        try {
            const status = await call(`${instance.url}${SETUP}/status`, 'GET', basic(ADMIN))
            expect(status.status).toBe(200)
            expect(status.text).toContain(REFUSED_READ)
        } finally {
            restore()
        }
    })
})
