// Settings of the connector (sys_properties). The server modules read them by name through
// src/server/platform/properties.ts, which must use the same names.
import '@servicenow/sdk/global'
import { Property } from '@servicenow/sdk/core'
import { adminRole } from '../roles/roles.now'

const adminOnly = { read: [adminRole], write: [adminRole] }

// ignoreCache true on every property the checklist writes at run time (gs.setProperty, setup/ticket-settings.ts and
// setup/oauth-client.ts): "Add a system property" says each change of a property flushes the system cache on every
// node; with ignore_cache only this property's value is flushed. The two properties the app never writes keep the
// default (cached, SDK property-guide "Caching").

Property({
    $id: Now.ID['property-default-ticket-type'],
    name: 'x_mioms_m365ticket.default_ticket_type',
    type: 'choicelist',
    choices: ['change', 'incident'],
    value: 'change',
    description: 'Ticket type created when Microsoft 365 does not name one: change or incident.',
    ignoreCache: true,
    roles: adminOnly,
})

Property({
    $id: Now.ID['property-change-assignment-group'],
    name: 'x_mioms_m365ticket.change_assignment_group',
    type: 'string',
    value: '',
    description: 'sys_id of the assignment group for new change requests (empty: none).',
    ignoreCache: true,
    roles: adminOnly,
})

Property({
    $id: Now.ID['property-incident-assignment-group'],
    name: 'x_mioms_m365ticket.incident_assignment_group',
    type: 'string',
    value: '',
    description: 'sys_id of the assignment group for new incidents (empty: none).',
    ignoreCache: true,
    roles: adminOnly,
})

Property({
    $id: Now.ID['property-oauth-redirect-url'],
    name: 'x_mioms_m365ticket.oauth_redirect_url',
    type: 'string',
    value: 'https://security.microsoft.com/ticketProvisioning/oauth/callback',
    description: "Microsoft 365's OAuth redirect URL, set on the OAuth client the checklist creates.",
    ignoreCache: true,
    roles: adminOnly,
})

Property({
    $id: Now.ID['property-access-token-lifespan'],
    name: 'x_mioms_m365ticket.access_token_lifespan',
    type: 'integer',
    value: '1800',
    description: 'Access token lifespan in seconds for the OAuth client the checklist creates.',
    ignoreCache: true,
    roles: adminOnly,
})

Property({
    $id: Now.ID['property-refresh-token-lifespan'],
    name: 'x_mioms_m365ticket.refresh_token_lifespan',
    type: 'integer',
    value: '8640000',
    description: 'Refresh token lifespan in seconds (default 100 days) for the OAuth client.',
    ignoreCache: true,
    roles: adminOnly,
})

Property({
    $id: Now.ID['property-api-log-retention-days'],
    name: 'x_mioms_m365ticket.api_log_retention_days',
    type: 'integer',
    value: '30',
    description: 'Days an API log row is kept before the purge job deletes it.',
    ignoreCache: true,
    roles: adminOnly,
})

Property({
    $id: Now.ID['property-max-request-body-bytes'],
    name: 'x_mioms_m365ticket.max_request_body_bytes',
    type: 'integer',
    value: '65536',
    description: 'Largest request body the connector and setup APIs accept, in bytes; the app answers 413 past it. 0 turns the app\'s limit off (the instance\'s glide.rest.max_content_length still applies).',
    roles: adminOnly,
})

Property({
    $id: Now.ID['property-share-work-notes'],
    name: 'x_mioms_m365ticket.share_work_notes',
    type: 'boolean',
    value: 'false',
    description: "Whether a ticket's work notes appear in its Microsoft 365 timeline (GET /tickets/{number}/activity). Work notes are internal to ServiceNow, so they are not shared unless an admin enables this.",
    roles: adminOnly,
})
