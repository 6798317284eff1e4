// A ticket's timeline for Microsoft 365 (GET /tickets/{number}/activity), oldest first: additional comments and,
// when the admin shares them (x_mioms_m365ticket.share_work_notes), work notes, from the platform's journal
// (sys_journal_field); state and assignment changes from the app's history rows; and the resolution.
import { GlideRecord } from '@servicenow/glide'
import type { Connection } from './connections.ts'
import { HISTORY_TABLE, JOURNAL_TABLE, M365_COMMENT_TABLE } from './activity-tables.ts'
import { CloseCodeLabels, ticketResolution, type Resolution } from './resolution.ts'
import { customStateNames, type CustomStateNames } from './states.ts'
import type { TicketType } from './ticket-defaults.ts'
import { findByNumber } from './tickets.ts'
import { booleanProperty, PROPERTY } from '../platform/properties.ts'
import { FieldErrors, isoDateTime, isoFromGlide } from '../platform/validation.ts'

export const MAX_ACTIVITY_PAGE_SIZE = 500
const DEFAULT_ACTIVITY_PAGE_SIZE = 100

export interface JournalActivity {
    id: string
    kind: 'comment' | 'work_note'
    at: string
    /** servicenow: typed on the instance; microsoft365: posted by Microsoft 365 (POST /tickets/{number}/comments). */
    source: 'servicenow' | 'microsoft365'
    /** The ServiceNow user's name, or the Microsoft 365 author of a comment Microsoft 365 posted. */
    author: string
    text: string
    commentId: string | null
}

export interface ChangeActivity {
    id: string
    kind: 'state' | 'assignment_group' | 'assigned_to'
    at: string
    /** The user who made the change, by name (sys_user.name), else by user name when it has none or is gone. */
    by: string
    from: { value: string; label: string; customLabel: string | null } | null
    to: { value: string; label: string; customLabel: string | null } | null
}

export interface ResolutionActivity {
    id: string
    kind: 'resolution'
    at: string
    resolution: Resolution
}

export type ActivityEntry = JournalActivity | ChangeActivity | ResolutionActivity

export interface ActivityQuery {
    since: string | null
    after: string | null
    limit: number
}

export interface ActivityPage {
    number: string
    entries: ActivityEntry[]
    nextCursor: string | null
}

/** An entry's place in the timeline: its time as 'YYYYMMDDHHmmss', then its id. Also the page cursor. */
const CURSOR_PATTERN = /^\d{14}\.[0-9a-z-]{1,64}$/

export interface RawActivityQuery {
    limit?: string
    since?: string
    cursor?: string
}

export function validateActivityQuery(raw: RawActivityQuery): ActivityQuery {
    const errors = new FieldErrors()
    let limit = DEFAULT_ACTIVITY_PAGE_SIZE
    if (raw.limit !== undefined) {
        limit = /^[0-9]{1,4}$/.test(raw.limit) ? parseInt(raw.limit, 10) : -1
        if (limit < 1 || limit > MAX_ACTIVITY_PAGE_SIZE) errors.add('limit', 'must be a whole number from 1 to ' + MAX_ACTIVITY_PAGE_SIZE)
    }
    const since = isoDateTime(errors, 'since', raw.since, false)
    if (raw.cursor !== undefined && !CURSOR_PATTERN.test(raw.cursor)) errors.add('cursor', 'is not a cursor this API returned')
    errors.throwIfAny()
    return { limit, since: since || null, after: raw.cursor === undefined ? null : raw.cursor }
}

function sortKey(entry: ActivityEntry): string {
    return entry.at.replace(/[-T:Z]/g, '') + '.' + entry.id
}

/** Display names of the users named in a timeline (journal writers, history rows' changed_by), read once per user name. */
class UserNames {
    private readonly names: { [userName: string]: string } = {}

    of(userName: string): string {
        if (this.names[userName] === undefined) {
            const user = new GlideRecord('sys_user')
            user.addQuery('user_name', userName)
            user.setLimit(1)
            user.query()
            this.names[userName] = user.next() ? user.getValue('name') || userName : userName
        }
        return this.names[userName]
    }
}

/** Comments Microsoft 365 posted on this ticket, by the sys_id of their journal entry. */
function m365Comments(connection: Connection, ticketSysId: string): { [journalEntry: string]: { commentId: string; author: string; text: string } } {
    const receipt = new GlideRecord(M365_COMMENT_TABLE)
    receipt.addQuery('connection', connection.sysId)
    receipt.addQuery('ticket', ticketSysId)
    receipt.query()
    const byEntry: { [journalEntry: string]: { commentId: string; author: string; text: string } } = {}
    while (receipt.next()) {
        const entry = receipt.getValue('journal_entry')
        if (entry) byEntry[entry] = { commentId: receipt.getValue('comment_id') || '', author: receipt.getValue('author') || '', text: receipt.getValue('text') || '' }
    }
    return byEntry
}

function journalActivity(connection: Connection, record: GlideRecord, shareWorkNotes: boolean, users: UserNames): JournalActivity[] {
    const fromM365 = m365Comments(connection, record.getUniqueValue())
    const entry = new GlideRecord(JOURNAL_TABLE)
    entry.addQuery('element_id', record.getUniqueValue())
    entry.addQuery('element', shareWorkNotes ? 'IN' : '=', shareWorkNotes ? 'comments,work_notes' : 'comments')
    entry.orderBy('sys_created_on')
    entry.query()
    const entries: JournalActivity[] = []
    while (entry.next()) {
        const posted = fromM365[entry.getUniqueValue()]
        const writer = entry.getValue('sys_created_by') || ''
        entries.push({
            id: entry.getUniqueValue(),
            kind: entry.getValue('element') === 'work_notes' ? 'work_note' : 'comment',
            at: isoFromGlide(entry.getValue('sys_created_on')) || '',
            source: posted ? 'microsoft365' : 'servicenow',
            author: posted ? posted.author : users.of(writer),
            text: posted ? posted.text : entry.getValue('value') || '',
            commentId: posted ? posted.commentId : null,
        })
    }
    return entries
}

function changeActivity(record: GlideRecord, type: TicketType, stateNames: CustomStateNames, users: UserNames): ChangeActivity[] {
    const row = new GlideRecord(HISTORY_TABLE)
    row.addQuery('ticket', record.getUniqueValue())
    row.orderBy('changed_at')
    row.query()
    const entries: ChangeActivity[] = []
    const side = (field: string, value: string, label: string): ChangeActivity['from'] => {
        if (!value) return null
        const custom = field === 'state' ? stateNames[type][value] : undefined
        return { value, label, customLabel: custom === undefined ? null : custom }
    }
    while (row.next()) {
        const field = row.getValue('field') || ''
        entries.push({
            id: row.getUniqueValue(),
            kind: field as ChangeActivity['kind'],
            at: isoFromGlide(row.getValue('changed_at')) || '',
            // Named as journal writers are, so that one person reads the same on every entry.
            by: users.of(row.getValue('changed_by') || ''),
            from: side(field, row.getValue('old_value') || '', row.getValue('old_display') || ''),
            to: side(field, row.getValue('new_value') || '', row.getValue('new_display') || ''),
        })
    }
    return entries
}

/** GET /tickets/{number}/activity: one page of the ticket's timeline, oldest first. */
export function ticketActivity(connection: Connection, number: string, query: ActivityQuery): ActivityPage {
    const { record, type } = findByNumber(connection, number)
    const shareWorkNotes = booleanProperty(PROPERTY.shareWorkNotes, false)
    const users = new UserNames()
    const entries: ActivityEntry[] = [...journalActivity(connection, record, shareWorkNotes, users), ...changeActivity(record, type, customStateNames(connection), users)]
    const resolution = ticketResolution(record, type, new CloseCodeLabels())
    if (resolution) entries.push({ id: 'resolution', kind: 'resolution', at: resolution.resolvedAt || isoFromGlide(record.getValue('sys_updated_on')) || '', resolution })
    const since = query.since ? isoFromGlide(query.since) || '' : ''
    const ordered = entries
        .filter((entry) => entry.at >= since)
        .map((entry) => ({ key: sortKey(entry), entry }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .filter((keyed) => query.after === null || keyed.key > (query.after as string))
    const page = ordered.slice(0, query.limit)
    return {
        number: record.getValue('number') || '',
        entries: page.map((keyed) => keyed.entry),
        nextCursor: ordered.length > query.limit ? page[page.length - 1].key : null,
    }
}
