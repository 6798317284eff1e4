// "Write back as me" needs the tenant's admin consent to the delegated SecurityEvents.ReadWrite.All, which a Security
// Administrator cannot give: in a tenant whose consent predates that permission (the Graph stand-in's
// consentedDelegatedScopes), Adele meets Entra's "Need admin approval" page, goes back without consenting, and the
// bridge says the organization has not consented, storing nothing; once a Global Administrator's admin consent
// covers it, her choice goes through.
import { DEMO_TENANT } from '../../../emulator/graph/fixtures/tenants.ts'
import type { GraphServer } from '../../../emulator/graph/server.ts'
import { BridgeBrowser, PEOPLE, signIn, startBridge, startGraph, TENANT, type TestBridge } from '../../support/bridge-harness'
import { mainText, pickAt, redirectedTo, startWriteBackAsMe } from './write-back-as-me.ts'

const ADELE = PEOPLE.contosoSecurityAdmin
let graph: GraphServer
let bridge: TestBridge

beforeAll(async () => {
    graph = await startGraph({
        apps: [
            {
                clientId: DEMO_TENANT.clientId,
                clientSecret: DEMO_TENANT.clientSecret,
                roles: ['SecurityEvents.ReadWrite.All'],
                delegatedScopes: ['SecurityEvents.ReadWrite.All', 'User.Read'],
                groupMembershipClaims: 'DirectoryRole',
                consentedTenants: [TENANT],
                // Consented before the delegated SecurityEvents.ReadWrite.All was added to the registration.
                consentedDelegatedScopes: ['User.Read'],
            },
        ],
    })
    bridge = await startBridge({ graphServer: graph })
})
afterAll(async () => {
    await bridge?.close()
    await graph?.close()
})


test('without the admin consent a Security Administrator meets "Need admin approval"; going back stores nothing and says why; after it, her choice goes through', async () => {
    const adele = new BridgeBrowser()
    await signIn(adele, bridge, ADELE)
    const path = await startWriteBackAsMe(adele, bridge)
    const approval = await pickAt(graph, path, ADELE)
    expect(approval.status).toBe(403)
    expect(approval.text).toContain('AADSTS90094')
    const callback = redirectedTo(await pickAt(graph, path, ADELE, { decision: 'cancel' }))
    expect(new URL(callback, bridge.url).searchParams.get('error')).toBe('access_denied')
    const refused = await adele.request(bridge.url + callback)
    expect(refused.status).toBe(400)
    expect(mainText(refused.html)).toContain('Your organization has not consented to the bridge&#39;s delegated SecurityEvents.ReadWrite.All permission. A Global Administrator grants it')
    expect(mainText(refused.html)).toContain('Nothing was stored.')
    expect(bridge.store.forTenant(TENANT).outbox.delegate()).toBeNull()

    // A Global Administrator's admin consent covers every permission the registration lists, the delegated one too.
    graph.grantAdminConsent(TENANT, DEMO_TENANT.clientId)
    const done = await adele.request(bridge.url + redirectedTo(await pickAt(graph, await startWriteBackAsMe(adele, bridge), ADELE)))
    expect(done.status).toBe(303)
    expect(done.location).toBe(bridge.url + '/manage?notice=write-back-as-me')
    expect(bridge.store.forTenant(TENANT).outbox.delegate()).toMatchObject({ upn: ADELE })
})
