// Many tenants in one bridge (organizations sign-in): Fabrikam joins through its Global Administrator's admin consent
// at the Graph stand-in, and a refused consent, a consent for another tenant or a replayed answer stores nothing;
// then every route, GET and POST, walked as Fabrikam's admin with each of Contoso's ids (its shares, its tickets, the
// controls it shared, its comment) — before Fabrikam connects ServiceNow and after, so the share and ticket routes
// get past "not connected" — finds nothing of Contoso and changes nothing of it, and Contoso's pending ServiceNow
// consent answered in Fabrikam's session is refused and stays Contoso's; finally Fabrikam leaves: its rows go, its
// people are signed out, Contoso is untouched.
import { randomBytes } from 'node:crypto'
import { FABRIKAM_TENANT_ID } from '../../../emulator/graph/fixtures/directory.ts'
import type { TenantStore } from '../../../bridge/store/store.ts'
import { BridgeBrowser, PEOPLE, signIn, startBridge, storedTicket, TENANT, type TestBridge } from '../../support/bridge-harness'
import { adminConsent } from '../../support/bridge-tenants.ts'

const FABRIKAM_SECADMIN = 'isaiah.langer@fabrikam.onmicrosoft.com'
const CONTOSO_SHARE = 'contoso-share-0123456789abcdefghij'
const CONTOSO_TICKET = 'CHG0099001'
/** A share Contoso sent, its ticket open: on a control Fabrikam has too (both estates list it). */
const CONTOSO_SENT_SHARE = 'contoso-sent-share-0123456789abcd'
const CONTOSO_INCIDENT = 'INC0099002'
const CONTOSO_COMMENT = 'contoso-comment-0123456789abcdef'
const CONTOSO_SECRET = 'contoso-client-secret-0123456789'
const CONTOSO_PENDING_SECRET = 'contoso-pending-client-secret-0123'
const CONTOSO_CONSENT_STATE = randomBytes(32).toString('base64url')
const CONTOSO_TEXT = 'Contoso-only comment text'
const CONTOSO_INSTANCE = 'http://127.0.0.1:9'
/** Where Fabrikam's own (seeded) connection points: nothing listens there either. */
const FABRIKAM_INSTANCE = 'http://127.0.0.1:7'

let bridge: TestBridge
let contoso: TenantStore
const fabrikam = new BridgeBrowser()

beforeAll(async () => {
    bridge = await startBridge({ signInAuthority: 'organizations' })
    contoso = bridge.store.forTenant(TENANT)
    // Contoso's rows, as its own use of the bridge left them (its instance is not reached in this test).
    contoso.saveConnection({
        instanceUrl: CONTOSO_INSTANCE,
        clientId: 'contoso-client',
        clientSecret: CONTOSO_SECRET,
        tenantId: TENANT,
        tenantName: 'Contoso',
        token: { access_token: 'contoso-access-token-0123456789', refresh_token: 'contoso-refresh-token-0123456789' },
        status: 'needs_reauthorization',
        lastError: null,
        connectedAt: '2026-12-01T00:00:00.000Z',
    })
    contoso.createShare({ id: CONTOSO_SHARE, taskId: 'task-contoso-1', controlId: 'AdminMFAV2', payload: { name: 'Contoso share' } })
    contoso.markShareFailed(CONTOSO_SHARE, 'The instance did not answer.')
    contoso.mergeTickets([
        storedTicket(CONTOSO_TICKET, { sysId: 'contoso-sys-1', taskId: 'task-contoso-1', type: 'change', name: 'Contoso change', state: { value: '-5', label: 'New', customLabel: null }, updated: '2026-12-01T00:00:00Z', link: CONTOSO_INSTANCE + '/change' }),
    ])
    contoso.createShare({ id: CONTOSO_SENT_SHARE, taskId: 'task-contoso-2', controlId: 'SigninRiskPolicy', payload: { name: 'Contoso sent share' } })
    contoso.markShareSent(CONTOSO_SENT_SHARE, { number: CONTOSO_INCIDENT, link: CONTOSO_INSTANCE + '/incident', type: 'incident' }, false)
    contoso.mergeTickets([
        storedTicket(CONTOSO_INCIDENT, { sysId: 'contoso-sys-2', taskId: 'task-contoso-2', type: 'incident', name: 'Contoso incident', updated: '2026-12-01T00:00:00Z', link: CONTOSO_INSTANCE + '/incident' }),
    ])
    contoso.createComment({ id: CONTOSO_COMMENT, ticketNumber: CONTOSO_TICKET, text: CONTOSO_TEXT })
    // A Contoso admin's connect form sent, its answer from the instance not back yet.
    contoso.addPendingConsent({ state: CONTOSO_CONSENT_STATE, instanceUrl: CONTOSO_INSTANCE, clientId: 'contoso-client', clientSecret: CONTOSO_PENDING_SECRET, tenantId: TENANT, tenantName: 'Contoso', createdAt: Date.now() })
    contoso.outbox.enqueue({ controlId: 'AdminMFAV2', ticketNumber: CONTOSO_TICKET, state: 'ThirdParty', comment: 'c', assignedTo: null, skipReason: 'write-back off', at: '2026-12-01T00:00:00Z' })
})
afterAll(() => bridge.close())

function contosoRows() {
    return {
        connection: contoso.getConnection(),
        shares: contoso.listShares(),
        tickets: contoso.listTickets(),
        comments: contoso.getComment(CONTOSO_COMMENT),
        outbox: contoso.outbox.list(),
        settings: contoso.outbox.settings(),
        states: contoso.getStates(),
        tenant: bridge.store.tenants.get(TENANT),
    }
}

test("a person of a tenant that has not joined is told so; only its Global Administrator is offered to join it", async () => {
    const landing = await signIn(fabrikam, bridge, PEOPLE.fabrikamGlobalAdmin)
    expect(landing.status).toBe(403)
    expect(landing.html).toContain('Fabrikam has not joined this bridge')
    expect(landing.html).toContain('id="join-tenant"')
    expect(landing.html).not.toContain('improvement action')
    const secAdmin = new BridgeBrowser()
    const refused = await signIn(secAdmin, bridge, FABRIKAM_SECADMIN)
    expect(refused.html).not.toContain('id="join-tenant"')
    expect((await secAdmin.request(bridge.url + '/tenants/join', { form: {} })).status).toBe(403)
})

test('a cancelled consent, a consent answered for another tenant and a forged state store nothing', async () => {
    const before = bridge.store.tenants.list()
    const cancelled = await fabrikam.request(await adminConsent(fabrikam, bridge, PEOPLE.fabrikamGlobalAdmin, 'cancel'))
    expect(cancelled.status).toBe(400)
    expect(cancelled.html).toContain('Consent was not given (access_denied). Nothing was stored.')

    // A real state, its answer naming Contoso: refused.
    const started = await fabrikam.request(bridge.url + '/tenants/join', { form: {} })
    const state = new URL(started.location as string).searchParams.get('state') as string
    const other = await fabrikam.request(`${bridge.url}/tenants/joined?admin_consent=True&tenant=${TENANT}&state=${state}`)
    expect(other.status).toBe(400)
    expect(other.html).toContain(`not for your tenant ${FABRIKAM_TENANT_ID}`)
    const forged = await fabrikam.request(`${bridge.url}/tenants/joined?admin_consent=True&tenant=${FABRIKAM_TENANT_ID}&state=forged`)
    expect(forged.status).toBe(400)
    expect(forged.html).toContain('This consent answer was already used, has expired, or was not started here.')
    expect(bridge.store.tenants.list()).toEqual(before)
})

test("Fabrikam's Global Administrator accepts: Fabrikam joins and reads its own Secure Score; the answer replayed is refused", async () => {
    const callback = await adminConsent(fabrikam, bridge, PEOPLE.fabrikamGlobalAdmin, 'accept')
    const joined = await fabrikam.request(callback)
    expect([joined.status, joined.location]).toEqual([303, bridge.url + '/'])
    expect(bridge.store.tenants.get(FABRIKAM_TENANT_ID)).toMatchObject({ name: 'Fabrikam', joinedBy: PEOPLE.fabrikamGlobalAdmin })
    expect(bridge.graphServer.isConsented(FABRIKAM_TENANT_ID, bridge.graphServer.demo.clientId)).toBe(true)
    expect((await fabrikam.request(callback)).status).toBe(400)
    await bridge.refresher.refresh(FABRIKAM_TENANT_ID)
    const home = await fabrikam.request(bridge.url + '/actions')
    expect(home.status).toBe(200)
    expect(home.html).toContain('Fabrikam')
    expect(bridge.store.forTenant(FABRIKAM_TENANT_ID).secureScore.profiles().length).toBeGreaterThan(0)
})

/** The controls Contoso shared: Fabrikam's estate lists them too, so they are its own actions on its pages. */
const CONTOSO_CONTROLS = ['AdminMFAV2', 'SigninRiskPolicy']
/** Contoso's ids a route may be given: its shares, its tickets, the controls it shared, its comment. */
const CONTOSO_IDS = [CONTOSO_SHARE, CONTOSO_SENT_SHARE, CONTOSO_TICKET, CONTOSO_INCIDENT, ...CONTOSO_CONTROLS, CONTOSO_COMMENT]
/** What of Contoso must not show on Fabrikam's pages (an id the request itself sends may be echoed: "There is no … <id>"). */
const CONTOSO_MARKERS = [CONTOSO_SHARE, CONTOSO_SENT_SHARE, CONTOSO_TICKET, CONTOSO_INCIDENT, CONTOSO_COMMENT, CONTOSO_TEXT, CONTOSO_SECRET, CONTOSO_PENDING_SECRET, CONTOSO_CONSENT_STATE, CONTOSO_INSTANCE, 'contoso-client', 'Contoso share', 'Contoso sent share', 'Contoso change', 'Contoso incident']

/** The route's path with every parameter given each of Contoso's ids in turn, and a comment's retry under its own ticket. */
function pathsOf(path: string): string[] {
    if (!path.includes(':')) return [path]
    const paths = CONTOSO_IDS.map((id) => path.replace(/:id|:number/g, id))
    if (path.includes(':number') && path.includes(':id')) paths.push(path.replace(':number', CONTOSO_TICKET).replace(':id', CONTOSO_COMMENT))
    return paths
}

const bodies: { [route: string]: { [field: string]: string } } = {
    'POST /connect': { instanceUrl: FABRIKAM_INSTANCE, clientId: 'x', clientSecret: 'y', tenantId: TENANT, tenantName: 'Contoso' },
    'POST /actions/:id/share': { draftId: CONTOSO_SHARE, ticketType: 'change', priority: '2', name: 'n', description: 'd', dueDate: '2099-01-01', category: 'identity', source: 'microsoft', requestedBy: 'x' },
    'POST /tickets/:number/comments': { commentId: CONTOSO_COMMENT, text: 'from Fabrikam' },
    'POST /manage/state-names': { 'change.-5': 'Renamed by Fabrikam' },
    'POST /manage/remove': { confirm: 'yes' },
    'POST /manage/write-back': { enabled: 'on', unresolvedSendsDefault: 'on' },
}
// Left to the last: signing out and leaving (they end Fabrikam's own session, tested below), and joining and
// signing in (Fabrikam has joined; their answers are walked in their own tests).
const NOT_WALKED = new Set(['POST /signout', 'POST /tenants/remove', 'POST /tenants/join', 'GET /tenants/joined', 'GET /signin/start', 'GET /auth/callback'])

/** Every route, GET and POST, as Fabrikam's admin with each of Contoso's ids: the routes walked. */
async function walkEveryRoute(): Promise<string[]> {
    const walked: string[] = []
    for (const route of bridge.routes) {
        if (NOT_WALKED.has(route)) continue
        const [method, path] = route.split(' ')
        for (const filled of pathsOf(path)) {
            const page = await fabrikam.request(bridge.url + filled, method === 'POST' ? { form: bodies[route] ?? {} } : {})
            const where = `${method} ${filled}`
            // /readyz answers 503 while a part is not ready (the instances are unreachable here): that is its meaning.
            expect([where, route === 'GET /readyz' ? [200, 503].includes(page.status) : page.status < 500]).toEqual([where, true])
            const sent = filled + JSON.stringify(bodies[route] ?? {})
            for (const marker of CONTOSO_MARKERS) if (!sent.includes(marker)) expect([where, marker, page.html.includes(marker)]).toEqual([where, marker, false])
        }
        walked.push(route)
    }
    return walked
}

test("every route, GET and POST, as Fabrikam's admin with each of Contoso's ids, unconnected and connected: nothing of Contoso shown, nothing of it changed", async () => {
    const before = contosoRows()
    expect((await walkEveryRoute()).length).toBeGreaterThanOrEqual(15)
    expect(contosoRows()).toEqual(before)
    // The pages of Contoso's ids answer as for an unknown id.
    for (const path of [`/shares/${CONTOSO_SHARE}`, `/shares/${CONTOSO_SENT_SHARE}`]) expect([path, (await fabrikam.request(bridge.url + path)).status]).toEqual([path, 404])

    // Fabrikam connected (to an instance that does not answer): the share and ticket routes now reach its rows. The
    // walk's own "Remove connection" (the last route) takes the connection away again.
    const fabrikamStore = bridge.store.forTenant(FABRIKAM_TENANT_ID)
    fabrikamStore.saveConnection({
        instanceUrl: FABRIKAM_INSTANCE,
        clientId: 'fabrikam-client',
        clientSecret: 'fabrikam-client-secret-0123456789',
        tenantId: FABRIKAM_TENANT_ID,
        tenantName: 'Fabrikam',
        token: { access_token: 'fabrikam-access-token-0123456789', refresh_token: 'fabrikam-refresh-token-0123456789', expires_at: '2099-01-01T00:00:00.000Z' },
        status: 'connected',
        lastError: null,
        connectedAt: '2026-12-02T00:00:00.000Z',
    })
    const connectedPages = await fabrikam.request(bridge.url + '/actions/AdminMFAV2/share')
    expect(connectedPages.html).toContain('id="name"')
    const walked = await walkEveryRoute()
    expect(walked.at(-1)).toBe('POST /manage/remove')
    expect(contosoRows()).toEqual(before)
})

test("Contoso's pending ServiceNow consent answered in Fabrikam's session: a clear 400 page, and the consent stays Contoso's", async () => {
    const fabrikamStore = bridge.store.forTenant(FABRIKAM_TENANT_ID)
    const fabrikamBefore = { connection: fabrikamStore.getConnection(), shares: fabrikamStore.listShares() }
    const answered = await fabrikam.request(`${bridge.url}/oauth/callback?state=${CONTOSO_CONSENT_STATE}&code=contoso-code-0123456789`)
    expect(answered.status).toBe(400)
    expect(answered.html).toContain('This sign-in answer is unknown, already used or expired; start the connection again.')
    for (const marker of CONTOSO_MARKERS) expect([marker, answered.html.includes(marker)]).toEqual([marker, false])
    expect({ connection: fabrikamStore.getConnection(), shares: fabrikamStore.listShares() }).toEqual(fabrikamBefore)
    // Taken (once) as Contoso: exactly as its admin left it.
    expect(contoso.takePendingConsent(CONTOSO_CONSENT_STATE, 3600_000)).toMatchObject({
        state: CONTOSO_CONSENT_STATE,
        instanceUrl: CONTOSO_INSTANCE,
        clientId: 'contoso-client',
        clientSecret: CONTOSO_PENDING_SECRET,
        tenantId: TENANT,
        tenantName: 'Contoso',
    })
})

test('Fabrikam leaves: its rows are deleted, its people signed out, and Contoso is untouched', async () => {
    const before = contosoRows()
    const other = new BridgeBrowser()
    await signIn(other, bridge, FABRIKAM_SECADMIN)
    const removed = await fabrikam.request(bridge.url + '/tenants/remove', { form: { confirm: 'yes' } })
    expect(removed.status).toBe(200)
    expect(removed.html).toContain('Fabrikam was removed')
    expect(bridge.store.tenants.get(FABRIKAM_TENANT_ID)).toBeNull()
    expect(bridge.store.forTenant(FABRIKAM_TENANT_ID).secureScore.profiles()).toEqual([])
    for (const browser of [fabrikam, other]) expect((await browser.request(bridge.url + '/actions')).status).toBe(303)
    expect(contosoRows()).toEqual(before)
})
