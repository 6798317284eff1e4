import '@servicenow/sdk/global'
import { Table } from '@servicenow/sdk/core'
import { m365TicketColumns, m365TicketIndex } from './m365-columns.now'

// Extends change_request without autoNumber: records keep the CHG numbering and change processes.
export const x_mioms_m365ticket_change_request = Table({
    name: 'x_mioms_m365ticket_change_request',
    label: 'Microsoft 365 Security and Configuration Change Request',
    extends: 'change_request',
    schema: m365TicketColumns,
    index: m365TicketIndex,
    allowWebServiceAccess: true,
    accessibleFrom: 'public',
    actions: ['read'],
})
