import '@servicenow/sdk/global'
import { IntegerColumn, ReferenceColumn, StringColumn, Table } from '@servicenow/sdk/core'

// One row per connector API call. Never holds a secret or a token; purged after the retention period.
export const x_mioms_m365ticket_api_log = Table({
    name: 'x_mioms_m365ticket_api_log',
    label: 'Microsoft 365 Connector API Log',
    schema: {
        route: StringColumn({ label: 'Route', maxLength: 100 }),
        method: StringColumn({ label: 'Method', maxLength: 10 }),
        http_status: IntegerColumn({ label: 'HTTP status' }),
        connection: ReferenceColumn({
            label: 'Connection',
            referenceTable: 'x_mioms_m365ticket_connection',
        }),
        caller: ReferenceColumn({ label: 'Caller', referenceTable: 'sys_user' }),
        tenant_id: StringColumn({ label: 'Tenant ID', maxLength: 64 }),
        task_id: StringColumn({ label: 'Task ID', maxLength: 64 }),
        ticket_number: StringColumn({ label: 'Ticket number', maxLength: 40 }),
        duration_ms: IntegerColumn({ label: 'Duration (ms)' }),
        error_message: StringColumn({ label: 'Error message', maxLength: 1000 }),
    },
    allowWebServiceAccess: true,
    accessibleFrom: 'public',
    actions: ['read'],
})
