// Handlers of the connector API (/api/x_mioms_m365ticket/v1/connector/...). Each one only
// translates between HTTP and the domain modules in ../connector.
import type { RESTAPIRequest, RESTAPIResponse } from '@servicenow/glide/sn_ws_int'
import {
    connectionStatus,
    registerConnection,
    removeConnection,
    requireConnection,
    validateRegistration,
    type Connection,
} from '../connector/connections.ts'
import { ticketActivity, validateActivityQuery } from '../connector/activity.ts'
import { addComment, validateComment } from '../connector/comments.ts'
import { listStates, saveStateNames } from '../connector/states.ts'
import { validateTaskIntake } from '../connector/task-intake.ts'
import { defaultTicketType } from '../connector/ticket-defaults.ts'
import { validateListQuery, validateTicketNumber, validateTicketPatch } from '../connector/ticket-requests.ts'
import { getTicket, intakeTask, listTickets, updateTicket } from '../connector/tickets.ts'
import { FieldErrors, field, parseJsonObject, queryParam, tenantId, type JsonObject } from '../platform/validation.ts'
import { requestBodyText, runRoute, type CallFacts } from './route.ts'

export const API_BASE = '/api/x_mioms_m365ticket/v1/connector'

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
    const number = validateTicketNumber(request.pathParams ? String(request.pathParams.number || '') : '')
    facts.ticketNumber = number
    return number
}

function ticketLocation(number: string, tenant: string): string {
    return API_BASE + '/tickets/' + number + '?tenantId=' + tenant
}

export function putConnection(request: RESTAPIRequest, response: RESTAPIResponse): void {
    runRoute('PUT /connection', request, response, (req, facts) => {
        const registration = validateRegistration(bodyOf(req))
        facts.tenantId = registration.tenantId
        const { connection, created } = registerConnection(registration)
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

export function getTickets(request: RESTAPIRequest, response: RESTAPIResponse): void {
    runRoute('GET /tickets', request, response, (req, facts) => {
        const tenant = tenantFrom(queryParam(req.queryParams, 'tenantId'), facts)
        const params = req.queryParams
        const query = validateListQuery({
            limit: queryParam(params, 'limit'),
            type: queryParam(params, 'type'),
            updatedSince: queryParam(params, 'updatedSince'),
            cursor: queryParam(params, 'cursor'),
        })
        return { status: 200, body: listTickets(connectionFor(tenant, facts), query) }
    })
}

export function getTicketByNumber(request: RESTAPIRequest, response: RESTAPIResponse): void {
    runRoute('GET /tickets/{number}', request, response, (req, facts) => {
        const tenant = tenantFrom(queryParam(req.queryParams, 'tenantId'), facts)
        const number = ticketNumber(req, facts)
        return { status: 200, body: getTicket(connectionFor(tenant, facts), number) }
    })
}

export function patchTicket(request: RESTAPIRequest, response: RESTAPIResponse): void {
    runRoute('PATCH /tickets/{number}', request, response, (req, facts) => {
        const { tenantId: tenant, patch } = validateTicketPatch(bodyOf(req))
        facts.tenantId = tenant
        const number = ticketNumber(req, facts)
        return { status: 200, body: updateTicket(connectionFor(tenant, facts), number, patch) }
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

export function getTicketActivity(request: RESTAPIRequest, response: RESTAPIResponse): void {
    runRoute('GET /tickets/{number}/activity', request, response, (req, facts) => {
        const tenant = tenantFrom(queryParam(req.queryParams, 'tenantId'), facts)
        const number = ticketNumber(req, facts)
        const params = req.queryParams
        const query = validateActivityQuery({ limit: queryParam(params, 'limit'), since: queryParam(params, 'since'), cursor: queryParam(params, 'cursor') })
        return { status: 200, body: ticketActivity(connectionFor(tenant, facts), number, query) }
    })
}

export function postTicketComment(request: RESTAPIRequest, response: RESTAPIResponse): void {
    runRoute('POST /tickets/{number}/comments', request, response, (req, facts) => {
        const { tenantId: tenant, comment } = validateComment(bodyOf(req))
        facts.tenantId = tenant
        const number = ticketNumber(req, facts)
        const { entry, created } = addComment(connectionFor(tenant, facts), number, comment)
        return { status: created ? 201 : 200, body: entry }
    })
}
