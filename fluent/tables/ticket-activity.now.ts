import '@servicenow/sdk/global'
import { DateTimeColumn, ReferenceColumn, StringColumn, Table } from '@servicenow/sdk/core'

// A ticket's state and assignment history, one row per changed field, written by the app's own business rule
// (fluent/business-rules/record-ticket-history.now.ts). The platform's audit (sys_audit) is not used: the SDK
// ships no definition of it, it records only tables whose dictionary has Audit checked ("Viewing Sys Audit and
// Audit Relationship Change tables"), and no document grants a scoped application read access to it.
export const x_mioms_m365ticket_ticket_history = Table({
    name: 'x_mioms_m365ticket_ticket_history',
    label: 'Microsoft 365 Ticket History',
    schema: {
        ticket_table: StringColumn({ label: 'Ticket table', maxLength: 80 }),
        ticket: StringColumn({ label: 'Ticket sys_id', maxLength: 32 }),
        field: StringColumn({ label: 'Field', maxLength: 40 }),
        old_value: StringColumn({ label: 'Old value', maxLength: 255 }),
        new_value: StringColumn({ label: 'New value', maxLength: 255 }),
        old_display: StringColumn({ label: 'Old display value', maxLength: 255 }),
        new_display: StringColumn({ label: 'New display value', maxLength: 255 }),
        changed_by: StringColumn({ label: 'Changed by', maxLength: 100 }),
        changed_at: DateTimeColumn({ label: 'Changed at' }),
    },
    index: [{ name: 'ticket_changed', element: ['ticket', 'changed_at'], unique: false }],
    allowWebServiceAccess: true,
    accessibleFrom: 'public',
    actions: ['read'],
})

// One row per comment Microsoft 365 posted (POST /tickets/{number}/comments): its comment id makes a retry
// answer with the same journal entry, and a different text under the same id a conflict.
export const x_mioms_m365ticket_m365_comment = Table({
    name: 'x_mioms_m365ticket_m365_comment',
    label: 'Microsoft 365 Comment',
    schema: {
        connection: ReferenceColumn({ label: 'Connection', referenceTable: 'x_mioms_m365ticket_connection' }),
        comment_id: StringColumn({ label: 'Comment ID', maxLength: 64 }),
        ticket: StringColumn({ label: 'Ticket sys_id', maxLength: 32 }),
        author: StringColumn({ label: 'Microsoft 365 author', maxLength: 254 }),
        text: StringColumn({ label: 'Text', maxLength: 4000 }),
        journal_entry: StringColumn({ label: 'Journal entry sys_id', maxLength: 32 }),
    },
    index: [{ name: 'connection_comment', element: ['connection', 'comment_id'], unique: true }],
    allowWebServiceAccess: true,
    accessibleFrom: 'public',
    actions: ['read'],
})
