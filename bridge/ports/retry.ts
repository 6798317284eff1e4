/**
 * Waiting before a retry, the same for every port and the write-back outbox: the server's `Retry-After` when it
 * gave one, else an exponential backoff with full jitter.
 *
 *   parseRetryAfter(value, now)                      'Retry-After' in seconds or as an HTTP date → ms, or null
 *   fullJitter(retryNumber, baseMs, capMs, random)   a random wait up to min(cap, base × 2^(retryNumber−1))
 */

/** Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3), in ms from now; null if absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
    if (value === null || value === undefined) return null
    const trimmed = value.trim()
    if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
    // An HTTP date names its day and month; without the check Date.parse would read '-3' as the year -3.
    if (!/[a-z]/i.test(trimmed)) return null
    const date = Date.parse(trimmed)
    return Number.isNaN(date) ? null : Math.max(0, date - now)
}

/** Full jitter: a random wait up to the exponential cap, so many clients (tenants, bridges) do not retry in step. */
export function fullJitter(retryNumber: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
    return Math.round(random() * Math.min(capMs, baseMs * 2 ** Math.max(0, retryNumber - 1)))
}
