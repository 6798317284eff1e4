// Conformance of GlideRecord and GlideElement with ServiceNow's GlideRecord scoped API reference
// (c_GlideRecordScopedAPI) and GlideElement scoped API. Query operators, invalid queries, case, nulls and
// dot-walking have their own files (query-*.test.ts).
import { GlideRecord } from '@servicenow/glide'
import { GlideRecord as EmulatorGlideRecord } from '../../emulator/instance/glide/index.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'

let runtime: Runtime

function insert(table: string, values: Record<string, string>): string {
    const gr = new EmulatorGlideRecord(table)
    gr.initialize()
    for (const [k, v] of Object.entries(values)) gr.setValue(k, v)
    const id = gr.insert()
    if (!id) throw new Error(gr.getLastErrorMessage())
    return id
}

function numbers(table: string, configure: (gr: EmulatorGlideRecord) => void): string[] {
    const gr = new EmulatorGlideRecord(table)
    configure(gr)
    gr.query()
    const out: string[] = []
    while (gr.next()) out.push(gr.getValue('short_description')!)
    return out
}

beforeAll(() => {
    runtime = createRuntime().activate()
    // impact/urgency give priority 1 (a), 3 (b), 5 (c), 3 (d); e has no category.
    insert('incident', { short_description: 'a alpha', category: 'network', impact: '1', urgency: '1' })
    insert('incident', { short_description: 'b beta', category: 'software', impact: '2', urgency: '2' })
    insert('incident', { short_description: 'c gamma', category: 'hardware', impact: '3', urgency: '3' })
    insert('incident', { short_description: 'd delta^x=y', category: 'network', impact: '1', urgency: '3' })
    insert('incident', { short_description: 'e 10%_off', category: '' })
})
afterAll(() => runtime.close())

describe('addQuery (GlideRecord.addQuery)', () => {
    it('addQuery(field, value) is an equality condition', () => expect(numbers('incident', (gr) => gr.addQuery('category', 'hardware'))).toEqual(['c gamma']))
    it('addQuery(field, operator, value) supports the documented operators, including CONTAINS', () => {
        expect(numbers('incident', (gr) => gr.addQuery('priority', '>', 4))).toEqual(['c gamma', 'e 10%_off'])
        expect(numbers('incident', (gr) => gr.addQuery('short_description', 'CONTAINS', 'lph'))).toEqual(['a alpha'])
        expect(numbers('incident', (gr) => gr.addQuery('category', 'IN', ['software', 'hardware']).addOrCondition('category', 'network')).sort()).toHaveLength(4)
    })
    it('values containing ^ and = are bound literally, never re-parsed as an encoded query', () => {
        expect(numbers('incident', (gr) => gr.addQuery('short_description', 'd delta^x=y'))).toEqual(['d delta^x=y'])
        expect(numbers('incident', (gr) => gr.addQuery('short_description', 'a alpha^ORcategory!=x'))).toEqual([])
        expect(numbers('incident', (gr) => gr.addQuery('category', 'network^NQactive=true'))).toEqual([])
    })
    it('addNullQuery / addNotNullQuery', () => {
        expect(numbers('incident', (gr) => gr.addNullQuery('category'))).toEqual(['e 10%_off'])
        expect(numbers('incident', (gr) => gr.addNotNullQuery('category'))).toHaveLength(4)
    })
    it('addActiveQuery returns active records', () => expect(numbers('incident', (gr) => gr.addActiveQuery())).toHaveLength(5))
})

describe('result windows and counts', () => {
    it('setLimit limits the number of records returned', () => expect(numbers('incident', (gr) => {
        gr.orderBy('short_description')
        gr.setLimit(2)
    })).toEqual(['a alpha', 'b beta']))
    it('chooseWindow(first, last) returns rows first..last-1 (zero-based)', () => expect(numbers('incident', (gr) => {
        gr.orderBy('short_description')
        gr.chooseWindow(1, 3)
    })).toEqual(['b beta', 'c gamma']))
    it('getRowCount is the number of rows in the query result', () => {
        const gr = new EmulatorGlideRecord('incident')
        gr.addQuery('category', 'network')
        gr.query()
        expect(gr.getRowCount()).toBe(2)
        expect(gr.hasNext()).toBe(true)
        gr.next()
        gr.next()
        expect(gr.hasNext()).toBe(false)
        expect(gr.next()).toBe(false)
    })
})

// GlideRecord - Scoped, setLimit / chooseWindow: "setLimit() implicitly calls chooseWindow() … If the chooseWindow()
// method is called first, its record window is overwritten by the setLimit() method" (chooseWindow(20,30);
// setLimit(100) "returns 100 records starting at row 1"); "If the setLimit() method is called first, the window set
// by chooseWindow() is used".
describe('setLimit and chooseWindow together (GlideRecord.setLimit, chooseWindow)', () => {
    const ordered = (configure: (gr: EmulatorGlideRecord) => void) =>
        numbers('incident', (gr) => {
            gr.orderBy('short_description')
            configure(gr)
        }).filter((d) => /^[a-e] /.test(d))
    it('setLimit after chooseWindow starts again from the first row', () =>
        expect(ordered((gr) => {
            gr.chooseWindow(2, 4)
            gr.setLimit(2)
        })).toEqual(['a alpha', 'b beta']))
    it('chooseWindow after setLimit keeps its own window', () =>
        expect(ordered((gr) => {
            gr.setLimit(1)
            gr.chooseWindow(2, 4)
        })).toEqual(['c gamma', 'd delta^x=y']))
})

// GlideRecord - Scoped, deleteMultiple: "The setLimit() method does not limit the number of records that are
// deleted with deleteMultiple(). All records returned by the query are deleted regardless of setLimit()."
describe('deleteMultiple ignores the result window (GlideRecord.deleteMultiple)', () => {
    const count = (category: string) => numbers('incident', (gr) => gr.addQuery('category', category)).length
    it('deletes every match after setLimit', () => {
        for (let i = 0; i < 3; i++) insert('incident', { short_description: `limited ${i}`, category: 'dm_limit' })
        const gr = new EmulatorGlideRecord('incident')
        gr.addQuery('category', 'dm_limit')
        gr.setLimit(1)
        gr.deleteMultiple()
        expect(count('dm_limit')).toBe(0)
    })
    it('deletes every match after chooseWindow (setLimit is a window from the first row)', () => {
        for (let i = 0; i < 3; i++) insert('incident', { short_description: `windowed ${i}`, category: 'dm_window' })
        const gr = new EmulatorGlideRecord('incident')
        gr.addQuery('category', 'dm_window')
        gr.chooseWindow(1, 2)
        gr.deleteMultiple()
        expect(count('dm_window')).toBe(0)
    })
    it('updateMultiple after setLimit or chooseWindow is refused: the docs do not say whether the window applies', () => {
        const gr = new EmulatorGlideRecord('incident')
        gr.addQuery('category', 'network')
        gr.setLimit(1)
        gr.setValue('subcategory', 'x')
        expect(() => gr.updateMultiple()).toThrow('not emulated by the local instance: GlideRecord.updateMultiple() after setLimit() or chooseWindow()')
    })
})

// GlideRecord - Scoped, get: "If only a single parameter is passed in, the method assumes that it is the sys_id of
// the desired record. If not found, it then tries to match the value against the display value."
describe('get(value) with one argument (GlideRecord.get)', () => {
    it('finds the record by sys_id, else by its display value (incident: number)', () => {
        const id = insert('incident', { short_description: 'by display' })
        const byId = new EmulatorGlideRecord('incident')
        expect(byId.get(id)).toBe(true)
        const number = byId.getValue('number')!
        const byDisplay = new EmulatorGlideRecord('incident')
        expect(byDisplay.get(number)).toBe(true)
        expect(byDisplay.getUniqueValue()).toBe(id)
        expect(new EmulatorGlideRecord('incident').get('INC9999999')).toBe(false)
    })
    it('matches the display value of sys_user (name)', () => {
        const user = runtime.createUser({ user_name: 'beth.anglin', first_name: 'Beth', last_name: 'Anglin' })
        const gr = new EmulatorGlideRecord('sys_user')
        expect(gr.get('Beth Anglin')).toBe(true)
        expect(gr.getUniqueValue()).toBe(user)
    })
})

// The docs do not say how orderBy on a reference field sorts (the sys_id, or the referenced display value): refused.
describe('orderBy on a reference field (GlideRecord.orderBy)', () => {
    it('is refused as not emulated; a dot-walked order through the reference is not', () => {
        const gr = new EmulatorGlideRecord('incident')
        gr.orderBy('caller_id')
        expect(() => gr.query()).toThrow('not emulated by the local instance: GlideRecord.orderBy() on the reference field incident.caller_id')
        const desc = new EmulatorGlideRecord('incident')
        desc.addEncodedQuery('ORDERBYDESCcaller_id')
        expect(() => desc.query()).toThrow(/orderBy\(\) on the reference field incident.caller_id/)
        const walked = new EmulatorGlideRecord('incident')
        walked.orderBy('caller_id.user_name')
        expect(() => walked.query()).not.toThrow()
    })
})

describe('records and fields (GlideRecord / GlideElement)', () => {
    it("'@servicenow/glide' resolves to the emulator's Glide API", () => expect(GlideRecord).toBe(EmulatorGlideRecord))
    it('get(sys_id) and get(field, value) load the record and return true; false when not found', () => {
        const id = insert('incident', { short_description: 'get me' })
        const gr = new EmulatorGlideRecord('incident')
        expect(gr.get(id)).toBe(true)
        expect(gr.getValue('short_description')).toBe('get me')
        expect(gr.get('short_description', 'get me')).toBe(true)
        expect(gr.getUniqueValue()).toBe(id)
        expect(gr.get('0123456789abcdef0123456789abcdef')).toBe(false)
        expect(gr.isValidRecord()).toBe(false)
    })
    it('getValue returns null for an empty field and for an unknown field, never undefined', () => {
        const gr = new EmulatorGlideRecord('incident')
        gr.get('short_description', 'e 10%_off')
        expect(gr.getValue('category')).toBeNull()
        expect(gr.getValue('no_such_field')).toBeNull()
    })
    it('getValue returns strings; booleans as "1"/"0", the element toString as "true"/"false"', () => {
        const gr = new EmulatorGlideRecord('incident')
        gr.get('short_description', 'a alpha')
        expect(gr.getValue('priority')).toBe('1')
        expect(gr.getValue('active')).toBe('1')
        expect(gr.active.toString()).toBe('true')
        expect(gr.getDisplayValue('active')).toBe('true')
    })
    it('fields are GlideElements: gr.field reads, gr.field = value sets', () => {
        const gr = new EmulatorGlideRecord('incident')
        gr.initialize()
        gr.short_description = 'via property'
        gr.urgency = 1
        expect(gr.short_description.getValue()).toBe('via property')
        expect(`${gr.short_description}`).toBe('via property')
        expect(gr.urgency.nil()).toBe(false)
        expect(gr.category.nil()).toBe(true)
        expect(gr.urgency.changes()).toBe(true)
    })
    it('getDisplayValue returns the choice label for choice fields', () => {
        const gr = new EmulatorGlideRecord('incident')
        gr.get('short_description', 'b beta')
        expect(gr.getDisplayValue('priority')).toBe('3 - Moderate')
        expect(gr.getDisplayValue('state')).toBe('New')
        expect(gr.priority.getDisplayValue()).toBe('3 - Moderate')
    })
    it("getDisplayValue on a reference returns the referenced record's display value; getRefRecord loads it", () => {
        const user = runtime.createUser({ user_name: 'abel.tuter', first_name: 'Abel', last_name: 'Tuter' })
        const id = insert('incident', { short_description: 'ref', caller_id: user })
        const gr = new EmulatorGlideRecord('incident')
        gr.get(id)
        expect(gr.getValue('caller_id')).toBe(user)
        expect(gr.getDisplayValue('caller_id')).toBe('Abel Tuter')
        expect(gr.caller_id.getReferenceTable()).toBe('sys_user')
        expect(gr.caller_id.getRefRecord().getValue('user_name')).toBe('abel.tuter')
        expect(gr.getDisplayValue()).toBe(gr.getValue('number'))
    })
    it('update writes changed fields and maintains sys_updated_on / sys_mod_count; changes() reports pending changes', () => {
        const id = insert('incident', { short_description: 'to update' })
        const gr = new EmulatorGlideRecord('incident')
        gr.get(id)
        expect(gr.getValue('sys_mod_count')).toBe('0')
        gr.short_description = 'updated'
        expect(gr.short_description.changes()).toBe(true)
        expect(gr.short_description.changesFrom('to update')).toBe(true)
        expect(gr.update()).toBe(id)
        const again = new EmulatorGlideRecord('incident')
        again.get(id)
        expect(again.getValue('short_description')).toBe('updated')
        expect(again.getValue('sys_mod_count')).toBe('1')
    })
    it('deleteRecord deletes the current record; deleteMultiple deletes every match', () => {
        const id = insert('incident', { short_description: 'delete me', category: 'zz' })
        insert('incident', { short_description: 'delete me too', category: 'zz' })
        const gr = new EmulatorGlideRecord('incident')
        gr.get(id)
        expect(gr.deleteRecord()).toBe(true)
        const all = new EmulatorGlideRecord('incident')
        all.addQuery('category', 'zz')
        all.deleteMultiple()
        expect(numbers('incident', (g) => g.addQuery('category', 'zz'))).toEqual([])
    })
    it('updateMultiple applies the set values to every match', () => {
        insert('incident', { short_description: 'um1', category: 'um' })
        insert('incident', { short_description: 'um2', category: 'um' })
        const gr = new EmulatorGlideRecord('incident')
        gr.addQuery('category', 'um')
        gr.setValue('subcategory', 'bulk')
        gr.updateMultiple()
        const check = new EmulatorGlideRecord('incident')
        check.addQuery('subcategory', 'bulk')
        check.query()
        expect(check.getRowCount()).toBe(2)
    })
    it('isValidField, getTableName, isNewRecord, newRecord defaults', () => {
        const gr = new EmulatorGlideRecord('change_request')
        expect(gr.isValidField('justification')).toBe(true)
        expect(gr.isValidField('caller_id')).toBe(false)
        expect(gr.getTableName()).toBe('change_request')
        gr.newRecord()
        expect(gr.isNewRecord()).toBe(true)
        expect(gr.getValue('state')).toBe('-5')
        expect(gr.getUniqueValue()).toMatch(/^[0-9a-f]{32}$/)
    })
    it('a GlideRecord on an unknown table is not valid and returns nothing', () => {
        const gr = new EmulatorGlideRecord('no_such_table')
        expect(gr.isValid()).toBe(false)
        gr.query()
        expect(gr.next()).toBe(false)
        expect(gr.insert()).toBeNull()
    })
    it('canRead / canWrite / canCreate / canDelete are true unless the ACL hook denies', () => {
        const gr = new EmulatorGlideRecord('incident')
        expect([gr.canRead(), gr.canWrite(), gr.canCreate(), gr.canDelete()]).toEqual([true, true, true, true])
    })
})

describe('business rules on delete (GlideRecord.deleteRecord)', () => {
    afterEach(() => {
        runtime.runBusinessRules = undefined
    })
    it('runs before and after delete rules with the deleted record; a before rule can abort the delete', () => {
        const id = insert('incident', { short_description: 'to delete' })
        const seen: string[] = []
        runtime.runBusinessRules = (when, action, current) => {
            const record = current as EmulatorGlideRecord
            seen.push(when + ' ' + action + ' ' + record.getValue('short_description'))
            if (when === 'before' && action === 'delete' && record.getValue('short_description') === 'keep me') record.setAbortAction(true)
        }
        const gr = new EmulatorGlideRecord('incident')
        gr.get(id)
        expect(gr.deleteRecord()).toBe(true)
        // The before rules run in two bands of order, below 1000 and from 1000 (write-order.ts).
        expect(seen).toEqual(['before delete to delete', 'before delete to delete', 'after delete to delete'])
        const kept = insert('incident', { short_description: 'keep me' })
        seen.length = 0
        const refused = new EmulatorGlideRecord('incident')
        refused.get(kept)
        expect(refused.deleteRecord()).toBe(false)
        expect(seen).toEqual(['before delete keep me', 'before delete keep me'])
        expect(new EmulatorGlideRecord('incident').get(kept)).toBe(true)
    })
})
