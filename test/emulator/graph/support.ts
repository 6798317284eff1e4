/**
 * Test plumbing for the Graph stand-in: one server per test file (RSA key generation is the slow part), HTTPS calls
 * that trust its CA explicitly (never rejectUnauthorized: false), and a token for the demo app.
 */
import { createHash } from 'node:crypto'
import { request } from 'node:https'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createGraphServer, type GraphServer, type GraphServerOptions } from '../../../emulator/graph/server.ts'

export interface HttpAnswer {
    status: number
    headers: Record<string, string | string[] | undefined>
    text: string
    json: any // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary answer shapes
}

export function tempDataDir(): string {
    return mkdtempSync(join(tmpdir(), 'graph-standin-'))
}

export function startServer(options: Partial<GraphServerOptions> = {}): Promise<GraphServer> {
    return createGraphServer({ port: 0, dataDir: tempDataDir(), logger: false, ...options })
}

export function call(
    server: GraphServer,
    method: string,
    urlOrPath: string,
    options: { headers?: Record<string, string>; body?: string } = {},
): Promise<HttpAnswer> {
    const url = new URL(urlOrPath, server.url)
    return new Promise((resolve, reject) => {
        const req = request(url, { method, ca: server.caPem, headers: options.headers, agent: false }, (res) => {
            const chunks: Buffer[] = []
            res.on('data', (c: Buffer) => chunks.push(c))
            res.on('end', () => {
                const text = Buffer.concat(chunks).toString('utf8')
                let json: unknown = undefined
                try {
                    json = text ? JSON.parse(text) : undefined
                } catch {
                    json = undefined
                }
                resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json })
            })
        })
        req.on('error', reject)
        if (options.body !== undefined) req.write(options.body)
        req.end()
    })
}

export function form(fields: Record<string, string>): { headers: Record<string, string>; body: string } {
    return { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() }
}

/** A client-credentials token for an app with a secret (the demo app unless given). */
export async function secretToken(server: GraphServer, app = { clientId: server.demo.clientId, clientSecret: server.demo.clientSecret }, tenantId = server.demo.tenantId): Promise<string> {
    const answer = await call(
        server,
        'POST',
        `/${tenantId}/oauth2/v2.0/token`,
        form({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret, scope: 'https://graph.microsoft.com/.default' }),
    )
    if (answer.status !== 200) throw new Error(`token: ${answer.status} ${answer.text}`)
    return answer.json.access_token as string
}

export function bearer(token: string, extra: Record<string, string> = {}): { headers: Record<string, string> } {
    return { headers: { authorization: `Bearer ${token}`, ...extra } }
}

export function decodePayload(jwt: string): Record<string, unknown> {
    return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>
}

export const CALLBACK = 'http://127.0.0.1/auth/callback'

export interface SignInRequest {
    /** Path segment: a tenant id, organizations or common (default the demo tenant). */
    authority?: string
    /** The account picked on the sign-in page. */
    upn: string
    scope?: string
    redirectUri?: string
    verifier?: string | null
    method?: 'S256' | 'plain'
    nonce?: string
    state?: string
    extra?: Record<string, string>
}

export function pkceChallenge(verifier: string): string {
    return createHash('sha256').update(verifier).digest('base64url')
}

export function objectIdOf(server: GraphServer, upn: string): string {
    const user = server.directory().flatMap((t) => t.users).find((u) => u.userPrincipalName === upn)
    if (!user) throw new Error(`no demo user ${upn}`)
    return user.objectId
}

/** The authorize URL's query for the demo app (S256 PKCE unless verifier is null). */
export function authorizeQuery(server: GraphServer, request: Omit<SignInRequest, 'upn'>): string {
    const verifier = request.verifier === undefined ? 'v'.repeat(43) : request.verifier
    const params = new URLSearchParams({
        client_id: server.demo.clientId,
        response_type: 'code',
        redirect_uri: request.redirectUri ?? CALLBACK,
        scope: request.scope ?? 'openid profile offline_access https://graph.microsoft.com/SecurityEvents.ReadWrite.All',
        state: request.state ?? 'state-1',
        nonce: request.nonce ?? 'nonce-1',
        ...(verifier === null ? {} : { code_challenge: request.method === 'plain' ? verifier : pkceChallenge(verifier), code_challenge_method: request.method ?? 'S256' }),
        ...request.extra,
    })
    return `/${request.authority ?? server.demo.tenantId}/oauth2/v2.0/authorize?${params.toString()}`
}

/** Picks the account on the sign-in page (a POST to the same URL, as the page's form does); the raw answer. */
export function pickAccount(server: GraphServer, path: string, upn: string, extra: Record<string, string> = {}): Promise<HttpAnswer> {
    return call(server, 'POST', path, form({ login: objectIdOf(server, upn), ...extra }))
}

/** The whole first leg: the code from the redirect to the callback. */
export async function signInCode(server: GraphServer, request: SignInRequest): Promise<string> {
    const path = authorizeQuery(server, request)
    const answer = await pickAccount(server, path, request.upn)
    if (answer.status !== 302) throw new Error(`authorize: ${answer.status} ${answer.text}`)
    const code = new URL(String(answer.headers.location)).searchParams.get('code')
    if (!code) throw new Error(`no code in ${String(answer.headers.location)}`)
    return code
}

/** The second leg with the demo app's secret. */
export function redeem(server: GraphServer, code: string, fields: Record<string, string> = {}, authority = server.demo.tenantId): Promise<HttpAnswer> {
    return call(
        server,
        'POST',
        `/${authority}/oauth2/v2.0/token`,
        form({ grant_type: 'authorization_code', client_id: server.demo.clientId, client_secret: server.demo.clientSecret, code, redirect_uri: CALLBACK, code_verifier: 'v'.repeat(43), ...fields }),
    )
}

/** A refresh_token grant with the demo app's secret (unless `app` names another), at the tenant's token endpoint. */
export function refreshGrant(
    server: GraphServer,
    refreshToken: string,
    fields: Record<string, string> = {},
    tenantId = server.demo.tenantId,
    app = { clientId: server.demo.clientId, clientSecret: server.demo.clientSecret },
): Promise<HttpAnswer> {
    return call(server, 'POST', `/${tenantId}/oauth2/v2.0/token`, form({ grant_type: 'refresh_token', client_id: app.clientId, client_secret: app.clientSecret, refresh_token: refreshToken, ...fields }))
}
