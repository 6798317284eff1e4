// ATF (real instance): callers that may not speak for a tenant get 403 and write nothing.
import '@servicenow/sdk/global'
import { Test } from '@servicenow/sdk/core'
import { ARRANGE_NO_ROLE, ARRANGE_OTHER_TENANT, ARRANGE_UNCONNECTED, VERIFY_FORBIDDEN } from './atf-scripts'

export const connectorForbiddenTest = Test(
    {
        $id: Now.ID['atf-connector-forbidden'],
        name: 'Microsoft 365 connector: forbidden callers of POST /tasks get 403',
        description:
            'Creates (inside the test) a user without any role, an integration user holding no connection, and another integration user holding test tenant a7f00001-0000-4000-8000-00000000a705. Asserts 403 for POST /api/x_mioms_m365ticket/v1/connector/tasks by the user without the integration role (refused by the REST endpoint ACL), 403 with the reconnect message for the unconnected integration user naming the never-connected tenant a7f00001-0000-4000-8000-00000000a7ff, and 403 with the same message for that integration user naming the other user\'s tenant (a caller cannot tell which tenants exist); then that no ticket and no connection was written by any of these calls.',
        active: true,
        failOnServerError: true,
    },
    (atf) => {
        const noRole = atf.server.runServerSideScript({
            $id: Now.ID['atf-connector-forbidden-arrange-no-role'],
            script: ARRANGE_NO_ROLE,
        })
        const unconnected = atf.server.runServerSideScript({
            $id: Now.ID['atf-connector-forbidden-arrange-unconnected'],
            script: ARRANGE_UNCONNECTED,
        })
        atf.server.runServerSideScript({
            $id: Now.ID['atf-connector-forbidden-arrange-other'],
            script: ARRANGE_OTHER_TENANT,
        })

        // A user without x_mioms_m365ticket.integration: the REST endpoint ACL refuses the call.
        atf.rest.sendRestRequest({
            $id: Now.ID['atf-connector-forbidden-post-no-role'],
            method: 'post',
            path: '/api/x_mioms_m365ticket/v1/connector/tasks',
            auth: 'basic',
            basicAuthentication: noRole.record_id,
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: '{"tenantId":"a7f00001-0000-4000-8000-00000000a705","taskId":"ATF-FORBIDDEN-0001","ticketType":"change","name":"ATF: Forbidden caller without role","priority":"high","recommendationSource":"microsoft","recommendationCategory":"apps","requestedBy":"secadmin@atf-forbidden.onmicrosoft.com"}',
        })
        atf.rest.assertStatusCode({ $id: Now.ID['atf-connector-forbidden-no-role-403'], operation: 'equals', statusCode: 403 })
        atf.rest.assertResponsePayload({
            $id: Now.ID['atf-connector-forbidden-no-role-no-ticket'],
            operation: 'does_not_contain',
            responseBody: '"number":',
        })

        // The integration role but no connection, naming a tenant nobody connected: 403, reconnect.
        atf.rest.sendRestRequest({
            $id: Now.ID['atf-connector-forbidden-post-unknown'],
            method: 'post',
            path: '/api/x_mioms_m365ticket/v1/connector/tasks',
            auth: 'basic',
            basicAuthentication: unconnected.record_id,
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: '{"tenantId":"a7f00001-0000-4000-8000-00000000a7ff","taskId":"ATF-FORBIDDEN-0002","ticketType":"change","name":"ATF: Unknown tenant","priority":"high","recommendationSource":"microsoft","recommendationCategory":"apps","requestedBy":"secadmin@atf-forbidden.onmicrosoft.com"}',
        })
        atf.rest.assertStatusCode({ $id: Now.ID['atf-connector-forbidden-unknown-403'], operation: 'equals', statusCode: 403 })
        atf.rest.assertJsonResponsePayloadElement({
            $id: Now.ID['atf-connector-forbidden-unknown-envelope'],
            elementName: '/status',
            operation: 'equals',
            elementValue: 'failure',
        })
        atf.rest.assertJsonResponsePayloadElement({
            $id: Now.ID['atf-connector-forbidden-unknown-message'],
            elementName: '/error/message',
            operation: 'contains',
            elementValue: 'Microsoft 365 tenant a7f00001-0000-4000-8000-00000000a7ff is not connected to this instance through this integration user. Connect it again, signed in to ServiceNow as the integration user.',
        })

        // The same integration user naming a tenant another integration user holds: 403.
        atf.rest.sendRestRequest({
            $id: Now.ID['atf-connector-forbidden-post-other'],
            method: 'post',
            path: '/api/x_mioms_m365ticket/v1/connector/tasks',
            auth: 'basic',
            basicAuthentication: unconnected.record_id,
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: '{"tenantId":"a7f00001-0000-4000-8000-00000000a705","taskId":"ATF-FORBIDDEN-0003","ticketType":"change","name":"ATF: Another tenant","priority":"high","recommendationSource":"microsoft","recommendationCategory":"apps","requestedBy":"secadmin@atf-forbidden.onmicrosoft.com"}',
        })
        atf.rest.assertStatusCode({ $id: Now.ID['atf-connector-forbidden-other-403'], operation: 'equals', statusCode: 403 })
        atf.rest.assertJsonResponsePayloadElement({
            $id: Now.ID['atf-connector-forbidden-other-message'],
            elementName: '/error/message',
            operation: 'contains',
            // The same text as for a tenant that does not exist: a caller cannot tell the two apart.
            elementValue: 'Microsoft 365 tenant a7f00001-0000-4000-8000-00000000a705 is not connected to this instance through this integration user. Connect it again, signed in to ServiceNow as the integration user.',
        })

        atf.server.runServerSideScript({
            $id: Now.ID['atf-connector-forbidden-verify'],
            script: VERIFY_FORBIDDEN,
        })
    },
)
