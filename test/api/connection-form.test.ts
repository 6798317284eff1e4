// The connection form as an admin opens it on the local instance after Microsoft 365 connected for real (the
// checklist's OAuth client, the token endpoint, the connector API): the OAuth client filled in, the custom state
// names readable one per line instead of JSON, and the related lists (tickets, API calls) newest first, by the
// system preferences the app ships (fluent/lists/default-order.now.ts).
import { SETUP_API as SETUP } from '../support/api-paths.ts'
import { ADMIN, basic, Browser, call, CONNECTOR, type Instance, INTEGRATION, startTestInstance, TENANT, taskBody } from '../support/http-harness.ts'

const CONNECTIONS = 'x_mioms_m365ticket_connection'
const CHANGES = 'x_mioms_m365ticket_change_request'
const API_LOG = 'x_mioms_m365ticket_api_log'

let instance: Instance
let html: string
let clientSysId: string
let tickets: string[]
let calls: string[]

/** Moves a record's creation time, so that "newest first" has one answer (records made in one second tie). */
function createdAt(table: string, sysId: string, time: string): void {
    const store = instance.runtime.store
    store.run(`UPDATE ${store.sqlTable(table)} SET sys_created_on = ? WHERE sys_id = ?`, [time, sysId])
}

/** The sys_ids of a related list's rows, in the order the form shows them. */
function relatedRows(listRef: string, sysIds: string[]): string[] {
    const list = new RegExp(`data-related="${listRef.replace(/\./g, '\\.')}">([\\s\\S]*?)</table>`).exec(html)![1]
    return sysIds.filter((id) => list.includes(id)).sort((a, b) => list.indexOf(a) - list.indexOf(b))
}

beforeAll(async () => {
    instance = await startTestInstance()
    const client = await call(instance.url + SETUP + '/oauth-client', 'POST', basic(ADMIN), {})
    expect(client.status).toBe(201)
    clientSysId = client.json.result.client.sysId
    const grant = await fetch(`${instance.url}/oauth_token.do`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'password', username: INTEGRATION.user, password: INTEGRATION.password, client_id: client.json.result.client.clientId, client_secret: client.json.result.clientSecret }).toString(),
    })
    const bearer = `Bearer ${(await grant.json()).access_token}`
    const connector = (method: string, path: string, body?: unknown) => call(instance.url + CONNECTOR + path, method, bearer, body)
    expect((await connector('PUT', '/connection', { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'secadmin@contoso.onmicrosoft.com' })).status).toBe(201)
    expect((await connector('PUT', '/state-names', { tenantId: TENANT, change: { '-4': 'Under review', '-5': 'Awaiting triage' }, incident: { '2': 'Being worked' } })).status).toBe(200)
    tickets = []
    for (const taskId of ['form-0001', 'form-0002', 'form-0003']) {
        const created = await connector('POST', '/tasks', taskBody({ taskId }))
        expect(created.status).toBe(201)
        tickets.push(created.json.result.sysId)
    }
    tickets.forEach((sysId, i) => createdAt('task', sysId, `2026-12-0${i + 1} 09:00:00`))
    calls = instance.rows(API_LOG, 'tenant_id = ?', [TENANT]).map((row) => row.sys_id!)
    calls.forEach((sysId, i) => createdAt(API_LOG, sysId, `2026-11-${String(10 + i).padStart(2, '0')} 09:00:00`))
    const connection = instance.rows(CONNECTIONS, 'tenant_id = ?', [TENANT])[0]
    const admin = new Browser(instance.url)
    await admin.login(ADMIN)
    html = (await admin.get(`/${CONNECTIONS}.do?sys_id=${connection.sys_id}`)).html
})

afterAll(() => instance.close())

it('shows the OAuth client the connection came through, linked to its Application Registry record', () => {
    expect(html).toContain(`<a class="reference-link" href="/oauth_entity.do?sys_id=${clientSysId}" title="Open the Application Registry record">Microsoft 365 Ticketing Connector</a>`)
})

it('shows the custom state names one per line, labelled by ticket type and state, and no JSON', () => {
    const field = /<div class="field readonly" data-field="custom_state_names">([\s\S]*?)<\/div>/.exec(html)![1]
    expect(field).toBe(
        '<label for="x_mioms_m365ticket_connection.custom_state_names">Custom state names</label>' +
            '<textarea id="x_mioms_m365ticket_connection.custom_state_names" name="custom_state_names" rows="3" readonly>' +
            'Change request: New → Awaiting triage\nChange request: Assess → Under review\nIncident: In Progress → Being worked</textarea>',
    )
    expect(html).not.toContain('data-field="state_names"')
    expect(html).not.toContain('{&quot;change&quot;')
})

it('lists the tenant’s tickets and API calls newest first', () => {
    expect(relatedRows(`${CHANGES}.connection`, tickets)).toEqual([...tickets].reverse())
    expect(calls.length).toBe(5)
    expect(relatedRows(`${API_LOG}.connection`, calls)).toEqual([...calls].reverse())
})
