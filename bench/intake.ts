/**
 * Benchmark 1, intake: POST /connector/tasks (each request a new task id, so each creates a ticket) against
 * a raw POST /api/now/table/change_request carrying the equivalent change, on the same local instance, as
 * the same user with the same basic auth. Concurrency 1 and 4, BENCH_N requests per path and concurrency
 * after BENCH_WARMUP warm-up requests per path. Target: connector ≥ 0.7 × raw throughput.
 *
 *   npm run bench:intake            BENCH_N (default 2000), BENCH_WARMUP (default 200), BENCH_CONCURRENCY (default "1,4")
 *
 * The server runs in its own process (emulator/start.ts on a fresh data folder); this process only sends.
 */
import { describeMachine, envInt, machine, out, pass, progress, round, table, writeResults } from './lib/common.ts'
import { RAW_PATH, rawChangeBody, taskBody, TASKS_PATH } from './lib/bodies.ts'
import { basic, connectTenant, prepareDataDir, removeDataDir, spawnServer, tempDataDir } from './lib/instance.ts'
import { runLoad, type LoadRequest, type LoadResult } from './lib/load.ts'

export const TARGET_RATIO = 0.7

export interface IntakeRow {
    concurrency: number
    connector: LoadResult
    raw: LoadResult
    ratio: number
}

const headers = { authorization: basic(), 'content-type': 'application/json', accept: 'application/json' }

export function connectorRequest(url: string, prefix: string): (i: number) => LoadRequest {
    return (i) => ({ url: url + TASKS_PATH, method: 'POST', headers, body: JSON.stringify(taskBody(`${prefix}-${i}`)) })
}

export function rawRequest(url: string, prefix: string): (i: number) => LoadRequest {
    return (i) => ({ url: url + RAW_PATH, method: 'POST', headers, body: JSON.stringify(rawChangeBody(`${prefix}-${i}`)) })
}

async function measure(label: string, total: number, concurrency: number, request: (i: number) => LoadRequest): Promise<LoadResult> {
    const bar = progress(label.padEnd(22), total)
    const result = await runLoad({ total, concurrency, request, expect: [201], onProgress: (d) => bar.tick(d) })
    bar.end()
    return result
}

export async function runIntake(url: string, options: { n: number; warmup: number; concurrencies: number[] }): Promise<IntakeRow[]> {
    if (options.warmup > 0) {
        await measure('warm-up connector', options.warmup, 2, connectorRequest(url, 'warmup'))
        await measure('warm-up raw', options.warmup, 2, rawRequest(url, 'warmup'))
    }
    const rows: IntakeRow[] = []
    for (const concurrency of options.concurrencies) {
        const connector = await measure(`connector c=${concurrency}`, options.n, concurrency, connectorRequest(url, `c${concurrency}`))
        const raw = await measure(`raw table c=${concurrency}`, options.n, concurrency, rawRequest(url, `c${concurrency}`))
        rows.push({ concurrency, connector, raw, ratio: round(connector.requestsPerSecond / raw.requestsPerSecond, 2) })
    }
    return rows
}

export function intakeTable(rows: IntakeRow[]): string {
    const body: (string | number)[][] = []
    for (const row of rows) {
        for (const [name, r] of [
            ['POST /connector/tasks', row.connector],
            ['POST /api/now/table/change_request', row.raw],
        ] as const) {
            body.push([name, row.concurrency, r.count, r.requestsPerSecond, r.p50Ms, r.p95Ms, r.p99Ms, name.includes('connector') ? `${row.ratio}× (${pass(row.ratio >= TARGET_RATIO)})` : ''])
        }
    }
    return table(['request', 'conc.', 'n', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'connector/raw ≥ 0.7×'], body)
}

async function main(): Promise<void> {
    const n = envInt('BENCH_N', 2000)
    const warmup = envInt('BENCH_WARMUP', 200)
    const concurrencies = (process.env.BENCH_CONCURRENCY ?? '1,4').split(',').map(Number)
    out(`# Intake: connector vs Table API (${describeMachine()})`)
    const dataDir = tempDataDir('intake')
    prepareDataDir(dataDir)
    const server = await spawnServer(dataDir)
    try {
        await connectTenant(server.url)
        const rows = await runIntake(server.url, { n, warmup, concurrencies })
        out()
        out(intakeTable(rows))
        out()
        out('Same server process, same user (roles x_mioms_m365ticket.integration + itil), basic auth on every request, keep-alive.')
        const path = writeResults('intake', { n, warmup, targetRatio: TARGET_RATIO, rows, machine: machine() })
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
