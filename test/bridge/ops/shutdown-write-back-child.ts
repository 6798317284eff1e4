/**
 * The process test/bridge/ops/shutdown-write-back.test.ts stops while a write-back is being sent: the bridge's own
 * store, Graph port and write-back outbox (against the Graph stand-in), and a Fastify server, wired to
 * bridge/ops/shutdown.ts as the bridge wires them.
 *
 *   node --import tsx test/bridge/ops/shutdown-write-back-child.ts
 *   env: SHUTDOWN_DATA_FILE, SHUTDOWN_TENANT, SHUTDOWN_JOBS_GRACE_MS, BRIDGE_SECRET_KEY, and the Graph stand-in's
 *        GRAPH_AUTHORITY_HOST, GRAPH_BASE_URL, GRAPH_CA_FILE, GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET
 *
 * Drains the tenant's outbox at once, prints `listening <port>`, then the JSON log lines (bridge/ops/log.ts).
 */
import Fastify from 'fastify'
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { createWriteBack } from '../../../bridge/domain/write-back.ts'
import { createJsonLog } from '../../../bridge/ops/log.ts'
import { createShutdown, runOnStopSignals } from '../../../bridge/ops/shutdown.ts'
import { createGraphPorts } from '../../../bridge/ports/graph/graph-ports.ts'
import { SecretRegistry } from '../../../bridge/security/secret-registry.ts'
import { openChildStore, requiredEnv as env } from './child-env.ts'

async function main(): Promise<void> {
    const secrets = new SecretRegistry()
    const log = createJsonLog({ secrets })
    const store = openChildStore('SHUTDOWN_DATA_FILE', secrets)
    const { writeBackGraph } = createGraphPorts({
        authorityHost: env('GRAPH_AUTHORITY_HOST'),
        graphBaseUrl: env('GRAPH_BASE_URL'),
        credential: { clientId: env('GRAPH_CLIENT_ID'), clientSecret: env('GRAPH_CLIENT_SECRET') },
        ca: readFileSync(env('GRAPH_CA_FILE'), 'utf8'),
    })
    const writeBack = createWriteBack({ store: store.forTenant(env('SHUTDOWN_TENANT')), graph: writeBackGraph, log: log.line })

    const app = Fastify({ logger: false })
    const shutdown = createShutdown({
        server: app.server,
        closeServer: () => app.close(),
        // Listed when the stop begins, as a bridge whose tenants join while it runs lists them.
        jobs: () => [{ name: 'write-back', stop: () => writeBack.stop() }],
        closeStore: () => store.close(),
        log: log.event,
        jobsGraceMs: Number(env('SHUTDOWN_JOBS_GRACE_MS')),
    })
    await app.listen({ port: 0, host: '127.0.0.1' })
    runOnStopSignals(shutdown, { log: log.event })
    writeBack.start(60_000)
    process.stdout.write(`listening ${(app.server.address() as AddressInfo).port}\n`)
}

main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
})
