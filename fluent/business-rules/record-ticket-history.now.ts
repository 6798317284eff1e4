import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { recordTicketHistory } from '../../src/server/business-rules/record-ticket-history.ts'

BusinessRule({
    $id: Now.ID['br-record-ticket-history-change'],
    name: 'Record ticket history',
    table: 'x_mioms_m365ticket_change_request',
    when: 'after',
    action: ['update'],
    order: 200,
    script: recordTicketHistory,
    description: "State and assignment changes of a Microsoft 365 ticket, for its timeline in Microsoft 365.",
})

BusinessRule({
    $id: Now.ID['br-record-ticket-history-incident'],
    name: 'Record ticket history',
    table: 'x_mioms_m365ticket_incident',
    when: 'after',
    action: ['update'],
    order: 200,
    script: recordTicketHistory,
    description: "State and assignment changes of a Microsoft 365 ticket, for its timeline in Microsoft 365.",
})
