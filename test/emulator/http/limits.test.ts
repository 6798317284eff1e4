// Limits: a body above the instance's limit is refused with 413 before it is read or parsed, an oversized
// page with 400, and a slow or stalled client is cut off by the server's timeouts while others are served.
import { connect, type Socket } from 'node:net'
import { createInstance } from '../../../emulator/instance/instance.ts'
import { hashPassword } from '../../../emulator/instance/runtime.ts'
import type { InstanceServer } from '../../../emulator/instance/server.ts'
import { basic, call, TENANT, taskBody } from '../../support/http-harness.ts'
import { CONNECTOR_API as CONNECTOR, everyRow } from '../../support/api-paths.ts'

const INTEGRATION = { user: 'm365.integration', password: 'Integration-Passw0rd!' }
const ADMIN = { user: 'admin', password: 'Admin-Passw0rd!' }
const TIMEOUTS = { headersMs: 500, requestMs: 1_000, idleMs: 1_000 }

let server: InstanceServer
const instance = createInstance({ dbPath: ':memory:' })
const runtime = instance.runtime
const apiLogRows = () => runtime.store.count('x_mioms_m365ticket_api_log', everyRow())

beforeAll(async () => {
    runtime.createUser({ user_name: INTEGRATION.user, roles: ['x_mioms_m365ticket.integration'], password: INTEGRATION.password })
    const admin = runtime.store.get<{ sys_id: string }>(`SELECT sys_id FROM ${runtime.store.sqlTable('sys_user')} WHERE user_name = 'admin'`)!
    runtime.store.update('sys_user', admin.sys_id, { user_password: hashPassword(ADMIN.password) }, 'system')
    server = await instance.listen({ port: 0, logger: false, timeouts: TIMEOUTS })
    expect((await call(server.url + CONNECTOR + '/connection', 'PUT', basic(INTEGRATION), { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'a@contoso.com' })).status).toBe(201)
})

afterAll(async () => {
    await instance.close()
})

// The instance-wide limit: the documented maximum of glide.rest.max_content_length (25 MB, "Controlling maximum
// request size", REST API reference); status and text of the refusal are a local choice (FIDELITY.md, "HTTP").
// The app's own limit (x_mioms_m365ticket.max_request_body_bytes) is the app's to enforce and test.
describe('request size (instance-wide)', () => {
    const LIMIT = 25 * 1024 * 1024

    it('refuses a body above 25 MB with 413 in the envelope, before the app runs', async () => {
        const before = apiLogRows()
        const response = await call(server.url + CONNECTOR + '/tasks', 'POST', basic(INTEGRATION), JSON.stringify(taskBody({ padding: 'y'.repeat(LIMIT) })))
        expect(response.status).toBe(413)
        expect(response.json).toEqual({ status: 'failure', error: { message: 'Request Entity Too Large', detail: 'The request body is larger than 25 MB' } })
        expect(apiLogRows()).toBe(before)
    })

    it('refuses a chunked body without a length once it passes 25 MB, on the Table API too', async () => {
        const chunk = new TextEncoder().encode('x'.repeat(1024 * 1024))
        const chunks = new ReadableStream({
            start(controller) {
                for (let sent = 0; sent <= LIMIT; sent += chunk.length) controller.enqueue(chunk)
                controller.close()
            },
        })
        const response = await fetch(server.url + '/api/now/table/incident', {
            method: 'POST',
            headers: { authorization: basic(ADMIN), 'content-type': 'application/json' },
            body: chunks,
            duplex: 'half',
        } as RequestInit & { duplex: 'half' })
        expect(response.status).toBe(413)
        expect(((await response.json()) as { status: string }).status).toBe('failure')
    })
})

it('refuses a page size above 500 with 400', async () => {
    const response = await call(`${server.url}${CONNECTOR}/tickets?tenantId=${TENANT}&limit=501`, 'GET', basic(INTEGRATION))
    expect(response.status).toBe(400)
    expect(response.json.error.detail).toBe('limit: must be a whole number from 1 to 500')
})

describe('slow and stalled clients', () => {
    function openSocket(): Promise<Socket> {
        const { port } = new URL(server.url)
        return new Promise((resolve, reject) => {
            const socket = connect(Number(port), '127.0.0.1', () => resolve(socket))
            socket.on('error', reject)
        })
    }

    function closed(socket: Socket): Promise<number> {
        const started = Date.now()
        return new Promise((resolve) => {
            socket.on('close', () => resolve(Date.now() - started))
            socket.resume()
        })
    }

    it('cuts off a client that never finishes its headers, while serving others', async () => {
        const stalled = await Promise.all(Array.from({ length: 20 }, () => openSocket()))
        for (const socket of stalled) socket.write(`POST ${CONNECTOR}/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: `)
        const closing = Promise.all(stalled.map(closed))
        const meanwhile = await call(`${server.url}${CONNECTOR}/tickets?tenantId=${TENANT}`, 'GET', basic(INTEGRATION))
        expect(meanwhile.status).toBe(200)
        const after = await closing
        expect(Math.max(...after)).toBeLessThan(5_000)
    })

    it('cuts off a client that stalls in the middle of its body', async () => {
        const socket = await openSocket()
        socket.write(`POST ${CONNECTOR}/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${basic(INTEGRATION)}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"tenantId":`)
        expect(await closed(socket)).toBeLessThan(5_000)
    })
})
