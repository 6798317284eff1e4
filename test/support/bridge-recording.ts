// What a bridge run leaves behind, recorded for the secrets search of the end-to-end tests: every answer of the
// bridge to the HTTP client and to Chromium, the tokens the Entra stand-in issued to the bridge (read off the wire of
// this process: Node's http client diagnostics channel), and the store file with its write-ahead log as bytes.
import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import { existsSync, readFileSync } from 'node:fs'
import type { ClientRequest, IncomingMessage } from 'node:http'
import type { BrowserContext } from 'playwright-core'
import type { GraphServer } from '../../emulator/graph/server'
import { BridgeBrowser } from './bridge-harness'
import type { Page, RequestInit } from './browser.ts'

/** One answer of the bridge: the page (or the redirect) as the client received it. */
export interface RecordedAnswer {
    url: string
    status: number
    /** The body, and a redirect's Location. */
    text: string
}

/**
 * A BridgeBrowser that keeps every answer it gets from `origin` (the bridge), and the authorization codes Entra sends
 * back through it to the bridge's sign-in callback.
 */
export class RecordingBridgeBrowser extends BridgeBrowser {
    readonly answers: RecordedAnswer[] = []
    readonly signInCodes: string[] = []

    constructor(private readonly origin: string) {
        super()
    }

    override async request(pathOrUrl: string, init: RequestInit = {}): Promise<Page> {
        const page = await super.request(pathOrUrl, init)
        const url = new URL(page.url)
        if (url.origin === this.origin) {
            this.answers.push({ url: page.url, status: page.status, text: page.html + (page.location ? '\n' + page.location : '') })
            const code = url.searchParams.get('code')
            if (url.pathname === '/auth/callback' && code) this.signInCodes.push(code)
        }
        return page
    }
}

/**
 * Keeps every answer a Chromium context gets from `origin`; `answers()` waits for the bodies still being read. A
 * body Chromium no longer has (a redirect has none) is listed in `unread`.
 */
export function recordChromiumAnswers(context: BrowserContext, origin: string): { answers(): Promise<RecordedAnswer[]>; unread: string[] } {
    const reading: Promise<RecordedAnswer | null>[] = []
    const unread: string[] = []
    context.on('response', (response) => {
        if (new URL(response.url()).origin !== origin) return
        const location = response.headers().location ?? ''
        const isRedirect = response.status() >= 300 && response.status() < 400
        reading.push(
            (isRedirect ? Promise.resolve('') : response.text()).then(
                (body) => ({ url: response.url(), status: response.status(), text: body + (location ? '\n' + location : '') }),
                () => {
                    unread.push(response.url())
                    return null
                },
            ),
        )
    })
    return {
        answers: async () => (await Promise.all(reading)).filter((answer): answer is RecordedAnswer => answer !== null),
        unread,
    }
}

/** A token the Entra stand-in issued: from which endpoint, which field, and whether a person signed in for it. */
export interface IssuedToken {
    path: string
    field: 'access_token' | 'id_token' | 'refresh_token'
    /** True for a person's tokens (the answer carries an ID token), false for the app's own (client credentials). */
    person: boolean
    value: string
}

/**
 * Records the answers of `graph`'s token endpoint to this process's https requests (the bridge's msal calls), from
 * Node's `http.client.response.finish` diagnostics channel. Reading the body there is safe for the bridge's transport
 * (ports/graph/https-transport.ts), which takes its 'data' in the same tick: both listeners get every chunk.
 */
export function recordIssuedTokens(graph: GraphServer): { tokens: IssuedToken[]; stop(): void } {
    const tokens: IssuedToken[] = []
    const host = new URL(graph.url).host
    const onResponse = (message: unknown) => {
        const { request, response } = message as { request: ClientRequest; response: IncomingMessage }
        const path = request.path.split('?')[0]
        if (request.getHeader('host') !== host || !/\/oauth2\/v2\.0\/token$/.test(path)) return
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
            const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { [field: string]: unknown }
            for (const field of ['access_token', 'id_token', 'refresh_token'] as const) {
                const value = body[field]
                if (typeof value === 'string') tokens.push({ path, field, person: typeof body.id_token === 'string', value })
            }
        })
    }
    subscribe('http.client.response.finish', onResponse)
    return { tokens, stop: () => unsubscribe('http.client.response.finish', onResponse) }
}

/** The store file and its write-ahead log as an attacker with the disk would read them (latin1: every byte one character). */
export function storeBytesOnDisk(dataFile: string): string {
    return Buffer.concat([readFileSync(dataFile), ...(existsSync(dataFile + '-wal') ? [readFileSync(dataFile + '-wal')] : [])]).toString('latin1')
}
