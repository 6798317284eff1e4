/**
 * GlideSecureRandomUtil: the platform's cryptographically strong generator (scoped API), over
 * node:crypto. getSecureRandomString draws from letters and digits ("a random alpha-numeric String").
 *
 *   getSecureRandomInt() / getSecureRandomIntBound(bound) / getSecureRandomLong() / getSecureRandomString(length)
 *   any other method the platform has      throws 'not emulated by the local instance: GlideSecureRandomUtil.<name>()'
 */
import { randomBytes, randomInt } from 'node:crypto'
import { platformMethods, refuseUnemulated } from './platform-apis.ts'

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

export class GlideSecureRandomUtil {
    static getSecureRandomInt(): number {
        return randomBytes(4).readInt32BE(0)
    }

    /** An integer in [0, bound). */
    static getSecureRandomIntBound(bound: number): number {
        return randomInt(bound)
    }

    static getSecureRandomLong(): number {
        return randomBytes(6).readUIntBE(0, 6)
    }

    static getSecureRandomString(length: number): string {
        let out = ''
        for (let i = 0; i < length; i++) out += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]
        return out
    }
}

refuseUnemulated(GlideSecureRandomUtil, platformMethods('defaults', 'GlideSecureRandomUtil'), 'GlideSecureRandomUtil')
