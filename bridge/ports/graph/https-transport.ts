/**
 * The HTTPS transport under both Graph calls and msal's token requests.
 *
 * One keep-alive agent per port instance. An extra CA (the local stand-in's) is added to Node's own roots on
 * that agent only: nothing process-wide changes (no NODE_EXTRA_CA_CERTS, no global agent), and certificate
 * checks stay on. Production leaves `ca` unset and the agent trusts Node's roots, as any https call does.
 */
import https from 'node:https'
import tls from 'node:tls'
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node'

export interface HttpsAnswer {
    status: number
    headers: Record<string, string>
    body: string
}

export interface HttpsRequest {
    method: 'GET' | 'POST' | 'PATCH'
    url: string
    headers: Record<string, string>
    body?: string
    timeoutMs: number
}

export type NoAnswerKind = 'timeout' | 'network' | 'tls'

/** Thrown when no answer arrived: the per-request timeout, a connection failure, or a server certificate that
 * did not verify (`tls`: trying again will not change it). Never carries headers. */
export class HttpsNoAnswerError extends Error {
    constructor(
        message: string,
        readonly kind: NoAnswerKind,
    ) {
        super(message)
        this.name = 'HttpsNoAnswerError'
    }
}

// Node's codes for a server certificate that failed verification (OpenSSL's X509 errors and the host check).
const TLS_VERIFY_ERROR = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS_/

function noAnswerKind(error: Error): NoAnswerKind {
    const code = (error as NodeJS.ErrnoException).code
    return typeof code === 'string' && TLS_VERIFY_ERROR.test(code) ? 'tls' : 'network'
}

export function createHttpsAgent(ca: string | undefined): https.Agent {
    if (ca === undefined) return new https.Agent({ keepAlive: true })
    // One secure context for all of the agent's connections. Given `ca` instead, Node builds a new context for
    // every TLS connection (parsing Node's ~140 roots and the extra CA: ~10 ms of blocked event loop each, so a
    // burst of new connections stalled pages for seconds) and puts the whole list into every request's pool key.
    return new https.Agent({ keepAlive: true, secureContext: tls.createSecureContext({ ca: [...tls.rootCertificates, ca] }) })
}

export function sendHttps(agent: https.Agent, request: HttpsRequest): Promise<HttpsAnswer> {
    const url = new URL(request.url)
    if (url.protocol !== 'https:') return Promise.reject(new Error(`Refusing a non-HTTPS URL (${url.origin})`))
    return new Promise((resolve, reject) => {
        const headers = { ...request.headers }
        if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body))
        const req = https.request(url, { method: request.method, agent, headers }, (res) => {
            const chunks: Buffer[] = []
            res.on('data', (chunk: Buffer) => chunks.push(chunk))
            res.on('error', (error) => reject(new HttpsNoAnswerError(`${request.method} ${url.origin}${url.pathname}: ${error.message}`, 'network')))
            res.on('end', () => {
                const flat: Record<string, string> = {}
                for (const [name, value] of Object.entries(res.headers)) {
                    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value
                }
                resolve({ status: res.statusCode ?? 0, headers: flat, body: Buffer.concat(chunks).toString('utf8') })
            })
        })
        // setTimeout on the request covers connecting, TLS and a stalled answer alike.
        req.setTimeout(request.timeoutMs, () => {
            req.destroy(new HttpsNoAnswerError(`${request.method} ${url.origin}${url.pathname}: no answer within ${request.timeoutMs} ms`, 'timeout'))
        })
        req.on('error', (error) =>
            reject(error instanceof HttpsNoAnswerError ? error : new HttpsNoAnswerError(`${request.method} ${url.origin}${url.pathname}: ${error.message}`, noAnswerKind(error))),
        )
        req.end(request.body)
    })
}

/**
 * msal-node 7 sends its requests with the global `fetch` and has no agent or CA option (its `system` options are
 * loggerOptions, networkClient, disableInternalRetries, protocolMode). Its supported way to change the transport
 * is `system.networkClient`, so the token requests go through the same agent as the Graph calls.
 */
export function msalNetworkClient(agent: https.Agent, timeoutMs: number): INetworkModule {
    async function send<T>(method: 'GET' | 'POST', url: string, options: NetworkRequestOptions | undefined, timeout: number | undefined): Promise<NetworkResponse<T>> {
        const answer = await sendHttps(agent, { method, url, headers: options?.headers ?? {}, body: method === 'POST' ? (options?.body ?? '') : undefined, timeoutMs: timeout ?? timeoutMs })
        let body: T
        try {
            body = JSON.parse(answer.body) as T
        } catch {
            throw new Error(`${method} ${new URL(url).origin}${new URL(url).pathname} answered ${answer.status} without JSON`)
        }
        return { status: answer.status, headers: answer.headers, body }
    }
    return {
        sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions, timeout?: number) => send<T>('GET', url, options, timeout),
        sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>('POST', url, options, undefined),
    }
}
