// Conformance of Scripted REST content negotiation (emulator/instance/http/scripted-rest.ts) with "Control
// request and response content type", "Scripted REST APIs" (request and response formats) and "REST API HTTP
// response codes": over HTTP against the built app's connector (consumes and produces application/json), and
// negotiate() on resources with the platform's default formats and wildcards.
import { NotEmulated } from '../../emulator/instance/messages.ts'
import { negotiate, type RestRoute } from '../../emulator/instance/http/scripted-rest.ts'
import { basic, call, CONNECTOR, type Instance, INTEGRATION, startTestInstance, TENANT } from '../support/http-harness.ts'

let instance: Instance
beforeAll(async () => {
    instance = await startTestInstance()
})
afterAll(() => instance.close())

const UNSUPPORTED_MEDIA_TYPE = { error: { message: 'Unsupported media type', detail: 'The endpoint does not support the format of the request body.' }, status: 'failure' }
const NOT_ACCEPTABLE = { error: { message: 'Not acceptable', detail: 'The endpoint does not support the response format specified in the request Accept header.' }, status: 'failure' }

describe('over HTTP, the connector (Supported request and response formats: application/json)', () => {
    // "If a requesting user specifies an Accept or Content-Type header not supported by the API or resource, the
    // instance responds with an HTTP error code of 406 or 415"; messages from "REST API HTTP response codes".
    it('answers 415 to a PUT/POST/PATCH body of another Content-Type', async () => {
        for (const contentType of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
            const response = await call(`${instance.url}${CONNECTOR}/connection`, 'PUT', basic(INTEGRATION), '{"tenantId":"x"}', { 'content-type': contentType })
            expect({ contentType, status: response.status, json: response.json }).toEqual({ contentType, status: 415, json: UNSUPPORTED_MEDIA_TYPE })
        }
    })

    it('takes application/json with parameters (charset) as application/json', async () => {
        const response = await call(`${instance.url}${CONNECTOR}/connection`, 'PUT', basic(INTEGRATION), { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'a@contoso.com' }, { 'content-type': 'application/json; charset=UTF-8' })
        expect([200, 201]).toContain(response.status)
    })

    // "The Supported request formats field appears only for PUT, POST, and PATCH resources": a GET is not refused for its Content-Type.
    it('does not check the Content-Type of a GET', async () => {
        const response = await call(`${instance.url}${CONNECTOR}/states?tenantId=${TENANT}`, 'GET', basic(INTEGRATION), undefined, { 'content-type': 'text/plain' })
        expect(response.status).not.toBe(415)
    })

    it('answers 406 to an Accept the resource cannot produce, in JSON ("Error response format")', async () => {
        for (const accept of ['application/xml', 'text/html', 'image/jpeg, text/plain']) {
            const response = await call(`${instance.url}${CONNECTOR}/states?tenantId=${TENANT}`, 'GET', basic(INTEGRATION), undefined, { accept })
            expect({ accept, status: response.status, json: response.json }).toEqual({ accept, status: 406, json: NOT_ACCEPTABLE })
            expect(response.headers.get('content-type')).toMatch(/^application\/json/)
        }
    })

    it('serves an Accept that lists JSON among others, */* and application/*', async () => {
        for (const accept of ['application/xml, application/json;q=0.5', '*/*', 'application/*', 'text/html, */*;q=0.1']) {
            const response = await call(`${instance.url}${CONNECTOR}/states?tenantId=${TENANT}`, 'GET', basic(INTEGRATION), undefined, { accept })
            expect({ accept, status: response.status }).not.toEqual({ accept, status: 406 })
        }
    })
})

function route(consumes: string, produces: string): RestRoute {
    return { consumes: consumes.split(','), produces: produces.split(',') } as RestRoute
}

describe('negotiate()', () => {
    // "Request and response formats": by default application/json, application/xml and text/xml.
    const defaults = route('application/json,application/xml,text/xml', 'application/json,application/xml,text/xml')

    it('accepts the default formats and refuses others', () => {
        for (const type of ['application/json', 'application/xml', 'text/xml; charset=utf-8']) expect(negotiate(defaults, 'POST', { 'content-type': type, accept: 'application/json' }, true)).toBeNull()
        expect(negotiate(defaults, 'POST', { 'content-type': 'text/plain', accept: 'application/json' }, true)?.status).toBe(415)
    })

    // "Using wildcard values": % is one character, * zero or more.
    it('matches supported formats with the % and * wildcards', () => {
        const wild = route('te%t/plain,application/vnd.*+json', 'application/json')
        expect(negotiate(wild, 'PATCH', { 'content-type': 'text/plain' }, true)).toBeNull()
        expect(negotiate(wild, 'PATCH', { 'content-type': 'application/vnd.collection+json' }, true)).toBeNull()
        expect(negotiate(wild, 'PATCH', { 'content-type': 'application/vnd+json' }, true)?.status).toBe(415)
        expect(negotiate(wild, 'PATCH', { 'content-type': 'textt/plain' }, true)?.status).toBe(415)
    })

    // Local instance rule: what it cannot serve is refused, not answered in JSON instead.
    it('refuses as not emulated an XML response, a form-urlencoded body and a body without Content-Type', () => {
        expect(() => negotiate(defaults, 'GET', { accept: 'application/xml' }, false)).toThrow(NotEmulated)
        expect(() => negotiate(route('application/x-www-form-urlencoded', 'application/json'), 'POST', { 'content-type': 'application/x-www-form-urlencoded' }, true)).toThrow(NotEmulated)
        expect(() => negotiate(defaults, 'POST', {}, true)).toThrow(NotEmulated)
        expect(negotiate(defaults, 'POST', { accept: 'application/json' }, false)).toBeNull()
    })
})
