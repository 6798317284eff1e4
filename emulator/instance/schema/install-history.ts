/**
 * The platform tables that record application installs and upgrades, which the SDK does not define
 * (hand-written, each citing its source), for the loader (loader.ts) to keep customer changes across upgrades.
 *
 *   defineInstallHistoryTables(store)   defines the three tables, their sys_db_object records and choices (idempotent)
 *   DISPOSITION                         sys_upgrade_history_log.disposition values
 *
 * Sources:
 *   sys_upgrade_history: "Upgrade History module" (Upgrade Center): From, To, Upgrade started, Upgrade finished,
 *     Changes skipped, Changes applied, Changes processed. Field names from public scripts querying the table
 *     (to_version, upgrade_finished). The same page notes the record once had Payload and Payload Hash fields;
 *     payload_hash is kept here (local choice) to tell an unchanged package from a rebuilt one of the same version.
 *   sys_upgrade_history_log ("Upgrade Details related list", "Upgrade details form", "Revert a customization"):
 *     File name, Disposition, Changed, Resolution, Comment, Target name, Type, Table, Payload; field names from
 *     public scripts (upgrade_history, file_name, disposition, changed, resolution_status, comments, payload).
 *   sys_update_version ("Revert a customization": versions with a source; public scripts query name,
 *     source_table, source, state current/history, payload, action).
 */
import type { ColumnDef, Store, TableDef } from '../store/store.ts'
import { stableSysId } from './baseline.ts'

/**
 * Dispositions the loader writes. Skipped = 4 and Reverted = 5 are the values public scripts use
 * (wsUpgradeAssistant); the others are documented by label only and numbered here as a local choice.
 */
export const DISPOSITION = { inserted: '1', updated: '2', deleted: '3', skipped: '4', unchanged: '7' } as const

const DISPOSITION_LABELS: Array<[string, string]> = [
    [DISPOSITION.inserted, 'Inserted'],
    [DISPOSITION.updated, 'Updated'],
    [DISPOSITION.deleted, 'Deleted'],
    [DISPOSITION.skipped, 'Skipped'],
    ['5', 'Reverted'],
    [DISPOSITION.unchanged, 'Unchanged'],
]

/** "Upgrade details form": Resolution. */
const RESOLUTION_LABELS: Array<[string, string]> = [
    ['not_reviewed', 'Not reviewed'],
    ['reviewed', 'Reviewed'],
    ['reviewed_merged', 'Reviewed and Merged'],
    ['reviewed_retained', 'Reviewed and Retained'],
    ['reviewed_reverted', 'Reviewed and Reverted'],
]

const column = (name: string, label: string, type = 'string', extra: Partial<ColumnDef> = {}): ColumnDef => ({ name, label, type, ...extra })

const TABLES: TableDef[] = [
    {
        name: 'sys_upgrade_history',
        label: 'Upgrade History',
        display: 'to_version',
        columns: [
            column('from_version', 'From'),
            column('to_version', 'To'),
            column('upgrade_started', 'Upgrade started', 'glide_date_time'),
            column('upgrade_finished', 'Upgrade finished', 'glide_date_time'),
            column('changes_skipped', 'Changes skipped', 'integer'),
            column('changes_applied', 'Changes applied', 'integer'),
            column('changes_processed', 'Changes processed', 'integer'),
            column('payload_hash', 'Payload Hash'),
        ],
    },
    {
        name: 'sys_upgrade_history_log',
        label: 'Upgrade Details',
        display: 'file_name',
        columns: [
            column('upgrade_history', 'Upgrade history', 'reference', { reference: 'sys_upgrade_history' }),
            column('file_name', 'File name'),
            column('disposition', 'Disposition', 'choice'),
            column('changed', 'Changed by vendor', 'boolean', { defaultValue: 'false' }),
            column('resolution_status', 'Resolution', 'choice'),
            column('comments', 'Comment', 'string', { maxLength: 4000 }),
            column('target_name', 'Target name'),
            column('type', 'Type'),
            column('table', 'Table', 'table_name'),
            column('payload', 'Payload', 'string', { maxLength: 65000 }),
        ],
    },
    {
        name: 'sys_update_version',
        label: 'Version',
        display: 'name',
        columns: [
            column('name', 'Name'),
            column('action', 'Action'),
            column('state', 'State', 'choice'),
            column('source_table', 'Source table', 'table_name'),
            column('source', 'Source'),
            column('application', 'Application', 'reference', { reference: 'sys_scope' }),
            column('record_name', 'Record name'),
            column('type', 'Type'),
            column('payload', 'Payload', 'string', { maxLength: 65000 }),
        ],
    },
]

export function defineInstallHistoryTables(store: Store): void {
    for (const def of TABLES) {
        store.defineTable(def)
        store.insertIfMissing('sys_db_object', { sys_id: stableSysId(`sys_db_object:${def.name}`), name: def.name, label: def.label ?? def.name, sys_scope: 'global' })
    }
    const choices: Array<[string, string, Array<[string, string]>]> = [
        ['sys_upgrade_history_log', 'disposition', DISPOSITION_LABELS],
        ['sys_upgrade_history_log', 'resolution_status', RESOLUTION_LABELS],
        ['sys_update_version', 'state', [['current', 'Current'], ['history', 'History'], ['previous', 'Previous']]],
    ]
    for (const [table, element, values] of choices) {
        values.forEach(([value, label], i) => {
            store.insertIfMissing('sys_choice', { sys_id: stableSysId(`sys_choice:${table}:${element}:${value}:en`), name: table, element, value, label, sequence: String((i + 1) * 10), language: 'en', inactive: 'false' })
        })
    }
}
