/**
 * One Graph stand-in per test file for the Graph port's contract tests: the demo tenant (Contoso, the demo
 * profiles) and a second tenant with 250 synthetic profiles (three pages of 100), the demo app (secret and
 * certificate, ReadWrite) and a read-only app consented in both. Its clock can be moved, to expire tokens.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createGraphServer, type GraphServer } from '../../../emulator/graph/server.ts'
import { DEMO_TENANT } from '../../../emulator/graph/fixtures/tenants.ts'
import { loadOrCreateTls } from '../../../emulator/graph/tls.ts'
import { createTokenSource, type GraphCredential, type TokenSource } from '../../../bridge/ports/graph/token-source.ts'

export const OTHER_TENANT = 'b6c5a4e3-1f2d-4c3b-8a79-0e1f2a3b4c5d'
export const READ_ONLY_APP = { clientId: '0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f', clientSecret: 'Rd08Q~ReadOnlyAppOfTheGraphPortTests-000' }

export interface StandIn {
    server: GraphServer
    /** Moves the stand-in's clock (not msal's) this far ahead. */
    setClockSkewMs(ms: number): void
    secret: GraphCredential
    certificate: GraphCredential
    readOnly: GraphCredential
    tokens(credential?: GraphCredential): TokenSource
    /** The stand-in's log entries since `from` (an index from `mark()`). */
    mark(): number
    since(from: number): { method: string; path: string; status: number; tenantId: string | null }[]
    close(): Promise<void>
}

export async function startStandIn(): Promise<StandIn> {
    const dataDir = mkdtempSync(join(tmpdir(), 'graph-port-'))
    // The demo app's certificate is made with the rest of the key material; made first, it can be registered.
    const tls = loadOrCreateTls(dataDir)
    let skewMs = 0
    const server = await createGraphServer({
        port: 0,
        dataDir,
        logger: false,
        now: () => new Date(Date.now() + skewMs),
        tenants: [
            { tenantId: DEMO_TENANT.tenantId, displayName: DEMO_TENANT.displayName, scoreDays: 30 },
            { tenantId: OTHER_TENANT, displayName: 'Fabrikam', profiles: 250, scoreDays: 30 },
        ],
        apps: [
            { clientId: DEMO_TENANT.clientId, clientSecret: DEMO_TENANT.clientSecret, certificatePem: tls.app.certPem, roles: ['SecurityEvents.ReadWrite.All'] },
            { ...READ_ONLY_APP, roles: ['SecurityEvents.Read.All'] },
        ],
    })
    const secret: GraphCredential = { clientId: server.demo.clientId, clientSecret: server.demo.clientSecret }
    return {
        server,
        setClockSkewMs: (ms) => (skewMs = ms),
        secret,
        certificate: {
            clientId: server.demo.clientId,
            certificate: { privateKeyPem: server.demo.privateKeyPem, thumbprintSha256: server.demo.thumbprintSha256, certificatePem: server.demo.certificatePem },
        },
        readOnly: { ...READ_ONLY_APP },
        // The stand-in's CA is trusted through the `ca` option only.
        tokens: (credential = secret) => createTokenSource({ authorityHost: server.url, credential, ca: server.caPem }),
        mark: () => server.requestLog().length,
        since: (from) => server.requestLog().slice(from),
        async close() {
            await server.close()
            rmSync(dataDir, { recursive: true, force: true })
        },
    }
}

export const isTokenRequest = (entry: { method: string; path: string }): boolean => entry.method === 'POST' && entry.path.endsWith('/oauth2/v2.0/token')
