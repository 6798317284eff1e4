// Limits: an oversized body is refused with 413 before it is read or parsed, an oversized page
// with 400, and a slow or stalled client is cut off by the server's timeouts while others are served.
import { connect, type Socket } from 'node:net'
import { createRuntime } from '../../emulator/instance/runtime.ts'
import { createInstanceServer, type InstanceServer } from '../../emulator/instance/server.ts'
import { basic, call, TENANT, taskBody } from '../http/harness.ts'

const CONNECTOR = '/api/x_mioms_m365ticket/v1/connector'
const INTEGRATION = { user: 'm365.integration', password: 'Integration-Passw0rd!' }
const TIMEOUTS = { headersMs: 500, requestMs: 1_000, idleMs: 1_000 }

let server: InstanceServer
const runtime = createRuntime({ dbPath: ':memory:' }).activate()
const apiLogRows = () => runtime.store.count('x_mioms_m365ticket_api_log', { blocks: [], orderBy: [] })

beforeAll(async () => {
    runtime.createUser({ user_name: INTEGRATION.user, roles: ['x_mioms_m365ticket.integration'], password: INTEGRATION.password })
    server = await createInstanceServer({ runtime, port: 0, logger: false, timeouts: TIMEOUTS })
    expect((await call(server.url + CONNECTOR + '/connection', 'PUT', basic(INTEGRATION), { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'a@contoso.com' })).status).toBe(201)
})

afterAll(async () => {
    await server.close()
    runtime.close()
})

describe('request size', () => {
    const oversized = JSON.stringify(taskBody({ description: 'x'.repeat(3900), padding: 'y'.repeat(70_000) }))

    it('refuses a body above x_mioms_m365ticket.max_request_body_bytes with 413 in the envelope, before the app runs', async () => {
        const before = apiLogRows()
        const response = await call(server.url + CONNECTOR + '/tasks', 'POST', basic(INTEGRATION), oversized)
        expect(response.status).toBe(413)
        expect(response.json).toMatchObject({ status: 'failure', error: { message: expect.any(String) } })
        expect(apiLogRows()).toBe(before)
    })

    it('refuses a chunked body without a length once it passes the limit', async () => {
        const chunks = new ReadableStream({
            start(controller) {
                for (let sent = 0; sent < 80_000; sent += 8_000) controller.enqueue(new TextEncoder().encode('x'.repeat(8_000)))
                controller.close()
            },
        })
        const response = await fetch(server.url + CONNECTOR + '/tasks', {
            method: 'POST',
            headers: { authorization: basic(INTEGRATION), 'content-type': 'application/json' },
            body: chunks,
            duplex: 'half',
        } as RequestInit & { duplex: 'half' })
        expect(response.status).toBe(413)
        expect(((await response.json()) as { status: string }).status).toBe('failure')
    })

    it('accepts a body just under the limit', async () => {
        const response = await call(server.url + CONNECTOR + '/tasks', 'POST', basic(INTEGRATION), taskBody({ taskId: 'near-limit', padding: 'y'.repeat(60_000) }))
        expect(response.status).toBe(201)
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
