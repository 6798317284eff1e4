// The domain as the script includes M365TicketService and M365ConnectionService expose it to
// flows, business rules, background scripts and other scopes. These callers are trusted server
// code, so a tenant is found by its id rather than by who the caller is.
import { GlideRecord } from '@servicenow/glide'
import { notFound } from '../platform/api-error.ts'
import { CONNECTION_TABLE, connectionStatus, findConnection, readConnection, removeConnection, type Connection, type ConnectionStatus, type TokenRevocation } from '../connector/connections.ts'
import { defaultTicketType } from '../connector/ticket-defaults.ts'
import { validateTaskIntake } from '../connector/task-intake.ts'
import { getTicket, intakeTask, listTickets, type IntakeResult, type Ticket, type TicketPage } from '../connector/tickets.ts'
import type { JsonObject } from '../platform/validation.ts'

function connectedTenant(tenantId: string): Connection {
    const connection = findConnection(String(tenantId).toLowerCase())
    if (!connection || connection.status === 'disconnected') throw notFound('Microsoft 365 tenant ' + tenantId + ' is not connected')
    return connection
}

/** Same rules and idempotency as POST /tasks; throws the same {status, message, detail} failures. */
export function createTicketFromTask(task: JsonObject): IntakeResult {
    const { tenantId, intake } = validateTaskIntake(task, defaultTicketType())
    return intakeTask(connectedTenant(tenantId), intake)
}

export function findTicket(tenantId: string, number: string): Ticket {
    return getTicket(connectedTenant(tenantId), String(number).toUpperCase())
}

export function listTenantTickets(tenantId: string, limit: number): TicketPage {
    return listTickets(connectedTenant(tenantId), { type: null, updatedSince: null, after: null, limit: Math.max(1, Math.min(500, limit || 100)) })
}

export function tenantConnectionStatus(tenantId: string): ConnectionStatus {
    const connection = findConnection(String(tenantId).toLowerCase())
    if (!connection) throw notFound('No connection for Microsoft 365 tenant ' + tenantId)
    return connectionStatus(connection)
}

export function listConnectionStatuses(): ConnectionStatus[] {
    const record = new GlideRecord(CONNECTION_TABLE)
    record.orderBy('tenant_name')
    record.query()
    const statuses: ConnectionStatus[] = []
    while (record.next()) {
        statuses.push(connectionStatus(readConnection(record)))
    }
    return statuses
}

export function disconnectTenant(tenantId: string): { revokedTokens: number; tokenRevocation: TokenRevocation } {
    const connection = findConnection(String(tenantId).toLowerCase())
    if (!connection) throw notFound('No connection for Microsoft 365 tenant ' + tenantId)
    return removeConnection(connection)
}
