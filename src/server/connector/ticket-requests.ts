// What Microsoft 365 may ask of its tickets, validated: the list query (GET /tickets), the ticket number of
// a path, and the patch (PATCH /tickets/{number}). The REST handlers only pass the raw values in.
import { badRequest } from '../platform/api-error.ts'
import { FieldErrors, field, isoDateTime, oneOf, priority, tenantId, text, type JsonObject } from '../platform/validation.ts'
import type { TicketType } from './ticket-defaults.ts'
import { decodeCursor, type TicketListQuery, type TicketPatch } from './tickets.ts'

export const MAX_PAGE_SIZE = 500
const DEFAULT_PAGE_SIZE = 100
const TICKET_NUMBER = /^[A-Za-z]{1,10}[0-9]{1,20}$/

/** Fields a ticket has that Microsoft 365 may not change: named, so a client learns why. */
const NOT_PATCHABLE = ['name', 'state', 'ticketType', 'taskId', 'recommendationSource', 'recommendationCategory', 'requestedBy', 'secureScore', 'assignmentGroup', 'assignedTo']

export interface RawListQuery {
    limit?: string
    type?: string
    updatedSince?: string
    cursor?: string
}

export function validateListQuery(raw: RawListQuery): TicketListQuery {
    const errors = new FieldErrors()
    let limit = DEFAULT_PAGE_SIZE
    if (raw.limit !== undefined) {
        limit = /^[0-9]{1,4}$/.test(raw.limit) ? parseInt(raw.limit, 10) : -1
        if (limit < 1 || limit > MAX_PAGE_SIZE) errors.add('limit', 'must be a whole number from 1 to ' + MAX_PAGE_SIZE)
    }
    const type = raw.type === undefined ? null : oneOf<TicketType>(errors, 'type', raw.type, ['change', 'incident'])
    const updatedSince = isoDateTime(errors, 'updatedSince', raw.updatedSince, false)
    const after = raw.cursor === undefined ? null : decodeCursor(raw.cursor)
    if (raw.cursor !== undefined && !after) errors.add('cursor', 'is not a cursor this API returned')
    errors.throwIfAny()
    return { limit, type: type || null, updatedSince: updatedSince || null, after }
}

/** A ticket number as a path names it (CHG0010001, INC0010001), upper-cased; 400 otherwise. */
export function validateTicketNumber(raw: string): string {
    if (!TICKET_NUMBER.test(raw)) throw badRequest('Invalid request', 'number: must be a ticket number such as CHG0010001')
    return raw.toUpperCase()
}

/** PATCH /tickets/{number}: the tenant, and at least one of priority, dueDate, description. */
export function validateTicketPatch(body: JsonObject): { tenantId: string; patch: TicketPatch } {
    const errors = new FieldErrors()
    const tenant = tenantId(errors, field(body, 'tenantId'))
    const patch: TicketPatch = {}
    const newPriority = priority(errors, field(body, 'priority'), false)
    if (newPriority !== undefined) patch.priority = newPriority
    const dueDate = isoDateTime(errors, 'dueDate', field(body, 'dueDate'), true)
    if (dueDate !== undefined) patch.dueDate = dueDate
    if (field(body, 'description') !== undefined) {
        const description = text(errors, 'description', field(body, 'description'), { min: 0, max: 4000, multiLine: true })
        if (description !== undefined) patch.description = description
    }
    for (const name of NOT_PATCHABLE) {
        if (field(body, name) !== undefined) errors.add(name, 'cannot be changed; only priority, dueDate and description can')
    }
    if (errors.isEmpty && Object.keys(patch).length === 0) errors.add('body', 'name at least one of priority, dueDate, description')
    errors.throwIfAny()
    return { tenantId: tenant as string, patch }
}
