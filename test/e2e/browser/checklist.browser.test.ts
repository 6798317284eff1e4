// The installation checklist in Chromium (playwright-core + Debian's chromium), against the local
// instance started in-process: an admin signs in and completes the preflight, OAuth creation and
// integration user steps and sees the page waiting for Microsoft 365; after a scripted OAuth
// authorization and PUT /connection as the integration user, the page shows the tenant connected;
// with oauth_entity restricted, the page shows the fix. Screenshots go to test-artifacts/checklist/.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser as Chromium, Page } from 'playwright-core'
import { ADMIN, Browser, call, hiddenFields, ITIL, linkById, startTestInstance, TENANT, type Instance } from '../../support/http-harness.ts'
import { ARTIFACTS, closePage, launchChromium } from '../../support/chromium.ts'
import { CONNECTOR_API as CONNECTOR } from '../../support/api-paths.ts'

const SCREENSHOTS = join(ARTIFACTS, 'checklist')
const REDIRECT = 'https://security.microsoft.com/ticketProvisioning/oauth/callback'

jest.setTimeout(120000)

let instance: Instance
let chromium: Chromium
let page: Page
const issued = { clientId: '', clientSecret: '', userName: 'm365.integration.ui', password: '' }

async function screenshot(name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS, name + '.png'), fullPage: true })
}

function step(id: string) {
    return page.locator(`section[aria-labelledby="step-${id}-title"]`)
}

beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    instance = await startTestInstance()
    // A fresh install has no integration user: remove the one the HTTP harness seeds.
    const store = instance.runtime.store
    const seeded = store.select('sys_user', { blocks: [[[{ field: 'user_name', op: '=', value: 'm365.integration' }]]], orderBy: [] })[0]
    store.deleteWhere('sys_user_has_role', { blocks: [[[{ field: 'user', op: '=', value: seeded.sys_id! }]]], orderBy: [] })
    store.delete('sys_user', seeded.sys_id!)
    chromium = await launchChromium()
    // A context, not chromium.newPage(): a second tab of the same browser signs in as someone else below.
    page = await (await chromium.newContext({ viewport: { width: 1200, height: 900 } })).newPage()
})

afterAll(async () => {
    await chromium?.close()
    await instance?.close()
})

it('signs the admin in and shows the five steps in order', async () => {
    await page.goto(instance.url + '/x_mioms_m365ticket_checklist.do')
    await page.fill('input[name="user_name"]', ADMIN.user)
    await page.fill('input[name="user_password"]', ADMIN.password)
    // The login page's own URL names the checklist in sysparm_goto: only the path tells the landing page apart.
    await Promise.all([page.waitForURL((url) => url.pathname === '/x_mioms_m365ticket_checklist.do'), page.press('input[name="user_password"]', 'Enter')])
    await page.getByRole('heading', { name: 'Installation checklist' }).waitFor()
    const headings = await page.locator('li.step h2').allTextContents()
    expect(headings.map((text) => text.replace(/^\d+\.\s*/, ''))).toHaveLength(5)
    expect(headings[0]).toMatch(/^1\./)
    expect(await step('preflight').locator('.badge').textContent()).toMatch(/complete/i)
    // Who is signed in, with Log out.
    expect(await page.locator('#session').textContent()).toMatch(/Signed in as .*\(admin\)/)
    expect(await page.locator('#session-logout').getAttribute('href')).toBe('/logout.do')
    // The page has no navigator around it: its header leads back to it and to the app's lists, which the instance serves.
    expect(await page.locator('#back-to-navigator').getAttribute('href')).toBe('/navpage.do')
    const lists = page.getByRole('navigation', { name: 'Microsoft 365 Ticketing Connector' }).locator('li a')
    expect(await lists.allTextContents()).toEqual(['Change Requests', 'Incidents', 'Connections', 'API Log', 'Properties'])
    for (const href of await lists.evaluateAll((links) => links.map((link) => link.getAttribute('href')!))) {
        expect((await page.request.get(instance.url + href)).status()).toBe(200)
    }
    // oauth_credential: what the app may do and what it may not, once each.
    const tokensLine = await step('preflight').locator('li', { hasText: 'oauth_credential' }).textContent()
    expect(tokensLine).toMatch(/^✓ Passed: oauth_credential: the app may read; may not delete \(out of the box\)\. /)
    expect(tokensLine).not.toMatch(/may read, delete|not allowed/)
    await screenshot('1-preflight-passed')
})

it('creates the OAuth client and shows the secret once, with a copy button', async () => {
    await step('oauth').getByLabel('Redirect URL (Microsoft 365)').fill(REDIRECT)
    await step('oauth').getByRole('button', { name: 'Create OAuth client' }).click()
    const secrets = page.locator('div.secrets[role="region"]')
    await secrets.waitFor()
    const fields = secrets.locator('input[readonly]')
    expect(await fields.count()).toBeGreaterThanOrEqual(2)
    const values = await fields.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))
    issued.clientId = values.find((value) => /^[0-9a-f]{32}$/.test(value))!
    issued.clientSecret = values.find((value) => value !== issued.clientId && value.length >= 32)!
    expect(issued.clientId).toBeTruthy()
    expect(issued.clientSecret).toBeTruthy()
    expect(await secrets.getByRole('button', { name: /^Copy/ }).count()).toBeGreaterThanOrEqual(2)
    await screenshot('2-oauth-client-secret-shown-once')
    await secrets.getByRole('button', { name: 'I have copied them, hide' }).click()
    await expect_badge('oauth', /complete/i)
    expect(await page.content()).not.toContain(issued.clientSecret)
    // Right after a successful creation nothing needs repair: the form saves changes.
    expect(await step('oauth').locator('.note').textContent()).toBe('OAuth client created.')
    expect(await step('oauth').getByRole('button', { name: 'Save OAuth client' }).count()).toBe(1)
    expect(await step('oauth').textContent()).not.toMatch(/Repair/)
})

async function expect_badge(id: string, pattern: RegExp): Promise<void> {
    await page.waitForFunction(
        ([selector, source]) => new RegExp(source, 'i').test(document.querySelector(selector)?.textContent ?? ''),
        [`section[aria-labelledby="step-${id}-title"] .badge`, pattern.source] as const,
    )
}

it('creates the integration user with a generated password shown once, then waits for Microsoft 365', async () => {
    await step('integration_user').getByLabel('User name').fill(issued.userName)
    await step('integration_user').getByRole('button', { name: 'Create integration user' }).click()
    const secrets = page.locator('div.secrets[role="region"]')
    await secrets.waitFor()
    const values = await secrets.locator('input[readonly]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))
    issued.password = values.find((value) => value !== issued.userName && value.length >= 24)!
    expect(issued.password).toBeTruthy()
    await screenshot('3-integration-user-password-shown-once')
    await secrets.getByRole('button', { name: 'I have copied them, hide' }).click()
    await expect_badge('integration_user', /complete/i)
    await expect_badge('connect', /waiting/i)
    const connect = await step('connect').textContent()
    expect(connect).toContain('https://security.microsoft.com/ticketProvisioning')
    expect(connect).toContain('Not you?')
    // Not a service-now.com host: the connect form needs the whole URL, not a bare host taken for an instance name.
    expect(connect).toContain('Enter the instance URL ' + instance.url + ',')
    // After "Not you?" the browser is the integration user's: the page says so beforehand and offers to sign out.
    expect(await step('connect').getByRole('link', { name: 'sign out of the instance' }).getAttribute('href')).toBe('/logout.do')
    await screenshot('4-waiting-for-microsoft-365')
})

it('shows the tenant as connected after an OAuth authorization and PUT /connection as the integration user', async () => {
    // Microsoft 365's side of the consent, scripted: the integration user signs in and allows.
    const browser = new Browser(instance.url)
    const authorize = `/oauth_auth.do?${new URLSearchParams({ response_type: 'code', client_id: issued.clientId, redirect_uri: REDIRECT, state: 'checklist' })}`
    const login = await browser.get(authorize)
    const consent = await browser.login({ user: issued.userName, password: issued.password }, hiddenFields(login.html).sysparm_goto)
    expect(linkById(consent.html, 'not_you')).toBeTruthy()
    const allowed = await browser.request('/oauth_auth.do', { form: { ...hiddenFields(consent.html), action: 'allow' } })
    const code = new URL(allowed.location!).searchParams.get('code')!
    const token = await fetch(instance.url + '/oauth_token.do', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: issued.clientId, client_secret: issued.clientSecret }).toString(),
    }).then((response) => response.json() as Promise<{ access_token: string }>)
    const connected = await call(instance.url + CONNECTOR + '/connection', 'PUT', 'Bearer ' + token.access_token, { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'secadmin@contoso.onmicrosoft.com' })
    expect(connected.status).toBe(201)

    await page.getByRole('button', { name: /Refresh/ }).first().click()
    await expect_badge('connect', /complete/i)
    const row = step('connect').locator('tr', { hasText: TENANT })
    expect(await row.textContent()).toContain('Connected')
    expect(await row.textContent()).toContain('Contoso')
    // Times in the reader's locale and time zone, the ISO value on hover; never a raw ISO string.
    const times = await row.locator('time').evaluateAll((elements) => elements.map((time) => ({ iso: time.getAttribute('datetime'), title: time.getAttribute('title'), text: time.textContent })))
    expect(times.length).toBe(3)
    for (const time of times) {
        expect(time.iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
        expect(time.title).toBe(time.iso)
        expect(time.text).toBe(await page.evaluate((iso) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)), time.iso!))
    }
    expect(await page.locator('main').innerText()).not.toMatch(/\d{4}-\d\d-\d\dT\d\d/)
    await screenshot('5-tenant-connected')
})

it('shows the fix when oauth_entity is restricted, and blocks OAuth creation', async () => {
    const store = instance.runtime.store
    const policy = store.select('sys_db_object', { blocks: [[[{ field: 'name', op: '=', value: 'oauth_entity' }]]], orderBy: [] })[0]
    store.update('sys_db_object', policy.sys_id!, { read_access: '0' }, 'admin')
    try {
        await page.reload()
        await expect_badge('preflight', /failed/i)
        const preflight = await step('preflight').textContent()
        expect(preflight).toContain("Read operation against 'oauth_entity' from scope 'x_mioms_m365ticket' has been refused due to the table's cross-scope access policy")
        expect(preflight).toMatch(/Accessible from/)
        expect(preflight).toMatch(/Can read/)
        await expect_badge('oauth', /blocked/i)
        expect(await step('oauth').getByRole('button', { name: /OAuth client/ }).isDisabled()).toBe(true)
        await screenshot('6-restricted-table-fix')
    } finally {
        store.update('sys_db_object', policy.sys_id!, { read_access: '1' }, 'admin')
    }
})

it('says what a save changed in the words of the form, not field names', async () => {
    await page.reload()
    await expect_badge('oauth', /complete/i)
    await step('oauth').getByLabel('Access token lifespan (seconds)').fill('3600')
    await step('oauth').getByRole('button', { name: 'Save OAuth client' }).click()
    await page.waitForFunction(() => /updated/.test(document.querySelector('section[aria-labelledby="step-oauth-title"] .note')?.textContent ?? ''))
    expect(await step('oauth').locator('.note').textContent()).toBe('OAuth client updated: access token lifespan.')
    await step('oauth').getByRole('button', { name: 'Save OAuth client' }).click()
    await page.waitForFunction(() => /No changes/.test(document.querySelector('section[aria-labelledby="step-oauth-title"] .note')?.textContent ?? ''))
    await screenshot('7-oauth-saved-in-words')
})

it('lists a token issued to the admin by mistake and revokes it, with the outcome on its row: refused out of the box, with where to do it by hand', async () => {
    const store = instance.runtime.store
    const client = store.get(`SELECT sys_id FROM ${store.sqlTable('oauth_entity')} WHERE client_id = ?`, [issued.clientId])!.sys_id!
    const admin = store.get(`SELECT sys_id FROM ${store.sqlTable('sys_user')} WHERE user_name = 'admin'`)!.sys_id!
    // What a consent given as the admin, or a script's password grant as the admin, leaves behind.
    const wrongUserToken = store.insert('oauth_credential', { peer: client, user: admin, type: 'refresh_token', token: 'wrong-user-refresh-token', expires: '2099-01-01 00:00:00', scopes: 'useraccount' }, 'system').sysId!
    await page.reload()
    await expect_badge('connect', /attention/i)
    const stray = step('connect').locator('#stray-tokens')
    expect(await stray.locator('tbody tr').first().textContent()).toMatch(/^System Administrator \(admin\)Microsoft 365 Ticketing ConnectorRefresh token/)
    expect(await step('connect').locator('.problem').first().textContent()).toContain(
        'A token of the OAuth client "Microsoft 365 Ticketing Connector" was issued to System Administrator (admin), who is not an integration user.',
    )
    expect(await step('connect').textContent()).not.toContain('was authorized as')
    await stray.scrollIntoViewIfNeeded()
    await screenshot('9-token-of-the-wrong-user')

    // Out of the box the app may not delete oauth_credential rows: the row itself says so, and where to revoke it.
    await stray.getByRole('button', { name: /^Revoke/ }).click()
    const refusal = stray.locator('tr.row-outcome [role="alert"]')
    await refusal.waitFor()
    expect(await refusal.textContent()).toContain('System OAuth > Manage Tokens, filter on User = admin')
    expect(await refusal.textContent()).toContain('Revoke Access')
    expect(await refusal.evaluate((element) => element.getBoundingClientRect().bottom <= window.innerHeight)).toBe(true)
    await screenshot('10-revoke-refused-on-the-row')
    // The row links to those tokens in System OAuth > Manage Tokens, where the instance lists them.
    const manageTokens = await stray.getByRole('link', { name: 'Open the tokens of admin for this client in Manage Tokens' }).getAttribute('href')
    const listed = await page.request.get(instance.url + manageTokens)
    expect(listed.status()).toBe(200)
    const integrationTokens = store.all(`SELECT sys_id FROM ${store.sqlTable('oauth_credential')} WHERE user != ?`, [admin]).map((row) => row.sys_id!)
    expect(integrationTokens.length).toBeGreaterThan(0)
    const listedIds = (await listed.text()).match(/[0-9a-f]{32}/g) ?? []
    expect(listedIds).toContain(wrongUserToken)
    expect(listedIds.filter((id) => integrationTokens.includes(id))).toEqual([])

    const policy = store.get(`SELECT sys_id FROM ${store.sqlTable('sys_db_object')} WHERE name = 'oauth_credential'`)!.sys_id!
    store.update('sys_db_object', policy, { delete_access: 'true' }, 'admin')
    try {
        await stray.getByRole('button', { name: /^Revoke/ }).click()
        await expect_badge('connect', /complete/i)
        // The revoked row stays, marked, in place of its button; the refusal is gone.
        expect(await stray.locator('tbody tr').first().locator('[role="status"]').textContent()).toBe('✓ Revoked: Refresh token of admin')
        expect(await stray.locator('tr.row-outcome').count()).toBe(0)
        expect(await stray.getByRole('button').count()).toBe(0)
        await screenshot('11-revoked-on-the-row')
    } finally {
        store.update('sys_db_object', policy, { delete_access: 'false' }, 'admin')
    }
})

it('wraps long unbroken values inside their cards, on a wide and a narrow screen', async () => {
    const store = instance.runtime.store
    const connection = store.get(`SELECT sys_id FROM ${store.sqlTable('x_mioms_m365ticket_connection')} WHERE tenant_id = ?`, [TENANT])!.sys_id!
    const unbroken = (length: number) => 'x'.repeat(length)
    store.update(
        'x_mioms_m365ticket_connection',
        connection,
        { tenant_name: unbroken(256), connected_by: unbroken(200) + '@contoso.onmicrosoft.com', status: 'error', last_error: 'https://contoso.example/' + unbroken(300) },
        'admin',
    )
    try {
        for (const width of [1200, 420]) {
            await page.setViewportSize({ width, height: 900 })
            await page.reload()
            await expect_badge('connect', /attention/i)
            // On a narrow screen a table may scroll inside its card (.table-scroll); on a wide one nothing needs to.
            const boxes = width > 900 ? 'li.step, .app-nav, .page-header, .table-scroll' : 'li.step, .app-nav, .page-header'
            const overflow = await page.evaluate((selector) => ({
                page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
                boxes: Array.from(document.querySelectorAll(selector)).map((box) => box.scrollWidth - box.clientWidth),
            }), boxes)
            await screenshot('12-long-values-' + width)
            expect(overflow).toEqual({ page: 0, boxes: overflow.boxes.map(() => 0) })
        }
    } finally {
        await page.setViewportSize({ width: 1200, height: 900 })
        store.update('x_mioms_m365ticket_connection', connection, { tenant_name: 'Contoso', connected_by: 'secadmin@contoso.onmicrosoft.com', status: 'connected', last_error: '' }, 'admin')
    }
})

it("removes a connection and, when the instance keeps its tokens (out of the box), says so on the tenant's row with where to revoke them", async () => {
    await page.reload()
    const row = step('connect').locator('tr', { hasText: TENANT })
    await row.getByRole('button', { name: /^Remove/ }).click()
    await row.getByRole('button', { name: /^Yes, remove/ }).click()
    const outcome = step('connect').locator('tr.row-outcome [role="alert"]')
    await outcome.waitFor()
    expect(await outcome.textContent()).toContain("The connection of Contoso was removed, but this instance does not let the app revoke its integration user's OAuth tokens.")
    expect(await outcome.getByRole('link', { name: 'Open the tokens of ' + issued.userName + ' in Manage Tokens' }).getAttribute('href')).toMatch(/^\/oauth_credential_list\.do\?sysparm_query=user%3D[0-9a-f]{32}$/)
    await page.waitForFunction((tenant) => /Disconnected/.test(Array.from(document.querySelectorAll('tr')).find((tr) => tr.textContent?.includes(tenant))?.textContent ?? ''), TENANT)
    await screenshot('13-removed-tokens-left-on-the-row')
})

it('says so when the browser signed in as someone else since the page opened ("Not you?" on the consent page), and offers to sign out', async () => {
    // Microsoft 365's consent in another tab of the same browser (one cookie jar), still signed in as the admin:
    // "Not you?" signs the browser out and in again as the integration user.
    const consentTab = await page.context().newPage()
    try {
        const authorize = `/oauth_auth.do?${new URLSearchParams({ response_type: 'code', client_id: issued.clientId, redirect_uri: REDIRECT, state: 'not-you' })}`
        await consentTab.goto(instance.url + authorize)
        expect(await consentTab.locator('p.user').textContent()).toContain('(admin)')
        await Promise.all([consentTab.waitForURL((url) => url.pathname === '/login.do'), consentTab.click('#not_you')])
        await consentTab.fill('input[name="user_name"]', issued.userName)
        await consentTab.fill('input[name="user_password"]', issued.password)
        // Back on the consent page, loaded: the login page's own URL carries it in sysparm_goto, so only the path tells them apart.
        await Promise.all([consentTab.waitForURL((url) => url.pathname === '/oauth_auth.do'), consentTab.press('input[name="user_password"]', 'Enter')])
        expect(await consentTab.locator('p.user').textContent()).toContain('(' + issued.userName + ')')
    } finally {
        await closePage(consentTab)
    }
    await page.getByRole('button', { name: /Refresh/ }).first().click()
    const failure = page.locator('main > .failure')
    await failure.waitFor()
    expect(await failure.textContent()).toContain('This browser is no longer signed in to the instance as the admin who opened this page.')
    expect(await failure.textContent()).toContain('after "Not you?" on the consent page it is signed in as the integration user')
    expect(await failure.getByRole('link', { name: 'Sign out of the instance' }).getAttribute('href')).toBe('/logout.do')
    expect(await page.locator('#session').textContent()).toBe('No longer signed in as System Administrator (admin) Sign out')
    await screenshot('14-signed-in-as-someone-else')
})

it("refuses the page to a signed-in user without the admin role, with the platform's text (the page's ui_page ACL)", async () => {
    const other = await chromium.newPage({ viewport: { width: 1200, height: 700 } })
    try {
        await other.goto(instance.url + '/x_mioms_m365ticket_checklist.do')
        await other.fill('input[name="user_name"]', ITIL.user)
        await other.fill('input[name="user_password"]', ITIL.password)
        await Promise.all([other.waitForURL((url) => url.pathname === '/x_mioms_m365ticket_checklist.do'), other.press('input[name="user_password"]', 'Enter')])
        await other.locator('#security_constraints').waitFor()
        expect(await other.locator('#security_constraints').textContent()).toBe('Security constraints prevent access to requested page')
        expect(await other.locator('li.step').count()).toBe(0)
        await other.screenshot({ path: join(SCREENSHOTS, '8-not-an-admin.png'), fullPage: true })
    } finally {
        await closePage(other)
    }
})
