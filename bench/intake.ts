/**
 * Benchmark 1, intake — measures the APP (the connector's POST /tasks) against the platform's own Table API
 * insert, on the local instance with its defaults (no semaphore, not strict).
 *
 *   npm run bench:intake    BENCH_N (default 2000 requests per path and concurrency), BENCH_ROUNDS (default 8),
 *                           BENCH_WARMUP (default 200 per path), BENCH_CONCURRENCY (default "1,4,16")
 *
 * Three requests, each creating one change:
 *   - connector:  POST /connector/tasks (a new task id each time), the body of bench/lib/bodies.ts;
 *   - fair raw:   POST /api/now/table/change_request carrying what the connector writes into change_request's own
 *                 columns, asking back only the columns of the ticket the connector answers
 *                 (sysparm_fields, sysparm_exclude_reference_link=true). Targets are judged against this one.
 *   - full-row raw (labelled as such): the same POST answering every column of change_request, each through its
 *                 field ACLs: what the Table API costs by default, to show the effect of the field list.
 * Per concurrency, BENCH_ROUNDS rounds of connector / fair raw (alternating, BENCH_N / BENCH_ROUNDS requests each),
 * so neither path always meets the bigger table or the noisier minute; the ratio and the p99 ratio are the
 * medians over the rounds' pairs. The full-row baseline runs once per concurrency after the rounds.
 * Field ACLs: neither path caches field-ACL decisions (the connector reads through GlideRecord, which checks
 * none; the Table API evaluates each returned column's field ACLs afresh, emulator/instance/http/table-api.ts).
 * Targets: connector ÷ fair raw ≥ 0.85 at every concurrency; at concurrency 4, connector p99 ≤ 2 × fair raw p99.
 *
 * The server runs in its own process (emulator/start.ts on a fresh data folder); this process only sends.
 */
import { RAW_FAIR_PATH, RAW_PATH, rawChangeBody, taskBody, TASKS_PATH } from './lib/bodies.ts'
import { describeMachine, envInt, machine, out, pass, progress, round, table, writeResults } from './lib/common.ts'
import { basic, connectTenant, prepareDataDir, removeDataDir, spawnServer, tempDataDir } from './lib/instance.ts'
import { runLoad, type LoadRequest, type LoadResult } from './lib/load.ts'

export const TARGET_RATIO = 0.85
export const TARGET_P99_RATIO = 2
export const P99_CONCURRENCY = 4

export interface IntakeRound {
    connector: LoadResult
    raw: LoadResult
    ratio: number
    p99Ratio: number
}

export interface IntakeRow {
    concurrency: number
    rounds: IntakeRound[]
    /** Medians over the rounds. */
    ratio: number
    p99Ratio: number
    connector: { requestsPerSecond: number; p50Ms: number; p99Ms: number }
    raw: { requestsPerSecond: number; p50Ms: number; p99Ms: number }
    fullRow: LoadResult
    fullRowRatio: number
}

const headers = { authorization: basic(), 'content-type': 'application/json', accept: 'application/json' }

export function connectorRequest(url: string, prefix: string): (i: number) => LoadRequest {
    return (i) => ({ url: url + TASKS_PATH, method: 'POST', headers, body: JSON.stringify(taskBody(`${prefix}-${i}`)) })
}

export function rawRequest(url: string, prefix: string, path: string = RAW_FAIR_PATH): (i: number) => LoadRequest {
    return (i) => ({ url: url + path, method: 'POST', headers, body: JSON.stringify(rawChangeBody(`${prefix}-${i}`)) })
}

export function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b)
    const mid = Math.floor(sorted.length / 2)
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

async function measure(label: string, total: number, concurrency: number, request: (i: number) => LoadRequest): Promise<LoadResult> {
    const bar = progress(label.padEnd(26), total)
    const result = await runLoad({ total, concurrency, request, expect: [201], onProgress: (d) => bar.tick(d) })
    bar.end()
    return result
}

export async function runIntake(url: string, options: { n: number; rounds: number; warmup: number; concurrencies: number[] }): Promise<IntakeRow[]> {
    if (options.warmup > 0) {
        await measure('warm-up connector', options.warmup, 2, connectorRequest(url, 'warmup'))
        await measure('warm-up raw', options.warmup, 2, rawRequest(url, 'warmup'))
        await measure('warm-up full-row raw', Math.ceil(options.warmup / 4), 2, rawRequest(url, 'warmup-full', RAW_PATH))
    }
    const perRound = Math.max(1, Math.round(options.n / options.rounds))
    const rows: IntakeRow[] = []
    for (const concurrency of options.concurrencies) {
        const rounds: IntakeRound[] = []
        for (let r = 0; r < options.rounds; r++) {
            const connector = await measure(`connector c=${concurrency} (${r + 1}/${options.rounds})`, perRound, concurrency, connectorRequest(url, `c${concurrency}-r${r}`))
            const raw = await measure(`fair raw c=${concurrency} (${r + 1}/${options.rounds})`, perRound, concurrency, rawRequest(url, `c${concurrency}-r${r}`))
            rounds.push({ connector, raw, ratio: round(connector.requestsPerSecond / raw.requestsPerSecond, 3), p99Ratio: round(connector.p99Ms / raw.p99Ms, 3) })
        }
        const fullRow = await measure(`full-row raw c=${concurrency}`, perRound, concurrency, rawRequest(url, `c${concurrency}-full`, RAW_PATH))
        const pick = (side: 'connector' | 'raw') => ({
            requestsPerSecond: round(median(rounds.map((x) => x[side].requestsPerSecond)), 1),
            p50Ms: round(median(rounds.map((x) => x[side].p50Ms)), 2),
            p99Ms: round(median(rounds.map((x) => x[side].p99Ms)), 2),
        })
        const connector = pick('connector')
        rows.push({
            concurrency,
            rounds,
            ratio: round(median(rounds.map((x) => x.ratio)), 2),
            p99Ratio: round(median(rounds.map((x) => x.p99Ratio)), 2),
            connector,
            raw: pick('raw'),
            fullRow,
            fullRowRatio: round(connector.requestsPerSecond / fullRow.requestsPerSecond, 2),
        })
    }
    return rows
}

export function intakeTable(rows: IntakeRow[]): string {
    const body: (string | number)[][] = []
    for (const row of rows) {
        const p99Target = row.concurrency === P99_CONCURRENCY ? ` · p99 ${row.p99Ratio}× raw (≤ ${TARGET_P99_RATIO}×: ${pass(row.p99Ratio <= TARGET_P99_RATIO)})` : ` · p99 ${row.p99Ratio}× raw`
        body.push(['connector POST /connector/tasks', row.concurrency, row.connector.requestsPerSecond, row.connector.p50Ms, row.connector.p99Ms, `${row.ratio}× fair raw (≥ ${TARGET_RATIO}×: ${pass(row.ratio >= TARGET_RATIO)})${p99Target}`])
        body.push(['fair raw (ticket fields only)', row.concurrency, row.raw.requestsPerSecond, row.raw.p50Ms, row.raw.p99Ms, `pair ratios ${row.rounds.map((x) => x.ratio).join(' / ')}`])
        body.push(['full-row raw (every column)', row.concurrency, row.fullRow.requestsPerSecond, row.fullRow.p50Ms, row.fullRow.p99Ms, `connector ${row.fullRowRatio}× this (one run, not a target)`])
    }
    return table(['request', 'conc.', 'req/s', 'p50 ms', 'p99 ms', 'verdict'], body)
}

async function main(): Promise<void> {
    const n = envInt('BENCH_N', 2000)
    const rounds = Math.max(1, envInt('BENCH_ROUNDS', 8))
    const warmup = envInt('BENCH_WARMUP', 200)
    const concurrencies = (process.env.BENCH_CONCURRENCY ?? '1,4,16').split(',').map(Number)
    out(`# Intake: the APP's POST /tasks vs the Table API insert, local instance defaults (${describeMachine()})`)
    const dataDir = tempDataDir('intake')
    prepareDataDir(dataDir)
    const server = await spawnServer(dataDir)
    try {
        await connectTenant(server.url)
        const rows = await runIntake(server.url, { n, rounds, warmup, concurrencies })
        out()
        out(intakeTable(rows))
        out()
        out(`Medians over ${rounds} alternating rounds of ${Math.round(n / rounds)} requests per path (connector, fair raw, connector, fair raw, …).`)
        out('Same server process, same user (roles x_mioms_m365ticket.integration + itil), basic auth on every request, keep-alive.')
        const path = writeResults('intake', { n, rounds, warmup, targetRatio: TARGET_RATIO, targetP99Ratio: TARGET_P99_RATIO, rawFairPath: RAW_FAIR_PATH, rows, machine: machine() })
        out(`Results: ${path}`)
    } finally {
        await server.stop()
        removeDataDir(dataDir)
    }
}

if (require.main === module) {
    main().catch((error) => {
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
        process.exit(1)
    })
}
