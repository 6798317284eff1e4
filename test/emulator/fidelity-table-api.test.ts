// Register rows of "Table API" whose named tests asserted less than the row: each test here asserts its row whole.
// "Query ACLs" (platform security docs): query_match is EQUALS, NOT_EQUALS, IN, NOT_IN, SAMEAS, NSAMEAS, ANYTHING,
// ISEMPTYSTRING, ISEMPTY, ISNOTEMPTY, ISNULL, ISNOTNULL ("safe operators"); everything else, and sorting, is query_range.
import { newSysId } from '../../emulator/instance/store/store.ts'
import { ADMIN, basic, call, type Instance, ITIL, startTestInstance } from '../support/http-harness.ts'

let instance: Instance
const table = (path: string) => `${instance.url}/api/now/table/${path}`

beforeAll(async () => {
    instance = await startTestInstance()
    expect((await call(table('incident'), 'POST', basic(ITIL), { short_description: 'query-match anything' })).status).toBe(201)
    // A query_range ACL on incident.short_description that only admin passes: ITIL keeps the match operators only.
    const store = instance.runtime.store
    const acl = newSysId()
    store.insert('sys_security_acl', { sys_id: acl, name: 'incident.short_description', operation: 'query_range', type: 'record', active: 'true', admin_overrides: 'true', decision_type: 'allow' }, 'system')
    const admin = instance.rows('sys_user_role', 'name = ?', ['admin'])[0].sys_id
    store.insert('sys_security_acl_role', { sys_security_acl: acl, sys_user_role: admin }, 'system')
})

afterAll(() => instance.close())

describe('query_match operators under a query_range ACL the caller fails', () => {
    it.each(['short_descriptionANYTHING', 'short_descriptionISNOTEMPTY', 'short_description=query-match anything'])('%s stays open (query_match)', async (condition) => {
        const response = await call(table(`incident?sysparm_query=${encodeURIComponent(condition)}^short_description=query-match anything&sysparm_fields=short_description`), 'GET', basic(ITIL))
        expect(response.json.result).toEqual([{ short_description: 'query-match anything' }])
    })

    it('a range operator (CONTAINS) is refused: no rows', async () => {
        const response = await call(table('incident?sysparm_query=short_descriptionLIKEmatch anything&sysparm_fields=short_description'), 'GET', basic(ITIL))
        expect(response.json.result).toEqual([])
    })
})

describe('created records and sysparm_fields (local choices)', () => {
    it('answers a POST with the absolute Table API URL of the created record in Location', async () => {
        const response = await call(table('incident'), 'POST', basic(ITIL), { short_description: 'located' })
        expect(response.status).toBe(201)
        expect(response.headers.get('location')).toBe(`${instance.url}/api/now/table/incident/${response.json.result.sys_id}`)
    })

    it('leaves a field the table lacks out of the result', async () => {
        const response = await call(table('incident?sysparm_query=short_description=located&sysparm_fields=short_description,no_such_field'), 'GET', basic(ADMIN))
        expect(response.json.result).toEqual([{ short_description: 'located' }])
    })
})
