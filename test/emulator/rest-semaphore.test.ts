// Inbound REST concurrency (FIDELITY.md "Inbound REST concurrency"): the API_INT semaphore pool with its queue
// (KB0635398: API_INT threads, max queue depth 50, then 429) and an "All users" rate limit rule ("Inbound REST API
// rate limiting": X-RateLimit-Limit / -Reset / -Rule, 429 "Rate limit exceeded" with Retry-After). Both off by default.
import { connect, type Socket } from 'node:net'
import { switches } from '../../emulator/instance/fidelity.ts'
import { ApiSemaphore, LOCAL_RATE_LIMIT_RULE_ID, RateLimitRule } from '../../emulator/instance/http/semaphore.ts'
import { createInstance, type Instance } from '../../emulator/instance/instance.ts'
import { hashPassword, type Runtime } from '../../emulator/instance/runtime.ts'
import { createInstanceServer, type InstanceServer } from '../../emulator/instance/server.ts'

const ADMIN = { user: 'admin', password: 'Semaphore-Test-1!' }
const authorization = 'Basic ' + Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')

let instance: Instance
let runtime: Runtime
beforeAll(() => {
    instance = createInstance({ dbPath: ':memory:' })
    runtime = instance.runtime
    const admin = runtime.store.get<{ sys_id: string }>(`SELECT sys_id FROM ${runtime.store.sqlTable('sys_user')} WHERE user_name = 'admin'`)!
    runtime.store.update('sys_user', admin.sys_id, { user_password: hashPassword(ADMIN.password) }, 'system')
})
afterAll(() => runtime.close())

describe('ApiSemaphore', () => {
    it('runs up to `threads` at once, queues up to `queue` in arrival order, refuses the rest', async () => {
        const semaphore = new ApiSemaphore({ threads: 2, queue: 2, retryAfterSeconds: 1, holdMs: 0 })
        const first = await semaphore.acquire()!
        await semaphore.acquire()!
        const order: string[] = []
        const third = semaphore.acquire()!.then((release) => (order.push('third'), release))
        const fourth = semaphore.acquire()!.then((release) => (order.push('fourth'), release))
        expect(semaphore.acquire()).toBeNull()
        first()
        first() // a second release of the same thread changes nothing
        ;(await third)()
        await fourth
        expect(order).toEqual(['third', 'fourth'])
        expect(semaphore.stats).toEqual({ admitted: 4, queued: 2, rejected: 1, maxRunning: 2, maxWaiting: 2 })
    })
})

describe('RateLimitRule', () => {
    it('counts per user per clock hour and resets on the hour', () => {
        let now = Date.UTC(2026, 10, 30, 16, 59, 30)
        const rule = new RateLimitRule(2, () => now)
        expect(rule.take('a').allowed).toBe(true)
        expect(rule.take('b').allowed).toBe(true)
        expect(rule.take('a').allowed).toBe(true)
        const refused = rule.take('a')
        expect(refused.allowed).toBe(false)
        expect(refused.headers).toEqual({ 'x-ratelimit-limit': '2', 'x-ratelimit-reset': String(Date.UTC(2026, 10, 30, 17) / 1000), 'x-ratelimit-rule': LOCAL_RATE_LIMIT_RULE_ID, 'retry-after': '30' })
        now += 30_000
        expect(rule.take('a').allowed).toBe(true)
    })
})

describe('over HTTP', () => {
    let server: InstanceServer
    const held: Socket[] = []
    afterEach(async () => {
        for (const socket of held.splice(0)) socket.destroy()
        await server?.close()
    })

    /** Opens a POST whose body never finishes: the request holds a thread (or its place in the queue). */
    function holdRequest(): Socket {
        const { port } = new URL(server.url)
        const socket = connect(Number(port), '127.0.0.1', () =>
            socket.write(`POST /api/now/table/sys_user HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${authorization}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`),
        )
        socket.on('error', () => {})
        held.push(socket)
        return socket
    }

    async function until(condition: () => boolean): Promise<void> {
        for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10))
        expect(condition()).toBe(true)
    }

    const get = (path: string) => fetch(server.url + path, { headers: { authorization, accept: 'application/json' } })

    it('is off by default: no pool, no rate limit', async () => {
        expect(switches({}).apiSemaphore).toBeNull()
        expect(switches({}).restRateLimitPerHour).toBeNull()
        expect(switches({ LOCAL_INSTANCE_API_THREADS: '4' }).apiSemaphore).toEqual({ threads: 4, queue: 50, retryAfterSeconds: 1, holdMs: 0 })
        server = await createInstanceServer({ instance, port: 0, logger: false, inboundLimits: { semaphore: null, rateLimitPerHour: null } })
        const answer = await get('/api/now/table/sys_user?sysparm_limit=1')
        expect(answer.status).toBe(200)
        expect(answer.headers.get('x-ratelimit-limit')).toBeNull()
    })

    it('past the threads and the queue answers 429 with Retry-After; a freed thread serves the queue; UI pages are not gated', async () => {
        server = await createInstanceServer({ instance, port: 0, logger: false, inboundLimits: { semaphore: { threads: 1, queue: 1, retryAfterSeconds: 2, holdMs: 20 }, rateLimitPerHour: null } })
        const semaphore = server.inboundLimits.semaphore!
        const first = holdRequest()
        await until(() => semaphore.stats.admitted === 1)
        const queued = get('/api/now/table/sys_user?sysparm_limit=1')
        await until(() => semaphore.stats.queued === 1)

        const refused = await get('/api/now/table/sys_user?sysparm_limit=1')
        expect(refused.status).toBe(429)
        expect(refused.headers.get('retry-after')).toBe('2')
        expect(await refused.json()).toEqual({ error: { message: 'Too Many Requests', detail: 'All 1 API_INT semaphores are busy and 1 transactions are queued' }, status: 'failure' })
        expect((await fetch(server.url + '/login.do')).status).toBe(200)

        first.destroy() // the client goes away: its thread is released and the queued request runs
        expect((await queued).status).toBe(200)
        expect((await get('/api/now/table/sys_user?sysparm_limit=1')).status).toBe(200)
        expect(semaphore.stats).toMatchObject({ admitted: 3, queued: 1, rejected: 1, maxRunning: 1 })
    })

    it('a queued request whose client went away takes its thread and gives it back', async () => {
        server = await createInstanceServer({ instance, port: 0, logger: false, inboundLimits: { semaphore: { threads: 1, queue: 2, retryAfterSeconds: 1, holdMs: 0 }, rateLimitPerHour: null } })
        const semaphore = server.inboundLimits.semaphore!
        const first = holdRequest()
        await until(() => semaphore.stats.admitted === 1)
        const gone = holdRequest()
        await until(() => semaphore.stats.queued === 1)
        gone.destroy()
        first.destroy()
        // Both threads' worth of work is over: a new request runs at once.
        await until(() => semaphore.stats.admitted === 2)
        expect((await get('/api/now/table/sys_user?sysparm_limit=1')).status).toBe(200)
        expect(semaphore.stats).toMatchObject({ admitted: 3, rejected: 0 })
    })

    it('with a rate limit rule: X-RateLimit-* on every matched answer, 429 "Rate limit exceeded" past it', async () => {
        server = await createInstanceServer({ instance, port: 0, logger: false, inboundLimits: { semaphore: null, rateLimitPerHour: 2 } })
        for (let i = 0; i < 2; i++) {
            const ok = await get('/api/now/table/sys_user?sysparm_limit=1')
            expect(ok.status).toBe(200)
            expect(ok.headers.get('x-ratelimit-limit')).toBe('2')
            expect(Number(ok.headers.get('x-ratelimit-reset')) % 3600).toBe(0)
            expect(ok.headers.get('x-ratelimit-rule')).toBe(LOCAL_RATE_LIMIT_RULE_ID)
        }
        const refused = await get('/api/now/table/sys_user?sysparm_limit=1')
        expect(refused.status).toBe(429)
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
        expect(await refused.json()).toEqual({ error: { message: 'Rate limit exceeded', detail: 'Rate limit of 2 requests per hour for REST API exceeded' }, status: 'failure' })
        // Not authenticated: no rule matches, the handler answers 401.
        expect((await fetch(server.url + '/api/now/table/sys_user', { headers: { accept: 'application/json' } })).status).toBe(401)
    })
})
