// Conformance of the field history row of FIDELITY.md ("Records and writes", sys_audit): an update of a
// task-hierarchy record adds one sys_audit row per changed field, after the task rules (so the priority they derive
// is audited), never for a system field; a table outside the task hierarchy is not audited, even on update.
import { GlideRecord } from '../../emulator/instance/glide/index.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'
import { fieldChanges } from '../../emulator/instance/store/audit.ts'
import { everyRow } from '../support/api-paths.ts'

let runtime: Runtime
beforeEach(() => {
    runtime = createRuntime().activate()
})
afterEach(() => {
    runtime.close()
})

function newIncident(): GlideRecord {
    const gr = new GlideRecord('incident')
    gr.initialize()
    gr.setValue('short_description', 'audited')
    gr.setValue('impact', '3')
    gr.setValue('urgency', '3')
    gr.insert()
    return gr
}

describe('field history (sys_audit)', () => {
    it('audits the priority the task rules derive from impact and urgency, and no system field', () => {
        const gr = newIncident()
        const priorityBefore = gr.getValue('priority')
        runtime.store.update('incident', gr.getUniqueValue(), { impact: '1', urgency: '1' }, 'itil.user')
        const changes = fieldChanges(runtime.store, gr.getUniqueValue()).filter((c) => c.user === 'itil.user')
        expect(changes.find((c) => c.field === 'priority')).toMatchObject({ oldValue: priorityBefore, newValue: '1', user: 'itil.user' })
        expect(changes.map((c) => c.field).sort()).toEqual(['impact', 'priority', 'urgency'])
        expect(changes.filter((c) => c.field.startsWith('sys_'))).toEqual([])
    })

    it('does not audit an update of a table outside the task hierarchy', () => {
        const userId = runtime.createUser({ user_name: 'audited.not', roles: [] })
        runtime.store.update('sys_user', userId, { first_name: 'Renamed' }, 'admin')
        expect(runtime.store.getRow('sys_user', userId)!.first_name).toBe('Renamed')
        expect(runtime.store.count('sys_audit', everyRow())).toBe(0)
    })
})
