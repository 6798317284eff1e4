// Access-control matrix: every connector and setup route against every kind of caller, over HTTP on
// the local instance. Each cell must get the expected status class; the table is printed.
import { hashPassword } from '../../emulator/instance/runtime.ts'
import { ADMIN, basic, call, INTEGRATION, ITIL, NOBODY, OTHER_TENANT, startTestInstance, TENANT, taskBody, type Instance } from '../support/http-harness.ts'

const CONNECTOR = '/api/x_mioms_m365ticket/v1/connector'
const SETUP = '/api/x_mioms_m365ticket/v1/setup'
const OTHER_INTEGRATION = { user: 'm365.other.tenant', password: 'Other-Tenant-Passw0rd!' }
const CLIENT = { id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', secret: 'matrix-client-secret-0123456789' }

type Expect = 'allowed' | 401 | 403
type Caller = { name: string; authorization: () => string | null; connector: Expect; setup: Expect }

interface RouteCase {
    name: string
    api: 'connector' | 'setup'
    method: string
    path: (ticket: string) => string
    body?: unknown
}

const ROUTES: RouteCase[] = [
    { name: 'PUT /connection', api: 'connector', method: 'PUT', path: () => CONNECTOR + '/connection', body: { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'a@contoso.com' } },
    { name: 'GET /connection', api: 'connector', method: 'GET', path: () => `${CONNECTOR}/connection?tenantId=${TENANT}` },
    { name: 'POST /tasks', api: 'connector', method: 'POST', path: () => CONNECTOR + '/tasks', body: taskBody({ taskId: 'matrix-task' }) },
    { name: 'GET /tickets', api: 'connector', method: 'GET', path: () => `${CONNECTOR}/tickets?tenantId=${TENANT}` },
    { name: 'GET /tickets/{n}', api: 'connector', method: 'GET', path: (ticket) => `${CONNECTOR}/tickets/${ticket}?tenantId=${TENANT}` },
    { name: 'PATCH /tickets/{n}', api: 'connector', method: 'PATCH', path: (ticket) => `${CONNECTOR}/tickets/${ticket}`, body: { tenantId: TENANT, priority: 'low' } },
    { name: 'GET /states', api: 'connector', method: 'GET', path: () => `${CONNECTOR}/states?tenantId=${TENANT}` },
    { name: 'PUT /state-names', api: 'connector', method: 'PUT', path: () => CONNECTOR + '/state-names', body: { tenantId: TENANT, change: { '-5': 'Triage' } } },
    { name: 'DELETE /connection', api: 'connector', method: 'DELETE', path: () => `${CONNECTOR}/connection?tenantId=${TENANT}` },
    { name: 'GET /setup/status', api: 'setup', method: 'GET', path: () => SETUP + '/status' },
    { name: 'POST /setup/oauth-client', api: 'setup', method: 'POST', path: () => SETUP + '/oauth-client', body: { name: 'Microsoft 365 Ticketing Connector' } },
    { name: 'POST /setup/integration-user', api: 'setup', method: 'POST', path: () => SETUP + '/integration-user', body: { userName: 'm365.matrix.user' } },
    { name: 'POST /setup/.../reset-password', api: 'setup', method: 'POST', path: () => SETUP + '/integration-user/reset-password', body: {} },
    { name: 'GET /setup/connections', api: 'setup', method: 'GET', path: () => SETUP + '/connections' },
    { name: 'GET /setup/settings', api: 'setup', method: 'GET', path: () => SETUP + '/settings' },
    { name: 'PUT /setup/settings', api: 'setup', method: 'PUT', path: () => SETUP + '/settings', body: { apiLogRetentionDays: 30 } },
    { name: 'DELETE /setup/connections/{t}', api: 'setup', method: 'DELETE', path: () => `${SETUP}/connections/${OTHER_TENANT}` },
]

let instance: Instance
let ticketNumber: string
const tokens: { valid: string; expired: string; revoked: string } = { valid: '', expired: '', revoked: '' }

async function passwordGrant(credentials: { user: string; password: string }): Promise<string> {
    const response = await fetch(instance.url + '/oauth_token.do', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'password', client_id: CLIENT.id, client_secret: CLIENT.secret, username: credentials.user, password: credentials.password }).toString(),
    })
    expect(response.status).toBe(200)
    return ((await response.json()) as { access_token: string }).access_token
}

/** The oauth_credential row of the access token issued last. */
function lastAccessTokenRow(): string {
    const store = instance.runtime.store
    return store.get<{ sys_id: string }>(`SELECT sys_id FROM ${store.sqlTable('oauth_credential')} WHERE type = 'access_token' ORDER BY sys_created_on DESC, rowid DESC LIMIT 1`)!.sys_id
}

async function connectAsIntegration(): Promise<void> {
    const response = await call(instance.url + CONNECTOR + '/connection', 'PUT', basic(INTEGRATION), { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'a@contoso.com' })
    expect([200, 201]).toContain(response.status)
}

beforeAll(async () => {
    instance = await startTestInstance()
    const { runtime } = instance
    runtime.createUser({ user_name: OTHER_INTEGRATION.user, roles: ['x_mioms_m365ticket.integration'], password: OTHER_INTEGRATION.password })
    runtime.store.insert(
        'oauth_entity',
        { name: 'Access matrix client', client_id: CLIENT.id, client_secret: hashPassword(CLIENT.secret), type: 'client', active: '1', access_token_lifespan: '1800', refresh_token_lifespan: '8640000', redirect_url: 'https://security.microsoft.com/ticketProvisioning/oauth/callback' },
        'system',
    )
    await connectAsIntegration()
    expect((await call(instance.url + CONNECTOR + '/connection', 'PUT', basic(OTHER_INTEGRATION), { tenantId: OTHER_TENANT, tenantName: 'Fabrikam', connectedBy: 'b@fabrikam.com' })).status).toBe(201)
    ticketNumber = (await call(instance.url + CONNECTOR + '/tasks', 'POST', basic(INTEGRATION), taskBody({ taskId: 'matrix-existing' }))).json.result.number

    tokens.expired = await passwordGrant(INTEGRATION)
    instance.runtime.store.update('oauth_credential', lastAccessTokenRow(), { expires: '2000-01-01 00:00:00' }, 'system')
    tokens.revoked = await passwordGrant(INTEGRATION)
    instance.runtime.store.delete('oauth_credential', lastAccessTokenRow())
    tokens.valid = await passwordGrant(INTEGRATION)
})

afterAll(async () => {
    await instance.close()
})

const CALLERS: Caller[] = [
    { name: 'anonymous', authorization: () => null, connector: 401, setup: 401 },
    { name: 'wrong password', authorization: () => basic({ user: INTEGRATION.user, password: 'not-the-password' }), connector: 401, setup: 401 },
    { name: 'expired token', authorization: () => 'Bearer ' + tokens.expired, connector: 401, setup: 401 },
    { name: 'revoked token', authorization: () => 'Bearer ' + tokens.revoked, connector: 401, setup: 401 },
    { name: 'no role', authorization: () => basic(NOBODY), connector: 403, setup: 403 },
    { name: 'itil', authorization: () => basic(ITIL), connector: 403, setup: 403 },
    { name: 'other tenant', authorization: () => basic(OTHER_INTEGRATION), connector: 403, setup: 403 },
    { name: 'integration', authorization: () => basic(INTEGRATION), connector: 'allowed', setup: 403 },
    { name: 'integration (token)', authorization: () => 'Bearer ' + tokens.valid, connector: 'allowed', setup: 403 },
    { name: 'admin', authorization: () => basic(ADMIN), connector: 403, setup: 'allowed' },
]

function matches(expected: Expect, status: number): boolean {
    return expected === 'allowed' ? status < 400 || (status !== 401 && status !== 403 && status < 500) : status === expected
}

it('gives every caller the expected answer on every route, and no tenant reaches another', async () => {
    const table: string[][] = [['route', ...CALLERS.map((caller) => caller.name)]]
    const mismatches: string[] = []
    for (const route of ROUTES) {
        const row = [route.name]
        for (const caller of CALLERS) {
            const before = instance.runtime.store.count('task', { blocks: [], orderBy: [] })
            const response = await call(instance.url + route.path(ticketNumber), route.method, caller.authorization(), route.body)
            const expected = route.api === 'connector' ? caller.connector : caller.setup
            const ok = matches(expected, response.status)
            row.push(String(response.status) + (ok ? '' : ' ✗'))
            if (!ok) mismatches.push(`${route.name} as ${caller.name}: expected ${expected}, got ${response.status} ${response.text.slice(0, 200)}`)
            if (expected !== 'allowed' && instance.runtime.store.count('task', { blocks: [], orderBy: [] }) !== before) mismatches.push(`${route.name} as ${caller.name} wrote a ticket`)
            if (response.status >= 400) expect(response.json).toMatchObject({ status: 'failure', error: { message: expect.any(String) } })
            // DELETE /connection succeeded: it revoked the integration user's tokens (by design), so
            // reconnect and take a new token for the next cells.
            if (route.name === 'DELETE /connection' && response.status === 200) {
                await connectAsIntegration()
                tokens.valid = await passwordGrant(INTEGRATION)
            }
        }
        table.push(row)
    }
    const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)))
    console.log('Access-control matrix (HTTP status per route and caller)\n' + table.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')).join('\n'))
    expect(mismatches).toEqual([])
})

it("never lets one tenant's integration user read or change another tenant's tickets or connection", async () => {
    // The matrix's admin removed the other tenant's connection through the setup API: reconnect it.
    expect((await call(instance.url + CONNECTOR + '/connection', 'PUT', basic(OTHER_INTEGRATION), { tenantId: OTHER_TENANT, tenantName: 'Fabrikam', connectedBy: 'b@fabrikam.com' })).status).toBe(200)
    const theirs = (await call(instance.url + CONNECTOR + '/tasks', 'POST', basic(OTHER_INTEGRATION), taskBody({ tenantId: OTHER_TENANT, taskId: 'fabrikam-1' }))).json.result
    const asMine = basic(INTEGRATION)
    expect((await call(`${instance.url}${CONNECTOR}/tickets/${theirs.number}?tenantId=${OTHER_TENANT}`, 'GET', asMine)).status).toBe(403)
    expect((await call(`${instance.url}${CONNECTOR}/tickets/${theirs.number}?tenantId=${TENANT}`, 'GET', asMine)).status).toBe(404)
    expect((await call(`${instance.url}${CONNECTOR}/tickets/${theirs.number}`, 'PATCH', asMine, { tenantId: TENANT, priority: 'critical' })).status).toBe(404)
    expect((await call(`${instance.url}${CONNECTOR}/tickets?tenantId=${OTHER_TENANT}`, 'GET', asMine)).status).toBe(403)
    const mine = (await call(`${instance.url}${CONNECTOR}/tickets?tenantId=${TENANT}&limit=500`, 'GET', asMine)).json.result.tickets
    expect(mine.map((ticket: { number: string }) => ticket.number)).not.toContain(theirs.number)
    expect((await call(`${instance.url}${CONNECTOR}/connection?tenantId=${OTHER_TENANT}`, 'DELETE', asMine)).status).toBe(403)
    expect((await call(`${instance.url}${CONNECTOR}/connection`, 'PUT', asMine, { tenantId: OTHER_TENANT, tenantName: 'Mine now', connectedBy: 'x@contoso.com' })).status).toBe(403)
    expect((await call(`${instance.url}${CONNECTOR}/state-names`, 'PUT', asMine, { tenantId: OTHER_TENANT, change: { '-5': 'Hijacked' } })).status).toBe(403)
    const after = (await call(`${instance.url}${CONNECTOR}/tickets/${theirs.number}?tenantId=${OTHER_TENANT}`, 'GET', basic(OTHER_INTEGRATION))).json.result
    expect(after.priority).toEqual(theirs.priority)
    expect(after.state.customLabel).toBeNull()
})
