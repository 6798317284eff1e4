// The connect step lists the stray tokens by their user's user name, then type: the app sorts through the
// reference (orderBy('user.user_name')), since how the platform sorts a reference field itself is not documented
// and the local instance refuses orderBy on one.
import { getStatus, postOAuthClient } from '../../../src/server/rest/setup-routes.ts'
import { createSetupHarness, type SetupHarness } from '../../support/setup-harness.ts'

let h: SetupHarness

beforeEach(() => {
    h = createSetupHarness()
    h.allowOAuthTable()
    h.setTablePolicy('oauth_credential', { access: 'public', read_access: 'true', delete_access: 'true' })
    h.runtime.createUser({ user_name: 'm365.integration', roles: ['x_mioms_m365ticket.integration'] })
})
afterEach(() => h.runtime.close())

test("lists stray tokens by the user's user name, then type, whatever order they were issued in", () => {
    const client = h.call(postOAuthClient, 'POST', '/oauth-client').json.result.client.sysId
    const users: { [userName: string]: string } = {}
    const issue = (userName: string, type: string) => {
        users[userName] = users[userName] ?? h.runtime.createUser({ user_name: userName })
        // As the platform keeps a token: peer is the oauth_entity it was issued to.
        h.runtime.store.insert('oauth_credential', { peer: client, user: users[userName], type, token: `${type}:${userName}`, expires: '2030-01-01 00:00:00', scopes: 'useraccount' }, 'system')
    }
    issue('zoe.wrong', 'refresh_token')
    issue('adam.wrong', 'refresh_token')
    issue('zoe.wrong', 'access_token')
    issue('adam.wrong', 'access_token')
    const connect = h.call(getStatus, 'GET', '/status').json.result.steps.find((s: { id: string }) => s.id === 'connect')
    expect(connect.details.strayTokens.map((t: { type: string; user: { userName: string } }) => `${t.user.userName} ${t.type}`)).toEqual([
        'adam.wrong access_token',
        'adam.wrong refresh_token',
        'zoe.wrong access_token',
        'zoe.wrong refresh_token',
    ])
})
