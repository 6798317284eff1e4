/**
 * Checks the ID token Entra returns at sign-in (OpenID Connect, authorization code with PKCE) before the bridge
 * believes who signed in. node:crypto only.
 *
 *   const idTokens = createIdTokenValidator({ authorityHost, authorityTenant, clientId, get })
 *   await idTokens.validate(idToken, expectedNonce) → { tid, oid, upn, name, wids }   or throws IdTokenError
 *
 * What is checked, following the ID token claims reference
 * (https://learn.microsoft.com/entra/identity-platform/id-token-claims-reference):
 *   - alg is RS256 (`none`, HS256 and anything else are refused before any key is looked at);
 *   - the signature, with the key named by `kid` from the authority's JWKS (`jwks_uri` of its OpenID
 *     configuration); keys are cached by kid, and an unknown kid refetches the configuration and keys once
 *     (Entra rolls its keys), at most once a minute, so forged kids cannot make the bridge hammer Entra;
 *   - iss: the metadata's issuer with `{tenantid}` replaced by the token's own `tid`. For a tenant authority that
 *     is the tenant's issuer exactly; for `organizations` any tenant may sign in, but its iss must name its tid
 *     ("use the GUID portion of the claim"); the consumer (personal account) tenant is refused;
 *   - aud is the client id; nonce is the one this sign-in sent;
 *   - exp and nbf with 300 s of clock skew, the default of Microsoft's own token validation
 *     (Microsoft.IdentityModel TokenValidationParameters.DefaultClockSkew, "300 seconds (5 minutes)").
 *
 * `wids` (role template ids) is an optional claim: null means "not in the token", and the caller asks Graph
 * (bridge/security/roles.ts). The sign-in route calls this; nothing else needs to.
 */
import { createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto'

/** GET a URL, answering status and body: the Graph port's https transport, with its agent and CA. */
export type HttpsGet = (url: string) => Promise<{ status: number; body: string }>

export interface IdTokenValidatorOptions {
    /** https://login.microsoftonline.com, or the local stand-in. */
    authorityHost: string
    /** A tenant id (single-tenant) or 'organizations' (any work or school tenant). */
    authorityTenant: string
    clientId: string
    get: HttpsGet
    clockSkewSeconds?: number
    /** The shortest time between two refetches for unknown kids. */
    minRefetchIntervalMs?: number
    now?: () => number
}

export interface SignedInIdentity {
    tid: string
    oid: string
    /** preferred_username: shown, and sent as the ticket's requester; never used to decide access. */
    upn: string
    name: string
    /** Entra role template ids, or null when the token has no wids claim (ask Graph). */
    wids: string[] | null
}

export type IdTokenFailure = 'malformed' | 'algorithm' | 'unknown-key' | 'signature' | 'issuer' | 'audience' | 'nonce' | 'expired' | 'not-yet-valid' | 'claims' | 'metadata'

export class IdTokenError extends Error {
    constructor(
        readonly reason: IdTokenFailure,
        message: string,
    ) {
        super(message)
        this.name = 'IdTokenError'
    }
}

export interface IdTokenValidator {
    validate(idToken: string, expectedNonce: string): Promise<SignedInIdentity>
}

export const DEFAULT_CLOCK_SKEW_SECONDS = 300
const DEFAULT_MIN_REFETCH_MS = 60_000
/** The tenant of personal Microsoft accounts (id token claims reference, `iss` and `tid`). */
const CONSUMER_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad'
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

interface Metadata {
    issuer: string
    jwksUri: string
}

interface Jwt {
    header: { [claim: string]: unknown }
    payload: { [claim: string]: unknown }
    signingInput: Buffer
    signature: Buffer
}

function decode(token: string): Jwt {
    const parts = token.split('.')
    if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]*$/.test(part))) throw new IdTokenError('malformed', 'The ID token is not a signed JWT')
    try {
        const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as unknown
        const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown
        if (!isObject(header) || !isObject(payload)) throw new Error('not objects')
        return { header, payload, signingInput: Buffer.from(parts[0] + '.' + parts[1], 'ascii'), signature: Buffer.from(parts[2], 'base64url') }
    } catch {
        throw new IdTokenError('malformed', 'The ID token is not a signed JWT')
    }
}

function isObject(value: unknown): value is { [key: string]: unknown } {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)

export function createIdTokenValidator(options: IdTokenValidatorOptions): IdTokenValidator {
    const authorityHost = options.authorityHost.replace(/\/+$/, '')
    const configurationUrl = `${authorityHost}/${options.authorityTenant}/v2.0/.well-known/openid-configuration`
    const skew = options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS
    const minRefetchMs = options.minRefetchIntervalMs ?? DEFAULT_MIN_REFETCH_MS
    const now = options.now ?? Date.now

    let metadata: Metadata | null = null
    const keys = new Map<string, KeyObject>()
    let loading: Promise<void> | null = null
    let loadedAt = -Infinity

    async function getJson(url: string, what: string): Promise<{ [key: string]: unknown }> {
        let answer: { status: number; body: string }
        try {
            answer = await options.get(url)
        } catch (error) {
            throw new IdTokenError('metadata', `Entra's ${what} could not be read: ${error instanceof Error ? error.message : String(error)}`)
        }
        if (answer.status !== 200) throw new IdTokenError('metadata', `Entra's ${what} answered ${answer.status}`)
        try {
            const json = JSON.parse(answer.body) as unknown
            if (isObject(json)) return json
        } catch {
            // reported below
        }
        throw new IdTokenError('metadata', `Entra's ${what} is not a JSON object`)
    }

    async function load(): Promise<void> {
        const configuration = await getJson(configurationUrl, 'OpenID configuration')
        const issuer = text(configuration.issuer)
        const jwksUri = text(configuration.jwks_uri)
        if (!issuer || !jwksUri) throw new IdTokenError('metadata', "Entra's OpenID configuration has no issuer or jwks_uri")
        // The keys must come from the authority itself, whatever the document says.
        if (!URL.canParse(jwksUri) || new URL(jwksUri).origin !== new URL(authorityHost).origin) throw new IdTokenError('metadata', `Entra's jwks_uri is not on ${authorityHost}`)
        const jwks = await getJson(jwksUri, 'signing keys')
        const fresh = new Map<string, KeyObject>()
        for (const jwk of Array.isArray(jwks.keys) ? jwks.keys : []) {
            if (!isObject(jwk) || jwk.kty !== 'RSA' || (jwk.use !== undefined && jwk.use !== 'sig') || !text(jwk.kid)) continue
            try {
                fresh.set(String(jwk.kid), createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e } as JsonWebKey, format: 'jwk' }))
            } catch {
                // A key node cannot read is not one Entra signs ID tokens with; the others still count.
            }
        }
        metadata = { issuer, jwksUri }
        keys.clear()
        for (const [kid, key] of fresh) keys.set(kid, key)
        loadedAt = now()
    }

    /** One load at a time, shared by concurrent sign-ins. */
    function reload(): Promise<void> {
        loading ??= load().finally(() => (loading = null))
        return loading
    }

    async function keyFor(kid: string): Promise<KeyObject> {
        if (!metadata) await reload()
        const known = keys.get(kid)
        if (known) return known
        if (now() - loadedAt >= minRefetchMs) {
            await reload()
            const fetched = keys.get(kid)
            if (fetched) return fetched
        }
        throw new IdTokenError('unknown-key', 'The ID token is signed with a key Entra does not publish')
    }

    return {
        async validate(idToken, expectedNonce) {
            const jwt = decode(idToken)
            if (jwt.header.alg !== 'RS256') throw new IdTokenError('algorithm', `The ID token is signed with ${JSON.stringify(jwt.header.alg ?? null)}; only RS256 is accepted`)
            const kid = text(jwt.header.kid)
            if (!kid) throw new IdTokenError('unknown-key', 'The ID token names no signing key (kid)')
            const key = await keyFor(kid)
            if (!verify('sha256', jwt.signingInput, key, jwt.signature)) throw new IdTokenError('signature', 'The ID token signature does not verify')

            const claims = jwt.payload
            const tid = text(claims.tid)
            if (!tid || !GUID.test(tid)) throw new IdTokenError('claims', 'The ID token has no tenant (tid)')
            const expectedIssuer = (metadata as Metadata).issuer.replace('{tenantid}', tid)
            // A tenant authority's issuer is fixed: its tenant segment must also be the token's tid.
            if (claims.iss !== expectedIssuer || !expectedIssuer.endsWith(`/${tid}/v2.0`) || tid.toLowerCase() === CONSUMER_TENANT) {
                throw new IdTokenError('issuer', `The ID token was issued by ${JSON.stringify(claims.iss ?? null)}, not by ${expectedIssuer}`)
            }
            const audience = Array.isArray(claims.aud) && claims.aud.length === 1 ? claims.aud[0] : claims.aud
            if (audience !== options.clientId) throw new IdTokenError('audience', 'The ID token was issued to another application')
            if (typeof claims.nonce !== 'string' || claims.nonce !== expectedNonce) throw new IdTokenError('nonce', 'The ID token does not carry this sign-in\'s nonce')

            const seconds = Math.floor(now() / 1000)
            if (typeof claims.exp !== 'number') throw new IdTokenError('claims', 'The ID token has no expiry (exp)')
            if (seconds >= claims.exp + skew) throw new IdTokenError('expired', 'The ID token has expired')
            if (typeof claims.nbf === 'number' && seconds < claims.nbf - skew) throw new IdTokenError('not-yet-valid', 'The ID token is not valid yet')

            const oid = text(claims.oid)
            const upn = text(claims.preferred_username)
            if (!oid || !upn) throw new IdTokenError('claims', 'The ID token lacks oid or preferred_username: request the profile scope')
            const wids = Array.isArray(claims.wids) ? claims.wids.filter((id): id is string => typeof id === 'string') : null
            return { tid: tid.toLowerCase(), oid, upn, name: text(claims.name) ?? upn, wids }
        },
    }
}
