// Roles of the connector. Exported so ACLs, menus and REST routes reuse the same records.
import '@servicenow/sdk/global'
import { Role } from '@servicenow/sdk/core'

export const userRole = Role({
    name: 'x_mioms_m365ticket.user',
    description: 'Reads the Microsoft 365 tickets, connections and API log of the connector.',
})

export const adminRole = Role({
    name: 'x_mioms_m365ticket.admin',
    description: 'Runs the installation checklist and manages connections and settings of the connector.',
    containsRoles: [userRole],
})

export const integrationRole = Role({
    name: 'x_mioms_m365ticket.integration',
    description: "The Microsoft 365 integration user's only role: may call the connector API.",
})
