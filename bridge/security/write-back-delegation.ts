/**
 * Write-back as a signed-in Security Administrator. Microsoft's docs do not say whether Secure Score accepts a
 * control state update made with an app-only token; where Graph refuses it (403), a Security Administrator or Global
 * Administrator of the tenant can let the write-back run as themselves: delegated `SecurityEvents.ReadWrite.All`,
 * with their own sign-in, and their refresh token kept sealed in the store.
 *
 *   const delegation = createWriteBackDelegation({ authorityHost, authorityTenant, credential, ca?, redirectUri, secrets })
 *   await delegation.begin({ tenantId, oid, upn, sessionId }) → the authorize URL (auth code + PKCE, login_hint)
 *   delegation.owns(state)                 the callback's state is one of these (not a sign-in's)
 *   await delegation.finish(callback, { sessionId, tenantId, oid }) → { upn, oid, tokenCache }, or throws DelegationError
 *
 *   const tokens = createDelegatedTokens({ authorityHost, credential, ca?, storeOf, secrets })
 *   tokens.accessToken(tenantId, { rejected? })  the delegate's Graph token through msal's acquireTokenSilent, which
 *                                                redeems their refresh token when the access token is due; throws
 *                                                DelegationNeedsRenewal when Microsoft refuses it (invalid_grant: expired,
 *                                                revoked, password reset; or consent withdrawn)
 *
 * The flow (Microsoft identity platform, "OAuth 2.0 authorization code flow"): msal-node builds the authorize URL on
 * the tenant's own authority with the S256 challenge, the state and the nonce kept here; the state is single-use and
 * bound to the session that started it (a hash of its id), so an answer cannot be replayed or carried into another
 * session. The answer comes back to the sign-in's registered redirect URI (/auth/callback; server.ts tells the two
 * apart by state), msal redeems the code with the verifier, and the ID token is checked by id-token.ts (signature,
 * issuer, audience, nonce, expiry). Only the person who chose "Write back as me" may come back: the ID token's `tid`
 * and `oid` must be the session's, else nothing is stored.
 *
 * What is kept: msal's token cache of that person (ID, access and refresh token), serialized and sealed by the store
 * (AES-256-GCM, bound to the tenant). Each tenant's msal application reads it through a cache plugin before every
 * cache access and writes it back after every change, so the refresh token Entra rotates on every redemption is kept.
 * Every token in it is registered with the SecretRegistry, so no log line carries one.
 */
import { ConfidentialClientApplication, InteractionRequiredAuthError, type ICachePlugin, type TokenCacheContext } from '@azure/msal-node'
import { createHash } from 'node:crypto'
import { createHttpsAgent, msalNetworkClient, sendHttps } from '../ports/graph/https-transport.ts'
import { authOptions, msalAuthority, sharedAcquisitions, type GraphCredential, type TokenSource } from '../ports/graph/token-source.ts'
import { createIdTokenValidator, IdTokenError } from './id-token.ts'
import type { SecretRegistry } from './secret-registry.ts'
import { createPendingSignIns, DEFAULT_SIGN_IN_TTL_MS } from './sessions.ts'
import { EntraFlowError } from './sign-in-flow.ts'

/** The delegated permission a control state update needs ("Update secureScoreControlProfile", delegated: work or school account). */
export const WRITE_BACK_DELEGATED_SCOPE = 'https://graph.microsoft.com/SecurityEvents.ReadWrite.All'
/** offline_access for the refresh token; openid and profile for the ID token that says who came back. */
const AUTHORIZE_SCOPES = [WRITE_BACK_DELEGATED_SCOPE, 'offline_access', 'openid', 'profile']

export type DelegationFailure = 'state' | 'session' | 'refused' | 'consent' | 'code' | 'token' | 'other-account' | 'scope'

/** Why "Write back as me" ended with nothing stored. */
export class DelegationError extends EntraFlowError<DelegationFailure> {}

/** Microsoft no longer gives a token for the delegate: a Security Administrator must choose "Write back as me" again. */
export class DelegationNeedsRenewal extends Error {
    constructor(
        /** Entra's error (invalid_grant, interaction_required, ...) or the bridge's own (no_tokens_found). */
        readonly code: string,
        message: string,
    ) {
        super(message)
        this.name = 'DelegationNeedsRenewal'
    }
}

/** msal's errors that only a new sign-in of the person cures (the rest, e.g. no answer, are transient). */
const RENEWAL_CODES = new Set(['invalid_grant', 'interaction_required', 'consent_required', 'login_required', 'bad_token', 'no_tokens_found', 'refresh_token_expired'])

export interface DelegationOptions {
    authorityHost: string
    /** The sign-in's authority tenant ('organizations' or a tenant id): the ID token is checked as a sign-in's. */
    authorityTenant: string
    credential: GraphCredential
    ca?: string
    /** The sign-in's registered redirect URI, `${publicUrl}/auth/callback`. */
    redirectUri: string
    secrets: SecretRegistry
    timeoutMs?: number
}

export interface Delegated {
    upn: string
    oid: string
    /** msal's serialized token cache holding the person's refresh token: the store seals it. */
    tokenCache: string
}

export interface WriteBackDelegation {
    begin(person: { tenantId: string; oid: string; upn: string; sessionId: string }): Promise<string>
    owns(state: string): boolean
    finish(callback: { state: string; code: string; error: string; errorDescription: string }, session: { sessionId: string; tenantId: string; oid: string }): Promise<Delegated>
}

interface Binding {
    tenantId: string
    oid: string
    upn: string
    sessionHash: string
    createdAt: number
}

/** Answers awaited at once, at most (a person clicking Write back as me again and again cannot grow it further). */
const MAX_PENDING = 10_000

const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64url')

/** Every token in an msal cache serialization (ID, access and refresh tokens' `secret`), for the log to mask. */
export function registerTokenCacheSecrets(tokenCache: string, secrets: SecretRegistry): void {
    const cache = JSON.parse(tokenCache) as { [section: string]: { [key: string]: { secret?: unknown } } | undefined }
    for (const section of ['AccessToken', 'RefreshToken', 'IdToken']) {
        for (const entry of Object.values(cache[section] ?? {})) if (typeof entry.secret === 'string') secrets.register(entry.secret)
    }
}

function msalApp(options: { authorityHost: string; credential: GraphCredential; network: ReturnType<typeof msalNetworkClient> }, tenantId: string, cachePlugin?: ICachePlugin): ConfidentialClientApplication {
    return new ConfidentialClientApplication({
        auth: { ...authOptions(options.credential), ...msalAuthority(options.authorityHost, tenantId) },
        system: { networkClient: options.network },
        ...(cachePlugin ? { cache: { cachePlugin } } : {}),
    })
}

export function createWriteBackDelegation(options: DelegationOptions): WriteBackDelegation {
    const agent = createHttpsAgent(options.ca)
    const timeoutMs = options.timeoutMs ?? 30_000
    const network = msalNetworkClient(agent, timeoutMs)
    const idTokens = createIdTokenValidator({
        authorityHost: new URL(options.authorityHost).origin,
        authorityTenant: options.authorityTenant,
        clientId: options.credential.clientId,
        get: (url) => sendHttps(agent, { method: 'GET', url, headers: {}, timeoutMs }),
    })
    const pending = createPendingSignIns()
    const bindings = new Map<string, Binding>()
    const app = (tenantId: string) => msalApp({ authorityHost: options.authorityHost, credential: options.credential, network }, tenantId)

    return {
        begin(person) {
            const now = Date.now()
            // Insertion order is age order: the expired ones are at the front.
            for (const [state, binding] of bindings) {
                if (now - binding.createdAt < DEFAULT_SIGN_IN_TTL_MS) break
                bindings.delete(state)
            }
            const started = pending.begin('/manage')
            bindings.set(started.state, { tenantId: person.tenantId, oid: person.oid, upn: person.upn, sessionHash: sha256(person.sessionId), createdAt: now })
            // A bound on memory, as the pending sign-ins have: the oldest go first.
            while (bindings.size > MAX_PENDING) bindings.delete(bindings.keys().next().value as string)
            return app(person.tenantId).getAuthCodeUrl({
                scopes: AUTHORIZE_SCOPES,
                redirectUri: options.redirectUri,
                state: started.state,
                nonce: started.nonce,
                codeChallenge: started.codeChallenge,
                codeChallengeMethod: 'S256',
                // The person who chose it signs in; Entra pre-fills their account.
                loginHint: person.upn,
            })
        },
        owns: (state) => bindings.has(state),
        async finish(callback, session) {
            // The binding stays until it expires, so a replayed answer is still told from a sign-in's; the state
            // itself is taken once (pending.take).
            const binding = bindings.get(callback.state)
            const started = pending.take(callback.state)
            if (!binding || !started) throw new DelegationError('state', 'This answer from Microsoft was already used, has expired, or was not started here.')
            if (binding.sessionHash !== sha256(session.sessionId) || binding.tenantId !== session.tenantId || binding.oid !== session.oid) {
                throw new DelegationError('session', '"Write back as me" was started in another session of the bridge: choose it again from the Manage page.')
            }
            if (callback.error) {
                // Not consented (AADSTS65001), or Entra's "Need admin approval" (AADSTS90094) left without consent (65004).
                const consent = callback.error === 'consent_required' || /AADSTS(65001|65004|90094)\b/.test(callback.errorDescription)
                throw new DelegationError(
                    consent ? 'consent' : 'refused',
                    consent
                        ? "Your organization has not consented to the bridge's delegated SecurityEvents.ReadWrite.All permission. A Global Administrator grants it for the organization (admin consent), then choose Write back as me again."
                        : 'Microsoft did not let you write back as yourself. Try again, or ask your administrator.',
                    `${callback.error}: ${callback.errorDescription}`,
                )
            }
            if (!callback.code) throw new DelegationError('code', 'Microsoft sent no code.')
            const tenantApp = app(binding.tenantId)
            let result
            try {
                result = await tenantApp.acquireTokenByCode(
                    { code: callback.code, scopes: AUTHORIZE_SCOPES, redirectUri: options.redirectUri, codeVerifier: started.codeVerifier, state: started.state, nonce: started.nonce },
                    { code: callback.code, state: callback.state, nonce: started.nonce },
                )
            } catch (error) {
                const e = error as { errorCode?: string; errorMessage?: string; message?: string }
                throw new DelegationError('code', 'Microsoft did not accept the answer (the code was used already or has expired). Try again.', `${e.errorCode ?? ''} ${e.errorMessage ?? e.message ?? ''}`.trim())
            }
            let identity
            try {
                identity = await idTokens.validate(result.idToken, started.nonce)
            } catch (error) {
                if (error instanceof IdTokenError) throw new DelegationError('token', 'The answer from Microsoft could not be verified. Try again.', `ID token refused (${error.reason}): ${error.message}`)
                throw error
            }
            if (identity.tid !== binding.tenantId.toLowerCase() || identity.oid !== binding.oid) {
                throw new DelegationError(
                    'other-account',
                    `You came back signed in as ${identity.upn}, not as ${binding.upn}. "Write back as me" writes as the person who chose it: choose it again and sign in as ${binding.upn}.`,
                    `delegation for ${binding.upn} (${binding.oid} of ${binding.tenantId}) came back as ${identity.upn} (${identity.oid} of ${identity.tid})`,
                )
            }
            if (!result.scopes.some((scope) => scope.toLowerCase() === WRITE_BACK_DELEGATED_SCOPE.toLowerCase() || scope.toLowerCase() === 'securityevents.readwrite.all')) {
                throw new DelegationError('scope', 'Microsoft did not grant SecurityEvents.ReadWrite.All for you, so the bridge cannot write as you.', `granted: ${result.scopes.join(' ')}`)
            }
            const tokenCache = tenantApp.getTokenCache().serialize()
            registerTokenCacheSecrets(tokenCache, options.secrets)
            return { upn: identity.upn, oid: identity.oid, tokenCache }
        },
    }
}

/** Where a tenant's delegate and their sealed token cache are kept: the tenant's outbox (bridge/store/outbox.ts). */
export interface DelegateCacheStore {
    delegate(): { oid: string; chosenAt: string } | null
    delegateTokenCache(): string | null
    saveDelegateTokenCache(tokenCache: string): void
}

export interface DelegatedTokensOptions {
    authorityHost: string
    credential: GraphCredential
    ca?: string
    storeOf(tenantId: string): DelegateCacheStore
    secrets: SecretRegistry
    timeoutMs?: number
}

/** The delegate's tokens as a TokenSource, so the Secure Score client writes with them as it does with the app's. */
export function createDelegatedTokens(options: DelegatedTokensOptions): TokenSource {
    const network = msalNetworkClient(createHttpsAgent(options.ca), options.timeoutMs ?? 30_000)
    const apps = new Map<string, ConfidentialClientApplication>()

    function appFor(tenantId: string): ConfidentialClientApplication {
        let found = apps.get(tenantId)
        if (!found) {
            const store = options.storeOf(tenantId)
            // The delegate the cache was read for: a cache read for one person is never written over another's.
            let readFor: string | null = null
            const cachePlugin: ICachePlugin = {
                async beforeCacheAccess(context: TokenCacheContext) {
                    const delegate = store.delegate()
                    const cache = delegate ? store.delegateTokenCache() : null
                    readFor = delegate ? `${delegate.oid} ${delegate.chosenAt}` : null
                    if (cache) registerTokenCacheSecrets(cache, options.secrets)
                    context.tokenCache.deserialize(cache ?? '{}')
                },
                async afterCacheAccess(context: TokenCacheContext) {
                    if (!context.cacheHasChanged) return
                    const delegate = store.delegate()
                    if (!delegate || readFor !== `${delegate.oid} ${delegate.chosenAt}`) return
                    const cache = context.tokenCache.serialize()
                    registerTokenCacheSecrets(cache, options.secrets)
                    store.saveDelegateTokenCache(cache)
                },
            }
            found = msalApp({ authorityHost: options.authorityHost, credential: options.credential, network }, tenantId, cachePlugin)
            apps.set(tenantId, found)
        }
        return found
    }

    async function acquire(tenantId: string, forceRefresh: boolean): Promise<string> {
        const delegate = options.storeOf(tenantId).delegate()
        if (!delegate) throw new DelegationNeedsRenewal('no_delegate', 'No one is set to write back as')
        const app = appFor(tenantId)
        const account = (await app.getTokenCache().getAllAccounts()).find((a) => a.localAccountId === delegate.oid)
        if (!account) throw new DelegationNeedsRenewal('no_tokens_found', "The delegate's tokens are not in the store")
        try {
            return (await app.acquireTokenSilent({ account, scopes: [WRITE_BACK_DELEGATED_SCOPE], forceRefresh })).accessToken
        } catch (error) {
            const e = error as { errorCode?: string; errorMessage?: string; message?: string }
            if (error instanceof InteractionRequiredAuthError || RENEWAL_CODES.has(e.errorCode ?? '')) {
                throw new DelegationNeedsRenewal(e.errorCode || 'interaction_required', (e.errorMessage || e.message || '').split('\n')[0])
            }
            throw error
        }
    }

    return {
        // One redemption at a time per tenant, so a refresh token Entra rotates is redeemed once.
        accessToken: sharedAcquisitions(acquire),
        // A delegated token carries scp, not roles: the app's own token says whether the app is read-only.
        grantedRoles: async () => null,
    }
}
