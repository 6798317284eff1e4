// Calling a Scripted REST handler in-process as a user, and reading a table's rows, on a Glide
// runtime: shared by the connector and setup test harnesses. The handler runs from the sources, in the
// app's scope as on the instance; the runtime's business rules are the built app's (see appRuntime).
import { GlideRecord } from '@servicenow/glide'
import type { RESTAPIRequest, RESTAPIResponse } from '@servicenow/glide/sn_ws_int'
import { createRestRequest, invokeRestHandler } from '../../emulator/instance/glide/rest.ts'
import { createInstance } from '../../emulator/instance/instance.ts'
import type { Runtime } from '../../emulator/instance/runtime.ts'

export type Handler = (request: RESTAPIRequest, response: RESTAPIResponse) => void

export interface CallOptions {
    body?: unknown
    rawBody?: string
    /** A parameter given as an array is sent once per value (?a=1&a=2). */
    query?: { [name: string]: string | string[] }
    pathParams?: { [name: string]: string }
    as?: string
}

export interface CallResult {
    status: number
    headers: { [name: string]: string }
    json: any
    raw: string
}

export type Call = (handler: Handler, method: string, path: string, options?: CallOptions) => CallResult
export type Rows = (table: string, query?: string) => { [field: string]: string | null }[]

/** A fresh in-memory instance's runtime: the built app with its security and business rules, active for the Glide API. */
export function appRuntime(): Runtime {
    return createInstance({ dbPath: ':memory:' }).runtime
}

/** Calls handlers of the API at `apiBase`, as `defaultUser` unless a call names another. */
export function handlerCaller(runtime: Runtime, apiBase: string, defaultUser: string): Call {
    return (handler, method, path, options = {}) => {
        const query = options.query || {}
        const queryParams: { [name: string]: string[] } = {}
        for (const [name, value] of Object.entries(query)) queryParams[name] = Array.isArray(value) ? value : [value]
        const body = options.rawBody !== undefined ? options.rawBody : options.body === undefined ? '' : JSON.stringify(options.body)
        const request = createRestRequest({
            method,
            path: apiBase + path,
            pathParams: options.pathParams || {},
            queryParams,
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body,
        })
        const result = runtime.runAs(options.as || defaultUser, () => runtime.runInScope(runtime.scope, () => invokeRestHandler(handler, request)))
        const headers: { [name: string]: string } = {}
        for (const name of Object.keys(result.headers)) headers[name.toLowerCase()] = String(result.headers[name])
        return { status: result.status, headers, json: result.body ? JSON.parse(result.body) : null, raw: result.body || '' }
    }
}

/** Every field of the rows matching an encoded query, read as admin. */
export function tableRows(runtime: Runtime): Rows {
    return (table, query = '') =>
        runtime.runAs('admin', () => {
            const record = new GlideRecord(table)
            if (query) record.addEncodedQuery(query)
            record.query()
            const out: { [field: string]: string | null }[] = []
            while (record.next()) {
                const row: { [field: string]: string | null } = {}
                for (const element of record.getElements()) row[element.getName()] = record.getValue(element.getName())
                out.push(row)
            }
            return out
        })
}
