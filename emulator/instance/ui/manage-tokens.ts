/**
 * System OAuth > Manage Tokens: the oauth_credential list and form (ui/list.ts, ui/form.ts) with the platform's
 * "Revoke Access" form button ("Manage OAuth tokens": "Click the Name to open the token. Click Revoke Access to
 * prevent access to the restricted resource").
 *
 *   seedRevokeAccessAction(store)   the Revoke Access UI action of oauth_credential, inserted once
 *
 * What Revoke Access does follows the out-of-box script include OauthRevokeTokenAjax (proceedWithRevokeFromForm),
 * which the platform's client action calls through GlideAjax: the token's `expires` is set to now, and so is that of
 * every refresh token of the same client (`peer`) and user; a user may do so for a token of their own or as admin.
 * The access tokens already issued from those refresh tokens are left to expire, as the script include leaves them.
 * The local instance has no GlideAjax: the action's client script does the same through the Table API as the
 * signed-in user (the session cookie with X-UserToken, so the user's ACLs decide; oauth_credential has no ACL, so
 * only admin may), takes "now" from the instance's clock (the Date header of its answer), then reloads the form,
 * which shows the new expiry and says what it expired and which access tokens stay valid until they expire. Tokens whose expiry has passed no longer
 * authenticate (security/oauth.ts verifyAccessToken, refreshTokenOwner).
 */
import { stableSysId } from '../schema/baseline.ts'
import type { Store } from '../store/store.ts'

export const REVOKE_ACCESS_ACTION = 'revoke_access'

/** The action's client script: ES5 run in the form page (ui/form.ts puts it in a script element). */
const REVOKE_ACCESS_SCRIPT = `var REVOKE_ACCESS_RESULT = 'revoke_access_result:' + document.getElementById('oauth_credential.do').elements.sys_id.value;
function revokeAccessSay(kind, text) {
  var form = document.getElementById('oauth_credential.do');
  var block = document.getElementById('output_messages');
  if (!block) {
    block = document.createElement('div');
    block.className = 'messages';
    block.id = 'output_messages';
    form.parentNode.insertBefore(block, form);
  }
  var line = document.createElement('p');
  line.className = kind;
  line.id = 'revoke_access_result';
  line.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  line.textContent = text;
  block.appendChild(line);
}
(function () {
  var pending = sessionStorage.getItem(REVOKE_ACCESS_RESULT);
  if (!pending) return;
  sessionStorage.removeItem(REVOKE_ACCESS_RESULT);
  revokeAccessSay('info', pending);
})();
function revokeAccess() {
  var form = document.getElementById('oauth_credential.do');
  var button = document.getElementById('${REVOKE_ACCESS_ACTION}');
  var sysId = form.elements.sys_id.value;
  var api = '/api/now/table/oauth_credential';
  var headers = { 'Accept': 'application/json', 'Content-Type': 'application/json', 'X-UserToken': form.elements.sysparm_ck.value };
  var now = '';
  function utc(date) { return date.toISOString().slice(0, 19).replace('T', ' '); }
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }
  function call(method, path, body) {
    return fetch(path, { method: method, headers: headers, credentials: 'same-origin', body: body ? JSON.stringify(body) : undefined }).then(function (response) {
      now = now || utc(new Date(response.headers.get('Date')));
      return response.json().then(function (json) {
        var error = (json && json.error) || {};
        if (!response.ok) throw new Error([error.message || response.statusText, error.detail].filter(Boolean).join(': '));
        return json.result;
      });
    });
  }
  function others(token, type) {
    var query = 'peer=' + token.peer.value + '^user=' + token.user.value + '^type=' + type + '^expires>' + now + '^sys_id!=' + sysId;
    return call('GET', api + '?sysparm_fields=sys_id&sysparm_query=' + encodeURIComponent(query));
  }
  function expire(id) { return call('PATCH', api + '/' + id, { expires: now }); }
  button.disabled = true;
  var token, refreshTokens;
  call('GET', api + '/' + sysId + '?sysparm_fields=type,peer,user&sysparm_display_value=all')
    .then(function (found) { token = found; return others(token, 'refresh_token'); })
    .then(function (found) {
      refreshTokens = found;
      return refreshTokens.reduce(function (done, row) { return done.then(function () { return expire(row.sys_id); }); }, expire(sysId));
    })
    .then(function () { return others(token, 'access_token'); })
    .then(function (stillValid) {
      var who = token.user.display_value || token.user.value;
      var client = token.peer.display_value || token.peer.value;
      var count = refreshTokens.length;
      var text = 'Access revoked: this ' + token.type.value.replace('_', ' ') + ' of ' + who + ' for ' + client + ' has expired' +
        (count === 0 ? ' and no longer authenticates.' : ', and so ' + (count === 1 ? 'has 1 refresh token' : 'have ' + plural(count, 'refresh token')) + ' of that user for that client; they no longer authenticate.');
      if (stillValid.length > 0) text += ' ' + plural(stillValid.length, 'other access token') + ' of that user for that client ' + (stillValid.length === 1 ? 'stays valid until it expires: revoke it' : 'stay valid until they expire: revoke them') + ' here too to end that now.';
      // The form reloads to show the new expiry, with this message above it.
      sessionStorage.setItem(REVOKE_ACCESS_RESULT, text);
      location.reload();
    })
    .catch(function (error) {
      button.disabled = false;
      revokeAccessSay('error', 'Revoke Access failed: ' + error.message);
    });
}`

export function seedRevokeAccessAction(store: Store): void {
    if (!store.hasTable('sys_ui_action') || !store.hasTable('oauth_credential')) return
    store.insertIfMissing('sys_ui_action', {
        sys_id: stableSysId('sys_ui_action:oauth_credential:Revoke Access'),
        table: 'oauth_credential',
        name: 'Revoke Access',
        action_name: REVOKE_ACCESS_ACTION,
        active: 'true',
        client: 'true',
        form_button: 'true',
        show_update: 'true',
        show_insert: 'false',
        order: '100',
        onclick: 'revokeAccess()',
        script: REVOKE_ACCESS_SCRIPT,
        hint: 'Expire this token and the refresh tokens of its user for its client',
    })
}
