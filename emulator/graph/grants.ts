/**
 * What a signed-in person's consent to an app leaves behind: authorization codes (single use, 10 minutes, with the
 * PKCE challenge they were issued for) and refresh tokens (opaque to clients: sealed with AES-256-GCM under a key
 * derived from the signing key in dataDir, so they survive a restart and cannot be read or forged by a client).
 * Sources: FIDELITY.md, section "Sign-in".
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

/** "Authorization codes are short lived. Typically, they expire after about 10 minutes." (auth code flow doc) */
export const CODE_LIFETIME_SECONDS = 600
/** "Configurable token lifetimes": refresh tokens of web apps last 90 days (sliding). */
export const REFRESH_TOKEN_LIFETIME_SECONDS = 90 * 24 * 3600

export interface Grant {
    clientId: string
    /** The tenant the person signed in to (their home tenant here). */
    tenantId: string
    objectId: string
    /** As granted: OIDC scopes and Graph scopes by their short name (`SecurityEvents.ReadWrite.All`). */
    scopes: string[]
    /** The path segment the flow ran under (a tenant id, `organizations` or `common`), lower case. */
    authority: string
    /**
     * When the person signed in (epoch ms, from the directory's strictly increasing stamps); refresh tokens carry it
     * on through every rotation, so a revocation after it refuses them all.
     */
    authTime: number
}

export interface IssuedCode extends Grant {
    redirectUri: string
    nonce: string | null
    challenge: { value: string; method: 'S256' | 'plain' } | null
    expiresAt: number
    redeemed: boolean
}

export type CodeLookup = { code: IssuedCode } | { refused: 'unknown' | 'redeemed' | 'expired' }

export interface Grants {
    issueCode(code: Omit<IssuedCode, 'expiresAt' | 'redeemed'>): string
    /** Marks the code redeemed: a second redemption is refused. */
    redeemCode(text: string): CodeLookup
    sealRefreshToken(grant: Grant): string
    /** The grant and when the token was issued, or null when it is not one this stand-in sealed. */
    openRefreshToken(text: string): (Grant & { issuedAt: number }) | null
}

export function createGrants(options: { signingKeyPem: string; nowSeconds: () => number }): Grants {
    const codes = new Map<string, IssuedCode>()
    const key = createHash('sha256').update('refresh tokens of the local Graph stand-in\0').update(options.signingKeyPem).digest()

    return {
        issueCode(code) {
            const now = options.nowSeconds()
            // Redeemed and expired codes are kept until they expire, so a replay is named as one; then dropped.
            for (const [text, issued] of codes) if (issued.expiresAt <= now) codes.delete(text)
            const text = randomBytes(48).toString('base64url')
            codes.set(text, { ...code, expiresAt: now + CODE_LIFETIME_SECONDS, redeemed: false })
            return text
        },
        redeemCode(text) {
            const code = codes.get(text)
            if (!code) return { refused: 'unknown' }
            if (code.redeemed) return { refused: 'redeemed' }
            if (code.expiresAt <= options.nowSeconds()) return { refused: 'expired' }
            code.redeemed = true
            return { code }
        },
        sealRefreshToken(grant) {
            const iv = randomBytes(12)
            const cipher = createCipheriv('aes-256-gcm', key, iv)
            const plain = JSON.stringify({ ...grant, issuedAt: options.nowSeconds() })
            const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
            return ['1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.')
        },
        openRefreshToken(text) {
            const [version, iv, tag, sealed] = text.split('.')
            if (version !== '1' || !iv || !tag || sealed === undefined) return null
            try {
                const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
                decipher.setAuthTag(Buffer.from(tag, 'base64url'))
                const plain = Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8')
                const grant = JSON.parse(plain) as Omit<Grant, 'authTime'> & { authTime?: number; issuedAt: number }
                // Sealed before sign-in times were kept: the token's own issue time stands in.
                return { ...grant, authTime: grant.authTime ?? grant.issuedAt * 1000 }
            } catch {
                return null
            }
        },
    }
}

/** RFC 7636 §4.6: BASE64URL(SHA256(verifier)) for S256, the verifier itself for plain. */
export function challengeOf(verifier: string, method: 'S256' | 'plain'): string {
    return method === 'S256' ? createHash('sha256').update(verifier, 'ascii').digest('base64url') : verifier
}

/** RFC 7636 §4.1: 43 to 128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~". */
export const PKCE_VALUE = /^[A-Za-z0-9\-._~]{43,128}$/
