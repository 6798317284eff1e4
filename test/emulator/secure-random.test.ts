// GlideSecureRandomUtil (scoped API): cryptographically strong integers and strings.
import { GlideSecureRandomUtil } from '@servicenow/glide'

describe('GlideSecureRandomUtil', () => {
    it('getSecureRandomIntBound returns integers in [0, bound) (GlideSecureRandomUtil API docs)', () => {
        const seen = new Set<number>()
        for (let i = 0; i < 500; i++) {
            const value = GlideSecureRandomUtil.getSecureRandomIntBound(10)
            expect(Number.isInteger(value) && value >= 0 && value < 10).toBe(true)
            seen.add(value)
        }
        expect(seen.size).toBe(10)
    })

    it('getSecureRandomString returns the requested length of letters and digits, different each call (GlideSecureRandomUtil API docs)', () => {
        const first = GlideSecureRandomUtil.getSecureRandomString(32)
        expect(first).toMatch(/^[A-Za-z0-9]{32}$/)
        expect(GlideSecureRandomUtil.getSecureRandomString(32)).not.toBe(first)
    })

    it('getSecureRandomInt and getSecureRandomLong return integers (GlideSecureRandomUtil API docs)', () => {
        expect(Number.isInteger(GlideSecureRandomUtil.getSecureRandomInt())).toBe(true)
        expect(Number.isSafeInteger(GlideSecureRandomUtil.getSecureRandomLong())).toBe(true)
    })
})
