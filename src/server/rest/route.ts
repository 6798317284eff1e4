// The HTTP edge shared by every connector route: runs the domain action, answers with its
// outcome or the platform's error envelope, and writes the one API log row of the call.
import { GlideDateTime, gs } from '@servicenow/glide'
import { ServiceError } from '@servicenow/glide/sn_ws_err'
import type { RESTAPIRequest, RESTAPIResponse } from '@servicenow/glide/sn_ws_int'
import { apiError, isApiError, type ApiError } from '../platform/api-error.ts'
import { writeApiLog, type ApiCallRecord } from '../connector/api-log.ts'
import { integerProperty, PROPERTY } from '../platform/properties.ts'

export interface RouteOutcome {
    status: number
    body: object
    location?: string
}

/** What a route has learned about the call, for its log row; only validated values go here. */
export type CallFacts = Pick<ApiCallRecord, 'connection' | 'tenantId' | 'taskId' | 'ticketNumber'>

export type RouteAction = (request: RESTAPIRequest, facts: CallFacts) => RouteOutcome

const DEFAULT_MAX_BODY_BYTES = 65536

/** UTF-8 length of a string, counted by code point (no TextEncoder on the instance's engine). */
function utf8Length(text: string): number {
    let bytes = 0
    for (const char of text) {
        const code = char.codePointAt(0) as number
        bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
    }
    return bytes
}

/**
 * The request body as text: read once (the platform's RESTAPIRequestBody is one stream) and refused
 * with 413 past the app's own limit, x_mioms_m365ticket.max_request_body_bytes. The instance's
 * limit for every REST API (glide.rest.max_content_length) is larger and applies before this.
 */
export function requestBodyText(request: RESTAPIRequest): string {
    const text = (request.body ? request.body.dataString : '') || ''
    const limit = integerProperty(PROPERTY.maxRequestBodyBytes, DEFAULT_MAX_BODY_BYTES)
    const size = utf8Length(text)
    if (limit > 0 && size > limit) {
        throw apiError(413, 'Request body too large', 'The request body is ' + size + ' bytes; this API accepts at most ' + limit + ' bytes (property ' + PROPERTY.maxRequestBodyBytes + ').')
    }
    return text
}

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
        errorMessage = failure.message + (failure.detail ? ': ' + failure.detail : '') + (failure.logDetail ? ' [' + failure.logDetail + ']' : '')
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
