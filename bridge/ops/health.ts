/**
 * `GET /healthz` and `GET /readyz`, for a service manager, a load balancer or a monitor.
 *
 *   registerHealthRoutes(app, { readiness, graphWindowMs, instanceWindowMs, isStopping?, now? })
 *   storeReadiness(store) → the ReadinessSource over the bridge's store (what the refresh and the sync record)
 *   judgeReadiness(source, options, startedAt, now) → the /readyz answer, on its own (for a log line or a test)
 *   defaultReadyWindowMs(refreshIntervalMs)          two Secure Score refreshes and five minutes
 *   HEALTH_PATHS                                     the two paths, which need no session
 *
 * /healthz is liveness: 200 {"status":"ok"} whenever the process answers at all. It asks nothing of the store or
 * the outside world, so a restart is never triggered by Microsoft or an instance being down.
 *
 * /readyz is readiness: 200 {"status":"ready"} when
 *   - the store is open (and the source could read its tenants);
 *   - for every tenant, Microsoft Graph was reached within graphWindowMs (the Secure Score refresh reaches it on
 *     its schedule), and its ServiceNow instance, when the tenant connected one, within instanceWindowMs (null:
 *     its age is not judged, only a failing last call, for a bridge that reaches the instance only when a page is
 *     opened);
 *   - and the latest call to either part did not fail (`lastError` set).
 * A part's age counts from its last success, but never from before the process started or the part was first
 * needed (`watchedSince`: the tenant joined, the instance was connected): after a restart, or for a new tenant,
 * the part gets one window to be reached. Otherwise 503 {"status":"not ready","reasons":[…]}, and 503
 * {"status":"shutting down"} once a stop began (bridge/ops/shutdown.ts); once the server itself closes, Fastify
 * answers 503 to any request on a connection still open.
 *
 * The answers hold tenant ids, times and fixed words, never an error's text (that may quote Graph or an instance;
 * it is in the log and on the tenant's own pages), a URL, a token or a secret. They need no session: restrict
 * them at the reverse proxy (docs/bridge-run-for-real.md) if tenant ids are not for everyone's eyes.
 */
import type { FastifyInstance } from 'fastify'
import type { BridgeStore } from '../store/store.ts'

export const HEALTH_PATHS = ['/healthz', '/readyz'] as const

/** A part the bridge calls (Graph for a tenant, or the tenant's ServiceNow instance), as its owner last saw it. */
export interface ReachedPart {
    /** When a call last succeeded (ISO text or a Date); null if never. */
    lastSuccessAt: string | Date | null
    /** Set when the latest call failed (cleared by the next success); only its presence is used, never its text. */
    lastError: string | null
    /** When the bridge began to need the part (the tenant joined, the instance was connected). */
    watchedSince?: string | Date | null
}

export interface TenantReadiness {
    tenantId: string
    graph: ReachedPart
    /** Null: the tenant has not connected a ServiceNow instance, which is nothing to wait for. */
    instance: ReachedPart | null
}

/** What /readyz asks; the server builds it over the store. */
export interface ReadinessSource {
    storeOpen(): boolean
    tenants(): TenantReadiness[]
}

/**
 * What the store records, read for /readyz: the tenants that joined; per tenant the last Secure Score refresh
 * (refresh.ts: a full or partial answer reached Graph, a failure set lastError) and, once it connected ServiceNow, the
 * connection's status and the last delta sync (link.ts: last_sync_at, last_sync_error).
 */
export function storeReadiness(store: BridgeStore): ReadinessSource {
    return {
        storeOpen() {
            try {
                store.tenants.list()
                return true
            } catch (error) {
                // better-sqlite3 throws a TypeError ("The database connection is not open") for a closed store;
                // anything else (an I/O error) is an unreadable store, which judgeReadiness reports as such. By
                // name: the native module's TypeError is not `instanceof` the one of a vm context (Jest's).
                if ((error as { name?: unknown } | null)?.name === 'TypeError') return false
                throw error
            }
        },
        tenants: () =>
            store.tenants.list().map((tenant): TenantReadiness => {
                const tenantStore = store.forTenant(tenant.tenantId)
                const refresh = tenantStore.secureScore.status()
                const connection = tenantStore.getConnection()
                return {
                    tenantId: tenant.tenantId,
                    graph: {
                        // With no error the last attempt succeeded, fully or partly: either way Graph answered.
                        lastSuccessAt: refresh.lastError === null ? (refresh.lastAttemptAt ?? refresh.lastFullAt) : refresh.lastFullAt,
                        lastError: refresh.lastError,
                        watchedSince: tenant.joinedAt,
                    },
                    instance: connection && {
                        lastSuccessAt: tenantStore.get('last_sync_at'),
                        // A connection waiting for re-authorization fails every call until an admin acts.
                        lastError: connection.status === 'connected' ? tenantStore.get('last_sync_error') : (connection.lastError ?? connection.status),
                        watchedSince: connection.connectedAt,
                    },
                }
            }),
    }
}

export type PartStatus = 'ok' | 'failing' | 'stale' | 'not connected'

export interface TenantVerdict {
    tenantId: string
    graph: PartStatus
    instance: PartStatus
}

export interface ReadinessAnswer {
    status: 'ready' | 'not ready' | 'shutting down'
    store: 'open' | 'closed' | 'unreadable'
    tenants: { total: number; ready: number }
    /** The tenants not ready, the first MAX_LISTED of them. */
    notReady: TenantVerdict[]
    /** One sentence per failing part, the first MAX_LISTED of them. */
    reasons: string[]
}

export interface HealthOptions {
    readiness: ReadinessSource
    /** How recently Graph must have been reached; see defaultReadyWindowMs. */
    graphWindowMs: number
    /** How recently each connected instance must have been reached; null: only a failing last call counts. */
    instanceWindowMs: number | null
    /** True once a stop began (shutdown.stopping). */
    isStopping?: () => boolean
    now?: () => number
}

/** However many tenants fail, the answer stays small: the rest are counted, not listed. */
export const MAX_LISTED = 100
const FIVE_MINUTES_MS = 5 * 60_000

/** Two refreshes and five minutes: one late or failed-and-retried refresh is not yet "not ready". */
export function defaultReadyWindowMs(refreshIntervalMs: number): number {
    return 2 * refreshIntervalMs + FIVE_MINUTES_MS
}

const PART_NAMES = { graph: 'Microsoft Graph', instance: 'its ServiceNow instance' } as const

function time(value: string | Date | null | undefined): number | null {
    if (value === null || value === undefined) return null
    const ms = value instanceof Date ? value.getTime() : Date.parse(value)
    return Number.isNaN(ms) ? null : ms
}

function judgePart(part: ReachedPart, windowMs: number | null, startedAt: number, now: number): { status: PartStatus; ageMs: number } {
    const reachedAt = time(part.lastSuccessAt)
    const from = Math.max(reachedAt ?? -Infinity, time(part.watchedSince) ?? -Infinity, startedAt)
    const ageMs = now - from
    if (part.lastError !== null) return { status: 'failing', ageMs }
    if (windowMs !== null && ageMs > windowMs) return { status: 'stale', ageMs }
    return { status: 'ok', ageMs }
}

function minutes(ms: number): string {
    return `${Math.round(ms / 60_000)} min`
}

function reason(tenantId: string, name: keyof typeof PART_NAMES, part: ReachedPart, status: PartStatus, windowMs: number | null): string {
    const what = `tenant ${tenantId}: ${PART_NAMES[name]}`
    if (status === 'failing') return `${what}: the latest call failed (the bridge log and the tenant's pages say why)`
    const last = time(part.lastSuccessAt)
    const since = last === null ? 'never reached' : `last reached ${new Date(last).toISOString()}`
    return `${what}: ${since}, not within ${minutes(windowMs ?? 0)}`
}

export function judgeReadiness(source: ReadinessSource, options: Pick<HealthOptions, 'graphWindowMs' | 'instanceWindowMs'>, startedAt: number, now: number): ReadinessAnswer {
    let open: boolean
    let tenants: TenantReadiness[] = []
    let store: ReadinessAnswer['store'] = 'open'
    try {
        open = source.storeOpen()
        if (open) tenants = source.tenants()
        else store = 'closed'
    } catch {
        store = 'unreadable'
    }
    if (store !== 'open') {
        return { status: 'not ready', store, tenants: { total: 0, ready: 0 }, notReady: [], reasons: [store === 'closed' ? 'the store is closed' : 'the store could not be read'] }
    }

    const notReady: TenantVerdict[] = []
    const reasons: string[] = []
    let notReadyCount = 0
    for (const tenant of tenants) {
        const graph = judgePart(tenant.graph, options.graphWindowMs, startedAt, now)
        const instance = tenant.instance ? judgePart(tenant.instance, options.instanceWindowMs, startedAt, now) : { status: 'not connected' as const, ageMs: 0 }
        const failing = [graph.status, instance.status].some((status) => status === 'failing' || status === 'stale')
        if (!failing) continue
        notReadyCount++
        if (notReady.length < MAX_LISTED) notReady.push({ tenantId: tenant.tenantId, graph: graph.status, instance: instance.status })
        for (const [name, part, verdict, windowMs] of [
            ['graph', tenant.graph, graph, options.graphWindowMs],
            ['instance', tenant.instance, instance, options.instanceWindowMs],
        ] as const) {
            if (part && (verdict.status === 'failing' || verdict.status === 'stale') && reasons.length < MAX_LISTED) reasons.push(reason(tenant.tenantId, name, part, verdict.status, windowMs))
        }
    }
    if (notReadyCount > notReady.length) reasons.push(`${notReadyCount - notReady.length} more tenants not ready, not listed`)
    return {
        status: notReadyCount === 0 ? 'ready' : 'not ready',
        store,
        tenants: { total: tenants.length, ready: tenants.length - notReadyCount },
        notReady,
        reasons,
    }
}

export function registerHealthRoutes(app: FastifyInstance, options: HealthOptions): void {
    const now = options.now ?? Date.now
    // Parts are given one window from here: a restart is not "not reached" before the first refresh could run.
    const startedAt = now()
    app.get('/healthz', async (_request, reply) => reply.type('application/json').send({ status: 'ok' }))
    app.get('/readyz', async (_request, reply) => {
        if (options.isStopping?.()) return reply.code(503).type('application/json').send({ status: 'shutting down', reasons: ['the bridge is stopping'] })
        const answer = judgeReadiness(options.readiness, options, startedAt, now())
        return reply
            .code(answer.status === 'ready' ? 200 : 503)
            .type('application/json')
            .send(answer)
    })
}
