// Step 4, connect Microsoft 365: the live status of each tenant's connection, as the admin sees it,
// with the refresh-token expiry of its integration user and a warning 14 days ahead.
import { GlideDateTime, GlideRecord } from '@servicenow/glide'
import { notFound } from '../platform/api-error.ts'
import { CONNECTION_TABLE, connectionStatus, findConnection, readConnection, removeConnection, type TokenRevocation } from '../connector/connections.ts'
import { FieldErrors, tenantId } from '../platform/validation.ts'
import type { Problem, Step } from './common.ts'
import { strayTokens, type StrayToken } from './stray-tokens.ts'

export const EXPIRY_WARNING_DAYS = 14
const DAY_MS = 24 * 60 * 60 * 1000

export const PROVISIONING_URL = 'https://security.microsoft.com/ticketProvisioning'

export interface TenantConnectionView {
    sysId: string
    tenantId: string
    tenantName: string
    status: string
    connectedBy: string
    connectedAt: string | null
    lastContact: string | null
    integrationUser: { sysId: string; userName: string } | null
    refreshTokenExpiresAt: string | null
    /** Whole days until the refresh token expires (negative when expired); null when unknown. */
    refreshTokenDaysLeft: number | null
    refreshTokenWarning: boolean
    lastError: string
}

export interface ConnectionsDetails {
    connections: TenantConnectionView[]
    /** Tokens of the app's OAuth client issued to users without the integration role (consent by the wrong user). */
    strayTokens: StrayToken[]
    provisioningUrl: string
    warningDays: number
}

function userName(sysId: string): string {
    const user = new GlideRecord('sys_user')
    return sysId && user.get(sysId) ? user.getValue('user_name') || '' : ''
}

export function listConnections(): TenantConnectionView[] {
    const record = new GlideRecord(CONNECTION_TABLE)
    record.orderBy('tenant_name')
    record.orderBy('tenant_id')
    record.query()
    const now = new GlideDateTime().getNumericValue()
    const out: TenantConnectionView[] = []
    while (record.next()) {
        const connection = readConnection(record)
        const status = connectionStatus(connection)
        const connected = connection.status === 'connected'
        let daysLeft: number | null = null
        if (status.refreshTokenExpiresAt) {
            const expires = new GlideDateTime(status.refreshTokenExpiresAt.replace('T', ' ').replace('Z', '')).getNumericValue()
            daysLeft = Math.floor((expires - now) / DAY_MS)
        }
        out.push({
            sysId: connection.sysId,
            tenantId: connection.tenantId,
            tenantName: connection.tenantName,
            status: connection.status,
            connectedBy: connection.connectedBy,
            connectedAt: status.since,
            lastContact: status.lastContact,
            integrationUser: connection.integrationUser ? { sysId: connection.integrationUser, userName: userName(connection.integrationUser) } : null,
            refreshTokenExpiresAt: status.refreshTokenExpiresAt,
            refreshTokenDaysLeft: daysLeft,
            refreshTokenWarning: connected && daysLeft !== null && daysLeft < EXPIRY_WARNING_DAYS,
            lastError: record.getValue('last_error') || '',
        })
    }
    return out
}

export function connectionProblems(connection: TenantConnectionView): Problem[] {
    const who = 'Microsoft 365 tenant ' + (connection.tenantName || connection.tenantId)
    const reauthorize = 'In the Microsoft 365 security center open ' + PROVISIONING_URL + ' and authorize ServiceNow again, signed in as the integration user.'
    const problems: Problem[] = []
    if (connection.status === 'error') {
        problems.push({ code: 'connection_error', message: who + ' reported an error' + (connection.lastError ? ': ' + connection.lastError : '.'), fix: reauthorize })
    }
    if (connection.refreshTokenWarning && connection.refreshTokenDaysLeft !== null) {
        problems.push({
            code: connection.refreshTokenDaysLeft < 0 ? 'refresh_token_expired' : 'refresh_token_expiring',
            message:
                connection.refreshTokenDaysLeft < 0
                    ? who + "'s refresh token expired on " + connection.refreshTokenExpiresAt + '; Microsoft 365 can no longer reach this instance.'
                    : who + "'s refresh token expires on " + connection.refreshTokenExpiresAt + ' (in ' + connection.refreshTokenDaysLeft + ' days).',
            fix: reauthorize,
        })
    }
    return problems
}

/** The wrong-user tokens, or none when oauth_entity or oauth_credential is refused to the app: the preflight step reports that. */
function readableStrayTokens(): StrayToken[] {
    try {
        return strayTokens()
    } catch {
        return []
    }
}

/** One problem per user who consented without being an integration user. */
export function strayTokenProblems(tokens: StrayToken[]): Problem[] {
    const users: { [sysId: string]: StrayToken['user'] } = {}
    for (const token of tokens) users[token.user.sysId] = token.user
    return Object.keys(users).map((key) => {
        const user = users[key]
        const who = user.name ? user.name + ' (' + user.userName + ')' : user.userName || key
        return {
            code: 'token_of_wrong_user',
            message:
                'Microsoft 365 was authorized as ' + who + ', who is not an integration user: the consent was given by the wrong account. ' +
                'Every call Microsoft 365 makes with that token is refused, and the token stays valid until it expires.',
            fix: 'Revoke the tokens of ' + who + ' below. Then connect again from Microsoft 365 and, on the consent page, choose "Not you?" and sign in as the integration user.',
        }
    })
}

export function connectionsStep(integrationUserReady: boolean): Step<ConnectionsDetails, 'connect'> {
    const connections = listConnections()
    const stray = integrationUserReady ? readableStrayTokens() : []
    const details = { connections, strayTokens: stray, provisioningUrl: PROVISIONING_URL, warningDays: EXPIRY_WARNING_DAYS }
    const base = { id: 'connect' as const, title: 'Connect Microsoft 365' }
    const connected = connections.filter((c) => c.status === 'connected')
    const problems: Problem[] = []
    for (const connection of connections) problems.push(...connectionProblems(connection))
    problems.push(...strayTokenProblems(stray))
    if (!connected.length) {
        return {
            ...base,
            state: !integrationUserReady ? 'blocked' : problems.length ? 'attention' : 'waiting',
            summary: integrationUserReady
                ? 'Waiting for Microsoft 365: connect ServiceNow from the Microsoft 365 security center.'
                : 'Create the OAuth client and the integration user first.',
            problems,
            details,
        }
    }
    return {
        ...base,
        state: problems.length ? 'attention' : 'complete',
        summary: connected.length + ' Microsoft 365 tenant' + (connected.length === 1 ? ' is' : 's are') + ' connected.',
        problems,
        details,
    }
}

/** DELETE /connections/{tenantId}: the admin removes a tenant's connection (tokens revoked). */
export function removeTenantConnection(rawTenantId: unknown): { tenantId: string; status: string; revokedTokens: number; tokenRevocation: TokenRevocation } {
    const errors = new FieldErrors()
    const tenant = tenantId(errors, rawTenantId)
    errors.throwIfAny()
    const connection = findConnection(tenant as string)
    if (!connection) throw notFound('No connection for Microsoft 365 tenant ' + tenant)
    const { revokedTokens, tokenRevocation } = removeConnection(connection)
    return { tenantId: connection.tenantId, status: connection.status, revokedTokens, tokenRevocation }
}
