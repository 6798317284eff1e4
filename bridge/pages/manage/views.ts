/**
 * Manage ServiceNow configuration: the connection on both sides, custom state names, removal, and the tenant's
 * Secure Score write-back settings with who writes (the app registration, or a Security Administrator as themselves).
 */
import type { RemoteConnectionStatus } from '../../ports/servicenow/link.ts'
import type { WriteBackDelegate, WriteBackSettings } from '../../store/outbox.ts'
import type { StateOption, StoredConnection, TicketStates } from '../../store/store.ts'
import { connectionBanner, esc, optionalTime, timeHtml, type FieldErrors } from '../layout.ts'

/** Leaving the bridge: the tenant's data, tokens and instance connection removed, everyone of it signed out. Its Global Administrator's. */
export function removeTenantCard(tenantName: string, globalAdministrator: boolean): string {
    const about = `<section class="card" aria-labelledby="remove-tenant-title"><h2 id="remove-tenant-title">Remove ${esc(tenantName)} from this bridge</h2>
<p>Deletes everything the bridge keeps for ${esc(tenantName)}: its Secure Score copy, shares, ticket copies, comments and write-back history. The ServiceNow connection is removed on the instance and its tokens revoked. Everyone of ${esc(tenantName)} is signed out. A Global Administrator can join it again later.</p>`
    if (!globalAdministrator) return about + `<p class="muted" id="remove-tenant-who">Only a Global Administrator of ${esc(tenantName)} can remove it, as only one can join it.</p></section>`
    return about + `
<form method="post" action="/tenants/remove">
<label><input type="checkbox" name="confirm" value="yes" required> I understand that ${esc(tenantName)}'s data here is deleted</label>
<div class="actions-row"><button class="danger" type="submit" id="remove-tenant">Remove ${esc(tenantName)}</button></div>
</form></section>`
}

export function managePage(args: {
    connection: StoredConnection | null
    remote: RemoteConnectionStatus | null
    remoteError: string | null
    states: TicketStates | null
    redirectUri: string
    writeBack: WriteBackView
    errors?: FieldErrors
}): string {
    if (!args.connection) {
        return `<h1>Manage ServiceNow configuration</h1><p>ServiceNow is not connected. <a href="/">Connect it from Home</a>.</p>
<div class="cards">${writeBackSection(args.writeBack)}</div>`
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
        // An unset name is an empty field with a hint, not ServiceNow's name as a grey placeholder that reads as a value.
        const described = `${esc(id)}-hint${error ? ` ${esc(id)}-error` : ''}`
        return `<label for="${esc(id)}">${esc(o.label)} <span class="muted">(${esc(o.value)})</span></label>
<input type="text" id="${esc(id)}" name="${esc(type)}.${esc(o.value)}" value="${esc(o.customLabel || '')}" maxlength="80" aria-describedby="${described}"${error ? ' aria-invalid="true"' : ''}>
<p class="hint" id="${esc(id)}-hint">${o.customLabel ? `ServiceNow calls it ${esc(o.label)}.` : `Not set: the cards show ServiceNow's name, ${esc(o.label)}.`}</p>${
            error ? `<p class="field-error" id="${esc(id)}-error">${esc(error)}</p>` : ''
        }`
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
<dt>Since</dt><dd>${timeHtml(r?.since || c.connectedAt)}</dd>
<dt>Last contact</dt><dd>${optionalTime(r?.lastContact)}</dd>
<dt>Refresh token expires</dt><dd id="refresh-expiry">${optionalTime(r?.refreshTokenExpiresAt, 'unknown')}</dd>
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
${writeBackSection(args.writeBack)}
<section class="card" aria-labelledby="remove-title"><h2 id="remove-title">Remove connection</h2>
<p>Stops sharing and tracking. ServiceNow marks the connection disconnected and revokes its tokens; this security center forgets the tokens and the client secret. Tickets stay in ServiceNow.</p>
<form method="post" action="/manage/remove">
<label><input type="checkbox" name="confirm" value="yes" required> I understand the connection will be removed</label>
<div class="actions-row"><button class="danger" type="submit">Remove connection</button></div></form>
</section>
</div>`
}

/** What the write-back part of the page shows. */
export interface WriteBackView {
    settings: WriteBackSettings
    readOnly: boolean
    /** The person the write-back runs as; null: the app registration. */
    delegate: WriteBackDelegate | null
    /** Failed rows Graph refused from the app (403). */
    appOnlyRefusals: number
    /** Rows still to be written. */
    waiting: number
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** Who writes to Secure Score: the app registration by default, or a Security Administrator who chose to write as themselves. */
function writerPart(writeBack: WriteBackView): string {
    const asMe = (label: string) =>
        `<form method="post" action="/manage/write-back/as-me"><button type="submit" id="write-back-as-me"${writeBack.delegate ? '' : ' class="primary"'}>${esc(label)}</button></form>`
    const d = writeBack.delegate
    if (!d) {
        return `<h3 id="writer-title">Who writes to Secure Score</h3>
<p id="write-back-writer" data-writer="app">The bridge's app registration, with its application permission SecurityEvents.ReadWrite.All.</p>
${
    writeBack.appOnlyRefusals > 0
        ? `<div class="notice error" role="alert" id="write-back-app-refused">Microsoft refused the app's update to Secure Score for ${plural(writeBack.appOnlyRefusals, 'ticket', 'tickets')}: it may not accept state updates made with an app-only token. A Security Administrator can choose Write back as me to write as themselves; those updates are then sent again.</div>`
        : ''
}
<p class="hint">Write back as me: you sign in with Microsoft and the bridge writes the states as you (delegated SecurityEvents.ReadWrite.All), as long as you hold the Security Administrator or Global Administrator role. Your refresh token is kept encrypted; the ticket pages name you as the writer.</p>
<div class="actions-row">${asMe('Write back as me')}</div>`
    }
    return `<h3 id="writer-title">Who writes to Secure Score</h3>
<p id="write-back-writer" data-writer="delegate"><strong>${esc(d.upn)}</strong>, signed in as themselves (delegated SecurityEvents.ReadWrite.All), since ${timeHtml(d.chosenAt)}. Their refresh token is kept encrypted.</p>
${
    d.needsRenewal
        ? `<div class="notice error" role="alert" id="write-back-renewal">Writing as ${esc(d.upn)} needs renewing by a Security Administrator: ${esc(d.needsRenewal)}. ${plural(writeBack.waiting, 'update waits', 'updates wait')}; nothing is lost. Choose Write back as me to write as yourself, or stop writing as ${esc(d.upn)}.</div>`
        : ''
}
<div class="actions-row">${asMe('Write back as me')}<form method="post" action="/manage/write-back/app-only"><button type="submit" id="write-back-stop">Stop writing as ${esc(d.upn)}</button></form></div>`
}

function writeBackSection(writeBack: WriteBackView): string {
    const checked = (on: boolean) => (on ? ' checked' : '')
    return `<section class="card" aria-labelledby="write-back-title" id="write-back-settings"><h2 id="write-back-title">Secure Score write-back</h2>
<p class="muted">When a shared ticket is resolved, its improvement action is set to Resolved through third party in Secure Score, with the ticket number and close notes; a reopened ticket sets it back to To address.</p>
${
    writeBack.readOnly && !writeBack.delegate
        ? `<div class="notice error" role="alert" id="write-back-read-only">Read-only: the app lacks SecurityEvents.ReadWrite.All in this tenant, so nothing is written to Secure Score. Grant the permission and consent again, or let a Security Administrator write back as themselves, to turn write-back on.</div>`
        : ''
}
<form method="post" action="/manage/write-back">
<label><input type="checkbox" name="enabled" id="write-back-enabled"${checked(writeBack.settings.enabled)}> Write ticket outcomes to Secure Score</label>
<label><input type="checkbox" name="unresolvedSendsDefault" id="write-back-unresolved"${checked(writeBack.settings.unresolvedSendsDefault)}> A cancelled or unsuccessful ticket sets the action back to To address</label>
<div class="actions-row"><button type="submit">Save write-back settings</button></div></form>
${writerPart(writeBack)}
</section>`
}
