import '@servicenow/sdk/global'
import {
    ChoiceColumn,
    DateTimeColumn,
    ReferenceColumn,
    StringColumn,
    Table,
} from '@servicenow/sdk/core'

// One row per connected Microsoft 365 tenant.
export const x_mioms_m365ticket_connection = Table({
    name: 'x_mioms_m365ticket_connection',
    label: 'Microsoft 365 Connection',
    display: 'tenant_name',
    schema: {
        tenant_id: StringColumn({ label: 'Tenant ID', maxLength: 36, mandatory: true }),
        tenant_name: StringColumn({ label: 'Tenant name', maxLength: 256 }),
        integration_user: ReferenceColumn({ label: 'Integration user', referenceTable: 'sys_user' }),
        oauth_client: ReferenceColumn({ label: 'OAuth client', referenceTable: 'oauth_entity' }),
        status: ChoiceColumn({
            label: 'Status',
            choices: {
                pending: { label: 'Pending', sequence: 10 },
                connected: { label: 'Connected', sequence: 20 },
                error: { label: 'Error', sequence: 30 },
                disconnected: { label: 'Disconnected', sequence: 40 },
            },
            default: 'pending',
            dropdown: 'dropdown_without_none',
        }),
        connected_by: StringColumn({ label: 'Connected by (Microsoft 365 user)', maxLength: 254 }),
        connected_at: DateTimeColumn({ label: 'Connected at' }),
        last_contact_at: DateTimeColumn({ label: 'Last contact at' }),
        last_error: StringColumn({ label: 'Last error', maxLength: 1000 }),
        // JSON object {change: {value: label}, incident: {value: label}} set by PUT /state-names, read by the connector.
        state_names: StringColumn({ label: 'Custom state names (connector data)', maxLength: 4000 }),
        // The same names for people, one per line ("Change request: Assess → Under review"), kept by the business
        // rule "Describe custom state names"; the form shows this one.
        custom_state_names: StringColumn({ label: 'Custom state names', maxLength: 4000, readOnly: true }),
    },
    index: [{ name: 'tenant', element: 'tenant_id', unique: true }],
    allowWebServiceAccess: true,
    accessibleFrom: 'public',
    actions: ['read'],
})
