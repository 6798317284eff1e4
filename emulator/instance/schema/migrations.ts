/**
 * Data migrations for a database an earlier version of the local instance created (`npm start` keeps one in
 * .data/instance.db). The runtime runs them after loading the built app. Each runs in one transaction and only
 * touches rows that still need it, so on a new database, or on a second start, it changes nothing.
 *
 *   migrate(store, log = console.log) → string[]     what was changed, as logged
 *
 *   1. The app's ticket classes kept the Microsoft 365 user in a `requested_by` column of their own, which
 *      redefined change_request.requested_by (a sys_user reference). The user now lives in m365_requested_by:
 *      a requested_by value that is not a sys_user sys_id moves there when m365_requested_by is empty.
 *   2. Earlier versions seeded every platform table's Application Access as "everything allowed"; rows still
 *      carrying that seed now follow the SDK's definitions (baseline.ts tableRecord), and sys_db_object's
 *      dictionary defaults where a definition is silent. A row an admin has set since is left as it is.
 */
import type { Store } from '../store/store.ts'
import { tableRecord } from './baseline.ts'
import { readPlatformSchema } from './platform-tables.ts'
import { normalizeBoolean } from '../util/booleans.ts'

/** The app's ticket tables (fluent/tables), which extend change_request and incident. */
const APP_TICKET_CLASSES = ['x_mioms_m365ticket_change_request', 'x_mioms_m365ticket_incident']
const APPLICATION_ACCESS = ['access', 'caller_access', 'read_access', 'create_access', 'update_access', 'delete_access', 'ws_access'] as const

export function migrate(store: Store, log: (line: string) => void = console.log): string[] {
    return store.transaction(() => [moveRequestedByToM365(store), applicationAccessFromDefinitions(store)].filter((m): m is string => m !== null)).map((line) => {
        log(`local instance: ${line}`)
        return line
    })
}

function moveRequestedByToM365(store: Store): string | null {
    const classes = APP_TICKET_CLASSES.filter((c) => store.hasTable(c) && store.column(c, 'm365_requested_by'))
    if (!classes.length) return null
    // The old column may now belong to no class of the row (incident has no requested_by): look at the SQL table.
    const sqlColumns = store.all<{ name: string }>(`SELECT name FROM pragma_table_info(?)`, [store.table(classes[0])!.root]).map((c) => c.name)
    if (!sqlColumns.includes('requested_by')) return null
    const placeholders = classes.map(() => '?').join(', ')
    const moved = store.run(
        `UPDATE ${store.sqlTable(classes[0])} SET m365_requested_by = requested_by, requested_by = NULL
         WHERE sys_class_name IN (${placeholders}) AND requested_by IS NOT NULL AND requested_by != ''
           AND (m365_requested_by IS NULL OR m365_requested_by = '')
           AND requested_by NOT IN (SELECT sys_id FROM ${store.sqlTable('sys_user')})`,
        classes,
    ).changes
    return moved ? `moved the Microsoft 365 user of ${moved} ticket(s) from requested_by to m365_requested_by (${classes.join(', ')})` : null
}

const normalized = (v: string | null | undefined): string => normalizeBoolean(v ?? '')
/** What earlier versions seeded on every platform table: all four operations and web services allowed. */
const OLD_SEED = ['read_access', 'create_access', 'update_access', 'delete_access', 'ws_access'] as const

function applicationAccessFromDefinitions(store: Store): string | null {
    const stored = new Map(store.all<Record<string, string | null>>(`SELECT * FROM ${store.sqlTable('sys_db_object')} WHERE sys_scope = 'global'`).map((r) => [r.name, r]))
    const changed: string[] = []
    // What a definition leaves out takes sys_db_object's dictionary default, as on a new record.
    const defaults = store.defaults('sys_db_object')
    for (const table of readPlatformSchema().tables) {
        const row = stored.get(table.name)
        // Only rows still carrying the old seed (every operation allowed): a customer's own setting stays.
        if (!row?.sys_id || !OLD_SEED.every((field) => normalized(row[field]) === '1') || row.access !== 'public') continue
        const expected = { ...defaults, ...tableRecord(table) }
        const changes: Record<string, string | null> = {}
        for (const field of APPLICATION_ACCESS) if (normalized(row[field]) !== normalized(expected[field])) changes[field] = expected[field] ?? null
        if (!Object.keys(changes).length) continue
        const result = store.update('sys_db_object', row.sys_id, changes, 'system')
        if (result.error !== undefined) throw new Error(`Migrating sys_db_object ${table.name}: ${result.error}`)
        changed.push(table.name)
    }
    return changed.length ? `Application Access of ${changed.length} platform table(s) set as the SDK definitions give it (${changed.slice(0, 5).join(', ')}${changed.length > 5 ? ', ...' : ''})` : null
}
