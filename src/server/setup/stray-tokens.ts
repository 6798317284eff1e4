// Tokens of the app's OAuth client issued to someone other than an integration user: what is left when the
// consent in Microsoft 365 was given by the wrong account (typically the admin, already signed in). Microsoft 365
// then holds a 100-day token of that user, and every connector call with it is refused. The connect step lists
// them; the admin revokes them here.
import { GlideDateTime, GlideRecord, gs } from '@servicenow/glide'
import { userIdentity } from '../connector/connections.ts'
import { conflict, notFound } from '../platform/api-error.ts'
import { requireFields } from '../platform/fields.ts'
import { hasGrantedRole, INTEGRATION_ROLE } from '../platform/roles.ts'
import { FieldErrors, isoFromGlide, text } from '../platform/validation.ts'
import { appClientSysId } from './oauth-client.ts'

const TOKENS = 'oauth_credential'

/**
 * What the instance records of a token: who it was issued to, for which OAuth client, its type, when it was
 * issued and when it expires. Not how it was obtained: oauth_credential keeps no grant type, so a token from a
 * consent and one from a script's password grant look the same.
 */
export interface StrayToken {
    sysId: string
    /** access_token or refresh_token, as oauth_credential.type holds it. */
    type: string
    /** ISO 8601 UTC: when the row was created (sys_created_on), which is when the token was issued. */
    issuedAt: string | null
    /** ISO 8601 UTC. */
    expires: string | null
    user: { sysId: string; userName: string; name: string }
    /** The OAuth client (oauth_entity) the token was issued to: peer, and its display value. */
    client: { sysId: string; name: string }
}

export interface RevokedToken {
    sysId: string
    type: string
    userName: string
}

/** Where an admin revokes a token by hand, as "Manage OAuth tokens" describes it (System OAuth > Manage Tokens, Revoke Access). */
export function manualRevocation(userName: string, clientName: string): string {
    return (
        'Revoke it by hand: open System OAuth > Manage Tokens, filter on User = ' + userName + ', open each of its tokens for ' +
        (clientName || "this app's OAuth client") + ' and choose Revoke Access. Then choose Refresh on this page.'
    )
}

function userOf(userSysId: string): StrayToken['user'] {
    const identity = userIdentity(userSysId)
    return { sysId: userSysId, userName: identity?.userName ?? '', name: identity?.name ?? '' }
}

/** Every unexpired token of the app's OAuth client whose user was not granted the integration role. */
export function strayTokens(): StrayToken[] {
    const client = appClientSysId()
    if (!client) return []
    const tokens = new GlideRecord(TOKENS)
    // A dropped condition would list (and offer to revoke) other clients' tokens. The platform names a token's
    // OAuth client in peer (a reference to oauth_entity), as its own OauthRevokeTokenAjax queries it.
    requireFields(tokens, ['peer', 'user', 'type', 'expires', 'sys_created_on'])
    tokens.addQuery('peer', client)
    // By the user's name: how the platform orders by a reference field itself is not documented.
    tokens.orderBy('user.user_name')
    tokens.orderBy('type')
    tokens.query()
    const integration: { [userSysId: string]: boolean } = {}
    const now = new GlideDateTime().getNumericValue()
    const out: StrayToken[] = []
    while (tokens.next()) {
        const expires = tokens.getValue('expires')
        // A revoked or expired token can no longer be used: nothing left to revoke.
        if (expires && new GlideDateTime(expires).getNumericValue() <= now) continue
        const userSysId = tokens.getValue('user') || ''
        if (!(userSysId in integration)) integration[userSysId] = userSysId !== '' && hasGrantedRole(userSysId, INTEGRATION_ROLE)
        if (integration[userSysId]) continue
        out.push({
            sysId: tokens.getUniqueValue(),
            type: tokens.getValue('type') || '',
            issuedAt: isoFromGlide(tokens.getValue('sys_created_on')),
            expires: isoFromGlide(expires),
            user: userOf(userSysId),
            client: { sysId: tokens.getValue('peer') || '', name: tokens.getDisplayValue('peer') },
        })
    }
    return out
}

/**
 * DELETE /tokens/{sysId}: revokes one of the stray tokens (deletes it: the app may delete oauth_credential rows,
 * not change them). Out of the box the instance refuses the delete (oauth_credential's Application Access, Can
 * delete unchecked): then the admin is told where to revoke it by hand.
 */
export function revokeStrayToken(rawSysId: unknown): RevokedToken {
    const errors = new FieldErrors()
    const tokenSysId = text(errors, 'sysId', rawSysId, { min: 32, max: 32, pattern: /^[0-9a-f]{32}$/, patternHint: 'must be a sys_id (32 hexadecimal characters)' })
    errors.throwIfAny()
    const token = strayTokens().filter((t) => t.sysId === tokenSysId)[0]
    if (!token) {
        throw notFound('This token is no longer one to revoke: it was revoked or has expired, or its user is an integration user now.', 'Choose Refresh on this page to see the tokens left.')
    }
    const record = new GlideRecord(TOKENS)
    let deleted = false
    let reason = ''
    try {
        deleted = record.get(token.sysId) && record.deleteRecord()
    } catch (e) {
        reason = e && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e)
    }
    if (!deleted) {
        gs.warn('Microsoft 365 connector: the OAuth token ' + token.sysId + ' of ' + token.user.userName + ' was not revoked: ' + (reason || 'delete refused'))
        throw conflict('This instance does not let the app revoke OAuth tokens (out of the box it may read them, not delete them).', manualRevocation(token.user.userName || token.user.sysId, token.client.name))
    }
    return { sysId: token.sysId, type: token.type, userName: token.user.userName }
}
