/**
 * The bridge process of `npm run bench:bridge`'s many-tenants run (forked by bench/bridge.ts with `--import tsx`):
 * the whole bridge as `npm start` runs it (createBridgeServer: pages, store, Graph port, refresher), serving every
 * given tenant, with no schedule (refreshIntervalMs 0), so the benchmark decides when the refresh starts. Its peak
 * memory is read by the parent from /proc/<pid>/status, so nothing of the measurement runs in here.
 *
 *   parent → { kind: 'start', tenants, homeTenant, …GraphTarget }   listen, refresh the home tenant (the page's cards)
 *   worker → { kind: 'listening', url }
 *   parent → { kind: 'refresh' }                                   refreshAll() over every tenant, timed
 *   worker → { kind: 'refreshed', wallMs, outcomes, errors }
 *   parent → { kind: 'count' }                                     profiles stored per tenant, then close and exit
 *   worker → { kind: 'counted', storedProfiles }
 */
import { randomBytes } from 'node:crypto'
import { secretKeyFromBytes } from '../bridge/security/secret-box.ts'
import { createBridgeServer, type BridgeServer } from '../bridge/server.ts'
import type { GraphTarget } from './lib/bridge-worker.ts'

export type TenantsCommand =
    | ({ kind: 'start'; tenants: string[]; homeTenant: string; homeTenantName: string } & GraphTarget)
    | { kind: 'refresh' }
    | { kind: 'count' }

export type TenantsReply =
    | { kind: 'listening'; url: string; homeOutcome: string }
    | { kind: 'refreshed'; wallMs: number; outcomes: { full: number; partial: number; failed: number }; errors: string[] }
    | { kind: 'counted'; storedProfiles: number[] }
    | { kind: 'error'; message: string }

let bridge: BridgeServer | null = null
let tenants: string[] = []

function send(reply: TenantsReply): Promise<void> {
    return new Promise((resolve) => process.send?.(reply, () => resolve()))
}

function running(): BridgeServer {
    if (!bridge) throw new Error('the bridge has not been started')
    return bridge
}

async function handle(command: TenantsCommand): Promise<void> {
    if (command.kind === 'start') {
        tenants = command.tenants
        bridge = await createBridgeServer({
            graph: {
                authorityHost: command.authorityHost,
                graphBaseUrl: command.graphBaseUrl,
                credential: { clientId: command.clientId, clientSecret: command.clientSecret },
                ca: command.caPem,
                tenants,
                refreshIntervalMs: 0,
            },
            port: 0,
            dataFile: command.storeFile,
            tenantId: command.homeTenant,
            tenantName: command.homeTenantName,
            logger: false,
            // The bench's store lives for one run: a fresh key, as an operator's BRIDGE_SECRET_KEY.
            secretKey: secretKeyFromBytes(randomBytes(32)),
        })
        // The page shows the home tenant's score cards from the start, as after an earlier refresh.
        const home = await bridge.refresher.refresh(command.homeTenant)
        return send({ kind: 'listening', url: bridge.url, homeOutcome: home.error ?? home.outcome })
    }
    if (command.kind === 'refresh') {
        const started = performance.now()
        const results = await running().refresher.refreshAll()
        const wallMs = performance.now() - started
        const outcomes = { full: 0, partial: 0, failed: 0 }
        for (const result of results) outcomes[result.outcome]++
        return send({ kind: 'refreshed', wallMs, outcomes, errors: results.flatMap((r) => (r.error ? [`${r.tenantId}: ${r.error}`] : [])) })
    }
    const server = running()
    const storedProfiles = tenants.map((tenantId) => server.store.forTenant(tenantId).secureScore.profiles().length)
    await server.close()
    await send({ kind: 'counted', storedProfiles })
    // msal's and the Graph client's keep-alive agents would keep the process up.
    process.exit(0)
}

process.on('message', (command: TenantsCommand) => {
    handle(command).catch(async (error: unknown) => {
        await send({ kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) })
        process.exit(1)
    })
})
// The parent gone (its hard timeout, Ctrl-C): nothing is left to report to.
process.once('disconnect', () => process.exit(1))
