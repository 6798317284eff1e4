/**
 * One-way password hashes as the local instance stores them: 'scrypt$<salt hex>$<hash hex>' (the platform
 * stores its own one-way hash; the format is the local instance's).
 *
 *   hashPassword(secret) → 'scrypt$…'
 *   matchesPassword(stored, secret) → boolean     constant time; false for anything but an scrypt hash
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'

export function hashPassword(secret: string): string {
    const salt = randomBytes(16)
    return `scrypt$${salt.toString('hex')}$${scryptSync(secret, salt, 32).toString('hex')}`
}

export function matchesPassword(stored: string | null, secret: string): boolean {
    const [scheme, salt, hash] = (stored ?? '').split('$')
    if (scheme !== 'scrypt' || !salt || !hash) return false
    const expected = Buffer.from(hash, 'hex')
    return timingSafeEqual(expected, scryptSync(secret, Buffer.from(salt, 'hex'), expected.length))
}
