/**
 * The improvement actions page.
 */
import type { ControlProfile } from '../../domain/fixture-interim.ts'
import { actionStatus } from '../../domain/tickets.ts'
import type { Share, StoredTicket } from '../../store/store.ts'
import { esc, ticketStateName } from '../layout.ts'

export function actionsPage(actions: readonly ControlProfile[], connected: boolean, shares: Share[], tickets: StoredTicket[] = []): string {
    const ticketsByNumber = new Map(tickets.map((t) => [t.number, t]))
    const lastShare = new Map<string, Share>()
    for (const share of shares) if (share.status === 'sent' && !lastShare.has(share.controlId)) lastShare.set(share.controlId, share)
    const rows = actions
        .map((a) => {
            const shared = lastShare.get(a.id)
            return `<tr id="action-${esc(a.id)}"><td><a href="${esc(a.actionUrl)}">${esc(a.title)}</a><div class="muted">${esc(a.id)} &middot; ${esc(a.service)}</div></td>
<td>${esc(a.category)}</td><td>${a.maxScore}</td><td>${esc(a.implementationCost)}</td><td>${esc(a.userImpact)}</td><td>${esc(a.threats.join(', '))}</td>
<td>${
                connected
                    ? `<a class="button" href="/actions/${encodeURIComponent(a.id)}/share" aria-label="Share ${esc(a.title)} to ServiceNow">Share &rarr; ServiceNow</a>`
                    : '<span class="muted">Connect ServiceNow to share</span>'
            }${shared ? sharedStatus(shared, ticketsByNumber.get(shared.ticketNumber || '')) : ''}</td></tr>`
        })
        .join('')
    return `<h1>Secure score: improvement actions</h1>
<p class="muted">${actions.length} improvement action${actions.length === 1 ? '' : 's'}. Share one to ServiceNow to track its implementation as a change request or an incident.</p>
<table><caption class="sr-only">Improvement actions</caption><thead><tr><th scope="col">Improvement action</th><th scope="col">Category</th><th scope="col">Max score</th>
<th scope="col">Implementation cost</th><th scope="col">User impact</th><th scope="col">Threats</th><th scope="col">Share</th></tr></thead>
<tbody>${rows}</tbody></table>`
}

/** Where a shared action stands: its ticket, and the status the ticket's outcome gives the action. */
function sharedStatus(share: Share, ticket: StoredTicket | undefined): string {
    const number = `<a href="/tickets/${encodeURIComponent(share.ticketNumber || '')}">${esc(share.ticketNumber)}</a>`
    if (!ticket) return `<div class="hint">Shared as ${number}</div>`
    const { status, note } = actionStatus(ticket)
    return `<div class="hint">Shared as ${number} &middot; <span class="ticket-state">${esc(ticketStateName(ticket, undefined))}</span></div><div class="action-status"><span class="badge${status === 'Resolved through third party' ? ' ok' : ''}">${esc(status)}</span> <span class="hint">${esc(note)}</span></div>`
}
