// Step 4, connect Microsoft 365: the live status of each tenant's connection, as the admin sees it,
// with the refresh-token expiry of its integration user and a warning 14 days ahead.
import { GlideDateTime, GlideRecord } from '@servicenow/glide'
import { notFound } from '../platform/api-error.ts'
import { CONNECTION_TABLE, connectionStatus, findConnection, readConnection, removeConnection, type TokenRevocation, userIdentity } from '../connector/connections.ts'
import { FieldErrors, tenantId } from '../platform/validation.ts'
import type { Problem, Step } from './common.ts'
import { expectedRedirectUrl } from './oauth-client.ts'
import { strayTokens, type StrayToken } from './stray-tokens.ts'

export const EXPIRY_WARNING_DAYS = 14
const DAY_MS = 24 * 60 * 60 * 1000

const PROVISIONING_URL = 'https://security.microsoft.com/ticketProvisioning'
const CALLBACK_PATH = '/oauth/callback'

/**
 * Where the admin connects from the Microsoft 365 side: the OAuth redirect URL without its callback path. That is
 * Microsoft's provisioning page for Microsoft's callback, and the bridge's own page for a bridge's (it serves both at
 * its root), so the steps never send someone to security.microsoft.com when the app is connected elsewhere.
 */
export function provisioningUrl(): string {
    const redirect = expectedRedirectUrl()
    const end = redirect.length - CALLBACK_PATH.length
    return end > 0 && redirect.substring(end) === CALLBACK_PATH ? redirect.substring(0, end) : PROVISIONING_URL
}

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
            integrationUser: connection.integrationUser ? { sysId: connection.integrationUser, userName: userIdentity(connection.integrationUser)?.userName ?? '' } : null,
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
    const reauthorize = 'Open ' + provisioningUrl() + ' and authorize ServiceNow again, signed in to ServiceNow as the integration user.'
    const problems: Problem[] = []
    if (connection.status === 'error') {
        problems.push({ code: 'connection_error', message: who + ' reported an error' + (connection.lastError ? ': ' + connection.lastError : '.'), fix: reauthorize })
    }
    // In days, not as a date: the page shows the date in the reader's own format in the Connections table.
    const daysLeft = connection.refreshTokenDaysLeft
    if (connection.refreshTokenWarning && daysLeft !== null) {
        problems.push({
            code: daysLeft < 0 ? 'refresh_token_expired' : 'refresh_token_expiring',
            message:
                daysLeft < 0
                    ? who + "'s refresh token has expired (see Connections below); Microsoft 365 can no longer reach this instance."
                    : who + "'s refresh token expires " + (daysLeft === 0 ? 'within a day' : 'in ' + daysLeft + (daysLeft === 1 ? ' day' : ' days')) + ' (see Connections below).',
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

/**
 * One problem per user holding tokens of the app's client without being an integration user. It says what the
 * instance knows (the user, the client; the table below gives each token's type and times) and not how the token
 * was obtained, which oauth_credential does not record: a consent by the wrong account and a script's password
 * grant leave the same row.
 */
export function strayTokenProblems(tokens: StrayToken[]): Problem[] {
    const byUser: { [sysId: string]: StrayToken[] } = {}
    const order: string[] = []
    for (const token of tokens) {
        if (!byUser[token.user.sysId]) {
            byUser[token.user.sysId] = []
            order.push(token.user.sysId)
        }
        byUser[token.user.sysId].push(token)
    }
    return order.map((key) => {
        const held = byUser[key]
        const user = held[0].user
        const who = user.name ? user.name + ' (' + user.userName + ')' : user.userName || key
        const client = held[0].client.name ? 'the OAuth client "' + held[0].client.name + '"' : "the app's OAuth client"
        const one = held.length === 1
        return {
            code: 'token_of_wrong_user',
            message:
                (one ? 'A token of ' + client + ' was' : held.length + ' tokens of ' + client + ' were') + ' issued to ' + who + ', who is not an integration user. ' +
                'This instance refuses every connector call made with ' + (one ? 'it, but it stays valid until it expires. ' : 'them, but they stay valid until they expire. ') +
                'Such a token comes from allowing access on the consent page as ' + who + ', or from a script that requested a token with ' +
                "that user's password; the instance does not record which.",
            fix:
                'Revoke the tokens of ' + who + ' below. If Microsoft 365 is not connected yet, connect again from Microsoft 365 and, on ' +
                'the consent page, choose "Not you?" and sign in as the integration user.',
        }
    })
}

export function connectionsStep(integrationUserReady: boolean): Step<ConnectionsDetails, 'connect'> {
    const connections = listConnections()
    const stray = integrationUserReady ? readableStrayTokens() : []
    const details = { connections, strayTokens: stray, provisioningUrl: provisioningUrl(), warningDays: EXPIRY_WARNING_DAYS }
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
                ? 'Waiting for Microsoft 365: connect ServiceNow from ' + details.provisioningUrl + '.'
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
