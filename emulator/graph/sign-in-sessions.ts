/**
 * Graph's `POST /v1.0/users/{id | userPrincipalName}/revokeSignInSessions` and `POST /v1.0/me/revokeSignInSessions`
 * ("user: revokeSignInSessions", https://learn.microsoft.com/graph/api/user-revokesigninsessions): resets the
 * person's signInSessionsValidFromDateTime, after which the refresh tokens of earlier sign-ins answer invalid_grant
 * AADSTS50173 (entra.ts). Each behaviour and its source: FIDELITY.md, section "Graph", rows "revokeSignInSessions".
 */
import { REVOKE_SESSIONS_PERMISSIONS, type Directory } from './directory.ts'
import type { AccessTokenClaims } from './entra.ts'
import type { Incoming, Reply } from './http-types.ts'

/** `/v1.0/me/revokeSignInSessions` or `/v1.0/users/{id | userPrincipalName}/revokeSignInSessions`. */
export const REVOKE_SESSIONS_PATH = /^\/v1\.0\/(?:me|users\/([^/]+))\/revokeSignInSessions$/

type GraphError = (status: number, code: string, message: string) => Reply

export function revokeSignInSessions(incoming: Incoming, baseUrl: string, claims: AccessTokenClaims, directory: Directory, fail: GraphError): Reply {
    if (incoming.method !== 'POST') return fail(405, 'Request_BadRequest', `The method ${incoming.method} is not allowed on this resource; revokeSignInSessions is a POST.`)
    const named = REVOKE_SESSIONS_PATH.exec(incoming.url.pathname)?.[1]
    if (named === undefined && claims.objectId === null) return fail(400, 'BadRequest', '/me request is only valid with delegated authentication flow.')
    const granted = claims.scopes ?? claims.roles
    if (!REVOKE_SESSIONS_PERMISSIONS.some((permission) => granted.includes(permission))) return fail(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.')
    const target = directory.userInTenant(claims.tid, named === undefined ? (claims.objectId ?? '') : decodeURIComponent(named))
    if (!target) return fail(404, 'Request_ResourceNotFound', `Resource '${named === undefined ? 'me' : decodeURIComponent(named)}' does not exist or one of its queried reference-property objects are not present.`)
    // Delegated: a person acts within their own privileges; of the directory's roles only a Global Administrator manages other people.
    if (claims.objectId !== null && target.objectId !== claims.objectId && !directory.userById(claims.objectId)?.user.roles.includes('Global Administrator')) {
        return fail(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.')
    }
    directory.revokeSignInSessions(claims.tid, target.objectId)
    // The documented answer (the page's example; "Known issues": 200 with a Boolean that is always true, not 204).
    return { status: 200, body: { '@odata.context': `${baseUrl}/v1.0/$metadata#Edm.Boolean`, value: true } }
}
