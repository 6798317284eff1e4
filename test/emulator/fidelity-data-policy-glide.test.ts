// Register rows of "Glide API" on the incident data policy "Make close info mandatory when resolved or closed" in
// GlideRecord writes ("Data policy": "applied to all GlideRecord operations including those used in Scripted REST
// APIs, and the REST Table API"): the data policy engine runs between the before business rules ordered below 1000
// and those ordered 1000 or more ("Execution order of scripts and engines") and refuses an insert or update that would store an incident Resolved (6) or Closed (7)
// without Resolution code or Resolution notes: insert() / update() give null, nothing is written, and the error
// message is "Data Policy Exception: …" (getLastErrorMessage, the session's error messages, the log), as instances
// report it (KB0727701: "Background message, type:error, message: Data Policy Exception: \n\tThe following fields
// are mandatory: …"). setWorkflow(false) turns the engines off with the business rules.
import { GlideRecord } from '../../emulator/instance/glide/index.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'
import { ScriptHost } from '../../emulator/instance/scripts/sandbox.ts'

const RESOLVED = '6'
const CLOSED = '7'
const BOTH_MISSING = 'Data Policy Exception: \n\tThe following fields are mandatory: Resolution code, Resolution notes'

let runtime: Runtime

beforeEach(() => {
    runtime = createRuntime({ dbPath: ':memory:' }).activate()
})
afterEach(() => runtime.close())

function newIncident(values: Record<string, string> = {}): string {
    const gr = new GlideRecord('incident')
    gr.initialize()
    gr.setValue('short_description', 'data policy')
    for (const [field, value] of Object.entries(values)) gr.setValue(field, value)
    const id = gr.insert()
    if (id === null) throw new Error(gr.getLastErrorMessage())
    return id
}

function stored(sysId: string): Record<string, string | null> | undefined {
    return runtime.store.getRow('incident', sysId)
}

/** A before business rule on incident updates, installed before the script host loads the rules. */
function beforeUpdateRule(script: string, fields: Record<string, string> = {}): void {
    const values = { name: 'test rule', collection: 'incident', when: 'before', action_update: 'true', active: 'true', order: '100', script, ...fields }
    const written = runtime.store.insert('sys_script', values, { userName: 'admin', sysId: null })
    if ('error' in written && written.error !== undefined) throw new Error(String(written.error))
}

describe('the incident data policy on GlideRecord writes', () => {
    it('update() to Resolved without resolution code and notes gives null, writes nothing and reports the Data Policy Exception', () => {
        const id = newIncident()
        const before = stored(id)!
        const gr = new GlideRecord('incident')
        gr.get(id)
        gr.setValue('state', RESOLVED)
        expect(gr.update()).toBeNull()
        expect(gr.getLastErrorMessage()).toBe(BOTH_MISSING)
        expect(runtime.session.errorMessages).toContain(BOTH_MISSING)
        expect(runtime.store.select('syslog', { blocks: [], orderBy: [] }).map((row) => row.message)).toContain(BOTH_MISSING)
        expect(stored(id)).toMatchObject({ state: before.state, sys_mod_count: before.sys_mod_count })
    })

    it('insert() of a closed incident without them gives null and creates nothing; the message names only the empty field', () => {
        const count = runtime.store.select('incident', { blocks: [], orderBy: [] }).length
        const gr = new GlideRecord('incident')
        gr.initialize()
        gr.setValue('short_description', 'closed at birth')
        gr.setValue('state', CLOSED)
        gr.setValue('close_code', 'Solution provided')
        expect(gr.insert()).toBeNull()
        expect(gr.getLastErrorMessage()).toBe('Data Policy Exception: \n\tThe following fields are mandatory: Resolution notes')
        expect(runtime.store.select('incident', { blocks: [], orderBy: [] })).toHaveLength(count)
    })

    it('lets a resolve with both through, and a later close relying on the stored code and notes', () => {
        const id = newIncident()
        const gr = new GlideRecord('incident')
        gr.get(id)
        gr.setValue('state', RESOLVED)
        gr.setValue('close_code', 'Solution provided')
        gr.setValue('close_notes', 'Restarted the service')
        expect(gr.update()).toBe(id)
        gr.setValue('state', CLOSED)
        expect(gr.update()).toBe(id)
        expect(stored(id)).toMatchObject({ state: CLOSED, close_code: 'Solution provided', close_notes: 'Restarted the service' })
    })

    it('notes of only white space count as empty', () => {
        const id = newIncident()
        const gr = new GlideRecord('incident')
        gr.get(id)
        gr.setValue('state', RESOLVED)
        gr.setValue('close_code', 'Solution provided')
        gr.setValue('close_notes', '   ')
        expect(gr.update()).toBeNull()
        expect(gr.getLastErrorMessage()).toBe('Data Policy Exception: \n\tThe following fields are mandatory: Resolution notes')
    })

    it('setWorkflow(false) turns the engine off: the write goes through without them', () => {
        const id = newIncident()
        const gr = new GlideRecord('incident')
        gr.get(id)
        gr.setValue('state', RESOLVED)
        gr.setWorkflow(false)
        expect(gr.update()).toBe(id)
        expect(stored(id)).toMatchObject({ state: RESOLVED, close_code: null })
        expect(runtime.session.errorMessages).toEqual([])
    })

    it('runs after the before business rules below 1000: a rule (order 100) filling code and notes lets the resolve through', () => {
        beforeUpdateRule("if (current.getValue('state') == '6') { current.setValue('close_code', 'Solution provided'); current.setValue('close_notes', 'set by a rule') }")
        new ScriptHost(runtime)
        const id = newIncident()
        const gr = new GlideRecord('incident')
        gr.get(id)
        gr.setValue('state', RESOLVED)
        expect(gr.update()).toBe(id)
        expect(stored(id)).toMatchObject({ state: RESOLVED, close_notes: 'set by a rule' })
    })

    it('judges the record before the rules ordered 1000 or more: a rule at 999 filling code and notes rescues the resolve, one at 1000 does not', () => {
        const fill = "if (current.getValue('state') == '6') { current.setValue('close_code', 'Solution provided'); current.setValue('close_notes', 'set at order ' + current.getValue('short_description')) }"
        beforeUpdateRule(fill, { name: 'fills at 999', order: '999', condition: "current.getValue('short_description') == '999'" })
        beforeUpdateRule(fill, { name: 'fills at 1000', order: '1000', condition: "current.getValue('short_description') == '1000'" })
        new ScriptHost(runtime)
        for (const order of ['999', '1000']) {
            const gr = new GlideRecord('incident')
            gr.get(newIncident({ short_description: order }))
            gr.setValue('state', RESOLVED)
            const result = gr.update()
            expect({ order, result: result === null ? null : 'updated', message: gr.getLastErrorMessage() || null }).toEqual(
                order === '999' ? { order, result: 'updated', message: null } : { order, result: null, message: BOTH_MISSING },
            )
        }
    })

    it('a rule ordered 1000 or more runs after the engine judged the record: what it clears is stored', () => {
        beforeUpdateRule("current.setValue('close_notes', '')", { order: '1000' })
        new ScriptHost(runtime)
        const id = newIncident()
        const gr = new GlideRecord('incident')
        gr.get(id)
        gr.setValue('state', RESOLVED)
        gr.setValue('close_code', 'Solution provided')
        gr.setValue('close_notes', 'Restarted the service')
        expect(gr.update()).toBe(id)
        expect(stored(id)).toMatchObject({ state: RESOLVED, close_code: 'Solution provided', close_notes: null })
    })

    it('a before rule that aborts is reported as the abort, not as the data policy (the engine does not run)', () => {
        beforeUpdateRule('current.setAbortAction(true)')
        new ScriptHost(runtime)
        const id = newIncident()
        const gr = new GlideRecord('incident')
        gr.get(id)
        gr.setValue('state', RESOLVED)
        expect(gr.update()).toBeNull()
        expect(gr.getLastErrorMessage()).toBe('Invalid update')
    })

    it('applies to a server script run by the script host (Scripted REST resources and ATF server steps run there)', () => {
        const host = new ScriptHost(runtime)
        const id = newIncident()
        const result = host.runScript("var gr = new GlideRecord('incident'); gr.get(id); gr.setValue('state', '6'); return [gr.update(), gr.getLastErrorMessage()]", { id }, 'test script')
        expect(result).toEqual([null, BOTH_MISSING])
        expect(stored(id)!.state).not.toBe(RESOLVED)
    })

    it("does not apply to change_request: its close rule is the change model's, not a data policy (form only here)", () => {
        const gr = new GlideRecord('change_request')
        gr.initialize()
        gr.setValue('short_description', 'closed without close code')
        gr.setValue('state', '3')
        expect(gr.insert()).not.toBeNull()
    })
})
