// The built app (dist/app) is loaded as installing its update set would: tables from the dictionary,
// records from update/ and author_elective_update/ (sys_choice_v2 unpacked).
import { GlideRecord, GlideRecordSecure } from '../../emulator/instance/glide/index.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'

let runtime: Runtime
beforeAll(() => {
    runtime = createRuntime().activate()
})
afterAll(() => runtime.close())

function count(table: string, query: string): number {
    const gr = new GlideRecord(table)
    gr.addEncodedQuery(query)
    gr.query()
    return gr.getRowCount()
}

describe('loading the built app', () => {
    it("the app's tables exist with the labels of their sys_db_object records", () => {
        expect(new GlideRecord('x_mioms_m365ticket_change_request').getLabel()).toBe('Microsoft 365 Security and Configuration Change Request')
        expect(new GlideRecord('x_mioms_m365ticket_connection').isValid()).toBe(true)
    })
    it("sys_db_object.super_class names the parent's record (references resolved by display value)", () => {
        const table = new GlideRecord('sys_db_object')
        expect(table.get('name', 'x_mioms_m365ticket_incident')).toBe(true)
        expect(table.getDisplayValue('super_class')).toBe('incident')
    })
    it("the app's roles, role containment, properties and REST operations are records", () => {
        expect(count('sys_user_role', 'nameSTARTSWITHx_mioms_m365ticket.')).toBeGreaterThanOrEqual(3)
        expect(count('sys_user_role_contains', 'roleISNOTEMPTY')).toBeGreaterThanOrEqual(1)
        expect(count('sys_properties', 'nameSTARTSWITHx_mioms_m365ticket.')).toBeGreaterThanOrEqual(5)
        expect(count('sys_ws_operation', 'operation_uriSTARTSWITH/api/x_mioms_m365ticket/')).toBeGreaterThanOrEqual(1)
        expect(count('sys_security_acl', 'nameSTARTSWITHx_mioms_m365ticket')).toBeGreaterThanOrEqual(1)
    })
    it('choices come from the dictionary and sys_choice_v2 records, once each', () => {
        const choices = new GlideRecord('sys_choice')
        choices.addQuery('name', 'x_mioms_m365ticket_connection')
        choices.addQuery('element', 'status')
        choices.orderBy('sequence')
        choices.query()
        const values: string[] = []
        while (choices.next()) values.push(choices.getValue('value')!)
        expect(values).toEqual(['pending', 'connected', 'error', 'disconnected'])
    })
    it('choice labels of app fields are display values', () => {
        const gr = new GlideRecord('x_mioms_m365ticket_connection')
        gr.initialize()
        gr.setValue('tenant_id', 'x')
        gr.setValue('status', 'connected')
        expect(gr.getDisplayValue('status')).toBe('Connected')
    })
})

describe('GlideRecordSecure (the ACL hook)', () => {
    afterEach(() => runtime.setAcl(() => true))
    it('skips records the ACL hook does not let the user read and refuses denied writes', () => {
        const gr = new GlideRecord('incident')
        gr.initialize()
        gr.setValue('short_description', 'secret')
        gr.insert()
        runtime.setAcl((operation, table) => !(table === 'incident' && (operation === 'read' || operation === 'create')))
        const secure = new GlideRecordSecure('incident')
        secure.addQuery('short_description', 'secret')
        secure.query()
        expect(secure.next()).toBe(false)
        const plain = new GlideRecord('incident')
        plain.addQuery('short_description', 'secret')
        plain.query()
        expect(plain.next()).toBe(true)
        expect(plain.canRead()).toBe(false)
        const create = new GlideRecordSecure('incident')
        create.initialize()
        expect(create.insert()).toBeNull()
    })
})
