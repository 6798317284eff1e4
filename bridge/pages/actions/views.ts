/**
 * The improvement actions page (the tenant's Secure Score control profiles, filtered and sorted) and one action's
 * page (its details, state history and tickets).
 */
import type { SecureScoreControlStateUpdate } from '@microsoft/microsoft-graph-types'
import { ACTION_STATES, CATEGORY_LABELS, type ActionFilter, type ActionSort, type ImprovementAction } from '../../domain/actions.ts'
import { htmlToText } from '../../domain/remediation-text.ts'
import { isOpen } from '../../domain/shares.ts'
import { actionStatus } from '../../domain/tickets.ts'
import type { RefreshStatus } from '../../store/secure-score.ts'
import type { Share, StoredTicket } from '../../store/store.ts'
import { esc, points, ticketStateName, timeHtml } from '../layout.ts'

export const DEVICE_NOTE = 'Managed in Microsoft Defender Vulnerability Management'

function pointsOrDash(value: number | null): string {
    return value === null ? '–' : points(value)
}

function when(iso: string | null): string {
    return iso ? timeHtml(iso) : 'never'
}

/** Where the snapshot stands: last full refresh, last error, a partial answer kept out, read-only. */
export function refreshPanel(status: RefreshStatus, returnTo: string): string {
    const problems = [
        status.lastError ? `<div class="notice error" role="alert" id="refresh-error">The last refresh failed: ${esc(status.lastError)} (tried ${when(status.lastAttemptAt)}).</div>` : '',
        status.partialWarning
            ? `<div class="notice error" role="alert" id="partial-warning">Microsoft Graph answered with partial data (${esc(status.partialWarning)}) ${when(status.lastAttemptAt)}. The list below is the last complete one.</div>`
            : '',
        status.readOnly ? '<div class="notice info" id="read-only">Read-only: the app lacks the SecurityEvents.ReadWrite.All permission in this tenant, so outcomes are not written back to Secure Score.</div>' : '',
    ]
    return `${problems.join('')}
<form method="post" action="/actions/refresh" class="actions-row" style="margin:0 0 16px"><input type="hidden" name="returnTo" value="${esc(returnTo)}">
<span class="muted" id="last-refresh">Secure Score read ${when(status.lastFullAt)}</span><button type="submit">Refresh now</button></form>`
}

function ticketCell(action: ImprovementAction, connected: boolean, share: Share | undefined, ticketsByNumber: Map<string, StoredTicket>): string {
    const ticket = share ? ticketsByNumber.get(share.ticketNumber as string) : undefined
    const shareLink = connected
        ? `<a class="button" href="/actions/${encodeURIComponent(action.id)}/share" aria-label="Share ${esc(action.title)} to ServiceNow">Share &rarr; ServiceNow</a>`
        : '<span class="muted">Connect ServiceNow to share</span>'
    if (!share) return shareLink
    const number = `<a href="/tickets/${encodeURIComponent(share.ticketNumber as string)}">${esc(share.ticketNumber)}</a>`
    if (!ticket) return `<div class="hint">Shared as ${number}</div>`
    // The number is said once: the ticket's outcome for the action shows as a badge, its note is on the ticket page.
    const { status } = actionStatus(ticket)
    return `${isOpen(ticket) ? '' : shareLink}<div class="hint">Shared as ${number} &middot; <span class="ticket-state">${esc(ticketStateName(ticket, undefined))}</span></div><div class="action-status"><span class="badge${status === 'Resolved through third party' ? ' ok' : ''}">${esc(status)}</span></div>`
}

function option(value: string, text: string, selected: string): string {
    return `<option value="${esc(value)}"${value === selected ? ' selected' : ''}>${esc(text)}</option>`
}

export function actionsPage(args: {
    actions: ImprovementAction[]
    total: number
    filter: ActionFilter
    sort: ActionSort
    connected: boolean
    shares: Share[]
    tickets: StoredTicket[]
    status: RefreshStatus
    returnTo: string
}): string {
    const ticketsByNumber = new Map(args.tickets.map((t) => [t.number, t]))
    // Each control's newest ticket (shares come newest first).
    const newestShare = new Map<string, Share>()
    for (const share of args.shares) if (share.status === 'sent' && share.ticketNumber && !newestShare.has(share.controlId)) newestShare.set(share.controlId, share)
    const rows = args.actions
        .map((a) => {
            const badges = [a.deprecated ? '<span class="badge bad">Deprecated</span>' : '', a.device ? `<div class="hint device-note">${DEVICE_NOTE}</div>` : ''].join(' ')
            return `<tr id="action-${esc(a.id)}" data-state="${esc(a.state)}"><td><a href="/actions/${encodeURIComponent(a.id)}">${esc(a.title)}</a> ${badges}<div class="muted">${esc(a.id)} &middot; ${esc(a.service)}</div></td>
<td>${esc(a.category ? CATEGORY_LABELS[a.category] : a.graphCategory)}</td><td class="num">${pointsOrDash(a.maxScore)}</td><td class="num achieved">${pointsOrDash(a.achieved)}</td><td class="num">${a.rank ?? '–'}</td>
<td>${esc(a.implementationCost)}</td><td>${esc(a.userImpact)}</td><td>${esc(a.threats.join(', '))}</td><td class="state"><span class="badge${a.state === 'Resolved through third party' || a.state === 'Completed' ? ' ok' : ''}">${esc(a.state)}</span></td>
<td>${ticketCell(a, args.connected, newestShare.get(a.id), ticketsByNumber)}</td></tr>`
        })
        .join('')
    const f = args.filter
    const hasTicket = f.hasTicket === true ? 'yes' : f.hasTicket === false ? 'no' : ''
    return `<h1>Secure score: improvement actions</h1>
${refreshPanel(args.status, args.returnTo)}
<form method="get" action="/actions" class="filters actions-row" aria-label="Filter and sort">
<label for="f-category">Category</label><select id="f-category" name="category">${option('', 'All', f.category ?? '')}${Object.entries(CATEGORY_LABELS)
        .map(([v, t]) => option(v, t, f.category ?? ''))
        .join('')}</select>
<label for="f-state">State</label><select id="f-state" name="state">${option('', 'All', f.state ?? '')}${ACTION_STATES.map((s) => option(s, s, f.state ?? '')).join('')}</select>
<label for="f-ticket">Ticket</label><select id="f-ticket" name="ticket">${option('', 'Any', hasTicket)}${option('yes', 'Has a ticket', hasTicket)}${option('no', 'No ticket', hasTicket)}</select>
<label for="f-sort">Sort by</label><select id="f-sort" name="sort">${option('rank', 'Rank', args.sort)}${option('to-gain', 'Points still to gain', args.sort)}</select>
<button type="submit">Apply</button></form>
<p class="muted" id="action-count">${args.actions.length} of ${args.total} improvement action${args.total === 1 ? '' : 's'}. Share one to ServiceNow to track its implementation as a change request or an incident.</p>
<table><caption class="sr-only">Improvement actions</caption><thead><tr><th scope="col">Improvement action</th><th scope="col">Category</th><th scope="col">Max score</th><th scope="col">Points achieved</th><th scope="col">Rank</th>
<th scope="col">Implementation cost</th><th scope="col">User impact</th><th scope="col">Threats</th><th scope="col">State</th><th scope="col">Ticket</th></tr></thead>
<tbody>${rows || '<tr><td colspan="10" class="muted">No improvement action matches, or Secure Score has not been read yet.</td></tr>'}</tbody></table>`
}

function historyRows(history: SecureScoreControlStateUpdate[]): string {
    const newestFirst = [...history].reverse()
    return newestFirst
        .map((u) => `<tr><td>${when(u.updatedDateTime ?? null)}</td><td>${esc(u.state ?? '')}</td><td>${esc(u.updatedBy ?? '')}</td><td>${esc(u.assignedTo ?? '')}</td><td>${esc(u.comment ?? '')}</td></tr>`)
        .join('')
}

export function actionPage(args: { action: ImprovementAction; connected: boolean; shares: Share[]; tickets: StoredTicket[]; status: RefreshStatus; returnTo: string }): string {
    const a = args.action
    const ticketsByNumber = new Map(args.tickets.map((t) => [t.number, t]))
    const shared = args.shares.filter((s) => s.controlId === a.id && s.status === 'sent' && s.ticketNumber)
    const ticketItems = shared
        .map((s) => {
            const ticket = ticketsByNumber.get(s.ticketNumber as string)
            return `<li><a href="/tickets/${encodeURIComponent(s.ticketNumber as string)}">${esc(s.ticketNumber)}</a>${ticket ? ` &middot; ${esc(ticketStateName(ticket, undefined))}` : ''}</li>`
        })
        .join('')
    return `<h1>${esc(a.title)}</h1>
<p><a href="/actions">Back to improvement actions</a></p>
${refreshPanel(args.status, args.returnTo)}
<div class="cards">
<section class="card" aria-labelledby="details-title"><h2 id="details-title">Details</h2>
<dl class="meta"><dt>Id</dt><dd><code>${esc(a.id)}</code></dd><dt>State</dt><dd id="action-state">${esc(a.state)}</dd>
<dt>Category</dt><dd>${esc(a.category ? CATEGORY_LABELS[a.category] : a.graphCategory)}</dd><dt>Service</dt><dd>${esc(a.service)}</dd>
<dt>Points achieved</dt><dd>${pointsOrDash(a.achieved)} of ${pointsOrDash(a.maxScore)}</dd><dt>Rank</dt><dd>${a.rank ?? '–'}</dd><dt>Tier</dt><dd>${esc(a.tier)}</dd>
<dt>Implementation cost</dt><dd>${esc(a.implementationCost)}</dd><dt>User impact</dt><dd>${esc(a.userImpact)}</dd><dt>Threats</dt><dd>${esc(a.threats.join(', '))}</dd>
<dt>In the portal</dt><dd>${a.actionUrl ? `<a href="${esc(a.actionUrl)}">${esc(a.actionUrl)}</a>` : ''}</dd></dl>
${a.deprecated ? '<p><span class="badge bad">Deprecated</span> Microsoft no longer scores this action.</p>' : ''}
${a.device ? `<p class="notice info device-note">${DEVICE_NOTE}: its state cannot be set through Microsoft Graph, so a ticket's outcome is not written back.</p>` : ''}
<div class="actions-row">${args.connected ? `<a class="button primary" href="/actions/${encodeURIComponent(a.id)}/share">Share &rarr; ServiceNow</a>` : '<span class="muted">Connect ServiceNow to share</span>'}</div>
${ticketItems ? `<h3>Tickets</h3><ul id="action-tickets">${ticketItems}</ul>` : ''}
</section>
<section class="card" aria-labelledby="remediation-title"><h2 id="remediation-title">Remediation</h2>
<div style="white-space:pre-wrap">${esc(htmlToText(a.remediation))}</div>
${a.remediationImpact ? `<p><strong>User impact:</strong> ${esc(a.remediationImpact)}</p>` : ''}
</section>
</div>
<section class="card" aria-labelledby="history-title"><h2 id="history-title">State history</h2>
<table id="state-history"><caption class="sr-only">State updates, newest first</caption><thead><tr><th scope="col">When</th><th scope="col">State</th><th scope="col">By</th><th scope="col">Assigned to</th><th scope="col">Comment</th></tr></thead>
<tbody>${historyRows(a.history) || '<tr><td colspan="5" class="muted">Never set: To address.</td></tr>'}</tbody></table></section>`
}
