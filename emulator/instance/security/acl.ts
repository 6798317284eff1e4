/**
 * Access control of the local instance: record ACLs (sys_security_acl type "record" with their roles in
 * sys_security_acl_role) and REST endpoint ACLs, evaluated as the platform does for role-based ACLs.
 *
 *   createAclHook(store) → AclHook       plug in with runtime.setAcl(...); GlideRecordSecure and can*() use it
 *   canAccessTable(store, op, table, user)
 *       system (null user) and admin pass; otherwise the most specific table of the hierarchy (the table, its
 *       parents, then '*') that has active record ACLs for the operation decides: the user passes when any
 *       of them passes its roles. A table with no ACL anywhere in its hierarchy falls back to the baseline
 *       defaults below (as the out-of-box ACLs of those tables would), else it is denied.
 *   canReadField(store, table, field, user)   field ACLs named 'table.field' (or parents' / '*.field')
 *   restEndpointDecision(store, aclIds, user) → null when allowed, else the detail of the 403
 *
 * Baseline defaults: itil reads, writes and creates task, change_request and incident records; every
 * authenticated user reads sys_user and sys_choice (as snc_internal does). Conditions and scripts on ACLs
 * are not evaluated (the app's ACLs are role-only); an advanced ACL with a script is treated by its roles.
 */
import type { AclOperation, SessionUser } from '../glide/session.ts'
import type { AclHook } from '../runtime.ts'
import type { Store } from '../store/store.ts'
import { passesRoles, userRoles } from './roles.ts'

interface AclRecord {
    sys_id: string
    name: string
    operation: string
    admin_overrides: string | null
    decision_type: string | null
    roles: string[]
}

const BASELINE_DEFAULTS: Record<string, Partial<Record<AclOperation, string[]>>> = {
    task: { read: ['itil'], write: ['itil'], create: ['itil'] },
    sys_user: { read: [] },
    sys_choice: { read: [] },
}

function isTrue(v: string | null | undefined): boolean {
    return v === 'true' || v === '1'
}

function aclsNamed(store: Store, type: string, names: string[], operation: string): AclRecord[] {
    if (names.length === 0) return []
    const rows = store.all<Omit<AclRecord, 'roles'> & { active: string | null; type: string }>(
        `SELECT sys_id, name, operation, admin_overrides, decision_type, active, type FROM ${store.sqlTable('sys_security_acl')} WHERE name IN (${names.map(() => '?').join(', ')}) AND operation = ?`,
        [...names, operation],
    )
    return rows
        .filter((r) => r.type?.toLowerCase() === type.toLowerCase() && r.active !== 'false' && r.active !== '0')
        .map((r) => ({ sys_id: r.sys_id, name: r.name, operation: r.operation, admin_overrides: r.admin_overrides, decision_type: r.decision_type, roles: aclRoles(store, r.sys_id) }))
}

function aclRoles(store: Store, aclSysId: string): string[] {
    return store
        .all<{ name: string | null }>(
            `SELECT r.name AS name FROM ${store.sqlTable('sys_security_acl_role')} ar LEFT JOIN ${store.sqlTable('sys_user_role')} r ON r.sys_id = ar.sys_user_role WHERE ar.sys_security_acl = ?`,
            [aclSysId],
        )
        .map((r) => r.name)
        .filter((n): n is string => !!n)
}

/** Allow ACLs grant when any passes; a deny-unless ACL the user fails denies. */
function decide(acls: AclRecord[], held: Set<string>): boolean {
    const deny = acls.filter((a) => a.decision_type === 'deny')
    if (deny.some((a) => !passesRoles(held, a.roles, isTrue(a.admin_overrides) || a.admin_overrides === null))) return false
    const allow = acls.filter((a) => a.decision_type !== 'deny')
    if (allow.length === 0) return deny.length > 0
    return allow.some((a) => passesRoles(held, a.roles, isTrue(a.admin_overrides) || a.admin_overrides === null))
}

export function canAccessTable(store: Store, operation: AclOperation, table: string, user: SessionUser | null): boolean {
    if (!user) return true
    const held = userRoles(store, user.sysId)
    if (held.has('admin')) return true
    const hierarchy = store.hasTable(table) ? store.ancestors(table) : [table]
    for (const name of [...hierarchy, '*']) {
        const acls = aclsNamed(store, 'record', [name, `${name}.None`], operation)
        if (acls.length) return decide(acls, held)
    }
    for (const name of hierarchy) {
        const roles = BASELINE_DEFAULTS[name]?.[operation]
        if (roles) return roles.length === 0 || roles.some((r) => held.has(r))
    }
    return false
}

export function canReadField(store: Store, table: string, field: string, user: SessionUser | null): boolean {
    if (!user) return true
    const held = userRoles(store, user.sysId)
    if (held.has('admin')) return true
    const hierarchy = store.hasTable(table) ? store.ancestors(table) : [table]
    for (const name of [...hierarchy, '*']) {
        const acls = aclsNamed(store, 'record', [`${name}.${field}`], 'read')
        if (acls.length) return decide(acls, held)
    }
    return true
}

/** REST_Endpoint ACLs (sys_ids from sys_ws_operation / sys_ws_definition enforce_acl): null when allowed. */
export function restEndpointDecision(store: Store, aclIds: string[], user: SessionUser): string | null {
    if (aclIds.length === 0) return null
    const held = userRoles(store, user.sysId)
    for (const id of aclIds) {
        const row = store.getRow('sys_security_acl', id)
        if (!row || row.active === 'false') continue
        const roles = aclRoles(store, id)
        if (!passesRoles(held, roles, isTrue(row.admin_overrides))) {
            return `The user '${user.userName}' does not have a role required by the ACL '${row.name}' (${roles.join(', ') || 'none'})`
        }
    }
    return null
}

export function createAclHook(store: Store): AclHook {
    return (operation, table, _record, user) => canAccessTable(store, operation, table, user)
}
