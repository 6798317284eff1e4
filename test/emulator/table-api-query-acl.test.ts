// A caller cannot filter or sort on a field it may not query ("Query ACLs", platform security docs, Washington DC+:
// query_match covers =, !=, IN, NOT IN, ISEMPTY, ISNOTEMPTY; query_range the other operators and sorting; with no
// query ACL the field's read ACLs decide). Password fields are never returned by the Table API, so no caller may
// query them: otherwise `user_passwordSTARTSWITH…` recovers a hash one character at a time (a blind query attack).
// What a refused query answers is a local choice: no rows (FIDELITY.md, "Table API").
import { newSysId } from '../../emulator/instance/store/store.ts'
import { ADMIN, basic, call, type Instance, ITIL, startTestInstance } from '../support/http-harness.ts'

let instance: Instance
const table = (path: string) => `${instance.url}/api/now/table/${path}`

beforeAll(async () => {
    instance = await startTestInstance()
    for (const text of ['query-acl alpha', 'query-acl beta']) expect((await call(table('incident'), 'POST', basic(ITIL), { short_description: text })).status).toBe(201)
})

afterAll(() => instance.close())

describe('password fields (never readable through the Table API, so never queryable)', () => {
    it('a prefix of the hash matches nothing, for any caller', async () => {
        // Every stored hash starts with 'scrypt$': before query permissions this listed every user.
        for (const who of [ITIL, ADMIN]) {
            const response = await call(table('sys_user?sysparm_query=user_passwordSTARTSWITHs&sysparm_fields=user_name'), 'GET', basic(who))
            expect(response.status).toBe(200)
            expect(response.json.result).toEqual([])
            expect(response.headers.get('x-total-count')).toBe('0')
        }
    })

    it('sorting by the hash or reaching it by dot-walking is refused the same way', async () => {
        expect((await call(table('sys_user?sysparm_query=ORDERBYuser_password'), 'GET', basic(ITIL))).json.result).toEqual([])
        expect((await call(table('incident?sysparm_query=caller_id.user_passwordSTARTSWITHs'), 'GET', basic(ITIL))).json.result).toEqual([])
    })

    it('name-value pair filters on the hash are refused too', async () => {
        const hash = instance.rows('sys_user', 'user_name = ?', [ITIL.user])[0].user_password!
        expect((await call(table(`sys_user?user_password=${encodeURIComponent(hash)}`), 'GET', basic(ITIL))).json.result).toEqual([])
    })
})

describe('query_match / query_range ACLs', () => {
    beforeAll(() => {
        // A query_range ACL on incident.short_description that only admin passes: match queries stay open.
        const store = instance.runtime.store
        const acl = newSysId()
        store.insert('sys_security_acl', { sys_id: acl, name: 'incident.short_description', operation: 'query_range', type: 'record', active: 'true', admin_overrides: 'true', decision_type: 'allow' }, 'system')
        const admin = instance.rows('sys_user_role', 'name = ?', ['admin'])[0].sys_id
        store.insert('sys_security_acl_role', { sys_security_acl: acl, sys_user_role: admin }, 'system')
    })

    it('refuses a range query (STARTSWITH) to a caller failing the query_range ACL', async () => {
        const response = await call(table('incident?sysparm_query=short_descriptionSTARTSWITHquery-acl'), 'GET', basic(ITIL))
        expect(response.json.result).toEqual([])
    })

    it('still lets that caller run match queries (=), which the query_range ACL does not cover', async () => {
        const response = await call(table('incident?sysparm_query=short_description=query-acl alpha&sysparm_fields=short_description'), 'GET', basic(ITIL))
        expect(response.json.result).toEqual([{ short_description: 'query-acl alpha' }])
    })

    it('lets a caller passing the ACL run the range query', async () => {
        const response = await call(table('incident?sysparm_query=short_descriptionSTARTSWITHquery-acl&sysparm_fields=short_description'), 'GET', basic(ADMIN))
        expect(response.json.result).toHaveLength(2)
    })
})

// "ACL rule types" (Field ACL rules): a query ACL named parent.* applies to every field of the child tables that has
// no more specific one (table.field, parent.field, *.field, table.*).
describe('query ACLs in the field ACL order', () => {
    beforeAll(() => {
        const store = instance.runtime.store
        const acl = newSysId()
        store.insert('sys_security_acl', { sys_id: acl, name: 'task.*', operation: 'query_range', type: 'record', active: 'true', admin_overrides: 'true', decision_type: 'allow' }, 'system')
        const admin = instance.rows('sys_user_role', 'name = ?', ['admin'])[0].sys_id
        store.insert('sys_security_acl_role', { sys_security_acl: acl, sys_user_role: admin }, 'system')
    })

    it('a task.* query_range ACL refuses a range query on an incident field to a caller failing it, not a match query', async () => {
        const refused = await call(table('incident?sysparm_query=numberSTARTSWITHINC&sysparm_fields=number'), 'GET', basic(ITIL))
        expect({ result: refused.json.result, total: refused.headers.get('x-total-count') }).toEqual({ result: [], total: '0' })
        const number = instance.rows('task', 'short_description = ?', ['query-acl alpha'])[0].number
        expect((await call(table(`incident?sysparm_query=number=${number}&sysparm_fields=number`), 'GET', basic(ITIL))).json.result).toEqual([{ number }])
        expect((await call(table('incident?sysparm_query=numberSTARTSWITHINC&sysparm_fields=number'), 'GET', basic(ADMIN))).json.result.length).toBeGreaterThan(0)
    })
})
