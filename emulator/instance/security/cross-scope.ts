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
 *   - Caller Access (caller_access, sys_db_object.now.ts choices '1' Caller Tracking, '2' Caller Restriction) is
 *     decided by Restricted Caller Access records (sys_restricted_caller_access) kept in the table's scope, for
 *     the caller scope, the operation and the table (Target Type Table) or the table's whole scope (Scope) —
 *     "Define cross-scope access to an application resource": with Caller Restriction a call without an Allowed
 *     record is refused and, when there is no record yet, creates one with status Requested for an admin to set
 *     to Allowed or Denied; with Caller Tracking the call is allowed and tracked by a record with status Allowed.
 *     An Allowed record never overrides a flag that forbids the operation. The local instance attributes every
 *     call to the caller's scope (Source Type Scope): records naming a source script, and requested RCAs kept in
 *     another scope than their target's, are refused as not emulated;
 *   - the caller's Runtime access tracking (sys_app.runtime_access_tracking) of none or 'permissive' adds no
 *     check ("Runtime access tracking": the operation runs as long as the table-level settings allow it);
 *     any other value (enforcing privileges) is refused as not emulated.
 * A refusal throws an Error whose message is exactly the platform's, and is logged (syslog, error).
 */
import { notEmulated, SECURITY_MESSAGES } from '../messages.ts'
import type { AclOperation, TableAccessPolicy } from './subjects.ts'
import { appByScope, propertyRecord, restrictedCallerRecords, tableRecord, writeSyslog } from '../store/lookups.ts'
import type { Row, Store } from '../store/store.ts'

const FLAG: Record<AclOperation, string> = { read: 'read_access', create: 'create_access', write: 'update_access', delete: 'delete_access' }
const VERB: Record<AclOperation, 'Read' | 'Create' | 'Write' | 'Delete'> = { read: 'Read', create: 'Create', write: 'Write', delete: 'Delete' }

function flag(v: string | null | undefined): boolean | null {
    if (v === null || v === undefined || v === '') return null
    return v === 'true' || v === '1'
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
    const row = propertyRecord(store, LEGACY_PROPERTY)
    return row === undefined || row.value !== 'false'
}

/** The dictionary defaults of the Application Access flags (sys_db_object.now.ts). */
const FLAG_DEFAULT: Record<AclOperation, boolean> = { read: true, create: false, write: false, delete: false }

/** The scope-level (sys_scope) value a sys_db_object record's scope is stored as: the app's sys_id, or 'global'. */
function scopeId(store: Store, scope: string): string | null {
    if (scope === 'global') return 'global'
    const app = appByScope(store, scope)
    return app?.sys_id ?? null
}

const RESTRICTED_CALLER_ACCESS = 'sys_restricted_caller_access'
const CALLER_TRACKING = '1'
const CALLER_RESTRICTION = '2'

/**
 * Caller Tracking / Caller Restriction of a table, for one operation by one caller scope: null when the call may
 * run, else the status that keeps it out ('requested' for a record created by this call).
 */
function restrictedCallerStatus(store: Store, record: Row, operation: AclOperation, callerScope: string, ownerScope: string): string | null {
    const table = record.name!
    const target = scopeId(store, ownerScope) ?? ownerScope
    const source = scopeId(store, callerScope) ?? callerScope
    const candidates = restrictedCallerRecords(store, source, target, operation).filter((r) => (r.target_type === 'table' && r.target_table === table) || r.target_type === 'scope')
    if (candidates.some((r) => r.source || (r.source_type && r.source_type !== 'scope'))) notEmulated(`restricted caller access records naming a source script (${table}, ${operation} from ${callerScope})`)
    if (candidates.some((r) => r.sys_scope !== target)) notEmulated(`requested restricted caller access records kept outside their target scope (${table}, ${operation} from ${callerScope})`)
    if (candidates.some((r) => r.status === 'allowed')) return null
    const tracking = record.caller_access === CALLER_TRACKING
    if (candidates.length > 0) {
        if (tracking) notEmulated(`Caller Tracking with a restricted caller access record of status '${candidates[0].status}' (${table}, ${operation} from ${callerScope})`)
        return candidates[0].status ?? ''
    }
    store.insert(
        RESTRICTED_CALLER_ACCESS,
        { source_scope: source, source_type: 'scope', target_scope: target, target_type: 'table', target_table: table, target: record.sys_id!, operation, status: tracking ? 'allowed' : 'requested', sys_scope: target },
        'system',
    )
    return tracking ? null : 'requested'
}

function checkRuntimeAccessTracking(store: Store, callerScope: string): void {
    if (!store.hasTable('sys_app')) return
    const app = appByScope(store, callerScope)
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
    if (record.caller_access === CALLER_TRACKING || record.caller_access === CALLER_RESTRICTION) {
        const status = restrictedCallerStatus(store, record, operation, callerScope, owner)
        if (status !== null) return SECURITY_MESSAGES.callerRestricted.text(VERB[operation], table, callerScope, status)
    }
    return null
}

/** The records a decision is read from; a change to any of them invalidates the cached decisions. */
const POLICY_TABLES = ['sys_db_object', 'sys_app', RESTRICTED_CALLER_ACCESS, 'sys_properties']

export function createTableAccessPolicy(store: Store): TableAccessPolicy {
    // Decisions are cached per operation, table and scope, as the platform caches table policies:
    // the app touches the same few tables on every request.
    let decisions = new Map<string, string | null>()
    let decidedAt = ''
    return (operation, table, callerScope, actor) => {
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
            writeSyslog(store, 'error', refusal, callerScope, actor)
            throw new Error(refusal)
        }
    }
}
