// The checklist page's own ui_page ACL (fluent/acls/checklist-page-acl.now.ts): a signed-in user without the app's
// admin role is refused the page with the platform's text; the app's admin (without the platform admin role) gets it.
import { ADMIN, Browser, type Instance, ITIL, startTestInstance } from '../support/http-harness.ts'

const APP_ADMIN = { user: 'app.admin', password: 'AppAdmin-Passw0rd!' }
const PAGE = '/x_mioms_m365ticket_checklist.do'

let instance: Instance

beforeAll(async () => {
    instance = await startTestInstance()
    instance.runtime.createUser({ user_name: APP_ADMIN.user, roles: ['x_mioms_m365ticket.admin'], password: APP_ADMIN.password })
})

afterAll(() => instance.close())

it('refuses the page to a signed-in user without x_mioms_m365ticket.admin, with "Security constraints prevent access to requested page"', async () => {
    const page = await new Browser(instance.url).login(ITIL, PAGE)
    expect(page.status).toBe(403)
    expect(page.html).toContain('Security constraints prevent access to requested page')
    expect(page.html).not.toContain('<div id="root"></div>')
    expect(page.html).not.toContain('window.g_ck')
})

it("serves the page to the app's admin and to the platform admin", async () => {
    for (const credentials of [APP_ADMIN, ADMIN]) {
        const page = await new Browser(instance.url).login(credentials, PAGE)
        expect([credentials.user, page.status]).toEqual([credentials.user, 200])
        expect(page.html).toContain('<div id="root"></div>')
    }
})
