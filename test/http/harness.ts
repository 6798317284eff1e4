// HTTP test harness: the local instance in-process (SQLite :memory:, a random port on 127.0.0.1) and a
// small browser-like client (cookies, manual redirects) for the login and OAuth pages.
import { createRuntime, hashPassword, type Runtime } from '../../emulator/instance/runtime.ts'
import { createInstanceServer, type InstanceServer } from '../../emulator/instance/server.ts'

export { OTHER_TENANT, TENANT, taskBody } from '../connector/harness.ts'

export const CONNECTOR = '/api/x_mioms_m365ticket/v1/connector'
export const CONNECTOR_DEFAULT = '/api/x_mioms_m365ticket/connector'
export const INTEGRATION = { user: 'm365.integration', password: 'Integration-Passw0rd!' }
export const ADMIN = { user: 'admin', password: 'Admin-Passw0rd!' }
export const ITIL = { user: 'itil.user', password: 'Itil-Passw0rd!' }
export const NOBODY = { user: 'no.roles', password: 'Nobody-Passw0rd!' }

export interface Instance {
    runtime: Runtime
    server: InstanceServer
    url: string
    lines: string[]
    close(): Promise<void>
}

export async function startTestInstance(): Promise<Instance> {
    const runtime = createRuntime({ dbPath: ':memory:' }).activate()
    runtime.createUser({ user_name: INTEGRATION.user, first_name: 'Microsoft 365', last_name: 'Integration', roles: ['x_mioms_m365ticket.integration'], password: INTEGRATION.password })
    runtime.createUser({ user_name: ITIL.user, first_name: 'Ida', last_name: 'Itil', roles: ['itil'], password: ITIL.password })
    runtime.createUser({ user_name: NOBODY.user, roles: [], password: NOBODY.password })
    const admin = runtime.store.get<{ sys_id: string }>(`SELECT sys_id FROM ${runtime.store.sqlTable('sys_user')} WHERE user_name = 'admin'`)!
    runtime.store.update('sys_user', admin.sys_id, { user_password: hashPassword(ADMIN.password) }, 'system')
    const lines: string[] = []
    const server = await createInstanceServer({ runtime, port: 0, logger: (line) => lines.push(line) })
    return {
        runtime,
        server,
        url: server.url,
        lines,
        close: async () => {
            await server.close()
            runtime.close()
        },
    }
}

export function basic(credentials: { user: string; password: string }): string {
    return 'Basic ' + Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')
}

export interface JsonResponse {
    status: number
    headers: Headers
    text: string
    json: any
}

export async function call(url: string, method: string, authorization: string | null, body?: unknown, headers: Record<string, string> = {}): Promise<JsonResponse> {
    const init: RequestInit = { method, headers: { accept: 'application/json', ...headers }, redirect: 'manual' }
    if (authorization) (init.headers as Record<string, string>).authorization = authorization
    if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body)
        ;(init.headers as Record<string, string>)['content-type'] ??= 'application/json'
    }
    const response = await fetch(url, init)
    const text = await response.text()
    let json: any = null
    try {
        json = text ? JSON.parse(text) : null
    } catch {
        json = null
    }
    return { status: response.status, headers: response.headers, text, json }
}

/** A browser: keeps cookies, never follows redirects by itself. */
export class Browser {
    readonly cookies = new Map<string, string>()

    constructor(private readonly base: string) {}

    private cookieHeader(): string {
        return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    }

    async request(path: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<{ status: number; location: string | null; html: string; headers: Headers }> {
        const headers: Record<string, string> = { ...init.headers }
        if (this.cookies.size) headers.cookie = this.cookieHeader()
        let body: string | undefined
        if (init.form) {
            body = new URLSearchParams(init.form).toString()
            headers['content-type'] = 'application/x-www-form-urlencoded'
        }
        const url = path.startsWith('http') ? path : this.base + path
        const response = await fetch(url, { method: init.method ?? (init.form ? 'POST' : 'GET'), headers, body, redirect: 'manual' })
        for (const cookie of response.headers.getSetCookie()) {
            const [pair, ...attributes] = cookie.split(';')
            const [name, value] = pair.split('=')
            const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a) || /max-age=0/i.test(a.trim()))
            if (expired || value === '') this.cookies.delete(name.trim())
            else this.cookies.set(name.trim(), value)
        }
        return { status: response.status, location: response.headers.get('location'), html: await response.text(), headers: response.headers }
    }

    get(path: string) {
        return this.request(path)
    }

    /** Follows redirects within the instance; stops at one leaving it (returned as `location`). */
    async follow(path: string, init: { form?: Record<string, string> } = {}) {
        let response = await this.request(path, init)
        for (let i = 0; i < 10 && response.status >= 300 && response.status < 400 && response.location; i++) {
            const next = new URL(response.location, this.base)
            if (next.origin !== new URL(this.base).origin) return response
            response = await this.request(next.pathname + next.search)
        }
        return response
    }

    async login(credentials: { user: string; password: string }, goto?: string) {
        return this.follow('/login.do', { form: { user_name: credentials.user, user_password: credentials.password, ...(goto ? { sysparm_goto: goto } : {}) } })
    }
}

/** Values of the hidden inputs and links of a page, found by attribute. */
export function hiddenFields(html: string): Record<string, string> {
    const out: Record<string, string> = {}
    for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) out[decode(match[1])] = decode(match[2])
    return out
}

export function linkById(html: string, id: string): string | null {
    const match = new RegExp(`<a id="${id}" href="([^"]+)"`).exec(html)
    return match ? decode(match[1]) : null
}

function decode(text: string): string {
    return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
}
