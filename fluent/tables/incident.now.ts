import '@servicenow/sdk/global'
import { Table } from '@servicenow/sdk/core'
import { m365TicketColumns, m365TicketIndex } from './m365-columns.now'

// Extends incident without autoNumber: records keep the INC numbering, assignment and SLAs.
export const x_mioms_m365ticket_incident = Table({
    name: 'x_mioms_m365ticket_incident',
    label: 'Microsoft 365 Security Incident',
    extends: 'incident',
    schema: m365TicketColumns,
    index: m365TicketIndex,
    allowWebServiceAccess: true,
    accessibleFrom: 'public',
    actions: ['read'],
})
