/**
 * Bridge — measures the Secure Score BRIDGE's Graph side (refresh and write-back) against the local Graph stand-in
 * (emulator/graph/server.ts) with 50 ms added to every request.
 *
 *   npm run bench:bridge    BENCH_BRIDGE_TENANTS (default 100), BENCH_BRIDGE_PROFILES (460), BENCH_BRIDGE_WRITES (1000)
 *
 * Two runs, each on its own stand-in (fresh temporary folder, 127.0.0.1, port 0) in this process, and with the
 * bridge side in a child process (lib/bridge-worker.ts), so the child's peak RSS is the bridge's alone:
 *   1. refresh:     100 tenants seeded with 460 synthetic profiles each (a real tenant's list) and 90 days of
 *                   scores; the child runs createSecureScoreRefresher(...).refreshAll() once over all of them with
 *                   the real msal token source, the Secure Score client (4 in flight per tenant) and a SQLite store
 *                   file. Targets: ≤ 15 s wall time, ≤ 400 MB peak RSS of the whole bridge process; every profile
 *                   stored. The stand-in answers 429 above 4 in flight per tenant, so "429s: 0" shows the limit held.
 *   2. write-back:  one tenant, 1,000 outbox rows (state ThirdParty) for 1,000 distinct controls none of which is
 *                   in ThirdParty yet, a 429 (Retry-After: 1) on every 10th Graph call; the child drains with the
 *                   client bridge/server.ts gives the outbox (maxRetryAfterSeconds 0, the shared limiter) until no row
 *                   is open. Target: exactly one new state update per control in the stand-in, 1,000 in all, ≤ 60 s.
 * Each run has a hard timeout: past it the child is killed and the benchmark stops with a message saying which run.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isDeviceControl } from '../bridge/ports/graph/control-state.ts'
import { createGraphServer, type FaultSwitches, type GraphServer, type RequestLogEntry, type TenantSeed } from '../emulator/graph/server.ts'
import { syntheticControlProfiles } from '../emulator/graph/fixtures/control-profiles.ts'
import { describeMachine, envInt, out, pass, round, table, writeResults } from './lib/common.ts'
import type { GraphTarget, RefreshReport, WorkerJob, WorkerReport, WriteBackReport } from './lib/bridge-worker.ts'

export const LATENCY_MS = 50
export const TARGET_REFRESH_SECONDS = 15
export const TARGET_REFRESH_RSS_MB = 400
export const TARGET_WRITE_BACK_SECONDS = 60
export const THROTTLE_EVERY = 10
const WRITE_STATE = 'ThirdParty'
/** Past these the run is aborted: several times the targets, so only a hang or a collapse reaches them. */
const REFRESH_TIMEOUT_MS = 180_000
const WRITE_BACK_TIMEOUT_MS = 300_000

/** Every switch given, so a GRAPH_FAULT_* left in the environment cannot change a run. */
function faults(throttleEvery: number): FaultSwitches {
    return { latencyMs: LATENCY_MS, throttleEvery, retryAfterSeconds: 1, unavailableEvery: 0, partialEvery: 0, refuseAppOnlyPatch: false }
}

/** A GUID-shaped tenant id per index, stable across runs. */
function tenantId(index: number): string {
    return `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`
}

class RunTimeout extends Error {}

interface Stand {
    server: GraphServer
    dir: string
    target: GraphTarget
}

async function startStandIn(label: string, tenants: TenantSeed[], switches: FaultSwitches): Promise<Stand> {
    const dir = mkdtempSync(join(tmpdir(), `bench-bridge-${label}-`))
    try {
        const server = await createGraphServer({ port: 0, dataDir: join(dir, 'graph'), tenants, faults: switches, logger: false })
        const target: GraphTarget = {
            authorityHost: server.url,
            graphBaseUrl: server.graphBaseUrl,
            caPem: server.caPem,
            clientId: server.demo.clientId,
            clientSecret: server.demo.clientSecret,
            storeFile: join(dir, 'bridge.sqlite'),
        }
        return { server, dir, target }
    } catch (error) {
        rmSync(dir, { recursive: true, force: true })
        throw error
    }
}

async function stopStandIn(stand: Stand): Promise<void> {
    try {
        await stand.server.close()
    } finally {
        rmSync(stand.dir, { recursive: true, force: true })
    }
}

/** Forks the worker, hands it the job and waits for its report, killing it past `timeoutMs`. */
function runWorker(job: WorkerJob, timeoutMs: number): Promise<WorkerReport> {
    const child: ChildProcess = fork(join(__dirname, 'lib', 'bridge-worker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    return new Promise<WorkerReport>((resolve, reject) => {
        let report: WorkerReport | null = null
        const timer = setTimeout(() => {
            child.kill('SIGKILL')
            reject(new RunTimeout(`bench:bridge: the ${job.kind} run did not finish within ${timeoutMs / 1000} s; the bridge process was killed and the benchmark aborted`))
        }, timeoutMs)
        child.once('message', (message: WorkerReport) => (report = message))
        child.once('error', (error) => {
            clearTimeout(timer)
            reject(error)
        })
        child.once('exit', (code, signal) => {
            clearTimeout(timer)
            if (report?.kind === 'error') reject(new Error(`the bridge process failed: ${report.message}`))
            else if (report) resolve(report)
            else reject(new Error(`the bridge process exited (${signal ?? code}) without a report`))
        })
        child.send(job)
    })
}

function graphCalls(log: RequestLogEntry[]): RequestLogEntry[] {
    return log.filter((entry) => entry.path.startsWith('/v1.0/'))
}

interface RefreshFigures {
    tenants: number
    profilesPerTenant: number
    report: RefreshReport
    requests: number
    graphRequests: number
    tokenRequests: number
    throttled: number
    tenantsComplete: number
    seconds: number
    peakRssMb: number
    wallMet: boolean
    memoryMet: boolean
    allStored: boolean
}

async function runRefresh(tenants: number, profiles: number): Promise<RefreshFigures> {
    const ids = Array.from({ length: tenants }, (_, i) => tenantId(i))
    const stand = await startStandIn('refresh', ids.map((id, i) => ({ tenantId: id, displayName: `Bench tenant ${i + 1}`, profiles, scoreDays: 90 })), faults(0))
    try {
        const report = await runWorker({ kind: 'refresh', tenants: ids, ...stand.target }, REFRESH_TIMEOUT_MS)
        if (report.kind !== 'refresh') throw new Error(`expected a refresh report, got ${report.kind}`)
        const log = stand.server.requestLog()
        const graph = graphCalls(log)
        const seconds = round(report.wallMs / 1000, 2)
        const peakRssMb = round(report.maxRssKb / 1024, 1)
        const tenantsComplete = report.storedProfiles.filter((n) => n === profiles).length
        return {
            tenants,
            profilesPerTenant: profiles,
            report,
            requests: log.length,
            graphRequests: graph.length,
            tokenRequests: log.length - graph.length,
            throttled: log.filter((entry) => entry.status === 429).length,
            tenantsComplete,
            seconds,
            peakRssMb,
            wallMet: seconds <= TARGET_REFRESH_SECONDS,
            memoryMet: peakRssMb <= TARGET_REFRESH_RSS_MB,
            allStored: tenantsComplete === tenants && report.outcomes.full === tenants,
        }
    } finally {
        await stopStandIn(stand)
    }
}

interface WriteBackFigures {
    writes: number
    seededProfiles: number
    report: WriteBackReport
    graphRequests: number
    throttled: number
    patches: number
    updatesAdded: number
    controlsWithOne: number
    controlsRepeated: number
    controlsMissing: number
    wrongContent: number
    seconds: number
    exactlyOnce: boolean
    wallMet: boolean
}

/** Enough synthetic profiles that `writes` of them are not Device controls (those Graph cannot set). */
function profilesFor(writes: number, tenant: string): { count: number; controls: string[] } {
    for (let count = writes; ; count += 100) {
        const controls = syntheticControlProfiles(tenant, count)
            .filter((p) => !isDeviceControl(String(p.id)) && p.controlStateUpdates?.at(-1)?.state !== WRITE_STATE)
            .map((p) => String(p.id))
        if (controls.length >= writes) return { count, controls: controls.slice(0, writes) }
    }
}

async function runWriteBack(writes: number): Promise<WriteBackFigures> {
    const tenant = tenantId(0)
    const { count, controls } = profilesFor(writes, tenant)
    const stand = await startStandIn('write-back', [{ tenantId: tenant, displayName: 'Bench write-back tenant', profiles: count, scoreDays: 1 }], faults(THROTTLE_EVERY))
    try {
        const before = new Map(controls.map((id) => [id, stand.server.stateUpdates(tenant, id)]))
        // The premise of "none skipped": no chosen control is in the target state when the run starts.
        const already = controls.filter((id) => before.get(id)?.at(-1)?.state === WRITE_STATE)
        if (already.length > 0) throw new Error(`${already.length} chosen controls are already ${WRITE_STATE}: ${already.slice(0, 3).join(', ')}`)
        const report = await runWorker({ kind: 'write-back', tenantId: tenant, controls, state: WRITE_STATE, ...stand.target }, WRITE_BACK_TIMEOUT_MS)
        if (report.kind !== 'write-back') throw new Error(`expected a write-back report, got ${report.kind}`)
        let updatesAdded = 0
        let controlsWithOne = 0
        let controlsRepeated = 0
        let controlsMissing = 0
        let wrongContent = 0
        for (const id of controls) {
            const added = stand.server.stateUpdates(tenant, id).slice(before.get(id)?.length ?? 0)
            updatesAdded += added.length
            if (added.length === 1) controlsWithOne++
            else if (added.length === 0) controlsMissing++
            else controlsRepeated++
            wrongContent += added.filter((u) => u.state !== WRITE_STATE || u.comment !== report.comments[id]).length
        }
        const graph = graphCalls(stand.server.requestLog())
        const seconds = round(report.wallMs / 1000, 2)
        const exactlyOnce = updatesAdded === writes && controlsWithOne === writes && wrongContent === 0
        return {
            writes,
            seededProfiles: count,
            report,
            graphRequests: graph.length,
            throttled: graph.filter((entry) => entry.status === 429).length,
            patches: graph.filter((entry) => entry.method === 'PATCH').length,
            updatesAdded,
            controlsWithOne,
            controlsRepeated,
            controlsMissing,
            wrongContent,
            seconds,
            exactlyOnce,
            wallMet: seconds <= TARGET_WRITE_BACK_SECONDS,
        }
    } finally {
        await stopStandIn(stand)
    }
}

async function main(): Promise<void> {
    const tenants = envInt('BENCH_BRIDGE_TENANTS', 100)
    const profiles = envInt('BENCH_BRIDGE_PROFILES', 460)
    const writes = envInt('BENCH_BRIDGE_WRITES', 1000)
    out(`# Bridge: Secure Score refresh and write-back against the Graph stand-in, +${LATENCY_MS} ms per request (${describeMachine()})`)

    out(`\n## 1. Refresh: ${tenants} tenants × ${profiles} profiles, 4 in flight per tenant (bridge in its own process)`)
    const refresh = await runRefresh(tenants, profiles)
    out(
        table(
            ['figure', 'value', 'target', 'verdict'],
            [
                ['wall time (refreshAll)', `${refresh.seconds} s`, `≤ ${TARGET_REFRESH_SECONDS} s`, pass(refresh.wallMet)],
                ['peak RSS, whole bridge process', `${refresh.peakRssMb} MB`, `≤ ${TARGET_REFRESH_RSS_MB} MB`, pass(refresh.memoryMet)],
                ['profiles stored', `${refresh.tenantsComplete} of ${tenants} tenants with all ${profiles}`, 'all', pass(refresh.allStored)],
                ['outcomes', `${refresh.report.outcomes.full} full, ${refresh.report.outcomes.partial} partial, ${refresh.report.outcomes.failed} failed`, '', ''],
                ['requests', `${refresh.requests} (${refresh.graphRequests} Graph, ${refresh.tokenRequests} Entra)`, '', ''],
                ['429s seen', refresh.throttled, '', ''],
            ],
        ),
    )
    for (const error of refresh.report.errors.slice(0, 5)) out(`  error: ${error}`)
    const storedCounts = [...new Set(refresh.report.storedProfiles)].sort((a, b) => a - b)
    out(`Profiles stored per tenant: ${storedCounts.length === 1 ? `${storedCounts[0]} in each` : `from ${storedCounts[0]} to ${storedCounts.at(-1)}`}`)

    out(`\n## 2. Write-back: ${writes} queued rows, one tenant, a 429 (Retry-After: 1) every ${THROTTLE_EVERY}th Graph call`)
    const writeBack = await runWriteBack(writes)
    const r = writeBack.report
    out(
        table(
            ['figure', 'value', 'target', 'verdict'],
            [
                ['wall time (drain until no row is open)', `${writeBack.seconds} s`, `≤ ${TARGET_WRITE_BACK_SECONDS} s`, pass(writeBack.wallMet)],
                [
                    'state updates added in the stand-in',
                    `${writeBack.updatesAdded} (${writeBack.controlsWithOne} controls once, ${writeBack.controlsRepeated} more than once, ${writeBack.controlsMissing} none, ${writeBack.wrongContent} wrong state or comment)`,
                    `exactly 1 per control, ${writes}`,
                    pass(writeBack.exactlyOnce),
                ],
                ['outbox rows', Object.entries(r.statuses).map(([status, n]) => `${n} ${status}`).join(', '), '', ''],
                ['drain results', `${r.totals.done} done, ${r.totals.skipped} skipped, ${r.totals.failed} failed, ${r.totals.requeued} requeued, in ${r.drains} drain() calls`, '', ''],
                ['Graph requests', `${writeBack.graphRequests} (${writeBack.patches} PATCH; ${r.patchAttempts} PATCHes started by the outbox)`, '', ''],
                ['429s seen', writeBack.throttled, '', ''],
                ['peak RSS, bridge process', `${round(r.maxRssKb / 1024, 1)} MB`, '', ''],
            ],
        ),
    )
    for (const line of r.notDone.slice(0, 5)) out(`  not done: ${line}`)
    out(`Seeded ${writeBack.seededProfiles} synthetic profiles so that ${writes} are settable (not Device controls) and not yet ${WRITE_STATE}.`)

    const path = writeResults('bridge', {
        latencyMs: LATENCY_MS,
        refresh: { ...refresh, targets: { seconds: TARGET_REFRESH_SECONDS, rssMb: TARGET_REFRESH_RSS_MB } },
        writeBack: { ...writeBack, report: { ...writeBack.report, comments: undefined }, targets: { seconds: TARGET_WRITE_BACK_SECONDS, throttleEvery: THROTTLE_EVERY } },
    })
    out(`\nResults: ${path}`)
    const met = refresh.wallMet && refresh.memoryMet && refresh.allStored && writeBack.exactlyOnce && writeBack.wallMet
    out(met ? 'All bridge targets met.' : 'Bridge targets MISSED (see the verdicts above).')
}

if (require.main === module) {
    main().then(
        // The stand-ins are closed; nothing should be left, but a stray keep-alive socket must not hold the exit.
        () => process.exit(0),
        (error: unknown) => {
            process.stderr.write(`${error instanceof RunTimeout ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
            process.exit(1)
        },
    )
}
