/**
 * The Table API, /api/now/table/{table}[/{sys_id}] (also /api/now/v1/... and /api/now/v2/...), through
 * GlideRecordSecure as the caller: a user sees and changes what the ACLs let them.
 *
 *   GET    list: sysparm_query (encoded query, ORDERBY...), sysparm_fields, sysparm_limit (default 10000),
 *          sysparm_offset, sysparm_display_value (false | true | all), sysparm_exclude_reference_link;
 *          rows the user may not read are left out; X-Total-Count header
 *   GET    one: 404 "No Record found" when missing or not readable
 *   POST   create (201); PATCH / PUT update; DELETE (204); refused by ACL → 403 "Operation Failed"
 *   Responses: {"result": [...]} / {"result": {...}}; values as strings, booleans 'true'/'false',
 *   references {link, value}; password fields are never returned; invalid table → 400 "Invalid table <name>".
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { GlideRecordSecure } from '../glide/GlideRecord.ts'
import { canReadField } from '../security/acl.ts'
import type { ColumnDef } from '../store/store.ts'
import { asUser, type InstanceContext, type RequestUser } from './context.ts'
import { sendFailure } from './envelope.ts'

type DisplayMode = 'false' | 'true' | 'all'
type FieldOut = string | { value?: string; link?: string; display_value?: string }

const HIDDEN_TYPES = new Set(['password', 'password2'])

function params(url: string): Record<string, string> {
    // No prototype: sysparm names are looked up with `in`, so toString must not count as given.
    const out: Record<string, string> = Object.create(null)
    const q = url.indexOf('?')
    if (q >= 0) for (const [k, v] of new URLSearchParams(url.slice(q + 1))) if (!(k in out)) out[k] = v
    return out
}

function stringValue(col: ColumnDef, raw: string | null): string {
    if (raw === null) return ''
    if (col.type === 'boolean') return raw === '1' || raw === 'true' ? 'true' : 'false'
    return raw
}

interface Serializer {
    (gr: GlideRecordSecure): Record<string, FieldOut>
}

function serializer(ctx: InstanceContext, request: FastifyRequest, user: RequestUser, query: Record<string, string>): Serializer {
    const store = ctx.runtime.store
    const mode = (['true', 'all'].includes(query.sysparm_display_value ?? '') ? query.sysparm_display_value : 'false') as DisplayMode
    const wanted = query.sysparm_fields
        ? query.sysparm_fields
              .split(',')
              .map((f) => f.trim())
              .filter(Boolean)
        : null
    const noLinks = query.sysparm_exclude_reference_link === 'true'
    const base = `${request.protocol}://${request.headers.host ?? 'localhost'}`
    const sessionUser = { sysId: user.sysId, userName: user.userName }
    return (gr) => {
        const cls = gr.getRecordClassName() || gr.getTableName()
        const columns = store.columns(cls)
        const out: Record<string, FieldOut> = {}
        for (const name of wanted ?? [...columns.keys()]) {
            const col = columns.get(name)
            if (!col || HIDDEN_TYPES.has(col.type)) continue
            if (!canReadField(store, cls, name, sessionUser)) continue
            const value = stringValue(col, gr.getValue(name))
            const display = mode === 'false' ? '' : col.type === 'boolean' ? value : (gr.getDisplayValue(name) ?? '')
            const link = col.reference && value && !noLinks ? `${base}/api/now/table/${col.reference}/${value}` : undefined
            if (mode === 'true') out[name] = link ? { display_value: display, link } : display
            else if (mode === 'all') out[name] = link ? { display_value: display, value, link } : { display_value: display, value }
            else out[name] = link ? { link, value } : value
        }
        return out
    }
}

function jsonBody(request: FastifyRequest): Record<string, unknown> | null {
    const text = typeof request.body === 'string' ? request.body : ''
    if (text.trim() === '') return {}
    try {
        const parsed = JSON.parse(text)
        return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : null
    } catch {
        return null
    }
}

function assign(gr: GlideRecordSecure, body: Record<string, unknown>): void {
    for (const [field, value] of Object.entries(body)) {
        if (['sys_id', 'sys_class_name', 'sys_created_on', 'sys_created_by', 'sys_updated_on', 'sys_updated_by', 'sys_mod_count'].includes(field)) continue
        if (!gr.isValidField(field)) continue
        const v = value !== null && typeof value === 'object' && 'value' in (value as object) ? (value as { value: unknown }).value : value
        gr.setValue(field, v === null ? null : String(v))
    }
}

const NO_RECORD = ['No Record found', "Record doesn't exist or ACL restricts the record retrieval"] as const

export function handleTableApi(ctx: InstanceContext, request: FastifyRequest, reply: FastifyReply, user: RequestUser, table: string, sysId: string | undefined): FastifyReply {
    const store = ctx.runtime.store
    const method = request.method.toUpperCase()
    if (!store.hasTable(table)) return sendFailure(reply, 400, `Invalid table ${table}`, null)
    const dbObject = store.get(`SELECT ws_access FROM ${store.sqlTable('sys_db_object')} WHERE name = ? LIMIT 1`, [table])
    if (dbObject?.ws_access === '0' || dbObject?.ws_access === 'false') return sendFailure(reply, 403, 'User Not Authorized', `Web service access to table ${table} is not allowed (sys_db_object.ws_access)`)
    const query = params(request.url)
    const serialize = serializer(ctx, request, user, query)
    return asUser(ctx, user, () => {
        if (method === 'GET' && !sysId) {
            const gr = new GlideRecordSecure(table)
            if (query.sysparm_query) gr.addEncodedQuery(query.sysparm_query)
            gr.query()
            const rows: Record<string, FieldOut>[] = []
            const offset = Math.max(0, Number(query.sysparm_offset) || 0)
            const limit = query.sysparm_limit !== undefined && Number(query.sysparm_limit) >= 0 ? Number(query.sysparm_limit) : 10000
            let index = 0
            while (gr.next()) {
                if (index >= offset && rows.length < limit) rows.push(serialize(gr))
                index++
            }
            return reply.header('x-total-count', String(index)).send({ result: rows })
        }
        if (method === 'POST' && !sysId) {
            const body = jsonBody(request)
            if (!body) return sendFailure(reply, 400, 'Exception while reading request', 'The payload is not valid JSON')
            const gr = new GlideRecordSecure(table)
            if (!gr.canCreate()) return sendFailure(reply, 403, 'Operation Failed', 'ACL Exception Insert Failed due to security constraints')
            gr.initialize()
            assign(gr, body)
            const id = gr.insert()
            if (!id) return sendFailure(reply, 400, 'Operation Failed', gr.getLastErrorMessage() || 'Insert failed')
            const created = new GlideRecordSecure(table)
            created.get(id)
            return reply.code(201).header('location', `/api/now/table/${table}/${id}`).send({ result: serialize(created) })
        }
        if (!sysId) return sendFailure(reply, 405, 'Method not Supported', `${method} is not supported on a table; name a record`)
        const gr = new GlideRecordSecure(table)
        if (!gr.get(sysId)) return sendFailure(reply, 404, NO_RECORD[0], NO_RECORD[1])
        if (method === 'GET') return reply.send({ result: serialize(gr) })
        if (method === 'PATCH' || method === 'PUT') {
            const body = jsonBody(request)
            if (!body) return sendFailure(reply, 400, 'Exception while reading request', 'The payload is not valid JSON')
            if (!gr.canWrite()) return sendFailure(reply, 403, 'Operation Failed', 'ACL Exception Update Failed due to security constraints')
            assign(gr, body)
            if (!gr.update()) return sendFailure(reply, 400, 'Operation Failed', gr.getLastErrorMessage() || 'Update failed')
            const updated = new GlideRecordSecure(table)
            updated.get(sysId)
            return reply.send({ result: serialize(updated) })
        }
        if (method === 'DELETE') {
            if (!gr.canDelete()) return sendFailure(reply, 403, 'Operation Failed', 'ACL Exception Delete Failed due to security constraints')
            if (!gr.deleteRecord()) return sendFailure(reply, 400, 'Operation Failed', 'Delete failed')
            return reply.code(204).send()
        }
        return sendFailure(reply, 405, 'Method not Supported', `${method} is not supported`)
    })
}
