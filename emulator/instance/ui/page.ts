/**
 * The frame of every instance UI page, in the look of the Next Experience (Polaris): a dark header bar with
 * the instance name, the signed-in user and Log out; the application navigator on the left; the content as
 * white cards. Server-rendered; every value is escaped by the caller or here.
 *
 *   uiPage({ title, instanceName, userDisplayName, navigator, content, messages }) → HTML
 *   messageBlock({ info, error }) → HTML    the platform's info (blue) and error (red) messages above the content
 *   FlashMessages                            { info: string[], error: string[] }
 *
 * Dates: the platform shows them in the user's date/time format and time zone (user profile). The local instance
 * has no user preferences; local choice: the page's script (LOCAL_TIME_SCRIPT) shows every <time data-local> in
 * the browser's locale and time zone, the ISO value on hover, and moves date/time pickers (UTC on the wire) to
 * local time and back on submit. Long unbroken text (a GUID, a URL, a 4000-character comment) wraps anywhere
 * rather than widening its card.
 */
import { escapeHtml } from '../http/pages.ts'

export interface FlashMessages {
    info: string[]
    error: string[]
}

export interface UiPageOptions {
    title: string
    instanceName: string
    userDisplayName: string
    userName: string
    /** The navigator's HTML (ui/navigator.ts). */
    navigator: string
    /** The page's content, already escaped. */
    content: string
    messages?: FlashMessages
}

const STYLES = `
* { box-sizing: border-box; }
/* Words break only where one would overflow its line: break-word leaves intrinsic widths alone, so table columns,
   flex items and buttons keep whole words ("Connected", "Update"). List cells holding long unbroken text (list.ts
   marks them .unbroken: a GUID, a URL) and field values may break anywhere, which lets their column or box narrow. */
body { margin: 0; overflow-wrap: break-word; font-family: "Lato", "Source Sans Pro", "Helvetica Neue", Arial, sans-serif; font-size: 14px; color: #1d1d1d; background: #f1f1f1; }
a { color: #1f6bb6; }
header.polaris { display: flex; align-items: center; gap: 16px; height: 52px; padding: 0 16px; background: #030f22; color: #fff; position: sticky; top: 0; z-index: 2; }
header.polaris .logo { font-weight: 700; font-size: 18px; letter-spacing: .2px; color: #fff; text-decoration: none; }
header.polaris .logo span { color: #62d84e; }
header.polaris .instance { color: #c6d0dc; font-size: 13px; border-left: 1px solid #2d3c54; padding-left: 16px; }
header.polaris .user { margin-left: auto; display: flex; align-items: center; gap: 12px; font-size: 13px; }
header.polaris .avatar { width: 28px; height: 28px; border-radius: 50%; background: #6c7d93; display: inline-flex; align-items: center; justify-content: center; font-weight: 700; font-size: 12px; }
header.polaris a { color: #fff; }
.shell { display: flex; min-height: calc(100vh - 52px); }
nav.navigator { width: 280px; flex: none; background: #fff; border-right: 1px solid #d6dbe1; padding: 12px; }
nav.navigator input[type=search] { width: 100%; padding: 7px 10px; border: 1px solid #8d96a3; border-radius: 16px; font-size: 13px; }
nav.navigator h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .6px; color: #5b6673; margin: 16px 4px 6px; }
nav.navigator ul { list-style: none; margin: 0; padding: 0; }
nav.navigator li.menu > .menu-title { font-weight: 700; padding: 8px 6px 4px; color: #1d1d1d; }
nav.navigator li.module a, nav.navigator li.module span.refused { display: block; padding: 5px 6px 5px 18px; border-radius: 4px; text-decoration: none; color: #1d1d1d; }
nav.navigator li.module a:hover { background: #e8f1fb; }
nav.navigator li.module span.refused { color: #8d96a3; }
nav.navigator li.separator { padding: 8px 6px 2px 12px; color: #5b6673; font-size: 12px; text-transform: uppercase; }
main.content { flex: 1; padding: 20px 24px; min-width: 0; }
.card { background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgba(3, 15, 34, .15); padding: 16px 20px; margin-bottom: 16px; }
h1.title { font-size: 20px; margin: 0 0 4px; }
.subtitle { color: #5b6673; margin: 0 0 12px; }
.messages p { margin: 0 0 8px; padding: 10px 14px; border-radius: 6px; }
.messages .info { background: #e3effb; border-left: 4px solid #1f6bb6; }
.messages .error { background: #fdecee; border-left: 4px solid #c8102e; color: #8a0b20; }
.breadcrumb { font-size: 13px; margin-bottom: 10px; }
.breadcrumb a, .breadcrumb span { margin-right: 4px; }
.breadcrumb .sep { color: #8d96a3; }
table.list { width: 100%; border-collapse: collapse; font-size: 13px; }
table.list th { text-align: left; border-bottom: 2px solid #d6dbe1; padding: 8px; }
table.list th a { color: #1d1d1d; text-decoration: none; }
table.list th a.sorted::after { content: " ▲"; font-size: 10px; }
table.list th a.sorted.desc::after { content: " ▼"; }
table.list td { border-bottom: 1px solid #e6e9ed; padding: 8px; vertical-align: top; min-width: 6em; }
table.list td time, .activity-meta time { white-space: nowrap; }
table.list td .unbroken, .field .readonly-value, .field .reference-link, .activity-text { overflow-wrap: anywhere; }
.table-scroll { overflow-x: auto; }
table.list tr:hover td { background: #f6f9fc; }
.list-footer { display: flex; align-items: center; gap: 12px; margin-top: 10px; font-size: 13px; color: #5b6673; }
.list-footer .pager a, .list-footer .pager span { margin-right: 6px; }
.list-header { display: flex; align-items: baseline; gap: 12px; }
.list-header .count { color: #5b6673; }
.list-header .actions { margin-left: auto; }
.button, button { display: inline-block; padding: 7px 16px; border-radius: 4px; border: 1px solid #1f6bb6; background: #fff; color: #1f6bb6; font-size: 13px; cursor: pointer; text-decoration: none; white-space: nowrap; }
.button.primary, button.primary { background: #1f6bb6; color: #fff; }
.form-header { display: flex; align-items: center; gap: 10px; }
.form-header > div:first-child { min-width: 0; }
.form-header .buttons { margin-left: auto; display: flex; flex-wrap: wrap; gap: 8px; }
.section h2 { font-size: 15px; margin: 0 0 12px; border-bottom: 1px solid #e6e9ed; padding-bottom: 8px; }
.columns { display: flex; gap: 32px; }
.columns > .column { flex: 1; min-width: 0; }
.field { display: grid; grid-template-columns: 38% minmax(0, 1fr); align-items: center; gap: 8px; margin-bottom: 10px; }
.field label { text-align: right; color: #3c4650; }
.section > .field { grid-template-columns: calc(19% - 12px) minmax(0, 1fr); }
.field.invalid input, .field.invalid select, .field.invalid textarea { border-color: #c8102e; box-shadow: 0 0 0 1px #c8102e; }
.field .field-error { grid-column: 2; margin: 0; color: #8a0b20; font-size: 12px; }
.field .mandatory { color: #c8102e; font-weight: 700; margin-right: 3px; }
.field input[type=checkbox] { justify-self: start; }
.field input[type=text], .field input[type=date], .field input[type=datetime-local], .field select, .field textarea { max-width: 100%; width: 100%; padding: 6px 8px; border: 1px solid #8d96a3; border-radius: 4px; font-size: 13px; font-family: inherit; background: #fff; }
.field input[readonly], .field textarea[readonly], .field select[disabled] { background: #f1f3f5; border-color: #c9cfd6; color: #3c4650; }
.field .reference { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; min-width: 0; }
.field .reference input[type=text] { flex: 1 1 10em; width: auto; min-width: 0; }
.field .reference-link { max-width: 100%; }
.field .readonly-value { padding: 6px 0; }
.activity-list { list-style: none; margin: 0; padding: 0; }
.activity-entry { padding: 8px 0; border-bottom: 1px solid #e6e9ed; }
.activity-meta { color: #5b6673; font-size: 12px; margin-bottom: 4px; }
.activity-text { white-space: pre-wrap; }
pre, code { white-space: pre-wrap; }
.refused { color: #5b6673; font-style: italic; }
.related h3 { font-size: 14px; margin: 0 0 8px; }
/* A narrow window stacks a form's two columns into one, so labels keep their words (local choice). */
@media (max-width: 991px) {
    .columns { flex-direction: column; gap: 0; }
    .section > .field { grid-template-columns: 38% minmax(0, 1fr); }
}
`

/** Initials for the avatar: "System Administrator" → "SA". */
function initials(name: string): string {
    return (
        name
            .split(/\s+/)
            .filter(Boolean)
            .slice(0, 2)
            .map((word) => word[0]!.toUpperCase())
            .join('') || '?'
    )
}

/** Dates in the browser's locale and time zone; date/time pickers shown in local time and posted in UTC. */
const LOCAL_TIME_SCRIPT = `(function () {
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  document.querySelectorAll('time[data-local]').forEach(function (time) {
    var date = new Date(time.dateTime);
    if (isNaN(date.getTime())) return;
    time.textContent = time.getAttribute('data-local') === 'date'
      ? date.toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: 'UTC' })
      : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  });
  document.querySelectorAll('input[data-utc]').forEach(function (input) {
    var date = input.value ? new Date(input.value + 'Z') : null;
    if (!date || isNaN(date.getTime())) return;
    input.value = date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + 'T' + pad(date.getHours()) + ':' + pad(date.getMinutes()) + ':' + pad(date.getSeconds());
  });
  document.querySelectorAll('form').forEach(function (form) {
    form.addEventListener('submit', function () {
      form.querySelectorAll('input[data-utc]').forEach(function (input) {
        var date = input.value ? new Date(input.value) : null;
        if (date && !isNaN(date.getTime())) input.value = date.toISOString().slice(0, 19);
      });
    });
  });
})();`

export function messageBlock(messages: FlashMessages | undefined): string {
    if (!messages || (messages.info.length === 0 && messages.error.length === 0)) return ''
    const info = messages.info.map((text) => `<p class="info" role="status">${escapeHtml(text)}</p>`)
    const error = messages.error.map((text) => `<p class="error" role="alert">${escapeHtml(text)}</p>`)
    return `<div class="messages" id="output_messages">${[...error, ...info].join('')}</div>`
}

export function uiPage(options: UiPageOptions): string {
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)} | ServiceNow</title>
<style>${STYLES}</style>
</head>
<body>
<header class="polaris">
<a class="logo" href="/navpage.do">service<span>now</span></a>
<span class="instance" id="instance_name">${escapeHtml(options.instanceName)}</span>
<span class="user"><span class="avatar" aria-hidden="true">${escapeHtml(initials(options.userDisplayName))}</span>
<span id="user_info" title="${escapeHtml(options.userName)}">${escapeHtml(options.userDisplayName)}</span>
<a id="logout" href="/logout.do">Log out</a></span>
</header>
<div class="shell">
${options.navigator}
<main class="content">
${messageBlock(options.messages)}
${options.content}
</main>
</div>
<script>${LOCAL_TIME_SCRIPT}</script>
</body>
</html>
`
}
