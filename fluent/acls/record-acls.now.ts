// Record ACLs of the app's tables: every app table is secured, not only its REST APIs.
//   tickets      read: x_mioms_m365ticket.user or itil (the change and incident processes work them); write: itil;
//                create and delete: the app's admin. Their Microsoft 365 fields: writable by nobody, except the three
//                the business rule "Protect Microsoft 365 fields" guards on every write path with its own message
//                (m365_task_id, connection, intake_payload: replays and read-back depend on them).
//   connections  read: .user; write and delete: the app's admin; create: nobody (Microsoft 365 registers them).
//   API log      read: .user; create and write: nobody (the connector writes it from its scope, where ACLs do not
//                apply); delete: the app's admin.
// The integration user holds only the integration role, so it reaches none of these through forms or the Table
// API: it works through the connector API. "nobody" is the base system role no one holds; an ACL requiring it is
// passed by no one, admin included ("Create an ACL rule": the nobody role takes precedence over admin overrides).
import '@servicenow/sdk/global'
import { Acl } from '@servicenow/sdk/core'
import { adminRole, userRole } from '../roles/roles.now'

// --- x_mioms_m365ticket_change_request ---

Acl({
    $id: Now.ID['acl-change-read'],
    type: 'record',
    table: 'x_mioms_m365ticket_change_request',
    operation: 'read',
    roles: [userRole, 'itil'],
    description: "Microsoft 365 tickets are read by the app's users and by ITIL users.",
})

Acl({
    $id: Now.ID['acl-change-write'],
    type: 'record',
    table: 'x_mioms_m365ticket_change_request',
    operation: 'write',
    roles: ['itil'],
    description: "ITIL users work Microsoft 365 tickets as any other.",
})

Acl({
    $id: Now.ID['acl-change-create'],
    type: 'record',
    table: 'x_mioms_m365ticket_change_request',
    operation: 'create',
    roles: [adminRole],
    description: "Microsoft 365 tickets come from the connector; only the app's admins create one by hand.",
})

Acl({
    $id: Now.ID['acl-change-delete'],
    type: 'record',
    table: 'x_mioms_m365ticket_change_request',
    operation: 'delete',
    roles: [adminRole],
    description: "Only the app's admins delete Microsoft 365 tickets.",
})

Acl({
    $id: Now.ID['acl-change-recommendation-source-write'],
    type: 'record',
    table: 'x_mioms_m365ticket_change_request',
    field: 'recommendation_source',
    operation: 'write',
    roles: ['nobody'],
    description: "Set from Microsoft 365 only, through the connector: no one edits it in forms or the Table API.",
})

Acl({
    $id: Now.ID['acl-change-recommendation-category-write'],
    type: 'record',
    table: 'x_mioms_m365ticket_change_request',
    field: 'recommendation_category',
    operation: 'write',
    roles: ['nobody'],
    description: "Set from Microsoft 365 only, through the connector: no one edits it in forms or the Table API.",
})

Acl({
    $id: Now.ID['acl-change-m365-requested-by-write'],
    type: 'record',
    table: 'x_mioms_m365ticket_change_request',
    field: 'm365_requested_by',
    operation: 'write',
    roles: ['nobody'],
    description: "Set from Microsoft 365 only, through the connector: no one edits it in forms or the Table API.",
})

Acl({
    $id: Now.ID['acl-change-secure-score-control-write'],
    type: 'record',
    table: 'x_mioms_m365ticket_change_request',
    field: 'secure_score_control',
    operation: 'write',
    roles: ['nobody'],
    description: "Set from Microsoft 365 only, through the connector: no one edits it in forms or the Table API.",
})

Acl({
    $id: Now.ID['acl-change-action-url-write'],
    type: 'record',
    table: 'x_mioms_m365ticket_change_request',
    field: 'action_url',
    operation: 'write',
    roles: ['nobody'],
    description: "Set from Microsoft 365 only, through the connector: no one edits it in forms or the Table API.",
})

// --- x_mioms_m365ticket_incident ---

Acl({
    $id: Now.ID['acl-incident-read'],
    type: 'record',
    table: 'x_mioms_m365ticket_incident',
    operation: 'read',
    roles: [userRole, 'itil'],
    description: "Microsoft 365 tickets are read by the app's users and by ITIL users.",
})

Acl({
    $id: Now.ID['acl-incident-write'],
    type: 'record',
    table: 'x_mioms_m365ticket_incident',
    operation: 'write',
    roles: ['itil'],
    description: "ITIL users work Microsoft 365 tickets as any other.",
})

Acl({
    $id: Now.ID['acl-incident-create'],
    type: 'record',
    table: 'x_mioms_m365ticket_incident',
    operation: 'create',
    roles: [adminRole],
    description: "Microsoft 365 tickets come from the connector; only the app's admins create one by hand.",
})

Acl({
    $id: Now.ID['acl-incident-delete'],
    type: 'record',
    table: 'x_mioms_m365ticket_incident',
    operation: 'delete',
    roles: [adminRole],
    description: "Only the app's admins delete Microsoft 365 tickets.",
})

Acl({
    $id: Now.ID['acl-incident-recommendation-source-write'],
    type: 'record',
    table: 'x_mioms_m365ticket_incident',
    field: 'recommendation_source',
    operation: 'write',
    roles: ['nobody'],
    description: "Set from Microsoft 365 only, through the connector: no one edits it in forms or the Table API.",
})

Acl({
    $id: Now.ID['acl-incident-recommendation-category-write'],
    type: 'record',
    table: 'x_mioms_m365ticket_incident',
    field: 'recommendation_category',
    operation: 'write',
    roles: ['nobody'],
    description: "Set from Microsoft 365 only, through the connector: no one edits it in forms or the Table API.",
})

Acl({
    $id: Now.ID['acl-incident-m365-requested-by-write'],
    type: 'record',
    table: 'x_mioms_m365ticket_incident',
    field: 'm365_requested_by',
    operation: 'write',
    roles: ['nobody'],
    description: "Set from Microsoft 365 only, through the connector: no one edits it in forms or the Table API.",
})

Acl({
    $id: Now.ID['acl-incident-secure-score-control-write'],
    type: 'record',
    table: 'x_mioms_m365ticket_incident',
    field: 'secure_score_control',
    operation: 'write',
    roles: ['nobody'],
    description: "Set from Microsoft 365 only, through the connector: no one edits it in forms or the Table API.",
})

Acl({
    $id: Now.ID['acl-incident-action-url-write'],
    type: 'record',
    table: 'x_mioms_m365ticket_incident',
    field: 'action_url',
    operation: 'write',
    roles: ['nobody'],
    description: "Set from Microsoft 365 only, through the connector: no one edits it in forms or the Table API.",
})

// --- x_mioms_m365ticket_connection ---

Acl({
    $id: Now.ID['acl-connection-read'],
    type: 'record',
    table: 'x_mioms_m365ticket_connection',
    operation: 'read',
    roles: [userRole],
    description: "The app's users see the connected tenants.",
})

Acl({
    $id: Now.ID['acl-connection-write'],
    type: 'record',
    table: 'x_mioms_m365ticket_connection',
    operation: 'write',
    roles: [adminRole],
    description: "The app's admins manage connections.",
})

Acl({
    $id: Now.ID['acl-connection-delete'],
    type: 'record',
    table: 'x_mioms_m365ticket_connection',
    operation: 'delete',
    roles: [adminRole],
    description: "The app's admins manage connections.",
})

Acl({
    $id: Now.ID['acl-connection-create'],
    type: 'record',
    table: 'x_mioms_m365ticket_connection',
    operation: 'create',
    roles: ['nobody'],
    description: "Connections are registered by Microsoft 365 through the connector API only.",
})

// --- x_mioms_m365ticket_api_log ---

Acl({
    $id: Now.ID['acl-api-log-read'],
    type: 'record',
    table: 'x_mioms_m365ticket_api_log',
    operation: 'read',
    roles: [userRole],
    description: "The app's users read the API log.",
})

Acl({
    $id: Now.ID['acl-api-log-create'],
    type: 'record',
    table: 'x_mioms_m365ticket_api_log',
    operation: 'create',
    roles: ['nobody'],
    description: "The connector writes the log from its own scope; no one adds rows by hand.",
})

Acl({
    $id: Now.ID['acl-api-log-write'],
    type: 'record',
    table: 'x_mioms_m365ticket_api_log',
    operation: 'write',
    roles: ['nobody'],
    description: "No one edits the API log.",
})

Acl({
    $id: Now.ID['acl-api-log-delete'],
    type: 'record',
    table: 'x_mioms_m365ticket_api_log',
    operation: 'delete',
    roles: [adminRole],
    description: "The app's admins may delete log rows; the purge job does it on schedule.",
})
