// Test harness for the setup API: a fresh runtime (SQLite :memory:, the built app), an admin of the
// connector, a user without it, and handler calls as either, like test/support/connector-harness.ts.
import { GlideRecord } from '@servicenow/glide'
import type { Runtime } from '../../emulator/instance/runtime.ts'
import { appRuntime, handlerCaller, tableRows, type Call, type CallOptions, type CallResult, type Handler } from './handler-calls.ts'

import { SETUP_API } from './api-paths.ts'

export { SETUP_API }
export { OTHER_TENANT, TENANT } from './task-body.ts'

export type { CallOptions, CallResult, Handler }

export interface SetupHarness {
    runtime: Runtime
    admin: string
    call: Call
    rows(table: string, query?: string): { [field: string]: string | null }[]
    count(table: string, query?: string): number
    /** Sets fields of the sys_db_object row of a table (cross-scope policy). */
    setTablePolicy(table: string, fields: { [field: string]: string }): void
    /** The OOB policy of oauth_entity: all scopes, can read, create, update. */
    allowOAuthTable(): void
}

export function createSetupHarness(): SetupHarness {
    const runtime = appRuntime()
    const admin = runtime.createUser({ user_name: 'm365.admin', first_name: 'Connector', last_name: 'Admin', roles: ['x_mioms_m365ticket.admin'] })

    const call = handlerCaller(runtime, SETUP_API, admin)
    const rows = tableRows(runtime)

    const setTablePolicy = (table: string, fields: { [field: string]: string }) =>
        runtime.runAs('admin', () => {
            const record = new GlideRecord('sys_db_object')
            if (!record.get('name', table)) throw new Error('no sys_db_object row for ' + table)
            for (const name of Object.keys(fields)) record.setValue(name, fields[name])
            record.update()
        })

    return {
        runtime,
        admin,
        call,
        rows,
        count: (table, query = '') => rows(table, query).length,
        setTablePolicy,
        allowOAuthTable: () => setTablePolicy('oauth_entity', { access: 'public', read_access: 'true', create_access: 'true', update_access: 'true' }),
    }
}
