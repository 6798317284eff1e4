/**
 * Tracking a shared ticket from Microsoft 365: its timeline (GET /tickets/{number}/activity, every page), the
 * comments typed here (POST /tickets/{number}/comments), and what the ticket's outcome means for the improvement
 * action, in Secure Score's own action statuses (To address, Planned, Risk accepted, Resolved through third party,
 * Resolved through alternate mitigation).
 *
 *   fetchActivity(link, number)          → the whole timeline, oldest first
 *   sendComment(link, id, author)        sends a stored comment with its stored id; safe to call again
 *   actionStatus(ticket)                 → the improvement action's status and note for a shared ticket
 */
import { InstanceApiError } from '../ports/servicenow/http-client.ts'
import { errorDetail, plainError, type ServiceNowLink } from '../ports/servicenow/link.ts'
import type { OutgoingComment, StoredTicket, TicketResolution } from '../store/store.ts'

export const MAX_COMMENT_LENGTH = 4000

interface StateSide {
    value: string
    label: string
    customLabel: string | null
}

export interface JournalEntry {
    id: string
    kind: 'comment' | 'work_note'
    at: string
    source: 'servicenow' | 'microsoft365'
    author: string
    text: string
    commentId: string | null
}

export interface ChangeEntry {
    id: string
    kind: 'state' | 'assignment_group' | 'assigned_to'
    at: string
    by: string
    from: StateSide | null
    to: StateSide | null
}

export interface ResolutionEntry {
    id: string
    kind: 'resolution'
    at: string
    resolution: TicketResolution
}

export type ActivityEntry = JournalEntry | ChangeEntry | ResolutionEntry

export function isJournalEntry(entry: ActivityEntry): entry is JournalEntry {
    return entry.kind === 'comment' || entry.kind === 'work_note'
}

const MAX_PAGES = 50

export async function fetchActivity(link: ServiceNowLink, number: string): Promise<ActivityEntry[]> {
    const entries: ActivityEntry[] = []
    let cursor: string | null = null
    for (let page = 0; page < MAX_PAGES; page++) {
        const { result }: { result: { entries: ActivityEntry[]; nextCursor: string | null } } = await link.call('GET', '/tickets/' + encodeURIComponent(number) + '/activity', { query: { limit: 500, cursor } })
        entries.push(...result.entries)
        cursor = result.nextCursor
        if (!cursor) break
    }
    return entries
}

/** Newlines are the only control characters a comment may hold (the connector's rule, checked here first). */
export function commentProblem(text: string): string | null {
    if (!text.trim()) return 'Enter a comment.'
    if (text.length > MAX_COMMENT_LENGTH) return 'Use at most ' + MAX_COMMENT_LENGTH + ' characters.'
    if (/[\u0000-\u0009\u000b-\u001f\u007f]/.test(text.replace(/\r\n/g, '\n'))) return 'Use text and line breaks only.' // eslint-disable-line no-control-regex
    return null
}

/**
 * The app's 409 for a comment id it already holds with other content. Its other 409 on this route (the instance
 * refused to update the ticket, e.g. a data policy) is not about the id and is shown as the instance words it.
 */
function isReplayConflict(error: unknown, id: string): boolean {
    if (!(error instanceof InstanceApiError) || error.status !== 409) return false
    return error.message.includes(`Comment ${id} was already received with different content`) || /^Differing fields:/.test(error.detail ?? '')
}

/**
 * Sends a stored comment as its author, the signed-in admin, with the id stored before the first send: a retry
 * (of the HTTP client, or of the admin) is answered with the same entry and never makes a second comment.
 */
export async function sendComment(link: ServiceNowLink, id: string, author: string): Promise<OutgoingComment> {
    const store = link.store
    const comment = store.getComment(id)
    if (!comment) throw new Error('No such comment: ' + id)
    if (comment.status === 'sent') return comment
    try {
        await link.call('POST', '/tickets/' + encodeURIComponent(comment.ticketNumber) + '/comments', { body: { commentId: comment.id, author, text: comment.text } })
        store.markComment(id, 'sent', null)
    } catch (error) {
        link.log('comment ' + id + ' on ' + comment.ticketNumber + ' failed: ' + errorDetail(error))
        store.markComment(id, 'failed', (isReplayConflict(error, id) ? 'ServiceNow already has a different comment under this id: ' : '') + plainError(error))
    }
    return store.getComment(id) as OutgoingComment
}

/** Said wherever a resolution's notes would be, when ServiceNow has none. */
export const NO_RESOLUTION_NOTES = 'no resolution notes'

export type ActionStatus = 'To address' | 'Resolved through third party'

/**
 * The improvement action's status once shared: a change closed successfully or an incident resolved or closed
 * resolves it through the third party (with the ticket number and resolution notes); a cancelled ticket puts it
 * back to To address with a note; otherwise it stays To address while the ticket is worked.
 */
export function actionStatus(ticket: StoredTicket): { status: ActionStatus; note: string } {
    if (ticket.outcome === 'resolved') {
        const notes = ticket.resolution?.notes?.trim() ? ': ' + ticket.resolution.notes.trim() : ` (${NO_RESOLUTION_NOTES})`
        return { status: 'Resolved through third party', note: 'ServiceNow ' + ticket.number + notes }
    }
    if (ticket.outcome === 'cancelled') return { status: 'To address', note: 'ServiceNow ' + ticket.number + ' was cancelled; share the action again to track it.' }
    if (ticket.outcome === 'unsuccessful') return { status: 'To address', note: 'ServiceNow ' + ticket.number + ' closed unsuccessfully' + (ticket.resolution?.notes ? ': ' + ticket.resolution.notes : '.') }
    return { status: 'To address', note: 'Tracked in ServiceNow as ' + ticket.number + '.' }
}
