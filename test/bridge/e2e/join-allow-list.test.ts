// A provider's bridge serving the tenants it lists (BRIDGE_JOIN_TENANTS, organizations sign-in): a Global
// Administrator of a tenant not listed is told so, gets no way to join, and a join posted anyway is refused with
// nothing stored; a listed tenant joins through admin consent as usual.
import { FABRIKAM_TENANT_ID } from '../../../emulator/graph/fixtures/directory.ts'
import { BridgeBrowser, PEOPLE, signIn, startBridge, startGraph, TENANT, type TestBridge } from '../../support/bridge-harness'
import { joinTenant } from '../../support/bridge-tenants.ts'

let graph: Awaited<ReturnType<typeof startGraph>>
beforeAll(async () => {
    graph = await startGraph()
})
afterAll(() => graph.close())

async function bridgeServing(joinTenants: string[], run: (bridge: TestBridge) => Promise<void>): Promise<void> {
    const bridge = await startBridge({ graphServer: graph, signInAuthority: 'organizations', joinTenants })
    try {
        await run(bridge)
    } finally {
        await bridge.close()
    }
}

test('a tenant not listed: its Global Administrator is told so, has no Join button, and a join posted anyway stores nothing', async () => {
    await bridgeServing([TENANT], async (bridge) => {
        const admin = new BridgeBrowser()
        const landing = await signIn(admin, bridge, PEOPLE.fabrikamGlobalAdmin)
        expect(landing.status).toBe(403)
        expect(landing.html).toContain('This bridge serves the organizations its operator listed, and Fabrikam is not one of them.')
        expect(landing.html).not.toContain('id="join-tenant"')
        const posted = await admin.request(bridge.url + '/tenants/join', { form: {} })
        expect(posted.status).toBe(403)
        expect(posted.html).toContain(`your tenant (${FABRIKAM_TENANT_ID}) is not one of them`)
        expect(bridge.store.tenants.get(FABRIKAM_TENANT_ID)).toBeNull()
    })
})

test('a listed tenant joins through admin consent', async () => {
    await bridgeServing([TENANT, FABRIKAM_TENANT_ID], async (bridge) => {
        const admin = new BridgeBrowser()
        const landing = await signIn(admin, bridge, PEOPLE.fabrikamGlobalAdmin)
        expect(landing.html).toContain('id="join-tenant"')
        await joinTenant(admin, bridge, PEOPLE.fabrikamGlobalAdmin)
        expect(bridge.store.tenants.get(FABRIKAM_TENANT_ID)?.joinedBy).toBe(PEOPLE.fabrikamGlobalAdmin)
    })
})
