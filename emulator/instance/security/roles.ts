/**
 * The one role engine of the local instance: the roles a user holds, as the platform computes them.
 *
 *   userRoles(store, userSysId) → Set<role name>       cached per store version of the role tables
 *       the roles granted in sys_user_has_role (group roles arrive there as inherited rows, as on the
 *       platform) plus every role they contain (sys_user_role_contains, transitively). With the Explicit
 *       Roles plugin (switches().explicitRoles) a user holding neither snc_internal nor snc_external also
 *       holds snc_internal, as the plugin grants it at every login, unless the property
 *       glide.security.explicit_roles.do_not_fix is true ("Explicit Roles").
 *   isInternalUser(store, userSysId)                    what requires_snc_internal_role asks: without the
 *       plugin every user is internal; with it, the user must hold snc_internal
 *   aclRequiredRoles(roles)                             an ACL's roles as evaluated: with the plugin an ACL
 *       without roles requires snc_internal ("Explicit Roles")
 *   passesRoles(held, required)                         an ACL's role check: any required role; none = anyone;
 *                                                       admin passes every role check but one requiring nobody
 */
import { switches } from '../fidelity.ts'
import type { Store } from '../store/store.ts'

const ROLE_TABLES = ['sys_user_has_role', 'sys_user_role', 'sys_user_role_contains', 'sys_properties']
const INTERNAL = 'snc_internal'
const EXTERNAL = 'snc_external'
const DO_NOT_FIX = 'glide.security.explicit_roles.do_not_fix'
const cache = new WeakMap<Store, { stamp: string; byUser: Map<string, Set<string>> }>()

export function userRoles(store: Store, userSysId: string): Set<string> {
    const explicitRoles = switches().explicitRoles
    const stamp = ROLE_TABLES.map((t) => (store.hasTable(t) ? store.version(t) : -1)).join(':') + (explicitRoles ? ':explicit' : '')
    let entry = cache.get(store)
    if (!entry || entry.stamp !== stamp) {
        entry = { stamp, byUser: new Map() }
        cache.set(store, entry)
    }
    let roles = entry.byUser.get(userSysId)
    if (!roles) {
        roles = grantedRoles(store, userSysId)
        if (explicitRoles && !roles.has(INTERNAL) && !roles.has(EXTERNAL) && !doNotFix(store)) roles.add(INTERNAL)
        entry.byUser.set(userSysId, roles)
    }
    return roles
}

export function isInternalUser(store: Store, userSysId: string): boolean {
    return !switches().explicitRoles || userRoles(store, userSysId).has(INTERNAL)
}

export function aclRequiredRoles(roles: string[]): string[] {
    return roles.length === 0 && switches().explicitRoles ? [INTERNAL] : roles
}

function doNotFix(store: Store): boolean {
    if (!store.hasTable('sys_properties')) return false
    const row = store.get<{ value: string | null }>(`SELECT value FROM ${store.sqlTable('sys_properties')} WHERE name = ? LIMIT 1`, [DO_NOT_FIX])
    return row?.value === 'true'
}

function grantedRoles(store: Store, userSysId: string): Set<string> {
    const names = new Map<string, string>()
    for (const row of store.all<{ sys_id: string; name: string }>(`SELECT sys_id, name FROM ${store.sqlTable('sys_user_role')}`)) names.set(row.sys_id, row.name)
    const contains = new Map<string, string[]>()
    if (store.hasTable('sys_user_role_contains')) {
        for (const row of store.all<{ role: string; contains: string }>(`SELECT role, contains FROM ${store.sqlTable('sys_user_role_contains')}`)) {
            if (!contains.has(row.role)) contains.set(row.role, [])
            contains.get(row.role)!.push(row.contains)
        }
    }
    const granted = store.all<{ role: string }>(`SELECT role FROM ${store.sqlTable('sys_user_has_role')} WHERE "user" = ?`, [userSysId]).map((r) => r.role)
    const seen = new Set<string>()
    const pending = [...granted]
    while (pending.length) {
        const id = pending.pop()!
        if (!id || seen.has(id)) continue
        seen.add(id)
        pending.push(...(contains.get(id) ?? []))
    }
    return new Set([...seen].map((id) => names.get(id)).filter((n): n is string => !!n))
}

/**
 * An ACL's role check ("Create an ACL rule", Requires role / Admin overrides): any one required role passes;
 * "administrators always pass role checks", except that "the nobody role … takes precedence over the admin
 * override option": an ACL requiring nobody is never passed by admin.
 */
export function passesRoles(held: Set<string>, required: string[]): boolean {
    if (required.length === 0) return true
    if (required.some((r) => held.has(r))) return true
    return held.has('admin') && !required.includes(NOBODY_ROLE)
}

/** The base system role nobody holds ("Base system roles"): an ACL requiring it shuts everyone out, admin too. */
export const NOBODY_ROLE = 'nobody'
