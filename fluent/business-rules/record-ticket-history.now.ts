import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { recordTicketHistory } from '../../src/server/business-rules/record-ticket-history.ts'

// The rule runs only when a field whose history it keeps changes (src/server/connector/activity-tables.ts
// TRACKED_FIELDS; test/package/business-rule-conditions.test.ts keeps both lists equal), so the platform skips it
// on every other update.
const TRACKED_FIELDS_CHANGE = 'stateVALCHANGES^ORassignment_groupVALCHANGES^ORassigned_toVALCHANGES'

BusinessRule({
    $id: Now.ID['br-record-ticket-history-change'],
    name: 'Record ticket history',
    table: 'x_mioms_m365ticket_change_request',
    when: 'after',
    action: ['update'],
    order: 200,
    filterCondition: TRACKED_FIELDS_CHANGE,
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
    filterCondition: TRACKED_FIELDS_CHANGE,
    script: recordTicketHistory,
    description: "State and assignment changes of a Microsoft 365 ticket, for its timeline in Microsoft 365.",
})
