// Conformance with the platform's case-insensitive comparison of text (its database collation; "Operators
// available for filters and queries" matches "is", "is one of", "starts with", "contains" without regard to
// case) and case-insensitive unique indexes: two values that differ only by case are the same key.
import { GlideRecord } from '../../emulator/instance/glide/index.ts'
import type { Runtime } from '../../emulator/instance/runtime.ts'
import { descriptions, incidentFixture, incidents as q, insert } from '../support/query-fixture.ts'

let runtime: Runtime
beforeAll(() => {
    runtime = incidentFixture()
})
afterAll(() => runtime.close())

describe('text comparisons ignore case (database collation)', () => {
    it('= and != ignore case', () => {
        expect(q('category=NETWORK')).toEqual(['a alpha', 'd delta^x=y'])
        expect(q('category!=Network')).toEqual(['b beta', 'c gamma'])
    })
    it('IN and NOT IN ignore case', () => {
        expect(q('categoryINNetwork,HARDWARE')).toEqual(['a alpha', 'c gamma', 'd delta^x=y'])
        expect(q('categoryNOT INNetwork,HARDWARE')).toEqual(['b beta'])
    })
    it('STARTSWITH, ENDSWITH, LIKE and NOT LIKE ignore case', () => {
        expect(q('short_descriptionSTARTSWITHB BE')).toEqual(['b beta'])
        expect(q('short_descriptionENDSWITHGAMMA')).toEqual(['c gamma'])
        expect(q('short_descriptionLIKEALPH')).toEqual(['a alpha'])
        expect(q('short_descriptionNOT LIKEA')).toEqual(['e 10%_off'])
    })
    it('get(field, value) finds the record whatever the case', () => {
        const gr = new GlideRecord('incident')
        expect(gr.get('short_description', 'C GAMMA')).toBe(true)
        expect(gr.getValue('short_description')).toBe('c gamma')
    })
    it('ORDERBY sorts text without regard to case', () => {
        insert('incident', { short_description: 'B upper', category: 'sorting' })
        insert('incident', { short_description: 'a lower', category: 'sorting' })
        insert('incident', { short_description: 'C upper', category: 'sorting' })
        expect(descriptions('incident', (gr) => gr.addEncodedQuery('category=sorting^ORDERBYshort_description'))).toEqual(['a lower', 'B upper', 'C upper'])
    })
})

describe('unique indexes ignore case (database collation)', () => {
    it('two values that differ only by case violate a unique index', () => {
        const connection = insert('x_mioms_m365ticket_connection', { tenant_id: 'tenant-case' })
        insert('x_mioms_m365ticket_change_request', { connection, m365_task_id: 'Task-ABC' })
        const dup = new GlideRecord('x_mioms_m365ticket_change_request')
        dup.initialize()
        dup.setValue('connection', connection)
        dup.setValue('m365_task_id', 'task-abc')
        expect(dup.insert()).toBeNull()
        expect(dup.getLastErrorMessage()).toMatch(/Unique Key violation detected by database/)
    })
})
