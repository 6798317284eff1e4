// GlideSecureRandomUtil as the platform documents it, over node:crypto. The local runtime does not
// provide it yet, so the setup tests add it to '@servicenow/glide' with jest.mock:
//
//   jest.mock('@servicenow/glide', () => require('./secure-random-shim.ts').withSecureRandom())
//
// If the runtime gains its own, that one is used.
import { randomBytes, randomInt } from 'node:crypto'

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

export const secureRandomShim = {
    getSecureRandomInt: (): number => randomBytes(4).readInt32BE(0),
    getSecureRandomIntBound: (bound: number): number => randomInt(bound),
    getSecureRandomLong: (): number => randomBytes(6).readUIntBE(0, 6),
    getSecureRandomString: (length: number): string => Array.from({ length }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join(''),
}

export function withSecureRandom(): object {
    const actual = jest.requireActual('@servicenow/glide')
    return { ...actual, GlideSecureRandomUtil: actual.GlideSecureRandomUtil || secureRandomShim }
}
