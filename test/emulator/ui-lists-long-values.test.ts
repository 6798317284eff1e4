// Lists of the local instance in Chromium, with long values and dates: a 4000-character unbroken value, an 80-character state
// name, a GUID and a long URL neither widen the page past the viewport nor print in full in a cell. A cell of more
// than CELL_TEXT_LIMIT characters shows its beginning and "…" with the whole value on hover (local choice: the
// platform's lists shorten long values too), a reference keeping its link; shorter ones wrap; a form's related lists
// cut them too. Dates, in cells and in the filter breadcrumb, show in the viewer's locale and time zone with the ISO
// value on hover, never as stored. The
// System Properties list shows Name, Value, Type and Description (the platform's layout, seeded by ui/list.ts).
import type { Browser as Chromium, Page } from 'playwright-core'
import { CELL_TEXT_LIMIT } from '../../emulator/instance/ui/list.ts'
import { ADMIN, type Instance, startTestInstance } from '../support/http-harness.ts'
import { launchChromium } from '../support/chromium.ts'
import { signInToInstance } from '../support/instance-browser.ts'

const CHANGES = 'x_mioms_m365ticket_change_request'
const CONNECTIONS = 'x_mioms_m365ticket_connection'
const LONG_VALUE = 'x'.repeat(4000)
const LONG_URL = 'https://security.microsoft.com/securescore?viewid=actions&actionId=' + 'AdminMFAV2'.repeat(20)
const GUID = '8f1c4f0e-1d8a-4f5e-9c11-2b7a0c1e5d01'
const STATE_NAME = 'S'.repeat(80)
const CONNECTED_AT = '2026-03-01 17:05:00'
const CONNECTED_AT_ISO = '2026-03-01T17:05:00Z'

jest.setTimeout(60000)

let instance: Instance
let connection: string
let chromium: Chromium
let page: Page

function insert(table: string, values: Record<string, string>): string {
    const result = instance.runtime.store.insert(table, values, 'system')
    if (result.error !== undefined) throw new Error(result.error)
    return result.sysId
}

beforeAll(async () => {
    instance = await startTestInstance()
    insert('sys_properties', { name: 'x_test.long_value', value: LONG_VALUE, type: 'string', description: GUID })
    insert('sys_properties', { name: 'x_test.long_url', value: LONG_URL, type: 'string', description: LONG_URL })
    connection = insert(CONNECTIONS, { tenant_id: GUID, tenant_name: LONG_VALUE, status: 'connected', last_error: LONG_URL, connected_at: CONNECTED_AT })
    insert('sys_choice', { name: CHANGES, element: 'state', value: '-5', label: STATE_NAME, language: 'en', sequence: '10', inactive: 'false' })
    insert(CHANGES, { short_description: LONG_VALUE, state: '-5', connection, m365_task_id: GUID, recommendation_source: 'microsoft' })
    chromium = await launchChromium()
    page = await chromium.newPage({ viewport: { width: 1280, height: 800 } })
    await signInToInstance(page, instance.url, ADMIN)
})

afterAll(async () => {
    await chromium?.close()
    await instance?.close()
})

/** The page's width beyond the viewport, in CSS pixels (0 when nothing overflows). */
function overflow(): Promise<number> {
    return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
}

it('shows the System Properties list with Name, Value, Type and Description', async () => {
    await page.goto(`${instance.url}/sys_properties_list.do`)
    expect(await page.locator('th a.column-sort').allTextContents()).toEqual(['Name', 'Value', 'Type', 'Description'])
})

it.each([
    ['System Properties', '/sys_properties_list.do?sysparm_query=nameSTARTSWITHx_test.'],
    ['Connections', `/${CONNECTIONS}_list.do`],
    ['Change Requests', `/${CHANGES}_list.do`],
])('keeps the %s list within the viewport, long values cut with the whole value on hover', async (_name, path) => {
    for (const width of [1280, 800]) {
        await page.setViewportSize({ width, height: 800 })
        await page.goto(instance.url + path)
        expect(await overflow()).toBe(0)
    }
    const cut = page.locator('td .truncated').first()
    expect(await cut.getAttribute('title')).toMatch(/^(x{4000}|https:\/\/security\.microsoft\.com\/.*)$/)
    expect((await cut.textContent())!.length).toBe(CELL_TEXT_LIMIT + 1)
})

it('shows an 80-character state name whole, wrapped within the list', async () => {
    await page.setViewportSize({ width: 800, height: 800 })
    await page.goto(`${instance.url}/${CHANGES}_list.do`)
    expect(await page.locator('td', { hasText: STATE_NAME }).count()).toBe(1)
    expect(await overflow()).toBe(0)
})

it("cuts a reference's long display value and keeps its link to the referenced record", async () => {
    await page.goto(`${instance.url}/${CHANGES}_list.do`)
    const reference = page.locator('td a.reference.truncated')
    expect(await reference.getAttribute('href')).toBe(`/${CONNECTIONS}.do?sys_id=${connection}`)
    expect(await reference.getAttribute('title')).toBe(LONG_VALUE)
})

it("cuts long values in a form's related lists as lists do", async () => {
    await page.setViewportSize({ width: 800, height: 800 })
    await page.goto(`${instance.url}/${CONNECTIONS}.do?sys_id=${connection}`)
    const cut = page.locator(`[data-related="${CHANGES}.connection"] td .truncated`)
    expect(await cut.getAttribute('title')).toBe(LONG_VALUE)
    expect((await cut.textContent())!.length).toBe(CELL_TEXT_LIMIT + 1)
    expect(await overflow()).toBe(0)
})

it("shows dates in the viewer's locale and time zone with the ISO value on hover, in cells and in the breadcrumb", async () => {
    const context = await chromium.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' })
    const viewer = await context.newPage()
    await signInToInstance(viewer, instance.url, ADMIN)
    await viewer.goto(`${instance.url}/${CONNECTIONS}_list.do?sysparm_query=${encodeURIComponent(`connected_at>=${CONNECTED_AT}`)}`)
    const shown = new Date(CONNECTED_AT_ISO).toLocaleString('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' })
    for (const time of [viewer.locator('td time'), viewer.locator('#breadcrumb time')]) {
        expect(await time.getAttribute('title')).toBe(CONNECTED_AT_ISO)
        expect(await time.textContent()).toBe(shown)
    }
    expect(await viewer.locator('#breadcrumb').textContent()).not.toContain(CONNECTED_AT)
    await context.close()
})
