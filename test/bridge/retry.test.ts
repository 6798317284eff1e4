// The one Retry-After reading and full-jitter backoff of the bridge (bridge/ports/retry.ts), used by both ports and
// the write-back outbox.
import { fullJitter, parseRetryAfter } from '../../bridge/ports/retry.ts'

describe('parseRetryAfter', () => {
    const now = Date.parse('2026-11-26T04:30:00Z')
    test('delta-seconds, in ms', () => {
        expect(parseRetryAfter('3', now)).toBe(3000)
        expect(parseRetryAfter(' 0 ', now)).toBe(0)
    })
    test('an HTTP date, relative to now, never negative', () => {
        expect(parseRetryAfter('Thu, 26 Nov 2026 04:30:05 GMT', now)).toBe(5000)
        expect(parseRetryAfter('Thu, 26 Nov 2026 04:29:00 GMT', now)).toBe(0)
    })
    test('absent or unreadable is null, a negative number included (Date.parse would read it as a year)', () => {
        for (const value of [null, undefined, '', 'soon', '-3', '1.5']) expect(parseRetryAfter(value, now)).toBeNull()
    })
})

describe('fullJitter', () => {
    test('grows exponentially up to the cap; the random share scales it', () => {
        expect([1, 2, 3, 4, 5].map((n) => fullJitter(n, 100, 1000, () => 1))).toEqual([100, 200, 400, 800, 1000])
        expect(fullJitter(3, 100, 1000, () => 0)).toBe(0)
        expect(fullJitter(3, 100, 1000, () => 0.5)).toBe(200)
        expect(fullJitter(0, 100, 1000, () => 1)).toBe(100)
    })
})
