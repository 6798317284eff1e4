/**
 * Microsoft Entra ID (v2.0 endpoints): the token endpoint (client credentials with a secret or a certificate
 * assertion; authorization code with PKCE and refresh token for a signed-in person), the OpenID configuration and
 * the JWKS, for a tenant id or the `organizations`/`common` authorities; the sign-in, admin consent and logout pages
 * are in sign-in.ts. Everything else under `/{tenant}/` is refused as not emulated.
 * Each behaviour and its source: FIDELITY.md, sections "Entra" and "Sign-in".
 */
import { createHash, createPublicKey, randomUUID, X509Certificate, type KeyObject } from 'node:crypto'
import type { AppRegistration, Directory, TenantInfo } from './directory.ts'
import { carriesWids, roleTemplateIds } from './directory.ts'
import { challengeOf, PKCE_VALUE, REFRESH_TOKEN_LIFETIME_SECONDS, type Grant, type Grants } from './grants.ts'
import { decodeJwt, signJwt, verifyJwtSignature } from './jwt.ts'
import { header, type Incoming, type Reply } from './http-types.ts'
import { createSignIn, GRAPH_APP_ID, GRAPH_RESOURCE, notConsentedText, OIDC_SCOPES, parseScopes, uncoveredScopes } from './sign-in.ts'
import { notEmulatedSts, stsError } from './sts-errors.ts'

export type { AppRegistration, GraphRole } from './directory.ts'
export { GRAPH_APP_ID, GRAPH_RESOURCE }

const DEFAULT_SCOPE = GRAPH_RESOURCE + '/.default'
/** Entra's default access-token lifetime is 60-90 minutes (randomised); a fixed hour is a local choice. */
export const TOKEN_LIFETIME_SECONDS = 3599
/** "Configurable token lifetimes": ID tokens last one hour. */
const ID_TOKEN_LIFETIME_SECONDS = 3600
/** Clock skew allowed on a client assertion's nbf (local choice; Entra documents none). */
const ASSERTION_NBF_SKEW_SECONDS = 300
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
/** The authorities that name no tenant; `consumers` (personal accounts) is not emulated. */
const MULTI_TENANT_SEGMENTS = new Set(['common', 'organizations'])

export interface AccessTokenClaims {
    tid: string
    appid: string
    /** Application permissions of an app-only token. */
    roles: string[]
    /** Delegated permissions of a person's token (`scp`), null for an app-only token. */
    scopes: string[] | null
    /** The signed-in person (`oid`), null for an app-only token. */
    objectId: string | null
    upn: string | null
    exp: number
    nbf: number
}

export interface Entra {
    handle(incoming: Incoming, baseUrl: string): Reply
    /** Graph's check of a bearer token: the claims when it is one this stand-in signed and still valid, else why not. */
    verifyAccessToken(token: string): { claims: AccessTokenClaims } | { error: string }
    jwks(): { keys: object[] }
}

export function createEntra(options: { directory: Directory; grants: Grants; signingKeyPem: string; now: () => Date }): Entra {
    const { directory, grants } = options
    const publicKey = createPublicKey(options.signingKeyPem)
    const jwk = publicKey.export({ format: 'jwk' })
    // kid as the base64url SHA-256 of the public key: stable across restarts with the same dataDir (local choice).
    const kid = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64url')
    const nowSeconds = (): number => Math.floor(options.now().getTime() / 1000)
    const signIn = createSignIn({ directory, grants, now: options.now })
    const fail = (incoming: Incoming, status: number, error: string, code: number, text: string): Reply => stsError(incoming, options.now(), status, error, code, text)
    const notEmulated = (incoming: Incoming, what: string): Reply => notEmulatedSts(incoming, options.now(), what)
    const missing = (incoming: Incoming, name: string): Reply => fail(incoming, 400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`)

    /** `segment` is a tenant id or organizations/common; the issuer of the latter names no tenant ("{tenantid}"). */
    function openIdConfiguration(baseUrl: string, segment: string): object {
        const root = `${baseUrl}/${segment}`
        return {
            token_endpoint: `${root}/oauth2/v2.0/token`,
            token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
            jwks_uri: `${root}/discovery/v2.0/keys`,
            response_modes_supported: ['query', 'fragment', 'form_post'],
            subject_types_supported: ['pairwise'],
            id_token_signing_alg_values_supported: ['RS256'],
            response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
            scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
            issuer: `${baseUrl}/${MULTI_TENANT_SEGMENTS.has(segment) ? '{tenantid}' : segment}/v2.0`,
            request_uri_parameter_supported: false,
            userinfo_endpoint: `${baseUrl}/oidc/userinfo`,
            authorization_endpoint: `${root}/oauth2/v2.0/authorize`,
            device_authorization_endpoint: `${root}/oauth2/v2.0/devicecode`,
            http_logout_supported: true,
            frontchannel_logout_supported: true,
            end_session_endpoint: `${root}/oauth2/v2.0/logout`,
            claims_supported: ['sub', 'iss', 'cloud_instance_name', 'cloud_instance_host_name', 'cloud_graph_host_name', 'msgraph_host', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
            tenant_region_scope: 'EU',
            cloud_instance_name: 'microsoftonline.com',
            cloud_graph_host_name: 'graph.windows.net',
            msgraph_host: 'graph.microsoft.com',
        }
    }

    /** The client assertion check of "Microsoft identity platform application authentication certificate credentials". */
    function checkAssertion(incoming: Incoming, app: AppRegistration, assertion: string, tokenEndpoint: string): Reply | null {
        const jwt = decodeJwt(assertion)
        if (!jwt) return fail(incoming, 400, 'invalid_request', 50027, 'JWT token is invalid or malformed.')
        if (!app.certificatePem) {
            return fail(incoming, 401, 'invalid_client', 700027, 'Client assertion failed signature validation. No certificate is registered on the application.')
        }
        const cert = new X509Certificate(app.certificatePem)
        const x5tS256 = createHash('sha256').update(cert.raw).digest('base64url')
        const x5t = createHash('sha1').update(cert.raw).digest('base64url')
        if (jwt.header['x5t#S256'] !== x5tS256 && jwt.header.x5t !== x5t) {
            return fail(incoming, 401, 'invalid_client', 700027, `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${String(jwt.header['x5t#S256'] ?? jwt.header.x5t ?? '')}']`)
        }
        if (!verifyJwtSignature(jwt, cert.publicKey as KeyObject)) {
            return fail(incoming, 401, 'invalid_client', 700027, 'Client assertion failed signature validation.')
        }
        const p = jwt.payload
        if (p.iss !== p.sub) return fail(incoming, 401, 'invalid_client', 50048, 'Subject mismatches Issuer claim in the client assertion.')
        if (typeof p.iss !== 'string' || p.iss.toLowerCase() !== app.clientId.toLowerCase()) {
            return fail(incoming, 401, 'invalid_client', 700021, "Client assertion application identifier doesn't match 'client_id' parameter.")
        }
        const audiences = Array.isArray(p.aud) ? p.aud : [p.aud]
        if (!audiences.includes(tokenEndpoint)) {
            return fail(incoming, 401, 'invalid_client', 50027, `Invalid JWT token. The audience claim does not match the token endpoint '${tokenEndpoint}'.`)
        }
        const now = nowSeconds()
        if (typeof p.exp !== 'number' || p.exp <= now || (typeof p.nbf === 'number' && p.nbf > now + ASSERTION_NBF_SKEW_SECONDS)) {
            return fail(incoming, 401, 'invalid_client', 700024, 'Client assertion is not within its valid time range.')
        }
        return null
    }

    /** A confidential client proves itself with its secret or a certificate assertion; `appidacr` 1 or 2. */
    function authenticateClient(incoming: Incoming, form: URLSearchParams, app: AppRegistration, tokenEndpoint: string): { appidacr: '1' | '2' } | Reply {
        const secret = form.get('client_secret')
        const assertion = form.get('client_assertion')
        if (secret !== null && assertion === null) {
            if (!app.clientSecret || secret !== app.clientSecret) {
                return fail(incoming, 401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`)
            }
            return { appidacr: '1' }
        }
        if (assertion !== null && secret === null) {
            if (form.get('client_assertion_type') !== ASSERTION_TYPE) return missing(incoming, 'client_assertion_type')
            return checkAssertion(incoming, app, assertion, tokenEndpoint) ?? { appidacr: '2' }
        }
        if (secret === null && assertion === null) return fail(incoming, 401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.")
        return notEmulated(incoming, 'a token request carrying both client_secret and client_assertion')
    }

    function unknownApp(incoming: Incoming, clientId: string, tenantName: string): Reply {
        return fail(incoming, 400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${tenantName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`)
    }

    /** A v1.0 Graph access token ("Access tokens" claims): the claims every one carries, and those of its kind. */
    function graphAccessToken(tenantId: string, app: AppRegistration, appidacr: '1' | '2', iat: number, own: Record<string, unknown>): string {
        const claims = {
            aud: GRAPH_RESOURCE,
            iss: `https://sts.windows.net/${tenantId}/`,
            iat,
            nbf: iat,
            exp: iat + TOKEN_LIFETIME_SECONDS,
            app_displayname: app.displayName ?? app.clientId,
            appid: app.clientId,
            appidacr,
            idp: `https://sts.windows.net/${tenantId}/`,
            tid: tenantId,
            uti: randomUUID().replace(/-/g, ''),
            ver: '1.0',
            ...own,
        }
        return signJwt({ kid }, claims, options.signingKeyPem)
    }

    function tokenAnswer(body: Record<string, unknown>): Reply {
        return { status: 200, headers: { 'cache-control': 'no-store, no-cache', pragma: 'no-cache' }, body }
    }

    function clientCredentials(incoming: Incoming, form: URLSearchParams, tokenEndpoint: string, tenant: TenantInfo | undefined, segment: string): Reply {
        if (!tenant) return notEmulated(incoming, `the client_credentials grant at /${segment} (use a tenant id)`)
        const clientId = form.get('client_id')
        if (!clientId) return missing(incoming, 'client_id')
        const scope = form.get('scope')
        if (!scope) return missing(incoming, 'scope')
        const app = directory.app(clientId)
        // Without admin consent the app has no service principal in the tenant: Entra does not find it there.
        if (!app || !directory.isConsented(tenant.tenantId, app.clientId)) return unknownApp(incoming, clientId, tenant.displayName)
        const scopes = scope.split(' ').filter(Boolean)
        if (scopes.length !== 1 || !scopes[0].endsWith('/.default')) {
            return fail(incoming, 400, 'invalid_scope', 1002012, `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`)
        }
        if (scopes[0] !== DEFAULT_SCOPE && scopes[0] !== GRAPH_APP_ID + '/.default') {
            const resource = scopes[0].slice(0, -'/.default'.length)
            return fail(incoming, 400, 'invalid_resource', 500011, `The resource principal named ${resource} was not found in the tenant named ${tenant.displayName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`)
        }
        const client = authenticateClient(incoming, form, app, tokenEndpoint)
        if ('status' in client) return client
        const servicePrincipalId = uuidFrom(tenant.tenantId + '/' + app.clientId)
        const accessToken = graphAccessToken(tenant.tenantId, app, client.appidacr, nowSeconds(), { idtyp: 'app', oid: servicePrincipalId, roles: [...app.roles], sub: servicePrincipalId })
        return tokenAnswer({ token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, ext_expires_in: TOKEN_LIFETIME_SECONDS, access_token: accessToken })
    }

    /** The authorization_code and refresh_token grants: a person's tokens (ID token, delegated Graph token, refresh token). */
    function personGrant(incoming: Incoming, form: URLSearchParams, grantType: 'authorization_code' | 'refresh_token', baseUrl: string, segment: string): Reply {
        const tokenEndpoint = `${baseUrl}/${segment}/oauth2/v2.0/token`
        const clientId = form.get('client_id')
        if (!clientId) return missing(incoming, 'client_id')
        const app = directory.app(clientId)
        if (!app) return unknownApp(incoming, clientId, segment)
        const client = authenticateClient(incoming, form, app, tokenEndpoint)
        if ('status' in client) return client
        const invalidGrant = (code: number, text: string): Reply => fail(incoming, 400, 'invalid_grant', code, text)

        let grant: Grant
        let nonce: string | null = null
        if (grantType === 'authorization_code') {
            const codeText = form.get('code')
            if (!codeText) return missing(incoming, 'code')
            const redirectUri = form.get('redirect_uri')
            if (!redirectUri) return missing(incoming, 'redirect_uri')
            const found = grants.redeemCode(codeText)
            if ('refused' in found) {
                if (found.refused === 'redeemed') return invalidGrant(54005, 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.')
                if (found.refused === 'expired') return invalidGrant(70008, 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.')
                return invalidGrant(9002313, 'Invalid request. Request is malformed or invalid. The code is not one this authority issued.')
            }
            const code = found.code
            if (code.clientId.toLowerCase() !== app.clientId.toLowerCase()) return invalidGrant(70000, 'The provided value for the code parameter is not valid: the code was issued to another application.')
            if (code.authority !== segment.toLowerCase()) return invalidGrant(700005, 'Provided Authorization Code is intended to use against other tenant, thus rejected.')
            if (code.redirectUri !== redirectUri) return invalidGrant(500112, `The reply address '${redirectUri}' does not match the reply address '${code.redirectUri}' provided when requesting Authorization code.`)
            if (code.challenge) {
                const verifier = form.get('code_verifier')
                if (!verifier || !PKCE_VALUE.test(verifier) || challengeOf(verifier, code.challenge.method) !== code.challenge.value) {
                    return invalidGrant(501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.')
                }
            }
            grant = code
            nonce = code.nonce
        } else {
            const text = form.get('refresh_token')
            if (!text) return missing(incoming, 'refresh_token')
            const opened = grants.openRefreshToken(text)
            if (!opened) return invalidGrant(9002313, 'Invalid request. Request is malformed or invalid. The refresh token is not one this authority issued.')
            if (opened.clientId.toLowerCase() !== app.clientId.toLowerCase()) return invalidGrant(70000, 'The refresh token was issued to another application.')
            if (opened.issuedAt + REFRESH_TOKEN_LIFETIME_SECONDS <= nowSeconds()) return invalidGrant(700082, 'The refresh token has expired due to inactivity.')
            // revokeSignInSessions: every refresh token of a sign-in before the person's signInSessionsValidFromDateTime.
            const validFrom = directory.signInSessionsValidFrom(opened.objectId)
            if (validFrom !== null && opened.authTime < validFrom) return invalidGrant(50173, revokedGrantText(opened.authTime, validFrom))
            const lower = segment.toLowerCase()
            if (!MULTI_TENANT_SEGMENTS.has(lower) && lower !== opened.tenantId.toLowerCase()) return invalidGrant(700005, 'Provided refresh token is intended to use against other tenant, thus rejected.')
            grant = opened
            const scope = form.get('scope')
            if (scope) {
                const asked = parseScopes(directory, app, scope)
                if (asked.unknown.length > 0) return fail(incoming, 400, 'invalid_scope', 70011, `The provided value for the input parameter 'scope' is not valid. The scope ${asked.unknown.join(' ')} is not valid.`)
                // "Refresh tokens are valid for all permissions that your client has already received consent for."
                grant = { ...opened, scopes: [...opened.scopes.filter((s) => OIDC_SCOPES.includes(s)), ...asked.graph] }
            }
        }

        const person = directory.userById(grant.objectId)
        if (!person || person.tenant.tenantId.toLowerCase() !== grant.tenantId.toLowerCase()) return invalidGrant(50034, 'The user account does not exist in the directory.')
        const graphScopes = grant.scopes.filter((s) => !OIDC_SCOPES.includes(s))
        if (uncoveredScopes(directory, grant.tenantId, app, graphScopes).length > 0) return invalidGrant(65001, notConsentedText(app))
        const { tenant, user } = person
        const iat = nowSeconds()
        // "Access tokens", `wids`: only when the registration's groupMembershipClaims asks for directory roles.
        const wids = carriesWids(app) ? roleTemplateIds(user) : null
        const accessToken = graphAccessToken(tenant.tenantId, app, client.appidacr, iat, {
            amr: ['pwd'],
            idtyp: 'user',
            name: user.displayName,
            oid: user.objectId,
            scp: graphScopes.length > 0 ? graphScopes.join(' ') : grant.scopes.filter((s) => s !== 'offline_access').join(' '),
            sub: uuidFrom(`${tenant.tenantId}/${user.objectId}/${GRAPH_APP_ID}`),
            unique_name: user.userPrincipalName,
            upn: user.userPrincipalName,
            ...(wids === null ? {} : { wids }),
        })
        const body: Record<string, unknown> = {
            token_type: 'Bearer',
            scope: [...graphScopes.map((s) => `${GRAPH_RESOURCE}/${s}`), ...grant.scopes.filter((s) => OIDC_SCOPES.includes(s))].join(' '),
            expires_in: TOKEN_LIFETIME_SECONDS,
            ext_expires_in: TOKEN_LIFETIME_SECONDS,
            access_token: accessToken,
        }
        // "Only provided if offline_access scope was requested" / "Only provided if openid scope was requested".
        if (grant.scopes.includes('offline_access')) body.refresh_token = grants.sealRefreshToken({ clientId: grant.clientId, tenantId: grant.tenantId, objectId: grant.objectId, scopes: grant.scopes, authority: grant.authority, authTime: grant.authTime })
        if (grant.scopes.includes('openid')) body.id_token = idToken(baseUrl, app, tenant, user, wids, nonce, iat, grant.scopes)
        // msal sends client_info=1 and builds its account id from the answer's client_info ({ uid, utid }).
        if (form.get('client_info') === '1') body.client_info = Buffer.from(JSON.stringify({ uid: user.objectId, utid: tenant.tenantId })).toString('base64url')
        return tokenAnswer(body)
    }

    /** The "ID token claims reference" claims of a v2.0 ID token; `wids` as with groupMembershipClaims DirectoryRole. */
    function idToken(baseUrl: string, app: AppRegistration, tenant: TenantInfo, user: { objectId: string; userPrincipalName: string; displayName: string }, wids: string[] | null, nonce: string | null, iat: number, scopes: string[]): string {
        const baseClaims: Record<string, unknown> = {
            aud: app.clientId,
            iss: `${baseUrl}/${tenant.tenantId}/v2.0`,
            iat,
            nbf: iat,
            exp: iat + ID_TOKEN_LIFETIME_SECONDS,
            sub: uuidFrom(`${tenant.tenantId}/${user.objectId}/${app.clientId}`),
            tid: tenant.tenantId,
            uti: randomUUID().replace(/-/g, ''),
            ver: '2.0',
        }
        if (wids !== null) baseClaims.wids = wids
        // "The profile scope is required to receive this claim" (name, preferred_username, oid).
        if (scopes.includes('profile')) Object.assign(baseClaims, { name: user.displayName, preferred_username: user.userPrincipalName, oid: user.objectId })
        if (nonce !== null) baseClaims.nonce = nonce
        return signJwt({ kid }, baseClaims, options.signingKeyPem)
    }

    function token(incoming: Incoming, baseUrl: string, segment: string, tenant: TenantInfo | undefined): Reply {
        const form = new URLSearchParams(incoming.body)
        // client_secret_basic (RFC 6749 §2.3.1): the form-encoded id and secret in an Authorization: Basic header.
        const basic = /^Basic\s+(\S+)$/i.exec(header(incoming, 'authorization') ?? '')
        if (basic) {
            const [id, ...secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':')
            if (form.has('client_secret') || (form.has('client_id') && form.get('client_id') !== decodeURIComponent(id))) {
                return fail(incoming, 400, 'invalid_request', 90023, 'The client is authenticated twice: in the Authorization header and in the request body.')
            }
            form.set('client_id', decodeURIComponent(id))
            form.set('client_secret', decodeURIComponent(secret.join(':')))
        }
        const grantType = form.get('grant_type')
        if (!grantType) return missing(incoming, 'grant_type')
        const tokenEndpoint = `${baseUrl}/${segment}/oauth2/v2.0/token`
        if (grantType === 'client_credentials') return clientCredentials(incoming, form, tokenEndpoint, tenant, segment)
        if (grantType === 'authorization_code' || grantType === 'refresh_token') return personGrant(incoming, form, grantType, baseUrl, segment)
        if (grantType === 'password' || grantType === 'urn:ietf:params:oauth:grant-type:device_code' || grantType === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
            return notEmulated(incoming, `the ${grantType} grant`)
        }
        return fail(incoming, 400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`)
    }

    function methodNotAllowed(allowed: string): Reply {
        return { status: 405, headers: { allow: allowed }, body: { error: 'invalid_request', error_description: `This endpoint takes ${allowed.replace(', ', ' or ')}.` } }
    }

    return {
        handle(incoming, baseUrl) {
            const [, rawSegment = '', ...rest] = incoming.url.pathname.split('/')
            const route = rest.join('/')
            const segment = MULTI_TENANT_SEGMENTS.has(rawSegment.toLowerCase()) ? rawSegment.toLowerCase() : rawSegment
            if (segment.toLowerCase() === 'consumers') return notEmulated(incoming, 'the /consumers authority (personal Microsoft accounts)')
            const routes = ['oauth2/v2.0/token', 'v2.0/.well-known/openid-configuration', 'discovery/v2.0/keys', 'oauth2/v2.0/authorize', 'v2.0/adminconsent', 'oauth2/v2.0/logout']
            if (!routes.includes(route)) return notEmulated(incoming, `${incoming.method} /{tenant}/${route}`)
            const tenant = directory.tenant(segment)
            const browserRoute = route === 'oauth2/v2.0/authorize' || route === 'v2.0/adminconsent' || route === 'oauth2/v2.0/logout'
            if (!tenant && !MULTI_TENANT_SEGMENTS.has(segment)) {
                const text = `Tenant '${segment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`
                // A browser gets the error on a page, a client in a JSON body.
                return browserRoute ? signIn.errorPage(incoming, 400, 90002, text) : fail(incoming, 400, 'invalid_tenant', 90002, text)
            }
            if (browserRoute && incoming.method !== 'GET' && incoming.method !== 'POST') return methodNotAllowed('GET, POST')
            if (route === 'oauth2/v2.0/authorize') return signIn.authorize(incoming, segment)
            if (route === 'v2.0/adminconsent') {
                // "Do not use 'common', as personal accounts cannot provide admin consent except in the context of a tenant."
                if (segment === 'common') return notEmulated(incoming, 'admin consent at /common (use organizations or a tenant id)')
                return signIn.adminConsent(incoming, segment)
            }
            if (route === 'oauth2/v2.0/logout') return signIn.logout(incoming)
            if (route === 'oauth2/v2.0/token') {
                if (incoming.method !== 'POST') return methodNotAllowed('POST')
                return token(incoming, baseUrl, segment, tenant)
            }
            if (incoming.method !== 'GET') return methodNotAllowed('GET')
            if (route === 'discovery/v2.0/keys') return { status: 200, body: this.jwks() }
            return { status: 200, body: openIdConfiguration(baseUrl, tenant ? tenant.tenantId : segment) }
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
            if (!directory.tenant(tid) || p.iss !== `https://sts.windows.net/${tid}/`) return { error: 'Invalid issuer.' }
            const now = nowSeconds()
            if (typeof p.exp !== 'number' || typeof p.nbf !== 'number') return { error: 'Lifetime validation failed, the token has no lifetime.' }
            if (p.exp <= now) return { error: 'Lifetime validation failed, the token is expired.' }
            if (p.nbf > now) return { error: 'Lifetime validation failed, the token is not yet valid.' }
            const roles = Array.isArray(p.roles) ? p.roles.filter((r): r is string => typeof r === 'string') : []
            const person = p.idtyp === 'user'
            return {
                claims: {
                    tid,
                    appid: String(p.appid),
                    roles: person ? [] : roles,
                    scopes: person ? String(p.scp ?? '').split(' ').filter(Boolean) : null,
                    objectId: person ? String(p.oid) : null,
                    upn: person ? String(p.upn) : null,
                    exp: p.exp,
                    nbf: p.nbf,
                },
            }
        },
    }
}

/**
 * AADSTS50173 (FreshTokenNeeded) as Entra words it, with its dates in Entra's seven-digit fraction
 * ('2018-07-04T10:28:18.3020190Z').
 */
function revokedGrantText(authTimeMs: number, validFromMs: number): string {
    const entraDate = (ms: number): string => new Date(ms).toISOString().replace(/Z$/, '0000Z')
    return `The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '${entraDate(authTimeMs)}' and the TokensValidFrom date (before which tokens are not valid) for this user is '${entraDate(validFromMs)}'.`
}

/** A stable GUID-shaped id from text (service principal ids, pairwise subjects; local choice). */
export function uuidFrom(text: string): string {
    const h = createHash('sha256').update(text).digest('hex')
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}
