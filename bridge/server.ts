/**
 * The Secure Score bridge: assembles the store, the ports (Graph, one ServiceNow link per tenant), sign-in and the
 * pages into one Fastify app. Nothing else happens here; see bridge/README.md for the rooms.
 *
 *   createBridgeServer(options) → Promise<BridgeServer>
 *
 * Options (`graph` and `secretKey` required, the rest optional):
 *   secretKey   the key the store's secrets are sealed with (bridge/security/secret-box.ts; never stored)
 *   graph       where and how to read Secure Score: { authorityHost ('https://login.microsoftonline.com'), graphBaseUrl
 *               ('https://graph.microsoft.com/v1.0'), credential ({ clientId, clientSecret } or a certificate), ca (an extra
 *               trusted CA, the local stand-in's), tenants (read besides the joined ones, e.g. a benchmark's),
 *               refreshIntervalMs (default 30 minutes; 0: only on demand) }
 *   signInAuthority  'organizations' (any tenant's people may sign in; a tenant joins by admin consent) or a tenant
 *               id (that tenant's people only); default `tenantId`
 *   joinTenants the tenant ids a Global Administrator may join with organizations sign-in (default: any)
 *   port        TCP port on `host` (default 8090; 0 picks a free one)
 *   host        default '127.0.0.1'
 *   dataFile    its own SQLite file (default bridge/.data/bridge.sqlite; ':memory:' for tests)
 *   publicUrl   the URL browsers use to reach the bridge (default http://127.0.0.1:<port>); the ServiceNow OAuth
 *               redirect URL is `${publicUrl}/oauth/callback`, the sign-in's `${publicUrl}/auth/callback`
 *   tenantId    the first joined tenant (default 72f988bf-86f1-41af-91ab-2d7cd011db47); a store written before
 *               tenants is this tenant's
 *   tenantName  default 'Contoso'
 *   sessions    SessionOptions (idle and absolute lifetime)
 *   retry       RetryOptions for every instance call (ports/servicenow/http-client.ts)
 *   syncPageSize  tickets per GET /tickets page in delta sync (default 100)
 *   logger      a function given every log line, each one JSON object (bridge/ops/log.ts): one per request
 *               (requestId, method, path without query, status, ms, tenant), one per background job run (sync,
 *               write-back drain) and events; false for silence; default stdout. Every line passes through the
 *               secret registry (a secret the store opened is masked) and the log's redaction.
 *
 * Every request but sign-in's own needs a session (a page without one → /signin), the session's tenant must have
 * joined, and its person a role: read for a GET, act and the session's CSRF token for a POST (bridge/security).
 * The tenant of every route is the session's (`deps.tenant(request)`), never one named in the request.
 */
import formbody from '@fastify/formbody'
import { parse as parseForm } from 'node:querystring'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { createHash, randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { createSecureScoreRefresher, DEFAULT_REFRESH_INTERVAL_MS, type SecureScoreRefresher } from './domain/refresh.ts'
import { createWriteBack, writeBackObserver, type DrainResult, type WriteBack } from './domain/write-back.ts'
import { defaultReadyWindowMs, HEALTH_PATHS, registerHealthRoutes, storeReadiness } from './ops/health.ts'
import { createJsonLog, requestIdFrom, type JsonLog } from './ops/log.ts'
import { securityHeaders } from './ops/security-headers.ts'
import { createShutdown, type Shutdown } from './ops/shutdown.ts'
import { registerActionRoutes } from './pages/actions/routes.ts'
import { str, type Body, type PageDeps, type TenantContext } from './pages/context.ts'
import { registerHomeRoutes } from './pages/home/routes.ts'
import { CSRF_FIELD, esc, layout, LOCAL_TIMES, messagePage, readOnlyBody, type PageContext } from './pages/layout.ts'
import { registerManageRoutes } from './pages/manage/routes.ts'
import { registerShareRoutes } from './pages/share/routes.ts'
import { FOCUS_ERROR_SUMMARY } from './pages/share/views.ts'
import { registerTicketRoutes } from './pages/tickets/routes.ts'
import { createGraphPorts, type GraphPortOptions } from './ports/graph/graph-ports.ts'
import type { SecureScoreClient } from './ports/graph/secure-score-client.ts'
import type { TokenSource } from './ports/graph/token-source.ts'
import type { RetryOptions } from './ports/servicenow/http-client.ts'
import { plainError, ServiceNowLink } from './ports/servicenow/link.ts'
import { actRefusalText, ENTRA_ROLES, permits, refusalText } from './security/roles.ts'
import { createSecretBox, type SecretKey } from './security/secret-box.ts'
import { SecretRegistry } from './security/secret-registry.ts'
import { createSessions, clearedSessionCookie, clearedSignInCookie, csrfKeyFrom, newBrowserBinding, readSignInCookie, serializeSignInCookie, readSessionCookie, safeReturnPath, serializeSessionCookie, type Session, type SessionOptions } from './security/sessions.ts'
import { createSignInFlow, SignInError, type SignInFlow } from './security/sign-in-flow.ts'
import { createDelegatedTokens, createWriteBackDelegation, DelegationError, type WriteBackDelegation } from './security/write-back-delegation.ts'
import { openStore, type BridgeStore, type TenantStore } from './store/store.ts'

export const DEFAULT_TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47'
export const DEFAULT_TENANT_NAME = 'Contoso'
export const DEFAULT_PORT = 8090
export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_DATA_FILE = resolve(__dirname, '.data', 'bridge.sqlite')

export interface GraphOptions extends GraphPortOptions {
    tenants?: string[]
    refreshIntervalMs?: number
}

export interface BridgeServerOptions {
    graph: GraphOptions
    secretKey: SecretKey
    signInAuthority?: string
    /** The tenants a Global Administrator may join (organizations sign-in); unset: any. */
    joinTenants?: string[]
    port?: number
    host?: string
    dataFile?: string
    publicUrl?: string
    tenantId?: string
    tenantName?: string
    sessions?: SessionOptions
    retry?: RetryOptions
    syncPageSize?: number
    /** How often the write-back outbox is drained (default 15 s); a sync that queues rows drains at once too. */
    writeBackIntervalMs?: number
    logger?: ((line: string) => void) | false
}

/** What the bridge runs for one joined tenant. */
export interface TenantRuntime {
    store: TenantStore
    link: ServiceNowLink
    writeBack: WriteBack
}

export interface BridgeServer {
    url: string
    port: number
    /** The ServiceNow OAuth redirect URL (register it on the instance's OAuth client). */
    redirectUri: string
    /** The sign-in redirect URL and the sign-out return URL (register both on the Entra app registration). */
    signInRedirectUri: string
    signOutRedirectUri: string
    /** Admin consent's return (register it on the app registration too). */
    joinRedirectUri: string
    /** Every route as 'METHOD /path/:param'. */
    routes: string[]
    app: FastifyInstance
    store: BridgeStore
    /** The bridge's JSON log (bridge/ops/log.ts): what runs around the server (start.ts) logs through it too. */
    log: JsonLog
    /** The runtime of a tenant (made on first use). */
    tenant(tenantId: string): TenantRuntime
    /** The first joined tenant's (`tenantId`) link and write-back. */
    link: ServiceNowLink
    writeBack: WriteBack
    tokens: TokenSource
    graph: SecureScoreClient
    refresher: SecureScoreRefresher
    /** The graceful stop (bridge/ops/shutdown.ts): start.ts runs it on SIGINT/SIGTERM; /readyz says 503 meanwhile. */
    shutdown: Shutdown
    close(): Promise<void>
}

const NOTICES: { [code: string]: PageContext['notice'] } = {
    removed: { kind: 'success', text: 'The ServiceNow connection was removed and its tokens forgotten.' },
    'removed-locally': {
        kind: 'info',
        text: 'The tokens were forgotten here, but the instance could not be told; remove the connection on ServiceNow too.',
    },
    'names-saved': { kind: 'success', text: 'State names saved.' },
    synced: { kind: 'success', text: 'Tickets refreshed.' },
    refreshed: { kind: 'success', text: 'Secure Score refreshed from Microsoft Graph.' },
    'refresh-partial': { kind: 'error', text: 'Microsoft Graph answered with partial data; the last complete list is kept.' },
    'refresh-failed': { kind: 'error', text: 'Secure Score could not be refreshed; see the error below.' },
}

/** Reached with a session of a tenant that has not joined yet: its Global Administrator joins it here. */
const JOIN_PATHS = new Set(['/tenants/join', '/tenants/joined'])
const MAX_PENDING_JOINS = 10_000
const JOIN_TTL_MS = 10 * 60_000

/** The name a joining tenant is shown by: its initial domain's first label (fabrikam.onmicrosoft.com → Fabrikam). */
function tenantNameFrom(upn: string): string {
    const label = (upn.split('@')[1] ?? '').split('.')[0]
    return label ? label[0].toUpperCase() + label.slice(1) : upn
}

/** Reached without a session: signing in, the way back from Entra, and the health check. */
const PUBLIC_PATHS = new Set<string>(['/signin', '/signin/start', '/auth/callback', '/signed-out', ...HEALTH_PATHS])

export async function createBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
    const host = options.host ?? DEFAULT_HOST
    // Every secret the store opens is registered here, so what is written out can mask it.
    const secrets = new SecretRegistry()
    if (options.graph.credential.clientSecret) secrets.register(options.graph.credential.clientSecret)
    const jsonLog = createJsonLog({ secrets, write: options.logger === false ? () => {} : options.logger })
    const log = jsonLog.line
    const home = { tenantId: options.tenantId ?? DEFAULT_TENANT_ID, tenantName: options.tenantName ?? DEFAULT_TENANT_NAME }
    const store = openStore(options.dataFile ?? DEFAULT_DATA_FILE, { box: createSecretBox(options.secretKey, secrets), legacyTenant: home })
    store.tenants.addConfigured({ tenantId: home.tenantId, name: home.tenantName })
    // The write-back delegates' tokens: msal's cache of each, sealed in the tenant's outbox (write-back-delegation.ts).
    const delegatedTokens = createDelegatedTokens({
        authorityHost: options.graph.authorityHost,
        credential: options.graph.credential,
        ca: options.graph.ca,
        storeOf: (tenantId) => store.forTenant(tenantId).outbox,
        secrets,
    })
    const { tokens, graph, writeBackGraph, delegatedWriteBackGraph } = createGraphPorts(options.graph, { delegatedTokens })
    const refresher = createSecureScoreRefresher({
        store,
        graph,
        tokens,
        tenants: () => [...new Set([...(options.graph.tenants ?? []), ...store.tenants.list().map((t) => t.tenantId)])],
        intervalMs: options.graph.refreshIntervalMs || DEFAULT_REFRESH_INTERVAL_MS,
        log,
        onRun: (result, ms) =>
            jsonLog.job({ job: 'refresh', tenant: result.tenantId, outcome: result.outcome === 'full' ? 'ok' : result.outcome, ms, profiles: result.profiles, error: result.error }),
    })
    // Kept in the store, with a CSRF key derived from the secret key: a restart signs nobody out, and forms of pages
    // opened before it still post.
    const sessions = createSessions({ backing: store.sessions, csrfKey: csrfKeyFrom(options.secretKey.bytes), ...options.sessions })
    // A reverse proxy's well-formed X-Request-Id is kept, so its log and the bridge's share the id.
    // A URL the router cannot take (broken percent-encoding, a path part over 100 characters) is answered before any
    // hook runs: frameworkErrors makes it a page of the bridge with its headers too, not the framework's JSON.
    let frameworkError = (_error: Error, _request: FastifyRequest, reply: FastifyReply): unknown => reply.code(400).send()
    const app = Fastify({
        logger: false,
        genReqId: (request) => requestIdFrom(request.headers['x-request-id']),
        frameworkErrors: (error, request, reply) => frameworkError(error, request, reply),
    })
    // Only the bridge's own forms are read: a JSON or plain-text body is 415, and broken percent-encoding (which the
    // default parser would keep as literal text) is 400, both answered by the error handler's page.
    app.removeContentTypeParser(['application/json', 'text/plain'])
    await app.register(formbody, {
        parser: (body: string) => {
            if (/%(?![0-9a-fA-F]{2})/.test(body)) throw Object.assign(new Error('A form value has broken percent-encoding.'), { statusCode: 400 })
            return parseForm(body)
        },
    })
    // Every route, for the test that walks them all as another tenant.
    const routes: string[] = []
    app.addHook('onRoute', (route) => {
        for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push(`${method} ${route.url}`)
    })

    // Made once listening: the redirect URLs depend on the port the OS chose.
    let publicUrl = ''
    let signIn: SignInFlow | null = null
    let delegation: WriteBackDelegation | null = null
    let writeBackIntervalMs: number | null = null
    const runtimes = new Map<string, TenantRuntime>()
    const logDrain = (tenantId: string, outcome: { result: DrainResult } | { error: unknown }, ms: number) => {
        if ('error' in outcome) return jsonLog.job({ job: 'write-back drain', tenant: tenantId, outcome: 'failed', ms, error: outcome.error })
        const { result } = outcome
        // Rows waiting for a person to act: a warning (partial) that an operator's alerting sees.
        const renewal = result.delegationNeedsRenewal
        // A drain that found nothing to send is not a line: 1,000 tenants would write 4,000 a minute of them.
        if (!renewal && result.done + result.skipped + result.failed + result.requeued + result.waiting === 0) return
        const warning = renewal ? { warning: `the write-back delegation needs renewing by a Security Administrator (Manage page, Write back as me): ${renewal}` } : {}
        jsonLog.job({ job: 'write-back drain', tenant: tenantId, outcome: result.failed > 0 || renewal ? 'partial' : 'ok', ms, ...result, ...warning })
    }
    const runtime = (tenantId: string): TenantRuntime => {
        let found = runtimes.get(tenantId)
        if (!found) {
            const tenantStore = store.forTenant(tenantId)
            tenantStore.observeOutcomes(writeBackObserver({ store: tenantStore }))
            const writeBack = createWriteBack({ store: tenantStore, graph: writeBackGraph, delegatedGraph: delegatedWriteBackGraph, log, onDrain: (outcome, ms) => logDrain(tenantId, outcome, ms) })
            // Each tenant's first drain at its own point of the interval (from its id): with many tenants, the timers spread.
            if (writeBackIntervalMs !== null) writeBack.start(writeBackIntervalMs, createHash('sha256').update(tenantId).digest().readUInt32BE(0) % writeBackIntervalMs)
            const link = new ServiceNowLink({ store: tenantStore, redirectUri: publicUrl + '/oauth/callback', retry: options.retry, syncPageSize: options.syncPageSize, log })
            found = { store: tenantStore, link, writeBack }
            runtimes.set(tenantId, found)
        }
        return found
    }

    const secureCookie = () => publicUrl.startsWith('https:')
    const contexts = new WeakMap<FastifyRequest, TenantContext>()
    const sessionIds = new WeakMap<FastifyRequest, string>()
    const sessionOf = (request: FastifyRequest): { id: string; session: Session } | null => {
        const id = readSessionCookie(request.headers.cookie, secureCookie())
        const session = id ? sessions.get(id) : null
        return id && session ? { id, session } : null
    }

    const render = (
        reply: FastifyReply,
        title: string,
        current: PageContext['current'],
        body: string,
        pageOptions: { status?: number; notice?: PageContext['notice']; refused?: { tenantName: string; upn: string } } = {},
    ) => {
        const context = contexts.get(reply.request)
        const sessionId = sessionIds.get(reply.request)
        const ctx: PageContext = {
            tenantName: context?.tenantName ?? pageOptions.refused?.tenantName ?? 'Secure Score bridge',
            adminUser: context?.user.upn ?? pageOptions.refused?.upn,
            bare: !context,
            csrfToken: sessionId ? sessions.csrfToken(sessionId) : undefined,
            current,
            notice: pageOptions.notice ?? null,
        }
        return reply
            .code(pageOptions.status ?? 200)
            .type('text/html; charset=utf-8')
            .send(layout(title, ctx, context && !context.user.canAct ? readOnlyBody(body) : body))
    }

    const deps: PageDeps = {
        tenant(request) {
            const context = contexts.get(request)
            // The server's preHandler makes one for every request that reaches a page route.
            if (!context) throw new Error('No signed-in tenant for ' + request.url)
            return context
        },
        refresher,
        log,
        page: render,
        noticeFrom: (request: FastifyRequest) => NOTICES[str((request.query as Body).notice)] ?? null,
        writeBackAsMe(request) {
            const { id, session } = sessionOf(request) as { id: string; session: Session }
            if (!delegation) throw new Error('The bridge is not listening yet')
            return delegation.begin({ tenantId: session.tenantId, oid: session.oid, upn: session.upn, sessionId: id })
        },
        drainSoon(tenantId) {
            const started = Date.now()
            runtime(tenantId).writeBack.drain().then(
                (result) => logDrain(tenantId, { result }, Date.now() - started),
                (error: unknown) => logDrain(tenantId, { error }, Date.now() - started),
            )
        },
        async syncQuietly(request) {
            const { store: tenantStore, link, tenantId } = deps.tenant(request)
            const connection = tenantStore.getConnection()
            if (!connection || connection.status === 'needs_reauthorization') return null
            const started = Date.now()
            try {
                await link.sync()
                jsonLog.job({ job: 'sync', tenant: tenantId, outcome: 'ok', ms: Date.now() - started, requestId: request.id })
                // An outcome the sync saw is written back now rather than at the next tick.
                deps.drainSoon(tenantId)
                return null
            } catch (error) {
                // The sync logged what failed; the page gets it in plain words.
                jsonLog.job({ job: 'sync', tenant: tenantId, outcome: 'failed', ms: Date.now() - started, requestId: request.id, error: plainError(error) })
                return plainError(error)
            }
        },
    }

    const publicHost = options.publicUrl ? new URL(options.publicUrl).host : null
    const startedAt = new WeakMap<FastifyRequest, number>()
    const endRequestLog = new WeakMap<FastifyRequest, () => void>()
    app.addHook('onRequest', async (request, reply) => {
        startedAt.set(request, Date.now())
        // The events logged while this request is handled carry its id.
        endRequestLog.set(request, jsonLog.enterRequest(request.id))
        reply.header('x-request-id', request.id)
        // Forms post only from the bridge's own pages.
        if (request.method === 'POST') {
            const origin = request.headers.origin
            if (origin && origin !== 'null') {
                let originHost = ''
                try {
                    originHost = new URL(origin).host
                } catch {
                    // unreadable origin: refused below
                }
                // Behind a reverse proxy the Host header is the upstream's: the public URL names the bridge's origin.
                if (originHost !== (publicHost ?? request.headers.host)) {
                    return render(reply, 'Refused', undefined, messagePage('The form could not be accepted', 'It was sent from another site, not from a page of this bridge. Nothing was changed.'), { status: 403 })
                }
            }
        }
    })

    // Who may do what, decided once per request before any route: the session, the joined tenant, the role, CSRF.
    app.addHook('preHandler', async (request, reply) => {
        const path = request.url.split('?')[0]
        if (PUBLIC_PATHS.has(path) || (request.method === 'POST' && path === '/signout')) return
        const found = sessionOf(request)
        if (!found) {
            if (request.method === 'GET' || request.method === 'HEAD') return reply.redirect('/signin?returnTo=' + encodeURIComponent(request.url), 303)
            return render(reply, 'Signed out', undefined, messagePage('You are signed out', 'Your session has ended, so nothing was changed. Sign in again, then repeat what you did.', { href: '/signin', text: 'Sign in' }), { status: 401 })
        }
        const { id, session } = found
        sessionIds.set(request, id)
        if (request.method === 'POST' && !sessions.checkCsrf(id, str((request.body as Body | undefined)?.[CSRF_FIELD]))) {
            return render(reply, 'Form expired', undefined, messagePage('The form could not be accepted', 'It did not come from this page of the bridge, or it is older than your session. Go back, reload the page and try again. Nothing was changed.'), { status: 403 })
        }
        // A field sent twice would be read as its first value only: refused, so nothing half-read is stored.
        const repeated = request.method === 'POST' ? Object.entries((request.body as { [name: string]: unknown } | undefined) ?? {}).find(([, value]) => Array.isArray(value)) : undefined
        if (repeated) return render(reply, 'Form refused', undefined, messagePage('The form could not be read', `The field ${repeated[0]} came more than once. Nothing was changed.`), { status: 400 })
        if (JOIN_PATHS.has(path)) return
        const tenant = store.tenants.get(session.tenantId)
        if (!tenant) {
            const name = tenantNameFrom(session.upn)
            const join = !mayJoin(session.tenantId)
                ? `<p>This bridge serves the organizations its operator listed, and ${esc(name)} is not one of them. Ask the operator to add your tenant id to BRIDGE_JOIN_TENANTS.</p>`
                : session.roles.roleTemplateIds.includes(ENTRA_ROLES.globalAdministrator)
                ? `<form method="post" action="/tenants/join"><button class="primary" type="submit" id="join-tenant">Join ${esc(name)} to this bridge</button></form><p class="muted">Microsoft asks you to consent, for ${esc(name)}, to the app's Secure Score permissions.</p>`
                : `<p>A Global Administrator of ${esc(name)} can join it: they sign in here and consent for the organization.</p>`
            return render(reply, 'Not joined', undefined, `<h1>${esc(name)} has not joined this bridge</h1><div class="notice info" id="not-joined">Your tenant (${esc(session.tenantId)}) does not use this Secure Score bridge yet.</div>${join}`, {
                status: 403,
                refused: { tenantName: name, upn: session.upn },
            })
        }
        const context: TenantContext = {
            tenantId: tenant.tenantId,
            tenantName: tenant.name,
            ...runtime(tenant.tenantId),
            user: { upn: session.upn, name: session.name, canAct: permits(session.roles, 'act'), globalAdministrator: session.roles.roleTemplateIds.includes(ENTRA_ROLES.globalAdministrator) },
        }
        if (!permits(session.roles, 'read')) {
            return render(reply, 'No access', undefined, `<h1>No access</h1><div class="notice error" role="alert" id="refusal">${esc(refusalText(tenant.name))}</div>`, { status: 403, refused: { tenantName: tenant.name, upn: session.upn } })
        }
        contexts.set(request, context)
        // The share form is a change too: a Reader is told so rather than shown a form that would be refused.
        if ((request.method === 'POST' || /^\/actions\/[^/]+\/share$/.test(path)) && !permits(session.roles, 'act')) return render(reply, 'Not allowed', undefined, messagePage('Not allowed', actRefusalText(tenant.name)), { status: 403 })
    })

    const setSecurityHeaders = (request: FastifyRequest, reply: FastifyReply) => {
        // form-action also governs where a form's answer redirects: Entra (sign-out) and the tenant's instance.
        const context = contexts.get(request)
        const instance = context?.store.getConnection()?.instanceUrl
        const headers = securityHeaders({
            formActionOrigins: [options.graph.authorityHost, ...(instance ? [instance] : [])],
            anyInstance: !!context && !instance,
            inlineScripts: [LOCAL_TIMES, FOCUS_ERROR_SUMMARY],
            https: secureCookie(),
        })
        for (const [name, value] of Object.entries(headers)) reply.header(name, value)
    }
    frameworkError = (error, request, reply) => {
        const tooLong = (error as { code?: string }).code === 'FST_ERR_MAX_PARAM_LENGTH'
        jsonLog.event('request refused', { requestId: request.id, method: request.method, error: error.message }, 'warn')
        setSecurityHeaders(request, reply)
        return render(reply, 'Error', undefined, messagePage('The address could not be read', `${tooLong ? 'A part of this address is too long' : 'This address has broken percent-encoding'}: there is no such page in the Secure Score bridge.`), {
            status: tooLong ? 414 : 400,
        })
    }
    app.addHook('onSend', async (request, reply, payload) => {
        setSecurityHeaders(request, reply)
        return payload
    })
    app.addHook('onResponse', async (request, reply) => {
        const started = startedAt.get(request) ?? Date.now()
        jsonLog.request({ requestId: request.id, method: request.method, url: request.url, status: reply.statusCode, ms: Date.now() - started, tenant: contexts.get(request)?.tenantId ?? null })
        endRequestLog.get(request)?.()
    })

    // Every error page is a page of the bridge with the way back, never the framework's JSON; the cause goes to the log.
    app.setNotFoundHandler((_request, reply) => render(reply, 'Not found', undefined, messagePage('Page not found', 'There is no such page in the Secure Score bridge.'), { status: 404 }))
    app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
        const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500
        jsonLog.event('request failed', { requestId: request.id, method: request.method, path: request.url.split('?')[0], error: status === 500 ? error : error.message }, status === 500 ? 'error' : 'warn')
        const text =
            status === 500
                ? 'Something went wrong. The bridge log has the details.'
                : status === 413
                  ? 'The form is too large (over 1 MiB). Nothing was changed.'
                  : status === 415
                    ? "Only the bridge's own forms are accepted. Nothing was changed."
                    : 'The request could not be read. Go back and try again; nothing was changed.'
        return render(reply, 'Error', undefined, messagePage(status === 500 ? 'Something went wrong' : 'The request could not be read', text), { status })
    })

    // --- signing in and out --------------------------------------------------------------------------
    const flow = (): SignInFlow => {
        if (!signIn) throw new Error('The bridge is not listening yet')
        return signIn
    }
    // The sign-in page, then Entra: a page first, so a lapsed session never bounces a browser to Entra unasked.
    app.get('/signin', async (request, reply) => {
        const returnTo = safeReturnPath(str((request.query as Body).returnTo) || '/')
        if (sessionOf(request)) return reply.redirect(returnTo, 303)
        const start = '/signin/start?returnTo=' + encodeURIComponent(returnTo)
        return render(
            reply,
            'Sign in',
            undefined,
            `<h1>Sign in</h1><p>Sign in with your Microsoft work account. Security Readers see the Secure Score actions and tickets; Security Administrators and Global Administrators share and manage them.</p>
<p><a class="button primary" id="sign-in" href="${esc(start)}">Sign in with Microsoft</a></p>`,
        )
    })
    app.get('/signin/start', async (request, reply) => {
        // The sign-in is bound to this browser by a cookie; tabs signing in at once share the one binding.
        const binding = readSignInCookie(request.headers.cookie, secureCookie()) ?? newBrowserBinding()
        reply.header('set-cookie', serializeSignInCookie(binding, secureCookie()))
        return reply.redirect(await flow().begin(str((request.query as Body).returnTo) || '/', binding), 303)
    })
    app.get('/auth/callback', async (request, reply) => {
        const q = request.query as Body
        // One redirect URI for both: the answer to "Write back as me" is told from a sign-in's by its state.
        if (delegation?.owns(str(q.state))) return delegated(request, reply, q)
        try {
            const signedIn = await flow().finish(
                { state: str(q.state), code: str(q.code), error: str(q.error), errorDescription: str(q.error_description) },
                readSignInCookie(request.headers.cookie, secureCookie()),
            )
            const { identity, roles } = signedIn
            const { id } = sessions.create({ tenantId: identity.tid, oid: identity.oid, upn: identity.upn, name: identity.name, roles })
            log(`signed in: ${identity.upn} of ${identity.tid} (roles from ${roles.source}: ${roles.read ? (roles.act ? 'act' : 'read') : 'none'})`)
            reply.header('set-cookie', [serializeSessionCookie(id, { secure: secureCookie(), maxAgeSeconds: sessions.absoluteMs / 1000 }), clearedSignInCookie(secureCookie())])
            return reply.redirect(signedIn.returnPath, 303)
        } catch (error) {
            if (!(error instanceof SignInError)) throw error
            log(`sign-in refused (${error.reason}): ${error.detail}`)
            return render(reply, 'Sign-in failed', undefined, messagePage('You are not signed in', error.message, { href: '/signin', text: 'Sign in again' }), { status: 400 })
        }
    })
    /** The answer to "Write back as me": the person's token cache kept (sealed) only if it is the person who chose it. */
    async function delegated(request: FastifyRequest, reply: FastifyReply, q: Body) {
        const refused = (status: number, text: string) =>
            render(reply, 'Not written as you', undefined, messagePage('The write-back does not run as you', text + ' Nothing was stored.', { href: '/manage', text: 'Back to Manage' }), { status })
        const found = sessionOf(request)
        const tenant = found ? store.tenants.get(found.session.tenantId) : null
        if (!found || !tenant) return refused(401, 'Your session has ended. Sign in again, then choose Write back as me on the Manage page.')
        const { id, session } = found
        if (!permits(session.roles, 'act')) return refused(403, actRefusalText(tenant.name))
        try {
            const person = await (delegation as WriteBackDelegation).finish(
                { state: str(q.state), code: str(q.code), error: str(q.error), errorDescription: str(q.error_description) },
                { sessionId: id, tenantId: session.tenantId, oid: session.oid },
            )
            const requeued = runtime(tenant.tenantId).store.outbox.setDelegate({ ...person, at: new Date().toISOString() })
            log(`write-back of ${tenant.tenantId} now runs as ${person.upn} (chosen by them); ${requeued} row(s) Graph refused app-only queued again`)
            deps.drainSoon(tenant.tenantId)
            return reply.redirect('/manage?notice=write-back-as-me', 303)
        } catch (error) {
            if (!(error instanceof DelegationError)) throw error
            jsonLog.event(`write-back as ${session.upn} refused (${error.reason}): ${error.detail}`, { tenant: tenant.tenantId }, 'warn')
            return refused(error.reason === 'other-account' ? 403 : 400, error.message)
        }
    }

    app.post('/signout', async (request, reply) => {
        const found = sessionOf(request)
        // A sign-out needs the page's CSRF token too: another site must not sign people out.
        if (found && sessions.checkCsrf(found.id, str((request.body as Body | undefined)?.[CSRF_FIELD]))) sessions.destroy(found.id)
        else if (found) return render(reply, 'Form expired', undefined, messagePage('You are still signed in', 'The sign-out did not come from a page of the bridge. Use Sign out on the page.'), { status: 403 })
        reply.header('set-cookie', clearedSessionCookie(secureCookie()))
        // Microsoft's sign-out too, so the next person at this browser is not signed in to Entra as this one.
        return reply.redirect(flow().signOutUrl(publicUrl + '/signed-out'), 303)
    })
    app.get('/signed-out', async (_request, reply) =>
        render(reply, 'Signed out', undefined, messagePage('You are signed out', 'You are signed out of the Secure Score bridge and of Microsoft.', { href: '/signin', text: 'Sign in' })),
    )

    // --- tenants joining (admin consent) and leaving -------------------------------------------------------
    const pendingJoins = new Map<string, { tenantId: string; oid: string; createdAt: number }>()
    /** A provider's bridge serves the tenants it lists (BRIDGE_JOIN_TENANTS); without a list, any tenant may join. */
    function mayJoin(tenantId: string): boolean {
        return !options.joinTenants || options.joinTenants.includes(tenantId.toLowerCase())
    }
    const joinRedirectUri = () => publicUrl + '/tenants/joined'
    const joinRefused = (reply: FastifyReply, text: string) =>
        render(reply, 'Not joined', undefined, messagePage('The tenant did not join', text + ' Nothing was stored.', { href: '/', text: 'Back' }), { status: 400 })
    app.post('/tenants/join', async (request, reply) => {
        const { session } = sessionOf(request) as { session: Session }
        if (store.tenants.get(session.tenantId)) return reply.redirect('/', 303)
        if (!mayJoin(session.tenantId)) {
            return render(reply, 'Not allowed', undefined, messagePage('Not allowed', `This bridge serves the organizations its operator listed; your tenant (${session.tenantId}) is not one of them.`), { status: 403 })
        }
        if (!session.roles.roleTemplateIds.includes(ENTRA_ROLES.globalAdministrator)) {
            return render(reply, 'Not allowed', undefined, messagePage('Not allowed', 'Only a Global Administrator of your organization can join it to this bridge.'), { status: 403 })
        }
        const state = randomBytes(32).toString('base64url')
        for (const [old, join] of pendingJoins) if (Date.now() - join.createdAt >= JOIN_TTL_MS) pendingJoins.delete(old)
        pendingJoins.set(state, { tenantId: session.tenantId, oid: session.oid, createdAt: Date.now() })
        // Bounded as pending sign-ins are: the oldest go first.
        while (pendingJoins.size > MAX_PENDING_JOINS) pendingJoins.delete(pendingJoins.keys().next().value as string)
        const consent = new URL(`${new URL(options.graph.authorityHost).origin}/${session.tenantId}/v2.0/adminconsent`)
        consent.search = new URLSearchParams({ client_id: options.graph.credential.clientId, redirect_uri: joinRedirectUri(), scope: 'https://graph.microsoft.com/.default', state }).toString()
        return reply.redirect(consent.toString(), 303)
    })
    app.get('/tenants/joined', async (request, reply) => {
        const { session } = sessionOf(request) as { session: Session }
        const q = request.query as Body
        const state = str(q.state)
        const pending = pendingJoins.get(state)
        pendingJoins.delete(state)
        if (!pending || Date.now() - pending.createdAt >= JOIN_TTL_MS) return joinRefused(reply, 'This consent answer was already used, has expired, or was not started here.')
        if (pending.oid !== session.oid || pending.tenantId !== session.tenantId) return joinRefused(reply, 'This consent was started by someone else.')
        if (str(q.error)) {
            log(`join of ${session.tenantId} refused: ${str(q.error)}: ${str(q.error_description)}`)
            return joinRefused(reply, `Consent was not given (${str(q.error)}).`)
        }
        if (!mayJoin(session.tenantId)) return joinRefused(reply, `This bridge serves the organizations its operator listed; your tenant (${session.tenantId}) is not one of them.`)
        if (str(q.admin_consent) !== 'True' || str(q.tenant).toLowerCase() !== session.tenantId.toLowerCase()) {
            return joinRefused(reply, `Consent came back for ${str(q.tenant) || 'no tenant'}, not for your tenant ${session.tenantId}.`)
        }
        store.tenants.add({ tenantId: session.tenantId, name: tenantNameFrom(session.upn), joinedBy: session.upn })
        runtime(session.tenantId)
        log(`tenant ${session.tenantId} joined by ${session.upn}`)
        void refresher.refresh(session.tenantId)
        return reply.redirect('/', 303)
    })
    app.post('/tenants/remove', async (request, reply) => {
        const context = deps.tenant(request)
        // Leaving is joining undone: a Global Administrator's decision, as the admin consent was.
        if (!context.user.globalAdministrator) {
            return render(reply, 'Not allowed', undefined, messagePage('Not allowed', `Only a Global Administrator of ${context.tenantName} can remove it from this bridge. Nothing was changed.`), { status: 403 })
        }
        if (str((request.body as Body).confirm) !== 'yes') return reply.redirect('/manage', 303)
        const removed = runtimes.get(context.tenantId)
        const instanceUrl = context.store.getConnection()?.instanceUrl ?? null
        const removal = instanceUrl ? await context.link.removeConnection() : null
        if (removal?.remoteError) log(`tenant ${context.tenantId} removed; DELETE /connection failed: ${removal.remoteError}`)
        await removed?.writeBack.stop()
        runtimes.delete(context.tenantId)
        store.tenants.remove(context.tenantId)
        const signedOut = sessions.destroyWhere((s) => s.tenantId === context.tenantId)
        log(`tenant ${context.tenantId} removed by ${context.user.upn}; ${signedOut} session(s) ended`)
        contexts.delete(request)
        reply.header('set-cookie', clearedSessionCookie(secureCookie()))
        const here = `Everything kept for ${context.tenantName} here was deleted, and its people were signed out.`
        const there = !removal
            ? ''
            : removal.remoteError
              ? ` ${instanceUrl} could not be told (${removal.remoteError}), so its connection for tenant ${context.tenantId} and its OAuth tokens are still there: remove the connection under Microsoft 365 Ticketing Connector > Connections, and revoke the tokens under System OAuth > Manage Tokens.`
              : removal.tokens === 'kept'
                ? ` On ${instanceUrl} its connection was removed; its OAuth tokens stay valid there, because its integration user still serves another connection on that instance.`
                : removal.tokens === 'not revoked'
                  ? ` On ${instanceUrl} its connection was removed, but its OAuth tokens could not be revoked: revoke them under System OAuth > Manage Tokens.`
                  : ` On ${instanceUrl} its connection was removed and its OAuth tokens revoked.`
        const text = here + there
        return render(reply, 'Tenant removed', undefined, messagePage(`${context.tenantName} was removed`, text, { href: '/signin', text: 'Sign in' }))
    })

    const shutdown = createShutdown({
        server: app.server,
        closeServer: () => app.close(),
        // Listed when the stop begins: a tenant that joined meanwhile brings its own write-back.
        jobs: () => [{ name: 'secure score refresh', stop: () => refresher.stop() }, ...[...runtimes].map(([tenantId, r]) => ({ name: `write-back ${tenantId}`, stop: () => r.writeBack.stop() }))],
        closeStore: () => store.close(),
        log: (message) => log(message),
    })
    registerHealthRoutes(app, {
        readiness: storeReadiness(store),
        graphWindowMs: defaultReadyWindowMs(options.graph.refreshIntervalMs || DEFAULT_REFRESH_INTERVAL_MS),
        // The instance is reached when pages are opened, not on a schedule: only a failing last call counts.
        instanceWindowMs: null,
        isStopping: () => shutdown.stopping,
    })

    registerHomeRoutes(app, deps)
    registerActionRoutes(app, deps)
    registerShareRoutes(app, deps)
    registerTicketRoutes(app, deps)
    registerManageRoutes(app, deps)

    await app.listen({ port: options.port ?? DEFAULT_PORT, host })
    const port = (app.server.address() as AddressInfo).port
    publicUrl = (options.publicUrl ?? `http://${host}:${port}`).replace(/\/+$/, '')
    // Sign-in and "Write back as me" go through the same registration and the one redirect URI.
    const entra = {
        authorityHost: options.graph.authorityHost,
        authorityTenant: options.signInAuthority ?? home.tenantId,
        credential: options.graph.credential,
        ca: options.graph.ca,
        redirectUri: publicUrl + '/auth/callback',
    }
    signIn = createSignInFlow({ ...entra, graphBaseUrl: options.graph.graphBaseUrl })
    delegation = createWriteBackDelegation({ ...entra, secrets })
    writeBackIntervalMs = options.writeBackIntervalMs ?? 15_000
    for (const tenant of store.tenants.list()) runtime(tenant.tenantId)
    if (options.graph.refreshIntervalMs !== 0) refresher.start()
    const first = runtime(home.tenantId)
    const sweeper = setInterval(() => sessions.sweep(), 60_000)
    sweeper.unref()

    return {
        url: publicUrl,
        port,
        redirectUri: publicUrl + '/oauth/callback',
        signInRedirectUri: publicUrl + '/auth/callback',
        signOutRedirectUri: publicUrl + '/signed-out',
        joinRedirectUri: joinRedirectUri(),
        routes,
        app,
        store,
        log: jsonLog,
        tenant: runtime,
        link: first.link,
        writeBack: first.writeBack,
        tokens,
        graph,
        refresher,
        shutdown,
        async close() {
            clearInterval(sweeper)
            await shutdown.run('closed')
        },
    }
}
