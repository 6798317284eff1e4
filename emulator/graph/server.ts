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
import { demoControlProfiles, fabrikamControlProfiles, syntheticControlProfiles } from './fixtures/control-profiles.ts'
import { demoDirectory, type DirectoryUser, type EntraRoleName } from './fixtures/directory.ts'
import { dailyScores } from './fixtures/scores.ts'
import { DEMO_TENANT } from './fixtures/tenants.ts'
import { createDirectory, type AppRegistration, type DelegatedPermission, type GraphRole, type GroupMembershipClaims } from './directory.ts'
import { createEntra } from './entra.ts'
import { createGrants } from './grants.ts'
import { faultsFromEnv, normalizeFaults, type FaultSwitches } from './faults.ts'
import { createGraphApi, type TenantData } from './graph-api.ts'
import type { Incoming, Reply } from './http-types.ts'
import { openStateStore } from './store.ts'
import { loadOrCreateTls } from './tls.ts'

export type { AppRegistration, GraphRole, FaultSwitches, DirectoryUser, EntraRoleName }

export interface TenantSeed {
    tenantId: string
    displayName: string
    /** 'demo' (default): Contoso's profiles; 'fabrikam': Fabrikam's smaller set; a number: that many synthetic profiles (benchmarks). */
    profiles?: 'demo' | 'fabrikam' | number
    /** Days of secureScores, newest first (default 90, at most 90: Microsoft keeps 90 days). */
    scoreDays?: number
    /** The people who can sign in (default none). */
    users?: DirectoryUser[]
}

export interface GraphServerOptions {
    /** Default 8443; 0 picks a free port. */
    port?: number
    /** CA, keys and graph.sqlite live here; the same dataDir keeps the CA and the appended state updates. */
    dataDir: string
    /** Default: the demo directory, Contoso and Fabrikam with their people (fixtures/directory.ts). */
    tenants?: TenantSeed[]
    /**
     * Default: DEMO_TENANT's client id and secret with SecurityEvents ReadWrite (application), SecurityEvents Read and
     * ReadWrite, User.Read and RoleManagement.Read.Directory (delegated), plus the generated
     * certificate; consented in every given tenant, or, with the default tenants, in Contoso only (Fabrikam joins
     * through admin consent).
     */
    apps?: AppRegistration[]
    /** The default app registration's groupMembershipClaims (default DirectoryRole; 'None' leaves `wids` out of its tokens). */
    groupMembershipClaims?: GroupMembershipClaims
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
    /** The seeded tenants with their people (ids, UPNs, roles), e.g. for a start banner. */
    directory(): { tenantId: string; displayName: string; users: DirectoryUser[] }[]
    /** As an admin adds a redirect URI to the app registration (on localhost any port then matches). */
    registerRedirectUri(clientId: string, uri: string): void
    /** As a Global Administrator accepting the admin consent page (kept in graph.sqlite). */
    grantAdminConsent(tenantId: string, clientId: string): void
    isConsented(tenantId: string, clientId: string): boolean
    /**
     * As an admin changing the person's Entra roles (kept in graph.sqlite): Graph's role checks and new tokens see
     * them at once; tokens already issued keep the `wids` they were issued with.
     */
    setUserRoles(tenantId: string, userPrincipalName: string, roles: EntraRoleName[]): void
    /**
     * As Graph's `POST /users/{userPrincipalName}/revokeSignInSessions`: the person's refresh tokens of earlier
     * sign-ins answer invalid_grant AADSTS50173 from now on. Returns the new signInSessionsValidFromDateTime.
     */
    revokeSignInSessions(tenantId: string, userPrincipalName: string): Date
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
    const seeds: TenantSeed[] = options.tenants ?? demoDirectory()
    const apps = options.apps ?? [
        {
            clientId: DEMO_TENANT.clientId,
            clientSecret: DEMO_TENANT.clientSecret,
            certificatePem: tls.app.certPem,
            roles: ['SecurityEvents.ReadWrite.All'] as GraphRole[],
            delegatedScopes: ['SecurityEvents.Read.All', 'SecurityEvents.ReadWrite.All', 'User.Read', 'RoleManagement.Read.Directory'] as DelegatedPermission[],
            groupMembershipClaims: options.groupMembershipClaims ?? 'DirectoryRole',
            displayName: 'Secure Score bridge',
            consentedTenants: options.tenants ? undefined : [DEMO_TENANT.tenantId],
        },
    ]
    const tenants: TenantData[] = seeds.map((seed) => {
        const profiles =
            typeof seed.profiles === 'number'
                ? syntheticControlProfiles(seed.tenantId, seed.profiles)
                : seed.profiles === 'fabrikam'
                  ? fabrikamControlProfiles(seed.tenantId)
                  : demoControlProfiles(seed.tenantId)
        const days = Math.min(seed.scoreDays ?? MAX_SCORE_DAYS, MAX_SCORE_DAYS)
        return { tenantId: seed.tenantId, profiles, scores: dailyScores(seed.tenantId, profiles, days, now()) }
    })
    let faults = normalizeFaults({ ...faultsFromEnv(), ...options.faults })
    const store = openStateStore(options.dataDir)
    const directory = createDirectory({ tenants: seeds, apps, store, now })
    const grants = createGrants({ signingKeyPem: tls.signingKeyPem, nowSeconds: () => Math.floor(now().getTime() / 1000) })
    const entra = createEntra({ directory, grants, signingKeyPem: tls.signingKeyPem, now })
    const graph = createGraphApi({ tenants, entra, directory, store, now, faults: () => faults })
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
        // Graph's versions; only /v1.0's Secure Score paths and the person's directory roles are emulated, graph-api.ts refuses the rest.
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
        if (reply.html !== undefined) {
            headers['content-type'] = 'text/html; charset=utf-8'
            res.writeHead(reply.status, headers).end(reply.html)
            return
        }
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
        directory: () => directory.tenants().map((t) => ({ tenantId: t.tenantId, displayName: t.displayName, users: structuredClone(t.users ?? []) })),
        registerRedirectUri: (clientId, uri) => directory.registerRedirectUri(clientId, uri),
        grantAdminConsent: (tenantId, clientId) => directory.grantConsent(tenantId, clientId),
        isConsented: (tenantId, clientId) => directory.isConsented(tenantId, clientId),
        setUserRoles: (tenantId, userPrincipalName, roles) => directory.setUserRoles(tenantId, userPrincipalName, roles),
        revokeSignInSessions: (tenantId, userPrincipalName) => new Date(directory.revokeSignInSessions(tenantId, userPrincipalName)),
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
