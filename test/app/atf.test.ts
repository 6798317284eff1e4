// The app's ATF suite (fluent/atf, built into sys_atf_test records) run by the local instance, as `npm run atf`
// runs it: every active test of the app's scope must pass, and each names the step that failed when not.
import { formatResults, runAppAtf } from '../../scripts/atf.ts'
import type { TestResult } from '../../emulator/instance/atf/runner.ts'

let results: TestResult[]

beforeAll(async () => {
    results = await runAppAtf({ build: false })
})

it('runs every active test the app ships, with its steps', () => {
    const names = results.map((test) => test.name)
    expect(names).toEqual(
        expect.arrayContaining([
            'Microsoft 365 connector: POST /tasks creates a change request',
            'Microsoft 365 connector: every table and field the app uses exists',
            'Microsoft 365 connector: the connection cache keeps an entry until its row changes',
            'Microsoft 365 connector: M365TicketService creates, replays and finds a ticket from a server script',
        ]),
    )
    for (const test of results) expect(test.steps.length).toBeGreaterThan(0)
})

it('passes every test and step', () => {
    const failed = results.filter((test) => test.status !== 'success')
    // The report names each failing step and why, as npm run atf prints it.
    expect(failed.length === 0 ? '' : formatResults(failed)).toBe('')
    for (const test of results) for (const step of test.steps) expect(step.status).toBe('success')
})
