// Test harness for the connector's domain and REST handlers: a fresh Glide runtime on SQLite
// (:memory:) with the built app's schema, users, and a way to call a handler as a user.
import { GlideRecord } from '@servicenow/glide'
import type { Runtime } from '../../emulator/instance/runtime.ts'
import { appRuntime, handlerCaller, tableRows, type Call, type CallOptions, type CallResult, type Handler } from './handler-calls.ts'

export { OTHER_TENANT, TENANT, taskBody } from './task-body.ts'
import { CONNECTOR_API as API } from './api-paths.ts'
import { CLIENT_MARKER } from '../../src/server/setup/oauth-client.ts'

export { API }

export type { CallOptions, CallResult, Handler }

export interface Harness {
    runtime: Runtime
    integrationUser: string
    otherIntegrationUser: string
    call: Call
    count(table: string, query?: string): number
    rows(table: string, query?: string): { [field: string]: string | null }[]
    /** The OAuth client the checklist made (oauth_entity, marked as the checklist marks it): Microsoft 365's. */
    appClient: string
    /** Another OAuth client of the instance, whose tokens are none of the app's business. */
    otherClient: string
    /**
     * A refresh token issued to the user, as the platform stores it in oauth_credential: peer names the OAuth client
     * (the app's unless another is given).
     */
    addRefreshToken(user: string, token: string, options?: { expires?: string; client?: string }): void
    /** An admin allows other scopes to delete oauth_credential rows (Application Access, Can delete: false out of the box). */
    allowTokenDeletes(): void
    /** Runs fn as code of the app's scope, as the app's scripts run, as the current user. */
    inScope<T>(fn: () => T): T
    /** Runs fn as the admin, in the app's scope. */
    inApp<T>(fn: () => T): T
    /** Inserts a record as the admin (GlideRecord, business rules included) and answers its sys_id. */
    insertAsAdmin(table: string, values: { [field: string]: string }): string
}

function addClient(runtime: Runtime, name: string, comments: string): string {
    return runtime.runAs('admin', () => {
        const client = new GlideRecord('oauth_entity')
        client.initialize()
        client.setValue('name', name)
        client.setValue('client_id', name.toLowerCase().replace(/\W+/g, '-'))
        client.setValue('comments', comments)
        const sysId = client.insert()
        if (!sysId) throw new Error('The OAuth client ' + name + ' could not be created')
        return sysId
    })
}

export function createHarness(): Harness {
    const runtime = appRuntime()
    const integrationUser = runtime.createUser({ user_name: 'm365.integration', roles: ['x_mioms_m365ticket.integration'] })
    const otherIntegrationUser = runtime.createUser({ user_name: 'm365.other', roles: ['x_mioms_m365ticket.integration'] })

    const appClient = addClient(runtime, 'Microsoft 365 Ticketing Connector', CLIENT_MARKER)
    const otherClient = addClient(runtime, 'Another integration', '')
    const call = handlerCaller(runtime, API, integrationUser)
    const rows = tableRows(runtime)

    return {
        runtime,
        integrationUser,
        otherIntegrationUser,
        call,
        rows,
        count: (table: string, query = '') => rows(table, query).length,
        inScope: (fn) => runtime.runInScope(runtime.scope, fn),
        inApp: (fn) => runtime.runAs('admin', () => runtime.runInScope(runtime.scope, fn)),
        insertAsAdmin: (table, values) =>
            runtime.runAs('admin', () => {
                const record = new GlideRecord(table)
                record.initialize()
                for (const [name, value] of Object.entries(values)) record.setValue(name, value)
                return record.insert() as string
            }),
        appClient,
        otherClient,
        addRefreshToken: (user: string, token: string, options: { expires?: string; client?: string } = {}) =>
            runtime.runAs('admin', () => {
                const credential = new GlideRecord('oauth_credential')
                credential.initialize()
                credential.setValue('peer', options.client ?? appClient)
                credential.setValue('user', user)
                credential.setValue('type', 'refresh_token')
                credential.setValue('token', token)
                if (options.expires) credential.setValue('expires', options.expires)
                credential.insert()
            }),
        allowTokenDeletes: () =>
            runtime.runAs('admin', () => {
                const table = new GlideRecord('sys_db_object')
                if (!table.get('name', 'oauth_credential')) throw new Error('oauth_credential has no sys_db_object record')
                table.setValue('delete_access', 'true')
                table.update()
            }),
    }
}
