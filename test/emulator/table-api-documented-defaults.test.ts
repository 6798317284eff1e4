// Table API behaviours the REST API reference ("Table API", GET /now/table/{tableName} and the write methods) and
// "REST API HTTP response codes" document, over HTTP: sysparm_limit applied before ACL evaluation and X-Total-Count
// as the query's total; version 1 answering an empty result with 404; the request body's Content-Type (default
// application/json); boolean parameters read in any case; a before business rule's abort answered with 403.
// Each test asserts one row of FIDELITY.md ("Table API").
import type { GlideRecord } from '../../emulator/instance/glide/GlideRecord.ts'
import { ADMIN, basic, call, type Instance, ITIL, NOBODY, startTestInstance } from '../support/http-harness.ts'

let instance: Instance
const PREFIX = 'documented-defaults'
const listQuery = `sysparm_query=short_descriptionSTARTSWITH${PREFIX}%5EORDERBYshort_description&sysparm_fields=short_description`
const created: string[] = []

beforeAll(async () => {
    instance = await startTestInstance()
    for (const n of [1, 2, 3]) {
        const response = await call(`${instance.url}/api/now/table/incident`, 'POST', basic(ADMIN), { short_description: `${PREFIX} ${n}` })
        expect(response.status).toBe(201)
        created.push(response.json.result.sys_id)
    }
})

afterAll(() => instance.close())

/** A request whose body and Content-Type are exactly as given (fetch adds none for a byte body). */
async function rawWrite(method: string, path: string, body: string, contentType: string | null): Promise<{ status: number; json: any }> {
    const headers: Record<string, string> = { accept: 'application/json', authorization: basic(ADMIN) }
    if (contentType !== null) headers['content-type'] = contentType
    const response = await fetch(`${instance.url}${path}`, { method, headers, body: new TextEncoder().encode(body) })
    const text = await response.text()
    return { status: response.status, json: text ? JSON.parse(text) : null }
}

describe('sysparm_limit is applied before ACL evaluation; X-Total-Count is the query\'s total', () => {
    // Table API, sysparm_limit: "This limit is applied before ACL evaluation"; X-Total-Count: "Total count of records returned by the query".
    it('gives a caller who may read none of the matches an empty page, while X-Total-Count and Link count every match', async () => {
        const reader = await call(`${instance.url}/api/now/table/incident?${listQuery}&sysparm_limit=2`, 'GET', basic(ITIL))
        expect(reader.json.result).toEqual([{ short_description: `${PREFIX} 1` }, { short_description: `${PREFIX} 2` }])
        expect(reader.headers.get('x-total-count')).toBe('3')
        const refused = await call(`${instance.url}/api/now/table/incident?${listQuery}&sysparm_limit=2`, 'GET', basic(NOBODY))
        expect(refused.status).toBe(200)
        expect(refused.json.result).toEqual([])
        expect(refused.headers.get('x-total-count')).toBe('3')
        expect(refused.headers.get('link')).toContain('rel="next"')
    })
})

describe('API version: "Version 1 returns error code 404 with no results. Version 2 returns success code 200 and an empty array"', () => {
    const none = `sysparm_query=short_description=${PREFIX}%20none`

    it('version 1 answers an empty result with 404 "No Record found"', async () => {
        const response = await call(`${instance.url}/api/now/v1/table/incident?${none}`, 'GET', basic(ADMIN))
        expect(response.status).toBe(404)
        expect(response.json).toEqual({ error: { message: 'No Record found', detail: 'Records matching query not found. Check query parameter or offset parameter' }, status: 'failure' })
    })

    it('version 1 answers 404 too when read ACLs leave the page empty, and 200 when it holds a record', async () => {
        expect((await call(`${instance.url}/api/now/v1/table/incident?${listQuery}`, 'GET', basic(NOBODY))).status).toBe(404)
        const found = await call(`${instance.url}/api/now/v1/table/incident?${listQuery}&sysparm_limit=1`, 'GET', basic(ADMIN))
        expect(found.status).toBe(200)
        expect(found.json.result).toEqual([{ short_description: `${PREFIX} 1` }])
    })

    // api_version: "Only specify this value to use an endpoint version other than the latest": the unversioned URL is v2.
    it('version 2 and the unversioned URL answer an empty result with 200 and []', async () => {
        for (const prefix of ['/api/now/v2/table', '/api/now/table']) {
            const response = await call(`${instance.url}${prefix}/incident?${none}`, 'GET', basic(ADMIN))
            expect({ prefix, status: response.status, result: response.json.result }).toEqual({ prefix, status: 200, result: [] })
        }
    })
})

describe('request body Content-Type (POST / PUT / PATCH: "Supported types: application/json or application/xml. Default: application/json")', () => {
    it('reads a body without Content-Type as JSON', async () => {
        const response = await rawWrite('POST', '/api/now/table/incident', JSON.stringify({ short_description: 'no content type' }), null)
        expect(response.status).toBe(201)
        expect(instance.rows('incident', 'sys_id = ?', [response.json.result.sys_id])[0].short_description).toBe('no content type')
    })

    it('refuses another type with 415 and writes nothing', async () => {
        const response = await rawWrite('PATCH', `/api/now/table/incident/${created[0]}`, JSON.stringify({ short_description: 'sent as text' }), 'text/plain;charset=UTF-8')
        expect(response.status).toBe(415)
        expect(response.json.error.message).toBe('Invalid content-type. Supported request media types for this service are: [application/json, application/xml, text/xml]')
        expect(instance.rows('incident', 'sys_id = ?', [created[0]])[0].short_description).toBe(`${PREFIX} 1`)
    })

    it('refuses an XML body as not emulated', async () => {
        const response = await rawWrite('PUT', `/api/now/table/incident/${created[0]}`, '<request><short_description>xml</short_description></request>', 'application/xml')
        expect(response.status).toBe(501)
        expect(response.json.error.message).toBe('not emulated by the local instance: Table API XML request bodies (Content-Type: application/xml)')
    })
})

describe('boolean parameters are read in any case (clients send True, as Python writes str(True))', () => {
    it('sysparm_display_value and sysparm_exclude_reference_link: True and TRUE read as true', async () => {
        const caller = instance.rows('sys_user', 'user_name = ?', ['admin'])[0].sys_id
        await call(`${instance.url}/api/now/table/incident/${created[1]}`, 'PATCH', basic(ADMIN), { caller_id: caller })
        const read = async (parameters: string) => (await call(`${instance.url}/api/now/table/incident/${created[1]}?sysparm_fields=caller_id,impact&${parameters}`, 'GET', basic(ADMIN))).json.result
        const displayed = await read('sysparm_display_value=true&sysparm_exclude_reference_link=true')
        expect(displayed).toEqual({ caller_id: expect.any(String), impact: '3 - Low' })
        expect(displayed.caller_id).not.toBe(caller)
        for (const value of ['True', 'TRUE']) expect(await read(`sysparm_display_value=${value}&sysparm_exclude_reference_link=${value}`)).toEqual(displayed)
    })

    it('sysparm_suppress_pagination_header=True leaves Link out', async () => {
        const response = await call(`${instance.url}/api/now/table/incident?${listQuery}&sysparm_limit=1&sysparm_suppress_pagination_header=True`, 'GET', basic(ADMIN))
        expect(response.headers.get('link')).toBeNull()
        expect(response.json.result).toHaveLength(1)
    })

    it('sysparm_input_display_value=True stores a choice label as its value', async () => {
        const response = await call(`${instance.url}/api/now/table/incident/${created[2]}?sysparm_input_display_value=True`, 'PATCH', basic(ADMIN), { impact: '1 - High' })
        expect(response.status).toBe(200)
        expect(instance.rows('incident', 'sys_id = ?', [created[2]])[0].impact).toBe('1')
    })

    it('sysparm_no_count=True is refused as not emulated, as true is', async () => {
        const response = await call(`${instance.url}/api/now/table/incident?sysparm_no_count=True`, 'GET', basic(ADMIN))
        expect(response.status).toBe(501)
        expect(response.json.error.message).toBe('not emulated by the local instance: Table API parameter sysparm_no_count=True')
    })
})

describe('a before business rule that aborts the write ("REST API HTTP response codes": 403 "can also be caused by … business rule … constraints")', () => {
    it('answers POST, PATCH and DELETE with 403 "Operation Failed" and writes nothing', async () => {
        const runtime = instance.runtime
        const rules = runtime.runBusinessRules
        // A before rule of the test: current.setAbortAction(true) on records whose short description asks for it.
        runtime.runBusinessRules = function (when, action, current, previous, orders) {
            const record = current as GlideRecord
            if (when === 'before' && String(record.getValue('short_description')).startsWith('abort')) record.setAbortAction(true)
            else rules?.call(this, when, action, current, previous, orders)
        }
        try {
            const body = (table: string) => ({ error: { message: 'Operation Failed', detail: `Operation against file '${table}' was aborted by a business rule` }, status: 'failure' })
            const inserted = await call(`${instance.url}/api/now/table/incident`, 'POST', basic(ADMIN), { short_description: 'abort this insert' })
            expect({ status: inserted.status, body: inserted.json }).toEqual({ status: 403, body: body('incident') })
            expect(instance.rows('incident', 'short_description = ?', ['abort this insert'])).toEqual([])
            const updated = await call(`${instance.url}/api/now/table/incident/${created[2]}`, 'PATCH', basic(ADMIN), { short_description: 'abort this update' })
            expect({ status: updated.status, body: updated.json }).toEqual({ status: 403, body: body('incident') })
            const victim = instance.runtime.store.insert('incident', { short_description: 'abort this delete' }, 'system').sysId!
            const deleted = await call(`${instance.url}/api/now/table/incident/${victim}`, 'DELETE', basic(ADMIN))
            expect({ status: deleted.status, body: deleted.json }).toEqual({ status: 403, body: body('incident') })
            expect(instance.rows('incident', 'sys_id = ?', [victim])).toHaveLength(1)
        } finally {
            runtime.runBusinessRules = rules
        }
    })
})
