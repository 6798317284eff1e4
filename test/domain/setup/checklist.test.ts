// GET /status and the step transitions of the installation checklist, end to end through the
// setup handlers: preflight -> OAuth client -> integration user -> connection -> settings.
import { GlideRecord } from '@servicenow/glide'
import { putConnection } from '../../../src/server/rest/connector-routes.ts'
import { getStatus, postIntegrationUser, postOAuthClient, putSettings } from '../../../src/server/rest/setup-routes.ts'
import { createSetupHarness, TENANT, type SetupHarness } from '../../support/setup-harness.ts'

let h: SetupHarness

beforeEach(() => {
    h = createSetupHarness()
})
afterEach(() => h.runtime.close())

const status = () => h.call(getStatus, 'GET', '/status')
const step = (id: string) => status().json.result.steps.find((s: { id: string }) => s.id === id)
const states = () => status().json.result.steps.map((s: { id: string; state: string }) => s.id + ':' + s.state)

test('the five steps come in order with their live state', () => {
    h.allowOAuthTable()
    const res = status()
    expect(res.status).toBe(200)
    expect(res.json.result.steps.map((s: { id: string }) => s.id)).toEqual(['preflight', 'oauth', 'integration_user', 'connect', 'settings'])
    expect(states()).toEqual(['preflight:complete', 'oauth:todo', 'integration_user:todo', 'connect:blocked', 'settings:complete'])
    expect(res.json.result.nextStep).toBe('oauth')
    expect(res.json.result.complete).toBe(false)
})

test('walks from a fresh install to a connected tenant', () => {
    h.allowOAuthTable()
    expect(h.call(postOAuthClient, 'POST', '/oauth-client').status).toBe(201)
    expect(states()).toEqual(['preflight:complete', 'oauth:complete', 'integration_user:todo', 'connect:blocked', 'settings:complete'])

    const created = h.call(postIntegrationUser, 'POST', '/integration-user', { body: { userName: 'm365.integration' } })
    expect(created.status).toBe(201)
    expect(states()).toEqual(['preflight:complete', 'oauth:complete', 'integration_user:complete', 'connect:waiting', 'settings:complete'])
    expect(step('connect').summary).toMatch(/Waiting for Microsoft 365/)

    // Microsoft 365 registers its connection as the integration user.
    const integrationUser = created.json.result.user.sysId
    const connected = h.call(putConnection, 'PUT', '/connection', {
        body: { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'secadmin@contoso.onmicrosoft.com' },
        as: integrationUser,
    })
    expect(connected.status).toBe(201)
    const final = status().json.result
    expect(final.steps.map((s: { state: string }) => s.state)).toEqual(['complete', 'complete', 'complete', 'complete', 'complete'])
    expect(final.complete).toBe(true)
    expect(final.nextStep).toBeNull()
    const tenant = final.steps[3].details.connections[0]
    expect(tenant).toMatchObject({ tenantId: TENANT, tenantName: 'Contoso', status: 'connected', connectedBy: 'secadmin@contoso.onmicrosoft.com' })
    expect(tenant.integrationUser.userName).toBe('m365.integration')
})

test('status is derived from the instance every time: deactivating the client shows at once', () => {
    h.allowOAuthTable()
    h.call(postOAuthClient, 'POST', '/oauth-client')
    h.runtime.runAs('admin', () => {
        const client = new GlideRecord('oauth_entity')
        client.query()
        client.next()
        client.setValue('active', false)
        client.update()
    })
    const oauth = step('oauth')
    expect(oauth.state).toBe('attention')
    expect(oauth.problems.map((p: { code: string }) => p.code)).toEqual(['client_inactive'])
})

test('a failing preflight blocks the OAuth step', () => {
    h.setTablePolicy('oauth_entity', { access: 'package_private', read_access: 'false' })
    expect(states().slice(0, 2)).toEqual(['preflight:failed', 'oauth:blocked'])
    expect(status().json.result.nextStep).toBe('preflight')
})

test('settings with a vanished assignment group need attention', () => {
    h.allowOAuthTable()
    const group = h.runtime.runAs('admin', () => h.runtime.createGroup('Network'))
    expect(h.call(putSettings, 'PUT', '/settings', { body: { changeAssignmentGroup: group } }).status).toBe(200)
    expect(step('settings').state).toBe('complete')
    h.runtime.runAs('admin', () => {
        const record = new GlideRecord('sys_user_group')
        record.get(group)
        record.deleteRecord()
    })
    const settings = step('settings')
    expect(settings.state).toBe('attention')
    expect(settings.problems[0].code).toBe('assignment_group_missing')
})

// "Assign a role to a group": members inherit the group's roles, as inherited sys_user_has_role rows (Role
// Management V2). The integration-user step reads those rows: a member is an integration user, and only roles
// beside the integration role count as extra.
test('the integration-user step finds a user holding the integration role through a group, and flags only other roles', () => {
    h.allowOAuthTable()
    const store = h.runtime.store
    const roleId = (name: string) => store.get<{ sys_id: string }>(`SELECT sys_id FROM ${store.sqlTable('sys_user_role')} WHERE name = ?`, [name])?.sys_id ?? store.insert('sys_user_role', { name }, 'system').sysId!
    const user = h.runtime.createUser({ user_name: 'm365.grouped' })
    const group = h.runtime.createGroup('M365 integration accounts')
    store.insert('sys_group_has_role', { group, role: roleId('x_mioms_m365ticket.integration') }, 'system')
    store.insert('sys_user_grmember', { user, group }, 'system')

    const held = step('integration_user')
    expect(held.state).toBe('complete')
    expect(held.details.users).toEqual([expect.objectContaining({ userName: 'm365.grouped', otherRoles: [] })])

    store.insert('sys_group_has_role', { group, role: roleId('itil') }, 'system')
    const flagged = step('integration_user')
    expect(flagged.state).toBe('attention')
    expect(flagged.details.users[0].otherRoles).toEqual(['itil'])
    expect(flagged.problems.map((p: { code: string }) => p.code)).toEqual(['user_extra_roles'])
})
