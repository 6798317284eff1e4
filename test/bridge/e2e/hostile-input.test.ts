// Hostile input on every POST route, sent as a signed-in Security Administrator with a valid CSRF token, so that
// each request gets past the session and CSRF checks to the route's own reading of the form: a body over the
// server's limit, the wrong content type and broken JSON on every route; on each route that reads fields, its valid
// form with one field over its limit, with control characters or with a NUL byte. Each answer is a 4xx page of the
// bridge with a sentence saying what was wrong (never a 5xx, never the framework's JSON), and nothing is stored.
import { CONNECT_LIMITS } from '../../../bridge/domain/connection.ts'
import { MAX_DESCRIPTION } from '../../../bridge/domain/shares.ts'
import { MAX_COMMENT_LENGTH } from '../../../bridge/domain/tickets.ts'
import type { TenantStore } from '../../../bridge/store/store.ts'
import { BridgeBrowser, hiddenFields, SHARE_FIELDS, signIn, startBridge, storedTicket, TENANT, type TestBridge } from '../../support/bridge-harness'

const SHARE = 'hostile-share-0123456789abcdefghij'
const TICKET = 'CHG0099001'
const COMMENT = 'hostile-comment-0123456789abcdef'
// Fastify's default bodyLimit (1 MiB), which the bridge keeps.
const BODY_LIMIT = 1024 * 1024
const FORM = 'application/x-www-form-urlencoded'

let bridge: TestBridge
let contoso: TenantStore
const admin = new BridgeBrowser()

beforeAll(async () => {
    bridge = await startBridge()
    contoso = bridge.store.forTenant(TENANT)
    // A connection whose instance is never reached: a form that got past its checks would store a failed share.
    contoso.saveConnection({
        instanceUrl: 'http://127.0.0.1:9',
        clientId: 'contoso-client',
        clientSecret: 'contoso-client-secret-0123456789',
        tenantId: TENANT,
        tenantName: 'Contoso',
        token: { access_token: 'contoso-access-token-0123456789', refresh_token: 'contoso-refresh-token-0123456789' },
        status: 'connected',
        lastError: null,
        connectedAt: '2026-12-01T00:00:00.000Z',
    })
    contoso.createShare({ id: SHARE, taskId: 'task-hostile-1', controlId: 'AdminMFAV2', payload: { name: 'A share' } })
    contoso.markShareFailed(SHARE, 'The instance did not answer.')
    contoso.mergeTickets([
        storedTicket(TICKET, { sysId: 'hostile-sys-1', taskId: 'task-hostile-1', type: 'change', name: 'A change', state: { value: '-5', label: 'New', customLabel: null }, updated: '2026-12-01T00:00:00Z', link: 'http://127.0.0.1:9/change' }),
    ])
    contoso.createComment({ id: COMMENT, ticketNumber: TICKET, text: 'A comment' })
    await signIn(admin, bridge)
})
afterAll(() => bridge.close())

function rows() {
    return {
        connection: contoso.getConnection(),
        shares: contoso.listShares(),
        tickets: contoso.listTickets(),
        comments: contoso.unsentComments(TICKET),
        outbox: contoso.outbox.list(),
        settings: contoso.outbox.settings(),
        states: contoso.getStates(),
        tenants: bridge.store.tenants.list(),
    }
}

interface Answer {
    status: number
    type: string
    html: string
}

/** A raw POST with the admin's session cookie: the body and its content type exactly as given. */
async function post(path: string, body: string, contentType: string): Promise<Answer> {
    const session = admin.session
    if (!session) throw new Error('not signed in')
    const response = await fetch(bridge.url + path, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': contentType, origin: session.origin, cookie: `${session.cookie.name}=${session.cookie.value}` },
        body,
    })
    return { status: response.status, type: response.headers.get('content-type') ?? '', html: await response.text() }
}

const urlencoded = (fields: { [name: string]: string }) => new URLSearchParams({ _csrf: admin.session?.csrf ?? '', ...fields }).toString()

/** A 4xx page of the bridge (its frame, not Fastify's JSON) carrying `message`: its notice, field error or heading. */
function expectRefusal(label: string, answer: Answer, message: string | RegExp): void {
    expect([label, answer.status >= 400 && answer.status < 500, answer.type]).toEqual([label, true, 'text/html; charset=utf-8'])
    expect(answer.html).toContain('Secure Score bridge')
    // On failure, the page's main text says what the route answered instead.
    const text = (answer.html.split('<main')[1] ?? answer.html).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 300)
    expect([label, message instanceof RegExp ? message.test(answer.html) : answer.html.includes(message), text]).toEqual([label, true, text])
}

test('every POST route refuses a body over the limit, a body that is not a form (plain text, JSON, broken JSON), broken percent-encoding and a field sent twice with a page of the bridge', async () => {
    const before = rows()
    const skipped = new Set(['POST /signout', 'POST /tenants/remove'])
    const fill = (path: string) => path.replace(':number', TICKET).replace('/comments/:id', `/comments/${COMMENT}`).replace(':id', SHARE)
    const walked: string[] = []
    for (const route of bridge.routes) {
        const [method, path] = route.split(' ')
        if (method !== 'POST' || skipped.has(route)) continue
        walked.push(route)
        expectRefusal(`${route}: too large`, await post(fill(path), urlencoded({ text: 'a'.repeat(BODY_LIMIT + 1) }), FORM), 'The form is too large (over 1 MiB). Nothing was changed.')
        expectRefusal(`${route}: not a form`, await post(fill(path), `_csrf=${admin.session?.csrf}`, 'text/plain'), 'own forms are accepted. Nothing was changed.')
        expectRefusal(`${route}: broken JSON`, await post(fill(path), `{"_csrf": "${admin.session?.csrf}", "text": `, 'application/json'), 'own forms are accepted. Nothing was changed.')
        // A JSON body carrying a valid CSRF token is no form either.
        expectRefusal(`${route}: JSON`, await post(fill(path), JSON.stringify({ _csrf: admin.session?.csrf, text: 'JSON' }), 'application/json'), 'own forms are accepted. Nothing was changed.')
        expectRefusal(`${route}: broken percent-encoding`, await post(fill(path), `${urlencoded({})}&text=%zz`, FORM), 'The request could not be read. Go back and try again; nothing was changed.')
        expectRefusal(`${route}: a field twice`, await post(fill(path), `${urlencoded({ text: 'a' })}&text=b`, FORM), 'The field text came more than once. Nothing was changed.')
    }
    expect(walked.length).toBeGreaterThanOrEqual(10)
    expect(rows()).toEqual(before)
})

test('each field a route reads, over its limit, with control characters or with a NUL byte, is refused and nothing is stored', async () => {
    const before = rows()
    const dueDate = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10)
    // Each route's valid form, the limit of each text field, and what marks that field's error on the answer.
    const forms: { [path: string]: { fields: { [name: string]: string }; limits: { readonly [field: string]: number }; error: (field: string) => string } } = {
        '/connect': {
            fields: { instanceUrl: 'http://127.0.0.1:9', clientId: 'client', clientSecret: 'secret', tenantId: TENANT, tenantName: 'Contoso' },
            limits: CONNECT_LIMITS,
            error: (field) => `id="${field}-error"`,
        },
        '/actions/SigninRiskPolicy/share': {
            fields: { ticketType: 'change', priority: 'high', name: 'Name', description: 'Description', dueDate, ...SHARE_FIELDS },
            limits: { name: 160, description: MAX_DESCRIPTION },
            error: (field) => `id="${field}-error"`,
        },
        [`/tickets/${TICKET}/comments`]: { fields: { text: 'A comment' }, limits: { text: MAX_COMMENT_LENGTH }, error: () => 'id="comment-error"' },
        // The instance is not reached here, so the page has no state fields: the notice names the refusal.
        '/manage/state-names': { fields: { 'change.-5': 'Renamed' }, limits: { 'change.-5': 80 }, error: () => 'Some state names are not valid.' },
    }
    for (const [path, { fields, limits, error }] of Object.entries(forms)) {
        for (const field of Object.keys(limits)) {
            const hostile: { [name: string]: string } = {
                'over its limit': 'a'.repeat(limits[field] + 1),
                'control characters': fields[field] + '\u0001\u001b[2J\u007f',
                'a NUL byte': fields[field] + '\u0000',
            }
            for (const [name, value] of Object.entries(hostile)) {
                const answer = await post(path, urlencoded({ ...fields, [field]: value }), FORM)
                expectRefusal(`${path} ${field} ${name}`, answer, error(field))
            }
        }
    }
    expect(rows()).toEqual(before)
})

test("a share's requester is the signed-in person whatever the form says: the field is not read", async () => {
    const form = await admin.request(bridge.url + '/actions/SigninRiskPolicy/share')
    expect(form.html).toContain(`<input id="requestedBy" type="text" value="${admin.session?.upn}" readonly`)
    const draftId = hiddenFields(form.html).draftId
    const dueDate = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10)
    const posted = await admin.request(bridge.url + '/actions/SigninRiskPolicy/share', {
        form: { ticketType: 'change', priority: 'high', name: 'Name', description: 'Description', dueDate, ...SHARE_FIELDS, requestedBy: 'mallory@fabrikam.onmicrosoft.com', draftId },
    })
    expect(posted.status).toBe(303)
    // The instance is never reached here: the share is stored, its send failed, and it names who shared it.
    expect(contoso.getShare(draftId)?.payload.requestedBy).toBe(admin.session?.upn)
})

test('every GET route given a broken address, an overlong part or a hostile query answers a 4xx page of the bridge or its page, never a 5xx, with the security headers', async () => {
    const session = admin.session
    if (!session) throw new Error('not signed in')
    const get = async (path: string) => {
        const response = await fetch(bridge.url + path, { redirect: 'manual', headers: { cookie: `${session.cookie.name}=${session.cookie.value}` } })
        const answer = { status: response.status, type: response.headers.get('content-type') ?? '', html: await response.text() }
        expect([path.slice(0, 60), response.headers.get('x-frame-options'), response.headers.get('content-security-policy')?.startsWith("default-src 'self'")]).toEqual([path.slice(0, 60), 'DENY', true])
        return answer
    }
    const before = rows()
    const walked: string[] = []
    for (const route of bridge.routes) {
        const [method, path] = route.split(' ')
        if (method !== 'GET') continue
        walked.push(route)
        const params = path.includes(':')
        if (params) {
            expectRefusal(`${route}: broken percent-encoding`, await get(path.replace(/:[a-z]+/gi, '%E0%A4%A')), 'This address has broken percent-encoding')
            expectRefusal(`${route}: overlong part`, await get(path.replace(/:[a-z]+/gi, 'x'.repeat(5000))), 'A part of this address is too long')
        }
        const hostileQuery = `?returnTo=//evil.example&returnTo=/x&state=%zz&id=${'y'.repeat(5000)}&notice=%00`
        const answer = await get(path.replace(/:[a-z]+/gi, 'AdminMFAV2') + hostileQuery)
        // /readyz answers 503 while a part is not ready (this instance is never reached): that is its meaning.
        expect([route, route === 'GET /readyz' ? [200, 503].includes(answer.status) : answer.status < 500]).toEqual([route, true])
    }
    expect(walked.length).toBeGreaterThanOrEqual(15)
    expect(rows()).toEqual(before)
})
