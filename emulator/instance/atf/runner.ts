/**
 * The local instance's ATF test runner: runs the built sys_atf_test records (their sys_atf_step rows and the
 * steps' inputs in sys_variable_value) against a running local instance, as ATF runs server-side tests.
 *
 *   new AtfRunner(server, { runAs = 'admin' })     server: what createInstanceServer returns ({ url, context })
 *   runner.tests(scope?) → { sysId, name }[]       active tests (of the application scope, when given), by name
 *   runner.runTest(sysId) → Promise<TestResult>    one test, its data rolled back afterwards
 *   runner.runAll(scope?) → Promise<TestResult[]>  every active test, one after another
 *
 * A test runs its active steps by `order`. Each step's inputs come from sys_variable_value (variable → the step
 * config's input, per the SDK build's step table, step-configs.ts), defaults filled in, and references to an
 * earlier step's output ({{step['<sys_id>'].record_id}}) resolved. The first failing step fails the test; the
 * steps after it are reported as skipped. A step type the local instance does not run fails its step with
 * "not emulated by the local instance: ATF step <name>".
 *
 * Rollback ("the system rolls back that data after all steps in the test finish", Run Server Side Script; "Tables
 * excluded from rollback"): the test runs inside an SQLite savepoint that is rolled back when it ends, so every
 * row its steps, its scripts and the REST requests it sent wrote is undone; rows of the excluded tables the
 * local instance has (its record number counters, sys_number, which stand for sys_number_counter, syslog and the
 * install history's sys_upgrade_history and sys_upgrade_history_log) are kept. In-memory state is not rolled back
 * (scoped cache entries, sessions). While a test runs, every other
 * request to the same instance runs inside its savepoint too: run tests on an instance nobody else is using.
 *
 * Not emulated: test suites (the app ships none), parameterized tests (params is empty), Jasmine, UI steps, the
 * "Fail on server error" check (docs: it concerns errors of UI steps, which are refused).
 */
import type { InstanceContext } from '../http/context.ts'
import { ATF_MESSAGES, NotEmulated, notEmulated } from '../messages.ts'
import { allRows, replaceRows, rollbackToSavepoint, savepoint } from '../store/lookups.ts'
import type { Row, Store } from '../store/store.ts'
import { REST_STEPS } from './rest-steps.ts'
import { SERVER_STEPS } from './server-steps.ts'
import { stepConfig, type StepInput } from './step-configs.ts'
import { StepFailed, type StepHandler, type StepRun, type TestRun } from './step-run.ts'
import { isTrue } from '../util/booleans.ts'

export type StepStatus = 'success' | 'failure' | 'skipped'

export interface StepResult {
    sysId: string
    order: number
    name: string
    status: StepStatus
    message: string
}

export interface TestResult {
    sysId: string
    name: string
    status: 'success' | 'failure'
    steps: StepResult[]
}

export interface AtfServer {
    url: string
    context: InstanceContext
}

const HANDLERS: ReadonlyMap<string, StepHandler> = new Map([...SERVER_STEPS, ...REST_STEPS])
/** How the SDK build writes a reference to an earlier step's output (sdk-build-plugins test-plugin GemRegex). */
const OUTPUT_REFERENCE = /{{step\[(?:'|&#39;)([0-9a-f]{32})(?:'|&#39;)\]\.([^}]*)}}/g
/** Tables excluded from ATF rollback that the local instance has ("Tables excluded from rollback"). */
const KEPT_ON_ROLLBACK = ['sys_number', 'syslog', 'sys_upgrade_history', 'sys_upgrade_history_log']
const SAVEPOINT = 'atf_test'

const all = { blocks: [], orderBy: [] }

export class AtfRunner {
    private readonly runAs: string

    constructor(
        private readonly server: AtfServer,
        options: { runAs?: string } = {},
    ) {
        this.runAs = options.runAs ?? 'admin'
    }

    private get store(): Store {
        return this.server.context.runtime.store
    }

    private scopeName(scopeSysId: string | null): string {
        const row = scopeSysId && this.store.hasTable('sys_scope') ? this.store.getRow('sys_scope', scopeSysId) : undefined
        return row?.scope ?? 'global'
    }

    tests(scope?: string): Array<{ sysId: string; name: string }> {
        return this.store
            .select('sys_atf_test', all)
            .filter((test) => isTrue(test.active) && (scope === undefined || this.scopeName(test.sys_scope) === scope))
            .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''))
            .map((test) => ({ sysId: test.sys_id!, name: test.name ?? test.sys_id! }))
    }

    async runAll(scope?: string): Promise<TestResult[]> {
        const results: TestResult[] = []
        for (const test of this.tests(scope)) results.push(await this.runTest(test.sysId))
        return results
    }

    async runTest(sysId: string): Promise<TestResult> {
        const test = this.store.getRow('sys_atf_test', sysId)
        if (!test) throw new Error(`No ATF test ${sysId}`)
        const steps = this.store
            .select('sys_atf_step', all)
            .filter((step) => step.test === sysId && isTrue(step.active))
            .sort((a, b) => Number(a.order ?? 0) - Number(b.order ?? 0))
        const run: TestRun = {
            stepOutputs: new Map(),
            response: null,
            restChainOpen: false,
            scope: this.scopeName(test.sys_scope),
            context: this.server.context,
            baseUrl: this.server.url.replace(/\/+$/, ''),
            runAs: this.runAs,
        }
        const results: StepResult[] = []
        await this.rollingBack(async () => {
            for (const step of steps) {
                if (results.some((r) => r.status === 'failure')) {
                    results.push(this.result(step, 'skipped', ATF_MESSAGES.skipped.text))
                    continue
                }
                results.push(await this.runStep(step, run))
            }
        })
        return { sysId, name: test.name ?? sysId, status: results.some((r) => r.status === 'failure') ? 'failure' : 'success', steps: results }
    }

    private result(step: Row, status: StepStatus, message: string): StepResult {
        const config = stepConfig(step.step_config ?? '')
        return { sysId: step.sys_id!, order: Number(step.order ?? 0), name: config?.name ?? step.display_name ?? step.step_config ?? '', status, message }
    }

    private async runStep(step: Row, test: TestRun): Promise<StepResult> {
        const config = stepConfig(step.step_config ?? '')
        const outputs: Record<string, unknown> = {}
        const run: StepRun = { stepSysId: step.sys_id!, inputs: {}, outputs, message: '', test }
        try {
            const handler = HANDLERS.get(step.step_config ?? '')
            if (!config || !handler) notEmulated(ATF_MESSAGES.notEmulatedStep.text(config?.name ?? step.display_name ?? step.step_config ?? '(no step config)'))
            // REST asserts read the response of the request right before them; any other category ends that.
            if (config.category !== 'rest') test.restChainOpen = false
            run.inputs = this.inputs(step.sys_id!, config.inputs, test)
            await handler(run)
            if (config.category === 'rest') test.restChainOpen = true
            test.stepOutputs.set(step.sys_id!, outputs)
            return this.result(step, 'success', run.message)
        } catch (error) {
            test.stepOutputs.set(step.sys_id!, outputs)
            if (error instanceof StepFailed || error instanceof NotEmulated) return this.result(step, 'failure', error.message)
            return this.result(step, 'failure', error instanceof Error ? error.message : String(error))
        }
    }

    /** The step's inputs by element name: its sys_variable_value rows over the step config's defaults. */
    private inputs(stepSysId: string, declared: ReadonlyMap<string, StepInput>, test: TestRun): Record<string, string> {
        const inputs: Record<string, string> = {}
        for (const input of declared.values()) inputs[input.field] = input.defaultValue
        for (const row of this.store.select('sys_variable_value', all)) {
            if (row.document !== 'sys_atf_step' || row.document_key !== stepSysId) continue
            const input = declared.get(row.variable ?? '')
            if (!input) continue
            inputs[input.field] = this.resolve(row.value ?? '', test)
        }
        return inputs
    }

    /** Replaces references to earlier steps' outputs with their values. */
    private resolve(value: string, test: TestRun): string {
        // Any other {{…}} (parameters, other data pills) is not something the runner knows how to fill in.
        const other = value.replace(OUTPUT_REFERENCE, '').match(/{{[^}]*}}/)
        if (other) notEmulated(`the ATF input reference ${other[0]}`)
        return value.replace(OUTPUT_REFERENCE, (reference, stepSysId: string, output: string) => {
            const resolved = test.stepOutputs.get(stepSysId)?.[output]
            if (resolved === undefined || resolved === null || resolved === '') throw new StepFailed(ATF_MESSAGES.unresolvedOutput.text(reference))
            return String(resolved)
        })
    }

    /** Runs fn inside a savepoint rolled back afterwards, keeping the excluded tables' rows (see the module comment). */
    private async rollingBack(fn: () => Promise<void>): Promise<void> {
        const store = this.store
        // The store creates a table's SQL table on first use; one created inside the savepoint would vanish with
        // the rollback while the store still knew it. Every table exists before the test starts.
        for (const table of store.tableNames()) store.sqlTable(table)
        savepoint(store, SAVEPOINT)
        try {
            await fn()
        } finally {
            // Only tables that hold their own rows (the root of their hierarchy) can be kept whole.
            const kept = KEPT_ON_ROLLBACK.filter((table) => store.table(table)?.root === table).map((table) => ({ table, rows: allRows(store, table) }))
            rollbackToSavepoint(store, SAVEPOINT)
            store.transaction(() => {
                for (const { table, rows } of kept) replaceRows(store, table, rows)
            })
            // Reads cached by table version (properties, roles, choices, policies) must not outlive the rows they
            // were read from: every table counts as written. The store has no public call for that.
            for (const table of store.tableNames()) store['touched'](store.table(table)?.root ?? table)
        }
    }
}
