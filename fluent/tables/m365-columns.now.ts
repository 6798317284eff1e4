import '@servicenow/sdk/global'
// The Microsoft 365 columns shared by both ticket tables (change request and incident).
import { ChoiceColumn, ReferenceColumn, StringColumn, UrlColumn } from '@servicenow/sdk/core'

export const m365TicketColumns = {
    m365_task_id: StringColumn({ label: 'Microsoft 365 task ID', maxLength: 64, readOnly: true }),
    connection: ReferenceColumn({
        label: 'Microsoft 365 connection',
        referenceTable: 'x_mioms_m365ticket_connection',
        readOnly: true,
    }),
    recommendation_source: ChoiceColumn({
        label: 'Recommendation source',
        choices: {
            user: { label: 'User', sequence: 10 },
            microsoft: { label: 'Microsoft', sequence: 20 },
        },
        dropdown: 'dropdown_with_none',
    }),
    recommendation_category: ChoiceColumn({
        label: 'Recommendation category',
        choices: {
            devices: { label: 'Devices', sequence: 10 },
            data: { label: 'Data', sequence: 20 },
            apps: { label: 'Apps', sequence: 30 },
            identity: { label: 'Identity', sequence: 40 },
            infrastructure: { label: 'Infrastructure', sequence: 50 },
        },
        dropdown: 'dropdown_with_none',
    }),
    // Not `requested_by`: change_request already has that column (a reference to sys_user, defaulting to the
    // creating user), and a child table may not redefine a parent's column.
    m365_requested_by: StringColumn({ label: 'Requested by (Microsoft 365 user)', maxLength: 254 }),
    secure_score_control: StringColumn({ label: 'Secure Score control ID', maxLength: 100 }),
    action_url: UrlColumn({ label: 'Microsoft 365 action URL', maxLength: 1024 }),
    // The normalized intake as received: a replay is compared against it, not against the
    // ticket (which ServiceNow users may have edited since).
    intake_payload: StringColumn({ label: 'Intake payload', maxLength: 8000, readOnly: true }),
}

/**
 * connection_task: a replayed task (same connection, same task id) must never become a second record.
 * connection_updated: a tenant's tickets in (updated, sys_id) order, so GET /tickets pages are read
 * from the index instead of sorting every ticket of the tenant.
 */
export const m365TicketIndex = [
    { name: 'connection_task', element: ['connection', 'm365_task_id'], unique: true },
    { name: 'connection_updated', element: ['connection', 'sys_updated_on', 'sys_id'], unique: false },
]
