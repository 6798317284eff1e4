// The Microsoft 365 side's retrying HTTP client against a tiny local server that fails on purpose
// (real HTTP on 127.0.0.1; fetch is not mocked).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
    CONNECTOR_API_PATH,
    createInstanceClient,
    InstanceApiError,
    InstanceUnreachableError,
    type RetryInfo,
    type RetryOptions,
} from '../../../bridge/ports/servicenow/http-client'

interface Received {
    method: string
    url: string
    body: string
    authorization: string | undefined
}

type Script = (request: Received, n: number, res: ServerResponse, req: IncomingMessage) => void

interface Fake {
    url: string
    received: Received[]
    script: Script
    close(): Promise<void>
}

async function startFake(script: Script): Promise<Fake> {
    const received: Received[] = []
    const fake = { received, script } as Fake
    const server: Server = createServer((req, res) => {
        let body = ''
        req.on('data', (chunk) => (body += chunk))
        req.on('end', () => {
            const request = { method: req.method || '', url: req.url || '', body, authorization: req.headers.authorization }
            received.push(request)
            fake.script(request, received.length, res, req)
        })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    fake.close = () =>
        new Promise<void>((resolve) => {
            server.closeAllConnections()
            server.close(() => resolve())
        })
    return fake
}

function json(res: ServerResponse, status: number, body: unknown, headers: { [name: string]: string } = {}): void {
    res.writeHead(status, { 'content-type': 'application/json', ...headers })
    res.end(JSON.stringify(body))
}

const FAST: RetryOptions = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 1000 }

function client(fake: Fake, retry: RetryOptions = FAST, extra: { onUnauthorized?: () => Promise<string | null>; token?: () => string } = {}) {
    return createInstanceClient({
        baseUrl: fake.url + '/',
        getAccessToken: async () => (extra.token ? extra.token() : 'token-1'),
        onUnauthorized: extra.onUnauthorized,
        retry,
    })
}

let fake: Fake
afterEach(async () => {
    if (fake) await fake.close()
})

describe('createInstanceClient', () => {
    test('calls the connector API with the bearer token and unwraps {result}', async () => {
        fake = await startFake((_r, _n, res) => json(res, 200, { result: { ok: true } }))
        const answer = await client(fake).call<{ ok: boolean }>('GET', '/states', { query: { tenantId: 't', cursor: null, limit: 5 } })
        expect(answer).toMatchObject({ status: 200, result: { ok: true }, attempts: 1 })
        expect(fake.received[0].url).toBe(CONNECTOR_API_PATH + '/states?tenantId=t&limit=5')
        expect(fake.received[0].authorization).toBe('Bearer token-1')
    })

    test('retries 5xx with backoff until it succeeds', async () => {
        fake = await startFake((_r, n, res) => (n < 3 ? json(res, n === 1 ? 503 : 500, { error: { message: 'busy' } }) : json(res, 200, { result: 'ok' })))
        const retries: RetryInfo[] = []
        const answer = await client(fake, { ...FAST, onRetry: (info) => retries.push(info) }).call('GET', '/tickets')
        expect(answer.attempts).toBe(3)
        expect(fake.received).toHaveLength(3)
        expect(retries.map((r) => r.reason)).toEqual(['HTTP 503', 'HTTP 500'])
    })

    test('honours Retry-After in seconds on 429', async () => {
        fake = await startFake((_r, n, res) => (n === 1 ? json(res, 429, { error: { message: 'slow down' } }, { 'retry-after': '1' }) : json(res, 200, { result: 1 })))
        const started = Date.now()
        const answer = await client(fake).call('GET', '/states')
        expect(answer.attempts).toBe(2)
        expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    })

    test('honours Retry-After as an HTTP date on 503', async () => {
        let retryAt = ''
        fake = await startFake((_r, n, res) => {
            if (n === 1) {
                retryAt = new Date(Math.ceil((Date.now() + 1000) / 1000) * 1000).toUTCString()
                return json(res, 503, { error: { message: 'maintenance' } }, { 'retry-after': retryAt })
            }
            json(res, 200, { result: 1 })
        })
        const retries: RetryInfo[] = []
        await client(fake, { ...FAST, onRetry: (info) => retries.push(info) }).call('GET', '/states')
        expect(retries).toHaveLength(1)
        expect(retries[0].delayMs).toBeGreaterThan(20) // longer than any backoff of these options: the date won
        expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(retryAt) - 5)
    })

    test('a Retry-After beyond maxRetryAfterMs is not waited for', async () => {
        fake = await startFake((_r, _n, res) => json(res, 429, { error: { message: 'come back tomorrow' } }, { 'retry-after': '86400' }))
        await expect(client(fake, { ...FAST, maxRetryAfterMs: 2000 }).call('GET', '/states')).rejects.toMatchObject({ status: 429, message: 'come back tomorrow', attempts: 1 })
        expect(fake.received).toHaveLength(1)
    })

    test('gives up after maxAttempts with the last answer as an InstanceApiError', async () => {
        fake = await startFake((_r, _n, res) => json(res, 502, { error: { message: 'Bad gateway', detail: 'upstream' }, status: 'failure' }))
        const error = await client(fake, { ...FAST, maxAttempts: 3 })
            .call('GET', '/tickets')
            .catch((e) => e)
        expect(error).toBeInstanceOf(InstanceApiError)
        expect(error).toMatchObject({ status: 502, message: 'Bad gateway', detail: 'upstream', attempts: 3 })
        expect(fake.received).toHaveLength(3)
    })

    test.each([400, 403, 404, 409, 413])('%i is not retried', async (status) => {
        fake = await startFake((_r, _n, res) => json(res, status, { error: { message: 'no', detail: 'Differing fields: name' }, status: 'failure' }))
        await expect(client(fake).call('POST', '/tasks', { body: { taskId: 'x' } })).rejects.toMatchObject({ status, attempts: 1 })
        expect(fake.received).toHaveLength(1)
    })

    test('retries network errors (connection reset) and then succeeds', async () => {
        fake = await startFake((_r, n, res, req) => (n === 1 ? req.socket.destroy() : json(res, 200, { result: 'ok' })))
        const answer = await client(fake).call('GET', '/connection')
        expect(answer.attempts).toBe(2)
    })

    test('a refused connection ends as InstanceUnreachableError after maxAttempts', async () => {
        fake = await startFake(() => {})
        const url = fake.url
        await fake.close()
        const retries: RetryInfo[] = []
        const error = await createInstanceClient({ baseUrl: url, getAccessToken: async () => 't', retry: { ...FAST, maxAttempts: 3, onRetry: (i) => retries.push(i) } })
            .call('GET', '/states')
            .catch((e) => e)
        expect(error).toBeInstanceOf(InstanceUnreachableError)
        expect(error.attempts).toBe(3)
        expect(retries).toHaveLength(2)
        expect(retries[0].reason).toMatch(/ECONNREFUSED/)
    })

    test('a slow answer hits the per-attempt timeout and is retried', async () => {
        fake = await startFake((_r, n, res) => {
            if (n === 1) setTimeout(() => json(res, 200, { result: 'late' }), 600)
            else json(res, 200, { result: 'on time' })
        })
        const retries: RetryInfo[] = []
        const answer = await client(fake, { ...FAST, timeoutMs: 200, onRetry: (i) => retries.push(i) }).call('GET', '/states')
        expect(answer.result).toBe('on time')
        expect(retries[0].reason).toBe('no answer within 200 ms')
    })

    test('POST /tasks retries after a timeout reuse the same task id: one ticket, replayed', async () => {
        // A fake connector: idempotent on taskId, slow the first time (the ticket is made, the answer is late).
        const tickets = new Map<string, { number: string; body: string }>()
        fake = await startFake((request, n, res) => {
            const body = JSON.parse(request.body) as { taskId: string }
            const existing = tickets.get(body.taskId)
            if (existing) return json(res, existing.body === request.body ? 200 : 409, { result: { number: existing.number } })
            tickets.set(body.taskId, { number: 'CHG00100' + tickets.size, body: request.body })
            if (n === 1) setTimeout(() => json(res, 201, { result: { number: 'CHG001000' } }), 500)
            else json(res, 201, { result: { number: tickets.get(body.taskId)?.number } })
        })
        const answer = await client(fake, { ...FAST, timeoutMs: 150 }).call<{ number: string }>('POST', '/tasks', { body: { taskId: 'AdminMFAV2-abc', name: 'MFA' } })
        expect(answer.status).toBe(200)
        expect(answer.result.number).toBe('CHG001000')
        expect(tickets.size).toBe(1)
        expect(fake.received).toHaveLength(2)
        expect(fake.received[1].body).toBe(fake.received[0].body)
        expect(JSON.parse(fake.received[1].body).taskId).toBe('AdminMFAV2-abc')
    })

    test('a 401 refreshes the token once and tries again with the new one', async () => {
        fake = await startFake((request, _n, res) =>
            request.authorization === 'Bearer token-2' ? json(res, 200, { result: 'ok' }) : json(res, 401, { error: { message: 'User Not Authenticated' } }),
        )
        let refreshes = 0
        const answer = await client(fake, FAST, { onUnauthorized: async () => (refreshes++, 'token-2') }).call('GET', '/states')
        expect(answer.result).toBe('ok')
        expect(refreshes).toBe(1)

        fake.script = (_r, _n, res) => json(res, 401, { error: { message: 'User Not Authenticated' } })
        fake.received.length = 0
        await expect(client(fake, FAST, { onUnauthorized: async () => (refreshes++, 'token-3') }).call('GET', '/states')).rejects.toMatchObject({ status: 401 })
        expect(fake.received).toHaveLength(2)
    })

    test('a token that cannot be had stops the call before any request', async () => {
        fake = await startFake((_r, _n, res) => json(res, 200, { result: 1 }))
        const c = createInstanceClient({ baseUrl: fake.url, getAccessToken: () => Promise.reject(new Error('needs re-authorization')), retry: FAST })
        await expect(c.call('GET', '/states')).rejects.toThrow('needs re-authorization')
        expect(fake.received).toHaveLength(0)
    })
})
