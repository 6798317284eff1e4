// Credentials the checklist generates: from the platform's cryptographically strong generator
// (GlideSecureRandomUtil), never from Math.random. If the generator is missing, nothing is created.
import { GlideSecureRandomUtil } from '@servicenow/glide'
import { apiError } from '../platform/api-error.ts'

const LOWER = 'abcdefghijkmnopqrstuvwxyz'
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
const DIGITS = '23456789'
const SYMBOLS = '!#%+-.:=?@_~'
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

export const PASSWORD_LENGTH = 32
export const CLIENT_SECRET_LENGTH = 40

function randomIndex(bound: number): number {
    if (!GlideSecureRandomUtil || typeof GlideSecureRandomUtil.getSecureRandomIntBound !== 'function') {
        throw apiError(500, 'No secure random generator', 'GlideSecureRandomUtil is not available on this instance; no credential was created.')
    }
    const value = GlideSecureRandomUtil.getSecureRandomIntBound(bound)
    if (typeof value !== 'number' || value < 0 || value >= bound || Math.floor(value) !== value) {
        throw apiError(500, 'No secure random generator', 'GlideSecureRandomUtil returned an unexpected value; no credential was created.')
    }
    return value
}

function randomString(alphabet: string, length: number): string {
    let out = ''
    for (let i = 0; i < length; i++) out += alphabet.charAt(randomIndex(alphabet.length))
    return out
}

/** An OAuth client secret: 40 letters and digits (about 238 bits). */
export function generateClientSecret(): string {
    return randomString(ALPHANUMERIC, CLIENT_SECRET_LENGTH)
}

/**
 * A 32-character password with lower- and upper-case letters, digits and symbols (at least one of
 * each, positions shuffled), without look-alike characters (l, I, O, 0, 1) so it can be typed.
 */
export function generatePassword(): string {
    const all = LOWER + UPPER + DIGITS + SYMBOLS
    const chars = [
        randomString(LOWER, 1),
        randomString(UPPER, 1),
        randomString(DIGITS, 1),
        randomString(SYMBOLS, 1),
    ].concat(randomString(all, PASSWORD_LENGTH - 4).split(''))
    for (let i = chars.length - 1; i > 0; i--) {
        const j = randomIndex(i + 1)
        const swap = chars[i]
        chars[i] = chars[j]
        chars[j] = swap
    }
    return chars.join('')
}
