/**
 * The bridge's page kit: the frame every page shares (header, navigation, notices) and the form pieces
 * the pages reuse. Every value that reaches HTML goes through `esc`; no page ever receives a token or a secret.
 */
import type { FieldErrors } from '../domain/form-rules.ts'
import type { StateOption, StoredConnection, StoredTicket } from '../store/store.ts'

export function esc(value: unknown): string {
    return String(value ?? '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;')
}

/** A message at the top of a page, with an optional link after its text. */
export interface Notice {
    kind: 'success' | 'error' | 'info'
    text: string
    link?: { href: string; text: string }
}

export interface PageContext {
    tenantName: string
    /** The signed-in person's UPN; absent on the pages shown before sign-in. */
    adminUser?: string
    /** The session's CSRF token: layout() puts it in every POST form of the page. */
    csrfToken?: string
    notice?: Notice | null
    current?: 'home' | 'actions' | 'manage'
    /** A refusal: the frame without the navigation, so it shows nothing of the tenant but the sentence. */
    bare?: boolean
}

/** The form field every POST carries; the server refuses a POST without the session's value. */
export const CSRF_FIELD = '_csrf'

/**
 * The body as a Security Reader sees it: without the forms that change something and without the Share links, since
 * every one of them would be refused (server.ts); one place, so no page can forget it.
 */
export function readOnlyBody(body: string): string {
    return body.replace(/<form\b[^>]*\bmethod="post"[^>]*>[\s\S]*?<\/form>/gi, '').replace(/<a\b[^>]*href="\/actions\/[^"]*\/share"[^>]*>[\s\S]*?<\/a>/gi, '')
}

/** Every `<form method="post">` of the body with the CSRF field first, so no form can be written without it. */
export function withCsrf(body: string, token: string): string {
    return body.replace(/<form\b[^>]*\bmethod="post"[^>]*>/gi, (form) => `${form}<input type="hidden" name="${CSRF_FIELD}" value="${esc(token)}">`)
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
header.top form.signout{display:inline;margin:0 0 0 8px}header.top form.signout button{padding:2px 8px;font-size:13px}
.layout{display:flex;min-height:calc(100vh - 48px)}
nav.side{width:220px;background:#f3f2f1;border-right:1px solid #e1dfdd;padding:12px 0}
nav.side ul{list-style:none;margin:0;padding:0}
nav.side a{display:block;padding:9px 20px;color:#242424;text-decoration:none}
nav.side a[aria-current=page]{background:#e1dfdd;font-weight:600;border-left:3px solid #0f6cbd;padding-left:17px}
main{flex:1;min-width:0;padding:24px 32px;max-width:1200px;overflow-wrap:anywhere}
h1{font-size:24px;font-weight:600;margin:0 0 16px}
h2{font-size:18px;font-weight:600;margin:0 0 12px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:16px}
.card{min-width:0;background:#fff;border:1px solid #e1dfdd;border-radius:4px;padding:20px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
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
.counts td{white-space:nowrap}
.table-scroll{overflow-x:auto}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;background:#f3f2f1;border:1px solid #e1dfdd}
.badge.ok{background:#f1faf1;border-color:#9fd89f}.badge.bad{background:#fdf3f4;border-color:#eeacb2}
.dialog{max-width:720px}
dl.meta{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:4px 16px;margin:0}
dl.meta dt{font-weight:600}dl.meta dd{margin:0;min-width:0;overflow-wrap:anywhere}
dl.meta.stacked{display:block}dl.meta.stacked dt{margin-top:8px}
fieldset{border:1px solid #e1dfdd;padding:8px 16px 16px;margin:12px 0;max-width:560px}
legend{font-weight:600}
td.num{text-align:right;white-space:nowrap}
form.filters label{margin:0}form.filters select{width:auto}
`

export function layout(title: string, ctx: PageContext, body: string): string {
    const nav = (href: string, key: PageContext['current'], text: string) =>
        `<li><a href="${href}"${ctx.current === key ? ' aria-current="page"' : ''}>${esc(text)}</a></li>`
    const notice = ctx.notice
        ? `<div class="notice ${ctx.notice.kind}" id="notice" role="${ctx.notice.kind === 'error' ? 'alert' : 'status'}">${esc(ctx.notice.text)}${
              ctx.notice.link ? ` <a href="${esc(ctx.notice.link.href)}">${esc(ctx.notice.link.text)}</a>` : ''
          }</div>`
        : ''
    const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} - Secure Score bridge</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header class="top"><span class="brand">Secure Score bridge</span><span class="muted" style="color:#c8c6c4">Microsoft 365 Ticketing Connector</span>
<span class="who">${esc(ctx.tenantName)}${
        ctx.adminUser
            ? ` &middot; <span id="signed-in-user">${esc(ctx.adminUser)}</span> <form method="post" action="/signout" class="signout"><button type="submit" id="sign-out">Sign out</button></form>`
            : ''
    }</span></header>
<div class="layout">
${
    ctx.bare
        ? ''
        : `<nav class="side" aria-label="Secure Score bridge"><ul>
${nav('/', 'home', 'Home')}
${nav('/actions', 'actions', 'Secure score: improvement actions')}
${nav('/manage', 'manage', 'Manage ServiceNow configuration')}
</ul></nav>`
}
<main id="main" tabindex="-1">
${notice}
${body}
</main>
</div>
<script>${LOCAL_TIMES}</script>
</body>
</html>`
    return ctx.csrfToken ? withCsrf(page, ctx.csrfToken) : page
}

export type { FieldErrors }

export function errorSummary(errors: FieldErrors, labels: { [field: string]: string }): string {
    const names = Object.keys(errors)
    if (names.length === 0) return ''
    const items = names.map((name) => `<li><a href="#${esc(name)}">${esc(labels[name] || name)}: ${esc(errors[name])}</a></li>`).join('')
    return `<div class="notice error" role="alert" tabindex="-1" id="error-summary"><strong>Fix the following before continuing:</strong><ul>${items}</ul></div>`
}

export function inputField(
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

export function select(name: string, label: string, value: string, options: [string, string][], errors: FieldErrors): string {
    const error = errors[name]
    return `<label for="${name}">${esc(label)} <span aria-hidden="true">*</span></label>
<select id="${name}" name="${name}" required aria-required="true"${error ? ` aria-invalid="true" aria-describedby="${name}-error"` : ''}>
<option value=""${value ? '' : ' selected'}>Select&hellip;</option>
${options.map(([v, text]) => `<option value="${esc(v)}"${v === value ? ' selected' : ''}>${esc(text)}</option>`).join('')}
</select>${error ? `<p class="field-error" id="${name}-error">${esc(error)}</p>` : ''}`
}


export function stateName(option: { label: string; customLabel: string | null }): string {
    return option.customLabel || option.label
}

export function ticketStateName(ticket: StoredTicket, states: StateOption[] | undefined): string {
    const option = states?.find((s) => s.value === ticket.state.value)
    if (option) return stateName(option)
    return ticket.state.customLabel || ticket.state.label || ticket.state.value
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

/**
 * A moment as `<time>`, the one date format of the bridge's pages: the ISO value in `datetime` and on hover, shown in
 * the viewer's locale and time zone by LOCAL_TIMES (as "2026-12-06 03:10:24 UTC" where scripts do not run).
 */
export function timeHtml(iso: string): string {
    return `<time datetime="${esc(iso)}" title="${esc(iso)}" data-shows="moment">${esc(iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC'))}</time>`
}

/** A calendar day (a due date; an ISO moment is cut to its day) as `<time>`, in the viewer's locale. */
export function dateHtml(isoDay: string): string {
    const day = isoDay.slice(0, 10)
    return `<time datetime="${esc(day)}" title="${esc(day)}" data-shows="day">${esc(day)}</time>`
}

/** A moment or nothing: `none` when there is no time to show. */
export function optionalTime(iso: string | null | undefined, none = ''): string {
    return iso ? timeHtml(iso) : esc(none)
}

/**
 * Shows every `<time>` of the page in the viewer's locale and time zone (the server knows neither). A day is a
 * calendar day and stays as it is, whatever the zone. SVG text carries the ISO day in data-day.
 */
export const LOCAL_TIMES = `(function(){
var moment=new Intl.DateTimeFormat(undefined,{year:'numeric',month:'short',day:'numeric',hour:'2-digit',minute:'2-digit',timeZoneName:'short'});
var day=new Intl.DateTimeFormat(undefined,{year:'numeric',month:'short',day:'numeric',timeZone:'UTC'});
document.querySelectorAll('time[data-shows]').forEach(function(el){
var iso=el.getAttribute('datetime');var t=Date.parse(el.getAttribute('data-shows')==='day'?iso+'T00:00:00Z':iso);
if(!isNaN(t))el.textContent=(el.getAttribute('data-shows')==='day'?day:moment).format(t);});
document.querySelectorAll('[data-day]').forEach(function(el){var t=Date.parse(el.getAttribute('data-day')+'T00:00:00Z');if(!isNaN(t))el.textContent=day.format(t);});
})()`

/** Secure Score points as the portal shows them: at most two decimals. */
export function points(value: number): string {
    return String(Math.round(value * 100) / 100)
}

export function messagePage(title: string, message: string, link: { href: string; text: string } = { href: '/', text: 'Go to Home' }): string {
    return `<h1>${esc(title)}</h1><div class="notice error" role="alert">${esc(message)}</div><p><a href="${esc(link.href)}">${esc(link.text)}</a></p>`
}
