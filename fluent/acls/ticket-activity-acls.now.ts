// Record ACLs of the ticket history and Microsoft 365 comment tables: read by the app's users; rows are written
// only by the app from its own scope (the history business rule, POST /tickets/{number}/comments), so create and
// write require nobody; the app's admins may delete.
import '@servicenow/sdk/global'
import { Acl } from '@servicenow/sdk/core'
import { adminRole, userRole } from '../roles/roles.now'

// --- x_mioms_m365ticket_ticket_history ---

Acl({
    $id: Now.ID['acl-ticket-history-read'],
    type: 'record',
    table: 'x_mioms_m365ticket_ticket_history',
    operation: 'read',
    roles: [userRole],
    description: "The app's users read a ticket's activity.",
})

Acl({
    $id: Now.ID['acl-ticket-history-create'],
    type: 'record',
    table: 'x_mioms_m365ticket_ticket_history',
    operation: 'create',
    roles: ['nobody'],
    description: "Written by the app from its own scope only.",
})

Acl({
    $id: Now.ID['acl-ticket-history-write'],
    type: 'record',
    table: 'x_mioms_m365ticket_ticket_history',
    operation: 'write',
    roles: ['nobody'],
    description: "No one edits a ticket's activity.",
})

Acl({
    $id: Now.ID['acl-ticket-history-delete'],
    type: 'record',
    table: 'x_mioms_m365ticket_ticket_history',
    operation: 'delete',
    roles: [adminRole],
    description: "The app's admins may delete rows.",
})

// --- x_mioms_m365ticket_m365_comment ---

Acl({
    $id: Now.ID['acl-m365-comment-read'],
    type: 'record',
    table: 'x_mioms_m365ticket_m365_comment',
    operation: 'read',
    roles: [userRole],
    description: "The app's users read a ticket's activity.",
})

Acl({
    $id: Now.ID['acl-m365-comment-create'],
    type: 'record',
    table: 'x_mioms_m365ticket_m365_comment',
    operation: 'create',
    roles: ['nobody'],
    description: "Written by the app from its own scope only.",
})

Acl({
    $id: Now.ID['acl-m365-comment-write'],
    type: 'record',
    table: 'x_mioms_m365ticket_m365_comment',
    operation: 'write',
    roles: ['nobody'],
    description: "No one edits a ticket's activity.",
})

Acl({
    $id: Now.ID['acl-m365-comment-delete'],
    type: 'record',
    table: 'x_mioms_m365ticket_m365_comment',
    operation: 'delete',
    roles: [adminRole],
    description: "The app's admins may delete rows.",
})
