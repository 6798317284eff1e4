/**
 * Named reads and writes of the platform's own records, for the instance's layers above the store: SQL stays
 * inside store/, and a layer asks for "the property's value" or "the user by name", never for a statement.
 * Lookups compare as the store's columns do (COLLATE NOCASE, as the platform's database).
 *
 *   propertyValue(store, name) → string | null            sys_properties.value; null when the property is missing
 *   propertyRecord(store, name) → { sys_id, value } | undefined
 *   userByIdOrName(store, idOrName) → Row | undefined     sys_user by sys_id or user_name
 *   roleIdByName(store, name) → string | undefined        sys_user_role.sys_id
 *   elevatedRoleNames(store) → Set<name>                   roles marked elevated_privilege
 *   roleNamesById(store) → Map<sys_id, name>                every sys_user_role
 *   grantedRoleIds(store, userSysId) → string[]           the user's sys_user_has_role rows' roles (direct and inherited)
 *   aclsNamedAny(store, names, operation) → Row[]         sys_security_acl records of any of the names
 *   aclRoleRows(store, aclSysId) → { name, role }[]       an ACL's sys_security_acl_role rows with the role's name (null when missing)
 *   appByScope(store, scope) → Row | undefined            sys_app by its scope
 *   restrictedCallerRecords(store, source, target, operation) → Row[]   sys_restricted_caller_access
 *   oauthClientByClientId(store, clientId) → Row | undefined             oauth_entity
 *   currentCredential(store, type, clientSysId, userSysId, now) → Row | undefined   the unexpired oauth_credential lasting longest
 *   credentialByToken(store, token, type) → Row | undefined             matched exactly (binary)
 *   deleteDigestCredentials(store)                       oauth_credential rows holding a 64-hex-digit digest instead of a token
 *   userByName(store, userName) → Row | undefined
 *   isGroupMember(store, userSysId, groupSysId) → boolean
 *   allProperties(store) → { name, value }[]
 *   choiceRows(store, table, field) → { value, label }[]  active English sys_choice rows of one table, in sequence
 *   uiPageByEndpoint(store, endpoint) → Row | undefined    by endpoint, else by name (`<name>.do`) without one
 *   acls(store, name, operation) → Row[]                   sys_security_acl records of one name and operation
 *   tableRecord(store, table) → Row | undefined           the table's sys_db_object record
 *   globalTableRecords(store) → Row[]                     sys_db_object records of the global scope
 *   rawRow(store, table, sysId) → Row | undefined          a row as stored, whatever its class
 *   latestInstall(store, scope) → Row | undefined          the install of the scope written last (sys_upgrade_history)
 *   currentVersions(store, appSysId) → Row[]               current sys_update_version rows an install wrote
 *   insertRaw(store, table, row)                          one prepared INSERT, without defaults, write rules or numbering
 *   allRows(store, table) / replaceRows(store, table, rows)   a hierarchy root's rows, read or put back whole
 *   savepoint(store, name) / rollbackToSavepoint(store, name)  SQLite savepoints (the ATF runner's rollback)
 *   writeSyslog(store, level, message, source, by)        a syslog row at gs.info/warn/error's levels
 */
import type { Row, Store } from './store.ts'

export function propertyRecord(store: Store, name: string): { sys_id: string; value: string | null } | undefined {
    return store.get<{ sys_id: string; value: string | null }>(`SELECT sys_id, value FROM ${store.sqlTable('sys_properties')} WHERE name = ? LIMIT 1`, [name])
}

export function propertyValue(store: Store, name: string): string | null {
    return propertyRecord(store, name)?.value ?? null
}

export function allProperties(store: Store): { name: string; value: string | null }[] {
    return store.all<{ name: string; value: string | null }>(`SELECT name, value FROM ${store.sqlTable('sys_properties')}`)
}

export function userByIdOrName(store: Store, idOrName: string): Row | undefined {
    return store.get(`SELECT * FROM ${store.sqlTable('sys_user')} WHERE sys_id = ? OR user_name = ? LIMIT 1`, [idOrName, idOrName])
}

export function roleIdByName(store: Store, name: string): string | undefined {
    return store.get(`SELECT sys_id FROM ${store.sqlTable('sys_user_role')} WHERE name = ? LIMIT 1`, [name])?.sys_id ?? undefined
}

export function isGroupMember(store: Store, userSysId: string, groupSysId: string): boolean {
    return store.get(`SELECT 1 AS x FROM ${store.sqlTable('sys_user_grmember')} WHERE "user" = ? AND "group" = ? LIMIT 1`, [userSysId, groupSysId]) !== undefined
}

export function choiceRows(store: Store, table: string, field: string): { value: string; label: string | null }[] {
    return store.all<{ value: string; label: string | null }>(
        `SELECT value, label FROM ${store.sqlTable('sys_choice')} WHERE name = ? AND element = ? AND (language IS NULL OR language = 'en') AND (inactive IS NULL OR inactive != '1') ORDER BY CAST(sequence AS REAL)`,
        [table, field],
    )
}

export function uiPageByEndpoint(store: Store, endpoint: string): Row | undefined {
    return (
        store.get(`SELECT * FROM ${store.sqlTable('sys_ui_page')} WHERE endpoint = ? LIMIT 1`, [endpoint]) ??
        store.get(`SELECT * FROM ${store.sqlTable('sys_ui_page')} WHERE name = ? AND (endpoint IS NULL OR endpoint = '') LIMIT 1`, [endpoint.replace(/\.do$/, '')])
    )
}

export function acls(store: Store, name: string, operation: string): Row[] {
    return store.all(`SELECT * FROM ${store.sqlTable('sys_security_acl')} WHERE name = ? AND operation = ?`, [name, operation])
}

export function tableRecord(store: Store, table: string): Row | undefined {
    return store.get(`SELECT * FROM ${store.sqlTable('sys_db_object')} WHERE name = ? LIMIT 1`, [table])
}

export function globalTableRecords(store: Store): Row[] {
    return store.all(`SELECT * FROM ${store.sqlTable('sys_db_object')} WHERE sys_scope = 'global'`)
}

export function rawRow(store: Store, table: string, sysId: string): Row | undefined {
    if (!store.hasTable(table)) return undefined
    return store.get(`SELECT * FROM ${store.sqlTable(table)} WHERE sys_id = ?`, [sysId])
}

export function latestInstall(store: Store, scope: string): Row | undefined {
    // Times have second resolution, so installs in the same second go by write order.
    return store.get(`SELECT * FROM ${store.sqlTable('sys_upgrade_history')} WHERE to_version LIKE ? ORDER BY upgrade_finished DESC, sys_created_on DESC, rowid DESC LIMIT 1`, [`${scope}:%`])
}

export function currentVersions(store: Store, appSysId: string): Row[] {
    return store.all(`SELECT sys_id, name, payload FROM ${store.sqlTable('sys_update_version')} WHERE application = ? AND state = 'current' AND source_table = 'sys_upgrade_history'`, [appSysId])
}

const quoted = (columns: string[]): string => columns.map((c) => `"${c}"`).join(', ')

export function insertRaw(store: Store, table: string, row: Row): void {
    const columns = Object.keys(row)
    store.run(`INSERT INTO ${store.sqlTable(table)} (${quoted(columns)}) VALUES (${columns.map(() => '?').join(', ')})`, columns.map((c) => row[c]))
}

export function allRows(store: Store, table: string): Row[] {
    return store.all(`SELECT * FROM ${store.sqlTable(table)}`)
}

export function replaceRows(store: Store, table: string, rows: Row[]): void {
    store.run(`DELETE FROM ${store.sqlTable(table)}`)
    for (const row of rows) insertRaw(store, table, row)
}

export function savepoint(store: Store, name: string): void {
    store.run(`SAVEPOINT ${name}`)
}

export function rollbackToSavepoint(store: Store, name: string): void {
    store.run(`ROLLBACK TO ${name}`)
    store.run(`RELEASE ${name}`)
}

/** syslog.level as gs.debug / info / warn / error write it. */
export const SYSLOG_LEVELS = { debug: '-1', info: '0', warn: '1', error: '2' } as const

export function writeSyslog(store: Store, level: keyof typeof SYSLOG_LEVELS, message: string, source: string, by: string): void {
    store.insert('syslog', { level: SYSLOG_LEVELS[level], message, source }, by)
}

export function userByName(store: Store, userName: string): Row | undefined {
    return store.get(`SELECT * FROM ${store.sqlTable('sys_user')} WHERE user_name = ? LIMIT 1`, [userName])
}

export function elevatedRoleNames(store: Store): Set<string> {
    return new Set(store.all<{ name: string }>(`SELECT name FROM ${store.sqlTable('sys_user_role')} WHERE elevated_privilege = '1'`).map((r) => r.name))
}

export function roleNamesById(store: Store): Map<string, string> {
    return new Map(store.all<{ sys_id: string; name: string }>(`SELECT sys_id, name FROM ${store.sqlTable('sys_user_role')}`).map((r) => [r.sys_id, r.name]))
}

export function grantedRoleIds(store: Store, userSysId: string): string[] {
    return store.all<{ role: string }>(`SELECT role FROM ${store.sqlTable('sys_user_has_role')} WHERE "user" = ?`, [userSysId]).map((r) => r.role)
}

export function aclsNamedAny(store: Store, names: string[], operation: string): Row[] {
    if (names.length === 0) return []
    return store.all(`SELECT * FROM ${store.sqlTable('sys_security_acl')} WHERE name IN (${names.map(() => '?').join(', ')}) AND operation = ?`, [...names, operation])
}

export function aclRoleRows(store: Store, aclSysId: string): { name: string | null; role: string | null }[] {
    return store.all<{ name: string | null; role: string | null }>(
        `SELECT r.name AS name, ar.sys_user_role AS role FROM ${store.sqlTable('sys_security_acl_role')} ar LEFT JOIN ${store.sqlTable('sys_user_role')} r ON r.sys_id = ar.sys_user_role WHERE ar.sys_security_acl = ?`,
        [aclSysId],
    )
}

export function appByScope(store: Store, scope: string): Row | undefined {
    return store.hasTable('sys_app') ? store.get(`SELECT * FROM ${store.sqlTable('sys_app')} WHERE scope = ? LIMIT 1`, [scope]) : undefined
}

export function restrictedCallerRecords(store: Store, source: string, target: string, operation: string): Row[] {
    return store.all(`SELECT * FROM ${store.sqlTable('sys_restricted_caller_access')} WHERE source_scope = ? AND target_scope = ? AND operation = ?`, [source, target, operation])
}

export function oauthClientByClientId(store: Store, clientId: string): Row | undefined {
    return store.get(`SELECT * FROM ${store.sqlTable('oauth_entity')} WHERE client_id = ? LIMIT 1`, [clientId])
}

export function currentCredential(store: Store, type: string, clientSysId: string, userSysId: string, now: string): Row | undefined {
    return store.get(`SELECT * FROM ${store.sqlTable('oauth_credential')} WHERE type = ? AND peer = ? AND user = ? AND expires > ? ORDER BY expires DESC LIMIT 1`, [type, clientSysId, userSysId, now])
}

export function credentialByToken(store: Store, token: string, type: string): Row | undefined {
    // BINARY: a token is matched exactly, whatever collation the store gives text columns.
    return store.get(`SELECT * FROM ${store.sqlTable('oauth_credential')} WHERE token = ? COLLATE BINARY AND type = ? LIMIT 1`, [token, type])
}

export function deleteDigestCredentials(store: Store): void {
    store.run(`DELETE FROM ${store.sqlTable('oauth_credential')} WHERE length(token) = 64 AND token NOT GLOB '*[^0-9a-f]*'`)
}
