/**
 * The bridge's graceful stop: stop taking work, let the work in flight finish or leave it where the next start
 * picks it up, then close the store.
 *
 *   const shutdown = createShutdown({ server, closeServer, jobs, closeStore, log?, httpGraceMs?, jobsGraceMs? })
 *       made before the server listens (it follows the server's connections)
 *   shutdown.stopping        true from the first run() on: /readyz answers 503 "shutting down" (bridge/ops/health.ts)
 *   shutdown.run(reason)     the steps below, once; a second call shares the first one's promise
 *   runOnStopSignals(shutdown, { exit?, log? })   SIGINT/SIGTERM run it, then exit 0 (1 if it failed); a second
 *                            signal exits at once with 130/143 (bridge/ops/signals.ts)
 *
 * The steps:
 *   1. `stopping` is set.
 *   2. Together:
 *      - the HTTP server stops listening (closeServer, Fastify's close); a connection without a request in flight
 *        is closed at once, one with a request in flight once its answer is out, and whatever is left after
 *        httpGraceMs is cut (trackConnections);
 *      - every background job stops (the Secure Score refresher, the write-back outbox): no new run starts, and
 *        the runs in flight have jobsGraceMs to end. A job that overruns is named in the log and not waited for.
 *   3. The store closes: SQLite checkpoints its WAL into the database file, so the data folder holds one file.
 * The caller exits once run() resolves: a job that overran its grace gets no further turn, and SQLite has
 * committed whole transactions only, so the file is consistent.
 *
 * Nothing in the write-back outbox is lost or repeated (bridge/domain/write-back.ts, bridge/store/outbox.ts): its
 * stop() sends no new row and waits for the rows being sent. A queued row stays queued. A row whose PATCH ends in
 * time is done (or queued again with its retry time). A row whose PATCH is still out when the grace ends stays
 * `sending`, as it was committed before its PATCH: the next start sends it first, after reading the control
 * fresh, and writes nothing when the control's newest state already carries the row's own comment (the PATCH
 * had arrived). A share or comment whose request is cut is the same as a kill: both are kept with their id before
 * they are sent, and the instance takes the same id once.
 */
import type { Server as HttpServer } from 'node:http'
import { onStopSignals, trackConnections, type StopSignal } from './signals.ts'

/** Requests in flight (a share waiting for the instance) get this long by default once a stop began. */
export const DEFAULT_HTTP_GRACE_MS = 10_000
/** Background runs in flight (a refresh, a write-back PATCH) get this long by default; under systemd's TimeoutStopSec. */
export const DEFAULT_JOBS_GRACE_MS = 20_000

export interface StoppableJob {
    /** For the log: 'secure score refresh', 'write-back'. */
    name: string
    /** Starts nothing new and resolves when the runs in flight have ended. */
    stop(): Promise<void>
}

export type ShutdownLog = (message: string, fields?: { [field: string]: unknown }) => void

export interface ShutdownOptions {
    /** The HTTP server (Fastify's app.server), followed from here on. */
    server: HttpServer
    /** Closes it: Fastify's app.close(). */
    closeServer(): Promise<void>
    /** The jobs, or a function listing them when the stop begins (a tenant that joined since brings its own). */
    jobs: StoppableJob[] | (() => StoppableJob[])
    closeStore(): void
    log?: ShutdownLog
    httpGraceMs?: number
    jobsGraceMs?: number
}

export interface Shutdown {
    readonly stopping: boolean
    run(reason: string): Promise<void>
}

export function createShutdown(options: ShutdownOptions): Shutdown {
    const log = options.log ?? (() => {})
    const httpGraceMs = options.httpGraceMs ?? DEFAULT_HTTP_GRACE_MS
    const jobsGraceMs = options.jobsGraceMs ?? DEFAULT_JOBS_GRACE_MS
    const connections = trackConnections(options.server)
    let running: Promise<void> | null = null

    async function stopJob(job: StoppableJob): Promise<void> {
        let timer: NodeJS.Timeout | undefined
        const overran = new Promise<'overran'>((resolve) => (timer = setTimeout(() => resolve('overran'), jobsGraceMs)))
        try {
            const outcome = await Promise.race([job.stop().then(() => 'stopped' as const), overran])
            if (outcome === 'overran') log(`stop: ${job.name} still running after ${jobsGraceMs} ms, not waited for`, { job: job.name })
        } finally {
            clearTimeout(timer)
        }
    }

    async function stop(reason: string): Promise<void> {
        const started = Date.now()
        log(`stop: ${reason}`, { reason })
        const jobs = typeof options.jobs === 'function' ? options.jobs() : options.jobs
        const results = await Promise.allSettled([connections.close(() => options.closeServer(), httpGraceMs), ...jobs.map(stopJob)])
        // The store closes even when something above failed: an unclosed store is left with its WAL beside it.
        options.closeStore()
        const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected')
        if (failure) throw failure.reason
        log('stopped', { ms: Date.now() - started })
    }

    return {
        get stopping() {
            return running !== null
        },
        run(reason) {
            running ??= stop(reason)
            return running
        },
    }
}

export interface StopSignalRun {
    /** process.exit by default. */
    exit?: (code: number) => void
    log?: ShutdownLog
}

/** bridge/start.ts: the first SIGINT/SIGTERM stops gracefully and exits 0 (1 if the stop failed); a second exits at once. */
export function runOnStopSignals(shutdown: Shutdown, options: StopSignalRun = {}): () => void {
    const exit = options.exit ?? ((code: number) => process.exit(code))
    const log = options.log ?? (() => {})
    return onStopSignals(
        (signal: StopSignal) => {
            shutdown.run(`${signal} (a second one exits without waiting)`).then(
                () => exit(0),
                (error: unknown) => {
                    log('stop failed', { error })
                    exit(1)
                },
            )
        },
        { onForce: (signal) => log(`${signal} again: exiting without waiting`, { signal }) },
    )
}
