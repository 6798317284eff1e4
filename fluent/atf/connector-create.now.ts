// ATF (real instance): POST /tasks as the tenant's integration user creates a change request.
import '@servicenow/sdk/global'
import { Test } from '@servicenow/sdk/core'
import { ARRANGE_CREATE, VERIFY_CREATE } from './atf-scripts'

export const connectorCreateTest = Test(
    {
        $id: Now.ID['atf-connector-create'],
        name: 'Microsoft 365 connector: POST /tasks creates a change request',
        description:
            'Creates a user holding only x_mioms_m365ticket.integration, a basic auth profile for it and the connection of test tenant a7f00001-0000-4000-8000-00000000a701, then POSTs a shared improvement action (ticketType change, priority high) to /api/x_mioms_m365ticket/v1/connector/tasks as that user. Asserts 201, a Location header, result.number starting with CHG, result.taskId and result.type, and one record in x_mioms_m365ticket_change_request with the name as short_description, m365_task_id, priority 2, type normal, category security, opened by the integration user, the Secure Score columns and an API log row naming the ticket.',
        active: true,
        failOnServerError: true,
    },
    (atf) => {
        const caller = atf.server.runServerSideScript({
            $id: Now.ID['atf-connector-create-arrange'],
            script: ARRANGE_CREATE,
        })
        atf.rest.sendRestRequest({
            $id: Now.ID['atf-connector-create-post'],
            method: 'post',
            path: '/api/x_mioms_m365ticket/v1/connector/tasks',
            auth: 'basic',
            basicAuthentication: caller.record_id,
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: '{"tenantId":"a7f00001-0000-4000-8000-00000000a701","taskId":"ATF-CREATE-0001","ticketType":"change","name":"ATF: Require MFA for administrative roles","description":"Require multifactor authentication for all admin roles.","priority":"high","dueDate":"2030-12-31","recommendationSource":"microsoft","recommendationCategory":"Identity","requestedBy":"secadmin@atf-create.onmicrosoft.com","secureScore":{"controlId":"AdminMFAV2","title":"Ensure multifactor authentication is enabled for all users in administrative roles","actionUrl":"https://security.microsoft.com/securescore?viewid=actions&actionId=AdminMFAV2","maxScore":10,"service":"Azure Active Directory"}}',
        })
        atf.rest.assertStatusCode({ $id: Now.ID['atf-connector-create-201'], operation: 'equals', statusCode: 201 })
        atf.rest.assertResponseJSONPayloadIsValid({ $id: Now.ID['atf-connector-create-json'] })
        atf.rest.assertJsonResponsePayloadElement({
            $id: Now.ID['atf-connector-create-number'],
            elementName: '/result/number',
            operation: 'contains',
            elementValue: 'CHG',
        })
        atf.rest.assertResponsePayload({
            $id: Now.ID['atf-connector-create-number-prefix'],
            operation: 'contains',
            responseBody: '"number":"CHG',
        })
        atf.rest.assertJsonResponsePayloadElement({
            $id: Now.ID['atf-connector-create-task-id'],
            elementName: '/result/taskId',
            operation: 'equals',
            elementValue: 'ATF-CREATE-0001',
        })
        atf.rest.assertJsonResponsePayloadElement({
            $id: Now.ID['atf-connector-create-type'],
            elementName: '/result/type',
            operation: 'equals',
            elementValue: 'change',
        })
        atf.rest.assertJsonResponsePayloadElement({
            $id: Now.ID['atf-connector-create-name'],
            elementName: '/result/name',
            operation: 'equals',
            elementValue: 'ATF: Require MFA for administrative roles',
        })
        atf.rest.assertResponseHeader({
            $id: Now.ID['atf-connector-create-location'],
            headerName: 'Location',
            operation: 'contains',
            headerValue: '/api/x_mioms_m365ticket/v1/connector/tickets/CHG',
        })
        atf.server.recordQuery({
            $id: Now.ID['atf-connector-create-record'],
            table: 'x_mioms_m365ticket_change_request',
            fieldValues: 'm365_task_id=ATF-CREATE-0001^connection.tenant_id=a7f00001-0000-4000-8000-00000000a701^short_description=ATF: Require MFA for administrative roles^priority=2',
            assert: 'records_match_query',
        })
        atf.server.runServerSideScript({
            $id: Now.ID['atf-connector-create-verify'],
            script: VERIFY_CREATE,
        })
    },
)
