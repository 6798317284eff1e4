// Conformance of requires_snc_internal_role (sys_ws_operation) with "Explicit Roles" and "Create a scripted
// REST API resource", over HTTP against the built app's GET /states operation, with its flag set by each test
// (the app chooses its own flags; RestApi route option internalRole). The instance runs with the Explicit
// Roles switch (LOCAL_INSTANCE_EXPLICIT_ROLES, emulator/instance/fidelity.ts) on.
import { basic, call, CONNECTOR, type Instance, INTEGRATION, startTestInstance, TENANT } from '../support/http-harness.ts'

const EXTERNAL = { user: 'm365.external', password: 'External-Passw0rd!' }
const DO_NOT_FIX = 'glide.security.explicit_roles.do_not_fix'
let instance: Instance
let before: string | undefined

beforeAll(async () => {
    before = process.env.LOCAL_INSTANCE_EXPLICIT_ROLES
    process.env.LOCAL_INSTANCE_EXPLICIT_ROLES = '1'
    instance = await startTestInstance()
    instance.runtime.createUser({ user_name: EXTERNAL.user, roles: ['x_mioms_m365ticket.integration', 'snc_external'], password: EXTERNAL.password })
})
afterAll(async () => {
    await instance.close()
    if (before === undefined) delete process.env.LOCAL_INSTANCE_EXPLICIT_ROLES
    else process.env.LOCAL_INSTANCE_EXPLICIT_ROLES = before
})

function states(credentials: { user: string; password: string }) {
    return call(`${instance.url}${CONNECTOR}/states?tenantId=${TENANT}`, 'GET', basic(credentials))
}

/** Whether the instance refused the call before the operation ran (the app answers its own 403s too). */
async function refused(credentials: { user: string; password: string }): Promise<boolean> {
    const response = await states(credentials)
    return response.status === 403 && response.json?.error?.message === 'User Not Authorized'
}

function setDoNotFix(value: string): void {
    const store = instance.runtime.store
    const row = store.get<{ sys_id: string }>(`SELECT sys_id FROM ${store.sqlTable('sys_properties')} WHERE name = ?`, [DO_NOT_FIX])
    if (row) store.update('sys_properties', row.sys_id, { value }, 'system')
    else store.insert('sys_properties', { name: DO_NOT_FIX, value, type: 'true|false' }, 'system')
}

function requireInternalRole(value: boolean): void {
    const op = instance.rows('sys_ws_operation', 'http_method = ? AND operation_uri = ?', ['GET', CONNECTOR + '/states'])[0]
    instance.runtime.store.update('sys_ws_operation', op.sys_id!, { requires_snc_internal_role: String(value) }, 'system')
}

describe('requires_snc_internal_role with the Explicit Roles plugin', () => {
    beforeEach(() => requireInternalRole(true))

    it('serves an external user where the operation does not require snc_internal', async () => {
        requireInternalRole(false)
        expect(await refused(EXTERNAL)).toBe(false)
    })

    // "Explicit Roles": users with snc_external cannot access scripted REST resources that are not marked external.
    it('refuses an external user (snc_external) with 403, even one holding the API ACL role', async () => {
        const response = await states(EXTERNAL)
        expect(response.status).toBe(403)
        expect(response.json).toEqual({ error: { message: 'User Not Authorized', detail: "The resource requires the snc_internal role, which the user 'm365.external' does not have" }, status: 'failure' })
    })

    // "Explicit Roles": any time a user logs in, the user is given snc_internal unless they have snc_external.
    it('serves a user with neither explicit role, who gets snc_internal at login', async () => {
        expect(await refused(INTEGRATION)).toBe(false)
        const user = instance.rows('sys_user', 'user_name = ?', [INTEGRATION.user])[0]
        expect(instance.count('sys_user_has_role', `"user" = ? AND role = (SELECT sys_id FROM sys_user_role WHERE name = 'snc_internal')`, [user.sys_id])).toBe(1)
    })

    // "glide.security.explicit_roles.do_not_fix": true → snc_internal is not added (in memory or in sys_user_has_role) at a
    // login; a user who never logged in before is refused until granted it.
    it('refuses a user without snc_internal when do_not_fix is true, and serves them once granted the role', async () => {
        const fresh = { user: 'm365.unfixed', password: 'Unfixed-Passw0rd!' }
        const sysId = instance.runtime.createUser({ user_name: fresh.user, roles: ['x_mioms_m365ticket.integration'], password: fresh.password })
        setDoNotFix('true')
        try {
            expect(await refused(fresh)).toBe(true)
            instance.runtime.grantRole(sysId, 'snc_internal')
            expect(await refused(fresh)).toBe(false)
        } finally {
            setDoNotFix('false')
        }
    })
})
