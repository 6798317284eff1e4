// Property-based fuzzing of every connector and setup route over HTTP on the local instance.
// Shared by the jest suite (fixed seed, FUZZ_RUNS cases in all) and `npm run fuzz` (more cases).
//
// Inputs are random and hostile: wrong types, huge strings, deep nesting, __proto__ and
// constructor keys, encoded-query metacharacters in every string field and filter, control
// characters, invalid UTF-8, wrong content types, empty bodies and JSON that is not an object.
// Required of every answer: never a 5xx; every error in the platform envelope with a 4xx code;
// no record written by a rejected request; no query widened by a value.
import fc from 'fast-check'
import { ADMIN, basic, INTEGRATION, TENANT, taskBody, type Instance } from './http-harness.ts'

import { CONNECTOR_API as CONNECTOR, SETUP_API as SETUP } from './api-paths.ts'

export { CONNECTOR, SETUP }

/** Encoded-query syntax a value must never smuggle into a query. */
const QUERY_METACHARACTERS = ['^', '^NQ', '^OR', '=', '!=', '^ORnumberISNOTEMPTY', '^NQsys_idISNOTEMPTY', 'ORDERBYnumber', 'LIKE%', 'IN', 'javascript:gs.getUserID()']

const hostileText = fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 3, arbitrary: fc.tuple(fc.string({ maxLength: 12 }), fc.constantFrom(...QUERY_METACHARACTERS), fc.string({ maxLength: 12 })).map((parts) => parts.join('')) },
    { weight: 2, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty') },
    { weight: 2, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 8 }) },
    { weight: 1, arbitrary: fc.integer({ min: 161, max: 70000 }).map((length) => 'x'.repeat(length)) },
    { weight: 2, arbitrary: fc.constantFrom('', ' ', TENANT, TENANT.toUpperCase(), 'CHG0010001', 'INC0010001', '2026-12-31', '2026-02-30T25:61:00Z', '1', '0', '-1', '501', 'change', 'incident', 'null', 'true', '\ud800', '\u202e') },
)

const deepNesting = fc.integer({ min: 10, max: 3000 }).map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown)

const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    value: fc.oneof(
        { weight: 6, arbitrary: hostileText },
        { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1, 4, 5, 2.5, 1e308, -0)) },
        { weight: 1, arbitrary: fc.boolean() },
        { weight: 1, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 3 }) },
        { weight: 1, arbitrary: fc.dictionary(hostileText, tie('value'), { maxKeys: 3 }) },
        { weight: 1, arbitrary: deepNesting },
    ),
})).value

const TASK_FIELDS = ['tenantId', 'taskId', 'ticketType', 'name', 'description', 'priority', 'dueDate', 'recommendationSource', 'recommendationCategory', 'requestedBy', 'secureScore']

/** A valid body with some fields replaced or added by hostile values: reaches deep into validation. */
function mutated(base: () => Record<string, unknown>, fields: string[]): fc.Arbitrary<Record<string, unknown>> {
    return fc
        .array(fc.tuple(fc.oneof(fc.constantFrom(...fields), fc.constantFrom('__proto__', 'constructor'), hostileText), hostileValue), { minLength: 1, maxLength: 4 })
        .map((changes) => {
            const body = base()
            for (const [key, value] of changes) Object.defineProperty(body, key, { value, enumerable: true, writable: true, configurable: true })
            return body
        })
}

export interface RawRequest {
    body?: string | Buffer
    contentType?: string
    query?: Record<string, string>
    path?: string
}

/** Bodies that are not a JSON object, or not JSON at all, or not UTF-8. */
const rawBody: fc.Arbitrary<RawRequest> = fc.oneof(
    fc.constantFrom('', ' ', 'null', '[]', '[1,2]', '"task"', '42', 'true', '{', '{"tenantId":', '{"a":1}}', '\u0000').map((body) => ({ body })),
    fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => ({ body: Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(bytes), Buffer.from('"}')]) })),
    fc.integer({ min: 100, max: 5000 }).map((depth) => ({ body: '{"a":' + '['.repeat(depth) + ']'.repeat(depth) + '}' })),
    fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x', '').map((contentType) => ({
        body: JSON.stringify(taskBody()),
        contentType,
    })),
)

function jsonRequest(body: fc.Arbitrary<unknown>): fc.Arbitrary<RawRequest> {
    return fc.oneof({ weight: 4, arbitrary: body.map((value) => ({ body: JSON.stringify(value) })) }, { weight: 1, arbitrary: rawBody })
}

const queryOf = (names: string[]) =>
    fc.dictionary(fc.oneof(fc.constantFrom(...names), hostileText), hostileText, { maxKeys: 5 }).map((query) => ({ query }))

/** encodeURIComponent refuses lone surrogates; a client cannot put them in a URL. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** A path segment: hostile text, URL-encoded as a client would send it. */
const pathSegment = hostileText
    .filter((text) => text.length > 0 && text.length < 2000 && !LONE_SURROGATE.test(text))
    .map((text) => encodeURIComponent(text))

export interface RouteSpec {
    name: string
    method: string
    path: string
    as: 'integration' | 'admin'
    request: fc.Arbitrary<RawRequest>
    /** Extra checks on a 2xx answer: that a value did not widen the query. */
    onSuccess?: (request: RawRequest, json: any) => void
}

function expectEqual(actual: unknown, expected: unknown, what: string): void {
    if (actual !== expected) throw new Error(`${what}: expected ${String(expected)}, got ${String(actual)}`)
}

export const ROUTES: RouteSpec[] = [
    { name: 'PUT /connection', method: 'PUT', path: CONNECTOR + '/connection', as: 'integration', request: jsonRequest(mutated(() => ({ tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'a@contoso.com' }), ['tenantId', 'tenantName', 'connectedBy'])) },
    { name: 'GET /connection', method: 'GET', path: CONNECTOR + '/connection', as: 'integration', request: queryOf(['tenantId']) },
    {
        // Never the connected tenant: the fuzzer must not disconnect the tenant the other routes use.
        name: 'DELETE /connection',
        method: 'DELETE',
        path: CONNECTOR + '/connection',
        as: 'integration',
        request: queryOf(['tenantId']).map((request) => (request.query.tenantId?.toLowerCase() === TENANT ? { query: {} } : request)),
    },
    {
        name: 'POST /tasks',
        method: 'POST',
        path: CONNECTOR + '/tasks',
        as: 'integration',
        request: jsonRequest(fc.oneof(mutated(() => taskBody({ taskId: 'fuzz-' + Math.random().toString(36).slice(2) }), TASK_FIELDS), fc.dictionary(hostileText, hostileValue, { maxKeys: 6 }))),
        onSuccess: (request, json) => expectEqual(json.result.taskId, JSON.parse(String(request.body)).taskId, 'the ticket of another task id answered'),
    },
    {
        name: 'GET /tickets',
        method: 'GET',
        path: CONNECTOR + '/tickets',
        as: 'integration',
        request: queryOf(['tenantId', 'limit', 'cursor', 'type', 'updatedSince']).map((request) => ({ query: { tenantId: TENANT, ...request.query } })),
        onSuccess: (request, json) => {
            const type = request.query?.type
            for (const ticket of json.result.tickets) if (type !== undefined) expectEqual(ticket.type, type.trim().toLowerCase(), 'a ticket of another type listed')
        },
    },
    {
        name: 'GET /tickets/{number}',
        method: 'GET',
        path: CONNECTOR + '/tickets/{number}',
        as: 'integration',
        request: pathSegment.map((number) => ({ path: number, query: { tenantId: TENANT } })),
        onSuccess: (request, json) => expectEqual(json.result.number, decodeURIComponent(request.path!).toUpperCase(), 'another ticket answered'),
    },
    {
        name: 'PATCH /tickets/{number}',
        method: 'PATCH',
        path: CONNECTOR + '/tickets/{number}',
        as: 'integration',
        request: fc.tuple(pathSegment, jsonRequest(mutated(() => ({ tenantId: TENANT, priority: 'low' }), ['tenantId', 'priority', 'dueDate', 'description', 'name', 'state']))).map(([path, request]) => ({ ...request, path })),
        onSuccess: (request, json) => expectEqual(json.result.number, decodeURIComponent(request.path!).toUpperCase(), 'another ticket changed'),
    },
    {
        name: 'GET /tickets/{number}/activity',
        method: 'GET',
        path: CONNECTOR + '/tickets/{number}/activity',
        as: 'integration',
        request: fc.tuple(pathSegment, queryOf(['limit', 'cursor', 'since'])).map(([path, request]) => ({ path, query: { tenantId: TENANT, ...request.query } })),
        onSuccess: (request, json) => expectEqual(json.result.number, decodeURIComponent(request.path!).toUpperCase(), 'the timeline of another ticket answered'),
    },
    {
        name: 'POST /tickets/{number}/comments',
        method: 'POST',
        path: CONNECTOR + '/tickets/{number}/comments',
        as: 'integration',
        request: fc
            .tuple(pathSegment, jsonRequest(mutated(() => ({ tenantId: TENANT, commentId: 'fuzz-' + Math.random().toString(36).slice(2), author: 'a@contoso.com', text: 'Fuzz' }), ['tenantId', 'commentId', 'author', 'text'])))
            .map(([path, request]) => ({ ...request, path })),
    },
    { name: 'GET /states', method: 'GET', path: CONNECTOR + '/states', as: 'integration', request: queryOf(['tenantId']) },
    {
        name: 'PUT /state-names',
        method: 'PUT',
        path: CONNECTOR + '/state-names',
        as: 'integration',
        request: jsonRequest(mutated(() => ({ tenantId: TENANT, change: { '-5': 'Triage' } }), ['tenantId', 'change', 'incident'])),
    },
    { name: 'GET /setup/status', method: 'GET', path: SETUP + '/status', as: 'admin', request: queryOf(['tenantId', 'step']) },
    { name: 'POST /setup/oauth-client', method: 'POST', path: SETUP + '/oauth-client', as: 'admin', request: jsonRequest(mutated(() => ({ name: 'Microsoft 365 Ticketing Connector' }), ['name', 'redirectUrl', 'accessTokenLifespan', 'refreshTokenLifespan'])) },
    { name: 'POST /setup/integration-user', method: 'POST', path: SETUP + '/integration-user', as: 'admin', request: jsonRequest(mutated(() => ({ userName: 'm365.integration.fuzz' }), ['userName', 'firstName', 'lastName', 'email'])) },
    { name: 'POST /setup/integration-user/reset-password', method: 'POST', path: SETUP + '/integration-user/reset-password', as: 'admin', request: jsonRequest(fc.dictionary(hostileText, hostileValue, { maxKeys: 3 })) },
    { name: 'GET /setup/connections', method: 'GET', path: SETUP + '/connections', as: 'admin', request: queryOf(['tenantId']) },
    {
        name: 'DELETE /setup/connections/{tenantId}',
        method: 'DELETE',
        path: SETUP + '/connections/{tenantId}',
        as: 'admin',
        request: pathSegment.filter((segment) => decodeURIComponent(segment).toLowerCase() !== TENANT).map((path) => ({ path })),
    },
    { name: 'GET /setup/settings', method: 'GET', path: SETUP + '/settings', as: 'admin', request: queryOf(['x']) },
    { name: 'PUT /setup/settings', method: 'PUT', path: SETUP + '/settings', as: 'admin', request: jsonRequest(mutated(() => ({ defaultTicketType: 'change' }), ['defaultTicketType', 'changeAssignmentGroup', 'incidentAssignmentGroup', 'apiLogRetentionDays'])) },
]

/** Tables a rejected request must leave as they were (the API log is written on every call by design). */
const GUARDED_TABLES = ['task', 'x_mioms_m365ticket_connection', 'oauth_entity', 'oauth_credential', 'sys_user', 'sys_user_has_role', 'sys_properties']

export function snapshot(instance: Instance): string {
    const store = instance.runtime.store
    return GUARDED_TABLES.map((table) => {
        const row = store.get<{ n: number; mods: number | null }>(`SELECT COUNT(*) AS n, SUM(CAST(sys_mod_count AS INTEGER)) AS mods FROM ${store.sqlTable(table)}`)!
        // A connection's last contact is refreshed by any authorised call, even one refused later.
        return table === 'x_mioms_m365ticket_connection' ? `${table}:${row.n}` : `${table}:${row.n}:${row.mods}`
    }).join(' ')
}

export interface FuzzResponse {
    status: number
    text: string
    json: any
}

export async function send(instance: Instance, route: RouteSpec, request: RawRequest): Promise<FuzzResponse> {
    const credentials = route.as === 'admin' ? ADMIN : INTEGRATION
    let url = instance.url + route.path.replace(/\{[a-zA-Z]+\}/, request.path ?? 'x')
    if (request.query) url += '?' + new URLSearchParams(request.query).toString()
    const headers: Record<string, string> = { accept: 'application/json', authorization: basic(credentials) }
    if (request.body !== undefined) headers['content-type'] = request.contentType ?? 'application/json'
    if (request.contentType === '') delete headers['content-type']
    const response = await fetch(url, { method: route.method, headers, body: request.body, redirect: 'manual' })
    const text = await response.text()
    let json: any = null
    try {
        json = text ? JSON.parse(text) : null
    } catch {
        json = null
    }
    return { status: response.status, text, json }
}

/** The properties every answer must have; throws with what went wrong. */
export async function checkRoute(instance: Instance, route: RouteSpec, request: RawRequest): Promise<void> {
    const before = snapshot(instance)
    const response = await send(instance, route, request)
    if (response.status >= 500) throw new Error(`${route.name} answered ${response.status}: ${response.text.slice(0, 300)}`)
    if (response.status >= 400) {
        const envelope = response.json
        const valid = envelope && envelope.status === 'failure' && envelope.error && typeof envelope.error.message === 'string'
        if (!valid) throw new Error(`${route.name} answered ${response.status} outside the platform envelope: ${response.text.slice(0, 300)}`)
        const after = snapshot(instance)
        if (after !== before) throw new Error(`${route.name} answered ${response.status} but wrote: ${before} -> ${after}`)
    } else if (route.onSuccess) {
        route.onSuccess(request, response.json)
    }
}
