/**
 * gs (GlideSystem, scoped), over the active runtime.
 *
 *   getProperty(name, alt?) / setProperty(name, value, description?)       sys_properties
 *   getUserID() / getUserName() / getUserDisplayName() / getUser() / hasRole(role | 'a,b')
 *   info / warn / error / debug(message, ...params)   syslog rows (level 0 / 1 / 2 / -1), '{0}' substitution,
 *                                                     source = the app scope
 *   nil(value), generateGUID(), getCurrentScopeName(), getCallerScopeName(), tableExists(table)
 *   addErrorMessage / addInfoMessage (kept on the session), eventQueue (recorded on the session)
 *   nowDateTime(), getMessage(key, args?), isInteractive(), isLoggedIn()
 *
 * Outside runtime.runAs() code runs as the system user: user name 'system', every role (as scheduled jobs).
 * Roles: sys_user_has_role, closed over sys_user_role_contains; a user with 'admin' has every role.
 */
import { newSysId, type Row } from '../store/store.ts'
import { GlideDateTime } from './GlideDateTime.ts'
import { host } from './session.ts'

const LEVELS = { debug: '-1', info: '0', warn: '1', error: '2' } as const

function format(message: unknown, params: unknown[]): string {
    const text = String(message)
    return params.length ? text.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < params.length ? String(params[Number(i)]) : m)) : text
}

/** Writes a syslog row as gs.info/warn/error do. Used by the Glide classes to log like the platform. */
export function writeLog(level: keyof typeof LEVELS, message: unknown, ...params: unknown[]): void {
    const h = host()
    h.store.insert('syslog', { level: LEVELS[level], message: format(message, params), source: h.scope }, h.currentUser()?.userName ?? 'system')
}

function one(table: string, field: string, value: string): Row | undefined {
    return host().store.select(table, { blocks: [[[{ field, op: '=', value }]]], orderBy: [] }, { limit: 1 })[0]
}

/** Role name → every role name it contains (transitively), cached until the role tables change. */
function containment(): Map<string, Set<string>> {
    const h = host()
    const key = `roles:${h.store.version('sys_user_role')}:${h.store.version('sys_user_role_contains')}`
    const cached = h.cache.get('containment') as { key: string; map: Map<string, Set<string>> } | undefined
    if (cached?.key === key) return cached.map
    const names = new Map(h.store.all<{ sys_id: string; name: string }>(`SELECT sys_id, name FROM ${h.store.sqlTable('sys_user_role')}`).map((r) => [r.sys_id, r.name]))
    const direct = new Map<string, string[]>()
    for (const r of h.store.all<{ role: string; contains: string }>(`SELECT role, contains FROM ${h.store.sqlTable('sys_user_role_contains')}`)) {
        const from = names.get(r.role)
        const to = names.get(r.contains)
        if (from && to) direct.set(from, [...(direct.get(from) ?? []), to])
    }
    const map = new Map<string, Set<string>>()
    for (const role of names.values()) {
        const seen = new Set<string>([role])
        const stack = [role]
        while (stack.length) for (const c of direct.get(stack.pop()!) ?? []) if (!seen.has(c)) seen.add(c), stack.push(c)
        map.set(role, seen)
    }
    h.cache.set('containment', { key, map })
    return map
}

/** Every role the user has, directly, through containment or inherited rows. */
export function userRoles(userSysId: string): Set<string> {
    const store = host().store
    const rows = store.all<{ name: string }>(
        `SELECT r.name AS name FROM ${store.sqlTable('sys_user_has_role')} h JOIN ${store.sqlTable('sys_user_role')} r ON r.sys_id = h.role WHERE h.user = ?`,
        [userSysId],
    )
    const contains = containment()
    const roles = new Set<string>()
    for (const { name } of rows) for (const r of contains.get(name) ?? [name]) roles.add(r)
    return roles
}

function hasRoleFor(userSysId: string | null, role: string): boolean {
    if (userSysId === null) return true
    const roles = userRoles(userSysId)
    if (roles.has('admin')) return true
    return role.split(',').some((r) => roles.has(r.trim()))
}

export interface ScopedUser {
    getID(): string
    getName(): string
    getUserName(): string
    getFirstName(): string
    getLastName(): string
    getFullName(): string
    getDisplayName(): string
    getEmail(): string
    hasRole(role: string): boolean
    getRoles(): string[]
    isMemberOf(group: string): boolean
}

function scopedUser(): ScopedUser {
    const user = host().currentUser()
    const record = user ? (one('sys_user', 'sys_id', user.sysId) ?? {}) : {}
    const field = (f: string): string => record[f] ?? ''
    return {
        getID: () => user?.sysId ?? 'system',
        getName: () => user?.userName ?? 'system',
        getUserName: () => user?.userName ?? 'system',
        getFirstName: () => field('first_name'),
        getLastName: () => field('last_name'),
        getFullName: () => field('name'),
        getDisplayName: () => field('name') || (user?.userName ?? 'system'),
        getEmail: () => field('email'),
        hasRole: (role) => hasRoleFor(user?.sysId ?? null, role),
        getRoles: () => (user ? [...userRoles(user.sysId)] : []),
        isMemberOf: (group) => {
            if (!user) return false
            const g = one('sys_user_group', 'sys_id', group) ?? one('sys_user_group', 'name', group)
            if (!g) return false
            return host().store.all(`SELECT 1 AS x FROM ${host().store.sqlTable('sys_user_grmember')} WHERE "user" = ? AND "group" = ?`, [user.sysId, g.sys_id]).length > 0
        },
    }
}

interface ValueHolder {
    getValue(): string | null
}

export const gs = {
    getProperty(name: string, alt?: unknown): any {
        const h = host()
        const key = `properties:${h.store.version('sys_properties')}`
        let cached = h.cache.get('properties') as { key: string; map: Map<string, string | null> } | undefined
        if (cached?.key !== key) {
            const rows = h.store.all<{ name: string; value: string | null }>(`SELECT name, value FROM "sys_properties"`)
            cached = { key, map: new Map(rows.map((r) => [r.name, r.value])) }
            h.cache.set('properties', cached)
        }
        if (!cached.map.has(name)) return alt === undefined ? null : alt
        const value = cached.map.get(name)
        return value === null || value === undefined ? (alt === undefined ? '' : alt) : value
    },

    setProperty(name: string, value: unknown, description?: string): void {
        const h = host()
        const existing = one('sys_properties', 'name', name)
        const v = value === null || value === undefined || value === '' ? null : String(value)
        const by = h.currentUser()?.userName ?? 'system'
        if (existing) h.store.update('sys_properties', existing.sys_id!, { value: v, ...(description ? { description } : {}) }, by, existing)
        else h.store.insert('sys_properties', { name, value: v, type: 'string', description: description ?? null }, by)
    },

    getUserID(): string {
        return host().currentUser()?.sysId ?? 'system'
    },

    getUserName(): string {
        return host().currentUser()?.userName ?? 'system'
    },

    getUserDisplayName(): string {
        return scopedUser().getDisplayName()
    },

    getUser(): ScopedUser {
        return scopedUser()
    },

    hasRole(role: string): boolean {
        return hasRoleFor(host().currentUser()?.sysId ?? null, role)
    },

    info(message: unknown, ...params: unknown[]): void {
        writeLog('info', message, ...params)
    },

    warn(message: unknown, ...params: unknown[]): void {
        writeLog('warn', message, ...params)
    },

    error(message: unknown, ...params: unknown[]): void {
        writeLog('error', message, ...params)
    },

    debug(message: unknown, ...params: unknown[]): void {
        writeLog('debug', message, ...params)
    },

    /** True for null, undefined, '' and an empty GlideElement. */
    nil(value: unknown): boolean {
        if (value === null || value === undefined || value === '') return true
        if (typeof value === 'object' && typeof (value as ValueHolder).getValue === 'function') {
            const v = (value as ValueHolder).getValue()
            return v === null || v === ''
        }
        return false
    },

    generateGUID(): string {
        return newSysId()
    },

    getCurrentScopeName(): string {
        return host().scope
    },

    getCallerScopeName(): string {
        return host().scope
    },

    tableExists(table: string): boolean {
        return host().store.hasTable(table)
    },

    addErrorMessage(message: unknown): void {
        host().session.errorMessages.push(String(message))
    },

    addInfoMessage(message: unknown): void {
        host().session.infoMessages.push(String(message))
    },

    eventQueue(name: string, record?: { getTableName(): string; getUniqueValue(): string } | null, parm1?: unknown, parm2?: unknown): void {
        host().session.events.push({ name, table: record?.getTableName() ?? null, sysId: record?.getUniqueValue() ?? null, parm1: parm1 ?? null, parm2: parm2 ?? null })
    },

    nowDateTime(): string {
        return new GlideDateTime().getDisplayValue()
    },

    getMessage(key: string, args?: unknown | unknown[]): string {
        return format(key, Array.isArray(args) ? args : args === undefined ? [] : [args])
    },

    isInteractive(): boolean {
        return false
    },

    isLoggedIn(): boolean {
        return host().currentUser() !== null
    },
}
