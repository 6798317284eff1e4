// Track and act, end to end in Chromium: an improvement action shared as a change; a comment typed on the
// Microsoft 365 ticket page arrives on the instance's form as an additional comment; a comment typed on the
// instance's form shows in the Microsoft 365 timeline; the change closed successfully shows the action as
// "Resolved through third party" with the ticket number and the close notes, and the card counts it as resolved.
import type { Browser as Chromium, Page } from 'playwright-core'
import { launchChromium } from '../../support/chromium.ts'
import { ADMIN, connect, startInstance, startBridge, type TestInstance, BridgeBrowser, PEOPLE, signedInPage, signIn, type TestBridge } from '../../support/bridge-harness'

jest.setTimeout(60000)

describe('track and act in a browser', () => {
    let instance: TestInstance
    let m365: TestBridge
    let chromium: Chromium
    let page: Page
    let number = ''
    let ticketHref = ''

    beforeAll(async () => {
        instance = await startInstance()
        m365 = await startBridge()
        instance.addOAuthClient(m365.redirectUri)
        const http = new BridgeBrowser()
        await signIn(http, m365)
        await connect(http, m365, instance.url)
        chromium = await launchChromium()
        page = await signedInPage(chromium, http, m365)
    })

    afterAll(async () => {
        await chromium?.close()
        await m365?.close()
        await instance?.close()
    })

    test('1. shares an action and opens its ticket page from the card', async () => {
        await page.goto(m365.url + '/actions')
        await Promise.all([page.waitForURL(/\/share$/), page.locator('#action-AdminMFAV2 a.button').click()])
        await page.getByLabel('Ticket type').selectOption('change')
        await Promise.all([page.waitForURL(/\/shares\//), page.getByRole('button', { name: 'Share' }).click()])
        number = (await page.textContent('#ticket-number')) ?? ''
        expect(number).toMatch(/^CHG\d{7}$/)

        await page.goto(m365.url + '/')
        await Promise.all([page.waitForURL(/\/tickets\/CHG/), page.locator(`#change-card a[href="/tickets/${number}"]`).click()])
        await expect(page.textContent('#ticket-number')).resolves.toBe(number)
        ticketHref = (await page.getAttribute('#ticket-link', 'href')) ?? ''
        expect(ticketHref).toMatch(new RegExp(`^${instance.url}/x_mioms_m365ticket_change_request\\.do\\?sys_id=[0-9a-f]{32}$`))
        await expect(page.textContent('#ticket-state')).resolves.toBe('New')
        await expect(page.textContent('#action-status')).resolves.toBe('To address')
    })

    test('2. a comment from Microsoft 365 is an additional comment on the instance form', async () => {
        await page.locator('#comment-text').fill('Pilot group first, please.\nThen all admins.')
        await Promise.all([page.waitForURL(new RegExp(`/tickets/${number}$`)), page.getByRole('button', { name: 'Add comment' }).click()])
        await expect(page.locator('#timeline [data-source="microsoft365"] .text').textContent()).resolves.toBe('Pilot group first, please.\nThen all admins.')

        await page.goto(instance.url + '/login.do')
        await page.fill('#user_name', ADMIN.user)
        await page.fill('#user_password', ADMIN.password)
        await Promise.all([page.waitForNavigation(), page.click('#sysverb_login')])
        await page.goto(ticketHref)
        const stream = page.locator('#activity_stream')
        await expect(stream.locator('[data-element="comments"] .activity-text').textContent()).resolves.toBe(`[Microsoft 365] ${PEOPLE.contosoSecurityAdmin}:\nPilot group first, please.\nThen all admins.`)
        await expect(stream.locator('[data-element="comments"] .activity-meta strong').textContent()).resolves.toBe('Microsoft 365 Integration')
    })

    test('3. a comment on the instance form shows in the Microsoft 365 timeline', async () => {
        await page.locator('textarea[name="comments"]').fill('Starting with the pilot group today.')
        await Promise.all([page.waitForURL(/x_mioms_m365ticket_change_request\.do\?sys_id=/), page.getByRole('button', { name: 'Update' }).click()])
        await expect(page.locator('#activity_stream [data-element="comments"]').count()).resolves.toBe(2)

        await page.goto(`${m365.url}/tickets/${number}`)
        const fromInstance = page.locator('#timeline [data-source="servicenow"]')
        await expect(fromInstance.locator('.text').textContent()).resolves.toBe('Starting with the pilot group today.')
        await expect(fromInstance.locator('strong').textContent()).resolves.toBe('System Administrator')
    })

    test('4. the change closed successfully: the action shows "Resolved through third party" with the number and notes', async () => {
        const sysId = new URL(ticketHref).searchParams.get('sys_id')
        const closed = await fetch(`${instance.url}/api/now/table/x_mioms_m365ticket_change_request/${sysId}`, {
            method: 'PATCH',
            headers: { authorization: 'Basic ' + Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64'), 'content-type': 'application/json', accept: 'application/json' },
            body: JSON.stringify({ state: '3', close_code: 'successful', close_notes: 'MFA enforced for every admin role.' }),
        })
        expect(closed.status).toBe(200)

        await page.goto(`${m365.url}/tickets/${number}`)
        await expect(page.textContent('#action-status')).resolves.toBe('Resolved through third party')
        await expect(page.textContent('#action-note')).resolves.toBe(`ServiceNow ${number}: MFA enforced for every admin role.`)
        await expect(page.textContent('#ticket-state')).resolves.toBe('Closed')
        const resolution = page.locator('#timeline [data-kind="resolution"]')
        await expect(resolution.locator('.entry-head').textContent()).resolves.toMatch(/ · Closed · Successful$/)
        await expect(resolution.locator('.text').textContent()).resolves.toBe('MFA enforced for every admin role.')

        await page.goto(m365.url + '/actions')
        await expect(page.locator('#action-AdminMFAV2 .action-status').textContent()).resolves.toContain('Resolved through third party')
        await page.goto(m365.url + '/')
        await expect(page.textContent('#change-card .resolved-count')).resolves.toBe('1')
        await expect(page.textContent('#change-card .open-count')).resolves.toBe('0')
    })
})
