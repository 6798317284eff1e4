/**
 * The Secure Score calls of Microsoft Graph v1.0, typed with @microsoft/microsoft-graph-types.
 *
 * Why a small client over node:https and not @microsoft/microsoft-graph-client: the bridge needs three
 * endpoints, and what it needs around them is what that SDK does not give: a limit of 4 requests in flight per
 * tenant across every call (list pages, reads and PATCHes together), `Retry-After` honoured on 429/503/504 for
 * all of them, 206 + `Warning` (a provider failed) surfaced as "partial" instead of passing for a full list, and
 * an explicit CA for the local stand-in on our own agent instead of a process-wide setting. graph-client 3.0.7 is
 * also no longer actively released, and pointed at another host it silently sends no token unless that host is
 * listed in `customHosts`.
 *
 *   createSecureScoreClient({ graphBaseUrl, tokens, ca?, maxInFlightPerTenant?, maxAttempts?,
 *                             maxRetryAfterSeconds?, sleep?, timeoutMs? }) → SecureScoreClient
 *
 * Retried: 429, 503, 504, no answer (but not a server certificate that fails verification) and per-request
 * timeouts, up to `maxAttempts` attempts in all, waiting
 * `Retry-After` (seconds or an HTTP date) or else exponential backoff with full jitter; a `Retry-After` longer
 * than `maxRetryAfterSeconds` is not waited for (the error carries it, so the caller can schedule). A 401 gets one
 * new token and one more try. Every other non-2xx answer is thrown at once as a GraphRequestError; 4xx are
 * `permanent`. A retried PATCH whose answer was lost may have been applied already: then Graph holds two equal
 * history entries, and the current state is the same, so it is retried like the reads.
 */
import { randomUUID } from 'node:crypto'
import type { SecureScore, SecureScoreControlProfile } from '@microsoft/microsoft-graph-types'
import { fullJitter, parseRetryAfter } from '../retry.ts'
import { PerTenantLimiter } from './concurrency.ts'
import { isDeviceControl } from './control-state.ts'
import { createHttpsAgent, HttpsNoAnswerError, sendHttps, type HttpsAnswer } from './https-transport.ts'
import type { TokenSource } from './token-source.ts'

/** Secure Score's documented limit of concurrent requests per app and tenant. */
export const MAX_IN_FLIGHT_PER_TENANT = 4

export interface SecureScoreClientOptions {
    /** 'https://graph.microsoft.com/v1.0' */
    graphBaseUrl: string
    tokens: TokenSource
    /** Extra trusted CA (PEM), the stand-in's; production leaves it unset. */
    ca?: string
    /** Requests in flight per tenant (default 4, Secure Score's limit per app per tenant). */
    maxInFlightPerTenant?: number
    /** Share another client's per-tenant limit (clients with other retry settings still count against one limit). */
    limiter?: PerTenantLimiter
    /** Attempts in all for one request, the first included (default 6). */
    maxAttempts?: number
    /** A longer Retry-After ends the retries (default 120). */
    maxRetryAfterSeconds?: number
    /** For tests: the waits between attempts. */
    sleep?: (ms: number) => Promise<void>
    /** Per request (default 30 s). */
    timeoutMs?: number
}

export interface ProfileList {
    profiles: SecureScoreControlProfile[]
    /** Graph answered 206 for at least one page: some provider's controls may be missing. */
    partial: boolean
    warning: string | null
}

export interface ScoreList {
    scores: SecureScore[]
    partial: boolean
    warning: string | null
}

export type ControlState = 'Default' | 'Ignored' | 'ThirdParty' | 'Reviewed'

export interface ControlStateUpdate {
    state: ControlState
    comment?: string
    assignedTo?: string
}

export interface SecureScoreClient {
    /** Follows @odata.nextLink to the end. */
    listControlProfiles(tenantId: string): Promise<ProfileList>
    /** secureScores?$top=n, newest first. */
    /** `select`: only these properties (e.g. the chart's, without the per-control scores). */
    listScores(tenantId: string, top: number, select?: string[]): Promise<ScoreList>
    getControlProfile(tenantId: string, id: string): Promise<SecureScoreControlProfile>
    /** Always sends vendorInformation {provider:'SecureScore', vendor:'Microsoft'} (Graph requires it). */
    updateControlState(tenantId: string, id: string, update: ControlStateUpdate): Promise<void>
}

export interface GraphRequestErrorFields {
    status: number
    code: string
    retryAfterSeconds: number | null
    requestId: string | null
    permanent: boolean
}

/** A Graph answer that is not 2xx (after retries), or no answer at all (status 0, code 'timeout', 'network' or
 * 'tls'). Never carries a token. */
export class GraphRequestError extends Error implements GraphRequestErrorFields {
    readonly status: number
    readonly code: string
    readonly retryAfterSeconds: number | null
    readonly requestId: string | null
    /** 400, 401 after a new token, 403, 404 and other 4xx: trying again will not help. */
    readonly permanent: boolean

    constructor(message: string, fields: GraphRequestErrorFields) {
        super(message)
        this.name = 'GraphRequestError'
        this.status = fields.status
        this.code = fields.code
        this.retryAfterSeconds = fields.retryAfterSeconds
        this.requestId = fields.requestId
        this.permanent = fields.permanent
    }
}

const VENDOR_INFORMATION = { provider: 'SecureScore', vendor: 'Microsoft' }
/** The states v1.0 documents for a control (the portal's other statuses have no Graph value). */
export const CONTROL_STATES: ReadonlySet<string> = new Set<ControlState>(['Default', 'Ignored', 'ThirdParty', 'Reviewed'])
const RETRYABLE_STATUSES = new Set([429, 503, 504])
const BACKOFF_BASE_MS = 500
const BACKOFF_CAP_MS = 30_000

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export function createSecureScoreClient(options: SecureScoreClientOptions): SecureScoreClient {
    const base = new URL(options.graphBaseUrl)
    if (base.protocol !== 'https:') throw new Error(`graphBaseUrl must be https: ${base.origin}`)
    const baseUrl = base.origin + base.pathname.replace(/\/+$/, '')
    const agent = createHttpsAgent(options.ca)
    const limiter = options.limiter ?? new PerTenantLimiter(options.maxInFlightPerTenant ?? MAX_IN_FLIGHT_PER_TENANT)
    const maxAttempts = Math.max(1, options.maxAttempts ?? 6)
    const maxRetryAfterSeconds = options.maxRetryAfterSeconds ?? 120
    const sleep = options.sleep ?? defaultSleep
    const timeoutMs = options.timeoutMs ?? 30_000

    async function call(tenantId: string, method: 'GET' | 'PATCH', url: string, body?: unknown): Promise<HttpsAnswer> {
        // One id for all attempts of one call, so Microsoft support can follow its retries.
        const clientRequestId = randomUUID()
        let token = await options.tokens.accessToken(tenantId)
        let renewedAfter401 = false
        let failures = 0
        for (;;) {
            const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json', 'client-request-id': clientRequestId }
            if (body !== undefined) headers['content-type'] = 'application/json'
            let answer: HttpsAnswer
            try {
                answer = await limiter.run(tenantId, () => sendHttps(agent, { method, url, headers, body: body === undefined ? undefined : JSON.stringify(body), timeoutMs }))
            } catch (error) {
                if (!(error instanceof HttpsNoAnswerError)) throw error
                failures++
                if (failures >= maxAttempts || error.kind === 'tls') {
                    throw new GraphRequestError(`${error.message} (after ${failures} attempt${failures === 1 ? '' : 's'})`, {
                        status: 0,
                        code: error.kind,
                        retryAfterSeconds: null,
                        requestId: null,
                        permanent: error.kind === 'tls',
                    })
                }
                await sleep(fullJitter(failures, BACKOFF_BASE_MS, BACKOFF_CAP_MS))
                continue
            }
            if (answer.status >= 200 && answer.status < 300) return answer
            if (answer.status === 401 && !renewedAfter401) {
                // The token may have expired or been revoked since msal cached it: one new token, one more try.
                renewedAfter401 = true
                token = await options.tokens.accessToken(tenantId, { rejected: token })
                continue
            }
            const error = errorFromAnswer(method, url, answer)
            if (!RETRYABLE_STATUSES.has(answer.status)) throw error
            failures++
            if (failures >= maxAttempts) throw error
            if (error.retryAfterSeconds !== null && error.retryAfterSeconds > maxRetryAfterSeconds) throw error
            await sleep(error.retryAfterSeconds !== null ? error.retryAfterSeconds * 1000 : fullJitter(failures, BACKOFF_BASE_MS, BACKOFF_CAP_MS))
        }
    }

    async function getJson(tenantId: string, url: string): Promise<{ answer: HttpsAnswer; json: Record<string, unknown> }> {
        const answer = await call(tenantId, 'GET', url)
        let json: unknown
        try {
            json = JSON.parse(answer.body)
        } catch {
            json = null
        }
        if (json === null || typeof json !== 'object' || Array.isArray(json)) {
            throw new GraphRequestError(`Graph GET ${new URL(url).pathname} answered ${answer.status} without a JSON object`, {
                status: answer.status,
                code: 'invalidResponse',
                retryAfterSeconds: null,
                requestId: answer.headers['request-id'] ?? null,
                permanent: false,
            })
        }
        return { answer, json: json as Record<string, unknown> }
    }

    /** Reads a collection, following @odata.nextLink exactly as given, until it is absent or `enough` says so. */
    async function collect<T>(tenantId: string, firstUrl: string, enough: (count: number) => boolean): Promise<{ items: T[]; partial: boolean; warning: string | null }> {
        const items: T[] = []
        const warnings: string[] = []
        const visited = new Set<string>()
        let partial = false
        let url: string | null = firstUrl
        while (url !== null) {
            visited.add(url)
            const { answer, json } = await getJson(tenantId, url)
            if (!Array.isArray(json.value)) throw new Error(`Graph GET ${new URL(url).pathname} answered without a value array`)
            items.push(...(json.value as T[]))
            if (answer.status === 206) {
                partial = true
                const warning = answer.headers['warning']
                if (warning !== undefined && !warnings.includes(warning)) warnings.push(warning)
            }
            const next = json['@odata.nextLink']
            url = next === undefined || next === null || enough(items.length) ? null : checkedNextLink(next, visited)
        }
        return { items, partial, warning: warnings.length > 0 ? warnings.join('; ') : null }
    }

    function checkedNextLink(next: unknown, visited: Set<string>): string {
        if (typeof next !== 'string') throw new Error('Graph answered an @odata.nextLink that is not a string')
        let link: URL
        try {
            link = new URL(next)
        } catch {
            throw new Error('Graph answered an @odata.nextLink that is not an absolute URL')
        }
        // The next page gets the tenant's bearer token: never send it anywhere but Graph itself.
        if (link.origin !== base.origin) throw new Error(`Refusing an @odata.nextLink to ${link.origin}: it is not ${base.origin}, and the request would carry the token`)
        if (visited.has(next)) throw new Error('Graph answered an @odata.nextLink already followed (a paging loop)')
        return next
    }

    return {
        async listControlProfiles(tenantId) {
            const { items, partial, warning } = await collect<SecureScoreControlProfile>(tenantId, `${baseUrl}/security/secureScoreControlProfiles`, () => false)
            return { profiles: items, partial, warning }
        },

        async listScores(tenantId, top, select) {
            if (!Number.isInteger(top) || top < 1) throw new Error(`top must be a positive integer, not ${top}`)
            if (select && !select.every((name) => /^[A-Za-z]+$/.test(name))) throw new Error(`select takes property names only, not ${select.join(',')}`)
            const selected = select?.length ? `&$select=${select.join(',')}` : ''
            // Graph may page even a $top answer; follow until n scores are in, then stop.
            const { items, partial, warning } = await collect<SecureScore>(tenantId, `${baseUrl}/security/secureScores?$top=${top}${selected}`, (count) => count >= top)
            return { scores: items.slice(0, top), partial, warning }
        },

        async getControlProfile(tenantId, id) {
            const { json } = await getJson(tenantId, profileUrl(id))
            return json as SecureScoreControlProfile
        },

        async updateControlState(tenantId, id, update) {
            if (isDeviceControl(id)) throw new Error(`${id} is a Device control: Graph cannot set its state (Defender Vulnerability Management does)`)
            if (!CONTROL_STATES.has(update.state)) throw new Error(`Not a Secure Score control state: ${JSON.stringify(update.state)}`)
            const body = {
                state: update.state,
                ...(update.comment === undefined ? {} : { comment: update.comment }),
                ...(update.assignedTo === undefined ? {} : { assignedTo: update.assignedTo }),
                vendorInformation: VENDOR_INFORMATION,
            }
            await call(tenantId, 'PATCH', profileUrl(id), body)
        },
    }

    function profileUrl(id: string): string {
        return `${baseUrl}/security/secureScoreControlProfiles/${encodeURIComponent(id)}`
    }
}

function errorFromAnswer(method: string, url: string, answer: HttpsAnswer): GraphRequestError {
    // Graph's error shape: { error: { code, message, innerError: { date, request-id, client-request-id } } };
    // the code may be empty, so the status decides.
    let graphError: { code?: unknown; message?: unknown; innerError?: { 'request-id'?: unknown } } = {}
    try {
        const parsed = JSON.parse(answer.body) as { error?: typeof graphError }
        if (parsed && typeof parsed.error === 'object' && parsed.error !== null) graphError = parsed.error
    } catch {
        // Not JSON (a proxy's or gateway's page): status and request-id still say what happened.
    }
    const code = typeof graphError.code === 'string' ? graphError.code : ''
    const message = typeof graphError.message === 'string' ? graphError.message : ''
    const innerRequestId = graphError.innerError?.['request-id']
    const requestId = answer.headers['request-id'] ?? (typeof innerRequestId === 'string' ? innerRequestId : null)
    const retryAfterMs = parseRetryAfter(answer.headers['retry-after'])
    const retryAfter = retryAfterMs === null ? null : Math.ceil(retryAfterMs / 1000)
    const permanent = answer.status >= 400 && answer.status < 500 && answer.status !== 429
    const text =
        `Graph ${method} ${new URL(url).pathname} answered ${answer.status}` +
        (code ? ` ${code}` : '') +
        (message ? `: ${message}` : '') +
        (requestId ? ` (request-id ${requestId})` : '')
    return new GraphRequestError(text, { status: answer.status, code, retryAfterSeconds: retryAfter, requestId, permanent })
}
