/**
 * Entra's error answers: the JSON body of the token endpoint ("Handling error codes in your application" of the
 * AADSTS error code reference), the same description in the `error_description` of a redirect, and the refusal of
 * what the stand-in does not emulate. Sources: FIDELITY.md, section "Entra".
 */
import { randomUUID } from 'node:crypto'
import { header, NOT_EMULATED, type Incoming, type Reply } from './http-types.ts'

export interface StsDescription {
    description: string
    timestamp: string
    traceId: string
    correlationId: string
}

/** `AADSTSn: text\r\nTrace ID: …\r\nCorrelation ID: …\r\nTimestamp: yyyy-MM-dd HH:mm:ssZ`. */
export function describeSts(incoming: Incoming, now: Date, code: number, text: string): StsDescription {
    const traceId = randomUUID()
    const correlationId = header(incoming, 'client-request-id') ?? incoming.url.searchParams.get('client-request-id') ?? randomUUID()
    const timestamp = now.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z')
    return { description: `AADSTS${code}: ${text}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`, timestamp, traceId, correlationId }
}

export function errorUri(code: number): string {
    return `https://login.microsoftonline.com/error?code=${code}`
}

export function stsError(incoming: Incoming, now: Date, status: number, error: string, code: number, text: string): Reply {
    const sts = describeSts(incoming, now, code, text)
    return {
        status,
        body: {
            error,
            error_description: sts.description,
            error_codes: [code],
            timestamp: sts.timestamp,
            trace_id: sts.traceId,
            correlation_id: sts.correlationId,
            error_uri: errorUri(code),
        },
    }
}

export function notEmulatedSts(incoming: Incoming, now: Date, what: string): Reply {
    return { status: 501, body: { error: 'not_emulated', error_description: NOT_EMULATED + what, error_codes: [], timestamp: now.toISOString(), trace_id: randomUUID(), correlation_id: header(incoming, 'client-request-id') ?? randomUUID() } }
}
