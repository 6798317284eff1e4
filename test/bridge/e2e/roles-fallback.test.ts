// Roles from Graph when the token carries no `wids`: with the stand-in's app registration set to
// groupMembershipClaims None, the bridge's sign-in asks for User.Read and RoleManagement.Read.Directory and reads the person's directory roles from
// GET /me/transitiveMemberOf/microsoft.graph.directoryRole. A Security Reader reads but may not change anything, a
// Security Administrator changes a setting, a person without a role is refused: each decided by that Graph call.
import { call, form, objectIdOf } from '../../emulator/graph/support.ts'
import { BridgeBrowser, PEOPLE, signIn, startBridge, startGraph, TENANT, type TestBridge } from '../../support/bridge-harness'

const ROLES_PATH = '/v1.0/me/transitiveMemberOf/microsoft.graph.directoryRole'
let bridge: TestBridge
let closeGraph: () => Promise<void>
beforeAll(async () => {
    const graphServer = await startGraph({ groupMembershipClaims: 'None' })
    closeGraph = () => graphServer.close()
    bridge = await startBridge({ signInAuthority: 'organizations', graphServer })
})
afterAll(async () => {
    await bridge?.close()
    await closeGraph?.()
})

/** The stand-in's answers to the directory-role call since `from` (its request log index). */
function roleCalls(from: number): { status: number; tenantId: string | null }[] {
    return bridge.graphServer
        .requestLog()
        .slice(from)
        .filter((entry) => entry.method === 'GET' && entry.path === ROLES_PATH)
        .map(({ status, tenantId }) => ({ status, tenantId }))
}

test('the sign-in asks only for the OpenID scopes; without wids it redeems its refresh token for User.Read and RoleManagement.Read.Directory and asks Graph once', async () => {
    const browser = new BridgeBrowser()
    const started = await browser.request(bridge.url + '/signin/start?returnTo=%2F')
    const authorize = new URL(started.location as string)
    expect(authorize.searchParams.get('scope')?.split(' ').sort()).toEqual(['offline_access', 'openid', 'profile'])
    const picked = await call(bridge.graphServer, 'POST', authorize.pathname + authorize.search, form({ login: objectIdOf(bridge.graphServer, PEOPLE.contosoReader) }))
    const callback = new URL(String(picked.headers.location))
    const before = bridge.graphServer.requestLog().length
    const back = await browser.request(bridge.url + callback.pathname + callback.search)
    expect(back.status).toBe(303)
    expect(roleCalls(before)).toEqual([{ status: 200, tenantId: TENANT }])
    // The code's redemption, then the refresh token's for the roles (the stand-in refuses a Graph scope it was not given).
    const tokenCalls = bridge.graphServer.requestLog().slice(before).filter((entry) => entry.path.endsWith('/oauth2/v2.0/token'))
    expect(tokenCalls.map((entry) => entry.status)).toEqual([200, 200])
})

test('a Security Reader, known from Graph, sees the pages but may not change anything', async () => {
    const before = bridge.graphServer.requestLog().length
    const browser = new BridgeBrowser()
    await signIn(browser, bridge, PEOPLE.contosoReader)
    expect(roleCalls(before)).toEqual([{ status: 200, tenantId: TENANT }])
    const actions = await browser.request(bridge.url + '/actions')
    expect(actions.status).toBe(200)
    expect(actions.html).toContain('id="action-AdminMFAV2"')
    const shareForm = await browser.request(bridge.url + '/actions/AdminMFAV2/share')
    expect(shareForm.status).toBe(403)
    expect(shareForm.html).toContain('You need the Security Administrator role in Contoso to change this')
    const posted = await browser.request(bridge.url + '/manage/write-back', { form: { unresolvedSendsDefault: 'on' } })
    expect(posted.status).toBe(403)
    expect(bridge.store.forTenant(TENANT).outbox.settings()).toEqual({ enabled: true, unresolvedSendsDefault: false })
})

test('a Security Administrator, known from Graph, changes a setting', async () => {
    const before = bridge.graphServer.requestLog().length
    const browser = new BridgeBrowser()
    await signIn(browser, bridge, PEOPLE.contosoSecurityAdmin)
    expect(roleCalls(before)).toEqual([{ status: 200, tenantId: TENANT }])
    const posted = await browser.request(bridge.url + '/manage/write-back', { form: { enabled: 'on', unresolvedSendsDefault: 'on' } })
    expect(posted.status).toBe(303)
    expect(bridge.store.forTenant(TENANT).outbox.settings()).toEqual({ enabled: true, unresolvedSendsDefault: true })
})

test('a person without a role, as Graph answers, gets the one sentence', async () => {
    const before = bridge.graphServer.requestLog().length
    const browser = new BridgeBrowser()
    const landing = await signIn(browser, bridge, PEOPLE.contosoNoRole)
    expect(roleCalls(before)).toEqual([{ status: 200, tenantId: TENANT }])
    expect(landing.status).toBe(403)
    expect(landing.html).toContain('You need the Security Reader or Security Administrator role in Contoso')
    expect((await browser.request(bridge.url + '/actions')).status).toBe(403)
})
