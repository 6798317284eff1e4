/**
 * `npm run atf`: runs the app's ATF tests (the built sys_atf_test records) on a local instance started in-process
 * (SQLite :memory:, a free port on 127.0.0.1), and prints each test and step with its result.
 *
 *   npx tsx scripts/atf.ts [--skip-build] [--app <dir>]
 *     --skip-build   use dist/ as it is
 *     --app <dir>    run the tests of another built app directory (default dist/app; implies --skip-build)
 *   exit code 0 when every test passed, 1 when any failed, 2 when the run itself could not start
 *
 *   runAppAtf({ build = true, appDir }) → Promise<TestResult[]>    the same, in-process
 *   formatResults(results) → string                        the printed report
 */
import { AtfRunner, type TestResult } from '../emulator/instance/atf/runner.ts'
import { createInstance } from '../emulator/instance/instance.ts'
import { ensureBuilt } from './ensure-built.ts'

export async function runAppAtf(options: { build?: boolean; appDir?: string } = {}): Promise<TestResult[]> {
    if (options.build !== false && !options.appDir) ensureBuilt()
    const instance = createInstance({ dbPath: ':memory:', appDir: options.appDir })
    const server = await instance.listen({ port: 0, logger: false })
    try {
        return await new AtfRunner(server).runAll(instance.runtime.scope)
    } finally {
        await instance.close()
    }
}

const MARK = { success: 'pass', failure: 'FAIL', skipped: 'skip' } as const

export function formatResults(results: TestResult[]): string {
    const lines: string[] = []
    for (const test of results) {
        lines.push(`${test.status === 'success' ? 'PASS' : 'FAIL'}  ${test.name}`)
        for (const step of test.steps) lines.push(`  ${MARK[step.status]}  ${String(step.order).padStart(2)} ${step.name}${step.message ? ' — ' + step.message : ''}`)
    }
    const failed = results.filter((test) => test.status === 'failure').length
    lines.push('', `${results.length} ATF test${results.length === 1 ? '' : 's'}: ${results.length - failed} passed, ${failed} failed`)
    return lines.join('\n')
}

async function main(): Promise<void> {
    const args = process.argv.slice(2)
    const app = args.indexOf('--app')
    if (app >= 0 && !args[app + 1]) throw new Error('--app needs a directory')
    const results = await runAppAtf({ build: !args.includes('--skip-build'), appDir: app >= 0 ? args[app + 1] : undefined })
    process.stdout.write(formatResults(results) + '\n')
    process.exitCode = results.length > 0 && results.every((test) => test.status === 'success') ? 0 : 1
}

if (require.main === module) {
    main().catch((error) => {
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
        process.exit(2)
    })
}
