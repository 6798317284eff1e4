// Comments Microsoft 365 posts on a ticket (POST /tickets/{number}/comments). Each becomes an additional comment
// (the ticket's comments journal field), written as the integration user and prefixed with its Microsoft 365
// author. The comment id Microsoft 365 creates before its first send makes retries safe: a receipt row claims the
// id before the comment is written, so the same id again answers with the same entry and never adds a second one.
import { GlideRecord, gs } from '@servicenow/glide'
import type { Connection } from './connections.ts'
import { JOURNAL_TABLE, M365_COMMENT_TABLE } from './activity-tables.ts'
import type { JournalActivity } from './activity.ts'
import { findByNumber, ticketUpdateRefused } from './tickets.ts'
import { apiError, conflict } from '../platform/api-error.ts'
import { FieldErrors, field, isoFromGlide, tenantId, text, type JsonObject } from '../platform/validation.ts'

export const MAX_COMMENT_LENGTH = 4000
const COMMENT_ID = /^[A-Za-z0-9._:-]{1,64}$/

export interface M365Comment {
    commentId: string
    author: string
    text: string
}

export interface CommentResult {
    entry: JournalActivity
    created: boolean
}

/** The body of POST /tickets/{number}/comments: text of 1-4000 characters, no control characters but newlines. */
export function validateComment(body: JsonObject): { tenantId: string; comment: M365Comment } {
    const errors = new FieldErrors()
    const tenant = tenantId(errors, field(body, 'tenantId'))
    const commentId = text(errors, 'commentId', field(body, 'commentId'), { min: 1, max: 64, pattern: COMMENT_ID, patternHint: 'must be 1-64 letters, digits, dots, colons, underscores or hyphens' })
    const author = text(errors, 'author', field(body, 'author'), { min: 1, max: 254 })
    const commentText = text(errors, 'text', field(body, 'text'), { min: 1, max: MAX_COMMENT_LENGTH, multiLine: true })
    // The multi-line rule admits tabs and carriage returns; a comment admits newlines only (\r\n counts as one).
    if (commentText !== undefined && /[\t]|\r(?!\n)/.test(commentText)) errors.add('text', 'must not contain control characters other than newlines')
    errors.throwIfAny()
    return { tenantId: tenant as string, comment: { commentId: commentId as string, author: author as string, text: commentText as string } }
}

/** The journal text: who wrote it in Microsoft 365, then the comment. */
export function journalText(comment: M365Comment): string {
    return '[Microsoft 365] ' + comment.author + ':\n' + comment.text
}

function findReceipt(connection: Connection, commentId: string): GlideRecord | null {
    const receipt = new GlideRecord(M365_COMMENT_TABLE)
    receipt.addQuery('connection', connection.sysId)
    receipt.addQuery('comment_id', commentId)
    receipt.setLimit(1)
    receipt.query()
    return receipt.next() ? receipt : null
}

function entryOf(receipt: GlideRecord, journal: GlideRecord | null): JournalActivity {
    return {
        id: receipt.getValue('journal_entry') || '',
        kind: 'comment',
        at: isoFromGlide(journal ? journal.getValue('sys_created_on') : receipt.getValue('sys_created_on')) || '',
        source: 'microsoft365',
        author: receipt.getValue('author') || '',
        text: receipt.getValue('text') || '',
        commentId: receipt.getValue('comment_id') || '',
    }
}

function journalEntry(sysId: string): GlideRecord | null {
    if (!sysId) return null
    const entry = new GlideRecord(JOURNAL_TABLE)
    return entry.get(sysId) ? entry : null
}

function replay(receipt: GlideRecord, ticketSysId: string, number: string, comment: M365Comment): CommentResult {
    const differing: string[] = []
    if (receipt.getValue('ticket') !== ticketSysId) differing.push('ticket')
    if ((receipt.getValue('author') || '') !== comment.author) differing.push('author')
    if ((receipt.getValue('text') || '') !== comment.text) differing.push('text')
    if (differing.length > 0) {
        throw conflict('Comment ' + comment.commentId + ' was already received with different content', 'Differing fields: ' + differing.join(', ') + (differing.indexOf('ticket') >= 0 ? '' : ' (on ' + number + ')'))
    }
    return { entry: entryOf(receipt, journalEntry(receipt.getValue('journal_entry') || '')), created: false }
}

/** The entry the comment just written became: the ticket's newest comment with that text by this user. */
function writtenEntry(ticketSysId: string, value: string): GlideRecord | null {
    const entry = new GlideRecord(JOURNAL_TABLE)
    entry.addQuery('element_id', ticketSysId)
    entry.addQuery('element', 'comments')
    entry.addQuery('sys_created_by', gs.getUserName())
    entry.orderByDesc('sys_created_on')
    entry.setLimit(10)
    entry.query()
    while (entry.next()) if (entry.getValue('value') === value) return entry
    return null
}

/**
 * POST /tickets/{number}/comments: 201 with the new entry, 200 with the same entry for a retry, 409 on a different
 * one, and 409 when the instance's rules refuse the ticket's update.
 */
export function addComment(connection: Connection, number: string, comment: M365Comment): CommentResult {
    const { record } = findByNumber(connection, number)
    const ticketSysId = record.getUniqueValue()
    const existing = findReceipt(connection, comment.commentId)
    if (existing) return replay(existing, ticketSysId, number, comment)

    const receipt = new GlideRecord(M365_COMMENT_TABLE)
    receipt.initialize()
    receipt.setValue('connection', connection.sysId)
    receipt.setValue('comment_id', comment.commentId)
    receipt.setValue('ticket', ticketSysId)
    receipt.setValue('author', comment.author)
    receipt.setValue('text', comment.text)
    if (!receipt.insert()) {
        // The unique index on (connection, comment id) refused a concurrent retry: answer as that one did.
        const winner = findReceipt(connection, comment.commentId)
        if (winner) return replay(winner, ticketSysId, number, comment)
        throw apiError(500, 'The comment could not be added', 'The instance refused the insert into ' + M365_COMMENT_TABLE)
    }
    const value = journalText(comment)
    record.setValue('comments', value)
    if (!record.update()) {
        // The instance's rules refused the ticket as it is stored (a data policy, a business rule that aborts): no
        // retry can pass until the ticket changes, so 409 with the platform's reason. The receipt goes, so that the
        // same comment can be sent again then.
        receipt.deleteRecord()
        throw ticketUpdateRefused(record, 'The comment could not be added')
    }
    const journal = writtenEntry(ticketSysId, value)
    receipt.setValue('journal_entry', journal ? journal.getUniqueValue() : '')
    receipt.update()
    return { entry: entryOf(receipt, journal), created: true }
}
