/**
 * UI pages (sys_ui_page) at their endpoint, with the built app's static assets, for signed-in users.
 *
 *   findUiPage(store, endpoint) → the sys_ui_page row for '/x_..._page.do' (endpoint, or name + '.do')
 *   uiPageRefusal(store, page, user) → null when the user may display the page (ui_page read ACLs,
 *       security/acl.ts canReadUiPage), else the page instances show instead: "Security constraints prevent access
 *       to requested page" (KB0685507: a user without access to a ui_page gets this text instead of the page)
 *   renderUiPage(page, globals) → HTML
 *       The SDK's React pages are HTML with a few Jelly constructs the platform evaluates; the local instance
 *       resolves those it can: $[...] session-token and cache-buster expressions, $[AMP], ${NS,JS:...}
 *       translations (to the message text), and drops <g:requires>, <g2:client_script>, <g:evaluate> and the
 *       j:jelly wrapper. The session's globals are set before the app's scripts run: window.g_ck (the
 *       session's X-UserToken) and window.NOW.user (userID, userName, firstName, lastName, roles).
 *   staticAsset(staticDir, scope, relativePath) → { contentType, body } | null
 *       /uxasset/externals/<scope>/<path> → <staticDir>/<path> (the SDK names the built modules .jsdbx);
 *       platform libraries the page references but the local instance does not have answer with an empty
 *       module (see PLATFORM_STUBS)
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, resolve, sep } from 'node:path'
import { escapeHtml } from './pages.ts'
import type { SessionUser } from '../glide/session.ts'
import { canReadUiPage } from '../security/acl.ts'
import { uiPageByEndpoint } from '../store/lookups.ts'
import type { Row, Store } from '../store/store.ts'
import { UI_MESSAGES } from '../messages.ts'

export interface PageGlobals {
    token: string
    user: { userID: string; userName: string; firstName: string; lastName: string; roles: string[] }
    cacheKey: string
}

export function findUiPage(store: Store, path: string): Row | undefined {
    if (!store.hasTable('sys_ui_page')) return undefined
    const endpoint = path.replace(/^\/+/, '')
    if (!/^[A-Za-z0-9_.-]+\.do$/.test(endpoint)) return undefined
    return (
        uiPageByEndpoint(store, endpoint)
    )
}

/** The fully scoped page name a ui_page ACL names ("ACL rule types": e.g. x_myapp_mypage): the endpoint without .do. */
function scopedPageName(page: Row): string {
    return (page.endpoint ?? '').replace(/\.do$/, '') || (page.name ?? '')
}

export function uiPageRefusal(store: Store, page: Row, user: SessionUser): string | null {
    if (canReadUiPage(store, scopedPageName(page), user)) return null
    const text = escapeHtml(UI_MESSAGES.securityConstraints.text)
    return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Security constraints</title></head><body><p role="alert" id="security_constraints">${text}</p></body></html>`
}

function jsString(value: string): string {
    return JSON.stringify(value).replace(/</g, '\\u003c')
}

export function renderUiPage(page: Row, globals: PageGlobals): string {
    let html = page.html ?? ''
    html = html.replace(/<\?xml[^>]*\?>/g, '')
    html = html.replace(/<\/?j:jelly[^>]*>/g, '')
    html = html.replace(/<g:evaluate[\s\S]*?<\/g:evaluate>/g, '').replace(/<g:evaluate[^>]*\/>/g, '')
    html = html.replace(/<g2?:(requires|client_script)[^>]*\/>/g, '')
    html = html.replace(/\$\[AMP\]/g, '&')
    html = html.replace(/\$\[[^\]]*getSessionToken[^\]]*\]/g, escapeHtml(globals.token))
    html = html.replace(/\$\[[^\]]*\]/g, globals.cacheKey)
    html = html.replace(/\$\{NS,JS:sn_i18n\.Message\.getMessage\("(?:[^"\\]|\\.)*",\s*"((?:[^"\\]|\\.)*)"\)\}/g, (_m, message: string) => message.replace(/\\(.)/g, '$1').replace(/'/g, "\\'"))
    const session = `<script>
window.NOW = window.NOW || {};
window.NOW.user = ${JSON.stringify(globals.user).replace(/</g, '\\u003c')};
window.g_ck = ${jsString(globals.token)};
</script>
`
    if (/<\/head>/i.test(html)) html = html.replace(/<\/head>/i, `${session}</head>`)
    else html = session + html
    if (!/^\s*<!DOCTYPE/i.test(html)) html = '<!DOCTYPE html>\n' + html.trimStart()
    return html
}

const CONTENT_TYPES: Record<string, string> = {
    '.jsdbx': 'application/javascript; charset=utf-8',
    '.js': 'application/javascript; charset=utf-8',
    '.mjs': 'application/javascript; charset=utf-8',
    '.map': 'application/json; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.gif': 'image/gif',
    '.ico': 'image/x-icon',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
}

/** Libraries of the platform that the SDK's page shell loads; locally they are empty. */
export const PLATFORM_STUBS: Array<[RegExp, string]> = [
    [/^\/uxasset\/externals\/@devsnc\//, 'application/javascript; charset=utf-8'],
    [/^\/uxasset\/set-cache-buster\//, 'application/javascript; charset=utf-8'],
    [/^\/\$uxappimmutables\.do$/, 'text/css; charset=utf-8'],
]

export function staticAsset(staticDir: string, relativePath: string): { contentType: string; body: Buffer } | null {
    const root = resolve(staticDir)
    let decoded: string
    try {
        decoded = decodeURIComponent(relativePath)
    } catch {
        return null
    }
    const candidates = [decoded]
    // The platform serves a built module by its asset name, without the .jsdbx the build wrote.
    if (!/\.[a-z0-9]+$/i.test(decoded)) candidates.push(decoded + '.jsdbx')
    if (/\.js$/.test(decoded)) candidates.push(decoded.replace(/\.js$/, '.jsdbx'))
    for (const candidate of candidates) {
        const file = resolve(join(root, candidate))
        if (file !== root && !file.startsWith(root + sep)) return null
        if (!existsSync(file) || !statSync(file).isFile()) continue
        return { contentType: CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', body: readFileSync(file) }
    }
    return null
}
