// Step 1, table access preflight: can the app read and create Application Registries
// (oauth_entity), and does it hold the cross-scope privileges it ships with? Read from the
// instance every time (sys_db_object, sys_scope_privilege), never remembered.
import { GlideRecord } from '@servicenow/glide'
import { APP_SCOPE, APP_SCOPE_ID, isTrue, type Problem, type Step } from './common.ts'

export const OAUTH_TABLE = 'oauth_entity'

export function policyRefusal(operation: 'Read' | 'Create' | 'Write'): string {
    return (
        operation + " operation against '" + OAUTH_TABLE + "' from scope '" + APP_SCOPE +
        "' has been refused due to the table's cross-scope access policy"
    )
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
export const REQUIRED_PRIVILEGES: ReadonlyArray<{ table: string; operations: string[] }> = [
    { table: 'oauth_entity', operations: ['read', 'create', 'write'] },
    { table: 'oauth_credential', operations: ['read', 'delete'] },
    { table: 'sys_user', operations: ['read', 'create', 'write'] },
    { table: 'sys_user_has_role', operations: ['read', 'create', 'delete'] },
    { table: 'sys_user_role', operations: ['read'] },
    { table: 'sys_user_group', operations: ['read'] },
    { table: 'sys_choice', operations: ['read'] },
    { table: 'sys_db_object', operations: ['read'] },
    { table: 'sys_scope_privilege', operations: ['read'] },
    { table: 'change_request', operations: ['read', 'create', 'write'] },
    { table: 'incident', operations: ['read', 'create', 'write'] },
]

export interface TablePolicy {
    found: boolean
    accessibleFromAllScopes: boolean
    canRead: boolean
    canCreate: boolean
    canUpdate: boolean
}

export interface PreflightDetails {
    oauthEntityPolicy: TablePolicy
    privileges: { required: number; missing: string[] }
}

export function oauthTablePolicy(): TablePolicy {
    const table = new GlideRecord('sys_db_object')
    table.addQuery('name', OAUTH_TABLE)
    table.setLimit(1)
    table.query()
    if (!table.next()) return { found: false, accessibleFromAllScopes: false, canRead: false, canCreate: false, canUpdate: false }
    return {
        found: true,
        accessibleFromAllScopes: table.getValue('access') === 'public',
        canRead: isTrue(table.getValue('read_access')),
        canCreate: isTrue(table.getValue('create_access')),
        canUpdate: isTrue(table.getValue('update_access')),
    }
}

/** Why the OAuth client cannot be created, or null when the table's policy allows it. */
export function oauthPolicyProblem(policy: TablePolicy = oauthTablePolicy()): Problem | null {
    if (!policy.found) {
        return {
            code: 'oauth_table_missing',
            message: 'The table oauth_entity (Application Registries) was not found on this instance.',
            fix: 'Activate the OAuth 2.0 plugin (com.snc.platform.security.oauth) and set the system property com.snc.platform.security.oauth.is.active to true, then reload this page.',
        }
    }
    if (!policy.accessibleFromAllScopes || !policy.canRead) {
        return { code: 'oauth_table_refused', message: policyRefusal('Read'), fix: OAUTH_POLICY_FIX }
    }
    if (!policy.canCreate) return { code: 'oauth_table_refused', message: policyRefusal('Create'), fix: OAUTH_POLICY_FIX }
    return null
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
    const policy = oauthTablePolicy()
    const missing = missingPrivileges()
    const problems: Problem[] = []
    const policyProblem = oauthPolicyProblem(policy)
    if (policyProblem) problems.push(policyProblem)
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
            ? 'The app cannot create its OAuth client until the table access below is fixed.'
            : 'Application Registries (oauth_entity) is readable and creatable from the app, and its ' + required + ' cross-scope privileges are allowed.',
        problems,
        details: { oauthEntityPolicy: policy, privileges: { required, missing } },
    }
}
