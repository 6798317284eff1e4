// The app's business rules run only when a field they care about changes (issue 18 §1): their built Filter
// Conditions name exactly the fields their scripts compare.
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'
import { PROTECTED_FIELDS } from '../../src/server/business-rules/protect-m365-fields.ts'
import { TRACKED_FIELDS } from '../../src/server/connector/activity-tables.ts'
import { everyRow } from '../support/api-paths.ts'

let runtime: Runtime

beforeAll(() => {
    runtime = createRuntime({ dbPath: ':memory:' })
})
afterAll(() => runtime.close())

/** The fields of a filter made only of `<field>VALCHANGES` alternatives, or null when it is anything else. */
function changedFields(filter: string | null): string[] | null {
    const alternatives = (filter ?? '').split('^OR')
    const fields = alternatives.map((condition) => /^([a-z0-9_]+)VALCHANGES$/.exec(condition)?.[1])
    return fields.every((field) => field !== undefined) ? (fields as string[]) : null
}

it.each([
    ['Protect Microsoft 365 fields', PROTECTED_FIELDS],
    ['Record ticket history', TRACKED_FIELDS],
])('%s runs on both ticket tables only when one of the fields its script compares changes', (name, fields) => {
    const rules = runtime.store.select('sys_script', everyRow()).filter((row) => row.name === name)
    expect(rules.map((row) => row.collection).sort()).toEqual(['x_mioms_m365ticket_change_request', 'x_mioms_m365ticket_incident'])
    for (const row of rules) expect(changedFields(row.filter_condition)).toEqual([...fields])
})
