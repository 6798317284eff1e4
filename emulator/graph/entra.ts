/**
 * Microsoft Entra ID (v2.0 endpoints) as far as a daemon needs it: the client-credentials grant with a secret or a
 * certificate assertion, the OpenID configuration msal-node reads first, and the JWKS. Everything else under
 * `/{tenant}/` is refused as not emulated. Each behaviour and its source: FIDELITY.md, section "Entra".
 */
import { createHash, createPublicKey, randomUUID, X509Certificate, type KeyObject } from 'node:crypto'
import { decodeJwt, signJwt, verifyJwtSignature } from './jwt.ts'
import { header, NOT_EMULATED, type Incoming, type Reply } from './http-types.ts'

export type GraphRole = 'SecurityEvents.Read.All' | 'SecurityEvents.ReadWrite.All'

export interface AppRegistration {
    clientId: string
    clientSecret?: string
    /** PEM of the certificate uploaded to the app registration (its public part is all Entra keeps). */
    certificatePem?: string
    roles: GraphRole[]
    displayName?: string
}

export interface TenantInfo {
    tenantId: string
    displayName: string
}

export const GRAPH_RESOURCE = 'https://graph.microsoft.com'
/** Graph's well-known application id; Graph accepts it as a token audience too. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000'
const DEFAULT_SCOPE = GRAPH_RESOURCE + '/.default'
/** Entra's default access-token lifetime is 60-90 minutes (randomised); a fixed hour is a local choice. */
export const TOKEN_LIFETIME_SECONDS = 3599
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
const MULTI_TENANT_SEGMENTS = new Set(['common', 'organizations', 'consumers'])

export interface AccessTokenClaims {
    tid: string
    appid: string
    roles: string[]
    exp: number
    nbf: number
}

export interface Entra {
    handle(incoming: Incoming, baseUrl: string): Reply
    /** Graph's check of a bearer token: the claims when it is one this stand-in signed and still valid, else why not. */
    verifyAccessToken(token: string): { claims: AccessTokenClaims } | { error: string }
    jwks(): { keys: object[] }
}

export function createEntra(options: { tenants: TenantInfo[]; apps: AppRegistration[]; signingKeyPem: string; now: () => Date }): Entra {
    const tenants = new Map(options.tenants.map((t) => [t.tenantId.toLowerCase(), t]))
    const apps = new Map(options.apps.map((a) => [a.clientId.toLowerCase(), a]))
    const publicKey = createPublicKey(options.signingKeyPem)
    const jwk = publicKey.export({ format: 'jwk' })
    // kid as the base64url SHA-256 of the public key: stable across restarts with the same dataDir (local choice).
    const kid = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64url')
    const nowSeconds = (): number => Math.floor(options.now().getTime() / 1000)

    function stsError(incoming: Incoming, status: number, error: string, code: number, text: string): Reply {
        const traceId = randomUUID()
        const correlationId = header(incoming, 'client-request-id') ?? randomUUID()
        const timestamp = options.now().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z')
        return {
            status,
            body: {
                error,
                error_description: `AADSTS${code}: ${text}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
                error_codes: [code],
                timestamp,
                trace_id: traceId,
                correlation_id: correlationId,
                error_uri: `https://login.microsoftonline.com/error?code=${code}`,
            },
        }
    }

    function openIdConfiguration(baseUrl: string, tenantId: string): object {
        const root = `${baseUrl}/${tenantId}`
        return {
            token_endpoint: `${root}/oauth2/v2.0/token`,
            token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
            jwks_uri: `${root}/discovery/v2.0/keys`,
            response_modes_supported: ['query', 'fragment', 'form_post'],
            subject_types_supported: ['pairwise'],
            id_token_signing_alg_values_supported: ['RS256'],
            response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
            scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
            issuer: `${root}/v2.0`,
            request_uri_parameter_supported: false,
            userinfo_endpoint: `${baseUrl}/oidc/userinfo`,
            // Listed because msal-node requires the key; the endpoint itself is refused as not emulated.
            authorization_endpoint: `${root}/oauth2/v2.0/authorize`,
            device_authorization_endpoint: `${root}/oauth2/v2.0/devicecode`,
            http_logout_supported: true,
            frontchannel_logout_supported: true,
            end_session_endpoint: `${root}/oauth2/v2.0/logout`,
            claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'tid', 'oid', 'roles'],
            tenant_region_scope: 'EU',
            cloud_instance_name: 'microsoftonline.com',
            cloud_graph_host_name: 'graph.windows.net',
            msgraph_host: 'graph.microsoft.com',
        }
    }

    /** The client assertion check of "Microsoft identity platform application authentication certificate credentials". */
    function checkAssertion(incoming: Incoming, app: AppRegistration, assertion: string, tokenEndpoint: string): Reply | null {
        const jwt = decodeJwt(assertion)
        if (!jwt) return stsError(incoming, 400, 'invalid_request', 50027, 'JWT token is invalid or malformed.')
        if (!app.certificatePem) {
            return stsError(incoming, 401, 'invalid_client', 700027, 'Client assertion failed signature validation. No certificate is registered on the application.')
        }
        const cert = new X509Certificate(app.certificatePem)
        const x5tS256 = createHash('sha256').update(cert.raw).digest('base64url')
        const x5t = createHash('sha1').update(cert.raw).digest('base64url')
        if (jwt.header['x5t#S256'] !== x5tS256 && jwt.header.x5t !== x5t) {
            return stsError(incoming, 401, 'invalid_client', 700027, `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${String(jwt.header['x5t#S256'] ?? jwt.header.x5t ?? '')}']`)
        }
        if (!verifyJwtSignature(jwt, cert.publicKey as KeyObject)) {
            return stsError(incoming, 401, 'invalid_client', 700027, 'Client assertion failed signature validation.')
        }
        const p = jwt.payload
        if (p.iss !== p.sub) return stsError(incoming, 401, 'invalid_client', 50048, 'Subject mismatches Issuer claim in the client assertion.')
        if (typeof p.iss !== 'string' || p.iss.toLowerCase() !== app.clientId.toLowerCase()) {
            return stsError(incoming, 401, 'invalid_client', 700021, "Client assertion application identifier doesn't match 'client_id' parameter.")
        }
        const audiences = Array.isArray(p.aud) ? p.aud : [p.aud]
        if (!audiences.includes(tokenEndpoint)) {
            return stsError(incoming, 401, 'invalid_client', 50027, `Invalid JWT token. The audience claim does not match the token endpoint '${tokenEndpoint}'.`)
        }
        const now = nowSeconds()
        if (typeof p.exp !== 'number' || p.exp <= now || (typeof p.nbf === 'number' && p.nbf > now + 300)) {
            return stsError(incoming, 401, 'invalid_client', 700024, 'Client assertion is not within its valid time range.')
        }
        return null
    }

    function token(incoming: Incoming, baseUrl: string, tenant: TenantInfo): Reply {
        const form = new URLSearchParams(incoming.body)
        const grantType = form.get('grant_type')
        if (!grantType) return stsError(incoming, 400, 'invalid_request', 900144, "The request body must contain the following parameter: 'grant_type'.")
        if (grantType !== 'client_credentials') {
            return grantType === 'authorization_code' || grantType === 'refresh_token' || grantType === 'password'
                ? notEmulatedSts(incoming, `the ${grantType} grant`)
                : stsError(incoming, 400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`)
        }
        const clientId = form.get('client_id')
        if (!clientId) return stsError(incoming, 400, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_id'.")
        const scope = form.get('scope')
        if (!scope) return stsError(incoming, 400, 'invalid_request', 900144, "The request body must contain the following parameter: 'scope'.")
        const app = apps.get(clientId.toLowerCase())
        if (!app) {
            return stsError(incoming, 400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${tenant.displayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`)
        }
        const scopes = scope.split(' ').filter(Boolean)
        if (scopes.length !== 1 || !scopes[0].endsWith('/.default')) {
            return stsError(incoming, 400, 'invalid_scope', 1002012, `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`)
        }
        if (scopes[0] !== DEFAULT_SCOPE && scopes[0] !== GRAPH_APP_ID + '/.default') {
            const resource = scopes[0].slice(0, -'/.default'.length)
            return stsError(incoming, 400, 'invalid_resource', 500011, `The resource principal named ${resource} was not found in the tenant named ${tenant.displayName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`)
        }
        const secret = form.get('client_secret')
        const assertionType = form.get('client_assertion_type')
        const assertion = form.get('client_assertion')
        let appidacr: '1' | '2'
        if (secret !== null && assertion === null) {
            if (!app.clientSecret || secret !== app.clientSecret) {
                return stsError(incoming, 401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`)
            }
            appidacr = '1'
        } else if (assertion !== null && secret === null) {
            if (assertionType !== ASSERTION_TYPE) {
                return stsError(incoming, 400, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_assertion_type'.")
            }
            const refused = checkAssertion(incoming, app, assertion, `${baseUrl}/${tenant.tenantId}/oauth2/v2.0/token`)
            if (refused) return refused
            appidacr = '2'
        } else if (secret === null && assertion === null) {
            return stsError(incoming, 401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.")
        } else {
            return notEmulatedSts(incoming, 'a token request carrying both client_secret and client_assertion')
        }
        const iat = nowSeconds()
        const servicePrincipalId = uuidFrom(tenant.tenantId + '/' + app.clientId)
        const accessToken = signJwt(
            { kid },
            {
                aud: GRAPH_RESOURCE,
                iss: `https://sts.windows.net/${tenant.tenantId}/`,
                iat,
                nbf: iat,
                exp: iat + TOKEN_LIFETIME_SECONDS,
                app_displayname: app.displayName ?? app.clientId,
                appid: app.clientId,
                appidacr,
                idp: `https://sts.windows.net/${tenant.tenantId}/`,
                idtyp: 'app',
                oid: servicePrincipalId,
                roles: [...app.roles],
                sub: servicePrincipalId,
                tid: tenant.tenantId,
                uti: randomUUID().replace(/-/g, ''),
                ver: '1.0',
            },
            options.signingKeyPem,
        )
        return {
            status: 200,
            headers: { 'cache-control': 'no-store, no-cache', pragma: 'no-cache' },
            body: { token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, ext_expires_in: TOKEN_LIFETIME_SECONDS, access_token: accessToken },
        }
    }

    function notEmulatedSts(incoming: Incoming, what: string): Reply {
        return { status: 501, body: { error: 'not_emulated', error_description: NOT_EMULATED + what, error_codes: [], timestamp: options.now().toISOString(), trace_id: randomUUID(), correlation_id: header(incoming, 'client-request-id') ?? randomUUID() } }
    }

    return {
        handle(incoming, baseUrl) {
            const [, tenantSegment = '', ...rest] = incoming.url.pathname.split('/')
            const route = rest.join('/')
            if (MULTI_TENANT_SEGMENTS.has(tenantSegment.toLowerCase())) return notEmulatedSts(incoming, `the /${tenantSegment} authority (use a tenant id)`)
            const known = route === 'oauth2/v2.0/token' || route === 'v2.0/.well-known/openid-configuration' || route === 'discovery/v2.0/keys'
            if (!known) return notEmulatedSts(incoming, `${incoming.method} /{tenant}/${route}`)
            const tenant = tenants.get(tenantSegment.toLowerCase())
            if (!tenant) {
                return stsError(incoming, 400, 'invalid_tenant', 90002, `Tenant '${tenantSegment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`)
            }
            if (route === 'oauth2/v2.0/token') {
                if (incoming.method !== 'POST') return { status: 405, headers: { allow: 'POST' }, body: { error: 'invalid_request', error_description: 'The token endpoint takes POST.' } }
                return token(incoming, baseUrl, tenant)
            }
            if (incoming.method !== 'GET') return { status: 405, headers: { allow: 'GET' }, body: { error: 'invalid_request', error_description: 'This endpoint takes GET.' } }
            if (route === 'discovery/v2.0/keys') return { status: 200, body: this.jwks() }
            return { status: 200, body: openIdConfiguration(baseUrl, tenant.tenantId) }
        },

        jwks() {
            return { keys: [{ kty: jwk.kty, use: 'sig', kid, n: jwk.n, e: jwk.e }] }
        },

        verifyAccessToken(tokenText) {
            const jwt = decodeJwt(tokenText)
            if (!jwt || jwt.header.alg !== 'RS256') return { error: 'IDX14100: JWT is not well formed.' }
            if (jwt.header.kid !== kid || !verifyJwtSignature(jwt, publicKey)) return { error: 'Invalid signature.' }
            const p = jwt.payload
            if (p.aud !== GRAPH_RESOURCE && p.aud !== GRAPH_APP_ID) return { error: 'Invalid audience.' }
            const tid = typeof p.tid === 'string' ? p.tid : ''
            if (!tenants.has(tid.toLowerCase()) || p.iss !== `https://sts.windows.net/${tid}/`) return { error: 'Invalid issuer.' }
            const now = nowSeconds()
            if (typeof p.exp !== 'number' || typeof p.nbf !== 'number') return { error: 'Lifetime validation failed, the token has no lifetime.' }
            if (p.exp <= now) return { error: 'Lifetime validation failed, the token is expired.' }
            if (p.nbf > now) return { error: 'Lifetime validation failed, the token is not yet valid.' }
            const roles = Array.isArray(p.roles) ? p.roles.filter((r): r is string => typeof r === 'string') : []
            return { claims: { tid, appid: String(p.appid), roles, exp: p.exp, nbf: p.nbf } }
        },
    }
}

/** A stable GUID-shaped id from text (the service principal's object id per tenant; local choice). */
export function uuidFrom(text: string): string {
    const h = createHash('sha256').update(text).digest('hex')
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}
