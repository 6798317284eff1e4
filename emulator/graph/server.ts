/**
 * The local Microsoft Entra + Microsoft Graph stand-in: one HTTPS server on 127.0.0.1 answering both the Entra
 * endpoints (`/{tenant}/...`) and Graph v1.0 (`/v1.0/...`), so one CA and one port serve a bridge's whole path.
 *
 *   const server = await createGraphServer({ port: 0, dataDir })
 *   msal: { authority: server.authority(tid), knownAuthorities: [server.authorityHost] }, trust server.caPem
 *   fetch(`${server.graphBaseUrl}/security/secureScoreControlProfiles`, { headers: { authorization: 'Bearer …' } })
 *   await server.close()
 *
 * What it emulates, with sources: FIDELITY.md. How to run it alone: README.md.
 */
import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { SecureScoreControlStateUpdate } from '@microsoft/microsoft-graph-types'
import { demoControlProfiles, syntheticControlProfiles } from './fixtures/control-profiles.ts'
import { dailyScores } from './fixtures/scores.ts'
import { DEMO_TENANT } from './fixtures/tenants.ts'
import { createEntra, type AppRegistration, type GraphRole } from './entra.ts'
import { faultsFromEnv, normalizeFaults, type FaultSwitches } from './faults.ts'
import { createGraphApi, type TenantData } from './graph-api.ts'
import type { Incoming, Reply } from './http-types.ts'
import { openStateStore } from './store.ts'
import { loadOrCreateTls } from './tls.ts'

export type { AppRegistration, GraphRole, FaultSwitches }

export interface TenantSeed {
    tenantId: string
    displayName: string
    /** 'demo' (default): the demo profiles; a number: that many synthetic profiles (benchmarks). */
    profiles?: 'demo' | number
    /** Days of secureScores, newest first (default 90, at most 90: Microsoft keeps 90 days). */
    scoreDays?: number
}

export interface GraphServerOptions {
    /** Default 8443; 0 picks a free port. */
    port?: number
    /** CA, keys and graph.sqlite live here; the same dataDir keeps the CA and the appended state updates. */
    dataDir: string
    /** Default: the demo tenant (Contoso). */
    tenants?: TenantSeed[]
    /** Consented in every seeded tenant. Default: DEMO_TENANT's client id and secret with ReadWrite, plus the generated certificate. */
    apps?: AppRegistration[]
    /** Merged over the GRAPH_FAULT_* environment. */
    faults?: FaultSwitches
    /** One line per request; default console.log; false for none. */
    logger?: ((line: string) => void) | false
    now?: () => Date
}

export interface RequestLogEntry {
    method: string
    path: string
    status: number
    tenantId: string | null
}

export interface GraphServer {
    url: string
    port: number
    caFile: string
    caPem: string
    graphBaseUrl: string
    authorityHost: string
    authority(tenantId: string): string
    demo: {
        tenantId: string
        tenantName: string
        clientId: string
        clientSecret: string
        certificatePem: string
        privateKeyPem: string
        thumbprintSha256: string
    }
    setFaults(faults: FaultSwitches): void
    stateUpdates(tenantId: string, controlId: string): SecureScoreControlStateUpdate[]
    requestLog(): RequestLogEntry[]
    close(): Promise<void>
}

const MAX_SCORE_DAYS = 90
const MAX_BODY_BYTES = 1024 * 1024

export async function createGraphServer(options: GraphServerOptions): Promise<GraphServer> {
    const now = options.now ?? (() => new Date())
    const log = options.logger === false ? () => undefined : (options.logger ?? ((line: string) => console.log(line)))
    const tls = loadOrCreateTls(options.dataDir)
    const seeds = options.tenants ?? [{ tenantId: DEMO_TENANT.tenantId, displayName: DEMO_TENANT.displayName }]
    const apps = options.apps ?? [
        {
            clientId: DEMO_TENANT.clientId,
            clientSecret: DEMO_TENANT.clientSecret,
            certificatePem: tls.app.certPem,
            roles: ['SecurityEvents.ReadWrite.All'] as GraphRole[],
            displayName: 'Secure Score bridge',
        },
    ]
    const tenants: TenantData[] = seeds.map((seed) => {
        const profiles = typeof seed.profiles === 'number' ? syntheticControlProfiles(seed.tenantId, seed.profiles) : demoControlProfiles(seed.tenantId)
        const days = Math.min(seed.scoreDays ?? MAX_SCORE_DAYS, MAX_SCORE_DAYS)
        return { tenantId: seed.tenantId, profiles, scores: dailyScores(seed.tenantId, profiles, days, now()) }
    })
    let faults = normalizeFaults({ ...faultsFromEnv(), ...options.faults })
    const store = openStateStore(options.dataDir)
    const entra = createEntra({ tenants: seeds, apps, signingKeyPem: tls.signingKeyPem, now })
    const graph = createGraphApi({ tenants, entra, store, now, faults: () => faults })
    const requests: RequestLogEntry[] = []
    let baseUrl = ''

    async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
        const chunks: Buffer[] = []
        let size = 0
        for await (const chunk of req) {
            size += (chunk as Buffer).length
            if (size > MAX_BODY_BYTES) break
            chunks.push(chunk as Buffer)
        }
        const url = new URL(req.url ?? '/', baseUrl)
        const incoming: Incoming = { method: req.method ?? 'GET', url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
        let tenantId: string | null = null
        let reply: Reply
        // Graph's versions; only /v1.0's Secure Score paths are emulated, graph-api.ts refuses the rest.
        if (/^\/(v1\.0|beta)(\/|$)/.test(url.pathname)) {
            reply = await graph.handle(incoming, baseUrl, (tid) => (tenantId = tid))
        } else {
            // Entra's latency; Graph spends its own inside the concurrency slot (graph-api.ts).
            if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs))
            tenantId = url.pathname.split('/')[1] || null
            reply = entra.handle(incoming, baseUrl)
        }
        requests.push({ method: incoming.method, path: url.pathname, status: reply.status, tenantId })
        log(`${incoming.method} ${url.pathname}${url.search} ${reply.status}`)
        const headers: Record<string, string> = { 'request-id': randomUUID(), ...reply.headers }
        const clientRequestId = req.headers['client-request-id']
        if (typeof clientRequestId === 'string') headers['client-request-id'] = clientRequestId
        if (reply.body === undefined) {
            res.writeHead(reply.status, headers).end()
            return
        }
        headers['content-type'] = /^\/(v1\.0|beta)(\/|$)/.test(url.pathname)
            ? 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8'
            : 'application/json; charset=utf-8'
        res.writeHead(reply.status, headers).end(JSON.stringify(reply.body))
    }

    const server: Server = createServer({ key: tls.server.keyPem, cert: tls.server.certPem }, (req, res) => {
        answer(req, res).catch((error: unknown) => {
            log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
            if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
            res.end(JSON.stringify({ error: { code: 'generalException', message: 'Internal error of the local Graph stand-in.' } }))
        })
    })
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(options.port ?? 8443, '127.0.0.1', () => resolve())
    })
    const port = (server.address() as AddressInfo).port
    baseUrl = `https://127.0.0.1:${port}`

    return {
        url: baseUrl,
        port,
        caFile: tls.caFile,
        caPem: tls.caPem,
        graphBaseUrl: `${baseUrl}/v1.0`,
        authorityHost: `127.0.0.1:${port}`,
        authority: (tenantId) => `${baseUrl}/${tenantId}`,
        demo: {
            tenantId: seeds[0].tenantId,
            tenantName: seeds[0].displayName,
            clientId: apps[0].clientId,
            clientSecret: apps[0].clientSecret ?? '',
            certificatePem: tls.app.certPem,
            privateKeyPem: tls.app.keyPem,
            thumbprintSha256: tls.app.thumbprintSha256,
        },
        setFaults(next) {
            faults = normalizeFaults(next)
        },
        stateUpdates: (tenantId, controlId) => graph.stateUpdates(tenantId, controlId),
        requestLog: () => [...requests],
        close: () =>
            new Promise<void>((resolve) => {
                server.close(() => {
                    store.close()
                    resolve()
                })
                // Keep-alive sockets (msal's agent, fetch) would hold close() open until they time out.
                server.closeAllConnections()
            }),
    }
}
