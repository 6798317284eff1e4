/**
 * The Secure Score bridge: assembles the store, the ports (ServiceNow link) and the pages into one Fastify app.
 * Nothing else happens here; see bridge/README.md for the rooms.
 *
 *   createBridgeServer(options?) → Promise<{ url, port, redirectUri, close(), app, link, store }>
 *
 * Options (`graph` and `secretKey` required, the rest optional):
 *   secretKey   the key the store's secrets are sealed with (bridge/security/secret-box.ts; never stored)
 *   graph       where and how to read Secure Score: { authorityHost ('https://login.microsoftonline.com'), graphBaseUrl
 *               ('https://graph.microsoft.com/v1.0'), credential ({ clientId, clientSecret } or a certificate), ca (an extra
 *               trusted CA, the local stand-in's), tenants (whose Secure Score is read; default [tenantId]),
 *               refreshIntervalMs (default 30 minutes; 0: only on demand) }
 *   port        TCP port on `host` (default 8090; 0 picks a free one)
 *   host        default '127.0.0.1'
 *   dataFile    its own SQLite file (default bridge/.data/bridge.sqlite; ':memory:' for tests)
 *   publicUrl   the URL browsers use to reach the bridge (default http://127.0.0.1:<port>); the OAuth
 *               redirect URL is `${publicUrl}/oauth/callback`, the value to register on the instance
 *   tenantId    the tenant's GUID (default 72f988bf-86f1-41af-91ab-2d7cd011db47)
 *   tenantName  default 'Contoso'
 *   adminUser   the signed-in security admin: connectedBy and requestedBy
 *               (default secadmin@contoso.onmicrosoft.com)
 *   retry       RetryOptions for every instance call (ports/servicenow/http-client.ts)
 *   syncPageSize  tickets per GET /tickets page in delta sync (default 100)
 *   logger      a function given one line per request ("POST /connect 303 12ms", never a query
 *               string, body or token) and events; false for silence; default console.log
 */
import formbody from '@fastify/formbody'
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { createWriteBack, writeBackObserver, type WriteBack } from './domain/write-back.ts'
import { createSecureScoreRefresher, DEFAULT_REFRESH_INTERVAL_MS, type SecureScoreRefresher } from './domain/refresh.ts'
import { registerActionRoutes } from './pages/actions/routes.ts'
import { renderPage, str, type Body, type PageDeps } from './pages/context.ts'
import { registerHomeRoutes } from './pages/home/routes.ts'
import { messagePage, type PageContext } from './pages/layout.ts'
import { registerManageRoutes } from './pages/manage/routes.ts'
import { registerShareRoutes } from './pages/share/routes.ts'
import { registerTicketRoutes } from './pages/tickets/routes.ts'
import { createGraphPorts, type GraphPortOptions } from './ports/graph/graph-ports.ts'
import type { SecureScoreClient } from './ports/graph/secure-score-client.ts'
import type { TokenSource } from './ports/graph/token-source.ts'
import type { RetryOptions } from './ports/servicenow/http-client.ts'
import { plainError, ServiceNowLink } from './ports/servicenow/link.ts'
import { createSecretBox, type SecretKey } from './security/secret-box.ts'
import { SecretRegistry } from './security/secret-registry.ts'
import { openStore, type BridgeStore } from './store/store.ts'

export const DEFAULT_TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47'
export const DEFAULT_TENANT_NAME = 'Contoso'
export const DEFAULT_ADMIN_USER = 'secadmin@contoso.onmicrosoft.com'
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
    port?: number
    host?: string
    dataFile?: string
    publicUrl?: string
    tenantId?: string
    tenantName?: string
    adminUser?: string
    retry?: RetryOptions
    syncPageSize?: number
    /** How often the write-back outbox is drained (default 15 s); a sync that queues rows drains at once too. */
    writeBackIntervalMs?: number
    logger?: ((line: string) => void) | false
}

export interface BridgeServer {
    url: string
    port: number
    redirectUri: string
    app: FastifyInstance
    link: ServiceNowLink
    store: BridgeStore
    tokens: TokenSource
    graph: SecureScoreClient
    refresher: SecureScoreRefresher
    writeBack: WriteBack
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

export async function createBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
    const host = options.host ?? DEFAULT_HOST
    const log = options.logger === false ? () => {} : options.logger ?? ((line: string) => console.log('[bridge] ' + line))
    const tenantDefaults = { tenantId: options.tenantId ?? DEFAULT_TENANT_ID, tenantName: options.tenantName ?? DEFAULT_TENANT_NAME }
    const adminUser = options.adminUser ?? DEFAULT_ADMIN_USER
    // Every secret the store opens is registered here, so what is written out can mask it.
    const secrets = new SecretRegistry()
    const store = openStore(options.dataFile ?? DEFAULT_DATA_FILE, { box: createSecretBox(options.secretKey, secrets), legacyTenant: tenantDefaults })
    if (!store.tenants.get(tenantDefaults.tenantId)) store.tenants.add({ tenantId: tenantDefaults.tenantId, name: tenantDefaults.tenantName, joinedBy: null })
    const tenantStore = store.forTenant(tenantDefaults.tenantId)
    const { tokens, graph, writeBackGraph } = createGraphPorts(options.graph)
    tenantStore.observeOutcomes(writeBackObserver({ store: tenantStore }))
    const writeBack = createWriteBack({ store: tenantStore, graph: writeBackGraph, log })
    const refresher = createSecureScoreRefresher({
        store,
        graph,
        tokens,
        tenants: options.graph.tenants ?? [tenantDefaults.tenantId],
        intervalMs: options.graph.refreshIntervalMs || DEFAULT_REFRESH_INTERVAL_MS,
        log,
    })
    const app = Fastify({ logger: false })
    await app.register(formbody)

    // Made once listening: the redirect URL depends on the port the OS chose.
    let link: ServiceNowLink | null = null
    const currentLink = (): ServiceNowLink => {
        if (!link) throw new Error('The bridge is not listening yet')
        return link
    }

    const deps: PageDeps = {
        store: tenantStore,
        link: currentLink,
        adminUser,
        tenantDefaults,
        tenantId: tenantDefaults.tenantId,
        refresher,
        log,
        page: renderPage({ store: tenantStore, adminUser, tenantDefaults }),
        noticeFrom: (request: FastifyRequest) => NOTICES[str((request.query as Body).notice)] ?? null,
        async syncQuietly() {
            const connection = tenantStore.getConnection()
            if (!connection || connection.status === 'needs_reauthorization') return null
            try {
                await currentLink().sync()
                // An outcome the sync saw is written back now rather than at the next tick.
                void writeBack.drain()
                return null
            } catch (error) {
                // The sync logged what failed; the page gets it in plain words.
                return plainError(error)
            }
        },
    }

    const publicHost = options.publicUrl ? new URL(options.publicUrl).host : null
    const startedAt = new WeakMap<FastifyRequest, number>()
    app.addHook('onRequest', async (request, reply) => {
        startedAt.set(request, Date.now())
        reply.header('cache-control', 'no-store')
        reply.header('referrer-policy', 'no-referrer')
        reply.header('x-frame-options', 'DENY')
        reply.header('x-content-type-options', 'nosniff')
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
                if (originHost !== (publicHost ?? request.headers.host)) return reply.code(403).type('text/plain').send('Cross-origin form posts are refused.')
            }
        }
    })
    app.addHook('onResponse', async (request, reply) => {
        const started = startedAt.get(request) ?? Date.now()
        log(`${request.method} ${request.url.split('?')[0]} ${reply.statusCode} ${Date.now() - started}ms`)
    })

    // Every error page is a page of the bridge with the way back, never the framework's JSON; the cause goes to the log.
    app.setNotFoundHandler((_request, reply) =>
        deps.page(reply, 'Not found', undefined, messagePage('Page not found', 'There is no such page in the Secure Score bridge.'), { status: 404 }),
    )
    app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
        const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500
        log(`error ${request.method} ${request.url.split('?')[0]}: ${status === 500 ? error.stack ?? error.message : error.message}`)
        const text = status === 500 ? 'Something went wrong. The bridge log has the details.' : 'The request could not be read. Go back and try again.'
        return deps.page(reply, 'Error', undefined, messagePage('Something went wrong', text), { status })
    })

    registerHomeRoutes(app, deps)
    registerActionRoutes(app, deps)
    registerShareRoutes(app, deps)
    registerTicketRoutes(app, deps)
    registerManageRoutes(app, deps)
    app.get('/health', async () => ({ ok: true }))

    await app.listen({ port: options.port ?? DEFAULT_PORT, host })
    const port = (app.server.address() as AddressInfo).port
    const publicUrl = (options.publicUrl ?? `http://${host}:${port}`).replace(/\/+$/, '')
    const redirectUri = publicUrl + '/oauth/callback'
    link = new ServiceNowLink({ store: tenantStore, redirectUri, adminUser, retry: options.retry, syncPageSize: options.syncPageSize, log })
    if (options.graph.refreshIntervalMs !== 0) refresher.start()
    writeBack.start(options.writeBackIntervalMs ?? 15_000)

    return {
        url: publicUrl,
        port,
        redirectUri,
        app,
        link,
        store,
        tokens,
        graph,
        refresher,
        writeBack,
        async close() {
            await app.close()
            await Promise.all([refresher.stop(), writeBack.stop()])
            store.close()
        },
    }
}
