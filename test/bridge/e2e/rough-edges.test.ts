// Rough edges of the Microsoft 365 side a new user hit: an instance typed as a bare host or host:port is refused
// with what to type, and an address that does not answer as an instance before any consent; an action already shared shows its ticket number and state, and sharing it again needs a
// confirmation; removing the connection needs one too; on Manage, the connection-status values stay inside their
// card at 1366 and 1920 pixels wide (Chromium, screenshots in test-artifacts/m365/); the cards say "1 incident".
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { ARTIFACTS, launchChromium } from '../../support/chromium.ts'
import { signIn, signedInPage, BridgeBrowser, CLIENT, connect, hiddenFields, SHARE_FIELDS, startInstance, startBridge, TENANT, type TestInstance, type TestBridge } from '../../support/bridge-harness'
import { OTHER_TENANT } from '../../support/task-body'

jest.setTimeout(60000)

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

const connectForm = (instanceUrl: string) => ({ instanceUrl, clientId: CLIENT.id, clientSecret: CLIENT.secret, tenantName: 'Contoso', tenantId: TENANT })

test('another tenant than the one whose Secure Score the bridge reads is refused, and no consent starts', async () => {
    const page = await browser.request(m365.url + '/connect', { form: { ...connectForm(instance.url), tenantId: OTHER_TENANT } })
    expect(page.status).toBe(400)
    expect(page.location).toBeNull()
    expect(page.html).toContain(`This bridge reads Secure Score for tenant ${TENANT}: connect ServiceNow for that tenant.`)
})

test('an instance typed as a bare host or host:port is refused with what to type', async () => {
    for (const typed of ['127.0.0.1:8080', 'contoso.service-now.com', 'localhost:8080/']) {
        const page = await browser.request(m365.url + '/connect', { form: connectForm(typed) })
        expect(page.status).toBe(400)
        expect(page.html).toContain(`&quot;${typed}&quot; has no https:// or http://. Type the full address: https://contoso.service-now.com for an instance (or just its name, contoso), http://127.0.0.1:8080 for the local instance.`)
    }
    // An instance name alone is read as its service-now.com address (which this machine cannot reach: the check
    // before consent says so), and a full address of an instance leads to its consent page.
    const named = await browser.request(m365.url + '/connect', { form: connectForm('contoso') })
    expect(named.location).toBeNull()
    expect(named.html).toContain('Nothing answered at https://contoso.service-now.com. Check the address')
    expect((await browser.request(m365.url + '/connect', { form: connectForm(instance.url) })).location).toContain(instance.url + '/oauth_auth.do?')
})

test('an address that is not a ServiceNow instance is refused before consent, with the form kept', async () => {
    // The bridge itself answers HTTP, but not as an instance; a closed port answers nothing.
    const notAnInstance = await browser.request(m365.url + '/connect', { form: connectForm(m365.url) })
    expect(notAnInstance.status).toBe(400)
    expect(notAnInstance.location).toBeNull()
    expect(notAnInstance.html).toContain(`${m365.url} answered, but not as a ServiceNow instance. Check the address`)
    expect(notAnInstance.html).toContain(`id="instanceUrl" name="instanceUrl" type="url" value="${m365.url}"`)
    expect(notAnInstance.html).toContain(`id="clientId" name="clientId" type="text" value="${CLIENT.id}"`)
    const closed = await browser.request(m365.url + '/connect', { form: connectForm('http://127.0.0.1:9') })
    expect(closed.status).toBe(400)
    expect(closed.html).toContain('Nothing answered at http://127.0.0.1:9. Check the address, and that this bridge can reach the instance.')
    expect(closed.html).not.toContain('ECONNREFUSED')
})

async function share(controlId: string, extra: { [field: string]: string } = {}): Promise<{ status: number; html: string }> {
    const form = await browser.request(`${m365.url}/actions/${controlId}/share`)
    const sent = await browser.request(`${m365.url}/actions/${controlId}/share`, {
        form: { ...SHARE_FIELDS, draftId: hiddenFields(form.html).draftId, ticketType: 'change', priority: 'high', name: 'Share of ' + controlId, description: 'Do it.', dueDate: '2099-12-31', ...extra },
    })
    return sent.location ? { status: sent.status, html: (await browser.follow(sent.location)).html } : sent
}

test("an unknown page of the bridge is a page with the way back, not the framework's JSON", async () => {
    const page = await browser.request(m365.url + '/no/such/page')
    expect(page.status).toBe(404)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect(page.html).toContain('There is no such page in the Secure Score bridge.')
    expect(page.html).toContain('<a href="/">Go to Home</a>')
})

test('an action with an open ticket shows that ticket instead of a second share; once it is closed, sharing again asks for confirmation', async () => {
    await connect(browser, m365, instance.url)
    const first = await share('AdminMFAV2')
    const number = /id="ticket-number">([^<]+)</.exec(first.html)![1]
    const actions = (await browser.follow(m365.url + '/actions')).html
    const row = actions.slice(actions.indexOf('id="action-AdminMFAV2"'))
    expect(row.slice(0, row.indexOf('</tr>'))).toMatch(new RegExp(`Shared as <a [^>]*>${number}</a> &middot; <span class="ticket-state">New</span>`))

    // One open ticket per control: the dialog shows it, and a form sent anyway is refused.
    const again = await browser.request(`${m365.url}/actions/AdminMFAV2/share`)
    expect(again.html).toContain(`Already in ServiceNow</strong> as <a href="/tickets/${number}">${number}</a> (New), which is still open`)
    expect(again.html).not.toContain('name="draftId"')
    const refused = await share('AdminMFAV2', { shareAgain: 'yes' })
    expect(refused.status).toBe(409)
    expect(instance.count('task', `sys_class_name = 'x_mioms_m365ticket_change_request'`)).toBe(1)

    // Closed on the instance: sharing again is offered, with the admin's confirmation.
    const ticket = instance.rows('task', 'number = ?', [number])[0]
    instance.runtime.store.update('x_mioms_m365ticket_change_request', ticket.sys_id!, { state: '3', close_code: 'successful', close_notes: 'Done.' }, 'admin')
    const offered = await browser.request(`${m365.url}/actions/AdminMFAV2/share`)
    expect(offered.html).toContain(`Shared before</strong> as <a href="/tickets/${number}">${number}</a> (Closed)`)
    const unconfirmed = await share('AdminMFAV2')
    expect(unconfirmed.status).toBe(400)
    expect(unconfirmed.html).toContain(`Shared before as ${number}: tick &quot;Share it again&quot; to create a new ticket.`)
    expect(instance.count('task', `sys_class_name = 'x_mioms_m365ticket_change_request'`)).toBe(1)
    const confirmed = await share('AdminMFAV2', { shareAgain: 'yes' })
    expect(confirmed.html).toContain('Shared to ServiceNow')
    expect(instance.count('task', `sys_class_name = 'x_mioms_m365ticket_change_request'`)).toBe(2)
})

test('the Home cards count in words that agree with the number: 2 change requests, 1 incident', async () => {
    expect((await share('MFARegistrationV2', { ticketType: 'incident' })).html).toContain('Shared to ServiceNow')
    const home = (await browser.follow(m365.url + '/')).html
    expect(home).toContain('<span class="total">1</span> incident from Secure Score in ServiceNow')
    expect(home).toContain('<span class="total">2</span> change requests from Secure Score in ServiceNow')
})

test('Back after a share, edit, Share again: nothing is sent again, and the page names the edits not applied', async () => {
    const form = await browser.request(`${m365.url}/actions/SigninRiskPolicy/share`)
    const fields = { ...SHARE_FIELDS, draftId: hiddenFields(form.html).draftId, ticketType: 'change', priority: 'high', name: 'Sign-in risk policy', description: 'Do it.', dueDate: '2099-12-31' }
    const first = await browser.request(`${m365.url}/actions/SigninRiskPolicy/share`, { form: fields })
    const number = /id="ticket-number">([^<]+)</.exec((await browser.follow(first.location as string)).html)![1]
    const tickets = instance.count('task', `sys_class_name = 'x_mioms_m365ticket_change_request'`)

    // The same form again, unchanged (a double click): its result, quietly.
    const same = await browser.request(`${m365.url}/actions/SigninRiskPolicy/share`, { form: fields })
    expect(same.location).toMatch(/\/shares\//)
    // Edited after Back: refused with what was not applied, and no second ticket.
    const edited = await browser.request(`${m365.url}/actions/SigninRiskPolicy/share`, { form: { ...fields, name: 'Sign-in risk policy, all users', priority: 'low' } })
    expect(edited.status).toBe(409)
    expect(edited.html).toContain(`<strong>Already shared as ${number}.</strong> This form was sent before, so your changes were not applied: Priority, Name.`)
    expect(instance.count('task', `sys_class_name = 'x_mioms_m365ticket_change_request'`)).toBe(tickets)
    expect(instance.rows('task', 'number = ?', [number])[0].short_description).toBe('Sign-in risk policy')
})

test('an instance that does not answer is said in plain words, with Try again', async () => {
    const connection = m365.store.forTenant(TENANT).getConnection()!
    // Nothing listens on port 9: the share's calls are refused.
    m365.store.forTenant(TENANT).saveConnection({ ...connection, instanceUrl: 'http://127.0.0.1:9' })
    const failed = await share('SelfServicePasswordReset', { ticketType: 'incident' })
    expect(failed.html).toContain('could not be shared: ServiceNow did not answer. Check that the instance is up and that this bridge can reach it, then try again.')
    expect(failed.html).not.toMatch(/ECONNREFUSED|POST \/tasks/)
    m365.store.forTenant(TENANT).saveConnection(connection)
    const retry = /action="(\/shares\/[^"]+\/retry)"/.exec(failed.html)![1]
    const retried = await browser.request(m365.url + retry, { form: {} })
    expect((await browser.follow(retried.location as string)).html).toContain('Shared to ServiceNow')
})

test('on Manage, the connection-status values stay inside their card at 1366 and 1920 pixels', async () => {
    const shots = join(ARTIFACTS, 'm365')
    mkdirSync(shots, { recursive: true })
    const chromium = await launchChromium()
    try {
        const dialog = await signedInPage(chromium, browser, m365, { viewport: { width: 1366, height: 900 } })
        await dialog.goto(m365.url + '/actions/AdminMFAV2/share')
        await dialog.locator('#open-ticket').waitFor()
        await dialog.screenshot({ path: join(shots, 'share-again-asks.png'), fullPage: true })
        await dialog.goto(m365.url + '/actions')
        await dialog.screenshot({ path: join(shots, 'actions-shared-number-and-state.png'), fullPage: true })
        await dialog.close()
        for (const width of [1366, 1920]) {
            const page = await signedInPage(chromium, browser, m365, { viewport: { width, height: 900 } })
            await page.goto(m365.url + '/manage')
            const overflowing = await page.evaluate(() => {
                const card = document.querySelector('#status-title')!.closest('section')!.getBoundingClientRect()
                return Array.from(document.querySelectorAll('#status-title ~ dl dd, #status-title ~ dl dt'))
                    .filter((cell) => { const box = cell.getBoundingClientRect(); return box.right > card.right + 0.5 || box.left < card.left - 0.5 })
                    .map((cell) => cell.textContent)
            })
            await page.screenshot({ path: join(shots, `manage-${width}.png`), fullPage: true })
            expect(overflowing).toEqual([])
            await page.close()
        }
    } finally {
        await chromium.close()
    }
})

test('removing the connection asks for confirmation first', async () => {
    const unconfirmed = await browser.request(m365.url + '/manage/remove', { form: {} })
    expect(unconfirmed.html).toContain('Tick the confirmation to remove the connection.')
    expect(m365.store.forTenant(TENANT).getConnection()).not.toBeNull()
    const removed = await browser.request(m365.url + '/manage/remove', { form: { confirm: 'yes' } })
    expect(removed.location).toMatch(/\/\?notice=removed$/)
    expect(m365.store.forTenant(TENANT).getConnection()).toBeNull()
})

test('the connect card shows what to type for a bare host (screenshot)', async () => {
    const chromium = await launchChromium()
    try {
        const page = await signedInPage(chromium, browser, m365, { viewport: { width: 1366, height: 900 } })
        await page.goto(m365.url + '/')
        await page.fill('#instanceUrl', '127.0.0.1:8080')
        await page.fill('#clientId', CLIENT.id)
        await page.fill('#clientSecret', CLIENT.secret)
        await page.locator('form[action="/connect"] button[type="submit"]').click()
        await page.getByText('has no https:// or http://').first().waitFor()
        await page.screenshot({ path: join(ARTIFACTS, 'm365', 'connect-bare-host.png'), fullPage: true })
    } finally {
        await chromium.close()
    }
})
