// The Table API over HTTP: what a user sees and may change follows the ACLs (admin everything, itil the
// task tables, a user without roles nothing), and a change request created by the connector is one record
// under change_request and under the app's table.
import { basic, call, CONNECTOR, type Instance, INTEGRATION, ITIL, NOBODY, ADMIN, startTestInstance, TENANT, taskBody } from '../../support/http-harness.ts'

let instance: Instance
let ticket: { number: string; sysId: string }

beforeAll(async () => {
    instance = await startTestInstance()
    await call(`${instance.url}${CONNECTOR}/connection`, 'PUT', basic(INTEGRATION), { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'a@contoso.com' })
    const created = await call(`${instance.url}${CONNECTOR}/tasks`, 'POST', basic(INTEGRATION), taskBody({ taskId: 'table-api-1' }))
    expect(created.status).toBe(201)
    ticket = { number: created.json.result.number, sysId: created.json.result.sysId }
})

afterAll(() => instance.close())

const table = (path: string) => `${instance.url}/api/now/table/${path}`

describe('a change request created by the connector', () => {
    it.each(['change_request', 'x_mioms_m365ticket_change_request', 'task'])('is listed under %s', async (name) => {
        const response = await call(table(`${name}?sysparm_query=number=${ticket.number}&sysparm_fields=number,sys_id,sys_class_name,short_description`), 'GET', basic(ADMIN))
        expect(response.status).toBe(200)
        expect(response.json.result).toEqual([{ number: ticket.number, sys_id: ticket.sysId, sys_class_name: 'x_mioms_m365ticket_change_request', short_description: 'Require MFA for administrative roles' }])
    })

    it('is read by sys_id under both tables, with display values on request', async () => {
        for (const name of ['change_request', 'x_mioms_m365ticket_change_request']) {
            const response = await call(table(`${name}/${ticket.sysId}?sysparm_display_value=all&sysparm_fields=number,priority,active,opened_by`), 'GET', basic(ADMIN))
            expect(response.status).toBe(200)
            expect(response.json.result.number).toEqual({ display_value: ticket.number, value: ticket.number })
            expect(response.json.result.priority).toEqual({ display_value: '2 - High', value: '2' })
            expect(response.json.result.active).toEqual({ display_value: 'true', value: 'true' })
        }
        const displayed = await call(table(`change_request/${ticket.sysId}?sysparm_display_value=true&sysparm_fields=priority,state`), 'GET', basic(ADMIN))
        expect(displayed.json.result).toEqual({ priority: '2 - High', state: 'New' })
    })

    it('carries the Microsoft 365 columns only under the app table', async () => {
        const app = await call(table(`x_mioms_m365ticket_change_request/${ticket.sysId}`), 'GET', basic(ADMIN))
        expect(app.json.result.m365_task_id).toBe('table-api-1')
        expect(app.json.result.connection).toEqual({ link: expect.stringMatching(/\/api\/now\/table\/x_mioms_m365ticket_connection\/[0-9a-f]{32}$/), value: expect.stringMatching(/^[0-9a-f]{32}$/) })
    })
})

describe('ACLs', () => {
    it('lets itil read the task tables (including the app extension) but not the users of the app or the OAuth tables', async () => {
        expect((await call(table(`change_request?sysparm_query=number=${ticket.number}`), 'GET', basic(ITIL))).json.result).toHaveLength(1)
        expect((await call(table(`x_mioms_m365ticket_change_request?sysparm_query=number=${ticket.number}`), 'GET', basic(ITIL))).json.result).toHaveLength(1)
        expect((await call(table('oauth_entity'), 'GET', basic(ITIL))).json.result).toEqual([])
        expect((await call(table('x_mioms_m365ticket_connection'), 'GET', basic(ITIL))).json.result).toEqual([])
    })

    it('shows a user without roles nothing, and 404 "No Record found" for a record it may not read', async () => {
        expect((await call(table('change_request'), 'GET', basic(NOBODY))).json).toEqual({ result: [] })
        const one = await call(table(`change_request/${ticket.sysId}`), 'GET', basic(NOBODY))
        expect(one.status).toBe(404)
        expect(one.json).toEqual({ error: { message: 'No Record found', detail: "Record doesn't exist or ACL restricts the record retrieval" }, status: 'failure' })
        const create = await call(table('incident'), 'POST', basic(NOBODY), { short_description: 'nope' })
        expect(create.status).toBe(403)
        expect(create.json.error.message).toBe('Operation Failed')
    })

    it('never returns password fields, even to admin', async () => {
        const users = await call(table('sys_user?sysparm_query=user_name=admin'), 'GET', basic(ADMIN))
        expect(users.json.result[0].user_name).toBe('admin')
        expect(users.json.result[0]).not.toHaveProperty('user_password')
    })
})

describe('create, update, delete, paging', () => {
    it('creates (201), updates and deletes (204) an incident as itil and admin', async () => {
        const created = await call(table('incident'), 'POST', basic(ITIL), { short_description: 'Printer on fire', impact: '1', urgency: '1' })
        expect(created.status).toBe(201)
        expect(created.json.result).toMatchObject({ short_description: 'Printer on fire', priority: '1', number: expect.stringMatching(/^INC/) })
        const id = created.json.result.sys_id
        const updated = await call(table(`incident/${id}`), 'PATCH', basic(ITIL), { short_description: 'Printer no longer on fire' })
        expect(updated.status).toBe(200)
        expect(updated.json.result.short_description).toBe('Printer no longer on fire')
        expect((await call(table(`incident/${id}`), 'DELETE', basic(ITIL))).status).toBe(403)
        expect((await call(table(`incident/${id}`), 'DELETE', basic(ADMIN))).status).toBe(204)
        expect((await call(table(`incident/${id}`), 'GET', basic(ADMIN))).status).toBe(404)
    })

    it('pages with sysparm_limit and sysparm_offset, orders by the encoded query, and counts in X-Total-Count', async () => {
        for (const n of [1, 2, 3]) await call(table('incident'), 'POST', basic(ADMIN), { short_description: `paging ${n}` })
        const url = (offset: number) => table(`incident?sysparm_query=short_descriptionSTARTSWITHpaging^ORDERBYDESCshort_description&sysparm_fields=short_description&sysparm_limit=2&sysparm_offset=${offset}`)
        const first = await call(url(0), 'GET', basic(ADMIN))
        expect(first.json.result).toEqual([{ short_description: 'paging 3' }, { short_description: 'paging 2' }])
        expect(first.headers.get('x-total-count')).toBe('3')
        expect((await call(url(2), 'GET', basic(ADMIN))).json.result).toEqual([{ short_description: 'paging 1' }])
    })

    it('answers an unknown table with 400 "Invalid table"', async () => {
        const response = await call(table('no_such_table'), 'GET', basic(ADMIN))
        expect(response.status).toBe(400)
        expect(response.json).toEqual({ error: { message: 'Invalid table no_such_table', detail: null }, status: 'failure' })
    })
})
