// The register row on ATF rollback ("Tables excluded from rollback after running an automated test": the Number
// Counter table and tables starting with syslog are not rolled back) asserted for syslog; atf-runner.test.ts pins
// the record number counters.
import { AtfRunner } from '../../emulator/instance/atf/runner.ts'
import { STEP_CONFIG_IDS, stepConfig } from '../../emulator/instance/atf/step-configs.ts'
import { createInstance, type Instance } from '../../emulator/instance/instance.ts'
import { newSysId } from '../../emulator/instance/store/store.ts'

let instance: Instance
let runner: AtfRunner

beforeAll(async () => {
    instance = createInstance({ dbPath: ':memory:' })
    runner = new AtfRunner(await instance.listen({ port: 0, logger: false }))
})

afterAll(async () => {
    await instance.close()
})

/** A test of the app's scope with one Run Server Side Script step. */
function scriptTest(name: string, script: string): string {
    const store = instance.runtime.store
    const insert = (table: string, values: Record<string, string>) => {
        const result = store.insert(table, values, 'system')
        if (result.error !== undefined) throw new Error(result.error)
        return result.sysId
    }
    const scope = store.get(`SELECT sys_id FROM ${store.sqlTable('sys_scope')} WHERE scope = ?`, [instance.runtime.scope])!.sys_id!
    const testId = insert('sys_atf_test', { name, active: 'true', sys_scope: scope })
    const config = stepConfig(STEP_CONFIG_IDS.runServerSideScript)!
    const stepId = insert('sys_atf_step', { sys_id: newSysId(), test: testId, step_config: STEP_CONFIG_IDS.runServerSideScript, order: '1', active: 'true', display_name: config.name })
    const variable = [...config.inputs].find(([, input]) => input.field === 'script')![0]
    insert('sys_variable_value', { document: 'sys_atf_step', document_key: stepId, variable, value: script })
    return testId
}

it('keeps the syslog rows a test wrote, and undoes its other rows', async () => {
    const store = instance.runtime.store
    const logged = () => store.count('syslog', { blocks: [[[{ field: 'message', op: '=', value: 'ATF kept log line' }]]], orderBy: [] })
    const incidents = () => store.count('incident', { blocks: [[[{ field: 'short_description', op: '=', value: 'ATF undone incident' }]]], orderBy: [] })
    const result = await runner.runTest(
        scriptTest('keeps syslog', "gs.info('ATF kept log line'); var gr = new GlideRecord('incident'); gr.initialize(); gr.setValue('short_description', 'ATF undone incident'); gr.insert();"),
    )
    expect(result.steps.map((step) => step.status)).toEqual(['success'])
    expect([logged(), incidents()]).toEqual([1, 0])
})
