/**
 * Roles a user holds, as the platform computes them: the roles granted in sys_user_has_role plus every
 * role they contain (sys_user_role_contains, transitively).
 *
 *   userRoles(store, userSysId) → Set<role name>       cached per store version of the role tables
 *   passesRoles(held, required, adminOverrides)         an ACL's role check: any required role; none = anyone;
 *                                                       admin passes only when the ACL lets admin override
 */
import type { Store } from '../store/store.ts'

const ROLE_TABLES = ['sys_user_has_role', 'sys_user_role', 'sys_user_role_contains']
const cache = new WeakMap<Store, { stamp: string; byUser: Map<string, Set<string>> }>()

export function userRoles(store: Store, userSysId: string): Set<string> {
    const stamp = ROLE_TABLES.map((t) => (store.hasTable(t) ? store.version(t) : -1)).join(':')
    let entry = cache.get(store)
    if (!entry || entry.stamp !== stamp) {
        entry = { stamp, byUser: new Map() }
        cache.set(store, entry)
    }
    let roles = entry.byUser.get(userSysId)
    if (!roles) {
        roles = computeRoles(store, userSysId)
        entry.byUser.set(userSysId, roles)
    }
    return roles
}

function computeRoles(store: Store, userSysId: string): Set<string> {
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

export function passesRoles(held: Set<string>, required: string[], adminOverrides: boolean): boolean {
    if (required.length === 0) return true
    if (required.some((r) => held.has(r))) return true
    return adminOverrides && held.has('admin')
}
