// Handlers of the connector API (/api/x_mioms_m365ticket/v1/connector/...). Each one only
// translates between HTTP and the domain modules in ../connector.
import type { RESTAPIRequest, RESTAPIResponse } from '@servicenow/glide/sn_ws_int'
import { badRequest } from '../connector/api-error.ts'
import {
    connectionStatus,
    registerConnection,
    removeConnection,
    requireConnection,
    type Connection,
} from '../connector/connections.ts'
import { defaultTicketType, type TicketType } from '../connector/settings.ts'
import { listStates, saveStateNames } from '../connector/states.ts'
import { validateTaskIntake } from '../connector/task-intake.ts'
import { decodeCursor, getTicket, intakeTask, listTickets, updateTicket, type TicketPatch } from '../connector/tickets.ts'
import {
    FieldErrors,
    field,
    isoDateTime,
    oneOf,
    parseJsonObject,
    priority,
    queryParam,
    tenantId,
    text,
    type JsonObject,
} from '../connector/validation.ts'
import { requestBodyText, runRoute, type CallFacts } from './route.ts'

export const API_BASE = '/api/x_mioms_m365ticket/v1/connector'
const MAX_PAGE_SIZE = 500
const DEFAULT_PAGE_SIZE = 100
const TICKET_NUMBER = /^[A-Za-z]{1,10}[0-9]{1,20}$/

function bodyOf(request: RESTAPIRequest): JsonObject {
    return parseJsonObject(requestBodyText(request))
}

/** The tenant named in the body (POST, PUT, PATCH) or the query (GET, DELETE); 400 when invalid. */
function tenantFrom(source: unknown, facts: CallFacts): string {
    const errors = new FieldErrors()
    const tenant = tenantId(errors, source)
    errors.throwIfAny()
    facts.tenantId = tenant
    return tenant as string
}

function connectionFor(tenant: string, facts: CallFacts, options?: { allowDisconnected?: boolean }): Connection {
    const connection = requireConnection(tenant, options)
    facts.connection = connection.sysId
    return connection
}

function ticketNumber(request: RESTAPIRequest, facts: CallFacts): string {
    const number = request.pathParams ? String(request.pathParams.number || '') : ''
    if (!TICKET_NUMBER.test(number)) throw badRequest('Invalid request', 'number: must be a ticket number such as CHG0010001')
    facts.ticketNumber = number.toUpperCase()
    return number.toUpperCase()
}

function ticketLocation(number: string, tenant: string): string {
    return API_BASE + '/tickets/' + number + '?tenantId=' + tenant
}

export function putConnection(request: RESTAPIRequest, response: RESTAPIResponse): void {
    runRoute('PUT /connection', request, response, (req, facts) => {
        const body = bodyOf(req)
        const errors = new FieldErrors()
        const tenant = tenantId(errors, field(body, 'tenantId'))
        const tenantName = text(errors, 'tenantName', field(body, 'tenantName'), { min: 1, max: 256 })
        const connectedBy = text(errors, 'connectedBy', field(body, 'connectedBy'), { min: 1, max: 254 })
        errors.throwIfAny()
        facts.tenantId = tenant
        const { connection, created } = registerConnection({
            tenantId: tenant as string,
            tenantName: tenantName as string,
            connectedBy: connectedBy as string,
        })
        facts.connection = connection.sysId
        return { status: created ? 201 : 200, body: connectionStatus(connection) }
    })
}

export function getConnection(request: RESTAPIRequest, response: RESTAPIResponse): void {
    runRoute('GET /connection', request, response, (req, facts) => {
        const connection = connectionFor(tenantFrom(queryParam(req.queryParams, 'tenantId'), facts), facts, { allowDisconnected: true })
        return { status: 200, body: connectionStatus(connection) }
    })
}

export function deleteConnection(request: RESTAPIRequest, response: RESTAPIResponse): void {
    runRoute('DELETE /connection', request, response, (req, facts) => {
        const connection = connectionFor(tenantFrom(queryParam(req.queryParams, 'tenantId'), facts), facts, { allowDisconnected: true })
        const { revokedTokens, tokenRevocation } = removeConnection(connection)
        return { status: 200, body: { tenantId: connection.tenantId, status: connection.status, revokedTokens, tokenRevocation } }
    })
}

export function postTask(request: RESTAPIRequest, response: RESTAPIResponse): void {
    runRoute('POST /tasks', request, response, (req, facts) => {
        const { tenantId: tenant, intake } = validateTaskIntake(bodyOf(req), defaultTicketType())
        facts.tenantId = tenant
        facts.taskId = intake.taskId
        const connection = connectionFor(tenant, facts)
        const { ticket, created } = intakeTask(connection, intake)
        facts.ticketNumber = ticket.number
        return { status: created ? 201 : 200, body: ticket, location: ticketLocation(ticket.number, tenant) }
    })
}

function listQuery(request: RESTAPIRequest) {
    const errors = new FieldErrors()
    const rawLimit = queryParam(request.queryParams, 'limit')
    let limit = DEFAULT_PAGE_SIZE
    if (rawLimit !== undefined) {
        limit = /^[0-9]{1,4}$/.test(rawLimit) ? parseInt(rawLimit, 10) : -1
        if (limit < 1 || limit > MAX_PAGE_SIZE) errors.add('limit', 'must be a whole number from 1 to ' + MAX_PAGE_SIZE)
    }
    const rawType = queryParam(request.queryParams, 'type')
    const type = rawType === undefined ? null : oneOf<TicketType>(errors, 'type', rawType, ['change', 'incident'])
    const updatedSince = isoDateTime(errors, 'updatedSince', queryParam(request.queryParams, 'updatedSince'), false)
    const rawCursor = queryParam(request.queryParams, 'cursor')
    const after = rawCursor === undefined ? null : decodeCursor(rawCursor)
    if (rawCursor !== undefined && !after) errors.add('cursor', 'is not a cursor this API returned')
    errors.throwIfAny()
    return { limit, type: type || null, updatedSince: updatedSince || null, after }
}

export function getTickets(request: RESTAPIRequest, response: RESTAPIResponse): void {
    runRoute('GET /tickets', request, response, (req, facts) => {
        const tenant = tenantFrom(queryParam(req.queryParams, 'tenantId'), facts)
        const query = listQuery(req)
        const connection = connectionFor(tenant, facts)
        return { status: 200, body: listTickets(connection, query) }
    })
}

export function getTicketByNumber(request: RESTAPIRequest, response: RESTAPIResponse): void {
    runRoute('GET /tickets/{number}', request, response, (req, facts) => {
        const tenant = tenantFrom(queryParam(req.queryParams, 'tenantId'), facts)
        const number = ticketNumber(req, facts)
        return { status: 200, body: getTicket(connectionFor(tenant, facts), number) }
    })
}

/** Fields a ticket has that Microsoft 365 may not change: named, so a client learns why. */
const NOT_PATCHABLE = ['name', 'state', 'ticketType', 'taskId', 'recommendationSource', 'recommendationCategory', 'requestedBy', 'secureScore', 'assignmentGroup', 'assignedTo']

export function patchTicket(request: RESTAPIRequest, response: RESTAPIResponse): void {
    runRoute('PATCH /tickets/{number}', request, response, (req, facts) => {
        const body = bodyOf(req)
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
        facts.tenantId = tenant
        const number = ticketNumber(req, facts)
        return { status: 200, body: updateTicket(connectionFor(tenant as string, facts), number, patch) }
    })
}

export function getStates(request: RESTAPIRequest, response: RESTAPIResponse): void {
    runRoute('GET /states', request, response, (req, facts) => {
        const connection = connectionFor(tenantFrom(queryParam(req.queryParams, 'tenantId'), facts), facts)
        return { status: 200, body: listStates(connection) }
    })
}

export function putStateNames(request: RESTAPIRequest, response: RESTAPIResponse): void {
    runRoute('PUT /state-names', request, response, (req, facts) => {
        const body = bodyOf(req)
        const connection = connectionFor(tenantFrom(field(body, 'tenantId'), facts), facts)
        return { status: 200, body: saveStateNames(connection, body) }
    })
}
