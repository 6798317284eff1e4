/**
 * The headers every bridge response carries: the one place they are decided.
 *
 *   securityHeaders({ formActionOrigins, inlineScripts, https }) → { header: value }
 *   contentSecurityPolicy(options) → the Content-Security-Policy value alone
 *   inlineScriptSource(text) → `'sha256-…'` for a <script> the pages emit inline
 *
 * Content-Security-Policy:
 *   default-src 'self'; script-src 'self' (+ the hashes of the pages' own inline scripts); style-src 'self'
 *   'unsafe-inline' (the layout's <style> block and style attributes, which hashes cannot cover); img-src 'self'
 *   data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self' + `formActionOrigins`.
 *
 * `form-action` also governs where a form's answer redirects: Chromium refuses a 303 after a form post to an origin
 * the page's form-action does not list (w3c/webappsec-csp#8, still open). The bridge's forms redirect on purpose
 * to Entra (sign-out) and to the tenant's ServiceNow instance (Connect, Re-authorize → /oauth_auth.do), so the
 * server lists those origins for the page that holds the form. A tenant not yet connected sees the Connect form, which
 * goes to whatever instance the admin types, unknown when the page is served: that page's form-action adds `https:`
 * and this machine's http (`anyInstance`), the addresses the bridge itself accepts for an instance
 * (ports/servicenow/link.ts normalizeInstanceUrl).
 *
 * Also X-Frame-Options DENY (older browsers' frame-ancestors), X-Content-Type-Options nosniff, Referrer-Policy
 * no-referrer (URLs with codes or ids never leave in a Referer), Cache-Control no-store (pages show a tenant's
 * data), Cross-Origin-Opener-Policy same-origin, and Strict-Transport-Security behind HTTPS.
 * server.ts sets these in its onRequest hook; nothing else sets security headers.
 */
import { createHash } from 'node:crypto'

export interface SecurityHeaderOptions {
    /** Origins a form may post to or be redirected to after posting (Entra's authority, ServiceNow instances). */
    formActionOrigins?: readonly string[]
    /** A form on the page goes to an instance not known yet (Connect): any https origin, or http on this machine. */
    anyInstance?: boolean
    /** The exact text of inline <script> elements the pages emit; each is allowed by its SHA-256. */
    inlineScripts?: readonly string[]
    /** The bridge is reached over HTTPS (its public URL): adds Strict-Transport-Security. */
    https?: boolean
}

/** One year, the value HSTS preload lists expect; no includeSubDomains (the bridge does not own its parent domain). */
const HSTS = 'max-age=31536000'

export function inlineScriptSource(text: string): string {
    return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`
}

/** An http(s) origin, normalised; anything else (a path, a `;`, a keyword) would change the policy, so it throws. */
function origin(text: string): string {
    const url = new URL(text)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`Not an http(s) origin for form-action: ${JSON.stringify(text)}`)
    return url.origin
}

export function contentSecurityPolicy(options: SecurityHeaderOptions = {}): string {
    const formAction = ["'self'", ...new Set((options.formActionOrigins ?? []).map(origin)), ...(options.anyInstance ? ['https:', 'http://127.0.0.1:*', 'http://localhost:*'] : [])]
    const scripts = ["'self'", ...new Set((options.inlineScripts ?? []).map(inlineScriptSource))]
    return [
        "default-src 'self'",
        `script-src ${scripts.join(' ')}`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        `form-action ${formAction.join(' ')}`,
    ].join('; ')
}

export function securityHeaders(options: SecurityHeaderOptions = {}): { [header: string]: string } {
    const headers: { [header: string]: string } = {
        'content-security-policy': contentSecurityPolicy(options),
        'x-frame-options': 'DENY',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
        'cross-origin-opener-policy': 'same-origin',
    }
    if (options.https) headers['strict-transport-security'] = HSTS
    return headers
}
