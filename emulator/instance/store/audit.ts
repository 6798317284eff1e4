/**
 * Field history as the platform audits it ("Viewing Sys Audit and Audit Relationship Change tables": it "tracks
 * inserts and updates to audited records"): each insert or update of an audited record adds one Sys Audit
 * [sys_audit] row per field it sets or changes: Table name (tablename), Field name (fieldname), Document key
 * (documentkey), User, Old value (empty on insert), New value, and the record's update count (record_checkpoint,
 * 0 on insert). The form's activity stream shows these changes (ui/activity.ts).
 *
 *   installAudit(store)                      defines sys_audit (the SDK ships no definition of it) and the write rule
 *   fieldChanges(store, sysId, fields?)      → the record's audited changes, oldest first
 *
 * Local choices (the docs leave them to each table's Audit setting): the task table and its extensions are
 * audited, every field but the system fields (sys_*) and journal fields, whose entries are sys_journal_field rows
 * (store/journal.ts); an insert audits the fields it gives a value; empty and unset count as the same value, so
 * a write that only turns one into the other adds no row.
 */
import type { Row, Store, TableDef, WriteContext } from './store.ts'

export const AUDIT_TABLE = 'sys_audit'
const AUDITED_ROOT = 'task'
const NOT_AUDITED_TYPES = new Set(['journal', 'journal_input', 'journal_list', 'password', 'password2'])

const AUDIT_DEF: TableDef = {
    name: AUDIT_TABLE,
    label: 'Sys Audit',
    columns: [
        { name: 'tablename', type: 'string', label: 'Table name', maxLength: 80 },
        { name: 'fieldname', type: 'string', label: 'Field name', maxLength: 80 },
        { name: 'documentkey', type: 'string', label: 'Document key', maxLength: 32 },
        { name: 'user', type: 'string', label: 'User', maxLength: 255 },
        { name: 'oldvalue', type: 'string', label: 'Old value', maxLength: 8000 },
        { name: 'newvalue', type: 'string', label: 'New value', maxLength: 8000 },
        { name: 'reason', type: 'string', label: 'Reason', maxLength: 255 },
        { name: 'record_checkpoint', type: 'integer', label: 'Record checkpoint' },
    ],
}

export interface FieldChange {
    field: string
    oldValue: string | null
    newValue: string | null
    user: string
    at: string
}

/** One sys_audit row per audited field the write sets (insert: previous null) or changes (update). */
function auditFields(store: Store, table: string, row: Row, previous: Row | null): void {
    const user = previous ? row.sys_updated_by : row.sys_created_by
    const audited: Row[] = []
    for (const [name, column] of store.columns(table)) {
        if (name.startsWith('sys_') || NOT_AUDITED_TYPES.has(column.type)) continue
        // Empty and unset are the same value to the user: going from one to the other changes nothing worth a row.
        const before = previous ? previous[name] || null : null
        const after = row[name] || null
        if (before === after) continue
        audited.push({ tablename: table, fieldname: name, documentkey: row.sys_id, user, oldvalue: before, newvalue: after, record_checkpoint: previous ? row.sys_mod_count : '0', sys_created_on: row.sys_updated_on })
    }
    // One statement per write, however many fields it audits.
    store.insertMany(AUDIT_TABLE, audited, user ?? 'system')
}

function recordFieldChanges({ table, op, row, previous, store }: WriteContext): void {
    if (op === 'update' && previous && store.isA(table, AUDITED_ROOT)) auditFields(store, table, row, previous)
}

export function installAudit(store: Store): void {
    store.defineTable(AUDIT_DEF)
    store.addWriteRule(recordFieldChanges)
    // An insert is audited once it is written, so a record the database refuses (a unique index) leaves no history.
    store.addChangeListener([AUDITED_ROOT], ({ table, op, row }) => {
        if (op === 'insert') auditFields(store, table, row, null)
    })
}

/** The record's audited field changes, oldest first (ties in the order they were written). */
export function fieldChanges(store: Store, sysId: string, fields?: string[]): FieldChange[] {
    const rows: Row[] = store.select(AUDIT_TABLE, { blocks: [[[{ field: 'documentkey', op: '=', value: sysId }]]], orderBy: [{ field: 'sys_created_on', desc: false }] })
    return rows
        .filter((row) => !fields || fields.includes(row.fieldname ?? ''))
        .map((row) => ({ field: row.fieldname ?? '', oldValue: row.oldvalue ?? null, newValue: row.newvalue ?? null, user: row.user ?? '', at: row.sys_created_on ?? '' }))
}
