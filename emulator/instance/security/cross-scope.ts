/**
 * The cross-scope table policy (sys_db_object "Application Access"), enforced on code running in an
 * application scope (runtime.runInScope) that touches a table of another scope.
 *
 *   createTableAccessPolicy(store) → TableAccessPolicy      plug in with runtime.setTableAccessPolicy(...); caches decisions
 *   tableScope(store, table)                                the scope a table belongs to
 *   crossScopeRefusal(store, operation, table, callerScope) → the platform's message, or null when allowed
 *
 * Rules, as the platform applies them:
 *   - code in the global scope, or in the table's own scope, is never restricted by the policy;
 *   - Accessible from (access) other than 'public' ("This application scope only") refuses every operation;
 *   - Can read / Can create / Can update / Can delete (read_access, create_access, update_access,
 *     delete_access) each gate their operation, on global tables as on scoped ones. An unset flag takes
 *     its dictionary default (sys_db_object.now.ts): Can read true, the others false;
 *   - except that create and update of a readable table pass while the legacy scope-fencing property
 *     glide.record.legacy_cross_scope_access_policy_in_script is true (its documented fallback when absent);
 *   - with Caller Access '2' (Caller Restriction, sys_db_object.now.ts choices) the caller scope also needs
 *     an allowed sys_scope_privilege for the table and operation. A granted privilege never overrides a
 *     flag that forbids the operation.
 *   - the caller's Runtime access tracking (sys_app.runtime_access_tracking) of none or 'permissive' adds no
 *     check ("Runtime access tracking": the operation runs as long as the table-level settings allow it);
 *     any other value (enforcing privileges) is refused as not emulated.
 * A refusal throws an Error whose message is exactly the platform's, and is logged (syslog, error).
 */
import { writeLog } from '../glide/gs.ts'
import type { AclOperation } from '../glide/session.ts'
import { notEmulated, SECURITY_MESSAGES } from '../messages.ts'
import type { TableAccessPolicy } from '../runtime.ts'
import type { Row, Store } from '../store/store.ts'

const FLAG: Record<AclOperation, string> = { read: 'read_access', create: 'create_access', write: 'update_access', delete: 'delete_access' }
const VERB: Record<AclOperation, 'Read' | 'Create' | 'Write' | 'Delete'> = { read: 'Read', create: 'Create', write: 'Write', delete: 'Delete' }

function flag(v: string | null | undefined): boolean | null {
    if (v === null || v === undefined || v === '') return null
    return v === 'true' || v === '1'
}

function tableRecord(store: Store, table: string): Row | undefined {
    return store.get(`SELECT * FROM ${store.sqlTable('sys_db_object')} WHERE name = ? LIMIT 1`, [table])
}

function scopeOfApp(store: Store, appSysId: string | null | undefined): string | null {
    if (!appSysId || appSysId === 'global') return appSysId ? 'global' : null
    const app = store.hasTable('sys_app') ? store.getRow('sys_app', appSysId) : undefined
    return app?.scope ?? null
}

export function tableScope(store: Store, table: string, record: Row | undefined = tableRecord(store, table)): string {
    const fromRecord = scopeOfApp(store, record?.sys_scope)
    if (fromRecord) return fromRecord
    const prefix = /^(x_[a-z0-9]+_[a-z0-9]+)_/.exec(table)
    return prefix ? prefix[1] : 'global'
}

/**
 * "Disable GlideRecord Scope Fencing Legacy Behavior" (Security Center hardening settings): while
 * glide.record.legacy_cross_scope_access_policy_in_script is true, which it is when the property does not
 * exist, GlideRecord in a scoped script may create and update records of tables whose Application Access
 * does not allow it. Reads and deletes keep their flags.
 */
const LEGACY_PROPERTY = 'glide.record.legacy_cross_scope_access_policy_in_script'
const LEGACY_OPERATIONS: AclOperation[] = ['create', 'write']

function legacyScopeFencing(store: Store): boolean {
    if (!store.hasTable('sys_properties')) return true
    const row = store.get<{ value: string | null }>(`SELECT value FROM ${store.sqlTable('sys_properties')} WHERE name = ? LIMIT 1`, [LEGACY_PROPERTY])
    return row === undefined || row.value !== 'false'
}

/** The dictionary defaults of the Application Access flags (sys_db_object.now.ts). */
const FLAG_DEFAULT: Record<AclOperation, boolean> = { read: true, create: false, write: false, delete: false }

function privilegeAllowed(store: Store, callerScope: string, table: string, operation: AclOperation): boolean {
    if (!store.hasTable('sys_scope_privilege')) return false
    const rows = store.all<Row>(`SELECT * FROM ${store.sqlTable('sys_scope_privilege')} WHERE target_name = ? AND operation = ? AND status = 'allowed'`, [table, operation])
    return rows.some((r) => scopeOfApp(store, r.source_scope) === callerScope || r.source_scope === callerScope)
}

function checkRuntimeAccessTracking(store: Store, callerScope: string): void {
    if (!store.hasTable('sys_app')) return
    const app = store.get<{ runtime_access_tracking: string | null }>(`SELECT runtime_access_tracking FROM ${store.sqlTable('sys_app')} WHERE scope = ? LIMIT 1`, [callerScope])
    const tracking = app?.runtime_access_tracking ?? ''
    if (tracking !== '' && tracking !== 'none' && tracking !== 'permissive') notEmulated(`runtime access tracking '${tracking}' of ${callerScope}`)
}

export function crossScopeRefusal(store: Store, operation: AclOperation, table: string, callerScope: string): string | null {
    if (callerScope === 'global' || !store.hasTable('sys_db_object')) return null
    const record = tableRecord(store, table)
    const owner = tableScope(store, table, record)
    if (owner === callerScope) return null
    checkRuntimeAccessTracking(store, callerScope)
    const message = SECURITY_MESSAGES.crossScopeRefused.text(VERB[operation], table, callerScope)
    if (!record) return null
    if ((record.access ?? 'public') !== 'public') return message
    const flagged = flag(record[FLAG[operation]]) ?? FLAG_DEFAULT[operation]
    if (!flagged && !(LEGACY_OPERATIONS.includes(operation) && legacyScopeFencing(store) && (flag(record.read_access) ?? FLAG_DEFAULT.read))) return message
    if (record.caller_access === '2') {
        if (!privilegeAllowed(store, callerScope, table, operation)) return message
    }
    return null
}

/** The records a decision is read from; a change to any of them invalidates the cached decisions. */
const POLICY_TABLES = ['sys_db_object', 'sys_app', 'sys_scope_privilege', 'sys_properties']

export function createTableAccessPolicy(store: Store): TableAccessPolicy {
    // Decisions are cached per operation, table and scope, as the platform caches table policies:
    // the app touches the same few tables on every request.
    let decisions = new Map<string, string | null>()
    let decidedAt = ''
    return (operation, table, callerScope) => {
        if (callerScope === 'global') return
        const versions = POLICY_TABLES.map((name) => (store.hasTable(name) ? store.version(name) : -1)).join('.')
        if (versions !== decidedAt) {
            decisions = new Map()
            decidedAt = versions
        }
        const key = operation + '|' + table + '|' + callerScope
        let refusal = decisions.get(key)
        if (refusal === undefined) {
            refusal = crossScopeRefusal(store, operation, table, callerScope)
            decisions.set(key, refusal)
        }
        if (refusal) {
            writeLog('error', refusal)
            throw new Error(refusal)
        }
    }
}
