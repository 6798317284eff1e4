// The application navigator entry and its modules.
import '@servicenow/sdk/global'
import { ApplicationMenu, Record } from '@servicenow/sdk/core'
import { adminRole, userRole } from '../roles/roles.now'

export const connectorMenu = ApplicationMenu({
    $id: Now.ID['menu-m365-connector'],
    title: 'Microsoft 365 Ticketing Connector',
    hint: 'Microsoft 365 Secure Score improvement actions as change requests and incidents',
    description: 'Tickets, connections and settings of the Microsoft 365 Ticketing Connector',
    roles: [userRole, adminRole],
    active: true,
})

Record({
    $id: Now.ID['module-change-requests'],
    table: 'sys_app_module',
    data: {
        title: 'Change Requests',
        application: connectorMenu,
        link_type: 'LIST',
        name: 'x_mioms_m365ticket_change_request',
        roles: ['x_mioms_m365ticket.user'],
        active: true,
        order: 200,
    },
})

Record({
    $id: Now.ID['module-incidents'],
    table: 'sys_app_module',
    data: {
        title: 'Incidents',
        application: connectorMenu,
        link_type: 'LIST',
        name: 'x_mioms_m365ticket_incident',
        roles: ['x_mioms_m365ticket.user'],
        active: true,
        order: 300,
    },
})

Record({
    $id: Now.ID['module-connections'],
    table: 'sys_app_module',
    data: {
        title: 'Connections',
        application: connectorMenu,
        link_type: 'LIST',
        name: 'x_mioms_m365ticket_connection',
        roles: ['x_mioms_m365ticket.user'],
        active: true,
        order: 400,
    },
})

Record({
    $id: Now.ID['module-api-log'],
    table: 'sys_app_module',
    data: {
        title: 'API Log',
        application: connectorMenu,
        link_type: 'LIST',
        name: 'x_mioms_m365ticket_api_log',
        filter: 'ORDERBYDESCsys_created_on',
        roles: ['x_mioms_m365ticket.user'],
        active: true,
        order: 500,
    },
})

Record({
    $id: Now.ID['module-properties'],
    table: 'sys_app_module',
    data: {
        title: 'Properties',
        application: connectorMenu,
        link_type: 'LIST',
        name: 'sys_properties',
        filter: 'nameSTARTSWITHx_mioms_m365ticket.',
        roles: ['x_mioms_m365ticket.admin'],
        active: true,
        order: 600,
    },
})
