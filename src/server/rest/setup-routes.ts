// Handlers of the setup API (/api/x_mioms_m365ticket/v1/setup/...), used by the installation
// checklist page. Each one checks the admin role, translates HTTP <-> the setup domain
// (../setup), and runs through runRoute (error envelope + one API log row, never a secret).
import type { RESTAPIRequest, RESTAPIResponse } from '@servicenow/glide/sn_ws_int'
import { parseJsonObject, type JsonObject } from '../platform/validation.ts'
import { checklistStatus } from '../setup/checklist.ts'
import { requireAdmin } from '../setup/common.ts'
import { connectionsStep, removeTenantConnection } from '../setup/connect-step.ts'
import { createIntegrationUser, resetIntegrationUserPassword, validateUserName } from '../setup/integration-user.ts'
import { createOrRepairClient, validateClientRequest } from '../setup/oauth-client.ts'
import { revokeStrayToken } from '../setup/stray-tokens.ts'
import { readSettings, updateSettings } from '../setup/ticket-settings.ts'
import { requestBodyText, runRoute, type CallFacts, type RouteOutcome } from './route.ts'

export const SETUP_API_BASE = '/api/x_mioms_m365ticket/v1/setup'

/** Pages send no body for "use the defaults"; an empty body is an empty object here. */
function optionalBody(request: RESTAPIRequest): JsonObject {
    const raw = requestBodyText(request)
    return raw && raw.trim() ? parseJsonObject(raw) : {}
}

function adminRoute(route: string, request: RESTAPIRequest, response: RESTAPIResponse, action: (request: RESTAPIRequest, facts: CallFacts) => RouteOutcome): void {
    runRoute(route, request, response, (req, facts) => {
        requireAdmin()
        return action(req, facts)
    })
}

/** A body carrying a one-time credential must never be cached by a browser or a proxy. */
function noStore(response: RESTAPIResponse): void {
    response.setHeader('Cache-Control', 'no-store')
}

export function getStatus(request: RESTAPIRequest, response: RESTAPIResponse): void {
    adminRoute('GET /status', request, response, () => ({ status: 200, body: checklistStatus() }))
}

export function postOAuthClient(request: RESTAPIRequest, response: RESTAPIResponse): void {
    noStore(response)
    adminRoute('POST /oauth-client', request, response, (req) => {
        const result = createOrRepairClient(validateClientRequest(optionalBody(req)))
        return { status: result.created ? 201 : 200, body: result }
    })
}

export function postIntegrationUser(request: RESTAPIRequest, response: RESTAPIResponse): void {
    noStore(response)
    adminRoute('POST /integration-user', request, response, (req) => {
        return { status: 201, body: createIntegrationUser(validateUserName(optionalBody(req), false)) }
    })
}

export function postResetPassword(request: RESTAPIRequest, response: RESTAPIResponse): void {
    noStore(response)
    adminRoute('POST /integration-user/reset-password', request, response, (req) => {
        return { status: 200, body: resetIntegrationUserPassword(validateUserName(optionalBody(req), false)) }
    })
}

export function getConnections(request: RESTAPIRequest, response: RESTAPIResponse): void {
    adminRoute('GET /connections', request, response, () => {
        const step = connectionsStep(true)
        return { status: 200, body: { connections: step.details.connections, problems: step.problems } }
    })
}

export function deleteTenantConnection(request: RESTAPIRequest, response: RESTAPIResponse): void {
    adminRoute('DELETE /connections/{tenantId}', request, response, (req, facts) => {
        const result = removeTenantConnection(req.pathParams ? req.pathParams.tenantId : undefined)
        facts.tenantId = result.tenantId
        return { status: 200, body: result }
    })
}

/** DELETE /tokens/{sysId}: revokes a token of the app's OAuth client issued to a user who is not an integration user. */
export function deleteStrayToken(request: RESTAPIRequest, response: RESTAPIResponse): void {
    adminRoute('DELETE /tokens/{sysId}', request, response, (req) => ({ status: 200, body: revokeStrayToken(req.pathParams ? req.pathParams.sysId : undefined) }))
}

export function getSettings(request: RESTAPIRequest, response: RESTAPIResponse): void {
    adminRoute('GET /settings', request, response, () => ({ status: 200, body: readSettings() }))
}

export function putSettings(request: RESTAPIRequest, response: RESTAPIResponse): void {
    adminRoute('PUT /settings', request, response, (req) => ({ status: 200, body: updateSettings(parseJsonObject(requestBodyText(req))) }))
}
