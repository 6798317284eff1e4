// Conformance of dot-walked conditions and ordering ("Encoded query strings": conditions on fields of referenced
// records, e.g. caller_id.user_name=abel; Table API sysparm_query and ORDERBY accept the same): a dot-walk follows
// reference columns; a name that is not a reference, or unknown, makes the condition invalid.
import { GlideRecord } from '../../emulator/instance/glide/index.ts'
import type { Runtime } from '../../emulator/instance/runtime.ts'
import { parseEncodedQuery } from '../../emulator/instance/store/query.ts'
import { descriptions, insert } from '../support/query-fixture.ts'
import { createRuntime } from '../../emulator/instance/runtime.ts'

let runtime: Runtime
beforeAll(() => {
    runtime = createRuntime({ strict: true }).activate()
    const abel = runtime.createUser({ user_name: 'abel.tuter', first_name: 'Abel', last_name: 'Tuter' })
    const beth = runtime.createUser({ user_name: 'beth.anglin', first_name: 'Beth', last_name: 'Anglin' })
    const network = runtime.createGroup('Network', { manager: beth })
    const database = runtime.createGroup('Database', { manager: abel })
    insert('incident', { short_description: 'vpn', caller_id: abel, assignment_group: network })
    insert('incident', { short_description: 'db', caller_id: beth, assignment_group: database })
    insert('incident', { short_description: 'orphan' })
})
afterAll(() => runtime.close())

const walk = (encoded: string) => descriptions('incident', (gr) => gr.addEncodedQuery(encoded))

describe('dot-walking in encoded queries (Encoded query strings)', () => {
    it('caller_id.user_name=abel.tuter matches incidents whose caller has that user name', () => expect(walk('caller_id.user_name=abel.tuter')).toEqual(['vpn']))
    it('assignment_group.name=Network matches through the group reference, case-insensitively', () => expect(walk('assignment_group.name=network')).toEqual(['vpn']))
    it('walks more than one hop (assignment_group.manager.user_name)', () => expect(walk('assignment_group.manager.user_name=abel.tuter')).toEqual(['db']))
    it('operators apply to the walked field (STARTSWITH, IN)', () => {
        expect(walk('caller_id.first_nameSTARTSWITHbe')).toEqual(['db'])
        expect(walk('caller_id.user_nameINabel.tuter,beth.anglin^ORDERBYshort_description')).toEqual(['db', 'vpn'])
    })
    it('addQuery takes a dot-walked field too', () => expect(descriptions('incident', (gr) => gr.addQuery('caller_id.last_name', 'Tuter'))).toEqual(['vpn']))
    it('ORDERBY and ORDERBYDESC take a dot-walked field', () => {
        expect(walk('caller_idISNOTEMPTY^ORDERBYcaller_id.user_name')).toEqual(['vpn', 'db'])
        expect(walk('caller_idISNOTEMPTY^ORDERBYDESCcaller_id.user_name')).toEqual(['db', 'vpn'])
    })
    it('the store entry points (select, count) dot-walk as well', () => {
        expect(runtime.store.count('incident', parseEncodedQuery('assignment_group.name=Database'))).toBe(1)
    })
    it('an unknown hop, or a hop through a field that is not a reference, is an invalid field (strict: throws)', () => {
        expect(() => walk('caller_id.no_such_field=x')).toThrow(/Unknown field caller_id.no_such_field in table incident/)
        expect(() => walk('short_description.name=x')).toThrow(/Unknown field short_description.name in table incident/)
        expect(() => walk('no_such_ref.name=x')).toThrow(/Unknown field no_such_ref.name in table incident/)
    })
    it('a GlideRecord built on a dot-walk reads the referenced record through getRefRecord', () => {
        const gr = new GlideRecord('incident')
        gr.addQuery('caller_id.user_name', 'beth.anglin')
        gr.query()
        expect(gr.next()).toBe(true)
        expect(gr.caller_id.getRefRecord().getValue('first_name')).toBe('Beth')
    })
})
