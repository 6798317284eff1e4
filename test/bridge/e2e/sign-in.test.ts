// Signing in to the bridge over HTTP through the Graph stand-in's sign-in page (organizations authority): a page
// without a session goes to sign-in and comes back; the session cookie; roles deciding read and act with the exact
// refusal; CSRF on every POST; forged state, forged nonce and a replayed code refused with a clear page and no
// session; sign-out ending the session and going through Microsoft's sign-out.
import { createHash } from 'node:crypto'
import { call, form, objectIdOf } from '../../emulator/graph/support.ts'
import { BridgeBrowser, hiddenFields, PEOPLE, signIn, startBridge, TENANT, type TestBridge } from '../../support/bridge-harness'

let bridge: TestBridge
beforeAll(async () => {
    bridge = await startBridge({ signInAuthority: 'organizations' })
})
afterAll(() => bridge.close())

const refusal = 'You need the Security Reader or Security Administrator role in Contoso'

test('a page without a session goes through sign-in and back to it; the cookie is HttpOnly and SameSite=Lax', async () => {
    const browser = new BridgeBrowser()
    const page = await browser.request(bridge.url + '/actions?category=identity')
    expect(page.status).toBe(303)
    expect(page.location).toBe(`${bridge.url}/signin?returnTo=${encodeURIComponent('/actions?category=identity')}`)
    const signInPage = await browser.request(page.location as string)
    expect(signInPage.status).toBe(200)
    expect(signInPage.html).toContain(`<a class="button primary" id="sign-in" href="/signin/start?returnTo=${encodeURIComponent('/actions?category=identity')}">Sign in with Microsoft</a>`)
    const started = await browser.request(bridge.url + '/signin/start?returnTo=' + encodeURIComponent('/actions?category=identity'))
    const authorize = new URL(started.location as string)
    expect(authorize.pathname).toBe('/organizations/oauth2/v2.0/authorize')
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256')
    expect(authorize.searchParams.get('redirect_uri')).toBe(bridge.signInRedirectUri)
    expect(authorize.searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/)

    const landing = await signIn(browser, bridge, PEOPLE.contosoSecurityAdmin, '/actions?category=identity')
    expect(landing.status).toBe(200)
    expect(landing.url).toBe(bridge.url + '/actions?category=identity')
    expect(landing.html).toContain(`<span id="signed-in-user">${PEOPLE.contosoSecurityAdmin}</span>`)
    expect(browser.session?.cookie.name).toBe('bridge_session')
})

test('the session cookie as set: HttpOnly, SameSite=Lax, Path=/, with an end; the sign-in cookie lives as long as a sign-in and goes with it', async () => {
    const browser = new BridgeBrowser()
    const started = await browser.request(bridge.url + '/signin/start')
    expect(started.headers.getSetCookie()).toEqual([expect.stringMatching(/^bridge_signin=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=600$/)])
    const authorize = new URL(started.location as string)
    const picked = await call(bridge.graphServer, 'POST', authorize.pathname + authorize.search, form({ login: objectIdOf(bridge.graphServer, PEOPLE.contosoReader) }))
    const back = await browser.request(String(picked.headers.location))
    expect(back.headers.getSetCookie()).toEqual([
        expect.stringMatching(/^bridge_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/),
        'bridge_signin=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0',
    ])
})

test('a Security Reader sees the pages but may not change anything', async () => {
    const browser = new BridgeBrowser()
    await signIn(browser, bridge, PEOPLE.contosoReader)
    const actions = await browser.request(bridge.url + '/actions')
    expect(actions.status).toBe(200)
    expect(actions.html).toContain('id="action-AdminMFAV2"')
    // No form that changes something and no Share link: only Sign out.
    for (const path of ['/', '/actions', '/actions/AdminMFAV2', '/manage']) {
        const page = await browser.request(bridge.url + path)
        expect([path, page.html.match(/<form\b[^>]*method="post"[^>]*>/g)]).toEqual([path, ['<form method="post" action="/signout" class="signout">']])
        expect([path, /href="\/actions\/[^"]*\/share"/.test(page.html)]).toEqual([path, false])
    }
    const shareForm = await browser.request(bridge.url + '/actions/AdminMFAV2/share')
    expect(shareForm.status).toBe(403)
    expect(shareForm.html).toContain('You need the Security Administrator role in Contoso to change this')
    const posted = await browser.request(bridge.url + '/manage/write-back', { form: { enabled: 'on' } })
    expect(posted.status).toBe(403)
    expect(posted.html).toContain('You need the Security Administrator role in Contoso to change this')
    expect(bridge.store.forTenant(TENANT).outbox.settings()).toEqual({ enabled: true, unresolvedSendsDefault: false })
})

test('a person without a role gets the one sentence, and nothing more', async () => {
    const browser = new BridgeBrowser()
    const landing = await signIn(browser, bridge, PEOPLE.contosoNoRole)
    expect(landing.status).toBe(403)
    expect(landing.html).toContain(refusal)
    expect(landing.html).not.toContain('improvement action')
    for (const path of ['/actions', '/manage', '/tickets?type=change']) {
        const page = await browser.request(bridge.url + path)
        expect([path, page.status, page.html.includes(refusal)]).toEqual([path, 403, true])
    }
})

test('every POST needs the session CSRF token: missing or wrong → 403 page, nothing stored', async () => {
    const browser = new BridgeBrowser()
    await signIn(browser, bridge, PEOPLE.contosoSecurityAdmin)
    for (const token of ['', 'x'.repeat(43), createHash('sha256').update('guess').digest('base64url')]) {
        const posted = await browser.request(bridge.url + '/manage/write-back', { form: { _csrf: token, unresolvedSendsDefault: 'on' } })
        expect(posted.status).toBe(403)
        expect(posted.html).toContain('The form could not be accepted')
    }
    expect(bridge.store.forTenant(TENANT).outbox.settings()).toEqual({ enabled: true, unresolvedSendsDefault: false })
    // The token of another session is not this one's.
    const other = new BridgeBrowser()
    await signIn(other, bridge, PEOPLE.contosoSecurityAdmin)
    const crossed = await browser.request(bridge.url + '/manage/write-back', { form: { _csrf: other.session!.csrf, enabled: 'on' } })
    expect(crossed.status).toBe(403)
    // With it, the change is made.
    const saved = await browser.request(bridge.url + '/manage/write-back', { form: { enabled: 'on', unresolvedSendsDefault: 'on' } })
    expect(saved.status).toBe(303)
    expect(bridge.store.forTenant(TENANT).outbox.settings()).toEqual({ enabled: true, unresolvedSendsDefault: true })
    bridge.store.forTenant(TENANT).outbox.saveSettings({ enabled: true, unresolvedSendsDefault: false })
})

test('a POST without a session is refused with a page, and nothing is stored', async () => {
    const posted = await new BridgeBrowser().request(bridge.url + '/manage/write-back', { form: { enabled: 'on', unresolvedSendsDefault: 'on' } })
    expect(posted.status).toBe(401)
    expect(posted.html).toContain('Your session has ended, so nothing was changed.')
    expect(bridge.store.forTenant(TENANT).outbox.settings().unresolvedSendsDefault).toBe(false)
})

test('a forged or replayed state, a forged nonce and a replayed code: a clear 400 page and no session', async () => {
    const browser = new BridgeBrowser()
    const forged = await browser.request(`${bridge.url}/auth/callback?state=forged&code=anything`)
    expect(forged.status).toBe(400)
    expect(forged.html).toContain('This sign-in link was already used, has expired, or was not started here.')
    expect(forged.headers.getSetCookie()).toEqual([])

    // A real round trip, its callback replayed: the state is spent.
    const started = await browser.request(bridge.url + '/signin/start')
    const authorize = new URL(started.location as string)
    const picked = await call(bridge.graphServer, 'POST', authorize.pathname + authorize.search, form({ login: objectIdOf(bridge.graphServer, PEOPLE.contosoSecurityAdmin) }))
    const callback = String(picked.headers.location)
    expect((await browser.request(callback)).status).toBe(303)
    const replayed = await browser.request(callback)
    expect(replayed.status).toBe(400)
    expect(replayed.headers.getSetCookie()).toEqual([])

    // A fresh state with a code issued for another sign-in (its nonce and PKCE verifier): Entra refuses the code.
    const second = await browser.request(bridge.url + '/signin/start')
    const secondState = new URL(second.location as string).searchParams.get('state')
    const code = new URL(callback).searchParams.get('code')
    const swapped = await browser.request(`${bridge.url}/auth/callback?state=${secondState}&code=${code}`)
    expect(swapped.status).toBe(400)
    expect(swapped.html).toContain('You are not signed in')
    expect(swapped.headers.getSetCookie()).toEqual([])

    // A forged nonce: the stand-in signs what it was asked, the bridge's own nonce is not in it.
    const third = await browser.request(bridge.url + '/signin/start')
    const thirdUrl = new URL(third.location as string)
    thirdUrl.searchParams.set('nonce', 'forged-nonce')
    const forgedNonce = await call(bridge.graphServer, 'POST', thirdUrl.pathname + thirdUrl.search, form({ login: objectIdOf(bridge.graphServer, PEOPLE.contosoSecurityAdmin) }))
    const refused = await browser.request(String(forgedNonce.headers.location))
    expect(refused.status).toBe(400)
    expect(refused.html).toContain('The sign-in could not be verified.')
    expect(refused.headers.getSetCookie()).toEqual([])
})

test("a sign-in's callback opened in another browser (login CSRF) signs nobody in there: a clear 400 page", async () => {
    // Mallory starts a sign-in and picks her account, then has the victim's browser open the callback URL.
    const mallory = new BridgeBrowser()
    const started = await mallory.request(bridge.url + '/signin/start')
    const authorize = new URL(started.location as string)
    const picked = await call(bridge.graphServer, 'POST', authorize.pathname + authorize.search, form({ login: objectIdOf(bridge.graphServer, PEOPLE.contosoReader) }))
    const victim = new BridgeBrowser()
    // Even with a sign-in cookie of its own: the victim's binding is not the one the sign-in was started with.
    await victim.request(bridge.url + '/signin/start')
    const opened = await victim.request(String(picked.headers.location))
    expect(opened.status).toBe(400)
    expect(opened.html).toContain('This sign-in was not started in this browser. Sign in again.')
    expect(opened.headers.getSetCookie()).toEqual([])
    expect((await victim.request(bridge.url + '/')).status).toBe(303)
})

test("sign-out ends the session, clears the cookie and goes through Microsoft's sign-out", async () => {
    const browser = new BridgeBrowser()
    const home = await signIn(browser, bridge)
    expect(hiddenFields(home.html)._csrf).toBe(browser.session?.csrf)
    const out = await browser.request(bridge.url + '/signout', { form: {} })
    expect(out.status).toBe(303)
    expect(out.location).toBe(`${bridge.graphServer.url}/organizations/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent(bridge.signOutRedirectUri)}`)
    expect(out.headers.getSetCookie()).toEqual([expect.stringMatching(/^bridge_session=; .*Max-Age=0/)])
    const after = await browser.request(bridge.url + '/')
    expect(after.status).toBe(303)
    expect(after.location).toContain('/signin')
})
