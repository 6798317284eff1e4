/**
 * Benchmark 3, list scaling — measures the APP's GET /connector/tickets page latency with 1,000 and then 100,000
 * tickets of the tenant in the store, and the SQLite query plan of the list query; local instance defaults.
 * (Seeding times measure the local instance itself.) Tickets are seeded with realistic ties: bulk intake makes
 * BENCH_TIES (default 100) tickets in the same second (lib/seed.ts), so the cursor meets runs of equal times.
 *
 *   npm run bench:list      BENCH_LIST_SIZES (default "1000,100000"), BENCH_LIST_REQUESTS (default 200 per page
 *                           kind and size), BENCH_LIST_LIMIT (default 100, the API's default page size)
 *
 * Two page kinds: the first page (no cursor) and a deep page (the cursor of a ticket in the middle of the list,
 * inside a run of tickets made in the same second, what a client paging through meets; in the middle so that a full
 * page follows at every size: at 90 % of 1,000 tickets only one short page is left, which flattered the small size).
 * Requests go one at a time (concurrency 1) to the server in its own process, after 100 warm-up requests. Target: p50 at the largest size ≤ 1.5 × p50 at the smallest, through
 * indexes rather than scans.
 * Seeding (lib/seed.ts) runs in this process, in transactions, before the servers start; each size has its own data
 * folder and instance, all up at once, measured in BENCH_ROUNDS (default 4) alternating rounds; figures are medians
 * over the rounds and the ratio is the median of the rounds' ratios.
 */
import { App, StatementLog } from './lib/app.ts'
import { describeMachine, envInt, out, pass, progress, round, table, writeResults } from './lib/common.ts'
import { basic, CONNECTOR, openInstance, removeDataDir, type ServerProcess, spawnServer, TENANT, tempDataDir } from './lib/instance.ts'
import { type LoadRequest, type LoadResult, runLoad } from './lib/load.ts'
import { CHANGE_TABLE, INCIDENT_TABLE, largestTie, seedTickets, ticketCount, TICKETS_PER_SECOND } from './lib/seed.ts'

const TARGET = 1.5

interface Plan {
    sql: string
    plan: string[]
}

interface PageResult {
    count: number
    /** Medians over the rounds. */
    p50Ms: number
    p95Ms: number
    requestsPerSecond: number
    roundP50Ms: number[]
}

interface SizeResult {
    tickets: number
    seedSeconds: number
    /** The most tickets sharing one sys_updated_on second. */
    largestTie: number
    first: PageResult
    deep: PageResult
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

/** The cursor of the ticket in the middle of the (sys_updated_on, sys_id) order, half-way into a same-second run, as the API encodes it. */
function deepCursor(app: App): string {
    const store = app.runtime.store
    const n = ticketCount(app)
    const row = store.get<{ sys_updated_on: string; sys_id: string }>(
        `SELECT sys_updated_on, sys_id FROM ${store.sqlTable(CHANGE_TABLE)} WHERE sys_class_name IN (?, ?) ORDER BY sys_updated_on, sys_id LIMIT 1 OFFSET ?`,
        [CHANGE_TABLE, INCIDENT_TABLE, Math.floor(n / 2) + Math.floor(TICKETS_PER_SECOND / 2)],
    )!
    return row.sys_updated_on.replace(/[- :]/g, '') + '.' + row.sys_id
}

interface Prepared {
    dataDir: string
    tickets: number
    seedSeconds: number
    largestTie: number
    cursor: string
    plans: Plan[]
}

/** A data folder of its own seeded with `size` tickets, its deep cursor and its query plans. */
function prepareSize(size: number, limit: number): Prepared {
    const dataDir = tempDataDir(`list-${size}`)
    const instance = openInstance(dataDir)
    const runtime = instance.runtime
    try {
        const log = new StatementLog(runtime)
        const app = new App(instance)
        app.connect()
        const seedSeconds = seedTickets(app, size)
        const cursor = deepCursor(app)
        return { dataDir, tickets: ticketCount(app), seedSeconds: round(seedSeconds, 1), largestTie: largestTie(app), cursor, plans: listPlans(app, log, cursor, limit) }
    } finally {
        runtime.close()
    }
}

function pageRequest(url: string, cursor: string | null, limit: number): () => LoadRequest {
    const headers = { authorization: basic(), accept: 'application/json' }
    return () => ({
        url: `${url}${CONNECTOR}/tickets?${new URLSearchParams({ tenantId: TENANT, limit: String(limit), ...(cursor ? { cursor } : {}) })}`,
        method: 'GET',
        headers,
    })
}

const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b)
    const mid = Math.floor(sorted.length / 2)
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

async function main(): Promise<void> {
    const sizes = (process.env.BENCH_LIST_SIZES ?? '1000,100000').split(',').map((s) => Number(s.replace(/_/g, '')))
    const requests = envInt('BENCH_LIST_REQUESTS', 200)
    const rounds = Math.max(1, envInt('BENCH_ROUNDS', 4))
    const limit = envInt('BENCH_LIST_LIMIT', 100)
    out(`# List scaling: the APP's GET /tickets?limit=${limit}, local instance defaults (${describeMachine()})`)
    // Every size has its own instance, all running at once, measured in alternating rounds (size A, size B, size A,
    // …) so that the machine's noise falls on every size alike; each figure is the median over the rounds.
    const prepared: Prepared[] = []
    const servers: ServerProcess[] = []
    const results: SizeResult[] = []
    try {
        for (const size of sizes) prepared.push(prepareSize(size, limit))
        for (const p of prepared) servers.push(await spawnServer(p.dataDir))
        // Enough warm-up for the JIT to settle on each freshly started instance.
        for (const [i, server] of servers.entries()) {
            await runLoad({ total: 100, concurrency: 1, request: pageRequest(server.url, null, limit), expect: [200] })
            await runLoad({ total: 100, concurrency: 1, request: pageRequest(server.url, prepared[i].cursor, limit), expect: [200] })
        }
        const perRound = Math.max(1, Math.round(requests / rounds))
        const measured = prepared.map(() => ({ first: [] as LoadResult[], deep: [] as LoadResult[] }))
        const bar = progress('pages'.padEnd(22), rounds * sizes.length * 2)
        let done = 0
        for (let r = 0; r < rounds; r++) {
            for (const [i, server] of servers.entries()) {
                measured[i].first.push(await runLoad({ total: perRound, concurrency: 1, request: pageRequest(server.url, null, limit), expect: [200] }))
                bar.tick(++done)
                measured[i].deep.push(await runLoad({ total: perRound, concurrency: 1, request: pageRequest(server.url, prepared[i].cursor, limit), expect: [200] }))
                bar.tick(++done)
            }
        }
        bar.end()
        const summary = (runs: LoadResult[]): PageResult => ({
            count: runs.reduce((sum, x) => sum + x.count, 0),
            p50Ms: round(median(runs.map((x) => x.p50Ms)), 2),
            p95Ms: round(median(runs.map((x) => x.p95Ms)), 2),
            requestsPerSecond: round(median(runs.map((x) => x.requestsPerSecond)), 1),
            roundP50Ms: runs.map((x) => x.p50Ms),
        })
        for (const [i, p] of prepared.entries()) {
            results.push({ tickets: p.tickets, seedSeconds: p.seedSeconds, largestTie: p.largestTie, first: summary(measured[i].first), deep: summary(measured[i].deep), plans: p.plans })
        }
    } finally {
        for (const server of servers) await server.stop()
        for (const p of prepared) removeDataDir(p.dataDir)
    }
    const base = results[0]
    const top = results[results.length - 1]
    // The median over the rounds of each round's p50 ratio: both sizes of a round met the same machine.
    const ratio = (kind: 'first' | 'deep') => round(median(top[kind].roundP50Ms.map((p50, r) => p50 / base[kind].roundP50Ms[r])), 2)
    out()
    out(
        table(
            ['tickets', 'seeding s', 'page', 'n', 'p50 ms', 'p95 ms', 'req/s', 'p50 of each round, ms', `p50 / p50 at ${base.tickets}`],
            results.flatMap((r) =>
                (['first', 'deep'] as const).map((kind) => [
                    r.tickets,
                    r.seedSeconds,
                    kind === 'first' ? 'first page' : 'deep page (cursor in the middle)',
                    r[kind].count,
                    r[kind].p50Ms,
                    r[kind].p95Ms,
                    r[kind].requestsPerSecond,
                    r[kind].roundP50Ms.join(' / '),
                    round(median(r[kind].roundP50Ms.map((p50, i) => p50 / base[kind].roundP50Ms[i])), 2),
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
    out(`Ties: up to ${top.largestTie} tickets share one sys_updated_on second (bulk intake); the deep page's cursor falls inside such a run.`)
    out(`Medians over ${rounds} alternating rounds; the ratio is the median of the rounds' ratios.`)
    const path = writeResults('list', { limit, requests, rounds, targetRatio: TARGET, results, sameSecondTies: top.largestTie, ratios: { first: ratio('first'), deep: ratio('deep') }, usesScansOrSorts: scans })
    out(`Results: ${path}`)
}

if (require.main === module) {
    main().catch((error) => {
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
        process.exit(1)
    })
}
