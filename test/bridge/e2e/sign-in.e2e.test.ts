// The real sign-in in Chromium (playwright-core + Debian's /usr/bin/chromium): a page of the bridge without a session
// leads to the bridge's sign-in page, then to the Graph stand-in's authorize page where the person picks their account,
// and back, signed in, to the page asked for; the session cookie as Chromium keeps it (HttpOnly, SameSite=Lax, with an
// end); Sign out in the header ends at the bridge's /signed-out through the stand-in's logout, the cookie gone. Behind
// HTTPS (a TLS front as the deployment's reverse proxy, the bridge's public URL its https URL) the cookie is
// `__Host-bridge_session` and Secure, and Chromium sends it back.
import type { Browser as Chromium, BrowserContext, Page } from 'playwright-core'
import type { GraphServer } from '../../../emulator/graph/server.ts'
import { PEOPLE, startBridge, startGraph, type TestBridge } from '../../support/bridge-harness'
import { launchChromiumTrustingStandIn } from '../../support/bridge-chromium.ts'
import { startHttpsFront, type HttpsFront } from '../../support/bridge-https-front.ts'
import { closePage } from '../../support/chromium.ts'

jest.setTimeout(60_000)

let graph: GraphServer & { dataDir: string }
let chromium: Chromium
let bridge: TestBridge
let front: HttpsFront
let httpsBridge: TestBridge

beforeAll(async () => {
    graph = await startGraph()
    chromium = await launchChromiumTrustingStandIn(graph)
    bridge = await startBridge({ graphServer: graph })
    front = await startHttpsFront(graph.dataDir)
    httpsBridge = await startBridge({ graphServer: graph, publicUrl: front.url })
    front.upstream = `http://127.0.0.1:${httpsBridge.port}`
})

afterAll(async () => {
    await chromium?.close()
    await httpsBridge?.close()
    await front?.close()
    await bridge?.close()
    await graph?.close()
})

/** From a page of the bridge without a session to that page signed in as `upn`, clicking as a person does. */
async function signInAs(page: Page, bridgeUrl: string, upn: string, path: string): Promise<void> {
    await page.goto(bridgeUrl + path)
    expect(page.url()).toBe(`${bridgeUrl}/signin?returnTo=${encodeURIComponent(path)}`)
    await Promise.all([page.waitForURL((url) => url.origin === graph.url && url.pathname.endsWith('/oauth2/v2.0/authorize')), page.click('#sign-in')])
    await Promise.all([page.waitForURL(bridgeUrl + path), page.click(`button[data-upn="${upn}"]`)])
    await expect(page.textContent('#signed-in-user')).resolves.toBe(upn)
}

async function sessionCookies(context: BrowserContext) {
    return (await context.cookies()).filter((cookie) => cookie.name.endsWith('bridge_session'))
}

test("sign-in through the stand-in's account picker lands on the page asked for; the cookie is HttpOnly and SameSite=Lax; Sign out ends at /signed-out through Microsoft's sign-out", async () => {
    const context = await chromium.newContext()
    const page = await context.newPage()
    const visited: string[] = []
    // Every hop of a navigation, redirects included.
    page.on('request', (request) => {
        if (request.isNavigationRequest()) visited.push(`${request.method()} ${new URL(request.url()).origin}${new URL(request.url()).pathname}`)
    })
    await signInAs(page, bridge.url, PEOPLE.contosoSecurityAdmin, '/actions?category=identity')
    await expect(page.isVisible('#action-AdminMFAV2')).resolves.toBe(true)
    const authorize = `${graph.url}/${graph.demo.tenantId}/oauth2/v2.0/authorize`
    expect(visited).toEqual([
        `GET ${bridge.url}/actions`,
        `GET ${bridge.url}/signin`,
        `GET ${bridge.url}/signin/start`,
        `GET ${authorize}`,
        `POST ${authorize}`,
        `GET ${bridge.signInRedirectUri}`,
        `GET ${bridge.url}/actions`,
    ])
    const cookies = await sessionCookies(context)
    expect(cookies).toEqual([expect.objectContaining({ name: 'bridge_session', domain: '127.0.0.1', path: '/', httpOnly: true, secure: false, sameSite: 'Lax' })])
    const [cookie] = cookies
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(cookie.expires).toBeGreaterThan(Date.now() / 1000)

    visited.length = 0
    await Promise.all([page.waitForURL(bridge.signOutRedirectUri), page.click('#sign-out')])
    expect(visited).toEqual([`POST ${bridge.url}/signout`, `GET ${graph.url}/${graph.demo.tenantId}/oauth2/v2.0/logout`, `GET ${bridge.signOutRedirectUri}`])
    await expect(page.textContent('main')).resolves.toContain('You are signed out of the Secure Score bridge and of Microsoft.')
    expect(await sessionCookies(context)).toEqual([])
    // The old session is over on the bridge too: the page asks for sign-in again.
    await page.goto(bridge.url + '/actions')
    expect(new URL(page.url()).pathname).toBe('/signin')
    await closePage(page)
    await context.close()
})

test('behind HTTPS (the public URL an https front) the cookie is __Host-bridge_session, Secure, and Chromium sends it back', async () => {
    const context = await chromium.newContext()
    const page = await context.newPage()
    await signInAs(page, front.url, PEOPLE.contosoReader, '/')
    expect(await sessionCookies(context)).toEqual([expect.objectContaining({ name: '__Host-bridge_session', domain: '127.0.0.1', path: '/', httpOnly: true, secure: true, sameSite: 'Lax' })])
    // Signed in on the next page: the Secure cookie went back over https.
    await page.goto(front.url + '/actions')
    await expect(page.textContent('#signed-in-user')).resolves.toBe(PEOPLE.contosoReader)
    await Promise.all([page.waitForURL(httpsBridge.signOutRedirectUri), page.click('#sign-out')])
    expect(await sessionCookies(context)).toEqual([])
    await closePage(page)
    await context.close()
})
