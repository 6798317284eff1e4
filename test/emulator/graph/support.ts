/**
 * Test plumbing for the Graph stand-in: one server per test file (RSA key generation is the slow part), HTTPS calls
 * that trust its CA explicitly (never rejectUnauthorized: false), and a token for the demo app.
 */
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
