import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { protectM365Fields } from '../../src/server/business-rules/protect-m365-fields.ts'

// The rule runs only when one of the fields it protects changes (src/server/business-rules/protect-m365-fields.ts
// PROTECTED_FIELDS; test/package/business-rule-conditions.test.ts keeps both lists equal), so the platform skips it
// on every other update.
const PROTECTED_FIELDS_CHANGE = 'm365_task_idVALCHANGES^ORconnectionVALCHANGES^ORintake_payloadVALCHANGES'

BusinessRule({
    $id: Now.ID['br-protect-m365-fields-change'],
    name: 'Protect Microsoft 365 fields',
    table: 'x_mioms_m365ticket_change_request',
    when: 'before',
    action: ['update'],
    order: 100,
    filterCondition: PROTECTED_FIELDS_CHANGE,
    script: protectM365Fields,
    description: 'The task id, connection and intake payload of a Microsoft 365 ticket never change.',
})

BusinessRule({
    $id: Now.ID['br-protect-m365-fields-incident'],
    name: 'Protect Microsoft 365 fields',
    table: 'x_mioms_m365ticket_incident',
    when: 'before',
    action: ['update'],
    order: 100,
    filterCondition: PROTECTED_FIELDS_CHANGE,
    script: protectM365Fields,
    description: 'The task id, connection and intake payload of a Microsoft 365 ticket never change.',
})
