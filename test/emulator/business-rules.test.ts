// Conformance of the business-rule runner (scripts/sandbox.ts, scripts/business-rule-filter.ts) with "Create a
// business rule" (Filter Conditions, Role Conditions, Condition, Add message, Abort action) and "Operators
// available for filters and queries" (VALCHANGES, CHANGESFROM, CHANGESTO). Each test installs its own sys_script rows.
import { GlideRecord } from '../../emulator/instance/glide/index.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'
import { ScriptHost } from '../../emulator/instance/scripts/sandbox.ts'

let runtime: Runtime

beforeEach(() => {
    runtime = createRuntime({ dbPath: ':memory:' }).activate()
})
afterEach(() => runtime.close())

/** A before-update rule on incident that writes a marker into the incident's description when it runs. */
function rule(fields: Record<string, string>): void {
    const values = { name: 'test rule', collection: 'incident', when: 'before', action_update: 'true', active: 'true', order: '100', script: "current.setValue('description', 'rule ran')", ...fields }
    const written = runtime.store.insert('sys_script', values, { userName: 'admin', sysId: null })
    if ('error' in written && written.error !== undefined) throw new Error(String(written.error))
}

function newIncident(values: Record<string, string>): string {
    const gr = new GlideRecord('incident')
    gr.initialize()
    for (const [field, value] of Object.entries(values)) gr.setValue(field, value)
    return gr.insert()!
}

/** Updates the incident with the values; returns what update() gave and the stored description. */
function update(sysId: string, values: Record<string, string>): { updated: boolean; description: string | null } {
    const gr = new GlideRecord('incident')
    gr.get(sysId)
    for (const [field, value] of Object.entries(values)) gr.setValue(field, value)
    const updated = gr.update() !== null
    const read = new GlideRecord('incident')
    read.get(sysId)
    return { updated, description: read.getValue('description') }
}

describe('Filter Conditions (filter_condition)', () => {
    it('VALCHANGES: the rule runs only on an update that changes the field', () => {
        rule({ filter_condition: 'categoryVALCHANGES' })
        new ScriptHost(runtime)
        const id = newIncident({ short_description: 'a', category: 'network' })
        expect(update(id, { short_description: 'b' }).description).toBeNull()
        expect(update(id, { category: 'software' }).description).toBe('rule ran')
    })

    it('^OR: the rule runs when any of the alternatives holds', () => {
        rule({ filter_condition: 'categoryVALCHANGES^ORimpactVALCHANGES' })
        new ScriptHost(runtime)
        const id = newIncident({ short_description: 'a', category: 'network', impact: '3' })
        expect(update(id, { short_description: 'b' }).description).toBeNull()
        expect(update(id, { impact: '2' }).description).toBe('rule ran')
    })

    it('CHANGESFROM and CHANGESTO compare the value before and after the update', () => {
        rule({ filter_condition: 'categoryCHANGESFROMnetwork^categoryCHANGESTOsoftware' })
        new ScriptHost(runtime)
        const first = newIncident({ short_description: 'a', category: 'network' })
        expect(update(first, { category: 'hardware' }).description).toBeNull()
        const second = newIncident({ short_description: 'b', category: 'network' })
        expect(update(second, { category: 'software' }).description).toBe('rule ran')
    })

    it('^NQ: the rule runs when any of the queries holds', () => {
        rule({ filter_condition: 'categoryCHANGESTOsoftware^NQimpactCHANGESTO1' })
        new ScriptHost(runtime)
        const id = newIncident({ short_description: 'a', category: 'network', impact: '3' })
        expect(update(id, { category: 'hardware' }).description).toBeNull()
        expect(update(id, { impact: '1' }).description).toBe('rule ran')
    })

    it('= compares the value case-sensitively ("Filters based on string compares are case-sensitive")', () => {
        rule({ filter_condition: 'short_description=Printer' })
        new ScriptHost(runtime)
        const lower = newIncident({ short_description: 'printer' })
        expect(update(lower, { impact: '2' }).description).toBeNull()
        const exact = newIncident({ short_description: 'Printer' })
        expect(update(exact, { impact: '2' }).description).toBe('rule ran')
    })

    it('runs only when the Condition script holds as well (both are evaluated)', () => {
        rule({ filter_condition: 'categoryVALCHANGES', condition: "current.getValue('impact') == '1'" })
        new ScriptHost(runtime)
        const id = newIncident({ short_description: 'a', category: 'network', impact: '3' })
        expect(update(id, { category: 'software' }).description).toBeNull()
        expect(update(id, { category: 'hardware', impact: '1' }).description).toBe('rule ran')
    })

    it('refuses an operator it does not emulate, naming the rule', () => {
        rule({ filter_condition: 'short_descriptionLIKEvpn' })
        new ScriptHost(runtime)
        const id = newIncident({ short_description: 'a' })
        expect(() => update(id, { impact: '2' })).toThrow("not emulated by the local instance: the business rule filter condition 'short_descriptionLIKEvpn' (rule 'test rule')")
    })
})

describe('Role Conditions (role_conditions)', () => {
    it('runs the rule only for a user who has one of the roles', () => {
        rule({ role_conditions: 'itil,x_test.manager' })
        new ScriptHost(runtime)
        runtime.createUser({ user_name: 'plain', roles: [] })
        runtime.createUser({ user_name: 'manager', roles: ['x_test.manager'] })
        const id = newIncident({ short_description: 'a' })
        expect(runtime.runAs('plain', () => update(id, { impact: '2' })).description).toBeNull()
        expect(runtime.runAs('manager', () => update(id, { impact: '1' })).description).toBe('rule ran')
    })
})

describe('Actions: Abort action and Add message', () => {
    it('Abort action aborts the write without running the script, and Add message shows its message', () => {
        rule({ filter_condition: 'categoryVALCHANGES', abort_action: 'true', add_message: 'true', message: 'The category is fixed' })
        new ScriptHost(runtime)
        const id = newIncident({ short_description: 'a', category: 'network' })
        expect(update(id, { category: 'software' })).toEqual({ updated: false, description: null })
        const read = new GlideRecord('incident')
        read.get(id)
        expect(read.getValue('category')).toBe('network')
        expect(runtime.session.infoMessages).toContain('The category is fixed')
    })

    it('Add message without Abort action shows the message and lets the write and the script run', () => {
        rule({ add_message: 'true', message: 'Checked' })
        new ScriptHost(runtime)
        const id = newIncident({ short_description: 'a' })
        expect(update(id, { impact: '2' })).toEqual({ updated: true, description: 'rule ran' })
        expect(runtime.session.infoMessages).toContain('Checked')
    })
})

describe('rules the local instance does not run are refused when the app loads, naming the rule', () => {
    it.each([
        [{ when: 'async' }, "business rule 'test rule' on incident: when=async"],
        [{ when: 'async_deprecated' }, "business rule 'test rule' on incident: when=async_deprecated"],
        [{ when: 'display' }, "business rule 'test rule' on incident: when=display"],
        [{ action_query: 'true' }, "business rule 'test rule' on incident: a query business rule"],
        [{ template: 'impact=1' }, "business rule 'test rule' on incident: the Set field values action"],
        [{ when: 'after', abort_action: 'true' }, "business rule 'test rule' on incident: Abort action on an after rule"],
        [{ is_rest: 'true' }, "business rule 'test rule' on incident: an outbound REST business rule"],
    ])('%j', (fields, message) => {
        rule(fields)
        expect(() => new ScriptHost(runtime)).toThrow('not emulated by the local instance: ' + message)
    })

    it('an inactive rule is not read at all', () => {
        rule({ when: 'async', active: 'false' })
        expect(() => new ScriptHost(runtime)).not.toThrow()
    })
})

describe('setWorkflow across scopes (KB0820691)', () => {
    const REFUSED = "Access to api 'setWorkflow' from scope 'x_other_app' has been refused due to the api's cross-scope access policy"

    it("refuses setWorkflow() from a scope other than the table's, logging and throwing the platform's message", () => {
        const gr = new GlideRecord('incident')
        expect(() => runtime.runInScope('x_other_app', () => gr.setWorkflow(false))).toThrow(REFUSED)
        const logged = runtime.store.select('syslog', { blocks: [], orderBy: [] }).map((row) => row.message)
        expect(logged).toContain(REFUSED)
    })

    it("allows it from global code and from the table's own scope, where it turns the business rules off", () => {
        rule({})
        new ScriptHost(runtime)
        const id = newIncident({ short_description: 'a' })
        const gr = new GlideRecord('incident')
        gr.get(id)
        runtime.runInScope('global', () => gr.setWorkflow(false))
        gr.setValue('impact', '2')
        gr.update()
        const read = new GlideRecord('incident')
        read.get(id)
        expect(read.getValue('description')).toBeNull()
        expect(() => runtime.runInScope('x_mioms_m365ticket', () => new GlideRecord('x_mioms_m365ticket_incident').setWorkflow(false))).not.toThrow()
    })
})

// "Business rules": in an after rule, current holds the record as written and changes() / changesFrom() /
// changesTo() answer for the write that triggered the rule (the platform's after rules rely on them).
describe('changes() in after rules', () => {
    it('answers for the update or insert just written, and for nothing once the write is over', () => {
        rule({
            name: 'after rule reading changes()',
            when: 'after',
            action_insert: 'true',
            action_update: 'true',
            script: "gs.info('after: state changes ' + current.state.changes() + ', from 1 ' + current.state.changesFrom(1) + ', to 2 ' + current.state.changesTo(2) + ', impact changes ' + current.impact.changes())",
        })
        new ScriptHost(runtime)
        const sysId = newIncident({ short_description: 'watched', state: '1' })
        const gr = new GlideRecord('incident')
        gr.get(sysId)
        gr.setValue('state', '2')
        gr.update()
        expect(gr.state.changes()).toBe(false)
        const logged = runtime.store.select('syslog', { blocks: [[[{ field: 'message', op: 'STARTSWITH', value: 'after:' }]]], orderBy: [{ field: 'sys_created_on', desc: false }] }).map((r) => r.message)
        expect(logged).toEqual(['after: state changes true, from 1 false, to 2 false, impact changes true', 'after: state changes true, from 1 true, to 2 true, impact changes false'])
    })
})
