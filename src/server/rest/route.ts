// The HTTP edge shared by every connector route: runs the domain action, answers with its
// outcome or the platform's error envelope, and writes the one API log row of the call.
import { GlideDateTime, gs } from '@servicenow/glide'
import { ServiceError } from '@servicenow/glide/sn_ws_err'
import type { RESTAPIRequest, RESTAPIResponse } from '@servicenow/glide/sn_ws_int'
import { apiError, isApiError, type ApiError } from '../connector/api-error.ts'
import { writeApiLog, type ApiCallRecord } from '../connector/api-log.ts'

export interface RouteOutcome {
    status: number
    body: object
    location?: string
}

/** What a route has learned about the call, for its log row; only validated values go here. */
export type CallFacts = Pick<ApiCallRecord, 'connection' | 'tenantId' | 'taskId' | 'ticketNumber'>

export type RouteAction = (request: RESTAPIRequest, facts: CallFacts) => RouteOutcome

function unexpected(route: string, error: unknown): ApiError {
    const message = error && typeof error === 'object' && 'message' in error ? String((error as { message: unknown }).message) : String(error)
    gs.error('Microsoft 365 connector: ' + route + ' failed: ' + message)
    return apiError(500, 'Internal error', 'The instance could not complete the request; see the system log.')
}

export function runRoute(route: string, request: RESTAPIRequest, response: RESTAPIResponse, action: RouteAction): void {
    const started = new GlideDateTime().getNumericValue()
    const facts: CallFacts = {}
    let status: number
    let errorMessage: string | undefined
    try {
        const outcome = action(request, facts)
        status = outcome.status
        response.setStatus(outcome.status)
        if (outcome.location) response.setLocation(outcome.location)
        response.setBody(outcome.body as never)
    } catch (e) {
        const failure = isApiError(e) ? e : unexpected(route, e)
        status = failure.status
        errorMessage = failure.message + (failure.detail ? ': ' + failure.detail : '')
        const error = new ServiceError()
        error.setStatus(failure.status)
        error.setMessage(failure.message)
        error.setDetail(failure.detail)
        response.setError(error)
    }
    try {
        writeApiLog({
            route,
            method: route.split(' ')[0],
            httpStatus: status,
            durationMs: new GlideDateTime().getNumericValue() - started,
            errorMessage,
            ...facts,
        })
    } catch (e) {
        gs.error('Microsoft 365 connector: could not write the API log row for ' + route)
    }
}
