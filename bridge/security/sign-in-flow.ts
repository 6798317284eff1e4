/**
 * Signing a person in with Microsoft Entra ID: OpenID Connect, authorization code with PKCE through
 * `@azure/msal-node`, against `${authorityHost}/${authorityTenant}` (`organizations` for a multi-tenant bridge, or
 * one tenant's id).
 *
 *   const flow = createSignInFlow({ authorityHost, authorityTenant, credential, ca?, redirectUri, graphBaseUrl })
 *   await flow.begin(returnPath, browserBinding)
 *                                           → the authorize URL (state, nonce, the S256 challenge and the hash of
 *                                             the browser's sign-in cookie kept here)
 *   await flow.finish({ state, code, error, errorDescription }, browserBinding)
 *                                           → { identity, roles, returnPath }, or throws SignInError
 *   flow.signOutUrl(postLogoutRedirectUri)  → Microsoft's sign-out, back to the bridge
 *
 * The state is taken once (a replayed or forged callback finds nothing), the code is redeemed by msal with the PKCE
 * verifier, and the ID token is checked by id-token.ts (signature against the JWKS, issuer, audience, nonce, expiry)
 * before anything about the person is believed. Roles come from the token's `wids`; when the token has none (the
 * registration's groupMembershipClaims leaves them out), from Graph (roles.ts) with a `User.Read` and
 * `RoleManagement.Read.Directory` token redeemed
 * from the sign-in's refresh token, and a person whose roles cannot be read is not let in.
 * The sign-in itself asks only for the OpenID scopes: it needs no consent to the app's Graph permissions, so a
 * tenant's Global Administrator can sign in before the tenant joined (admin consent), and the Graph scopes are asked for
 * only when the roles must come from Graph.
 */
import { ConfidentialClientApplication, type AccountInfo } from '@azure/msal-node'
import { createHttpsAgent, msalNetworkClient, sendHttps } from '../ports/graph/https-transport.ts'
import { authOptions, msalAuthority, type GraphCredential } from '../ports/graph/token-source.ts'
import { createIdTokenValidator, IdTokenError, type SignedInIdentity } from './id-token.ts'
import { readDirectoryRoles, rolesFromGraph, rolesFromToken, type KnownRoles } from './roles.ts'
import { boundTo, createPendingSignIns } from './sessions.ts'

export interface SignInFlowOptions {
    authorityHost: string
    /** 'organizations' or a tenant id. */
    authorityTenant: string
    credential: GraphCredential
    ca?: string
    /** The bridge's /auth/callback, registered on the app registration. */
    redirectUri: string
    graphBaseUrl: string
    timeoutMs?: number
}

export interface SignedIn {
    identity: SignedInIdentity
    roles: KnownRoles
    returnPath: string
}

export type SignInFailure = 'state' | 'refused' | 'code' | 'token' | 'roles'

/** Why a flow through Entra (a sign-in, "Write back as me") ended with nothing kept; `message` is for the page, `detail` (the cause) for the log. */
export class EntraFlowError<Reason extends string> extends Error {
    constructor(
        readonly reason: Reason,
        message: string,
        readonly detail: string = message,
    ) {
        super(message)
        this.name = new.target.name
    }
}

/** Why a sign-in ended without a session. */
export class SignInError extends EntraFlowError<SignInFailure> {}

export interface SignInFlow {
    begin(returnPath: string, browserBinding: string): Promise<string>
    /** `browserBinding`: the sign-in cookie the callback came with (null: none). */
    finish(callback: { state: string; code: string; error: string; errorDescription: string }, browserBinding: string | null): Promise<SignedIn>
    signOutUrl(postLogoutRedirectUri: string): string
}

const SCOPES = ['openid', 'profile']
/** GET /me/transitiveMemberOf with each role whole (roles.ts): User.Read alone gets the roles' ids only. */
const ROLES_FALLBACK_SCOPES = ['User.Read', 'RoleManagement.Read.Directory']

export function createSignInFlow(options: SignInFlowOptions): SignInFlow {
    const host = new URL(options.authorityHost)
    const agent = createHttpsAgent(options.ca)
    const timeoutMs = options.timeoutMs ?? 30_000
    const clientId = options.credential.clientId
    const msal = new ConfidentialClientApplication({
        auth: { ...authOptions(options.credential), ...msalAuthority(host.origin, options.authorityTenant) },
        system: { networkClient: msalNetworkClient(agent, timeoutMs) },
    })
    const get = (url: string, headers: { [name: string]: string } = {}) => sendHttps(agent, { method: 'GET', url, headers, timeoutMs })
    const idTokens = createIdTokenValidator({ authorityHost: host.origin, authorityTenant: options.authorityTenant, clientId, get: (url) => get(url) })
    const pending = createPendingSignIns()

    return {
        begin(returnPath, browserBinding) {
            const started = pending.begin(returnPath, browserBinding)
            return msal.getAuthCodeUrl({
                scopes: SCOPES,
                redirectUri: options.redirectUri,
                state: started.state,
                nonce: started.nonce,
                codeChallenge: started.codeChallenge,
                codeChallengeMethod: 'S256',
                // Several people share a browser in a security team: always let them pick the account.
                prompt: 'select_account',
            })
        },
        async finish(callback, browserBinding) {
            const started = pending.take(callback.state)
            if (!started) throw new SignInError('state', 'This sign-in link was already used, has expired, or was not started here. Sign in again.')
            // A callback someone else started, opened in this browser, would sign it in as them (login CSRF).
            if (!boundTo(started, browserBinding)) {
                throw new SignInError('state', 'This sign-in was not started in this browser. Sign in again.', 'the callback came without the sign-in cookie of the browser that started it')
            }
            if (callback.error) {
                throw new SignInError('refused', 'Microsoft did not sign you in. Sign in again, or ask your administrator.', `${callback.error}: ${callback.errorDescription}`)
            }
            if (!callback.code) throw new SignInError('code', 'Microsoft sent no sign-in code. Sign in again.')
            let idToken: string
            let account: AccountInfo | null
            try {
                // msal checks the ID token's nonce against this sign-in's too.
                const result = await msal.acquireTokenByCode(
                    { code: callback.code, scopes: SCOPES, redirectUri: options.redirectUri, codeVerifier: started.codeVerifier, state: started.state, nonce: started.nonce },
                    { code: callback.code, state: callback.state, nonce: started.nonce },
                )
                idToken = result.idToken
                account = result.account
            } catch (error) {
                const e = error as { errorCode?: string; errorMessage?: string; message?: string }
                if (e.errorCode === 'nonce_mismatch' || e.errorCode === 'state_mismatch') {
                    throw new SignInError('token', 'The sign-in could not be verified. Sign in again.', `msal: ${e.errorCode}`)
                }
                throw new SignInError('code', 'Microsoft did not accept this sign-in (the code was used already or has expired). Sign in again.', `${e.errorCode ?? ''} ${e.errorMessage ?? e.message ?? ''}`.trim())
            }
            let identity: SignedInIdentity
            try {
                identity = await idTokens.validate(idToken, started.nonce)
            } catch (error) {
                if (error instanceof IdTokenError) throw new SignInError('token', 'The sign-in could not be verified. Sign in again.', `ID token refused (${error.reason}): ${error.message}`)
                throw error
            }
            try {
                const fromToken = rolesFromToken(identity.wids)
                if (fromToken.known) return { identity, roles: fromToken, returnPath: started.returnPath }
                if (!account) throw new Error('msal returned no account for the sign-in, so no Graph token can be asked for')
                // msal redeems the sign-in's refresh token (it asks offline_access by default) for a token that reads roles.
                const graphToken = await msal.acquireTokenSilent({ account, scopes: ROLES_FALLBACK_SCOPES })
                const directoryRoles = await readDirectoryRoles((url, headers) => get(url, { ...headers, authorization: `Bearer ${graphToken.accessToken}` }), options.graphBaseUrl)
                return { identity, roles: rolesFromGraph(directoryRoles), returnPath: started.returnPath }
            } catch (error) {
                throw new SignInError(
                    'roles',
                    "Your Entra roles could not be read, so the bridge cannot tell what you may do. Ask your administrator to add the directory roles (wids) to the app registration's token configuration.",
                    (error as Error).message,
                )
            } finally {
                // The bridge keeps no tokens of the person: the session holds who they are and what they may do.
                if (account) await msal.getTokenCache().removeAccount(account)
            }
        },
        signOutUrl(postLogoutRedirectUri) {
            return `${host.origin}/${options.authorityTenant}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent(postLogoutRedirectUri)}`
        },
    }
}
