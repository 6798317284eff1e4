// Test harness for the connector's domain and REST handlers: a fresh Glide runtime on SQLite
// (:memory:) with the built app's schema, users, and a way to call a handler as a user.
import { GlideRecord } from '@servicenow/glide'
import type { RESTAPIRequest, RESTAPIResponse } from '@servicenow/glide/sn_ws_int'
import { createRestRequest, invokeRestHandler } from '../../emulator/instance/glide/rest.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'
import { taskBody, TEST_TENANT } from '../support/task-body.ts'

export { taskBody }

export const TENANT = TEST_TENANT
export const OTHER_TENANT = 'b1b2c3d4-0000-4000-8000-00000000beef'
export const API = '/api/x_mioms_m365ticket/v1/connector'

export type Handler = (request: RESTAPIRequest, response: RESTAPIResponse) => void

export interface CallOptions {
    body?: unknown
    rawBody?: string
    query?: { [name: string]: string }
    pathParams?: { [name: string]: string }
    as?: string
}

export interface CallResult {
    status: number
    headers: { [name: string]: string }
    json: any
}

export interface Harness {
    runtime: Runtime
    integrationUser: string
    otherIntegrationUser: string
    call(handler: Handler, method: string, path: string, options?: CallOptions): CallResult
    count(table: string, query?: string): number
    rows(table: string, query?: string): { [field: string]: string | null }[]
}

export function createHarness(): Harness {
    const runtime = createRuntime({ dbPath: ':memory:' })
    runtime.activate()
    const integrationUser = runtime.createUser({ user_name: 'm365.integration', roles: ['x_mioms_m365ticket.integration'] })
    const otherIntegrationUser = runtime.createUser({ user_name: 'm365.other', roles: ['x_mioms_m365ticket.integration'] })

    const call = (handler: Handler, method: string, path: string, options: CallOptions = {}): CallResult => {
        const query = options.query || {}
        const queryParams: { [name: string]: string[] } = {}
        for (const name of Object.keys(query)) queryParams[name] = [query[name]]
        const body = options.rawBody !== undefined ? options.rawBody : options.body === undefined ? '' : JSON.stringify(options.body)
        const request = createRestRequest({
            method,
            path: API + path,
            pathParams: options.pathParams || {},
            queryParams,
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body,
        })
        const result = runtime.runAs(options.as || integrationUser, () => invokeRestHandler(handler, request))
        const headers: { [name: string]: string } = {}
        for (const name of Object.keys(result.headers)) headers[name.toLowerCase()] = String(result.headers[name])
        return { status: result.status, headers, json: result.body ? JSON.parse(result.body) : null }
    }

    const rows = (table: string, query = '') =>
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

    return {
        runtime,
        integrationUser,
        otherIntegrationUser,
        call,
        rows,
        count: (table: string, query = '') => rows(table, query).length,
    }
}
