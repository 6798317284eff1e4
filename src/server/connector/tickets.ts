// Tickets made from Microsoft 365 tasks: intake (with idempotent replay), read-back, listing for
// delta sync, and the updates Microsoft 365 may make. Every query is limited to one connection.
import { GlideDateTime, GlideRecord, gs } from '@servicenow/glide'
import { apiError, conflict, notFound, type ApiError } from '../platform/api-error.ts'
import type { Connection } from './connections.ts'
import { instanceBaseUrl } from '../platform/properties.ts'
import { assignmentGroupFor, type TicketType } from './ticket-defaults.ts'
import { customStateNames, type CustomStateNames } from './states.ts'
import { differingFields, type TaskIntake } from './task-intake.ts'
import { isoFromGlide } from '../platform/validation.ts'
import { requireFields } from '../platform/fields.ts'
import { CloseCodeLabels, ticketOutcome, ticketResolution, type Outcome, type Resolution } from './resolution.ts'

export const TICKET_TABLE: { readonly [type in TicketType]: string } = {
    change: 'x_mioms_m365ticket_change_request',
    incident: 'x_mioms_m365ticket_incident',
}
const TICKET_TYPES: TicketType[] = ['change', 'incident']

/** Incident priority is calculated from impact and urgency; these pairs give priorities 1-4. */
const INCIDENT_IMPACT_URGENCY: { [priority: number]: [string, string] } = {
    1: ['1', '1'],
    2: ['1', '2'],
    3: ['2', '2'],
    4: ['2', '3'],
}

const CATEGORY_LABEL: { [category: string]: string } = {
    devices: 'Devices',
    data: 'Data',
    apps: 'Apps',
    identity: 'Identity',
    infrastructure: 'Infrastructure',
}

export interface Ticket {
    number: string
    sysId: string
    taskId: string
    type: TicketType
    name: string
    /** The description as POST /tasks and PATCH take it: without the Secure Score block the app appends. */
    description: string
    state: { value: string; label: string; customLabel: string | null }
    priority: { value: string; label: string }
    dueDate: string | null
    assignmentGroup: string | null
    assignedTo: string | null
    opened: string | null
    updated: string | null
    closed: string | null
    outcome: Outcome
    resolution: Resolution | null
    link: string
}

/** The Secure Score block appended to the description Microsoft 365 sent. */
export function secureScoreBlock(intake: TaskIntake): string {
    const lines = ['--- Microsoft 365 Secure Score ---']
    if (intake.secureScore) {
        const title = intake.secureScore.title ? ' (' + intake.secureScore.title + ')' : ''
        lines.push('Control: ' + intake.secureScore.controlId + title)
    }
    lines.push('Category: ' + CATEGORY_LABEL[intake.recommendationCategory])
    lines.push('Source: ' + (intake.recommendationSource === 'microsoft' ? 'Microsoft' : 'User'))
    lines.push('Requested by: ' + intake.requestedBy)
    if (intake.secureScore && intake.secureScore.actionUrl) lines.push('Action URL: ' + intake.secureScore.actionUrl)
    return lines.join('\n')
}

export function composeDescription(intake: TaskIntake, description: string): string {
    const block = secureScoreBlock(intake)
    return description ? description + '\n\n' + block : block
}

function setPriority(record: GlideRecord, type: TicketType, priority: number): void {
    if (type === 'incident') {
        record.setValue('impact', INCIDENT_IMPACT_URGENCY[priority][0])
        record.setValue('urgency', INCIDENT_IMPACT_URGENCY[priority][1])
    } else {
        record.setValue('priority', String(priority))
    }
}

function setDueDate(record: GlideRecord, dueDate: string | null): void {
    record.setValue('due_date', dueDate || '')
}

export interface FoundTicket {
    record: GlideRecord
    type: TicketType
}

/** The connection's ticket whose `field` equals `value`, in either ticket table. */
function findTicketBy(connection: Connection, field: 'm365_task_id' | 'number', value: string): FoundTicket | null {
    for (const type of TICKET_TYPES) {
        const record = new GlideRecord(TICKET_TABLE[type])
        // The ticket found is updated (PATCH): a dropped condition must not pick another tenant's ticket.
        requireFields(record, ['connection', field])
        record.addQuery('connection', connection.sysId)
        record.addQuery(field, value)
        record.setLimit(1)
        record.query()
        if (record.next()) return { record, type }
    }
    return null
}

function storedIntake(record: GlideRecord): TaskIntake | null {
    const payload = record.getValue('intake_payload')
    if (!payload) return null
    try {
        return JSON.parse(payload) as TaskIntake
    } catch (e) {
        return null
    }
}

function replay(found: FoundTicket, intake: TaskIntake, connection: Connection): Ticket {
    const original = storedIntake(found.record)
    const differences = original ? differingFields(original, intake) : ['intake payload unreadable']
    if (differences.length > 0) {
        throw conflict(
            'Task ' + intake.taskId + ' was already received with different content as ' + found.record.getValue('number'),
            'Differing fields: ' + differences.join(', '),
        )
    }
    return serializeTicket(found.record, found.type, customStateNames(connection))
}

export interface IntakeResult {
    ticket: Ticket
    created: boolean
}

/**
 * POST /tasks: a shared improvement action becomes a change request or an incident. The same task
 * again returns the existing ticket and writes nothing; different content for it is a 409.
 */
export function intakeTask(connection: Connection, intake: TaskIntake): IntakeResult {
    const existing = findTicketBy(connection, 'm365_task_id', intake.taskId)
    if (existing) return { ticket: replay(existing, intake, connection), created: false }

    const type = intake.ticketType
    const record = new GlideRecord(TICKET_TABLE[type])
    record.initialize()
    record.setValue('short_description', intake.name)
    record.setValue('description', composeDescription(intake, intake.description))
    setPriority(record, type, intake.priority)
    setDueDate(record, intake.dueDate)
    record.setValue('opened_at', new GlideDateTime().getValue())
    record.setValue('opened_by', gs.getUserID())
    const group = assignmentGroupFor(type)
    if (group) record.setValue('assignment_group', group)
    if (type === 'change') {
        // The platform's requested_by (a sys_user reference) names the ServiceNow account that asked: the
        // integration user, as its default would; the Microsoft 365 admin is kept in m365_requested_by.
        record.setValue('requested_by', gs.getUserID())
        record.setValue('type', 'normal')
        record.setValue('category', 'security')
    } else {
        record.setValue('caller_id', gs.getUserID())
    }
    record.setValue('m365_task_id', intake.taskId)
    record.setValue('connection', connection.sysId)
    record.setValue('recommendation_source', intake.recommendationSource)
    record.setValue('recommendation_category', intake.recommendationCategory)
    record.setValue('m365_requested_by', intake.requestedBy)
    record.setValue('secure_score_control', intake.secureScore ? intake.secureScore.controlId : '')
    record.setValue('action_url', intake.secureScore && intake.secureScore.actionUrl ? intake.secureScore.actionUrl : '')
    record.setValue('intake_payload', JSON.stringify(intake))
    if (!record.insert()) {
        // The unique index on (connection, task id) refused a concurrent duplicate: replay the winner.
        const winner = findTicketBy(connection, 'm365_task_id', intake.taskId)
        if (winner) return { ticket: replay(winner, intake, connection), created: false }
        throw apiError(500, 'The ticket could not be created', 'The instance refused the insert into ' + TICKET_TABLE[type])
    }
    return { ticket: serializeTicket(record, type, customStateNames(connection)), created: true }
}

function displayOrNull(record: GlideRecord, fieldName: string): string | null {
    return record.getValue(fieldName) ? record.getDisplayValue(fieldName) : null
}

/**
 * The ticket's current description as Microsoft 365 writes it (POST /tasks, PATCH): the field without the Secure
 * Score block the app appended, while that block is still there, unchanged, at its end; else the whole field (an
 * agent rewrote the block, or the stored task is unreadable). Line endings read as '\n': a form may save '\r\n'.
 */
function sentDescription(record: GlideRecord): string {
    const description = (record.getValue('description') || '').replace(/\r\n/g, '\n')
    const intake = storedIntake(record)
    if (!intake) return description
    const block = secureScoreBlock(intake)
    if (description === block) return ''
    const appended = '\n\n' + block
    return description.endsWith(appended) ? description.substring(0, description.length - appended.length) : description
}

export function ticketLink(table: string, sysId: string): string {
    return instanceBaseUrl() + table + '.do?sys_id=' + sysId
}

export function serializeTicket(record: GlideRecord, type: TicketType, stateNames: CustomStateNames, closeCodes: CloseCodeLabels = new CloseCodeLabels()): Ticket {
    const state = record.getValue('state') || ''
    const custom = stateNames[type][state]
    return {
        number: record.getValue('number') || '',
        sysId: record.getUniqueValue(),
        taskId: record.getValue('m365_task_id') || '',
        type,
        name: record.getValue('short_description') || '',
        description: sentDescription(record),
        state: { value: state, label: record.getDisplayValue('state'), customLabel: custom === undefined ? null : custom },
        priority: { value: record.getValue('priority') || '', label: record.getDisplayValue('priority') },
        dueDate: isoFromGlide(record.getValue('due_date')),
        assignmentGroup: displayOrNull(record, 'assignment_group'),
        assignedTo: displayOrNull(record, 'assigned_to'),
        opened: isoFromGlide(record.getValue('opened_at')),
        updated: isoFromGlide(record.getValue('sys_updated_on')),
        closed: isoFromGlide(record.getValue('closed_at')),
        outcome: ticketOutcome(record, type),
        resolution: ticketResolution(record, type, closeCodes),
        link: ticketLink(TICKET_TABLE[type], record.getUniqueValue()),
    }
}

/** The connection's ticket with this number; 404 when there is none (another tenant's ticket included). */
export function findByNumber(connection: Connection, number: string): FoundTicket {
    const found = findTicketBy(connection, 'number', number)
    if (!found) throw notFound('No ticket ' + number + ' for Microsoft 365 tenant ' + connection.tenantId)
    return found
}

export function getTicket(connection: Connection, number: string): Ticket {
    const found = findByNumber(connection, number)
    return serializeTicket(found.record, found.type, customStateNames(connection))
}

export interface TicketPatch {
    priority?: number
    dueDate?: string | null
    description?: string
}

/**
 * The 409 for a ticket update the instance's rules refused as the ticket is stored: a data policy (an incident stored
 * Resolved or Closed without resolution code and notes), a before business rule that aborts. No retry passes until
 * someone changes the ticket in ServiceNow, so the detail gives the platform's reason: getLastErrorMessage(), which
 * each of these refusals sets, with its white space collapsed (the data policy's message spans lines).
 */
export function ticketUpdateRefused(record: GlideRecord, message: string): ApiError {
    const reason = record.getLastErrorMessage().replace(/\s+/g, ' ')
    return conflict(message, 'The instance refused the update of ' + record.getValue('number') + ': ' + reason)
}

/**
 * PATCH /tickets/{number}: Microsoft 365 may change the priority, due date and description; 409 when the instance's
 * rules refuse the update.
 */
export function updateTicket(connection: Connection, number: string, patch: TicketPatch): Ticket {
    const found = findByNumber(connection, number)
    const { record, type } = found
    if (patch.priority !== undefined) setPriority(record, type, patch.priority)
    if (patch.dueDate !== undefined) setDueDate(record, patch.dueDate)
    if (patch.description !== undefined) {
        const intake = storedIntake(record)
        record.setValue('description', intake ? composeDescription(intake, patch.description) : patch.description)
    }
    if (!record.update()) throw ticketUpdateRefused(record, 'The ticket could not be updated')
    return serializeTicket(record, type, customStateNames(connection))
}

/** A position in the (sys_updated_on, sys_id) order, as 'YYYYMMDDHHmmss.<sys_id>'. */
export interface ListCursor {
    updatedOn: string
    sysId: string
}

const CURSOR_PATTERN = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\.([0-9a-f]{32})$/

export function encodeCursor(cursor: ListCursor): string {
    return cursor.updatedOn.replace(/[- :]/g, '') + '.' + cursor.sysId
}

export function decodeCursor(value: string): ListCursor | null {
    const parts = CURSOR_PATTERN.exec(value)
    if (!parts) return null
    return {
        updatedOn: parts[1] + '-' + parts[2] + '-' + parts[3] + ' ' + parts[4] + ':' + parts[5] + ':' + parts[6],
        sysId: parts[7],
    }
}

export interface TicketListQuery {
    type: TicketType | null
    updatedSince: string | null
    after: ListCursor | null
    limit: number
}

export interface TicketPage {
    tickets: Ticket[]
    nextCursor: string | null
}

/** One ticket table's page query, positioned on its current row; exhausted when `current` is false. */
interface TicketStream {
    type: TicketType
    record: GlideRecord
    current: boolean
}

function openStream(connection: Connection, type: TicketType, query: TicketListQuery): TicketStream {
    const record = new GlideRecord(TICKET_TABLE[type])
    record.addQuery('connection', connection.sysId)
    if (query.updatedSince) record.addQuery('sys_updated_on', '>=', query.updatedSince)
    if (query.after) {
        record.addQuery('sys_updated_on', '>=', query.after.updatedOn)
        record.addQuery('sys_updated_on', '>', query.after.updatedOn).addOrCondition('sys_id', '>', query.after.sysId)
    }
    record.orderBy('sys_updated_on')
    record.orderBy('sys_id')
    record.setLimit(query.limit + 1)
    record.query()
    return { type, record, current: record.next() }
}

function streamKey(stream: TicketStream): ListCursor {
    return { updatedOn: stream.record.getValue('sys_updated_on') || '', sysId: stream.record.getUniqueValue() }
}

function isBefore(a: ListCursor, b: ListCursor): boolean {
    return a.updatedOn !== b.updatedOn ? a.updatedOn < b.updatedOn : a.sysId < b.sysId
}

/** The stream whose current row comes first in (sys_updated_on, sys_id) order; null when all are exhausted. */
function nextStream(streams: TicketStream[]): TicketStream | null {
    let first: TicketStream | null = null
    for (const stream of streams) {
        if (stream.current && (!first || isBefore(streamKey(stream), streamKey(first)))) first = stream
    }
    return first
}

/**
 * GET /tickets: one page in (sys_updated_on, sys_id) order. Keyset paging, not offsets, so tickets
 * inserted or updated while a client pages are never skipped or shown twice among those it had.
 * Each ticket table is read in that order, and the two are merged as they are read, so only the
 * tickets on the page are serialized.
 */
export function listTickets(connection: Connection, query: TicketListQuery): TicketPage {
    const stateNames = customStateNames(connection)
    const closeCodes = new CloseCodeLabels()
    const streams = (query.type ? [query.type] : TICKET_TYPES).map((type) => openStream(connection, type, query))
    const tickets: Ticket[] = []
    let last: ListCursor | null = null
    let stream = nextStream(streams)
    while (stream && tickets.length < query.limit) {
        last = streamKey(stream)
        tickets.push(serializeTicket(stream.record, stream.type, stateNames, closeCodes))
        stream.current = stream.record.next()
        stream = nextStream(streams)
    }
    return { tickets, nextCursor: stream && last ? encodeCursor(last) : null }
}
