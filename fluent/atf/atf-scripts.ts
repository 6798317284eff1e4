// Server-side scripts of the connector's ATF tests (Run Server Side Script steps), kept here so the
// tests read as the API conversation they are. Fluent resolves these constants at build time: each
// exported script is a template whose spans are only other string constants (the SDK cannot
// evaluate calls such as JSON.stringify in Fluent sources).
//
// The arrange scripts create, inside the test (ATF rolls back what a test creates), a user with one
// role and a random password, a basic auth profile holding that password for the "Send REST
// Request - Inbound" steps, and optionally a connection of a test tenant held by that user. The
// step's `record_id` output is the profile's sys_id, which the REST steps take as their basic auth
// profile. No password is in the app's metadata, a step result or a log: it is generated on the
// instance and kept only where the platform keeps passwords (sys_user one-way, the profile
// encrypted).

export const INTEGRATION_ROLE = 'x_mioms_m365ticket.integration'
export const ADMIN_ROLE = 'x_mioms_m365ticket.admin'

// Test tenants: one per test so that tests never share a connection.
export const TENANT_CREATE = 'a7f00001-0000-4000-8000-00000000a701'
export const TENANT_REPLAY = 'a7f00001-0000-4000-8000-00000000a702'
export const TENANT_CONFLICT = 'a7f00001-0000-4000-8000-00000000a703'
export const TENANT_INVALID = 'a7f00001-0000-4000-8000-00000000a704'
export const TENANT_OTHER = 'a7f00001-0000-4000-8000-00000000a705'
/** Never connected: the arrange step of the forbidden-caller test makes sure no row holds it. */
export const TENANT_UNKNOWN = 'a7f00001-0000-4000-8000-00000000a7ff'

const ARRANGE_FUNCTION = `
function m365AtfRemoveConnections(tenant) {
    // The connector caches a tenant's connection (scoped cache tenant_connections). The docs say ATF rolls back
    // rows, not whether it flushes cache entries: one from an earlier run could name a connection that run's
    // rollback removed (the local instance keeps them).
    sn_scoped_cache.ScopedCacheManager.flushScopedCache('tenant_connections', tenant);
    // A connection left by an earlier run that was not rolled back would make this test's tenant
    // someone else's: remove it and its tickets (this run's rollback restores them afterwards).
    var tables = ['x_mioms_m365ticket_change_request', 'x_mioms_m365ticket_incident'];
    var stale = new GlideRecord('x_mioms_m365ticket_connection');
    stale.addQuery('tenant_id', tenant);
    stale.query();
    while (stale.next()) {
        for (var t = 0; t < tables.length; t++) {
            var tickets = new GlideRecord(tables[t]);
            tickets.addQuery('connection', stale.getUniqueValue());
            tickets.query();
            while (tickets.next()) tickets.deleteRecord();
        }
        stale.deleteRecord();
    }
}

function m365AtfArrangeCaller(outputs, stepResult, label, roleName, tenant, absentTenant) {
    function fail(message) {
        stepResult.setOutputMessage(message);
        return false;
    }
    var userName = 'atf.m365.' + label + '.' + gs.generateGUID().substring(0, 8);
    var password = 'Atf-' + gs.generateGUID() + '-Zq9!' + gs.generateGUID().substring(0, 12);

    var user = new GlideRecord('sys_user');
    user.initialize();
    user.setValue('user_name', userName);
    user.setValue('first_name', 'ATF');
    user.setValue('last_name', 'Microsoft 365 ' + label);
    user.setValue('active', true);
    user.setValue('locked_out', false);
    user.setValue('password_needs_reset', false);
    user.setValue('web_service_access_only', false);
    // The platform hashes a password set through its display value (one-way).
    user.getElement('user_password').setDisplayValue(password);
    var userId = user.insert();
    if (!userId) return fail('Could not create the test user ' + userName + ': ' + user.getLastErrorMessage());

    if (roleName) {
        var role = new GlideRecord('sys_user_role');
        if (!role.get('name', roleName)) return fail('The role ' + roleName + ' is missing; is the application installed?');
        var grant = new GlideRecord('sys_user_has_role');
        grant.initialize();
        grant.setValue('user', userId);
        grant.setValue('role', role.getUniqueValue());
        if (!grant.insert()) return fail('Could not grant ' + roleName + ' to ' + userName + ': ' + grant.getLastErrorMessage());
    }

    var profile = new GlideRecord('sys_auth_profile_basic');
    profile.initialize();
    profile.setValue('name', 'ATF Microsoft 365 connector ' + userName);
    profile.setValue('username', userName);
    profile.getElement('password').setDisplayValue(password);
    var profileId = profile.insert();
    if (!profileId) return fail('Could not create the basic auth profile of ' + userName + ': ' + profile.getLastErrorMessage());

    if (absentTenant) m365AtfRemoveConnections(absentTenant);
    if (tenant) {
        m365AtfRemoveConnections(tenant);
        var connection = new GlideRecord('x_mioms_m365ticket_connection');
        connection.initialize();
        connection.setValue('tenant_id', tenant);
        connection.setValue('tenant_name', 'ATF test tenant ' + label);
        connection.setValue('integration_user', userId);
        connection.setValue('connected_by', 'admin@atf-' + label + '.onmicrosoft.com');
        connection.setValue('status', 'connected');
        connection.setValue('connected_at', new GlideDateTime().getValue());
        if (!connection.insert()) return fail('Could not create the connection of tenant ' + tenant + ': ' + connection.getLastErrorMessage());
    }

    outputs.table = 'sys_auth_profile_basic';
    outputs.record_id = profileId;
    stepResult.setOutputMessage('User ' + userName + (roleName ? ' holding only ' + roleName : ' without any role') +
        (tenant ? ', integration user of tenant ' + tenant : '') + '; basic auth profile ' + profileId);
    return true;
}
`

const TICKETS_FUNCTION = `
function m365AtfIntegrationUser(connectionId) {
    var connection = new GlideRecord('x_mioms_m365ticket_connection');
    return connection.get(connectionId) ? connection.getValue('integration_user') : '';
}

function m365AtfTickets(table, tenant, taskId) {
    var found = [];
    var gr = new GlideRecord(table);
    gr.addQuery('connection.tenant_id', tenant);
    gr.addQuery('m365_task_id', taskId);
    gr.query();
    while (gr.next()) {
        found.push({
            sysId: gr.getUniqueValue(),
            number: gr.getValue('number') || '',
            shortDescription: gr.getValue('short_description') || '',
            description: gr.getValue('description') || '',
            priority: gr.getValue('priority') || '',
            type: gr.getValue('type') || '',
            category: gr.getValue('category') || '',
            openedBy: gr.getValue('opened_by') || '',
            integrationUser: m365AtfIntegrationUser(gr.getValue('connection')),
            recommendationSource: gr.getValue('recommendation_source') || '',
            recommendationCategory: gr.getValue('recommendation_category') || '',
            requestedBy: gr.getValue('m365_requested_by') || '',
            secureScoreControl: gr.getValue('secure_score_control') || '',
            actionUrl: gr.getValue('action_url') || '',
            dueDate: gr.getValue('due_date') || ''
        });
    }
    return found;
}

function m365AtfLogRows(tenant, taskId, httpStatus) {
    var gr = new GlideRecord('x_mioms_m365ticket_api_log');
    gr.addQuery('route', 'POST /tasks');
    gr.addQuery('tenant_id', tenant);
    gr.addQuery('task_id', taskId);
    gr.addQuery('http_status', httpStatus);
    gr.orderByDesc('sys_created_on');
    gr.query();
    var rows = [];
    while (gr.next()) rows.push({ ticketNumber: gr.getValue('ticket_number') || '', error: gr.getValue('error_message') || '' });
    return rows;
}
`

// 1. create
export const ARRANGE_CREATE = `${ARRANGE_FUNCTION}
(function (outputs, steps, params, stepResult, assertEqual) {
    return m365AtfArrangeCaller(outputs, stepResult, 'create', '${INTEGRATION_ROLE}', '${TENANT_CREATE}', '');
})(outputs, steps, params, stepResult, assertEqual);
`

export const VERIFY_CREATE = `${TICKETS_FUNCTION}
(function (outputs, steps, params, stepResult, assertEqual) {
    var changes = m365AtfTickets('x_mioms_m365ticket_change_request', '${TENANT_CREATE}', 'ATF-CREATE-0001');
    var incidents = m365AtfTickets('x_mioms_m365ticket_incident', '${TENANT_CREATE}', 'ATF-CREATE-0001');
    assertEqual({ name: 'change requests of the task', shouldbe: 1, value: changes.length });
    assertEqual({ name: 'incidents of the task', shouldbe: 0, value: incidents.length });
    var ticket = changes[0];
    assertEqual({ name: 'number starts with CHG', shouldbe: true, value: ticket.number.indexOf('CHG') === 0 });
    assertEqual({ name: 'short_description is the task name', shouldbe: 'ATF: Require MFA for administrative roles', value: ticket.shortDescription });
    assertEqual({ name: 'priority high is 2', shouldbe: '2', value: ticket.priority });
    assertEqual({ name: 'change type', shouldbe: 'normal', value: ticket.type });
    assertEqual({ name: 'change category', shouldbe: 'security', value: ticket.category });
    assertEqual({ name: 'opened by the integration user', shouldbe: ticket.integrationUser, value: ticket.openedBy });
    assertEqual({ name: 'recommendation_source', shouldbe: 'microsoft', value: ticket.recommendationSource });
    assertEqual({ name: 'recommendation_category (any case in, choice value stored)', shouldbe: 'identity', value: ticket.recommendationCategory });
    assertEqual({ name: 'm365_requested_by', shouldbe: 'secadmin@atf-create.onmicrosoft.com', value: ticket.requestedBy });
    assertEqual({ name: 'secure_score_control', shouldbe: 'AdminMFAV2', value: ticket.secureScoreControl });
    assertEqual({ name: 'description starts with the task description', shouldbe: 0, value: ticket.description.indexOf('Require multifactor authentication for all admin roles.') });
    assertEqual({ name: 'description carries the Secure Score block', shouldbe: true, value: ticket.description.indexOf('AdminMFAV2') > 0 });
    assertEqual({ name: 'due_date set', shouldbe: true, value: ticket.dueDate.indexOf('2030-12-31') === 0 });
    var logged = m365AtfLogRows('${TENANT_CREATE}', 'ATF-CREATE-0001', '201');
    assertEqual({ name: 'API log row of the 201 names the ticket', shouldbe: ticket.number, value: logged.length ? logged[0].ticketNumber : '(no row)' });
    outputs.table = 'x_mioms_m365ticket_change_request';
    outputs.record_id = ticket.sysId;
    stepResult.setOutputMessage('Created ' + ticket.number + ' for task ATF-CREATE-0001');
    return true;
})(outputs, steps, params, stepResult, assertEqual);
`

// 2. replay
export const ARRANGE_REPLAY = `${ARRANGE_FUNCTION}
(function (outputs, steps, params, stepResult, assertEqual) {
    return m365AtfArrangeCaller(outputs, stepResult, 'replay', '${INTEGRATION_ROLE}', '${TENANT_REPLAY}', '');
})(outputs, steps, params, stepResult, assertEqual);
`

export const VERIFY_REPLAY_FIRST = `${TICKETS_FUNCTION}
(function (outputs, steps, params, stepResult, assertEqual) {
    var changes = m365AtfTickets('x_mioms_m365ticket_change_request', '${TENANT_REPLAY}', 'ATF-REPLAY-0001');
    assertEqual({ name: 'change requests after the first POST', shouldbe: 1, value: changes.length });
    outputs.table = 'x_mioms_m365ticket_change_request';
    outputs.record_id = changes[0].sysId;
    stepResult.setOutputMessage('First POST created ' + changes[0].number);
    return true;
})(outputs, steps, params, stepResult, assertEqual);
`

export const VERIFY_REPLAY_SECOND = `${TICKETS_FUNCTION}
(function (outputs, steps, params, stepResult, assertEqual) {
    var changes = m365AtfTickets('x_mioms_m365ticket_change_request', '${TENANT_REPLAY}', 'ATF-REPLAY-0001');
    var incidents = m365AtfTickets('x_mioms_m365ticket_incident', '${TENANT_REPLAY}', 'ATF-REPLAY-0001');
    assertEqual({ name: 'still exactly one change request after the replay', shouldbe: 1, value: changes.length });
    assertEqual({ name: 'no incident for the task', shouldbe: 0, value: incidents.length });
    var replays = m365AtfLogRows('${TENANT_REPLAY}', 'ATF-REPLAY-0001', '200');
    assertEqual({ name: 'API log row of the 200 replay names the same ticket', shouldbe: changes[0].number, value: replays.length ? replays[0].ticketNumber : '(no row)' });
    return true;
})(outputs, steps, params, stepResult, assertEqual);
`

// 3. conflicting replay
export const ARRANGE_CONFLICT = `${ARRANGE_FUNCTION}
(function (outputs, steps, params, stepResult, assertEqual) {
    return m365AtfArrangeCaller(outputs, stepResult, 'conflict', '${INTEGRATION_ROLE}', '${TENANT_CONFLICT}', '');
})(outputs, steps, params, stepResult, assertEqual);
`

export const VERIFY_CONFLICT = `${TICKETS_FUNCTION}
(function (outputs, steps, params, stepResult, assertEqual) {
    var changes = m365AtfTickets('x_mioms_m365ticket_change_request', '${TENANT_CONFLICT}', 'ATF-CONFLICT-0001');
    var incidents = m365AtfTickets('x_mioms_m365ticket_incident', '${TENANT_CONFLICT}', 'ATF-CONFLICT-0001');
    assertEqual({ name: 'exactly one change request for the task', shouldbe: 1, value: changes.length });
    assertEqual({ name: 'no incident for the task', shouldbe: 0, value: incidents.length });
    assertEqual({ name: 'the conflicting replay changed nothing', shouldbe: 'ATF: Turn on audit log search', value: changes[0].shortDescription });
    var conflicts = m365AtfLogRows('${TENANT_CONFLICT}', 'ATF-CONFLICT-0001', '409');
    assertEqual({ name: 'API log row of the 409', shouldbe: true, value: conflicts.length > 0 && conflicts[0].error.indexOf('Differing fields: name') >= 0 });
    return true;
})(outputs, steps, params, stepResult, assertEqual);
`

// 4. invalid input
export const ARRANGE_INVALID = `${ARRANGE_FUNCTION}
(function (outputs, steps, params, stepResult, assertEqual) {
    return m365AtfArrangeCaller(outputs, stepResult, 'invalid', '${INTEGRATION_ROLE}', '${TENANT_INVALID}', '');
})(outputs, steps, params, stepResult, assertEqual);
`

export const VERIFY_INVALID = `${TICKETS_FUNCTION}
(function (outputs, steps, params, stepResult, assertEqual) {
    var taskIds = ['ATF-INVALID-0001', 'ATF-INVALID-0002'];
    for (var i = 0; i < taskIds.length; i++) {
        assertEqual({ name: 'no change request for ' + taskIds[i], shouldbe: 0, value: m365AtfTickets('x_mioms_m365ticket_change_request', '${TENANT_INVALID}', taskIds[i]).length });
        assertEqual({ name: 'no incident for ' + taskIds[i], shouldbe: 0, value: m365AtfTickets('x_mioms_m365ticket_incident', '${TENANT_INVALID}', taskIds[i]).length });
    }
    return true;
})(outputs, steps, params, stepResult, assertEqual);
`

// 5. forbidden callers
export const ARRANGE_NO_ROLE = `${ARRANGE_FUNCTION}
(function (outputs, steps, params, stepResult, assertEqual) {
    return m365AtfArrangeCaller(outputs, stepResult, 'norole', '', '', '');
})(outputs, steps, params, stepResult, assertEqual);
`

/** An integration user holding no connection; makes sure nothing holds TENANT_UNKNOWN. */
export const ARRANGE_UNCONNECTED = `${ARRANGE_FUNCTION}
(function (outputs, steps, params, stepResult, assertEqual) {
    return m365AtfArrangeCaller(outputs, stepResult, 'unconnected', '${INTEGRATION_ROLE}', '', '${TENANT_UNKNOWN}');
})(outputs, steps, params, stepResult, assertEqual);
`

/** Another integration user holding TENANT_OTHER. */
export const ARRANGE_OTHER_TENANT = `${ARRANGE_FUNCTION}
(function (outputs, steps, params, stepResult, assertEqual) {
    return m365AtfArrangeCaller(outputs, stepResult, 'other', '${INTEGRATION_ROLE}', '${TENANT_OTHER}', '');
})(outputs, steps, params, stepResult, assertEqual);
`

export const VERIFY_FORBIDDEN = `${TICKETS_FUNCTION}
(function (outputs, steps, params, stepResult, assertEqual) {
    var cases = [['${TENANT_OTHER}', 'ATF-FORBIDDEN-0001'], ['${TENANT_UNKNOWN}', 'ATF-FORBIDDEN-0002'], ['${TENANT_OTHER}', 'ATF-FORBIDDEN-0003']];
    for (var i = 0; i < cases.length; i++) {
        assertEqual({ name: 'no change request for ' + cases[i][1], shouldbe: 0, value: m365AtfTickets('x_mioms_m365ticket_change_request', cases[i][0], cases[i][1]).length });
        assertEqual({ name: 'no incident for ' + cases[i][1], shouldbe: 0, value: m365AtfTickets('x_mioms_m365ticket_incident', cases[i][0], cases[i][1]).length });
    }
    var unknown = new GlideRecord('x_mioms_m365ticket_connection');
    unknown.addQuery('tenant_id', '${TENANT_UNKNOWN}');
    unknown.query();
    assertEqual({ name: 'the forbidden calls registered no connection', shouldbe: false, value: unknown.hasNext() });
    return true;
})(outputs, steps, params, stepResult, assertEqual);
`

// 6. checklist status
export const ARRANGE_ADMIN = `${ARRANGE_FUNCTION}
(function (outputs, steps, params, stepResult, assertEqual) {
    return m365AtfArrangeCaller(outputs, stepResult, 'admin', '${ADMIN_ROLE}', '', '');
})(outputs, steps, params, stepResult, assertEqual);
`

export const ARRANGE_STATUS_INTEGRATION = `${ARRANGE_FUNCTION}
(function (outputs, steps, params, stepResult, assertEqual) {
    return m365AtfArrangeCaller(outputs, stepResult, 'statusint', '${INTEGRATION_ROLE}', '', '');
})(outputs, steps, params, stepResult, assertEqual);
`

// 7. platform contract: what only an instance's dictionary, cache and script engine can settle

export const TENANT_CACHE = 'a7f00001-0000-4000-8000-00000000a706'
export const TENANT_SERVICE = 'a7f00001-0000-4000-8000-00000000a707'

/**
 * Every table and field the app's server code (src/server) queries, reads or writes, by table. A field missing
 * here on an instance would be dropped from a query (widening it) or ignored on write, silently: the test fails
 * instead, naming it. Keep it in step with src/server when a module starts using another field.
 */
const TICKET_FIELDS = "'sys_id', 'number', 'state', 'priority', 'short_description', 'description', 'due_date', 'opened_at', 'opened_by', 'closed_at', 'closed_by', 'close_code', 'close_notes', 'comments', 'assignment_group', 'assigned_to', 'sys_updated_on', 'm365_task_id', 'connection', 'recommendation_source', 'recommendation_category', 'm365_requested_by', 'secure_score_control', 'action_url', 'intake_payload'"

export const VERIFY_FIELDS = `
(function (outputs, steps, params, stepResult, assertEqual) {
    var used = {
        x_mioms_m365ticket_change_request: [${TICKET_FIELDS}, 'requested_by', 'type', 'category'],
        x_mioms_m365ticket_incident: [${TICKET_FIELDS}, 'caller_id', 'impact', 'urgency', 'resolved_at', 'resolved_by'],
        x_mioms_m365ticket_connection: ['tenant_id', 'tenant_name', 'integration_user', 'oauth_client', 'status', 'connected_by', 'connected_at', 'last_contact_at', 'last_error', 'state_names', 'custom_state_names'],
        x_mioms_m365ticket_api_log: ['sys_created_on', 'route', 'method', 'http_status', 'connection', 'caller', 'tenant_id', 'task_id', 'ticket_number', 'duration_ms', 'error_message'],
        x_mioms_m365ticket_ticket_history: ['ticket', 'ticket_table', 'field', 'old_value', 'new_value', 'old_display', 'new_display', 'changed_at', 'changed_by'],
        x_mioms_m365ticket_m365_comment: ['connection', 'ticket', 'comment_id', 'journal_entry', 'author', 'text', 'sys_created_on'],
        sys_journal_field: ['name', 'element', 'element_id', 'value', 'sys_created_on', 'sys_created_by'],
        sys_user: ['user_name', 'name', 'first_name', 'last_name', 'active', 'locked_out', 'password_needs_reset', 'web_service_access_only', 'internal_integration_user', 'failed_attempts', 'user_password'],
        sys_user_role: ['name'],
        sys_user_has_role: ['user', 'role', 'sys_created_on'],
        sys_user_group: ['name'],
        sys_choice: ['name', 'element', 'language', 'inactive', 'value', 'label', 'sequence'],
        sys_db_object: ['name', 'sys_scope', 'access', 'caller_access', 'read_access', 'create_access', 'update_access', 'delete_access'],
        sys_scope_privilege: ['source_scope', 'target_name', 'target_type', 'operation', 'status'],
        sys_restricted_caller_access: ['source_scope', 'target_scope', 'target_table', 'target_type', 'operation', 'status'],
        oauth_entity: ['name', 'type', 'client_id', 'client_secret', 'redirect_url', 'active', 'comments', 'access_token_lifespan', 'refresh_token_lifespan', 'sys_created_on'],
        // peer names the OAuth client (oauth_entity) a token was issued to: the wrong-account check, token
        // revocation and the refresh-token expiry all filter on it.
        oauth_credential: ['peer', 'user', 'type', 'expires']
    };
    var checked = 0;
    for (var table in used) {
        var record = new GlideRecord(table);
        assertEqual({ name: 'table ' + table + ' exists', shouldbe: true, value: record.isValid() });
        for (var i = 0; i < used[table].length; i++) {
            assertEqual({ name: table + '.' + used[table][i] + ' exists', shouldbe: true, value: record.isValidField(used[table][i]) });
            checked++;
        }
    }
    stepResult.setOutputMessage(checked + ' fields of ' + Object.keys(used).length + ' tables exist');
    return true;
})(outputs, steps, params, stepResult, assertEqual);
`

/**
 * A connection of the tenant held by the user running the test: these tests call no REST API, so they need no
 * integration user of their own (and create no user, role grant or auth profile outside the app's scope).
 */
const CONNECTION_FUNCTION = `${ARRANGE_FUNCTION}
function m365AtfArrangeConnection(outputs, stepResult, label, tenant) {
    m365AtfRemoveConnections(tenant);
    var connection = new GlideRecord('x_mioms_m365ticket_connection');
    connection.initialize();
    connection.setValue('tenant_id', tenant);
    connection.setValue('tenant_name', 'ATF test tenant ' + label);
    connection.setValue('integration_user', gs.getUserID());
    connection.setValue('connected_by', 'admin@atf-' + label + '.onmicrosoft.com');
    connection.setValue('status', 'connected');
    connection.setValue('connected_at', new GlideDateTime().getValue());
    var id = connection.insert();
    if (!id) {
        stepResult.setOutputMessage('Could not create the connection of tenant ' + tenant + ': ' + connection.getLastErrorMessage());
        return false;
    }
    outputs.table = 'x_mioms_m365ticket_connection';
    outputs.record_id = id;
    stepResult.setOutputMessage('Connection ' + id + ' of tenant ' + tenant);
    return true;
}
`

export const ARRANGE_CACHE = `${CONNECTION_FUNCTION}
(function (outputs, steps, params, stepResult, assertEqual) {
    return m365AtfArrangeConnection(outputs, stepResult, 'cache', '${TENANT_CACHE}');
})(outputs, steps, params, stepResult, assertEqual);
`

/**
 * The connector's cache as connection-cache.ts uses it: putRow with the connection row's sys_id (the cache is
 * paired with the connection table as a Table row pair), get, and the pair flushing the entry when the row changes.
 */
export const VERIFY_CACHE = `
(function (outputs, steps, params, stepResult, assertEqual) {
    var cache = 'tenant_connections';
    var connection = new GlideRecord('x_mioms_m365ticket_connection');
    assertEqual({ name: 'the test connection exists', shouldbe: true, value: connection.get('tenant_id', '${TENANT_CACHE}') });
    var value = JSON.stringify({ tenantId: '${TENANT_CACHE}', cachedAt: new GlideDateTime().getNumericValue() });
    sn_scoped_cache.ScopedCacheManager.putRow(cache, '${TENANT_CACHE}', value, connection.getUniqueValue());
    assertEqual({ name: 'get returns what putRow stored', shouldbe: value, value: sn_scoped_cache.ScopedCacheManager.get(cache, '${TENANT_CACHE}') });
    assertEqual({ name: 'another key is not cached', shouldbe: true, value: !sn_scoped_cache.ScopedCacheManager.get(cache, '${TENANT_UNKNOWN}') });
    connection.setValue('last_contact_at', new GlideDateTime().getValue());
    connection.update();
    assertEqual({ name: 'updating the connection row flushed its entry (Table row pair)', shouldbe: true, value: !sn_scoped_cache.ScopedCacheManager.get(cache, '${TENANT_CACHE}') });
    stepResult.setOutputMessage('putRow/get on ' + cache + ' and the row pair flush work');
    return true;
})(outputs, steps, params, stepResult, assertEqual);
`

export const ARRANGE_SERVICE = `${CONNECTION_FUNCTION}
(function (outputs, steps, params, stepResult, assertEqual) {
    return m365AtfArrangeConnection(outputs, stepResult, 'service', '${TENANT_SERVICE}');
})(outputs, steps, params, stepResult, assertEqual);
`

/** M365TicketService as flows and other scopes call it: by its scope-qualified name. */
export const VERIFY_SERVICE = `
(function (outputs, steps, params, stepResult, assertEqual) {
    var service = new x_mioms_m365ticket.M365TicketService();
    var task = { tenantId: '${TENANT_SERVICE}', taskId: 'ATF-SERVICE-0001', ticketType: 'incident', name: 'ATF: Enable Microsoft Defender for Office 365',
        priority: 'low', recommendationSource: 'user', recommendationCategory: 'apps', requestedBy: 'secadmin@atf-service.onmicrosoft.com' };
    var first = service.createTicketFromTask(task);
    assertEqual({ name: 'the first call creates a ticket', shouldbe: true, value: first.created });
    assertEqual({ name: 'an incident number', shouldbe: 0, value: first.ticket.number.indexOf('INC') });
    assertEqual({ name: 'the ticket carries the task id', shouldbe: 'ATF-SERVICE-0001', value: first.ticket.taskId });
    var replay = service.createTicketFromTask(task);
    assertEqual({ name: 'the same task again creates nothing', shouldbe: false, value: replay.created });
    assertEqual({ name: 'the replay returns the same record', shouldbe: first.ticket.sysId, value: replay.ticket.sysId });
    var found = service.getTicket('${TENANT_SERVICE}', first.ticket.number.toLowerCase());
    assertEqual({ name: 'getTicket finds it by number', shouldbe: first.ticket.sysId, value: found.sysId });
    var page = service.listTickets('${TENANT_SERVICE}', 10);
    assertEqual({ name: 'listTickets lists the tenant\\'s one ticket', shouldbe: 1, value: page.tickets.length });
    var record = new GlideRecord('x_mioms_m365ticket_incident');
    assertEqual({ name: 'the incident row exists', shouldbe: true, value: record.get(first.ticket.sysId) });
    var connection = new GlideRecord('x_mioms_m365ticket_connection');
    connection.get(record.getValue('connection'));
    assertEqual({ name: 'its connection is the tenant\\'s', shouldbe: '${TENANT_SERVICE}', value: connection.getValue('tenant_id') });
    outputs.table = 'x_mioms_m365ticket_incident';
    outputs.record_id = first.ticket.sysId;
    stepResult.setOutputMessage('M365TicketService created ' + first.ticket.number + ' and replayed it');
    return true;
})(outputs, steps, params, stepResult, assertEqual);
`
