/**
 * Server-rendered pages of the local Microsoft 365 security center. Every value that reaches HTML
 * goes through `esc`; no page ever receives a token or the client secret.
 */
import type { ControlProfile } from './fixture.ts'
import type { RemoteConnectionStatus } from './servicenow.ts'
import type { Share, StateOption, StoredConnection, StoredTicket, TicketStates } from './store.ts'
import { actionStatus } from './ticket-activity.ts'

export function esc(value: unknown): string {
    return String(value ?? '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;')
}

export interface PageContext {
    tenantName: string
    adminUser: string
    notice?: { kind: 'success' | 'error' | 'info'; text: string } | null
    current?: 'home' | 'actions' | 'manage'
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:"Segoe UI",system-ui,-apple-system,sans-serif;font-size:14px;color:#242424;background:#faf9f8}
a{color:#0f6cbd}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible{outline:2px solid #242424;outline-offset:2px}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:10}
header.top{display:flex;align-items:center;gap:16px;background:#1b1a19;color:#fff;padding:0 20px;height:48px}
header.top .brand{font-weight:600;font-size:15px}
header.top .who{margin-left:auto;font-size:13px;opacity:.9}
.layout{display:flex;min-height:calc(100vh - 48px)}
nav.side{width:220px;background:#f3f2f1;border-right:1px solid #e1dfdd;padding:12px 0}
nav.side ul{list-style:none;margin:0;padding:0}
nav.side a{display:block;padding:9px 20px;color:#242424;text-decoration:none}
nav.side a[aria-current=page]{background:#e1dfdd;font-weight:600;border-left:3px solid #0f6cbd;padding-left:17px}
main{flex:1;padding:24px 32px;max-width:1200px}
h1{font-size:24px;font-weight:600;margin:0 0 16px}
h2{font-size:18px;font-weight:600;margin:0 0 12px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:16px}
.card{background:#fff;border:1px solid #e1dfdd;border-radius:4px;padding:20px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.muted{color:#616161}
.notice{padding:10px 14px;border-radius:4px;margin:0 0 16px;border:1px solid}
.notice.success{background:#f1faf1;border-color:#9fd89f}
.notice.error{background:#fdf3f4;border-color:#eeacb2}
.notice.info{background:#ebf3fc;border-color:#b4d6fa}
label{display:block;font-weight:600;margin:12px 0 4px}
input[type=text],input[type=url],input[type=password],input[type=date],select,textarea{width:100%;max-width:520px;padding:6px 8px;border:1px solid #8a8886;border-radius:2px;font:inherit;background:#fff}
textarea{min-height:120px}
[aria-invalid=true]{border-color:#c50f1f!important}
.field-error{color:#c50f1f;margin:4px 0 0}
.hint{color:#616161;font-size:12px;margin:4px 0 0}
button,.button{display:inline-block;font:inherit;padding:6px 16px;border-radius:2px;border:1px solid #8a8886;background:#fff;color:#242424;cursor:pointer;text-decoration:none}
button.primary,.button.primary{background:#0f6cbd;border-color:#0f6cbd;color:#fff}
button.danger{background:#c50f1f;border-color:#c50f1f;color:#fff}
.actions-row{display:flex;gap:8px;margin-top:16px;flex-wrap:wrap;align-items:center}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:8px 10px;border-bottom:1px solid #edebe9;vertical-align:top}
th{font-weight:600;background:#faf9f8}
.counts td:last-child,.counts th:last-child{text-align:right}
code.copy{background:#f3f2f1;padding:2px 6px;border-radius:2px;word-break:break-all}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;background:#f3f2f1;border:1px solid #e1dfdd}
.badge.ok{background:#f1faf1;border-color:#9fd89f}.badge.bad{background:#fdf3f4;border-color:#eeacb2}
.dialog{max-width:720px}
dl.meta{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:4px 16px;margin:0}
dl.meta dt{font-weight:600}dl.meta dd{margin:0;min-width:0;overflow-wrap:anywhere}
dl.meta.stacked{display:block}dl.meta.stacked dt{margin-top:8px}
fieldset{border:1px solid #e1dfdd;padding:8px 16px 16px;margin:12px 0;max-width:560px}
legend{font-weight:600}
`

export function layout(title: string, ctx: PageContext, body: string): string {
    const nav = (href: string, key: PageContext['current'], text: string) =>
        `<li><a href="${href}"${ctx.current === key ? ' aria-current="page"' : ''}>${esc(text)}</a></li>`
    const notice = ctx.notice
        ? `<div class="notice ${ctx.notice.kind}" role="${ctx.notice.kind === 'error' ? 'alert' : 'status'}">${esc(ctx.notice.text)}</div>`
        : ''
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} - Microsoft Defender</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header class="top"><span class="brand">Microsoft Defender</span><span class="muted" style="color:#c8c6c4">Local Microsoft 365 security center (emulator)</span>
<span class="who">${esc(ctx.tenantName)} &middot; <span id="signed-in-user">${esc(ctx.adminUser)}</span></span></header>
<div class="layout">
<nav class="side" aria-label="Security center"><ul>
${nav('/', 'home', 'Home')}
${nav('/actions', 'actions', 'Secure score: improvement actions')}
${nav('/manage', 'manage', 'Manage ServiceNow configuration')}
</ul></nav>
<main id="main" tabindex="-1">
${notice}
${body}
</main>
</div>
</body>
</html>`
}

// --- connect --------------------------------------------------------------------------------

export interface ConnectFormValues {
    instanceUrl: string
    clientId: string
    tenantId: string
    tenantName: string
}

export type FieldErrors = { [field: string]: string }

function errorSummary(errors: FieldErrors, labels: { [field: string]: string }): string {
    const names = Object.keys(errors)
    if (names.length === 0) return ''
    const items = names.map((name) => `<li><a href="#${esc(name)}">${esc(labels[name] || name)}: ${esc(errors[name])}</a></li>`).join('')
    return `<div class="notice error" role="alert" tabindex="-1" id="error-summary"><strong>Fix the following before continuing:</strong><ul>${items}</ul></div>`
}

function inputField(
    name: string,
    label: string,
    value: string,
    errors: FieldErrors,
    options: { type?: string; hint?: string; required?: boolean; autocomplete?: string } = {},
): string {
    const error = errors[name]
    const described = [options.hint ? name + '-hint' : '', error ? name + '-error' : ''].filter(Boolean).join(' ')
    return `<label for="${name}">${esc(label)}${options.required ? ' <span aria-hidden="true">*</span>' : ''}</label>
<input id="${name}" name="${name}" type="${options.type || 'text'}" value="${esc(value)}"${options.required ? ' required aria-required="true"' : ''}${
        error ? ' aria-invalid="true"' : ''
    }${described ? ` aria-describedby="${described}"` : ''} autocomplete="${options.autocomplete || 'off'}">
${options.hint ? `<p class="hint" id="${name}-hint">${esc(options.hint)}</p>` : ''}${error ? `<p class="field-error" id="${name}-error">${esc(error)}</p>` : ''}`
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

// --- home -----------------------------------------------------------------------------------

export function stateName(option: { label: string; customLabel: string | null }): string {
    return option.customLabel || option.label
}

function ticketStateName(ticket: StoredTicket, states: StateOption[] | undefined): string {
    const option = states?.find((s) => s.value === ticket.state.value)
    if (option) return stateName(option)
    return ticket.state.customLabel || ticket.state.label || ticket.state.value
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

export function connectionBanner(connection: StoredConnection): string {
    if (connection.status === 'connected') return ''
    const text =
        connection.status === 'needs_reauthorization'
            ? 'The ServiceNow connection needs re-authorization.'
            : 'The ServiceNow connection reported an error.'
    return `<div class="notice error" role="alert"><p><strong>${esc(text)}</strong> ${esc(connection.lastError || '')}</p>
<form method="post" action="/reauthorize"><button class="primary" type="submit">Re-authorize</button></form></div>`
}

export function homePage(args: {
    connection: StoredConnection | null
    connectForm: ConnectFormValues
    redirectUri: string
    tickets: StoredTicket[]
    states: TicketStates | null
    lastSync: string | null
    syncError: string | null
    errors?: FieldErrors
}): string {
    if (!args.connection) {
        return `<h1>Home</h1><div class="cards">${connectCard(args.connectForm, args.redirectUri, args.errors)}</div>`
    }
    const c = args.connection
    const changes = args.tickets.filter((t) => t.type === 'change')
    const incidents = args.tickets.filter((t) => t.type === 'incident')
    return `<h1>Home</h1>
${connectionBanner(c)}
${args.syncError ? `<div class="notice error" role="alert">Could not refresh tickets from ServiceNow: ${esc(args.syncError)}</div>` : ''}
<p class="muted">Connected to <a href="${esc(c.instanceUrl)}">${esc(c.instanceUrl)}</a>${
        args.lastSync ? ` &middot; tickets refreshed <time datetime="${esc(args.lastSync)}">${esc(args.lastSync)}</time>` : ''
    }</p>
<form method="post" action="/sync" class="actions-row" style="margin:0 0 16px"><button type="submit">Refresh</button> <a href="/actions">Share an improvement action</a></form>
<div class="cards">
${ticketCard('change', changes, args.states?.change)}
${ticketCard('incident', incidents, args.states?.incident)}
</div>`
}

export function ticketListPage(type: 'change' | 'incident', tickets: StoredTicket[], states: StateOption[] | undefined, syncError: string | null): string {
    const title = type === 'change' ? 'Change management' : 'Incident management'
    const rows = tickets
        .map(
            (t) => `<tr><td><a href="/tickets/${encodeURIComponent(t.number)}">${esc(t.number)}</a></td><td>${esc(t.name)}</td><td>${esc(ticketStateName(t, states))}</td>
<td>${esc(t.priority.label || t.priority.value)}</td><td>${esc(t.dueDate ? t.dueDate.slice(0, 10) : '')}</td><td>${esc(t.assignmentGroup || '')}</td>
<td>${esc(t.assignedTo || '')}</td><td>${esc(t.updated || '')}</td></tr>`,
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

// --- improvement actions and sharing --------------------------------------------------------

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

export interface ShareFormValues {
    ticketType: string
    priority: string
    name: string
    description: string
    dueDate: string
}

export const SHARE_LABELS = { shareAgain: 'Share again', ticketType: 'Ticket type', priority: 'Priority', name: 'Name', description: 'Description', dueDate: 'Due date' }

function select(name: string, label: string, value: string, options: [string, string][], errors: FieldErrors): string {
    const error = errors[name]
    return `<label for="${name}">${esc(label)} <span aria-hidden="true">*</span></label>
<select id="${name}" name="${name}" required aria-required="true"${error ? ` aria-invalid="true" aria-describedby="${name}-error"` : ''}>
<option value=""${value ? '' : ' selected'}>Select&hellip;</option>
${options.map(([v, text]) => `<option value="${esc(v)}"${v === value ? ' selected' : ''}>${esc(text)}</option>`).join('')}
</select>${error ? `<p class="field-error" id="${name}-error">${esc(error)}</p>` : ''}`
}

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

// --- manage ---------------------------------------------------------------------------------

export function managePage(args: {
    connection: StoredConnection | null
    remote: RemoteConnectionStatus | null
    remoteError: string | null
    states: TicketStates | null
    redirectUri: string
    errors?: FieldErrors
}): string {
    if (!args.connection) {
        return `<h1>Manage ServiceNow configuration</h1><p>ServiceNow is not connected. <a href="/">Connect it from Home</a>.</p>`
    }
    const c = args.connection
    const r = args.remote
    const statusBadge = (ok: boolean, text: string) => `<span class="badge ${ok ? 'ok' : 'bad'}">${esc(text)}</span>`
    const expiry = r?.refreshTokenExpiresAt ? Date.parse(r.refreshTokenExpiresAt) : NaN
    const daysLeft = Number.isNaN(expiry) ? null : Math.floor((expiry - Date.now()) / 86400000)
    const expiryWarning =
        daysLeft !== null && daysLeft < 14
            ? `<div class="notice error" role="alert">The refresh token expires in ${daysLeft < 0 ? 'the past' : daysLeft + ' days'}. Re-authorize before then to keep the cards working.</div>`
            : ''
    const stateFieldset = (type: 'change' | 'incident', options: StateOption[]) =>
        `<fieldset><legend>${type === 'change' ? 'Change request' : 'Incident'} states</legend>
${options
    .map((o) => {
        const id = `${type}-${o.value}`
        const error = args.errors?.[id]
        return `<label for="${esc(id)}">${esc(o.label)} <span class="muted">(${esc(o.value)})</span></label>
<input type="text" id="${esc(id)}" name="${esc(type)}.${esc(o.value)}" value="${esc(o.customLabel || '')}" placeholder="${esc(o.label)}" maxlength="80"${
            error ? ` aria-invalid="true" aria-describedby="${esc(id)}-error"` : ''
        }>${error ? `<p class="field-error" id="${esc(id)}-error">${esc(error)}</p>` : ''}`
    })
    .join('')}</fieldset>`
    return `<h1>Manage ServiceNow configuration</h1>
${connectionBanner(c)}
<div class="cards">
<section class="card" aria-labelledby="status-title"><h2 id="status-title">Connection status</h2>
${args.remoteError ? `<div class="notice error" role="alert">The instance could not be asked: ${esc(args.remoteError)}</div>` : ''}
${expiryWarning}
<dl class="meta stacked">
<dt>Instance</dt><dd><a href="${esc(c.instanceUrl)}">${esc(c.instanceUrl)}</a></dd>
<dt>Tenant</dt><dd>${esc(c.tenantName)} (<code>${esc(c.tenantId)}</code>)</dd>
<dt>Here</dt><dd id="local-status">${statusBadge(c.status === 'connected', c.status.replace(/_/g, ' '))}</dd>
<dt>On ServiceNow</dt><dd id="remote-status">${r ? statusBadge(r.status === 'connected', r.status) : '<span class="muted">unknown</span>'}</dd>
<dt>Connected by</dt><dd>${esc(r?.connectedBy || '')}</dd>
<dt>Since</dt><dd>${esc(r?.since || c.connectedAt)}</dd>
<dt>Last contact</dt><dd>${esc(r?.lastContact || '')}</dd>
<dt>Refresh token expires</dt><dd id="refresh-expiry">${esc(r?.refreshTokenExpiresAt || 'unknown')}</dd>
<dt>App version</dt><dd>${esc(r?.appVersion || '')}</dd>
<dt>Ticket types</dt><dd>${esc((r?.enabledTicketTypes || []).join(', '))}</dd>
<dt>Redirect URL</dt><dd><code class="copy">${esc(args.redirectUri)}</code></dd>
</dl>
<div class="actions-row"><form method="post" action="/reauthorize"><button type="submit">Re-authorize</button></form></div>
</section>
<section class="card" aria-labelledby="names-title"><h2 id="names-title">Customize state names</h2>
<p class="muted">The names the Home cards show for ServiceNow's states. Leave a field empty to use ServiceNow's name.</p>
${
    args.states
        ? `<form method="post" action="/manage/state-names">${stateFieldset('change', args.states.change)}${stateFieldset('incident', args.states.incident)}
<div class="actions-row"><button class="primary" type="submit">Save state names</button></div></form>`
        : '<p class="muted">The states could not be read from ServiceNow.</p>'
}
</section>
<section class="card" aria-labelledby="remove-title"><h2 id="remove-title">Remove connection</h2>
<p>Stops sharing and tracking. ServiceNow marks the connection disconnected and revokes its tokens; this security center forgets the tokens and the client secret. Tickets stay in ServiceNow.</p>
<form method="post" action="/manage/remove">
<label><input type="checkbox" name="confirm" value="yes" required> I understand the connection will be removed</label>
<div class="actions-row"><button class="danger" type="submit">Remove connection</button></div></form>
</section>
</div>`
}

export function messagePage(title: string, message: string, link: { href: string; text: string } = { href: '/', text: 'Go to Home' }): string {
    return `<h1>${esc(title)}</h1><div class="notice error" role="alert">${esc(message)}</div><p><a href="${esc(link.href)}">${esc(link.text)}</a></p>`
}
