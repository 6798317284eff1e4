/**
 * Compact JWS with node:crypto only: RS256 for the access tokens this stand-in issues, RS256 or PS256 for the
 * client assertions it checks (msal-node signs PS256 when given a SHA-256 thumbprint, RS256 with SHA-1).
 */
import { constants, createPublicKey, createSign, createVerify, type KeyObject } from 'node:crypto'

export interface DecodedJwt {
    header: Record<string, unknown>
    payload: Record<string, unknown>
    signingInput: string
    signature: Buffer
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url')

export function signJwt(header: Record<string, unknown>, payload: Record<string, unknown>, privateKeyPem: string): string {
    const input = b64url(JSON.stringify({ ...header, alg: 'RS256', typ: 'JWT' })) + '.' + b64url(JSON.stringify(payload))
    const signature = createSign('RSA-SHA256').update(input).sign(privateKeyPem)
    return input + '.' + b64url(signature)
}

/** Splits and parses; null when the text is not a three-part JWS with JSON header and payload. */
export function decodeJwt(token: string): DecodedJwt | null {
    const parts = token.split('.')
    if (parts.length !== 3) return null
    try {
        const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as unknown
        const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown
        if (!isObject(header) || !isObject(payload)) return null
        return { header, payload, signingInput: parts[0] + '.' + parts[1], signature: Buffer.from(parts[2], 'base64url') }
    } catch {
        return null
    }
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function verifyJwtSignature(jwt: DecodedJwt, key: KeyObject | string): boolean {
    const publicKey = typeof key === 'string' ? createPublicKey(key) : key
    const verifier = createVerify('RSA-SHA256').update(jwt.signingInput)
    if (jwt.header.alg === 'RS256') return verifier.verify(publicKey, jwt.signature)
    if (jwt.header.alg === 'PS256') {
        return verifier.verify({ key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }, jwt.signature)
    }
    return false
}
