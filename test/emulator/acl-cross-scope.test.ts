// Conformance of the cross-scope table policy (emulator/instance/security/cross-scope.ts) with "Application
// access settings" and the dictionary of sys_db_object (node_modules/@servicenow/sdk-core/src/fluent/tables/
// sys_db_object.now.ts): Accessible from, Can read/create/update/delete with their defaults, Caller Restriction.
import { NotEmulated } from '../../emulator/instance/messages.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'
import { crossScopeRefusal } from '../../emulator/instance/security/cross-scope.ts'

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

    // Caller Access '2' (Caller Restriction): the calling scope also needs an allowed sys_scope_privilege.
    it('with Caller Restriction, an allowed sys_scope_privilege is needed as well', () => {
        const name = table('u_acl_test_restricted', { caller_access: '2', create_access: 'true' })
        expect(refused('create', name)).toBe(true)
        runtime.store.insert('sys_scope_privilege', { source_scope: SCOPE, target_name: name, target_type: 'sys_db_object', operation: 'create', status: 'allowed' }, 'system')
        expect(refused('create', name)).toBe(false)
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
