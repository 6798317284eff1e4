// Register rows of "Schema" that named no test: each test here asserts its row whole.
import { GlideRecord } from '../../emulator/instance/glide/index.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'

let runtime: Runtime
beforeAll(() => {
    runtime = createRuntime().activate()
})
afterAll(() => runtime.close())

it('a new change request starts in New (-5), the dictionary override the SDK definitions lack ("State model and transitions")', () => {
    const change = new GlideRecord('change_request')
    change.initialize()
    change.setValue('short_description', 'starts new')
    const sysId = change.insert()
    expect(sysId).toBeTruthy()
    const read = new GlideRecord('change_request')
    expect(read.get(sysId)).toBe(true)
    expect([read.getValue('state'), read.getDisplayValue('state')]).toEqual(['-5', 'New'])
})

it('platform tables whose definition names no display column or label get one (local choice): sys_number shows its prefix, sys_user_role is labelled Role', () => {
    const number = new GlideRecord('sys_number')
    number.addQuery('prefix', 'CHG')
    number.query()
    expect(number.next()).toBe(true)
    expect(number.getDisplayValue()).toBe('CHG')
    expect(new GlideRecord('sys_user_role').getLabel()).toBe('Role')
})
