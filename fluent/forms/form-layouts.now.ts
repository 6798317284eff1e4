// Form layouts (sys_ui_form, default view) of the app's tables. The ticket forms keep the platform's
// working fields up front and gather the Microsoft 365 fields in their own section, then the notes (additional
// comments, work notes), the resolution (close code and notes: Microsoft 365 shows them) and the activity; the connection
// form lists the tenant's tickets and API calls.
import '@servicenow/sdk/global'
import { default_view, Form } from '@servicenow/sdk/core'

Form({
    table: 'x_mioms_m365ticket_change_request',
    view: default_view,
    sections: [
        {
            caption: 'Change Request',
            content: [
                {
                    layout: 'two-column',
                    leftElements: [
                        { field: 'number', type: 'table_field' },
                        { field: 'state', type: 'table_field' },
                        { field: 'priority', type: 'table_field' },
                        { field: 'due_date', type: 'table_field' },
                    ],
                    rightElements: [
                        { field: 'assignment_group', type: 'table_field' },
                        { field: 'assigned_to', type: 'table_field' },
                        { field: 'requested_by', type: 'table_field' },
                        { field: 'opened_at', type: 'table_field' },
                    ],
                },
                {
                    layout: 'one-column',
                    elements: [
                        { field: 'short_description', type: 'table_field' },
                        { field: 'description', type: 'table_field' },
                    ],
                },
            ],
        },
        {
            caption: 'Microsoft 365',
            content: [
                {
                    layout: 'two-column',
                    leftElements: [
                        { field: 'connection', type: 'table_field' },
                        { field: 'm365_task_id', type: 'table_field' },
                        { field: 'm365_requested_by', type: 'table_field' },
                    ],
                    rightElements: [
                        { field: 'recommendation_source', type: 'table_field' },
                        { field: 'recommendation_category', type: 'table_field' },
                        { field: 'secure_score_control', type: 'table_field' },
                    ],
                },
                { layout: 'one-column', elements: [{ field: 'action_url', type: 'table_field' }] },
            ],
        },
        {
            caption: 'Notes',
            content: [
                {
                    layout: 'one-column',
                    elements: [
                        { field: 'comments', type: 'table_field' },
                        { field: 'work_notes', type: 'table_field' },
                    ],
                },
            ],
        },
        {
            caption: 'Resolution Information',
            content: [
                {
                    layout: 'one-column',
                    elements: [
                        { field: 'close_code', type: 'table_field' },
                        { field: 'close_notes', type: 'table_field' },
                    ],
                },
            ],
        },
        {
            caption: 'Activity',
            content: [{ layout: 'one-column', elements: [{ type: 'formatter', formatterRef: 'Activities_Filtered' }] }],
        },
    ],
})

Form({
    table: 'x_mioms_m365ticket_incident',
    view: default_view,
    sections: [
        {
            caption: 'Incident',
            content: [
                {
                    layout: 'two-column',
                    leftElements: [
                        { field: 'number', type: 'table_field' },
                        { field: 'state', type: 'table_field' },
                        { field: 'impact', type: 'table_field' },
                        { field: 'urgency', type: 'table_field' },
                        { field: 'priority', type: 'table_field' },
                    ],
                    rightElements: [
                        { field: 'assignment_group', type: 'table_field' },
                        { field: 'assigned_to', type: 'table_field' },
                        { field: 'caller_id', type: 'table_field' },
                        { field: 'due_date', type: 'table_field' },
                        { field: 'opened_at', type: 'table_field' },
                    ],
                },
                {
                    layout: 'one-column',
                    elements: [
                        { field: 'short_description', type: 'table_field' },
                        { field: 'description', type: 'table_field' },
                    ],
                },
            ],
        },
        {
            caption: 'Microsoft 365',
            content: [
                {
                    layout: 'two-column',
                    leftElements: [
                        { field: 'connection', type: 'table_field' },
                        { field: 'm365_task_id', type: 'table_field' },
                        { field: 'm365_requested_by', type: 'table_field' },
                    ],
                    rightElements: [
                        { field: 'recommendation_source', type: 'table_field' },
                        { field: 'recommendation_category', type: 'table_field' },
                        { field: 'secure_score_control', type: 'table_field' },
                    ],
                },
                { layout: 'one-column', elements: [{ field: 'action_url', type: 'table_field' }] },
            ],
        },
        {
            caption: 'Notes',
            content: [
                {
                    layout: 'one-column',
                    elements: [
                        { field: 'comments', type: 'table_field' },
                        { field: 'work_notes', type: 'table_field' },
                    ],
                },
            ],
        },
        {
            caption: 'Resolution Information',
            content: [
                {
                    layout: 'one-column',
                    elements: [
                        { field: 'close_code', type: 'table_field' },
                        { field: 'close_notes', type: 'table_field' },
                    ],
                },
            ],
        },
        {
            caption: 'Activity',
            content: [{ layout: 'one-column', elements: [{ type: 'formatter', formatterRef: 'Activities_Filtered' }] }],
        },
    ],
})

Form({
    table: 'x_mioms_m365ticket_connection',
    view: default_view,
    sections: [
        {
            caption: 'Microsoft 365 Connection',
            content: [
                {
                    layout: 'two-column',
                    leftElements: [
                        { field: 'tenant_name', type: 'table_field' },
                        { field: 'tenant_id', type: 'table_field' },
                        { field: 'status', type: 'table_field' },
                        { field: 'connected_by', type: 'table_field' },
                    ],
                    rightElements: [
                        { field: 'integration_user', type: 'table_field' },
                        { field: 'oauth_client', type: 'table_field' },
                        { field: 'connected_at', type: 'table_field' },
                        { field: 'last_contact_at', type: 'table_field' },
                    ],
                },
                {
                    layout: 'one-column',
                    elements: [
                        { field: 'last_error', type: 'table_field' },
                        { field: 'custom_state_names', type: 'table_field' },
                    ],
                },
            ],
        },
        {
            caption: 'Tickets and calls',
            content: [
                {
                    layout: 'one-column',
                    elements: [
                        { type: 'list', listType: '12M', listRef: 'x_mioms_m365ticket_change_request.connection' },
                        { type: 'list', listType: '12M', listRef: 'x_mioms_m365ticket_incident.connection' },
                        { type: 'list', listType: '12M', listRef: 'x_mioms_m365ticket_api_log.connection' },
                    ],
                },
            ],
        },
    ],
})

Form({
    table: 'x_mioms_m365ticket_api_log',
    view: default_view,
    sections: [
        {
            caption: 'Connector API call',
            content: [
                {
                    layout: 'two-column',
                    leftElements: [
                        { field: 'sys_created_on', type: 'table_field' },
                        { field: 'route', type: 'table_field' },
                        { field: 'method', type: 'table_field' },
                        { field: 'http_status', type: 'table_field' },
                        { field: 'duration_ms', type: 'table_field' },
                    ],
                    rightElements: [
                        { field: 'connection', type: 'table_field' },
                        { field: 'tenant_id', type: 'table_field' },
                        { field: 'caller', type: 'table_field' },
                        { field: 'task_id', type: 'table_field' },
                        { field: 'ticket_number', type: 'table_field' },
                    ],
                },
                { layout: 'one-column', elements: [{ field: 'error_message', type: 'table_field' }] },
            ],
        },
    ],
})
