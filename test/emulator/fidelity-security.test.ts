// Conformance of two Security rows of FIDELITY.md: an ACL role the instance has no record of counts as a role no
// user holds (the ACL does not become role-less), and the base system roles admin, itil and nobody exist on a new
// instance ("Base system roles").
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'
import { canAccessTable } from '../../emulator/instance/security/acl.ts'

let runtime: Runtime
beforeEach(() => {
    runtime = createRuntime().activate()
})
afterEach(() => runtime.close())

function inserted(table: string, values: Record<string, string>): string {
    const result = runtime.store.insert(table, values, 'system')
    if (result.error !== undefined) throw new Error(result.error)
    return result.sysId
}

function user(userName: string, roles: string[]): { sysId: string; userName: string } {
    return { sysId: runtime.createUser({ user_name: userName, roles }), userName }
}

describe('ACL roles', () => {
    it('an ACL role the instance has no record of is held by no user: the ACL refuses, where a role-less one admits', () => {
        const roleless = user('acl.roleless', [])
        const other = user('acl.other', ['acl_test.other'])
        const missingRole = 'f'.repeat(32)
        expect(runtime.store.getRow('sys_user_role', missingRole)).toBeUndefined()
        const withMissingRole = inserted('sys_security_acl', { name: 'sys_user_group', type: 'record', operation: 'delete', active: 'true', admin_overrides: 'false' })
        inserted('sys_security_acl_role', { sys_security_acl: withMissingRole, sys_user_role: missingRole })
        expect(canAccessTable(runtime.store, 'delete', 'sys_user_group', roleless)).toBe(false)
        expect(canAccessTable(runtime.store, 'delete', 'sys_user_group', other)).toBe(false)
        inserted('sys_security_acl', { name: 'sys_user_group', type: 'record', operation: 'create', active: 'true', admin_overrides: 'false' })
        expect(canAccessTable(runtime.store, 'create', 'sys_user_group', roleless)).toBe(true)
    })

    it('a new instance has the base system roles admin, itil and nobody', () => {
        const names = ['admin', 'itil', 'nobody'].filter((name) => runtime.store.select('sys_user_role', { blocks: [[[{ field: 'name', op: '=', value: name }]]], orderBy: [] }).length === 1)
        expect(names).toEqual(['admin', 'itil', 'nobody'])
    })
})
