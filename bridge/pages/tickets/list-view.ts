/**
 * A card's "View all" list: every ticket of one type, newest first.
 */
import type { StateOption, StoredTicket } from '../../store/store.ts'
import { dateHtml, esc, optionalTime, ticketStateName } from '../layout.ts'

export function ticketListPage(type: 'change' | 'incident', tickets: StoredTicket[], states: StateOption[] | undefined, syncError: string | null): string {
    const title = type === 'change' ? 'Change management' : 'Incident management'
    const rows = tickets
        .map(
            (t) => `<tr><td><a href="/tickets/${encodeURIComponent(t.number)}">${esc(t.number)}</a></td><td>${esc(t.name)}</td><td>${esc(ticketStateName(t, states))}</td>
<td>${esc(t.priority.label || t.priority.value)}</td><td>${t.dueDate ? dateHtml(t.dueDate) : ''}</td><td>${esc(t.assignmentGroup || '')}</td>
<td>${esc(t.assignedTo || '')}</td><td>${optionalTime(t.updated)}</td></tr>`,
        )
        .join('')
    return `<h1>${title}: all tickets</h1>
${syncError ? `<div class="notice error" role="alert">Could not refresh tickets from ServiceNow: ${esc(syncError)}</div>` : ''}
<p><a href="/">Back to Home</a></p>
<table><caption class="sr-only">${title} tickets</caption>
<thead><tr><th scope="col">Number</th><th scope="col">Name</th><th scope="col">State</th><th scope="col">Priority</th><th scope="col">Due date</th>
<th scope="col">Assignment group</th><th scope="col">Assigned to</th><th scope="col">Updated</th></tr></thead>
<tbody>${rows || '<tr><td colspan="8" class="muted">No tickets yet.</td></tr>'}</tbody></table>`
}
