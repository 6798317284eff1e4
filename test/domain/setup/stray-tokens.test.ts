// Consent by the wrong user: tokens of the app's OAuth client issued to a user who is not an integration user
// are listed by the connect step with a problem naming the user and the fix ("Not you?"), and revoked through
// DELETE /tokens/{sysId}; an instance refusing the delete gets the manual fix. Expired (revoked) tokens are not
// listed; an integration user's tokens and another client's tokens are never listed nor revocable.
import { deleteStrayToken, getStatus, postOAuthClient } from '../../../src/server/rest/setup-routes.ts'
import { createSetupHarness, type SetupHarness } from '../../support/setup-harness.ts'

let h: SetupHarness
let adminToken: string
let integrationToken: string
let otherClientToken: string

/** A token as the platform keeps it: peer is the oauth_entity it was issued to. */
function token(client: string, user: string, type: string): string {
    return h.runtime.store.insert('oauth_credential', { peer: client, user, type, token: type + ':' + user, expires: '2030-01-01 00:00:00', scopes: 'useraccount' }, 'system').sysId!
}

const connectStep = () => h.call(getStatus, 'GET', '/status').json.result.steps.find((s: { id: string }) => s.id === 'connect')

beforeEach(() => {
    h = createSetupHarness()
    h.allowOAuthTable()
    h.setTablePolicy('oauth_credential', { access: 'public', read_access: 'true', delete_access: 'true' })
    const client = h.call(postOAuthClient, 'POST', '/oauth-client').json.result.client.sysId
    const other = h.runtime.store.insert('oauth_entity', { name: 'Another integration', client_id: 'other' }, 'system').sysId!
    const integration = h.runtime.createUser({ user_name: 'm365.integration', roles: ['x_mioms_m365ticket.integration'] })
    const admin = h.rows('sys_user', 'user_name=admin')[0].sys_id!
    adminToken = token(client, admin, 'refresh_token')
    token(client, admin, 'access_token')
    integrationToken = token(client, integration, 'refresh_token')
    otherClientToken = token(other, admin, 'refresh_token')
    // Revoked (oauth_revoke_token.do expires it): not listed.
    h.runtime.store.update('oauth_credential', token(client, admin, 'refresh_token'), { expires: '2020-01-01 00:00:00' }, 'system')
})
afterEach(() => h.runtime.close())

test("lists the admin's tokens of the app's client, with a problem naming the user, the client and the fix", () => {
    const step = connectStep()
    expect(step.details.strayTokens.map((t: { type: string; user: { userName: string } }) => [t.user.userName, t.type])).toEqual([
        ['admin', 'access_token'],
        ['admin', 'refresh_token'],
    ])
    expect(step.state).toBe('attention')
    expect(step.problems).toEqual([
        expect.objectContaining({
            code: 'token_of_wrong_user',
            message: expect.stringContaining('2 tokens of the OAuth client "Microsoft 365 Ticketing Connector" were issued to System Administrator (admin), who is not an integration user.'),
            fix: expect.stringContaining('"Not you?"'),
        }),
    ])
})

test('says what oauth_credential records (user, client, type, issue and expiry times, in ISO 8601) and no grant, which it does not record', () => {
    const [token] = connectStep().details.strayTokens
    const row = h.rows('oauth_credential', 'sys_id=' + token.sysId)[0]
    expect(token).toEqual({
        sysId: row.sys_id,
        type: 'access_token',
        issuedAt: row.sys_created_on!.replace(' ', 'T') + 'Z',
        expires: '2030-01-01T00:00:00Z',
        user: { sysId: row.user, userName: 'admin', name: 'System Administrator' },
        client: { sysId: row.peer, name: 'Microsoft 365 Ticketing Connector' },
    })
    const [problem] = connectStep().problems
    expect(problem.message).not.toMatch(/authorized as|password grant|authorization code/)
    expect(problem.message).toContain('the instance does not record which')
})

test('finds the tokens by peer, the oauth_entity the platform names a token\'s client in: a token without peer is no client\'s', () => {
    const admin = h.rows('sys_user', 'user_name=admin')[0].sys_id!
    const orphan = h.runtime.store.insert('oauth_credential', { user: admin, type: 'refresh_token', token: 'no-peer', expires: '2030-01-01 00:00:00' }, 'system').sysId!
    const listed = connectStep().details.strayTokens.map((t: { sysId: string }) => t.sysId)
    expect(listed).toContain(adminToken)
    expect(listed).not.toContain(orphan)
    expect(listed).not.toContain(otherClientToken)
    expect(h.call(deleteStrayToken, 'DELETE', '/tokens/' + orphan, { pathParams: { sysId: orphan } }).status).toBe(404)
    expect(h.count('oauth_credential', 'sys_id=' + orphan)).toBe(1)
})

test('DELETE /tokens/{sysId} revokes one; the step is clear once all are revoked', () => {
    const res = h.call(deleteStrayToken, 'DELETE', '/tokens/' + adminToken, { pathParams: { sysId: adminToken } })
    expect(res.status).toBe(200)
    expect(res.json.result).toEqual({ sysId: adminToken, type: 'refresh_token', userName: 'admin' })
    expect(h.count('oauth_credential', 'sys_id=' + adminToken)).toBe(0)
    const remaining = connectStep().details.strayTokens
    expect(remaining).toHaveLength(1)
    h.call(deleteStrayToken, 'DELETE', '/tokens/' + remaining[0].sysId, { pathParams: { sysId: remaining[0].sysId } })
    expect(connectStep()).toMatchObject({ state: 'waiting', problems: [] })
    expect(h.count('oauth_credential', 'sys_id=' + otherClientToken)).toBe(1)
})

test("an integration user's token, another client's token and a malformed id are refused", () => {
    for (const sysId of [integrationToken, otherClientToken]) {
        expect(h.call(deleteStrayToken, 'DELETE', '/tokens/' + sysId, { pathParams: { sysId } }).status).toBe(404)
    }
    expect(h.call(deleteStrayToken, 'DELETE', '/tokens/x', { pathParams: { sysId: 'x' } }).status).toBe(400)
    expect(h.count('oauth_credential')).toBe(5)
})

test('an instance refusing the delete (Can delete unchecked) gets the manual fix', () => {
    // The handler harness runs without the server's cross-scope policy: refuse the delete as the instance does.
    h.runtime.setTableAccessPolicy((operation, table) => {
        if (operation === 'delete' && table === 'oauth_credential') throw new Error("Delete operation against 'oauth_credential' from scope 'x_mioms_m365ticket' has been refused due to the table's cross-scope access policy")
    })
    const res = h.call(deleteStrayToken, 'DELETE', '/tokens/' + adminToken, { pathParams: { sysId: adminToken } })
    expect(res.status).toBe(409)
    expect(res.json.error).toEqual({
        message: 'This instance does not let the app revoke OAuth tokens (out of the box it may read them, not delete them).',
        detail: 'Revoke it by hand: open System OAuth > Manage Tokens, filter on User = admin, open each of its tokens for Microsoft 365 Ticketing Connector and choose Revoke Access. Then choose Refresh on this page.',
    })
    expect(h.count('oauth_credential', 'sys_id=' + adminToken)).toBe(1)
})

test('only a connector admin may revoke', () => {
    const other = h.runtime.createUser({ user_name: 'someone', roles: [] })
    expect(h.call(deleteStrayToken, 'DELETE', '/tokens/' + adminToken, { pathParams: { sysId: adminToken }, as: other }).status).toBe(403)
})
