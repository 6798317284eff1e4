// Step 1, table access preflight: may the app's scripts do what it does outside its scope (read and
// create Application Registries, create the integration user, revoke tokens, write tickets), has an admin
// allowed it where a table restricts its callers, and does it hold the cross-scope privileges it ships with?
// Read from the instance every time (sys_db_object, sys_restricted_caller_access, sys_scope_privilege, the
// scope-fencing property), never remembered.
import { GlideRecord, gs } from '@servicenow/glide'
import { isTrue } from '../platform/properties.ts'
import { APP_SCOPE, APP_SCOPE_ID, type Problem, type Step } from './common.ts'

export const OAUTH_TABLE = 'oauth_entity'

export type TableOperation = 'read' | 'create' | 'write' | 'delete'
const VERB: { [operation in TableOperation]: string } = { read: 'Read', create: 'Create', write: 'Write', delete: 'Delete' }

/**
 * "Disable GlideRecord Scope Fencing Legacy Behavior" (Security Center): while this property is true, which it
 * is when absent, GlideRecord in a scoped script may create and update records of tables whose Application
 * Access does not allow it. Hardened instances set it to false; then Can create / Can update decide.
 */
export const LEGACY_SCOPE_ACCESS_PROPERTY = 'glide.record.legacy_cross_scope_access_policy_in_script'

/** The platform's message when a table's cross-scope access policy refuses the app's script. */
export function policyRefusal(table: string, operation: TableOperation): string {
    return VERB[operation] + " operation against '" + table + "' from scope '" + APP_SCOPE + "' has been refused due to the table's cross-scope access policy"
}

export const OAUTH_POLICY_FIX =
    'Open System Definition > Tables, table oauth_entity (label "Application Registries"). In its Application Access ' +
    'section set Accessible from = All application scopes, check Can read and Can create, and save. ServiceNow ' +
    'recommends keeping the out-of-the-box settings of this table.'

const PRIVILEGE_FIX =
    'Open System Applications > Application Cross-Scope Access, filter on Source Scope = Microsoft 365 Ticketing ' +
    'Connector, and set Status = Allowed on the records listed. If records are missing, reinstall the application: ' +
    'they are part of its package.'

/** What the app reads or writes outside its scope; must match fluent/cross-scope/privileges.now.ts. */
export const REQUIRED_PRIVILEGES: ReadonlyArray<{ table: string; operations: TableOperation[] }> = [
    { table: 'oauth_entity', operations: ['read', 'create', 'write'] },
    { table: 'oauth_credential', operations: ['read', 'delete'] },
    { table: 'sys_user', operations: ['read', 'create', 'write'] },
    { table: 'sys_user_has_role', operations: ['read', 'create'] },
    { table: 'sys_user_role', operations: ['read'] },
    { table: 'sys_user_group', operations: ['read'] },
    { table: 'sys_choice', operations: ['read'] },
    { table: 'sys_db_object', operations: ['read'] },
    { table: 'sys_scope_privilege', operations: ['read'] },
    { table: 'sys_restricted_caller_access', operations: ['read'] },
    { table: 'sys_journal_field', operations: ['read'] },
    { table: 'change_request', operations: ['read', 'create', 'write'] },
    { table: 'incident', operations: ['read', 'create', 'write'] },
]

export interface TablePolicy {
    found: boolean
    /** sys_db_object.sys_scope: the table's application, 'global' for platform tables. */
    scope: string
    /** Caller Access: '' none, '1' Caller Tracking, '2' Caller Restriction. */
    callerAccess: string
    accessibleFromAllScopes: boolean
    canRead: boolean
    canCreate: boolean
    canUpdate: boolean
    canDelete: boolean
}

/** One operation the app does on a table of another scope, and whether the table's policy allows it. */
export interface TableAccess {
    table: string
    operation: TableOperation
    allowed: boolean
    /** False where the app copes without it (see OPTIONAL_ACCESS). */
    required: boolean
}

/**
 * Deleting oauth_credential rows only backs up token revocation: Microsoft 365 revokes its own tokens
 * (oauth_revoke_token.do) when it removes the connection, and an admin who removes one from the checklist is
 * told to revoke them in System OAuth > Manage Tokens when the instance refuses the delete. Out of the box the
 * table's Application Access does not allow deletes from other scopes (Can delete defaults to false).
 */
const OPTIONAL_ACCESS = ['oauth_credential:delete']

/** Where a table restricts its callers: whether an admin has allowed one operation of the app. */
export interface CallerAccess {
    table: string
    operation: TableOperation
    /** The Status of the app's Restricted Caller Access record; 'Missing' when there is none yet, 'Unreadable' when the app may not read them. */
    status: string
}

export interface PreflightDetails {
    /** The property above as this instance has it (true when absent). */
    legacyScopeAccess: boolean
    access: TableAccess[]
    callerAccess: CallerAccess[]
    privileges: { required: number; missing: string[] }
}

export function tablePolicy(name: string): TablePolicy {
    const table = new GlideRecord('sys_db_object')
    table.addQuery('name', name)
    table.setLimit(1)
    table.query()
    if (!table.next()) return { found: false, scope: '', callerAccess: '', accessibleFromAllScopes: false, canRead: false, canCreate: false, canUpdate: false, canDelete: false }
    return {
        found: true,
        scope: table.getValue('sys_scope') || '',
        callerAccess: table.getValue('caller_access') || '',
        accessibleFromAllScopes: table.getValue('access') === 'public',
        canRead: isTrue(table.getValue('read_access')),
        canCreate: isTrue(table.getValue('create_access')),
        canUpdate: isTrue(table.getValue('update_access')),
        canDelete: isTrue(table.getValue('delete_access')),
    }
}

export function legacyScopeAccess(): boolean {
    return gs.getProperty(LEGACY_SCOPE_ACCESS_PROPERTY, 'true') !== 'false'
}

/**
 * Application access settings: a table not accessible from all application scopes refuses everything;
 * Can create, Can update and Can delete are available only with Can read; create and update also pass
 * while the legacy scope-fencing property is on.
 */
export function policyAllows(policy: TablePolicy, operation: TableOperation, legacy: boolean): boolean {
    if (!policy.found || !policy.accessibleFromAllScopes || !policy.canRead) return false
    if (operation === 'read') return true
    if (operation === 'create') return policy.canCreate || legacy
    if (operation === 'write') return policy.canUpdate || legacy
    return policy.canDelete
}

/** Tables the app only touches through its own extensions (its ticket tables), which its scope owns. */
const REACHED_THROUGH_OWN_TABLES = ['change_request', 'incident']

function tableAccess(legacy: boolean): TableAccess[] {
    const access: TableAccess[] = []
    for (const entry of REQUIRED_PRIVILEGES) {
        if (REACHED_THROUGH_OWN_TABLES.indexOf(entry.table) >= 0) continue
        const policy = tablePolicy(entry.table)
        for (const operation of entry.operations) {
            access.push({ table: entry.table, operation, allowed: policyAllows(policy, operation, legacy), required: OPTIONAL_ACCESS.indexOf(entry.table + ':' + operation) < 0 })
        }
    }
    return access
}

/** Why the OAuth client cannot be created or repaired, or null when oauth_entity's policy allows it. */
export function oauthPolicyProblem(policy: TablePolicy = tablePolicy(OAUTH_TABLE), legacy: boolean = legacyScopeAccess()): Problem | null {
    if (!policy.found) {
        return {
            code: 'oauth_table_missing',
            message: 'The table oauth_entity (Application Registries) was not found on this instance.',
            fix: 'Activate the OAuth 2.0 plugin (com.snc.platform.security.oauth) and set the system property com.snc.platform.security.oauth.is.active to true, then reload this page.',
        }
    }
    for (const operation of ['read', 'create', 'write'] as TableOperation[]) {
        if (!policyAllows(policy, operation, legacy)) return { code: 'oauth_table_refused', message: policyRefusal(OAUTH_TABLE, operation), fix: OAUTH_POLICY_FIX }
    }
    return null
}

function tableFix(table: string, operation: TableOperation): string {
    const box = { read: 'Can read', create: 'Can create', write: 'Can update', delete: 'Can delete' }[operation]
    return (
        'Open System Definition > Tables, table ' + table + '. In its Application Access section set Accessible from = All ' +
        'application scopes and check Can read' + (operation === 'read' ? '' : ' and ' + box) + ', or ask the instance owner why it was restricted.'
    )
}

/** The refusals of required access other than oauth_entity's (reported by oauthPolicyProblem). */
function otherPolicyProblems(access: TableAccess[]): Problem[] {
    const problems: Problem[] = []
    for (const entry of access) {
        if (entry.allowed || !entry.required || entry.table === OAUTH_TABLE) continue
        problems.push({ code: 'table_refused', message: policyRefusal(entry.table, entry.operation), fix: tableFix(entry.table, entry.operation) })
    }
    return problems
}

const CALLER_RESTRICTION = '2'
const ALLOWED = 'Allowed'
const MISSING = 'Missing'
/** The app may not read the records: the refusal of sys_restricted_caller_access itself is reported instead. */
const UNREADABLE = 'Unreadable'
const RESTRICTED_CALLER_TABLE = 'sys_restricted_caller_access'

/**
 * "Define cross-scope access to an application resource": a table with Caller Access = Caller Restriction refuses
 * another scope until an admin sets its Restricted Caller Access record to Allowed; the first refused call creates
 * the record as Requested. A record for the table, or for the table's whole scope, counts. Caller Tracking allows
 * every call, so only Caller Restriction is read. Status is compared by its label, which the docs give.
 */
function callerAccess(legacy: boolean): CallerAccess[] {
    const readable = policyAllows(tablePolicy(RESTRICTED_CALLER_TABLE), 'read', legacy)
    const checks: CallerAccess[] = []
    for (const entry of REQUIRED_PRIVILEGES) {
        if (REACHED_THROUGH_OWN_TABLES.indexOf(entry.table) >= 0) continue
        const policy = tablePolicy(entry.table)
        if (policy.callerAccess !== CALLER_RESTRICTION) continue
        for (const operation of entry.operations) {
            checks.push({ table: entry.table, operation, status: readable ? restrictedCallerStatus(entry.table, policy.scope, operation) : UNREADABLE })
        }
    }
    return checks
}

function restrictedCallerStatus(table: string, tableScope: string, operation: TableOperation): string {
    const record = new GlideRecord(RESTRICTED_CALLER_TABLE)
    record.addQuery('source_scope', APP_SCOPE_ID)
    record.addQuery('operation', operation)
    record.query()
    let status = MISSING
    while (record.next()) {
        const forTable = record.getValue('target_table') === table
        const forScope = record.getDisplayValue('target_type') === 'Scope' && record.getValue('target_scope') === tableScope
        if (!forTable && !forScope) continue
        status = record.getDisplayValue('status')
        if (status === ALLOWED) return status
    }
    return status
}

const RESTRICTED_CALLER_FIX =
    'Open System Applications > Application Restricted Caller Access, filter on Source Scope = Microsoft 365 Ticketing ' +
    'Connector, and set Status = Allowed on the records of the operations listed. A record is created, with Status = ' +
    'Requested, the first time the app is refused; to allow it before that, create it there: Source Scope = Microsoft 365 ' +
    'Ticketing Connector, Source Type = Scope, Target Scope = the table\'s application, Target Type = Table, Target Table = ' +
    'the table, Operation = the operation, Status = Allowed.'

/** One problem per table and status: the operations of the app a Caller Restriction still keeps out. */
function callerAccessProblems(checks: CallerAccess[]): Problem[] {
    const refused: { [key: string]: CallerAccess[] } = {}
    const order: string[] = []
    for (const check of checks) {
        if (check.status === ALLOWED || check.status === UNREADABLE) continue
        const key = check.table + '|' + check.status
        if (!refused[key]) {
            refused[key] = []
            order.push(key)
        }
        refused[key].push(check)
    }
    return order.map((key) => {
        const first = refused[key][0]
        const operations = refused[key].map((c) => c.operation).join(', ')
        const why = first.status === MISSING ? 'no Restricted Caller Access record allows it yet, so the first call will be refused' : 'its Restricted Caller Access record is ' + first.status
        return {
            code: first.status === MISSING ? 'caller_access_missing' : first.status === 'Requested' ? 'caller_access_requested' : 'caller_access_refused',
            message: 'The table ' + first.table + ' restricts its callers (Caller Restriction) and the app may not ' + operations + ' it: ' + why + '.',
            fix: RESTRICTED_CALLER_FIX,
        }
    })
}

/** Required privileges that are absent or not allowed, as 'table (operation)'. */
export function missingPrivileges(): string[] {
    const allowed: { [key: string]: boolean } = {}
    const privilege = new GlideRecord('sys_scope_privilege')
    privilege.addQuery('source_scope', APP_SCOPE_ID)
    privilege.addQuery('target_type', 'sys_db_object')
    privilege.addQuery('status', 'allowed')
    privilege.query()
    while (privilege.next()) allowed[privilege.getValue('target_name') + ':' + privilege.getValue('operation')] = true
    const missing: string[] = []
    for (const entry of REQUIRED_PRIVILEGES) {
        for (const operation of entry.operations) {
            if (!allowed[entry.table + ':' + operation]) missing.push(entry.table + ' (' + operation + ')')
        }
    }
    return missing
}

export function preflightStep(): Step<PreflightDetails, 'preflight'> {
    const legacy = legacyScopeAccess()
    const access = tableAccess(legacy)
    const callers = callerAccess(legacy)
    const missing = missingPrivileges()
    const problems: Problem[] = []
    const policyProblem = oauthPolicyProblem(tablePolicy(OAUTH_TABLE), legacy)
    if (policyProblem) problems.push(policyProblem)
    problems.push(...otherPolicyProblems(access))
    problems.push(...callerAccessProblems(callers))
    if (missing.length) {
        problems.push({
            code: 'privileges_missing',
            message: "The app's cross-scope privileges are missing or not allowed: " + missing.join(', ') + '.',
            fix: PRIVILEGE_FIX,
        })
    }
    let required = 0
    for (const entry of REQUIRED_PRIVILEGES) required += entry.operations.length
    return {
        id: 'preflight',
        title: 'Table access preflight',
        state: problems.length ? 'failed' : 'complete',
        summary: problems.length
            ? 'The app cannot be set up until the table access below is fixed.'
            : 'Every table the app needs outside its scope allows it, and its ' + required + ' cross-scope privileges are allowed.',
        problems,
        details: { legacyScopeAccess: legacy, access, callerAccess: callers, privileges: { required, missing } },
    }
}
