// Conformance of insert defaults with the dictionary: a column's default_value applies when the insert does not set
// it, and a `javascript:` default is the result of its script (the SDK's table definitions carry them, e.g.
// task.opened_by = javascript:gs.getUserID(), task.opened_at = javascript:gs.nowDateTime(), task.number =
// javascript:getNextObjNumberPadded()). The local instance evaluates those four scripts and leaves any other
// script's column empty (FIDELITY.md, "Not emulated").
import { GlideRecord } from '../../emulator/instance/glide/index.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'

let runtime: Runtime
beforeEach(() => {
    runtime = createRuntime().activate()
    runtime.store.defineTable({
        name: 'x_test_defaults',
        columns: [
            { name: 'owner', type: 'reference', reference: 'sys_user', defaultScript: 'javascript:gs.getUserID();' },
            { name: 'opened', type: 'glide_date_time', defaultScript: 'javascript:gs.nowDateTime()' },
            { name: 'table_name', type: 'string', defaultScript: 'javascript:current.getTableName();' },
            { name: 'other', type: 'string', defaultScript: "javascript:new SomeScriptInclude().value()" },
        ],
    })
})
afterEach(() => runtime.close())

function insert(table: string, values: Record<string, string> = {}): GlideRecord {
    const gr = new GlideRecord(table)
    gr.initialize()
    for (const [k, v] of Object.entries(values)) gr.setValue(k, v)
    if (!gr.insert()) throw new Error(gr.getLastErrorMessage())
    return gr
}

describe('javascript: dictionary defaults on insert', () => {
    it('gs.getUserID() is the sys_id of the user inserting; empty for the system user', () => {
        const beth = runtime.createUser({ user_name: 'beth.defaults' })
        expect(runtime.runAs(beth, () => insert('x_test_defaults')).getValue('owner')).toBe(beth)
        expect(insert('x_test_defaults').getValue('owner')).toBeNull()
    })
    it('gs.nowDateTime() is the current time; current.getTableName() the record\'s table', () => {
        const gr = insert('x_test_defaults')
        expect(Math.abs(Date.parse(`${gr.getValue('opened')}Z`) - Date.now())).toBeLessThan(5000)
        expect(gr.getValue('table_name')).toBe('x_test_defaults')
    })
    it('a script the local instance does not evaluate leaves the column empty', () => expect(insert('x_test_defaults').getValue('other')).toBeNull())
    it('a value the insert sets wins over the default script', () => expect(insert('x_test_defaults', { table_name: 'given' }).getValue('table_name')).toBe('given'))
    it('the SDK definitions\' task defaults apply: opened_by is the creating user, opened_at now, change_request.requested_by the creating user', () => {
        const abel = runtime.createUser({ user_name: 'abel.defaults' })
        const change = runtime.runAs(abel, () => insert('change_request'))
        expect(change.getValue('opened_by')).toBe(abel)
        expect(change.getValue('requested_by')).toBe(abel)
        expect(change.getValue('opened_at')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    })
    it('getNextObjNumberPadded() numbers the record once (the counter advances by one)', () => {
        const first = Number(insert('incident').getValue('number')!.slice(3))
        expect(Number(insert('incident').getValue('number')!.slice(3))).toBe(first + 1)
    })
})
