// Microsoft 365 tenant connections (x_mioms_m365ticket_connection): who may speak for a tenant,
// registering and removing a connection, and its status as Microsoft 365 sees it.
import { GlideDateTime, GlideRecord, gs } from '@servicenow/glide'
import { apiError, type ApiError } from '../platform/api-error.ts'
import { cacheConnection, cachedConnection } from './connection-cache.ts'
import { FieldErrors, field, isoFromGlide, tenantId, text, type JsonObject } from '../platform/validation.ts'
import { requireFields } from '../platform/fields.ts'
import { hasGrantedRole, INTEGRATION_ROLE } from '../platform/roles.ts'
import { appClientSysId } from '../setup/oauth-client.ts'

export const CONNECTION_TABLE = 'x_mioms_m365ticket_connection'
export const APP_VERSION = '1.0.0'
export const ENABLED_TICKET_TYPES = ['change', 'incident']

/** Last contact is refreshed at most this often, so a busy tenant does not write on every call. */
const LAST_CONTACT_RESOLUTION_MS = 60 * 1000

export interface Connection {
    sysId: string
    tenantId: string
    tenantName: string
    integrationUser: string
    /** The oauth_entity Microsoft 365 signs in through; empty on connections registered before it was recorded. */
    oauthClient: string
    status: string
    connectedBy: string
    connectedAt: string | null
    lastContactAt: string | null
    stateNames: string
}

/** The connection a connection-table record holds. */
export function readConnection(record: GlideRecord): Connection {
    return {
        sysId: record.getUniqueValue(),
        tenantId: record.getValue('tenant_id') || '',
        tenantName: record.getValue('tenant_name') || '',
        integrationUser: record.getValue('integration_user') || '',
        oauthClient: record.getValue('oauth_client') || '',
        status: record.getValue('status') || '',
        connectedBy: record.getValue('connected_by') || '',
        connectedAt: record.getValue('connected_at'),
        lastContactAt: record.getValue('last_contact_at'),
        stateNames: record.getValue('state_names') || '',
    }
}

function findConnectionRecord(tenantId: string): GlideRecord | null {
    const record = new GlideRecord(CONNECTION_TABLE)
    // The connection found is written (registration, last contact): a dropped condition must not pick another tenant's.
    requireFields(record, ['tenant_id'])
    record.addQuery('tenant_id', tenantId)
    record.setLimit(1)
    record.query()
    return record.next() ? record : null
}

/**
 * The one refusal for a tenant the caller may not speak for, whatever the reason: an unknown tenant, a
 * disconnected one, and one held by another integration user look the same to the caller, so that no
 * caller learns which tenant ids exist. The reason goes to the API log row for the admin.
 */
export function tenantRefused(tenantId: string, reason: string): ApiError {
    return apiError(
        403,
        // Read wherever Microsoft 365 shows it, the provisioning page included: it names no page to go to.
        'Microsoft 365 tenant ' + tenantId + ' is not connected to this instance through this integration user. Connect it ' +
            'again, signed in to ServiceNow as the integration user.',
        '',
        reason,
    )
}

/** A tenant's connection regardless of who asks; for trusted server-side callers (script includes). */
export function findConnection(tenantId: string): Connection | null {
    const record = findConnectionRecord(tenantId)
    return record ? readConnection(record) : null
}

/**
 * The connection through which the current user speaks for a tenant. Unknown and disconnected
 * tenants, and callers who are not the tenant's integration user, get 403 (never 404, so that a
 * caller cannot probe which tenants exist). Read from the connection cache while it holds the
 * tenant, and from the table when the last contact is due to be recorded, so that every write
 * follows a fresh read and its checks.
 */
export function requireConnection(tenantId: string, options: { allowDisconnected?: boolean } = {}): Connection {
    const now = new GlideDateTime()
    let connection = cachedConnection(tenantId)
    let record: GlideRecord | null = null
    if (!connection || lastContactDue(connection, now)) {
        record = findConnectionRecord(tenantId)
        if (!record) throw tenantRefused(tenantId, 'no connection for this tenant')
        connection = readConnection(record)
    }
    if (connection.integrationUser !== gs.getUserID()) {
        throw tenantRefused(tenantId, 'the tenant is connected through another integration user (' + connection.integrationUser + ')')
    }
    if (connection.status === 'disconnected' && !options.allowDisconnected) throw tenantRefused(tenantId, 'the connection was removed')
    if (record && lastContactDue(connection, now)) {
        // The update flushes the cached entry (the cache's Table row pair): the next call reads the row
        // again and caches it.
        record.setValue('last_contact_at', now.getValue())
        // A connection registered while its OAuth client was unknown (or before it was recorded) gets it here.
        if (!connection.oauthClient) {
            connection.oauthClient = registrationClient(connection.integrationUser)
            if (connection.oauthClient) record.setValue('oauth_client', connection.oauthClient)
        }
        record.update()
        connection.lastContactAt = now.getValue()
    } else if (record) {
        cacheConnection(connection)
    }
    return connection
}

/** Last contact is recorded when the last one is older than the resolution. */
function lastContactDue(connection: Connection, now: GlideDateTime): boolean {
    if (!connection.lastContactAt) return true
    return now.getNumericValue() - new GlideDateTime(connection.lastContactAt).getNumericValue() >= LAST_CONTACT_RESOLUTION_MS
}

export interface ConnectionRegistration {
    tenantId: string
    tenantName: string
    connectedBy: string
}

/** PUT /connection's body: the tenant (a GUID), its name and the Microsoft 365 admin who connected it. */
export function validateRegistration(body: JsonObject): ConnectionRegistration {
    const errors = new FieldErrors()
    const tenant = tenantId(errors, field(body, 'tenantId'))
    const tenantName = text(errors, 'tenantName', field(body, 'tenantName'), { min: 1, max: 256 })
    const connectedBy = text(errors, 'connectedBy', field(body, 'connectedBy'), { min: 1, max: 254 })
    errors.throwIfAny()
    return { tenantId: tenant as string, tenantName: tenantName as string, connectedBy: connectedBy as string }
}

/**
 * PUT /connection: Microsoft 365 registers or refreshes its connection as the current user.
 * A tenant connected through another integration user stays theirs until it is removed.
 */
export function registerConnection(registration: ConnectionRegistration): { connection: Connection; created: boolean } {
    const userId = gs.getUserID()
    // The REST ACL lets admins through too ("administrators always pass role checks"): only a user who was given
    // the integration role may hold a tenant, so that consenting as an admin cannot connect a tenant.
    if (!hasGrantedRole(userId, INTEGRATION_ROLE)) {
        throw apiError(
            403,
            'Only an integration user can connect a Microsoft 365 tenant',
            'The account that authorized this connection does not hold the role ' + INTEGRATION_ROLE + '. Connect again ' +
                'and, on the ServiceNow consent page, choose "Not you?" and sign in as the integration user.',
        )
    }
    const now = new GlideDateTime().getValue()
    const existing = findConnectionRecord(registration.tenantId)
    if (existing) {
        const current = readConnection(existing)
        if (current.integrationUser !== userId && current.status !== 'disconnected') {
            throw tenantRefused(registration.tenantId, 'the tenant is connected through another integration user (' + current.integrationUser + '); remove that connection first')
        }
        if (current.status !== 'connected' || current.integrationUser !== userId) existing.setValue('connected_at', now)
        existing.setValue('integration_user', userId)
        // An unknown client (a Basic-auth call, and the checklist's client unknown) keeps the one recorded before.
        const client = registrationClient(userId)
        if (client) existing.setValue('oauth_client', client)
        existing.setValue('tenant_name', registration.tenantName)
        existing.setValue('connected_by', registration.connectedBy)
        existing.setValue('status', 'connected')
        existing.setValue('last_contact_at', now)
        existing.setValue('last_error', '')
        existing.update()
        return { connection: readConnection(existing), created: false }
    }
    const record = new GlideRecord(CONNECTION_TABLE)
    record.initialize()
    record.setValue('tenant_id', registration.tenantId)
    record.setValue('tenant_name', registration.tenantName)
    record.setValue('integration_user', userId)
    record.setValue('oauth_client', registrationClient(userId))
    record.setValue('connected_by', registration.connectedBy)
    record.setValue('status', 'connected')
    record.setValue('connected_at', now)
    record.setValue('last_contact_at', now)
    if (!record.insert()) {
        // A concurrent registration of the same tenant won the unique index: answer with that one.
        const winner = findConnectionRecord(registration.tenantId)
        if (winner && readConnection(winner).integrationUser === userId) return { connection: readConnection(winner), created: false }
        throw tenantRefused(registration.tenantId, 'a concurrent registration through another integration user won')
    }
    return { connection: readConnection(record), created: true }
}

/**
 * The OAuth client whose tokens serve a connection: the one recorded at registration, else (a connection registered
 * before it was recorded) the client the checklist made, which is the one Microsoft 365 is told to use.
 */
export function connectionClient(connection: Connection): string {
    return connection.oauthClient || appClient()
}

/**
 * The OAuth client a registration comes through. The platform gives a scoped script no API naming the client of
 * the Bearer token in hand, but the token is the integration user's access token issued or renewed last
 * (oauth_credential, peer): Microsoft 365 registers right after it obtained it. That is the client, whoever made it
 * (the checklist or an admin by hand). Without an unexpired access token (a Basic-auth call), the checklist's
 * client; '' when neither is known, and the connection's refresh-token expiry is then unknown (null).
 */
function registrationClient(userSysId: string): string {
    try {
        const client = latestTokenClient(userSysId)
        if (client) return client
    } catch {
        // oauth_credential refused to the app (its Application Access): the checklist's client, as before.
    }
    return appClient()
}

function latestTokenClient(userSysId: string): string {
    const token = new GlideRecord('oauth_credential')
    // A dropped condition would take another user's token, or a refresh token, for this registration's client.
    requireFields(token, ['user', 'type', 'expires'])
    token.addQuery('user', userSysId)
    token.addQuery('type', 'access_token')
    token.addQuery('expires', '>', new GlideDateTime().getValue())
    token.orderByDesc('sys_updated_on')
    token.setLimit(1)
    token.query()
    return token.next() ? token.getValue('peer') || '' : ''
}

/** The checklist's OAuth client, or '' when there is none or oauth_entity is refused to the app (the preflight step says so). */
function appClient(): string {
    try {
        return appClientSysId() || ''
    } catch {
        return ''
    }
}

/**
 * The latest expiry of the refresh tokens the platform holds for a user and an OAuth client (oauth_credential,
 * whose peer names the client): the same user's tokens of another client say nothing of this connection.
 */
export function refreshTokenExpiry(userSysId: string, clientSysId: string): string | null {
    if (!userSysId || !clientSysId) return null
    const credential = new GlideRecord('oauth_credential')
    // A dropped condition would show another client's (or user's) expiry as this connection's.
    requireFields(credential, ['user', 'peer', 'type', 'expires'])
    credential.addQuery('user', userSysId)
    credential.addQuery('peer', clientSysId)
    credential.addQuery('type', 'refresh_token')
    credential.orderByDesc('expires')
    credential.setLimit(1)
    credential.query()
    return credential.next() ? credential.getValue('expires') : null
}

/** A user as people know it: user id (user_name) and name (sys_user.name, '' when it has none). */
export interface UserIdentity {
    userName: string
    name: string
}

/**
 * A user named by a reference (a connection's integration user, so that Microsoft 365 can say whom it works as after
 * a re-authorization as someone else, "your connection still works as …"; a token's user on the connect step); null
 * when the reference is empty or the user is gone.
 */
export function userIdentity(userSysId: string): UserIdentity | null {
    const user = new GlideRecord('sys_user')
    // By sys_id only: get(value) would also take a user whose name (the display value) is that value.
    if (!user.get('sys_id', userSysId)) return null
    return { userName: user.getValue('user_name') || '', name: user.getValue('name') || '' }
}

export interface ConnectionStatus {
    tenantId: string
    tenantName: string
    status: string
    connectedBy: string
    integrationUser: UserIdentity | null
    since: string | null
    lastContact: string | null
    appVersion: string
    enabledTicketTypes: string[]
    refreshTokenExpiresAt: string | null
}

export function connectionStatus(connection: Connection): ConnectionStatus {
    return {
        tenantId: connection.tenantId,
        tenantName: connection.tenantName,
        status: connection.status,
        connectedBy: connection.connectedBy,
        integrationUser: userIdentity(connection.integrationUser),
        since: isoFromGlide(connection.connectedAt),
        lastContact: isoFromGlide(connection.lastContactAt),
        appVersion: APP_VERSION,
        enabledTicketTypes: ENABLED_TICKET_TYPES,
        refreshTokenExpiresAt: isoFromGlide(refreshTokenExpiry(connection.integrationUser, connectionClient(connection))),
    }
}

/**
 * What became of the integration user's OAuth tokens when a connection was removed: revoked; kept,
 * because the user still serves another connected tenant; or refused by the instance (oauth_credential's
 * Application Access), to be revoked by hand in System OAuth > Manage Tokens.
 */
export type TokenRevocation = 'revoked' | 'kept' | 'refused'

/**
 * DELETE /connection: the tenant is disconnected and the OAuth tokens issued to its integration
 * user are revoked, unless that user still serves another connected tenant.
 */
export function removeConnection(connection: Connection): { revokedTokens: number; tokenRevocation: TokenRevocation } {
    const record = new GlideRecord(CONNECTION_TABLE)
    if (!record.get(connection.sysId)) return { revokedTokens: 0, tokenRevocation: 'kept' }
    record.setValue('status', 'disconnected')
    record.update()
    connection.status = 'disconnected'

    // No integration user, no tokens of its own: an empty value must never reach the token query below.
    if (!connection.integrationUser) return { revokedTokens: 0, tokenRevocation: 'kept' }
    const otherTenants = new GlideRecord(CONNECTION_TABLE)
    otherTenants.addQuery('integration_user', connection.integrationUser)
    otherTenants.addQuery('status', '!=', 'disconnected')
    otherTenants.setLimit(1)
    otherTenants.query()
    // Another tenant still uses these tokens: nothing to revoke.
    if (otherTenants.hasNext()) return { revokedTokens: 0, tokenRevocation: 'kept' }

    let revokedTokens = 0
    try {
        const tokens = new GlideRecord('oauth_credential')
        requireFields(tokens, ['user', 'peer'])
        tokens.addQuery('user', connection.integrationUser)
        // Only the tokens issued to this connection's OAuth client (peer); without a known client, all of the user's.
        const client = connectionClient(connection)
        if (client) tokens.addQuery('peer', client)
        tokens.query()
        while (tokens.next()) {
            if (tokens.deleteRecord()) revokedTokens++
        }
    } catch (e) {
        // The instance may refuse the app's delete on oauth_credential (its Application Access): the tenant
        // is disconnected all the same, and the admin revokes the tokens by hand (the checklist says so).
        const reason = e && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e)
        gs.warn('Microsoft 365 connector: the OAuth tokens of ' + connection.integrationUser + ' were not revoked: ' + reason)
        return { revokedTokens, tokenRevocation: 'refused' }
    }
    return { revokedTokens, tokenRevocation: 'revoked' }
}
