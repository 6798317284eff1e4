/**
 * The instance's OAuth 2.0 provider, as ServiceNow runs it for an "OAuth API endpoint for external clients"
 * (oauth_entity): authorization codes, access and refresh tokens.
 *
 *   new OAuthProvider(store, { codeLifespanSeconds = 60 })
 *   findClient(clientId) → OAuthClient | undefined             active oauth_entity rows only
 *   authenticateClient(clientId, secret) → OAuthClient | undefined   secret compared in constant time (hashed or plain)
 *   redirectAllowed(client, uri)                                exact match with a registered redirect_url (comma-separated list)
 *   issueCode(client, userSysId, redirectUri) → code            single use, short-lived, kept hashed in memory
 *   redeemCode(client, code, redirectUri) → userSysId | null
 *   issueTokens(client, userSysId, refreshToken?) → TokenResponse
 *       access token (expires_in = access_token_lifespan) and, unless one is being reused, a refresh token
 *       (refresh_token_lifespan); both stored as sha-256 hashes in oauth_credential (type, client, user,
 *       expires, scope 'useraccount'); deleting a row revokes the token
 *   redeemRefreshToken(client, token) → userSysId | null        the row must exist, belong to the client and not be expired
 *   verifyAccessToken(token) → { userSysId, clientSysId } | null
 */
import { type Row, type Store, utcNow } from '../store/store.ts'
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

interface PendingCode {
    clientSysId: string
    userSysId: string
    redirectUri: string
    expiresAt: number
}

/** 'YYYY-MM-DD HH:mm:ss' UTC, seconds from now. */
export function utcIn(seconds: number): string {
    return new Date(Date.now() + seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')
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
    }

    private clientRow(clientId: string): Row | undefined {
        if (!clientId) return undefined
        const row = this.store.get(`SELECT * FROM ${this.store.sqlTable('oauth_entity')} WHERE client_id = ? LIMIT 1`, [clientId])
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

    redirectAllowed(client: OAuthClient, uri: string): boolean {
        return client.redirectUrls.includes(uri)
    }

    issueCode(client: OAuthClient, userSysId: string, redirectUri: string): string {
        const now = Date.now()
        for (const [key, pending] of this.codes) if (pending.expiresAt < now) this.codes.delete(key)
        const code = randomToken(32)
        this.codes.set(sha256Hex(code), { clientSysId: client.sysId, userSysId, redirectUri, expiresAt: now + this.codeLifespanMs })
        return code
    }

    redeemCode(client: OAuthClient, code: string, redirectUri: string | undefined): string | null {
        const key = sha256Hex(code ?? '')
        const pending = this.codes.get(key)
        if (!pending) return null
        this.codes.delete(key) // single use, whatever the outcome
        if (pending.expiresAt < Date.now() || pending.clientSysId !== client.sysId) return null
        if (redirectUri !== undefined && redirectUri !== pending.redirectUri) return null
        return pending.userSysId
    }

    issueTokens(client: OAuthClient, userSysId: string, reusedRefreshToken?: string): TokenResponse {
        return this.store.transaction(() => {
            const by = this.store.get(`SELECT user_name FROM ${this.store.sqlTable('sys_user')} WHERE sys_id = ?`, [userSysId])?.user_name ?? 'system'
            let refreshToken = reusedRefreshToken
            let refreshId = reusedRefreshToken ? this.credential('refresh_token', reusedRefreshToken)?.sys_id ?? null : null
            if (!refreshToken) {
                refreshToken = randomToken(48)
                refreshId = this.insertCredential('refresh_token', refreshToken, client, userSysId, client.refreshTokenLifespan, null, by)
            }
            const accessToken = randomToken(48)
            this.insertCredential('access_token', accessToken, client, userSysId, client.accessTokenLifespan, refreshId, by)
            return { access_token: accessToken, refresh_token: refreshToken, scope: TOKEN_SCOPE, token_type: 'Bearer' as const, expires_in: client.accessTokenLifespan }
        })
    }

    private insertCredential(type: string, token: string, client: OAuthClient, userSysId: string, lifespan: number, peer: string | null, by: string): string {
        const result = this.store.insert('oauth_credential', { type, token: sha256Hex(token), client: client.sysId, user: userSysId, expires: utcIn(lifespan), scope: TOKEN_SCOPE, peer }, by)
        if (result.error !== undefined) throw new Error(result.error)
        return result.sysId
    }

    private credential(type: string, token: string): Row | undefined {
        if (!token) return undefined
        return this.store.get(`SELECT * FROM ${this.store.sqlTable('oauth_credential')} WHERE token = ? AND type = ? LIMIT 1`, [sha256Hex(token), type])
    }

    redeemRefreshToken(client: OAuthClient, token: string): string | null {
        const row = this.credential('refresh_token', token)
        if (!row || row.client !== client.sysId || !row.user) return null
        if (!row.expires || row.expires <= utcNow()) return null
        return row.user
    }

    verifyAccessToken(token: string): { userSysId: string; clientSysId: string } | null {
        const row = this.credential('access_token', token)
        if (!row || !row.user || !row.client || !row.expires || row.expires <= utcNow()) return null
        const client = this.store.getRow('oauth_entity', row.client)
        if (!client || !isActive(client.active)) return null
        return { userSysId: row.user, clientSysId: row.client }
    }
}
