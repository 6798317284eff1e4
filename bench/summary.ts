/**
 * Results at a glance: reads the JSON every benchmark wrote to bench/results/ and prints each target with its
 * measured value and met / MISSED, with the date, machine and commit; draws the intake chart (connector, fair raw
 * and full-row raw throughput and p99 against concurrency) as bench/results/intake.svg with Vega-Lite (rendered to
 * SVG by Vega in Node, no canvas). `npm run bench` ends with it; `npm run bench:summary` runs it alone.
 * Exit code 1 when a target is missed or a benchmark's results are missing.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { IntakeRow } from './intake.ts'
import { describeMachine, type Machine, out, pass, repoRoot, resultsDir, table } from './lib/common.ts'

interface Target {
    benchmark: string
    target: string
    measured: string
    met: boolean | null
}

function load<T>(name: string): (T & { machine: Machine }) | null {
    const path = join(resultsDir, `${name}.json`)
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T & { machine: Machine }) : null
}

function commit(): string {
    try {
        return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
            cwd: repoRoot,
            encoding: 'utf8',
        }).trim()
    } catch {
        return 'unknown'
    }
}

interface IntakeResults {
    targetRatio: number
    targetP99Ratio: number
    rows: IntakeRow[]
}
interface StatementRow {
    operation: string
    target: number | null
    app: { operations: { total: number }; median: number } | null
    met: boolean | null
}
interface ListResults {
    targetRatio: number
    ratios: { first: number; deep: number }
    results: {
        tickets: number
        first: { p50Ms: number }
        deep: { p50Ms: number }
    }[]
    sameSecondTies?: number
}
interface StartupResults {
    memoryTargetMB: number
    memory: { tickets: number; peakHwmMB: number }
}
interface OverloadResults {
    shares: number
    drainSeconds: number
    status429: number
    retries: number
    exactlyOnce: boolean
    retryAfterHonoured: boolean
    duplicates: number
    lost: number
}

function targets(): Target[] {
    const rows: Target[] = []
    const missing = (benchmark: string) =>
        rows.push({
            benchmark,
            target: 'results present',
            measured: `no bench/results/${benchmark}.json: run npm run bench:${benchmark}`,
            met: false,
        })

    const intake = load<IntakeResults>('intake')
    if (!intake) missing('intake')
    else {
        for (const row of intake.rows) {
            rows.push({
                benchmark: 'intake (app)',
                target: `connector ÷ fair raw ≥ ${intake.targetRatio} at c=${row.concurrency}`,
                measured: `${row.ratio}× (${row.connector.requestsPerSecond} vs ${row.raw.requestsPerSecond} req/s; pairs ${row.rounds.map((r) => r.ratio).join(', ')})`,
                met: row.ratio >= intake.targetRatio,
            })
        }
        const four = intake.rows.find((r) => r.concurrency === 4)
        if (four) {
            rows.push({
                benchmark: 'intake (app)',
                target: `p99 at c=4 ≤ ${intake.targetP99Ratio}× fair raw p99`,
                measured: `${four.p99Ratio}× (${four.connector.p99Ms} vs ${four.raw.p99Ms} ms)`,
                met: four.p99Ratio <= intake.targetP99Ratio,
            })
        }
    }

    const statements = load<{ rows: StatementRow[] }>('statements')
    if (!statements) missing('statements')
    else {
        for (const row of statements.rows.filter((r) => r.target !== null && r.app)) {
            rows.push({
                benchmark: 'cost per call (app)',
                target: `${row.operation}: GlideRecord ops ≤ ${row.target}`,
                measured: `${row.app!.operations.total} ops (${row.app!.median} SQL statements on the local instance)`,
                met: row.met,
            })
        }
    }

    const list = load<ListResults>('list')
    if (!list) missing('list')
    else {
        const [base, top] = [list.results[0], list.results[list.results.length - 1]]
        for (const kind of ['first', 'deep'] as const) {
            rows.push({
                benchmark: 'list (app)',
                target: `${kind} page p50 at ${top.tickets.toLocaleString('en-US')} ≤ ${list.targetRatio}× p50 at ${base.tickets.toLocaleString('en-US')}`,
                measured: `${list.ratios[kind]}× (${base[kind].p50Ms} → ${top[kind].p50Ms} ms${list.sameSecondTies ? `; ${list.sameSecondTies} tickets per second at most` : ''})`,
                met: list.ratios[kind] <= list.targetRatio,
            })
        }
    }

    const startup = load<StartupResults>('startup')
    if (!startup) missing('startup')
    else {
        rows.push({
            benchmark: 'memory (local instance)',
            target: `peak RSS with ${startup.memory.tickets.toLocaleString('en-US')} tickets under load ≤ ${startup.memoryTargetMB} MB`,
            measured: `${startup.memory.peakHwmMB} MB`,
            met: startup.memory.peakHwmMB <= startup.memoryTargetMB,
        })
    }

    const overload = load<OverloadResults>('overload')
    if (!overload) missing('overload')
    else {
        rows.push({
            benchmark: 'overload (app + M365 client)',
            target: `${overload.shares} concurrent shares land exactly once`,
            measured: `${overload.duplicates} duplicated, ${overload.lost} lost; drained in ${overload.drainSeconds} s`,
            met: overload.exactlyOnce,
        })
        rows.push({
            benchmark: 'overload (app + M365 client)',
            target: 'every 429 retried after its Retry-After',
            measured: `${overload.status429} × 429, ${overload.retries} retries`,
            met: overload.retryAfterHonoured && overload.status429 > 0,
        })
    }
    return rows
}

/** The Vega-Lite spec of the intake chart: throughput and p99 against concurrency, one line per request. */
export function intakeChartSpec(rows: IntakeRow[], subtitle: string): Record<string, unknown> {
    const values = rows.flatMap((row) => [
        {
            concurrency: row.concurrency,
            request: 'connector (POST /connector/tasks)',
            rps: row.connector.requestsPerSecond,
            p99: row.connector.p99Ms,
        },
        {
            concurrency: row.concurrency,
            request: 'fair raw (ticket fields)',
            rps: row.raw.requestsPerSecond,
            p99: row.raw.p99Ms,
        },
        {
            concurrency: row.concurrency,
            request: 'full-row raw (every column)',
            rps: row.fullRow.requestsPerSecond,
            p99: row.fullRow.p99Ms,
        },
    ])
    const x = {
        field: 'concurrency',
        type: 'quantitative',
        scale: { type: 'log', base: 2 },
        axis: { values: rows.map((r) => r.concurrency), title: 'concurrency' },
    }
    const color = {
        field: 'request',
        type: 'nominal',
        title: null,
        legend: { orient: 'bottom', direction: 'vertical', labelLimit: 400 },
    }
    const panel = (field: string, title: string) => ({
        width: 300,
        height: 220,
        mark: { type: 'line', point: true },
        encoding: { x, y: { field, type: 'quantitative', title }, color },
    })
    return {
        $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
        title: {
            text: 'Intake: connector vs Table API on the local instance',
            subtitle,
        },
        data: { values },
        hconcat: [panel('rps', 'requests per second (median of rounds)'), panel('p99', 'p99 latency, ms (median of rounds)')],
        config: { font: 'sans-serif' },
    }
}

async function renderSvg(spec: Record<string, unknown>): Promise<string> {
    // Both are ESM-only packages: loaded with import() from this CommonJS module.
    const vegaLite = await import('vega-lite')
    const vega = await import('vega')
    const compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0]).spec
    const view = new vega.View(vega.parse(compiled), { renderer: 'none' })
    return view.toSVG()
}

async function main(): Promise<void> {
    const rev = commit()
    const all = targets()
    const intake = load<IntakeResults>('intake')
    const machine = intake?.machine
    out(`# Benchmark targets — ${machine ? describeMachine(machine) : describeMachine()} · commit ${rev}`)
    out()
    out(
        table(
            ['benchmark', 'target', 'measured', 'verdict'],
            all.map((t) => [t.benchmark, t.target, t.measured, t.met === null ? '-' : pass(t.met)]),
        ),
    )
    const missed = all.filter((t) => t.met === false)
    out()
    out(missed.length === 0 ? `Every target met (${all.length}).` : `${missed.length} of ${all.length} targets MISSED: ${missed.map((t) => t.target).join('; ')}`)
    if (intake) {
        const svg = await renderSvg(intakeChartSpec(intake.rows, `${intake.machine.date.slice(0, 10)} · ${intake.machine.nproc} CPUs · commit ${rev}`))
        const path = join(resultsDir, 'intake.svg')
        writeFileSync(path, svg)
        out(`Chart: ${path}`)
    }
    writeFileSync(join(resultsDir, 'summary.json'), JSON.stringify({ commit: rev, machine: machine ?? null, targets: all }, null, 2) + '\n')
    if (missed.length) process.exitCode = 1
}

if (require.main === module) {
    main().catch((error) => {
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
        process.exit(1)
    })
}
