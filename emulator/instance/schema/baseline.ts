/**
 * The compact platform baseline: the tables the app touches, their choices and numbering, and the few
 * platform behaviours the app relies on (incident priority from impact/urgency, closing a task).
 *
 *   installBaseline(store)   defines the tables, registers the write rules, seeds choices, sys_number and
 *                            sys_db_object rows (idempotent: deterministic sys_ids, insert-if-missing)
 *   stableSysId(key)         a deterministic 32-hex sys_id for seeded records
 */
import { createHash } from 'node:crypto'
import { type ColumnDef, type Row, type Store, type TableDef, utcNow } from '../store/store.ts'

export function stableSysId(key: string): string {
    return createHash('md5').update(key).digest('hex')
}

type Col = [name: string, type?: string, extra?: Partial<ColumnDef>]
function t(name: string, label: string, cols: Col[], extra: Partial<TableDef> = {}): TableDef {
    return { name, label, columns: cols.map(([n, type = 'string', e = {}]) => ({ name: n, type, ...e })), ...extra }
}
const ref = (table: string): Partial<ColumnDef> => ({ reference: table })
const str = (names: string): Col[] => names.split(' ').map((n) => [n])
const bool = (names: string, defaultValue?: string): Col[] => names.split(' ').map((n) => [n, 'boolean', defaultValue ? { defaultValue } : {}])

export const BASELINE_TABLES: TableDef[] = [
    t('sys_user', 'User', [
        ...str('user_name first_name last_name name email title phone time_zone'),
        ['user_password', 'password'],
        ...bool('active', 'true'),
        ...bool('locked_out web_service_access_only internal_integration_user password_needs_reset'),
        ['failed_attempts', 'integer'],
        ['last_login_time', 'glide_date_time'],
    ]),
    t('sys_user_role', 'Role', [...str('name suffix description assignable_by'), ...bool('elevated_privilege can_delegate grantable scoped_admin'), ['sys_scope', 'reference', ref('sys_app')]]),
    t('sys_user_has_role', 'User Role', [['user', 'reference', ref('sys_user')], ['role', 'reference', ref('sys_user_role')], ...bool('inherited'), ['granted_by', 'reference', ref('sys_user_group')]], { display: 'role' }),
    t('sys_user_role_contains', 'Contained Role', [['role', 'reference', ref('sys_user_role')], ['contains', 'reference', ref('sys_user_role')], ['sys_scope', 'reference', ref('sys_app')]], { display: 'contains' }),
    t('sys_user_group', 'Group', [...str('name description email'), ...bool('active', 'true'), ['manager', 'reference', ref('sys_user')]]),
    t('sys_user_grmember', 'Group Member', [['user', 'reference', ref('sys_user')], ['group', 'reference', ref('sys_user_group')]], { display: 'user' }),
    t('task', 'Task', [
        ['number'],
        ...str('short_description'),
        ['description', 'string', { maxLength: 4000 }],
        ['state', 'integer'],
        ['priority', 'integer', { defaultValue: '4' }],
        ['impact', 'integer', { defaultValue: '3' }],
        ['urgency', 'integer', { defaultValue: '3' }],
        ...bool('active', 'true'),
        ['assignment_group', 'reference', ref('sys_user_group')],
        ['assigned_to', 'reference', ref('sys_user')],
        ['opened_at', 'glide_date_time'],
        ['opened_by', 'reference', ref('sys_user')],
        ['closed_at', 'glide_date_time'],
        ['closed_by', 'reference', ref('sys_user')],
        ['due_date', 'glide_date_time'],
        ['work_notes', 'journal_input'],
        ['comments', 'journal_input'],
    ], { display: 'number', defaults: { state: '1' } }),
    t('change_request', 'Change Request', [
        ['type', 'string', { defaultValue: 'normal' }],
        ...str('category justification implementation_plan backout_plan test_plan'),
        ['risk', 'integer'],
        ['start_date', 'glide_date_time'],
        ['end_date', 'glide_date_time'],
        ['chg_model', 'reference', ref('chg_model')],
    ], { extends: 'task', defaults: { state: '-5' } }),
    t('incident', 'Incident', [
        ...str('category subcategory close_code close_notes'),
        ['caller_id', 'reference', ref('sys_user')],
        ['incident_state', 'integer', { defaultValue: '1' }],
        ['resolved_at', 'glide_date_time'],
    ], { extends: 'task', defaults: { state: '1', priority: '5' } }),
    t('chg_model', 'Change Model', str('name')),
    t('sys_app', 'Application', [...str('name scope version short_description source'), ...bool('active', 'true')]),
    t('oauth_entity', 'Application Registry', [
        ...str('name client_id redirect_url type logo_url comments'),
        ['client_secret', 'password2'],
        ['access_token_lifespan', 'integer', { defaultValue: '1800' }],
        ['refresh_token_lifespan', 'integer', { defaultValue: '8640000' }],
        ...bool('active', 'true'),
        ['sys_scope', 'reference', ref('sys_app')],
    ]),
    t('oauth_credential', 'OAuth Credential', [
        ['token', 'password2'],
        ...str('type scope peer'),
        ['client', 'reference', ref('oauth_entity')],
        ['user', 'reference', ref('sys_user')],
        ['expires', 'glide_date_time'],
    ], { display: 'type' }),
    t('sys_properties', 'System Property', [
        ...str('name type description choices read_roles write_roles suffix'),
        ['value', 'string', { maxLength: 4000 }],
        ...bool('is_private ignore_cache'),
        ['sys_scope', 'reference', ref('sys_app')],
    ]),
    t('sys_db_object', 'Table', [
        ...str('name label access caller_access number_ref user_role'),
        ['super_class', 'reference', ref('sys_db_object')],
        ...bool('read_access create_access update_access delete_access ws_access is_extendable'),
        ['sys_scope', 'reference', ref('sys_app')],
    ]),
    t('sys_dictionary', 'Dictionary Entry', [...str('name element column_label internal_type reference default_value max_length'), ...bool('active mandatory read_only unique display'), ['sys_scope', 'reference', ref('sys_app')]], { display: 'column_label' }),
    t('sys_choice', 'Choice', [...str('name element value label language dependent_value'), ['sequence', 'integer'], ...bool('inactive')], { display: 'label' }),
    t('sys_number', 'Number', [['category'], ['prefix'], ['number', 'integer'], ['maximum_digits', 'integer']], { display: 'prefix' }),
    t('syslog', 'System Log', [['level', 'integer'], ['message', 'string', { maxLength: 4000 }], ...str('source')], { display: 'message' }),
    t('sys_security_acl', 'Access Control', [...str('name type operation decision_type description condition script'), ...bool('active admin_overrides advanced'), ['sys_scope', 'reference', ref('sys_app')]]),
    t('sys_security_acl_role', 'Access Role', [['sys_security_acl', 'reference', ref('sys_security_acl')], ['sys_user_role', 'reference', ref('sys_user_role')]], { display: 'sys_user_role' }),
    t('sys_ws_definition', 'Scripted REST Service', [...str('name service_id namespace base_uri doc_link consumes produces'), ...bool('active enforce_acl is_versioned'), ['sys_scope', 'reference', ref('sys_app')]]),
    t('sys_ws_version', 'Scripted REST Version', [['web_service_definition', 'reference', ref('sys_ws_definition')], ['version', 'integer'], ...bool('active is_default'), ['sys_scope', 'reference', ref('sys_app')]], { display: 'version' }),
    t('sys_ws_operation', 'Scripted REST Resource', [
        ...str('name http_method relative_path operation_uri default_operation_uri consumes produces enforce_acl'),
        ['operation_script', 'script'],
        ...bool('active requires_authentication requires_acl_authorization requires_snc_internal_role'),
        ['web_service_definition', 'reference', ref('sys_ws_definition')],
        ['web_service_version', 'reference', ref('sys_ws_version')],
        ['sys_scope', 'reference', ref('sys_app')],
    ]),
    t('sys_module', 'Module', [['path'], ['content', 'script'], ...bool('external_source'), ['sys_scope', 'reference', ref('sys_app')]], { display: 'path' }),
    t('sys_script', 'Business Rule', [...str('name collection when action_insert action_update action_delete action_query condition filter_condition'), ['script', 'script'], ['order', 'integer'], ...bool('active advanced'), ['sys_scope', 'reference', ref('sys_app')]]),
    t('sysauto_script', 'Scheduled Script Execution', [...str('name run_type run_period run_time run_dayofweek run_dayofmonth'), ['script', 'script'], ...bool('active'), ['sys_scope', 'reference', ref('sys_app')]]),
    t('sys_script_include', 'Script Include', [...str('name api_name access description'), ['script', 'script'], ...bool('active client_callable'), ['sys_scope', 'reference', ref('sys_app')]]),
    t('sys_ui_page', 'UI Page', [...str('name endpoint category description'), ['html', 'script'], ['client_script', 'script'], ['processing_script', 'script'], ...bool('direct'), ['sys_scope', 'reference', ref('sys_app')]]),
    t('sys_app_application', 'Application Menu', [...str('title description category roles'), ...bool('active'), ['order', 'integer'], ['sys_scope', 'reference', ref('sys_app')]], { display: 'title' }),
    t('sys_app_module', 'Module', [...str('title link_type name query view_name arguments roles filter'), ['application', 'reference', ref('sys_app_application')], ['order', 'integer'], ...bool('active'), ['sys_scope', 'reference', ref('sys_app')]], { display: 'title' }),
    t('sys_scoped_cache', 'Scoped Cache', [['name'], ['max_entries', 'integer'], ...bool('active always_compress'), ['sys_scope', 'reference', ref('sys_app')]]),
    t('sys_cross_scope_privilege', 'Cross Scope Privilege', [...str('target_name target_type operation status'), ['source_scope', 'reference', ref('sys_app')], ['target_scope', 'reference', ref('sys_app')], ['sys_scope', 'reference', ref('sys_app')]], { display: 'target_name' }),
]

type Choices = Array<[value: string, label: string]>
const PRIORITY: Choices = [['1', '1 - Critical'], ['2', '2 - High'], ['3', '3 - Moderate'], ['4', '4 - Low'], ['5', '5 - Planning']]
const THREE: Choices = [['1', '1 - High'], ['2', '2 - Medium'], ['3', '3 - Low']]
const CHANGE_STATE: Choices = [['-5', 'New'], ['-4', 'Assess'], ['-3', 'Authorize'], ['-2', 'Scheduled'], ['-1', 'Implement'], ['0', 'Review'], ['3', 'Closed'], ['4', 'Canceled']]
const INCIDENT_STATE: Choices = [['1', 'New'], ['2', 'In Progress'], ['3', 'On Hold'], ['6', 'Resolved'], ['7', 'Closed'], ['8', 'Canceled']]
const TASK_STATE: Choices = [['-5', 'Pending'], ['1', 'Open'], ['2', 'Work in Progress'], ['3', 'Closed Complete'], ['4', 'Closed Incomplete'], ['7', 'Closed Skipped']]

const BASELINE_CHOICES: Array<[table: string, element: string, choices: Choices]> = [
    ['task', 'priority', PRIORITY],
    ['task', 'impact', THREE],
    ['task', 'urgency', THREE],
    ['task', 'state', TASK_STATE],
    ['change_request', 'priority', PRIORITY],
    ['change_request', 'impact', THREE],
    ['change_request', 'urgency', THREE],
    ['change_request', 'state', CHANGE_STATE],
    ['change_request', 'type', [['standard', 'Standard'], ['normal', 'Normal'], ['emergency', 'Emergency']]],
    ['change_request', 'risk', [['1', 'Very High'], ['2', 'High'], ['3', 'Moderate'], ['4', 'Low']]],
    ['incident', 'priority', PRIORITY],
    ['incident', 'impact', THREE],
    ['incident', 'urgency', THREE],
    ['incident', 'state', INCIDENT_STATE],
    ['incident', 'incident_state', INCIDENT_STATE],
    ['syslog', 'level', [['0', 'Information'], ['1', 'Warning'], ['2', 'Error'], ['-1', 'Debug']]],
]

const NUMBERS: Array<[table: string, prefix: string]> = [
    ['task', 'TASK'],
    ['change_request', 'CHG'],
    ['incident', 'INC'],
]

/** The baseline priority lookup (dl_u_priority): impact and urgency → priority. */
const PRIORITY_LOOKUP: Record<string, string> = { '1/1': '1', '1/2': '2', '2/1': '2', '1/3': '3', '2/2': '3', '3/1': '3', '2/3': '4', '3/2': '4', '3/3': '5' }

export function installBaseline(store: Store): void {
    for (const def of BASELINE_TABLES) store.defineTable(def)
    store.addWriteRule(({ table, op, row, previous, store }) => {
        if (store.isA(table, 'task')) taskRules(store, table, op, row, previous)
        if (table === 'sys_user' && !row.name && (row.first_name || row.last_name)) row.name = [row.first_name, row.last_name].filter(Boolean).join(' ')
    })
    for (const [table, element, choices] of BASELINE_CHOICES) {
        choices.forEach(([value, label], i) => {
            store.insertIfMissing('sys_choice', { sys_id: stableSysId(`sys_choice:${table}:${element}:${value}:en`), name: table, element, value, label, sequence: String((i + 1) * 10), language: 'en', inactive: 'false' })
        })
    }
    for (const [table, prefix] of NUMBERS) {
        store.insertIfMissing('sys_number', { sys_id: stableSysId(`sys_number:${table}`), category: table, prefix, number: '10001', maximum_digits: '7' })
    }
    // Application Access of the global tables as out of the box: all application scopes may read, create,
    // update and delete (the cross-scope table policy, security/cross-scope.ts, reads these flags).
    for (const def of BASELINE_TABLES) {
        const values: Row & { sys_id: string } = { sys_id: stableSysId(`sys_db_object:${def.name}`), name: def.name, label: def.label ?? def.name, access: 'public', read_access: 'true', create_access: 'true', update_access: 'true', delete_access: 'true', ws_access: 'true' }
        if (def.extends) values.super_class = stableSysId(`sys_db_object:${def.extends}`)
        store.insertIfMissing('sys_db_object', values)
    }
}

function taskRules(store: Store, table: string, op: 'insert' | 'update', row: Row, previous?: Row): void {
    const kind = store.isA(table, 'change_request') ? 'change_request' : store.isA(table, 'incident') ? 'incident' : 'task'
    if (op === 'insert' && !row.opened_at) row.opened_at = row.sys_created_on
    if (kind === 'incident') {
        const changed = op === 'insert' || row.impact !== previous?.impact || row.urgency !== previous?.urgency
        if (changed && row.impact && row.urgency) row.priority = PRIORITY_LOOKUP[`${row.impact}/${row.urgency}`] ?? row.priority
        if (row.state !== previous?.state && row.state) row.incident_state = row.state
    }
    const closedStates = kind === 'change_request' ? ['3', '4'] : kind === 'incident' ? ['6', '7', '8'] : ['3', '4', '7']
    const closing = closedStates.includes(row.state ?? '') && (op === 'insert' || !closedStates.includes(previous?.state ?? ''))
    if (closing) {
        row.active = '0'
        if (!row.closed_at) row.closed_at = utcNow()
        if (kind === 'incident' && row.state === '6' && !row.resolved_at) row.resolved_at = utcNow()
    }
}
