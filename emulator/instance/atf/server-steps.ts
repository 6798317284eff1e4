/**
 * The ATF "Server" category steps the local instance runs (docs: "Server category", "Run Server Side Script").
 *
 *   SERVER_STEPS: step config id → handler
 *     runServerSideScript   the script in the instance's script sandbox, in the test's application scope (the app's:
 *                           the script host runs no other), as the
 *                           user running the test, with outputs, steps(sys_id), params, stepResult and assertEqual.
 *                           It passes unless it returns false (the value of its last expression statement, as
 *                           the step template's "return true/false from the main function body"), throws, or an
 *                           assertEqual fails (which stops the script). Jasmine (describe/it/expect) is refused.
 *     recordQuery           GlideRecord (GlideRecordSecure with enforce_security) over the encoded query;
 *                           records_match_query / no_records_match_query; outputs table and first_record
 *     recordInsert          the template's field values set on a new record (GlideRecordSecure unless
 *                           enforce_security is off); record_successfully_inserted / record_not_inserted;
 *                           outputs table and record_id
 */
import ts from 'typescript'
import * as glide from '../glide/index.ts'
import { ATF_MESSAGES, NotEmulated, notEmulated } from '../messages.ts'
import { STEP_CONFIG_IDS } from './step-configs.ts'
import { StepFailed, type StepHandler, type StepRun } from './step-run.ts'

/** Thrown by assertEqual: ends the script, fails the step. */
class AssertionFailed extends Error {}

/** "TypeError: …" for an error of either realm (the sandbox's errors are not this realm's Error). */
function describeError(error: unknown): string {
    if (error !== null && typeof error === 'object' && 'message' in error) {
        const { name, message } = error as { name?: unknown; message: unknown }
        return (typeof name === 'string' && name ? name + ': ' : '') + String(message)
    }
    return String(error)
}

function asText(value: unknown): string {
    return typeof value === 'string' ? JSON.stringify(value) : String(value)
}

/**
 * The script with its last expression statement returned, so the runner sees the value the platform takes as
 * the script's result (the wrapped `(function (outputs, …) { … })(outputs, …);` of every step template).
 */
function returningCompletionValue(script: string): string {
    const file = ts.createSourceFile('atf-step.js', script, ts.ScriptTarget.ES2021, true, ts.ScriptKind.JS)
    const last = file.statements[file.statements.length - 1]
    if (!last || !ts.isExpressionStatement(last)) return script
    return `${script.slice(0, last.getStart(file))}return (${script.slice(last.expression.getStart(file), last.expression.getEnd())});${script.slice(last.getEnd())}`
}

/** Runs fn as the test's user, in the test's scope, on this instance's runtime. */
function onServer<T>(run: StepRun, fn: () => T): T {
    const runtime = run.test.context.runtime.activate()
    return runtime.runAs(run.test.runAs, () => runtime.runInScope(run.test.scope, fn))
}

const jasmineRefused = (): never => notEmulated('Jasmine (describe, it, expect) in an ATF Run Server Side Script step')

const runServerSideScript: StepHandler = (run) => {
    // The script host runs every script as the app's code (scripts/sandbox.ts): a test of another scope would
    // run its script in the wrong scope.
    const appScope = run.test.context.runtime.scope
    if (run.test.scope !== appScope) notEmulated(`an ATF Run Server Side Script step of a test in scope ${run.test.scope} (the local instance runs scripts in ${appScope} only)`)
    let failedAssertion: string | null = null
    const stepResult = {
        setOutputMessage: (message: unknown) => {
            run.message = String(message)
        },
        // The step template documents setOutputMessage and the return value; setSuccess/setFailed belong to
        // step configs' own execution scripts.
        setSuccess: () => notEmulated('stepResult.setSuccess in an ATF Run Server Side Script step'),
        setFailed: () => notEmulated('stepResult.setFailed in an ATF Run Server Side Script step'),
    }
    const assertEqual = (assertion: { name?: unknown; shouldbe?: unknown; value?: unknown }) => {
        if (assertion.shouldbe === assertion.value) return
        failedAssertion = ATF_MESSAGES.assertionFailed.text(String(assertion.name ?? ''), asText(assertion.shouldbe), asText(assertion.value))
        throw new AssertionFailed(failedAssertion)
    }
    const steps = (sysId: string) => run.test.stepOutputs.get(String(sysId))
    const variables = {
        outputs: run.outputs,
        steps,
        params: {},
        stepResult,
        assertEqual,
        describe: jasmineRefused,
        it: jasmineRefused,
        expect: jasmineRefused,
        jasmine: { getEnv: jasmineRefused },
    }
    let result: unknown
    try {
        result = onServer(run, () => run.test.context.scripts.runScript(returningCompletionValue(run.inputs.script), variables, 'sys_atf_step:' + run.stepSysId))
    } catch (error) {
        if (failedAssertion) throw new StepFailed(failedAssertion)
        if (error instanceof NotEmulated) throw error
        throw new StepFailed(ATF_MESSAGES.scriptError.text(describeError(error)))
    }
    // A script may catch the assertion's error; the failed assertion still fails the step.
    if (failedAssertion) throw new StepFailed(failedAssertion)
    if (result === false) throw new StepFailed(run.message ? `${ATF_MESSAGES.scriptReturnedFalse.text}: ${run.message}` : ATF_MESSAGES.scriptReturnedFalse.text)
}

/** "field=value^field=value^EQ" with ^^ for a literal caret, as the SDK build writes a template value. */
function templateValues(template: string): Array<[string, string]> {
    const caret = '\u0000'
    return template
        .replaceAll('^^', caret)
        .split('^')
        .filter((term) => term !== 'EQ' && term !== '')
        .map((term) => {
            const equals = term.indexOf('=')
            if (equals < 0) throw new StepFailed(`The field values term '${term}' has no '='`)
            return [term.slice(0, equals), term.slice(equals + 1).replaceAll(caret, '^')]
        })
}

function record(table: string, enforceSecurity: boolean): glide.GlideRecord {
    return enforceSecurity ? new glide.GlideRecordSecure(table) : new glide.GlideRecord(table)
}

const recordQuery: StepHandler = (run) => {
    const { table, field_values: query, assert_type: assert } = run.inputs
    if (assert !== 'records_match_query' && assert !== 'no_records_match_query') notEmulated(`the ATF Record Query assert type '${assert}'`)
    const first = onServer(run, () => {
        const gr = record(table, run.inputs.enforce_security === '1' || run.inputs.enforce_security === 'true')
        gr.addEncodedQuery(query)
        gr.setLimit(1)
        gr.query()
        return gr.next() ? gr.getUniqueValue() : null
    })
    if (assert === 'records_match_query' && !first) throw new StepFailed(ATF_MESSAGES.noRecordMatches.text(table, query))
    if (assert === 'no_records_match_query' && first) throw new StepFailed(ATF_MESSAGES.recordMatches.text(table, query))
    run.outputs.table = table
    run.outputs.first_record = first ?? ''
    run.message = first ? `First record of ${table} matching ${query}: ${first}` : `No record of ${table} matches ${query}`
}

const recordInsert: StepHandler = (run) => {
    const { table, field_values: template, assert_type: assert } = run.inputs
    if (assert !== 'record_successfully_inserted' && assert !== 'record_not_inserted') notEmulated(`the ATF Record Insert assert type '${assert}'`)
    const { sysId, error } = onServer(run, () => {
        const gr = record(table, run.inputs.enforce_security !== '0' && run.inputs.enforce_security !== 'false')
        gr.initialize()
        for (const [field, value] of templateValues(template)) gr.setValue(field, value)
        const inserted = gr.insert()
        return { sysId: inserted ? String(inserted) : null, error: inserted ? '' : gr.getLastErrorMessage() }
    })
    if (assert === 'record_successfully_inserted' && !sysId) throw new StepFailed(ATF_MESSAGES.notInserted.text(table, error))
    if (assert === 'record_not_inserted' && sysId) throw new StepFailed(ATF_MESSAGES.inserted.text(table))
    run.outputs.table = table
    run.outputs.record_id = sysId ?? ''
    run.message = sysId ? `Inserted ${sysId} into ${table}` : `No record inserted into ${table}${error ? ': ' + error : ''}`
}

export const SERVER_STEPS: ReadonlyMap<string, StepHandler> = new Map([
    [STEP_CONFIG_IDS.runServerSideScript, runServerSideScript],
    [STEP_CONFIG_IDS.recordQuery, recordQuery],
    [STEP_CONFIG_IDS.recordInsert, recordInsert],
])
