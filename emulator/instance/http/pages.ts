/**
 * The HTML of the instance's own pages: login, OAuth consent and error pages. Every value is escaped.
 *
 *   escapeHtml(text)
 *   loginPage({ goto?, error?, userName? })
 *   consentPage({ clientName, userName, userDisplayName, fields, notYouHref, token })
 *   errorPage(title, message)
 */

export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

function layout(title: string, body: string): string {
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} | ServiceNow (local instance)</title>
<style>
body { font-family: "Source Sans Pro", Arial, sans-serif; background: #f4f5f7; color: #1d1d1d; margin: 0; }
main { max-width: 420px; margin: 8vh auto; background: #fff; padding: 32px; border-radius: 6px; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
h1 { font-size: 22px; margin-top: 0; }
label { display: block; margin: 14px 0 4px; font-weight: 600; }
input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: 8px; border: 1px solid #8d8d8d; border-radius: 3px; font-size: 15px; }
button { margin-top: 20px; padding: 9px 18px; font-size: 15px; border-radius: 3px; border: 1px solid #293e40; background: #293e40; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #293e40; }
.error { color: #b00020; background: #fdecee; padding: 8px 10px; border-radius: 3px; }
.user { background: #f4f5f7; padding: 10px; border-radius: 3px; }
.muted { color: #5b5b5b; font-size: 13px; }
</style>
</head>
<body><main>
${body}
</main></body>
</html>
`
}

export function loginPage(options: { goto?: string; error?: string; userName?: string } = {}): string {
    return layout(
        'Log in',
        `<h1>Log in</h1>
${options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : ''}
<form method="post" action="/login.do" autocomplete="off">
<label for="user_name">User name</label>
<input type="text" id="user_name" name="user_name" value="${escapeHtml(options.userName ?? '')}" autofocus required>
<label for="user_password">Password</label>
<input type="password" id="user_password" name="user_password" required>
<input type="hidden" name="sysparm_goto" value="${escapeHtml(options.goto ?? '')}">
<button type="submit" id="sysverb_login">Log in</button>
</form>`,
    )
}

export interface ConsentPageOptions {
    clientName: string
    userName: string
    userDisplayName: string
    fields: Record<string, string>
    notYouHref: string
}

export function consentPage(options: ConsentPageOptions): string {
    const hidden = Object.entries(options.fields)
        .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
        .join('\n')
    return layout(
        'Authorize',
        `<h1>Connect to ${escapeHtml(options.clientName)}</h1>
<p><strong>${escapeHtml(options.clientName)}</strong> would like to access your ServiceNow account.</p>
<p class="user">Signed in as <strong id="consent_user">${escapeHtml(options.userDisplayName)}</strong> (${escapeHtml(options.userName)})
&nbsp;<a id="not_you" href="${escapeHtml(options.notYouHref)}">Not you?</a></p>
<p class="muted">Allowing gives ${escapeHtml(options.clientName)} access to the instance as this user, with this user's roles, until the access is revoked.</p>
<form method="post" action="/oauth_auth.do">
${hidden}
<button type="submit" name="action" value="allow" id="allow">Allow</button>
<button type="submit" name="action" value="deny" id="deny" class="secondary">Deny</button>
</form>`,
    )
}

export function errorPage(title: string, message: string): string {
    // Every error page keeps a way back (issue 21): the page the user came from, or the instance's home.
    return layout(
        title,
        `<h1>${escapeHtml(title)}</h1>\n<p class="error" role="alert">${escapeHtml(message)}</p>\n<p class="muted"><a href="/" onclick="if (history.length > 1) { history.back(); return false }">Go back</a></p>`,
    )
}
