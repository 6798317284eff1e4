/**
 * Secrets of the local instance: random tokens, one-way hashes and constant-time comparison.
 *
 *   randomToken(bytes = 32)            URL-safe random string (session ids, g_ck, OAuth codes and tokens)
 *   sha256Hex(value)                   one-way digest (pending OAuth codes, remembered login checks)
 *   safeEqual(a, b)                    constant-time string comparison
 *   verifySecret(stored, given)        a stored secret against what a caller sent, in constant time:
 *                                      'scrypt$<salt hex>$<hash hex>' (runtime.hashPassword), 'sha256$<hex>'
 *                                      (sha256 of the secret), 'sha256$<salt>$<hex>' (sha256 of salt + secret),
 *                                      or the plain value (password2 fields as the platform stores them, decrypted)
 */
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'

export function randomToken(bytes = 32): string {
    return randomBytes(bytes).toString('base64url')
}

export function sha256Hex(value: string): string {
    return createHash('sha256').update(value, 'utf8').digest('hex')
}

/** Compares digests, so neither length nor content leaks through timing. */
export function safeEqual(a: string, b: string): boolean {
    const da = createHash('sha256').update(a, 'utf8').digest()
    const db = createHash('sha256').update(b, 'utf8').digest()
    return timingSafeEqual(da, db) && a.length === b.length
}

export function verifySecret(stored: string | null | undefined, given: string): boolean {
    if (!stored) return false
    const parts = stored.split('$')
    if (parts[0] === 'scrypt' && parts.length === 3) {
        const expected = Buffer.from(parts[2], 'hex')
        if (expected.length === 0) return false
        return timingSafeEqual(expected, scryptSync(given, Buffer.from(parts[1], 'hex'), expected.length))
    }
    if (parts[0] === 'sha256' && parts.length === 2) return safeEqual(parts[1].toLowerCase(), sha256Hex(given))
    if (parts[0] === 'sha256' && parts.length === 3) return safeEqual(parts[2].toLowerCase(), sha256Hex(parts[1] + given))
    return safeEqual(stored, given)
}
