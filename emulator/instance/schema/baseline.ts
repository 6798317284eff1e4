/**
 * The platform baseline: ServiceNow's out-of-box tables as the SDK defines them (platform-tables.json, generated
 * by scripts/platform-schema.ts), the few tables the SDK does not define (hand-written below, each citing its
 * source), the choices and dictionary overrides the definitions lack, and the platform behaviours the app relies
 * on (incident priority from impact/urgency, closing a task).
 *
 *   installBaseline(store)        defines every table, registers the write rules, seeds sys_db_object (Application
 *                                 Access as the definition says), sys_number (autoNumber) and sys_choice records
 *                                 (idempotent: deterministic sys_ids, insert-if-missing)
 *   BASELINE_TABLES               the store's table definitions, parents first
 *   tableRecord(table)            the sys_db_object fields a platform table's definition gives (the rest: dictionary defaults)
 *   stableSysId(key)              a deterministic 32-hex sys_id for seeded records
 */
import { createHash } from 'node:crypto'
import { installRoleInheritance } from '../security/roles.ts'
import { installAudit } from '../store/audit.ts'
import { installJournal } from '../store/journal.ts'
import { type ColumnDef, type Row, type Store, type TableDef, utcNow } from '../store/store.ts'
import { type PlatformColumn, type PlatformTable, readPlatformSchema } from './platform-tables.ts'

export function stableSysId(key: string): string {
    return createHash('md5').update(key).digest('hex')
}

const JAVASCRIPT = 'javascript:'

/** A definition's default: a `javascript:` default stays a script for the insert path, never stored as text. */
function columnDef(c: PlatformColumn): ColumnDef {
    const def: ColumnDef = { name: c.name, type: c.type }
    if (c.label !== undefined) def.label = c.label
    if (c.reference) def.reference = c.reference
    if (c.maxLength !== undefined) def.maxLength = c.maxLength
    if (c.default !== undefined && c.default !== '') {
        if (c.default.startsWith(JAVASCRIPT)) def.defaultScript = c.default
        else def.defaultValue = c.default
    }
    if (c.mandatory) def.mandatory = true
    return def
}

// --- tables the SDK does not define, each with its source ---

type Col = [name: string, type?: string, extra?: Partial<ColumnDef>]
function hand(name: string, label: string, cols: Col[], extra: Partial<TableDef> = {}): TableDef {
    return { name, label, columns: cols.map(([n, type = 'string', e = {}]) => ({ name: n, type, ...e })), ...extra }
}
const ref = (table: string): Partial<ColumnDef> => ({ reference: table })
const str = (names: string): Col[] => names.split(' ').map((n) => [n])
const bool = (names: string, defaultValue?: string): Col[] => names.split(' ').map((n) => [n, 'boolean', defaultValue ? { defaultValue } : {}])

export const HAND_WRITTEN_TABLES: TableDef[] = [
    // "CMDB tables descriptions": Base Configuration Item [cmdb], the parent of cmdb_ci (the SDK's cmdb_ci extends it).
    hand('cmdb', 'Base Configuration Item', str('name')),
    // "Create a role" / "Assign a role to a user": the User Role [sys_user_has_role] form (User, Role, Inherited, Granted by);
    // "Prevent duplicate entries with Contextual Security: Role Management V2": the read-only Inheritance Count (inh_count).
    hand('sys_user_has_role', 'User Role', [['user', 'reference', ref('sys_user')], ['role', 'reference', ref('sys_user_role')], ...bool('inherited', 'false'), ['inh_count', 'integer'], ['granted_by', 'reference', ref('sys_user_group')]], { display: 'role' }),
    // "Create a group role" (User Administration > Group Roles): the Group Role [sys_group_has_role] form (Group, Role,
    // Inherits: "have all members of the group inherit the role", selected by default).
    hand('sys_group_has_role', 'Group Role', [['group', 'reference', ref('sys_user_group')], ['role', 'reference', ref('sys_user_role')], ...bool('inherits', 'true')], { display: 'role' }),
    // "Add a user to a group": the Group Member [sys_user_grmember] form (User, Group).
    hand('sys_user_grmember', 'Group Member', [['user', 'reference', ref('sys_user')], ['group', 'reference', ref('sys_user_group')]], { display: 'user' }),
    // "Configure Application Registry" / "Create an endpoint for clients to access the instance": the Application
    // Registry [oauth_entity] form (Name, Client ID, Client Secret, Redirect URL, Logo URL, Access/Refresh Token Lifespan
    // 1800 / 8640000 seconds, Active, Comments), with the labels these pages and "Application Registries form" give
    // (Application: the record's application scope). `type` is on no form the docs show: its label is a local choice.
    hand('oauth_entity', 'Application Registry', [
        ['name', 'string', { label: 'Name' }],
        ['client_id', 'string', { label: 'Client ID' }],
        ['client_secret', 'password2', { label: 'Client Secret' }],
        ['redirect_url', 'string', { label: 'Redirect URL' }],
        ['logo_url', 'string', { label: 'Logo URL' }],
        ['access_token_lifespan', 'integer', { label: 'Access Token Lifespan', defaultValue: '1800' }],
        ['refresh_token_lifespan', 'integer', { label: 'Refresh Token Lifespan', defaultValue: '8640000' }],
        ['active', 'boolean', { label: 'Active', defaultValue: 'true' }],
        ['comments', 'string', { label: 'Comments' }],
        ['type', 'string', { label: 'Type' }],
        ['sys_scope', 'reference', { label: 'Application', ...ref('sys_scope') }],
    ]),
    // OAuth Credential [oauth_credential], System OAuth > Manage Tokens (KB0791140 "Managing OAuth tokens": Token,
    // Type, User, Expires). The OAuth client is `peer`, a reference to oauth_entity: the out-of-box script include
    // OauthRevokeTokenAjax queries peer, user and type = refresh_token and writes expires; the mobile app's fix
    // script expires tokens with addQuery('peer', <oauth_entity sys_id>); `scopes` as out-of-box token scripts set it.
    // No `client` column: the platform has none. Labels: Token, Type and Expires as "Manage OAuth tokens" and
    // KB0791140 name the columns; User, Scopes and Client (peer, the client the token was issued to): local choice.
    hand('oauth_credential', 'OAuth Credential', [
        ['token', 'password2', { label: 'Token' }],
        ['type', 'string', { label: 'Type' }],
        ['scopes', 'string', { label: 'Scopes' }],
        ['peer', 'reference', { label: 'Client', ...ref('oauth_entity') }],
        ['user', 'reference', { label: 'User', ...ref('sys_user') }],
        ['expires', 'glide_date_time', { label: 'Expires' }],
    ], { display: 'type' }),
    // "Set the application scope, application resource, and event access": the Restricted Caller Access Privileges
    // [sys_restricted_caller_access] form (Operation, Source, Source Scope, Source Table, Source Type, Status, Target,
    // Target Scope, Target Table, Target Type); the record is kept in the target's scope (sys_scope, "Rome: an RCA
    // privilege record must be present in the target application").
    hand('sys_restricted_caller_access', 'Restricted Caller Access Privilege', [
        ...str('operation source_type status target_type'),
        ['source_scope', 'reference', ref('sys_scope')],
        ['source_table', 'table_name'],
        ['source', 'document_id'],
        ['target_scope', 'reference', ref('sys_scope')],
        ['target_table', 'table_name'],
        ['target', 'document_id'],
        ['sys_scope', 'reference', ref('sys_scope')],
    ], { display: 'target_table' }),
    // "Choice table" (the Choice [sys_choice] table: Table, Element, Language, Value, Label, Sequence); Inactive and
    // Dependent value as the SDK build writes choice records (sdk-build-plugins column-to-record.js getChoiceRecords).
    hand('sys_choice', 'Choice', [...str('name element value label language dependent_value'), ['sequence', 'integer'], ...bool('inactive', 'false')], { display: 'label' }),
    // The choice set the SDK build writes with a column's choices (sdk-build-plugins column-plugin: sys_choice_set name, element).
    hand('sys_choice_set', 'Choice Set', str('name element')),
    // "System logs": System Log [syslog] (Level, Message, Source).
    hand('syslog', 'System Log', [['level', 'integer'], ['message', 'string', { maxLength: 4000 }], ...str('source')], { display: 'message' }),
    // SDK module guide (`now-sdk explain server-modules`): the built app's modules are sys_module records (path, content).
    hand('sys_module', 'Module', [['path'], ['content', 'script'], ...bool('external_source'), ['sys_scope', 'reference', ref('sys_scope')]], { display: 'path' }),
    // "ScopedCacheManager" scoped API: a cache is a Scoped Cache [sys_scoped_cache] record (Name, Max entries, Active).
    hand('sys_scoped_cache', 'Scoped Cache', [['name'], ['max_entries', 'integer'], ...bool('active always_compress'), ['sys_scope', 'reference', ref('sys_scope')]]),
    // "ScopedCacheManager API Developer Guide": a Scoped Cache Pair (System Definition > Scoped Cache Pairs) names a
    // Scoped Cache, a Table, a Pair type and, for column pairs, the selected columns. The table name is the one
    // instances use (sys_scoped_cache_table_pair, docs.arc46.io "Scoped Caches"); the column names and pair type
    // values are not documented and follow the form's labels (see emulator/instance/glide/namespaces/sn_scoped_cache.ts).
    hand('sys_scoped_cache_table_pair', 'Scoped Cache Pair', [['scoped_cache', 'reference', ref('sys_scoped_cache')], ['table', 'table_name'], ['pair_type'], ['columns', 'field_list'], ['sys_scope', 'reference', ref('sys_scope')]], { display: 'table' }),
]

/**
 * Columns the SDK's definition of a table leaves out. sys_properties, sys_script, sys_ws_definition and
 * sys_app_module are application files on the platform ("Application files": every record an application owns
 * carries its scope in sys_scope, defined on sys_metadata); the SDK defines them without that parent.
 */
const SUPPLEMENTS: Record<string, ColumnDef[]> = {
    sys_properties: [{ name: 'sys_scope', type: 'reference', reference: 'sys_scope', label: 'Application' }],
    sys_script: [{ name: 'sys_scope', type: 'reference', reference: 'sys_scope', label: 'Application' }],
    sys_ws_definition: [{ name: 'sys_scope', type: 'reference', reference: 'sys_scope', label: 'Application' }],
    sys_app_module: [{ name: 'sys_scope', type: 'reference', reference: 'sys_scope', label: 'Application' }],
}

/**
 * Display columns and labels of platform tables whose SDK definition names none: local choice, from the field the
 * platform's forms and reference fields show (the SDK definitions carry no column-level display flag).
 */
const DISPLAY: Record<string, string> = {
    sys_user_role_contains: 'contains',
    sys_dictionary: 'column_label',
    sys_number: 'prefix',
    sys_security_acl_role: 'sys_user_role',
    sys_ws_version: 'version',
    sys_app_application: 'title',
    sys_app_module: 'title',
}
const LABELS: Record<string, string> = {
    sys_user_role: 'Role',
    sys_db_object: 'Table',
    sys_dictionary: 'Dictionary Entry',
    sys_number: 'Number',
    sys_properties: 'System Property',
    sys_security_acl: 'Access Control',
    sys_security_acl_role: 'Access Role',
    sys_ws_definition: 'Scripted REST Service',
    sys_ws_version: 'Scripted REST Version',
    sys_ws_operation: 'Scripted REST Resource',
    sys_script: 'Business Rule',
    sys_script_include: 'Script Include',
    sys_ui_page: 'UI Page',
    sys_app: 'Application',
    sys_app_application: 'Application Menu',
    sys_app_module: 'Module',
    sys_user_role_contains: 'Contained Role',
    sys_scope_privilege: 'Cross scope privilege',
}

/**
 * Dictionary overrides the SDK definitions lack. change_request.state starts at New (-5): "State model and
 * transitions" (Change Management, c_ChangeStateModel): New is the state of a change request on creation.
 */
const OVERRIDES: Record<string, Record<string, string>> = {
    change_request: { state: '-5' },
}

/**
 * Field labels a table gives inherited columns (sys_documentation per table), which the SDK definitions lack.
 * incident.close_notes is "Resolution notes" ("Resolve and close an incident": Resolution code and Resolution notes
 * in the Resolution Information section), where task and change_request keep "Close notes".
 */
const LABEL_OVERRIDES: Record<string, Record<string, string>> = {
    incident: { close_notes: 'Resolution notes' },
}

function platformTableDef(t: PlatformTable): TableDef {
    const def: TableDef = { name: t.name, label: t.label ?? LABELS[t.name] ?? t.name, columns: [...t.columns.map(columnDef), ...(SUPPLEMENTS[t.name] ?? [])] }
    if (t.extends) def.extends = t.extends
    const display = t.display ?? DISPLAY[t.name]
    if (display) def.display = display
    const defaults: Record<string, string> = { ...OVERRIDES[t.name] }
    for (const o of t.overrides ?? []) if (o.default !== undefined && !o.default.startsWith(JAVASCRIPT)) defaults[o.name] = o.default
    if (Object.keys(defaults).length) def.defaults = defaults
    if (LABEL_OVERRIDES[t.name]) def.labels = LABEL_OVERRIDES[t.name]
    return def
}

/** Parents before their extensions, as the store requires. */
function parentsFirst(defs: TableDef[]): TableDef[] {
    const byName = new Map(defs.map((d) => [d.name, d]))
    const out: TableDef[] = []
    const placed = new Set<string>()
    const place = (d: TableDef): void => {
        if (placed.has(d.name)) return
        const parent = d.extends ? byName.get(d.extends) : undefined
        if (d.extends && !parent) throw new Error(`${d.name} extends ${d.extends}, which neither the SDK nor the baseline defines`)
        if (parent) place(parent)
        placed.add(d.name)
        out.push(d)
    }
    defs.forEach(place)
    return out
}

/**
 * Application files (sys_metadata) are stored table per class on the platform ("Table flattening": Table per class
 * is the default extension model, including system tables; only the task hierarchy is flattened). The store keeps
 * one SQL table per hierarchy, and one for sys_metadata's ~120 extensions would have ~1000 columns and double the
 * start-up time. So sys_metadata is not a store table: each of its direct extensions is a root carrying
 * sys_metadata's columns (sys_scope, sys_package, sys_update_name...), and a query on sys_metadata itself is not
 * emulated. Their sys_db_object records keep the real super_class.
 */
const APPLICATION_FILE = 'sys_metadata'

function storeTableDefs(tables: PlatformTable[]): TableDef[] {
    const applicationFile = tables.find((t) => t.name === APPLICATION_FILE)
    const inherited = (applicationFile?.columns ?? []).map(columnDef)
    return tables
        .filter((t) => t.name !== APPLICATION_FILE)
        .map((t) => {
            const def = platformTableDef(t)
            if (t.extends !== APPLICATION_FILE) return def
            const own = new Set(def.columns!.map((c) => c.name))
            return { ...def, extends: undefined, columns: [...inherited.filter((c) => !own.has(c.name)), ...def.columns!] }
        })
}

const PLATFORM_TABLES = readPlatformSchema().tables
export const BASELINE_TABLES: TableDef[] = parentsFirst([...storeTableDefs(PLATFORM_TABLES), ...HAND_WRITTEN_TABLES])

/** Table()'s callerAccess → sys_db_object.caller_access, as the SDK build writes it ('none' is empty). */
const CALLER_ACCESS: Record<string, string | null> = { none: null, tracking: '1', restricted: '2' }

/**
 * The sys_db_object fields a platform table's definition gives, mapped as the SDK build maps them
 * (sdk-build-plugins table-plugin.js, "sys_db_object"): `actions` lists what other scopes may do (read, create,
 * update, delete), allowWebServiceAccess → ws_access, accessibleFrom → access, callerAccess → caller_access.
 * What a definition leaves out is left out here too, so the record takes sys_db_object's dictionary defaults
 * (sys_db_object.now.ts: Can read true, Can create/update/delete false, web services true, All application
 * scopes): the SDK's out-of-box definitions omit properties the platform's records have (sys_user_role has no
 * label in its definition, yet the Table API serves it), so an absent property is unknown, not false.
 */
export function tableRecord(t: PlatformTable): Row {
    const values: Row = { name: t.name, label: t.label ?? LABELS[t.name] ?? t.name, is_extendable: String(t.extensible ?? false), sys_scope: 'global' }
    const { actions, accessibleFrom, callerAccess, allowWebServiceAccess, allowClientScripts, allowNewFields, allowUiActions } = t.access
    if (actions) {
        values.read_access = String(actions.includes('read'))
        values.create_access = String(actions.includes('create'))
        values.update_access = String(actions.includes('update'))
        values.delete_access = String(actions.includes('delete'))
    }
    if (accessibleFrom !== undefined) values.access = accessibleFrom
    if (callerAccess !== undefined) values.caller_access = CALLER_ACCESS[callerAccess] ?? null
    if (allowWebServiceAccess !== undefined) values.ws_access = String(allowWebServiceAccess)
    if (allowClientScripts !== undefined) values.client_scripts_access = String(allowClientScripts)
    if (allowNewFields !== undefined) values.alter_access = String(allowNewFields)
    if (allowUiActions !== undefined) values.actions_access = String(allowUiActions)
    if (t.extends) values.super_class = stableSysId(`sys_db_object:${t.extends}`)
    if (t.autoNumber) values.number_ref = stableSysId(`sys_number:${t.name}`)
    return values
}

// --- choices the SDK definitions lack, from the platform's documented choice lists ---

type Choices = Array<[value: string, label: string]>
// "Incident priority" / data lookup dl_u_priority: Priority 1 - Critical .. 5 - Planning; Impact and Urgency 1 - High .. 3 - Low.
const PRIORITY: Choices = [['1', '1 - Critical'], ['2', '2 - High'], ['3', '3 - Moderate'], ['4', '4 - Low'], ['5', '5 - Planning']]
const THREE: Choices = [['1', '1 - High'], ['2', '2 - Medium'], ['3', '3 - Low']]
// "State model and transitions" (Change Management, c_ChangeStateModel): the state values -5 .. 4.
const CHANGE_STATE: Choices = [['-5', 'New'], ['-4', 'Assess'], ['-3', 'Authorize'], ['-2', 'Scheduled'], ['-1', 'Implement'], ['0', 'Review'], ['3', 'Closed'], ['4', 'Canceled']]
// "Incident life cycle" (Incident Management, c_IncidentManagementStateModel): New, In Progress, On Hold, Resolved, Closed, Canceled.
const INCIDENT_STATE: Choices = [['1', 'New'], ['2', 'In Progress'], ['3', 'On Hold'], ['6', 'Resolved'], ['7', 'Closed'], ['8', 'Canceled']]
// Task [task] state choices (the task table's sys_choice records: Pending, Open, Work in Progress, Closed Complete/Incomplete/Skipped).
const TASK_STATE: Choices = [['-5', 'Pending'], ['1', 'Open'], ['2', 'Work in Progress'], ['3', 'Closed Complete'], ['4', 'Closed Incomplete'], ['7', 'Closed Skipped']]

const HAND_WRITTEN_CHOICES: Array<[table: string, element: string, choices: Choices]> = [
    ['task', 'priority', PRIORITY],
    ['task', 'impact', THREE],
    ['task', 'urgency', THREE],
    ['task', 'state', TASK_STATE],
    ['change_request', 'priority', PRIORITY],
    ['change_request', 'impact', THREE],
    ['change_request', 'urgency', THREE],
    ['change_request', 'state', CHANGE_STATE],
    // "Change types": Standard, Normal, Emergency; "Risk assessment": Very High .. Low.
    ['change_request', 'type', [['standard', 'Standard'], ['normal', 'Normal'], ['emergency', 'Emergency']]],
    ['change_request', 'risk', [['1', 'Very High'], ['2', 'High'], ['3', 'Moderate'], ['4', 'Low']]],
    ['incident', 'priority', PRIORITY],
    ['incident', 'impact', THREE],
    ['incident', 'urgency', THREE],
    ['incident', 'state', INCIDENT_STATE],
    ['incident', 'incident_state', INCIDENT_STATE],
    // "Resolve and close an incident": Resolution code (incident.close_code); the values are the labels.
    ['incident', 'close_code', ['Duplicate', 'Known error', 'No resolution provided', 'Resolved by caller', 'Resolved by change', 'Resolved by problem', 'Resolved by request', 'Solution provided', 'Workaround provided', 'User error'].map((code): [string, string] => [code, code])],
    // "Close a change request": Close code (change_request.close_code) Successful, Successful with issues, Unsuccessful.
    ['change_request', 'close_code', [['successful', 'Successful'], ['successful_issues', 'Successful with issues'], ['unsuccessful', 'Unsuccessful']]],
    // "System logs": Level Debug (-1), Information (0), Warning (1), Error (2).
    ['syslog', 'level', [['0', 'Information'], ['1', 'Warning'], ['2', 'Error'], ['-1', 'Debug']]],
    // "Set the application scope, application resource, and event access": the labels of Status, Operation and Target
    // Type. The docs give labels only; the values are local choice (the app compares the label, getDisplayValue).
    ['sys_restricted_caller_access', 'status', [['requested', 'Requested'], ['denied', 'Denied'], ['allowed', 'Allowed'], ['invalidated', 'Invalidated']]],
    ['sys_restricted_caller_access', 'operation', [['read', 'Read'], ['write', 'Write'], ['create', 'Create'], ['delete', 'Delete'], ['execute', 'Execute API']]],
    ['sys_restricted_caller_access', 'target_type', [['event', 'Event'], ['scope', 'Scope'], ['table', 'Table'], ['script_include', 'Script Include']]],
    // "Manage OAuth tokens": "Type: Determines if the token is Access Token or Refresh Token"; the values as the
    // out-of-box script include OauthRevokeTokenAjax queries them (type = refresh_token).
    ['oauth_credential', 'type', [['access_token', 'Access Token'], ['refresh_token', 'Refresh Token']]],
]

/** The baseline priority lookup (dl_u_priority): impact and urgency → priority. */
const PRIORITY_LOOKUP: Record<string, string> = { '1/1': '1', '1/2': '2', '2/1': '2', '1/3': '3', '2/2': '3', '3/1': '3', '2/3': '4', '3/2': '4', '3/3': '5' }

function insertChoice(store: Store, table: string, element: string, value: string, label: string, sequence: number, inactive = false): void {
    store.insertIfMissing('sys_choice', { sys_id: stableSysId(`sys_choice:${table}:${element}:${value}:en`), name: table, element, value, label, sequence: String(sequence), language: 'en', inactive: String(inactive) })
}

const BASE_SYSTEM_ROLES: Array<[name: string, description: string]> = [
    ['admin', 'System administrator'],
    ['itil', 'Fulfiller of incident, problem and change management'],
    ['nobody', 'The nobody role means that nobody has access - not even admin or maint.'],
]

export function installBaseline(store: Store): void {
    for (const def of BASELINE_TABLES) store.defineTable(def)
    installJournal(store)
    store.addWriteRule(({ table, op, row, previous, store }) => {
        if (store.isA(table, 'task')) taskRules(store, table, op, row, previous)
        if (table === 'sys_user' && !row.name && (row.first_name || row.last_name)) row.name = [row.first_name, row.last_name].filter(Boolean).join(' ')
    })
    // After the task rules, so that what they set (closed_at, active, priority) is audited too.
    installAudit(store)
    for (const t of PLATFORM_TABLES) {
        store.insertIfMissing('sys_db_object', { ...tableRecord(t), sys_id: stableSysId(`sys_db_object:${t.name}`) })
        if (t.autoNumber) {
            // The SDK build's sys_number defaults: number 1000, prefix 'PRE', 7 digits (table-plugin.js, "sys-number").
            const n = t.autoNumber
            store.insertIfMissing('sys_number', { sys_id: stableSysId(`sys_number:${t.name}`), category: t.name, prefix: n.prefix ?? 'PRE', number: String(n.number ?? 1000), maximum_digits: String(n.numberOfDigits ?? 7) })
        }
        for (const c of t.columns) for (const choice of c.choices ?? []) insertChoice(store, t.name, c.name, choice.value, choice.label, choice.sequence ?? 0, choice.inactive)
    }
    // Hand-written tables: no source gives their Application Access, so their records leave the flags unset.
    for (const def of HAND_WRITTEN_TABLES) {
        store.insertIfMissing('sys_db_object', { sys_id: stableSysId(`sys_db_object:${def.name}`), name: def.name, label: def.label ?? def.name, sys_scope: 'global', ...(def.extends ? { super_class: stableSysId(`sys_db_object:${def.extends}`) } : {}) })
    }
    for (const [table, element, choices] of HAND_WRITTEN_CHOICES) choices.forEach(([value, label], i) => insertChoice(store, table, element, value, label, (i + 1) * 10))
    // "Base system roles": admin; itil, the fulfiller role of the task processes; nobody, which "means that nobody has
    // access - not even admin or maint" (no user is given it; ACLs name it to shut a field or table to everyone).
    for (const [name, description] of BASE_SYSTEM_ROLES) store.insertIfMissing('sys_user_role', { sys_id: stableSysId(`sys_user_role:${name}`), name, description })
    installRoleInheritance(store)
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
