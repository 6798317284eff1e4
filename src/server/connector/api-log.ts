// One x_mioms_m365ticket_api_log row per connector call. Only identifiers and outcomes are
// recorded: never a request body, a header, a secret or a token.
import { GlideRecord, gs } from '@servicenow/glide'

export const API_LOG_TABLE = 'x_mioms_m365ticket_api_log'

export interface ApiCallRecord {
    route: string
    method: string
    httpStatus: number
    durationMs: number
    connection?: string
    tenantId?: string
    taskId?: string
    ticketNumber?: string
    errorMessage?: string
}

function clip(value: string | undefined, max: number): string {
    return value ? value.substring(0, max) : ''
}

export function writeApiLog(call: ApiCallRecord): void {
    const row = new GlideRecord(API_LOG_TABLE)
    row.initialize()
    row.setValue('route', clip(call.route, 100))
    row.setValue('method', call.method)
    row.setValue('http_status', String(call.httpStatus))
    row.setValue('duration_ms', String(Math.max(0, Math.round(call.durationMs))))
    row.setValue('caller', gs.getUserID())
    if (call.connection) row.setValue('connection', call.connection)
    row.setValue('tenant_id', clip(call.tenantId, 64))
    row.setValue('task_id', clip(call.taskId, 64))
    row.setValue('ticket_number', clip(call.ticketNumber, 40))
    row.setValue('error_message', clip(call.errorMessage, 1000))
    row.insert()
}
