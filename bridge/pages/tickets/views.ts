/**
 * The ticket page of the Secure Score bridge: the ticket as ServiceNow has it (number linked to
 * the instance, state under the tenant's name, assignee, due date), the improvement action's status, the
 * timeline, and the comment box. Every value that reaches HTML goes through `esc`.
 */
import { portalStateName } from '../../domain/actions.ts'
import { actionStatus, isJournalEntry, MAX_COMMENT_LENGTH, NO_RESOLUTION_NOTES, type ActivityEntry, type ChangeEntry } from '../../domain/tickets.ts'
import { delegationWaitText } from '../../domain/write-back.ts'
import type { WriteBackDelegate, WriteBackRow } from '../../store/outbox.ts'
import type { CustomStateNames, OutgoingComment, Share, StateOption, StoredTicket } from '../../store/store.ts'
import { dateHtml, esc, optionalTime, stateName, timeHtml } from '../layout.ts'

/** The name a change entry's side had at the entry's time: the tenant's custom name then, else ServiceNow's. */
function sideName(entry: ChangeEntry, side: ChangeEntry['from'], type: 'change' | 'incident', namesThen: CustomStateNames | null): string {
    if (!side) return '(none)'
    if (entry.kind === 'state' && namesThen) return namesThen[type][side.value] || side.label || side.value
    return side.customLabel || side.label || side.value
}

const CHANGE_NOUN: { [kind: string]: string } = { state: 'State', assignment_group: 'Assignment group', assigned_to: 'Assigned to' }

/** Every timeline entry alike: when, who, what; then its text. */
function entryHead(at: string, who: string | null, what: string): string {
    return `<div class="muted entry-head">${timeHtml(at)}${who ? ` &middot; <strong class="who">${esc(who)}</strong>` : ''} &middot; ${what}</div>`
}

function entryHtml(entry: ActivityEntry, type: 'change' | 'incident', namesAt: (at: string) => CustomStateNames | null): string {
    if (isJournalEntry(entry)) {
        const what = entry.kind === 'work_note' ? 'Work note' : entry.source === 'microsoft365' ? 'Comment from Microsoft 365' : 'Comment in ServiceNow'
        return `<li class="entry ${esc(entry.kind)}" data-kind="${esc(entry.kind)}" data-source="${esc(entry.source)}">${entryHead(entry.at, entry.author, esc(what))}
<div class="text" style="white-space:pre-wrap">${esc(entry.text)}</div></li>`
    }
    if (entry.kind === 'resolution') {
        const r = entry.resolution
        const notes = r.notes.trim()
        return `<li class="entry resolution" data-kind="resolution">${entryHead(entry.at, r.resolvedBy, esc(r.state.label) + (r.code ? ' &middot; ' + esc(r.code.label) : ''))}
${notes ? `<div class="text" style="white-space:pre-wrap">${esc(notes)}</div>` : `<div class="text muted no-notes">(${NO_RESOLUTION_NOTES})</div>`}</li>`
    }
    const namesThen = entry.kind === 'state' ? namesAt(entry.at) : null
    const from = sideName(entry, entry.from, type, namesThen)
    const to = sideName(entry, entry.to, type, namesThen)
    return `<li class="entry change" data-kind="${esc(entry.kind)}">${entryHead(entry.at, entry.by, `${esc(CHANGE_NOUN[entry.kind] || entry.kind)} changed from <em>${esc(from)}</em> to <em>${esc(to)}</em>`)}</li>`
}

/** The share that made the ticket: the timeline's first entry. */
function shareEntryHtml(share: Share, sharedBy: string): string {
    return `<li class="entry share" data-kind="share">${entryHead(share.createdAt, sharedBy, `Shared from Microsoft 365 as ${share.ticketType === 'incident' ? 'an incident' : 'a change request'}`)}</li>`
}

function unsentHtml(comment: OutgoingComment, number: string): string {
    return `<li class="entry unsent" data-kind="unsent"><div class="notice ${comment.status === 'failed' ? 'error' : 'info'}" role="${comment.status === 'failed' ? 'alert' : 'status'}">
${comment.status === 'failed' ? 'Not sent: ' + esc(comment.error || '') : 'Sending&hellip;'}</div><div class="text" style="white-space:pre-wrap">${esc(comment.text)}</div>
<form method="post" action="/tickets/${encodeURIComponent(number)}/comments/${encodeURIComponent(comment.id)}/retry"><button type="submit">Try again</button></form></li>`
}

/**
 * What the ticket's outcome did to the control in Secure Score: written (and by whom), pending, waiting for the
 * write-back delegation's renewal, skipped or failed, and why.
 */
function writeBackHtml(row: WriteBackRow | null, delegate: WriteBackDelegate | null): string {
    if (!row) return ''
    const state = esc(portalStateName(row.state))
    let text: string
    let kind = 'info'
    if (row.status === 'done') {
        const by = row.writtenBy ? `${esc(row.writtenBy)} (signed in as themselves)` : "the bridge's app registration"
        text = `Secure Score: ${state}, written ${timeHtml(row.finishedAt ?? row.createdAt)} by <span id="written-by">${by}</span>`
        kind = 'success'
    } else if (row.status === 'skipped') {
        text = `Secure Score: not written (${state}): ${esc(row.reason ?? '')}`
    } else if (row.status === 'failed') {
        text = `Secure Score: ${state} could not be written: ${esc(row.reason ?? '')}`
        kind = 'error'
    } else if (delegate?.needsRenewal) {
        text = `Secure Score: ${state} ${esc(delegationWaitText(delegate))}: ${esc(delegate.needsRenewal)}`
        kind = 'error'
    } else {
        const retry = row.reason ? ` after ${esc(row.reason)}` : ''
        text = `Secure Score: ${state} pending (${row.status === 'sending' ? 'sending' : `next attempt ${timeHtml(row.nextAttemptAt)}${retry}`})`
    }
    return `<div class="notice ${kind}" id="write-back" data-status="${esc(row.status)}" role="${kind === 'error' ? 'alert' : 'status'}">${text}</div>`
}

export function ticketPage(args: {
    ticket: StoredTicket
    states: StateOption[] | undefined
    /** The share that made the ticket, and its action (id and title), when this bridge made it. */
    share: Share | null
    action: { id: string; title: string } | null
    /** Who shares from this bridge: the share entry's author. */
    sharedBy: string
    /** The tenant's custom state names at a time (the store's record), so that history keeps the names of its time. */
    namesAt: (at: string) => CustomStateNames | null
    activity: ActivityEntry[] | null
    activityError: string | null
    unsent: OutgoingComment[]
    /** The newest write-back of this ticket's outcome to Secure Score, if any. */
    writeBack: WriteBackRow | null
    /** The person the tenant's write-back runs as (null: the app registration). */
    writeBackDelegate: WriteBackDelegate | null
    commentId: string
    commentText?: string
    commentError?: string | null
}): string {
    const t = args.ticket
    const option = args.states?.find((s) => s.value === t.state.value)
    const state = option ? stateName(option) : t.state.customLabel || t.state.label || t.state.value
    const action = actionStatus(t)
    const entries = (args.share ? shareEntryHtml(args.share, args.sharedBy) : '') + (args.activity || []).map((entry) => entryHtml(entry, t.type, args.namesAt)).join('')
    const error = args.commentError
    const description = typeof args.share?.payload.description === 'string' ? args.share.payload.description : null
    return `<h1><span id="ticket-number">${esc(t.number)}</span>: ${esc(t.name)}</h1>
<p><a href="/tickets?type=${t.type}">Back to ${t.type === 'change' ? 'change management' : 'incident management'}</a>${
        args.action ? ` &middot; <a id="action-link" href="/actions/${encodeURIComponent(args.action.id)}">Improvement action: ${esc(args.action.title)}</a>` : ''
    }</p>
<div class="cards">
<section class="card" aria-labelledby="ticket-title"><h2 id="ticket-title">${t.type === 'change' ? 'Change request' : 'Incident'}</h2>
<dl class="meta">
<dt>Number</dt><dd><a id="ticket-link" href="${esc(t.link)}">${esc(t.number)}</a> <span class="muted">(opens in ServiceNow)</span></dd>
<dt>State</dt><dd id="ticket-state">${esc(state)}</dd>
<dt>Priority</dt><dd>${esc(t.priority.label || t.priority.value)}</dd>
<dt>Assigned to</dt><dd id="ticket-assignee">${esc(t.assignedTo || 'Unassigned')}</dd>
<dt>Assignment group</dt><dd>${esc(t.assignmentGroup || '')}</dd>
<dt>Due date</dt><dd id="ticket-due">${t.dueDate ? dateHtml(t.dueDate) : 'None'}</dd>
<dt>Updated</dt><dd>${optionalTime(t.updated)}</dd>
</dl>
${description !== null ? `<h3>Description <span class="muted">(as shared)</span></h3><div id="ticket-description" class="text" style="white-space:pre-wrap">${esc(description)}</div>` : ''}
</section>
<section class="card" aria-labelledby="action-title"><h2 id="action-title">Improvement action status</h2>
<p><span class="badge${action.status === 'Resolved through third party' ? ' ok' : ''}" id="action-status">${esc(action.status)}</span></p>
<p id="action-note">${esc(action.note)}</p>
${writeBackHtml(args.writeBack, args.writeBackDelegate)}</section>
</div>
<section aria-labelledby="timeline-title" style="margin-top:24px"><h2 id="timeline-title">Timeline</h2>
${args.activityError ? `<div class="notice error" role="alert">Could not read the timeline from ServiceNow: ${esc(args.activityError)}</div>` : ''}
<ol id="timeline" class="timeline" style="list-style:none;padding:0;max-width:760px">${entries || (args.activity ? '<li class="muted">No activity yet.</li>' : '')}${args.unsent.map((c) => unsentHtml(c, t.number)).join('')}</ol>
</section>
<section class="card dialog" aria-labelledby="comment-title" style="margin-top:16px"><h2 id="comment-title">Add a comment</h2>
<p class="muted">Added to the ticket as an additional comment, visible to the caller, under your name.</p>
<form method="post" action="/tickets/${encodeURIComponent(t.number)}/comments" novalidate>
<input type="hidden" name="commentId" value="${esc(args.commentId)}">
<label for="comment-text">Comment</label>
<textarea id="comment-text" name="text" maxlength="${MAX_COMMENT_LENGTH}"${error ? ' aria-invalid="true" aria-describedby="comment-error"' : ''}>${esc(args.commentText || '')}</textarea>
${error ? `<p class="field-error" id="comment-error">${esc(error)}</p>` : ''}
<div class="actions-row"><button class="primary" type="submit">Add comment</button></div>
</form></section>`
}
