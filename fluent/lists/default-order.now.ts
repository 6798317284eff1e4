// The default order of the app's lists, newest first, so that the connection form's related lists (tickets, API
// calls) and the app's own lists open on the latest records. The platform's way: the <table>.db.order and
// <table>.db.order.direction user preferences with no user and System checked apply to every user who has no
// preference of their own ("Controlling the sort sequence used to display lists"); a sort in the URL or a user's
// own column sort still wins. Task tables would otherwise sort by Number, the API log by its display field.
// (Fluent takes only top-level records: one call per preference.)
import '@servicenow/sdk/global'
import { Record } from '@servicenow/sdk/core'

const DESCRIPTION = 'Newest first: the default order of this Microsoft 365 Ticketing Connector list'

Record({
    $id: Now.ID['pref-change-request-order'],
    table: 'sys_user_preference',
    data: { name: 'x_mioms_m365ticket_change_request.db.order', value: 'sys_created_on', type: 'string', system: true, description: DESCRIPTION },
})
Record({
    $id: Now.ID['pref-change-request-order-direction'],
    table: 'sys_user_preference',
    data: { name: 'x_mioms_m365ticket_change_request.db.order.direction', value: 'DESC', type: 'string', system: true, description: DESCRIPTION },
})

Record({
    $id: Now.ID['pref-incident-order'],
    table: 'sys_user_preference',
    data: { name: 'x_mioms_m365ticket_incident.db.order', value: 'sys_created_on', type: 'string', system: true, description: DESCRIPTION },
})
Record({
    $id: Now.ID['pref-incident-order-direction'],
    table: 'sys_user_preference',
    data: { name: 'x_mioms_m365ticket_incident.db.order.direction', value: 'DESC', type: 'string', system: true, description: DESCRIPTION },
})

Record({
    $id: Now.ID['pref-api-log-order'],
    table: 'sys_user_preference',
    data: { name: 'x_mioms_m365ticket_api_log.db.order', value: 'sys_created_on', type: 'string', system: true, description: DESCRIPTION },
})
Record({
    $id: Now.ID['pref-api-log-order-direction'],
    table: 'sys_user_preference',
    data: { name: 'x_mioms_m365ticket_api_log.db.order.direction', value: 'DESC', type: 'string', system: true, description: DESCRIPTION },
})
