// The preflight's Caller Restriction check: for every table the app touches outside its scope whose Caller Access
// is Caller Restriction, whether an admin has allowed the app's operations in Restricted Caller Access
// (sys_restricted_caller_access), and the fix when not ("Define cross-scope access to an application resource").
import { getStatus, postIntegrationUser } from '../../../src/server/rest/setup-routes.ts'
import { APP_SCOPE_ID } from '../../../src/server/setup/common.ts'
import { createSetupHarness, type SetupHarness } from '../../support/setup-harness.ts'

const RCA = 'sys_restricted_caller_access'
const FIX =
    'Open System Applications > Application Restricted Caller Access, filter on Source Scope = Microsoft 365 Ticketing ' +
    'Connector, and set Status = Allowed on the records of the operations listed. A record is created, with Status = ' +
    'Requested, the first time the app is refused; to allow it before that, create it there: Source Scope = Microsoft 365 ' +
    "Ticketing Connector, Source Type = Scope, Target Scope = the table's application, Target Type = Table, Target Table = " +
    'the table, Operation = the operation, Status = Allowed.'

let h: SetupHarness
beforeEach(() => {
    h = createSetupHarness()
    h.allowOAuthTable()
})
afterEach(() => h.runtime.close())

const steps = () => h.call(getStatus, 'GET', '/status').json.result.steps
const preflight = () => steps()[0]
const setStatus = (sysId: string, status: string) => h.runtime.store.update(RCA, sysId, { status }, 'system')
const allow = (table: string, operation: string) =>
    h.runtime.store.insert(RCA, { source_scope: APP_SCOPE_ID, source_type: 'scope', target_scope: 'global', target_type: 'table', target_table: table, operation, status: 'allowed', sys_scope: 'global' }, 'system')

test('tables without Caller Restriction add no check', () => {
    const step = preflight()
    expect(step.state).toBe('complete')
    expect(step.details.callerAccess).toEqual([])
})

test('sys_user under Caller Restriction: missing, then Requested by the first refused call, then allowed by an admin', () => {
    expect(h.call(postIntegrationUser, 'POST', '/integration-user', { body: { userName: 'm365.integration' } }).status).toBe(201)
    h.setTablePolicy('sys_user', { caller_access: '2' })

    // The preflight reports it before any call; the integration-user step then reads sys_user, is refused, and the
    // platform records the request.
    const before = steps()
    expect(before[0].state).toBe('failed')
    expect(before[0].details.callerAccess).toEqual(['read', 'create', 'write'].map((operation) => ({ table: 'sys_user', operation, status: 'Missing' })))
    expect(before[0].problems).toEqual([
        {
            code: 'caller_access_missing',
            message: 'The table sys_user restricts its callers (Caller Restriction) and the app may not read, create, write it: no Restricted Caller Access record allows it yet, so the first call will be refused.',
            fix: FIX,
        },
    ])
    expect(before[2].state).toBe('blocked')
    const requested = h.rows(RCA, 'target_table=sys_user')
    expect(requested).toEqual([expect.objectContaining({ source_scope: APP_SCOPE_ID, operation: 'read', status: 'requested' })])

    const waiting = preflight()
    expect(waiting.problems.map((p: { code: string; message: string }) => p.code + ': ' + p.message)).toEqual([
        'caller_access_requested: The table sys_user restricts its callers (Caller Restriction) and the app may not read it: its Restricted Caller Access record is Requested.',
        'caller_access_missing: The table sys_user restricts its callers (Caller Restriction) and the app may not create, write it: no Restricted Caller Access record allows it yet, so the first call will be refused.',
    ])

    setStatus(requested[0].sys_id!, 'denied')
    expect(preflight().problems[0]).toMatchObject({ code: 'caller_access_refused', message: expect.stringMatching(/may not read it: its Restricted Caller Access record is Denied\.$/) })

    setStatus(requested[0].sys_id!, 'allowed')
    allow('sys_user', 'create')
    allow('sys_user', 'write')
    const allowed = steps()
    expect(allowed[0].state).toBe('complete')
    expect(allowed[0].details.callerAccess.map((c: { status: string }) => c.status)).toEqual(['Allowed', 'Allowed', 'Allowed'])
    expect(allowed[2].state).toBe('complete')
})

test('a record allowing the whole target scope counts for each table of it', () => {
    h.setTablePolicy('sys_choice', { caller_access: '2' })
    expect(preflight().problems.map((p: { code: string }) => p.code)).toEqual(['caller_access_missing'])
    h.runtime.store.insert(RCA, { source_scope: APP_SCOPE_ID, source_type: 'scope', target_scope: 'global', target_type: 'scope', operation: 'read', status: 'allowed', sys_scope: 'global' }, 'system')
    expect(preflight().state).toBe('complete')
})

test('Caller Tracking needs no admin: the preflight does not check it', () => {
    h.setTablePolicy('sys_choice', { caller_access: '1' })
    const step = preflight()
    expect(step.state).toBe('complete')
    expect(step.details.callerAccess).toEqual([])
})

// On an instance where the app may not read sys_restricted_caller_access, the preflight reports that refusal
// (the app's cross-scope needs include reading it) instead of failing the checklist.
test('restricted caller access records the app may not read: the refusal is reported, the checks are Unreadable', () => {
    h.setTablePolicy('sys_choice', { caller_access: '2' })
    h.setTablePolicy(RCA, { read_access: 'false' })
    const step = preflight()
    expect(step.state).toBe('failed')
    expect(step.details.callerAccess).toEqual([{ table: 'sys_choice', operation: 'read', status: 'Unreadable' }])
    expect(step.problems.map((p: { code: string; message: string }) => p.code + ': ' + p.message)).toEqual([
        "table_refused: Read operation against 'sys_restricted_caller_access' from scope 'x_mioms_m365ticket' has been refused due to the table's cross-scope access policy",
    ])
})
