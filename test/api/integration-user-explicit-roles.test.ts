// The checklist's integration-user step over HTTP, once the integration user has signed in (as it does on the OAuth
// consent page), on an instance without and with the Explicit Roles plugin (switch LOCAL_INSTANCE_EXPLICIT_ROLES).
// "Explicit Roles": "any time a user logs in, the user is given the snc_internal role if the account does not already
// have that role, or the snc_external role", a sys_user_has_role row since Xanadu. The app expects it: the step stays
// complete and names the role, instead of warning about a role beyond the integration role.
import { SETUP_API as SETUP } from '../support/api-paths.ts'
import { ADMIN, basic, Browser, call, type Instance, INTEGRATION, startTestInstance } from '../support/http-harness.ts'

let instance: Instance
let before: string | undefined

beforeAll(async () => {
    before = process.env.LOCAL_INSTANCE_EXPLICIT_ROLES
    instance = await startTestInstance()
})
afterAll(async () => {
    await instance.close()
    if (before === undefined) delete process.env.LOCAL_INSTANCE_EXPLICIT_ROLES
    else process.env.LOCAL_INSTANCE_EXPLICIT_ROLES = before
})

async function userStep() {
    const status = await call(`${instance.url}${SETUP}/status`, 'GET', basic(ADMIN))
    expect(status.status).toBe(200)
    return status.json.result.steps.find((step: { id: string }) => step.id === 'integration_user')
}

async function signInAsIntegrationUser(): Promise<void> {
    const browser = new Browser(instance.url)
    await browser.login(INTEGRATION)
    expect(browser.cookies.has('JSESSIONID')).toBe(true)
}

const internalRoleRows = () =>
    instance.count('sys_user_has_role', `"user" = (SELECT sys_id FROM sys_user WHERE user_name = ?) AND role = (SELECT sys_id FROM sys_user_role WHERE name = 'snc_internal')`, [INTEGRATION.user])

it('without the plugin, signing in adds no role and the step is complete', async () => {
    process.env.LOCAL_INSTANCE_EXPLICIT_ROLES = '0'
    await signInAsIntegrationUser()
    expect(internalRoleRows()).toBe(0)
    const step = await userStep()
    expect(step).toMatchObject({ state: 'complete', problems: [] })
    expect(step.details.users.find((u: { userName: string }) => u.userName === INTEGRATION.user)).toMatchObject({ explicitRole: '', otherRoles: [] })
})

it('with the plugin, the first sign-in writes snc_internal to sys_user_has_role, and the step stays complete', async () => {
    process.env.LOCAL_INSTANCE_EXPLICIT_ROLES = '1'
    await signInAsIntegrationUser()
    expect(internalRoleRows()).toBe(1)
    const step = await userStep()
    expect(step).toMatchObject({ state: 'complete', problems: [] })
    expect(step.details.users.find((u: { userName: string }) => u.userName === INTEGRATION.user)).toMatchObject({ explicitRole: 'snc_internal', otherRoles: [] })
    expect(step.summary).toContain(INTEGRATION.user + ' (snc_internal)')
    // A second sign-in finds the role held.
    await signInAsIntegrationUser()
    expect(internalRoleRows()).toBe(1)
})
