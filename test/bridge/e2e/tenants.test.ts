// Many tenants in one bridge (organizations sign-in): Fabrikam joins through its Global Administrator's admin consent
// at the Graph stand-in, and a refused consent, a consent for another tenant or a replayed answer stores nothing;
// then every route, GET and POST, walked as Fabrikam's admin with Contoso's ids finds nothing of Contoso and changes
// nothing of it; finally Fabrikam leaves: its rows go, its people are signed out, Contoso is untouched.
import { FABRIKAM_TENANT_ID } from '../../../emulator/graph/fixtures/directory.ts'
import { call, form, objectIdOf } from '../../emulator/graph/support.ts'
import type { TenantStore } from '../../../bridge/store/store.ts'
import { BridgeBrowser, PEOPLE, signIn, startBridge, storedTicket, TENANT, type TestBridge } from '../../support/bridge-harness'

const FABRIKAM_SECADMIN = 'isaiah.langer@fabrikam.onmicrosoft.com'
const CONTOSO_SHARE = 'contoso-share-0123456789abcdefghij'
const CONTOSO_TICKET = 'CHG0099001'
const CONTOSO_COMMENT = 'contoso-comment-0123456789abcdef'
const CONTOSO_SECRET = 'contoso-client-secret-0123456789'
const CONTOSO_TEXT = 'Contoso-only comment text'

let bridge: TestBridge
let contoso: TenantStore
const fabrikam = new BridgeBrowser()

beforeAll(async () => {
    bridge = await startBridge({ signInAuthority: 'organizations' })
    contoso = bridge.store.forTenant(TENANT)
    // Contoso's rows, as its own use of the bridge left them (its instance is not reached in this test).
    contoso.saveConnection({
        instanceUrl: 'http://127.0.0.1:9',
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
        storedTicket(CONTOSO_TICKET, { sysId: 'contoso-sys-1', taskId: 'task-contoso-1', type: 'change', name: 'Contoso change', state: { value: '-5', label: 'New', customLabel: null }, updated: '2026-12-01T00:00:00Z', link: 'http://127.0.0.1:9/change' }),
    ])
    contoso.createComment({ id: CONTOSO_COMMENT, ticketNumber: CONTOSO_TICKET, text: CONTOSO_TEXT })
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

/** POST /tenants/join, then the stand-in's consent page answered by `upn` with `decision`: the callback URL. */
async function consent(browser: BridgeBrowser, upn: string, decision: 'accept' | 'cancel'): Promise<string> {
    const started = await browser.request(bridge.url + '/tenants/join', { form: {} })
    expect(started.status).toBe(303)
    const page = new URL(started.location as string)
    expect(page.pathname).toBe(`/${FABRIKAM_TENANT_ID}/v2.0/adminconsent`)
    expect(page.searchParams.get('redirect_uri')).toBe(bridge.joinRedirectUri)
    const answered = await call(bridge.graphServer, 'POST', page.pathname + page.search, form({ login: objectIdOf(bridge.graphServer, upn), decision }))
    expect(answered.status).toBe(302)
    return String(answered.headers.location)
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
    const cancelled = await fabrikam.request(await consent(fabrikam, PEOPLE.fabrikamGlobalAdmin, 'cancel'))
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
    const callback = await consent(fabrikam, PEOPLE.fabrikamGlobalAdmin, 'accept')
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

test("every route, GET and POST, as Fabrikam's admin with Contoso's ids: nothing of Contoso shown, nothing of it changed", async () => {
    const before = contosoRows()
    const ids: { [param: string]: string } = { ':id': CONTOSO_SHARE, ':number': CONTOSO_TICKET }
    const fill = (route: string) =>
        route.replace('/comments/:id/retry', `/comments/${CONTOSO_COMMENT}/retry`).replace(/:id|:number/g, (param) => ids[param])
    const bodies: { [route: string]: { [field: string]: string } } = {
        'POST /connect': { instanceUrl: 'http://127.0.0.1:9', clientId: 'x', clientSecret: 'y', tenantId: TENANT, tenantName: 'Contoso' },
        'POST /actions/:id/share': { draftId: CONTOSO_SHARE, ticketType: 'change', priority: '2', name: 'n', description: 'd', dueDate: '2099-01-01', category: 'identity', source: 'microsoft', requestedBy: 'x' },
        'POST /tickets/:number/comments': { commentId: CONTOSO_COMMENT, text: 'from Fabrikam' },
        'POST /manage/state-names': { 'change.-5': 'Renamed by Fabrikam' },
        'POST /manage/remove': { confirm: 'yes' },
        'POST /manage/write-back': { enabled: 'on', unresolvedSendsDefault: 'on' },
    }
    // Left to the last: signing out and leaving (they end Fabrikam's own session, tested below).
    const skipped = new Set(['POST /signout', 'POST /tenants/remove', 'POST /tenants/join', 'GET /tenants/joined', 'GET /signin/start', 'GET /auth/callback'])
    const walked: string[] = []
    for (const route of bridge.routes) {
        if (skipped.has(route)) continue
        const [method, path] = route.split(' ')
        const page = await fabrikam.request(bridge.url + fill(path), method === 'POST' ? { form: bodies[route] ?? {} } : {})
        walked.push(route)
        // /readyz answers 503 while a part is not ready (Contoso's instance is unreachable here): that is its meaning.
        expect([route, route === 'GET /readyz' ? [200, 503].includes(page.status) : page.status < 500]).toEqual([route, true])
        // An id the request itself names may be echoed ("There is no … <id>"); nothing else of Contoso may appear.
        for (const marker of [CONTOSO_SHARE, CONTOSO_TICKET, CONTOSO_COMMENT, CONTOSO_TEXT, CONTOSO_SECRET, 'Contoso share', 'Contoso change']) {
            if (!fill(path).includes(marker)) expect([route, marker, page.html.includes(marker)]).toEqual([route, marker, false])
        }
    }
    expect(walked.length).toBeGreaterThanOrEqual(15)
    expect(contosoRows()).toEqual(before)
    // The pages of Contoso's ids answer as for an unknown id.
    expect((await fabrikam.request(`${bridge.url}/shares/${CONTOSO_SHARE}`)).status).toBe(404)
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
