/**
 * The person's directory roles without `wids`: an app registration whose groupMembershipClaims is None gets tokens
 * without the claim, and Graph's GET /v1.0/me/transitiveMemberOf/microsoft.graph.directoryRole answers the signed-in
 * person's roles as directoryRole objects (delegated User.Read at least; pages of 100, $top up to 999).
 */
import { ROLE_TEMPLATE_IDS } from '../../../emulator/graph/fixtures/directory.ts'
import type { GraphServer } from '../../../emulator/graph/server.ts'
import { bearer, call, CALLBACK, decodePayload, redeem, secretToken, signInCode, startServer } from './support.ts'

const ROLES_PATH = '/v1.0/me/transitiveMemberOf/microsoft.graph.directoryRole'
/** The cast is an advanced query: `$count=true` and `ConsistencyLevel: eventual` go with it. */
const ROLES = ROLES_PATH + '?$count=true'
const EVENTUAL = { consistencylevel: 'eventual' }
const GA = 'megan.bowen@contoso.onmicrosoft.com'
const SECADMIN = 'adele.vance@contoso.onmicrosoft.com'
const READER = 'alex.wilber@contoso.onmicrosoft.com'
const NOBODY = 'lynne.robbins@contoso.onmicrosoft.com'

let withoutWids: GraphServer
let withWids: GraphServer
beforeAll(async () => {
    withoutWids = await startServer({ groupMembershipClaims: 'None' })
    withWids = await startServer()
    for (const server of [withoutWids, withWids]) server.registerRedirectUri(server.demo.clientId, CALLBACK)
})
afterAll(async () => {
    await withoutWids.close()
    await withWids.close()
})

async function tokensFor(server: GraphServer, upn: string, scope: string): Promise<{ access_token: string; id_token: string }> {
    const answer = await redeem(server, await signInCode(server, { upn, scope }))
    expect(answer.status).toBe(200)
    return answer.json
}

test('groupMembershipClaims None: neither the ID token nor the access token carries wids; DirectoryRole (the default app): both do', async () => {
    const none = await tokensFor(withoutWids, READER, 'openid profile User.Read')
    expect('wids' in decodePayload(none.id_token)).toBe(false)
    expect('wids' in decodePayload(none.access_token)).toBe(false)
    const roles = await tokensFor(withWids, READER, 'openid profile User.Read')
    expect(decodePayload(roles.id_token).wids).toEqual([ROLE_TEMPLATE_IDS['Security Reader']])
    expect(decodePayload(roles.access_token).wids).toEqual([ROLE_TEMPLATE_IDS['Security Reader']])
})

test('with RoleManagement.Read.Directory the signed-in person\'s directory roles come as whole directoryRole objects', async () => {
    const { access_token } = await tokensFor(withoutWids, SECADMIN, 'openid profile User.Read RoleManagement.Read.Directory')
    expect(decodePayload(access_token).scp).toBe('User.Read RoleManagement.Read.Directory')
    const answer = await call(withoutWids, 'GET', ROLES, bearer(access_token, EVENTUAL))
    expect(answer.status).toBe(200)
    expect(answer.json['@odata.context']).toBe(`${withoutWids.url}/v1.0/$metadata#directoryRoles`)
    expect([answer.json['@odata.nextLink'], answer.json['@odata.count']]).toEqual([undefined, 1])
    expect(answer.json.value).toEqual([
        {
            '@odata.type': '#microsoft.graph.directoryRole',
            id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
            deletedDateTime: null,
            description: expect.stringContaining('security information'),
            displayName: 'Security Administrator',
            roleTemplateId: ROLE_TEMPLATE_IDS['Security Administrator'],
        },
    ])
    // The role's object id is the tenant's, not the template id.
    expect(answer.json.value[0].id).not.toBe(ROLE_TEMPLATE_IDS['Security Administrator'])
    const nobody = await tokensFor(withoutWids, NOBODY, 'openid profile User.Read RoleManagement.Read.Directory')
    expect((await call(withoutWids, 'GET', ROLES, bearer(nobody.access_token, EVENTUAL))).json.value).toEqual([])
})

test('with User.Read alone (it cannot read directory roles) each role comes with its type and id only, the rest null: no roleTemplateId', async () => {
    const whole = await call(withoutWids, 'GET', ROLES, bearer((await tokensFor(withoutWids, SECADMIN, 'openid profile User.Read RoleManagement.Read.Directory')).access_token, EVENTUAL))
    const { access_token } = await tokensFor(withoutWids, SECADMIN, 'openid profile User.Read')
    const limited = await call(withoutWids, 'GET', ROLES, bearer(access_token, EVENTUAL))
    expect(limited.status).toBe(200)
    expect(limited.json.value).toEqual([{ '@odata.type': '#microsoft.graph.directoryRole', id: whole.json.value[0].id, deletedDateTime: null, description: null, displayName: null, roleTemplateId: null }])
})

test('$top pages the roles; the next link, followed as given, answers the rest; $top outside 1..999 is a 400', async () => {
    const tenantId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'
    const twoRoles = { objectId: 'c0ffee00-0000-4000-8000-000000000001', userPrincipalName: 'both@two.onmicrosoft.com', displayName: 'Both Roles', roles: ['Security Reader', 'Security Administrator'] as const }
    const server = await startServer({ groupMembershipClaims: 'None', tenants: [{ tenantId, displayName: 'Two', users: [{ ...twoRoles, roles: [...twoRoles.roles] }] }] })
    try {
        server.registerRedirectUri(server.demo.clientId, CALLBACK)
        const answer = await redeem(server, await signInCode(server, { upn: twoRoles.userPrincipalName, scope: 'openid profile User.Read RoleManagement.Read.Directory', authority: tenantId }), {}, tenantId)
        const token = answer.json.access_token as string
        const first = await call(server, 'GET', `${ROLES}&$top=1`, bearer(token, EVENTUAL))
        expect([first.status, first.json.value.map((r: { displayName: string }) => r.displayName)]).toEqual([200, ['Security Reader']])
        const next = new URL(first.json['@odata.nextLink'] as string)
        expect([next.origin + next.pathname, next.searchParams.get('$count')]).toEqual([server.url + ROLES_PATH, 'true'])
        const second = await call(server, 'GET', next.pathname + next.search, bearer(token, EVENTUAL))
        expect([second.status, second.json.value.map((r: { displayName: string }) => r.displayName), second.json['@odata.nextLink']]).toEqual([200, ['Security Administrator'], undefined])
        const whole = await call(server, 'GET', ROLES, bearer(token, EVENTUAL))
        expect([whole.json.value.length, whole.json['@odata.nextLink']]).toEqual([2, undefined])
        for (const top of ['0', '1000', 'x']) {
            const refused = await call(server, 'GET', `${ROLES}&$top=${top}`, bearer(token, EVENTUAL))
            expect([refused.status, refused.json.error.code]).toEqual([400, 'Request_BadRequest'])
        }
        const filtered = await call(server, 'GET', `${ROLES}&$filter=displayName eq 'x'`, bearer(token, EVENTUAL))
        expect(filtered.status).toBe(501)
        expect(filtered.json.error.message).toMatch(/^not emulated by the local Graph stand-in: \$filter on /)
    } finally {
        await server.close()
    }
})

test('the OData cast is an advanced query: without ConsistencyLevel: eventual or without $count=true it is 400 Request_UnsupportedQuery', async () => {
    const token = (await tokensFor(withoutWids, READER, 'openid profile User.Read RoleManagement.Read.Directory')).access_token
    for (const [path, headers] of [[ROLES_PATH, EVENTUAL], [ROLES, {}], [`${ROLES_PATH}?$count=false`, EVENTUAL]] as const) {
        const refused = await call(withoutWids, 'GET', path, bearer(token, headers))
        expect([refused.status, refused.json.error.code, refused.json.error.message]).toEqual([400, 'Request_UnsupportedQuery', 'Unsupported Query.'])
    }
    expect((await call(withoutWids, 'GET', ROLES, bearer(token, EVENTUAL))).json['@odata.count']).toBe(1)
})

test('refused: no token (401), an app-only token (400, /me needs a signed-in user), a token without User.Read or higher (403)', async () => {
    expect((await call(withoutWids, 'GET', ROLES)).status).toBe(401)
    const appOnly = await call(withoutWids, 'GET', ROLES, bearer(await secretToken(withoutWids)))
    expect([appOnly.status, appOnly.json.error.message]).toEqual([400, '/me request is only valid with delegated authentication flow.'])
    const securityOnly = await tokensFor(withoutWids, GA, 'openid profile https://graph.microsoft.com/SecurityEvents.Read.All')
    const refused = await call(withoutWids, 'GET', ROLES, bearer(securityOnly.access_token))
    expect([refused.status, refused.json.error.code]).toEqual([403, 'Authorization_RequestDenied'])
})
