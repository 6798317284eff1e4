/**
 * The order every GlideRecord write goes through, in one place:
 *
 *   1. ACL            GlideRecordSecure only: the record ACL for the operation (create / write / delete)
 *   2. cross-scope    the runtime's table policy for the caller's scope (throws with the platform's message)
 *   3. before rules   the table's before business rules ordered below 1000
 *   4. engines        the before engines the local instance emulates: the data policy engine (insert and update,
 *                     store/close-info-policy.ts), unless a rule aborted; a refusal stops the write with its message
 *   5. before rules   the table's before business rules ordered 1000 or more; setAbortAction(true) in any before
 *                     rule stops the write here, after every before rule ran
 *   6. store          the write itself (defaults, numbering, unique indexes, write rules)
 *   7. after rules    the table's after business rules (not when an update had nothing to write)
 *
 *   performWrite(steps) → { done: true, result } | { done: false, message }   message null: refused silently
 *   checkWorkflowScope(table)   GlideRecord.setWorkflow() from a scope other than the table's (global excepted)
 *                               is logged and thrown with the platform's message (KB0820691)
 *
 * Source: "Business rules" (before rules run before the database write, after rules after it); "Execution order of
 * scripts and engines" (the before engines, among them the data policy engine, run between the before rules ordered
 * below 1000 and those ordered 1000 or more, so only a rule below 1000 can change what the engines judge); "Abort a
 * database action in a before business rule" (after setAbortAction(true) "all subsequent business rules will execute
 * normally. Calling this method only prevents the database action from occurring"); GlideRecordSecure
 * ("Using GlideRecordSecure": ACLs checked on every operation); cross-scope access ("Application access").
 */
import { SECURITY_MESSAGES } from '../../messages.ts'
import { tableScope } from '../../security/cross-scope.ts'
import { writeLog } from '../gs.ts'
import type { AclOperation, RuleOrders } from '../session.ts'
import { host } from '../session.ts'

export interface WriteSteps<R> {
    table: string
    operation: AclOperation
    /** GlideRecordSecure: the ACL is checked first. */
    secure: boolean
    allowed(): boolean
    /** The message when the ACL refuses, or null when the platform refuses silently (deleteRecord → false). */
    refusedMessage: string | null
    /**
     * Runs the before or after business rules (the before ones in two bands of order); false when a before rule
     * aborted the action (in either band: the abort of a rule below 1000 holds through the rules from 1000).
     */
    rules(when: 'before' | 'after', orders?: RuleOrders): boolean
    abortedMessage: string | null
    /** The before engines (skipped by the caller when setWorkflow(false)): the refusal's message, or null to go on. */
    engines?(): string | null
    /** The write, or the error that prevented it; `unchanged` (an update with nothing to write) skips after rules. */
    write(): { result: R; unchanged?: boolean } | { error: string | null }
}

export type WriteOutcome<R> = { done: true; result: R } | { done: false; message: string | null }

export function performWrite<R>(steps: WriteSteps<R>): WriteOutcome<R> {
    if (steps.secure && !steps.allowed()) return { done: false, message: steps.refusedMessage }
    host().checkTableAccess?.(steps.operation, steps.table)
    const abortedBelow1000 = !steps.rules('before', 'below 1000')
    // An aborted write is not judged by the engines (local choice: the abort is what the caller is told).
    const refusal = abortedBelow1000 ? null : (steps.engines?.() ?? null)
    if (refusal !== null) return { done: false, message: refusal }
    // After setAbortAction(true) "all subsequent business rules will execute normally": the rules from 1000 run either way.
    if (!steps.rules('before', 'from 1000')) return { done: false, message: steps.abortedMessage }
    const written = steps.write()
    if ('error' in written) return { done: false, message: written.error }
    if (!written.unchanged) steps.rules('after')
    return { done: true, result: written.result }
}

/** setWorkflow() turns business rules off, so only code of the table's own scope (or global) may call it. */
export function checkWorkflowScope(table: string): void {
    const caller = host().callerScope()
    if (caller === 'global' || caller === tableScope(host().store, table)) return
    const message = SECURITY_MESSAGES.setWorkflowRefused.text(caller)
    writeLog('error', message)
    throw new Error(message)
}
