// PUT/GET/DELETE /connection, GET /states and PUT /state-names.
import { GlideRecord } from '@servicenow/glide'
import {
    deleteConnection,
    getConnection,
    getStates,
    getTickets,
    postTask,
    putConnection,
    putStateNames,
} from '../../../src/server/rest/connector-routes.ts'
import { createHarness, OTHER_TENANT, taskBody, TENANT, type Harness } from '../../support/connector-harness.ts'

let h: Harness

beforeEach(() => {
    h = createHarness()
})

afterEach(() => h.runtime.close())

function register(tenantId = TENANT, as?: string) {
    return h.call(putConnection, 'PUT', '/connection', {
        body: { tenantId, tenantName: 'Contoso', connectedBy: 'secadmin@contoso.onmicrosoft.com' },
        as,
    })
}

function addRefreshToken(user: string, expires: string, client?: string) {
    h.addRefreshToken(user, 'refresh-token-value', { expires, client })
}

describe('PUT /connection', () => {
    it('creates the connection for the calling integration user (201), then refreshes it (200)', () => {
        const created = register(TENANT.toUpperCase())
        expect(created.status).toBe(201)
        expect(created.json.result).toMatchObject({
            tenantId: TENANT,
            tenantName: 'Contoso',
            status: 'connected',
            connectedBy: 'secadmin@contoso.onmicrosoft.com',
            integrationUser: { userName: 'm365.integration', name: '' },
            appVersion: '1.0.0',
            enabledTicketTypes: ['change', 'incident'],
            refreshTokenExpiresAt: null,
        })
        expect(created.json.result.since).toMatch(/Z$/)
        const row = h.rows('x_mioms_m365ticket_connection')[0]
        expect(row.integration_user).toBe(h.integrationUser)
        expect(register().status).toBe(200)
        expect(h.count('x_mioms_m365ticket_connection')).toBe(1)
    })

    it('validates tenantId, tenantName and connectedBy', () => {
        const result = h.call(putConnection, 'PUT', '/connection', { body: { tenantId: 'x', tenantName: '', connectedBy: 5 } })
        expect(result.status).toBe(400)
        expect(result.json.error.detail).toBe('tenantId: must be a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47; tenantName: must be 1-256 characters; connectedBy: must be a string')
        expect(h.count('x_mioms_m365ticket_connection')).toBe(0)
    })

    it("refuses to take over a tenant connected through another integration user (403), telling only the API log why", () => {
        register()
        const result = register(TENANT, h.otherIntegrationUser)
        expect(result.status).toBe(403)
        expect(result.json.error.message).toBe(refusal(TENANT))
        const log = h.rows('x_mioms_m365ticket_api_log', 'http_status=403')
        expect(log).toHaveLength(1)
        expect(log[0].error_message).toContain('connected through another integration user (' + h.integrationUser + ')')
    })
})

describe('PUT /connection by someone who is not an integration user', () => {
    // ACL role checks pass admins ("administrators always pass role checks"), so the domain checks the grant.
    it('refuses an admin who consented instead of the integration user, and connects nothing', () => {
        const admin = h.runtime.runAs('admin', () => {
            const user = new GlideRecord('sys_user')
            user.get('user_name', 'admin')
            return user.getUniqueValue()
        })
        const result = register(TENANT, admin)
        expect(result.status).toBe(403)
        expect(result.json.error).toEqual({
            message: 'Only an integration user can connect a Microsoft 365 tenant',
            detail: expect.stringContaining('choose "Not you?" and sign in as the integration user'),
        })
        expect(h.count('x_mioms_m365ticket_connection')).toBe(0)
    })
})

/** The one text every tenant refusal carries (docs/connector-api.md). */
function refusal(tenantId: string): string {
    return (
        'Microsoft 365 tenant ' + tenantId + ' is not connected to this instance through this integration user. ' +
        'Connect it again, signed in to ServiceNow as the integration user.'
    )
}

describe('a caller cannot learn which tenants exist', () => {
    it('refuses an unknown tenant, a removed one and one held by another integration user with one body', () => {
        register(TENANT)
        register(OTHER_TENANT, h.otherIntegrationUser)
        const removed = 'c1c2c3c4-0000-4000-8000-00000000dead'
        register(removed)
        expect(h.call(deleteConnection, 'DELETE', '/connection', { query: { tenantId: removed } }).status).toBe(200)
        const unknown = 'd1d2d3d4-0000-4000-8000-00000000f00d'

        const bodies = [unknown, removed, OTHER_TENANT].map((tenantId) => {
            const result = h.call(postTask, 'POST', '/tasks', { body: taskBody({ tenantId }) })
            expect(result.status).toBe(403)
            expect(result.headers).toEqual(expect.not.objectContaining({ location: expect.anything() }))
            return result.raw.split(tenantId).join('<tenant>')
        })
        expect(new Set(bodies).size).toBe(1)
        expect(JSON.parse(bodies[0])).toEqual({ error: { message: refusal('<tenant>'), detail: '' }, status: 'failure' })

        // The admin reads the reasons in the API log.
        const reasons = (tenantId: string) => h.rows('x_mioms_m365ticket_api_log', 'http_status=403^tenant_id=' + tenantId).map((row) => row.error_message)
        expect(reasons(unknown)).toEqual([expect.stringContaining('[no connection for this tenant]')])
        expect(reasons(removed)).toEqual([expect.stringContaining('[the connection was removed]')])
        expect(reasons(OTHER_TENANT)).toEqual([expect.stringContaining('[the tenant is connected through another integration user (' + h.otherIntegrationUser + ')]')])
    })
})

describe('GET /connection', () => {
    it('reports status, since, last contact and the refresh-token expiry from oauth_credential', () => {
        register()
        addRefreshToken(h.integrationUser, '2027-03-06 04:00:00')
        addRefreshToken(h.integrationUser, '2027-02-01 04:00:00')
        const result = h.call(getConnection, 'GET', '/connection', { query: { tenantId: TENANT } })
        expect(result.status).toBe(200)
        expect(result.json.result.refreshTokenExpiresAt).toBe('2027-03-06T04:00:00Z')
        expect(result.json.result.lastContact).toMatch(/Z$/)
    })

    it("shows the expiry of the connection's OAuth client's refresh tokens only, not those of the user's other clients", () => {
        register()
        addRefreshToken(h.integrationUser, '2027-02-01 04:00:00')
        addRefreshToken(h.integrationUser, '2027-09-01 04:00:00', h.otherClient)
        addRefreshToken(h.otherIntegrationUser, '2027-10-01 04:00:00')
        expect(h.rows('x_mioms_m365ticket_connection', 'tenant_id=' + TENANT)[0].oauth_client).toBe(h.appClient)
        const expiry = () => h.call(getConnection, 'GET', '/connection', { query: { tenantId: TENANT } }).json.result.refreshTokenExpiresAt
        expect(expiry()).toBe('2027-02-01T04:00:00Z')

        // The connection records the client it was registered through: another client's tokens stay out of it.
        h.runtime.runAs('admin', () => {
            const connection = new GlideRecord('x_mioms_m365ticket_connection')
            connection.get('tenant_id', TENANT)
            connection.setValue('oauth_client', h.otherClient)
            connection.update()
        })
        expect(expiry()).toBe('2027-09-01T04:00:00Z')
    })

    it('keeps the recorded OAuth client when a later registration cannot read oauth_entity (its Application Access refused)', () => {
        register()
        addRefreshToken(h.integrationUser, '2027-02-01 04:00:00')
        h.runtime.runAs('admin', () => {
            const table = new GlideRecord('sys_db_object')
            table.get('name', 'oauth_entity')
            table.setValue('read_access', 'false')
            table.update()
        })
        expect(register().status).toBe(200)
        // The instance refused the app's read of oauth_entity (and logged it); the connection kept its client.
        expect(h.rows('syslog').map((row) => row.message)).toContain("Read operation against 'oauth_entity' from scope 'x_mioms_m365ticket' has been refused due to the table's cross-scope access policy")
        expect(h.rows('x_mioms_m365ticket_connection', 'tenant_id=' + TENANT)[0].oauth_client).toBe(h.appClient)
        expect(h.call(getConnection, 'GET', '/connection', { query: { tenantId: TENANT } }).json.result.refreshTokenExpiresAt).toBe('2027-02-01T04:00:00Z')
    })

    it('shows no refresh-token expiry when the user holds tokens of other clients only', () => {
        register()
        addRefreshToken(h.integrationUser, '2027-09-01 04:00:00', h.otherClient)
        expect(h.call(getConnection, 'GET', '/connection', { query: { tenantId: TENANT } }).json.result.refreshTokenExpiresAt).toBeNull()
    })

    it('refuses an unknown tenant with 403, not 404', () => {
        expect(h.call(getConnection, 'GET', '/connection', { query: { tenantId: OTHER_TENANT } }).status).toBe(403)
        expect(h.call(getConnection, 'GET', '/connection', { query: {} }).status).toBe(400)
    })
})

describe('DELETE /connection', () => {
    beforeEach(() => h.allowTokenDeletes())

    it('disconnects the tenant and revokes the tokens its OAuth client issued to its integration user', () => {
        register()
        addRefreshToken(h.integrationUser, '2027-03-06 04:00:00')
        addRefreshToken(h.integrationUser, '2027-03-06 04:00:00', h.otherClient)
        addRefreshToken(h.otherIntegrationUser, '2027-03-06 04:00:00')
        const result = h.call(deleteConnection, 'DELETE', '/connection', { query: { tenantId: TENANT } })
        expect(result.status).toBe(200)
        expect(result.json.result).toEqual({ tenantId: TENANT, status: 'disconnected', revokedTokens: 1, tokenRevocation: 'revoked' })
        expect(h.count('oauth_credential', 'user=' + h.integrationUser + '^peer=' + h.appClient)).toBe(0)
        expect(h.count('oauth_credential', 'user=' + h.integrationUser + '^peer=' + h.otherClient)).toBe(1)
        expect(h.count('oauth_credential', 'user=' + h.otherIntegrationUser)).toBe(1)
        expect(h.call(getConnection, 'GET', '/connection', { query: { tenantId: TENANT } }).json.result.status).toBe('disconnected')
        expect(h.call(getTickets, 'GET', '/tickets', { query: { tenantId: TENANT } }).status).toBe(403)
    })

    it('keeps tokens while the same integration user still serves another connected tenant', () => {
        register()
        register(OTHER_TENANT)
        addRefreshToken(h.integrationUser, '2027-03-06 04:00:00')
        const result = h.call(deleteConnection, 'DELETE', '/connection', { query: { tenantId: TENANT } })
        expect(result.json.result.revokedTokens).toBe(0)
        expect(h.count('oauth_credential')).toBe(1)
    })

    it('lets a tenant reconnect after removal', () => {
        register()
        h.call(deleteConnection, 'DELETE', '/connection', { query: { tenantId: TENANT } })
        expect(register(TENANT, h.otherIntegrationUser).status).toBe(200)
        expect(h.call(postTask, 'POST', '/tasks', { body: taskBody(), as: h.otherIntegrationUser }).status).toBe(201)
    })
})

describe('GET /states and PUT /state-names', () => {
    beforeEach(() => {
        register()
    })

    it('lists change and incident states with their labels', () => {
        const result = h.call(getStates, 'GET', '/states', { query: { tenantId: TENANT } })
        expect(result.status).toBe(200)
        expect(result.json.result.change.map((s: { value: string }) => s.value)).toEqual(['-5', '-4', '-3', '-2', '-1', '0', '3', '4'])
        expect(result.json.result.incident).toContainEqual({ value: '2', label: 'In Progress', customLabel: null })
    })

    it('stores custom state names and shows them on states and tickets', () => {
        const saved = h.call(putStateNames, 'PUT', '/state-names', {
            body: { tenantId: TENANT, change: { '-5': 'Awaiting triage' }, incident: { '1': 'Received' } },
        })
        expect(saved.status).toBe(200)
        expect(saved.json.result.change[0]).toEqual({ value: '-5', label: 'New', customLabel: 'Awaiting triage' })
        const ticket = h.call(postTask, 'POST', '/tasks', { body: taskBody() }).json.result
        expect(ticket.state).toEqual({ value: '-5', label: 'New', customLabel: 'Awaiting triage' })
        const incident = h.call(postTask, 'POST', '/tasks', { body: taskBody({ taskId: 'i', ticketType: 'incident' }) }).json.result
        expect(incident.state.customLabel).toBe('Received')
    })

    it('refuses unknown state values and bad labels, keeping the stored names', () => {
        h.call(putStateNames, 'PUT', '/state-names', { body: { tenantId: TENANT, change: { '-5': 'Triage' } } })
        const result = h.call(putStateNames, 'PUT', '/state-names', {
            body: { tenantId: TENANT, change: { '99': 'Nope', '-4': '' }, incident: 'x' },
        })
        expect(result.status).toBe(400)
        expect(result.json.error.detail).toContain('change.99: is not a change state value')
        expect(result.json.error.detail).toContain('change.-4: must be 1-80 characters')
        expect(result.json.error.detail).toContain('incident: must be an object')
        const states = h.call(getStates, 'GET', '/states', { query: { tenantId: TENANT } }).json.result
        expect(states.change[0].customLabel).toBe('Triage')
    })
})
