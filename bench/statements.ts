/**
 * Benchmark 2, the APP's cost per call: GlideRecord operations (query, get, insert, update, delete, numbering:
 * each a database round trip on a real instance, so they carry over) and, next to them, the SQL statements the
 * local instance issues (store.statementCount; they do not carry over). Local instance defaults, in-process.
 *
 *   npm run bench:statements        BENCH_STATEMENT_TICKETS (default 600: enough for a full page of 500)
 *
 * Targets, on GlideRecord operations: intake ≤ 6, replay ≤ 3, list page ≤ 3.
 * GlideRecord operations are counted by wrapping the runtime's GlideRecord prototype (lib/glide-ops.ts).
 * Two SQL counts per operation:
 *   - "app": the built operation script (sys_ws_operation from dist/app) run in the instance's sandbox as the
 *     benchmark user, in the app scope, with the ACL hook and cross-scope policy the server installs. The
 *     counter is reset inside the session (after the user is set up), so it holds exactly what the app code
 *     causes: its GlideRecord reads and writes, numbering, the API log row, and the lookups the runtime makes
 *     on each GlideRecord access on the app's behalf (the cross-scope table policy). Targets apply to this.
 *   - "HTTP": the same request over HTTP to the server in this process (one request at a time), counter read
 *     around the whole request: authentication, REST ACLs, body-size property, session, then the same script.
 * Each figure is the median of 5 calls after one warm-up call (caches of choices and properties are warm, and
 * the tenant's connection is in the app's connection cache). "Cold" is one more call of the app, made after
 * the warm-up with the connection cache flushed: the first call after a change to the connection row.
 */
import { createInstance } from '../emulator/instance/instance.ts'
import { ScopedCacheManager } from '../emulator/instance/glide/namespaces/sn_scoped_cache.ts'
import { CONNECTION_CACHE } from '../src/server/connector/connection-cache.ts'
import { App, describeStatement, StatementLog, summarizeStatements, type Statement } from './lib/app.ts'
import { RAW_FAIR_PATH, RAW_PATH, rawChangeBody, taskBody, TASKS_PATH } from './lib/bodies.ts'
import { describeMachine, envInt, out, pass, table, writeResults } from './lib/common.ts'
import { describeOperations, GlideOperationCounter, type GlideOperationCounts } from './lib/glide-ops.ts'
import { basic, CONNECTOR, TENANT } from './lib/instance.ts'
import { CHANGE_TABLE, INCIDENT_TABLE, seedTickets } from './lib/seed.ts'

const SAMPLES = 5

interface Sample {
    count: number
    statements: Statement[]
    operations?: GlideOperationCounts
}

interface Measured {
    cold?: number
    coldOperations?: GlideOperationCounts
    /** The GlideRecord operations of the median sample (app calls only). */
    operations?: GlideOperationCounts
    counts: number[]
    median: number
    max: number
    statements: Statement[]
    breakdown: Record<string, number>
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b)
    return sorted[Math.floor(sorted.length / 2)]
}

function collect(samples: Sample[], cold?: Sample): Measured {
    const counts = samples.map((s) => s.count)
    const typical = samples.find((s) => s.count === median(counts))!
    return {
        cold: cold?.count,
        coldOperations: cold?.operations,
        operations: typical.operations,
        counts,
        median: median(counts),
        max: Math.max(...counts),
        statements: typical.statements,
        breakdown: summarizeStatements(typical.statements),
    }
}

interface Operation {
    name: string
    target: number | null
    /** The i-th call in the sandbox; `inside` wraps the script run. */
    app(i: number, inside: <T>(fn: () => T) => T): void
    /** The i-th call over HTTP. */
    http(i: number): { path: string; method: string; body?: unknown; expect: number }
}

async function main(): Promise<void> {
    const seeded = envInt('BENCH_STATEMENT_TICKETS', 600)
    out(`# The app's cost per call: GlideRecord operations and SQL statements (${describeMachine()})`)
    const instance = createInstance({ dbPath: ':memory:' })
    const runtime = instance.runtime
    const log = new StatementLog(runtime)
    const glideOperations = new GlideOperationCounter()
    const app = new App(instance)
    app.connect()
    seedTickets(app, seeded)
    const changeNumber = String(runtime.store.get(`SELECT number FROM ${runtime.store.sqlTable(CHANGE_TABLE)} WHERE sys_class_name = ? LIMIT 1`, [CHANGE_TABLE])!.number)
    const incidentNumber = String(runtime.store.get(`SELECT number FROM ${runtime.store.sqlTable(INCIDENT_TABLE)} WHERE sys_class_name = ? LIMIT 1`, [INCIDENT_TABLE])!.number)

    const expectStatus = (route: string, status: number, expected: number) => {
        if (status !== expected) throw new Error(`${route} answered ${status}, expected ${expected}`)
    }
    const list = (limit: number, extra: Record<string, string> = {}): Operation => ({
        name: `list page, limit ${limit}${extra.type ? `, type=${extra.type}` : ''}`,
        target: 3,
        app: (_i, inside) => {
            const r = app.call('GET /tickets', { query: { tenantId: TENANT, limit: String(limit), ...extra } }, inside)
            expectStatus('GET /tickets', r.status, 200)
            if ((r.json!.result!.tickets as unknown[]).length !== limit) throw new Error(`GET /tickets returned ${(r.json!.result!.tickets as unknown[]).length} tickets, expected ${limit}: seed more`)
        },
        http: () => ({ method: 'GET', path: `${CONNECTOR}/tickets?${new URLSearchParams({ tenantId: TENANT, limit: String(limit), ...extra })}`, expect: 200 }),
    })
    const operations: Operation[] = [
        {
            name: 'intake (new task)',
            target: 6,
            app: (i, inside) => expectStatus('POST /tasks', app.call('POST /tasks', { body: taskBody(`stmt-app-${i}`) }, inside).status, 201),
            http: (i) => ({ method: 'POST', path: TASKS_PATH, body: taskBody(`stmt-http-${i}`), expect: 201 }),
        },
        {
            name: 'replay (same task again)',
            target: 3,
            app: (_i, inside) => expectStatus('POST /tasks', app.call('POST /tasks', { body: taskBody('stmt-app-1') }, inside).status, 200),
            http: () => ({ method: 'POST', path: TASKS_PATH, body: taskBody('stmt-http-1'), expect: 200 }),
        },
        {
            name: 'ticket read (change)',
            target: null,
            app: (_i, inside) => expectStatus('GET /tickets/{number}', app.call('GET /tickets/{number}', { query: { tenantId: TENANT }, pathParams: { number: changeNumber } }, inside).status, 200),
            http: () => ({ method: 'GET', path: `${CONNECTOR}/tickets/${changeNumber}?tenantId=${TENANT}`, expect: 200 }),
        },
        {
            name: 'ticket read (incident)',
            target: null,
            app: (_i, inside) => expectStatus('GET /tickets/{number}', app.call('GET /tickets/{number}', { query: { tenantId: TENANT }, pathParams: { number: incidentNumber } }, inside).status, 200),
            http: () => ({ method: 'GET', path: `${CONNECTOR}/tickets/${incidentNumber}?tenantId=${TENANT}`, expect: 200 }),
        },
        list(10),
        list(100),
        list(500),
        list(100, { type: 'change' }),
    ]

    // In the sandbox: the operation script alone.
    const appResults = new Map<string, Measured>()
    const measureOnce = (op: Operation, i: number): Sample => {
        let measured: Sample | undefined
        op.app(i, (fn) => {
            const { value: m, operations } = glideOperations.measure(() => log.measure(fn))
            measured = { count: m.count, statements: m.statements, operations }
            return m.value
        })
        return measured!
    }
    for (const op of operations) {
        op.app(1000, (fn) => fn()) // warm-up
        runtime.runInScope(runtime.scope, () => ScopedCacheManager.flushScopedCache(CONNECTION_CACHE))
        const cold = measureOnce(op, 1001)
        const samples: Sample[] = []
        for (let i = 0; i < SAMPLES; i++) samples.push(measureOnce(op, i + 1))
        appResults.set(op.name, collect(samples, cold))
    }

    // Over HTTP: the whole request, in-process server, one request at a time.
    const server = await instance.listen({ port: 0, logger: false })
    const httpResults = new Map<string, Measured>()
    const send = async (r: { path: string; method: string; body?: unknown; expect: number }) => {
        const response = await fetch(server.url + r.path, {
            method: r.method,
            headers: { authorization: basic(), accept: 'application/json', ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}) },
            body: r.body === undefined ? undefined : JSON.stringify(r.body),
        })
        const text = await response.text()
        if (response.status !== r.expect) throw new Error(`${r.method} ${r.path} answered ${response.status}: ${text.slice(0, 300)}`)
    }
    const httpOps: { name: string; http: Operation['http'] }[] = [
        ...operations,
        { name: 'raw Table API POST change_request, ticket fields', http: (i) => ({ method: 'POST', path: RAW_FAIR_PATH, body: rawChangeBody(`raw-${i}`), expect: 201 }) },
        { name: 'raw Table API POST change_request, full row', http: (i) => ({ method: 'POST', path: RAW_PATH, body: rawChangeBody(`raw-full-${i}`), expect: 201 }) },
    ]
    try {
        for (const op of httpOps) {
            await send(op.http(1000))
            const samples: Sample[] = []
            for (let i = 0; i < SAMPLES; i++) {
                const request = op.http(i + 1)
                log.statements.length = 0
                runtime.store.resetStatementCount()
                log.recording = true
                try {
                    await send(request)
                } finally {
                    log.recording = false
                }
                samples.push({ count: runtime.store.statementCount, statements: [...log.statements] })
            }
            httpResults.set(op.name, collect(samples))
        }
    } finally {
        await instance.close()
    }

    const rows = httpOps.map((op) => {
        const a = appResults.get(op.name)
        const h = httpResults.get(op.name)!
        const target = operations.find((o) => o.name === op.name)?.target ?? null
        return {
            operation: op.name,
            target,
            app: a
                ? { operations: a.operations!, coldOperations: a.coldOperations!, cold: a.cold, median: a.median, max: a.max, breakdown: a.breakdown, statements: a.statements.map(describeStatement) }
                : null,
            http: { median: h.median, max: h.max, breakdown: h.breakdown, statements: h.statements.map(describeStatement) },
            met: target === null || !a ? null : a.operations!.total <= target,
            statementsWithinTarget: target === null || !a ? null : a.median <= target,
        }
    })
    out()
    out(
        table(
            ['operation', 'GlideRecord ops', 'which', 'cold ops', 'app SQL stmts', 'cross-scope lookups', 'cold SQL', 'HTTP SQL', 'target (ops)', 'verdict'],
            rows.map((r) => [
                r.operation,
                r.app ? r.app.operations.total : '-',
                r.app ? describeOperations(r.app.operations) : '-',
                r.app ? r.app.coldOperations.total : '-',
                r.app ? r.app.median : '-',
                r.app ? (r.app.breakdown['cross-scope policy lookup'] ?? 0) : '-',
                r.app?.cold ?? '-',
                r.http.median,
                r.target === null ? '-' : `≤ ${r.target}`,
                r.met === null ? '-' : pass(r.met),
            ]),
        ),
    )
    for (const name of ['intake (new task)', 'replay (same task again)', 'list page, limit 100']) {
        const r = rows.find((x) => x.operation === name)!
        out()
        out(`## ${name}: ${r.app!.operations.total} GlideRecord operations (${describeOperations(r.app!.operations)}); the ${r.app!.median} SQL statements of the app`)
        for (const line of r.app!.statements) out('  ' + line)
    }
    const intakeHttp = rows.find((x) => x.operation === 'intake (new task)')!.http
    out()
    out(`## intake (new task) over HTTP: ${intakeHttp.median} statements`)
    for (const line of intakeHttp.statements) out('  ' + line)
    for (const raw of rows.filter((x) => x.operation.startsWith('raw'))) {
        out()
        out(`## ${raw.operation} over HTTP: ${raw.http.median} statements (${JSON.stringify(raw.http.breakdown)})`)
    }
    out()
    out(`Medians of ${SAMPLES} calls after a warm-up call; ${seeded} tickets in the store. Cold: one call after the warm-up, with the`)
    out('connection cache flushed (the first call after a change to the connection row). Targets are judged on GlideRecord operations.')
    const path = writeResults('statements', { seededTickets: seeded, samples: SAMPLES, rows })
    out(`Results: ${path}`)
}

if (require.main === module) {
    main().catch((error) => {
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
        process.exit(1)
    })
}
