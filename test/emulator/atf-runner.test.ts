// Conformance of the local instance's ATF runner (emulator/instance/atf): tests built here as the SDK build writes
// them (sys_atf_test, sys_atf_step by step config, sys_variable_value per input) and run on an instance in-process.
import { AtfRunner, type TestResult } from '../../emulator/instance/atf/runner.ts'
import { STEP_CONFIG_IDS, stepConfig } from '../../emulator/instance/atf/step-configs.ts'
import { createInstance, type Instance } from '../../emulator/instance/instance.ts'
import type { Runtime } from '../../emulator/instance/runtime.ts'
import type { InstanceServer } from '../../emulator/instance/server.ts'
import { newSysId } from '../../emulator/instance/store/store.ts'
import { everyRow } from '../support/api-paths.ts'

let instance: Instance
let runtime: Runtime
let server: InstanceServer
let runner: AtfRunner

beforeAll(async () => {
    instance = createInstance({ dbPath: ':memory:' })
    runtime = instance.runtime
    server = await instance.listen({ port: 0, logger: false })
    runner = new AtfRunner(server)
})

afterAll(async () => {
    await instance.close()
})

interface StepSpec {
    config: string
    inputs?: Record<string, string>
    /** A fixed sys_id, for steps whose outputs later steps name. */
    sysId?: string
}

/** A test of the app's scope with the steps in order; inputs by element name, written as sys_variable_value rows. */
function buildTest(name: string, steps: StepSpec[]): string {
    const insert = (table: string, values: Record<string, string>) => {
        const result = runtime.store.insert(table, values, 'system')
        if (result.error !== undefined) throw new Error(result.error)
        return result.sysId
    }
    const scope = runtime.store.get(`SELECT sys_id FROM ${runtime.store.sqlTable('sys_scope')} WHERE scope = ?`, [runtime.scope])!.sys_id!
    const testId = insert('sys_atf_test', { name, active: 'true', sys_scope: scope })
    steps.forEach((step, index) => {
        const config = stepConfig(step.config)
        const stepId = insert('sys_atf_step', { sys_id: step.sysId ?? newSysId(), test: testId, step_config: step.config, order: String(index + 1), active: 'true', display_name: config?.name ?? 'Unknown' })
        for (const [field, value] of Object.entries(step.inputs ?? {})) {
            const variable = config ? [...config.inputs].find(([, input]) => input.field === field)?.[0] : undefined
            if (!variable) throw new Error(`Step ${step.config} has no input ${field}`)
            insert('sys_variable_value', { document: 'sys_atf_step', document_key: stepId, variable, value })
        }
    })
    return testId
}

const ref = (stepSysId: string, output: string) => `{{step['${stepSysId}'].${output}}}`

/** A basic auth profile for the admin, inserted by a Record Insert step (its record_id is the profile). */
function adminProfileStep(sysId: string, password = 'Atf-Profile-Passw0rd'): StepSpec {
    return { sysId, config: STEP_CONFIG_IDS.recordInsert, inputs: { table: 'sys_auth_profile_basic', field_values: `name=ATF conformance admin^username=admin^password=${password}^EQ` } }
}

function getAdmin(profileStep: string): StepSpec {
    return {
        config: STEP_CONFIG_IDS.sendRestRequest,
        inputs: { http_method: 'get', end_point: '/api/now/table/sys_user', query_params: '{"sysparm_limit":"1","user_name":"admin"}', headers: '{"Accept":"application/json"}', auth_type: 'basic', basic_auth: ref(profileStep, 'record_id') },
    }
}

const statuses = (result: TestResult) => result.steps.map((step) => step.status)

describe('REST steps', () => {
    it('fail the step and the test when an expectation is broken: assertStatusCode 201 where the API answers 200', async () => {
        const profile = newSysId()
        const result = await runner.runTest(
            buildTest('broken status', [
                adminProfileStep(profile),
                getAdmin(profile),
                { config: STEP_CONFIG_IDS.assertStatusCode, inputs: { response_operation: 'equals', status_code: '201' } },
                { config: STEP_CONFIG_IDS.assertStatusCode, inputs: { response_operation: 'equals', status_code: '200' } },
            ]),
        )
        expect(result.status).toBe('failure')
        expect(statuses(result)).toEqual(['success', 'success', 'failure', 'skipped'])
        expect(result.steps[2].message).toBe('The status code "200" does not satisfy: equals "201"')
    })

    it('pass with the expectations the response meets, the request signed in through the profile an earlier step created', async () => {
        const profile = newSysId()
        const result = await runner.runTest(
            buildTest('met expectations', [
                adminProfileStep(profile),
                getAdmin(profile),
                { config: STEP_CONFIG_IDS.assertStatusCode, inputs: { response_operation: 'less_than', status_code: '300' } },
                { config: STEP_CONFIG_IDS.assertResponseJSONPayloadIsValid },
                { config: STEP_CONFIG_IDS.assertJsonResponsePayloadElement, inputs: { element_name: '/result', response_operation: 'exists' } },
                { config: STEP_CONFIG_IDS.assertResponsePayload, inputs: { response_operation: 'contains', response_body: '"user_name":"admin"' } },
                { config: STEP_CONFIG_IDS.assertResponseHeader, inputs: { header_name: 'content-type', response_operation: 'contains', header_value: 'application/json' } },
            ]),
        )
        expect(result.steps.map((step) => [step.status, step.message])).toEqual(result.steps.map((step) => ['success', step.message]))
    })

    it('send no credentials without an auth profile: the API answers 401', async () => {
        const result = await runner.runTest(
            buildTest('anonymous', [
                { config: STEP_CONFIG_IDS.sendRestRequest, inputs: { http_method: 'get', end_point: '/api/now/table/sys_user', auth_type: '' } },
                { config: STEP_CONFIG_IDS.assertStatusCode, inputs: { response_operation: 'equals', status_code: '401' } },
            ]),
        )
        expect(statuses(result)).toEqual(['success', 'success'])
    })

    it('send credentials that fail for a profile without a password: the API answers 401', async () => {
        const profile = newSysId()
        const result = await runner.runTest(
            buildTest('no password', [adminProfileStep(profile, ''), getAdmin(profile), { config: STEP_CONFIG_IDS.assertStatusCode, inputs: { response_operation: 'equals', status_code: '401' } }]),
        )
        expect(statuses(result)).toEqual(['success', 'success', 'success'])
    })

    it('refuse an input reference other than an earlier step\'s output', async () => {
        const result = await runner.runTest(buildTest('parameter', [{ config: STEP_CONFIG_IDS.runServerSideScript, inputs: { script: "stepResult.setOutputMessage('{{params.u_user}}');" } }]))
        expect(result.steps[0].message).toBe('not emulated by the local instance: the ATF input reference {{params.u_user}}')
    })

    it('refuse an assert that does not follow a request, and a JSON element path other than an SNC path', async () => {
        const alone = await runner.runTest(buildTest('assert alone', [{ config: STEP_CONFIG_IDS.assertStatusCode, inputs: { response_operation: 'equals', status_code: '200' } }]))
        expect(alone.steps[0].message).toBe('REST assert steps must immediately follow a Send REST Request - Inbound step')
        const profile = newSysId()
        const dotted = await runner.runTest(
            buildTest('dotted path', [adminProfileStep(profile), getAdmin(profile), { config: STEP_CONFIG_IDS.assertJsonResponsePayloadElement, inputs: { element_name: 'result.user_name', response_operation: 'exists' } }]),
        )
        expect(dotted.steps[2].message).toMatch(/^not emulated by the local instance: the ATF JSON element path 'result\.user_name'/)
    })
})

describe('step types', () => {
    it('refuse a step type the local instance does not run, naming it', async () => {
        const openNewForm = '05317cd10b10220050192f15d6673af8'
        const result = await runner.runTest(buildTest('ui step', [{ config: openNewForm }, { config: STEP_CONFIG_IDS.runServerSideScript, inputs: { script: 'true;' } }]))
        expect(result.status).toBe('failure')
        expect(result.steps[0]).toMatchObject({ status: 'failure', message: 'not emulated by the local instance: ATF step Open a New Form' })
        expect(result.steps[1].status).toBe('skipped')
    })
})

describe('Run Server Side Script', () => {
    const script = (body: string) => ({ config: STEP_CONFIG_IDS.runServerSideScript, inputs: { script: `(function (outputs, steps, params, stepResult, assertEqual) {\n${body}\n})(outputs, steps, params, stepResult, assertEqual);` } })

    it('passes outputs to later steps: steps(sys_id) in a script and {{step[…]}} in a Record Query', async () => {
        const first = newSysId()
        const result = await runner.runTest(
            buildTest('outputs flow', [
                { ...script("var user = new GlideRecord('sys_user'); user.get('user_name', 'admin'); outputs.table = 'sys_user'; outputs.record_id = user.getUniqueValue(); return true;"), sysId: first },
                script(`assertEqual({ name: 'record_id of the first step', shouldbe: 32, value: steps('${first}').record_id.length }); stepResult.setOutputMessage('read ' + steps('${first}').record_id);`),
                { config: STEP_CONFIG_IDS.recordQuery, inputs: { table: 'sys_user', field_values: `sys_id=${ref(first, 'record_id')}^user_name=admin`, assert_type: 'records_match_query' } },
            ]),
        )
        expect(statuses(result)).toEqual(['success', 'success', 'success'])
        const adminId = runtime.store.get(`SELECT sys_id FROM ${runtime.store.sqlTable('sys_user')} WHERE user_name = 'admin'`)!.sys_id
        expect(result.steps[1].message).toBe('read ' + adminId)
    })

    it('fails on return false, a failed assertEqual (which stops the script) and a thrown error', async () => {
        const falsy = await runner.runTest(buildTest('returns false', [script("stepResult.setOutputMessage('nope'); return false;")]))
        expect(falsy.steps[0]).toMatchObject({ status: 'failure', message: 'The script returned false: nope' })
        const assertion = await runner.runTest(buildTest('assertion', [script("assertEqual({ name: 'one', shouldbe: 1, value: 2 }); stepResult.setOutputMessage('went on');")]))
        expect(assertion.steps[0]).toMatchObject({ status: 'failure', message: 'Assertion failed: one: should be 1, was 2' })
        const thrown = await runner.runTest(buildTest('throws', [script("throw new Error('boom');")]))
        expect(thrown.steps[0]).toMatchObject({ status: 'failure', message: 'The script threw: Error: boom' })
    })
})

describe('rollback', () => {
    it('undoes every row the test wrote, and keeps the record number counters the platform excludes from rollback', async () => {
        const before = runtime.store.count('incident', everyRow())
        const inserted = newSysId()
        const result = await runner.runTest(
            buildTest('writes', [
                { sysId: inserted, config: STEP_CONFIG_IDS.recordInsert, inputs: { table: 'incident', field_values: 'short_description=ATF rollback ^^ check^EQ' } },
                {
                    config: STEP_CONFIG_IDS.runServerSideScript,
                    inputs: { script: `var gr = new GlideRecord('incident'); gr.get('${ref(inserted, 'record_id')}'); stepResult.setOutputMessage(gr.getValue('number') + '|' + gr.getValue('short_description'));` },
                },
            ]),
        )
        expect(statuses(result)).toEqual(['success', 'success'])
        const [number, shortDescription] = result.steps[1].message.split('|')
        expect(shortDescription).toBe('ATF rollback ^ check')
        expect(runtime.store.count('incident', everyRow())).toBe(before)
        // sys_number_counter is excluded from rollback: the number the test used is not handed out again.
        const digits = (value: string) => Number(/\d+$/.exec(value)![0])
        expect(digits(runtime.store.nextNumber('incident')!)).toBeGreaterThan(digits(number))
    })
})
