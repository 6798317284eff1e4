/**
 * The one role engine of the local instance: the roles a user holds, as the platform keeps and computes them.
 *
 *   installRoleInheritance(store)                      keeps sys_user_has_role's inherited rows in step with their
 *       sources, as Contextual Security: Role Management V2 (default on new instances) does: one row per user and
 *       inherited role, inherited = true, inh_count = how many times it is inherited (once per group membership
 *       whose group role has Inherits checked, once per role the user holds that contains it), written when a
 *       group role, a membership, a contained role or a direct grant is added, updated or removed; a direct grant
 *       stays its own row (inherited = false). Installed with the baseline; resyncs every user at start.
 *   userRoles(store, userSysId) → Set<role name>       cached per store version of the role tables
 *       the roles of the user's sys_user_has_role rows, direct and inherited, as the platform reads them
 *   isInternalUser(store, userSysId)                    what requires_snc_internal_role asks: without the
 *       plugin every user is internal; with it, the user must hold snc_internal
 *   aclRequiredRoles(roles)                             an ACL's roles as evaluated: with the plugin an ACL
 *       without roles requires snc_internal ("Explicit Roles")
 *   passesRoles(held, required)                         an ACL's role check: any required role; none = anyone;
 *                                                       admin passes every role check but one requiring nobody
 */
import { switches } from '../fidelity.ts'
import { notEmulated } from '../messages.ts'
import { elevatedRoleNames, grantedRoleIds, propertyRecord, roleNamesById } from '../store/lookups.ts'
import { parseEncodedQuery } from '../store/query.ts'
import type { Change, Row, Store } from '../store/store.ts'
import { isTrue } from '../util/booleans.ts'

const ROLE_TABLES = ['sys_user_has_role', 'sys_user_role', 'sys_user_role_contains']
const INTERNAL = 'snc_internal'
const cache = new WeakMap<Store, { stamp: string; byUser: Map<string, Set<string>>; elevated?: Set<string> }>()

/** The cache entry of the store's current role tables (read again once any of them is written). */
function roleCache(store: Store): { stamp: string; byUser: Map<string, Set<string>>; elevated?: Set<string> } {
    const stamp = ROLE_TABLES.map((t) => (store.hasTable(t) ? store.version(t) : -1)).join(':')
    let entry = cache.get(store)
    if (!entry || entry.stamp !== stamp) {
        entry = { stamp, byUser: new Map() }
        cache.set(store, entry)
    }
    return entry
}

export function userRoles(store: Store, userSysId: string): Set<string> {
    const entry = roleCache(store)
    let roles = entry.byUser.get(userSysId)
    if (!roles) {
        roles = grantedRoles(store, userSysId)
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

function grantedRoles(store: Store, userSysId: string): Set<string> {
    const names = roleNamesById(store)
    const granted = grantedRoleIds(store, userSysId)
    return new Set(granted.map((id) => names.get(id)).filter((n): n is string => !!n))
}

// --- inherited rows (Role Management V2) ---

const select = (store: Store, table: string, encoded: string): Row[] => store.select(table, parseEncodedQuery(encoded))

/** role sys_id → how many times the user inherits it, from their groups and from the roles they hold. */
function inheritedCounts(store: Store, userSysId: string): Map<string, number> {
    const counts = new Map<string, number>()
    const inherit = (role: string): void => void counts.set(role, (counts.get(role) ?? 0) + 1)
    for (const membership of select(store, 'sys_user_grmember', `user=${userSysId}`)) {
        const group = membership.group ? store.getRow('sys_user_group', membership.group) : undefined
        if (!group) continue
        // What a group hierarchy passes on to a child group's members is not emulated.
        if (group.parent) notEmulated(`roles through a parent group (sys_user_group ${group.name ?? group.sys_id} has a parent)`)
        for (const groupRole of select(store, 'sys_group_has_role', `group=${group.sys_id}`)) {
            if (groupRole.role && (groupRole.inherits === null || isTrue(groupRole.inherits))) inherit(groupRole.role)
        }
    }
    const contains = new Map<string, string[]>()
    for (const row of select(store, 'sys_user_role_contains', '')) {
        if (row.role && row.contains) contains.set(row.role, [...(contains.get(row.role) ?? []), row.contains])
    }
    const direct = select(store, 'sys_user_has_role', `user=${userSysId}`).filter((r) => !isTrue(r.inherited)).map((r) => r.role ?? '')
    // Each role the user holds, directly or inherited, counts once for every role it contains.
    const held = new Set<string>()
    const pending = [...direct, ...counts.keys()]
    while (pending.length) {
        const role = pending.pop()!
        if (!role || held.has(role)) continue
        held.add(role)
        for (const contained of contains.get(role) ?? []) {
            inherit(contained)
            pending.push(contained)
        }
    }
    return counts
}

/** Writes the user's inherited rows so that they match their sources: inserts, recounts and deletes. */
function syncInheritedRows(store: Store, userSysId: string): void {
    const counts = inheritedCounts(store, userSysId)
    for (const row of select(store, 'sys_user_has_role', `user=${userSysId}^inherited=true`)) {
        const count = row.role ? counts.get(row.role) : undefined
        if (count === undefined) {
            store.delete('sys_user_has_role', row.sys_id!)
            continue
        }
        counts.delete(row.role!)
        if (row.inh_count !== String(count)) store.update('sys_user_has_role', row.sys_id!, { inh_count: String(count) }, 'system')
    }
    for (const [role, count] of counts) store.insert('sys_user_has_role', { user: userSysId, role, inherited: 'true', inh_count: String(count) }, 'system')
}

/** The users whose inherited rows a change can alter; null: everyone holding a role or in a group. */
function affectedUsers(store: Store, change: Change): string[] | null {
    const rows = [change.row, change.previous].filter((r): r is Row => !!r)
    switch (change.table) {
        case 'sys_user_grmember':
            return rows.map((r) => r.user ?? '')
        case 'sys_group_has_role':
            return rows.flatMap((r) => select(store, 'sys_user_grmember', `group=${r.group ?? ''}`).map((m) => m.user ?? ''))
        case 'sys_user_has_role':
            // The rows this engine writes are inherited ones; only direct grants are sources.
            return rows.some((r) => !isTrue(r.inherited)) ? rows.map((r) => r.user ?? '') : []
        default:
            return null
    }
}

function everyUserWithRolesOrGroups(store: Store): string[] {
    return [...select(store, 'sys_user_has_role', ''), ...select(store, 'sys_user_grmember', '')].map((r) => r.user ?? '')
}

const SOURCE_TABLES = ['sys_user_grmember', 'sys_group_has_role', 'sys_user_role_contains', 'sys_user_has_role', 'sys_user_group']

export function installRoleInheritance(store: Store): void {
    let syncing = false
    const sync = (users: string[]): void => {
        syncing = true
        try {
            for (const user of new Set(users)) if (user) syncInheritedRows(store, user)
        } finally {
            syncing = false
        }
    }
    store.addChangeListener(SOURCE_TABLES, (change) => {
        if (syncing) return
        if (change.table === 'sys_user_group' && change.op === 'insert') return
        sync(affectedUsers(store, change) ?? everyUserWithRolesOrGroups(store))
    })
    sync(everyUserWithRolesOrGroups(store))
}


/**
 * Whether the role is an elevated privilege role (sys_user_role.elevated_privilege): "By default, you do not have
 * elevated privilege roles upon login. You must manually elevate" ("Elevated privilege roles"). The local instance
 * has no elevation, so such a role is held only when glide.security.strict_elevate_privilege is false, which
 * elevates them "upon an admin user new session … (with exception of security_admin)" ("Enforce strict elevate
 * privilege"; fallback value true). elevatedRoleHeld says whether a user holding `roles` holds the elevated role.
 */
export function isElevatedRole(store: Store, roleName: string): boolean {
    const entry = roleCache(store)
    entry.elevated ??= elevatedRoleNames(store)
    return entry.elevated.has(roleName)
}

export function elevatedRoleHeld(store: Store, roles: Set<string>, roleName: string): boolean {
    if (roleName === 'security_admin' || !roles.has('admin') || !roles.has(roleName)) return false
    const strict = store.hasTable('sys_properties') ? propertyRecord(store, 'glide.security.strict_elevate_privilege') : undefined
    return strict?.value === 'false'
}
/**
 * An ACL's role check ("Create an ACL rule", Requires role / Admin overrides): any one required role passes;
 * "administrators always pass role checks", except that "the nobody role … takes precedence over the admin
 * override option": an ACL requiring nobody is never passed by admin.
 */
export function passesRoles(held: Set<string>, required: string[], isElevated: (role: string) => boolean = () => false): boolean {
    if (required.length === 0) return true
    if (required.some((r) => held.has(r))) return true
    // Admin's pass covers no elevated privilege role: those are held only once elevated ("Elevated privilege roles").
    return held.has('admin') && !required.includes(NOBODY_ROLE) && !required.every(isElevated)
}

/** The base system role nobody holds ("Base system roles"): an ACL requiring it shuts everyone out, admin too. */
export const NOBODY_ROLE = 'nobody'

/** The user's roles as the session holds them: elevated privilege roles only when elevated (elevatedRoleHeld). */
export function sessionRoles(store: Store, userSysId: string): Set<string> {
    const roles = userRoles(store, userSysId)
    return new Set([...roles].filter((r) => !isElevatedRole(store, r) || elevatedRoleHeld(store, roles, r)))
}
