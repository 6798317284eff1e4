// Consent by the wrong user, end to end: the admin, already signed in to the instance, allows access on the
// consent page instead of choosing "Not you?". The instance refuses PUT /connection (403); the Microsoft 365 side
// says plainly that the wrong account consented and how to fix it, gives the tokens back and is not "Connected".
// Connecting again with "Not you?" then works, and the page offers to sign out of the instance. Re-authorizing
// as the admin afterwards changes nothing: the admin's tokens are handed back, the working connection is kept on
// both sides. A wrong client secret is named on the connect form, which keeps the URL and the client id.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { WRONG_ACCOUNT_MESSAGE } from '../../../bridge/ports/servicenow/link.ts'
import type { Page } from '../../support/browser.ts'
import { ARTIFACTS, launchChromium } from '../../support/chromium.ts'
import { esc } from '../../../bridge/pages/layout'
import { signIn, BridgeBrowser, ADMIN, CLIENT, connect, hiddenFields, INTEGRATION, startInstance, startBridge, TENANT, textById, type TestInstance, type TestBridge } from '../../support/bridge-harness'

let instance: TestInstance
let m365: TestBridge
const browser = new BridgeBrowser()

beforeAll(async () => {
    instance = await startInstance()
    m365 = await startBridge()
    await signIn(browser, m365)
    instance.addOAuthClient(m365.redirectUri)
})

afterAll(async () => {
    await m365?.close()
    await instance?.close()
})

/** The admin's tokens still usable (oauth_revoke_token.do expires a revoked one). */
const adminTokens = () =>
    instance.count('oauth_credential', `user = (SELECT sys_id FROM ${instance.runtime.store.sqlTable('sys_user')} WHERE user_name = 'admin') AND expires > datetime('now')`)

/**
 * The repro: the admin is signed in to the instance, starts a consent from the bridge (`path`: connect or
 * re-authorize) and allows access on the consent page without "Not you?". The bridge's answer to the callback.
 */
async function allowAsAdmin(path: string, form: { [field: string]: string }): Promise<Page> {
    await browser.follow(instance.url + '/login.do', { form: { user_name: ADMIN.user, user_password: ADMIN.password } })
    const started = await browser.request(m365.url + path, { form })
    const consentPage = await browser.follow(started.location as string)
    expect(textById(consentPage.html, 'consent_user')).toContain('System Administrator')
    const allowed = await browser.request(new URL('/oauth_auth.do', consentPage.url).toString(), { form: { ...hiddenFields(consentPage.html), action: 'allow' } })
    return browser.request(allowed.location as string)
}

test('a wrong client secret is named after the consent, on the connect form with the URL and client id kept', async () => {
    const page = await connect(browser, m365, instance.url, { client: { id: CLIENT.id, secret: 'not-the-secret' } })
    expect(page.status).toBe(400)
    expect(page.html).toContain('ServiceNow refused the client ID or secret — copy them again from checklist step 2 or issue a new secret.')
    expect(page.html).toContain(`id="instanceUrl" name="instanceUrl" type="url" value="${instance.url}"`)
    expect(page.html).toContain(`id="clientId" name="clientId" type="text" value="${CLIENT.id}"`)
    expect(page.html).toMatch(/id="clientSecret" name="clientSecret" type="password" value=""[^>]* aria-invalid="true"/)
    expect(page.html).not.toContain('server_error')
    expect(m365.store.forTenant(TENANT).getConnection()).toBeNull()
})

test('allowing access as the admin is refused with the fix, the tokens are given back, nothing says Connected', async () => {
    const callback = await allowAsAdmin('/connect', { instanceUrl: instance.url, clientId: CLIENT.id, clientSecret: CLIENT.secret, tenantName: 'Contoso', tenantId: TENANT })

    expect(callback.status).toBe(400)
    expect(callback.html).toContain('The wrong ServiceNow account allowed access.')
    expect(callback.html).toContain('choose &quot;Not you?&quot;, sign in as the integration user')
    expect(WRONG_ACCOUNT_MESSAGE).toContain('Not you?')
    expect(m365.store.forTenant(TENANT).getConnection()).toBeNull()
    expect((await browser.follow(m365.url + '/')).html).toContain('Do you use ServiceNow?')
    expect(adminTokens()).toBe(0)
    expect(instance.count('x_mioms_m365ticket_connection')).toBe(0)

    // The page as the user sees it.
    mkdirSync(join(ARTIFACTS, 'm365'), { recursive: true })
    const chromium = await launchChromium()
    try {
        const page = await chromium.newPage({ viewport: { width: 1366, height: 700 } })
        await page.setContent(callback.html)
        await page.screenshot({ path: join(ARTIFACTS, 'm365', 'wrong-account-consented.png'), fullPage: true })
    } finally {
        await chromium.close()
    }
})

test('connecting again with "Not you?" as the integration user works, and offers to sign out of the instance', async () => {
    const home = await connect(browser, m365, instance.url, { expectSignedInAs: 'System Administrator' })
    expect(home.html).toContain('ServiceNow is connected')
    expect(home.html).toContain(`Your browser is still signed in to ServiceNow as the integration user that allowed access. <a href="${instance.url}/logout.do">Sign out of ServiceNow</a>`)
    expect(m365.store.forTenant(TENANT).getConnection()).toMatchObject({ status: 'connected', tenantId: TENANT })
})

/** The integration user's tokens still usable. */
const integrationTokens = () =>
    instance.count('oauth_credential', `user = (SELECT sys_id FROM ${instance.runtime.store.sqlTable('sys_user')} WHERE user_name = '${INTEGRATION.user}') AND expires > datetime('now')`)

test('re-authorizing as the admin changes nothing: the working connection keeps its tokens and secret, both sides say connected', async () => {
    const before = m365.store.forTenant(TENANT).getConnection()!
    const integrationBefore = integrationTokens()
    const callback = await allowAsAdmin('/reauthorize', {})

    expect(callback.status).toBe(400)
    // Named by the app's GET /connection once it tells the integration user (issue 21); in general words before.
    const remote = await m365.link.connectionStatus()
    const who = remote.integrationUser ? `${remote.integrationUser.name} (${remote.integrationUser.userName}), the integration user` : 'the integration user'
    if (remote.integrationUser) expect(remote.integrationUser.userName).toBe(INTEGRATION.user)
    expect(callback.html).toContain(`Nothing changed: your connection still works as ${esc(who)} that authorized it.`)
    expect(callback.html).toContain('<a href="/manage">Back to Manage ServiceNow configuration</a>')
    // Only the admin's new tokens were handed back; the connection's own are kept on both sides.
    expect(adminTokens()).toBe(0)
    expect(integrationTokens()).toBe(integrationBefore)
    expect(m365.store.forTenant(TENANT).getConnection()).toEqual(before)
    expect(instance.rows('x_mioms_m365ticket_connection')[0]).toMatchObject({ status: 'connected' })
    const manage = await browser.follow(m365.url + '/manage')
    expect(textById(manage.html, 'local-status')).toBe('connected')
    expect(textById(manage.html, 'remote-status')).toBe('connected')
})
