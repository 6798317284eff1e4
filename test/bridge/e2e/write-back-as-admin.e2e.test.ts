// Write-back as a signed-in Security Administrator, against the local instance, the Graph stand-in and a store file,
// with Chromium where a person clicks. Graph refuses app-only state updates (the stand-in's refuseAppOnlyPatch), so a
// resolved ticket's write-back fails with a reason that sends a Security Administrator to "Write back as me". A
// Security Reader cannot choose it; an answer that comes back as someone else, a replayed answer, or one carried into
// another session stores nothing. Adele (Security Administrator) chooses it in Chromium through the stand-in's sign-in
// page: the refused row is queued again and written as her (Graph's history says updatedBy = Adele, the ticket page
// says so). Her refresh token is sealed in the file (its text is nowhere in the file or the log), survives
// --rotate-key and a restart, and is redeemed (and rotated) when Graph refuses the access token. When Microsoft stops
// accepting her (the role lost; the refresh token revoked) rows wait, uncounted, and the pages and the log say the
// delegation needs renewing; renewing sends them. Stop writing as her deletes the sealed tokens.
import Database from 'better-sqlite3'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser as Chromium, Page } from 'playwright-core'
import { createSecretBox } from '../../../bridge/security/secret-box.ts'
import { SecretRegistry } from '../../../bridge/security/secret-registry.ts'
import { openStore } from '../../../bridge/store/store.ts'
import { currentState, isDeviceControl } from '../../../bridge/ports/graph/control-state.ts'
import type { GraphServer } from '../../../emulator/graph/server.ts'
import { launchChromiumTrustingStandIn } from '../../support/bridge-chromium.ts'
import { ARTIFACTS, closePage } from '../../support/chromium.ts'
import {
    BridgeBrowser,
    connect,
    hiddenFields,
    PEOPLE,
    SHARE_FIELDS,
    signedInPage,
    signIn,
    startBridge,
    startGraph,
    startInstance,
    TENANT,
    testSecretKey,
    type TestBridge,
    type TestInstance,
} from '../../support/bridge-harness'
import { mainText, pickAt, redirectedTo, startWriteBackAsMe } from './write-back-as-me.ts'

jest.setTimeout(90_000)

const ADELE = PEOPLE.contosoSecurityAdmin
const CHANGES = 'x_mioms_m365ticket_change_request'
/** Longer than a Graph access token lives (3599 s): the stand-in's clock moved by this refuses every token issued before. */
const PAST_TOKEN_LIFETIME_MS = 3600_000
const SHOTS = join(ARTIFACTS, 'bridge')

let instance: TestInstance
let graph: GraphServer & { dataDir: string }
let bridge: TestBridge
let chromium: Chromium
let dir: string
let dataFile: string
let key = testSecretKey()
/** The stand-in's clock runs this far ahead of the bridge's. */
let graphClockAheadMs = 0
const logs: string[] = []
let adele: BridgeBrowser
/** Non-device controls still in Default, one per ticket this test resolves. */
let controls: string[] = []
const tickets: string[] = []

const outbox = () => bridge.store.forTenant(TENANT).outbox

async function startTheBridge(): Promise<TestBridge> {
    const started = await startBridge({ graphServer: graph, dataFile, secretKey: key, logger: (line) => logs.push(line), writeBackIntervalMs: 3_600_000 })
    instance.addOAuthClient(started.redirectUri)
    return started
}

beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    dir = mkdtempSync(join(tmpdir(), 'write-back-as-admin-'))
    dataFile = join(dir, 'bridge.sqlite')
    instance = await startInstance()
    graph = await startGraph({ now: () => new Date(Date.now() + graphClockAheadMs) })
    bridge = await startTheBridge()
    adele = new BridgeBrowser()
    await signIn(adele, bridge, ADELE)
    await connect(adele, bridge, instance.url)
    controls = bridge.store
        .forTenant(TENANT)
        .secureScore.profiles()
        .filter((p) => !isDeviceControl(p.id as string) && (currentState(p)?.state ?? 'Default') === 'Default')
        .map((p) => p.id as string)
        .slice(0, 4)
    expect(controls).toHaveLength(4)
    graph.setFaults({ refuseAppOnlyPatch: true })
    chromium = await launchChromiumTrustingStandIn(graph)
})

afterAll(async () => {
    await chromium?.close()
    await bridge?.close()
    await graph?.close()
    await instance?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Shares the control as a change through the bridge's form, resolves it on the instance, and lets the bridge sync it. */
async function resolvedTicket(controlId: string): Promise<string> {
    const form = await adele.request(`${bridge.url}/actions/${controlId}/share`)
    const shared = await adele.request(`${bridge.url}/actions/${controlId}/share`, {
        form: { ...SHARE_FIELDS, draftId: hiddenFields(form.html).draftId, ticketType: 'change', priority: 'high', name: `Fix ${controlId}`, description: 'Do it.', dueDate: '2099-12-31' },
    })
    expect(shared.status).toBe(303)
    const number = bridge.store.forTenant(TENANT).getShare(decodeURIComponent((shared.location as string).split('/shares/')[1]))?.ticketNumber as string
    const row = instance.rows('task', 'number = ?', [number])[0]
    instance.runtime.store.update(CHANGES, row.sys_id as string, { state: '3', close_code: 'successful', close_notes: `${controlId} done.` }, 'admin')
    await bridge.link.sync()
    expect(outbox().latestForTicket(number)).toMatchObject({ status: 'queued', state: 'ThirdParty' })
    tickets.push(number)
    return number
}

/** "Write back as me" over HTTP: the bridge's redirect to Microsoft, the account picked there, and the way back. */
async function writeBackAsMe(browser: BridgeBrowser, pick: string): Promise<{ status: number; html: string; callback: string }> {
    const callback = redirectedTo(await pickAt(graph, await startWriteBackAsMe(browser, bridge), pick))
    const back = await browser.request(bridge.url + callback)
    return { status: back.status, html: back.html, callback }
}
const nothingStored = () => {
    expect(outbox().delegate()).toBeNull()
    expect(outbox().delegateTokenCache()).toBeNull()
}

/** The delegate's refresh token and access token as msal keeps them (opened from the store). */
function delegateTokens(): { refreshToken: string; accessToken: string } {
    const cache = JSON.parse(outbox().delegateTokenCache() as string) as { [section: string]: { [key: string]: { secret: string } } }
    return { refreshToken: Object.values(cache.RefreshToken)[0].secret, accessToken: Object.values(cache.AccessToken)[0].secret }
}

/** The first JSON log line that matches, waiting for it (a page's drain runs after its answer). */
async function logged(match: (line: { [field: string]: unknown }) => boolean): Promise<{ [field: string]: unknown }> {
    for (;;) {
        const found = logs.map((line) => JSON.parse(line) as { [field: string]: unknown }).find(match)
        if (found) return found
        await new Promise((resolve) => setTimeout(resolve, 20))
    }
}

/** The store file and its write-ahead log, as bytes an attacker with the disk would read. */
const onDisk = () => Buffer.concat([readFileSync(dataFile), ...(existsSync(dataFile + '-wal') ? [readFileSync(dataFile + '-wal')] : [])]).toString('latin1')

/** A Chromium page signed in to the bridge as `browser` is. */
const chromiumAs = (browser: BridgeBrowser): Promise<Page> => signedInPage(chromium, browser, bridge)

test('1. Graph refuses the app-only update: the row fails with a reason that sends a Security Administrator to Write back as me, and Manage says so', async () => {
    const number = await resolvedTicket(controls[0])
    const before = graph.stateUpdates(TENANT, controls[0]).length
    await bridge.writeBack.drain()
    expect(outbox().latestForTicket(number)).toMatchObject({
        status: 'failed',
        writtenBy: null,
        reason: expect.stringMatching(/^Microsoft refused the update made with the bridge's app registration \(403\).*A Security Administrator can choose "Write back as me" on the Manage page/),
    })
    expect(graph.stateUpdates(TENANT, controls[0])).toHaveLength(before)
    const manage = await adele.request(bridge.url + '/manage')
    expect(mainText(manage.html)).toContain("Microsoft refused the app's update to Secure Score for 1 ticket")
    expect(manage.html).toContain('data-writer="app"')
    const ticket = await adele.request(`${bridge.url}/tickets/${number}`)
    expect(mainText(ticket.html)).toContain('A Security Administrator can choose &quot;Write back as me&quot; on the Manage page')
})

test('2. a Security Reader sees who writes but cannot choose Write back as me: 403, nothing stored', async () => {
    const reader = new BridgeBrowser()
    await signIn(reader, bridge, PEOPLE.contosoReader)
    const manage = await reader.request(bridge.url + '/manage')
    expect(manage.html).toContain('id="write-back-writer"')
    expect(manage.html).not.toContain('id="write-back-as-me"')
    const refused = await reader.request(bridge.url + '/manage/write-back/as-me', { form: {} })
    expect(refused.status).toBe(403)
    expect(mainText(refused.html)).toContain('You need the Security Administrator role in Contoso to change this')
    nothingStored()
})

test("3. someone else's account coming back, a replayed answer, or one carried into another session: refused, nothing stored", async () => {
    const asMegan = await writeBackAsMe(adele, PEOPLE.contosoGlobalAdmin)
    expect(asMegan.status).toBe(403)
    expect(mainText(asMegan.html)).toContain(`You came back signed in as ${PEOPLE.contosoGlobalAdmin}, not as ${ADELE}.`)
    expect(mainText(asMegan.html)).toContain('Nothing was stored.')
    nothingStored()

    // The state is single-use: the same answer again finds nothing.
    const replayed = await adele.request(bridge.url + asMegan.callback)
    expect(replayed.status).toBe(400)
    expect(mainText(replayed.html)).toContain('This answer from Microsoft was already used, has expired, or was not started here. Nothing was stored.')

    // Adele's own answer, followed in Megan's session: bound to the session that started it.
    const callback = redirectedTo(await pickAt(graph, await startWriteBackAsMe(adele, bridge), ADELE))
    const megan = new BridgeBrowser()
    await signIn(megan, bridge, PEOPLE.contosoGlobalAdmin)
    const carried = await megan.request(bridge.url + callback)
    expect(carried.status).toBe(400)
    expect(mainText(carried.html)).toContain('&quot;Write back as me&quot; was started in another session of the bridge')
    nothingStored()
})

test('4. Adele chooses Write back as me in Chromium: the refused row is queued again and written as her; Graph and the ticket page say so', async () => {
    const page = await chromiumAs(adele)
    await page.goto(bridge.url + '/manage')
    const authorizeRequest = page.waitForRequest((request) => request.url().startsWith(graph.url) && request.url().includes('/oauth2/v2.0/authorize'))
    await page.click('#write-back-as-me')
    const authorize = new URL((await authorizeRequest).url())
    expect(authorize.pathname).toBe(`/${TENANT}/oauth2/v2.0/authorize`)
    expect(authorize.searchParams.get('login_hint')).toBe(ADELE)
    expect(authorize.searchParams.get('redirect_uri')).toBe(bridge.signInRedirectUri)
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256')
    expect((authorize.searchParams.get('scope') ?? '').split(' ').sort()).toEqual(['https://graph.microsoft.com/SecurityEvents.ReadWrite.All', 'offline_access', 'openid', 'profile'])
    // The stand-in's sign-in page: Adele picks her own account.
    await Promise.all([page.waitForURL(`${bridge.url}/manage?notice=write-back-as-me`), page.click(`button[data-upn="${ADELE}"]`)])
    await expect(page.textContent('#notice')).resolves.toContain('The write-back now runs as you')
    await expect(page.getAttribute('#write-back-writer', 'data-writer')).resolves.toBe('delegate')
    await expect(page.textContent('#write-back-writer')).resolves.toContain(`${ADELE}, signed in as themselves`)
    await page.locator('#write-back-settings').screenshot({ path: join(SHOTS, 'write-back-as-me-manage.png') })

    expect(outbox().delegate()).toMatchObject({ upn: ADELE, needsRenewal: null })
    const number = tickets[0]
    await bridge.writeBack.drain()
    expect(outbox().latestForTicket(number)).toMatchObject({ status: 'done', writtenBy: ADELE, failures: 0 })
    expect(graph.stateUpdates(TENANT, controls[0]).at(-1)).toMatchObject({ state: 'ThirdParty', updatedBy: ADELE, comment: expect.stringContaining(number) })

    await page.goto(`${bridge.url}/tickets/${number}`)
    await expect(page.getAttribute('#write-back', 'data-status')).resolves.toBe('done')
    await expect(page.textContent('#written-by')).resolves.toBe(`${ADELE} (signed in as themselves)`)
    await page.screenshot({ path: join(SHOTS, 'write-back-as-me-ticket.png'), fullPage: true })
    await closePage(page)
})

test('5. her refresh token is sealed: its text, and the access token, are nowhere in the store file or the log, which masks them', () => {
    const { refreshToken, accessToken } = delegateTokens()
    expect(refreshToken.length).toBeGreaterThan(20)
    const disk = onDisk()
    expect(disk.includes(refreshToken)).toBe(false)
    expect(disk.includes(accessToken)).toBe(false)
    expect(disk.includes('"RefreshToken"')).toBe(false)
    expect(logs.length).toBeGreaterThan(0)
    expect(logs.some((line) => line.includes(refreshToken) || line.includes(accessToken))).toBe(false)
    // Were one ever written, the log masks both: they are in the secret registry.
    bridge.log.event(`probe ${refreshToken} ${accessToken}`)
    expect(logs.at(-1)).toContain('"message":"probe [redacted] [redacted]"')
})

test('6. the sealed tokens survive --rotate-key and a restart; a refused access token is renewed with the refresh token, which Entra rotates', async () => {
    const before = delegateTokens()
    await bridge.close()
    const newKey = testSecretKey()
    const file = openStore(dataFile, { box: createSecretBox(key, new SecretRegistry()) })
    expect(file.rotateKey(createSecretBox(newKey, new SecretRegistry()))).toBeGreaterThan(0)
    file.close()
    const raw = new Database(dataFile, { readonly: true })
    expect(String((raw.prepare('SELECT token_cache FROM write_back_delegate WHERE tenant_id = ?').get(TENANT) as { token_cache: string }).token_cache)).toMatch(new RegExp(`^v1:${newKey.id}:`))
    raw.close()
    key = newKey

    bridge = await startTheBridge()
    adele = new BridgeBrowser()
    await signIn(adele, bridge, ADELE)
    expect(outbox().delegate()).toMatchObject({ upn: ADELE, needsRenewal: null })
    expect(delegateTokens()).toEqual(before)

    const number = await resolvedTicket(controls[1])
    // Graph's clock past the access token's life: it answers 401, and msal redeems the refresh token for a new one.
    graphClockAheadMs = PAST_TOKEN_LIFETIME_MS
    try {
        await bridge.writeBack.drain()
    } finally {
        graphClockAheadMs = 0
    }
    expect(outbox().latestForTicket(number)).toMatchObject({ status: 'done', writtenBy: ADELE })
    expect(graph.stateUpdates(TENANT, controls[1]).at(-1)).toMatchObject({ updatedBy: ADELE })
    const after = delegateTokens()
    expect(after.refreshToken).not.toBe(before.refreshToken)
    expect(after.accessToken).not.toBe(before.accessToken)
    expect(onDisk().includes(after.refreshToken)).toBe(false)
})

test('7. Graph refuses Adele once she lost the role: the row waits (not failed, not counted), Manage, the ticket page and the log say the delegation needs renewing; renewing sends it', async () => {
    graph.setUserRoles(TENANT, ADELE, ['Security Reader'])
    const number = await resolvedTicket(controls[2])
    const before = graph.stateUpdates(TENANT, controls[2]).length
    const result = await bridge.writeBack.drain()
    expect(result).toMatchObject({ done: 0, failed: 0, waiting: 1 })
    expect(outbox().latestForTicket(number)).toMatchObject({ status: 'queued', failures: 0 })
    expect(outbox().delegate()?.needsRenewal).toMatch(new RegExp(`^Graph refused the update written as ${ADELE} \\(403\\)`))
    expect(graph.stateUpdates(TENANT, controls[2])).toHaveLength(before)
    // Another drain sends nothing while it waits, and the row still does not count as failing.
    expect(await bridge.writeBack.drain()).toMatchObject({ done: 0, failed: 0, waiting: 1 })
    expect(outbox().latestForTicket(number)).toMatchObject({ status: 'queued', failures: 0 })

    const manage = await adele.request(bridge.url + '/manage')
    expect(mainText(manage.html)).toContain(`Writing as ${ADELE} needs renewing by a Security Administrator: Graph refused the update written as ${ADELE} (403)`)
    const page = await chromiumAs(adele)
    await page.goto(bridge.url + '/manage')
    await page.locator('#write-back-settings').screenshot({ path: join(SHOTS, 'write-back-as-me-renewal.png') })
    await closePage(page)
    expect(mainText(manage.html)).toContain('1 update waits; nothing is lost.')
    const ticket = await adele.request(`${bridge.url}/tickets/${number}`)
    expect(mainText(ticket.html)).toContain(`waiting: writing as ${ADELE} needs renewing by a Security Administrator`)
    // A page's sync drains the outbox as every timed drain does, with its job line: a warning naming the renewal.
    await adele.request(bridge.url + '/')
    const warning = await logged((line) => line.job === 'write-back drain' && typeof line.warning === 'string')
    expect(warning).toMatchObject({ level: 'warn', outcome: 'partial', waiting: 1, warning: expect.stringContaining('the write-back delegation needs renewing by a Security Administrator') })

    // Her role back, she renews: the waiting row is sent, as her.
    graph.setUserRoles(TENANT, ADELE, ['Security Administrator'])
    expect((await writeBackAsMe(adele, ADELE)).status).toBe(303)
    expect(outbox().delegate()).toMatchObject({ upn: ADELE, needsRenewal: null })
    await bridge.writeBack.drain()
    expect(outbox().latestForTicket(number)).toMatchObject({ status: 'done', writtenBy: ADELE })
    expect(graph.stateUpdates(TENANT, controls[2]).at(-1)).toMatchObject({ updatedBy: ADELE })
})

test('8. her refresh token revoked (revokeSignInSessions): once the access token is refused, rows wait and the pages say so', async () => {
    graph.revokeSignInSessions(TENANT, ADELE)
    const number = await resolvedTicket(controls[3])
    graphClockAheadMs = PAST_TOKEN_LIFETIME_MS
    try {
        expect(await bridge.writeBack.drain()).toMatchObject({ done: 0, failed: 0, waiting: 1 })
    } finally {
        graphClockAheadMs = 0
    }
    expect(outbox().latestForTicket(number)).toMatchObject({ status: 'queued', failures: 0 })
    expect(outbox().delegate()?.needsRenewal).toBe(`Microsoft refused ${ADELE}'s sign-in for the write-back (invalid_grant: it expired, was revoked, or their password was reset)`)
    const manage = await adele.request(bridge.url + '/manage')
    expect(mainText(manage.html)).toContain(`Writing as ${ADELE} needs renewing by a Security Administrator: Microsoft refused ${ADELE}&#39;s sign-in`)
    const ticket = await adele.request(`${bridge.url}/tickets/${number}`)
    expect(mainText(ticket.html)).toContain(`waiting: writing as ${ADELE} needs renewing`)
})

test('9. Stop writing as Adele: back to the app, her sealed tokens deleted; the waiting row is then sent app-only (and refused again)', async () => {
    const page = await chromiumAs(adele)
    await page.goto(bridge.url + '/manage')
    await Promise.all([page.waitForURL(`${bridge.url}/manage?notice=write-back-app-only`), page.click('#write-back-stop')])
    await expect(page.getAttribute('#write-back-writer', 'data-writer')).resolves.toBe('app')
    await closePage(page)
    nothingStored()
    const raw = new Database(dataFile, { readonly: true })
    expect((raw.prepare('SELECT COUNT(*) AS n FROM write_back_delegate').get() as { n: number }).n).toBe(0)
    raw.close()
    await bridge.writeBack.drain()
    expect(outbox().latestForTicket(tickets[3])).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^Microsoft refused the update made with the bridge's app registration/) })
})
