/**
 * Data migrations for a database an earlier version of the local instance created (`npm start` keeps one in
 * .data/instance.db). The runtime runs them after loading the built app. Each runs in one transaction and only
 * touches rows that still need it, so on a new database, or on a second start, it changes nothing.
 *
 *   migrate(store, log = console.log) → string[]     what was changed, as logged
 *
 * Earlier versions seeded every platform table's Application Access as "everything allowed"; rows still carrying
 * that seed now follow the SDK's definitions (baseline.ts tableRecord), and sys_db_object's dictionary defaults
 * where a definition is silent. A row an admin has set since is left as it is.
 *
 * Earlier versions also kept glide.servlet.uri as a sys_properties record of their own (with the port of their
 * last start); the platform computes it instead, so that record is deleted. One an admin wrote stays.
 */
import type { Store } from '../store/store.ts'
import { globalTableRecords, propertyRecord } from '../store/lookups.ts'
import { tableRecord } from './baseline.ts'
import { readPlatformSchema } from './platform-tables.ts'
import { normalizeBoolean } from '../util/booleans.ts'

const APPLICATION_ACCESS = ['access', 'caller_access', 'read_access', 'create_access', 'update_access', 'delete_access', 'ws_access'] as const

export function migrate(store: Store, log: (line: string) => void = console.log): string[] {
    return store.transaction(() => [applicationAccessFromDefinitions(store), computedServletUri(store)].filter((m): m is string => m !== null)).map((line) => {
        log(`local instance: ${line}`)
        return line
    })
}

const normalized = (v: string | null | undefined): string => normalizeBoolean(v ?? '')
/** What earlier versions seeded on every platform table: all four operations and web services allowed. */
const OLD_SEED = ['read_access', 'create_access', 'update_access', 'delete_access', 'ws_access'] as const

function applicationAccessFromDefinitions(store: Store): string | null {
    const stored = new Map(globalTableRecords(store).map((r) => [r.name, r]))
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

/** The description and writer earlier local instances gave their glide.servlet.uri record. */
const OLD_SERVLET_URI_RECORD = { description: 'The URL of this instance', sys_created_by: 'system' }

function computedServletUri(store: Store): string | null {
    const record = propertyRecord(store, 'glide.servlet.uri')
    if (!record) return null
    const row = store.getRow('sys_properties', record.sys_id)
    if (row?.description !== OLD_SERVLET_URI_RECORD.description || row.sys_created_by !== OLD_SERVLET_URI_RECORD.sys_created_by) return null
    store.delete('sys_properties', record.sys_id)
    return 'glide.servlet.uri is computed from the URL the instance serves: the record an earlier version kept is deleted'
}
