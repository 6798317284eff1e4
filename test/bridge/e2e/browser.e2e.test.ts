// End to end in Chromium (playwright-core + Debian's /usr/bin/chromium): a fresh local instance whose
// admin completes the checklist (setup API), the Microsoft 365 side connecting through the real
// consent with "Not you?", sharing a change and an incident (the incident's first answer held back
// past the timeout, so it is replayed), exactly two tickets, a state change on the instance showing
// on the card under its custom name, its ticket page, removing the connection, and then a search for the secrets,
// passwords, tokens, session, CSRF token, store key and authorization codes of the run (ServiceNow's and Entra's, the
// ID, refresh and access tokens Entra issued to the bridge) in every table, log and API response of the instance, in
// every answer the bridge gave during the run (to Chromium and to the HTTP client that signed in: sign-in, consent
// callback, share form and result, ticket and error pages), in its log (JSON, each request's line with its id), and in
// its store file and write-ahead log, where the tokens and client secret are sealed, never in clear.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser as Chromium, Page } from 'playwright-core'
import type { GraphServer } from '../../../emulator/graph/server.ts'
import { launchChromium } from '../../support/chromium.ts'
import { ADMIN, signedInPage, signIn, startGraph, startInstance, startBridge, startProxy, TENANT, testSecretKey, type Proxy, type TestBridge, type TestInstance } from '../../support/bridge-harness'
import { recordChromiumAnswers, recordIssuedTokens, RecordingBridgeBrowser, storeBytesOnDisk, type RecordedAnswer } from '../../support/bridge-recording.ts'
import { CONNECTOR_API, SETUP_API, everyRow } from '../../support/api-paths.ts'

const TICKETS = `sys_class_name IN ('x_mioms_m365ticket_change_request', 'x_mioms_m365ticket_incident')`
jest.setTimeout(90000)

describe('Microsoft 365 side in a browser', () => {
    let instance: TestInstance
    let proxy: Proxy
    let graph: GraphServer
    let m365: TestBridge
    let browser: Chromium
    let page: Page
    const dir = mkdtempSync(join(tmpdir(), 'bridge-browser-e2e-'))
    const dataFile = join(dir, 'bridge.sqlite')
    const storeKey = testSecretKey()
    let issued: ReturnType<typeof recordIssuedTokens>
    let http: RecordingBridgeBrowser
    let chromiumAnswers: ReturnType<typeof recordChromiumAnswers>
    /** The store file and its log while ServiceNow was connected (the tokens and client secret in it, sealed). */
    let diskWhileConnected = ''
    const checklist = { clientId: '', clientSecret: '', user: '', password: '' }
    const issuedTokens = { access: '', refresh: '' }
    /** The session the run signs in with, and the authorization codes ServiceNow sends back to the bridge. */
    const session = { cookie: '', csrf: '' }
    const authorizationCodes: string[] = []
    const m365Lines: string[] = []
    const adminAuth = 'Basic ' + Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')

    async function asAdmin(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
        const response = await fetch(instance.url + path, {
            method,
            headers: { authorization: adminAuth, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
            body: body ? JSON.stringify(body) : undefined,
        })
        const text = await response.text()
        return { status: response.status, json: text ? JSON.parse(text) : null }
    }

    beforeAll(async () => {
        instance = await startInstance()
        proxy = await startProxy(instance.url)
        graph = await startGraph()
        issued = recordIssuedTokens(graph)
        m365 = await startBridge({ graphServer: graph, dataFile, secretKey: storeKey, logger: (line) => m365Lines.push(line), retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50, timeoutMs: 1500 } })
        browser = await launchChromium()
        // Signed in as Contoso's Security Administrator over HTTP through the stand-in's sign-in page; Chromium gets the session.
        http = new RecordingBridgeBrowser(new URL(m365.url).origin)
        await signIn(http, m365)
        session.cookie = http.session?.cookie.value ?? ''
        session.csrf = http.session?.csrf ?? ''
        page = await signedInPage(browser, http, m365)
        chromiumAnswers = recordChromiumAnswers(page.context(), new URL(m365.url).origin)
        page.on('request', (request) => {
            const url = new URL(request.url())
            const code = url.searchParams.get('code')
            if (url.pathname === '/oauth/callback' && code) authorizationCodes.push(code)
        })
    })

    afterAll(async () => {
        issued?.stop()
        await browser?.close()
        await m365?.close()
        await graph?.close()
        await proxy?.close()
        await instance?.close()
        rmSync(dir, { recursive: true, force: true })
    })

    test('1. the admin completes the checklist: OAuth client redirecting to this app, integration user', async () => {
        const client = await asAdmin('POST', `${SETUP_API}/oauth-client`, { redirectUrl: m365.redirectUri })
        expect(client.status).toBe(201)
        checklist.clientId = client.json.result.client.clientId
        checklist.clientSecret = client.json.result.clientSecret
        const user = await asAdmin('POST', `${SETUP_API}/integration-user`, { userName: 'm365.e2e' })
        expect(user.status).toBe(201)
        checklist.user = user.json.result.user.userName
        checklist.password = user.json.result.password
        expect(checklist.clientSecret && checklist.password).toBeTruthy()
    })

    test('2. connects through the consent, choosing "Not you?" while the admin is signed in', async () => {
        await page.goto(proxy.url + '/login.do')
        await page.fill('#user_name', ADMIN.user)
        await page.fill('#user_password', ADMIN.password)
        await Promise.all([page.waitForNavigation(), page.click('#sysverb_login')])

        await page.goto(m365.url + '/')
        await expect(page.textContent('#connect-title')).resolves.toBe('Do you use ServiceNow?')
        await expect(page.textContent('#redirect-url')).resolves.toBe(m365.redirectUri)
        await page.getByLabel('ServiceNow instance URL').fill(proxy.url)
        await page.getByLabel('Client ID').fill(checklist.clientId)
        await page.getByLabel('Client secret').fill(checklist.clientSecret)
        await Promise.all([page.waitForURL(/\/oauth_auth\.do/), page.getByRole('button', { name: 'Connect' }).click()])

        await expect(page.textContent('#consent_user')).resolves.toContain('System Administrator')
        await Promise.all([page.waitForURL(/login\.do|logout\.do/), page.click('#not_you')])
        await page.fill('#user_name', checklist.user)
        await page.fill('#user_password', checklist.password)
        await Promise.all([page.waitForURL(/oauth_auth\.do/), page.click('#sysverb_login')])
        await expect(page.textContent('#consent_user')).resolves.not.toContain('System Administrator')
        await Promise.all([page.waitForURL(m365.url + '/?notice=connected'), page.click('#allow')])

        await expect(page.getByRole('status').first().textContent()).resolves.toContain('ServiceNow is connected')
        await expect(page.isVisible('#change-card')).resolves.toBe(true)
        await expect(page.isVisible('#incident-card')).resolves.toBe(true)
        expect(instance.rows('x_mioms_m365ticket_connection', 'tenant_id = ?', [TENANT])[0].status).toBe('connected')
    })

    async function shareAction(controlId: string, ticketType: 'change' | 'incident', priority: string): Promise<string> {
        await page.goto(m365.url + '/actions')
        await Promise.all([page.waitForURL(/\/share$/), page.locator(`#action-${controlId} a.button`).click()])
        await page.getByLabel('Ticket type').selectOption(ticketType)
        await page.getByLabel('Priority').selectOption(priority)
        await page.locator('#name').fill(`E2E ${controlId}`)
        await Promise.all([page.waitForURL(/\/shares\//), page.getByRole('button', { name: 'Share' }).click()])
        const number = (await page.textContent('#ticket-number')) ?? ''
        const href = (await page.getAttribute('#ticket-link', 'href')) ?? ''
        expect(href).toMatch(/x_mioms_m365ticket_(change_request|incident)\.do\?sys_id=[0-9a-f]{32}$/)
        return number
    }

    test('3-4. shares a change and an incident (its answer held back, then replayed): exactly two tickets', async () => {
        // Required fields are enforced: an emptied name is refused by the server.
        await page.goto(m365.url + '/actions/OneAdmin/share')
        await page.locator('#name').fill('')
        await page.getByRole('button', { name: 'Share' }).click()
        await expect(page.textContent('#name-error')).resolves.toBe('Enter a name.')
        await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('error-summary')

        const change = await shareAction('AdminMFAV2', 'change', 'high')
        expect(change).toMatch(/^CHG\d{7}$/)

        proxy.delayNext('POST', `${CONNECTOR_API}/tasks`, 2500)
        const incident = await shareAction('SigninRiskPolicy', 'incident', 'critical')
        expect(incident).toMatch(/^INC\d{7}$/)
        await expect(page.textContent('main')).resolves.toContain('no second ticket was made')

        expect(proxy.seen.filter((r) => r.method === 'POST' && r.path.endsWith('/connector/tasks'))).toHaveLength(3)
        expect(instance.count('task', TICKETS)).toBe(2)
    })

    test('5. a state change made on the instance shows on the card under its custom state name, and on its ticket page', async () => {
        await page.goto(m365.url + '/manage')
        await page.fill('input[name="change.-4"]', 'Security review')
        await Promise.all([page.waitForURL(/names-saved/), page.getByRole('button', { name: 'Save state names' }).click()])

        const change = instance.rows('task', `sys_class_name = 'x_mioms_m365ticket_change_request'`)[0]
        const patched = await asAdmin('PATCH', `/api/now/table/x_mioms_m365ticket_change_request/${change.sys_id}`, { state: '-4' })
        expect(patched.status).toBe(200)

        await page.goto(m365.url + '/')
        const row = page.locator('#change-card tr', { hasText: 'Security review' })
        await expect(row.locator('td').textContent()).resolves.toBe('1')
        await page.click('#change-card a.button')
        await expect(page.textContent('tbody')).resolves.toContain('Security review')
        await Promise.all([page.waitForURL(/\/tickets\/CHG\d{7}$/), page.locator('tbody a').first().click()])
        await expect(page.textContent('main')).resolves.toContain('Security review')
        diskWhileConnected = storeBytesOnDisk(dataFile)
    })

    test('6. removing the connection: the old tokens are refused', async () => {
        const old = m365.store.forTenant(TENANT).getConnection()?.token as { access_token: string; refresh_token: string }
        issuedTokens.access = old.access_token
        issuedTokens.refresh = old.refresh_token
        await page.goto(m365.url + '/manage')
        await page.getByLabel('I understand the connection will be removed').check()
        await Promise.all([page.waitForURL(/notice=removed/), page.getByRole('button', { name: 'Remove connection' }).click()])
        await expect(page.textContent('#connect-title')).resolves.toBe('Do you use ServiceNow?')
        const refused = await fetch(`${instance.url}${CONNECTOR_API}/states?tenantId=${TENANT}`, { headers: { authorization: 'Bearer ' + old.access_token } })
        expect(refused.status).toBe(401)
        expect(instance.rows('x_mioms_m365ticket_connection', 'tenant_id = ?', [TENANT])[0].status).toBe('disconnected')
    })

    test('7. no secret, password, token or key appears on the instance (tables, logs, API responses) or in the bridge (every page it answered, its log, its store file): there the tokens and client secret are sealed', async () => {
        // Error pages are pages of the run too: a forged ServiceNow consent answer and an unknown share.
        await page.goto(`${m365.url}/oauth/callback?state=forged-state-0123456789&code=forged-code-0123456789`)
        await expect(page.textContent('main')).resolves.toContain('start the connection again')
        await page.goto(m365.url + '/shares/no-such-share')
        await expect(page.textContent('main')).resolves.toContain('This share is unknown.')

        const entraTokens = issued.tokens
        const personTokens = entraTokens.filter((token) => token.person)
        expect(personTokens.map((token) => token.field).sort()).toEqual(['access_token', 'id_token', 'refresh_token'])
        expect(entraTokens.filter((token) => !token.person && token.field === 'access_token').length).toBeGreaterThan(0)
        expect(http.signInCodes).toHaveLength(1)
        const secrets: Record<string, string> = {
            'client secret': checklist.clientSecret,
            'integration user password': checklist.password,
            'admin password': ADMIN.password,
            'access token': issuedTokens.access,
            'refresh token': issuedTokens.refresh,
            'Graph client secret': m365.graphServer.demo.clientSecret,
            'store key (base64)': storeKey.bytes.toString('base64'),
            'store key (base64url)': storeKey.bytes.toString('base64url'),
            'store key (bytes)': storeKey.bytes.toString('latin1'),
            'session cookie': session.cookie,
            'CSRF token': session.csrf,
            'Entra authorization code': http.signInCodes[0],
            ...Object.fromEntries(entraTokens.map((token, i) => [`Entra ${token.person ? 'sign-in' : 'app'} ${token.field} ${i + 1}`, token.value])),
            ...Object.fromEntries(authorizationCodes.map((code, i) => [`authorization code ${i + 1}`, code])),
        }
        expect(authorizationCodes.length).toBeGreaterThan(0)
        for (const [name, value] of Object.entries(secrets)) expect({ name, length: value.length >= 8 }).toEqual({ name, length: true })
        const leaks: string[] = []
        // A page's forms carry its session's CSRF token: that one only a page may hold.
        const scan = (where: string, text: string, ownCsrf = false) => {
            for (const [name, value] of Object.entries(secrets)) if (text.includes(value) && !(ownCsrf && name === 'CSRF token')) leaks.push(`${name} in ${where}`)
        }
        // Every table, including where the platform keeps them: there they are hashed, never as given — except the
        // issued tokens themselves, which oauth_credential holds as the values it hands out (KB0791140: "the same
        // token is returned"; the platform encrypts that password2 column at rest, the local store does not).
        const store = instance.runtime.store
        for (const table of store.tableNames()) {
            if (!store.hasTable(table) || store.table(table)?.root !== table) continue
            const rows = store.select(table, everyRow()).map((row) => (table === 'oauth_credential' ? { ...row, token: null } : row))
            scan('table ' + table, JSON.stringify(rows))
        }
        scan('the instance request log', instance.lines.join('\n'))
        scan('the Microsoft 365 side log', m365Lines.join('\n'))
        // The bridge's log is JSON, one object a line (bridge/ops/log.ts): every request's line has its id, and the
        // background jobs the run caused (the ticket syncs) have theirs.
        const records = m365Lines.map((line) => JSON.parse(line) as { kind: string; requestId?: string; job?: string; path?: string })
        const requests = records.filter((record) => record.kind === 'request')
        expect(requests.length).toBeGreaterThan(10)
        expect(requests.filter((record) => !/^[A-Za-z0-9._-]{8,64}$/.test(record.requestId ?? ''))).toEqual([])
        expect(requests.some((record) => record.path === '/oauth/callback')).toBe(true)
        expect(records.some((record) => record.kind === 'job' && record.job === 'sync')).toBe(true)
        // Every answer of the bridge during the run, as Chromium and the HTTP client that signed in received it.
        const answers: RecordedAnswer[] = [...http.answers, ...(await chromiumAnswers.answers())]
        expect(chromiumAnswers.unread).toEqual([])
        const paths = new Set(answers.map((answer) => new URL(answer.url).pathname))
        for (const path of ['/signin', '/auth/callback', '/', '/actions', '/actions/AdminMFAV2/share', '/oauth/callback', '/manage', '/tickets', '/shares/no-such-share']) expect([path, paths.has(path)]).toEqual([path, true])
        expect([...paths].filter((path) => /^\/shares\/[A-Za-z0-9_-]{16,}$/.test(path) || /^\/tickets\/CHG\d{7}$/.test(path))).toHaveLength(3)
        expect(answers.filter((answer) => answer.status >= 400).map((answer) => answer.status).sort()).toEqual([400, 400, 404])
        expect(answers.filter((answer) => answer.text.includes(session.csrf)).length).toBeGreaterThan(5)
        for (const answer of answers) scan(`the bridge's answer ${answer.status} to ${answer.url}`, answer.text, true)
        // The store as bytes on disk, connected and after: the secrets it keeps are sealed (AES-256-GCM), the rest never kept.
        expect(diskWhileConnected).toContain(proxy.url)
        scan('the store file while connected', diskWhileConnected)
        scan('the store file at the end', storeBytesOnDisk(dataFile))
        // Every record as the Table API shows it to an admin.
        for (const table of store.tableNames()) {
            if (store.table(table)?.root !== table) continue
            const response = await fetch(`${instance.url}/api/now/table/${table}?sysparm_limit=10000&sysparm_display_value=all`, { headers: { authorization: adminAuth, accept: 'application/json' } })
            scan('Table API ' + table, await response.text())
        }
        // The setup API shows the client and the integration user again, without their secrets.
        for (const path of ['/status', '/connections', '/settings']) scan('setup API ' + path, JSON.stringify((await asAdmin('GET', SETUP_API + path)).json))
        expect(leaks).toEqual([])
        expect(store.select('oauth_entity', everyRow()).every((row) => /^(scrypt|sha256)\$/.test(row.client_secret ?? ''))).toBe(true)
    })
})
