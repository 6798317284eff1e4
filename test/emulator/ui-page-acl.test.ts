// Conformance of UI page ACLs with "ACL rule types" (UI page ACL rules): ui_page read ACLs named by the fully scoped
// page name decide, else the '*' ui_page ACLs; a refused user gets "Security constraints prevent access to requested
// page" (KB0685507) instead of the page.
import { uiPageRefusal } from '../../emulator/instance/http/ui-pages.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'
import { canReadUiPage } from '../../emulator/instance/security/acl.ts'

let runtime: Runtime

beforeEach(() => {
    runtime = createRuntime({ dbPath: ':memory:' })
})
afterEach(() => runtime.close())

function user(name: string, roles: string[]): { sysId: string; userName: string } {
    return { sysId: runtime.createUser({ user_name: name, roles }), userName: name }
}

function uiPageAcl(name: string, roles: string[]): void {
    const acl = runtime.store.insert('sys_security_acl', { name, type: 'ui_page', operation: 'read', active: 'true' }, { userName: 'admin', sysId: null })
    for (const role of roles) {
        const roleRow = runtime.store.select('sys_user_role', { blocks: [[[{ field: 'name', op: '=', value: role }]]], orderBy: [] })[0]
        runtime.store.insert('sys_security_acl_role', { sys_security_acl: acl.sysId!, sys_user_role: roleRow.sys_id! }, { userName: 'admin', sysId: null })
    }
}

it("lets the page's ui_page read ACL decide: a user with one of its roles passes, admin passes, others do not", () => {
    uiPageAcl('x_test_page', ['itil'])
    expect(canReadUiPage(runtime.store, 'x_test_page', user('ida', ['itil']))).toBe(true)
    expect(canReadUiPage(runtime.store, 'x_test_page', user('boss', ['admin']))).toBe(true)
    expect(canReadUiPage(runtime.store, 'x_test_page', user('nina', []))).toBe(false)
})

it("falls back to the '*' ui_page ACLs when the page has none of its own, and displays the page when neither exists", () => {
    const nina = user('nina', [])
    expect(canReadUiPage(runtime.store, 'x_other_page', nina)).toBe(true)
    uiPageAcl('*', ['itil'])
    expect(canReadUiPage(runtime.store, 'x_other_page', nina)).toBe(false)
    uiPageAcl('x_other_page', [])
    expect(canReadUiPage(runtime.store, 'x_other_page', nina)).toBe(true)
})

it('reads the ACL name as the fully scoped page name (the endpoint without .do) and refuses with the platform text', () => {
    uiPageAcl('x_test_page', ['itil'])
    const page = { name: 'page', endpoint: 'x_test_page.do' }
    expect(uiPageRefusal(runtime.store, page, user('ida', ['itil']))).toBeNull()
    expect(uiPageRefusal(runtime.store, page, user('nina', []))).toContain('Security constraints prevent access to requested page')
})

it("secures the app's checklist page with its own ACL requiring x_mioms_m365ticket.admin", () => {
    expect(canReadUiPage(runtime.store, 'x_mioms_m365ticket_checklist', user('app.admin', ['x_mioms_m365ticket.admin']))).toBe(true)
    expect(canReadUiPage(runtime.store, 'x_mioms_m365ticket_checklist', user('ida', ['itil']))).toBe(false)
})
