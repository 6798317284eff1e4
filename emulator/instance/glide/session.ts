/**
 * The one piece of module-level state: the runtime the Glide API runs against ("the instance" and its
 * current session). runtime.ts implements GlideHost and activates it; the Glide classes call host().
 *
 *   setActiveHost(host | null) / host()
 */
import type { AclOperation, SessionUser } from '../security/subjects.ts'
import type { Store } from '../store/store.ts'

export type { AclOperation, SessionUser }

export interface SessionState {
    errorMessages: string[]
    infoMessages: string[]
}

export interface GlideHost {
    readonly store: Store
    readonly scope: string
    /** glide.servlet.uri as the platform computes it: the URL the instance serves, once it listens (else null). */
    readonly instanceUrl: string | null
    /** The application scope of the code running now ('global' outside app scripts). */
    callerScope(): string
    /** The user the current code runs as; null is the system (scheduled jobs, seeding). */
    currentUser(): SessionUser | null
    readonly session: SessionState
    /**
     * Per-runtime memory of the Glide layer: caches of table reads, each keyed by the store versions it was
     * read at, and the entries of the applications' scoped caches (sn_scoped_cache).
     */
    readonly cache: Map<string, unknown>
    /** ACL hook: whether the current user may perform `operation` on the table (record when known). */
    canAccess(operation: AclOperation, table: string, record?: { sys_id: string | null }): boolean
    /**
     * Cross-scope table policy: throws (with the platform's message) when the code running now, in its
     * application scope, may not perform `operation` on the table. Called by every GlideRecord data access.
     */
    checkTableAccess?(operation: AclOperation, table: string): void
    /**
     * Runs the business rules (sys_script) of the record's table for a write; the script host installs it. `orders`
     * runs only the rules ordered below 1000 or from 1000 ("Execution order of scripts and engines": the before
     * engines run between the two); without it, every rule of that `when` runs.
     */
    runBusinessRules?(when: 'before' | 'after', action: 'insert' | 'update' | 'delete', current: unknown, previous: unknown, orders?: RuleOrders): void
}

/** The two bands of business rule order the platform runs the before engines between. */
export type RuleOrders = 'below 1000' | 'from 1000'

let active: GlideHost | null = null

export function setActiveHost(next: GlideHost | null): void {
    active = next
}

export function host(): GlideHost {
    if (!active) throw new Error('No active runtime: call createRuntime().activate() before using the Glide API')
    return active
}

/** user_name for sys_created_by / sys_updated_by. */
export function actorName(): string {
    return host().currentUser()?.userName ?? 'system'
}
