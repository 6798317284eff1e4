// Conformance of the local instance's ACL evaluation (emulator/instance/security/acl.ts, roles.ts) with the
// platform's documentation: REST_Endpoint ACLs of a scripted REST resource, record ACLs, admin overrides,
// Deny-Unless ACLs, the default deny property, the Explicit Roles plugin, and the refusal of what the local
// instance cannot evaluate (ACL conditions and scripts).
import { NotEmulated } from '../../emulator/instance/messages.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'
import { canAccessTable, canReadField, fieldAclDecision, restEndpointDecision } from '../../emulator/instance/security/acl.ts'
import { grantExplicitRoleAtLogin } from '../../emulator/instance/security/explicit-roles.ts'
import { isInternalUser, userRoles } from '../../emulator/instance/security/roles.ts'
import { parseEncodedQuery } from '../../emulator/instance/store/query.ts'

let runtime: Runtime
const users: Record<string, { sysId: string; userName: string }> = {}

beforeAll(() => {
    runtime = createRuntime().activate()
    for (const [name, roles] of Object.entries({ alice: ['acl_test.reader'], bob: ['acl_test.writer'], nobody: [], boss: ['admin'], outsider: ['snc_external'] })) {
        users[name] = { sysId: runtime.createUser({ user_name: `acl.${name}`, roles }), userName: `acl.${name}` }
    }
})
afterAll(() => runtime.close())

/** Inserts a row as the system and returns its sys_id (the store reports a refused insert as an error). */
function inserted(table: string, values: Record<string, string>): string {
    const result = runtime.store.insert(table, values, 'system')
    if (result.error !== undefined) throw new Error(result.error)
    return result.sysId
}

function roleId(name: string): string {
    const store = runtime.store
    return store.get<{ sys_id: string }>(`SELECT sys_id FROM ${store.sqlTable('sys_user_role')} WHERE name = ?`, [name])?.sys_id ?? inserted('sys_user_role', { name })
}

/** Inserts an ACL with its roles; `fields` override the columns (admin_overrides, decision_type, condition, script …). */
function acl(name: string, type: string, operation: string, roles: string[], fields: Record<string, string> = {}): string {
    const sysId = inserted('sys_security_acl', { name, type, operation, active: 'true', ...fields })
    for (const role of roles) runtime.store.insert('sys_security_acl_role', { sys_security_acl: sysId, sys_user_role: roleId(role) }, 'system')
    return sysId
}

function withExplicitRoles<T>(fn: () => T): T {
    const before = process.env.LOCAL_INSTANCE_EXPLICIT_ROLES
    process.env.LOCAL_INSTANCE_EXPLICIT_ROLES = '1'
    try {
        return fn()
    } finally {
        if (before === undefined) delete process.env.LOCAL_INSTANCE_EXPLICIT_ROLES
        else process.env.LOCAL_INSTANCE_EXPLICIT_ROLES = before
    }
}

describe('REST_Endpoint ACLs of a scripted REST resource', () => {
    // "Configure a scripted REST API to require an ACL": a requesting user must satisfy at least one of the selected ACLs.
    it('satisfying any one of several ACLs is enough', () => {
        const ids = [acl('acl_test.api_read', 'REST_Endpoint', 'execute', ['acl_test.reader'], { admin_overrides: 'false' }), acl('acl_test.api_write', 'REST_Endpoint', 'execute', ['acl_test.writer'], { admin_overrides: 'false' })]
        expect(restEndpointDecision(runtime.store, ids, users.alice)).toBeNull()
        expect(restEndpointDecision(runtime.store, ids, users.bob)).toBeNull()
        expect(restEndpointDecision(runtime.store, ids, users.nobody)).toMatch(/satisfies none of the ACLs/)
    })

    // "Create an ACL rule": "administrators always pass role checks"; Admin overrides lets them past the
    // condition and script too ("Admin users pass regardless of what script or role restrictions apply"), but
    // "the nobody role … takes precedence over the admin override option".
    it('admin passes role checks whatever admin_overrides says, but never an ACL requiring the nobody role', () => {
        const noOverride = acl('acl_test.api_strict', 'REST_Endpoint', 'execute', ['acl_test.reader'], { admin_overrides: 'false' })
        const nobody = acl('acl_test.api_nobody', 'REST_Endpoint', 'execute', ['nobody'])
        expect(restEndpointDecision(runtime.store, [noOverride], users.boss)).toBeNull()
        expect(restEndpointDecision(runtime.store, [nobody], users.boss)).not.toBeNull()
        expect(restEndpointDecision(runtime.store, [nobody], users.alice)).not.toBeNull()
    })

    it("admin_overrides (true by default, sys_security_acl.now.ts) lets admin past an ACL's script; without it the script decides", () => {
        const script = "answer = gs.getUser().getName() == 'acl.alice'"
        const byDefault = acl('acl_test.api_default', 'REST_Endpoint', 'execute', ['acl_test.reader'], { advanced: 'true', script })
        runtime.store.update('sys_security_acl', byDefault, { admin_overrides: null as unknown as string }, 'system')
        expect(restEndpointDecision(runtime.store, [byDefault], users.boss)).toBeNull()
        const strict = acl('acl_test.api_strict_script', 'REST_Endpoint', 'execute', ['acl_test.reader'], { admin_overrides: 'false', advanced: 'true', script })
        expect(() => restEndpointDecision(runtime.store, [strict], users.boss)).toThrow(NotEmulated)
    })

    // Local instance rule (issue 11 §3): an ACL script would decide, so the instance refuses instead of deciding by roles.
    it('refuses with "not emulated" when an ACL script would decide, and not when another ACL already allows', () => {
        const scripted = acl('acl_test.api_scripted', 'REST_Endpoint', 'execute', ['acl_test.reader'], { admin_overrides: 'false', advanced: 'true', script: "answer = gs.getUser().getName() == 'acl.alice'" })
        const plain = acl('acl_test.api_plain', 'REST_Endpoint', 'execute', ['acl_test.writer'], { admin_overrides: 'false' })
        expect(() => restEndpointDecision(runtime.store, [scripted], users.alice)).toThrow(new NotEmulated('ACL condition/script on acl_test.api_scripted'))
        // bob lacks the scripted ACL's role (it fails whatever its script says) and passes the plain one.
        expect(restEndpointDecision(runtime.store, [scripted, plain], users.bob)).toBeNull()
        expect(restEndpointDecision(runtime.store, [scripted], users.nobody)).not.toBeNull()
    })
})

describe('record ACLs', () => {
    // "Create an ACL rule": a role-only ACL without admin override still admits admin ("administrators always
    // pass role checks"); only the nobody role shuts admin out.
    it('admits admin on a role-only ACL without admin override, and refuses everyone on one requiring nobody', () => {
        acl('sys_user_group', 'record', 'delete', ['acl_test.writer'], { admin_overrides: 'false' })
        expect(canAccessTable(runtime.store, 'delete', 'sys_user_group', users.boss)).toBe(true)
        expect(canAccessTable(runtime.store, 'delete', 'sys_user_group', users.bob)).toBe(true)
        expect(canAccessTable(runtime.store, 'delete', 'sys_user_group', users.alice)).toBe(false)
        acl('sys_user_role', 'record', 'delete', ['nobody'], { admin_overrides: 'true' })
        expect(canAccessTable(runtime.store, 'delete', 'sys_user_role', users.boss)).toBe(false)
    })

    // "Elevated privilege roles": "By default, you do not have elevated privilege roles upon login"; the local
    // instance has no elevation. An ACL requiring only such a role is passed by nobody not elevated: not by a user
    // holding the role, and not by admin's "always pass role checks" (admin_overrides off).
    it('an ACL requiring only an elevated privilege role is passed by nobody without elevation, admin included', () => {
        const role = roleId('acl_test.elevated')
        runtime.store.update('sys_user_role', role, { elevated_privilege: '1' }, 'system')
        const holder = runtime.createUser({ user_name: 'acl.elevated.holder', roles: ['acl_test.elevated'] })
        acl('sys_user_grmember', 'record', 'delete', ['acl_test.elevated'], { admin_overrides: 'false' })
        expect(canAccessTable(runtime.store, 'delete', 'sys_user_grmember', { sysId: holder, userName: 'acl.elevated.holder' })).toBe(false)
        expect(canAccessTable(runtime.store, 'delete', 'sys_user_grmember', users.boss)).toBe(false)
        // Beside a role that is not elevated, admin passes the role check as before.
        acl('sys_user_grmember', 'record', 'write', ['acl_test.elevated', 'acl_test.writer'], { admin_overrides: 'false' })
        expect(canAccessTable(runtime.store, 'write', 'sys_user_grmember', users.boss)).toBe(true)
        expect(canAccessTable(runtime.store, 'write', 'sys_user_grmember', { sysId: holder, userName: 'acl.elevated.holder' })).toBe(false)
    })

    // "Deny-Unless ACL": evaluated first; failing one denies; passing it with no Allow-If ACL grants access.
    it('evaluates Deny-Unless ACLs before Allow-If ones', () => {
        acl('sys_user_group', 'record', 'create', ['acl_test.writer', 'acl_test.reader'], { decision_type: 'deny', admin_overrides: 'false' })
        expect(canAccessTable(runtime.store, 'create', 'sys_user_group', users.alice)).toBe(true)
        expect(canAccessTable(runtime.store, 'create', 'sys_user_group', users.nobody)).toBe(false)
        acl('sys_user_group', 'record', 'create', ['acl_test.writer'], { admin_overrides: 'false' })
        expect(canAccessTable(runtime.store, 'create', 'sys_user_group', users.alice)).toBe(false)
        expect(canAccessTable(runtime.store, 'create', 'sys_user_group', users.bob)).toBe(true)
    })

    // Local instance rule: a condition would decide, so the access is refused as not emulated.
    it('refuses with "not emulated" when an ACL condition would decide the access', () => {
        acl('sys_user_group', 'record', 'write', ['acl_test.reader'], { condition: 'active=true' })
        expect(() => canAccessTable(runtime.store, 'write', 'sys_user_group', users.alice)).toThrow(NotEmulated)
        expect(canAccessTable(runtime.store, 'write', 'sys_user_group', users.nobody)).toBe(false)
    })

    // "ACL rule types" (Field ACL rules): field ACLs are named <table>.<field>; the table's own, then its parents', decide.
    it('field ACLs: the most specific table of the hierarchy decides; without any, nothing is decided', () => {
        acl('task.short_description', 'record', 'query_match', ['acl_test.writer'], { admin_overrides: 'false' })
        acl('incident.short_description', 'record', 'query_match', ['acl_test.reader'], { admin_overrides: 'false' })
        expect(fieldAclDecision(runtime.store, 'incident', 'short_description', 'query_match', users.alice)).toBe(true)
        expect(fieldAclDecision(runtime.store, 'incident', 'short_description', 'query_match', users.bob)).toBe(false)
        expect(fieldAclDecision(runtime.store, 'change_request', 'short_description', 'query_match', users.bob)).toBe(true)
        expect(fieldAclDecision(runtime.store, 'incident', 'description', 'query_match', users.bob)).toBeNull()
        expect(canReadField(runtime.store, 'incident', 'description', users.nobody)).toBe(true)
    })

    // "ACL rule types" (Field ACL rules): "1. incident.number 2. task.number 3. *.number 4. incident.* 5. task.* 6. *.*".
    // Each ACL added below is more specific than the ones before it and takes the decision over (report_view, a
    // field operation no other test uses, so the wildcards reach no other test).
    it('field ACLs walk table.field, parent.field, *.field, table.*, parent.*, *.*: the first name with ACLs decides', () => {
        const decision = (table: string, field: string) => ['alice', 'bob', 'nobody'].map((who) => fieldAclDecision(runtime.store, table, field, 'report_view', users[who]))
        const strict = { admin_overrides: 'false' }
        expect(decision('incident', 'description')).toEqual([null, null, null])
        acl('*.*', 'record', 'report_view', ['acl_test.reader'], strict)
        expect(decision('incident', 'description')).toEqual([true, false, false])
        acl('task.*', 'record', 'report_view', ['acl_test.writer'], strict)
        expect(decision('incident', 'description')).toEqual([false, true, false])
        acl('incident.*', 'record', 'report_view', ['acl_test.reader'], strict)
        expect(decision('incident', 'description')).toEqual([true, false, false])
        expect(decision('change_request', 'description')).toEqual([false, true, false])
        acl('*.description', 'record', 'report_view', ['acl_test.writer'], strict)
        expect(decision('incident', 'description')).toEqual([false, true, false])
        expect(decision('incident', 'short_description')).toEqual([true, false, false])
        acl('task.description', 'record', 'report_view', ['acl_test.reader'], strict)
        expect(decision('incident', 'description')).toEqual([true, false, false])
        acl('incident.description', 'record', 'report_view', ['acl_test.writer'], strict)
        expect(decision('incident', 'description')).toEqual([false, true, false])
        expect(decision('change_request', 'description')).toEqual([true, false, false])
    })

    // "Default deny property" (glide.sm.default_mode = deny): with only the wildcard ACLs, only admin passes.
    it('denies a table without ACLs to everyone but admin', () => {
        expect(canAccessTable(runtime.store, 'write', 'sys_user_role_contains', users.alice)).toBe(false)
        expect(canAccessTable(runtime.store, 'write', 'sys_user_role_contains', users.boss)).toBe(true)
    })
})

describe('roles and the Explicit Roles plugin', () => {
    // One role engine: the roles of sys_user_has_role, where contained roles (sys_user_role_contains) arrive as
    // inherited rows, transitively.
    it('a user holds the roles contained in their roles, transitively', () => {
        runtime.store.insert('sys_user_role_contains', { role: roleId('acl_test.writer'), contains: roleId('acl_test.middle') }, 'system')
        runtime.store.insert('sys_user_role_contains', { role: roleId('acl_test.middle'), contains: roleId('acl_test.leaf') }, 'system')
        expect([...userRoles(runtime.store, users.bob.sysId)]).toEqual(expect.arrayContaining(['acl_test.writer', 'acl_test.middle', 'acl_test.leaf']))
    })

    // "Explicit Roles": without the plugin there are no external users.
    it('without the plugin every user is internal', () => {
        expect(isInternalUser(runtime.store, users.outsider.sysId)).toBe(true)
        expect(isInternalUser(runtime.store, users.nobody.sysId)).toBe(true)
    })

    // "Explicit Roles": "any time a user logs in, the user is given the snc_internal role if the account does not already
    // have that role, or the snc_external role"; since Xanadu "the same both in memory and in sys_user_has_role", and
    // glide.security.explicit_roles.do_not_fix true adds it in neither. An ACL without roles requires snc_internal.
    it('with the plugin, a login writes snc_internal to sys_user_has_role for users without an explicit role; snc_external users fail role-less ACLs', () => {
        withExplicitRoles(() => {
            const internalRows = (user: string) => runtime.store.count('sys_user_has_role', parseEncodedQuery(`user=${user}^role=${roleId('snc_internal')}`))
            const fresh = runtime.createUser({ user_name: 'acl.fresh', roles: [] })
            // Before its first login the user holds no explicit role, in memory or in a row.
            expect(internalRows(fresh)).toBe(0)
            expect(isInternalUser(runtime.store, fresh)).toBe(false)
            grantExplicitRoleAtLogin(runtime.store, fresh)
            expect(internalRows(fresh)).toBe(1)
            expect(runtime.store.count('sys_user_has_role', parseEncodedQuery(`user=${fresh}^role=${roleId('snc_internal')}^inherited=false^sys_created_by=system`))).toBe(1)
            expect(isInternalUser(runtime.store, fresh)).toBe(true)
            // Later logins find the role held: still one row.
            grantExplicitRoleAtLogin(runtime.store, fresh)
            expect(internalRows(fresh)).toBe(1)
            // A user given snc_external before the first login stays external.
            grantExplicitRoleAtLogin(runtime.store, users.outsider.sysId)
            expect(internalRows(users.outsider.sysId)).toBe(0)
            expect(isInternalUser(runtime.store, users.outsider.sysId)).toBe(false)
            const open = acl('acl_test.api_open', 'REST_Endpoint', 'execute', [])
            expect(restEndpointDecision(runtime.store, [open], { sysId: fresh, userName: 'acl.fresh' })).toBeNull()
            expect(restEndpointDecision(runtime.store, [open], users.outsider)).not.toBeNull()
            const property = inserted('sys_properties', { name: 'glide.security.explicit_roles.do_not_fix', value: 'true', type: 'true|false' })
            try {
                const unfixed = runtime.createUser({ user_name: 'acl.unfixed', roles: [] })
                grantExplicitRoleAtLogin(runtime.store, unfixed)
                expect(internalRows(unfixed)).toBe(0)
                expect(isInternalUser(runtime.store, unfixed)).toBe(false)
            } finally {
                runtime.store.update('sys_properties', property, { value: 'false' }, 'system')
            }
        })
    })

    it('without the plugin a login writes no explicit role', () => {
        const plain = runtime.createUser({ user_name: 'acl.plain', roles: [] })
        grantExplicitRoleAtLogin(runtime.store, plain)
        expect([...userRoles(runtime.store, plain)]).toEqual([])
        expect(isInternalUser(runtime.store, plain)).toBe(true)
    })
})

// "Prevent duplicate entries with Contextual Security: Role Management V2" (default on new instances): one inherited
// sys_user_has_role row per user and role, inh_count = the times it is inherited from groups or roles. "Assign a role
// to a group": members inherit the group's roles; "Create a group role": Inherits (selected by default) decides it.
describe('role rows as the platform keeps them (sys_user_has_role inherited, inh_count)', () => {
    interface RoleRow {
        role: string
        inherited: string
        inh_count: string | null
    }
    /** The user's sys_user_has_role rows for one role, as stored. */
    function rowsOf(userSysId: string, role: string): RoleRow[] {
        const store = runtime.store
        return store.all<RoleRow>(`SELECT role, inherited, inh_count FROM ${store.sqlTable('sys_user_has_role')} WHERE "user" = ? AND role = ? ORDER BY inherited`, [userSysId, roleId(role)])
    }
    const inheritedRow = (role: string, count: number): RoleRow => ({ role: roleId(role), inherited: '1', inh_count: String(count) })
    const directRow = (role: string): RoleRow => ({ role: roleId(role), inherited: '0', inh_count: null })
    const member = (user: string, group: string): string => inserted('sys_user_grmember', { user, group })
    const groupRole = (group: string, role: string, fields: Record<string, string> = {}): string => inserted('sys_group_has_role', { group, role: roleId(role), ...fields })

    it('a role from two groups is one inherited row counted twice; leaving the groups counts it down, then deletes it', () => {
        const user = runtime.createUser({ user_name: 'acl.grouped' })
        const [first, second] = [runtime.createGroup('acl_test.first'), runtime.createGroup('acl_test.second')]
        groupRole(first, 'acl_test.grouped')
        groupRole(second, 'acl_test.grouped')
        const inFirst = member(user, first)
        expect(rowsOf(user, 'acl_test.grouped')).toEqual([inheritedRow('acl_test.grouped', 1)])
        const inSecond = member(user, second)
        expect(rowsOf(user, 'acl_test.grouped')).toEqual([inheritedRow('acl_test.grouped', 2)])
        expect(userRoles(runtime.store, user).has('acl_test.grouped')).toBe(true)
        runtime.store.delete('sys_user_grmember', inFirst)
        expect(rowsOf(user, 'acl_test.grouped')).toEqual([inheritedRow('acl_test.grouped', 1)])
        runtime.store.delete('sys_user_grmember', inSecond)
        expect(rowsOf(user, 'acl_test.grouped')).toEqual([])
        expect(userRoles(runtime.store, user).has('acl_test.grouped')).toBe(false)
    })

    it("granting a role to a group writes its members' rows; taking it away deletes them", () => {
        const [ann, ben] = [runtime.createUser({ user_name: 'acl.ann' }), runtime.createUser({ user_name: 'acl.ben' })]
        const group = runtime.createGroup('acl_test.team')
        member(ann, group)
        member(ben, group)
        const grant = groupRole(group, 'acl_test.team_role')
        expect([rowsOf(ann, 'acl_test.team_role'), rowsOf(ben, 'acl_test.team_role')]).toEqual([[inheritedRow('acl_test.team_role', 1)], [inheritedRow('acl_test.team_role', 1)]])
        runtime.store.delete('sys_group_has_role', grant)
        expect([rowsOf(ann, 'acl_test.team_role'), rowsOf(ben, 'acl_test.team_role')]).toEqual([[], []])
    })

    it('a group role with Inherits unchecked is not passed to the members', () => {
        const user = runtime.createUser({ user_name: 'acl.not_inheriting' })
        const group = runtime.createGroup('acl_test.not_inheriting')
        member(user, group)
        const grant = groupRole(group, 'acl_test.kept', { inherits: 'false' })
        expect(rowsOf(user, 'acl_test.kept')).toEqual([])
        runtime.store.update('sys_group_has_role', grant, { inherits: 'true' }, 'system')
        expect(rowsOf(user, 'acl_test.kept')).toEqual([inheritedRow('acl_test.kept', 1)])
    })

    it('a contained role is an inherited row beside the direct grant, counted once per role containing it', () => {
        const user = runtime.createUser({ user_name: 'acl.container', roles: ['acl_test.outer', 'acl_test.other_outer'] })
        const contains = inserted('sys_user_role_contains', { role: roleId('acl_test.outer'), contains: roleId('acl_test.inner') })
        expect(rowsOf(user, 'acl_test.inner')).toEqual([inheritedRow('acl_test.inner', 1)])
        inserted('sys_user_role_contains', { role: roleId('acl_test.other_outer'), contains: roleId('acl_test.inner') })
        expect(rowsOf(user, 'acl_test.inner')).toEqual([inheritedRow('acl_test.inner', 2)])
        runtime.store.delete('sys_user_role_contains', contains)
        expect(rowsOf(user, 'acl_test.inner')).toEqual([inheritedRow('acl_test.inner', 1)])
        expect(rowsOf(user, 'acl_test.outer')).toEqual([directRow('acl_test.outer')])
    })

    it('a role granted directly and through a group is two rows; removing the direct grant keeps the inherited one', () => {
        const user = runtime.createUser({ user_name: 'acl.twice', roles: ['acl_test.twice'] })
        const group = runtime.createGroup('acl_test.twice_group')
        groupRole(group, 'acl_test.twice')
        member(user, group)
        expect(rowsOf(user, 'acl_test.twice')).toEqual([directRow('acl_test.twice'), inheritedRow('acl_test.twice', 1)])
        runtime.store.deleteWhere('sys_user_has_role', { blocks: [[[{ field: 'user', op: '=', value: user }], [{ field: 'inherited', op: '=', value: 'false' }]]], orderBy: [] })
        expect(rowsOf(user, 'acl_test.twice')).toEqual([inheritedRow('acl_test.twice', 1)])
    })

    it('refuses as not emulated roles through a parent group', () => {
        const user = runtime.createUser({ user_name: 'acl.child_member' })
        const parent = runtime.createGroup('acl_test.parent')
        const child = runtime.createGroup('acl_test.child', { parent })
        groupRole(parent, 'acl_test.from_parent')
        expect(() => member(user, child)).toThrow(NotEmulated)
    })
})
