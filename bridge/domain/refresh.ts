/**
 * Keeping each tenant's Secure Score snapshot fresh: on a schedule (default every 30 minutes) and on demand
 * ("Refresh now"). A refresh reads every control profile (all pages), the newest daily score in full and the
 * last 90 days' totals; a full answer
 * replaces the snapshot, a partial one (206) keeps the last full snapshot and records the warning, an error keeps
 * it and records the error. Concurrent refreshes of one tenant share one run.
 *
 *   createSecureScoreRefresher({ store, graph, tokens, tenants, intervalMs?, log? })
 *     → { refresh(tenantId), refreshAll(), start(), stop() }
 */
import { GraphRequestError, type ProfileList, type ScoreList, type SecureScoreClient } from '../ports/graph/secure-score-client.ts'
import type { TokenSource } from '../ports/graph/token-source.ts'
import type { BridgeStore } from '../store/store.ts'

export const DEFAULT_REFRESH_INTERVAL_MS = 30 * 60 * 1000
/** Days of score history the home page's chart shows; Graph keeps 90. */
export const SCORE_HISTORY_DAYS = 90
export const READ_WRITE_PERMISSION = 'SecurityEvents.ReadWrite.All'
/** The history needs only these; a day's full score carries every control's points (~100 KB for 460 controls). */
const HISTORY_FIELDS = ['id', 'createdDateTime', 'currentScore', 'maxScore']
/** Tenants refreshed at once by refreshAll: bounds memory however many tenants the bridge serves. */
const TENANTS_AT_ONCE = 16

export interface RefreshResult {
    tenantId: string
    outcome: 'full' | 'partial' | 'failed'
    profiles: number
    error: string | null
}

export interface SecureScoreRefresher {
    refresh(tenantId: string): Promise<RefreshResult>
    /** Every configured tenant, up to 16 at once (the Graph client limits each tenant to 4 requests in flight). */
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
    /** The tenants refreshAll reads; a function is asked at every run (tenants join and leave). */
    tenants: string[] | (() => string[])
    intervalMs?: number
    log?: (line: string) => void
    /** Told of every tenant's run once it ends (the server's job log line). */
    onRun?: (result: RefreshResult, ms: number) => void
    now?: () => Date
}

export interface SecureScoreRead {
    /** The token's `roles`; null when the token cannot be read (then the first write tells). */
    roles: string[] | null
    /** The token's roles are known and lack SecurityEvents.ReadWrite.All. */
    readOnly: boolean
    profiles: ProfileList
    /** The newest day in full (its controlScores give each action's points), then up to 89 days' totals. */
    scores: ScoreList
}

/**
 * One tenant's Secure Score as a refresh reads it (and `npm run test:live:graph`, so that the live check takes the
 * same calls). The history asks only for the chart's fields; `$select` rests on the metadata's SelectSupport, not on
 * the List secureScores page, so a Graph that refuses it (400) is asked again for whole days.
 */
export async function readSecureScore(graph: SecureScoreClient, tokens: TokenSource, tenantId: string): Promise<SecureScoreRead> {
    const history = graph.listScores(tenantId, SCORE_HISTORY_DAYS, HISTORY_FIELDS).catch((error: unknown) => {
        if (error instanceof GraphRequestError && error.status === 400) return graph.listScores(tenantId, SCORE_HISTORY_DAYS)
        throw error
    })
    const [roles, profiles, newest, days] = await Promise.all([tokens.grantedRoles(tenantId), graph.listControlProfiles(tenantId), graph.listScores(tenantId, 1), history])
    const latestId = newest.scores[0]?.id
    return {
        roles,
        readOnly: roles !== null && !roles.includes(READ_WRITE_PERMISSION),
        profiles,
        scores: {
            scores: [...newest.scores, ...days.scores.filter((score) => score.id !== latestId)],
            partial: newest.partial || days.partial,
            warning: newest.warning ?? days.warning,
        },
    }
}

/** A failed refresh in plain words for the pages (the technical message is logged): what failed and what to do. */
export function plainGraphError(error: unknown): string {
    if (!(error instanceof GraphRequestError)) return 'Microsoft Entra ID or Microsoft Graph refused the app, or could not be asked. Check the app registration (client id, secret or certificate, tenant); the bridge log has the details.'
    if (error.status === 0) {
        return error.code === 'tls' ? 'Microsoft Graph could not be reached securely (its certificate was refused); the bridge log has the details.' : 'Microsoft Graph did not answer. The next refresh tries again.'
    }
    if (error.status === 401 || error.status === 403) return `Microsoft Graph refused the app's access (HTTP ${error.status}). Check that SecurityEvents.Read.All is granted with admin consent in this tenant.`
    if (error.status === 429 || error.status >= 500) return `Microsoft Graph is busy or had an error (HTTP ${error.status}). The next refresh tries again.`
    return `Microsoft Graph refused the request (HTTP ${error.status}); the bridge log has the details.`
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
        const secureScore = store.forTenant(tenantId).secureScore
        try {
            const { readOnly, profiles: list, scores } = await readSecureScore(graph, tokens, tenantId)
            if (list.partial || scores.partial) {
                const warning = list.warning ?? scores.warning ?? 'Graph answered 206 Partial Content'
                secureScore.saveStatus({ lastAttemptAt: at, partialWarning: warning, lastError: null, readOnly })
                log(`secure score ${tenantId}: partial answer kept out (${warning}), ${Date.now() - started}ms`)
                return { tenantId, outcome: 'partial', profiles: list.profiles.length, error: null }
            }
            secureScore.replaceSnapshot(list.profiles, scores.scores, at)
            secureScore.saveStatus({ readOnly })
            log(`secure score ${tenantId}: ${list.profiles.length} profiles, ${scores.scores.length} scores, ${Date.now() - started}ms`)
            return { tenantId, outcome: 'full', profiles: list.profiles.length, error: null }
        } catch (error) {
            log(`secure score ${tenantId}: refresh failed: ${(error as Error).message}`)
            const message = plainGraphError(error)
            secureScore.saveStatus({ lastAttemptAt: at, lastError: message })
            return { tenantId, outcome: 'failed', profiles: 0, error: message }
        }
    }

    function refresh(tenantId: string): Promise<RefreshResult> {
        let current = running.get(tenantId)
        if (!current) {
            const started = Date.now()
            current = run(tenantId)
                .then((result) => {
                    options.onRun?.(result, Date.now() - started)
                    return result
                })
                .finally(() => running.delete(tenantId))
            running.set(tenantId, current)
        }
        return current
    }

    async function refreshAll(): Promise<RefreshResult[]> {
        const tenants = typeof options.tenants === 'function' ? options.tenants() : options.tenants
        const results: RefreshResult[] = []
        let next = 0
        const worker = async () => {
            while (next < tenants.length) {
                const index = next++
                results[index] = await refresh(tenants[index])
            }
        }
        await Promise.all(Array.from({ length: Math.min(TENANTS_AT_ONCE, tenants.length) }, worker))
        return results
    }

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
