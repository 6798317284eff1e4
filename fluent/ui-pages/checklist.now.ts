// The installation checklist page, x_mioms_m365ticket_checklist.do: a React app (src/client) bundled
// by now.prebuild.mjs. It calls only the setup API, which enforces the admin role; the page itself is displayed to
// the app's admins only (ui_page ACL, fluent/acls/checklist-page-acl.now.ts).
import '@servicenow/sdk/global'
import { UiPage } from '@servicenow/sdk/core'
import checklistPage from '../../src/client/index.html'

export const checklistUiPage = UiPage({
    $id: Now.ID['ui-page-checklist'],
    endpoint: 'x_mioms_m365ticket_checklist.do',
    description: 'Installation checklist of the Microsoft 365 Ticketing Connector: table access, OAuth client, integration user, connection, settings.',
    category: 'general',
    html: checklistPage,
    direct: true,
})
