/**
 * App-only Microsoft Graph tokens per tenant (client-credentials grant through @azure/msal-node).
 *
 *   createTokenSource({ authorityHost, credential, ca?, scope? }) → TokenSource
 *   tokens.accessToken(tenantId)             a valid token for that tenant (cached by msal)
 *   tokens.accessToken(tenantId, { rejected }) after Graph answered 401 to `rejected`: a new token from the
 *                                            token endpoint, unless another caller already replaced it
 *   tokens.grantedRoles(tenantId)            the token's `roles` claim (application permissions granted)
 *
 * One ConfidentialClientApplication per tenant, built on the tenant-specific authority
 * `${authorityHost}/${tenantId}`. msal-node 7 keys an app token by environment, client id, realm (the
 * authority's tenant) and scopes, so a per-request `authority` on one shared application would also keep one
 * entry per tenant; one application per tenant was chosen because it also keeps each tenant's authority
 * metadata and msal's token-endpoint throttling state (ThrottlingUtils, which honours the token endpoint's own
 * Retry-After) apart, so one tenant's trouble does not hold up another's tokens.
 *
 * Renewal (msal-node 7.2.4, ClientCredentialClient.getCachedAuthenticationResult): a cached token is served
 * until 300 s before its `expires_on` (DEFAULT_TOKEN_RENEWAL_OFFSET_SEC, not configurable in msal-node); from
 * then on the next call goes to the token endpoint. When the token answer carried `refresh_in` (Entra sends it
 * for long-lived tokens), the first call after that point also fetches a new token (msal awaits it and stores
 * it) but returns the still-valid cached one; a 4xx/5xx from the token endpoint during that early refresh is
 * only logged by msal. Nothing renews on a timer: renewal happens inside the call that finds the token due.
 *
 * Concurrent callers for one tenant share one acquisition (msal-node does not coalesce client-credential
 * requests itself; without this, a sync starting four Graph calls would send four token requests).
 */
import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node'
import { createHttpsAgent, msalNetworkClient } from './https-transport.ts'

export interface GraphCredential {
    clientId: string
    clientSecret?: string
    certificate?: { privateKeyPem: string; thumbprintSha256: string; certificatePem?: string }
}

export interface TokenSourceOptions {
    /** e.g. 'https://login.microsoftonline.com' or the stand-in's 'https://127.0.0.1:8443' */
    authorityHost: string
    credential: GraphCredential
    /** Extra trusted CA (PEM), the stand-in's; production leaves it unset. */
    ca?: string
    /** Default 'https://graph.microsoft.com/.default'. */
    scope?: string
    /** Per token-endpoint request (default 30 s). */
    timeoutMs?: number
}

export interface AccessTokenOptions {
    /** A token Graph answered 401 to: acquire a new one instead of serving it from the cache again. */
    rejected?: string
}

export interface TokenSource {
    accessToken(tenantId: string, options?: AccessTokenOptions): Promise<string>
    /** From the token's roles claim, for read-only detection. */
    grantedRoles(tenantId: string): Promise<string[] | null>
}

const DEFAULT_SCOPE = 'https://graph.microsoft.com/.default'
const PUBLIC_AUTHORITY_HOST = 'login.microsoftonline.com'
// A tenant id goes into the authority path: a GUID or a verified domain, nothing that could change the path.
const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9.-]*$/
// Client credentials need one tenant; msal refuses these, and so do we, earlier and by name.
const MULTI_TENANT_ALIASES = new Set(['common', 'organizations', 'consumers'])

export function createTokenSource(options: TokenSourceOptions): TokenSource {
    const host = new URL(options.authorityHost)
    if (host.protocol !== 'https:') throw new Error(`authorityHost must be https (msal refuses other authorities): ${host.origin}`)
    const credential = authOptions(options.credential)
    const network = msalNetworkClient(createHttpsAgent(options.ca), options.timeoutMs ?? 30_000)
    const scopes = [options.scope ?? DEFAULT_SCOPE]

    const apps = new Map<string, ConfidentialClientApplication>()

    function app(tenantId: string): ConfidentialClientApplication {
        let found = apps.get(tenantId)
        if (!found) {
            const configuration: Configuration = {
                auth: { ...credential, ...msalAuthority(options.authorityHost, tenantId) },
                system: { networkClient: network },
            }
            found = new ConfidentialClientApplication(configuration)
            apps.set(tenantId, found)
        }
        return found
    }

    // skipCache makes msal ask the token endpoint and overwrite the tenant's cache entry with the answer.
    const shared = sharedAcquisitions(async (tenantId, fresh) => {
        const result = await app(tenantId).acquireTokenByClientCredential({ scopes, skipCache: fresh })
        if (!result?.accessToken) throw new Error(`No access token for tenant ${tenantId}`)
        return result.accessToken
    })
    const accessToken = async (tenantId: string, request: AccessTokenOptions = {}): Promise<string> => {
        checkTenantId(tenantId)
        return shared(tenantId, request)
    }

    return {
        accessToken,
        async grantedRoles(tenantId) {
            return rolesClaim(await accessToken(tenantId))
        },
    }
}

/**
 * A tenant's token through `acquire`, with concurrent callers of one tenant sharing one acquisition (msal-node does not
 * coalesce them itself: without this, a sync starting four Graph calls would send four token requests). After Graph
 * answered 401 to `rejected`, a fresh token (`acquire(tenantId, true)`) unless another caller already replaced it:
 * several calls refused the same token at once ask the token endpoint once.
 */
export function sharedAcquisitions(acquire: (tenantId: string, fresh: boolean) => Promise<string>): (tenantId: string, options?: AccessTokenOptions) => Promise<string> {
    const pending = new Map<string, Promise<string>>()
    // The token each tenant's last acquisition returned, to tell a stale 401 (already replaced) from a fresh one.
    const latest = new Map<string, string>()
    const start = (tenantId: string, fresh: boolean): Promise<string> => {
        const running = pending.get(tenantId)
        if (running) return running
        const started = acquire(tenantId, fresh)
            .then((token) => {
                latest.set(tenantId, token)
                return token
            })
            .finally(() => pending.delete(tenantId))
        pending.set(tenantId, started)
        return started
    }
    return async (tenantId, request = {}) => {
        const rejected = request.rejected
        if (rejected === undefined) return start(tenantId, false)
        const running = pending.get(tenantId)
        if (running) {
            const token = await running
            if (token !== rejected) return token
        } else if (latest.has(tenantId) && latest.get(tenantId) !== rejected) {
            return start(tenantId, false)
        }
        return start(tenantId, true)
    }
}

/**
 * msal's authority for a tenant (or 'organizations') on the authority host. msal only accepts an authority it can
 * discover; login.microsoftonline.com it knows, any other host (the stand-in) must be declared, host and port, as a
 * known authority.
 */
export function msalAuthority(authorityHost: string, tenant: string): { authority: string; knownAuthorities: string[] } {
    const host = new URL(authorityHost)
    return {
        authority: `${host.origin}${host.pathname.replace(/\/+$/, '')}/${tenant}`,
        knownAuthorities: host.hostname.toLowerCase() === PUBLIC_AUTHORITY_HOST ? [] : [host.host],
    }
}

/** msal's client credential for the app registration: its secret, or its certificate and key. */
export function authOptions(credential: GraphCredential): Configuration['auth'] {
    if (credential.clientSecret !== undefined && credential.certificate !== undefined) {
        throw new Error('Give either a client secret or a certificate, not both')
    }
    if (credential.certificate) {
        const { privateKeyPem, thumbprintSha256, certificatePem } = credential.certificate
        // x5c (the public certificate) lets Entra accept a certificate by subject name/issuer (SNI) as well.
        return { clientId: credential.clientId, clientCertificate: { privateKey: privateKeyPem, thumbprintSha256, ...(certificatePem ? { x5c: certificatePem } : {}) } }
    }
    if (credential.clientSecret) return { clientId: credential.clientId, clientSecret: credential.clientSecret }
    throw new Error('A Graph credential needs a client secret or a certificate')
}

function checkTenantId(tenantId: string): void {
    if (!TENANT_ID.test(tenantId) || MULTI_TENANT_ALIASES.has(tenantId.toLowerCase())) {
        throw new Error(`Not a tenant id: ${JSON.stringify(tenantId)}`)
    }
}

/**
 * The `roles` claim of a JWT access token. The token came straight from the token endpoint over TLS, so it is read,
 * not verified (the bridge is not the audience; Graph verifies it). Microsoft calls access tokens opaque to clients:
 * today Graph's app-only tokens are JWTs, but a token that cannot be read gives null (unknown), not "no roles".
 */
export function rolesClaim(accessToken: string): string[] | null {
    const payload = accessToken.split('.')[1]
    if (payload === undefined) return null
    let claims: unknown
    try {
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    } catch {
        return null
    }
    if (typeof claims !== 'object' || claims === null) return null
    const roles = (claims as { roles?: unknown }).roles
    return Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : []
}
