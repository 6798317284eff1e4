// The local instance in-process for HTTP tests (SQLite :memory:, a random port on 127.0.0.1) with the
// admin and integration user signed in by known passwords, plus what both browser-like test clients
// share: cookie keeping and reading values out of the instance's and Microsoft 365's HTML pages.
// Used by test/support/http-harness.ts and test/support/m365-harness.ts.
import { createInstance } from '../../emulator/instance/instance.ts'
import { hashPassword, type NewUser, type Runtime } from '../../emulator/instance/runtime.ts'
import type { InstanceServer } from '../../emulator/instance/server.ts'

export interface Credentials {
    user: string
    password: string
}

export const ADMIN: Credentials = { user: 'admin', password: 'Admin-Passw0rd!' }
export const INTEGRATION: Credentials = { user: 'm365.integration', password: 'Integration-Passw0rd!' }

export interface LocalInstance {
    runtime: Runtime
    server: InstanceServer
    url: string
    /** The instance's request log, one line per request. */
    lines: string[]
    close(): Promise<void>
    count(table: string, where?: string, params?: unknown[]): number
    rows(table: string, where?: string, params?: unknown[]): { [column: string]: string | null }[]
}

/** Starts the instance with the integration user, then `users`, and the admin's password set to ADMIN's. */
export async function startLocalInstance(users: NewUser[] = []): Promise<LocalInstance> {
    const instance = createInstance({ dbPath: ':memory:' })
    const runtime = instance.runtime
    runtime.createUser({ user_name: INTEGRATION.user, first_name: 'Microsoft 365', last_name: 'Integration', roles: ['x_mioms_m365ticket.integration'], password: INTEGRATION.password })
    for (const user of users) runtime.createUser(user)
    const admin = runtime.store.get<{ sys_id: string }>(`SELECT sys_id FROM ${runtime.store.sqlTable('sys_user')} WHERE user_name = 'admin'`)!
    runtime.store.update('sys_user', admin.sys_id, { user_password: hashPassword(ADMIN.password) }, 'system')
    const lines: string[] = []
    const server = await instance.listen({ port: 0, logger: (line) => lines.push(line) })
    const rows = (table: string, where = '1=1', params: unknown[] = []) =>
        runtime.store.all<{ [column: string]: string | null }>(`SELECT * FROM ${runtime.store.sqlTable(table)} WHERE ${where}`, params)
    return {
        runtime,
        server,
        url: server.url,
        lines,
        close: () => instance.close(),
        rows,
        count: (table, where, params) => rows(table, where, params).length,
    }
}

/** A cookie jar: name → value, for one host:port. */
export type CookieJar = Map<string, string>

/**
 * One request as a browser sends it, redirects not followed: the jar's cookies go out, a form is sent
 * url-encoded (POST unless `method` says otherwise), the answer's Set-Cookie headers update the jar.
 */
export async function fetchWithCookies(
    url: string,
    jar: CookieJar,
    init: { method?: string; form?: { [name: string]: string }; headers?: { [name: string]: string } } = {},
): Promise<Response> {
    const headers: { [name: string]: string } = { ...init.headers }
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
    let body: string | undefined
    if (init.form) {
        body = new URLSearchParams(init.form).toString()
        headers['content-type'] = 'application/x-www-form-urlencoded'
    }
    const response = await fetch(url, { method: init.method ?? (init.form ? 'POST' : 'GET'), headers, body, redirect: 'manual' })
    for (const cookie of response.headers.getSetCookie()) {
        const [pair, ...attributes] = cookie.split(';')
        const [name, value] = pair.split('=')
        const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a) || /max-age=0/i.test(a.trim()))
        if (expired || !value) jar.delete(name.trim())
        else jar.set(name.trim(), value)
    }
    return response
}

/** The hidden inputs of a page's forms, by name. */
export function hiddenFields(html: string): { [name: string]: string } {
    const out: { [name: string]: string } = {}
    for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) out[decode(match[1])] = decode(match[2])
    return out
}

/** The href of the link with an id. */
export function linkById(html: string, id: string): string | null {
    const match = new RegExp(`<a id="${id}" href="([^"]+)"`).exec(html)
    return match ? decode(match[1]) : null
}

/** The text of an element with an id, tags stripped. */
export function textById(html: string, id: string): string | null {
    const match = new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</`).exec(html)
    return match ? decode(match[1].replace(/<[^>]+>/g, '')).trim() : null
}

/** HTML entities as the pages escape them, back to text. */
export function decode(text: string): string {
    return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
}
