// The instance UI in Chromium (playwright-core + Debian's chromium), with the Microsoft 365 side: Contoso's Security
// Administrator signs in to the bridge, connects and shares an improvement action (over HTTP), then the admin, through the instance's
// UI alone, signs in, filters the navigator to the app's menu, opens Change Requests, opens the shared ticket
// (titled with the table's label, with its Microsoft 365 fields), opens it in Secure Score, changes its state and
// saves; a client script changing a protected field gets the business rule's message; the Microsoft 365 change
// card follows the new state; a user without read on the table is refused. Screenshots of each screen go to
// test-artifacts/instance-ui/.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser as Chromium, Page } from 'playwright-core'
import { ADMIN, BridgeBrowser, connect, hiddenFields, SHARE_FIELDS, INTEGRATION, sessionCookie, signIn, startInstance, startBridge, textById, type TestBridge, type TestInstance } from '../../support/bridge-harness'
import { ARTIFACTS, launchChromium } from '../../support/chromium.ts'

const SCREENSHOTS = join(ARTIFACTS, 'instance-ui')
const LABEL = 'Microsoft 365 Security and Configuration Change Request'

jest.setTimeout(60000)

let instance: TestInstance
let m365: TestBridge
const microsoft = new BridgeBrowser()
let chromium: Chromium
let page: Page
let ticketNumber = ''

async function screenshot(name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS, name + '.png'), fullPage: true })
}

beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    instance = await startInstance()
    m365 = await startBridge()
    instance.addOAuthClient(m365.redirectUri)
    // Microsoft 365 connects (consent as the integration user) and shares one improvement action as a change.
    await signIn(microsoft, m365)
    await connect(microsoft, m365, instance.url)
    const form = await microsoft.request(`${m365.url}/actions/AdminMFAV2/share`)
    const sent = await microsoft.request(`${m365.url}/actions/AdminMFAV2/share`, {
        form: { ...SHARE_FIELDS, draftId: hiddenFields(form.html).draftId, ticketType: 'change', priority: 'high', name: 'Require MFA for admins', description: 'Do it.', dueDate: '2099-12-31' },
    })
    ticketNumber = textById((await microsoft.follow(sent.location!)).html, 'ticket-number') ?? ''
    expect(ticketNumber).toMatch(/^CHG\d{7}$/)
    chromium = await launchChromium()
    page = await chromium.newPage({ viewport: { width: 1366, height: 900 } })
    // The UI action opens Secure Score in a new tab; the test answers for Microsoft instead of reaching it.
    await page.context().route('https://security.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Microsoft Secure Score</title>' }))
})

afterAll(async () => {
    await chromium?.close()
    await m365?.close()
    await instance?.close()
})

it('signs the admin in to the navigator and filters it to the app menu', async () => {
    await page.goto(instance.url + '/')
    await page.fill('#user_name', ADMIN.user)
    await page.fill('#user_password', ADMIN.password)
    await Promise.all([page.waitForURL(/\/navpage\.do$/), page.click('#sysverb_login')])
    await expect(page.textContent('#user_info')).resolves.toBe('System Administrator')
    await expect(page.isVisible('#logout')).resolves.toBe(true)
    const navigator = page.getByRole('navigation', { name: 'Application navigator' })
    await expect(navigator.getByRole('link', { name: 'All', exact: true }).count()).resolves.toBe(2)
    await page.getByLabel('Filter navigator').fill('microsoft 365')
    await expect(navigator.getByRole('link', { name: 'Change Requests' }).isVisible()).resolves.toBe(true)
    await expect(navigator.getByRole('link', { name: 'All', exact: true }).first().isVisible()).resolves.toBe(false)
    await screenshot('1-navigator-filtered')
})

it('opens Change Requests from the menu: the list of the shared ticket', async () => {
    await Promise.all([page.waitForURL(/x_mioms_m365ticket_change_request_list\.do$/), page.getByRole('link', { name: 'Change Requests' }).click()])
    await expect(page.textContent('#list_title')).resolves.toBe(LABEL)
    await expect(page.textContent('#row_count')).resolves.toBe('1')
    await expect(page.locator('table.list th').allTextContents()).resolves.toEqual(expect.arrayContaining(['Number', 'State', 'Microsoft 365 task ID', 'Recommendation category']))
    await screenshot('2-change-request-list')
})

it('opens the ticket: the form titled with the table label, with the Microsoft 365 fields', async () => {
    await Promise.all([page.waitForURL(/x_mioms_m365ticket_change_request\.do\?sys_id=/), page.getByRole('link', { name: ticketNumber }).click()])
    await expect(page.textContent('#form_title')).resolves.toBe(LABEL)
    await expect(page.textContent('#form_subtitle')).resolves.toBe(ticketNumber)
    await expect(page.getByRole('heading', { name: 'Microsoft 365', exact: true }).isVisible()).resolves.toBe(true)
    await expect(page.getByLabel('Microsoft 365 connection').inputValue()).resolves.toBe('Contoso')
    await expect(page.getByLabel('Secure Score control ID').inputValue()).resolves.toBe('AdminMFAV2')
    await expect(page.getByLabel('Recommendation category').locator('option:checked').textContent()).resolves.toBe('Identity')
    await expect(page.getByLabel('Microsoft 365 task ID').getAttribute('readonly')).resolves.toBe('')
    await screenshot('3-change-request-form')
})

it('opens the improvement action in Secure Score in a new tab', async () => {
    const [tab] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: 'Open in Microsoft Secure Score' }).click()])
    await tab.waitForLoadState()
    expect(tab.url()).toBe('https://security.microsoft.com/securescore?viewid=actions&actionId=AdminMFAV2')
    await tab.close()
})

it('changes the state and saves', async () => {
    await page.getByLabel('State').selectOption({ label: 'Assess' })
    await Promise.all([page.waitForURL(/x_mioms_m365ticket_change_request\.do\?sys_id=/), page.getByRole('button', { name: 'Update' }).click()])
    await expect(page.getByLabel('State').locator('option:checked').textContent()).resolves.toBe('Assess')
    expect(instance.rows('task', 'number = ?', [ticketNumber])[0].state).toBe('-4')
    await screenshot('4-change-request-saved')
})

it('shows the business rule\'s message when a client script changes a protected field', async () => {
    // Read-only on the form; a client script may still change it (the default read only option), and the rule refuses.
    await page.getByLabel('Microsoft 365 task ID').evaluate((input) => ((input as HTMLInputElement).value = 'edited'))
    await Promise.all([page.waitForURL(/x_mioms_m365ticket_change_request\.do\?sys_id=/), page.getByRole('button', { name: 'Update' }).click()])
    await expect(page.getByRole('alert').first().textContent()).resolves.toBe('These Microsoft 365 fields cannot be changed: m365_task_id')
    expect(instance.rows('task', 'number = ?', [ticketNumber])[0].m365_task_id).not.toBe('edited')
    await screenshot('5-protected-field-refused')
})

it('the Microsoft 365 change card follows the new state', async () => {
    await page.context().addCookies([sessionCookie(microsoft, m365)])
    await page.goto(m365.url + '/')
    const row = page.locator('#change-card tr', { hasText: 'Assess' })
    await expect(row.locator('td').textContent()).resolves.toBe('1')
    await screenshot('6-m365-card-follows')
})

it('refuses the list to a user without read on the table, with Log out at hand', async () => {
    await Promise.all([page.waitForURL(/login\.do/), page.goto(instance.url + '/logout.do')])
    await page.goto(instance.url + '/x_mioms_m365ticket_change_request_list.do')
    await page.fill('#user_name', INTEGRATION.user)
    await page.fill('#user_password', INTEGRATION.password)
    await Promise.all([page.waitForURL(/x_mioms_m365ticket_change_request_list\.do$/), page.click('#sysverb_login')])
    await expect(page.textContent('#security_constraints')).resolves.toBe('Security constraints prevent access to requested page')
    await expect(page.isVisible('#logout')).resolves.toBe(true)
    await screenshot('7-security-constraints')
})
