// Conformance of journal fields ("Journal field type"; GlideElement.getJournalEntry): a value set on comments or
// work_notes becomes a sys_journal_field row (name, element, element_id, value, created by the writer), the
// field reads empty afterwards, and the record's sys_updated_on moves, on every write path. And the field history
// of audited records ("Viewing Sys Audit and Audit Relationship Change tables"): one sys_audit row per changed field.
import { GlideRecord } from '../../emulator/instance/glide/index.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'
import { fieldChanges } from '../../emulator/instance/store/audit.ts'
import { journalEntries } from '../../emulator/instance/store/journal.ts'
import { everyRow } from '../support/api-paths.ts'

let runtime: Runtime
beforeEach(() => {
    runtime = createRuntime().activate()
})
afterEach(() => {
    runtime.close()
})

function newIncident(): GlideRecord {
    const gr = new GlideRecord('incident')
    gr.initialize()
    gr.setValue('short_description', 'journal')
    gr.insert()
    return gr
}

describe('journal fields', () => {
    it('an update setting comments writes one sys_journal_field row and leaves the field empty', () => {
        const gr = newIncident()
        const before = gr.getValue('sys_updated_on')
        gr.setValue('comments', 'First comment\nsecond line')
        gr.update()
        expect(gr.getValue('comments')).toBeNull()
        const reread = new GlideRecord('incident')
        reread.get(gr.getUniqueValue())
        expect(reread.getValue('comments')).toBeNull()
        expect(Number(reread.getValue('sys_mod_count'))).toBe(1)
        expect(reread.getValue('sys_updated_on')! >= before!).toBe(true)
        const entry = new GlideRecord('sys_journal_field')
        entry.addQuery('element_id', gr.getUniqueValue())
        entry.query()
        expect(entry.next()).toBe(true)
        expect(entry.getValue('name')).toBe('incident')
        expect(entry.getValue('element')).toBe('comments')
        expect(entry.getValue('value')).toBe('First comment\nsecond line')
        expect(entry.getValue('sys_created_by')).toBe('system')
        expect(entry.getValue('sys_created_on')).toBe(reread.getValue('sys_updated_on'))
        expect(entry.next()).toBe(false)
    })

    it('comments and work notes are separate elements, kept oldest first; an insert with a comment journals it too', () => {
        const gr = new GlideRecord('incident')
        gr.initialize()
        gr.setValue('short_description', 'journal on insert')
        gr.setValue('comments', 'on insert')
        gr.insert()
        gr.setValue('work_notes', 'internal')
        gr.update()
        gr.setValue('comments', 'later')
        gr.update()
        const entries = journalEntries(runtime.store, 'incident', gr.getUniqueValue())
        expect(entries.map((e) => [e.element, e.value])).toEqual([
            ['comments', 'on insert'],
            ['work_notes', 'internal'],
            ['comments', 'later'],
        ])
        expect(journalEntries(runtime.store, 'incident', gr.getUniqueValue(), ['work_notes']).map((e) => e.value)).toEqual(['internal'])
    })

    it('an update not touching a journal field writes no entry', () => {
        const gr = newIncident()
        gr.setValue('short_description', 'renamed')
        gr.update()
        expect(journalEntries(runtime.store, 'incident', gr.getUniqueValue())).toEqual([])
    })

    it('the store write path (Table API, forms) journals too, as the writing user', () => {
        const gr = newIncident()
        runtime.store.update('incident', gr.getUniqueValue(), { comments: 'from the form' }, 'itil.user')
        const [entry] = journalEntries(runtime.store, 'incident', gr.getUniqueValue())
        expect(entry).toMatchObject({ element: 'comments', value: 'from the form', createdBy: 'itil.user' })
        expect(runtime.store.getRow('incident', gr.getUniqueValue())!.comments).toBeNull()
    })
})

describe('field history (sys_audit)', () => {
    it('an update of a task record adds one sys_audit row per changed field, by the writer, with the update count', () => {
        const gr = newIncident()
        runtime.store.update('incident', gr.getUniqueValue(), { state: '2', comments: 'journaled, not audited' }, 'itil.user')
        const changes = fieldChanges(runtime.store, gr.getUniqueValue())
        expect(changes.map((c) => [c.field, c.oldValue, c.newValue, c.user])).toEqual(
            expect.arrayContaining([
                ['state', '1', '2', 'itil.user'],
                ['incident_state', '1', '2', 'itil.user'],
            ]),
        )
        expect(changes.map((c) => c.field)).not.toContain('comments')
        const [row] = runtime.store.select('sys_audit', { blocks: [[[{ field: 'fieldname', op: '=', value: 'state' }], [{ field: 'record_checkpoint', op: '=', value: '1' }]]], orderBy: [] })
        expect(row).toMatchObject({ tablename: 'incident', documentkey: gr.getUniqueValue(), oldvalue: '1', newvalue: '2', user: 'itil.user', record_checkpoint: '1' })
        expect(fieldChanges(runtime.store, gr.getUniqueValue(), ['comments'])).toEqual([])
    })

    // "Viewing Sys Audit and Audit Relationship Change tables": the table "tracks inserts and updates to audited records".
    it('an insert of a task record audits each field it gives a value, with no old value and checkpoint 0; tables outside task are not audited', () => {
        runtime.createUser({ user_name: 'audit.writer', roles: [] })
        const before = runtime.store.count('sys_audit', everyRow())
        const gr = runtime.runAs('audit.writer', () => newIncident())
        const rows = runtime.store.select('sys_audit', { blocks: [[[{ field: 'documentkey', op: '=', value: gr.getUniqueValue() }]]], orderBy: [] })
        expect(rows.find((r) => r.fieldname === 'short_description')).toMatchObject({ tablename: 'incident', oldvalue: null, newvalue: 'journal', user: 'audit.writer', record_checkpoint: '0' })
        expect(rows.find((r) => r.fieldname === 'state')).toMatchObject({ oldvalue: null, newvalue: '1', record_checkpoint: '0' })
        expect(rows.every((r) => r.newvalue !== null && !r.fieldname!.startsWith('sys_'))).toBe(true)
        expect(rows.map((r) => r.fieldname)).not.toContain('comments')
        const afterIncident = runtime.store.count('sys_audit', everyRow())
        expect(afterIncident - before).toBe(rows.length)
        runtime.createUser({ user_name: 'audited.not', roles: [] })
        expect(runtime.store.count('sys_audit', everyRow())).toBe(afterIncident)
    })
})
