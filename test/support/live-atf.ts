// Live mode's last step (jest.live.config.js globalTeardown): the app's ATF suite run on the instance
// through the CI/CD API ("CI/CD API": POST /api/sn_cicd/testsuite/run, then GET /api/sn_cicd/progress/{id}
// until it ends, then the results it links to), printed test by test. An instance without the CI/CD API
// (the local one answers 400 "Requested URI does not represent any resource") is reported as not offering
// it, and nothing fails. The suite is INSTANCE_ATF_SUITE (a sys_id or a name), by default the one the app
// ships (fluent/atf/test-suite.now.ts), named after the app.
import { basic, call, type JsonResponse } from './http-harness.ts'

const DEFAULT_SUITE_NAME = 'Microsoft 365 Ticketing Connector'
const POLL_INTERVAL_MS = 5000
const MAX_WAIT_MS = 15 * 60 * 1000

export default async function runAtfSuiteThroughCicd(): Promise<void> {
    const url = (process.env.INSTANCE_URL ?? '').replace(/\/+$/, '')
    const authorization = basic({ user: process.env.INSTANCE_ADMIN_USER ?? '', password: process.env.INSTANCE_ADMIN_PASSWORD ?? '' })
    if (!url) return
    const get = (path: string) => call(url + path, 'GET', authorization)
    const suite = process.env.INSTANCE_ATF_SUITE || DEFAULT_SUITE_NAME
    const parameter = /^[0-9a-f]{32}$/.test(suite) ? `test_suite_sys_id=${suite}` : `test_suite_name=${encodeURIComponent(suite)}`

    const started = await call(`${url}/api/sn_cicd/testsuite/run?${parameter}`, 'POST', authorization)
    if (notOffered(started)) {
        console.log(`ATF through the CI/CD API: not offered by ${url} (POST /api/sn_cicd/testsuite/run answered ${started.status}); skipped`)
        return
    }
    if (started.status >= 300) throw new Error(`ATF through the CI/CD API: starting suite "${suite}" answered ${started.status} ${started.text.slice(0, 500)}`)
    const progressId: string = started.json.result.links.progress.id
    console.log(`ATF through the CI/CD API: suite "${suite}" started (progress ${progressId})`)

    const deadline = Date.now() + MAX_WAIT_MS
    let progress = started
    // status: 0 pending, 1 running, 2 successful, 3 failed, 4 canceled ("CI/CD API", progress).
    while (['0', '1'].includes(String(progress.json.result.status))) {
        if (Date.now() > deadline) throw new Error(`ATF through the CI/CD API: suite "${suite}" still running after ${MAX_WAIT_MS / 60000} min`)
        await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS))
        progress = await get(`/api/sn_cicd/progress/${progressId}`)
        if (progress.status !== 200) throw new Error(`ATF through the CI/CD API: progress answered ${progress.status} ${progress.text.slice(0, 300)}`)
    }
    const resultsId: string | undefined = progress.json.result.links?.results?.id
    const results = resultsId ? await get(`/api/sn_cicd/testsuite/results/${resultsId}`) : null
    const summary = results?.json?.result
    console.log(
        [
            `ATF through the CI/CD API: suite "${suite}" ${progress.json.result.status_label ?? progress.json.result.status}`,
            summary ? `  ${summary.rolledup_test_success_count ?? '?'} passed, ${summary.rolledup_test_failure_count ?? '?'} failed, ${summary.rolledup_test_error_count ?? '?'} errors, ${summary.rolledup_test_skip_count ?? '?'} skipped` : '  (no results link)',
            ...(summary?.child_suite_results ?? []).map((child: { test_suite_name: string; status: string }) => `  ${child.test_suite_name}: ${child.status}`),
            summary?.links?.results_url ? `  ${summary.links.results_url}` : '',
        ]
            .filter(Boolean)
            .join('\n'),
    )
    if (String(progress.json.result.status) !== '2') throw new Error(`ATF through the CI/CD API: suite "${suite}" did not pass: ${progress.json.result.status_message ?? progress.text.slice(0, 300)}`)
}

/** No sn_cicd plugin: 404, or 400 "Requested URI does not represent any resource" as for any unknown REST URI. */
function notOffered(response: JsonResponse): boolean {
    return response.status === 404 || (response.status === 400 && /does not represent any resource/.test(response.text))
}
