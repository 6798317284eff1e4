// Access-control matrix: every connector and setup route against every kind of caller, over HTTP on
// the local instance. Each cell must get the expected status class; the table is printed.
// Runs in-process and, under `npm run test:live`, against INSTANCE_URL (test/support/target.ts).
import { basic, call, OTHER_TENANT, TENANT, taskBody } from '../support/http-harness.ts'
import type { Credentials } from '../support/instance-http.ts'
import { LIVE, type OAuthClient, SETUP_API, startTarget, TABLE_API, type Target } from '../support/target.ts'
import { CONNECTOR_API as CONNECTOR } from '../support/api-paths.ts'

const SETUP = SETUP_API
const MATRIX_USER = 'm365.matrix.user'

type Expect = 'allowed' | 401 | 403
/** `localOnly`: the caller needs the in-process instance (an access token expired in its store); left out in live mode. */
type Caller = { name: string; authorization: () => string | null; connector: Expect; setup: Expect; localOnly?: boolean }

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
    { name: 'GET /tickets/{n}/activity', api: 'connector', method: 'GET', path: (ticket) => `${CONNECTOR}/tickets/${ticket}/activity?tenantId=${TENANT}` },
    { name: 'POST /tickets/{n}/comments', api: 'connector', method: 'POST', path: (ticket) => `${CONNECTOR}/tickets/${ticket}/comments`, body: { tenantId: TENANT, commentId: 'matrix-comment', author: 'a@contoso.com', text: 'From the matrix' } },
    { name: 'GET /states', api: 'connector', method: 'GET', path: () => `${CONNECTOR}/states?tenantId=${TENANT}` },
    { name: 'PUT /state-names', api: 'connector', method: 'PUT', path: () => CONNECTOR + '/state-names', body: { tenantId: TENANT, change: { '-5': 'Triage' } } },
    { name: 'DELETE /connection', api: 'connector', method: 'DELETE', path: () => `${CONNECTOR}/connection?tenantId=${TENANT}` },
    { name: 'GET /setup/status', api: 'setup', method: 'GET', path: () => SETUP + '/status' },
    { name: 'POST /setup/oauth-client', api: 'setup', method: 'POST', path: () => SETUP + '/oauth-client', body: { name: 'Microsoft 365 Ticketing Connector' } },
    { name: 'POST /setup/integration-user', api: 'setup', method: 'POST', path: () => SETUP + '/integration-user', body: { userName: MATRIX_USER } },
    // Without a user name, with the several integration users this suite has, the admin gets 409 "Name the
    // integration user to reset": no password is ever reset, not even a live instance's own integration user's.
    { name: 'POST /setup/.../reset-password', api: 'setup', method: 'POST', path: () => SETUP + '/integration-user/reset-password', body: {} },
    { name: 'GET /setup/connections', api: 'setup', method: 'GET', path: () => SETUP + '/connections' },
    { name: 'GET /setup/settings', api: 'setup', method: 'GET', path: () => SETUP + '/settings' },
    { name: 'PUT /setup/settings', api: 'setup', method: 'PUT', path: () => SETUP + '/settings', body: { apiLogRetentionDays: 30 } },
    { name: 'DELETE /setup/connections/{t}', api: 'setup', method: 'DELETE', path: () => `${SETUP}/connections/${OTHER_TENANT}` },
]

let target: Target
let client: OAuthClient
let otherIntegration: Credentials
let settingsBefore: unknown
let ticketNumber: string
const tokens: { valid: string; expired: string; revoked: string } = { valid: '', expired: '', revoked: '' }

async function passwordGrant(credentials: Credentials): Promise<string> {
    const response = await fetch(target.url + '/oauth_token.do', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'password', client_id: client.id, client_secret: client.secret, username: credentials.user, password: credentials.password }).toString(),
    })
    expect(response.status).toBe(200)
    return ((await response.json()) as { access_token: string }).access_token
}

/** In-process only: the oauth_credential row of the access token issued last, expired in the store. */
function expireLastAccessToken(): void {
    const store = target.local!.runtime.store
    const row = store.get<{ sys_id: string }>(`SELECT sys_id FROM ${store.sqlTable('oauth_credential')} WHERE type = 'access_token' ORDER BY sys_created_on DESC, rowid DESC LIMIT 1`)!
    store.update('oauth_credential', row.sys_id, { expires: '2000-01-01 00:00:00' }, 'system')
}

/** "Revoke an OAuth token": oauth_revoke_token.do marks the token expired. */
async function revoke(token: string): Promise<void> {
    expect((await fetch(`${target.url}/oauth_revoke_token.do?token=${encodeURIComponent(token)}`)).status).toBe(200)
}

async function connectAsIntegration(): Promise<void> {
    const response = await call(target.url + CONNECTOR + '/connection', 'PUT', basic(target.integration), { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'a@contoso.com' })
    expect([200, 201]).toContain(response.status)
}

/** How many tasks the admin sees (the Table API's X-Total-Count). */
async function taskCount(): Promise<number> {
    const answer = await target.asAdmin('GET', `${TABLE_API}/task?sysparm_fields=sys_id&sysparm_limit=1`)
    return Number(answer.headers.get('x-total-count'))
}

beforeAll(async () => {
    target = await startTarget()
    otherIntegration = await target.createUser({ name: 'm365.other.tenant', roles: ['x_mioms_m365ticket.integration'] })
    client = await target.createOAuthClient()
    settingsBefore = (await target.asAdmin('GET', `${SETUP_API}/settings`)).json.result
    await connectAsIntegration()
    expect((await call(target.url + CONNECTOR + '/connection', 'PUT', basic(otherIntegration), { tenantId: OTHER_TENANT, tenantName: 'Fabrikam', connectedBy: 'b@fabrikam.com' })).status).toBe(201)
    ticketNumber = (await call(target.url + CONNECTOR + '/tasks', 'POST', basic(target.integration), taskBody({ taskId: 'matrix-existing' }))).json.result.number

    if (!LIVE) {
        tokens.expired = await passwordGrant(target.integration)
        expireLastAccessToken()
    }
    tokens.revoked = await passwordGrant(target.integration)
    await revoke(tokens.revoked)
    tokens.valid = await passwordGrant(target.integration)
})

afterAll(async () => {
    if (!target) return
    // The matrix's admin changed a setting and created an integration user through the setup API: undo both.
    await target.asAdmin('PUT', `${SETUP_API}/settings`, settingsBefore)
    const matrixUser = await target.asAdmin('GET', `${TABLE_API}/sys_user?sysparm_query=user_name=${MATRIX_USER}&sysparm_fields=sys_id`)
    for (const user of matrixUser.json?.result ?? []) await target.asAdmin('DELETE', `${TABLE_API}/sys_user/${user.sys_id}`)
    await target.close()
})

const ALL_CALLERS: Caller[] = [
    { name: 'anonymous', authorization: () => null, connector: 401, setup: 401 },
    { name: 'wrong password', authorization: () => basic({ user: target.integration.user, password: 'not-the-password' }), connector: 401, setup: 401 },
    { name: 'expired token', authorization: () => 'Bearer ' + tokens.expired, connector: 401, setup: 401, localOnly: true },
    { name: 'revoked token', authorization: () => 'Bearer ' + tokens.revoked, connector: 401, setup: 401 },
    { name: 'no role', authorization: () => basic(target.nobody), connector: 403, setup: 403 },
    { name: 'itil', authorization: () => basic(target.itil), connector: 403, setup: 403 },
    { name: 'other tenant', authorization: () => basic(otherIntegration), connector: 403, setup: 403 },
    { name: 'integration', authorization: () => basic(target.integration), connector: 'allowed', setup: 403 },
    { name: 'integration (token)', authorization: () => 'Bearer ' + tokens.valid, connector: 'allowed', setup: 403 },
    { name: 'admin', authorization: () => basic(target.admin), connector: 403, setup: 'allowed' },
]
const CALLERS = ALL_CALLERS.filter((caller) => !(LIVE && caller.localOnly))

function matches(expected: Expect, status: number): boolean {
    return expected === 'allowed' ? status < 400 || (status !== 401 && status !== 403 && status < 500) : status === expected
}

it('gives every caller the expected answer on every route, and no tenant reaches another', async () => {
    const table: string[][] = [['route', ...CALLERS.map((caller) => caller.name)]]
    const mismatches: string[] = []
    for (const route of ROUTES) {
        const row = [route.name]
        for (const caller of CALLERS) {
            const before = await taskCount()
            const response = await call(target.url + route.path(ticketNumber), route.method, caller.authorization(), route.body)
            const expected = route.api === 'connector' ? caller.connector : caller.setup
            const ok = matches(expected, response.status)
            row.push(String(response.status) + (ok ? '' : ' ✗'))
            if (!ok) mismatches.push(`${route.name} as ${caller.name}: expected ${expected}, got ${response.status} ${response.text.slice(0, 200)}`)
            if (expected !== 'allowed' && (await taskCount()) !== before) mismatches.push(`${route.name} as ${caller.name} wrote a ticket`)
            if (response.status >= 400) expect(response.json).toMatchObject({ status: 'failure', error: { message: expect.any(String) } })
            // DELETE /connection succeeded: it revoked the integration user's tokens (by design), so
            // reconnect and take a new token for the next cells.
            if (route.name === 'DELETE /connection' && response.status === 200) {
                await connectAsIntegration()
                tokens.valid = await passwordGrant(target.integration)
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
    expect((await call(target.url + CONNECTOR + '/connection', 'PUT', basic(otherIntegration), { tenantId: OTHER_TENANT, tenantName: 'Fabrikam', connectedBy: 'b@fabrikam.com' })).status).toBe(200)
    const theirs = (await call(target.url + CONNECTOR + '/tasks', 'POST', basic(otherIntegration), taskBody({ tenantId: OTHER_TENANT, taskId: 'fabrikam-1' }))).json.result
    const asMine = basic(target.integration)
    expect((await call(`${target.url}${CONNECTOR}/tickets/${theirs.number}?tenantId=${OTHER_TENANT}`, 'GET', asMine)).status).toBe(403)
    expect((await call(`${target.url}${CONNECTOR}/tickets/${theirs.number}?tenantId=${TENANT}`, 'GET', asMine)).status).toBe(404)
    expect((await call(`${target.url}${CONNECTOR}/tickets/${theirs.number}`, 'PATCH', asMine, { tenantId: TENANT, priority: 'critical' })).status).toBe(404)
    expect((await call(`${target.url}${CONNECTOR}/tickets/${theirs.number}/activity?tenantId=${TENANT}`, 'GET', asMine)).status).toBe(404)
    expect((await call(`${target.url}${CONNECTOR}/tickets/${theirs.number}/activity?tenantId=${OTHER_TENANT}`, 'GET', asMine)).status).toBe(403)
    expect((await call(`${target.url}${CONNECTOR}/tickets/${theirs.number}/comments`, 'POST', asMine, { tenantId: TENANT, commentId: 'not-theirs', author: 'x@contoso.com', text: 'Hijacked' })).status).toBe(404)
    expect((await call(`${target.url}${CONNECTOR}/tickets/${theirs.number}/comments`, 'POST', asMine, { tenantId: OTHER_TENANT, commentId: 'not-theirs', author: 'x@contoso.com', text: 'Hijacked' })).status).toBe(403)
    expect((await call(`${target.url}${CONNECTOR}/tickets?tenantId=${OTHER_TENANT}`, 'GET', asMine)).status).toBe(403)
    const mine = (await call(`${target.url}${CONNECTOR}/tickets?tenantId=${TENANT}&limit=500`, 'GET', asMine)).json.result.tickets
    expect(mine.map((ticket: { number: string }) => ticket.number)).not.toContain(theirs.number)
    expect((await call(`${target.url}${CONNECTOR}/connection?tenantId=${OTHER_TENANT}`, 'DELETE', asMine)).status).toBe(403)
    expect((await call(`${target.url}${CONNECTOR}/connection`, 'PUT', asMine, { tenantId: OTHER_TENANT, tenantName: 'Mine now', connectedBy: 'x@contoso.com' })).status).toBe(403)
    expect((await call(`${target.url}${CONNECTOR}/state-names`, 'PUT', asMine, { tenantId: OTHER_TENANT, change: { '-5': 'Hijacked' } })).status).toBe(403)
    const after = (await call(`${target.url}${CONNECTOR}/tickets/${theirs.number}?tenantId=${OTHER_TENANT}`, 'GET', basic(otherIntegration))).json.result
    expect(after.priority).toEqual(theirs.priority)
    expect(after.state.customLabel).toBeNull()
    const timeline = (await call(`${target.url}${CONNECTOR}/tickets/${theirs.number}/activity?tenantId=${OTHER_TENANT}`, 'GET', basic(otherIntegration))).json.result.entries
    expect(timeline.filter((entry: { kind: string }) => entry.kind === 'comment')).toEqual([])
})
