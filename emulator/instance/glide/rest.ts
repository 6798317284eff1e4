/**
 * Scripted REST request and response objects, for handlers run by tests and by the HTTP server.
 *
 *   createRestRequest({ method, path, pathParams, queryParams, headers, body }) → RESTAPIRequest
 *     body.data: the parsed JSON, parsed on first access; invalid or empty JSON throws a 400 ServiceError
 *     ("Exception while reading request") as the platform does; body.dataString: the raw text;
 *     queryParams: { name: string[] }; pathParams: { name: string }; getHeader(name) is case-insensitive
 *   createRestResponse() → RESTAPIResponse: setStatus, setBody (the client sees {"result": body}),
 *     setHeader / setHeaders, setLocation, setContentType, setError(error) (status from the error, default
 *     500, body {"error": {"message", "detail"}, "status": "failure"}); toHttp() → { status, headers, body }
 *   invokeRestHandler(handler, request) → { status, headers, body }: runs handler(request, response); a
 *     thrown sn_ws_err error is treated as setError; any other exception becomes a 500 envelope (and is
 *     logged); a returned value with no setBody becomes the body
 */
import { writeLog } from './gs.ts'
import { ServiceError } from './namespaces/sn_ws_err.ts'

export interface RestRequestInit {
    method?: string
    path?: string
    pathParams?: Record<string, string>
    queryParams?: Record<string, string | string[]>
    headers?: Record<string, string>
    body?: string
}

export interface HttpResult {
    status: number
    headers: Record<string, string>
    body: string
}

function readError(detail: string): ServiceError {
    return new ServiceError().setStatus(400).setMessage('Exception while reading request').setDetail(detail)
}

export class RESTAPIRequestBody {
    private parsed = false
    private value: unknown

    constructor(readonly dataString: string) {}

    get data(): any {
        if (!this.parsed) {
            if (this.dataString.trim() === '') throw readError('Empty JSON content')
            try {
                this.value = JSON.parse(this.dataString)
            } catch {
                throw readError('The payload is not valid JSON')
            }
            this.parsed = true
        }
        return this.value
    }

    hasNext(): boolean {
        return false
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
        this.body = new RESTAPIRequestBody(init.body ?? '')
        const qs = new URLSearchParams()
        for (const [k, vs] of Object.entries(this.queryParams)) for (const v of vs) qs.append(k, v)
        this.queryString = qs.toString()
        this.uri = init.path ?? '/'
        this.url = this.queryString ? `${this.uri}?${this.queryString}` : this.uri
    }

    getHeader(name: string): string | undefined {
        return this.headers[name.toLowerCase()]
    }

    getRequestedQueryCategory(): string {
        return 'default'
    }

    getSupportedResponseContentTypes(): string[] {
        return ['application/json']
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
        if (!(e instanceof ServiceError)) writeLog('error', `Scripted REST ${request.method} ${request.uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
        response.setError(e)
    }
    return response.toHttp()
}
