// Conformance of request.body (emulator/instance/glide/rest.ts) with "RESTAPIRequestBody - Scoped, Global",
// "Control request and response content type" and "Controlling maximum request size".
import { NotEmulated } from '../../emulator/instance/messages.ts'
import { ServiceError } from '../../emulator/instance/glide/namespaces/sn_ws_err.ts'
import { createRestRequest, invokeRestHandler } from '../../emulator/instance/glide/rest.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'

let runtime: Runtime
beforeAll(() => {
    runtime = createRuntime().activate()
})
afterAll(() => runtime.close())

function post(body: string, contentType = 'application/json', maxBodyBytes: number | null = null) {
    return createRestRequest({ method: 'POST', path: '/api/x/y', headers: { 'content-type': contentType }, body, maxBodyBytes })
}

function thrown(fn: () => unknown): unknown {
    try {
        fn()
    } catch (e) {
        return e
    }
    return undefined
}

describe('the body is one stream, read once', () => {
    // RESTAPIRequestBody: "Because streams are only consumed once, only one can be called. For example, if
    // calling both data and dataString, the second call will return empty."
    it('dataString after data returns empty', () => {
        const request = post('{"a":1}')
        expect(request.body.data).toEqual({ a: 1 })
        expect(request.body.dataString).toBe('')
    })

    // Documented as "empty" without saying what data holds then: the local instance refuses (local choice).
    it('data after dataString is refused as not emulated', () => {
        const request = post('{"a":1}')
        expect(request.body.dataString).toBe('{"a":1}')
        expect(thrown(() => request.body.data)).toBeInstanceOf(NotEmulated)
    })

    // The docs do not say what a second read of the same field gives: refused (local choice).
    it('a second read of the same field is refused as not emulated', () => {
        const request = post('{"a":1}')
        void request.body.dataString
        expect(thrown(() => request.body.dataString)).toEqual(new NotEmulated('a second read of RESTAPIRequestBody.dataString'))
    })

    // RESTAPIRequestBody hasNext()/nextEntry(): one entry per element of an array body, a single object is one entry.
    it('hasNext() and nextEntry() walk the entries of the body', () => {
        const request = post('[{"name":"user0"},{"name":"user1"}]')
        const names: string[] = []
        while (request.body.hasNext()) names.push(request.body.nextEntry().name)
        expect(names).toEqual(['user0', 'user1'])
        expect(request.body.nextEntry()).toBeUndefined()
        const single = post('{"name":"user1"}')
        expect(single.body.nextEntry()).toEqual({ name: 'user1' })
        expect(single.body.hasNext()).toBe(false)
    })

    it('dataStream is refused as not emulated', () => {
        expect(thrown(() => post('{}').body.dataStream)).toEqual(new NotEmulated('RESTAPIRequestBody.dataStream'))
    })
})

describe('formats', () => {
    // "Control request and response content type": json subtypes (application/vnd.collection+json) are read as JSON.
    it('reads a +json body as JSON', () => {
        expect(post('{"a":2}', 'application/vnd.collection+json; charset=utf-8').body.data).toEqual({ a: 2 })
    })

    // Same page: data, dataString, nextEntry() or hasNext() with a non-json, non-xml format results in a 500 error response.
    it('answers 500 when a script reads a body that is neither JSON nor XML without dataStream', () => {
        for (const read of [(r: ReturnType<typeof post>) => r.body.dataString, (r: ReturnType<typeof post>) => r.body.data, (r: ReturnType<typeof post>) => r.body.hasNext()]) {
            expect(invokeRestHandler((req) => read(req), post('hello', 'text/plain')).status).toBe(500)
        }
    })

    it('refuses to parse an XML body (not emulated), while dataString still gives its text', () => {
        expect(thrown(() => post('<a/>', 'application/xml').body.data)).toBeInstanceOf(NotEmulated)
        expect(post('<a/>', 'text/xml').body.dataString).toBe('<a/>')
    })
})

describe('maximum request size', () => {
    // "Controlling maximum request size": reading data, dataString, nextEntry() or hasNext() of a body over the
    // limit makes the service answer 400.
    it('answers 400 when the script reads a body over the limit', () => {
        const error = thrown(() => post('{"a":"' + 'x'.repeat(100) + '"}', 'application/json', 64).body.dataString)
        expect(error).toBeInstanceOf(ServiceError)
        expect((error as ServiceError).status).toBe(400)
        expect(post('{"a":1}', 'application/json', 64).body.dataString).toBe('{"a":1}')
    })
})
