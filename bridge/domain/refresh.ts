/**
 * Keeping each tenant's Secure Score snapshot fresh: on a schedule (default every 30 minutes) and on demand
 * ("Refresh now"). A refresh reads every control profile (all pages) and the last 90 daily scores; a full answer
 * replaces the snapshot, a partial one (206) keeps the last full snapshot and records the warning, an error keeps
 * it and records the error. Concurrent refreshes of one tenant share one run.
 *
 *   createSecureScoreRefresher({ store, graph, tokens, tenants, intervalMs?, log? })
 *     → { refresh(tenantId), refreshAll(), start(), stop() }
 */
import type { SecureScoreClient } from '../ports/graph/secure-score-client.ts'
import type { TokenSource } from '../ports/graph/token-source.ts'
import type { BridgeStore } from '../store/store.ts'

export const DEFAULT_REFRESH_INTERVAL_MS = 30 * 60 * 1000
/** Days of score history the home page's chart shows; Graph keeps 90. */
export const SCORE_HISTORY_DAYS = 90
export const READ_WRITE_PERMISSION = 'SecurityEvents.ReadWrite.All'

export interface RefreshResult {
    tenantId: string
    outcome: 'full' | 'partial' | 'failed'
    profiles: number
    error: string | null
}

export interface SecureScoreRefresher {
    refresh(tenantId: string): Promise<RefreshResult>
    /** Every configured tenant, in parallel (the Graph client limits each tenant to 4 requests in flight). */
    refreshAll(): Promise<RefreshResult[]>
    /** Refreshes now, then every intervalMs. */
    start(): void
    /** Stops the schedule and waits for the refreshes in flight. */
    stop(): Promise<void>
}

export interface RefresherOptions {
    store: BridgeStore
    graph: SecureScoreClient
    tokens: TokenSource
    tenants: string[]
    intervalMs?: number
    log?: (line: string) => void
    now?: () => Date
}

export function createSecureScoreRefresher(options: RefresherOptions): SecureScoreRefresher {
    const { store, graph, tokens } = options
    const log = options.log ?? (() => {})
    const now = options.now ?? (() => new Date())
    const running = new Map<string, Promise<RefreshResult>>()
    let timer: NodeJS.Timeout | null = null

    async function run(tenantId: string): Promise<RefreshResult> {
        const started = Date.now()
        const at = now().toISOString()
        try {
            const [roles, list, scores] = await Promise.all([tokens.grantedRoles(tenantId), graph.listControlProfiles(tenantId), graph.listScores(tenantId, SCORE_HISTORY_DAYS)])
            const readOnly = !roles.includes(READ_WRITE_PERMISSION)
            if (list.partial || scores.partial) {
                const warning = list.warning ?? scores.warning ?? 'Graph answered 206 Partial Content'
                store.secureScore.saveStatus(tenantId, { lastAttemptAt: at, partialWarning: warning, lastError: null, readOnly })
                log(`secure score ${tenantId}: partial answer kept out (${warning}), ${Date.now() - started}ms`)
                return { tenantId, outcome: 'partial', profiles: list.profiles.length, error: null }
            }
            store.secureScore.replaceSnapshot(tenantId, list.profiles, scores.scores, at)
            store.secureScore.saveStatus(tenantId, { readOnly })
            log(`secure score ${tenantId}: ${list.profiles.length} profiles, ${scores.scores.length} scores, ${Date.now() - started}ms`)
            return { tenantId, outcome: 'full', profiles: list.profiles.length, error: null }
        } catch (error) {
            const message = (error as Error).message
            store.secureScore.saveStatus(tenantId, { lastAttemptAt: at, lastError: message })
            log(`secure score ${tenantId}: refresh failed: ${message}`)
            return { tenantId, outcome: 'failed', profiles: 0, error: message }
        }
    }

    function refresh(tenantId: string): Promise<RefreshResult> {
        let current = running.get(tenantId)
        if (!current) {
            current = run(tenantId).finally(() => running.delete(tenantId))
            running.set(tenantId, current)
        }
        return current
    }

    const refreshAll = () => Promise.all(options.tenants.map(refresh))

    return {
        refresh,
        refreshAll,
        start() {
            if (timer) return
            void refreshAll()
            timer = setInterval(() => void refreshAll(), options.intervalMs ?? DEFAULT_REFRESH_INTERVAL_MS)
            timer.unref()
        },
        async stop() {
            if (timer) clearInterval(timer)
            timer = null
            await Promise.all([...running.values()])
        },
    }
}
