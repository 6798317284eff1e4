/**
 * A person's Entra roles changed at run time (server.setUserRoles, as an admin removing a role assignment): Graph's
 * role check sees the change at once, tokens already issued keep their `wids`, the next token carries the new ones,
 * and the change survives a restart.
 */
import { ROLE_TEMPLATE_IDS } from '../../../emulator/graph/fixtures/directory.ts'
import { DEMO_TENANT } from '../../../emulator/graph/fixtures/tenants.ts'
import type { GraphServer, GraphServerOptions } from '../../../emulator/graph/server.ts'
import { bearer, call, CALLBACK, decodePayload, redeem, refreshGrant, signInCode, startServer, tempDataDir } from './support.ts'

const SECADMIN = 'adele.vance@contoso.onmicrosoft.com'
const PROFILES = '/v1.0/security/secureScoreControlProfiles'
const ROLES = '/v1.0/me/transitiveMemberOf/microsoft.graph.directoryRole?$count=true'
const SCOPE = 'openid offline_access User.Read RoleManagement.Read.Directory https://graph.microsoft.com/SecurityEvents.ReadWrite.All'

const dataDir = tempDataDir()
const options = (): Partial<GraphServerOptions> => ({ dataDir })
let server: GraphServer
beforeAll(async () => {
    server = await startServer(options())
    server.registerRedirectUri(server.demo.clientId, CALLBACK)
})
afterAll(() => server.close())

async function signIn(upn: string): Promise<{ access_token: string; refresh_token: string; id_token: string }> {
    const answer = await redeem(server, await signInCode(server, { upn, scope: SCOPE }))
    expect(answer.status).toBe(200)
    return answer.json
}

async function patchState(accessToken: string): Promise<{ status: number; message?: string }> {
    const id = (await call(server, 'GET', PROFILES + '?$top=1&$select=id', bearer(accessToken))).json.value[0].id as string
    const answer = await call(server, 'PATCH', `${PROFILES}/${id}`, {
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ state: 'Reviewed', vendorInformation: { provider: 'SecureScore', vendor: 'Microsoft' } }),
    })
    return { status: answer.status, message: answer.json?.error?.message }
}

test('taking Security Administrator away: the same token\'s PATCH is 403 at once though its wids still name the role; the next refresh\'s tokens carry the new wids', async () => {
    const tokens = await signIn(SECADMIN)
    expect(await patchState(tokens.access_token)).toEqual({ status: 204, message: undefined })

    server.setUserRoles(DEMO_TENANT.tenantId, SECADMIN, ['Security Reader'])
    // Graph checks the person's role in the directory at the call; the token issued before still says Security Administrator.
    expect(decodePayload(tokens.access_token).wids).toEqual([ROLE_TEMPLATE_IDS['Security Administrator']])
    expect(await patchState(tokens.access_token)).toEqual({ status: 403, message: 'Auth token does not contain valid permissions or user does not have valid roles.' })
    const roles = await call(server, 'GET', ROLES, bearer(tokens.access_token, { consistencylevel: 'eventual' }))
    expect(roles.json.value.map((role: { displayName: string }) => role.displayName)).toEqual(['Security Reader'])

    const refreshed = await refreshGrant(server, tokens.refresh_token)
    expect(refreshed.status).toBe(200)
    expect(decodePayload(refreshed.json.access_token).wids).toEqual([ROLE_TEMPLATE_IDS['Security Reader']])
    expect(decodePayload(refreshed.json.id_token).wids).toEqual([ROLE_TEMPLATE_IDS['Security Reader']])
    expect(server.directory()[0].users.find((u) => u.userPrincipalName === SECADMIN)?.roles).toEqual(['Security Reader'])

    server.setUserRoles(DEMO_TENANT.tenantId, SECADMIN, ['Security Administrator'])
    expect(await patchState(tokens.access_token)).toEqual({ status: 204, message: undefined })
})

test('a role change survives a restart on the same dataDir; an unknown person or role is an error', async () => {
    server.setUserRoles(DEMO_TENANT.tenantId, SECADMIN, [])
    await server.close()
    server = await startServer(options())
    server.registerRedirectUri(server.demo.clientId, CALLBACK)
    expect(server.directory()[0].users.find((u) => u.userPrincipalName === SECADMIN)?.roles).toEqual([])
    expect(decodePayload((await signIn(SECADMIN)).id_token).wids).toEqual([])
    expect(() => server.setUserRoles(DEMO_TENANT.tenantId, 'nobody@contoso.onmicrosoft.com', [])).toThrow(/No user nobody@contoso.onmicrosoft.com/)
    expect(() => server.setUserRoles(DEMO_TENANT.tenantId, SECADMIN, ['Billing Administrator' as 'Security Reader'])).toThrow(/Not a role of the stand-in: Billing Administrator/)
})
