import '@servicenow/sdk/global'
import { Acl, RestApi } from '@servicenow/sdk/core'
import { integrationRole } from '../roles/roles.now'
import { probe } from '../../src/server/rest/probe.ts'

export const connectorAcl = Acl({
    $id: Now.ID['acl-connector-api'],
    name: 'x_mioms_m365ticket.connector',
    type: 'rest_endpoint',
    operation: 'execute',
    roles: [integrationRole],
    adminOverrides: false,
})

RestApi({
    $id: Now.ID['connector-api'],
    name: 'Microsoft 365 Connector',
    serviceId: 'connector',
    consumes: 'application/json',
    produces: 'application/json',
    versions: [{ $id: Now.ID['connector-api-v1'], version: 1, isDefault: true }],
    routes: [
        {
            $id: Now.ID['connector-probe'],
            name: 'probe',
            method: 'GET',
            path: '/probe/{id}',
            script: probe,
            version: 1,
            enforceAcl: [connectorAcl],
        },
    ],
})
