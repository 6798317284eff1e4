/**
 * The Table API, /api/now/table/{table}[/{sys_id}] (also /api/now/v1/... and /api/now/v2/...), through
 * GlideRecordSecure as the caller: a user sees and changes what the ACLs let them. Sources: REST API
 * reference "Table API", KB0534905 "Table API FAQs"; each behaviour is in FIDELITY.md ("Table API").
 *
 *   handleTableApi(ctx, request, reply, user, table, sysId, apiPrefix)
 *
 *   GET list   sysparm_query (encoded query; ORDERBY on an unknown field is dropped), or one name-value
 *              pair (?field=value on a field neither choice nor reference; unknown names ignored),
 *              sysparm_fields (dot-walking: 'caller_id.user_name' is returned under that key),
 *              sysparm_limit (default 10000), sysparm_offset,
 *              sysparm_display_value (false | true | all), sysparm_exclude_reference_link,
 *              sysparm_suppress_pagination_header; headers X-Total-Count (every match of the query) and,
 *              when the result spans more than one page, Link (first, prev, next, last) built as instances
 *              build it. The limit is applied before read ACLs: a page may hold fewer rows than the limit.
 *              An empty result: 200 [] (v2 and the unversioned URL), 404 "No Record found" (v1).
 *              A condition or ORDERBY on a field the caller may not query (query_match / query_range ACLs,
 *              else the field's read ACLs; password fields never) makes the result empty.
 *              Boolean parameters are read case-insensitively ('True' is true).
 *   GET one    404 "No Record found" when missing or not readable
 *   POST       create (201); PATCH / PUT update; DELETE (204); refused by ACL, aborted by a before business
 *              rule, or refused by the incident data policy (Resolution code and notes when Resolved or Closed,
 *              detail "Data Policy Exception: …") → 403 "Operation Failed". The body is JSON (no Content-Type: JSON, the documented default;
 *              XML not emulated; other types 415).
 *              sysparm_input_display_value=true sets values from display values (choice labels, reference
 *              display values). A JSON array body: only its first record is used (KB0534905).
 *   Responses  {"result": [...]} / {"result": {...}}, JSON only (Accept application/xml is refused, not
 *              emulated); values as strings, references {link, value}; password fields never returned.
 *   Refused    documented parameters the local instance does not emulate (sysparm_view, ...) throw
 *              NotEmulated; other unknown sysparm_ parameters are ignored.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { GlideRecord, GlideRecordSecure } from '../glide/GlideRecord.ts'
import { NotEmulated, notEmulated, TABLE_API_MESSAGES as M } from '../messages.ts'
import { aclRoles, canReadField, fieldAclDecision } from '../security/acl.ts'
import { isElevatedRole, passesRoles, sessionRoles } from '../security/roles.ts'
import { isDataPolicyException } from '../store/close-info-policy.ts'
import { acls as aclRecords, tableRecord } from '../store/lookups.ts'
import { type Operator, parseEncodedQuery } from '../store/query.ts'
import type { ColumnDef, Store } from '../store/store.ts'
import { asUser, type InstanceContext, type RequestUser } from './context.ts'
import { NOT_AUTHORIZED, sendFailure } from './envelope.ts'
import { booleanText, isTrueParameter } from '../util/booleans.ts'

type DisplayMode = 'false' | 'true' | 'all'
type FieldOut = string | { value?: string; link?: string; display_value?: string }

const JSON_TYPE = 'application/json;charset=UTF-8'
const DEFAULT_LIMIT = 10000
const V1_PREFIX = '/api/now/v1/table'
const HIDDEN_TYPES = new Set(['password', 'password2'])
const SYSTEM_FIELDS = new Set(['sys_id', 'sys_class_name', 'sys_created_on', 'sys_created_by', 'sys_updated_on', 'sys_updated_by', 'sys_mod_count'])
/** query_match operators the instance has (Query ACLs doc: its "safe operators"); every other operator, and sorting, is query_range. */
const MATCH_OPERATORS = new Set<Operator>(['=', '!=', 'IN', 'NOT IN', 'ISEMPTY', 'ISNOTEMPTY', 'ANYTHING'])

/** Documented Table API parameters the local instance does not emulate, refused when they ask for a non-default. */
const NOT_EMULATED_PARAMS: Record<string, (value: string) => boolean> = {
    sysparm_view: (v) => v !== '',
    sysparm_query_category: (v) => v !== '',
    sysparm_query_no_domain: isTrueParameter,
    sysparm_no_count: isTrueParameter,
    sysparm_suppress_auto_sys_field: isTrueParameter,
}

interface RequestParams {
    /** First value of each parameter, decoded; no prototype, so `in` only sees given names. */
    values: Record<string, string>
    /** The query string's parts as sent (name decoded, part raw), for the Link header. */
    raw: Array<{ name: string; part: string }>
}

function decode(text: string): string {
    try {
        return decodeURIComponent(text.replace(/\+/g, ' '))
    } catch {
        return text
    }
}

function requestParams(url: string): RequestParams {
    const values: Record<string, string> = Object.create(null)
    const raw: RequestParams['raw'] = []
    const q = url.indexOf('?')
    if (q < 0) return { values, raw }
    for (const part of url.slice(q + 1).split('&')) {
        if (part === '') continue
        const eq = part.indexOf('=')
        const name = decode(eq < 0 ? part : part.slice(0, eq))
        raw.push({ name, part })
        if (!(name in values)) values[name] = eq < 0 ? '' : decode(part.slice(eq + 1))
    }
    return { values, raw }
}

function refuseNotEmulatedParams(values: Record<string, string>): void {
    for (const [name, refused] of Object.entries(NOT_EMULATED_PARAMS)) if (name in values && refused(values[name])) notEmulated(`Table API parameter ${name}=${values[name]}`)
}

/** The column a dot-walked path ends on, with the table holding it; null when a step is not a reference or unknown. */
function resolvePath(store: Store, table: string, path: string): { table: string; column: ColumnDef; steps: Array<{ table: string; column: ColumnDef }> } | null {
    const steps: Array<{ table: string; column: ColumnDef }> = []
    let current = table
    const names = path.split('.')
    for (let i = 0; i < names.length; i++) {
        const column = store.hasTable(current) ? store.column(current, names[i]) : undefined
        if (!column) return null
        steps.push({ table: current, column })
        if (i < names.length - 1) {
            if (!column.reference) return null
            current = column.reference
        }
    }
    return { table: steps[steps.length - 1].table, column: steps[steps.length - 1].column, steps }
}

/**
 * Query ACLs (Washington DC+): query_match / query_range ACLs on the field decide when there are any (in the
 * field ACL order); otherwise the field's read ACLs decide. Password fields are
 * never returned by the Table API, so nobody may filter on them either.
 */
function mayQueryField(store: Store, table: string, column: ColumnDef, operation: 'query_match' | 'query_range', user: { sysId: string; userName: string }): boolean {
    if (HIDDEN_TYPES.has(column.type)) return false
    const held = sessionRoles(store, user.sysId)
    const tables = [...(store.hasTable(table) ? store.ancestors(table) : [table]), '*']
    // The documented field ACL order ("ACL rule types"): table.field, parent.field, *.field, table.*, parent.*, *.*.
    for (const name of [...tables.map((t) => `${t}.${column.name}`), ...tables.map((t) => `${t}.*`)]) {
        const acls = aclRecords(store, name, operation).filter((a) => a.type?.toLowerCase() === 'record' && a.active !== 'false' && a.active !== '0')
        if (acls.length === 0) continue
        if (acls.some((a) => (a.condition ?? '').trim() !== '' || (a.script ?? '').trim() !== '')) notEmulated(`a ${operation} ACL with a condition or script (${name})`)
        // As record ACLs: a deny-unless ACL the caller fails denies, else any allow ACL passing grants.
        const passes = (a: (typeof acls)[number]) => passesRoles(held, aclRoles(store, a.sys_id!), (role) => isElevatedRole(store, role))
        const deny = acls.filter((a) => a.decision_type === 'deny')
        if (deny.some((a) => !passes(a))) return false
        const allow = acls.filter((a) => a.decision_type !== 'deny')
        return allow.length === 0 || allow.some(passes)
    }
    return canReadField(store, table, column.name, user)
}


/** False when any condition or ORDERBY names a field (or a dot-walk step) the caller may not query. */
function mayRunQuery(store: Store, table: string, encoded: string, pairs: Array<[string, string]>, user: RequestUser): boolean {
    const query = parseEncodedQuery(encoded)
    const uses: Array<[string, 'query_match' | 'query_range']> = [
        ...query.blocks.flat(2).map((c): [string, 'query_match' | 'query_range'] => [c.field, MATCH_OPERATORS.has(c.op) ? 'query_match' : 'query_range']),
        ...query.orderBy.map((o): [string, 'query_range'] => [o.field, 'query_range']),
        ...pairs.map(([field]): [string, 'query_match'] => [field, 'query_match']),
    ]
    for (const [path, operation] of uses) {
        const resolved = resolvePath(store, table, path)
        if (!resolved) continue // an invalid field: the query layer's concern (dropped, or thrown in strict mode)
        if (!resolved.steps.every((s) => mayQueryField(store, s.table, s.column, operation, user))) return false
    }
    return true
}

/** ORDERBY / ORDERBYDESC on a field the table does not have is dropped, as instances ignore it. */
function withoutUnknownOrdering(store: Store, table: string, encoded: string): string {
    return encoded
        .split('^')
        .filter((part) => {
            const ordering = /^ORDERBY(?:DESC)?(.*)$/.exec(part)
            return !ordering || resolvePath(store, table, ordering[1]) !== null
        })
        .join('^')
}

interface Serializer {
    (gr: GlideRecordSecure): Record<string, FieldOut>
}

function serializer(ctx: InstanceContext, request: FastifyRequest, user: RequestUser, table: string, values: Record<string, string>, apiPrefix: string): Serializer {
    const store = ctx.runtime.store
    // Read case-insensitively like the boolean parameters: clients send 'True' (Python's str(True)).
    const displayValue = (values.sysparm_display_value ?? '').toLowerCase()
    const mode: DisplayMode = displayValue === 'true' || displayValue === 'all' ? displayValue : 'false'
    const wanted = values.sysparm_fields
        ? values.sysparm_fields
              .split(',')
              .map((f) => f.trim())
              .filter(Boolean)
        : null
    const noLinks = isTrueParameter(values.sysparm_exclude_reference_link)
    const base = `${request.protocol}://${request.headers.host ?? 'localhost'}${apiPrefix}`
    const sessionUser = { sysId: user.sysId, userName: user.userName }

    /** One field of a record as the Table API shows it; undefined when the caller may not see it. */
    const field = (gr: GlideRecordSecure, path: string[]): FieldOut | undefined => {
        const recordTable = gr.getTableName()
        const col = store.column(recordTable, path[0])
        if (!col || HIDDEN_TYPES.has(col.type) || !canReadField(store, recordTable, path[0], sessionUser)) return undefined
        const raw = gr.getValue(path[0])
        if (path.length > 1) {
            if (!col.reference) return undefined
            const referenced = new GlideRecordSecure(col.reference)
            // Through an empty or unreadable reference the dot-walked field is empty.
            if (!raw || !referenced.get(raw)) return mode === 'all' ? { display_value: '', value: '' } : ''
            return field(referenced, path.slice(1))
        }
        const value = raw === null ? '' : col.type === 'boolean' ? booleanText(raw) : raw
        const display = mode === 'false' ? '' : col.type === 'boolean' ? value : gr.getDisplayValue(path[0])
        const link = col.reference && value && !noLinks ? `${base}/${col.reference}/${value}` : undefined
        if (mode === 'true') return link ? { display_value: display, link } : display
        if (mode === 'all') return link ? { display_value: display, value, link } : { display_value: display, value }
        return link ? { link, value } : value
    }

    return (gr) => {
        const out: Record<string, FieldOut> = {}
        for (const name of wanted ?? [...store.columns(table).keys()]) {
            const shown = field(gr, name.split('.'))
            if (shown !== undefined) out[name] = shown
        }
        return out
    }
}

/** The record of a POST/PUT/PATCH body; an array's first record (KB0534905: the rest are ignored); null when not JSON. */
function recordBody(request: FastifyRequest): Record<string, unknown> | null {
    const text = typeof request.body === 'string' ? request.body : ''
    if (text.trim() === '') return {}
    try {
        const parsed: unknown = JSON.parse(text)
        const record = Array.isArray(parsed) ? (parsed[0] ?? {}) : parsed
        return record && typeof record === 'object' && !Array.isArray(record) ? (record as Record<string, unknown>) : null
    } catch {
        return null
    }
}

/** Time zones in which a date-time display value is the stored (UTC) value. */
const UTC_ZONES = new Set(['', 'GMT', 'UTC', 'Etc/UTC', 'Etc/GMT'])

function assign(store: Store, user: RequestUser, gr: GlideRecordSecure, body: Record<string, unknown>, asDisplayValues: boolean): void {
    for (const [name, given] of Object.entries(body)) {
        if (SYSTEM_FIELDS.has(name) || !gr.isValidField(name)) continue
        // A field whose write ACL refuses the caller keeps its value; the rest of the record is written (local choice:
        // the docs do not say what the Table API answers; the form shows such a field read-only).
        if (fieldAclDecision(store, gr.getTableName(), name, 'write', user) === false) continue
        const value = given !== null && typeof given === 'object' && 'value' in given ? (given as { value: unknown }).value : given
        if (asDisplayValues && value !== null && value !== undefined) {
            // KB0534905: a date-time display value is in the user's time zone; the local instance converts none.
            const zone = store.getRow('sys_user', user.sysId)?.time_zone ?? ''
            if (store.column(gr.getTableName(), name)?.type.includes('date') && !UTC_ZONES.has(zone)) notEmulated(`sysparm_input_display_value for a date-time of a user in time zone ${zone}`)
            gr.getElement(name)!.setDisplayValue(String(value))
        } else gr.setValue(name, value === null || value === undefined ? null : String(value))
    }
}

/**
 * The Link header as instances send it: the request URL with its parameters as given, sysparm_limit and
 * sysparm_offset replaced in place or appended; rel first, prev (offset - limit, sent even on the first
 * page), next (while rows remain) and last, comma-separated without spaces.
 */
function pagingLinks(base: string, raw: RequestParams['raw'], offset: number, limit: number, total: number): string {
    const url = (at: number) => {
        const parts = raw.map(({ name, part }) => (name === 'sysparm_offset' ? `sysparm_offset=${at}` : name === 'sysparm_limit' ? `sysparm_limit=${limit}` : part))
        if (!raw.some((r) => r.name === 'sysparm_limit')) parts.push(`sysparm_limit=${limit}`)
        if (!raw.some((r) => r.name === 'sysparm_offset')) parts.push(`sysparm_offset=${at}`)
        return `<${base}?${parts.join('&')}>`
    }
    const last = Math.max(0, Math.floor((total - 1) / limit) * limit)
    const links = [`${url(0)};rel="first"`, `${url(offset - limit)};rel="prev"`]
    if (offset + limit < total) links.push(`${url(offset + limit)};rel="next"`)
    links.push(`${url(last)};rel="last"`)
    return links.join(',')
}

/** JSON unless the caller accepts only other types: XML is documented but not emulated. */
function refuseUnacceptable(request: FastifyRequest, reply: FastifyReply): FastifyReply | null {
    const accept = request.headers.accept
    if (!accept) return null
    const types = accept.split(',').map((t) => t.split(';')[0].trim().toLowerCase())
    if (types.some((t) => t === 'application/json' || t === '*/*' || t === 'application/*' || t === '')) return null
    if (types.some((t) => t === 'application/xml' || t === 'text/xml')) return sendFailure(reply, 406, new NotEmulated('Table API XML responses (Accept: application/xml)').message, null)
    return sendFailure(reply, 406, M.notAcceptable.text, `Accept: ${accept}`)
}

/**
 * The body of a POST / PUT / PATCH is JSON when its Content-Type says so or when there is none (the documented
 * default, application/json); XML is documented but not emulated; any other type is refused with 415.
 */
function refuseUnsupportedBody(request: FastifyRequest, reply: FastifyReply): FastifyReply | null {
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
    if (type === '' || type === 'application/json') return null
    if (type === 'application/xml' || type === 'text/xml') notEmulated(`Table API XML request bodies (Content-Type: ${type})`)
    return sendFailure(reply, 415, M.unsupportedContentType.text, null)
}

/**
 * A write that did not happen: 403 when a before business rule aborted it ("REST API HTTP response codes") or the
 * incident data policy refused it (GlideRecord's data policy engine: 403 "Operation Failed" with the "Data Policy
 * Exception" detail, as instances answer), else 400.
 */
function writeFailed(reply: FastifyReply, gr: GlideRecordSecure, fallback: string): FastifyReply {
    if (gr.isActionAborted()) return sendFailure(reply, 403, M.operationFailed.text, M.abortedByBusinessRule.text(gr.getTableName()))
    if (isDataPolicyException(gr.getLastErrorMessage())) return sendFailure(reply, 403, M.operationFailed.text, gr.getLastErrorMessage())
    return sendFailure(reply, 400, M.operationFailed.text, gr.getLastErrorMessage() || fallback)
}

function sendResult(reply: FastifyReply, status: number, result: unknown): FastifyReply {
    return reply.code(status).header('content-type', JSON_TYPE).send(JSON.stringify({ result }))
}

export function handleTableApi(ctx: InstanceContext, request: FastifyRequest, reply: FastifyReply, user: RequestUser, table: string, sysId: string | undefined, apiPrefix: string): FastifyReply {
    const store = ctx.runtime.store
    const method = request.method.toUpperCase()
    const unacceptable = refuseUnacceptable(request, reply)
    if (unacceptable) return unacceptable
    if (!store.hasTable(table)) return sendFailure(reply, 400, M.invalidTable.text(table), null)
    const dbObject = tableRecord(store, table)
    if (dbObject?.ws_access === '0' || dbObject?.ws_access === 'false') return sendFailure(reply, 403, NOT_AUTHORIZED, M.wsAccessDenied.text(table))
    const { values, raw } = requestParams(request.url)
    refuseNotEmulatedParams(values)
    const serialize = serializer(ctx, request, user, table, values, apiPrefix)
    return asUser(ctx, user, () => {
        if (method === 'GET' && !sysId) {
            const pairs = raw.filter(({ name }) => !name.startsWith('sysparm_') && store.column(table, name)).map(({ name }): [string, string] => [name, values[name]])
            if (pairs.length && values.sysparm_query) notEmulated('Table API name-value pair filters together with sysparm_query')
            // The docs let a pair on a choice or reference field name a display value; that, and several pairs, are not emulated.
            if (pairs.length > 1) notEmulated('Table API filters with more than one name-value pair')
            for (const [name] of pairs) {
                if (store.column(table, name)?.reference || new GlideRecordSecure(table).getElement(name)?.getChoices().length) notEmulated(`Table API name-value pair filter on the choice or reference field ${name}`)
            }
            const encoded = withoutUnknownOrdering(store, table, values.sysparm_query ?? '')
            const offset = Math.max(0, Math.trunc(Number(values.sysparm_offset)) || 0)
            const limit = values.sysparm_limit !== undefined && Number(values.sysparm_limit) >= 0 ? Math.trunc(Number(values.sysparm_limit)) : DEFAULT_LIMIT
            const rows: Record<string, FieldOut>[] = []
            let total = 0
            if (mayRunQuery(store, table, encoded, pairs, user)) {
                // The Table API pages the query first and applies read ACLs to the page afterwards ("This limit is
                // applied before ACL evaluation"): a page may hold fewer rows than sysparm_limit, and X-Total-Count
                // counts every match.
                const matches = new GlideRecord(table)
                if (encoded) matches.addEncodedQuery(encoded)
                for (const [name, value] of pairs) matches.addQuery(name, value)
                matches.query()
                while (matches.next()) {
                    if (total >= offset && total < offset + limit) {
                        const readable = new GlideRecordSecure(table)
                        if (readable.get(matches.getUniqueValue())) rows.push(serialize(readable))
                    }
                    total++
                }
            }
            // Version 1 answers an empty result with 404, later versions (and the unversioned URL, the latest) with 200 and [].
            if (rows.length === 0 && apiPrefix === V1_PREFIX) return sendFailure(reply, 404, M.noRecord.text, M.noRecordsMatching.detail)
            reply.header('x-total-count', String(total))
            const onePage = offset === 0 && total <= limit
            if (!isTrueParameter(values.sysparm_suppress_pagination_header) && limit > 0 && !onePage) {
                reply.header('link', pagingLinks(`${request.protocol}://${request.headers.host ?? 'localhost'}${request.url.split('?')[0]}`, raw, offset, limit, total))
            }
            return sendResult(reply, 200, rows)
        }
        const asDisplayValues = isTrueParameter(values.sysparm_input_display_value)
        if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
            const unsupported = refuseUnsupportedBody(request, reply)
            if (unsupported) return unsupported
        }
        if (method === 'POST' && !sysId) {
            const body = recordBody(request)
            if (!body) return sendFailure(reply, 400, M.badPayload.text, M.badPayload.detail)
            const gr = new GlideRecordSecure(table)
            if (!gr.canCreate()) return sendFailure(reply, 403, M.operationFailed.text, M.aclInsert.text)
            gr.initialize()
            assign(store, user, gr, body, asDisplayValues)
            const id = gr.insert()
            if (!id) return writeFailed(reply, gr, 'Insert failed')
            const created = new GlideRecordSecure(table)
            created.get(id)
            return sendResult(reply.header('location', `${request.protocol}://${request.headers.host ?? 'localhost'}${apiPrefix}/${table}/${id}`), 201, serialize(created))
        }
        if (!sysId) return sendFailure(reply, 405, M.methodNotAllowed.text, `${method} is not supported on a table; name a record`)
        const gr = new GlideRecordSecure(table)
        if (!gr.get(sysId)) return sendFailure(reply, 404, M.noRecord.text, M.noRecord.detail)
        if (method === 'GET') return sendResult(reply, 200, serialize(gr))
        if (method === 'PATCH' || method === 'PUT') {
            const body = recordBody(request)
            if (!body) return sendFailure(reply, 400, M.badPayload.text, M.badPayload.detail)
            if (!gr.canWrite()) return sendFailure(reply, 403, M.operationFailed.text, M.aclUpdate.text)
            assign(store, user, gr, body, asDisplayValues)
            if (!gr.update()) return writeFailed(reply, gr, 'Update failed')
            const updated = new GlideRecordSecure(table)
            updated.get(sysId)
            return sendResult(reply, 200, serialize(updated))
        }
        if (method === 'DELETE') {
            if (!gr.canDelete()) return sendFailure(reply, 403, M.operationFailed.text, M.aclDelete.text)
            if (!gr.deleteRecord()) return writeFailed(reply, gr, 'Delete failed')
            return reply.code(204).send()
        }
        return sendFailure(reply, 405, M.methodNotAllowed.text, `${method} is not supported`)
    })
}
