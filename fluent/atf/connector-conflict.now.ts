// ATF (real instance): the same task id with different content answers 409 naming the field.
import '@servicenow/sdk/global'
import { Test } from '@servicenow/sdk/core'
import { ARRANGE_CONFLICT, VERIFY_CONFLICT } from './atf-scripts'

export const connectorConflictTest = Test(
    {
        $id: Now.ID['atf-connector-conflict'],
        name: 'Microsoft 365 connector: a conflicting replay of POST /tasks answers 409',
        description:
            'As an integration user holding test tenant a7f00001-0000-4000-8000-00000000a703 (created by the test), POSTs task ATF-CONFLICT-0001, then the same task id with a different name. Asserts 201, then 409 in the platform error envelope (status failure, error.message naming the existing ticket, error.detail "Differing fields: name"), and that the change request keeps the first name and is still the only record for the task.',
        active: true,
        failOnServerError: true,
    },
    (atf) => {
        const caller = atf.server.runServerSideScript({
            $id: Now.ID['atf-connector-conflict-arrange'],
            script: ARRANGE_CONFLICT,
        })
        atf.rest.sendRestRequest({
            $id: Now.ID['atf-connector-conflict-post-1'],
            method: 'post',
            path: '/api/x_mioms_m365ticket/v1/connector/tasks',
            auth: 'basic',
            basicAuthentication: caller.record_id,
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: '{"tenantId":"a7f00001-0000-4000-8000-00000000a703","taskId":"ATF-CONFLICT-0001","ticketType":"change","name":"ATF: Turn on audit log search","priority":"low","recommendationSource":"user","recommendationCategory":"data","requestedBy":"secadmin@atf-conflict.onmicrosoft.com"}',
        })
        atf.rest.assertStatusCode({ $id: Now.ID['atf-connector-conflict-201'], operation: 'equals', statusCode: 201 })
        atf.rest.sendRestRequest({
            $id: Now.ID['atf-connector-conflict-post-2'],
            method: 'post',
            path: '/api/x_mioms_m365ticket/v1/connector/tasks',
            auth: 'basic',
            basicAuthentication: caller.record_id,
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: '{"tenantId":"a7f00001-0000-4000-8000-00000000a703","taskId":"ATF-CONFLICT-0001","ticketType":"change","name":"ATF: Turn on audit log search (renamed)","priority":"low","recommendationSource":"user","recommendationCategory":"data","requestedBy":"secadmin@atf-conflict.onmicrosoft.com"}',
        })
        atf.rest.assertStatusCode({ $id: Now.ID['atf-connector-conflict-409'], operation: 'equals', statusCode: 409 })
        atf.rest.assertJsonResponsePayloadElement({
            $id: Now.ID['atf-connector-conflict-envelope'],
            elementName: '/status',
            operation: 'equals',
            elementValue: 'failure',
        })
        atf.rest.assertJsonResponsePayloadElement({
            $id: Now.ID['atf-connector-conflict-detail'],
            elementName: '/error/detail',
            operation: 'equals',
            elementValue: 'Differing fields: name',
        })
        atf.rest.assertJsonResponsePayloadElement({
            $id: Now.ID['atf-connector-conflict-message'],
            elementName: '/error/message',
            operation: 'contains',
            elementValue: 'Task ATF-CONFLICT-0001 was already received with different content as CHG',
        })
        atf.server.runServerSideScript({
            $id: Now.ID['atf-connector-conflict-verify'],
            script: VERIFY_CONFLICT,
        })
    },
)
