// One assertion for an error answer of the app's APIs: the exact status and the whole error envelope
// (sn_ws_err.ServiceError: status "failure", error.message and error.detail), not only the status code.
import { isApiError } from '../../src/server/platform/api-error.ts'
import type { CallResult } from './handler-calls.ts'

export function expectFailure(result: CallResult, status: number, message: string, detail: string): void {
    expect({ status: result.status, body: result.json }).toEqual({ status, body: { status: 'failure', error: { message, detail } } })
}

/** The 403 of a tenant the calling integration user does not hold a connection for (connector/connections.ts). */
export function notConnected(tenant: string): string {
    return 'Microsoft 365 tenant ' + tenant + ' is not connected to this instance through this integration user. Connect it again, signed in to ServiceNow as the integration user.'
}

/** The 404 of a ticket number the tenant has no ticket under (connector/tickets.ts). */
export function noTicket(number: string, tenant: string): string {
    return 'No ticket ' + number + ' for Microsoft 365 tenant ' + tenant
}

/** The detail of the 400 "Invalid request" a domain call throws (it must throw one). */
export function invalidRequestDetail(call: () => unknown): string {
    try {
        call()
    } catch (e) {
        expect(isApiError(e)).toBe(true)
        const error = e as { status: number; message: string; detail: string }
        expect([error.status, error.message]).toEqual([400, 'Invalid request'])
        return error.detail
    }
    throw new Error('expected a 400')
}
