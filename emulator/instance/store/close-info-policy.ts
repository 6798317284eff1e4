/**
 * Resolution information the platform makes mandatory out of the box when a ticket is resolved or closed:
 *
 *   incident (and tables extending it)         Resolution code (close_code) and Resolution notes (close_notes)
 *                                              when State is Resolved (6) or Closed (7): the data policy
 *                                              "Make close info mandatory when resolved or closed"
 *   change_request (and tables extending it)   Close code and Close notes when State is Closed (3), on the form
 *
 *   closeInfoPolicy(store, table) → the policy of the table, or null
 *   mandatoryCloseFields(store, table, state) → the fields the policy makes mandatory in that state
 *   dataPolicyException(store, table, valueOf) → the refusal of a write leaving such a field empty, or null
 *   isDataPolicyException(message) → whether a write's error message is such a refusal
 *
 * The form (ui/form.ts) marks the fields mandatory and refuses a save that leaves one empty, keeping the user's
 * input. Only the incident rule is a data policy, which the platform applies to every GlideRecord insert and update
 * ("Data policy": "applied to all GlideRecord operations including those used in Scripted REST APIs, and the REST
 * Table API"): GlideRecord's write order runs it as the data policy engine (glide/record/write-order.ts), unless
 * setWorkflow(false); the Table API (http/table-api.ts) answers its refusal with 403. The change request's rule on other
 * paths is the change model's ("Change Model: Check State Transition"), which the local instance does not emulate.
 * Sources and what is not emulated: FIDELITY.md, sections UI and Table API.
 */
import type { Store } from './store.ts'

export interface CloseInfoPolicy {
    /** The table the policy is defined on. */
    table: string
    /** The states (choice values of `state`) in which the fields are mandatory. */
    states: string[]
    fields: string[]
    /** A data policy (sys_data_policy2): enforced on web service writes too, not only on the form. */
    dataPolicy: boolean
}

const CLOSE_FIELDS = ['close_code', 'close_notes']

const POLICIES: CloseInfoPolicy[] = [
    { table: 'incident', states: ['6', '7'], fields: CLOSE_FIELDS, dataPolicy: true },
    { table: 'change_request', states: ['3'], fields: CLOSE_FIELDS, dataPolicy: false },
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

/**
 * The data policy's refusal of a record whose values (valueOf: the value the write would store) leave a mandatory
 * field empty, as instances word it: "Data Policy Exception: \n\tThe following fields are mandatory: <labels>",
 * naming only the empty fields by their labels on the record's table. Null when the write may go ahead.
 */
const DATA_POLICY_EXCEPTION = 'Data Policy Exception: '

export function dataPolicyException(store: Store, table: string, valueOf: (field: string) => string | null): string | null {
    if (!closeInfoPolicy(store, table)?.dataPolicy) return null
    const missing = mandatoryCloseFields(store, table, valueOf('state')).filter((field) => !(valueOf(field) ?? '').trim())
    if (missing.length === 0) return null
    return `${DATA_POLICY_EXCEPTION}\n\tThe following fields are mandatory: ${missing.map((field) => store.column(table, field)?.label ?? field).join(', ')}`
}

export function isDataPolicyException(message: string): boolean {
    return message.startsWith(DATA_POLICY_EXCEPTION)
}
