// Instance pages in Chromium with long unbroken text: a 4000-character comment, an 80-character state name, a GUID
// and a URL wrap inside their cards on a form, a list and the connection form (the page is no wider than the
// viewport, no card is wider than itself, no table cell is stretched by unbroken text); dates show in the browser's locale and time zone (a German browser in
// Berlin), the ISO value on hover. Screenshots go to test-artifacts/ui-forms/.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser as Chromium, Page } from 'playwright-core'
import { ARTIFACTS, launchChromium } from '../support/chromium.ts'
import { ADMIN, type Instance, startTestInstance } from '../support/http-harness.ts'
import { signInToInstance } from '../support/instance-browser.ts'

const SCREENSHOTS = join(ARTIFACTS, 'ui-forms')
const INCIDENTS = 'x_mioms_m365ticket_incident'
const CONNECTIONS = 'x_mioms_m365ticket_connection'
const GUID = '8f1c4f0e1d8a4f5e9c112b7a0c1e5d098f1c4f0e1d8a4f5e9c112b7a0c1e5d09'
const URL_TEXT = `https://security.microsoft.com/securescore?viewid=actions&actionId=${'VeryLongImprovementActionIdentifier'.repeat(6)}`
const STATE_NAME = 'Waiting-for-the-change-advisory-board-to-approve-the-conditional-access-policy-o'
const COMMENT = 'x'.repeat(4000)
const VIEWPORT = { width: 1280, height: 900 }

jest.setTimeout(60000)

let instance: Instance
let chromium: Chromium
let page: Page
let ticketId: string
let connectionId: string

function insert(table: string, values: Record<string, string>): string {
    const result = instance.runtime.store.insert(table, values, 'system')
    if (result.error !== undefined) throw new Error(result.error)
    return result.sysId
}

/** Cells wider than this hold unbroken text that did not wrap (a list with many columns may still scroll sideways). */
const WIDEST_CELL = 400

/** What is wider than it shows: the page past the viewport, cards past themselves, table cells past WIDEST_CELL. */
async function overflow(): Promise<{ page: number; cards: string[]; cells: string[] }> {
    return page.evaluate((widest) => ({
        page: document.documentElement.scrollWidth - window.innerWidth,
        cards: [...document.querySelectorAll<HTMLElement>('.card')].filter((card) => card.scrollWidth > card.clientWidth + 1).map((card) => `${card.className} ${card.scrollWidth}>${card.clientWidth}`),
        cells: [...document.querySelectorAll<HTMLElement>('td:not([colspan]), th')].filter((cell) => cell.offsetWidth > widest).map((cell) => `${cell.offsetWidth}: ${(cell.textContent ?? '').slice(0, 40)}`),
    }), WIDEST_CELL)
}

/** Words of at most 20 characters (list.ts lets longer runs break anywhere) that a line break cuts in two. */
function splitWords(): Promise<string[]> {
    return page.evaluate(() => {
        const split: string[] = []
        const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const word of node.textContent!.matchAll(/\S{1,20}(?!\S)/g)) {
                if (word.index! > 0 && /\S/.test(node.textContent![word.index! - 1])) continue
                const range = document.createRange()
                range.setStart(node, word.index!)
                range.setEnd(node, word.index! + word[0].length)
                // One box per line the word is on.
                if (range.getClientRects().length > 1) split.push(word[0])
            }
        }
        return split
    })
}

beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    instance = await startTestInstance()
    expect(STATE_NAME).toHaveLength(80)
    // store.insert runs no business rules: the readable copy the app's rule keeps is set here as the rule would.
    connectionId = insert(CONNECTIONS, { tenant_id: GUID.slice(0, 36), tenant_name: GUID, status: 'connected', last_error: URL_TEXT, state_names: JSON.stringify({ change: { '-4': STATE_NAME }, incident: { '2': STATE_NAME } }), custom_state_names: `Change request: Assess → ${STATE_NAME}\nIncident: In Progress → ${STATE_NAME}` })
    insert('sys_user', { user_name: 'beth.agent', first_name: 'Beth', last_name: 'Agent', name: 'Beth Agent' })
    ticketId = insert(INCIDENTS, { short_description: `${GUID} ${URL_TEXT}`, description: URL_TEXT.repeat(3), m365_task_id: GUID, connection: connectionId, recommendation_source: 'microsoft', recommendation_category: 'identity', action_url: URL_TEXT, due_date: '2099-12-31 10:00:00' })
    instance.runtime.store.update(INCIDENTS, ticketId, { comments: COMMENT }, 'admin')
    chromium = await launchChromium()
    const context = await chromium.newContext({ viewport: VIEWPORT, locale: 'de-DE', timezoneId: 'Europe/Berlin' })
    page = await context.newPage()
    await signInToInstance(page, instance.url, ADMIN)
})

afterAll(async () => {
    await chromium?.close()
    await instance?.close()
})

it('wraps a 4000-character comment, a GUID and a URL on the form, and shows dates in the browser locale and time zone', async () => {
    await page.goto(`${instance.url}/${INCIDENTS}.do?sys_id=${ticketId}`)
    await page.screenshot({ path: join(SCREENSHOTS, '1-long-text-form.png'), fullPage: true })
    await expect(page.locator('.activity-text', { hasText: COMMENT }).count()).resolves.toBe(1)
    await expect(overflow()).resolves.toEqual({ page: 0, cards: [], cells: [] })

    // The journal entry's time: German format, Berlin time, the ISO instant on hover.
    const time = page.locator('.activity-entry.journal time')
    const iso = await time.getAttribute('datetime')
    expect(await time.getAttribute('title')).toBe(iso)
    const german = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(new Date(iso!))
    await expect(time.textContent()).resolves.toBe(german)
    // The due date's picker shows Berlin time (UTC+1 in December; Chromium drops the zero seconds).
    await expect(page.locator(`[id="${INCIDENTS}.due_date"]`).inputValue()).resolves.toBe('2099-12-31T11:00')
})

it('wraps long text in the list', async () => {
    await page.goto(`${instance.url}/${INCIDENTS}_list.do`)
    await page.screenshot({ path: join(SCREENSHOTS, '2-long-text-list.png'), fullPage: true })
    await expect(page.getByText(GUID).first().isVisible()).resolves.toBe(true)
    await expect(overflow()).resolves.toEqual({ page: 0, cards: [], cells: [] })
})

it('wraps an 80-character state name and a URL on the connection form', async () => {
    await page.goto(`${instance.url}/${CONNECTIONS}.do?sys_id=${connectionId}`)
    await page.screenshot({ path: join(SCREENSHOTS, '3-long-text-connection.png'), fullPage: true })
    await expect(page.locator(`[id="${CONNECTIONS}.custom_state_names"]`).inputValue()).resolves.toContain(STATE_NAME)
    await expect(overflow()).resolves.toEqual({ page: 0, cards: [], cells: [] })
})

it('keeps words whole at 800 px: the Update button on one line, labels and list cells broken between words', async () => {
    await page.setViewportSize({ width: 800, height: 900 })
    for (const path of [`/${INCIDENTS}.do?sys_id=${ticketId}`, `/${INCIDENTS}_list.do`, `/${CONNECTIONS}.do?sys_id=${connectionId}`, `/${CONNECTIONS}_list.do`]) {
        await page.goto(instance.url + path)
        await expect(splitWords()).resolves.toEqual([])
        await expect(overflow()).resolves.toEqual({ page: 0, cards: [], cells: [] })
    }
    await page.goto(`${instance.url}/${INCIDENTS}.do?sys_id=${ticketId}`)
    await page.screenshot({ path: join(SCREENSHOTS, '4-form-800px.png'), fullPage: true })
    const update = page.getByRole('button', { name: 'Update' })
    const lines = await update.evaluate((button) => {
        const label = document.createRange()
        label.selectNodeContents(button)
        return label.getClientRects().length
    })
    expect(lines).toBe(1)
    await page.setViewportSize(VIEWPORT)
})

it('keeps the state and the comment when Assigned to is refused, then saves it typed as a user ID', async () => {
    await page.goto(`${instance.url}/${INCIDENTS}.do?sys_id=${ticketId}`)
    await page.getByLabel('State').selectOption({ label: 'In Progress' })
    await page.getByLabel('Assigned to').fill('beth.agnet')
    await page.locator(`[id="${INCIDENTS}.comments"]`).fill('Taking this one.\nWill call the user.')
    await page.getByRole('button', { name: 'Update' }).click()
    await page.waitForLoadState()
    await page.screenshot({ path: join(SCREENSHOTS, '5-refused-reference.png'), fullPage: true })
    await expect(page.locator('.field.invalid').getAttribute('data-field')).resolves.toBe('assigned_to')
    await expect(page.getByLabel('Assigned to').inputValue()).resolves.toBe('beth.agnet')
    await expect(page.getByLabel('State').locator('option:checked').textContent()).resolves.toBe('In Progress')
    await expect(page.locator(`[id="${INCIDENTS}.comments"]`).inputValue()).resolves.toBe('Taking this one.\nWill call the user.')
    expect(instance.rows(INCIDENTS, 'sys_id = ?', [ticketId])[0].state).toBe('1')

    await page.getByLabel('Assigned to').fill('beth.agent')
    await Promise.all([page.waitForURL(/sys_id=/), page.getByRole('button', { name: 'Update' }).click()])
    await expect(page.getByRole('status').first().textContent()).resolves.toBe('Record updated')
    await expect(page.getByLabel('Assigned to').inputValue()).resolves.toBe('Beth Agent')
    const saved = instance.rows(INCIDENTS, 'sys_id = ?', [ticketId])[0]
    expect([saved.state, saved.due_date]).toEqual(['2', '2099-12-31 10:00:00'])
    const comment = instance.rows('sys_journal_field', 'element_id = ? AND value LIKE ?', [ticketId, 'Taking this one.%'])
    expect(comment.map((entry) => entry.value)).toEqual(['Taking this one.\nWill call the user.'])
})
