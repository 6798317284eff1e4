// Register rows of "Security": the Caller Restriction refusal is thrown with its message and logged (syslog, error),
// for a first call (the record it creates is Requested) as for a Denied record; the Application Access refusal
// likewise. acl-cross-scope.test.ts asserts the decisions and the message texts; this file the throw and the log.
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'
import { createTableAccessPolicy } from '../../emulator/instance/security/cross-scope.ts'

const SCOPE = 'x_mioms_m365ticket'
const RCA = 'sys_restricted_caller_access'
const LEGACY = 'glide.record.legacy_cross_scope_access_policy_in_script'
let runtime: Runtime

beforeAll(() => {
    runtime = createRuntime().activate()
    runtime.store.insert('sys_properties', { name: LEGACY, value: 'false', type: 'boolean' }, 'system')
})
afterAll(() => runtime.close())

function table(name: string, fields: Record<string, string>): string {
    const result = runtime.store.insert('sys_db_object', { name, label: name, sys_scope: 'global', ...fields }, 'system')
    if (result.error !== undefined) throw new Error(result.error)
    return name
}

function errorsLogged(message: string): number {
    return runtime.store.all(`SELECT sys_id FROM ${runtime.store.sqlTable('syslog')} WHERE level = 2 AND message = ? AND source = ?`, [message, SCOPE]).length
}

function thrownBy(run: () => void): string {
    try {
        run()
    } catch (error) {
        return (error as Error).message
    }
    throw new Error('the call was not refused')
}

it('Caller Restriction: the refusal of a first call (Requested) and of a Denied record is thrown with its message and logged as an error', () => {
    const name = table('u_fidelity_restricted', { caller_access: '2', read_access: 'true', create_access: 'true', update_access: 'true', delete_access: 'true' })
    const policy = createTableAccessPolicy(runtime.store)
    const requested = `Security restricted: Read operation against '${name}' from scope '${SCOPE}' is restricted by the table's Caller Restriction: its restricted caller access record (sys_restricted_caller_access) is requested, not allowed`
    expect(thrownBy(() => policy('read', name, SCOPE, 'system'))).toBe(requested)
    expect(errorsLogged(requested)).toBe(1)
    const record = runtime.store.all<{ sys_id: string }>(`SELECT sys_id FROM ${runtime.store.sqlTable(RCA)} WHERE target_table = ?`, [name])
    expect(record).toHaveLength(1)
    runtime.store.update(RCA, record[0].sys_id, { status: 'denied' }, 'admin')
    const denied = requested.replace('is requested', 'is denied')
    expect(thrownBy(() => policy('read', name, SCOPE, 'system'))).toBe(denied)
    expect(errorsLogged(denied)).toBe(1)
})

it("Application Access: a refused operation throws the platform's message and logs it as an error", () => {
    const name = table('u_fidelity_no_delete', { read_access: 'true', delete_access: 'false' })
    const refusal = `Delete operation against '${name}' from scope '${SCOPE}' has been refused due to the table's cross-scope access policy`
    expect(thrownBy(() => createTableAccessPolicy(runtime.store)('delete', name, SCOPE, 'system'))).toBe(refusal)
    expect(errorsLogged(refusal)).toBe(1)
})
