/**
 * The bridge's log: one JSON object per line on stdout, for journald, a container runtime or any log shipper.
 *
 *   const log = createJsonLog({ secrets })
 *   log.request({ requestId, method, url, status, ms, tenant })   one line per HTTP request, path without query
 *   log.job({ job, tenant, outcome, ms, ...fields })              one line per background job run (refresh, sync, write-back)
 *   log.event(message, fields?)                                   anything else; `log.line` is the same as a
 *                                                                 `(text) => void`, the signature the domain's `log` has
 *   log.enterRequest(requestId) → end()                           from here until end(), event lines carry that
 *                                                                 requestId (the server calls it per request)
 *   newRequestId(), requestIdFrom(header)                         the id a request's lines (and its error page) share
 *   redact(value, secrets)                                        what every line goes through
 *
 * The level of a job, request or domain line is derived here from what it reports, so no caller can forget it
 * (jobLevel, requestLevel, lineLevel): a failed job is `error`, a partial one `warn`; a 5xx `error`, a 4xx `warn`; a
 * domain line saying `failed` or `refused` `warn`; the rest `info`. Only `event` takes its caller's level. A field
 * named time, level or kind cannot replace the line's own.
 *
 * Nothing secret reaches a line: values under secret-bearing keys (access_token, refresh_token, id_token,
 * client_secret, code, code_verifier, password, authorization, cookie, ...) are replaced whole, whatever their
 * nesting; every string is masked for the secrets the process opened (SecretRegistry), for `Bearer …` and for
 * anything shaped like a JWT. A query string never reaches a line (OAuth callbacks carry codes there). `code` is
 * the OAuth authorization code's name, so an error code is logged as `errorCode`.
 * server.ts makes one log and hands `log.line` to the domain; nothing else writes to stdout.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { randomBytes } from 'node:crypto'
import { REDACTED, type SecretRegistry } from '../security/secret-registry.ts'

export type LogLevel = 'info' | 'warn' | 'error'

export interface RequestLogEntry {
    requestId: string
    method: string
    /** The request URL as received; only its path is logged. */
    url: string
    status: number
    ms: number
    /** The signed-in tenant, when there is one. */
    tenant?: string | null
}

/** How a background run ended: partial when some of its rows or pages failed (or Graph answered 206). */
export type JobOutcome = 'ok' | 'partial' | 'failed' | 'skipped'

export interface JobLogEntry {
    job: string
    outcome: JobOutcome
    ms: number
    tenant?: string | null
    [field: string]: unknown
}

export interface JsonLog {
    request(entry: RequestLogEntry): void
    job(entry: JobLogEntry): void
    event(message: string, fields?: { [field: string]: unknown }, level?: LogLevel): void
    /** `event` as the domain's `(line: string) => void`, at lineLevel's level. */
    line: (text: string) => void
    /**
     * Event lines written in this async context carry `requestId` until the returned end() (the response sent): a
     * timer or job a request started goes on without it once the request is over.
     */
    enterRequest(requestId: string): () => void
}

export interface JsonLogOptions {
    secrets: SecretRegistry
    write?: (line: string) => void
    now?: () => Date
}

/** Keys whose values are secrets, compared without case, `-` or `_`. */
const SECRET_KEYS = new Set(
    ['access_token', 'refresh_token', 'id_token', 'client_secret', 'client_assertion', 'code', 'code_verifier', 'password', 'authorization', 'cookie', 'set-cookie', 'secret', 'token', 'assertion'].map(
        (key) => key.replace(/[-_]/g, ''),
    ),
)
const isSecretKey = (key: string): boolean => SECRET_KEYS.has(key.toLowerCase().replace(/[-_]/g, ''))

const BEARER = /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi
/** Three base64url parts starting with a JSON header: a JWT, signed or not. */
const JWT = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g
/** A secret-bearing parameter in a URL or form text (`code=…`, `client_secret=…`). */
const SECRET_PARAM = /\b(access_token|refresh_token|id_token|client_secret|client_assertion|code|code_verifier|password)=[^&\s"']*/gi

function redactText(text: string, secrets: SecretRegistry): string {
    return secrets.redact(text).replace(BEARER, `Bearer ${REDACTED}`).replace(JWT, REDACTED).replace(SECRET_PARAM, `$1=${REDACTED}`)
}

/** A copy of `value` fit for a log line. */
export function redact(value: unknown, secrets: SecretRegistry, seen = new WeakSet<object>()): unknown {
    if (typeof value === 'string') return redactText(value, secrets)
    if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? String(value) : value
    if (seen.has(value)) return '[circular]'
    seen.add(value)
    if (value instanceof Date) return value.toISOString()
    if (value instanceof Error) {
        return { name: value.name, message: redactText(value.message, secrets), ...(value.stack ? { stack: redactText(value.stack, secrets) } : {}) }
    }
    if (Array.isArray(value)) return value.map((item) => redact(item, secrets, seen))
    const copy: { [key: string]: unknown } = {}
    for (const [key, item] of Object.entries(value)) copy[key] = isSecretKey(key) && item !== null && item !== undefined ? REDACTED : redact(item, secrets, seen)
    return copy
}

/** A job line's level, from its outcome alone: an operator filtering on level sees every failed or partial run. */
export function jobLevel(outcome: JobOutcome): LogLevel {
    return outcome === 'failed' ? 'error' : outcome === 'partial' ? 'warn' : 'info'
}

/**
 * A request line's level: a 5xx is the bridge failing (`error`); a 4xx is a request refused (no role, no session, a
 * missing CSRF token, a form from another site, a malformed or oversized form, another tenant's id), which an
 * operator watching for misuse wants to see (`warn`). Ordinary browsing gets none: a page asked for without a
 * session is a 303 to the sign-in page.
 */
export function requestLevel(status: number): LogLevel {
    return status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info'
}

/**
 * A domain line's level. The domain's log is `(text) => void` and carries none, and each of its lines reporting a
 * failure or a refusal says so in these words ("ticket sync failed: …", "sign-in refused (…)"): `warn`. The run's
 * job or request line carries the error level; this is its detail.
 */
export function lineLevel(text: string): LogLevel {
    return /\b(failed|refused)\b/i.test(text) ? 'warn' : 'info'
}

export function newRequestId(): string {
    return randomBytes(12).toString('base64url')
}

/** A reverse proxy's X-Request-Id when it is a plain token, so both logs share it; a new id otherwise. */
export function requestIdFrom(header: string | string[] | undefined): string {
    return typeof header === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(header) ? header : newRequestId()
}

export function createJsonLog(options: JsonLogOptions): JsonLog {
    const write = options.write ?? ((line: string) => process.stdout.write(line + '\n'))
    const now = options.now ?? (() => new Date())
    /** `own` spread twice: its keys lead the line, and a field of the same name cannot replace them. */
    const emit = (level: LogLevel, kind: string, fields: { [field: string]: unknown }, own: { [field: string]: unknown } = {}) => {
        const head = { time: now().toISOString(), level, kind, ...own }
        write(JSON.stringify(redact({ ...head, ...fields, ...head }, options.secrets)))
    }
    const requests = new AsyncLocalStorage<{ requestId: string; open: boolean }>()
    const event = (message: string, fields: { [field: string]: unknown } = {}, level: LogLevel = 'info') => {
        const current = requests.getStore()
        emit(level, 'event', current?.open ? { requestId: current.requestId, ...fields } : fields, { message })
    }
    return {
        request(entry) {
            emit(requestLevel(entry.status), 'request', {
                requestId: entry.requestId,
                method: entry.method,
                path: entry.url.split('?')[0].split('#')[0],
                status: entry.status,
                ms: Math.round(entry.ms),
                tenant: entry.tenant ?? null,
            })
        },
        job(entry) {
            const { job, outcome, ms, tenant, ...rest } = entry
            emit(jobLevel(outcome), 'job', { job, tenant: tenant ?? null, outcome, ms: Math.round(ms), ...rest })
        },
        event,
        line: (text) => event(text, {}, lineLevel(text)),
        enterRequest(requestId) {
            const context = { requestId, open: true }
            requests.enterWith(context)
            return () => {
                context.open = false
            }
        },
    }
}
