// The installation checklist page (x_mioms_m365ticket_checklist.do) is displayed only to the app's admins. Its data
// comes from the setup API, which already requires the admin role; without this ACL any signed-in user would get the
// page's shell. "ACL rule types" (UI page ACL rules): the name is the fully scoped page name, the operation read.
import '@servicenow/sdk/global'
import { Acl } from '@servicenow/sdk/core'
import { adminRole } from '../roles/roles.now'

Acl({
    $id: Now.ID['acl-checklist-page-read'],
    type: 'ui_page',
    name: 'x_mioms_m365ticket_checklist',
    operation: 'read',
    roles: [adminRole],
    description: "The installation checklist page is displayed to the app's admins only.",
})
