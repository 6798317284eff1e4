// System OAuth > Manage Tokens on the local instance ("Manage OAuth tokens": "System OAuth > Manage Tokens to see all
// tokens. Only administrators can access this module", "Click Revoke Access to prevent access to the restricted
// resource"): the module and its oauth_credential list (User, Client, Type, Expires) for the admin only, and Revoke
// Access in Chromium, which expires the token and the refresh tokens of its user for its client as the out-of-box
// script include OauthRevokeTokenAjax does: the revoked tokens are refused afterwards, the other access token is not;
// a user the ACLs do not let write oauth_credential is told why nothing was revoked.
import type { Browser as Chromium, Page } from 'playwright-core'
import { ADMIN, Browser, INTEGRATION, type Instance, ITIL, startTestInstance } from '../support/http-harness.ts'
import { launchChromium } from '../support/chromium.ts'
import { signInToInstance } from '../support/instance-browser.ts'

const SECRET = 'Manage-Tokens-Secret-0123'
const CLIENT_ID = 'manage-tokens-client'

jest.setTimeout(60000)

let instance: Instance
let chromium: Chromium
let page: Page

async function tokenRequest(form: Record<string, string>): Promise<{ status: number; json: Record<string, string> }> {
    const response = await fetch(`${instance.url}/oauth_token.do`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: CLIENT_ID, client_secret: SECRET, ...form }).toString() })
    return { status: response.status, json: await response.json() }
}

/** The status of a Table API call with the token: any user may read sys_user, so 200 means the token authenticates. */
async function bearerStatus(accessToken: string): Promise<number> {
    const response = await fetch(`${instance.url}/api/now/table/sys_user?sysparm_limit=1`, { headers: { accept: 'application/json', authorization: `Bearer ${accessToken}` } })
    return response.status
}

function credentialId(token: string): string {
    return instance.rows('oauth_credential', 'token = ?', [token])[0].sys_id!
}

beforeAll(async () => {
    instance = await startTestInstance()
    const client = instance.runtime.store.insert('oauth_entity', { name: 'Microsoft 365 Ticketing Connector', client_id: CLIENT_ID, client_secret: SECRET, redirect_url: 'https://m365.example.com/callback', type: 'client' }, 'admin')
    if (client.error !== undefined) throw new Error(client.error)
    chromium = await launchChromium()
    page = await chromium.newPage({ viewport: { width: 1366, height: 900 } })
})

afterAll(async () => {
    await chromium?.close()
    await instance?.close()
})

it('offers System OAuth > Manage Tokens to the admin only, listing User, Client, Type and Expires', async () => {
    const admin = new Browser(instance.url)
    const home = await admin.login(ADMIN)
    expect(home.html).toMatch(/<div class="menu-title">System OAuth<\/div><ul>.*<a href="\/oauth_credential_list.do">Manage Tokens<\/a>/)
    const list = await admin.get('/oauth_credential_list.do')
    expect(list.status).toBe(200)
    // Each column headed by its label, not its column name.
    expect([...list.html.matchAll(/data-field="([^"]+)">([^<]+)</g)].map((m) => `${m[1]}: ${m[2]}`)).toEqual(['user: User', 'peer: Client', 'type: Type', 'expires: Expires'])

    const itil = new Browser(instance.url)
    const itilHome = await itil.login(ITIL)
    expect(itilHome.html).not.toContain('System OAuth')
    const refused = await itil.get('/oauth_credential_list.do')
    expect(refused.status).toBe(403)
    expect(refused.html).toContain('Security constraints prevent access to requested page')
})

it('revokes access from the token form: the token and the refresh token are refused afterwards, and the form says what it did', async () => {
    const granted = await tokenRequest({ grant_type: 'password', username: INTEGRATION.user, password: INTEGRATION.password })
    expect(granted.status).toBe(200)
    const { access_token: accessToken, refresh_token: refreshToken } = granted.json
    // A second access token of the same user and client, from the refresh token: Revoke Access leaves it to expire.
    const refreshed = await tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken })
    expect(refreshed.status).toBe(200)
    const otherAccessToken = refreshed.json.access_token
    expect(otherAccessToken).not.toBe(accessToken)
    expect(await bearerStatus(accessToken)).toBe(200)

    await signInToInstance(page, instance.url, ADMIN)
    await Promise.all([page.waitForURL(/\/oauth_credential_list\.do$/), page.click('text=Manage Tokens')])
    // The first column, User, opens the token: the user's name without a link of its own inside the token's link.
    const row = page.locator(`tr[data-sys-id="${credentialId(accessToken)}"]`)
    expect(await row.locator('td').allTextContents()).toEqual(['Microsoft 365 Integration', 'Microsoft 365 Ticketing Connector', 'Access Token', expect.any(String)])
    expect(await row.locator('td:nth-child(4) time').getAttribute('title')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    const firstCell = row.locator('td:first-child')
    expect(await firstCell.locator('a').count()).toBe(1)
    await Promise.all([page.waitForURL(/\/oauth_credential\.do\?sys_id=/), firstCell.locator('a.formlink').click()])
    await page.click('#revoke_access')
    const result = page.locator('#revoke_access_result')
    await result.waitFor()
    expect(await result.getAttribute('class')).toBe('info')
    expect(await result.textContent()).toBe(
        'Access revoked: this access token of Microsoft 365 Integration for Microsoft 365 Ticketing Connector has expired, and so has 1 refresh token of that user for that client; they no longer authenticate. ' +
            '1 other access token of that user for that client stays valid until it expires: revoke it here too to end that now.',
    )

    expect(await bearerStatus(accessToken)).toBe(401)
    expect((await tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken })).status).toBe(400)
    expect(await bearerStatus(otherAccessToken)).toBe(200)
})

it('says why nothing was revoked when the ACLs do not let the user write the token', async () => {
    // An itil user allowed to read the tokens (a read ACL an admin could add), not to write them.
    const acl = instance.runtime.store.insert('sys_security_acl', { name: 'oauth_credential', operation: 'read', type: 'record', decision_type: 'allow', active: 'true', admin_overrides: 'true' }, 'admin')
    if (acl.error !== undefined) throw new Error(acl.error)
    const itilRole = instance.rows('sys_user_role', 'name = ?', ['itil'])[0].sys_id!
    instance.runtime.store.insert('sys_security_acl_role', { sys_security_acl: acl.sysId, sys_user_role: itilRole }, 'admin')
    const { access_token: accessToken } = (await tokenRequest({ grant_type: 'password', username: ITIL.user, password: ITIL.password })).json

    const context = await chromium.newContext()
    const itil = await context.newPage()
    await signInToInstance(itil, instance.url, ITIL, `/oauth_credential.do?sys_id=${credentialId(accessToken)}`)
    await itil.click('#revoke_access')
    const result = itil.locator('#revoke_access_result')
    await result.waitFor()
    expect(await result.getAttribute('class')).toBe('error')
    expect(await result.textContent()).toBe('Revoke Access failed: Operation Failed: ACL Exception Update Failed due to security constraints')
    expect(await bearerStatus(accessToken)).toBe(200)
    await context.close()
})
