/**
 * The share dialog and its result page.
 */
import type { ControlProfile } from '../../domain/fixture-interim.ts'
import type { ShareFormValues } from '../../domain/shares.ts'
import type { Share } from '../../store/store.ts'
import { errorSummary, esc, inputField, select, type FieldErrors } from '../layout.ts'

export const SHARE_LABELS = { shareAgain: 'Share again', ticketType: 'Ticket type', priority: 'Priority', name: 'Name', description: 'Description', dueDate: 'Due date' }

/** The ticket an action was last shared as, for the share dialog to ask before making a second one. */
export interface EarlierShare {
    ticketNumber: string
    /** The ticket's state as last synced; empty when not synced yet. */
    state: string
}

export function sharePage(action: ControlProfile, draftId: string, values: ShareFormValues, errors: FieldErrors = {}, earlier: EarlierShare | null = null): string {
    const descError = errors.description
    const again = earlier
        ? `<div class="notice" id="already-shared"><p><strong>Already shared</strong> as <a href="/tickets/${encodeURIComponent(earlier.ticketNumber)}">${esc(earlier.ticketNumber)}</a>${
              earlier.state ? ` (${esc(earlier.state)})` : ''
          }. Sharing again creates a second ticket in ServiceNow.</p>
<label for="shareAgain"><input type="checkbox" id="shareAgain" name="shareAgain" value="yes" required${errors.shareAgain ? ' aria-invalid="true" aria-describedby="shareAgain-error"' : ''}> Share it again as a new ticket</label>${
              errors.shareAgain ? `<p class="field-error" id="shareAgain-error">${esc(errors.shareAgain)}</p>` : ''
          }</div>`
        : ''
    return `<div class="dialog card" role="region" aria-labelledby="share-title">
<h1 id="share-title">Share to ServiceNow</h1>
<dl class="meta"><dt>Improvement action</dt><dd><a href="${esc(action.actionUrl)}">${esc(action.title)}</a></dd>
<dt>Category</dt><dd>${esc(action.category)}</dd><dt>Max score</dt><dd>${action.maxScore}</dd>
<dt>Implementation cost</dt><dd>${esc(action.implementationCost)}</dd><dt>User impact</dt><dd>${esc(action.userImpact)}</dd>
<dt>Threats</dt><dd>${esc(action.threats.join(', '))}</dd></dl>
${errorSummary(errors, SHARE_LABELS)}
<form method="post" action="/actions/${encodeURIComponent(action.id)}/share" novalidate>
<input type="hidden" name="draftId" value="${esc(draftId)}">
${again}
${select('ticketType', SHARE_LABELS.ticketType, values.ticketType, [['change', 'Change request'], ['incident', 'Incident']], errors)}
${select('priority', SHARE_LABELS.priority, values.priority, [['critical', 'Critical'], ['high', 'High'], ['moderate', 'Moderate'], ['low', 'Low']], errors)}
${inputField('name', SHARE_LABELS.name, values.name, errors, { required: true, hint: 'At most 160 characters.' })}
<label for="description">${SHARE_LABELS.description} <span aria-hidden="true">*</span></label>
<textarea id="description" name="description" required aria-required="true" maxlength="4000"${
        descError ? ' aria-invalid="true" aria-describedby="description-error"' : ''
    }>${esc(values.description)}</textarea>${descError ? `<p class="field-error" id="description-error">${esc(descError)}</p>` : ''}
${inputField('dueDate', SHARE_LABELS.dueDate, values.dueDate, errors, { type: 'date', required: true })}
<div class="actions-row"><button class="primary" type="submit">Share</button><a class="button" href="/actions">Cancel</a></div>
</form></div>
${Object.keys(errors).length ? '<script>document.getElementById("error-summary").focus()</script>' : ''}`
}

export function shareResultPage(share: Share, action: ControlProfile | undefined): string {
    const title = action ? action.title : share.controlId
    if (share.status === 'sent') {
        return `<div class="card dialog" role="status" aria-labelledby="result-title">
<h1 id="result-title">Shared to ServiceNow</h1>
<p>"${esc(title)}" is ${share.ticketType === 'incident' ? 'incident' : 'change request'}
<a id="ticket-link" href="${esc(share.ticketLink)}"><strong id="ticket-number">${esc(share.ticketNumber)}</strong></a> in ServiceNow.</p>
${share.replayed ? '<p class="muted">ServiceNow already had this task and returned its ticket; no second ticket was made.</p>' : ''}
<p class="muted">Task id <code>${esc(share.taskId)}</code></p>
<div class="actions-row"><a class="button primary" href="/">Go to Home</a><a class="button" href="/actions">Back to improvement actions</a></div></div>`
    }
    return `<div class="card dialog" aria-labelledby="result-title">
<h1 id="result-title">${share.status === 'failed' ? 'Sharing failed' : 'Sharing in progress'}</h1>
<div class="notice error" role="alert">"${esc(title)}" could not be shared: ${esc(share.error || 'no answer yet')}</div>
<p class="muted">Trying again sends the same task (id <code>${esc(share.taskId)}</code>), so ServiceNow never makes two tickets for it.</p>
<form method="post" action="/shares/${encodeURIComponent(share.id)}/retry" class="actions-row"><button class="primary" type="submit">Try again</button>
<a class="button" href="/actions">Back to improvement actions</a></form></div>`
}
