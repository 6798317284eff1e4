// Harness for the Microsoft 365 side against the local instance, both in-process on 127.0.0.1:
// the instance (test/support/instance-http.ts) with the OAuth client the checklist would create, a
// proxy in front of it that can hold an answer back (a simulated timeout), the Microsoft 365 server, and the OAuth consent driven the way a person would
// (login, "Not you?", Allow).
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, request as httpRequest, type Server } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { Browser as ChromiumBrowser, BrowserContextOptions, Page as ChromiumPage } from 'playwright-core'
import { createBridgeServer, type BridgeServer, type BridgeServerOptions } from '../../bridge/server'
import { createSecretBox, secretKeyFromBytes, type SecretBox, type SecretKey } from '../../bridge/security/secret-box'
import { SecretRegistry } from '../../bridge/security/secret-registry'
import { openStore, type BridgeStore, type StoredTicket } from '../../bridge/store/store'
import { createGraphServer, type GraphServer, type GraphServerOptions } from '../../emulator/graph/server'
import { Browser, type Page, type RequestInit } from './browser.ts'
import { call, form as stsForm, objectIdOf } from '../emulator/graph/support.ts'
import { type Credentials, hiddenFields, INTEGRATION, linkById, type LocalInstance, startLocalInstance, textById } from './instance-http'
import { TENANT } from './task-body'

export { ADMIN, hiddenFields, INTEGRATION, textById } from './instance-http'
export { Browser, TENANT }
export const CLIENT = { id: 'm365-ticketing-client', secret: 'Client-Secret-0123456789' }

export interface TestInstance extends LocalInstance {
    /** Registers the OAuth client the checklist would create. */
    addOAuthClient(redirectUrl: string, accessTokenLifespan?: number): void
}

export async function startInstance(): Promise<TestInstance> {
    const instance = await startLocalInstance()
    return {
        ...instance,
        addOAuthClient(redirectUrl: string, accessTokenLifespan = 1800) {
            instance.runtime.store.insert(
                'oauth_entity',
                {
                    name: 'Microsoft 365 Ticketing Connector',
                    type: 'client',
                    client_id: CLIENT.id,
                    client_secret: CLIENT.secret,
                    redirect_url: redirectUrl,
                    access_token_lifespan: String(accessTokenLifespan),
                    refresh_token_lifespan: '8640000',
                    active: 'true',
                },
                'admin',
            )
        },
    }
}

/** A proxy to the instance that can hold back the answer to the next matching request. */
export interface Proxy {
    url: string
    /** The next request whose path starts with `pathPrefix` reaches the instance; its answer comes `ms` late. */
    delayNext(method: string, pathPrefix: string, ms: number): void
    seen: { method: string; path: string }[]
    close(): Promise<void>
}

export async function startProxy(target: string): Promise<Proxy> {
    const targetUrl = new URL(target)
    const delays: { method: string; pathPrefix: string; ms: number }[] = []
    const seen: { method: string; path: string }[] = []
    const server: Server = createServer((req, res) => {
        const path = req.url || '/'
        seen.push({ method: req.method || '', path })
        const index = delays.findIndex((d) => d.method === req.method && path.startsWith(d.pathPrefix))
        const delay = index >= 0 ? delays.splice(index, 1)[0].ms : 0
        // A live instance is reached over https (test/support/target.ts); the local one over http.
        const upstream = (targetUrl.protocol === 'https:' ? httpsRequest : httpRequest)(
            { host: targetUrl.hostname, port: targetUrl.port, method: req.method, path, headers: { ...req.headers, host: targetUrl.host } },
            (answer) => {
                const chunks: Buffer[] = []
                answer.on('data', (c: Buffer) => chunks.push(c))
                answer.on('end', () => {
                    setTimeout(() => {
                        if (res.destroyed) return
                        res.writeHead(answer.statusCode || 502, answer.headers)
                        res.end(Buffer.concat(chunks))
                    }, delay)
                })
            },
        )
        upstream.on('error', () => {
            if (!res.headersSent) res.writeHead(502).end()
        })
        req.pipe(upstream)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        delayNext: (method, pathPrefix, ms) => delays.push({ method, pathPrefix, ms }),
        seen,
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections()
                server.close(() => resolve())
            }),
    }
}

export const FAST_RETRY = { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50, timeoutMs: 3000 }

/** The local Graph stand-in on a free port with a fresh data folder (its CA, keys and state history). */
export async function startGraph(options: Partial<GraphServerOptions> = {}): Promise<GraphServer & { dataDir: string }> {
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'graph-'))
    const graph = await createGraphServer({ port: 0, logger: false, ...options, dataDir })
    return {
        ...graph,
        dataDir,
        async close() {
            await graph.close()
            if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true })
        },
    }
}

/** How a bridge reads the stand-in: its demo app's secret, trusting its CA; refreshed only on demand. */
export function graphOptions(graph: GraphServer): BridgeServerOptions['graph'] {
    return {
        authorityHost: graph.url,
        graphBaseUrl: graph.graphBaseUrl,
        credential: { clientId: graph.demo.clientId, clientSecret: graph.demo.clientSecret },
        ca: graph.caPem,
        refreshIntervalMs: 0,
    }
}

/** A fresh random store key, as an operator would make with `openssl rand -base64 32`. */
export function testSecretKey(): SecretKey {
    return secretKeyFromBytes(randomBytes(32))
}

export function testSecretBox(key: SecretKey = testSecretKey()): SecretBox {
    return createSecretBox(key, new SecretRegistry())
}

/** A store (in memory unless a file is given) under a random key, for tests of what is stored. */
export function testStore(file = ':memory:', box: SecretBox = testSecretBox()): BridgeStore {
    return openStore(file, { box })
}

/** A ticket as delta sync stores it: an open incident, New, High, with `sys-<number>` / `task-<number>`; the rest as given. */
export function storedTicket(number: string, given: Partial<StoredTicket> = {}): StoredTicket {
    return {
        number,
        sysId: 'sys-' + number,
        taskId: 'task-' + number,
        type: 'incident',
        name: 'Require MFA',
        state: { value: '1', label: 'New', customLabel: null },
        priority: { value: '2', label: 'High' },
        dueDate: null,
        assignmentGroup: null,
        assignedTo: null,
        opened: null,
        updated: null,
        closed: null,
        link: 'https://instance.example/' + number,
        ...given,
    }
}

/** Demo people of the Graph stand-in (emulator/graph/fixtures/directory.ts) by what they may do in the bridge. */
export const PEOPLE = {
    contosoGlobalAdmin: 'megan.bowen@contoso.onmicrosoft.com',
    contosoSecurityAdmin: 'adele.vance@contoso.onmicrosoft.com',
    contosoReader: 'alex.wilber@contoso.onmicrosoft.com',
    contosoNoRole: 'lynne.robbins@contoso.onmicrosoft.com',
    fabrikamGlobalAdmin: 'patti.fernandez@fabrikam.onmicrosoft.com',
}

/**
 * A Browser that, once signed in to a bridge, adds the session's CSRF token to the forms it posts there, as the
 * bridge's pages do (every POST form carries it); forms posted elsewhere (the instance) are left alone.
 */
export class BridgeBrowser extends Browser {
    /** The signed-in bridge's origin and its session's CSRF token. */
    session: { origin: string; csrf: string; upn: string; cookie: { name: string; value: string } } | null = null

    override request(pathOrUrl: string, init: RequestInit = {}): Promise<Page> {
        const session = this.session
        if (session && init.form && !('_csrf' in init.form) && /^https?:/.test(pathOrUrl) && new URL(pathOrUrl).origin === session.origin) {
            return super.request(pathOrUrl, { ...init, form: { _csrf: session.csrf, ...init.form } })
        }
        return super.request(pathOrUrl, init)
    }
}

/**
 * Signs `upn` in to the bridge as a person does: the bridge's /signin sends the browser to the Graph stand-in's
 * authorize endpoint, the account is picked on its sign-in page (a POST there, over HTTPS trusting its CA), and
 * the stand-in's redirect back to /auth/callback sets the session cookie in `browser`. Returns the landing page.
 */
export async function signIn(browser: BridgeBrowser, bridge: TestBridge, upn: string = PEOPLE.contosoSecurityAdmin, returnTo = '/', reachAt = bridge.url): Promise<Page> {
    // reachAt: where this test reaches the bridge when its public URL is a proxy's that is not there.
    const signInPage = await browser.request(`${reachAt}/signin?returnTo=${encodeURIComponent(returnTo)}`)
    expect(signInPage.status).toBe(200)
    const start = /<a class="button primary" id="sign-in" href="([^"]+)"/.exec(signInPage.html)?.[1].replace(/&amp;/g, '&')
    const started = await browser.request(reachAt + start)
    expect(started.status).toBe(303)
    const authorize = new URL(started.location as string)
    expect(authorize.origin).toBe(new URL(bridge.graphServer.url).origin)
    const picked = await call(bridge.graphServer, 'POST', authorize.pathname + authorize.search, stsForm({ login: objectIdOf(bridge.graphServer, upn) }))
    expect(picked.status).toBe(302)
    const callback = new URL(String(picked.headers.location))
    const back = await browser.request(reachAt + callback.pathname + callback.search)
    const [name, value] = (back.headers.getSetCookie()[0] ?? '').split(';')[0].split('=')
    const landing = back.status === 303 && back.location ? await browser.request(reachAt + new URL(back.location).pathname + new URL(back.location).search) : back
    const csrf = hiddenFields(landing.html)._csrf
    browser.session = csrf && name && value ? { origin: new URL(reachAt).origin, csrf, upn, cookie: { name, value } } : null
    return landing
}

/** The session cookie of a signed-in BridgeBrowser, for a Chromium context (addCookies) to start signed in. */
export function sessionCookie(browser: BridgeBrowser, bridge: BridgeServer): { name: string; value: string; url: string } {
    if (!browser.session) throw new Error('not signed in to the bridge')
    return { ...browser.session.cookie, url: bridge.url }
}

/** A Chromium page that starts signed in to the bridge as `browser` is (its session cookie in the page's context). */
export async function signedInPage(chromium: ChromiumBrowser, browser: BridgeBrowser, bridge: BridgeServer, options: BrowserContextOptions = {}): Promise<ChromiumPage> {
    const context = await chromium.newContext(options)
    await context.addCookies([sessionCookie(browser, bridge)])
    return context.newPage()
}

export interface TestBridge extends BridgeServer {
    /** The Graph stand-in it reads (its own unless one was given). */
    graphServer: GraphServer
}

/**
 * A bridge on a free port with an in-memory store, its Secure Score read once from a Graph stand-in (a new one
 * unless `graphServer` is given; a new one is closed with the bridge).
 */
export async function startBridge(options: Partial<BridgeServerOptions> & { graphServer?: GraphServer } = {}): Promise<TestBridge> {
    const { graphServer: given, ...rest } = options
    const graphServer = given ?? (await startGraph())
    const bridge = await createBridgeServer({ port: 0, dataFile: ':memory:', logger: false, retry: FAST_RETRY, graph: graphOptions(graphServer), secretKey: testSecretKey(), ...rest })
    // As an admin adds the bridge's sign-in URLs to the app registration.
    for (const uri of [bridge.signInRedirectUri, bridge.signOutRedirectUri, bridge.joinRedirectUri]) graphServer.registerRedirectUri(graphServer.demo.clientId, uri)
    await bridge.refresher.refreshAll()
    return {
        ...bridge,
        graphServer,
        async close() {
            await bridge.close()
            if (!given) await graphServer.close()
        },
    }
}

/**
 * Connect from the Microsoft 365 side: the connect card, then the instance's consent. The browser may
 * already be signed in to the instance as someone else (the admin): then "Not you?" leads to the
 * login, where the integration user signs in.
 */
export interface ConnectOptions {
    expectSignedInAs?: string
    /** The OAuth client Microsoft 365 is given; CLIENT (addOAuthClient's) unless a live target made another. */
    client?: { id: string; secret: string }
    /** Who signs in at the consent; INTEGRATION unless a live target made another. */
    integration?: Credentials
}

export async function connect(browser: Browser, m365: BridgeServer, instanceUrl: string, options: ConnectOptions = {}): Promise<Page> {
    const client = options.client ?? CLIENT
    const started = await browser.request(m365.url + '/connect', {
        form: { instanceUrl, clientId: client.id, clientSecret: client.secret, tenantName: 'Contoso', tenantId: TENANT },
    })
    expect(started.status).toBe(303)
    expect(started.location).toContain('/oauth_auth.do?')
    return consent(browser, started.location as string, options)
}

export async function consent(browser: Browser, authorizeUrl: string, options: ConnectOptions = {}): Promise<Page> {
    const integration = options.integration ?? INTEGRATION
    let page = await browser.follow(authorizeUrl)
    if (options.expectSignedInAs) {
        expect(textById(page.html, 'consent_user')).toContain(options.expectSignedInAs)
        const notYou = linkById(page.html, 'not_you')
        expect(notYou).toBeTruthy()
        page = await browser.follow(new URL(notYou as string, page.url).toString())
    }
    if (page.html.includes('id="user_password"')) {
        const goto = hiddenFields(page.html).sysparm_goto
        page = await browser.follow(new URL('/login.do', page.url).toString(), { form: { user_name: integration.user, user_password: integration.password, sysparm_goto: goto } })
    }
    expect(textById(page.html, 'consent_user')).toContain('Microsoft 365 Integration')
    const allowed = await browser.request(new URL('/oauth_auth.do', page.url).toString(), { form: { ...hiddenFields(page.html), action: 'allow' } })
    expect(allowed.location).toContain('/oauth/callback?')
    return browser.follow(allowed.location as string)
}

/** The share form's fields beyond the ones a test sets (category, source, requester), as the form proposes them. */
export const SHARE_FIELDS = { category: 'identity', source: 'microsoft', requestedBy: PEOPLE.contosoSecurityAdmin }
