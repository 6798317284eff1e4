// Register rows of "Records and writes" whose named tests asserted less than the row: each test here asserts the
// part the others left out (system fields on update, a field set as a property, the change close codes).
import { GlideRecord } from '../../emulator/instance/glide/index.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'

let runtime: Runtime
beforeAll(() => {
    runtime = createRuntime().activate()
})
afterAll(() => runtime.close())

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/

// "Global default fields": Created by / Updated by are the users, Updates counts the updates since creation.
it('an update by another user sets sys_updated_by to their user name, counts sys_mod_count and keeps the created fields', () => {
    const creator = runtime.createUser({ user_name: 'fidelity.creator' })
    const updater = runtime.createUser({ user_name: 'fidelity.updater' })
    const sysId = runtime.runAs(creator, () => {
        const gr = new GlideRecord('incident')
        gr.initialize()
        gr.setValue('short_description', 'system fields')
        return gr.insert()
    })
    const created = new GlideRecord('incident')
    expect(created.get(sysId)).toBe(true)
    const createdOn = created.getValue('sys_created_on')
    for (const update of [1, 2]) {
        runtime.runAs(updater, () => {
            const gr = new GlideRecord('incident')
            gr.get(sysId)
            gr.setValue('short_description', `system fields ${update}`)
            gr.update()
        })
        const read = new GlideRecord('incident')
        read.get(sysId)
        expect([read.getValue('sys_created_by'), read.getValue('sys_updated_by'), read.getValue('sys_mod_count')]).toEqual(['fidelity.creator', 'fidelity.updater', String(update)])
        expect(read.getValue('sys_created_on')).toBe(createdOn)
        expect(read.getValue('sys_updated_on')).toMatch(TIMESTAMP)
    }
})

it('a field set as a property (gr.state = 3) is written as the string value, read back by getValue', () => {
    const gr = new GlideRecord('incident')
    gr.initialize()
    gr.state = 3
    expect(gr.getValue('state')).toBe('3')
    const sysId = gr.insert()
    const read = new GlideRecord('incident')
    read.get(sysId)
    expect(read.getValue('state')).toBe('3')
    expect(read.state.getDisplayValue()).toBe('On Hold')
})

// "Get and update change request details in Azure DevOps pipeline": "the choice list values for the Close code field
// are successful, successful_issues, and unsuccessful"; the labels: "Close a change request".
it('change_request.close_code has the choices successful, successful_issues and unsuccessful with their labels', () => {
    const choices = new GlideRecord('sys_choice')
    choices.addQuery('name', 'change_request')
    choices.addQuery('element', 'close_code')
    choices.orderBy('sequence')
    choices.query()
    const found: Array<[string | null, string | null]> = []
    while (choices.next()) found.push([choices.getValue('value'), choices.getValue('label')])
    expect(found).toEqual([
        ['successful', 'Successful'],
        ['successful_issues', 'Successful with issues'],
        ['unsuccessful', 'Unsuccessful'],
    ])
    const change = new GlideRecord('change_request')
    change.initialize()
    change.setValue('close_code', 'successful_issues')
    change.get(change.insert())
    expect(change.getDisplayValue('close_code')).toBe('Successful with issues')
})
