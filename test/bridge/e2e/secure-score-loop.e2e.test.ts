// The whole Secure Score loop in Chromium, against the local instance and the Graph stand-in: an improvement
// action read from Graph is shared as a change through the bridge's form; the change is found and closed on the
// instance's own form (close code and close notes); the bridge's sync sees the outcome and writes it back, so
// Graph's control ends with ThirdParty and the ticket number in the comment, and after "Refresh now" the bridge's
// action page says "Resolved through third party". Then a restart in the middle of a write-back (a bridge on a
// file store stopped while its PATCH is in flight) leaves exactly one state update.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser as Chromium, Page } from 'playwright-core'
import { ARTIFACTS, launchChromium } from '../../support/chromium.ts'
import { ADMIN, connect, startBridge, startGraph, startInstance, TENANT, testSecretBox, testSecretKey, type TestBridge, type TestInstance, BridgeBrowser, PEOPLE, sessionCookie, signedInPage, signIn } from '../../support/bridge-harness'
import type { GraphServer } from '../../../emulator/graph/server'
import { openStore } from '../../../bridge/store/store.ts'

jest.setTimeout(60000)

const CHANGES = 'x_mioms_m365ticket_change_request'
const SHOTS = join(ARTIFACTS, 'bridge')
const CLOSE_NOTES = 'MFA enforced for every admin role through Conditional Access.'

describe('the Secure Score loop in a browser', () => {
    let instance: TestInstance
    let graph: GraphServer
    let bridge: TestBridge
    let chromium: Chromium
    let page: Page
    let dir: string
    let number = ''
    let ticketHref = ''
    // One key for the file across the restart, as an operator keeps BRIDGE_SECRET_KEY.
    const secretKey = testSecretKey()

    beforeAll(async () => {
        mkdirSync(SHOTS, { recursive: true })
        dir = mkdtempSync(join(tmpdir(), 'secure-score-loop-'))
        instance = await startInstance()
        graph = await startGraph()
        bridge = await startBridge({ graphServer: graph, dataFile: join(dir, 'bridge.sqlite'), secretKey })
        instance.addOAuthClient(bridge.redirectUri)
        const http = new BridgeBrowser()
        await signIn(http, bridge)
        await connect(http, bridge, instance.url)
        chromium = await launchChromium()
        page = await signedInPage(chromium, http, bridge)
    })

    afterAll(async () => {
        await chromium?.close()
        await bridge?.close()
        await graph?.close()
        await instance?.close()
        if (dir) rmSync(dir, { recursive: true, force: true })
    })

    async function signInToInstance(): Promise<void> {
        await page.goto(instance.url + '/login.do')
        await page.fill('#user_name', ADMIN.user)
        await page.fill('#user_password', ADMIN.password)
        await Promise.all([page.waitForNavigation(), page.click('#sysverb_login')])
    }

    /** On the instance's change form, as the admin: state Closed, a close code, close notes, Update. */
    async function closeOnInstance(href: string, notes: string): Promise<void> {
        await page.goto(href)
        await page.selectOption(`select[id="${CHANGES}.state"]`, '3')
        await page.selectOption(`select[id="${CHANGES}.close_code"]`, 'successful')
        await page.fill(`[id="${CHANGES}.close_notes"]`, notes)
        await Promise.all([page.waitForURL(new RegExp(`${CHANGES}\\.do`)), page.click('#sysverb_update')])
    }

    /** Shares an action through the bridge's form as a change; returns its number and the link to the instance. */
    async function share(controlId: string): Promise<{ number: string; href: string }> {
        await page.goto(bridge.url + '/actions')
        await Promise.all([page.waitForURL(/\/share$/), page.locator(`#action-${controlId} a.button`).click()])
        await page.getByLabel('Ticket type').selectOption('change')
        await Promise.all([page.waitForURL(/\/shares\//), page.getByRole('button', { name: 'Share' }).click()])
        return { number: (await page.textContent('#ticket-number')) ?? '', href: (await page.getAttribute('#ticket-link', 'href')) ?? '' }
    }

    test('1. the action read from Graph is shared through the form, prefilled from its profile', async () => {
        await page.goto(bridge.url + '/actions')
        await expect(page.locator('#action-AdminMFAV2 .state').textContent()).resolves.not.toBe('Resolved through third party')
        await Promise.all([page.waitForURL(/\/actions\/AdminMFAV2\/share$/), page.locator('#action-AdminMFAV2 a.button').click()])
        await expect(page.inputValue('#name')).resolves.toBe('Ensure multifactor authentication is enabled for all users in administrative roles')
        const description = await page.inputValue('#description')
        expect(description).toMatch(/^Require multifactor authentication \(MFA\)/)
        expect(description).toContain('\n1. Go to Protection > Conditional Access > Policies and select New policy.')
        expect(description).not.toContain('<')
        await expect(page.inputValue('#category')).resolves.toBe('identity')
        await expect(page.inputValue('#source')).resolves.toBe('microsoft')
        await expect(page.inputValue('#requestedBy')).resolves.toBe(PEOPLE.contosoSecurityAdmin)
        await page.screenshot({ path: join(SHOTS, 'loop-1-share-form.png'), fullPage: true })

        await page.getByLabel('Ticket type').selectOption('change')
        await Promise.all([page.waitForURL(/\/shares\//), page.getByRole('button', { name: 'Share' }).click()])
        number = (await page.textContent('#ticket-number')) ?? ''
        ticketHref = (await page.getAttribute('#ticket-link', 'href')) ?? ''
        expect(number).toMatch(/^CHG\d{7}$/)
        expect(ticketHref).toMatch(new RegExp(`^${instance.url}/${CHANGES}\\.do\\?sys_id=[0-9a-f]{32}$`))
    })

    test('2. the change is found in the instance UI and closed there with a close code and notes', async () => {
        await signInToInstance()
        await page.goto(`${instance.url}/${CHANGES}_list.do`)
        await Promise.all([page.waitForURL(/sys_id=/), page.locator('a', { hasText: number }).first().click()])
        expect(page.url()).toBe(ticketHref)
        await closeOnInstance(ticketHref, CLOSE_NOTES)
        const row = instance.rows('task', 'number = ?', [number])[0]
        expect(row).toMatchObject({ state: '3', close_code: 'successful', close_notes: CLOSE_NOTES })
        await page.screenshot({ path: join(SHOTS, 'loop-2-closed-on-instance.png'), fullPage: true })
    })

    test('3. the bridge syncs and writes the outcome back: Graph holds ThirdParty with the number and notes', async () => {
        const before = graph.stateUpdates(TENANT, 'AdminMFAV2').length
        await page.goto(bridge.url + '/') // the sync sees the outcome and queues the write-back
        await bridge.writeBack.drain()
        const updates = graph.stateUpdates(TENANT, 'AdminMFAV2')
        expect(updates).toHaveLength(before + 1)
        expect(updates.at(-1)).toMatchObject({ state: 'ThirdParty', comment: `Resolved in ServiceNow ${number}: ${CLOSE_NOTES}` })

        await page.goto(`${bridge.url}/tickets/${number}`)
        await expect(page.getAttribute('#write-back', 'data-status')).resolves.toBe('done')
        await expect(page.textContent('#write-back')).resolves.toMatch(/^Secure Score: .*, written /)
        await page.screenshot({ path: join(SHOTS, 'loop-3-ticket-written-back.png'), fullPage: true })
    })

    test('4. the action page says "Resolved through third party" at once, and still after "Refresh now" reads it from Graph', async () => {
        // The write-back puts its entry into the stored snapshot; the refresh replaces it with Graph's own.
        await page.goto(bridge.url + '/actions/AdminMFAV2')
        await expect(page.textContent('#action-state')).resolves.toBe('Resolved through third party')
        await Promise.all([page.waitForURL(/notice=refreshed/), page.getByRole('button', { name: 'Refresh now' }).click()])
        expect(new URL(page.url()).pathname).toBe('/actions/AdminMFAV2')
        await page.goto(bridge.url + '/actions')
        await expect(page.locator('#action-AdminMFAV2 .state').textContent()).resolves.toBe('Resolved through third party')
        await page.goto(bridge.url + '/actions/AdminMFAV2')
        await expect(page.textContent('#action-state')).resolves.toBe('Resolved through third party')
        const newest = page.locator('#state-history tbody tr').first()
        await expect(newest.textContent()).resolves.toContain(`Resolved in ServiceNow ${number}: ${CLOSE_NOTES}`)
        await expect(newest.textContent()).resolves.toContain('ThirdParty')
        await page.screenshot({ path: join(SHOTS, 'loop-4-action-resolved.png'), fullPage: true })

        await page.goto(bridge.url + '/actions?state=Resolved+through+third+party')
        await expect(page.isVisible('#action-AdminMFAV2')).resolves.toBe(true)
    })

    test('5. a bridge stopped with its PATCH in flight, restarted on the same file: exactly one state update', async () => {
        const control = 'MFARegistrationV2'
        const second = await share(control)
        expect(second.number).toMatch(/^CHG\d{7}$/)
        await closeOnInstance(second.href, 'Registration campaign done.')
        const before = graph.stateUpdates(TENANT, control).length

        // Graph answers slowly; the sync queues the row and the drain marks it sending and sends the PATCH.
        graph.setFaults({ latencyMs: 1500 })
        await bridge.link.sync()
        const row = bridge.store.forTenant(TENANT).outbox.latestForTicket(second.number)
        expect(row).toMatchObject({ controlId: control, status: 'queued', state: 'ThirdParty' })
        const draining = bridge.writeBack.drain()
        const deadline = Date.now() + 10_000
        // The row is marked sending (committed) just before its PATCH goes out; the PATCH then waits out the latency.
        while (bridge.store.forTenant(TENANT).outbox.latestForTicket(second.number)?.status !== 'sending' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
        expect(graph.requestLog().some((r) => r.method === 'PATCH' && r.path.endsWith('/' + control))).toBe(false)
        expect(bridge.store.forTenant(TENANT).outbox.latestForTicket(second.number)).toMatchObject({ status: 'sending', attempts: 1 })
        // The process dies: its store is closed under the running drain, so "done" can never be recorded.
        bridge.store.close()
        await draining.catch(() => undefined)
        await new Promise((resolve) => setTimeout(resolve, 1600)) // the PATCH reaches Graph
        expect(graph.stateUpdates(TENANT, control)).toHaveLength(before + 1)
        await bridge.close().catch(() => undefined)

        // On disk the row is left sending, its PATCH started once.
        const file = openStore(join(dir, 'bridge.sqlite'), { box: testSecretBox(secretKey) })
        expect(file.forTenant(TENANT).outbox.latestForTicket(second.number)).toMatchObject({ status: 'sending', attempts: 1 })
        file.close()

        // The new bridge drains at start: it reads the control back, finds its own comment, and writes nothing again.
        graph.setFaults({})
        bridge = await startBridge({ graphServer: graph, dataFile: join(dir, 'bridge.sqlite'), secretKey })
        await bridge.writeBack.drain()
        expect(bridge.store.forTenant(TENANT).outbox.latestForTicket(second.number)).toMatchObject({ status: 'done' })
        const after = graph.stateUpdates(TENANT, control)
        expect(after).toHaveLength(before + 1)
        expect(after.at(-1)).toMatchObject({ state: 'ThirdParty', comment: `Resolved in ServiceNow ${second.number}: Registration campaign done.` })

        // Sessions live in the process: after the restart the admin signs in again.
        const again = new BridgeBrowser()
        await signIn(again, bridge)
        await page.context().addCookies([sessionCookie(again, bridge)])
        await page.goto(`${bridge.url}/tickets/${second.number}`)
        await expect(page.getAttribute('#write-back', 'data-status')).resolves.toBe('done')
        await page.screenshot({ path: join(SHOTS, 'loop-5-after-restart.png'), fullPage: true })
    })
})
