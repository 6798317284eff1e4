// Conformance with KB0715430 "How Filters and Report Criteria Handle null Values": "is not" (!=), "is not one
// of" (NOT IN) and "does not contain" (NOT LIKE) do not return records whose value is empty; only "is empty"
// (and "is anything") does. The same holds through a dot-walk: an empty reference has empty fields.
import type { Runtime } from '../../emulator/instance/runtime.ts'
import { descriptions, incidentFixture, incidents as q, insert } from '../support/query-fixture.ts'

let runtime: Runtime
beforeAll(() => {
    runtime = incidentFixture()
})
afterAll(() => runtime.close())

describe('null values in conditions (KB0715430)', () => {
    it('!= ("is not") does not match records whose value is empty', () => expect(q('category!=network')).toEqual(['b beta', 'c gamma']))
    it('NOT IN ("is not one of") does not match records whose value is empty', () => expect(q('categoryNOT INnetwork,hardware')).toEqual(['b beta']))
    it('NOT LIKE ("does not contain") does not match records whose value is empty', () => {
        insert('incident', { short_description: 'z no description', description: 'vpn down', category: 'software' })
        expect(descriptions('incident', (gr) => gr.addEncodedQuery('descriptionNOT LIKEprinter^ORDERBYshort_description'))).toEqual(['z no description'])
    })
    it('addQuery(field, "!=", value) does not match empty values either', () => expect(descriptions('incident', (gr) => gr.addQuery('category', '!=', 'software')).sort()).toEqual(['a alpha', 'c gamma', 'd delta^x=y']))
    it('only ISEMPTY ("is empty") returns them', () => expect(q('categoryISEMPTY')).toEqual(['e 10%_off']))
    it('a dot-walked "is not" does not match records whose reference is empty; a dot-walked ISEMPTY does', () => {
        const abel = runtime.createUser({ user_name: 'abel.nulls' })
        insert('incident', { short_description: 'with caller', caller_id: abel })
        insert('incident', { short_description: 'without caller' })
        const withCallers = (encoded: string) => descriptions('incident', (gr) => gr.addEncodedQuery(`short_descriptionSTARTSWITHwith^${encoded}`))
        expect(withCallers('caller_id.user_name!=someone.else')).toEqual(['with caller'])
        expect(withCallers('caller_id.user_nameISEMPTY')).toEqual(['without caller'])
    })
})
