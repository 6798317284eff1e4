/**
 * Home: before connecting, the "Do you use ServiceNow?" card; after, the change and incident cards.
 */
import type { SecureScore } from '@microsoft/microsoft-graph-types'
import type { RefreshStatus } from '../../store/secure-score.ts'
import type { StateOption, StoredConnection, StoredTicket, TicketStates } from '../../store/store.ts'
import { refreshPanel } from '../actions/views.ts'
import { connectionBanner, errorSummary, esc, inputField, points, stateName, timeHtml, type FieldErrors } from '../layout.ts'
import { scoreChart } from './score-chart.ts'

/** Home's Secure Score panel: the score out of the maximum, its last 90 days, and what open tickets could add. */
export interface ScorePanel {
    scores: SecureScore[]
    status: RefreshStatus
    /** Points still to gain in the controls that have an open ticket. */
    pointsAtStake: number
    openTickets: number
}

export function scorePanel(panel: ScorePanel): string {
    const latest = panel.scores[0]
    return `<section class="card" aria-labelledby="score-title" id="score-panel">
<h2 id="score-title">Microsoft Secure Score</h2>
${
    latest
        ? `<p><strong id="current-score" style="font-size:24px">${points(latest.currentScore ?? 0)}</strong> / <span id="max-score">${points(latest.maxScore ?? 0)}</span> points
(${latest.maxScore ? Math.round(((latest.currentScore ?? 0) / latest.maxScore) * 100) : 0} %)</p>`
        : '<p class="muted">Secure Score has not been read yet.</p>'
}
${scoreChart(panel.scores)}
<p id="points-at-stake"><strong>${points(panel.pointsAtStake)}</strong> points at stake in ${panel.openTickets} open ticket${panel.openTickets === 1 ? '' : 's'}.</p>
${refreshPanel(panel.status, '/')}
</section>`
}

export interface ConnectFormValues {
    instanceUrl: string
    clientId: string
    tenantId: string
    tenantName: string
}

export const CONNECT_LABELS = {
    instanceUrl: 'ServiceNow instance URL',
    clientId: 'Client ID',
    clientSecret: 'Client secret',
    tenantName: 'Tenant name',
    tenantId: 'Tenant ID',
}

export function connectCard(values: ConnectFormValues, redirectUri: string, errors: FieldErrors = {}): string {
    return `<section class="card" aria-labelledby="connect-title">
<h2 id="connect-title">Do you use ServiceNow?</h2>
<p>Connect ServiceNow to share Secure Score improvement actions as ServiceNow change requests or incidents and track them here.
First install the <strong>Microsoft 365 Ticketing Connector</strong> app on your instance and complete its installation checklist.</p>
<p>Redirect URL to register on the ServiceNow OAuth client (checklist step "OAuth creation"):<br>
<code class="copy" id="redirect-url">${esc(redirectUri)}</code></p>
${errorSummary(errors, CONNECT_LABELS)}
<form method="post" action="/connect" novalidate>
${inputField('instanceUrl', CONNECT_LABELS.instanceUrl, values.instanceUrl, errors, { type: 'url', required: true, hint: 'For example https://contoso.service-now.com, or the instance name.' })}
${inputField('clientId', CONNECT_LABELS.clientId, values.clientId, errors, { required: true })}
${inputField('clientSecret', CONNECT_LABELS.clientSecret, '', errors, { type: 'password', required: true, autocomplete: 'new-password', hint: 'Shown once by the checklist. Stored only by this security center, never shown again.' })}
<details${errors.tenantId || errors.tenantName ? ' open' : ''}><summary>Tenant</summary>
${inputField('tenantName', CONNECT_LABELS.tenantName, values.tenantName, errors, { required: true })}
${inputField('tenantId', CONNECT_LABELS.tenantId, values.tenantId, errors, { required: true, hint: 'The Microsoft 365 tenant GUID.' })}
</details>
<p class="muted">Next, ServiceNow asks you to sign in and allow access. Sign in as the <strong>integration user</strong> the checklist created, not your own account: if ServiceNow shows someone else, choose "Not you?".</p>
<div class="actions-row"><button class="primary" type="submit">Connect</button></div>
</form>
</section>`
}

/** "1 incident", "2 incidents": the noun for a count of tickets of a type. */
export function ticketNoun(type: 'change' | 'incident', count: number): string {
    const noun = type === 'change' ? 'change request' : 'incident'
    return count === 1 ? noun : noun + 's'
}

/** The card's latest tickets, each linked to its ticket page. */
function recentTickets(tickets: StoredTicket[]): string {
    if (tickets.length === 0) return ''
    const items = tickets.slice(0, 5).map((t) => `<li><a href="/tickets/${encodeURIComponent(t.number)}">${esc(t.number)}</a> ${esc(t.name)}</li>`)
    return `<ul class="recent">${items.join('')}</ul>`
}

export function ticketCard(type: 'change' | 'incident', tickets: StoredTicket[], states: StateOption[] | undefined): string {
    const title = type === 'change' ? 'Change management' : 'Incident management'
    const id = type + '-card'
    const counts = new Map<string, number>()
    for (const ticket of tickets) counts.set(ticket.state.value, (counts.get(ticket.state.value) || 0) + 1)
    const rows: string[] = []
    for (const option of states || []) {
        rows.push(`<tr><th scope="row">${esc(stateName(option))}</th><td data-state="${esc(option.value)}">${counts.get(option.value) || 0}</td></tr>`)
        counts.delete(option.value)
    }
    for (const [value, count] of counts) rows.push(`<tr><th scope="row">${esc(value || '(no state)')}</th><td data-state="${esc(value)}">${count}</td></tr>`)
    return `<section class="card" aria-labelledby="${id}-title" id="${id}">
<h2 id="${id}-title">${title}</h2>
<p><span class="total">${tickets.length}</span> ${ticketNoun(type, tickets.length)} from Secure Score in ServiceNow</p>
<p class="outcomes"><span class="open-count">${tickets.filter((t) => !t.outcome || t.outcome === 'open').length}</span> open &middot; <span class="resolved-count">${tickets.filter((t) => t.outcome === 'resolved').length}</span> resolved</p>
<table class="counts"><caption class="sr-only">${title}: tickets per state</caption><thead><tr><th scope="col">State</th><th scope="col">Tickets</th></tr></thead>
<tbody>${rows.join('') || '<tr><td colspan="2" class="muted">No states yet</td></tr>'}</tbody></table>
${recentTickets(tickets)}
<div class="actions-row"><a class="button" href="/tickets?type=${type}">View all<span class="sr-only"> ${type === 'change' ? 'change requests' : 'incidents'}</span></a></div>
</section>`
}

export function homePage(args: {
    score: ScorePanel
    connection: StoredConnection | null
    connectForm: ConnectFormValues
    redirectUri: string
    tickets: StoredTicket[]
    states: TicketStates | null
    lastSync: string | null
    syncError: string | null
    errors?: FieldErrors
}): string {
    // The answer to a refused connect form shows the form with its errors, even where a connection exists already.
    if (!args.connection || args.errors) {
        return `<h1>Home</h1><div class="cards">${connectCard(args.connectForm, args.redirectUri, args.errors)}${scorePanel(args.score)}</div>`
    }
    const c = args.connection
    const changes = args.tickets.filter((t) => t.type === 'change')
    const incidents = args.tickets.filter((t) => t.type === 'incident')
    return `<h1>Home</h1>
${connectionBanner(c)}
${args.syncError ? `<div class="notice error" role="alert">Could not refresh tickets from ServiceNow: ${esc(args.syncError)}</div>` : ''}
<p class="muted">Connected to <a href="${esc(c.instanceUrl)}">${esc(c.instanceUrl)}</a>${
        args.lastSync ? ` &middot; tickets refreshed ${timeHtml(args.lastSync)}` : ''
    }</p>
<form method="post" action="/sync" class="actions-row" style="margin:0 0 16px"><button type="submit">Refresh</button> <a href="/actions">Share an improvement action</a></form>
<div class="cards">
${ticketCard('change', changes, args.states?.change)}
${ticketCard('incident', incidents, args.states?.incident)}
${scorePanel(args.score)}
</div>`
}
