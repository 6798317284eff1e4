/**
 * The bridge side of `npm run bench:bridge`, in its own Node process (forked by bench/bridge.ts with
 * `--import tsx`), so its peak RSS is the bridge's alone and not the Graph stand-in's. It receives one job over
 * IPC, runs it with the bridge's real pieces (msal token source, Secure Score client, refresher or outbox, a
 * SQLite store file), answers with its figures and exits.
 *
 *   refresh:     createSecureScoreRefresher over every tenant, refreshAll() once
 *   write-back:  one outbox row per given control, createWriteBack().drain() until no row is open
 */
import { randomBytes } from 'node:crypto'
import { createSecretBox, secretKeyFromBytes } from '../../bridge/security/secret-box.ts'
import { SecretRegistry } from '../../bridge/security/secret-registry.ts'
import { readFileSync } from 'node:fs'
import { createSecureScoreRefresher } from '../../bridge/domain/refresh.ts'
import { createWriteBack, type DrainResult } from '../../bridge/domain/write-back.ts'
import { createGraphPorts } from '../../bridge/ports/graph/graph-ports.ts'
import type { WriteBackStatus } from '../../bridge/store/outbox.ts'
import { openStore } from '../../bridge/store/store.ts'

/** Where the stand-in listens and how to sign in to it; the parent fills it from its GraphServer. */
export interface GraphTarget {
    authorityHost: string
    graphBaseUrl: string
    /** The stand-in's CA, trusted through the clients' `ca` option (TLS checks stay on). */
    caPem: string
    clientId: string
    clientSecret: string
    /** The bridge's SQLite file, in the parent's temporary folder. */
    storeFile: string
}

export type WorkerJob =
    | ({ kind: 'refresh'; tenants: string[] } & GraphTarget)
    | ({ kind: 'write-back'; tenantId: string; controls: string[]; state: 'ThirdParty' } & GraphTarget)

export interface RefreshReport {
    kind: 'refresh'
    wallMs: number
    /** Peak RSS in KB (peakRssKb()), read right after refreshAll(), before the checks below load anything. */
    maxRssKb: number
    outcomes: { full: number; partial: number; failed: number }
    errors: string[]
    /** Profiles in the store per tenant, in the order of `tenants`. */
    storedProfiles: number[]
}

export interface WriteBackReport {
    kind: 'write-back'
    wallMs: number
    drains: number
    totals: DrainResult
    statuses: Partial<Record<WriteBackStatus, number>>
    /** PATCHes started, summed over the rows (a 429 on a PATCH makes a row start another). */
    patchAttempts: number
    /** The comment each control's row carried, to match against what the stand-in recorded. */
    comments: Record<string, string>
    /** Why each failed or skipped row ended so (the row's reason). */
    notDone: string[]
    maxRssKb: number
}

export type WorkerReport = RefreshReport | WriteBackReport | { kind: 'error'; message: string }

/**
 * This process's peak RSS in KB: VmHWM of /proc/self/status. Not process.resourceUsage().maxRSS: Linux carries
 * ru_maxrss over exec, and libuv spawns with the parent's memory (vfork-like), so the child's maxRSS starts at the
 * parent's high-water mark, the stand-in's (measured: 1,426 MB reported for a child whose VmHWM was ~130 MB).
 */
function peakRssKb(): number {
    const line = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))
    if (!line) throw new Error('No VmHWM in /proc/self/status: the bridge benchmark reads peak memory the Linux way')
    return Number(line[1])
}

/** The store's sealing under a key of this process's own: the bench stores no ServiceNow secrets. */
function benchBox() {
    return createSecretBox(secretKeyFromBytes(randomBytes(32)), new SecretRegistry())
}

/** The Graph port exactly as bridge/server.ts wires it. */
function clients(job: GraphTarget) {
    return createGraphPorts({ authorityHost: job.authorityHost, graphBaseUrl: job.graphBaseUrl, credential: { clientId: job.clientId, clientSecret: job.clientSecret }, ca: job.caPem })
}

async function refresh(job: Extract<WorkerJob, { kind: 'refresh' }>): Promise<RefreshReport> {
    const store = openStore(job.storeFile, { box: benchBox() })
    try {
        const { tokens, graph } = clients(job)
        const refresher = createSecureScoreRefresher({ store, graph, tokens, tenants: job.tenants })
        const started = performance.now()
        const results = await refresher.refreshAll()
        const wallMs = performance.now() - started
        const maxRssKb = peakRssKb()
        const outcomes = { full: 0, partial: 0, failed: 0 }
        for (const result of results) outcomes[result.outcome]++
        return {
            kind: 'refresh',
            wallMs,
            maxRssKb,
            outcomes,
            errors: results.flatMap((r) => (r.error ? [`${r.tenantId}: ${r.error}`] : [])),
            storedProfiles: job.tenants.map((tenantId) => store.forTenant(tenantId).secureScore.profiles().length),
        }
    } finally {
        store.close()
    }
}

async function writeBack(job: Extract<WorkerJob, { kind: 'write-back' }>): Promise<WriteBackReport> {
    const file = openStore(job.storeFile, { box: benchBox() })
    const store = file.forTenant(job.tenantId)
    try {
        // As bridge/server.ts builds the write-back client: a 429 comes back at once (maxRetryAfterSeconds 0) and
        // the outbox schedules the row after its Retry-After, so a throttled row does not hold one of the 4 slots.
        const { writeBackGraph: graph } = clients(job)
        const outbox = createWriteBack({ store, graph, log: () => {} })
        const at = new Date().toISOString()
        const comments: Record<string, string> = {}
        job.controls.forEach((controlId, index) => {
            const ticketNumber = `CHG${String(index + 1).padStart(7, '0')}`
            const row = store.outbox.enqueue({ controlId, ticketNumber, state: job.state, comment: `Resolved in ServiceNow ${ticketNumber}: bench:bridge`, assignedTo: null, skipReason: null, at })
            comments[controlId] = row.comment
        })
        const totals: DrainResult = { done: 0, skipped: 0, failed: 0, requeued: 0, waiting: 0, delegationNeedsRenewal: null }
        let drains = 0
        const started = performance.now()
        // One drain() returns when nothing is due within its hold; rows still open (a later Retry-After) need another.
        while (store.outbox.nextAttemptAt() !== null) {
            const result = await outbox.drain()
            drains++
            totals.done += result.done
            totals.skipped += result.skipped
            totals.failed += result.failed
            totals.requeued += result.requeued
            totals.waiting += result.waiting
            totals.delegationNeedsRenewal = result.delegationNeedsRenewal ?? totals.delegationNeedsRenewal
        }
        const wallMs = performance.now() - started
        const maxRssKb = peakRssKb()
        await outbox.stop()
        const rows = store.outbox.list()
        const statuses: Partial<Record<WriteBackStatus, number>> = {}
        for (const row of rows) statuses[row.status] = (statuses[row.status] ?? 0) + 1
        return { kind: 'write-back', wallMs, drains, totals, statuses, patchAttempts: rows.reduce((sum, row) => sum + row.attempts, 0),
            comments,
            notDone: rows.filter((row) => row.status === 'failed' || row.status === 'skipped').map((row) => `${row.controlId} ${row.status}: ${row.reason ?? ''}`),
            maxRssKb,
        }
    } finally {
        file.close()
    }
}

function reply(report: WorkerReport): void {
    // Exit once the report is handed over: msal's and the client's keep-alive agents would keep the process up.
    process.send?.(report, () => process.exit(0))
}

process.once('message', (job: WorkerJob) => {
    const run = job.kind === 'refresh' ? refresh(job) : writeBack(job)
    run.then(reply, (error: unknown) => reply({ kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }))
})
// The parent gone (its hard timeout, Ctrl-C): nothing is left to report to.
process.once('disconnect', () => process.exit(1))
