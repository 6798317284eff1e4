/**
 * The instance's OAuth 2.0 provider, as ServiceNow runs it for an "OAuth API endpoint for external clients"
 * (oauth_entity): authorization codes, access and refresh tokens (FIDELITY.md, "OAuth and sessions").
 *
 *   new OAuthProvider(store, { codeLifespanSeconds = 60 })
 *   findClient(clientId) → OAuthClient | undefined             active oauth_entity rows only
 *   authenticateClient(clientId, secret) → OAuthClient | undefined   secret compared in constant time (hashed or plain)
 *   redirectFor(client, requested?) → RedirectChoice             the registered redirect URL equal to the requested
 *       one; without a requested one, the first registered one (RFC 6749 §4.1.1: redirect_uri is OPTIONAL, §3.1.2.3
 *       the registered one is used); a requested URL that matches none → { mismatch } (RFC 6749 §4.1.2.1: the
 *       client is told nothing, the user gets an error page; KB2109232 "Invalid redirect_URI error"); no registered
 *       URL → { none }. redirect_url is a comma-separated list.
 *   issueCode(client, userSysId, redirectUri) → code            single use, short-lived, kept hashed in memory
 *   redeemCode(client, code, redirectUri) → userSysId | null
 *   issueTokens(client, userSysId) → TokenResponse              password and authorization_code grants: the current
 *       access token of this client and user when one is unexpired, else a new one; the current refresh token
 *       likewise; the expiry of both is moved to now + their lifespan (KB0791140 "Managing OAuth tokens";
 *       "OAuth API request parameters": "Access requests made within the expiration time of the access token
 *       always return the current access token")
 *   refreshTokenOwner(client, refreshToken) → userSysId | null  null when it is unknown, another client's or expired
 *   refreshTokens(client, refreshToken) → TokenResponse        refresh_token grant: a new access token, and the same
 *       refresh token with its expiry unchanged ("Access requests made within the refresh token expiration time
 *       always return the current refresh token"; KB0791140: only the other grants extend it)
 *   revoke(token) → boolean                                    oauth_revoke_token.do: the access or refresh token is
 *       marked expired ("Revoke an OAuth token"); false when it is unknown or already expired
 *   verifyAccessToken(token) → { userSysId, clientSysId } | null
 * Tokens live in oauth_credential as on the platform: token (the value it issued, KB0791140), type, peer (the
 * oauth_entity the token was issued to), user, expires, scopes 'useraccount'; deleting a row revokes the token.
 * Lifespans come from oauth_entity (defaults 1800 s and 8,640,000 s).
 */
import { credentialByToken, currentCredential, deleteDigestCredentials, oauthClientByClientId, userByIdOrName } from '../store/lookups.ts'
import { type Row, type Store } from '../store/store.ts'
import { utcFormat } from '../util/time.ts'
import { randomToken, sha256Hex, verifySecret } from './secrets.ts'

export const TOKEN_SCOPE = 'useraccount'

export interface OAuthClient {
    sysId: string
    name: string
    clientId: string
    redirectUrls: string[]
    accessTokenLifespan: number
    refreshTokenLifespan: number
}

export interface TokenResponse {
    access_token: string
    refresh_token: string
    scope: string
    token_type: 'Bearer'
    expires_in: number
}

/** Where an authorization request's answer goes: a registered URL, or why there is none to send it to. */
export type RedirectChoice = { uri: string } | { mismatch: true } | { none: true }

interface PendingCode {
    clientSysId: string
    userSysId: string
    redirectUri: string
    expiresAt: number
}

/** 'YYYY-MM-DD HH:mm:ss' UTC, seconds from now. */
export function utcIn(seconds: number): string {
    return utcFormat(Date.now() + seconds * 1000)
}

function positive(value: string | null | undefined, fallback: number): number {
    const n = Number(value)
    return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback
}

function isActive(v: string | null | undefined): boolean {
    return v !== 'false' && v !== '0'
}

function toClient(row: Row): OAuthClient {
    return {
        sysId: row.sys_id!,
        name: row.name ?? row.client_id ?? '',
        clientId: row.client_id ?? '',
        redirectUrls: (row.redirect_url ?? '')
            .split(',')
            .map((u) => u.trim())
            .filter(Boolean),
        accessTokenLifespan: positive(row.access_token_lifespan, 1800),
        refreshTokenLifespan: positive(row.refresh_token_lifespan, 8640000),
    }
}

export class OAuthProvider {
    private readonly codes = new Map<string, PendingCode>()
    private readonly codeLifespanMs: number

    constructor(
        private readonly store: Store,
        options: { codeLifespanSeconds?: number } = {},
    ) {
        this.codeLifespanMs = (options.codeLifespanSeconds ?? 60) * 1000
        // Earlier local instances stored sha256 digests (64 hex digits) instead of token values; a digest cannot be
        // returned as the current token, so those tokens are revoked and their clients authorize again.
        deleteDigestCredentials(store)
    }

    private clientRow(clientId: string): Row | undefined {
        if (!clientId) return undefined
        const row = oauthClientByClientId(this.store, clientId)
        return row && isActive(row.active) ? row : undefined
    }

    findClient(clientId: string): OAuthClient | undefined {
        const row = this.clientRow(clientId)
        return row ? toClient(row) : undefined
    }

    authenticateClient(clientId: string, secret: string): OAuthClient | undefined {
        const row = this.clientRow(clientId)
        // Compare even for an unknown client, so timing does not reveal which client ids exist.
        const ok = verifySecret(row?.client_secret ?? 'sha256$' + '0'.repeat(64), secret ?? '')
        return row && ok ? toClient(row) : undefined
    }

    redirectFor(client: OAuthClient, requested: string | undefined): RedirectChoice {
        if (client.redirectUrls.length === 0) return { none: true }
        if (requested === undefined) return { uri: client.redirectUrls[0] }
        return client.redirectUrls.includes(requested) ? { uri: requested } : { mismatch: true }
    }

    issueCode(client: OAuthClient, userSysId: string, redirectUri: string): string {
        const now = Date.now()
        for (const [key, pending] of this.codes) if (pending.expiresAt < now) this.codes.delete(key)
        const code = randomToken(32)
        this.codes.set(sha256Hex(code), { clientSysId: client.sysId, userSysId, redirectUri, expiresAt: now + this.codeLifespanMs })
        return code
    }

    /** The code's redirect URI, when the token request names one, must be the one the code was sent to (local choice, RFC 6749 §4.1.3). */
    redeemCode(client: OAuthClient, code: string, redirectUri: string | undefined): string | null {
        const key = sha256Hex(code ?? '')
        const pending = this.codes.get(key)
        if (!pending) return null
        this.codes.delete(key) // single use, whatever the outcome
        if (pending.expiresAt < Date.now() || pending.clientSysId !== client.sysId) return null
        if (redirectUri !== undefined && redirectUri !== pending.redirectUri) return null
        return pending.userSysId
    }

    issueTokens(client: OAuthClient, userSysId: string): TokenResponse {
        return this.store.transaction(() => {
            const by = this.userName(userSysId)
            const refresh = this.current('refresh_token', client, userSysId)
            const refreshToken = refresh ? this.extend(refresh, client.refreshTokenLifespan, by) : this.insertCredential('refresh_token', client, userSysId, client.refreshTokenLifespan, by)
            const access = this.current('access_token', client, userSysId)
            const accessToken = access ? this.extend(access, client.accessTokenLifespan, by) : this.insertCredential('access_token', client, userSysId, client.accessTokenLifespan, by)
            return tokenResponse(client, accessToken.token, refreshToken.token)
        })
    }

    /** The user a refresh token was issued to: null when it is unknown, another client's or expired. */
    refreshTokenOwner(client: OAuthClient, refreshToken: string): string | null {
        const row = this.credential('refresh_token', refreshToken)
        return row && row.peer === client.sysId && row.user && unexpired(row) ? row.user : null
    }

    /** A new access token for a refresh token refreshTokenOwner accepted; the refresh token is returned as it is. */
    refreshTokens(client: OAuthClient, refreshToken: string): TokenResponse {
        const row = this.credential('refresh_token', refreshToken)!
        return this.store.transaction(() => {
            const access = this.insertCredential('access_token', client, row.user!, client.accessTokenLifespan, this.userName(row.user!))
            return tokenResponse(client, access.token, refreshToken)
        })
    }

    /**
     * "Revoke an OAuth token": oauth_revoke_token.do?token=<access or refresh token>, no authentication; "The token
     * in this request is marked as expired." Only that token: what becomes of tokens issued from it is not documented.
     */
    revoke(token: string): boolean {
        const row = this.credential('access_token', token) ?? this.credential('refresh_token', token)
        if (!row || !unexpired(row)) return false
        const result = this.store.update('oauth_credential', row.sys_id!, { expires: utcIn(0) }, 'system')
        if (result.error !== undefined) throw new Error(result.error)
        return true
    }

    verifyAccessToken(token: string): { userSysId: string; clientSysId: string } | null {
        const row = this.credential('access_token', token)
        if (!row || !row.user || !row.peer || !unexpired(row)) return null
        const client = this.store.getRow('oauth_entity', row.peer)
        if (!client || !isActive(client.active)) return null
        return { userSysId: row.user, clientSysId: row.peer }
    }

    private userName(userSysId: string): string {
        return userByIdOrName(this.store, userSysId)?.user_name ?? 'system'
    }

    /** The unexpired token of this type, client and user that lasts longest: the one the platform calls current. */
    private current(type: string, client: OAuthClient, userSysId: string): Row | undefined {
        return currentCredential(this.store, type, client.sysId, userSysId, utcIn(0))
    }

    private extend(row: Row, lifespan: number, by: string): { sysId: string; token: string } {
        const result = this.store.update('oauth_credential', row.sys_id!, { expires: utcIn(lifespan) }, by)
        if (result.error !== undefined) throw new Error(result.error)
        return { sysId: row.sys_id!, token: row.token! }
    }

    private insertCredential(type: string, client: OAuthClient, userSysId: string, lifespan: number, by: string): { sysId: string; token: string } {
        const token = randomToken(64)
        const result = this.store.insert('oauth_credential', { type, token, peer: client.sysId, user: userSysId, expires: utcIn(lifespan), scopes: TOKEN_SCOPE }, by)
        if (result.error !== undefined) throw new Error(result.error)
        return { sysId: result.sysId, token }
    }

    private credential(type: string, token: string): Row | undefined {
        if (!token) return undefined
        return credentialByToken(this.store, token, type)
    }
}

function unexpired(row: Row): boolean {
    return !!row.expires && row.expires > utcIn(0)
}

function tokenResponse(client: OAuthClient, accessToken: string, refreshToken: string): TokenResponse {
    return { access_token: accessToken, refresh_token: refreshToken, scope: TOKEN_SCOPE, token_type: 'Bearer', expires_in: client.accessTokenLifespan }
}
