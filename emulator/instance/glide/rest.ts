/**
 * Scripted REST request and response objects, for handlers run by tests and by the HTTP server.
 *
 *   createRestRequest({ method, path, pathParams, queryParams, headers, body, maxBodyBytes }) → RESTAPIRequest
 *     body (RESTAPIRequestBody): one stream, read once by data (the parsed JSON), dataString (the raw text) or
 *     hasNext()/nextEntry() (the entries of an array body); dataString after another read is '' as
 *     documented, anything else read twice is refused as not emulated; a body that is neither JSON nor XML
 *     (bodyFormat) answers 500 unless read by dataStream (not emulated); a body over maxBodyBytes answers 400
 *     when read; unreadable JSON is a 400 ServiceError "Exception while reading request".
 *     queryParams: { name: string[] }; pathParams: { name: string }; getHeader(name) is case-insensitive;
 *     getSupportedResponseContentTypes(): the Accept header's content types
 *   createRestResponse() → RESTAPIResponse: setStatus, setBody (the client sees {"result": body}),
 *     setHeader / setHeaders, setLocation, setContentType, setError(error) (status from the error, default
 *     500, body {"error": {"message", "detail"}, "status": "failure"}); toHttp() → { status, headers, body }
 *   invokeRestHandler(handler, request) → { status, headers, body }: runs handler(request, response); a
 *     thrown sn_ws_err error is treated as setError; NotEmulated propagates (the HTTP layer answers 501); any
 *     other exception becomes a 500 envelope (and is logged); a returned value with no setBody becomes the body
 */
import { notEmulated, NotEmulated, SCRIPTED_REST_MESSAGES as M } from '../messages.ts'
import { writeLog } from './gs.ts'
import { platformMethods, refuseUnemulated } from './platform-apis.ts'
import { ServiceError } from './namespaces/sn_ws_err.ts'

export interface RestRequestInit {
    method?: string
    path?: string
    pathParams?: Record<string, string>
    queryParams?: Record<string, string | string[]>
    headers?: Record<string, string>
    body?: string
    /** The platform's body size limit (glide.rest.max_content_length …), applied when the body is read. */
    maxBodyBytes?: number | null
}

export interface HttpResult {
    status: number
    headers: Record<string, string>
    body: string
}

function readError(detail: string): ServiceError {
    return new ServiceError().setStatus(400).setMessage(M.readFailed.text).setDetail(detail)
}

type BodyRead = 'data' | 'dataString' | 'entries'
type BodyFormat = 'json' | 'xml' | 'other'

/** How the platform reads a body of this Content-Type: json and xml subtypes as JSON and XML ("Control request and response content type"). */
export function bodyFormat(contentType: string | undefined): BodyFormat {
    const type = (contentType ?? '').split(';')[0].trim().toLowerCase()
    // No Content-Type: the HTTP layer refuses such a body before the script runs; handlers called directly read it as JSON.
    if (type === '' || type === 'application/json' || /^[a-z0-9.+-]+\/([a-z0-9.-]+\+)?json$/.test(type)) return 'json'
    if (type === 'application/xml' || type === 'text/xml' || /^[a-z0-9.+-]+\/([a-z0-9.-]+\+)?xml$/.test(type)) return 'xml'
    return 'other'
}

/**
 * The request body, read once as the platform reads its stream (RESTAPIRequestBody): data, dataString and
 * hasNext()/nextEntry() each consume it, and another of them afterwards gets an empty body.
 */
export class RESTAPIRequestBody {
    private readBy: BodyRead | null = null
    private entries: unknown[] | null = null

    constructor(
        private readonly raw: string,
        private readonly format: BodyFormat,
        private readonly maxBytes: number | null,
    ) {}

    get data(): any {
        if (!this.consume('data')) return notEmulated('RESTAPIRequestBody.data after another read of the body (documented as empty; its value is not)')
        return this.parse()
    }

    get dataString(): string {
        return this.consume('dataString') ? this.raw : ''
    }

    get dataStream(): never {
        return notEmulated('RESTAPIRequestBody.dataStream')
    }

    hasNext(): boolean {
        return this.pending().length > 0
    }

    nextEntry(): any {
        return this.pending().shift()
    }

    private pending(): unknown[] {
        if (this.entries) return this.entries
        if (!this.consume('entries')) notEmulated('RESTAPIRequestBody.hasNext()/nextEntry() after another read of the body')
        const parsed = this.parse()
        this.entries = Array.isArray(parsed) ? [...parsed] : [parsed]
        return this.entries
    }

    /** true for the first read; false for a read of the stream another accessor already consumed. */
    private consume(by: BodyRead): boolean {
        if (this.format === 'other') throw new ServiceError().setStatus(500).setMessage(M.notJsonOrXml.text).setDetail(by)
        if (this.maxBytes !== null && Buffer.byteLength(this.raw, 'utf8') > this.maxBytes) throw readError(M.tooLarge.text(this.maxBytes))
        if (this.readBy === null) {
            this.readBy = by
            return true
        }
        if (this.readBy === by) notEmulated(`a second read of RESTAPIRequestBody.${by}`)
        return false
    }

    private parse(): unknown {
        if (this.format === 'xml') return notEmulated('RESTAPIRequestBody of an XML body (data, hasNext, nextEntry)')
        if (this.raw.trim() === '') throw readError(M.emptyJson.text)
        try {
            return JSON.parse(this.raw)
        } catch {
            throw readError(M.invalidJson.text)
        }
    }
}

export class RESTAPIRequest {
    readonly body: RESTAPIRequestBody
    readonly method: string
    readonly pathParams: Record<string, string>
    readonly queryParams: Record<string, string[]>
    readonly headers: Record<string, string>
    readonly queryString: string
    readonly uri: string
    readonly url: string

    constructor(init: RestRequestInit = {}) {
        this.method = (init.method ?? 'GET').toUpperCase()
        this.pathParams = { ...init.pathParams }
        this.queryParams = {}
        for (const [k, v] of Object.entries(init.queryParams ?? {})) this.queryParams[k] = Array.isArray(v) ? v.map(String) : [String(v)]
        this.headers = {}
        for (const [k, v] of Object.entries(init.headers ?? {})) this.headers[k.toLowerCase()] = v
        this.body = new RESTAPIRequestBody(init.body ?? '', bodyFormat(this.headers['content-type']), init.maxBodyBytes ?? null)
        const qs = new URLSearchParams()
        for (const [k, vs] of Object.entries(this.queryParams)) for (const v of vs) qs.append(k, v)
        this.queryString = qs.toString()
        this.uri = init.path ?? '/'
        this.url = this.queryString ? `${this.uri}?${this.queryString}` : this.uri
    }

    getHeader(name: string): string | undefined {
        return this.headers[name.toLowerCase()]
    }

    /** The content types of the request's Accept header (RESTAPIRequest scoped API). */
    getSupportedResponseContentTypes(): string[] {
        return (this.getHeader('accept') ?? '')
            .split(',')
            .map((range) => range.split(';')[0].trim())
            .filter(Boolean)
    }
}

export class RESTAPIResponse {
    private status = 200
    private readonly headers: Record<string, string> = { 'Content-Type': 'application/json' }
    private body: string | undefined

    setStatus(code: number): void {
        this.status = code
    }

    setBody(body: unknown): void {
        this.body = JSON.stringify({ result: body })
    }

    setHeader(name: string, value: string): void {
        const existing = Object.keys(this.headers).find((k) => k.toLowerCase() === name.toLowerCase())
        if (existing) delete this.headers[existing]
        this.headers[name] = String(value)
    }

    setHeaders(headers: Record<string, string>): void {
        for (const [k, v] of Object.entries(headers)) this.setHeader(k, v)
    }

    setLocation(location: string): void {
        this.setHeader('Location', location)
    }

    setContentType(contentType: string): void {
        this.setHeader('Content-Type', contentType)
    }

    setError(error: unknown): void {
        const e = error instanceof ServiceError ? error : new ServiceError().setMessage(error instanceof Error ? error.message : String(error))
        this.status = e.status || 500
        this.body = JSON.stringify({ error: { message: e.message, detail: e.detail }, status: 'failure' })
    }

    hasBody(): boolean {
        return this.body !== undefined
    }

    toHttp(): HttpResult {
        return { status: this.status, headers: { ...this.headers }, body: this.body ?? '' }
    }
}

// getRequestedQueryCategory() among them.
refuseUnemulated(RESTAPIRequest.prototype, platformMethods('sn_ws_int', 'RESTAPIRequest'), 'RESTAPIRequest')
refuseUnemulated(RESTAPIRequestBody.prototype, platformMethods('sn_ws_int', 'RESTAPIRequestBody'), 'RESTAPIRequestBody')
// getStreamWriter() among them: its RESTAPIResponseStream is not emulated.
refuseUnemulated(RESTAPIResponse.prototype, platformMethods('sn_ws_int', 'RESTAPIResponse'), 'RESTAPIResponse')

export function createRestRequest(init: RestRequestInit): RESTAPIRequest {
    return new RESTAPIRequest(init)
}

export function createRestResponse(): RESTAPIResponse {
    return new RESTAPIResponse()
}

/** Handlers are written against @servicenow/glide's declarations (types only), which these classes implement. */
export type RestHandler = (request: any, response: any) => unknown

export function invokeRestHandler(handler: RestHandler, request: RESTAPIRequest): HttpResult {
    const response = createRestResponse()
    try {
        const returned = handler(request, response)
        if (returned !== undefined && !response.hasBody()) response.setBody(returned)
    } catch (e) {
        // What the local instance does not emulate is never answered as if the script had failed.
        if (e instanceof NotEmulated) throw e
        if (!(e instanceof ServiceError)) writeLog('error', `Scripted REST ${request.method} ${request.uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
        response.setError(e)
    }
    return response.toHttp()
}
