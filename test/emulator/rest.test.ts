// Conformance of the Scripted REST objects with ServiceNow's RESTAPIRequest / RESTAPIResponse / sn_ws_err
// documentation: the {"result": …} body, the error envelope, query parameters as arrays.
import { BadRequestError, ConflictError, NotFoundError, ServiceError } from '../../emulator/instance/glide/namespaces/sn_ws_err.ts'
import { createRestRequest, createRestResponse, invokeRestHandler } from '../../emulator/instance/glide/rest.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'

let runtime: Runtime
beforeAll(() => {
    runtime = createRuntime().activate()
})
afterAll(() => runtime.close())

describe('RESTAPIRequest', () => {
    const init = {
        method: 'post',
        path: '/api/x_mioms_m365ticket/v1/connector/tasks',
        pathParams: { number: 'CHG0010001' },
        queryParams: { limit: '10', type: ['change', 'incident'] },
        headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/xml;q=0.5', 'X-Request-Id': 'abc' },
        body: '{"tenantId":"t","n":1}',
    }
    const request = createRestRequest(init)
    // RESTAPIRequestBody: data is the request content, dataString the body as a String (one read per request).
    it('body.data is the parsed JSON; body.dataString (on another request) the raw text', () => {
        expect(request.body.data).toEqual({ tenantId: 't', n: 1 })
        expect(createRestRequest(init).body.dataString).toBe('{"tenantId":"t","n":1}')
    })
    it('queryParams values are arrays of strings; pathParams are strings', () => {
        expect(request.queryParams).toEqual({ limit: ['10'], type: ['change', 'incident'] })
        expect(request.pathParams.number).toBe('CHG0010001')
    })
    it('getHeader is case-insensitive', () => {
        expect(request.getHeader('content-type')).toBe('application/json')
        expect(request.getHeader('X-REQUEST-ID')).toBe('abc')
    })
    // RESTAPIRequest scoped API: getSupportedResponseContentTypes() returns the content types of the Accept header.
    it('getSupportedResponseContentTypes lists the content types of the Accept header', () => {
        expect(request.getSupportedResponseContentTypes()).toEqual(['application/json', 'application/xml'])
    })
    // Local choice (the 400 is the platform's for an unreadable body; its text is not documented).
    it('reading body.data of an invalid JSON body throws a 400 "Exception while reading request"', () => {
        const bad = () => createRestRequest({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' })
        let thrown: unknown
        try {
            void bad().body.data
        } catch (e) {
            thrown = e
        }
        expect(thrown).toBeInstanceOf(ServiceError)
        expect((thrown as ServiceError & { status: number; message: string }).status).toBe(400)
        const result = invokeRestHandler((req) => req.body.data, bad())
        expect(result.status).toBe(400)
        expect(JSON.parse(result.body).error.message).toBe('Exception while reading request')
    })
})

describe('RESTAPIResponse', () => {
    it('setBody wraps the body in {"result": …}; setStatus sets the status', () => {
        const response = createRestResponse()
        response.setStatus(201)
        response.setBody({ number: 'CHG0010001' })
        response.setLocation('/api/x/tickets/CHG0010001')
        expect(response.toHttp()).toEqual({
            status: 201,
            headers: { 'Content-Type': 'application/json', Location: '/api/x/tickets/CHG0010001' },
            body: '{"result":{"number":"CHG0010001"}}',
        })
    })
    it('setError answers with the error status and the envelope {"error": {"message", "detail"}, "status": "failure"}', () => {
        const response = createRestResponse()
        const error = new ServiceError()
        error.setStatus(413).setMessage('Request too large').setDetail('max 65536 bytes')
        response.setError(error)
        expect(response.toHttp().status).toBe(413)
        expect(JSON.parse(response.toHttp().body)).toEqual({ error: { message: 'Request too large', detail: 'max 65536 bytes' }, status: 'failure' })
    })
    it('BadRequestError, NotFoundError and ConflictError carry 400, 404 and 409', () => {
        for (const [E, status] of [[BadRequestError, 400], [NotFoundError, 404], [ConflictError, 409]] as const) {
            const response = createRestResponse()
            response.setError(new E('nope'))
            expect(response.toHttp().status).toBe(status)
            expect(JSON.parse(response.toHttp().body).error.message).toBe('nope')
        }
    })
    it('setHeader / setHeaders / setContentType set response headers', () => {
        const response = createRestResponse()
        response.setHeaders({ 'X-A': '1' })
        response.setHeader('x-a', '2')
        response.setContentType('text/plain')
        expect(response.toHttp().headers).toEqual({ 'x-a': '2', 'Content-Type': 'text/plain' })
    })
})

describe('invokeRestHandler', () => {
    const request = createRestRequest({ method: 'GET', path: '/x' })
    it('a thrown sn_ws_err error is answered like setError', () => {
        const result = invokeRestHandler(() => {
            throw new NotFoundError('No ticket CHG1')
        }, request)
        expect(result.status).toBe(404)
        expect(JSON.parse(result.body)).toEqual({ error: { message: 'No ticket CHG1', detail: '' }, status: 'failure' })
    })
    it('any other exception is a 500 envelope and is logged', () => {
        const result = invokeRestHandler(() => {
            throw new Error('kaboom')
        }, request)
        expect(result.status).toBe(500)
        expect(JSON.parse(result.body)).toEqual({ error: { message: 'kaboom', detail: '' }, status: 'failure' })
    })
    it('a successful handler answers 200 with its body', () => {
        const result = invokeRestHandler((_req, res) => res.setBody({ ok: true }), request)
        expect(result).toMatchObject({ status: 200, body: '{"result":{"ok":true}}' })
    })
})
