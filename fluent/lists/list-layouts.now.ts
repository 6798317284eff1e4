// List layouts (sys_ui_list, default view) of the app's tables: the columns an admin scans first.
import '@servicenow/sdk/global'
import { default_view, List } from '@servicenow/sdk/core'

const TICKET_COLUMNS = [
    'number',
    'short_description',
    'state',
    'priority',
    'connection',
    'm365_task_id',
    'recommendation_source',
    'recommendation_category',
    'm365_requested_by',
    'due_date',
    'assignment_group',
]

List({ table: 'x_mioms_m365ticket_change_request', view: default_view, columns: TICKET_COLUMNS })
List({ table: 'x_mioms_m365ticket_incident', view: default_view, columns: TICKET_COLUMNS })

List({
    table: 'x_mioms_m365ticket_connection',
    view: default_view,
    columns: ['tenant_name', 'tenant_id', 'status', 'integration_user', 'connected_by', 'connected_at', 'last_contact_at', 'last_error'],
})

List({
    table: 'x_mioms_m365ticket_api_log',
    view: default_view,
    columns: ['sys_created_on', 'route', 'http_status', 'tenant_id', 'caller', 'task_id', 'ticket_number', 'duration_ms', 'error_message'],
})

// The related lists on the connection form show the same columns, less the connection itself.
const RELATED_TICKET_COLUMNS = [
    'number',
    'short_description',
    'state',
    'priority',
    'm365_task_id',
    'recommendation_source',
    'recommendation_category',
    'm365_requested_by',
    'due_date',
    'assignment_group',
]
List({ table: 'x_mioms_m365ticket_change_request', view: default_view, parent: 'x_mioms_m365ticket_connection', columns: RELATED_TICKET_COLUMNS })
List({ table: 'x_mioms_m365ticket_incident', view: default_view, parent: 'x_mioms_m365ticket_connection', columns: RELATED_TICKET_COLUMNS })
List({
    table: 'x_mioms_m365ticket_api_log',
    view: default_view,
    parent: 'x_mioms_m365ticket_connection',
    columns: ['sys_created_on', 'route', 'http_status', 'caller', 'task_id', 'ticket_number', 'error_message'],
})
