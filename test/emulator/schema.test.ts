// Conformance of the instance's schema with ServiceNow's own table definitions: the SDK's Fluent definitions of
// the out-of-box tables (node_modules/@servicenow/sdk-core/src/fluent/tables/<table>.now.ts) as the SDK build
// maps them to dictionary, sys_db_object and sys_number records (@servicenow/sdk-build-plugins dist/table-plugin.js,
// dist/column-plugin.js), and the dictionary's refusal of a column a parent already defines.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'
import { installBaseline } from '../../emulator/instance/schema/baseline.ts'
import { loadApp } from '../../emulator/instance/schema/loader.ts'
import { readPlatformSchema } from '../../emulator/instance/schema/platform-tables.ts'
import { type Row, Store } from '../../emulator/instance/store/store.ts'

let runtime: Runtime
beforeAll(() => {
    runtime = createRuntime()
})
afterAll(() => runtime.close())

const store = (): Store => runtime.store
const dbObject = (name: string): Row => store().get(`SELECT * FROM ${store().sqlTable('sys_db_object')} WHERE name = ?`, [name])!

describe('tables and columns from the SDK definitions', () => {
    // change_request.now.ts: requested_by: ReferenceColumn({ referenceTable: 'sys_user', default: 'javascript:gs.getUserID()' })
    it('change_request.requested_by is a reference to sys_user whose default is the creating user (a script, not text)', () => {
        const column = store().column('change_request', 'requested_by')
        expect(column).toMatchObject({ type: 'reference', reference: 'sys_user', defaultScript: 'javascript:gs.getUserID()' })
        expect(column?.defaultValue).toBeUndefined()
    })
    // task.now.ts: opened_by: ReferenceColumn({ referenceTable: 'sys_user', default: 'javascript:gs.getUserID()' })
    it('task.opened_by exists, references sys_user and defaults to the creating user', () => {
        expect(store().column('task', 'opened_by')).toMatchObject({ type: 'reference', reference: 'sys_user', defaultScript: 'javascript:gs.getUserID()' })
        expect(store().column('incident', 'opened_by')).toBe(store().column('task', 'opened_by'))
    })
    // incident.now.ts / change_request.now.ts: extends: 'task'
    it('incident and change_request extend task and share its SQL table (the task hierarchy is flattened)', () => {
        expect(store().isA('incident', 'task')).toBe(true)
        expect(store().isA('change_request', 'task')).toBe(true)
        expect(store().sqlTable('incident')).toBe(store().sqlTable('task'))
        expect(store().sqlTable('change_request')).toBe(store().sqlTable('task'))
    })
    // task.now.ts: priority default '4', impact '3', urgency '3', state '1', active 'true'; description maxLength 4000.
    it("task's defaults and max lengths are the definition's", () => {
        expect(store().column('task', 'priority')).toMatchObject({ type: 'integer', defaultValue: '4' })
        expect(store().column('task', 'impact')?.defaultValue).toBe('3')
        expect(store().column('task', 'state')?.defaultValue).toBe('1')
        expect(store().column('task', 'description')?.maxLength).toBe(4000)
        expect(store().displayField('task')).toBe('number')
    })
    // change_request.now.ts: type default 'javascript:ChangeModel.getDefaultTypeValue();'
    it('no column stores a javascript: default as text; each keeps it as its defaultScript', () => {
        for (const table of store().tableNames()) {
            for (const column of store().columns(table).values()) expect(column.defaultValue ?? '').not.toMatch(/^javascript:/)
        }
        expect(store().column('change_request', 'type')?.defaultScript).toBe('javascript:ChangeModel.getDefaultTypeValue();')
    })
    it('every table of the snapshot is an instance table, except sys_metadata, whose extensions carry its columns', () => {
        const missing = readPlatformSchema().tables.map((t) => t.name).filter((name) => !store().hasTable(name))
        expect(missing).toEqual(['sys_metadata'])
        // sys_metadata.now.ts: sys_scope: ReferenceColumn({ referenceTable: 'sys_scope' }); sys_db_object extends sys_metadata.
        expect(store().column('sys_db_object', 'sys_scope')).toMatchObject({ type: 'reference', reference: 'sys_scope' })
        expect(dbObject('sys_db_object').super_class).toBe(dbObject('sys_metadata').sys_id)
    })
    // sys_script.now.ts: when: ChoiceColumn({ choices: { before, after, async_always, before_display, async } })
    it("a definition's choices are sys_choice records", () => {
        const values = store().all<{ value: string }>(`SELECT value FROM ${store().sqlTable('sys_choice')} WHERE name = 'sys_script' AND element = 'when' ORDER BY CAST(sequence AS INTEGER)`).map((r) => r.value)
        expect(values).toEqual(['before', 'after', 'async_always', 'before_display', 'async'])
    })
})

describe('numbering from autoNumber', () => {
    // task.now.ts autoNumber { prefix: 'TASK', number: 20000 }, change_request.now.ts { 'CHG', 30000 },
    // incident.now.ts { 'INC', 10000 }; digits 7 by default (table-plugin.js: maximum_digits def(7)).
    it('sys_number records carry the definitions’ prefixes and counters', () => {
        const numbers = new Map(store().all<Row>(`SELECT * FROM ${store().sqlTable('sys_number')}`).map((r) => [r.category, r]))
        expect(numbers.get('task')).toMatchObject({ prefix: 'TASK', number: '20000', maximum_digits: '7' })
        expect(numbers.get('change_request')).toMatchObject({ prefix: 'CHG', number: '30000', maximum_digits: '7' })
        expect(numbers.get('incident')).toMatchObject({ prefix: 'INC', number: '10000', maximum_digits: '7' })
        expect(dbObject('incident').number_ref).toBe(numbers.get('incident')!.sys_id)
    })
})

describe('sys_db_object Application Access as the definitions give it (table-plugin.js "sys_db_object")', () => {
    const flags = (name: string) => {
        const r = dbObject(name)
        const b = (v: string | null) => v === '1' || v === 'true'
        return { access: r.access, read: b(r.read_access), create: b(r.create_access), update: b(r.update_access), delete: b(r.delete_access), ws: b(r.ws_access) }
    }
    // task.now.ts: actions ['read', 'update', 'create'], allowWebServiceAccess true.
    it("task's actions allow read, create and update but not delete", () => {
        expect(flags('task')).toEqual({ access: 'public', read: true, create: true, update: true, delete: false, ws: true })
        expect(flags('change_request')).toEqual(flags('task'))
    })
    // sys_user_group.now.ts: no actions (read only), allowWebServiceAccess true.
    it('a definition without actions is readable only', () => {
        expect(flags('sys_user_group')).toEqual({ access: 'public', read: true, create: false, update: false, delete: false, ws: true })
    })
    // sys_user_role.now.ts sets no Application Access: sys_db_object.now.ts defaults (read_access true,
    // create/update/delete_access false, ws_access true, access 'public') apply, as on a new sys_db_object record.
    it("what a definition leaves out takes sys_db_object's dictionary defaults", () => {
        expect(flags('sys_user_role')).toEqual({ access: 'public', read: true, create: false, update: false, delete: false, ws: true })
    })
    it('the hierarchy is recorded in super_class', () => {
        expect(dbObject('incident').super_class).toBe(dbObject('task').sys_id)
    })
})

describe('the dictionary refuses a child column that redefines a parent column', () => {
    let dir: string
    beforeEach(() => {
        dir = mkdtempSync(join(tmpdir(), 'schema-app-'))
        mkdirSync(join(dir, 'dictionary'))
    })
    afterEach(() => rmSync(dir, { recursive: true, force: true }))

    function appWithColumn(column: string): string {
        const element = `<element name="${column}" type="string" label="${column}" max_length="100"/>`
        writeFileSync(join(dir, 'dictionary', 'x_test_ticket.xml'), `<?xml version="1.0"?>\n<database><element name="x_test_ticket" type="collection" label="Ticket" extends="change_request">${element}</element></database>`)
        return dir
    }
    function freshStore(): Store {
        const s = new Store()
        s.transaction(() => installBaseline(s))
        return s
    }

    // "Table extension and classes": a child inherits its parent's fields; a change to one is a dictionary override.
    it('refuses requested_by on a table extending change_request, naming the table, the column and the parent defining it', () => {
        const s = freshStore()
        expect(() => loadApp(s, appWithColumn('requested_by'))).toThrow(/x_test_ticket.*requested_by.*change_request/)
        s.close()
    })
    it('names the ancestor that defines the column (task for opened_by)', () => {
        const s = freshStore()
        expect(() => loadApp(s, appWithColumn('opened_by'))).toThrow(/x_test_ticket.*opened_by.*parent task/)
        s.close()
    })
    it('loads a column no parent defines', () => {
        const s = freshStore()
        loadApp(s, appWithColumn('m365_requested_by'))
        expect(s.column('x_test_ticket', 'm365_requested_by')?.type).toBe('string')
        s.close()
    })
})
