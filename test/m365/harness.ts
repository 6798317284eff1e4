// Harness for the Microsoft 365 side against the local instance, both in-process on 127.0.0.1:
// the instance (SQLite :memory:) with an admin, an integration user and an OAuth client, a proxy in
// front of it that can hold an answer back (a simulated timeout), a cookie-keeping browser, and the
// OAuth consent driven the way a person would (login, "Not you?", Allow).
import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRuntime, hashPassword, type Runtime } from '../../emulator/instance/runtime'
import { createInstanceServer, type InstanceServer } from '../../emulator/instance/server'
import { createM365Server, type M365Server, type M365ServerOptions } from '../../emulator/m365/server'

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
export const ADMIN = { user: 'admin', password: 'Admin-Passw0rd!' }
export const INTEGRATION = { user: 'm365.integration', password: 'Integration-Passw0rd!' }
export const CLIENT = { id: 'm365-ticketing-client', secret: 'Client-Secret-0123456789' }

export interface TestInstance {
    runtime: Runtime
    server: InstanceServer
    url: string
    close(): Promise<void>
    /** The instance's request log, one line per request. */
    lines: string[]
    /** Registers the OAuth client the checklist would create. */
    addOAuthClient(redirectUrl: string, accessTokenLifespan?: number): void
    count(table: string, where?: string, params?: unknown[]): number
    rows(table: string, where?: string, params?: unknown[]): { [column: string]: string | null }[]
}

export async function startInstance(): Promise<TestInstance> {
    const runtime = createRuntime({ dbPath: ':memory:' }).activate()
    runtime.createUser({ user_name: INTEGRATION.user, first_name: 'Microsoft 365', last_name: 'Integration', roles: ['x_mioms_m365ticket.integration'], password: INTEGRATION.password })
    const admin = runtime.store.get<{ sys_id: string }>(`SELECT sys_id FROM ${runtime.store.sqlTable('sys_user')} WHERE user_name = 'admin'`)!
    runtime.store.update('sys_user', admin.sys_id, { user_password: hashPassword(ADMIN.password) }, 'system')
    const lines: string[] = []
    const server = await createInstanceServer({ runtime, port: 0, logger: (line) => lines.push(line) })
    const rows = (table: string, where = '1=1', params: unknown[] = []) =>
        runtime.store.all<{ [column: string]: string | null }>(`SELECT * FROM ${runtime.store.sqlTable(table)} WHERE ${where}`, params)
    return {
        runtime,
        server,
        url: server.url,
        lines,
        close: async () => {
            await server.close()
            runtime.close()
        },
        addOAuthClient(redirectUrl: string, accessTokenLifespan = 1800) {
            runtime.store.insert(
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
        rows,
        count: (table: string, where?: string, params?: unknown[]) => rows(table, where, params).length,
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
        const upstream = httpRequest(
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

export interface Page {
    status: number
    location: string | null
    html: string
    url: string
}

/** A browser: one cookie jar per host:port, redirects followed by hand (so each hop can be checked). */
export class Browser {
    private readonly jars = new Map<string, Map<string, string>>()

    async request(url: string, init: { method?: string; form?: { [name: string]: string }; origin?: string } = {}): Promise<Page> {
        const target = new URL(url)
        const jar = this.jars.get(target.host) ?? new Map<string, string>()
        this.jars.set(target.host, jar)
        const headers: { [name: string]: string } = {}
        if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
        let body: string | undefined
        if (init.form) {
            body = new URLSearchParams(init.form).toString()
            headers['content-type'] = 'application/x-www-form-urlencoded'
            headers.origin = init.origin ?? target.origin
        }
        const response = await fetch(url, { method: init.method ?? (init.form ? 'POST' : 'GET'), headers, body, redirect: 'manual' })
        for (const cookie of response.headers.getSetCookie()) {
            const [pair, ...attributes] = cookie.split(';')
            const [name, value] = pair.split('=')
            const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a) || /max-age=0/i.test(a.trim()))
            if (expired || !value) jar.delete(name.trim())
            else jar.set(name.trim(), value)
        }
        const location = response.headers.get('location')
        return { status: response.status, location: location ? new URL(location, url).toString() : null, html: await response.text(), url }
    }

    /** Follows redirects (303 and 302 become GET) until a page, at most 10 hops. */
    async follow(url: string, init: { form?: { [name: string]: string } } = {}): Promise<Page> {
        let page = await this.request(url, init)
        for (let i = 0; i < 10 && page.status >= 300 && page.status < 400 && page.location; i++) page = await this.request(page.location)
        return page
    }
}

export function hiddenFields(html: string): { [name: string]: string } {
    const out: { [name: string]: string } = {}
    for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) out[decode(match[1])] = decode(match[2])
    return out
}

export function hrefById(html: string, id: string): string | null {
    const match = new RegExp(`<a id="${id}" href="([^"]+)"`).exec(html)
    return match ? decode(match[1]) : null
}

export function decode(text: string): string {
    return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
}

/** The text of an element with an id, tags stripped. */
export function textById(html: string, id: string): string | null {
    const match = new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</`).exec(html)
    return match ? decode(match[1].replace(/<[^>]+>/g, '')).trim() : null
}

export const FAST_RETRY = { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50, timeoutMs: 3000 }

export async function startM365(options: M365ServerOptions = {}): Promise<M365Server> {
    return createM365Server({ port: 0, dataFile: ':memory:', logger: false, retry: FAST_RETRY, ...options })
}

/**
 * Connect from the Microsoft 365 side: the connect card, then the instance's consent. The browser may
 * already be signed in to the instance as someone else (the admin): then "Not you?" leads to the
 * login, where the integration user signs in.
 */
export async function connect(browser: Browser, m365: M365Server, instanceUrl: string, options: { expectSignedInAs?: string } = {}): Promise<Page> {
    const started = await browser.request(m365.url + '/connect', {
        form: { instanceUrl, clientId: CLIENT.id, clientSecret: CLIENT.secret, tenantName: 'Contoso', tenantId: TENANT },
    })
    expect(started.status).toBe(303)
    expect(started.location).toContain('/oauth_auth.do?')
    return consent(browser, started.location as string, options)
}

export async function consent(browser: Browser, authorizeUrl: string, options: { expectSignedInAs?: string } = {}): Promise<Page> {
    let page = await browser.follow(authorizeUrl)
    if (options.expectSignedInAs) {
        expect(textById(page.html, 'consent_user')).toContain(options.expectSignedInAs)
        const notYou = hrefById(page.html, 'not_you')
        expect(notYou).toBeTruthy()
        page = await browser.follow(new URL(notYou as string, page.url).toString())
    }
    if (page.html.includes('id="user_password"')) {
        const goto = hiddenFields(page.html).sysparm_goto
        page = await browser.follow(new URL('/login.do', page.url).toString(), { form: { user_name: INTEGRATION.user, user_password: INTEGRATION.password, sysparm_goto: goto } })
    }
    expect(textById(page.html, 'consent_user')).toContain('Microsoft 365 Integration')
    const allowed = await browser.request(new URL('/oauth_auth.do', page.url).toString(), { form: { ...hiddenFields(page.html), action: 'allow' } })
    expect(allowed.location).toContain('/oauth/callback?')
    return browser.follow(allowed.location as string)
}
