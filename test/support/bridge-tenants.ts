// Tenants of a multi-tenant bridge (organizations sign-in), driven as their people do: a tenant joins through its
// Global Administrator's admin consent at the Graph stand-in, connects its own ServiceNow instance through the
// instance's consent (the connect form filled with that tenant's id and name), and its people share actions.
import { call, form, objectIdOf } from '../emulator/graph/support.ts'
import { consent, CLIENT, hiddenFields, SHARE_FIELDS, textById, type BridgeBrowser, type ConnectOptions, type TestBridge } from './bridge-harness'
import type { Browser, Page } from './browser.ts'

/**
 * POST /tenants/join as the signed-in Global Administrator, then the stand-in's admin consent page answered by `upn`
 * with `decision`: the callback URL the stand-in sends the browser back to (not yet followed).
 */
export async function adminConsent(browser: BridgeBrowser, bridge: TestBridge, upn: string, decision: 'accept' | 'cancel'): Promise<string> {
    const started = await browser.request(bridge.url + '/tenants/join', { form: {} })
    expect(started.status).toBe(303)
    const consentPage = new URL(started.location as string)
    expect(consentPage.pathname).toMatch(/^\/[0-9a-f-]{36}\/v2\.0\/adminconsent$/)
    expect(consentPage.searchParams.get('redirect_uri')).toBe(bridge.joinRedirectUri)
    const answered = await call(bridge.graphServer, 'POST', consentPage.pathname + consentPage.search, form({ login: objectIdOf(bridge.graphServer, upn), decision }))
    expect(answered.status).toBe(302)
    return String(answered.headers.location)
}

/** The tenant of `browser`'s signed-in Global Administrator joins: consent accepted, the answer followed to Home. */
export async function joinTenant(browser: BridgeBrowser, bridge: TestBridge, upn: string): Promise<void> {
    const joined = await browser.request(await adminConsent(browser, bridge, upn, 'accept'))
    expect([joined.status, joined.location]).toEqual([303, bridge.url + '/'])
}

/** Connects ServiceNow for `tenant` (the signed-in person's): the connect form with its id and name, then the instance's consent. */
export async function connectTenant(browser: Browser, bridge: TestBridge, instanceUrl: string, tenant: { id: string; name: string }, options: ConnectOptions = {}): Promise<Page> {
    const client = options.client ?? CLIENT
    const started = await browser.request(bridge.url + '/connect', {
        form: { instanceUrl, clientId: client.id, clientSecret: client.secret, tenantName: tenant.name, tenantId: tenant.id },
    })
    expect([started.status, started.location]).toEqual([303, expect.stringContaining('/oauth_auth.do?')])
    return consent(browser, started.location as string, options)
}

/** Shares an improvement action as a change, requested by `browser`'s signed-in person: the ticket number its result page shows. */
export async function shareAs(browser: BridgeBrowser, bridge: TestBridge, controlId: string): Promise<string> {
    const shareForm = await browser.request(`${bridge.url}/actions/${controlId}/share`)
    expect(shareForm.status).toBe(200)
    const sent = await browser.request(`${bridge.url}/actions/${controlId}/share`, {
        form: { ...SHARE_FIELDS, requestedBy: browser.session?.upn ?? '', draftId: hiddenFields(shareForm.html).draftId, ticketType: 'change', priority: 'high', name: 'Share of ' + controlId, description: 'Do it.', dueDate: '2099-12-31' },
    })
    expect(sent.status).toBe(303)
    const number = textById((await browser.follow(sent.location as string)).html, 'ticket-number')
    expect(number).toMatch(/^CHG\d{7}$/)
    return number as string
}
