// In Chromium, signed in through the Graph stand-in (organizations): with Contoso connected to the local instance
// and an action shared by its Security Administrator, a Security Reader sees the cards and the action but no way to
// share; a person without a role reads the one sentence; Fabrikam's admin, once Fabrikam joined, reaches nothing of
// Contoso's by URL or by form.
import type { Browser as Chromium } from 'playwright-core'
import { FABRIKAM_TENANT_ID } from '../../../emulator/graph/fixtures/directory.ts'
import { launchChromium } from '../../support/chromium.ts'
import { call, form, objectIdOf } from '../../emulator/graph/support.ts'
import { BridgeBrowser, connect, hiddenFields, PEOPLE, SHARE_FIELDS, signedInPage, signIn, startBridge, startInstance, TENANT, type TestBridge, type TestInstance } from '../../support/bridge-harness'

let instance: TestInstance
let bridge: TestBridge
let chromium: Chromium
let shareId = ''
let ticketNumber = ''

beforeAll(async () => {
    instance = await startInstance()
    bridge = await startBridge({ signInAuthority: 'organizations' })
    instance.addOAuthClient(bridge.redirectUri)
    const admin = new BridgeBrowser()
    await signIn(admin, bridge, PEOPLE.contosoSecurityAdmin)
    await connect(admin, bridge, instance.url)
    const form = await admin.request(bridge.url + '/actions/AdminMFAV2/share')
    const shared = await admin.request(bridge.url + '/actions/AdminMFAV2/share', {
        form: { ...SHARE_FIELDS, draftId: hiddenFields(form.html).draftId, ticketType: 'change', priority: 'high', name: 'Require MFA for admins', description: 'Turn it on.', dueDate: '2099-12-31' },
    })
    expect(shared.status).toBe(303)
    shareId = decodeURIComponent((shared.location as string).split('/shares/')[1])
    ticketNumber = bridge.store.forTenant(TENANT).getShare(shareId)?.ticketNumber as string
    expect(ticketNumber).toMatch(/^CHG\d{7}$/)
    chromium = await launchChromium()
})
afterAll(async () => {
    await chromium?.close()
    await bridge?.close()
    await instance?.close()
})

async function pageAs(upn: string) {
    const http = new BridgeBrowser()
    await signIn(http, bridge, upn)
    return { http, page: await signedInPage(chromium, http, bridge) }
}

test('a Security Reader sees the cards and the action, but no way to share it', async () => {
    const { page } = await pageAs(PEOPLE.contosoReader)
    await page.goto(bridge.url + '/actions/AdminMFAV2')
    await expect(page.textContent('#signed-in-user')).resolves.toBe(PEOPLE.contosoReader)
    await expect(page.locator('h1').first().textContent()).resolves.toContain('multifactor')
    // An action not shared yet: the admin's page offers Share (below), the Reader's does not.
    await page.goto(bridge.url + '/actions/scid_2000')
    await expect(page.getByText('Share → ServiceNow').count()).resolves.toBe(0)
    await page.goto(bridge.url + '/')
    await expect(page.locator(`text=${ticketNumber}`).count()).resolves.toBeGreaterThan(0)
    await page.goto(bridge.url + '/actions/AdminMFAV2/share')
    await expect(page.textContent('main')).resolves.toContain('You need the Security Administrator role in Contoso to change this')
    // The Security Administrator's own page offers it.
    const { page: adminPage } = await pageAs(PEOPLE.contosoSecurityAdmin)
    await adminPage.goto(bridge.url + '/actions/scid_2000')
    await expect(adminPage.getByText('Share → ServiceNow').count()).resolves.toBeGreaterThan(0)
})

test('a person without a role reads the one sentence and nothing of the tenant', async () => {
    const { page } = await pageAs(PEOPLE.contosoNoRole)
    await page.goto(bridge.url + '/actions')
    await expect(page.textContent('#refusal')).resolves.toBe('You need the Security Reader or Security Administrator role in Contoso')
    await expect(page.locator('nav').count()).resolves.toBe(0)
})

test("Fabrikam's admin, once Fabrikam joined, reaches nothing of Contoso's by URL or by form", async () => {
    const { http, page } = await pageAs(PEOPLE.fabrikamGlobalAdmin)
    // Fabrikam joins: its Global Administrator's admin consent at the stand-in.
    const started = await http.request(bridge.url + '/tenants/join', { form: {} })
    const consentPage = new URL(started.location as string)
    const accepted = await call(bridge.graphServer, 'POST', consentPage.pathname + consentPage.search, form({ login: objectIdOf(bridge.graphServer, PEOPLE.fabrikamGlobalAdmin), decision: 'accept' }))
    expect((await http.request(String(accepted.headers.location))).status).toBe(303)
    await bridge.refresher.refresh(FABRIKAM_TENANT_ID)

    const before = { shares: bridge.store.forTenant(TENANT).listShares(), tickets: bridge.store.forTenant(TENANT).listTickets(), comments: bridge.store.forTenant(TENANT).unsentComments(ticketNumber) }
    await page.goto(bridge.url + '/')
    await expect(page.textContent('header')).resolves.toContain('Fabrikam')
    await expect(page.locator(`text=${ticketNumber}`).count()).resolves.toBe(0)
    await page.goto(`${bridge.url}/shares/${encodeURIComponent(shareId)}`)
    await expect(page.textContent('h1')).resolves.toBe('No such share')
    await page.goto(`${bridge.url}/tickets/${ticketNumber}`)
    await expect(page.locator('text=Require MFA for admins').count()).resolves.toBe(0)
    await page.goto(bridge.url + '/manage')
    await expect(page.locator(`text=${instance.url}`).count()).resolves.toBe(0)
    // A form made by hand in Fabrikam's page, posting a comment to Contoso's ticket: refused, nothing sent.
    const answer = await page.evaluate(
        async ({ url, csrf }) => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf, text: 'from Fabrikam', commentId: 'fabrikam-comment-0123456789abcdef' }).toString() })).status,
        { url: `${bridge.url}/tickets/${ticketNumber}/comments`, csrf: http.session?.csrf as string },
    )
    expect(answer).toBe(404)
    expect({ shares: bridge.store.forTenant(TENANT).listShares(), tickets: bridge.store.forTenant(TENANT).listTickets(), comments: bridge.store.forTenant(TENANT).unsentComments(ticketNumber) }).toEqual(before)
})
