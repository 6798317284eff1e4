// The connector API over real HTTP with basic auth: every route, the platform's error envelopes for
// unknown URIs, authentication and authorization, and the app's own request size limit.
// Runs in-process and, under `npm run test:live`, against INSTANCE_URL (test/support/target.ts).
import { disconnect, exerciseConnector } from '../support/connector-flow.ts'
import { basic, call, CONNECTOR, OTHER_TENANT, TENANT, taskBody } from '../support/http-harness.ts'
import { localOnly, startTarget, TABLE_API, type Target } from '../support/target.ts'

let target: Target

beforeAll(async () => {
    target = await startTarget()
})

afterAll(() => target?.close())

const NOT_AUTHENTICATED = { error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' }, status: 'failure' }

/** The connector's REST operations as the instance has them (Table API, as the admin). */
async function connectorOperations(): Promise<Array<{ method: string; path: string }>> {
    const ops = await target.asAdmin('GET', `${TABLE_API}/sys_ws_operation?sysparm_query=operation_uriSTARTSWITH${encodeURIComponent(CONNECTOR)}&sysparm_fields=http_method,operation_uri`)
    expect(ops.status).toBe(200)
    return ops.json.result.map((op: { http_method: string; operation_uri: string }) => ({ method: op.http_method, path: op.operation_uri.replace('{number}', 'CHG0010001') }))
}

describe('connector routes with basic auth', () => {
    it('serves every route end to end, at the versioned and the default-version URIs', async () => {
        await exerciseConnector(target.url, basic(target.integration), 'basic-auth-0001')
        await disconnect(target.url, basic(target.integration))
    })

    it("names the connection's integration user in its status, also once disconnected", async () => {
        const integration = basic(target.integration)
        // The setup API names the integration user it creates 'Microsoft 365 Integration'; the local one is named so too.
        const expected = { userName: target.integration.user, name: 'Microsoft 365 Integration' }
        const put = await call(`${target.url}${CONNECTOR}/connection`, 'PUT', integration, { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'secadmin@contoso.onmicrosoft.com' })
        expect([200, 201]).toContain(put.status)
        expect(put.json.result.integrationUser).toEqual(expected)
        await disconnect(target.url, integration)
        const status = await call(`${target.url}${CONNECTOR}/connection?tenantId=${TENANT}`, 'GET', integration)
        expect(status.status).toBe(200)
        expect(status.json.result).toMatchObject({ status: 'disconnected', integrationUser: expected })
    })

    localOnly('logs one line per request: method, path, status, time and user, never the query string', async () => {
        const instance = target.local!
        await call(`${instance.url}${CONNECTOR}/connection?tenantId=${TENANT}`, 'GET', basic(target.integration))
        expect(instance.lines[instance.lines.length - 1]).toMatch(/^GET \/api\/x_mioms_m365ticket\/v1\/connector\/connection \d{3} \d+ms m365\.integration$/)
    })

    it('answers an unknown URI with 400 "Requested URI does not represent any resource"', async () => {
        for (const path of [`${CONNECTOR}/nothing`, '/api/x_mioms_m365ticket/v9/connector/tasks', '/api/nobody/here']) {
            const response = await call(target.url + path, 'GET', basic(target.integration))
            expect(response.status).toBe(400)
            expect(response.json).toEqual({ error: { message: 'Requested URI does not represent any resource', detail: null }, status: 'failure' })
        }
    })

    it('passes query parameters and path parameters as the platform does', async () => {
        const response = await call(`${target.url}${CONNECTOR}/tickets/CHG%30000001?tenantId=${TENANT}`, 'GET', basic(target.integration))
        // the tenant is not connected in this test: the app refuses, having read both parameters
        expect([403, 404]).toContain(response.status)
        expect(response.json.status).toBe('failure')
    })
})

describe('authentication', () => {
    it('refuses calls without credentials, with a wrong password, or by an unknown user: 401 envelope', async () => {
        for (const authorization of [null, basic({ user: target.integration.user, password: 'wrong' }), basic({ user: 'nobody.here', password: 'x' }), 'Bearer not-a-token', 'Digest abc']) {
            const response = await call(`${target.url}${CONNECTOR}/connection?tenantId=${TENANT}`, 'GET', authorization)
            expect(response.status).toBe(401)
            expect(response.json).toEqual(NOT_AUTHENTICATED)
        }
    })

    it('refuses locked-out and inactive users, and accepts web-service-only users on API calls', async () => {
        const roles = ['x_mioms_m365ticket.integration']
        const locked = await target.createUser({ name: 'locked.integration', roles, fields: { locked_out: 'true' } })
        const inactive = await target.createUser({ name: 'inactive.integration', roles, fields: { active: 'false' } })
        const webServiceOnly = await target.createUser({ name: 'ws.integration', roles, fields: { web_service_access_only: 'true' } })
        const url = `${target.url}${CONNECTOR}/connection`
        const body = { tenantId: OTHER_TENANT, tenantName: 'Fabrikam', connectedBy: 'a@fabrikam.com' }
        expect((await call(url, 'PUT', basic(locked), body)).json).toEqual(NOT_AUTHENTICATED)
        expect((await call(url, 'PUT', basic(inactive), body)).json).toEqual(NOT_AUTHENTICATED)
        expect((await call(url, 'PUT', basic(webServiceOnly), body)).status).toBe(201)
    })
})

describe('authorization: the connector ACL (role x_mioms_m365ticket.integration)', () => {
    // "Create an ACL rule": "administrators always pass role checks", so the ACL lets admin through; the app's
    // domain then refuses admin: it holds no tenant, and may not register one without being given the role.
    it('gives admin 403 on every connector route, from the app, not the ACL', async () => {
        for (const { method, path } of await connectorOperations()) {
            const bodies: Record<string, unknown> = {
                'POST /tasks': taskBody(),
                'PATCH /tickets': { tenantId: TENANT, priority: 'low' },
                'PUT /connection': { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'admin@contoso.com' },
                'PUT /state-names': { tenantId: TENANT, change: {} },
                'POST /tickets/comments': { tenantId: TENANT, commentId: 'admin-1', author: 'admin@contoso.com', text: 'From admin' },
            }
            const route = `${method} ${path.slice(CONNECTOR.length).replace(/\/CHG\d+(?=\/|$)/, '')}`
            const response = await call(`${target.url}${path}?tenantId=${TENANT}`, method, basic(target.admin), bodies[route])
            expect({ route, status: response.status }).toEqual({ route, status: 403 })
            expect(response.json.error.message).not.toBe('User Not Authorized')
        }
        const put = await call(`${target.url}${CONNECTOR}/connection`, 'PUT', basic(target.admin), { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'admin@contoso.com' })
        expect(put.json.error.message).toBe('Only an integration user can connect a Microsoft 365 tenant')
    })

    it.each([
        ['a user without roles', () => target.nobody],
        ['an itil user', () => target.itil],
    ])('gives %s 403 on every connector route', async (_who, caller) => {
        const credentials = caller()
        const operations = await connectorOperations()
        expect(operations.length).toBeGreaterThanOrEqual(9)
        for (const { method, path } of operations) {
            const body = ['GET', 'DELETE'].includes(method) ? undefined : { tenantId: TENANT }
            const response = await call(`${target.url}${path}?tenantId=${TENANT}`, method, basic(credentials), body)
            expect({ method, path, status: response.status }).toEqual({ method, path, status: 403 })
            expect(response.json).toMatchObject({ error: { message: 'User Not Authorized', detail: expect.any(String) }, status: 'failure' })
        }
    })
})

// The limit of x_mioms_m365ticket.max_request_body_bytes is the app's own (src/server/rest/route.ts): the
// instance invents none. Over HTTP the app's 413 arrives in the platform envelope, chunked bodies included.
describe("the app's request size limit (x_mioms_m365ticket.max_request_body_bytes) over HTTP", () => {
    it('answers the app\'s 413 for a chunked body past the limit', async () => {
        const found = await target.asAdmin('GET', `${TABLE_API}/sys_properties?sysparm_query=name=x_mioms_m365ticket.max_request_body_bytes&sysparm_fields=sys_id,value`)
        const property: { sys_id: string; value: string } = found.json.result[0]
        const setLimit = async (value: string) => expect((await target.asAdmin('PATCH', `${TABLE_API}/sys_properties/${property.sys_id}`, { value })).status).toBe(200)
        await setLimit('200')
        try {
            const chunks = [JSON.stringify(taskBody({ taskId: 'chunked' })).slice(0, 150), 'x'.repeat(100)]
            const stream = new ReadableStream({
                start(controller) {
                    for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk))
                    controller.close()
                },
            })
            const response = await fetch(`${target.url}${CONNECTOR}/tasks`, {
                method: 'POST',
                headers: { authorization: basic(target.integration), 'content-type': 'application/json', accept: 'application/json' },
                body: stream,
                duplex: 'half',
            } as RequestInit)
            expect(response.status).toBe(413)
            expect(await response.json()).toEqual({ error: { message: 'Request body too large', detail: expect.stringContaining('at most 200 bytes') }, status: 'failure' })
        } finally {
            await setLimit(property.value)
        }
    })
})
