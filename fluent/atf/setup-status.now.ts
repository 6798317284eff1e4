// ATF (real instance): the checklist status API answers admins and refuses the integration user.
import '@servicenow/sdk/global'
import { Test } from '@servicenow/sdk/core'
import { ARRANGE_ADMIN, ARRANGE_STATUS_INTEGRATION } from './atf-scripts'

export const setupStatusTest = Test(
    {
        $id: Now.ID['atf-setup-status'],
        name: 'Microsoft 365 connector: checklist status API is for connector admins only',
        description:
            'Creates (inside the test) a user holding only x_mioms_m365ticket.admin and a user holding only x_mioms_m365ticket.integration. GETs /api/x_mioms_m365ticket/v1/setup/status as the admin and asserts 200 with result.steps holding the five checklist steps (preflight, oauth, integration_user, connect, settings) and result.complete; then as the integration user and asserts 403 (the setup API ACL), with no checklist in the body.',
        active: true,
        failOnServerError: true,
    },
    (atf) => {
        const admin = atf.server.runServerSideScript({
            $id: Now.ID['atf-setup-status-arrange-admin'],
            script: ARRANGE_ADMIN,
        })
        const integration = atf.server.runServerSideScript({
            $id: Now.ID['atf-setup-status-arrange-integration'],
            script: ARRANGE_STATUS_INTEGRATION,
        })

        atf.rest.sendRestRequest({
            $id: Now.ID['atf-setup-status-get-admin'],
            method: 'get',
            path: '/api/x_mioms_m365ticket/v1/setup/status',
            auth: 'basic',
            basicAuthentication: admin.record_id,
            headers: { Accept: 'application/json' },
        })
        atf.rest.assertStatusCode({ $id: Now.ID['atf-setup-status-admin-200'], operation: 'equals', statusCode: 200 })
        atf.rest.assertResponseJSONPayloadIsValid({ $id: Now.ID['atf-setup-status-admin-json'] })
        atf.rest.assertJsonResponsePayloadElement({
            $id: Now.ID['atf-setup-status-admin-steps'],
            elementName: '/result/steps',
            operation: 'exists',
            elementValue: '',
        })
        atf.rest.assertJsonResponsePayloadElement({
            $id: Now.ID['atf-setup-status-admin-complete'],
            elementName: '/result/complete',
            operation: 'exists',
            elementValue: '',
        })
        atf.rest.assertResponsePayload({
            $id: Now.ID['atf-setup-status-admin-preflight'],
            operation: 'contains',
            responseBody: '"id":"preflight"',
        })
        atf.rest.assertResponsePayload({
            $id: Now.ID['atf-setup-status-admin-oauth'],
            operation: 'contains',
            responseBody: '"id":"oauth"',
        })
        atf.rest.assertResponsePayload({
            $id: Now.ID['atf-setup-status-admin-integration-user'],
            operation: 'contains',
            responseBody: '"id":"integration_user"',
        })
        atf.rest.assertResponsePayload({
            $id: Now.ID['atf-setup-status-admin-connect'],
            operation: 'contains',
            responseBody: '"id":"connect"',
        })
        atf.rest.assertResponsePayload({
            $id: Now.ID['atf-setup-status-admin-settings'],
            operation: 'contains',
            responseBody: '"id":"settings"',
        })

        atf.rest.sendRestRequest({
            $id: Now.ID['atf-setup-status-get-integration'],
            method: 'get',
            path: '/api/x_mioms_m365ticket/v1/setup/status',
            auth: 'basic',
            basicAuthentication: integration.record_id,
            headers: { Accept: 'application/json' },
        })
        atf.rest.assertStatusCode({ $id: Now.ID['atf-setup-status-integration-403'], operation: 'equals', statusCode: 403 })
        atf.rest.assertResponsePayload({
            $id: Now.ID['atf-setup-status-integration-no-steps'],
            operation: 'does_not_contain',
            responseBody: '"steps":',
        })
    },
)
