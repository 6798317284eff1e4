/**
 * The share dialog (prefilled from the control profile, every field editable), the page shown instead when the
 * control already has an open ticket, and the share's result page.
 */
import { CATEGORY_LABELS, type ImprovementAction } from '../../domain/actions.ts'
import { SOURCES, type ControlTickets, type ShareFormValues } from '../../domain/shares.ts'
import type { Share } from '../../store/store.ts'
import { errorSummary, esc, inputField, select, ticketStateName, type FieldErrors } from '../layout.ts'
import { DEVICE_NOTE } from '../actions/views.ts'

/** The share form's one inline script (allowed by its hash in the Content-Security-Policy, server.ts). */
export const FOCUS_ERROR_SUMMARY = 'document.getElementById("error-summary").focus()'

export const SHARE_LABELS = {
    shareAgain: 'Share again',
    ticketType: 'Ticket type',
    priority: 'Priority',
    name: 'Name',
    description: 'Description',
    category: 'Category',
    source: 'Source',
    requestedBy: 'Requested by',
    dueDate: 'Due date',
}

function actionSummary(action: ImprovementAction): string {
    return `<dl class="meta"><dt>Improvement action</dt><dd><a href="/actions/${encodeURIComponent(action.id)}">${esc(action.title)}</a></dd>
<dt>Category</dt><dd>${esc(action.category ? CATEGORY_LABELS[action.category] : action.graphCategory)}</dd><dt>Points</dt><dd>${action.achieved ?? 0} of ${action.maxScore} achieved, rank ${action.rank ?? '–'}</dd>
<dt>Implementation cost</dt><dd>${esc(action.implementationCost)}</dd><dt>User impact</dt><dd>${esc(action.userImpact)}</dd>
<dt>Threats</dt><dd>${esc(action.threats.join(', '))}</dd><dt>State</dt><dd>${esc(action.state)}</dd></dl>
${action.device ? `<p class="hint device-note">${DEVICE_NOTE}: the ticket's outcome is not written back to Secure Score.</p>` : ''}`
}

/** The control's open ticket: no second one until it is closed. */
export function openTicketPage(action: ImprovementAction, open: NonNullable<ControlTickets['open']>): string {
    const number = open.share.ticketNumber as string
    return `<div class="dialog card" role="region" aria-labelledby="share-title">
<h1 id="share-title">Share to ServiceNow</h1>
${actionSummary(action)}
<div class="notice" id="open-ticket"><p><strong>Already in ServiceNow</strong> as <a href="/tickets/${encodeURIComponent(number)}">${esc(number)}</a>${
        open.ticket ? ` (${esc(ticketStateName(open.ticket, undefined))})` : ''
    }, which is still open. It can be shared again once that ticket is closed.</p></div>
<div class="actions-row"><a class="button primary" href="/tickets/${encodeURIComponent(number)}">Open ${esc(number)}</a><a class="button" href="/actions">Back to improvement actions</a></div></div>`
}

export function sharePage(action: ImprovementAction, draftId: string, values: ShareFormValues, errors: FieldErrors = {}, lastClosed: ControlTickets['lastClosed'] = null): string {
    const descError = errors.description
    const again = lastClosed
        ? `<div class="notice" id="already-shared"><p><strong>Shared before</strong> as <a href="/tickets/${encodeURIComponent(lastClosed.ticket.number)}">${esc(lastClosed.ticket.number)}</a> (${esc(
              ticketStateName(lastClosed.ticket, undefined),
          )}). Sharing again creates a new ticket in ServiceNow.</p>
<label for="shareAgain"><input type="checkbox" id="shareAgain" name="shareAgain" value="yes" required${errors.shareAgain ? ' aria-invalid="true" aria-describedby="shareAgain-error"' : ''}> Share it again as a new ticket</label>${
              errors.shareAgain ? `<p class="field-error" id="shareAgain-error">${esc(errors.shareAgain)}</p>` : ''
          }</div>`
        : ''
    return `<div class="dialog card" role="region" aria-labelledby="share-title">
<h1 id="share-title">Share to ServiceNow</h1>
${actionSummary(action)}
${errorSummary(errors, SHARE_LABELS)}
<form method="post" action="/actions/${encodeURIComponent(action.id)}/share" novalidate>
<input type="hidden" name="draftId" value="${esc(draftId)}">
${again}
${select('ticketType', SHARE_LABELS.ticketType, values.ticketType, [['change', 'Change request'], ['incident', 'Incident']], errors)}
${select('priority', SHARE_LABELS.priority, values.priority, [['critical', 'Critical'], ['high', 'High'], ['moderate', 'Moderate'], ['low', 'Low']], errors)}
${inputField('name', SHARE_LABELS.name, values.name, errors, { required: true, hint: 'At most 160 characters.' })}
<label for="description">${SHARE_LABELS.description} <span aria-hidden="true">*</span></label>
<textarea id="description" name="description" required aria-required="true" maxlength="4000" rows="12"${
        descError ? ' aria-invalid="true" aria-describedby="description-error"' : ''
    }>${esc(values.description)}</textarea>${descError ? `<p class="field-error" id="description-error">${esc(descError)}</p>` : ''}
${select('category', SHARE_LABELS.category, values.category, Object.entries(CATEGORY_LABELS), errors)}
${select('source', SHARE_LABELS.source, values.source, Object.entries(SOURCES), errors)}
<label for="requestedBy">${SHARE_LABELS.requestedBy}</label>
<input id="requestedBy" type="text" value="${esc(values.requestedBy)}" readonly aria-describedby="requestedBy-hint">
<p class="hint" id="requestedBy-hint">You, as signed in: the ticket names who initiated it.</p>
${inputField('dueDate', SHARE_LABELS.dueDate, values.dueDate, errors, { type: 'date', required: true })}
<div class="actions-row"><button class="primary" type="submit">Share</button><a class="button" href="/actions">Cancel</a></div>
</form></div>
${Object.keys(errors).length ? `<script>${FOCUS_ERROR_SUMMARY}</script>` : ''}`
}

/** What the result page knows of a share not sent yet: whether this process is sending it now, and why the sync that would send it again failed. */
export interface PendingShare {
    sending: boolean
    syncError: string | null
}

/** The result page's title for a share in each status. */
export const SHARE_RESULT_TITLES = { sent: 'Shared to ServiceNow', pending: 'Sharing in progress', failed: 'Sharing failed' }

/**
 * A share's result: the ticket it became, named first, linked to ServiceNow and to its page here. `unapplied`: the
 * labels of edits in a form sent again after it was shared, which were not sent. A pending share is on its way, not
 * failed: being sent by this process, or left by a process that stopped and sent again by the bridge itself.
 */
export function shareResultPage(share: Share, action: { id: string; title: string }, unapplied: string[] = [], pending: PendingShare = { sending: false, syncError: null }): string {
    const actionLink = `<a href="/actions/${encodeURIComponent(action.id)}">${esc(action.title)}</a>`
    const taskId = `<code class="copy">${esc(share.taskId)}</code>`
    if (share.status === 'sent') {
        const number = share.ticketNumber ?? ''
        const noun = share.ticketType === 'incident' ? 'Incident' : 'Change request'
        const notApplied = unapplied.length
            ? `<div class="notice error" role="alert" id="edits-not-applied"><strong>Already shared as ${esc(number)}.</strong> This form was sent before, so your changes were not applied: ${esc(
                  unapplied.join(', '),
              )}. Make them in ServiceNow, or add a comment on the ticket page.</div>`
            : ''
        return `<div class="card dialog" role="status" aria-labelledby="result-title">
<h1 id="result-title">${SHARE_RESULT_TITLES.sent}</h1>
${notApplied}
<p>${noun} <a id="ticket-link" href="${esc(share.ticketLink)}"><strong id="ticket-number">${esc(number)}</strong></a> <span class="muted">(opens in ServiceNow)</span> tracks the improvement action ${actionLink}.</p>
${share.replayed ? '<p class="muted">ServiceNow already had this task and returned its ticket; no second ticket was made.</p>' : ''}
<p class="muted">Task id ${taskId}</p>
<div class="actions-row"><a class="button primary" href="/tickets/${encodeURIComponent(number)}">Track ${esc(number)}</a><a class="button" href="/">Go to Home</a><a class="button" href="/actions">Back to improvement actions</a></div></div>`
    }
    const reload = `<a class="button" href="/shares/${encodeURIComponent(share.id)}">Check again</a>`
    const back = '<a class="button" href="/actions">Back to improvement actions</a>'
    if (share.status === 'pending') {
        const where = pending.sending
            ? 'is being sent to ServiceNow now. Check again in a moment to see its ticket.'
            : `is not confirmed by ServiceNow yet.${pending.syncError ? ` ${esc(pending.syncError)}` : ''} The bridge sends it again by itself at the next page load that reaches ServiceNow, or now with Send now.`
        return `<div class="card dialog" role="status" aria-labelledby="result-title">
<h1 id="result-title">${SHARE_RESULT_TITLES.pending}</h1>
<p id="share-pending" data-sending="${pending.sending}">The improvement action ${actionLink} ${where}</p>
<p class="muted">No need to share it again: it keeps its task id ${taskId} however often it is sent, so ServiceNow never makes two tickets for it.</p>
${
    pending.sending
        ? `<div class="actions-row">${reload}${back}</div>`
        : `<form method="post" action="/shares/${encodeURIComponent(share.id)}/retry" class="actions-row"><button class="primary" type="submit">Send now</button>${back}</form>`
}</div>`
    }
    return `<div class="card dialog" aria-labelledby="result-title">
<h1 id="result-title">${SHARE_RESULT_TITLES.failed}</h1>
<div class="notice error" role="alert">The improvement action ${actionLink} could not be shared: ${esc(share.error || 'no answer')}</div>
<p class="muted">Trying again sends the same task (id ${taskId}), so ServiceNow never makes two tickets for it.</p>
<form method="post" action="/shares/${encodeURIComponent(share.id)}/retry" class="actions-row"><button class="primary" type="submit">Try again</button>
${back}</form></div>`
}
