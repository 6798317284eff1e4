// connector/api-log.ts called directly on one instance: the x_mioms_m365ticket_api_log row each connector call
// writes, field by field, with each value clipped to its column (fluent/tables/api-log.now.ts) and the caller as
// the user the call ran as.
import { GlideRecord } from '@servicenow/glide'
import { API_LOG_TABLE, writeApiLog, type ApiCallRecord } from '../../../src/server/connector/api-log.ts'
import { CONNECTION_TABLE } from '../../../src/server/connector/connections.ts'
import { createHarness, type Harness } from '../../support/connector-harness.ts'

let h: Harness
let connectionSysId: string

beforeAll(() => {
    h = createHarness()
    connectionSysId = h.runtime.runAs('admin', () => {
        const record = new GlideRecord(CONNECTION_TABLE)
        record.initialize()
        record.setValue('tenant_id', '11111111-2222-3333-4444-555555555555')
        return record.insert() as string
    })
})

afterAll(() => h.runtime.close())

const LOGGED_FIELDS = ['route', 'method', 'http_status', 'duration_ms', 'caller', 'connection', 'tenant_id', 'task_id', 'ticket_number', 'error_message']

/** Writes one row as the integration user, in the app's scope, and answers the fields it logged. */
function logged(call: ApiCallRecord): { [field: string]: string | null } {
    const before = new Set(h.rows(API_LOG_TABLE).map((row) => row.sys_id))
    h.runtime.runAs(h.integrationUser, () => h.runtime.runInScope(h.runtime.scope, () => writeApiLog(call)))
    const added = h.rows(API_LOG_TABLE).filter((row) => !before.has(row.sys_id))
    expect(added).toHaveLength(1)
    return Object.fromEntries(LOGGED_FIELDS.map((name) => [name, added[0][name]]))
}

it('logs the identifiers and outcome of a call, the duration rounded to whole milliseconds, and the caller', () => {
    const row = logged({
        route: '/tickets/{number}',
        method: 'PATCH',
        httpStatus: 400,
        durationMs: 12.5,
        connection: connectionSysId,
        tenantId: 'tenant-a',
        taskId: 'task-a',
        ticketNumber: 'CHG0010001',
        errorMessage: 'priority: must be one of high, medium, low',
    })
    expect(row).toEqual({
        route: '/tickets/{number}',
        method: 'PATCH',
        http_status: '400',
        duration_ms: '13',
        caller: h.integrationUser,
        connection: connectionSysId,
        tenant_id: 'tenant-a',
        task_id: 'task-a',
        ticket_number: 'CHG0010001',
        error_message: 'priority: must be one of high, medium, low',
    })
})

it('leaves out what the call did not have: no connection, tenant, task, ticket or error', () => {
    expect(logged({ route: '/states', method: 'GET', httpStatus: 200, durationMs: 3.49 })).toEqual({
        route: '/states',
        method: 'GET',
        http_status: '200',
        duration_ms: '3',
        caller: h.integrationUser,
        connection: null,
        tenant_id: null,
        task_id: null,
        ticket_number: null,
        error_message: null,
    })
    expect(logged({ route: '/states', method: 'GET', httpStatus: 200, durationMs: 0, connection: '', tenantId: '', taskId: '', ticketNumber: '', errorMessage: '' })).toMatchObject({
        duration_ms: '0',
        connection: null,
        tenant_id: null,
        task_id: null,
        ticket_number: null,
        error_message: null,
    })
})

it('never logs a negative duration (a clock step back)', () => {
    expect(logged({ route: '/tasks', method: 'POST', httpStatus: 201, durationMs: -5 }).duration_ms).toBe('0')
})

it('clips each text to its column: route 100, tenant and task 64, ticket number 40, error 1000 characters', () => {
    const row = logged({
        route: '/' + 'r'.repeat(150),
        method: 'POST',
        httpStatus: 500,
        durationMs: 1,
        tenantId: 't'.repeat(70) + 'x',
        taskId: 'k'.repeat(64) + 'y',
        ticketNumber: 'n'.repeat(40) + 'z',
        errorMessage: 'e'.repeat(1000) + 'w'.repeat(50),
    })
    expect(row).toMatchObject({
        route: '/' + 'r'.repeat(99),
        tenant_id: 't'.repeat(64),
        task_id: 'k'.repeat(64),
        ticket_number: 'n'.repeat(40),
        error_message: 'e'.repeat(1000),
    })
})
