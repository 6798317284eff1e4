// Two tenants of one bridge (organizations sign-in), each connected to ServiceNow: Contoso and Fabrikam connect to
// ONE local instance with the same OAuth client, each through its own consent as the checklist's integration user
// (the app keeps one connection per tenant and scopes every call by tenant). Both share the same control: each gets its
// own ticket under its own connection, sees only that one (lists, ticket pages, the action page), and a sync of one
// brings nothing of the other's (a change the instance made to Fabrikam's ticket reaches Fabrikam only). Then Fabrikam
// connects to a SECOND local instance instead: its new ticket is made there, its old instance keeps it disconnected,
// and Contoso's tickets stay Contoso's alone.
import { FABRIKAM_TENANT_ID } from '../../../emulator/graph/fixtures/directory.ts'
import { ADMIN, BridgeBrowser, CLIENT, connect, INTEGRATION, PEOPLE, signIn, startBridge, startInstance, TENANT, type TestBridge, type TestInstance } from '../../support/bridge-harness'
import { connectTenant, joinTenant, shareAs } from '../../support/bridge-tenants.ts'

jest.setTimeout(60_000)

const FABRIKAM = { id: FABRIKAM_TENANT_ID, name: 'Fabrikam' }
const CONNECTIONS = 'x_mioms_m365ticket_connection'
const CHANGES = 'x_mioms_m365ticket_change_request'

let instance: TestInstance
let secondInstance: TestInstance | undefined
let bridge: TestBridge
const contoso = new BridgeBrowser()
const fabrikam = new BridgeBrowser()
/** The ticket each tenant got for the control both shared. */
const tickets = { contoso: '', fabrikam: '' }

beforeAll(async () => {
    instance = await startInstance()
    bridge = await startBridge({ signInAuthority: 'organizations' })
    instance.addOAuthClient(bridge.redirectUri)
    await signIn(contoso, bridge, PEOPLE.contosoSecurityAdmin)
    await signIn(fabrikam, bridge, PEOPLE.fabrikamGlobalAdmin)
    await joinTenant(fabrikam, bridge, PEOPLE.fabrikamGlobalAdmin)
    await bridge.refresher.refresh(FABRIKAM.id)
})

afterAll(async () => {
    await bridge?.close()
    await secondInstance?.close()
    await instance?.close()
})

/** The tenant's connection row on an instance. */
const connectionOn = (on: TestInstance, tenantId: string) => on.rows(CONNECTIONS, 'tenant_id = ?', [tenantId])[0]
/** The numbers of the change tickets an instance made under the tenant's connection. */
const ticketsOn = (on: TestInstance, tenantId: string) => on.rows(CHANGES, 'connection = ?', [connectionOn(on, tenantId)?.sys_id ?? '']).map((row) => row.number)
/** The tickets the bridge keeps for a tenant, as number@instance (each instance numbers its own from the same start). */
const stored = (tenantId: string) => bridge.store.forTenant(tenantId).listTickets().map((ticket) => `${ticket.number}@${new URL(ticket.link).origin}`)
const on = (number: string, where: TestInstance) => `${number}@${where.url}`

test('both connect to the one instance with the same OAuth client, each through its own consent: one connection each on the instance', async () => {
    expect((await connect(contoso, bridge, instance.url)).url).toBe(bridge.url + '/?notice=connected')
    expect((await connectTenant(fabrikam, bridge, instance.url, FABRIKAM)).url).toBe(bridge.url + '/?notice=connected')
    for (const tenantId of [TENANT, FABRIKAM.id]) {
        expect(bridge.store.forTenant(tenantId).getConnection()).toMatchObject({ instanceUrl: instance.url, clientId: CLIENT.id, tenantId, status: 'connected' })
    }
    const [ofContoso, ofFabrikam] = [connectionOn(instance, TENANT), connectionOn(instance, FABRIKAM.id)]
    expect(ofContoso).toMatchObject({ status: 'connected', tenant_name: 'Contoso' })
    expect(ofFabrikam).toMatchObject({ status: 'connected', tenant_name: 'Fabrikam' })
    expect(ofFabrikam.sys_id).not.toBe(ofContoso.sys_id)
    // The same integration user and OAuth client serve both.
    expect(ofFabrikam.integration_user).toBe(ofContoso.integration_user)
    expect(ofFabrikam.oauth_client).toBe(ofContoso.oauth_client)
    expect(instance.rows('sys_user', 'sys_id = ?', [ofContoso.integration_user])[0].user_name).toBe(INTEGRATION.user)
})

test('both share the same control: each gets its own ticket on the instance, under its own connection', async () => {
    tickets.contoso = await shareAs(contoso, bridge, 'AdminMFAV2')
    tickets.fabrikam = await shareAs(fabrikam, bridge, 'AdminMFAV2')
    expect(tickets.fabrikam).not.toBe(tickets.contoso)
    expect(ticketsOn(instance, TENANT)).toEqual([tickets.contoso])
    expect(ticketsOn(instance, FABRIKAM.id)).toEqual([tickets.fabrikam])
})

test("each sees only its own ticket, and a sync of one brings nothing of the other's", async () => {
    for (const browser of [contoso, fabrikam]) expect((await browser.request(bridge.url + '/sync', { form: {} })).location).toBe(bridge.url + '/?notice=synced')
    expect(stored(TENANT)).toEqual([on(tickets.contoso, instance)])
    expect(stored(FABRIKAM.id)).toEqual([on(tickets.fabrikam, instance)])
    for (const [browser, own, other] of [
        [contoso, tickets.contoso, tickets.fabrikam],
        [fabrikam, tickets.fabrikam, tickets.contoso],
    ] as const) {
        for (const path of ['/tickets?type=change', '/actions/AdminMFAV2', '/']) {
            const page = await browser.request(bridge.url + path)
            expect([path, page.html.includes(own), page.html.includes(other)]).toEqual([path, true, false])
        }
        expect((await browser.request(`${bridge.url}/tickets/${own}`)).status).toBe(200)
        expect((await browser.request(`${bridge.url}/tickets/${other}`)).status).toBe(404)
    }

    // An admin moves Fabrikam's ticket on, on the instance (Table API): Contoso's sync does not bring it, Fabrikam's does.
    const fabrikamTicket = instance.rows(CHANGES, 'number = ?', [tickets.fabrikam])[0]
    const patched = await fetch(`${instance.url}/api/now/table/${CHANGES}/${fabrikamTicket.sys_id}`, {
        method: 'PATCH',
        headers: { authorization: 'Basic ' + Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64'), accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify({ state: '-3' }),
    })
    expect(patched.status).toBe(200)
    const stateOf = (tenantId: string, number: string) => bridge.store.forTenant(tenantId).getTicket(number)?.state.value
    expect((await contoso.request(bridge.url + '/sync', { form: {} })).status).toBe(303)
    expect(stored(TENANT)).toEqual([on(tickets.contoso, instance)])
    expect(stateOf(FABRIKAM.id, tickets.fabrikam)).not.toBe('-3')
    expect((await fabrikam.request(bridge.url + '/sync', { form: {} })).status).toBe(303)
    expect(stateOf(FABRIKAM.id, tickets.fabrikam)).toBe('-3')
    expect(stored(TENANT)).toEqual([on(tickets.contoso, instance)])
})

test('Fabrikam connects to a second instance instead: its ticket is made there, the first keeps it disconnected, and Contoso keeps its own tickets only', async () => {
    secondInstance = await startInstance()
    secondInstance.addOAuthClient(bridge.redirectUri)
    const removed = await fabrikam.request(bridge.url + '/manage/remove', { form: { confirm: 'yes' } })
    expect(removed.status).toBe(303)
    expect(connectionOn(instance, FABRIKAM.id)).toMatchObject({ status: 'disconnected' })
    expect(connectionOn(instance, TENANT)).toMatchObject({ status: 'connected' })
    expect(stored(FABRIKAM.id)).toEqual([])

    expect((await connectTenant(fabrikam, bridge, secondInstance.url, FABRIKAM)).url).toBe(bridge.url + '/?notice=connected')
    expect(bridge.store.forTenant(FABRIKAM.id).getConnection()).toMatchObject({ instanceUrl: secondInstance.url, status: 'connected' })
    expect(connectionOn(secondInstance, FABRIKAM.id)).toMatchObject({ status: 'connected', tenant_name: 'Fabrikam' })
    expect(connectionOn(secondInstance, TENANT)).toBeUndefined()

    const onSecond = await shareAs(fabrikam, bridge, 'BlockLegacyAuthentication')
    expect(ticketsOn(secondInstance, FABRIKAM.id)).toEqual([onSecond])
    expect(instance.rows(CHANGES, 'number = ?', [onSecond]).filter((row) => row.connection === connectionOn(instance, FABRIKAM.id).sys_id)).toEqual([])
    expect(stored(FABRIKAM.id)).toEqual([on(onSecond, secondInstance)])
    const ticketPage = await fabrikam.request(`${bridge.url}/tickets/${onSecond}`)
    expect(ticketPage.html).toContain(`href="${secondInstance.url}/`)
    expect(ticketPage.html).not.toContain(instance.url)

    // Contoso's rows are its own still: its ticket, on the first instance, and nothing of Fabrikam's second one.
    expect(stored(TENANT)).toEqual([on(tickets.contoso, instance)])
    expect(bridge.store.forTenant(TENANT).getConnection()).toMatchObject({ instanceUrl: instance.url })
    const contosoPage = await contoso.request(`${bridge.url}/tickets/${tickets.contoso}`)
    expect(contosoPage.html).toContain(`href="${instance.url}/`)
    expect(contosoPage.html).not.toContain(secondInstance.url)
    // Fabrikam's removal left the integration user's tokens alone (the app said another connection uses them):
    // Contoso still syncs with them.
    expect((await contoso.request(bridge.url + '/sync', { form: {} })).location).toBe(bridge.url + '/?notice=synced')
    expect(bridge.store.forTenant(TENANT).getConnection()).toMatchObject({ status: 'connected' })
})
