// Conformance of encoded-query operators with ServiceNow's "Operators available for filters and queries" and
// "Encoded query strings" (the ^, ^OR, ^NQ and ORDERBY syntax), and GlideRecord.addQuery's operator list
// (GlideRecord scoped API, addQuery(name, operator, value)).
import { GlideRecord } from '../../emulator/instance/glide/index.ts'
import type { Runtime } from '../../emulator/instance/runtime.ts'
import { descriptions, incidentFixture, incidents as q, insert } from '../support/query-fixture.ts'

let runtime: Runtime
beforeAll(() => {
    runtime = incidentFixture()
})
afterAll(() => runtime.close())

describe('encoded query operators (Operators available for filters and queries)', () => {
    it('= matches equal values', () => expect(q('category=network')).toEqual(['a alpha', 'd delta^x=y']))
    it('= with an empty value matches empty fields', () => expect(q('category=')).toEqual(['e 10%_off']))
    it('< <= > >= compare integer fields numerically', () => {
        expect(q('priority<3')).toEqual(['a alpha'])
        expect(q('priority<=3')).toEqual(['a alpha', 'b beta', 'd delta^x=y'])
        expect(q('priority>3')).toEqual(['c gamma', 'e 10%_off'])
        expect(q('priority>=5')).toEqual(['c gamma', 'e 10%_off'])
    })
    it('numeric comparison is not textual (10 > 9)', () => {
        insert('sys_number', { category: 'zz_test', prefix: 'Z', number: '10', maximum_digits: '2' })
        insert('sys_number', { category: 'zz_test2', prefix: 'Z', number: '9', maximum_digits: '2' })
        expect(descriptions('sys_number', (gr) => gr.addEncodedQuery('prefix=Z^number>9'))).toHaveLength(1)
    })
    it('IN takes comma-separated values', () => expect(q('categoryINnetwork,hardware')).toEqual(['a alpha', 'c gamma', 'd delta^x=y']))
    it('STARTSWITH, ENDSWITH and LIKE (contains)', () => {
        expect(q('short_descriptionSTARTSWITHb ')).toEqual(['b beta'])
        expect(q('short_descriptionENDSWITHmma')).toEqual(['c gamma'])
        expect(q('short_descriptionLIKElph')).toEqual(['a alpha'])
    })
    it('LIKE treats % and _ in the value literally', () => {
        expect(q('short_descriptionLIKE10%_')).toEqual(['e 10%_off'])
        expect(q('short_descriptionLIKE%')).toEqual(['e 10%_off'])
    })
    it('ISEMPTY and ISNOTEMPTY', () => {
        expect(q('categoryISEMPTY')).toEqual(['e 10%_off'])
        expect(q('categoryISNOTEMPTY')).toHaveLength(4)
    })
    it('ANYTHING ("is anything") matches every record, empty values included', () => expect(q('categoryANYTHING')).toHaveLength(5))
    it('sys_class_nameINSTANCEOF<table> ("is a") matches the table and every table extending it', () => {
        const added = [insert('x_mioms_m365ticket_incident', { short_description: 'f app incident' }), insert('change_request', { short_description: 'g change' })]
        expect(descriptions('task', (gr) => gr.addEncodedQuery('sys_class_nameINSTANCEOFincident^short_descriptionSTARTSWITHf'))).toEqual(['f app incident'])
        expect(descriptions('task', (gr) => gr.addEncodedQuery('sys_class_nameINSTANCEOFincident^short_descriptionSTARTSWITHg'))).toEqual([])
        for (const id of added) runtime.store.delete('task', id)
    })
    it('^ is AND, ^OR is OR within a condition', () => {
        expect(q('category=network^priority=1')).toEqual(['a alpha'])
        expect(q('category=software^ORcategory=hardware')).toEqual(['b beta', 'c gamma'])
        expect(q('category=software^ORcategory=hardware^priority=5')).toEqual(['c gamma'])
    })
    it('^NQ starts a new query ORed with the previous one', () => {
        expect(q('category=software^NQpriority=5^category=hardware')).toEqual(['b beta', 'c gamma'])
    })
    it('ORDERBY and ORDERBYDESC sort the result', () => {
        expect(descriptions('incident', (gr) => gr.addEncodedQuery('categoryINnetwork,software,hardware^ORDERBYDESCshort_description'))).toEqual(['d delta^x=y', 'c gamma', 'b beta', 'a alpha'])
        expect(descriptions('incident', (gr) => gr.addEncodedQuery('categoryINnetwork,software,hardware^ORDERBYpriority^ORDERBYDESCshort_description'))).toEqual(['a alpha', 'd delta^x=y', 'b beta', 'c gamma'])
    })
    it('boolean fields match true / false', () => {
        expect(q('active=true')).toHaveLength(5)
        expect(q('active=false')).toHaveLength(0)
    })
})

describe('addQuery operators (GlideRecord.addQuery(name, operator, value))', () => {
    it('addQuery(field, value) is an equality condition', () => expect(descriptions('incident', (gr) => gr.addQuery('category', 'hardware'))).toEqual(['c gamma']))
    it('addQuery takes >, CONTAINS, DOES NOT CONTAIN, IN with an array, and addOrCondition', () => {
        expect(descriptions('incident', (gr) => gr.addQuery('priority', '>', 4))).toEqual(['c gamma', 'e 10%_off'])
        expect(descriptions('incident', (gr) => gr.addQuery('short_description', 'CONTAINS', 'lph'))).toEqual(['a alpha'])
        expect(descriptions('incident', (gr) => gr.addQuery('short_description', 'DOES NOT CONTAIN', 'a'))).toEqual(['e 10%_off'])
        expect(descriptions('incident', (gr) => gr.addQuery('category', 'IN', ['software', 'hardware']).addOrCondition('category', 'network'))).toHaveLength(4)
    })
    it('values containing ^ and = are bound literally, never re-parsed as an encoded query', () => {
        expect(descriptions('incident', (gr) => gr.addQuery('short_description', 'd delta^x=y'))).toEqual(['d delta^x=y'])
        expect(descriptions('incident', (gr) => gr.addQuery('short_description', 'a alpha^ORcategory!=x'))).toEqual([])
        expect(descriptions('incident', (gr) => gr.addQuery('category', 'network^NQactive=true'))).toEqual([])
    })
    it('getEncodedQuery returns the query built with addQuery and addEncodedQuery', () => {
        const gr = new GlideRecord('incident')
        gr.addQuery('category', 'network').addOrCondition('category', 'software')
        gr.addEncodedQuery('priority<3')
        gr.orderByDesc('number')
        expect(gr.getEncodedQuery()).toBe('category=network^ORcategory=software^priority<3^ORDERBYDESCnumber')
    })
})
