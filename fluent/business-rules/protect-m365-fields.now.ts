import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { protectM365Fields } from '../../src/server/business-rules/protect-m365-fields.ts'

BusinessRule({
    $id: Now.ID['br-protect-m365-fields-change'],
    name: 'Protect Microsoft 365 fields',
    table: 'x_mioms_m365ticket_change_request',
    when: 'before',
    action: ['update'],
    order: 100,
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
    script: protectM365Fields,
    description: 'The task id, connection and intake payload of a Microsoft 365 ticket never change.',
})
