/**
 * The local instance's switches: where it may depart from a documented platform default, and why.
 * Every switch is listed in FIDELITY.md ("Switches"); the defaults are the platform's.
 *
 *   switches(env = process.env) → FidelitySwitches     read when a runtime or server starts
 *
 *   LOCAL_INSTANCE_STRICT=1          strict: an invalid field or operator in a query throws instead of being
 *                                    dropped (the platform drops it and logs a warning). npm test turns it on
 *                                    (test/strict-env.ts) so a typo fails a test instead of widening a query.
 *   LOCAL_INSTANCE_EXPLICIT_ROLES=1  the instance has the Explicit Roles plugin (com.glide.explicit_roles):
 *                                    users without snc_internal are external and REST resources that require
 *                                    snc_internal refuse them. Without the plugin every user counts as internal.
 *   LOCAL_INSTANCE_API_THREADS=4     inbound REST (/api/*) runs on a semaphore pool of this many threads, as the
 *   LOCAL_INSTANCE_API_QUEUE=50      platform's API_INT pool does, with a queue of this many waiting transactions;
 *                                    past the queue a request is refused with 429 and Retry-After (KB0635398:
 *                                    API_INT threads, max queue depth 50). Unset or 0: no pool, every request runs
 *                                    at once (the platform always has one; tests and benchmarks want no 429s).
 *   LOCAL_INSTANCE_API_RETRY_AFTER=1 the Retry-After (seconds) of that 429 (the platform documents none: local choice)
 *   LOCAL_INSTANCE_API_HOLD_MS=0     each pooled request holds its thread at least this long before it runs, as a real
 *                                    instance's transaction takes tens to hundreds of ms where the local instance takes
 *                                    a few: without it one client can hardly fill the pool (local choice, for overload runs)
 *   LOCAL_INSTANCE_REST_RATE_LIMIT=n an "All users" inbound REST rate limit rule (sys_rate_limit_rules) of n requests
 *                                    per user per hour: X-RateLimit-* headers on every /api/* answer, 429 "Rate
 *                                    limit exceeded" past it ("Inbound REST API rate limiting"). Unset: no rule.
 * The last five are off by default; `npm start -- --api-threads 4 --api-queue 50 --api-hold-ms 50 --rate-limit n`
 * sets them too.
 */
export interface FidelitySwitches {
    strict: boolean
    explicitRoles: boolean
    /** The inbound REST semaphore pool, or null for none (the default). */
    apiSemaphore: ApiSemaphoreSettings | null
    /** Requests per user per hour of an "All users" rate limit rule, or null for none (the default). */
    restRateLimitPerHour: number | null
}

export interface ApiSemaphoreSettings {
    threads: number
    queue: number
    retryAfterSeconds: number
    /** ms a request holds its thread before it runs (0: none). */
    holdMs: number
}

/** A whole number ≥ 0 from the environment, or the fallback when unset; anything else is a configuration error. */
function count(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const value = Number(raw)
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0, got ${raw}`)
    return value
}

const on = (value: string | undefined): boolean => value === '1' || value === 'true'

export function switches(env: NodeJS.ProcessEnv = process.env): FidelitySwitches {
    const threads = count(env, 'LOCAL_INSTANCE_API_THREADS', 0)
    const rateLimit = count(env, 'LOCAL_INSTANCE_REST_RATE_LIMIT', 0)
    return {
        strict: on(env.LOCAL_INSTANCE_STRICT),
        explicitRoles: on(env.LOCAL_INSTANCE_EXPLICIT_ROLES),
        apiSemaphore:
            threads > 0
                ? { threads, queue: count(env, 'LOCAL_INSTANCE_API_QUEUE', 50), retryAfterSeconds: count(env, 'LOCAL_INSTANCE_API_RETRY_AFTER', 1), holdMs: count(env, 'LOCAL_INSTANCE_API_HOLD_MS', 0) }
                : null,
        restRateLimitPerHour: rateLimit > 0 ? rateLimit : null,
    }
}
