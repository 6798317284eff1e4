// Token lifecycle of the Microsoft 365 side against the local instance, with a 2-second access-token
// lifespan: refresh before expiry, one refresh for concurrent callers, a revoked access token
// recovered by refreshing, a refused refresh marking the connection for re-authorization, the
// re-authorization itself, and one the instance does not answer, which replaces nothing.
import { ServiceNowLink } from '../../../bridge/ports/servicenow/link'
import { signIn, BridgeBrowser, connect, consent, startInstance, startBridge, startProxy, TENANT, type Proxy, type TestInstance, type TestBridge } from '../../support/bridge-harness'

let instance: TestInstance
let proxy: Proxy
let m365: TestBridge
const browser = new BridgeBrowser()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeAll(async () => {
    instance = await startInstance()
    proxy = await startProxy(instance.url)
    m365 = await startBridge()
    await signIn(browser, m365)
    instance.addOAuthClient(m365.redirectUri, 2)
    const home = await connect(browser, m365, proxy.url)
    expect(home.html).toContain('ServiceNow is connected')
})

afterAll(async () => {
    await m365?.close()
    await proxy?.close()
    await instance?.close()
})

const token = () => m365.store.forTenant(TENANT).getConnection()?.token as { access_token: string; refresh_token: string; expires_in: number }
const tokenCalls = () => proxy.seen.filter((r) => r.method === 'POST' && r.path === '/oauth_token.do').length
const credentialTable = () => instance.runtime.store.sqlTable('oauth_credential')

test('the refresh window is a tenth of the lifespan, between 1 and 60 seconds', () => {
    expect(ServiceNowLink.refreshWindowSeconds({ expires_in: 2 })).toBe(1)
    expect(ServiceNowLink.refreshWindowSeconds({ expires_in: 300 })).toBe(30)
    expect(ServiceNowLink.refreshWindowSeconds({ expires_in: 1800 })).toBe(60)
    expect(ServiceNowLink.refreshWindowSeconds({})).toBe(60)
})

test('an access token about to expire is refreshed before the call; concurrent callers share one refresh', async () => {
    expect(token().expires_in).toBe(2)
    const first = token().access_token
    await sleep(1100) // inside the 1-second window before expiry
    const before = tokenCalls()
    const tokens = await Promise.all([m365.link.accessToken(), m365.link.accessToken(), m365.link.accessToken()])
    expect(new Set(tokens).size).toBe(1)
    expect(tokens[0]).not.toBe(first)
    expect(tokenCalls() - before).toBe(1)
    expect(token().access_token).toBe(tokens[0])
    // ServiceNow kept the refresh token; it is still stored.
    expect(token().refresh_token).toBeTruthy()

    await sleep(2100) // now fully expired
    const home = await browser.follow(m365.url + '/')
    expect(home.html).not.toContain('Could not refresh tickets')
    expect(home.html).not.toContain('needs re-authorization')
    expect(token().access_token).not.toBe(tokens[0])
    expect(m365.store.forTenant(TENANT).getConnection()?.status).toBe('connected')
})

test('an access token the instance revoked early is replaced by one refresh and the call succeeds', async () => {
    instance.runtime.store.run(`DELETE FROM ${credentialTable()} WHERE type = 'access_token'`)
    const before = tokenCalls()
    const status = await m365.link.connectionStatus()
    expect(status.status).toBe('connected')
    expect(tokenCalls() - before).toBe(1)
})

test('a refused refresh marks the connection for re-authorization, and re-authorizing restores it', async () => {
    instance.runtime.store.run(`DELETE FROM ${credentialTable()}`)
    await sleep(2100)
    const home = await browser.follow(m365.url + '/')
    expect(m365.store.forTenant(TENANT).getConnection()?.status).toBe('needs_reauthorization')
    expect(home.html).toContain('The ServiceNow connection needs re-authorization.')
    expect(home.html).toContain('<form method="post" action="/reauthorize">')
    // No further calls are made with the dead tokens.
    const before = proxy.seen.length
    await browser.follow(m365.url + '/')
    expect(proxy.seen.length).toBe(before)
    const actions = await browser.follow(m365.url + '/actions')
    expect(actions.html).toContain('Connect ServiceNow to share')

    const started = await browser.request(m365.url + '/reauthorize', { form: {} })
    expect(started.location).toContain(proxy.url + '/oauth_auth.do?')
    // Still signed in to the instance as the integration user: straight to the consent.
    const back = await consent(browser, started.location as string)
    expect(back.html).toContain('ServiceNow is connected')
    expect(m365.store.forTenant(TENANT).getConnection()?.status).toBe('connected')
    const status = await m365.link.connectionStatus()
    expect(status.status).toBe('connected')
})

test('a re-authorization the instance does not answer replaces nothing: the connection keeps its tokens', async () => {
    const before = m365.store.forTenant(TENANT).getConnection()
    const started = await browser.request(m365.url + '/reauthorize', { form: {} })
    // Every attempt of the new tokens' PUT /connection is answered too late (FAST_RETRY: 3 attempts of 3 s).
    for (let attempt = 0; attempt < 3; attempt++) proxy.delayNext('PUT', '/api/x_mioms_m365ticket/v1/connector/connection', 10_000)
    const back = await consent(browser, started.location as string)
    expect(back.status).toBe(400)
    expect(back.html).toContain('ServiceNow did not accept the re-authorization: ServiceNow did not answer.')
    expect(back.html).toContain('Nothing changed: the connection keeps its tokens.')
    expect(m365.store.forTenant(TENANT).getConnection()).toEqual(before)
})
