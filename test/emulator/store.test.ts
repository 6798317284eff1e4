// Conformance of the store with the platform's table model: table extension (table-per-hierarchy with
// sys_class_name), numbering (sys_number), system fields, unique indexes declared by the app's dictionary.
import { GlideRecord } from '../../emulator/instance/glide/index.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'

const APP_CHANGE = 'x_mioms_m365ticket_change_request'
const APP_INCIDENT = 'x_mioms_m365ticket_incident'
let runtime: Runtime

beforeEach(() => {
    runtime = createRuntime().activate()
})
afterEach(() => runtime.close())

function insert(table: string, values: Record<string, string> = {}): GlideRecord {
    const gr = new GlideRecord(table)
    gr.initialize()
    for (const [k, v] of Object.entries(values)) gr.setValue(k, v)
    gr.insert()
    return gr
}

function classes(table: string): string[] {
    const gr = new GlideRecord(table)
    gr.orderBy('number')
    gr.query()
    const out: string[] = []
    while (gr.next()) out.push(gr.getRecordClassName())
    return out
}

describe('table extension (Table extension and classes)', () => {
    it("a query on task returns rows of every class extending it, each with its own class", () => {
        insert('task')
        insert('change_request')
        insert(APP_CHANGE)
        insert(APP_INCIDENT)
        expect(classes('task').sort()).toEqual(['change_request', 'task', APP_CHANGE, APP_INCIDENT].sort())
    })
    it('a query on change_request returns change requests and the app extension, not incidents', () => {
        insert('change_request')
        insert(APP_CHANGE)
        insert('incident')
        expect(classes('change_request').sort()).toEqual(['change_request', APP_CHANGE].sort())
        expect(classes(APP_CHANGE)).toEqual([APP_CHANGE])
    })
    it('the app tables inherit the parent columns and add their own', () => {
        const gr = new GlideRecord(APP_CHANGE)
        for (const f of ['number', 'short_description', 'assignment_group', 'justification', 'm365_task_id', 'connection', 'recommendation_category']) expect(gr.isValidField(f)).toBe(true)
        expect(new GlideRecord('change_request').isValidField('m365_task_id')).toBe(false)
    })
    it('a record read through its parent table is the same record (same sys_id and number)', () => {
        const child = insert(APP_CHANGE, { short_description: 'from M365' })
        const parent = new GlideRecord('task')
        expect(parent.get(child.getUniqueValue())).toBe(true)
        expect(parent.getValue('number')).toBe(child.getValue('number'))
        expect(parent.getRecordClassName()).toBe(APP_CHANGE)
    })
})

describe('numbering (sys_number)', () => {
    it('change requests are numbered CHG, incidents INC, tasks TASK, with seven digits', () => {
        expect(insert('change_request').getValue('number')).toBe('CHG0030000')
        expect(insert('incident').getValue('number')).toBe('INC0010000')
        expect(insert('task').getValue('number')).toBe('TASK0020000')
    })
    it("a table without its own number uses its parent's prefix and shares the counter", () => {
        expect(insert('change_request').getValue('number')).toBe('CHG0030000')
        expect(insert(APP_CHANGE).getValue('number')).toBe('CHG0030001')
        expect(insert('change_request').getValue('number')).toBe('CHG0030002')
        expect(insert(APP_INCIDENT).getValue('number')).toBe('INC0010000')
    })
    it('a number set by the caller is kept', () => {
        expect(insert('incident', { number: 'INC9999999' }).getValue('number')).toBe('INC9999999')
    })
})

describe('system fields', () => {
    it('insert sets sys_id (32 hex), sys_created_on / sys_updated_on (UTC), sys_created_by and sys_mod_count', () => {
        const user = runtime.createUser({ user_name: 'beth.anglin' })
        const gr = runtime.runAs(user, () => insert('incident'))
        expect(gr.getUniqueValue()).toMatch(/^[0-9a-f]{32}$/)
        expect(gr.getValue('sys_created_on')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
        expect(Math.abs(Date.parse(`${gr.getValue('sys_created_on')}Z`) - Date.now())).toBeLessThan(5000)
        expect(gr.getValue('sys_created_by')).toBe('beth.anglin')
        expect(gr.getValue('sys_mod_count')).toBe('0')
        expect(insert('incident').getValue('sys_created_by')).toBe('system')
    })
    it('defaults apply on insert: task active, incident state 1, change state -5, impact/urgency 3, incident priority 5', () => {
        const inc = insert('incident')
        expect([inc.getValue('active'), inc.getValue('state'), inc.getValue('impact'), inc.getValue('urgency'), inc.getValue('priority')]).toEqual(['1', '1', '3', '3', '5'])
        expect(insert(APP_CHANGE).getValue('state')).toBe('-5')
        expect(insert('x_mioms_m365ticket_connection', { tenant_id: 't' }).getValue('status')).toBe('pending')
    })
})

describe('platform behaviour on task', () => {
    it('incident priority is calculated from impact and urgency on insert and update (priority lookup)', () => {
        const gr = insert(APP_INCIDENT, { impact: '1', urgency: '2' })
        expect(gr.getValue('priority')).toBe('2')
        gr.urgency = 3
        gr.update()
        expect(gr.getValue('priority')).toBe('3')
        gr.impact = 3
        gr.update()
        expect(gr.getValue('priority')).toBe('5')
    })
    it('closing a change (state 3) or resolving an incident (state 6) makes it inactive and sets closed_at', () => {
        const chg = insert(APP_CHANGE)
        chg.state = 3
        chg.update()
        expect(chg.getValue('active')).toBe('0')
        expect(chg.getValue('closed_at')).not.toBeNull()
        const inc = insert('incident', { state: '6', close_code: 'Solution provided', close_notes: 'Fixed.' })
        expect(inc.getValue('active')).toBe('0')
        expect(inc.getValue('resolved_at')).not.toBeNull()
    })
})

describe('unique indexes (dictionary index unique="true")', () => {
    function connection(tenant: string): string {
        return insert('x_mioms_m365ticket_connection', { tenant_id: tenant }).getUniqueValue()
    }
    it('a second insert of the same (connection, m365_task_id) returns null, logs the error and writes nothing', () => {
        const conn = connection('t1')
        expect(insert(APP_CHANGE, { connection: conn, m365_task_id: 'task-1' }).getUniqueValue()).toMatch(/^[0-9a-f]{32}$/)
        const dup = new GlideRecord(APP_CHANGE)
        dup.initialize()
        dup.setValue('connection', conn)
        dup.setValue('m365_task_id', 'task-1')
        expect(dup.insert()).toBeNull()
        expect(dup.getLastErrorMessage()).toMatch(/Unique Key violation detected by database .*connection_task/)
        expect(runtime.session.errorMessages.some((m) => m.includes('Unique Key violation'))).toBe(true)
        const count = new GlideRecord(APP_CHANGE)
        count.query()
        expect(count.getRowCount()).toBe(1)
        const log = new GlideRecord('syslog')
        log.addQuery('level', '2')
        log.addQuery('message', 'CONTAINS', 'Unique Key violation')
        log.query()
        expect(log.getRowCount()).toBe(1)
    })
    it('the index applies per class: the same pair may exist on the incident extension and other tenants', () => {
        const conn = connection('t1')
        insert(APP_CHANGE, { connection: conn, m365_task_id: 'task-1' })
        expect(insert(APP_INCIDENT, { connection: conn, m365_task_id: 'task-1' }).isValidRecord()).toBe(true)
        expect(insert(APP_CHANGE, { connection: connection('t2'), m365_task_id: 'task-1' }).isValidRecord()).toBe(true)
    })
    it('an update that would violate the index returns null and leaves the record unchanged', () => {
        const conn = connection('t1')
        insert(APP_CHANGE, { connection: conn, m365_task_id: 'a' })
        const b = insert(APP_CHANGE, { connection: conn, m365_task_id: 'b' })
        b.m365_task_id = 'a'
        expect(b.update()).toBeNull()
        const again = new GlideRecord(APP_CHANGE)
        again.get(b.getUniqueValue())
        expect(again.getValue('m365_task_id')).toBe('b')
    })
})

describe('store', () => {
    it('counts the SQL statements it executes (for the benchmark) and can reset the count', () => {
        insert('incident')
        runtime.store.resetStatementCount()
        insert('incident')
        // the number, the INSERT, the field history of the insert (one statement for all its sys_audit rows)
        expect(runtime.store.statementCount).toBe(3)
    })
    it('a file database keeps records and counters across restarts', () => {
        const path = require('node:path').join(require('node:os').tmpdir(), `instance-${process.pid}-${Date.now()}.db`)
        const first = createRuntime({ dbPath: path }).activate()
        insert('incident', { short_description: 'persisted' })
        first.close()
        const second = createRuntime({ dbPath: path }).activate()
        const gr = new GlideRecord('incident')
        expect(gr.get('short_description', 'persisted')).toBe(true)
        expect(insert('incident').getValue('number')).toBe('INC0010001')
        second.close()
        runtime.activate()
        for (const suffix of ['', '-wal', '-shm']) require('node:fs').rmSync(path + suffix, { force: true })
    })
})
