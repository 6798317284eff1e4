// Every route reads the tenant through one check (platform/validation.ts tenantId): a GUID string, compared in lower
// case. A tenantId of another JSON type is a 400 with the documented detail on every route, never a 500, and
// writes nothing; a query parameter given twice counts by its first value.
import {
    deleteConnection,
    getConnection,
    getStates,
    getTicketActivity,
    getTicketByNumber,
    getTickets,
    patchTicket,
    postTask,
    postTicketComment,
    putConnection,
    putStateNames,
} from '../../../src/server/rest/connector-routes.ts'
import { createHarness, taskBody, TENANT, type Harness, type Handler } from '../../support/connector-harness.ts'
import { expectFailure } from '../../support/expect-failure.ts'

const GUID_DETAIL = 'tenantId: must be a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47'

let h: Harness
let number: string

beforeEach(() => {
    h = createHarness()
    expect(h.call(putConnection, 'PUT', '/connection', { body: { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'a@contoso.com' } }).status).toBe(201)
    const shared = h.call(postTask, 'POST', '/tasks', { body: taskBody() })
    expect(shared.status).toBe(201)
    number = shared.json.result.number
})

afterEach(() => h.runtime.close())

const bodyRoutes: [string, Handler, string, (tenantId: unknown) => { [field: string]: unknown }][] = [
    ['PUT /connection', putConnection, 'PUT', (tenantId) => ({ tenantId, tenantName: 'Contoso', connectedBy: 'a@contoso.com' })],
    ['POST /tasks', postTask, 'POST', (tenantId) => taskBody({ tenantId, taskId: 'other-task' })],
    ['PATCH /tickets/{number}', patchTicket, 'PATCH', (tenantId) => ({ tenantId, priority: 'low' })],
    ['POST /tickets/{number}/comments', postTicketComment, 'POST', (tenantId) => ({ tenantId, commentId: 'c1', author: 'a@contoso.com', text: 'x' })],
    ['PUT /state-names', putStateNames, 'PUT', (tenantId) => ({ tenantId, change: { '-5': 'Proposed' } })],
]

describe.each(bodyRoutes)('%s', (_route, handler, method, body) => {
    it.each([
        ['a string array', [TENANT]],
        ['a number', 72988],
        ['an object', { id: TENANT }],
        ['a boolean', true],
    ])('refuses a tenantId that is %s with 400 and the documented detail, writing nothing', (_label, tenantId) => {
        const before = { tasks: h.rows('task'), journal: h.count('sys_journal_field'), connections: h.rows('x_mioms_m365ticket_connection') }
        expectFailure(h.call(handler, method, '/', { body: body(tenantId), pathParams: { number } }), 400, 'Invalid request', GUID_DETAIL)
        expect({ tasks: h.rows('task'), journal: h.count('sys_journal_field'), connections: h.rows('x_mioms_m365ticket_connection') }).toEqual(before)
    })

    it('refuses a missing tenantId with 400 "is required"', () => {
        expectFailure(h.call(handler, method, '/', { body: body(undefined), pathParams: { number } }), 400, 'Invalid request', 'tenantId: is required')
    })
})

const queryRoutes: [string, Handler, string][] = [
    ['GET /connection', getConnection, 'GET'],
    ['DELETE /connection', deleteConnection, 'DELETE'],
    ['GET /tickets', getTickets, 'GET'],
    ['GET /tickets/{number}', getTicketByNumber, 'GET'],
    ['GET /tickets/{number}/activity', getTicketActivity, 'GET'],
    ['GET /states', getStates, 'GET'],
]

describe.each(queryRoutes)('%s', (_route, handler, method) => {
    it('refuses a malformed tenantId query parameter with 400 and the documented detail', () => {
        expectFailure(h.call(handler, method, '/', { query: { tenantId: '{' + TENANT + '}' }, pathParams: { number } }), 400, 'Invalid request', GUID_DETAIL)
        expectFailure(h.call(handler, method, '/', { query: {}, pathParams: { number } }), 400, 'Invalid request', 'tenantId: is required')
    })

    it('reads a tenantId given twice by its first value, in any letter case', () => {
        expect(h.call(handler, method, '/', { query: { tenantId: [TENANT.toUpperCase(), 'contoso'] }, pathParams: { number } }).status).toBe(200)
    })
})
