// ATF (real instance): the same POST /tasks twice answers 200 with the same ticket the second time.
import '@servicenow/sdk/global'
import { Test } from '@servicenow/sdk/core'
import { ARRANGE_REPLAY, VERIFY_REPLAY_FIRST, VERIFY_REPLAY_SECOND } from './atf-scripts'

export const connectorReplayTest = Test(
    {
        $id: Now.ID['atf-connector-replay'],
        name: 'Microsoft 365 connector: a replayed POST /tasks returns the same ticket with 200',
        description:
            'As an integration user holding test tenant a7f00001-0000-4000-8000-00000000a702 (created by the test), POSTs the same task (ATF-REPLAY-0001) twice with identical content. Asserts 201 for the first call, then 200 for the second with result.sysId equal to the record the first call created and a CHG number, and that x_mioms_m365ticket_change_request still holds exactly one record for the task (idempotency on tenant and task id).',
        active: true,
        failOnServerError: true,
    },
    (atf) => {
        const caller = atf.server.runServerSideScript({
            $id: Now.ID['atf-connector-replay-arrange'],
            script: ARRANGE_REPLAY,
        })
        atf.rest.sendRestRequest({
            $id: Now.ID['atf-connector-replay-post-1'],
            method: 'post',
            path: '/api/x_mioms_m365ticket/v1/connector/tasks',
            auth: 'basic',
            basicAuthentication: caller.record_id,
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: '{"tenantId":"a7f00001-0000-4000-8000-00000000a702","taskId":"ATF-REPLAY-0001","ticketType":"change","name":"ATF: Block legacy authentication","priority":"moderate","recommendationSource":"microsoft","recommendationCategory":"identity","requestedBy":"secadmin@atf-replay.onmicrosoft.com"}',
        })
        atf.rest.assertStatusCode({ $id: Now.ID['atf-connector-replay-201'], operation: 'equals', statusCode: 201 })
        const first = atf.server.runServerSideScript({
            $id: Now.ID['atf-connector-replay-first-record'],
            script: VERIFY_REPLAY_FIRST,
        })
        atf.rest.sendRestRequest({
            $id: Now.ID['atf-connector-replay-post-2'],
            method: 'post',
            path: '/api/x_mioms_m365ticket/v1/connector/tasks',
            auth: 'basic',
            basicAuthentication: caller.record_id,
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: '{"tenantId":"a7f00001-0000-4000-8000-00000000a702","taskId":"ATF-REPLAY-0001","ticketType":"change","name":"ATF: Block legacy authentication","priority":"moderate","recommendationSource":"microsoft","recommendationCategory":"identity","requestedBy":"secadmin@atf-replay.onmicrosoft.com"}',
        })
        atf.rest.assertStatusCode({ $id: Now.ID['atf-connector-replay-200'], operation: 'equals', statusCode: 200 })
        atf.rest.assertJsonResponsePayloadElement({
            $id: Now.ID['atf-connector-replay-same-sys-id'],
            elementName: '/result/sysId',
            operation: 'equals',
            elementValue: first.record_id,
        })
        atf.rest.assertJsonResponsePayloadElement({
            $id: Now.ID['atf-connector-replay-number'],
            elementName: '/result/number',
            operation: 'contains',
            elementValue: 'CHG',
        })
        atf.rest.assertJsonResponsePayloadElement({
            $id: Now.ID['atf-connector-replay-task-id'],
            elementName: '/result/taskId',
            operation: 'equals',
            elementValue: 'ATF-REPLAY-0001',
        })
        atf.server.runServerSideScript({
            $id: Now.ID['atf-connector-replay-verify'],
            script: VERIFY_REPLAY_SECOND,
        })
    },
)
