/**
 * The bridge process of `npm run bench:bridge`'s many-tenants run (forked by bench/bridge.ts with `--import tsx`):
 * the whole bridge as `npm start` runs it (createBridgeServer: pages, store, Graph port, refresher, sign-in), with
 * every given tenant joined, as their Global Administrators' admin consents leave them in the store, and people of any
 * tenant signing in (signInAuthority 'organizations', as a bridge serving many tenants is configured). No refresh
 * schedule (refreshIntervalMs 0): the benchmark decides when the refresh starts. Each joined tenant gets its
 * runtime at the start, its write-back drained every 15 s, as after a restart of such a bridge. Its peak memory is
 * read by the parent from /proc/<pid>/status, so nothing of the measurement runs in here.
 *
 *   parent → { kind: 'start', tenants, tenantNames, homeTenant, refreshFirst, …GraphTarget }
 *                                                                  join, listen, refresh `refreshFirst` (the tenants
 *                                                                  whose cards are read and signed in to)
 *   worker → { kind: 'listening', url, firstOutcomes }
 *   parent → { kind: 'refresh' }                                   refreshAll() over every tenant, timed
 *   worker → { kind: 'refreshed', wallMs, outcomes, errors }
 *   parent → { kind: 'count' }                                     profiles stored per tenant, then close and exit
 *   worker → { kind: 'counted', storedProfiles }
 */
import { randomBytes } from 'node:crypto'
import { createSecretBox, secretKeyFromBytes } from '../bridge/security/secret-box.ts'
import { SecretRegistry } from '../bridge/security/secret-registry.ts'
import { createBridgeServer, type BridgeServer } from '../bridge/server.ts'
import { openStore } from '../bridge/store/store.ts'
import type { GraphTarget } from './lib/bridge-worker.ts'

export type TenantsCommand =
    | ({
          kind: 'start'
          tenants: string[]
          /** The name each tenant joined with, in the order of `tenants`. */
          tenantNames: string[]
          homeTenant: string
          /** Refreshed before 'listening', outside the figures: their cards show a score from the first page on. */
          refreshFirst: string[]
      } & GraphTarget)
    | { kind: 'refresh' }
    | { kind: 'count' }

export type TenantsReply =
    | { kind: 'listening'; url: string; signInRedirectUri: string; firstOutcomes: string[] }
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
        // The bench's store lives for one run: a fresh key, as an operator's BRIDGE_SECRET_KEY.
        const secretKey = secretKeyFromBytes(randomBytes(32))
        const homeTenantName = command.tenantNames[tenants.indexOf(command.homeTenant)]
        // Every tenant joined before the bridge starts, as admin consents left them: the store the bridge opens.
        const joined = openStore(command.storeFile, { box: createSecretBox(secretKey, new SecretRegistry()) })
        tenants.forEach((tenantId, i) => joined.tenants.add({ tenantId, name: command.tenantNames[i], joinedBy: null }))
        joined.close()
        bridge = await createBridgeServer({
            graph: {
                authorityHost: command.authorityHost,
                graphBaseUrl: command.graphBaseUrl,
                credential: { clientId: command.clientId, clientSecret: command.clientSecret },
                ca: command.caPem,
                refreshIntervalMs: 0,
            },
            signInAuthority: 'organizations',
            port: 0,
            dataFile: command.storeFile,
            tenantId: command.homeTenant,
            tenantName: homeTenantName,
            logger: false,
            secretKey,
        })
        // The pages read and signed in to show their tenant's score cards from the start, as after an earlier refresh.
        const first = await Promise.all(command.refreshFirst.map((tenantId) => running().refresher.refresh(tenantId)))
        return send({ kind: 'listening', url: bridge.url, signInRedirectUri: bridge.signInRedirectUri, firstOutcomes: first.map((r) => r.error ?? r.outcome) })
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
