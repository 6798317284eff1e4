/**
 * The browser side of Entra: the authorize endpoint (authorization code flow with PKCE, a sign-in page listing the
 * directory's people instead of asking for a password), the admin consent endpoint (Accept / Cancel) and the logout
 * endpoint. No single sign-on session is kept: every authorize request shows the sign-in page.
 * Each behaviour and its source: FIDELITY.md, section "Sign-in".
 */
import type { DirectoryUser } from './fixtures/directory.ts'
import { userConsentable, type AppRegistration, type Directory, type TenantInfo } from './directory.ts'
import { PKCE_VALUE, type Grants } from './grants.ts'
import { escapeHtml } from '../instance/http/pages.ts'
import { NOT_EMULATED, type Incoming, type Reply } from './http-types.ts'
import { describeSts, errorUri } from './sts-errors.ts'

export const GRAPH_RESOURCE = 'https://graph.microsoft.com'
/** Graph's well-known application id; Graph accepts it as a token audience and a scope prefix too. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000'
export const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access']
const PROMPTS = new Set(['login', 'none', 'consent', 'select_account'])

export interface SignIn {
    authorize(incoming: Incoming, segment: string): Reply
    adminConsent(incoming: Incoming, segment: string): Reply
    logout(incoming: Incoming): Reply
    /** An AADSTS error shown to the person, never sent to a redirect URI. */
    errorPage(incoming: Incoming, status: number, code: number, text: string): Reply
}

/** A Graph scope by its short name, or null when the scope names another resource. */
export function graphScopeName(scope: string): string | null {
    for (const prefix of [GRAPH_RESOURCE + '/', GRAPH_APP_ID + '/']) if (scope.startsWith(prefix)) return scope.slice(prefix.length)
    return /^[A-Za-z][A-Za-z.]*$/.test(scope) ? scope : null
}

/**
 * Splits a scope parameter into OIDC scopes and Graph permissions (`.default`: every delegated permission configured
 * on the registration); `unknown` lists what the registration does not configure.
 */
export function parseScopes(directory: Directory, app: AppRegistration, scope: string): { oidc: string[]; graph: string[]; unknown: string[] } {
    const oidc: string[] = []
    const graph = new Set<string>()
    const unknown: string[] = []
    const configured: string[] = directory.delegatedScopes(app)
    for (const item of scope.split(' ').filter(Boolean)) {
        if (OIDC_SCOPES.includes(item)) {
            if (!oidc.includes(item)) oidc.push(item)
            continue
        }
        const name = graphScopeName(item)
        if (name === '.default') configured.forEach((s) => graph.add(s))
        else if (name !== null && configured.includes(name)) graph.add(name)
        else unknown.push(item)
    }
    return { oidc, graph: [...graph], unknown }
}

/** The Graph permissions asked for that the tenant's consent to the app does not cover (all of them without consent). */
export function uncoveredScopes(directory: Directory, tenantId: string, app: AppRegistration, graphScopes: string[]): string[] {
    const covered = directory.consentedScopes(tenantId, app.clientId) ?? []
    return graphScopes.filter((s) => !covered.includes(s))
}

/** AADSTS65001's text, at the authorize endpoint and at the token endpoint. */
export function notConsentedText(app: AppRegistration): string {
    return `The user or administrator has not consented to use the application with ID '${app.clientId}' named '${app.displayName ?? app.clientId}'. Send an interactive authorization request for this user and resource.`
}

interface Page {
    title: string
    body: string
    status?: number
}

function page({ title, body, status = 200 }: Page): Reply {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}button{margin:.2rem 0;padding:.4rem .8rem}
.banner{font-size:.85rem;color:#555;border-bottom:1px solid #ccc;padding-bottom:.5rem}.error{color:#a00}li{list-style:none;margin:.4rem 0}</style></head>
<body><p class="banner">Local Microsoft Entra stand-in: no password is asked; pick the account to sign in with.</p>
<h1>${escapeHtml(title)}</h1>${body}</body></html>`
    return { status, headers: { 'cache-control': 'no-store', 'x-frame-options': 'DENY' }, html }
}

function errorPage(incoming: Incoming, now: Date, status: number, code: number, text: string): Reply {
    const sts = describeSts(incoming, now, code, text)
    return page({ title: 'Sorry, but we’re having trouble signing you in.', status, body: `<p class="error" id="error">${escapeHtml(sts.description).replace(/\r\n/g, '<br>')}</p>` })
}

/** The same URL, so the picked account and the request's parameters come back together. */
function selfAction(incoming: Incoming): string {
    return escapeHtml(incoming.url.pathname + incoming.url.search)
}

/**
 * Entra's "Need admin approval" page (AADSTS90094): another account may sign in, or the person goes back to the app
 * without consent (a POST with decision=cancel, answered as a refused consent).
 */
function needAdminApproval(incoming: Incoming, now: Date, objectId: string, text: string): Reply {
    return page({
        title: 'Need admin approval',
        status: 403,
        body: `<p class="error" id="error">${escapeHtml(describeSts(incoming, now, 90094, text).description).replace(/\r\n/g, '<br>')}</p>
<p><a href="${selfAction(incoming)}">Sign in with another account</a></p>
<form method="post" action="${selfAction(incoming)}"><input type="hidden" name="login" value="${escapeHtml(objectId)}"><input type="hidden" name="decision" value="cancel"><button type="submit">Return to the application without granting consent</button></form>`,
    })
}

function accountList(directory: Directory, incoming: Incoming, preferredTenant: TenantInfo | undefined, extraFields = ''): string {
    const tenants = directory.tenants().sort((a, b) => (a === preferredTenant ? -1 : b === preferredTenant ? 1 : 0))
    return tenants
        .map((tenant) => {
            const people = (tenant.users ?? [])
                .map((user) => {
                    const roles = user.roles.length > 0 ? user.roles.join(', ') : 'no Entra role'
                    return `<li><form method="post" action="${selfAction(incoming)}"><input type="hidden" name="login" value="${escapeHtml(user.objectId)}">${extraFields}<button type="submit" data-upn="${escapeHtml(user.userPrincipalName)}">${escapeHtml(user.displayName)} &lt;${escapeHtml(user.userPrincipalName)}&gt;</button> <small>${escapeHtml(roles)}</small></form></li>`
                })
                .join('')
            return `<h2>${escapeHtml(tenant.displayName)} <small>${escapeHtml(tenant.tenantId)}</small></h2><ul>${people || '<li>No people in this tenant.</li>'}</ul>`
        })
        .join('')
}

/** Where an answer goes: a 302 with the parameters in the query, or an auto-submitted form (form_post). */
function respond(redirectUri: string, mode: 'query' | 'form_post', params: [string, string][]): Reply {
    if (mode === 'form_post') {
        const fields = params.map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`).join('')
        const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Working…</title></head><body onload="document.forms[0].submit()"><form method="post" action="${escapeHtml(redirectUri)}">${fields}<noscript><button type="submit">Continue</button></noscript></form></body></html>`
        return { status: 200, headers: { 'cache-control': 'no-store' }, html }
    }
    const target = new URL(redirectUri)
    for (const [name, value] of params) target.searchParams.append(name, value)
    return { status: 302, headers: { location: target.toString(), 'cache-control': 'no-store' } }
}

export function createSignIn(options: { directory: Directory; grants: Grants; now: () => Date }): SignIn {
    const { directory, grants } = options
    const now = (): Date => options.now()

    function formOf(incoming: Incoming): URLSearchParams {
        return new URLSearchParams(incoming.method === 'POST' ? incoming.body : '')
    }

    /** client_id and redirect_uri are checked before anything is sent to the redirect URI (never to an unregistered one). */
    function clientAndRedirect(incoming: Incoming, params: URLSearchParams): { app: AppRegistration; redirectUri: string } | Reply {
        const clientId = params.get('client_id')
        if (!clientId) return errorPage(incoming, now(), 400, 900144, "The request body must contain the following parameter: 'client_id'.")
        const app = directory.app(clientId)
        if (!app) return errorPage(incoming, now(), 400, 700016, `Application with identifier '${clientId}' was not found in the directory.`)
        const redirectUri = params.get('redirect_uri')
        if (!redirectUri) return errorPage(incoming, now(), 400, 900971, 'No reply address provided.')
        if (!directory.isRegisteredRedirectUri(app, redirectUri)) {
            return errorPage(incoming, now(), 400, 50011, `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${app.clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.`)
        }
        return { app, redirectUri }
    }

    function authorize(incoming: Incoming, segment: string): Reply {
        const params = incoming.url.searchParams
        const checked = clientAndRedirect(incoming, params)
        if ('status' in checked) return checked
        const { app, redirectUri } = checked
        const modeParam = params.get('response_mode') ?? 'query'
        if (modeParam === 'fragment') return page({ title: 'Not emulated', status: 501, body: `<p class="error">${escapeHtml(NOT_EMULATED + 'response_mode=fragment (a server cannot read a fragment; use query or form_post)')}</p>` })
        const mode: 'query' | 'form_post' = modeParam === 'form_post' ? 'form_post' : 'query'
        const state = params.get('state')
        const withState = (pairs: [string, string][]): [string, string][] => (state === null ? pairs : [...pairs, ['state', state]])
        const fail = (error: string, code: number, text: string): Reply => {
            const sts = describeSts(incoming, now(), code, text)
            return respond(redirectUri, mode, withState([['error', error], ['error_description', sts.description], ['error_uri', errorUri(code)]]))
        }
        if (modeParam !== 'query' && modeParam !== 'form_post') return fail('invalid_request', 70007, `The response_mode '${modeParam}' is not supported.`)
        const responseType = params.get('response_type')
        if (!responseType) return fail('invalid_request', 900144, "The request body must contain the following parameter: 'response_type'.")
        if (responseType !== 'code') {
            const parts = responseType.split(' ')
            if (parts.includes('code') || parts.includes('id_token') || parts.includes('token')) return page({ title: 'Not emulated', status: 501, body: `<p class="error">${escapeHtml(NOT_EMULATED + `response_type=${responseType} (the hybrid and implicit flows)`)}</p>` })
            return fail('unsupported_response_type', 70005, `The provided value for the input parameter 'response_type' is not allowed for this request. Expected value is 'code'.`)
        }
        const scope = params.get('scope')
        if (!scope) return fail('invalid_request', 900144, "The request body must contain the following parameter: 'scope'.")
        const scopes = parseScopes(directory, app, scope)
        if (scopes.unknown.length > 0) {
            return fail('invalid_client', 650057, `Invalid resource. The client has requested access to a resource which is not listed in the requested permissions in the client's application registration. Client app ID: ${app.clientId}. Scopes from request: ${scopes.unknown.join(' ')}.`)
        }
        const challengeValue = params.get('code_challenge')
        const method = params.get('code_challenge_method')
        if (method !== null && challengeValue === null) return fail('invalid_request', 900144, "The request body must contain the following parameter: 'code_challenge'.")
        // "If excluded, code_challenge is assumed to be plaintext if code_challenge is included."
        if (method !== null && method !== 'S256' && method !== 'plain') return fail('invalid_request', 90100, `The code_challenge_method '${method}' is not valid: S256 or plain.`)
        if (challengeValue !== null && !PKCE_VALUE.test(challengeValue)) return fail('invalid_request', 501491, 'Invalid size of Code_Challenge parameter.')
        const prompt = params.get('prompt')
        if (prompt !== null && !PROMPTS.has(prompt)) return fail('invalid_request', 90100, `The prompt '${prompt}' is not valid: login, none, consent or select_account.`)
        // No session is kept, so nothing can complete without the sign-in page.
        if (prompt === 'none') return fail('login_required', 50058, 'A silent sign-in request was sent but no user is signed in.')

        const tenantOfPath = directory.tenant(segment)
        if (incoming.method !== 'POST') {
            return page({ title: `Sign in to ${app.displayName ?? app.clientId}`, body: `<p>Pick an account.</p>${accountList(directory, incoming, tenantOfPath)}` })
        }
        const picked = directory.userById(formOf(incoming).get('login') ?? '')
        if (!picked) return errorPage(incoming, now(), 400, 50034, 'The user account does not exist in the directory. To sign into this application, the account must be added to the directory.')
        if (tenantOfPath && picked.tenant !== tenantOfPath) return errorPage(incoming, now(), 400, 50020, userNotInTenant(picked.user, picked.tenant, tenantOfPath, app))
        const uncovered = uncoveredScopes(directory, picked.tenant.tenantId, app, scopes.graph)
        if (uncovered.length > 0) {
            const appName = app.displayName ?? app.clientId
            // Only an administrator's consent covers these; a person who cannot give it is stopped here, on Entra's page.
            if (uncovered.some((s) => !userConsentable(s)) && !picked.user.roles.includes('Global Administrator')) {
                if (formOf(incoming).get('decision') === 'cancel') return fail('access_denied', 65004, 'User declined to consent to access the app.')
                return needAdminApproval(incoming, now(), picked.user.objectId, `${appName} needs permission to access resources in your organization that only an admin can grant. Ask an admin to grant permission to this app before you can use it.`)
            }
            // A person who could consent would see Entra's consent prompt, which is not emulated.
            return fail('consent_required', 65001, notConsentedText(app))
        }
        const code = grants.issueCode({
            clientId: app.clientId,
            tenantId: picked.tenant.tenantId,
            objectId: picked.user.objectId,
            scopes: [...scopes.oidc, ...scopes.graph],
            authority: segment.toLowerCase(),
            redirectUri,
            nonce: params.get('nonce'),
            challenge: challengeValue === null ? null : { value: challengeValue, method: method === 'S256' ? 'S256' : 'plain' },
            authTime: directory.nextStamp(),
        })
        return respond(redirectUri, mode, withState([['code', code]]))
    }

    function userNotInTenant(user: DirectoryUser, home: TenantInfo, tenant: TenantInfo, app: AppRegistration): string {
        return `User account '${user.userPrincipalName}' from identity provider 'https://sts.windows.net/${home.tenantId}/' does not exist in tenant '${tenant.displayName}' and cannot access the application '${app.clientId}'(${app.displayName ?? app.clientId}) in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.`
    }

    function adminConsent(incoming: Incoming, segment: string): Reply {
        const params = incoming.url.searchParams
        const checked = clientAndRedirect(incoming, params)
        if ('status' in checked) return checked
        const { app, redirectUri } = checked
        const state = params.get('state')
        const answer = (pairs: [string, string][]): Reply => respond(redirectUri, 'query', state === null ? pairs : [...pairs, ['state', state]])
        const refuse = (error: string, code: number, text: string): Reply => {
            const sts = describeSts(incoming, now(), code, text)
            return answer([['error', error], ['error_description', sts.description], ['error_uri', errorUri(code)], ['admin_consent', 'True']])
        }
        const scope = params.get('scope')
        if (!scope) return refuse('invalid_request', 900144, "The request body must contain the following parameter: 'scope'.")
        const tenantOfPath = directory.tenant(segment)
        if (incoming.method !== 'POST') {
            return page({ title: `Permissions requested by ${app.displayName ?? app.clientId}`, body: `<p>Sign in with a Global Administrator account to grant consent for the organization.</p>${accountList(directory, incoming, tenantOfPath)}` })
        }
        const fields = formOf(incoming)
        const picked = directory.userById(fields.get('login') ?? '')
        if (!picked) return errorPage(incoming, now(), 400, 50034, 'The user account does not exist in the directory.')
        if (tenantOfPath && picked.tenant !== tenantOfPath) return refuse('access_denied', 50020, userNotInTenant(picked.user, picked.tenant, tenantOfPath, app))
        const decision = fields.get('decision')
        if (decision === 'cancel') return refuse('access_denied', 65004, 'User declined to consent to access the app.')
        const login = `<input type="hidden" name="login" value="${escapeHtml(picked.user.objectId)}">`
        // Tenant-wide consent to Microsoft Graph application permissions needs a Global Administrator here.
        if (!picked.user.roles.includes('Global Administrator')) {
            return needAdminApproval(incoming, now(), picked.user.objectId, `Administrator consent is required. ${picked.user.userPrincipalName} is not a Global Administrator of ${picked.tenant.displayName}.`)
        }
        if (decision === 'accept') {
            directory.grantConsent(picked.tenant.tenantId, app.clientId)
            return respond(redirectUri, 'query', [['admin_consent', 'True'], ['tenant', picked.tenant.tenantId], ['scope', scope], ...(state === null ? [] : ([['state', state]] as [string, string][]))])
        }
        const permissions = [...app.roles.map((r) => `${r} (application)`), ...directory.delegatedScopes(app).map((s) => `${s} (delegated)`)]
        return page({
            title: 'Permissions requested',
            body: `<p>${escapeHtml(app.displayName ?? app.clientId)} asks ${escapeHtml(picked.user.userPrincipalName)} to consent on behalf of ${escapeHtml(picked.tenant.displayName)} (${escapeHtml(picked.tenant.tenantId)}) to:</p>
<ul>${permissions.map((p) => `<li>Microsoft Graph: ${escapeHtml(p)}</li>`).join('')}</ul>
<form method="post" action="${selfAction(incoming)}">${login}<button type="submit" name="decision" value="accept">Accept</button> <button type="submit" name="decision" value="cancel">Cancel</button></form>`,
        })
    }

    function logout(incoming: Incoming): Reply {
        const params = new URLSearchParams(incoming.method === 'POST' ? incoming.body : incoming.url.search)
        const target = params.get('post_logout_redirect_uri')
        const clientId = params.get('client_id')
        const candidates = clientId ? [directory.app(clientId)].filter((a): a is AppRegistration => a !== undefined) : directory.apps()
        if (target && candidates.some((app) => directory.isRegisteredRedirectUri(app, target))) return { status: 302, headers: { location: target, 'cache-control': 'no-store' } }
        return page({ title: 'You signed out of your account', body: `<p>It’s a good idea to close all browser windows.</p>${target ? `<p class="error">${escapeHtml(target)} is not a redirect URI registered for the application, so you stay here.</p>` : ''}` })
    }

    return { authorize, adminConsent, logout, errorPage: (incoming, status, code, text) => errorPage(incoming, now(), status, code, text) }
}
