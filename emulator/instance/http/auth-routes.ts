/**
 * The instance's interactive and OAuth endpoints.
 *
 *   GET  /login.do[?sysparm_goto=]      the login page (or straight to sysparm_goto when signed in)
 *   POST /login.do                      form user_name, user_password, sysparm_goto: a new session
 *                                       (JSESSIONID, HttpOnly) and a redirect; web_service_access_only,
 *                                       inactive and locked-out users are refused with the generic message; a
 *                                       login grants the Explicit Roles plugin's snc_internal (security/explicit-roles.ts)
 *   GET  /logout.do[?sysparm_goto=]     ends the session, then the login page (returning to sysparm_goto)
 *   GET  /oauth_auth.do?response_type=code&client_id&redirect_uri&state
 *                                       unknown client → an error page; a redirect_uri that matches no registered
 *                                       URL → an error page at once (RFC 6749 §4.1.2.1, KB2109232), never the login
 *                                       or consent page; no redirect_uri → the first registered URL; no state → an error page unless
 *                                       glide.oauth.state.parameter.required is false; not signed in → the login page, then
 *                                       back here; else the consent page naming the client and the user, with "Not you?"
 *                                       response_type=token (implicit grant): not emulated; other than code →
 *                                       redirect URI?error=unsupported_response_type (local choice)
 *   POST /oauth_auth.do                 Allow → redirect URI?code&state; Deny → redirect URI?error=access_denied&state
 *                                       (the form carries the session token, so another site cannot post it)
 *   POST /oauth_token.do                form-encoded only (other content types: not emulated); client_id /
 *                                       client_secret in the body or as Basic auth; grant_type password |
 *                                       refresh_token ("OAuth API request parameters") | authorization_code;
 *                                       client_credentials is off by default ("Client Credentials"), not emulated on.
 *                                       Wrong client or user credentials, inactive client, inactive or locked-out
 *                                       user at the password grant → 401 server_error/access_denied, as instances
 *                                       answer; a Web service access only user at the password grant: not emulated
 *                                       (the "interactive session" condition); a bad code or refresh token → 400
 *                                       invalid_grant (local choice)
 * Redirect targets after login are local paths only.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { InstanceContext } from './context.ts'
import { basicCredentials, sessionOf } from './authenticate.ts'
import { clearedCookie, readCookie, sessionCookie } from './cookies.ts'
import { notEmulated, OAUTH_MESSAGES } from '../messages.ts'
import { propertyRecord } from '../store/lookups.ts'
import type { Row } from '../store/store.ts'
import type { OAuthClient, TokenResponse } from '../security/oauth.ts'
import { consentPage, errorPage, loginPage } from './pages.ts'
import { safeEqual } from '../security/secrets.ts'
import { SESSION_COOKIE } from './sessions.ts'
import { canUseAccount, checkLogin, findUser, isWebServiceOnly } from '../security/users.ts'
import { grantExplicitRoleAtLogin } from '../security/explicit-roles.ts'
import { queryParams } from '../util/query-string.ts'
import { utcNow } from '../util/time.ts'

export function formFields(body: unknown): Record<string, string> {
    // No prototype: a field named __proto__ or toString is a field like any other.
    const out: Record<string, string> = Object.create(null)
    if (typeof body !== 'string') return out
    for (const [k, v] of new URLSearchParams(body)) if (!(k in out)) out[k] = v
    return out
}

function queryFields(request: FastifyRequest): Record<string, string> {
    return queryParams(request.url)
}

/** A local path to return to after login; anything else (other hosts, schemes) is dropped. */
export function safeGoto(value: string | undefined): string | undefined {
    if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || /[\r\n]/.test(value)) return undefined
    return value
}

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
    return reply.code(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(body)
}

function clearSessionCookie(reply: FastifyReply): void {
    reply.header('set-cookie', clearedCookie(SESSION_COOKIE))
}

function withParams(uri: string, params: Record<string, string | undefined>): string {
    const url = new URL(uri)
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v)
    return url.toString()
}

interface AuthorizationRequest {
    client: OAuthClient
    redirectUri: string
    state: string | undefined
    responseType: string
}

/**
 * Validates the client and the redirect URI (OAuthProvider.redirectFor); on failure sends the error page, never a
 * redirect (RFC 6749 §4.1.2.1: an invalid redirect URI is not redirected to), and returns null.
 */
function authorizationRequest(ctx: InstanceContext, fields: Record<string, string>, reply: FastifyReply): AuthorizationRequest | null {
    const client = ctx.oauth.findClient(fields.client_id ?? '')
    if (!client) {
        html(reply, 400, errorPage('OAuth error', OAUTH_MESSAGES.unknownClient.text))
        return null
    }
    const redirect = ctx.oauth.redirectFor(client, fields.redirect_uri || undefined)
    if ('none' in redirect) {
        html(reply, 400, errorPage('OAuth error', OAUTH_MESSAGES.noRedirectUrl.text(client.name)))
        return null
    }
    if ('mismatch' in redirect) {
        html(reply, 400, errorPage('OAuth error', OAUTH_MESSAGES.redirectMismatch.text))
        return null
    }
    const redirectUri = redirect.uri
    // "Authorization code grant workflow": glide.oauth.state.parameter.required (true on new instances) refuses a request without state.
    if (!fields.state && property(ctx, 'glide.oauth.state.parameter.required') !== 'false') {
        html(reply, 400, errorPage('OAuth error', OAUTH_MESSAGES.missingState.text))
        return null
    }
    return { client, redirectUri, state: fields.state, responseType: fields.response_type ?? '' }
}

function tokenError(reply: FastifyReply, status: number, error: string, description: string): FastifyReply {
    return reply.code(status).header('cache-control', 'no-store').header('pragma', 'no-cache').send({ error, error_description: description })
}

/** Wrong client or user credentials, an inactive client, an inactive or locked-out user: the platform's one answer. */
function accessDenied(reply: FastifyReply): FastifyReply {
    const { status, error, description } = OAUTH_MESSAGES.tokenRequestDenied
    return tokenError(reply, status, error, description)
}

/** A system property's value, or undefined when the instance has no such property. */
function property(ctx: InstanceContext, name: string): string | null | undefined {
    return propertyRecord(ctx.runtime.store, name)?.value
}

function tokens(reply: FastifyReply, response: TokenResponse): FastifyReply {
    return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send(response)
}

export function registerAuthRoutes(app: FastifyInstance, ctx: InstanceContext): void {
    app.get('/login.do', async (request, reply) => {
        const goto = safeGoto(queryFields(request).sysparm_goto)
        const signedIn = sessionOf(ctx, request)
        if (signedIn) {
            request.instanceUser = { sysId: signedIn.user.sys_id!, userName: signedIn.user.user_name!, via: 'session' }
            return reply.redirect(goto ?? '/navpage.do')
        }
        return html(reply, 200, loginPage({ goto }))
    })

    app.post('/login.do', async (request, reply) => {
        const fields = formFields(request.body)
        const goto = safeGoto(fields.sysparm_goto)
        const user = checkLogin(ctx.runtime.store, fields.user_name ?? '', fields.user_password ?? '')
        if (!user || isWebServiceOnly(user)) return html(reply, 401, loginPage({ goto, error: OAUTH_MESSAGES.loginFailed.text, userName: fields.user_name }))
        grantExplicitRoleAtLogin(ctx.runtime.store, user.sys_id!)
        ctx.sessions.destroy(readCookie(request, SESSION_COOKIE))
        const session = ctx.sessions.create(user.sys_id!, user.user_name!)
        ctx.runtime.store.update('sys_user', user.sys_id!, { last_login_time: utcNow() }, 'system', undefined, false)
        request.instanceUser = { sysId: session.userSysId, userName: session.userName, via: 'session' }
        reply.header('set-cookie', sessionCookie(SESSION_COOKIE, session.id))
        return reply.redirect(goto ?? '/navpage.do')
    })

    app.get('/logout.do', async (request, reply) => {
        ctx.sessions.destroy(readCookie(request, SESSION_COOKIE))
        clearSessionCookie(reply)
        const goto = safeGoto(queryFields(request).sysparm_goto)
        return reply.redirect(goto ? `/login.do?sysparm_goto=${encodeURIComponent(goto)}` : '/login.do')
    })

    app.get('/oauth_auth.do', async (request, reply) => {
        const fields = queryFields(request)
        const auth = authorizationRequest(ctx, fields, reply)
        if (!auth) return reply
        // "OAuth authorization code grant flow": the platform also supports implicit grants, which this instance does not.
        if (auth.responseType === 'token') notEmulated('the OAuth implicit grant (response_type=token)')
        if (auth.responseType !== 'code') return reply.redirect(withParams(auth.redirectUri, { error: 'unsupported_response_type', state: auth.state }))
        const signedIn = sessionOf(ctx, request)
        if (!signedIn) return html(reply, 200, loginPage({ goto: request.url }))
        request.instanceUser = { sysId: signedIn.user.sys_id!, userName: signedIn.user.user_name!, via: 'session' }
        const formValues: Record<string, string> = { response_type: 'code', client_id: auth.client.clientId, redirect_uri: auth.redirectUri, sysparm_ck: signedIn.session.token }
        if (auth.state !== undefined) formValues.state = auth.state
        return html(
            reply,
            200,
            consentPage({
                clientName: auth.client.name,
                userName: signedIn.user.user_name!,
                userDisplayName: signedIn.user.name || signedIn.user.user_name!,
                fields: formValues,
                notYouHref: `/logout.do?sysparm_goto=${encodeURIComponent(request.url)}`,
            }),
        )
    })

    app.post('/oauth_auth.do', async (request, reply) => {
        const fields = formFields(request.body)
        const auth = authorizationRequest(ctx, fields, reply)
        if (!auth) return reply
        const signedIn = sessionOf(ctx, request)
        const again = `/oauth_auth.do?${new URLSearchParams({ response_type: auth.responseType, client_id: auth.client.clientId, redirect_uri: auth.redirectUri, ...(auth.state !== undefined ? { state: auth.state } : {}) })}`
        if (!signedIn) return html(reply, 200, loginPage({ goto: again }))
        request.instanceUser = { sysId: signedIn.user.sys_id!, userName: signedIn.user.user_name!, via: 'session' }
        if (!safeEqual(fields.sysparm_ck ?? '', signedIn.session.token)) {
            return html(reply, 403, errorPage('OAuth error', OAUTH_MESSAGES.consentFormExpired.text))
        }
        if (fields.action !== 'allow') return reply.redirect(withParams(auth.redirectUri, { error: 'access_denied', state: auth.state }))
        const code = ctx.oauth.issueCode(auth.client, signedIn.user.sys_id!, auth.redirectUri)
        return reply.redirect(withParams(auth.redirectUri, { code, state: auth.state }))
    })

    // "Revoke an OAuth token": the documented form is a GET with the token in the query ("This endpoint access does
    // not require authentication. The token in this request is marked as expired."). The answer's status and body
    // are not documented: 200 with an empty body is a local choice, also for a token the instance does not know.
    app.get('/oauth_revoke_token.do', async (request, reply) => {
        const token = new URLSearchParams(request.url.slice(request.url.indexOf('?') + 1)).get('token') ?? ''
        if (request.url.indexOf('?') >= 0 && token) ctx.oauth.revoke(token)
        return reply.code(200).header('cache-control', 'no-store').send('')
    })

    app.post('/oauth_token.do', async (request, reply) => {
        // "OAuth API request parameters": a content type other than form-encoded "results in an unspecified error".
        if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers['content-type'] ?? '')) notEmulated(`/oauth_token.do with Content-Type ${request.headers['content-type'] ?? '(none)'}`)
        const fields = formFields(request.body)
        const basic = basicCredentials(request.headers.authorization)
        const clientId = fields.client_id ?? basic?.user ?? ''
        const clientSecret = fields.client_secret ?? basic?.password ?? ''
        const grant = fields.grant_type ?? ''
        // "Client Credentials": off unless glide.oauth.inbound.client.credential.grant_type.enabled is true.
        if (grant === 'client_credentials' && property(ctx, 'glide.oauth.inbound.client.credential.grant_type.enabled') === 'true') notEmulated('the client_credentials grant (glide.oauth.inbound.client.credential.grant_type.enabled is true)')
        if (!['authorization_code', 'refresh_token', 'password'].includes(grant)) {
            return tokenError(reply, 400, 'unsupported_grant_type', OAUTH_MESSAGES.unsupportedGrant.text(grant))
        }
        const client = ctx.oauth.authenticateClient(clientId, clientSecret)
        if (!client) return accessDenied(reply)
        const store = ctx.runtime.store
        if (grant === 'refresh_token') {
            if (!fields.refresh_token) return tokenError(reply, 400, 'invalid_request', OAUTH_MESSAGES.missingParameter.text('refresh_token'))
            const owner = ctx.oauth.refreshTokenOwner(client, fields.refresh_token)
            const user = owner ? findUser(store, owner) : undefined
            if (!canUseAccount(user)) return tokenError(reply, 400, 'invalid_grant', OAUTH_MESSAGES.invalidRefreshToken.text)
            request.instanceUser = { sysId: user.sys_id!, userName: user.user_name!, via: 'bearer' }
            return tokens(reply, ctx.oauth.refreshTokens(client, fields.refresh_token))
        }
        let user: Row | undefined
        if (grant === 'authorization_code') {
            if (!fields.code) return tokenError(reply, 400, 'invalid_request', OAUTH_MESSAGES.missingParameter.text('code'))
            const userSysId = ctx.oauth.redeemCode(client, fields.code, fields.redirect_uri)
            if (!userSysId) return tokenError(reply, 400, 'invalid_grant', OAUTH_MESSAGES.invalidCode.text)
            user = findUser(store, userSysId)
            if (!canUseAccount(user)) return tokenError(reply, 400, 'invalid_grant', OAUTH_MESSAGES.userCannotSignIn.text)
        } else {
            // "OAuth API request parameters": the user must be active and not locked out (checkLogin checks both)
            // "and has an interactive session". What that means for a Web service access only user ("Non-interactive
            // sessions": such users may use their credentials for API connections only) the docs do not say.
            user = checkLogin(store, fields.username ?? '', fields.password ?? '')
            if (!user) return accessDenied(reply)
            if (isWebServiceOnly(user)) notEmulated('the OAuth password grant for a Web service access only user (the "interactive session" condition of "OAuth API request parameters")')
            grantExplicitRoleAtLogin(store, user.sys_id!)
        }
        request.instanceUser = { sysId: user.sys_id!, userName: user.user_name!, via: 'bearer' }
        return tokens(reply, ctx.oauth.issueTokens(client, user.sys_id!))
    })
}
