// Test harness for the connector's domain and REST handlers: a fresh Glide runtime on SQLite
// (:memory:) with the built app's schema, users, and a way to call a handler as a user.
import { GlideRecord } from '@servicenow/glide'
import type { Runtime } from '../../emulator/instance/runtime.ts'
import { appRuntime, handlerCaller, tableRows, type Call, type CallOptions, type CallResult, type Handler } from './handler-calls.ts'

export { OTHER_TENANT, TENANT, taskBody } from './task-body.ts'
import { CONNECTOR_API as API } from './api-paths.ts'

export { API }

export type { CallOptions, CallResult, Handler }

export interface Harness {
    runtime: Runtime
    integrationUser: string
    otherIntegrationUser: string
    call: Call
    count(table: string, query?: string): number
    rows(table: string, query?: string): { [field: string]: string | null }[]
    /** A refresh token issued to the user, as the instance's OAuth provider stores it in oauth_credential. */
    addRefreshToken(user: string, token: string, expires?: string): void
}

export function createHarness(): Harness {
    const runtime = appRuntime()
    const integrationUser = runtime.createUser({ user_name: 'm365.integration', roles: ['x_mioms_m365ticket.integration'] })
    const otherIntegrationUser = runtime.createUser({ user_name: 'm365.other', roles: ['x_mioms_m365ticket.integration'] })

    const call = handlerCaller(runtime, API, integrationUser)
    const rows = tableRows(runtime)

    return {
        runtime,
        integrationUser,
        otherIntegrationUser,
        call,
        rows,
        count: (table: string, query = '') => rows(table, query).length,
        addRefreshToken: (user: string, token: string, expires?: string) =>
            runtime.runAs('admin', () => {
                const credential = new GlideRecord('oauth_credential')
                credential.initialize()
                credential.setValue('user', user)
                credential.setValue('type', 'refresh_token')
                credential.setValue('token', token)
                if (expires) credential.setValue('expires', expires)
                credential.insert()
            }),
    }
}
