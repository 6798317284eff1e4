// "Open in Microsoft Secure Score" on both ticket forms: opens the improvement action the ticket came
// from in a new tab. Shown only when the ticket carries an action URL; only https URLs are opened.
import '@servicenow/sdk/global'
import { UiAction } from '@servicenow/sdk/core'

const OPEN_SECURE_SCORE = `function openSecureScore() {
    var url = g_form.getValue('action_url');
    if (url && url.indexOf('https://') === 0) g_navigation.open(url, '_blank');
}`

UiAction({
    $id: Now.ID['ui-action-open-secure-score-change'],
    table: 'x_mioms_m365ticket_change_request',
    name: 'Open in Microsoft Secure Score',
    actionName: 'open_secure_score',
    hint: 'Opens the Secure Score improvement action this ticket was shared from, in a new tab',
    condition: '!current.action_url.nil()',
    showUpdate: true,
    showInsert: false,
    form: { showButton: true, showLink: false, showContextMenu: false, style: 'unstyled' },
    client: { isClient: true, isUi16Compatible: true, onClick: 'openSecureScore()' },
    script: OPEN_SECURE_SCORE,
    order: 100,
})

UiAction({
    $id: Now.ID['ui-action-open-secure-score-incident'],
    table: 'x_mioms_m365ticket_incident',
    name: 'Open in Microsoft Secure Score',
    actionName: 'open_secure_score',
    hint: 'Opens the Secure Score improvement action this ticket was shared from, in a new tab',
    condition: '!current.action_url.nil()',
    showUpdate: true,
    showInsert: false,
    form: { showButton: true, showLink: false, showContextMenu: false, style: 'unstyled' },
    client: { isClient: true, isUi16Compatible: true, onClick: 'openSecureScore()' },
    script: OPEN_SECURE_SCORE,
    order: 100,
})
