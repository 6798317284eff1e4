/**
 * The process test/bridge/ops/shutdown.test.ts stops: a Fastify server and a background job wired to
 * bridge/ops/shutdown.ts as bridge/start.ts wires the bridge's, over a real SQLite file in WAL mode.
 *
 *   node --import tsx test/bridge/ops/shutdown-child.ts
 *   env: SHUTDOWN_DATA_FILE, SHUTDOWN_UPSTREAM (the test's server, which holds answers), SHUTDOWN_HTTP_GRACE_MS,
 *        SHUTDOWN_JOBS_GRACE_MS
 *
 * GET /work: a request that waits for the upstream's /request and records "request done" in the store.
 * The job: once started, records its run as `sending` (committed before the call, as the write-back outbox does),
 * waits for the upstream's /job, then marks it done; its stop() starts nothing new and waits for that run.
 * Prints `listening <port>` once it takes requests, then the JSON log lines (bridge/ops/log.ts).
 */
import Database from 'better-sqlite3'
import Fastify from 'fastify'
import type { AddressInfo } from 'node:net'
import { registerHealthRoutes } from '../../../bridge/ops/health.ts'
import { createJsonLog } from '../../../bridge/ops/log.ts'
import { createShutdown, runOnStopSignals, type StoppableJob } from '../../../bridge/ops/shutdown.ts'
import { SecretRegistry } from '../../../bridge/security/secret-registry.ts'

async function main(): Promise<void> {
    const env = (name: string): string => {
        const value = process.env[name]
        if (!value) throw new Error(`${name} is not set`)
        return value
    }
    const upstream = env('SHUTDOWN_UPSTREAM')
    const db = new Database(env('SHUTDOWN_DATA_FILE'))
    db.pragma('journal_mode = WAL')
    db.exec('CREATE TABLE IF NOT EXISTS work (name TEXT PRIMARY KEY, status TEXT NOT NULL)')
    const record = (name: string, status: string) => db.prepare('INSERT INTO work (name, status) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET status = excluded.status').run(name, status)
    const log = createJsonLog({ secrets: new SecretRegistry() })

    const app = Fastify({ logger: false })
    let inFlight: Promise<void> | null = null
    const job: StoppableJob = {
        name: 'upstream job',
        async stop() {
            await inFlight
        },
    }
    const shutdown = createShutdown({
        server: app.server,
        closeServer: () => app.close(),
        jobs: [job],
        closeStore: () => db.close(),
        log: log.event,
        httpGraceMs: Number(env('SHUTDOWN_HTTP_GRACE_MS')),
        jobsGraceMs: Number(env('SHUTDOWN_JOBS_GRACE_MS')),
    })
    registerHealthRoutes(app, {
        readiness: { storeOpen: () => db.open, tenants: () => [] },
        graphWindowMs: 60_000,
        instanceWindowMs: null,
        isStopping: () => shutdown.stopping,
    })
    app.get('/work', async () => {
        const answer = await fetch(`${upstream}/request`)
        record('request', `done ${await answer.text()}`)
        return { done: true }
    })

    await app.listen({ port: 0, host: '127.0.0.1' })
    runOnStopSignals(shutdown, { log: log.event })
    record('job', 'sending')
    inFlight = fetch(`${upstream}/job`)
        .then((answer) => answer.text())
        .then((text) => void record('job', `done ${text}`))
    process.stdout.write(`listening ${(app.server.address() as AddressInfo).port}\n`)
}

main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
})
