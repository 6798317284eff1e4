// Long unbroken text and dates on the bridge's pages, in Chromium: with an 80-character state name, a 160-character
// name, a 4000-character comment and a description holding a long URL, none of them without a space, no page is
// wider than the window and nothing leaves its card; the state counts stay inside theirs. Every time shows in the
// viewer's locale and time zone (here de-DE, Asia/Kolkata) with the ISO value on hover, and no raw ISO string is
// shown. Screenshots in test-artifacts/m365/.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser as Chromium, Page } from 'playwright-core'
import { ARTIFACTS, launchChromium } from '../../support/chromium.ts'
import { signIn, signedInPage, BridgeBrowser, connect, hiddenFields, SHARE_FIELDS, startInstance, startBridge, type TestInstance, type TestBridge } from '../../support/bridge-harness'

jest.setTimeout(90000)

let instance: TestInstance
let m365: TestBridge
let chromium: Chromium
const browser = new BridgeBrowser()
let number = ''
let resultPath = ''

const STATE_NAME = 'S'.repeat(80)
const NAME = 'N'.repeat(160)
const URL_IN_TEXT = 'https://security.microsoft.com/securescore?viewid=actions&actionId=' + 'a'.repeat(200)
const COMMENT = 'C'.repeat(4000)

beforeAll(async () => {
    instance = await startInstance()
    m365 = await startBridge()
    await signIn(browser, m365)
    instance.addOAuthClient(m365.redirectUri)
    await connect(browser, m365, instance.url)
    const manage = await browser.follow(m365.url + '/manage')
    expect(manage.html).toContain('name="change.-5"')
    await browser.request(m365.url + '/manage/state-names', { form: { 'change.-5': STATE_NAME } })
    const form = await browser.request(`${m365.url}/actions/AdminMFAV2/share`)
    const sent = await browser.request(`${m365.url}/actions/AdminMFAV2/share`, {
        form: { ...SHARE_FIELDS, draftId: hiddenFields(form.html).draftId, ticketType: 'change', priority: 'high', name: NAME, description: 'D'.repeat(3000) + '\n' + URL_IN_TEXT, dueDate: '2099-12-31' },
    })
    resultPath = new URL(sent.location as string).pathname
    number = /id="ticket-number">([^<]+)</.exec((await browser.follow(sent.location as string)).html)![1]
    const ticketPage = await browser.request(`${m365.url}/tickets/${number}`)
    await browser.request(`${m365.url}/tickets/${number}/comments`, { form: { commentId: hiddenFields(ticketPage.html).commentId, text: COMMENT } })
    chromium = await launchChromium()
})

afterAll(async () => {
    await chromium?.close()
    await m365?.close()
    await instance?.close()
})

/** What sticks out: the page wider than the window, or an element past its card's edges (by its text). */
function overflow(page: Page): Promise<{ pageWider: boolean; outside: string[] }> {
    return page.evaluate(() => {
        const outside: string[] = []
        for (const card of Array.from(document.querySelectorAll('.card, table'))) {
            const box = card.getBoundingClientRect()
            for (const element of Array.from(card.querySelectorAll('*'))) {
                const inner = element.getBoundingClientRect()
                if (inner.width === 0 || element.closest('.sr-only')) continue
                if (inner.right > box.right + 0.5 || inner.left < box.left - 0.5) outside.push((element.textContent || element.tagName).slice(0, 40))
            }
        }
        return { pageWider: document.documentElement.scrollWidth > window.innerWidth, outside }
    })
}

test('no page is wider than the window and nothing leaves its card, at 1366 and 1024 pixels', async () => {
    const shots = join(ARTIFACTS, 'm365')
    mkdirSync(shots, { recursive: true })
    const paths = ['/', '/tickets?type=change', `/tickets/${number}`, '/actions', '/actions/AdminMFAV2', '/manage', resultPath]
    for (const width of [1366, 1024]) {
        const page = await signedInPage(chromium, browser, m365, { viewport: { width, height: 900 } })
        for (const path of paths) {
            await page.goto(m365.url + path)
            const found = await overflow(page)
            if (found.pageWider || found.outside.length) await page.screenshot({ path: join(shots, `long-text-${width}-overflow.png`), fullPage: true })
            expect({ path, ...found }).toEqual({ path, pageWider: false, outside: [] })
        }
        if (width === 1024) {
            await page.goto(`${m365.url}/tickets/${number}`)
            await page.screenshot({ path: join(shots, 'long-text-ticket-1024.png'), fullPage: true })
        }
        await page.close()
    }
})

test("times in the viewer's locale and zone, with the ISO value on hover; no raw ISO string", async () => {
    const page = await signedInPage(chromium, browser, m365, { locale: 'de-DE', timezoneId: 'Asia/Kolkata', viewport: { width: 1366, height: 900 } })
    const context = page.context()
    for (const path of ['/', `/tickets/${number}`, '/manage', '/tickets?type=change']) {
        await page.goto(m365.url + path)
        const times = await page.$$eval('time', (all) => all.map((t) => ({ iso: t.getAttribute('datetime') || '', title: t.getAttribute('title'), shown: t.textContent || '', day: t.getAttribute('data-shows') === 'day' })))
        expect(times.length).toBeGreaterThan(0)
        for (const time of times) {
            expect(time.title).toBe(time.iso)
            // de-DE writes a month as "Dez." or "März"; a moment carries the viewer's zone, India's +5:30.
            expect(time.shown).not.toContain(time.iso)
            if (!time.day) expect(time.shown).toMatch(/GMT\+5:30/)
        }
        const text = await page.evaluate(() => document.body.innerText)
        expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/)
    }
    await context.close()
})
