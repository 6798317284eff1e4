// The one browser-like client of the tests: a cookie jar per host:port, redirects never followed by fetch
// itself (so each hop can be checked), form posts url-encoded with an Origin header as browsers send them,
// and every Location made absolute against the URL that answered. Bound to a base URL (an instance), paths
// may be given relative to it and `follow` stays on it; unbound, it goes wherever the redirects lead
// (Microsoft 365 → instance → Microsoft 365).
import type { Credentials } from './instance-http.ts'
import { type CookieJar, fetchWithCookies } from './instance-http.ts'

export interface Page {
    status: number
    /** Where a redirect leads, absolute; null when the answer is not a redirect. */
    location: string | null
    html: string
    headers: Headers
    /** The URL that answered. */
    url: string
}

export interface RequestInit {
    method?: string
    form?: { [name: string]: string }
    headers?: { [name: string]: string }
    /** The Origin of a form post; the target's own by default. */
    origin?: string
}

export class Browser {
    private readonly jars = new Map<string, CookieJar>()

    constructor(private readonly base?: string) {}

    /** The cookies of the base URL's host. */
    get cookies(): CookieJar {
        if (!this.base) throw new Error('cookies needs a Browser bound to a base URL')
        return this.jar(new URL(this.base).host)
    }

    async request(pathOrUrl: string, init: RequestInit = {}): Promise<Page> {
        const url = this.resolve(pathOrUrl)
        const target = new URL(url)
        const headers = init.form ? { origin: init.origin ?? target.origin, ...init.headers } : init.headers
        const response = await fetchWithCookies(url, this.jar(target.host), { method: init.method, form: init.form, headers })
        const location = response.headers.get('location')
        return { status: response.status, location: location ? new URL(location, url).toString() : null, html: await response.text(), headers: response.headers, url }
    }

    get(pathOrUrl: string): Promise<Page> {
        return this.request(pathOrUrl)
    }

    /**
     * Follows redirects (303 and 302 become GET), at most 10 hops. Bound to a base URL, it stops at a
     * redirect leaving the base's origin and returns it.
     */
    async follow(pathOrUrl: string, init: { form?: { [name: string]: string } } = {}): Promise<Page> {
        let page = await this.request(pathOrUrl, init)
        for (let i = 0; i < 10 && page.status >= 300 && page.status < 400 && page.location; i++) {
            if (this.base && new URL(page.location).origin !== new URL(this.base).origin) return page
            page = await this.request(page.location)
        }
        return page
    }

    /** Signs in at the base URL's login page, then follows to `goto`. */
    login(credentials: Credentials, goto?: string): Promise<Page> {
        return this.follow('/login.do', { form: { user_name: credentials.user, user_password: credentials.password, ...(goto ? { sysparm_goto: goto } : {}) } })
    }

    private resolve(pathOrUrl: string): string {
        if (/^https?:/.test(pathOrUrl)) return pathOrUrl
        if (!this.base) throw new Error(`a path (${pathOrUrl}) needs a Browser bound to a base URL`)
        return this.base + pathOrUrl
    }

    private jar(host: string): CookieJar {
        const jar = this.jars.get(host) ?? new Map<string, string>()
        this.jars.set(host, jar)
        return jar
    }
}
