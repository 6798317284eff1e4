/**
 * Admin consent (`/{tenant}/v2.0/adminconsent`): Fabrikam has not consented to the demo app, so its client
 * credentials are refused until a Global Administrator of Fabrikam accepts; Cancel, another role or another tenant's
 * person grant nothing. A consent survives a restart on the same dataDir.
 */
import { FABRIKAM_TENANT_ID } from '../../../emulator/graph/fixtures/directory.ts'
import type { GraphServer } from '../../../emulator/graph/server.ts'
import { call, CALLBACK, form, objectIdOf, secretToken, startServer, tempDataDir, type HttpAnswer } from './support.ts'

const CONSENT_CALLBACK = 'http://127.0.0.1/auth/consent'
const FABRIKAM_GA = 'patti.fernandez@fabrikam.onmicrosoft.com'
const FABRIKAM_SECADMIN = 'isaiah.langer@fabrikam.onmicrosoft.com'
const CONTOSO_GA = 'megan.bowen@contoso.onmicrosoft.com'

const dataDir = tempDataDir()
let server: GraphServer
beforeAll(async () => {
    server = await startServer({ dataDir })
    server.registerRedirectUri(server.demo.clientId, CONSENT_CALLBACK)
})
afterAll(() => server.close())

function consentPath(authority: string, fields: Record<string, string> = {}): string {
    const params = new URLSearchParams({ client_id: server.demo.clientId, redirect_uri: CONSENT_CALLBACK, scope: 'https://graph.microsoft.com/.default', state: 'st-7', ...fields })
    return `/${authority}/v2.0/adminconsent?${params.toString()}`
}

function post(path: string, upn: string, decision?: 'accept' | 'cancel'): Promise<HttpAnswer> {
    return call(server, 'POST', path, form({ login: objectIdOf(server, upn), ...(decision ? { decision } : {}) }))
}

function redirected(answer: HttpAnswer): URLSearchParams {
    expect(answer.status).toBe(302)
    const target = new URL(String(answer.headers.location))
    expect(`${target.origin}${target.pathname}`).toBe(CONSENT_CALLBACK)
    return target.searchParams
}

test('before consent the app has no service principal in Fabrikam: client credentials → AADSTS700016', async () => {
    await expect(secretToken(server, undefined, FABRIKAM_TENANT_ID)).rejects.toThrow(/AADSTS700016/)
    expect(server.isConsented(FABRIKAM_TENANT_ID, server.demo.clientId)).toBe(false)
})

test('the page lists the accounts; an unregistered redirect URI is an AADSTS50011 page, never a redirect', async () => {
    const page = await call(server, 'GET', consentPath(FABRIKAM_TENANT_ID))
    expect([page.status, page.text.includes(FABRIKAM_GA)]).toEqual([200, true])
    const unregistered = await call(server, 'GET', consentPath(FABRIKAM_TENANT_ID, { redirect_uri: 'https://evil.example/cb' }))
    expect([unregistered.status, unregistered.headers.location, unregistered.text.includes('AADSTS50011')]).toEqual([400, undefined, true])
})

test('a Security Administrator is told admin approval is needed (AADSTS90094, 403) and grants nothing', async () => {
    const answer = await post(consentPath(FABRIKAM_TENANT_ID), FABRIKAM_SECADMIN, 'accept')
    expect([answer.status, answer.headers.location]).toEqual([403, undefined])
    expect(answer.text).toContain('AADSTS90094')
    expect(server.isConsented(FABRIKAM_TENANT_ID, server.demo.clientId)).toBe(false)
})

test("another tenant's Global Administrator: access_denied AADSTS50020 with admin_consent and state, nothing granted", async () => {
    const params = redirected(await post(consentPath(FABRIKAM_TENANT_ID), CONTOSO_GA, 'accept'))
    expect([params.get('error'), params.get('admin_consent'), params.get('state')]).toEqual(['access_denied', 'True', 'st-7'])
    expect(params.get('error_description')).toMatch(/^AADSTS50020: /)
    expect(server.isConsented(FABRIKAM_TENANT_ID, server.demo.clientId)).toBe(false)
})

test('Cancel: access_denied with AADSTS65004, admin_consent=True and the state; nothing granted', async () => {
    const offered = await post(consentPath(FABRIKAM_TENANT_ID), FABRIKAM_GA)
    expect(offered.status).toBe(200)
    expect(offered.text).toMatch(/<button type="submit" name="decision" value="accept">Accept<\/button>/)
    expect(offered.text).toMatch(/value="cancel">Cancel<\/button>/)
    expect(offered.text).toContain('SecurityEvents.ReadWrite.All (application)')
    const params = redirected(await post(consentPath(FABRIKAM_TENANT_ID), FABRIKAM_GA, 'cancel'))
    expect([params.get('error'), params.get('admin_consent'), params.get('state')]).toEqual(['access_denied', 'True', 'st-7'])
    expect(params.get('error_description')).toMatch(/^AADSTS65004: User declined to consent to access the app\./)
    expect(params.get('error_uri')).toBe('https://login.microsoftonline.com/error?code=65004')
    expect(server.isConsented(FABRIKAM_TENANT_ID, server.demo.clientId)).toBe(false)
})

test("Accept by Fabrikam's Global Administrator (organizations authority): admin_consent=True, tenant, scope, state; then app-only tokens work, also after a restart", async () => {
    const params = redirected(await post(consentPath('organizations'), FABRIKAM_GA, 'accept'))
    expect([...params.keys()]).toEqual(['admin_consent', 'tenant', 'scope', 'state'])
    expect([params.get('admin_consent'), params.get('tenant'), params.get('scope'), params.get('state')]).toEqual(['True', FABRIKAM_TENANT_ID, 'https://graph.microsoft.com/.default', 'st-7'])
    const token = await secretToken(server, undefined, FABRIKAM_TENANT_ID)
    const profiles = await call(server, 'GET', '/v1.0/security/secureScoreControlProfiles?$count=true', { headers: { authorization: `Bearer ${token}` } })
    expect(profiles.json.value.every((p: { azureTenantId: string }) => p.azureTenantId === FABRIKAM_TENANT_ID)).toBe(true)

    const again = await startServer({ dataDir })
    try {
        expect(again.isConsented(FABRIKAM_TENANT_ID, again.demo.clientId)).toBe(true)
        await expect(secretToken(again, undefined, FABRIKAM_TENANT_ID)).resolves.toEqual(expect.any(String))
    } finally {
        await again.close()
    }
})

test('a missing scope goes back as invalid_request; /common is not emulated for admin consent', async () => {
    const params = redirected(await call(server, 'GET', consentPath(FABRIKAM_TENANT_ID, { scope: '' })))
    expect([params.get('error'), params.get('admin_consent')]).toEqual(['invalid_request', 'True'])
    expect((await call(server, 'GET', consentPath('common'))).status).toBe(501)
    // The sign-in redirect URI is not registered on this server: the consent flow checks its own redirect_uri.
    expect((await call(server, 'GET', consentPath(FABRIKAM_TENANT_ID, { redirect_uri: CALLBACK }))).status).toBe(400)
})
