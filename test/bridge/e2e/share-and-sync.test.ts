// The Microsoft 365 side against the local instance over real HTTP: connect through the OAuth consent
// (with "Not you?"), share improvement actions (a change, an incident, one replayed after a timeout),
// the cards kept fresh by delta sync under custom state names, and removing the connection.
// Runs in-process and, under `npm run test:live`, against INSTANCE_URL (test/support/target.ts): the
// instance is read through the Table API only. The consent is driven through the login and consent pages
// as the local instance renders them.
import { signIn, BridgeBrowser, connect, hiddenFields, PEOPLE, SHARE_FIELDS, startBridge, startProxy, TENANT, textById, type Proxy, type TestBridge } from '../../support/bridge-harness'
import { type OAuthClient, startTarget, TABLE_API, type Target } from '../../support/target.ts'
import { CONNECTOR_API } from '../../support/api-paths.ts'

const TICKET_TABLES = ['x_mioms_m365ticket_change_request', 'x_mioms_m365ticket_incident']
/** The test tenant's tickets (a live instance may hold others). */
const OF_TENANT = `connection.tenant_id=${TENANT}`

let target: Target
let client: OAuthClient
let proxy: Proxy
let m365: TestBridge
const browser = new BridgeBrowser()

beforeAll(async () => {
    target = await startTarget()
    proxy = await startProxy(target.url)
    // Per-attempt timeout of 1 s: the proxy's late answer below is a timeout to the Microsoft 365 side.
    m365 = await startBridge({ retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50, timeoutMs: 1000 }, syncPageSize: 2 })
    await signIn(browser, m365)
    client = await target.createOAuthClient(m365.redirectUri)
})

afterAll(async () => {
    await m365?.close()
    await proxy?.close()
    await target?.close()
})

/** Rows of a table as the admin reads them through the Table API. */
async function rows(table: string, query: string): Promise<{ [field: string]: string }[]> {
    const answer = await target.asAdmin('GET', `${TABLE_API}/${table}?sysparm_query=${encodeURIComponent(query)}&sysparm_exclude_reference_link=true`)
    expect(answer.status).toBe(200)
    return answer.json.result
}

async function share(controlId: string, fields: { [name: string]: string } = {}): Promise<{ page: string; draftId: string; status: number; location: string | null }> {
    const form = await browser.request(`${m365.url}/actions/${controlId}/share`)
    expect(form.status).toBe(200)
    const draftId = hiddenFields(form.html).draftId
    const sent = await browser.request(`${m365.url}/actions/${controlId}/share`, {
        form: { ...SHARE_FIELDS, draftId, ticketType: 'change', priority: 'high', name: 'Share of ' + controlId, description: 'Do it.', dueDate: '2099-12-31', ...fields },
    })
    const page = sent.location ? (await browser.follow(sent.location)).html : sent.html
    return { page, draftId, status: sent.status, location: sent.location }
}

/** The test tenant's tickets of both types matching `query`. */
async function tickets(query = ''): Promise<{ [field: string]: string }[]> {
    const found = await Promise.all(TICKET_TABLES.map((table) => rows(table, `${OF_TENANT}${query ? '^' + query : ''}`)))
    return found.flat()
}

async function ticketCount(): Promise<number> {
    return (await tickets()).length
}

test('the Home page offers the connect card with the redirect URL to register', async () => {
    const home = await browser.follow(m365.url + '/')
    expect(home.html).toContain('Do you use ServiceNow?')
    expect(textById(home.html, 'redirect-url')).toBe(m365.redirectUri)
    expect(m365.redirectUri).toBe(m365.url + '/oauth/callback')
})

test('connects through the consent as the integration user, using "Not you?" while the admin is signed in', async () => {
    const signedIn = await browser.follow(proxy.url + '/login.do', { form: { user_name: target.admin.user, user_password: target.admin.password } })
    expect(signedIn.status).toBe(200)

    const home = await connect(browser, m365, proxy.url, { expectSignedInAs: 'System Administrator', client, integration: target.integration })
    expect(home.url).toBe(m365.url + '/?notice=connected')
    expect(home.html).toContain('ServiceNow is connected')
    expect(home.html).toContain('id="change-card"')
    expect(home.html).toContain('id="incident-card"')

    const stored = m365.store.forTenant(TENANT).getConnection()
    expect(stored).toMatchObject({ status: 'connected', tenantId: TENANT, instanceUrl: proxy.url })
    expect(stored?.token?.access_token).toBeTruthy()
    // Tokens and the secret are never shown.
    for (const page of [home.html, (await browser.follow(m365.url + '/manage')).html]) {
        expect(page).not.toContain(String(stored?.token?.access_token))
        expect(page).not.toContain(String(stored?.token?.refresh_token))
        expect(page).not.toContain(stored?.clientSecret)
    }
    const connections = await rows('x_mioms_m365ticket_connection', `tenant_id=${TENANT}`)
    expect(connections).toHaveLength(1)
    expect(connections[0]).toMatchObject({ tenant_id: TENANT, tenant_name: 'Contoso', status: 'connected', connected_by: PEOPLE.contosoSecurityAdmin })
})

test('a callback with an unknown state is refused', async () => {
    const page = await browser.request(m365.url + '/oauth/callback?code=abc&state=forged')
    expect(page.status).toBe(400)
    expect(page.html).toContain('unknown, already used or expired')
})

test('the share dialog is prefilled from the action and enforces required fields on the server', async () => {
    const form = await browser.request(`${m365.url}/actions/AdminMFAV2/share`)
    expect(form.html).toContain('value="Ensure multifactor authentication is enabled for all users in administrative roles"')
    expect(form.html).toMatch(/<option value="change" selected>/)
    expect(form.html).toMatch(/<option value="high" selected>/)

    const before = await ticketCount()
    const refused = await share('AdminMFAV2', { name: '  ', priority: '', dueDate: '2001-01-01', ticketType: 'problem' })
    expect(refused.status).toBe(400)
    expect(refused.page).toContain('Enter a name.')
    expect(refused.page).toContain('Choose a priority.')
    expect(refused.page).toContain('The due date cannot be in the past.')
    expect(refused.page).toContain('Choose change request or incident.')
    expect(refused.page).toContain('aria-invalid="true"')
    expect(await ticketCount()).toBe(before)
})

let changeNumber = ''
let changeSysId = ''

test('shares a change: the result shows the ticket number linked to the record', async () => {
    const result = await share('AdminMFAV2', { ticketType: 'change', priority: 'high', name: 'Require MFA for admins' })
    changeNumber = textById(result.page, 'ticket-number') as string
    expect(changeNumber).toMatch(/^CHG\d{7}$/)
    const shared = await tickets(`number=${changeNumber}`)
    expect(shared).toHaveLength(1)
    changeSysId = shared[0].sys_id
    expect(shared[0]).toMatchObject({
        sys_class_name: 'x_mioms_m365ticket_change_request',
        short_description: 'Require MFA for admins',
        priority: '2',
        recommendation_source: 'microsoft',
        recommendation_category: 'identity',
        m365_requested_by: PEOPLE.contosoSecurityAdmin,
        secure_score_control: 'AdminMFAV2',
        action_url: 'https://security.microsoft.com/securescore?viewid=actions&actionId=AdminMFAV2',
    })
    expect(result.page).toMatch(new RegExp(`<a id="ticket-link" href="[^"]*x_mioms_m365ticket_change_request\\.do\\?sys_id=${changeSysId}"`))

    // Sending the same form again (back button, double click) is the same share: no second ticket.
    const again = await browser.request(`${m365.url}/actions/AdminMFAV2/share`, {
        form: { ...SHARE_FIELDS, draftId: result.draftId, ticketType: 'change', priority: 'high', name: 'Require MFA for admins', description: 'Do it.', dueDate: '2099-12-31' },
    })
    expect(again.location).toBe(result.location)
    expect(await ticketCount()).toBe(1)
})

test('shares an incident', async () => {
    const result = await share('mdo_safelinksforOfficeApps', { ticketType: 'incident', priority: 'critical' })
    expect(textById(result.page, 'ticket-number')).toMatch(/^INC\d{7}$/)
    expect(await ticketCount()).toBe(2)
})

test('a share whose answer times out is retried with the same task id and replays the same ticket', async () => {
    proxy.delayNext('POST', `${CONNECTOR_API}/tasks`, 1500)
    const result = await share('BlockLegacyAuthentication')
    const number = textById(result.page, 'ticket-number')
    expect(number).toMatch(/^CHG\d{7}$/)
    expect(result.page).toContain('no second ticket was made')
    const posts = proxy.seen.filter((r) => r.method === 'POST' && r.path.endsWith('/tasks'))
    expect(posts.length).toBeGreaterThanOrEqual(2)
    const stored = m365.store.forTenant(TENANT).getShare(result.draftId)
    expect(stored).toMatchObject({ status: 'sent', replayed: true, ticketNumber: number })
    expect(await tickets(`m365_task_id=${stored?.taskId}`)).toHaveLength(1)
    expect(await ticketCount()).toBe(3)
})

test('the cards count tickets per state; a state change on the instance shows under its custom name', async () => {
    let home = await browser.follow(m365.url + '/')
    expect(home.html).toMatch(/id="change-card"[\s\S]*?<span class="total">2<\/span>/)
    expect(home.html).toMatch(/id="incident-card"[\s\S]*?<span class="total">1<\/span>/)

    // Custom state names, from "Manage ServiceNow configuration".
    const manage = await browser.follow(m365.url + '/manage')
    expect(manage.html).toContain('name="change.-4"')
    const saved = await browser.request(m365.url + '/manage/state-names', { form: { 'change.-4': 'Security review', 'incident.1': 'Reported' } })
    expect(saved.location).toBe(m365.url + '/manage?notice=names-saved')

    // The admin moves the change to Assess (-4) on the instance (Table API).
    const patched = await target.asAdmin('PATCH', `${TABLE_API}/x_mioms_m365ticket_change_request/${changeSysId}`, { state: '-4' })
    expect(patched.status).toBe(200)

    home = await browser.follow(m365.url + '/')
    const changeCard = /id="change-card"[\s\S]*?<\/section>/.exec(home.html)?.[0] ?? ''
    expect(changeCard).toMatch(/<th scope="row">Security review<\/th><td data-state="-4">1<\/td>/)
    expect(changeCard).toMatch(/<th scope="row">New<\/th><td data-state="-5">1<\/td>/)
    const incidentCard = /id="incident-card"[\s\S]*?<\/section>/.exec(home.html)?.[0] ?? ''
    expect(incidentCard).toMatch(/<th scope="row">Reported<\/th><td data-state="1">1<\/td>/)

    const list = await browser.follow(m365.url + '/tickets?type=change')
    expect(list.html).toContain(changeNumber)
    expect(list.html).toContain('Security review')
})

test('delta sync asks for updatedSince the newest update seen, pages with nextCursor and merges by sys_id', async () => {
    const watermark = m365.store.forTenant(TENANT).get('watermark')
    expect(watermark).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    proxy.seen.length = 0
    const result = await m365.link.sync()
    expect(result.since).toBe(watermark)
    const listCalls = proxy.seen.filter((r) => r.path.includes('/connector/tickets?'))
    expect(listCalls.length).toBe(result.pages)
    for (const call of listCalls) expect(new URL(call.path, proxy.url).searchParams.get('updatedSince')).toBe(watermark)
    // Everything fetched again was already known: still three tickets, one row each.
    expect(m365.store.forTenant(TENANT).listTickets()).toHaveLength(3)

    // A full resync pages through everything two at a time.
    m365.store.forTenant(TENANT).set('watermark', null)
    const full = await m365.link.sync()
    expect(full.fetched).toBe(3)
    expect(full.pages).toBeGreaterThanOrEqual(2)
    expect(m365.store.forTenant(TENANT).listTickets()).toHaveLength(3)
})

test('the configuration page shows the connection status from the instance', async () => {
    const manage = await browser.follow(m365.url + '/manage')
    expect(textById(manage.html, 'remote-status')).toBe('connected')
    expect(manage.html).toMatch(/<dd id="refresh-expiry"><time datetime="\d{4}-\d{2}-\d{2}T[^"]+" title="\d{4}-\d{2}-\d{2}T/)
})

test('removing the connection forgets the tokens, and the instance refuses the old ones', async () => {
    const old = m365.store.forTenant(TENANT).getConnection()?.token as { access_token: string; refresh_token: string }
    const refused = await browser.request(m365.url + '/manage/remove', { form: {} })
    expect(refused.status).toBe(200)
    expect(refused.html).toContain('Tick the confirmation')

    const removed = await browser.request(m365.url + '/manage/remove', { form: { confirm: 'yes' } })
    expect(removed.location).toBe(m365.url + '/?notice=removed')
    expect(m365.store.forTenant(TENANT).getConnection()).toBeNull()
    expect(m365.store.forTenant(TENANT).listTickets()).toHaveLength(0)
    expect((await rows('x_mioms_m365ticket_connection', `tenant_id=${TENANT}`))[0].status).toBe('disconnected')

    const withOldToken = await fetch(`${target.url}${CONNECTOR_API}/states?tenantId=${TENANT}`, { headers: { authorization: 'Bearer ' + old.access_token, accept: 'application/json' } })
    expect(withOldToken.status).toBe(401)
    const refresh = await fetch(`${target.url}/oauth_token.do`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: old.refresh_token, client_id: client.id, client_secret: client.secret }).toString(),
    })
    expect(refresh.status).toBe(400)

    const home = await browser.follow(m365.url + '/')
    expect(home.html).toContain('Do you use ServiceNow?')
    // Tickets stay on the instance.
    expect(await ticketCount()).toBe(3)
})
