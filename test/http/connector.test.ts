// The connector API over real HTTP with basic auth: every route, the platform's error envelopes for
// unknown URIs, authentication and authorization, and the app's own request size limit.
import { GlideRecord } from '@servicenow/glide'
import { disconnect, exerciseConnector } from '../support/connector-flow.ts'
import { ADMIN, basic, call, CONNECTOR, type Instance, INTEGRATION, ITIL, NOBODY, startTestInstance, TENANT, taskBody } from '../support/http-harness.ts'

let instance: Instance

beforeAll(async () => {
    instance = await startTestInstance()
})

afterAll(() => instance.close())

const NOT_AUTHENTICATED = { error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' }, status: 'failure' }

function connectorOperations(): Array<{ method: string; path: string }> {
    instance.runtime.activate()
    return instance.runtime.runAs('admin', () => {
        const ops = new GlideRecord('sys_ws_operation')
        ops.addQuery('operation_uri', 'STARTSWITH', CONNECTOR)
        ops.query()
        const out: Array<{ method: string; path: string }> = []
        while (ops.next()) out.push({ method: ops.getValue('http_method')!, path: ops.getValue('operation_uri')!.replace('{number}', 'CHG0010001') })
        return out
    })
}

describe('connector routes with basic auth', () => {
    it('serves every route end to end, at the versioned and the default-version URIs', async () => {
        await exerciseConnector(instance.url, basic(INTEGRATION), 'basic-auth-0001')
        await disconnect(instance.url, basic(INTEGRATION))
    })

    it('logs one line per request: method, path, status, time and user, never the query string', async () => {
        await call(`${instance.url}${CONNECTOR}/connection?tenantId=${TENANT}`, 'GET', basic(INTEGRATION))
        expect(instance.lines[instance.lines.length - 1]).toMatch(/^GET \/api\/x_mioms_m365ticket\/v1\/connector\/connection \d{3} \d+ms m365\.integration$/)
    })

    it('answers an unknown URI with 400 "Requested URI does not represent any resource"', async () => {
        for (const path of ['/api/x_mioms_m365ticket/v1/connector/nothing', '/api/x_mioms_m365ticket/v9/connector/tasks', '/api/nobody/here']) {
            const response = await call(instance.url + path, 'GET', basic(INTEGRATION))
            expect(response.status).toBe(400)
            expect(response.json).toEqual({ error: { message: 'Requested URI does not represent any resource', detail: null }, status: 'failure' })
        }
    })

    it('passes query parameters and path parameters as the platform does', async () => {
        const response = await call(`${instance.url}${CONNECTOR}/tickets/CHG%30000001?tenantId=${TENANT}`, 'GET', basic(INTEGRATION))
        // the tenant is not connected in this test: the app refuses, having read both parameters
        expect([403, 404]).toContain(response.status)
        expect(response.json.status).toBe('failure')
    })
})

describe('authentication', () => {
    it('refuses calls without credentials, with a wrong password, or by an unknown user: 401 envelope', async () => {
        for (const authorization of [null, basic({ user: INTEGRATION.user, password: 'wrong' }), basic({ user: 'nobody.here', password: 'x' }), 'Bearer not-a-token', 'Digest abc']) {
            const response = await call(`${instance.url}${CONNECTOR}/connection?tenantId=${TENANT}`, 'GET', authorization)
            expect(response.status).toBe(401)
            expect(response.json).toEqual(NOT_AUTHENTICATED)
        }
    })

    it('refuses locked-out and inactive users, and accepts web-service-only users on API calls', async () => {
        const runtime = instance.runtime
        runtime.createUser({ user_name: 'locked.integration', roles: ['x_mioms_m365ticket.integration'], password: 'Locked-Passw0rd!', locked_out: 'true' })
        runtime.createUser({ user_name: 'inactive.integration', roles: ['x_mioms_m365ticket.integration'], password: 'Inactive-Passw0rd!', active: 'false' })
        runtime.createUser({ user_name: 'ws.integration', roles: ['x_mioms_m365ticket.integration'], password: 'Ws-Passw0rd!', web_service_access_only: 'true' })
        const url = `${instance.url}${CONNECTOR}/connection`
        const body = { tenantId: '0f0f0f0f-0000-4000-8000-000000000001', tenantName: 'Fabrikam', connectedBy: 'a@fabrikam.com' }
        expect((await call(url, 'PUT', basic({ user: 'locked.integration', password: 'Locked-Passw0rd!' }), body)).json).toEqual(NOT_AUTHENTICATED)
        expect((await call(url, 'PUT', basic({ user: 'inactive.integration', password: 'Inactive-Passw0rd!' }), body)).json).toEqual(NOT_AUTHENTICATED)
        expect((await call(url, 'PUT', basic({ user: 'ws.integration', password: 'Ws-Passw0rd!' }), body)).status).toBe(201)
    })
})

describe('authorization: the connector ACL (role x_mioms_m365ticket.integration)', () => {
    // "Create an ACL rule": "administrators always pass role checks", so the ACL lets admin through; the app's
    // domain then refuses admin: it holds no tenant, and may not register one without being given the role.
    it('gives admin 403 on every connector route, from the app, not the ACL', async () => {
        for (const { method, path } of connectorOperations()) {
            const bodies: Record<string, unknown> = {
                'POST /tasks': taskBody(),
                'PATCH /tickets': { tenantId: TENANT, priority: 'low' },
                'PUT /connection': { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'admin@contoso.com' },
                'PUT /state-names': { tenantId: TENANT, change: {} },
            }
            const route = `${method} ${path.slice(CONNECTOR.length).replace(/\/CHG\d+$/, '')}`
            const response = await call(`${instance.url}${path}?tenantId=${TENANT}`, method, basic(ADMIN), bodies[route])
            expect({ route, status: response.status }).toEqual({ route, status: 403 })
            expect(response.json.error.message).not.toBe('User Not Authorized')
        }
        const put = await call(`${instance.url}${CONNECTOR}/connection`, 'PUT', basic(ADMIN), { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'admin@contoso.com' })
        expect(put.json.error.message).toBe('Only an integration user can connect a Microsoft 365 tenant')
    })

    it.each([
        ['a user without roles', NOBODY],
        ['an itil user', ITIL],
    ])('gives %s 403 on every connector route', async (_who, credentials) => {
        const operations = connectorOperations()
        expect(operations.length).toBeGreaterThanOrEqual(9)
        for (const { method, path } of operations) {
            const body = ['GET', 'DELETE'].includes(method) ? undefined : { tenantId: TENANT }
            const response = await call(`${instance.url}${path}?tenantId=${TENANT}`, method, basic(credentials), body)
            expect({ method, path, status: response.status }).toEqual({ method, path, status: 403 })
            expect(response.json).toMatchObject({ error: { message: 'User Not Authorized', detail: expect.any(String) }, status: 'failure' })
        }
    })
})

// The limit of x_mioms_m365ticket.max_request_body_bytes is the app's own (src/server/rest/route.ts): the
// instance invents none. Over HTTP the app's 413 arrives in the platform envelope, chunked bodies included.
describe("the app's request size limit (x_mioms_m365ticket.max_request_body_bytes) over HTTP", () => {
    it('answers the app\'s 413 for a chunked body past the limit', async () => {
        const property = instance.runtime.store.get<{ sys_id: string }>(`SELECT sys_id FROM "sys_properties" WHERE name = 'x_mioms_m365ticket.max_request_body_bytes'`)!
        const before = instance.runtime.store.getRow('sys_properties', property.sys_id)!.value
        instance.runtime.store.update('sys_properties', property.sys_id, { value: '200' }, 'admin')
        try {
            const chunks = [JSON.stringify(taskBody({ taskId: 'chunked' })).slice(0, 150), 'x'.repeat(100)]
            const stream = new ReadableStream({
                start(controller) {
                    for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk))
                    controller.close()
                },
            })
            const response = await fetch(`${instance.url}${CONNECTOR}/tasks`, {
                method: 'POST',
                headers: { authorization: basic(INTEGRATION), 'content-type': 'application/json', accept: 'application/json' },
                body: stream,
                duplex: 'half',
            } as RequestInit)
            expect(response.status).toBe(413)
            expect(await response.json()).toEqual({ error: { message: 'Request body too large', detail: expect.stringContaining('at most 200 bytes') }, status: 'failure' })
        } finally {
            instance.runtime.store.update('sys_properties', property.sys_id, { value: before }, 'admin')
        }
    })
})
