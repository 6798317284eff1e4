/**
 * Who is calling: basic auth, a Bearer token, or the session cookie (with X-UserToken on API calls).
 *
 *   authenticateApi(ctx, request) → { user } | { failed: true } | { anonymous: true }
 *       Authorization: Basic  — sys_user password (hashed); inactive and locked-out users refused;
 *                               web_service_access_only users accepted (they are refused at login.do only)
 *       Authorization: Bearer — an unexpired access token (oauth_credential) whose peer is an active OAuth client
 *       JSESSIONID cookie     — only with an X-UserToken header equal to the session's token (g_ck)
 *       Credentials that are present but wrong fail; they never fall back to another method.
 *       Basic auth and a Bearer token each open a session on the platform, a login: the Explicit Roles plugin's
 *       snc_internal is granted then (security/explicit-roles.ts).
 *       An access_token query parameter is refused as not emulated.
 *   sessionOf(ctx, request) → { session, user row } | undefined     for pages (no X-UserToken needed)
 */
import type { FastifyRequest } from 'fastify'
import type { InstanceContext, RequestUser } from './context.ts'
import { notEmulated } from '../messages.ts'
import type { Row } from '../store/store.ts'
import { readCookie } from './cookies.ts'
import { safeEqual } from '../security/secrets.ts'
import { SESSION_COOKIE, type Session } from './sessions.ts'
import { canUseAccount, checkLogin, findUser } from '../security/users.ts'
import { grantExplicitRoleAtLogin } from '../security/explicit-roles.ts'

export type ApiAuth = { user: RequestUser } | { failed: true } | { anonymous: true }

export function basicCredentials(header: string | undefined): { user: string; password: string } | null {
    const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? '')
    if (!match) return null
    const decoded = Buffer.from(match[1], 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon < 0) return null
    return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

export function authenticateApi(ctx: InstanceContext, request: FastifyRequest): ApiAuth {
    // "OAuth authorization code grant flow" shows ?access_token= on a REST URL; the Table API would read it as a filter.
    const query = request.url.indexOf('?')
    if (query >= 0 && new URLSearchParams(request.url.slice(query + 1)).has('access_token')) notEmulated('an OAuth access token as the access_token query parameter (send it as Authorization: Bearer)')
    const store = ctx.runtime.store
    const authorization = request.headers.authorization
    if (authorization) {
        if (/^Basic\s/i.test(authorization)) {
            const credentials = basicCredentials(authorization)
            const row = credentials ? checkLogin(store, credentials.user, credentials.password) : undefined
            if (!row) return { failed: true }
            grantExplicitRoleAtLogin(store, row.sys_id!)
            return { user: { sysId: row.sys_id!, userName: row.user_name!, via: 'basic' } }
        }
        const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization)
        if (bearer) {
            const token = ctx.oauth.verifyAccessToken(bearer[1])
            const row = token ? findUser(store, token.userSysId) : undefined
            if (!canUseAccount(row)) return { failed: true }
            grantExplicitRoleAtLogin(store, row.sys_id!)
            return { user: { sysId: row.sys_id!, userName: row.user_name!, via: 'bearer' } }
        }
        return { failed: true }
    }
    const sessionId = readCookie(request, SESSION_COOKIE)
    if (sessionId) {
        const found = sessionOf(ctx, request)
        if (!found) return { failed: true }
        const userToken = request.headers['x-usertoken']
        if (typeof userToken !== 'string' || !safeEqual(userToken, found.session.token)) return { failed: true }
        return { user: { sysId: found.user.sys_id!, userName: found.user.user_name!, via: 'session' } }
    }
    return { anonymous: true }
}

export function sessionOf(ctx: InstanceContext, request: FastifyRequest): { session: Session; user: Row } | undefined {
    const session = ctx.sessions.get(readCookie(request, SESSION_COOKIE))
    if (!session) return undefined
    const user = findUser(ctx.runtime.store, session.userSysId)
    if (!canUseAccount(user)) {
        ctx.sessions.destroy(session.id)
        return undefined
    }
    return { session, user }
}
