// Who may use the setup API (admins of the connector only), and where the one-time credentials
// may appear: in the creating response, and nowhere else (later responses, API log, syslog).
import { putConnection } from '../../../src/server/rest/connector-routes.ts'
import {
    deleteTenantConnection,
    getConnections,
    getSettings,
    getStatus,
    postIntegrationUser,
    postOAuthClient,
    postResetPassword,
    putSettings,
} from '../../../src/server/rest/setup-routes.ts'
import { createSetupHarness, TENANT, type Handler, type SetupHarness } from '../../support/setup-harness.ts'

let h: SetupHarness
beforeEach(() => {
    h = createSetupHarness()
    h.allowOAuthTable()
})
afterEach(() => h.runtime.close())

const ROUTES: Array<[string, Handler, string, string, object | undefined]> = [
    ['GET /status', getStatus, 'GET', '/status', undefined],
    ['POST /oauth-client', postOAuthClient, 'POST', '/oauth-client', {}],
    ['POST /integration-user', postIntegrationUser, 'POST', '/integration-user', {}],
    ['POST /integration-user/reset-password', postResetPassword, 'POST', '/integration-user/reset-password', {}],
    ['GET /connections', getConnections, 'GET', '/connections', undefined],
    ['DELETE /connections/{tenantId}', deleteTenantConnection, 'DELETE', '/connections/' + TENANT, undefined],
    ['GET /settings', getSettings, 'GET', '/settings', undefined],
    ['PUT /settings', putSettings, 'PUT', '/settings', { apiLogRetentionDays: 5 }],
]

describe('non-admins get 403 and change nothing', () => {
    test.each(ROUTES)('%s', (route, handler, method, path, body) => {
        const users = [
            h.runtime.createUser({ user_name: 'reader', roles: ['x_mioms_m365ticket.user'] }),
            h.runtime.createUser({ user_name: 'integration', roles: ['x_mioms_m365ticket.integration'] }),
            h.runtime.createUser({ user_name: 'itil', roles: ['itil'] }),
        ]
        for (const user of users) {
            const res = h.call(handler, method, path, { body, as: user, pathParams: { tenantId: TENANT } })
            expect(res.status).toBe(403)
            expect(res.json).toEqual({ error: { message: 'Not allowed', detail: 'The installation checklist needs the role x_mioms_m365ticket.admin.' }, status: 'failure' })
        }
        expect(h.count('oauth_entity')).toBe(0)
        expect(h.count('sys_user', 'user_name=m365.integration')).toBe(0)
        expect(h.rows('sys_properties', 'name=x_mioms_m365ticket.api_log_retention_days')[0].value).toBe('30')
        expect(h.count('x_mioms_m365ticket_api_log', 'route=' + route + '^http_status=403')).toBe(3)
    })

    test('a platform admin (role admin) may run the checklist', () => {
        expect(h.call(getStatus, 'GET', '/status', { as: 'admin' }).status).toBe(200)
    })
})

test('the client secret and the password appear only in their creating responses', () => {
    const oauth = h.call(postOAuthClient, 'POST', '/oauth-client')
    const secret: string = oauth.json.result.clientSecret
    const user = h.call(postIntegrationUser, 'POST', '/integration-user')
    const password: string = user.json.result.password
    const reset = h.call(postResetPassword, 'POST', '/integration-user/reset-password')
    const newPassword: string = reset.json.result.password
    expect(secret).toBeTruthy()
    expect(password).toBeTruthy()
    expect(newPassword).toBeTruthy()

    // Microsoft 365 connects, and a failing call or two land in the logs.
    h.call(putConnection, 'PUT', '/connection', { body: { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'a@contoso.com' }, as: user.json.result.user.sysId })
    h.call(postIntegrationUser, 'POST', '/integration-user')
    h.call(putSettings, 'PUT', '/settings', { body: { apiLogRetentionDays: -1 } })

    const later = [
        h.call(getStatus, 'GET', '/status'),
        h.call(postOAuthClient, 'POST', '/oauth-client'),
        h.call(getConnections, 'GET', '/connections'),
        h.call(getSettings, 'GET', '/settings'),
    ]
    for (const res of later) {
        expect(res.status).toBe(200)
        for (const credential of [secret, password, newPassword]) expect(res.raw).not.toContain(credential)
    }

    const logs = JSON.stringify(h.rows('x_mioms_m365ticket_api_log')) + JSON.stringify(h.rows('syslog'))
    expect(h.count('x_mioms_m365ticket_api_log')).toBeGreaterThanOrEqual(9)
    for (const credential of [secret, password, newPassword]) expect(logs).not.toContain(credential)
})

test('each setup call writes one API log row with its route and status', () => {
    h.call(getStatus, 'GET', '/status')
    h.call(postOAuthClient, 'POST', '/oauth-client')
    h.call(putSettings, 'PUT', '/settings', { body: { apiLogRetentionDays: 0 } })
    const rows = h.rows('x_mioms_m365ticket_api_log').map((row) => row.route + ' ' + row.http_status)
    expect(rows.sort()).toEqual(['GET /status 200', 'POST /oauth-client 201', 'PUT /settings 400'])
})
