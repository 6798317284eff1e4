// Application navigator: Microsoft 365 Ticketing Connector > Installation Checklist (admins).
import '@servicenow/sdk/global'
import { Record } from '@servicenow/sdk/core'
import { connectorMenu } from './application-menu.now'

Record({
    $id: Now.ID['module-installation-checklist'],
    table: 'sys_app_module',
    data: {
        title: 'Installation Checklist',
        application: connectorMenu,
        link_type: 'DIRECT',
        query: 'x_mioms_m365ticket_checklist.do',
        hint: 'Set up the connection to Microsoft 365: table access, OAuth client, integration user, connection, settings',
        // Role names, not Role objects: SDK 4.9.0 writes a Role object here as "[object Object]".
        roles: ['x_mioms_m365ticket.admin'],
        active: true,
        order: 100,
    },
})
