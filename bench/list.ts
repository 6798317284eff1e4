/**
 * Benchmark 3, list scaling: GET /connector/tickets page latency with 1,000 and then 100,000 tickets of the
 * tenant in the store, and the SQLite query plan of the list query.
 *
 *   npm run bench:list      BENCH_LIST_SIZES (default "1000,100000"), BENCH_LIST_REQUESTS (default 200 per page
 *                           kind and size), BENCH_LIST_LIMIT (default 100, the API's default page size)
 *
 * Two page kinds: the first page (no cursor) and a deep page (the cursor of the ticket at 90 % of the list,
 * what a client paging through meets). Requests go one at a time (concurrency 1) to the server in its own
 * process, after 20 warm-up requests. Target: p50 at the largest size ≤ 1.5 × p50 at the smallest, through
 * indexes rather than scans.
 * Seeding (lib/seed.ts) runs in this process, in transactions, while the server is stopped.
 */
import { App, StatementLog } from './lib/app.ts'
import { describeMachine, envInt, out, pass, progress, round, table, writeResults } from './lib/common.ts'
import { basic, CONNECTOR, openRuntime, removeDataDir, spawnServer, TENANT, tempDataDir } from './lib/instance.ts'
import { runLoad, type LoadResult } from './lib/load.ts'
import { CHANGE_TABLE, INCIDENT_TABLE, seedTickets, ticketCount } from './lib/seed.ts'

const TARGET = 1.5

interface Plan {
    sql: string
    plan: string[]
}

interface SizeResult {
    tickets: number
    seedSeconds: number
    first: LoadResult
    deep: LoadResult
    plans: Plan[]
}

/** The SQL the list issues on the ticket tables (captured from the runtime) and SQLite's plan for each. */
function listPlans(app: App, log: StatementLog, cursor: string, limit: number): Plan[] {
    const plans: Plan[] = []
    const queries: Record<string, string>[] = [{ tenantId: TENANT, limit: String(limit) }, { tenantId: TENANT, limit: String(limit), cursor }]
    for (const query of queries) {
        let statements: { sql: string; params: unknown[] }[] = []
        app.call('GET /tickets', { query }, (fn) => {
            const m = log.measure(fn)
            statements = m.statements
            return m.value
        })
        for (const s of statements.filter((x) => x.sql.includes('FROM "task"'))) {
            const rows = app.runtime.store.db.prepare('EXPLAIN QUERY PLAN ' + s.sql).all(...s.params) as { detail: string }[]
            const sql = s.sql + '   -- params: ' + JSON.stringify(s.params)
            if (!plans.some((p) => p.sql === sql)) plans.push({ sql, plan: rows.map((r) => r.detail) })
        }
    }
    return plans
}

/** The cursor of the ticket at 90 % of the (sys_updated_on, sys_id) order, as the API encodes it. */
function deepCursor(app: App): string {
    const store = app.runtime.store
    const n = ticketCount(app)
    const row = store.get<{ sys_updated_on: string; sys_id: string }>(
        `SELECT sys_updated_on, sys_id FROM ${store.sqlTable(CHANGE_TABLE)} WHERE sys_class_name IN (?, ?) ORDER BY sys_updated_on, sys_id LIMIT 1 OFFSET ?`,
        [CHANGE_TABLE, INCIDENT_TABLE, Math.floor(n * 0.9)],
    )!
    return row.sys_updated_on.replace(/[- :]/g, '') + '.' + row.sys_id
}

async function measurePages(url: string, cursor: string, requests: number, limit: number): Promise<{ first: LoadResult; deep: LoadResult }> {
    const headers = { authorization: basic(), accept: 'application/json' }
    const page = (withCursor: boolean) => () => ({
        url: `${url}${CONNECTOR}/tickets?${new URLSearchParams({ tenantId: TENANT, limit: String(limit), ...(withCursor ? { cursor } : {}) })}`,
        method: 'GET',
        headers,
    })
    await runLoad({ total: 20, concurrency: 1, request: page(false), expect: [200] })
    await runLoad({ total: 20, concurrency: 1, request: page(true), expect: [200] })
    const run = async (label: string, withCursor: boolean) => {
        const bar = progress(label.padEnd(22), requests)
        const result = await runLoad({ total: requests, concurrency: 1, request: page(withCursor), expect: [200], onProgress: (d) => bar.tick(d) })
        bar.end()
        return result
    }
    return { first: await run('first page', false), deep: await run('deep page (90 %)', true) }
}

async function main(): Promise<void> {
    const sizes = (process.env.BENCH_LIST_SIZES ?? '1000,100000').split(',').map((s) => Number(s.replace(/_/g, '')))
    const requests = envInt('BENCH_LIST_REQUESTS', 200)
    const limit = envInt('BENCH_LIST_LIMIT', 100)
    out(`# List scaling: GET /tickets?limit=${limit} (${describeMachine()})`)
    const dataDir = tempDataDir('list')
    const results: SizeResult[] = []
    try {
        for (const size of sizes) {
            const runtime = openRuntime(dataDir)
            const log = new StatementLog(runtime)
            const app = new App(runtime)
            app.connect()
            const seedSeconds = seedTickets(app, size)
            const cursor = deepCursor(app)
            const plans = listPlans(app, log, cursor, limit)
            const tickets = ticketCount(app)
            runtime.close()
            const server = await spawnServer(dataDir)
            try {
                const { first, deep } = await measurePages(server.url, cursor, requests, limit)
                results.push({ tickets, seedSeconds: round(seedSeconds, 1), first, deep, plans })
            } finally {
                await server.stop()
            }
        }
    } finally {
        removeDataDir(dataDir)
    }
    const base = results[0]
    const top = results[results.length - 1]
    const ratio = (kind: 'first' | 'deep') => round(top[kind].p50Ms / base[kind].p50Ms, 2)
    out()
    out(
        table(
            ['tickets', 'seeding s', 'page', 'n', 'p50 ms', 'p95 ms', 'req/s', `p50 / p50 at ${base.tickets}`],
            results.flatMap((r) =>
                (['first', 'deep'] as const).map((kind) => [
                    r.tickets,
                    r.seedSeconds,
                    kind === 'first' ? 'first page' : 'deep page (cursor at 90 %)',
                    r[kind].count,
                    r[kind].p50Ms,
                    r[kind].p95Ms,
                    r[kind].requestsPerSecond,
                    round(r[kind].p50Ms / base[kind].p50Ms, 2),
                ]),
            ),
        ),
    )
    out()
    out(`Target p50 at ${top.tickets} ≤ ${TARGET} × p50 at ${base.tickets}: first page ${ratio('first')}× (${pass(ratio('first') <= TARGET)}), deep page ${ratio('deep')}× (${pass(ratio('deep') <= TARGET)})`)
    for (const r of results) {
        out()
        out(`## Query plans with ${r.tickets} tickets (EXPLAIN QUERY PLAN of the statements GET /tickets issues on the ticket tables)`)
        for (const p of r.plans) {
            out(`  ${p.sql}`)
            for (const line of p.plan) out(`      ${line}`)
        }
    }
    const scans = top.plans.some((p) => p.plan.some((l) => /^SCAN |TEMP B-TREE FOR ORDER BY/.test(l)) || p.plan.some((l) => /INDEX \w+__sys_class_name/.test(l)))
    out()
    out(scans ? 'The list query does NOT run through an index that serves it: it reads every row of the class and sorts them (see the plans).' : 'The list query runs through an index in (connection, updated, sys_id) order.')
    const path = writeResults('list', { limit, requests, targetRatio: TARGET, results, ratios: { first: ratio('first'), deep: ratio('deep') }, usesScansOrSorts: scans })
    out(`Results: ${path}`)
}

if (require.main === module) {
    main().catch((error) => {
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
        process.exit(1)
    })
}
