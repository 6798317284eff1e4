/**
 * The local instance over HTTP (Fastify on 127.0.0.1): the built app's Scripted REST APIs, the Table API,
 * login / logout, OAuth 2.0, UI pages and their assets, and the instance UI (ui/: the navigator at / and
 * /navpage.do, lists /<table>_list.do, forms /<table>.do and their saving), with ServiceNow's authentication and
 * access control.
 *
 *   createInstanceServer({ instance, port = 0, host = '127.0.0.1', logger, staticDir, sessionIdleSeconds, timeouts })
 *     → Promise<{ url, port, close(), app, context }>
 *   instance: the runtime and script host of createInstance() (instance.ts), which is how every caller starts one.
 *   logger: a function given one line per request ("METHOD /path STATUS 12ms user"; never bodies, query
 *   strings or tokens) and server errors; false for silence; default console.log.
 *
 * On listening it tells the runtime its own URL (http://127.0.0.1:<port>/), which gs.getProperty answers for
 * glide.servlet.uri as the platform computes it (no sys_properties record).
 *
 * At the HTTP edge (FIDELITY.md, "HTTP"): every HTML page carries X-Frame-Options: SAMEORIGIN unless the
 * property glide.set_x_frame_options is false; a body above 25 MB (the documented maximum of
 * glide.rest.max_content_length) is refused with 413 before it is read; errors never show Node, parser or
 * framework internals; a feature the instance does not emulate answers 501 "not emulated by the local
 * instance: <what>".
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { STATUS_CODES } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { resolve } from 'node:path'
import { authenticateApi, sessionOf } from './http/authenticate.ts'
import { OAuthProvider } from './security/oauth.ts'
import { errorPage } from './http/pages.ts'
import { registerAuthRoutes } from './http/auth-routes.ts'
import { SessionStore } from './http/sessions.ts'
import { type ApiSemaphoreSettings, switches } from './fidelity.ts'
import type { InstanceContext } from './http/context.ts'
import { failure, NO_RESOURCE, sendFailure, sendNotAuthenticated } from './http/envelope.ts'
import { handleScriptedRest } from './http/scripted-rest.ts'
import { type InboundLimits, installInboundLimits } from './http/semaphore.ts'
import { handleTableApi } from './http/table-api.ts'
import { findUiPage, PLATFORM_STUBS, renderUiPage, staticAsset, uiPageRefusal } from './http/ui-pages.ts'
import { HTTP_MESSAGES, NotEmulated } from './messages.ts'
import type { Runtime } from './runtime.ts'
import { propertyValue } from './store/lookups.ts'
import type { ScriptHost } from './scripts/sandbox.ts'
import { userRoles } from './security/roles.ts'
import { createInstanceUi } from './ui/routes.ts'

export interface InstanceServerOptions {
    /** What createInstance() (instance.ts) assembled: the runtime with its security, and its script host. */
    instance: { runtime: Runtime; scripts: ScriptHost }
    port?: number
    host?: string
    logger?: ((line: string) => void) | false
    /** The built app's static content (default <repo>/dist/static). */
    staticDir?: string
    sessionIdleSeconds?: number
    /** How long a slow or stalled client may hold a connection (defaults in DEFAULT_TIMEOUTS). */
    timeouts?: Partial<ServerTimeouts>
    /** Inbound REST concurrency (http/semaphore.ts); default from the switches (fidelity.ts), off unless set. */
    inboundLimits?: { semaphore: ApiSemaphoreSettings | null; rateLimitPerHour: number | null }
}

export interface ServerTimeouts {
    /** Time to receive the request headers. */
    headersMs: number
    /** Time to receive the whole request. */
    requestMs: number
    /** Time a connection may sit idle, between or within requests. */
    idleMs: number
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = { headersMs: 10_000, requestMs: 30_000, idleMs: 30_000 }

export interface InstanceServer {
    url: string
    port: number
    app: FastifyInstance
    context: InstanceContext
    /** The API_INT semaphore and rate limit rule in force (both null unless configured). */
    inboundLimits: InboundLimits
    close(): Promise<void>
}

const DEFAULT_STATIC_DIR = resolve(__dirname, '..', '..', 'dist', 'static')
/**
 * The instance-wide body limit: the documented maximum of glide.rest.max_content_length (25 MB). Its 10 MB
 * default applies where a scripted REST script reads the body (400 there, "Controlling maximum request size").
 */
const BODY_LIMIT_MB = 25
const BODY_LIMIT = BODY_LIMIT_MB * 1024 * 1024

/**
 * Requests Node's HTTP parser refuses (headers or URL too large, malformed) get the envelope with the status's
 * reason phrase: nothing names the parser or its error codes.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
    if (!socket.writable) return
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400
    const body = JSON.stringify(failure(STATUS_CODES[status]!, null))
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json;charset=UTF-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
}

/** glide.set_x_frame_options: true unless an administrator set it to false ("HTTP Response Headers"). */
function framesRestricted(runtime: Runtime): boolean {
    return propertyValue(runtime.store, 'glide.set_x_frame_options') !== 'false'
}

function isApi(url: string): boolean {
    return url === '/api' || url.startsWith('/api/')
}

function pathOf(url: string): string {
    const q = url.indexOf('?')
    return q < 0 ? url : url.slice(0, q)
}

function sendHtml(reply: FastifyReply, status: number, body: string): FastifyReply {
    return reply.code(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(body)
}

export async function createInstanceServer(options: InstanceServerOptions): Promise<InstanceServer> {
    const { runtime, scripts } = options.instance
    const log = options.logger === false ? () => {} : (options.logger ?? ((line: string) => console.log(line)))
    const staticDir = options.staticDir ?? DEFAULT_STATIC_DIR
    const ctx: InstanceContext = {
        runtime,
        scripts,
        sessions: new SessionStore({ idleSeconds: options.sessionIdleSeconds }),
        oauth: new OAuthProvider(runtime.store),
    }
    const cacheKey = String(Date.now())

    const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts }
    // A slow or stalled client is cut off instead of holding a connection (slowloris).
    const app = Fastify({
        logger: false,
        bodyLimit: BODY_LIMIT,
        trustProxy: false,
        clientErrorHandler: answerClientError,
        // A URL the router cannot decode: the envelope, not the framework's own error body.
        frameworkErrors: (_error, request, reply) => {
            if (isApi(request.url)) return sendFailure(reply, 400, STATUS_CODES[400]!, null)
            return sendHtml(reply, 400, errorPage(STATUS_CODES[400]!, 'The request could not be processed.'))
        },
        connectionTimeout: timeouts.idleMs,
        requestTimeout: timeouts.requestMs,
        http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: Math.min(1_000, timeouts.headersMs) },
    })
    app.decorateRequest('instanceUser', null)

    // Every body reaches handlers as the raw text: Scripted REST presents it as dataString (the app parses
    // and validates it), the Table API and the form endpoints parse it themselves.
    app.removeAllContentTypeParsers()
    app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body))

    const fromSwitches = switches()
    const inboundLimits = installInboundLimits(app, ctx, options.inboundLimits ?? { semaphore: fromSwitches.apiSemaphore, rateLimitPerHour: fromSwitches.restRateLimitPerHour })

    app.addHook('onResponse', async (request, reply) => {
        log(`${request.method} ${pathOf(request.url)} ${reply.statusCode} ${Math.round(reply.elapsedTime)}ms ${request.instanceUser?.userName ?? '-'}`)
    })

    // Every page may be framed only by the instance itself (glide.set_x_frame_options, on by default); the
    // property alone decides, whatever a route set.
    app.addHook('onSend', async (_request, reply, payload) => {
        if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload
        if (framesRestricted(runtime)) reply.header('x-frame-options', 'SAMEORIGIN')
        else reply.removeHeader('x-frame-options')
        return payload
    })

    // Errors show the platform's envelope (or an error page) with a status's reason phrase, never the text of
    // a Node, parser or framework error; server errors are logged in full instead.
    app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
        const api = isApi(request.url) || request.url.startsWith('/oauth_token.do')
        if (error instanceof NotEmulated) {
            log(`not emulated ${request.method} ${pathOf(request.url)}: ${error.what}`)
            return api ? sendFailure(reply, 501, error.message, null) : sendHtml(reply, 501, errorPage('Not emulated', error.message))
        }
        const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500
        if (status >= 500) log(`error ${request.method} ${pathOf(request.url)}: ${error.stack ?? error.message}`)
        if (status === 413) return sendFailure(reply, 413, HTTP_MESSAGES.tooLarge.text, HTTP_MESSAGES.tooLarge.detail(BODY_LIMIT_MB))
        const phrase = STATUS_CODES[status] ?? 'Error'
        if (api) return sendFailure(reply, status, phrase, null)
        return sendHtml(reply, status, errorPage(phrase, status >= 500 ? 'The instance could not process this request.' : 'The request could not be processed.'))
    })

    app.setNotFoundHandler((request, reply) => {
        if (isApi(request.url)) return sendFailure(reply, 400, NO_RESOURCE, null)
        return sendHtml(reply, 404, errorPage('Not found', `${pathOf(request.url)} does not exist on this instance.`))
    })

    registerAuthRoutes(app, ctx)

    for (const prefix of ['/api/now/table', '/api/now/v1/table', '/api/now/v2/table']) {
        const tableApi = async (request: FastifyRequest<{ Params: { table: string; sys_id?: string } }>, reply: FastifyReply) => {
            const auth = authenticateApi(ctx, request)
            if (!('user' in auth)) return sendNotAuthenticated(reply)
            request.instanceUser = auth.user
            return handleTableApi(ctx, request, reply, auth.user, request.params.table, request.params.sys_id, prefix)
        }
        app.route({ method: ['GET', 'POST'], url: `${prefix}/:table`, handler: tableApi })
        app.route({ method: ['GET', 'PATCH', 'PUT', 'DELETE'], url: `${prefix}/:table/:sys_id`, handler: tableApi })
    }

    app.all('/api/*', async (request, reply) => handleScriptedRest(ctx, request, reply, authenticateApi(ctx, request)))

    const ui = createInstanceUi(ctx)
    app.get('/', ui.home)
    app.get('/navpage.do', ui.home)

    app.get('/uxasset/externals/*', async (request, reply) => {
        const path = pathOf(request.url)
        const stub = PLATFORM_STUBS.find(([pattern]) => pattern.test(path))
        if (stub) return reply.header('content-type', stub[1]).send('')
        const [, , , scope, ...rest] = path.split('/')
        const asset = scope ? staticAsset(staticDir, rest.join('/')) : null
        if (!asset) return reply.callNotFound()
        return reply.header('content-type', asset.contentType).send(asset.body)
    })
    app.get('/uxasset/set-cache-buster/*', async (_request, reply) => reply.header('content-type', 'application/javascript; charset=utf-8').send(''))
    app.get('/$uxappimmutables.do', async (_request, reply) => reply.header('content-type', 'text/css; charset=utf-8').send(''))

    app.get('/:endpoint', async (request, reply) => {
        const path = pathOf(request.url)
        const page = findUiPage(runtime.store, path)
        if (!page) return ui.page(request, reply)
        const signedIn = sessionOf(ctx, request)
        if (!signedIn) return reply.redirect(`/login.do?sysparm_goto=${encodeURIComponent(request.url)}`)
        const user = signedIn.user
        request.instanceUser = { sysId: user.sys_id!, userName: user.user_name!, via: 'session' }
        const refusal = uiPageRefusal(runtime.store, page, { sysId: user.sys_id!, userName: user.user_name! })
        if (refusal) return sendHtml(reply, 403, refusal)
        const html = renderUiPage(page, {
            token: signedIn.session.token,
            cacheKey,
            user: { userID: user.sys_id!, userName: user.user_name!, firstName: user.first_name ?? '', lastName: user.last_name ?? '', roles: [...userRoles(runtime.store, user.sys_id!)] },
        })
        return sendHtml(reply, 200, html)
    })

    app.post('/:endpoint', ui.save)

    await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' })
    const port = (app.server.address() as AddressInfo).port
    const url = `http://${options.host ?? '127.0.0.1'}:${port}`
    runtime.instanceUrl = `${url}/`
    return {
        url,
        port,
        app,
        context: ctx,
        inboundLimits,
        close: () => app.close(),
    }
}
