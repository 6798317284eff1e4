/**
 * The one HTTP client through which the Microsoft 365 side calls a ServiceNow instance.
 *
 *   createInstanceClient({ baseUrl, getAccessToken, onUnauthorized?, retry? }) → InstanceClient
 *   client.call(method, path, { query?, body? }) → { status, headers, result, attempts }
 *       path is relative to the connector API (e.g. '/tasks'); the `{result}` envelope is unwrapped.
 *   withRetries(attempt, options)   the retry loop on its own (the OAuth token calls use it too)
 *
 * Retried: network errors, per-attempt timeouts, 429 and 5xx, at most `maxAttempts` attempts, waiting
 * the backoff, or `Retry-After` plus the backoff's jitter when the answer has one (a `Retry-After` longer
 * than `maxRetryAfterMs` ends the retries). Not retried: every other status, including 4xx. A retried request is sent again byte for
 * byte, so a POST /tasks retry carries the same task id and the connector replays the same ticket.
 * A 401 triggers one token refresh (`onUnauthorized`) and one more attempt with the new token.
 *
 * Errors: InstanceApiError (an HTTP answer that is not 2xx: status, ServiceNow's message and detail)
 * and InstanceUnreachableError (no answer). Tokens never appear in either.
 */

import { fullJitter, parseRetryAfter } from '../retry.ts'

export const CONNECTOR_API_PATH = '/api/x_mioms_m365ticket/v1/connector'

export interface RetryOptions {
    /** Attempts in all, the first included (default 4). */
    maxAttempts?: number
    /** Backoff before retry n is random in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))] (default 200 ms). */
    baseDelayMs?: number
    maxDelayMs?: number
    /** Each attempt is aborted after this long (default 10 s). */
    timeoutMs?: number
    /** A Retry-After longer than this is not waited for; the answer is returned as it is (default 30 s). */
    maxRetryAfterMs?: number
    /** For tests: the jitter source (default Math.random). */
    random?: () => number
    /** Told before each wait; for logs and tests. Never given a token. */
    onRetry?: (info: RetryInfo) => void
}

export interface RetryInfo {
    attempt: number
    delayMs: number
    reason: string
}

const DEFAULTS = { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 5000, timeoutMs: 10000, maxRetryAfterMs: 30000 }

export function retryDefaults(options: RetryOptions = {}): Required<Omit<RetryOptions, 'onRetry' | 'random'>> {
    return {
        maxAttempts: Math.max(1, options.maxAttempts ?? DEFAULTS.maxAttempts),
        baseDelayMs: options.baseDelayMs ?? DEFAULTS.baseDelayMs,
        maxDelayMs: options.maxDelayMs ?? DEFAULTS.maxDelayMs,
        timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
        maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs,
    }
}

export function isRetryableStatus(status: number): boolean {
    return status === 429 || (status >= 500 && status <= 599)
}

/** What one attempt came to: an answer (retryable or not) or a failure to get one. */
export type AttemptOutcome<T> =
    | { kind: 'done'; value: T }
    | { kind: 'retry'; value: T; reason: string; retryAfterMs: number | null }
    | { kind: 'failed'; error: Error; reason: string; retryAfterMs?: number | null }

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Runs `attempt` until it is done or the attempts run out. A 'retry' outcome still carries its
 * value, which is returned when no attempt is left; a 'failed' one throws its error then.
 */
export async function withRetries<T>(attempt: (attemptNumber: number) => Promise<AttemptOutcome<T>>, options: RetryOptions = {}): Promise<{ value: T; attempts: number }> {
    const settings = retryDefaults(options)
    const random = options.random ?? Math.random
    for (let n = 1; ; n++) {
        const outcome = await attempt(n)
        if (outcome.kind === 'done') return { value: outcome.value, attempts: n }
        const retryAfter = outcome.retryAfterMs ?? null
        const last = n >= settings.maxAttempts || (retryAfter !== null && retryAfter > settings.maxRetryAfterMs)
        if (last) {
            if (outcome.kind === 'failed') throw outcome.error
            return { value: outcome.value, attempts: n }
        }
        // Retry-After is the earliest moment to come back, and the jitter goes on top: the requests one overload
        // refused together (429 from a full API_INT queue) must not all come back in the same instant.
        const delayMs = (retryAfter ?? 0) + fullJitter(n, settings.baseDelayMs, settings.maxDelayMs, random)
        options.onRetry?.({ attempt: n, delayMs, reason: outcome.reason })
        await sleep(delayMs)
    }
}

export class InstanceApiError extends Error {
    constructor(
        readonly status: number,
        message: string,
        readonly detail: string | null,
        readonly attempts: number,
    ) {
        super(message)
        this.name = 'InstanceApiError'
    }
}

export class InstanceUnreachableError extends Error {
    constructor(
        message: string,
        readonly attempts: number,
    ) {
        super(message)
        this.name = 'InstanceUnreachableError'
    }
}

export interface CallOptions {
    query?: { [name: string]: string | number | undefined | null }
    body?: unknown
}

export interface CallResult<T> {
    status: number
    headers: Headers
    result: T
    attempts: number
}

export interface InstanceClientOptions {
    /** The instance, e.g. https://dev12345.service-now.com (a trailing slash is fine). */
    baseUrl: string
    /** A current access token; called before every attempt so that a refreshed token is used. */
    getAccessToken: () => Promise<string>
    /** Called once after a 401; returns a new token to try again with, or null. */
    onUnauthorized?: () => Promise<string | null>
    retry?: RetryOptions
    /** Prefix of every path (default the connector API). */
    apiPath?: string
}

export interface InstanceClient {
    call<T = unknown>(method: string, path: string, options?: CallOptions): Promise<CallResult<T>>
}

interface RawAnswer {
    status: number
    headers: Headers
    text: string
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
    const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } }
    if (e && (e.name === 'TimeoutError' || e.name === 'AbortError')) return 'no answer within ' + timeoutMs + ' ms'
    if (e && e.cause && (e.cause.code || e.cause.message)) return String(e.cause.code || e.cause.message)
    return (e && e.message) || String(error)
}

function envelopeError(text: string): { message: string; detail: string | null } | null {
    try {
        const parsed = JSON.parse(text) as { error?: { message?: unknown; detail?: unknown } }
        if (parsed && parsed.error && typeof parsed.error.message === 'string') {
            return { message: parsed.error.message, detail: typeof parsed.error.detail === 'string' ? parsed.error.detail : null }
        }
    } catch {
        // not JSON: the caller reports the status line
    }
    return null
}

export function buildUrl(baseUrl: string, apiPath: string, path: string, query: CallOptions['query'] = {}): string {
    const url = new URL(baseUrl.replace(/\/+$/, '') + apiPath + path)
    for (const [name, value] of Object.entries(query)) {
        if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, String(value))
    }
    return url.toString()
}

export function createInstanceClient(options: InstanceClientOptions): InstanceClient {
    const settings = retryDefaults(options.retry)
    const apiPath = options.apiPath ?? CONNECTOR_API_PATH

    async function send(method: string, url: string, body: string | undefined, token: string): Promise<RawAnswer> {
        const headers: { [name: string]: string } = { accept: 'application/json', authorization: 'Bearer ' + token }
        if (body !== undefined) headers['content-type'] = 'application/json'
        const response = await fetch(url, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(settings.timeoutMs) })
        // The body is read under the same timeout signal.
        const text = await response.text()
        return { status: response.status, headers: response.headers, text }
    }

    return {
        async call<T>(method: string, path: string, callOptions: CallOptions = {}): Promise<CallResult<T>> {
            const url = buildUrl(options.baseUrl, apiPath, path, callOptions.query)
            // Serialized once: every attempt sends exactly the same bytes (and the same task id).
            const body = callOptions.body === undefined ? undefined : JSON.stringify(callOptions.body)
            let refreshedAfter401 = false
            let overrideToken: string | null = null

            const { value: answer, attempts } = await withRetries<RawAnswer>(async () => {
                // A token that cannot be had (re-authorization needed) throws here: no request is made.
                const token = overrideToken ?? (await options.getAccessToken())
                overrideToken = null
                let raw: RawAnswer
                try {
                    raw = await send(method, url, body, token)
                } catch (error) {
                    const reason = describeNetworkError(error, settings.timeoutMs)
                    return { kind: 'failed', reason, error: new InstanceUnreachableError(method + ' ' + path + ': ' + reason, 0) }
                }
                if (raw.status === 401 && !refreshedAfter401 && options.onUnauthorized) {
                    refreshedAfter401 = true
                    const fresh = await options.onUnauthorized().catch(() => null)
                    if (fresh) {
                        overrideToken = fresh
                        return { kind: 'retry', value: raw, reason: '401 with a refreshed token', retryAfterMs: 0 }
                    }
                }
                if (isRetryableStatus(raw.status)) {
                    return { kind: 'retry', value: raw, reason: 'HTTP ' + raw.status, retryAfterMs: parseRetryAfter(raw.headers.get('retry-after')) }
                }
                return { kind: 'done', value: raw }
            }, options.retry).catch((error: unknown) => {
                if (error instanceof InstanceUnreachableError) throw new InstanceUnreachableError(error.message, settings.maxAttempts)
                throw error
            })

            if (answer.status < 200 || answer.status > 299) {
                const envelope = envelopeError(answer.text)
                throw new InstanceApiError(
                    answer.status,
                    envelope ? envelope.message : 'HTTP ' + answer.status + ' from ' + method + ' ' + path,
                    envelope ? envelope.detail : null,
                    attempts,
                )
            }
            let result: T
            try {
                const parsed = answer.text ? (JSON.parse(answer.text) as { result?: T }) : {}
                result = (parsed && 'result' in parsed ? parsed.result : parsed) as T
            } catch {
                throw new InstanceApiError(answer.status, 'The instance answered ' + method + ' ' + path + ' with a body that is not JSON', null, attempts)
            }
            return { status: answer.status, headers: answer.headers, result, attempts }
        },
    }
}
