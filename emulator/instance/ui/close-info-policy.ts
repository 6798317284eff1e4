/**
 * Resolution information the platform makes mandatory out of the box when a ticket is resolved or closed:
 *
 *   incident (and tables extending it)         Resolution code (close_code) and Resolution notes (close_notes)
 *                                              when State is Resolved (6) or Closed (7): the data policy
 *                                              "Make close info mandatory when resolved or closed"
 *   change_request (and tables extending it)   Close code and Close notes when State is Closed (3)
 *
 *   closeInfoPolicy(store, table) → the policy of the table, or null
 *   mandatoryCloseFields(store, table, state) → the fields the policy makes mandatory in that state
 *
 * The form (ui/form.ts) marks them mandatory and refuses a save that leaves one empty, keeping the user's input;
 * the sources and what is not emulated (the data policy on other write paths) are in FIDELITY.md, section UI.
 */
import type { Store } from '../store/store.ts'

export interface CloseInfoPolicy {
    /** The table the policy is defined on. */
    table: string
    /** The states (choice values of `state`) in which the fields are mandatory. */
    states: string[]
    fields: string[]
}

const CLOSE_FIELDS = ['close_code', 'close_notes']

const POLICIES: CloseInfoPolicy[] = [
    { table: 'incident', states: ['6', '7'], fields: CLOSE_FIELDS },
    { table: 'change_request', states: ['3'], fields: CLOSE_FIELDS },
]

export function closeInfoPolicy(store: Store, table: string): CloseInfoPolicy | null {
    if (!store.hasTable(table)) return null
    return POLICIES.find((policy) => store.hasTable(policy.table) && store.isA(table, policy.table)) ?? null
}

export function mandatoryCloseFields(store: Store, table: string, state: string | null): string[] {
    const policy = closeInfoPolicy(store, table)
    if (!policy || state === null || !policy.states.includes(state)) return []
    return policy.fields.filter((field) => store.column(table, field))
}
