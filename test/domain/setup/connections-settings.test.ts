// Connections as the checklist shows them (refresh-token expiry and its 14-day warning, removal)
// and the ticket settings (read, change, validation).
import { GlideDateTime, GlideRecord } from '@servicenow/glide'
import { putConnection } from '../../../src/server/rest/connector-routes.ts'
import { deleteTenantConnection, getConnections, getSettings, getStatus, postOAuthClient, putSettings } from '../../../src/server/rest/setup-routes.ts'
import { createSetupHarness, OTHER_TENANT, TENANT, type SetupHarness } from '../../support/setup-harness.ts'

let h: SetupHarness
let integrationUser: string
beforeEach(() => {
    appClient = ''
    h = createSetupHarness()
    h.allowOAuthTable()
    integrationUser = h.runtime.createUser({ user_name: 'm365.integration', roles: ['x_mioms_m365ticket.integration'] })
})
afterEach(() => h.runtime.close())

function connect(tenantId = TENANT, tenantName = 'Contoso') {
    const res = h.call(putConnection, 'PUT', '/connection', { body: { tenantId, tenantName, connectedBy: 'secadmin@contoso.onmicrosoft.com' }, as: integrationUser })
    expect(res.status).toBe(201)
}

/** The checklist's OAuth client, created on first use (the platform issues every token to a client). */
let appClient = ''
function oauthClient(): string {
    if (!appClient) appClient = h.call(postOAuthClient, 'POST', '/oauth-client').json.result.client.sysId
    return appClient
}

function refreshTokenExpiringInDays(days: number) {
    const client = oauthClient()
    h.runtime.runAs('admin', () => {
        const expires = new GlideDateTime()
        expires.addSeconds(days * 86400 + 3600)
        const token = new GlideRecord('oauth_credential')
        token.initialize()
        token.setValue('peer', client)
        token.setValue('type', 'refresh_token')
        token.setValue('user', integrationUser)
        token.setValue('token', 'not-a-real-token')
        token.setValue('expires', expires.getValue())
        token.insert()
    })
}

const connections = () => h.call(getConnections, 'GET', '/connections').json.result

describe('connections', () => {
    test('none: the connect step waits for Microsoft 365 and gives the provisioning page', () => {
        expect(connections()).toEqual({ connections: [], problems: [] })
        const step = h.call(getStatus, 'GET', '/status').json.result.steps[3]
        expect(step.details.provisioningUrl).toBe('https://security.microsoft.com/ticketProvisioning')
    })

    test("the provisioning page follows the OAuth client's redirect URL: a bridge's own root, not security.microsoft.com", () => {
        const created = h.call(postOAuthClient, 'POST', '/oauth-client', { body: { redirectUrl: 'http://127.0.0.1:8090/oauth/callback' } })
        expect(created.status).toBe(201)
        const step = () => h.call(getStatus, 'GET', '/status').json.result.steps[3]
        expect(step().details.provisioningUrl).toBe('http://127.0.0.1:8090')
        connect()
        h.runtime.store.update('x_mioms_m365ticket_connection', h.rows('x_mioms_m365ticket_connection')[0].sys_id!, { status: 'error', last_error: 'refresh failed' }, 'system')
        expect(step().problems[0]).toMatchObject({ code: 'connection_error', fix: 'Open http://127.0.0.1:8090 and authorize ServiceNow again, signed in to ServiceNow as the integration user.' })
        // A redirect URL of another shape names no page of its own: Microsoft's provisioning page.
        h.call(postOAuthClient, 'POST', '/oauth-client', { body: { redirectUrl: 'https://contoso.example/m365' } })
        expect(step().details.provisioningUrl).toBe('https://security.microsoft.com/ticketProvisioning')
    })

    test('per tenant: status, connected by and at, last contact, refresh-token expiry', () => {
        connect()
        refreshTokenExpiringInDays(60)
        const [tenant] = connections().connections
        expect(tenant).toMatchObject({
            tenantId: TENANT,
            tenantName: 'Contoso',
            status: 'connected',
            connectedBy: 'secadmin@contoso.onmicrosoft.com',
            integrationUser: { sysId: integrationUser, userName: 'm365.integration' },
            refreshTokenDaysLeft: 60,
            refreshTokenWarning: false,
        })
        expect(tenant.connectedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
        expect(tenant.lastContact).toMatch(/Z$/)
        expect(tenant.refreshTokenExpiresAt).toMatch(/Z$/)
        expect(JSON.stringify(connections())).not.toContain('not-a-real-token')
    })

    test('names the integration user by sys_id only: once the user is gone, no user id, even where a name equals that sys_id', () => {
        connect()
        h.runtime.store.delete('sys_user', integrationUser)
        // GlideRecord.get(value) would also take a user whose display value (name) is that value.
        h.runtime.store.insert('sys_user', { user_name: 'not.the.integration.user', name: integrationUser }, { userName: 'admin', sysId: null })
        expect(connections().connections[0].integrationUser).toEqual({ sysId: integrationUser, userName: '' })
    })

    test('warns 14 days before the refresh token expires, and after it expired', () => {
        connect()
        refreshTokenExpiringInDays(14)
        expect(connections().connections[0].refreshTokenWarning).toBe(false)
        refreshTokenExpiringInDays(13)
        // The latest expiry counts: still 14 days.
        expect(connections().connections[0].refreshTokenWarning).toBe(false)
        h.runtime.runAs('admin', () => {
            const tokens = new GlideRecord('oauth_credential')
            tokens.query()
            while (tokens.next()) tokens.deleteRecord()
        })
        refreshTokenExpiringInDays(13)
        const result = connections()
        expect(result.connections[0]).toMatchObject({ refreshTokenWarning: true, refreshTokenDaysLeft: 13 })
        // In days: the page shows the date itself, in the reader's format, in the Connections table.
        expect(result.problems[0]).toMatchObject({
            code: 'refresh_token_expiring',
            message: "Microsoft 365 tenant Contoso's refresh token expires in 13 days (see Connections below).",
            fix: expect.stringContaining('https://security.microsoft.com/ticketProvisioning'),
        })
        expect(h.call(getStatus, 'GET', '/status').json.result.steps[3].state).toBe('attention')

        h.runtime.runAs('admin', () => {
            const tokens = new GlideRecord('oauth_credential')
            tokens.query()
            while (tokens.next()) tokens.deleteRecord()
        })
        refreshTokenExpiringInDays(-3)
        expect(connections().problems[0]).toMatchObject({ code: 'refresh_token_expired', message: expect.not.stringMatching(/\d{4}-\d\d-\d\d/) })
    })

    test('DELETE /connections/{tenantId} disconnects the tenant and revokes its tokens', () => {
        // Out of the box other scopes may not delete oauth_credential rows: an admin allowed it here.
        h.setTablePolicy('oauth_credential', { delete_access: 'true' })
        connect()
        connect(OTHER_TENANT, 'Fabrikam')
        refreshTokenExpiringInDays(60)
        const first = h.call(deleteTenantConnection, 'DELETE', '/connections/' + TENANT, { pathParams: { tenantId: TENANT } })
        expect(first.json.result).toEqual({ tenantId: TENANT, status: 'disconnected', revokedTokens: 0, tokenRevocation: 'kept' })
        const second = h.call(deleteTenantConnection, 'DELETE', '/connections/' + OTHER_TENANT, { pathParams: { tenantId: OTHER_TENANT } })
        expect(second.json.result).toEqual({ tenantId: OTHER_TENANT, status: 'disconnected', revokedTokens: 1, tokenRevocation: 'revoked' })
        expect(connections().connections.map((c: { status: string }) => c.status)).toEqual(['disconnected', 'disconnected'])
        // No tenant connected: the step waits for Microsoft 365 again.
        expect(h.call(getStatus, 'GET', '/status').json.result.steps[3].state).toBe('waiting')
    })

    test('DELETE of an unknown tenant is 404, of a malformed one 400', () => {
        expect(h.call(deleteTenantConnection, 'DELETE', '/connections/x', { pathParams: { tenantId: TENANT } }).status).toBe(404)
        expect(h.call(deleteTenantConnection, 'DELETE', '/connections/x', { pathParams: { tenantId: 'contoso' } }).status).toBe(400)
    })
})

describe('settings', () => {
    const put = (body: unknown) => h.call(putSettings, 'PUT', '/settings', { body })

    test('reads the defaults', () => {
        expect(h.call(getSettings, 'GET', '/settings').json.result).toEqual({
            defaultTicketType: 'change',
            changeAssignmentGroup: null,
            incidentAssignmentGroup: null,
            apiLogRetentionDays: 30,
        })
    })

    test('changes what is given; groups by sys_id or name; empty clears', () => {
        const network = h.runtime.createGroup('Network')
        h.runtime.createGroup('Service Desk')
        const res = put({ defaultTicketType: 'Incident', changeAssignmentGroup: network, incidentAssignmentGroup: 'Service Desk', apiLogRetentionDays: '90' })
        expect(res.status).toBe(200)
        expect(res.json.result).toMatchObject({
            defaultTicketType: 'incident',
            changeAssignmentGroup: { sysId: network, name: 'Network', exists: true },
            incidentAssignmentGroup: { name: 'Service Desk', exists: true },
            apiLogRetentionDays: 90,
        })
        expect(h.rows('sys_properties', 'name=x_mioms_m365ticket.change_assignment_group')[0].value).toBe(network)
        expect(put({ changeAssignmentGroup: '' }).json.result.changeAssignmentGroup).toBeNull()
        expect(put({ incidentAssignmentGroup: null }).json.result).toMatchObject({ incidentAssignmentGroup: null, defaultTicketType: 'incident', apiLogRetentionDays: 90 })
    })

    test('validation lists every bad field and writes nothing', () => {
        const res = put({ defaultTicketType: 'problem', changeAssignmentGroup: 'No Such Group', apiLogRetentionDays: 0, color: 'blue' })
        expect(res.status).toBe(400)
        expect(res.json.error.detail).toBe(
            'color: is not a setting (defaultTicketType, changeAssignmentGroup, incidentAssignmentGroup, apiLogRetentionDays); ' +
                'defaultTicketType: must be one of change, incident; changeAssignmentGroup: no group No Such Group exists (sys_user_group); ' +
                'apiLogRetentionDays: must be a whole number of days, 1-3650',
        )
        expect(h.call(getSettings, 'GET', '/settings').json.result.defaultTicketType).toBe('change')
        expect(put({ apiLogRetentionDays: 3651 }).status).toBe(400)
        expect(put({ apiLogRetentionDays: 2.5 }).status).toBe(400)
        expect(put({ apiLogRetentionDays: 3650 }).json.result.apiLogRetentionDays).toBe(3650)
        expect(put({ apiLogRetentionDays: 1 }).json.result.apiLogRetentionDays).toBe(1)
        expect(put({}).status).toBe(400)
        expect(h.call(putSettings, 'PUT', '/settings', { rawBody: '' }).status).toBe(400)
    })
})
