// Conformance of the cross-scope table policy (emulator/instance/security/cross-scope.ts) with "Application
// access settings" and the dictionary of sys_db_object (node_modules/@servicenow/sdk-core/src/fluent/tables/
// sys_db_object.now.ts): Accessible from, Can read/create/update/delete with their defaults; Caller Access with
// "Define cross-scope access to an application resource" and "Set the application scope, application resource, and
// event access" (Restricted Caller Access records).
import { NotEmulated } from '../../emulator/instance/messages.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'
import { createTableAccessPolicy, crossScopeRefusal } from '../../emulator/instance/security/cross-scope.ts'

const SCOPE = 'x_mioms_m365ticket'
let runtime: Runtime

beforeAll(() => {
    runtime = createRuntime().activate()
})
afterAll(() => runtime.close())

/** A global table's sys_db_object row with the given Application Access fields (others unset). */
function table(name: string, fields: Record<string, string | null> = {}): string {
    runtime.store.insert('sys_db_object', { name, label: name, sys_scope: 'global', ...fields } as Record<string, string>, 'system')
    return name
}

function refused(operation: 'read' | 'create' | 'write' | 'delete', name: string): boolean {
    return crossScopeRefusal(runtime.store, operation, name, SCOPE) !== null
}

const LEGACY = 'glide.record.legacy_cross_scope_access_policy_in_script'

/** Sets the scope-fencing property, or removes it (null) so that its documented fallback applies. */
function legacyScopeFencing(value: 'true' | 'false' | null): void {
    const existing = runtime.store.get<{ sys_id: string }>(`SELECT sys_id FROM ${runtime.store.sqlTable('sys_properties')} WHERE name = ?`, [LEGACY])
    if (existing && value === null) runtime.store.delete('sys_properties', existing.sys_id)
    else if (existing) runtime.store.update('sys_properties', existing.sys_id, { value }, 'system')
    else if (value !== null) runtime.store.insert('sys_properties', { name: LEGACY, value, type: 'boolean' }, 'system')
}

// "Disable GlideRecord Scope Fencing Legacy Behavior" (Security Center; Australia, Zurich, Xanadu docs): when the
// property is absent its fallback is true, and GlideRecord may then create and update records of tables whose
// Application Access does not allow it. Reads and deletes keep their flags.
describe('legacy scope fencing (glide.record.legacy_cross_scope_access_policy_in_script)', () => {
    afterAll(() => legacyScopeFencing('false'))

    it('absent: create and update pass whatever Can create / Can update say; read and delete keep their flags', () => {
        legacyScopeFencing(null)
        const name = table('u_acl_test_legacy', { read_access: 'true', create_access: 'false', update_access: 'false', delete_access: 'false' })
        expect([refused('read', name), refused('create', name), refused('write', name), refused('delete', name)]).toEqual([false, false, false, true])
    })

    it('false (the hardened setting): Can create and Can update decide', () => {
        legacyScopeFencing('false')
        const name = table('u_acl_test_hardened', { read_access: 'true', create_access: 'false', update_access: 'true' })
        expect([refused('create', name), refused('write', name)]).toEqual([true, false])
    })

    it('never opens a table that is not accessible from other scopes, or not readable', () => {
        legacyScopeFencing(null)
        expect(refused('create', table('u_acl_test_legacy_private', { access: 'package_private' }))).toBe(true)
        expect(refused('write', table('u_acl_test_legacy_unreadable', { read_access: 'false' }))).toBe(true)
    })
})

describe('Application Access of a table, seen from another scope (scope fencing enforced)', () => {
    beforeAll(() => legacyScopeFencing('false'))

    // sys_db_object.now.ts: read_access defaults to true; create_access, update_access and delete_access to false.
    // They gate global tables too (community: "Delete operation against 'sys_user_has_role' … refused").
    it('an unset flag takes its dictionary default: read allowed, create/update/delete refused', () => {
        const name = table('u_acl_test_defaults', { read_access: null, create_access: null, update_access: null, delete_access: null })
        expect(refused('read', name)).toBe(false)
        expect(refused('create', name)).toBe(true)
        expect(refused('write', name)).toBe(true)
        expect(refused('delete', name)).toBe(true)
    })

    it("the refusal is the platform's message", () => {
        const name = table('u_acl_test_message', { delete_access: 'false' })
        expect(crossScopeRefusal(runtime.store, 'delete', name, SCOPE)).toBe(`Delete operation against '${name}' from scope '${SCOPE}' has been refused due to the table's cross-scope access policy`)
    })

    it('each set flag gates its operation; global code is never restricted', () => {
        const name = table('u_acl_test_flags', { read_access: 'false', create_access: 'true', update_access: 'true', delete_access: 'false' })
        expect([refused('read', name), refused('create', name), refused('write', name), refused('delete', name)]).toEqual([true, false, false, true])
        expect(crossScopeRefusal(runtime.store, 'delete', name, 'global')).toBeNull()
    })

    // Accessible from = "This application scope only" (package_private) refuses every operation from other scopes.
    it('a table accessible from its own scope only refuses every operation', () => {
        const name = table('u_acl_test_private', { access: 'package_private', read_access: 'true', create_access: 'true' })
        expect(refused('read', name)).toBe(true)
        expect(refused('create', name)).toBe(true)
    })

    // "Runtime access tracking": None and Tracking (the built app's 'permissive') run the operation as long as the
    // table-level settings allow it; enforcement through privileges is not emulated, so it is refused.
    it('refuses as not emulated a caller whose runtime access tracking is not none or permissive', () => {
        const name = table('u_acl_test_tracking', { create_access: 'true' })
        const app = runtime.store.get<{ sys_id: string; runtime_access_tracking: string }>(`SELECT sys_id, runtime_access_tracking FROM ${runtime.store.sqlTable('sys_app')} WHERE scope = ?`, [SCOPE])!
        expect(app.runtime_access_tracking).toBe('permissive')
        expect(refused('create', name)).toBe(false)
        runtime.store.update('sys_app', app.sys_id, { runtime_access_tracking: 'enforcing' }, 'system')
        try {
            expect(() => refused('create', name)).toThrow(NotEmulated)
        } finally {
            runtime.store.update('sys_app', app.sys_id, { runtime_access_tracking: 'permissive' }, 'system')
        }
    })
})

// "Define cross-scope access to an application resource": Caller Restriction — "the system denies access to the
// resource and creates a record in the Restricted Caller Access table with a status of Requested. An admin user or
// application administrator must allow or deny the request. When access is allowed, all future access attempts gain
// access"; Caller Tracking — "Calls … are automatically approved … tracked … with a status of Allowed".
describe('Caller Access: Restricted Caller Access records (sys_restricted_caller_access)', () => {
    beforeAll(() => legacyScopeFencing('false'))
    const RCA = 'sys_restricted_caller_access'
    let appSysId: string
    beforeAll(() => {
        appSysId = runtime.store.get<{ sys_id: string }>(`SELECT sys_id FROM ${runtime.store.sqlTable('sys_app')} WHERE scope = ?`, [SCOPE])!.sys_id
    })
    const records = (name: string) => runtime.store.all<Record<string, string | null>>(`SELECT * FROM ${runtime.store.sqlTable(RCA)} WHERE target_table = ? ORDER BY operation`, [name])
    const setStatus = (sysId: string, status: string) => runtime.store.update(RCA, sysId, { status }, 'system')
    const open = { read_access: 'true', create_access: 'true', update_access: 'true', delete_access: 'true' }

    it('Caller Restriction: the first call is refused and requests access; once an admin allows it, calls pass', () => {
        const name = table('u_acl_test_restricted', { caller_access: '2', ...open })
        expect(refused('create', name)).toBe(true)
        expect(records(name)).toEqual([expect.objectContaining({ source_scope: appSysId, source_type: 'scope', target_scope: 'global', target_type: 'table', target_table: name, operation: 'create', status: 'requested', sys_scope: 'global' })])
        expect(refused('create', name)).toBe(true)
        expect(records(name)).toHaveLength(1)
        setStatus(records(name)[0].sys_id!, 'allowed')
        expect(refused('create', name)).toBe(false)
        // Each operation is its own request.
        expect(refused('read', name)).toBe(true)
        expect(records(name).map((r) => r.operation + ':' + r.status)).toEqual(['create:allowed', 'read:requested'])
    })

    // The runtime's policy caches its decisions: an admin's change of the record's status reaches the next call.
    it("the instance's table policy refuses a restricted call and lets it through once allowed", () => {
        const name = table('u_acl_test_policy', { caller_access: '2', ...open })
        const policy = createTableAccessPolicy(runtime.store)
        expect(() => policy('read', name, SCOPE, 'system')).toThrow(/Security restricted: Read operation against 'u_acl_test_policy'/)
        setStatus(records(name)[0].sys_id!, 'allowed')
        expect(() => policy('read', name, SCOPE, 'system')).not.toThrow()
    })

    it('Caller Restriction: a Denied or Invalidated record keeps the call out', () => {
        const name = table('u_acl_test_denied', { caller_access: '2', ...open })
        refused('write', name)
        for (const status of ['denied', 'invalidated']) {
            setStatus(records(name)[0].sys_id!, status)
            expect(crossScopeRefusal(runtime.store, 'write', name, SCOPE)).toBe(
                `Security restricted: Write operation against '${name}' from scope '${SCOPE}' is restricted by the table's Caller Restriction: its restricted caller access record (sys_restricted_caller_access) is ${status}, not allowed`,
            )
        }
    })

    it('Caller Tracking: the call runs and is tracked by a record with status Allowed', () => {
        const name = table('u_acl_test_tracked', { caller_access: '1', ...open })
        expect(refused('read', name)).toBe(false)
        expect(records(name)).toEqual([expect.objectContaining({ source_scope: appSysId, target_table: name, operation: 'read', status: 'allowed' })])
    })

    // "Set the application scope, application resource, and event access": Target Type Scope covers every resource
    // of the target scope (scope-to-scope).
    it('an Allowed record for the whole target scope covers the table', () => {
        const name = table('u_acl_test_scope_wide', { caller_access: '2', ...open })
        runtime.store.insert(RCA, { source_scope: appSysId, source_type: 'scope', target_scope: 'global', target_type: 'scope', operation: 'delete', status: 'allowed', sys_scope: 'global' }, 'system')
        expect(refused('delete', name)).toBe(false)
    })

    it('an allowed sys_scope_privilege does not decide Caller Restriction', () => {
        const name = table('u_acl_test_privilege_only', { caller_access: '2', ...open })
        runtime.store.insert('sys_scope_privilege', { source_scope: appSysId, target_name: name, target_type: 'sys_db_object', operation: 'create', status: 'allowed' }, 'system')
        expect(refused('create', name)).toBe(true)
    })

    it('an Allowed record never overrides a flag that forbids the operation', () => {
        const name = table('u_acl_test_flag_wins', { caller_access: '2', read_access: 'true', delete_access: 'false' })
        runtime.store.insert(RCA, { source_scope: appSysId, source_type: 'scope', target_scope: 'global', target_type: 'table', target_table: name, operation: 'delete', status: 'allowed', sys_scope: 'global' }, 'system')
        expect(crossScopeRefusal(runtime.store, 'delete', name, SCOPE)).toBe(`Delete operation against '${name}' from scope '${SCOPE}' has been refused due to the table's cross-scope access policy`)
    })

    it('refuses as not emulated records naming a source script, and requested records kept outside the target scope', () => {
        const named = table('u_acl_test_named_source', { caller_access: '2', ...open })
        runtime.store.insert(RCA, { source_scope: appSysId, source_type: 'script_include', source_table: 'sys_script_include', source: 'a'.repeat(32), target_scope: 'global', target_type: 'table', target_table: named, operation: 'read', status: 'allowed', sys_scope: 'global' }, 'system')
        expect(() => refused('read', named)).toThrow(NotEmulated)
        const packaged = table('u_acl_test_packaged', { caller_access: '2', ...open })
        runtime.store.insert(RCA, { source_scope: appSysId, source_type: 'scope', target_scope: 'global', target_type: 'table', target_table: packaged, operation: 'read', status: 'allowed', sys_scope: appSysId }, 'system')
        expect(() => refused('read', packaged)).toThrow(NotEmulated)
    })
})
