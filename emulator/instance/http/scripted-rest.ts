/**
 * Scripted REST APIs from the built app's records (sys_ws_definition, sys_ws_version, sys_ws_operation),
 * served as the platform serves them.
 *
 *   restRoutes(store) → RestRoute[]            cached until those tables change
 *   matchRoute(routes, method, path) → { route, pathParams } | null
 *       each active operation answers at its versioned URI (/api/<namespace>/v<version>/<service>/<path>) and,
 *       for the default version, at the unversioned one; {name} segments are path parameters; literal
 *       segments win over parameters
 *   handleScriptedRest(ctx, request, reply, auth), in this order (the order itself is local choice):
 *       unknown URI → 400 "Requested URI does not represent any resource"; authentication (401);
 *       requires_snc_internal_role: with the Explicit Roles plugin a user without snc_internal → 403;
 *       the REST_Endpoint ACLs of the operation (or, when it lists none, of its API): any one passing is
 *       enough (403 otherwise); content negotiation against the operation's supported formats (or its
 *       API's, or the platform default application/json,application/xml,text/xml): a PUT/POST/PATCH body
 *       of another Content-Type → 415, an Accept none of them satisfies → 406; then the operation script
 *       runs in the sandbox as the caller, in the API's application scope, with the platform's request and
 *       response objects. The body size limit is the platform's (glide.rest.max_content_length), applied
 *       when the script reads the body (400), as "Controlling maximum request size" documents.
 *   negotiate(route, method, headers, hasBody) → { status, message, detail } | null   the 415 / 406 of a
 *       request; refuses (not emulated) XML responses, form-urlencoded bodies and bodies without Content-Type
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ApiAuth } from './authenticate.ts'
import { findUser } from '../security/users.ts'
import { createRestRequest, invokeRestHandler } from '../glide/rest.ts'
import { notEmulated, REST_MESSAGES, SCRIPTED_REST_MESSAGES as M } from '../messages.ts'
import { restEndpointDecision } from '../security/acl.ts'
import { isInternalUser } from '../security/roles.ts'
import { propertyValue } from '../store/lookups.ts'
import type { Row, Store } from '../store/store.ts'
import { type InstanceContext, isTrue, type RequestUser } from './context.ts'
import { NO_RESOURCE, sendFailure, sendNotAuthenticated } from './envelope.ts'

export interface RestRoute {
    method: string
    pattern: string[]
    literals: number
    operation: Row
    name: string
    scope: string
    aclIds: string[]
    requiresAuthentication: boolean
    requiresAcl: boolean
    requiresInternalRole: boolean
    /** Supported request formats (Content-Type patterns, with the platform's % and * wildcards). */
    consumes: string[]
    /** Supported response formats (Accept). */
    produces: string[]
}

/** "Request and response formats" (Scripted REST APIs): the formats of an API that does not set its own. */
const DEFAULT_FORMATS = 'application/json,application/xml,text/xml'
/** The methods whose resources have "Supported request formats" ("Control request and response content type"). */
const BODY_METHODS = new Set(['PUT', 'POST', 'PATCH'])

const cache = new WeakMap<Store, { stamp: string; routes: RestRoute[] }>()
const TABLES = ['sys_ws_definition', 'sys_ws_version', 'sys_ws_operation', 'sys_app']

function splitPath(path: string): string[] {
    return path.split('/').filter(Boolean)
}

function all(store: Store, table: string): Row[] {
    return store.hasTable(table) ? store.select(table, { blocks: [], orderBy: [] }) : []
}

function ids(value: string | null | undefined): string[] {
    return (value ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
}

/** A resource overrides its API's formats when its *_customized flag is set; an API without formats has the platform's. */
function formats(op: Row, definition: Row, field: 'consumes' | 'produces'): string[] {
    const own = isTrue(op[`${field}_customized`]) ? op[field] : null
    return ids(own || definition[field] || DEFAULT_FORMATS).map((f) => f.toLowerCase())
}

export function restRoutes(store: Store): RestRoute[] {
    const stamp = TABLES.map((t) => (store.hasTable(t) ? store.version(t) : -1)).join(':')
    const cached = cache.get(store)
    if (cached?.stamp === stamp) return cached.routes
    const definitions = new Map(all(store, 'sys_ws_definition').map((d) => [d.sys_id!, d]))
    const versions = new Map(all(store, 'sys_ws_version').map((v) => [v.sys_id!, v]))
    const apps = new Map(all(store, 'sys_app').map((a) => [a.sys_id!, a.scope]))
    const routes: RestRoute[] = []
    for (const op of all(store, 'sys_ws_operation')) {
        if (op.active === '0' || op.active === 'false' || !op.http_method) continue
        const definition = definitions.get(op.web_service_definition ?? '')
        if (!definition || definition.active === '0' || definition.active === 'false') continue
        const version = versions.get(op.web_service_version ?? '')
        if (version && (version.active === '0' || version.active === 'false')) continue
        const namespace = definition.namespace || splitPath(definition.base_uri ?? '')[1] || ''
        const service = definition.service_id || splitPath(definition.base_uri ?? '')[2] || ''
        const relative = op.relative_path ?? '/'
        const uris = new Set<string>()
        if (op.operation_uri) uris.add(op.operation_uri)
        else if (version?.version) uris.add(`/api/${namespace}/v${version.version}/${service}${relative}`)
        const isDefault = !version || isTrue(version.is_default) || definition.default_version === `v${version.version}`
        if (isDefault) uris.add(op.default_operation_uri || `/api/${namespace}/${service}${relative}`)
        const scope = apps.get(op.sys_scope ?? '') ?? (op.sys_scope === 'global' || !op.sys_scope ? 'global' : namespace)
        const aclIds = ids(op.enforce_acl).length ? ids(op.enforce_acl) : ids(definition.enforce_acl)
        const consumes = formats(op, definition, 'consumes')
        const produces = formats(op, definition, 'produces')
        for (const uri of uris) {
            const pattern = splitPath(uri)
            routes.push({
                method: op.http_method.toUpperCase(),
                pattern,
                literals: pattern.filter((s) => !/^\{.+\}$/.test(s)).length,
                operation: op,
                name: `${definition.name ?? service} ${op.http_method} ${relative}`,
                scope,
                aclIds,
                requiresAuthentication: op.requires_authentication === null || isTrue(op.requires_authentication),
                requiresAcl: op.requires_acl_authorization === null || isTrue(op.requires_acl_authorization),
                requiresInternalRole: isTrue(op.requires_snc_internal_role),
                consumes,
                produces,
            })
        }
    }
    routes.sort((a, b) => b.literals - a.literals)
    cache.set(store, { stamp, routes })
    return routes
}

export function matchRoute(routes: RestRoute[], method: string, path: string): { route: RestRoute; pathParams: Record<string, string> } | null {
    const segments = splitPath(path)
    for (const route of routes) {
        if (route.method !== method || route.pattern.length !== segments.length) continue
        const pathParams: Record<string, string> = {}
        let ok = true
        for (let i = 0; i < segments.length && ok; i++) {
            const p = route.pattern[i]
            const param = /^\{(.+)\}$/.exec(p)
            let value: string
            try {
                value = decodeURIComponent(segments[i])
            } catch {
                value = segments[i]
            }
            if (param) pathParams[param[1]] = value
            else ok = p === value
        }
        if (ok) return { route, pathParams }
    }
    return null
}

const MB = 1024 * 1024

function propertyNumber(store: Store, name: string): number | null {
    const text = propertyValue(store, name)
    const value = Number(text)
    return text && Number.isFinite(value) && value > 0 ? value : null
}

/**
 * The platform's limit on a scripted REST body, in bytes ("Controlling maximum request size"):
 * glide.rest.scripted.max_inbound_content_length_mb (default 10), capped by glide.rest.max_content_length
 * (default 10, at most 25).
 */
function maxBodyBytes(store: Store): number {
    const scripted = propertyNumber(store, 'glide.rest.scripted.max_inbound_content_length_mb') ?? 10
    const overall = Math.min(propertyNumber(store, 'glide.rest.max_content_length') ?? 10, 25)
    return Math.min(scripted, overall) * MB
}

/** A supported-format entry as a pattern: % is one character, * any run ("Using wildcard values"). */
function formatPattern(format: string): RegExp {
    const body = format.replace(/[.+?^${}()|[\]\\/]/g, '\\$&').replace(/%/g, '.').replace(/\*/g, '.*')
    return new RegExp(`^${body}$`, 'i')
}

function mediaType(value: string): string {
    return value.split(';')[0].trim().toLowerCase()
}

function isWildcard(format: string): boolean {
    return /[%*]/.test(format)
}

interface AcceptRange {
    range: string
    q: number
}

function acceptRanges(header: string): AcceptRange[] {
    return header
        .split(',')
        .map((part) => {
            const [range, ...params] = part.split(';')
            const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)).find(Boolean)
            return { range: range.trim().toLowerCase(), q: q ? Number(q[1]) : 1 }
        })
        .filter((r) => r.range && r.q > 0)
        .sort((x, y) => y.q - x.q)
}

/** The response format an Accept header selects among the supported ones, or null when none satisfies it. */
function responseFormat(produces: string[], accept: string | undefined): string | null {
    const concrete = produces.filter((f) => !isWildcard(f))
    // No Accept (or */*): JSON when the resource produces it (local choice: the docs do not name the default).
    const preferred = concrete.find((f) => /json$/.test(f)) ?? concrete[0] ?? null
    if (!accept?.trim()) return preferred
    for (const { range } of acceptRanges(accept)) {
        if (range === '*/*') return preferred
        if (range.endsWith('/*')) {
            const match = concrete.find((f) => f.startsWith(range.slice(0, -1)))
            if (match) return match
        } else if (produces.some((f) => formatPattern(f).test(range))) return range
    }
    return null
}

export function negotiate(route: RestRoute, method: string, headers: Record<string, string>, hasBody: boolean): { status: number; message: string; detail: string } | null {
    if (BODY_METHODS.has(method)) {
        const contentType = headers['content-type']
        if (!contentType) {
            if (hasBody) notEmulated('a Scripted REST request body without a Content-Type')
        } else if (!route.consumes.some((f) => formatPattern(f).test(mediaType(contentType)))) {
            return { status: 415, message: M.unsupportedMediaType.text, detail: M.unsupportedMediaType.detail }
        } else if (mediaType(contentType) === 'application/x-www-form-urlencoded') {
            notEmulated('application/x-www-form-urlencoded bodies of Scripted REST (merged into request.queryParams)')
        }
    }
    const format = responseFormat(route.produces, headers.accept)
    if (format === null) return { status: 406, message: M.notAcceptable.text, detail: M.notAcceptable.detail }
    // The response objects serialize JSON only.
    if (!/json$/.test(format)) notEmulated(`Scripted REST responses in ${format}`)
    return null
}

function queryParams(url: string): Record<string, string[]> {
    // No prototype: parameters named __proto__, constructor or toString are parameters like any other.
    const out: Record<string, string[]> = Object.create(null)
    const q = url.indexOf('?')
    if (q < 0) return out
    for (const [k, v] of new URLSearchParams(url.slice(q + 1))) (out[k] ??= []).push(v)
    return out
}

function headerRecord(request: FastifyRequest): Record<string, string> {
    const out: Record<string, string> = {}
    for (const [k, v] of Object.entries(request.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : String(v)
    return out
}

function guestUser(ctx: InstanceContext): RequestUser {
    let row = findUser(ctx.runtime.store, 'guest')
    if (!row) {
        ctx.runtime.createUser({ user_name: 'guest', first_name: 'Guest' })
        row = findUser(ctx.runtime.store, 'guest')!
    }
    return { sysId: row.sys_id!, userName: 'guest', via: 'guest' }
}

export function handleScriptedRest(ctx: InstanceContext, request: FastifyRequest, reply: FastifyReply, auth: ApiAuth): FastifyReply {
    const store = ctx.runtime.store
    const path = request.url.split('?')[0]
    if ('failed' in auth) return sendNotAuthenticated(reply)
    const match = matchRoute(restRoutes(store), request.method.toUpperCase(), path)
    if (!match) return sendFailure(reply, 400, NO_RESOURCE, null)
    const { route, pathParams } = match
    let user: RequestUser
    if ('user' in auth) user = auth.user
    else if (route.requiresAuthentication) return sendNotAuthenticated(reply)
    else user = guestUser(ctx)
    request.instanceUser = user
    const headers = headerRecord(request)
    if (user.via !== 'guest') {
        // Explicit Roles: a resource that requires snc_internal refuses external users.
        if (route.requiresInternalRole && !isInternalUser(store, user.sysId)) return sendFailure(reply, 403, REST_MESSAGES.notAuthorized.text, M.notInternal.text(user.userName))
        // "Configure a scripted REST API resource to require an ACL": ACLs are checked for an authenticated user only.
        if (route.requiresAcl) {
            const refusal = restEndpointDecision(store, route.aclIds, user)
            if (refusal) return sendFailure(reply, 403, REST_MESSAGES.notAuthorized.text, refusal)
        }
    }
    const contentEncoding = headers['content-encoding']
    if (contentEncoding && contentEncoding.toLowerCase() !== 'identity') notEmulated(`Content-Encoding ${contentEncoding} on a Scripted REST request`)
    const body = typeof request.body === 'string' ? request.body : ''
    const refusal = negotiate(route, request.method.toUpperCase(), headers, body !== '')
    if (refusal) return sendFailure(reply, refusal.status, refusal.message, refusal.detail)
    const restRequest = createRestRequest({ method: request.method, path, pathParams, queryParams: queryParams(request.url), headers, body, maxBodyBytes: maxBodyBytes(store) })
    const script = route.operation.operation_script ?? ''
    const result = ctx.runtime.activate().runAs(user.sysId, () =>
        ctx.runtime.runInScope(route.scope, () =>
            invokeRestHandler((req, res) => ctx.scripts.runScript(script, { request: req, response: res }, `sys_ws_operation:${route.operation.sys_id}`), restRequest),
        ),
    )
    reply.code(result.status)
    for (const [name, value] of Object.entries(result.headers)) reply.header(name, value)
    return reply.send(result.body === '' ? undefined : result.body)
}
