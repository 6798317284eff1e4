// The integration user: created with only the integration role and a one-time password; warnings
// for inactive, locked out, web-service-only and extra roles, not for the Explicit Roles plugin's
// snc_internal / snc_external; reset-password.
import { GlideRecord } from '@servicenow/glide'
import { getStatus, postIntegrationUser, postResetPassword } from '../../../src/server/rest/setup-routes.ts'
import { grantExplicitRoleAtLogin } from '../../../emulator/instance/security/explicit-roles.ts'
import { createSetupHarness, type SetupHarness } from '../../support/setup-harness.ts'

let h: SetupHarness
beforeEach(() => {
    h = createSetupHarness()
    h.allowOAuthTable()
})
afterEach(() => h.runtime.close())

const userStep = () => h.call(getStatus, 'GET', '/status').json.result.steps[2]
const create = (body?: unknown) => h.call(postIntegrationUser, 'POST', '/integration-user', { body })

function updateUser(sysId: string, fields: { [name: string]: string }) {
    h.runtime.runAs('admin', () => {
        const user = new GlideRecord('sys_user')
        user.get(sysId)
        for (const name of Object.keys(fields)) user.setValue(name, fields[name])
        user.update()
    })
}

test('is missing until created', () => {
    expect(userStep()).toMatchObject({ state: 'todo', details: { users: [], role: 'x_mioms_m365ticket.integration' } })
})

test('is created with a strong one-time password, interactive sign-in and only the integration role', () => {
    const res = create()
    expect(res.status).toBe(201)
    expect(res.headers['cache-control']).toBe('no-store')
    const { user, password } = res.json.result
    expect(user).toMatchObject({ userName: 'm365.integration', active: true, lockedOut: false, webServiceAccessOnly: false, otherRoles: [] })
    expect(password.length).toBeGreaterThanOrEqual(24)
    expect(password).toMatch(/[a-z]/)
    expect(password).toMatch(/[A-Z]/)
    expect(password).toMatch(/[0-9]/)
    expect(password).toMatch(/[^A-Za-z0-9]/)

    const [row] = h.rows('sys_user', 'user_name=m365.integration')
    expect(row).toMatchObject({ web_service_access_only: '0', password_needs_reset: '0' })
    const roles = h.rows('sys_user_has_role', 'user=' + user.sysId)
    expect(roles).toHaveLength(1)
    expect(h.rows('sys_user_role', 'sys_id=' + roles[0].role)[0].name).toBe('x_mioms_m365ticket.integration')
    expect(userStep()).toMatchObject({ state: 'complete', problems: [] })
    // Stored one-way, as the platform stores passwords; the user can sign in with it.
    expect(row.user_password).not.toContain(password)
    expect(h.runtime.verifyPassword('m365.integration', password)).toBe(true)
})

test('a chosen user name is used; an existing one is a 409; bad names are 400', () => {
    expect(create({ userName: 'svc.m365' }).json.result.user.userName).toBe('svc.m365')
    const again = create({ userName: 'svc.m365' })
    expect(again.status).toBe(409)
    expect(again.json.error.message).toBe('User svc.m365 already exists')
    expect(create({ userName: 'admin' }).status).toBe(409)
    expect(create({ userName: 'has space' }).status).toBe(400)
    expect(create({ userName: 42 }).status).toBe(400)
    expect(h.count('sys_user', 'user_name=has space')).toBe(0)
})

test('warns when inactive, locked out, web service only, or holding other roles', () => {
    const { user } = create().json.result
    updateUser(user.sysId, { active: 'false', locked_out: 'true', web_service_access_only: 'true' })
    h.runtime.grantRole(user.sysId, 'itil')
    const step = userStep()
    expect(step.state).toBe('attention')
    expect(step.problems.map((p: { code: string }) => p.code)).toEqual(['user_inactive', 'user_locked_out', 'user_web_service_only', 'user_extra_roles'])
    expect(step.problems[3].message).toMatch(/itil/)
    expect(step.details.users[0].otherRoles).toEqual(['itil'])
})

/** Runs fn as an instance with the Explicit Roles plugin (switch LOCAL_INSTANCE_EXPLICIT_ROLES), or without. */
function withExplicitRoles<T>(on: boolean, fn: () => T): T {
    const before = process.env.LOCAL_INSTANCE_EXPLICIT_ROLES
    process.env.LOCAL_INSTANCE_EXPLICIT_ROLES = on ? '1' : '0'
    try {
        return fn()
    } finally {
        if (before === undefined) delete process.env.LOCAL_INSTANCE_EXPLICIT_ROLES
        else process.env.LOCAL_INSTANCE_EXPLICIT_ROLES = before
    }
}

describe('the Explicit Roles plugin ("Explicit Roles": snc_internal written to sys_user_has_role at the first login)', () => {
    test('with the plugin, the snc_internal its first sign-in gives the user is expected: the step stays complete', () => {
        withExplicitRoles(true, () => {
            const { user } = create().json.result
            expect(userStep().state).toBe('complete')
            // The consent page's sign-in (login.do) is the user's first login.
            grantExplicitRoleAtLogin(h.runtime.store, user.sysId)
            expect(h.rows('sys_user_has_role', 'user=' + user.sysId).length).toBe(2)
            const step = userStep()
            expect(step).toMatchObject({ state: 'complete', problems: [] })
            expect(step.details.users[0]).toMatchObject({ explicitRole: 'snc_internal', otherRoles: [] })
            expect(step.summary).toBe('Integration user m365.integration (snc_internal) is active and holds only x_mioms_m365ticket.integration.')
            // Any other role is still a warning, and its fix keeps the explicit role.
            h.runtime.grantRole(user.sysId, 'itil')
            expect(userStep().problems).toEqual([expect.objectContaining({ code: 'user_extra_roles', fix: expect.stringContaining('snc_internal or snc_external') })])
            expect(userStep().details.users[0].otherRoles).toEqual(['itil'])
        })
    })

    test('with the plugin, a user made external (snc_external) before its first sign-in stays external, and complete', () => {
        withExplicitRoles(true, () => {
            const { user } = create().json.result
            h.runtime.grantRole(user.sysId, 'snc_external')
            grantExplicitRoleAtLogin(h.runtime.store, user.sysId)
            expect(userStep()).toMatchObject({ state: 'complete', problems: [] })
            expect(userStep().details.users[0]).toMatchObject({ explicitRole: 'snc_external', otherRoles: [] })
        })
    })

    test('without the plugin, signing in adds no role', () => {
        withExplicitRoles(false, () => {
            const { user } = create().json.result
            grantExplicitRoleAtLogin(h.runtime.store, user.sysId)
            expect(userStep().details.users[0]).toMatchObject({ explicitRole: '', otherRoles: [] })
            expect(h.rows('sys_user_has_role', 'user=' + user.sysId).length).toBe(1)
        })
    })
})

test('reset-password gives a new one-time password and unlocks the user', () => {
    const created = create().json.result
    updateUser(created.user.sysId, { locked_out: 'true', failed_attempts: '5' })
    const res = h.call(postResetPassword, 'POST', '/integration-user/reset-password')
    expect(res.status).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.json.result.password).not.toBe(created.password)
    expect(res.json.result.password.length).toBeGreaterThanOrEqual(24)
    expect(res.json.result.user.lockedOut).toBe(false)
    expect(userStep().state).toBe('complete')
    expect(h.runtime.verifyPassword('m365.integration', res.json.result.password)).toBe(true)
    expect(h.runtime.verifyPassword('m365.integration', created.password)).toBe(false)
})

test('reset-password only touches users holding the integration role', () => {
    expect(h.call(postResetPassword, 'POST', '/integration-user/reset-password').status).toBe(409)
    create()
    const res = h.call(postResetPassword, 'POST', '/integration-user/reset-password', { body: { userName: 'admin' } })
    expect(res.status).toBe(404)
    expect(h.call(postResetPassword, 'POST', '/integration-user/reset-password', { body: { userName: 'm365.integration' } }).status).toBe(200)
})
