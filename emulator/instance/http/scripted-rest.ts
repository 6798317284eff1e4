/**
 * Scripted REST APIs from the built app's records (sys_ws_definition, sys_ws_version, sys_ws_operation),
 * served as the platform serves them.
 *
 *   restRoutes(store) → RestRoute[]            cached until those tables change
 *   matchRoute(routes, method, path) → { route, pathParams } | null
 *       each active operation answers at its versioned URI (/api/<namespace>/v<version>/<service>/<path>) and,
 *       for the default version, at the unversioned one; {name} segments are path parameters; literal
 *       segments win over parameters
 *   handleScriptedRest(ctx, request, reply, auth)
 *       unknown URI → 400 "Requested URI does not represent any resource"; authentication (401) and the
 *       REST_Endpoint ACLs of the operation (or its API) with their roles (403); the body limit of the
 *       property <namespace>.max_request_body_bytes (413); then the operation script runs in the sandbox as
 *       the caller, in the API's application scope, with the platform's request and response objects
 *   requestBodyLimit(store, path) → bytes | null   the limit for a URI, null when none applies
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ApiAuth } from '../auth/authenticate.ts'
import { findUser } from '../auth/users.ts'
import { createRestRequest, invokeRestHandler } from '../glide/rest.ts'
import { restEndpointDecision } from '../security/acl.ts'
import type { Row, Store } from '../store/store.ts'
import { type InstanceContext, isTrue, type RequestUser } from './context.ts'
import { NO_RESOURCE, NOT_AUTHORIZED, sendFailure, sendNotAuthenticated } from './envelope.ts'

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
}

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

/** The app property <namespace>.max_request_body_bytes for /api/<namespace>/...; null elsewhere. */
export function requestBodyLimit(store: Store, path: string): number | null {
    const [api, namespace] = splitPath(path)
    if (api !== 'api' || !namespace || namespace === 'now') return null
    const row = store.get<{ value: string | null }>(`SELECT value FROM ${store.sqlTable('sys_properties')} WHERE name = ? LIMIT 1`, [`${namespace}.max_request_body_bytes`])
    const limit = Number(row?.value)
    return row && Number.isFinite(limit) && limit > 0 ? limit : null
}

export function tooLargeDetail(size: number | null, limit: number, path: string): string {
    const namespace = splitPath(path)[1]
    return `The request body${size !== null ? ` is ${size} bytes;` : ' is too large:'} this API accepts at most ${limit} bytes (property ${namespace}.max_request_body_bytes)`
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
    if (route.requiresAcl && user.via !== 'guest') {
        const refusal = restEndpointDecision(store, route.aclIds, user)
        if (refusal) return sendFailure(reply, 403, NOT_AUTHORIZED, refusal)
    }
    const body = typeof request.body === 'string' ? request.body : ''
    const limit = requestBodyLimit(store, path)
    const size = Buffer.byteLength(body, 'utf8')
    if (limit !== null && size > limit) return sendFailure(reply, 413, 'Request Entity Too Large', tooLargeDetail(size, limit, path))
    const restRequest = createRestRequest({ method: request.method, path, pathParams, queryParams: queryParams(request.url), headers: headerRecord(request), body })
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
