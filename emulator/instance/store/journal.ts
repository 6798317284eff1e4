/**
 * Journal fields as the platform stores them ("Journal field type"; GlideElement.getJournalEntry): a value set
 * on a journal or journal_input field (task.comments, task.work_notes) is not kept on the record. Each write
 * that sets one becomes a row of sys_journal_field (name = the record's class, element = the field, element_id
 * = the record's sys_id, value = the text), created by the writing user at the write's time, and the field
 * itself reads empty afterwards. The write itself moves the record's sys_updated_on, so a new comment is seen by
 * a query on sys_updated_on like any other update.
 *
 *   installJournal(store)          registers the write rule (every path: GlideRecord, Table API, forms)
 *   journalEntries(store, table, sysId, fields?) → the record's entries, oldest first
 *
 * Local choice (the docs do not say): an entry is written when the record's write rules run, just before the
 * record's own row, so a write the database then refuses (a unique index) leaves its entry behind.
 */
import type { Row, Store, WriteContext } from './store.ts'

export const JOURNAL_TABLE = 'sys_journal_field'
const JOURNAL_TYPES = new Set(['journal', 'journal_input'])

export interface JournalEntry {
    sysId: string
    element: string
    value: string
    createdOn: string
    createdBy: string
}

function journalColumns(store: Store, table: string): string[] {
    const names: string[] = []
    for (const [name, column] of store.columns(table)) if (JOURNAL_TYPES.has(column.type)) names.push(name)
    return names
}

function recordJournalEntries({ table, row, store }: WriteContext): void {
    if (table === JOURNAL_TABLE) return
    for (const element of journalColumns(store, table)) {
        const value = row[element]
        if (value === null || value === undefined || value === '') continue
        // The writer and time of the record's write: sys_updated_by/on are set before the write rules run.
        const by = row.sys_updated_by ?? 'system'
        store.insert(JOURNAL_TABLE, { name: table, element, element_id: row.sys_id, value, sys_created_on: row.sys_updated_on, sys_updated_on: row.sys_updated_on }, by)
        row[element] = null
    }
}

export function installJournal(store: Store): void {
    store.addWriteRule(recordJournalEntries)
}

/** The record's journal entries, oldest first (ties in the order they were written). */
export function journalEntries(store: Store, table: string, sysId: string, fields?: string[]): JournalEntry[] {
    const rows: Row[] = store.select(JOURNAL_TABLE, { blocks: [[[{ field: 'element_id', op: '=', value: sysId }]]], orderBy: [{ field: 'sys_created_on', desc: false }] })
    return rows
        .filter((row) => store.isA(row.name ?? '', table))
        .filter((row) => !fields || fields.includes(row.element ?? ''))
        .map((row) => ({ sysId: row.sys_id!, element: row.element ?? '', value: row.value ?? '', createdOn: row.sys_created_on ?? '', createdBy: row.sys_created_by ?? '' }))
}
