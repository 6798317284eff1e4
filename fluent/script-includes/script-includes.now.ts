// Script includes that expose the connector's domain by name (see src/script-includes).
import '@servicenow/sdk/global'
import { ScriptInclude } from '@servicenow/sdk/core'

export const M365TicketService = ScriptInclude({
    $id: Now.ID['script-include-ticket-service'],
    name: 'M365TicketService',
    script: Now.include('../../src/script-includes/m365-ticket-service.js'),
    description: 'Creates and reads Microsoft 365 tickets for flows, business rules and other scopes.',
    accessibleFrom: 'public',
})

export const M365ConnectionService = ScriptInclude({
    $id: Now.ID['script-include-connection-service'],
    name: 'M365ConnectionService',
    script: Now.include('../../src/script-includes/m365-connection-service.js'),
    description: 'Reads and removes Microsoft 365 tenant connections.',
    accessibleFrom: 'public',
})
