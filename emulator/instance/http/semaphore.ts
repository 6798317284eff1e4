/**
 * Inbound REST concurrency of the local instance, off by default (fidelity.ts switches): the platform's API_INT
 * semaphore pool and its queue, and an "All users" inbound REST rate limit rule. FIDELITY.md, "Inbound REST
 * concurrency".
 *
 *   new ApiSemaphore({ threads, queue, retryAfterSeconds, holdMs })
 *       acquire() → Promise<release> while a thread is free or the queue has room (waiters run in arrival
 *       order), null when both are full; stats: admitted, queued, rejected, the most running and waiting at once
 *   new RateLimitRule(perHour, now?)
 *       take(userSysId) → { allowed, headers }: per user per clock hour, X-RateLimit-Limit / -Reset / -Rule on
 *       every answer the rule matches, Retry-After when refused
 *   installInboundLimits(app, ctx, { semaphore, rateLimitPerHour }) → { semaphore, rateLimit }
 *       gates every /api/* request (integration transactions run on API_INT, KB0635398); UI pages and the OAuth
 *       endpoints stay on the default pool, which the local instance does not limit
 *
 * A thread is held from the moment the request arrives until its answer is written or the client goes away, so
 * requests whose bodies are still arriving count, as transactions waiting on a semaphore do. A request that got
 * its thread yields to the event loop before running (holdMs, else once), so a burst is admitted, queued and
 * refused as a burst (threads take requests in parallel on the platform). holdMs stands for a real instance's
 * transaction time: the local instance answers in a few ms, so without it one client can hardly fill the pool.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { authenticateApi } from './authenticate.ts'
import type { ApiSemaphoreSettings } from '../fidelity.ts'
import type { InstanceContext } from './context.ts'
import { sendFailure } from './envelope.ts'

export interface SemaphoreStats {
    admitted: number
    queued: number
    rejected: number
    maxRunning: number
    maxWaiting: number
}

export class ApiSemaphore {
    private running = 0
    private readonly waiting: Array<() => void> = []
    readonly stats: SemaphoreStats = { admitted: 0, queued: 0, rejected: 0, maxRunning: 0, maxWaiting: 0 }

    constructor(readonly settings: ApiSemaphoreSettings) {}

    /** A thread (at once, or after the transactions queued before this one), or null when the queue is full. */
    acquire(): Promise<() => void> | null {
        if (this.running < this.settings.threads) return Promise.resolve(this.start())
        if (this.waiting.length >= this.settings.queue) {
            this.stats.rejected++
            return null
        }
        this.stats.queued++
        return new Promise((resolve) => {
            this.waiting.push(() => resolve(this.start()))
            this.stats.maxWaiting = Math.max(this.stats.maxWaiting, this.waiting.length)
        })
    }

    private start(): () => void {
        this.running++
        this.stats.admitted++
        this.stats.maxRunning = Math.max(this.stats.maxRunning, this.running)
        let released = false
        return () => {
            if (released) return
            released = true
            this.running--
            const next = this.waiting.shift()
            if (next) next()
        }
    }
}

/** The sys_id the X-RateLimit-Rule header names: the rule exists only in the switch, so it is a fixed local id. */
export const LOCAL_RATE_LIMIT_RULE_ID = '5e1f0ca1a11ce5500000000000000001'

export class RateLimitRule {
    private hour = -1
    private readonly counts = new Map<string, number>()

    constructor(
        readonly perHour: number,
        private readonly now: () => number = Date.now,
    ) {}

    /** Counts one request of the user in the current clock hour; refused past the limit. */
    take(userSysId: string): { allowed: boolean; headers: Record<string, string> } {
        const nowMs = this.now()
        const hour = Math.floor(nowMs / 3_600_000)
        if (hour !== this.hour) {
            this.hour = hour
            this.counts.clear()
        }
        const used = (this.counts.get(userSysId) ?? 0) + 1
        this.counts.set(userSysId, used)
        const resetSeconds = (hour + 1) * 3600
        // "X-RateLimit-Reset displays the Unix time until the next scheduled reset"; the counts reset hourly.
        const headers: Record<string, string> = { 'x-ratelimit-limit': String(this.perHour), 'x-ratelimit-reset': String(resetSeconds), 'x-ratelimit-rule': LOCAL_RATE_LIMIT_RULE_ID }
        if (used <= this.perHour) return { allowed: true, headers }
        return { allowed: false, headers: { ...headers, 'retry-after': String(Math.max(1, resetSeconds - Math.floor(nowMs / 1000))) } }
    }
}

/** The platform's 429 texts: the rate limit's from "Inbound REST API rate limiting"; the semaphore's status line (KB0635398), detail local. */
export const INBOUND_LIMIT_MESSAGES = {
    rateLimited: { text: 'Rate limit exceeded', detail: (perHour: number) => `Rate limit of ${perHour} requests per hour for REST API exceeded` },
    poolFull: { text: 'Too Many Requests', detail: (s: ApiSemaphoreSettings) => `All ${s.threads} API_INT semaphores are busy and ${s.queue} transactions are queued` },
} as const

export interface InboundLimits {
    semaphore: ApiSemaphore | null
    rateLimit: RateLimitRule | null
}

function isApi(url: string): boolean {
    return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')
}

export function installInboundLimits(app: FastifyInstance, ctx: InstanceContext, options: { semaphore: ApiSemaphoreSettings | null; rateLimitPerHour: number | null }): InboundLimits {
    const limits: InboundLimits = {
        semaphore: options.semaphore ? new ApiSemaphore(options.semaphore) : null,
        rateLimit: options.rateLimitPerHour ? new RateLimitRule(options.rateLimitPerHour) : null,
    }
    if (!limits.semaphore && !limits.rateLimit) return limits
    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        if (!isApi(request.url)) return
        if (limits.semaphore) {
            const waiting = limits.semaphore.acquire()
            if (!waiting) {
                const settings = limits.semaphore.settings
                reply.header('retry-after', String(settings.retryAfterSeconds))
                return sendFailure(reply, 429, INBOUND_LIMIT_MESSAGES.poolFull.text, INBOUND_LIMIT_MESSAGES.poolFull.detail(settings))
            }
            const release = await waiting
            // 'close' follows the answer being written, and a client going away early alike.
            reply.raw.once('close', release)
            if (reply.raw.destroyed) release()
            // The platform's threads take requests in parallel, so a burst fills the pool and the queue as it
            // arrives. One event loop would finish each request before reading the next socket; yielding (for
            // the configured hold, else once) lets the requests arriving meanwhile take a thread, a queue place
            // or their 429 first.
            const hold = limits.semaphore.settings.holdMs
            await new Promise((resolve) => (hold > 0 ? setTimeout(resolve, hold) : setImmediate(resolve)))
        }
        if (limits.rateLimit) {
            // Counted per user: only an authenticated caller matches a rule (the handler answers the others 401).
            const auth = authenticateApi(ctx, request)
            if (!('user' in auth)) return
            const decision = limits.rateLimit.take(auth.user.sysId)
            reply.headers(decision.headers)
            if (!decision.allowed) return sendFailure(reply, 429, INBOUND_LIMIT_MESSAGES.rateLimited.text, INBOUND_LIMIT_MESSAGES.rateLimited.detail(limits.rateLimit.perHour))
        }
    })
    return limits
}
