// The app's ATF suite (fluent/atf, built into sys_atf_test records) run by the local instance, as `npm run atf`
// runs it: every active test of the app's scope must pass, and each names the step that failed when not. The
// suite runs twice on one instance: its rollback must leave nothing behind that a second run trips over.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AtfRunner, type TestResult } from '../../emulator/instance/atf/runner.ts'
import { createInstance, type Instance } from '../../emulator/instance/instance.ts'
import type { Runtime } from '../../emulator/instance/runtime.ts'
import type { InstanceServer } from '../../emulator/instance/server.ts'
import { repoRoot } from '../../scripts/ensure-built.ts'
import { formatResults } from '../../scripts/atf.ts'
import { everyRow } from '../support/api-paths.ts'

const TABLES = ['x_mioms_m365ticket_change_request', 'x_mioms_m365ticket_incident', 'x_mioms_m365ticket_connection', 'x_mioms_m365ticket_api_log', 'sys_user', 'sys_user_has_role', 'sys_auth_profile_basic']

let instance: Instance
let runtime: Runtime
let server: InstanceServer
let rounds: TestResult[][]
let countsBefore: number[]

const counts = () => TABLES.map((table) => runtime.store.count(table, everyRow()))

beforeAll(async () => {
    instance = createInstance({ dbPath: ':memory:' })
    runtime = instance.runtime
    server = await instance.listen({ port: 0, logger: false })
    countsBefore = counts()
    const runner = new AtfRunner(server)
    rounds = [await runner.runAll(runtime.scope), await runner.runAll(runtime.scope)]
})

afterAll(async () => {
    await instance.close()
})

it('runs every active test the app ships, with its steps', () => {
    const names = rounds[0].map((test) => test.name)
    expect(names).toEqual(
        expect.arrayContaining([
            'Microsoft 365 connector: POST /tasks creates a change request',
            'Microsoft 365 connector: every table and field the app uses exists',
            'Microsoft 365 connector: the connection cache keeps an entry until its row changes',
            'Microsoft 365 connector: M365TicketService creates, replays and finds a ticket from a server script',
        ]),
    )
    for (const test of rounds[0]) expect(test.steps.length).toBeGreaterThan(0)
})

it.each([0, 1])('passes every test and step (round %i)', (round) => {
    const failed = rounds[round].filter((test) => test.status !== 'success')
    // The report names each failing step and why, as npm run atf prints it.
    expect(failed.length === 0 ? '' : formatResults(failed)).toBe('')
})

it('leaves no user, profile, connection, ticket or log row behind', () => {
    expect(counts()).toEqual(countsBefore)
})

it('npm run atf exits 1 and names the step when an expectation is broken (the create test expecting 202, not 201)', () => {
    const app = mkdtempSync(join(tmpdir(), 'atf-broken-'))
    try {
        cpSync(join(repoRoot, 'dist', 'app'), app, { recursive: true })
        // The built step "Assert Status Code" of the create test (fluent key atf-connector-create-201).
        const step = join(app, 'update', 'sys_atf_step_b32713e76d6f4a7f892cd36bb66235d2.xml')
        writeFileSync(step, readFileSync(step, 'utf8').replace('<value>201</value>', '<value>202</value>'))
        const run = spawnSync(join(repoRoot, 'node_modules', '.bin', 'tsx'), ['scripts/atf.ts', '--app', app], { cwd: repoRoot, encoding: 'utf8' })
        expect(run.status).toBe(1)
        expect(run.stdout).toContain('FAIL  Microsoft 365 connector: POST /tasks creates a change request')
        expect(run.stdout).toContain('FAIL   3 Assert Status Code — The status code "201" does not satisfy: equals "202"')
        expect(run.stdout).toMatch(/ATF tests: \d+ passed, 1 failed/)
    } finally {
        rmSync(app, { recursive: true, force: true })
    }
})
