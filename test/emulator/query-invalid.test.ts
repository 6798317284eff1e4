// Conformance of invalid query conditions with the GlideRecord scoped API reference (c_GlideRecordScopedAPI):
// "When the invalid query is run, the invalid part of the query condition is dropped, and the results are based
// on the valid part of the query, which may return all records from the table"; the system property
// glide.invalid_query.returns_no_rows=true makes such queries return no records. The local instance's strict
// switch (fidelity.ts, LOCAL_INSTANCE_STRICT, on in npm test) makes them throw instead.
import { GlideRecord } from '../../emulator/instance/glide/index.ts'
import type { Runtime } from '../../emulator/instance/runtime.ts'
import { parseEncodedQuery } from '../../emulator/instance/store/query.ts'
import { descriptions, incidentFixture, incidents as q, insert } from '../support/query-fixture.ts'

const ALL = ['a alpha', 'b beta', 'c gamma', 'd delta^x=y', 'e 10%_off']

function warnings(runtime: Runtime): string[] {
    return runtime.store.select('syslog', parseEncodedQuery('level=1^messageSTARTSWITHInvalid query detected')).map((r) => r.message!)
}

describe('the platform default: the invalid part is dropped and the rest runs (GlideRecord scoped API)', () => {
    let runtime: Runtime
    beforeEach(() => {
        runtime = incidentFixture({ strict: false })
    })
    afterEach(() => runtime.close())

    it('a condition on an unknown field is dropped: the query matches every row, and a warning is logged', () => {
        expect(descriptions('incident', (gr) => gr.addQuery('no_such_field', 'x'))).toHaveLength(5)
        expect(warnings(runtime)).toEqual(['Invalid query detected, please check logs for details [Unknown field no_such_field in table incident]'])
    })
    it('only the invalid condition of an OR is dropped; the rest of the query runs', () => {
        expect(q('no_such_field=x^ORcategory=network')).toEqual(['a alpha', 'd delta^x=y'])
        expect(q('category=network^no_such_field=x')).toEqual(['a alpha', 'd delta^x=y'])
    })
    it('an operator the platform does not know is dropped (addQuery and encoded query)', () => {
        expect(descriptions('incident', (gr) => gr.addQuery('category', 'SOUNDSLIKE', 'x'))).toHaveLength(5)
        expect(q('categorySOUNDSLIKEx')).toEqual(ALL)
    })
    // GlideRecord - Scoped, addQuery(name, operator, value): string operators "must be in upper case"; "Use CONTAINS
    // instead of the LIKE operator". Encoded queries keep LIKE ("Encoded query strings").
    it('an addQuery operator in lower case, LIKE, or an encoded-only one (ISEMPTY) is dropped, with a warning', () => {
        expect(descriptions('incident', (gr) => gr.addQuery('short_description', 'contains', 'lph'))).toHaveLength(5)
        expect(descriptions('incident', (gr) => gr.addQuery('short_description', 'LIKE', 'lph'))).toHaveLength(5)
        expect(descriptions('incident', (gr) => gr.addQuery('category', 'ISEMPTY', ''))).toHaveLength(5)
        expect(warnings(runtime)).toEqual([
            'Invalid query detected, please check logs for details [Invalid operator contains for field short_description]',
            'Invalid query detected, please check logs for details [Invalid operator LIKE for field short_description]',
            'Invalid query detected, please check logs for details [Invalid operator ISEMPTY for field category]',
        ])
        expect(descriptions('incident', (gr) => gr.addQuery('short_description', 'CONTAINS', 'lph'))).toEqual(['a alpha'])
        expect(q('short_descriptionLIKElph')).toEqual(['a alpha'])
    })
    it('addQuery(field, undefined) is dropped: the community post\'s example that returns every incident', () => {
        expect(descriptions('incident', (gr) => gr.addQuery('number', undefined))).toHaveLength(5)
    })
    it('a dot-walk through a field that is not a reference is an invalid field', () => {
        expect(q('category.name=x^category=software')).toEqual(['b beta'])
        expect(warnings(runtime).join()).toContain('Unknown field category.name in table incident')
    })
    it('get(field, value) on an unknown field reads the first record of the unfiltered query', () => {
        expect(new GlideRecord('incident').get('no_such_field', 'x')).toBe(true)
    })
    it('deleteMultiple with an invalid condition deletes every row matched by the rest (the documented data-loss risk)', () => {
        const gr = new GlideRecord('incident')
        gr.addQuery('category', 'network')
        gr.addQuery('no_such_field', 'x')
        gr.deleteMultiple()
        expect(q('categoryANYTHING')).toEqual(['b beta', 'c gamma', 'e 10%_off'])
    })
    it('updateMultiple with an invalid condition updates every row matched by the rest', () => {
        const gr = new GlideRecord('incident')
        gr.addQuery('no_such_field', 'x')
        gr.setValue('subcategory', 'bulk')
        gr.updateMultiple()
        expect(q('subcategory=bulk')).toHaveLength(5)
    })
    it('the store entry points the Table API uses (select, count, deleteWhere) drop it the same way', () => {
        expect(runtime.store.count('incident', parseEncodedQuery('no_such_field=x'))).toBe(5)
        expect(runtime.store.select('incident', parseEncodedQuery('no_such_field=x^category=software')).map((r) => r.short_description)).toEqual(['b beta'])
    })
})

describe('glide.invalid_query.returns_no_rows=true: invalid queries return no rows (GlideRecord scoped API)', () => {
    let runtime: Runtime
    beforeEach(() => {
        runtime = incidentFixture({ strict: false })
        insert('sys_properties', { name: 'glide.invalid_query.returns_no_rows', value: 'true', type: 'boolean' })
    })
    afterEach(() => runtime.close())

    it('query, get and count match nothing; deleteMultiple deletes nothing', () => {
        expect(q('no_such_field=x^ORcategory=network')).toEqual([])
        expect(new GlideRecord('incident').get('no_such_field', 'x')).toBe(false)
        expect(runtime.store.count('incident', parseEncodedQuery('no_such_field=x'))).toBe(0)
        const gr = new GlideRecord('incident')
        gr.addQuery('no_such_field', 'x')
        gr.deleteMultiple()
        expect(q('categoryANYTHING')).toEqual(ALL)
    })
})

describe('strict (LOCAL_INSTANCE_STRICT, a local switch): an invalid field or operator throws', () => {
    let runtime: Runtime
    beforeEach(() => {
        runtime = incidentFixture({ strict: true })
    })
    afterEach(() => runtime.close())

    it('the error names the table, the field and the query', () => {
        expect(() => q('category=network^no_such_field=x')).toThrow(
            'Invalid query on incident: Unknown field no_such_field in table incident (query: category=network^no_such_field=x^ORDERBYshort_description)',
        )
    })
    it('query, get, deleteMultiple, updateMultiple and the store entry points all throw, and nothing is written', () => {
        const gr = () => {
            const record = new GlideRecord('incident')
            record.addQuery('no_such_field', 'x')
            return record
        }
        expect(() => gr().query()).toThrow(/Unknown field no_such_field/)
        expect(() => new GlideRecord('incident').get('no_such_field', 'x')).toThrow(/Unknown field no_such_field/)
        expect(() => gr().deleteMultiple()).toThrow(/Unknown field no_such_field/)
        const update = gr()
        update.setValue('subcategory', 'bulk')
        expect(() => update.updateMultiple()).toThrow(/Unknown field no_such_field/)
        expect(() => runtime.store.count('incident', parseEncodedQuery('no_such_field=x'))).toThrow(/Unknown field no_such_field/)
        expect(() => runtime.store.deleteWhere('incident', parseEncodedQuery('no_such_field=x'))).toThrow(/Unknown field no_such_field/)
        expect(q('categoryANYTHING')).toEqual(ALL)
        expect(q('subcategory=bulk')).toEqual([])
    })
    it('an unknown operator throws', () => {
        expect(() => descriptions('incident', (gr) => gr.addQuery('category', 'SOUNDSLIKE', 'x'))).toThrow(/Invalid operator SOUNDSLIKE for field category/)
    })
    it('an addQuery operator in lower case, or LIKE, throws', () => {
        expect(() => descriptions('incident', (gr) => gr.addQuery('short_description', 'starts with', 'a'))).toThrow(/Invalid operator starts with for field short_description/)
        expect(() => descriptions('incident', (gr) => gr.addQuery('short_description', 'LIKE', 'a'))).toThrow(/Invalid operator LIKE for field short_description/)
    })
})

// Table API reference, GET /now/table (sysparm_query): "If part of the query is invalid, such as by specifying an
// invalid field name, the instance ignores the invalid part". Ordering by an unknown field is such a part; that it
// is ignored also when strict or with returns_no_rows is a local choice (a sort cannot widen a query).
describe('ORDERBY on an unknown field is ignored, not an error (also when strict)', () => {
    let runtime: Runtime
    beforeAll(() => {
        runtime = incidentFixture({ strict: true })
    })
    afterAll(() => runtime.close())

    it('the rows come back in the order of the known fields', () => {
        expect(descriptions('incident', (gr) => gr.addEncodedQuery('ORDERBYno_such_field^ORDERBYDESCshort_description'))).toEqual([...ALL].reverse())
        expect(
            descriptions('incident', (gr) => {
                gr.orderBy('no_such_field')
                gr.orderBy('short_description')
            }),
        ).toEqual(ALL)
    })
})
