// ATF (real instance): invalid POST /tasks bodies answer 400 listing every bad field; nothing is written.
import '@servicenow/sdk/global'
import { Test } from '@servicenow/sdk/core'
import { ARRANGE_INVALID, VERIFY_INVALID } from './atf-scripts'

export const connectorInvalidTest = Test(
    {
        $id: Now.ID['atf-connector-invalid'],
        name: 'Microsoft 365 connector: invalid POST /tasks input answers 400 and writes nothing',
        description:
            'As an integration user holding test tenant a7f00001-0000-4000-8000-00000000a704 (created by the test), POSTs a change task without a name and with priority "urgent", then an incident task with an impossible due date and recommendationSource "partner". Asserts 400 in the platform error envelope with error.message "Invalid request" and an error.detail that lists each bad field (name, priority; dueDate, recommendationSource), and that neither ticket table holds a record for either task id.',
        active: true,
        failOnServerError: true,
    },
    (atf) => {
        const caller = atf.server.runServerSideScript({
            $id: Now.ID['atf-connector-invalid-arrange'],
            script: ARRANGE_INVALID,
        })
        atf.rest.sendRestRequest({
            $id: Now.ID['atf-connector-invalid-post-1'],
            method: 'post',
            path: '/api/x_mioms_m365ticket/v1/connector/tasks',
            auth: 'basic',
            basicAuthentication: caller.record_id,
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: '{"tenantId":"a7f00001-0000-4000-8000-00000000a704","taskId":"ATF-INVALID-0001","ticketType":"change","priority":"urgent","recommendationSource":"microsoft","recommendationCategory":"identity","requestedBy":"secadmin@atf-invalid.onmicrosoft.com"}',
        })
        atf.rest.assertStatusCode({ $id: Now.ID['atf-connector-invalid-400-1'], operation: 'equals', statusCode: 400 })
        atf.rest.assertJsonResponsePayloadElement({
            $id: Now.ID['atf-connector-invalid-envelope-1'],
            elementName: '/status',
            operation: 'equals',
            elementValue: 'failure',
        })
        atf.rest.assertJsonResponsePayloadElement({
            $id: Now.ID['atf-connector-invalid-message-1'],
            elementName: '/error/message',
            operation: 'equals',
            elementValue: 'Invalid request',
        })
        atf.rest.assertJsonResponsePayloadElement({
            $id: Now.ID['atf-connector-invalid-detail-1'],
            elementName: '/error/detail',
            operation: 'equals',
            elementValue: 'name: is required; priority: must be critical, high, moderate or low, or 1-4',
        })
        atf.rest.sendRestRequest({
            $id: Now.ID['atf-connector-invalid-post-2'],
            method: 'post',
            path: '/api/x_mioms_m365ticket/v1/connector/tasks',
            auth: 'basic',
            basicAuthentication: caller.record_id,
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: '{"tenantId":"a7f00001-0000-4000-8000-00000000a704","taskId":"ATF-INVALID-0002","ticketType":"incident","name":"ATF: Enable self-service password reset","priority":"moderate","dueDate":"2030-02-30","recommendationSource":"partner","recommendationCategory":"identity","requestedBy":"secadmin@atf-invalid.onmicrosoft.com"}',
        })
        atf.rest.assertStatusCode({ $id: Now.ID['atf-connector-invalid-400-2'], operation: 'equals', statusCode: 400 })
        atf.rest.assertJsonResponsePayloadElement({
            $id: Now.ID['atf-connector-invalid-due-date-2'],
            elementName: '/error/detail',
            operation: 'contains',
            elementValue: 'dueDate: must be an ISO 8601 date or date-time',
        })
        atf.rest.assertJsonResponsePayloadElement({
            $id: Now.ID['atf-connector-invalid-source-2'],
            elementName: '/error/detail',
            operation: 'contains',
            elementValue: 'recommendationSource: must be one of user, microsoft',
        })
        atf.rest.assertJsonResponsePayloadElement({
            $id: Now.ID['atf-connector-invalid-no-name-error-2'],
            elementName: '/error/detail',
            operation: 'does_not_contain',
            elementValue: 'name: ',
        })
        atf.server.runServerSideScript({
            $id: Now.ID['atf-connector-invalid-verify'],
            script: VERIFY_INVALID,
        })
    },
)
