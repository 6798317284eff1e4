/**
 * Microsoft Graph v1.0, the Secure Score part of `/security`: list and get secureScoreControlProfiles, PATCH one,
 * list and get secureScores; the signed-in person's directory roles are answered by directory-roles.ts.
 * Authentication, permission, throttling and the fault switches happen here too, in the order a call meets them. Each behaviour and its source: FIDELITY.md, section "Graph".
 */
import { randomUUID } from 'node:crypto'
import type { SecureScore, SecureScoreControlProfile, SecureScoreControlStateUpdate } from '@microsoft/microsoft-graph-types'
import { SECURITY_READ_ROLES, SECURITY_WRITE_ROLES, type Directory } from './directory.ts'
import type { AccessTokenClaims, Entra } from './entra.ts'
import type { FaultSwitches } from './faults.ts'
import { DIRECTORY_ROLES_PATH, listMyDirectoryRoles } from './directory-roles.ts'
import { REVOKE_SESSIONS_PATH, revokeSignInSessions } from './sign-in-sessions.ts'
import { header, NOT_EMULATED, type Incoming, type Reply } from './http-types.ts'
import { compareBy, matches, parseCollectionQuery, parseEntityQuery, project, QueryError, type EntityTypeName } from './odata.ts'
import type { StateStore } from './store.ts'

export interface TenantData {
    tenantId: string
    /** In the order the list answers them (the fixtures' order). */
    profiles: SecureScoreControlProfile[]
    /** Newest first. */
    scores: SecureScore[]
}

/** No page size is documented for these collections: 100 is a local choice. */
export const DEFAULT_PAGE_SIZE = 100
/** "Microsoft Graph service-specific throttling limits", Security detections and incidents: per app per tenant. */
export const MAX_CONCURRENT = 4
const WINDOW_10_MIN = { limit: 10_000, ms: 10 * 60_000 }
const SECURE_SCORES_PER_MINUTE = { limit: 150, ms: 60_000 }
export const UPDATABLE = ['assignedTo', 'comment', 'state', 'vendorInformation'] as const
export const STATES = ['Default', 'Ignored', 'ThirdParty', 'Reviewed'] as const
const VENDOR_KEYS = new Set(['provider', 'providerVersion', 'subProvider', 'vendor'])

export interface GraphApi {
    handle(incoming: Incoming, baseUrl: string, log: (tenantId: string | null) => void): Promise<Reply>
    stateUpdates(tenantId: string, controlId: string): SecureScoreControlStateUpdate[]
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export function createGraphApi(options: {
    tenants: TenantData[]
    entra: Entra
    directory: Directory
    store: StateStore
    now: () => Date
    faults: () => Required<FaultSwitches>
}): GraphApi {
    const tenants = new Map(options.tenants.map((t) => [t.tenantId.toLowerCase(), t]))
    // Appended state updates from earlier runs go back onto the fixtures' profiles.
    for (const tenant of options.tenants) {
        for (const { controlId, update } of options.store.appended(tenant.tenantId)) {
            const profile = tenant.profiles.find((p) => p.id === controlId)
            if (profile) profile.controlStateUpdates = [...(profile.controlStateUpdates ?? []), update]
        }
    }
    const inFlight = new Map<string, number>()
    const windows = new Map<string, number[]>()
    let calls = 0
    let profileLists = 0

    function graphError(incoming: Incoming, status: number, code: string, message: string, headers: Record<string, string> = {}): Reply {
        // Graph names one request id in the header and in innerError; the server keeps this header's.
        const requestId = randomUUID()
        return {
            status,
            headers: { 'request-id': requestId, ...headers },
            body: {
                error: {
                    code,
                    message,
                    innerError: { date: options.now().toISOString().replace(/\.\d+Z$/, ''), 'request-id': requestId, 'client-request-id': header(incoming, 'client-request-id') ?? randomUUID() },
                },
            },
        }
    }

    /** A sliding window; the seconds until a slot frees when full, else null (and the call is counted). */
    function overWindow(key: string, limit: { limit: number; ms: number }): number | null {
        const now = options.now().getTime()
        const times = (windows.get(key) ?? []).filter((t) => t > now - limit.ms)
        windows.set(key, times)
        if (times.length >= limit.limit) return Math.max(1, Math.ceil((times[0] + limit.ms - now) / 1000))
        times.push(now)
        return null
    }

    async function handle(incoming: Incoming, baseUrl: string, log: (tenantId: string | null) => void): Promise<Reply> {
        const path = incoming.url.pathname
        if (path === DIRECTORY_ROLES_PATH) return directoryRoles(incoming, baseUrl, log)
        if (REVOKE_SESSIONS_PATH.test(path)) return signInSessions(incoming, baseUrl, log)
        const m = /^\/v1\.0\/security\/(secureScoreControlProfiles|secureScores)(?:\/([^/]+))?\/?$/.exec(path)
        if (!m) return graphError(incoming, 501, 'notSupported', NOT_EMULATED + `${incoming.method} ${path} (only /v1.0/security/secureScoreControlProfiles, /v1.0/security/secureScores, ${DIRECTORY_ROLES_PATH} and /v1.0/users/{id | userPrincipalName}/revokeSignInSessions are)`)
        const collection = m[1] as 'secureScoreControlProfiles' | 'secureScores'
        const id = m[2] === undefined ? null : decodeURIComponent(m[2])
        if (id?.startsWith('$')) return graphError(incoming, 501, 'notSupported', NOT_EMULATED + `the path segment ${id}`)

        const verified = authenticate(incoming)
        if ('status' in verified) return verified
        const claims = verified.claims
        log(claims.tid)
        const tenant = tenants.get(claims.tid.toLowerCase())
        if (!tenant) return unauthorized(incoming, 'The token is for an unknown tenant.')

        const faults = options.faults()
        calls += 1
        const retryAfter = { 'retry-after': String(faults.retryAfterSeconds) }
        if (faults.throttleEvery > 0 && calls % faults.throttleEvery === 0) {
            return graphError(incoming, 429, 'TooManyRequests', 'Too many requests (fault switch throttleEvery).', retryAfter)
        }
        if (faults.unavailableEvery > 0 && calls % faults.unavailableEvery === 0) {
            return graphError(incoming, 503, 'serviceNotAvailable', 'The service is temporarily unavailable (fault switch unavailableEvery).', retryAfter)
        }

        const key = `${claims.appid}|${claims.tid}`.toLowerCase()
        if ((inFlight.get(key) ?? 0) >= MAX_CONCURRENT) {
            return graphError(incoming, 429, 'TooManyRequests', `Too many concurrent requests: at most ${MAX_CONCURRENT} per app per tenant.`, retryAfter)
        }
        const wait = overWindow(key, WINDOW_10_MIN) ?? (collection === 'secureScores' ? overWindow(key + '|secureScores', SECURE_SCORES_PER_MINUTE) : null)
        if (wait !== null) return graphError(incoming, 429, 'TooManyRequests', 'Too many requests for this app in this tenant.', { 'retry-after': String(wait) })

        inFlight.set(key, (inFlight.get(key) ?? 0) + 1)
        try {
            // The latency is spent while the call holds its concurrency slot, as a slow answer would.
            if (faults.latencyMs > 0) await sleep(faults.latencyMs)
            return route(incoming, baseUrl, tenant, claims, collection, id, faults)
        } finally {
            inFlight.set(key, (inFlight.get(key) ?? 1) - 1)
        }
    }

    /** The person's directory roles (directory-roles.ts); not a security API, so no Secure Score throttling applies. */
    function directoryRoles(incoming: Incoming, baseUrl: string, log: (tenantId: string | null) => void): Reply {
        const verified = authenticate(incoming)
        if ('status' in verified) return verified
        log(verified.claims.tid)
        const person = verified.claims.objectId === null ? undefined : options.directory.userById(verified.claims.objectId)?.user
        const fail = (status: number, code: string, message: string): Reply => graphError(incoming, status, code, message)
        return listMyDirectoryRoles(incoming, baseUrl, verified.claims, person, fail, { nextLink, readSkipToken })
    }

    /** The bearer token's claims when this stand-in signed it and it is still valid, else the 401. */
    function authenticate(incoming: Incoming): { claims: AccessTokenClaims } | Reply {
        const auth = header(incoming, 'authorization')
        const bearer = auth && /^Bearer\s+(\S+)$/i.exec(auth)
        if (!bearer) return unauthorized(incoming, 'Access token is empty.')
        const verified = options.entra.verifyAccessToken(bearer[1])
        return 'error' in verified ? unauthorized(incoming, verified.error) : verified
    }

    function unauthorized(incoming: Incoming, message: string): Reply {
        return graphError(incoming, 401, 'InvalidAuthenticationToken', message, { 'www-authenticate': 'Bearer realm="", error="invalid_token"' })
    }

    /** A user's revokeSignInSessions (sign-in-sessions.ts); a directory call, so no Secure Score throttling applies. */
    function signInSessions(incoming: Incoming, baseUrl: string, log: (tenantId: string | null) => void): Reply {
        const verified = authenticate(incoming)
        if ('status' in verified) return verified
        log(verified.claims.tid)
        return revokeSignInSessions(incoming, baseUrl, verified.claims, options.directory, (status, code, message) => graphError(incoming, status, code, message))
    }

    /**
     * App-only: the application permission in `roles`. Delegated: the permission in `scp` and, "Microsoft Graph
     * security API authorization", the signed-in person's Entra role (read: Security Reader or Security
     * Administrator, write: Security Administrator; Global Administrator holds both).
     */
    function permissionRefusal(incoming: Incoming, claims: AccessTokenClaims, isPatch: boolean): Reply | null {
        const granted = claims.scopes ?? claims.roles
        const canRead = granted.includes('SecurityEvents.Read.All') || granted.includes('SecurityEvents.ReadWrite.All')
        const canWrite = granted.includes('SecurityEvents.ReadWrite.All')
        if (claims.objectId === null) {
            if (isPatch ? canWrite : canRead) return null
            const needed = isPatch ? 'SecurityEvents.ReadWrite.All' : 'SecurityEvents.Read.All or SecurityEvents.ReadWrite.All'
            return graphError(incoming, 403, 'accessDenied', `Insufficient privileges to complete the operation: the application permission ${needed} is required.`)
        }
        const roles = options.directory.userById(claims.objectId)?.user.roles ?? []
        const hasRole = roles.some((role) => (isPatch ? SECURITY_WRITE_ROLES : SECURITY_READ_ROLES).includes(role))
        if ((isPatch ? canWrite : canRead) && hasRole) return null
        // The text of "403 error when calling Microsoft Graph Security API" (Microsoft Entra troubleshooting).
        return graphError(incoming, 403, 'accessDenied', 'Auth token does not contain valid permissions or user does not have valid roles.')
    }

    function route(
        incoming: Incoming,
        baseUrl: string,
        tenant: TenantData,
        claims: AccessTokenClaims,
        collection: 'secureScoreControlProfiles' | 'secureScores',
        id: string | null,
        faults: Required<FaultSwitches>,
    ): Reply {
        const method = incoming.method
        const isPatch = method === 'PATCH' && collection === 'secureScoreControlProfiles' && id !== null
        if (method !== 'GET' && !isPatch) return graphError(incoming, 501, 'notSupported', NOT_EMULATED + `${method} ${incoming.url.pathname}`)
        const refused = permissionRefusal(incoming, claims, isPatch)
        if (refused) return refused
        try {
            const type: EntityTypeName = collection === 'secureScores' ? 'secureScore' : 'secureScoreControlProfile'
            const items: (SecureScore | SecureScoreControlProfile)[] = collection === 'secureScores' ? tenant.scores : tenant.profiles
            const context = `${baseUrl}/v1.0/$metadata#security/${collection}`
            if (id === null) return list(incoming, baseUrl, tenant, collection, type, items, context, faults)
            const entity = items.find((e) => e.id === id)
            if (isPatch) return patch(incoming, tenant, claims, entity as SecureScoreControlProfile | undefined, id, faults, context)
            const { select } = parseEntityQuery(type, incoming.url.searchParams)
            if (!entity) return graphError(incoming, 404, 'itemNotFound', `The ${type} '${id}' was not found.`)
            return { status: 200, body: { '@odata.context': context + (select ? `(${select.join(',')})` : '') + '/$entity', ...project(entity, select) } }
        } catch (error) {
            if (error instanceof QueryError) return graphError(incoming, error.status, error.status === 400 ? 'BadRequest' : 'notSupported', error.message)
            throw error
        }
    }

    function list(
        incoming: Incoming,
        baseUrl: string,
        tenant: TenantData,
        collection: 'secureScoreControlProfiles' | 'secureScores',
        type: EntityTypeName,
        all: (SecureScore | SecureScoreControlProfile)[],
        context: string,
        faults: Required<FaultSwitches>,
    ): Reply {
        const query = parseCollectionQuery(type, incoming.url.searchParams)
        const position = query.skipToken === null ? { offset: query.skip, remaining: query.top } : readSkipToken(query.skipToken, tenant.tenantId)
        if (query.skipToken !== null && (query.skip !== 0 || query.top !== null)) throw new QueryError(400, '$skiptoken cannot be combined with $skip or $top; follow @odata.nextLink as given.')
        let items = all.filter((e) => matches(e, query.filter))
        if (query.orderBy.length > 0) items = [...items].sort(compareBy(query.orderBy))
        const total = items.length
        const size = Math.min(DEFAULT_PAGE_SIZE, position.remaining ?? DEFAULT_PAGE_SIZE)
        let page = items.slice(position.offset, position.offset + size)
        const next = position.offset + page.length
        const remaining = position.remaining === null ? null : position.remaining - page.length
        const more = next < total && (remaining === null || remaining > 0)

        const headers: Record<string, string> = {}
        let status = 200
        if (collection === 'secureScoreControlProfiles') {
            profileLists += 1
            if (faults.partialEvery > 0 && profileLists % faults.partialEvery === 0) {
                // A provider "failed": every third profile of the page is missing, and the Warning header says so.
                page = page.filter((_, i) => i % 3 !== 2)
                status = 206
                headers.warning = '199 - "Microsoft/SecureScore/504/10000"'
            }
        }
        const body: Record<string, unknown> = { '@odata.context': context + (query.select ? `(${query.select.join(',')})` : '') }
        if (query.count) body['@odata.count'] = total
        if (more) body['@odata.nextLink'] = nextLink(baseUrl, incoming.url, { o: next, r: remaining, t: tenant.tenantId })
        body.value = page.map((e) => project(e, query.select))
        return { status, headers, body }
    }

    function patch(
        incoming: Incoming,
        tenant: TenantData,
        claims: AccessTokenClaims,
        profile: SecureScoreControlProfile | undefined,
        id: string,
        faults: Required<FaultSwitches>,
        context: string,
    ): Reply {
        const refuse = (message: string): Reply => graphError(incoming, 400, 'BadRequest', message)
        if (incoming.url.search !== '') return refuse('PATCH takes no query options.')
        if (faults.refuseAppOnlyPatch && claims.objectId === null) return graphError(incoming, 403, 'accessDenied', 'Updating a secure score control profile with an app-only token is refused (fault switch refuseAppOnlyPatch).')
        if (!profile) return graphError(incoming, 404, 'itemNotFound', `The secureScoreControlProfile '${id}' was not found.`)
        if (id.startsWith('scid_')) {
            return refuse(`The control '${id}' is a device control (Microsoft Defender Vulnerability Management); its state cannot be set through secureScoreControlProfiles.`)
        }
        let body: unknown
        try {
            body = JSON.parse(incoming.body)
        } catch {
            return refuse('The request body is not valid JSON.')
        }
        if (typeof body !== 'object' || body === null || Array.isArray(body)) return refuse('The request body must be a JSON object.')
        const fields = body as Record<string, unknown>
        for (const name of Object.keys(fields)) {
            if (!(UPDATABLE as readonly string[]).includes(name)) return refuse(`The property '${name}' cannot be updated; updatable: ${UPDATABLE.join(', ')}.`)
        }
        const vendor = fields.vendorInformation
        if (typeof vendor !== 'object' || vendor === null || Array.isArray(vendor)) return refuse("The body must contain 'vendorInformation' with 'provider' and 'vendor'.")
        const v = vendor as Record<string, unknown>
        const unknownVendorKey = Object.keys(v).find((k) => !VENDOR_KEYS.has(k))
        if (unknownVendorKey) return refuse(`'vendorInformation' has no property '${unknownVendorKey}'.`)
        if (v.provider !== 'SecureScore' || v.vendor !== 'Microsoft') return refuse("'vendorInformation' must name provider 'SecureScore' and vendor 'Microsoft'.")
        for (const name of ['assignedTo', 'comment', 'state'] as const) {
            if (name in fields && typeof fields[name] !== 'string') return refuse(`'${name}' must be a string.`)
        }
        if ('state' in fields && !(STATES as readonly unknown[]).includes(fields.state)) {
            return refuse(`'state' must be one of ${STATES.join(', ')}; got '${String(fields.state)}'.`)
        }
        const history = profile.controlStateUpdates ?? []
        const previous = history.length > 0 ? history[history.length - 1] : { assignedTo: '', comment: '', state: 'Default' }
        const update: SecureScoreControlStateUpdate = {
            assignedTo: (fields.assignedTo as string | undefined) ?? previous.assignedTo ?? null,
            comment: (fields.comment as string | undefined) ?? previous.comment ?? null,
            state: (fields.state as string | undefined) ?? previous.state ?? null,
            // A person is named by their UPN; an app-only caller has none, so the app id stands in (local choice).
            updatedBy: claims.upn ?? claims.appid,
            updatedDateTime: options.now().toISOString(),
        }
        options.store.append(tenant.tenantId, profile.id as string, update)
        profile.controlStateUpdates = [...history, update]
        const prefer = (header(incoming, 'prefer') ?? '').toLowerCase()
        if (prefer.split(',').some((p) => p.trim() === 'return=representation')) {
            return { status: 200, headers: { 'preference-applied': 'return=representation' }, body: { '@odata.context': context + '/$entity', ...profile } }
        }
        return { status: 204 }
    }

    return {
        handle,
        stateUpdates(tenantId, controlId) {
            const profile = tenants.get(tenantId.toLowerCase())?.profiles.find((p) => p.id === controlId)
            return structuredClone(profile?.controlStateUpdates ?? [])
        },
    }
}

interface SkipToken {
    o: number
    r: number | null
    t: string
}

/** Opaque to clients; it keeps the position and what is left of $top, and is valid only in its tenant. */
function nextLink(baseUrl: string, current: URL, token: SkipToken): string {
    const params = new URLSearchParams()
    for (const [name, value] of current.searchParams) {
        if (name !== '$skip' && name !== '$top' && name !== '$skiptoken') params.set(name, value)
    }
    params.set('$skiptoken', Buffer.from(JSON.stringify(token)).toString('base64url'))
    return `${baseUrl}${current.pathname}?${params.toString().replace(/%24/g, '$')}`
}

function readSkipToken(text: string, tenantId: string): { offset: number; remaining: number | null } {
    try {
        const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as SkipToken
        if (Number.isInteger(token.o) && token.o >= 0 && (token.r === null || Number.isInteger(token.r)) && token.t === tenantId) {
            return { offset: token.o, remaining: token.r }
        }
    } catch {
        // falls through to the refusal
    }
    throw new QueryError(400, 'The $skiptoken is not valid.')
}

