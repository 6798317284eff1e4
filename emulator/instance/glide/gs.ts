/**
 * gs (GlideSystem, scoped), over the active runtime.
 *
 *   getProperty(name, alt?) / setProperty(name, value, description?)       sys_properties (setProperty from an
 *                                                     app scope: only that scope's properties)
 *   getUserID() / getUserName() / getUserDisplayName() / getUser() / hasRole(role | 'a,b')
 *   info / warn / error / debug(message, ...params)   syslog rows (level 0 / 1 / 2 / -1), '{0}' substitution,
 *                                                     source = the app scope
 *   nil(value), generateGUID(), getCurrentScopeName(), tableExists(table)
 *   addErrorMessage / addInfoMessage                  kept on the session (the UI shows them after a form save)
 *   any other GlideSystem method the platform has     throws 'not emulated by the local instance: gs.<name>()'
 *
 * Outside runtime.runAs() code runs as the system user: user name 'system', every role (as scheduled jobs).
 * Roles come from the instance's one role engine (security/roles.ts); hasRole is also true for admin.
 */
import { notEmulated } from '../messages.ts'
import { elevatedRoleHeld, isElevatedRole, sessionRoles, userRoles } from '../security/roles.ts'
import { allProperties, isGroupMember, SYSLOG_LEVELS, writeSyslog } from '../store/lookups.ts'
import { newSysId, type Row } from '../store/store.ts'
import { platformMethods, refuseUnemulated } from './platform-apis.ts'
import { host } from './session.ts'


function format(message: unknown, params: unknown[]): string {
    const text = String(message)
    return params.length ? text.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < params.length ? String(params[Number(i)]) : m)) : text
}

/** Writes a syslog row as gs.info/warn/error do. Used by the Glide classes to log like the platform. */
export function writeLog(level: keyof typeof SYSLOG_LEVELS, message: unknown, ...params: unknown[]): void {
    const h = host()
    writeSyslog(h.store, level, format(message, params), h.scope, h.currentUser()?.userName ?? 'system')
}

function one(table: string, field: string, value: string): Row | undefined {
    return host().store.select(table, { blocks: [[[{ field, op: '=', value }]]], orderBy: [] }, { limit: 1 })[0]
}

/**
 * GlideSystem.hasRole: true when the user has any of the comma-separated roles, or has admin
 * ("Also returns true if the user has the administrator role", GlideSystem API reference), except for elevated
 * privilege roles, which the session holds only once elevated (security/roles.ts isElevatedRole). The system
 * user (no session user: scheduled jobs, seeding) passes every check: local choice.
 */
function hasRoleFor(userSysId: string | null, role: string): boolean {
    if (userSysId === null) return true
    const store = host().store
    const roles = userRoles(store, userSysId)
    return role.split(',').some((name) => {
        const r = name.trim()
        // Elevated roles (security_admin) are not held without elevation, admin or not ("Security_admin role").
        if (isElevatedRole(store, r)) return elevatedRoleHeld(store, roles, r)
        return roles.has('admin') || roles.has(r)
    })
}


export interface ScopedUser {
    getID(): string
    getName(): string
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
    const scoped: ScopedUser = {
        getID: () => user?.sysId ?? 'system',
        getName: () => user?.userName ?? 'system',
        getFirstName: () => field('first_name'),
        getLastName: () => field('last_name'),
        getFullName: () => field('name'),
        getDisplayName: () => field('name') || (user?.userName ?? 'system'),
        getEmail: () => field('email'),
        hasRole: (role) => hasRoleFor(user?.sysId ?? null, role),
        getRoles: () => (user ? [...sessionRoles(host().store, user.sysId)] : []),
        isMemberOf: (group) => {
            if (!user) return false
            const g = one('sys_user_group', 'sys_id', group) ?? one('sys_user_group', 'name', group)
            if (!g) return false
            return isGroupMember(host().store, user.sysId, g.sys_id!)
        },
    }
    refuseUnemulated(scoped, platformMethods('defaults', 'GlideUser'), 'GlideUser')
    return scoped
}

/** The application scope of a sys_properties record: its sys_scope (a sys_app sys_id, or 'global'). */
function propertyScope(property: Row): string {
    const scopeId = property.sys_scope
    if (!scopeId || scopeId === 'global') return 'global'
    return (host().store.hasTable('sys_app') ? one('sys_app', 'sys_id', scopeId)?.scope : undefined) ?? 'global'
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
            const rows = allProperties(h.store)
            cached = { key, map: new Map(rows.map((r) => [r.name, r.value])) }
            h.cache.set('properties', cached)
        }
        // glide.servlet.uri has no record: the platform computes it from the URL the instance serves.
        if (!cached.map.has(name)) return name === 'glide.servlet.uri' && h.instanceUrl ? h.instanceUrl : alt === undefined ? null : alt
        const value = cached.map.get(name)
        return value === null || value === undefined ? (alt === undefined ? '' : alt) : value
    },

    /**
     * "Sets the specified key to the specified value if the property is within the script's scope" (GlideSystem -
     * Scoped, setProperty): from an application scope, a property of another scope keeps its value. Global code
     * sets any property and may create one; creating a property from an application scope is not documented.
     */
    setProperty(name: string, value: unknown, description?: string): void {
        const h = host()
        const existing = one('sys_properties', 'name', name)
        const caller = h.callerScope()
        if (caller !== 'global') {
            if (!existing) notEmulated(`gs.setProperty() creating the property ${name} from the application scope ${caller}`)
            if (propertyScope(existing) !== caller) return
        }
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

    tableExists(table: string): boolean {
        return host().store.hasTable(table)
    },

    addErrorMessage(message: unknown): void {
        host().session.errorMessages.push(String(message))
    },

    addInfoMessage(message: unknown): void {
        host().session.infoMessages.push(String(message))
    },
}

refuseUnemulated(gs, platformMethods('defaults', 'gs'), 'gs')
