/**
 * Bridge — measures the Secure Score BRIDGE's Graph side (refresh and write-back) against the local Graph stand-in
 * (emulator/graph/server.ts) with 50 ms added to every request.
 *
 *   npm run bench:bridge    BENCH_BRIDGE_TENANTS (default 100), BENCH_BRIDGE_PROFILES (460), BENCH_BRIDGE_WRITES (1000),
 *                           BENCH_BRIDGE_MANY_TENANTS (1000), BENCH_BRIDGE_MANY_SCORE_DAYS (1), BENCH_BRIDGE_PAGE_GAP_MS (100),
 *                           BENCH_BRIDGE_SIGN_IN_TENANTS (5), BENCH_BRIDGE_SIGN_IN_GAP_MS (250),
 *                           BENCH_BRIDGE_RUNS (refresh,write-back,tenants: which runs, in this order),
 *                           BENCH_BRIDGE_CPU_PROF (a folder: the tenants run's bridge process writes a .cpuprofile there)
 *
 * Three runs, each on its own stand-in (fresh temporary folder, 127.0.0.1, port 0) in this process, and with the
 * bridge side in a child process, so the child's peak RSS is the bridge's alone:
 *   1. refresh:     100 tenants seeded with 460 synthetic profiles each (a real tenant's list) and 90 days of
 *                   scores; the child runs createSecureScoreRefresher(...).refreshAll() once over all of them with
 *                   the real msal token source, the Secure Score client (4 in flight per tenant) and a SQLite store
 *                   file. Targets: ≤ 15 s wall time, ≤ 400 MB peak RSS of the whole bridge process; every profile
 *                   stored. The stand-in answers 429 above 4 in flight per tenant, so "429s: 0" shows the limit held.
 *   2. write-back:  one tenant, 1,000 outbox rows (state ThirdParty) for 1,000 distinct controls none of which is
 *                   in ThirdParty yet, a 429 (Retry-After: 1) on every 10th Graph call; the child drains with the
 *                   client bridge/server.ts gives the outbox (maxRetryAfterSeconds 0, the shared limiter) until no row
 *                   is open. Target: exactly one new state update per control in the stand-in, 1,000 in all, ≤ 60 s.
 *   3. tenants:     1,000 tenants × 460 profiles joined in ONE bridge process, the whole bridge as npm start runs
 *                   it (bridge-tenants-worker.ts: createBridgeServer, every tenant joined, organizations sign-in, no
 *                   schedule); refreshAll() once while a third process (bridge-page-prober.ts) reads the Home page
 *                   (the Secure Score cards of the first tenant, signed in as its Security Reader) one request at a
 *                   time, 100 ms apart, and a fourth signs people of 5 tenants in (a Security Reader and a Security
 *                   Administrator each) one complete sign-in at a time, 250 ms apart: the bridge's / → its sign-in
 *                   page → /signin/start → the stand-in's sign-in page over HTTPS → the account's form posted →
 *                   /auth/callback → the cards page. Targets: ≤ 120 s wall time, ≤ 1 GB peak RSS of the bridge
 *                   process (VmHWM, read by this process from /proc/<pid>/status), p95 of the page ≤ 500 ms during
 *                   the refresh; every profile stored; the sign-in's p50 / p95 / max reported beside it (the issue
 *                   names no figure for it). The page's tenant has 90 days of scores; the
 *                   others BENCH_BRIDGE_MANY_SCORE_DAYS (default 1): the stand-in builds every day's 460
 *                   controlScores up front, ~80 KB a day and tenant, so 90 days of 1,000 tenants (~7 GB, ~140 s)
 *                   would not fit beside the other helpers; the bridge reads the history with $select (4 fields a
 *                   day), so the days change its work by ~2 % of the bytes it reads.
 * Each run has a hard timeout: past it the child is killed and the benchmark stops with a message saying which run.
 */
import { fork, type ChildProcess, type Serializable } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isDeviceControl } from '../bridge/ports/graph/control-state.ts'
import { createGraphServer, type FaultSwitches, type DirectoryUser, type GraphServer, type RequestLogEntry, type TenantSeed } from '../emulator/graph/server.ts'
import { syntheticControlProfiles } from '../emulator/graph/fixtures/control-profiles.ts'
import { describeMachine, envInt, out, pass, round, table, writeResults, type LatencySummary } from './lib/common.ts'
import { memoryOf } from './lib/instance.ts'
import type { GraphTarget, RefreshReport, WorkerJob, WorkerReport, WriteBackReport } from './lib/bridge-worker.ts'
import type { ProberCommand, ProberReply, SlowRequest } from './bridge-page-prober.ts'
import type { TenantsCommand, TenantsReply } from './bridge-tenants-worker.ts'

export const LATENCY_MS = 50
export const TARGET_REFRESH_SECONDS = 15
export const TARGET_REFRESH_RSS_MB = 400
export const TARGET_WRITE_BACK_SECONDS = 60
export const THROTTLE_EVERY = 10
export const TARGET_TENANTS_SECONDS = 120
/** 1 GB, in the MB (MiB) the other figures use. */
export const TARGET_TENANTS_RSS_MB = 1024
export const TARGET_PAGE_P95_MS = 500
/** Only the Home page with the score read shows the current score: the cards are really there. */
const CARDS_MARKER = 'id="current-score"'
/** Page requests before the refresh starts: connections and code warmed up, and the idle latency. */
const PAGE_WARM_UP = 20
const RUNS = ['refresh', 'write-back', 'tenants'] as const
const WRITE_STATE = 'ThirdParty'
/** Past these the run is aborted: several times the targets, so only a hang or a collapse reaches them. */
const REFRESH_TIMEOUT_MS = 180_000
const WRITE_BACK_TIMEOUT_MS = 300_000
const TENANTS_TIMEOUT_MS = 600_000

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
        // Only the stand-in's own failures are shown (one line per request would drown the figures).
        const logger = (line: string) => line.startsWith('error:') && process.stderr.write(`Graph stand-in ${line}\n`)
        const server = await createGraphServer({ port: 0, dataDir: join(dir, 'graph'), tenants, faults: switches, logger })
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

/** A forked bench process spoken to in steps: send a command, then wait for its reply of the kind expected. */
interface Stepper<R extends { kind: string }> {
    child: ChildProcess
    send(command: Serializable): void
    /** The next reply; an 'error' reply, another kind or the process's exit rejects. */
    reply<K extends R['kind']>(kind: K): Promise<Extract<R, { kind: K }>>
    /** Resolves once the process has exited by itself (a CPU profile is written on the way out). */
    exit(): Promise<void>
}

function forkStepper<R extends { kind: string }>(script: string, name: string, nodeArgs: string[] = [], env: NodeJS.ProcessEnv = process.env): Stepper<R> {
    const child = fork(join(__dirname, script), [], { execArgv: ['--import', 'tsx', ...nodeArgs], env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    const queued: R[] = []
    let waiter: { resolve(reply: R): void; reject(error: Error): void } | null = null
    let exited: Error | null = null
    const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.on('message', (message: R) => {
        if (waiter) waiter.resolve(message)
        else queued.push(message)
        waiter = null
    })
    child.once('exit', (code, signal) => {
        exited = new Error(`the ${name} process exited (${signal ?? code})`)
        waiter?.reject(exited)
        waiter = null
    })
    return {
        child,
        send: (command) => child.send(command),
        exit: () => exit,
        async reply<K extends R['kind']>(kind: K): Promise<Extract<R, { kind: K }>> {
            const next = () => (exited ? Promise.reject(exited) : new Promise<R>((resolve, reject) => (waiter = { resolve, reject })))
            const got = queued.shift() ?? (await next())
            if (got.kind === 'error') throw new Error(`the ${name} process failed: ${(got as { message?: string }).message ?? ''}`)
            if (got.kind !== kind) throw new Error(`the ${name} process answered ${got.kind}, not ${kind}`)
            return got as Extract<R, { kind: K }>
        },
    }
}

interface TenantsFigures {
    tenants: number
    profilesPerTenant: number
    otherScoreDays: number
    pageGapMs: number
    signInGapMs: number
    /** Who signed in again and again during the refresh: one Security Reader and one Security Administrator per tenant. */
    signInTenants: number[]
    seconds: number
    outcomes: { full: number; partial: number; failed: number }
    errors: string[]
    tenantsComplete: number
    /** VmHWM of the bridge process after its start and the home tenant's refresh, and after refreshAll(). */
    idleRssMb: number
    peakRssMb: number
    requests: number
    graphRequests: number
    tokenRequests: number
    throttled: number
    pageIdle: LatencySummary
    page: LatencySummary
    pageSlowest: SlowRequest[]
    pageStatuses: Record<string, number>
    pageProblems: string[]
    signInIdle: LatencySummary
    signIn: LatencySummary
    signInSteps: { step: string; latency: LatencySummary }[]
    signInSlowest: SlowRequest[]
    signInStatuses: Record<string, number>
    signInProblems: string[]
    wallMet: boolean
    memoryMet: boolean
    pageMet: boolean
    allStored: boolean
}

function peakRssMbOf(child: ChildProcess): number {
    const memory = child.pid === undefined ? null : memoryOf(child.pid)
    if (!memory) throw new Error('No VmHWM for the bridge process in /proc/<pid>/status: the bridge benchmark reads peak memory the Linux way')
    return memory.hwmMiB
}

/** The people who sign in: a Security Reader and a Security Administrator of each given tenant (by index). */
function signInPeople(tenantIndexes: number[]): Map<number, DirectoryUser[]> {
    return new Map(
        tenantIndexes.map((index) => {
            const domain = `bench${index + 1}.onmicrosoft.com`
            const person = (n: number, name: string, role: DirectoryUser['roles'][number]): DirectoryUser => ({
                objectId: `5e55a000-0000-4000-8000-${String(index * 2 + n).padStart(12, '0')}`,
                userPrincipalName: `${name.toLowerCase().replace(' ', '.')}@${domain}`,
                displayName: `Bench ${name}`,
                roles: [role],
            })
            return [index, [person(0, 'Security Reader', 'Security Reader'), person(1, 'Security Admin', 'Security Administrator')]]
        }),
    )
}

/** `count` tenant indexes spread evenly over the tenants, the first tenant (the page's) first. */
function spreadIndexes(tenants: number, count: number): number[] {
    const n = Math.max(1, Math.min(count, tenants))
    return [...new Set(Array.from({ length: n }, (_, i) => Math.floor((i * tenants) / n)))]
}

/**
 * Run 3: every tenant joined in one bridge process (the whole server), refreshAll() once while one process reads
 * the first tenant's Home page and another signs people of several tenants in, again and again. Those tenants'
 * own first refresh happens before, outside the figures.
 */
async function runTenants(count: number, profiles: number, otherScoreDays: number, pageGapMs: number, signInTenantCount: number, signInGapMs: number): Promise<TenantsFigures> {
    const ids = Array.from({ length: count }, (_, i) => tenantId(i))
    const names = ids.map((_, i) => `Bench tenant ${i + 1}`)
    const signInTenants = spreadIndexes(count, signInTenantCount)
    const people = signInPeople(signInTenants)
    // The first tenant's Security Reader reads the page; everyone, the reader too, signs in again and again.
    const reader = people.get(0)![0].userPrincipalName
    const seeds = ids.map((id, i) => ({ tenantId: id, displayName: names[i], profiles, scoreDays: i === 0 ? 90 : otherScoreDays, users: people.get(i) ?? [] }))
    const stand = await startStandIn('tenants', seeds, faults(0))
    // BENCH_BRIDGE_CPU_PROF=<folder>: the bridge process writes a V8 CPU profile there (a diagnosis, not a measurement).
    const profileDir = process.env.BENCH_BRIDGE_CPU_PROF
    const bridge = forkStepper<TenantsReply>('bridge-tenants-worker.ts', 'bridge', profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [])
    // The readers trust the stand-in's CA as a browser told to would: their fetch reaches its sign-in page over HTTPS.
    const readerEnv = { ...process.env, NODE_EXTRA_CA_CERTS: stand.server.caFile }
    const pages = forkStepper<ProberReply>('bridge-page-prober.ts', 'page reader', [], readerEnv)
    const signIns = forkStepper<ProberReply>('bridge-page-prober.ts', 'sign-in', [], readerEnv)
    const children = [bridge.child, pages.child, signIns.child]
    let timedOut = false
    const timer = setTimeout(() => {
        timedOut = true
        for (const child of children) child.kill('SIGKILL')
    }, TENANTS_TIMEOUT_MS)
    try {
        const refreshFirst = signInTenants.map((i) => ids[i])
        bridge.send({ kind: 'start', tenants: ids, tenantNames: names, homeTenant: ids[0], refreshFirst, ...stand.target } satisfies TenantsCommand)
        const listening = await bridge.reply('listening')
        const notFull = listening.firstOutcomes.filter((outcome) => outcome !== 'full')
        if (notFull.length > 0) throw new Error(`the first refresh of the signed-in tenants ended ${notFull.join(', ')}`)
        const idleRssMb = peakRssMbOf(bridge.child)
        // As an admin adds the bridge's sign-in URL to the app registration.
        stand.server.registerRedirectUri(stand.server.demo.clientId, listening.signInRedirectUri)
        const everyone = [...people.values()].flat().map((person) => person.userPrincipalName)
        const probe = { bridgeUrl: listening.url, expect: CARDS_MARKER } as const
        pages.send({ kind: 'probe', task: { kind: 'page', path: '/', signInAs: reader }, gapMs: pageGapMs, warmUp: PAGE_WARM_UP, ...probe } satisfies ProberCommand)
        signIns.send({ kind: 'probe', task: { kind: 'sign-in', people: everyone }, gapMs: signInGapMs, warmUp: everyone.length, ...probe } satisfies ProberCommand)
        const [warm, signInWarm] = await Promise.all([pages.reply('warm'), signIns.reply('warm')])
        const logBefore = stand.server.requestLog().length
        pages.send({ kind: 'measure' } satisfies ProberCommand)
        signIns.send({ kind: 'measure' } satisfies ProberCommand)
        bridge.send({ kind: 'refresh' } satisfies TenantsCommand)
        const refreshed = await bridge.reply('refreshed')
        const peakRssMb = peakRssMbOf(bridge.child)
        pages.send({ kind: 'stop' } satisfies ProberCommand)
        signIns.send({ kind: 'stop' } satisfies ProberCommand)
        const [probed, signedIn] = await Promise.all([pages.reply('probed'), signIns.reply('probed')])
        bridge.send({ kind: 'count' } satisfies TenantsCommand)
        const { storedProfiles } = await bridge.reply('counted')
        await Promise.all([bridge.exit(), pages.exit(), signIns.exit()])

        const log = stand.server.requestLog().slice(logBefore)
        const graph = graphCalls(log)
        const seconds = round(refreshed.wallMs / 1000, 2)
        const tenantsComplete = storedProfiles.filter((n) => n === profiles).length
        return {
            tenants: count,
            profilesPerTenant: profiles,
            otherScoreDays,
            pageGapMs,
            signInGapMs,
            signInTenants: signInTenants.map((i) => i + 1),
            seconds,
            outcomes: refreshed.outcomes,
            errors: refreshed.errors,
            tenantsComplete,
            idleRssMb,
            peakRssMb,
            requests: log.length,
            graphRequests: graph.length,
            tokenRequests: log.length - graph.length,
            throttled: log.filter((entry) => entry.status === 429).length,
            pageIdle: warm.idle,
            page: probed.during,
            pageSlowest: probed.slowest,
            pageStatuses: probed.statuses,
            pageProblems: probed.problems,
            signInIdle: signInWarm.idle,
            signIn: signedIn.during,
            signInSteps: signedIn.steps,
            signInSlowest: signedIn.slowest,
            signInStatuses: signedIn.statuses,
            signInProblems: signedIn.problems,
            wallMet: seconds <= TARGET_TENANTS_SECONDS,
            memoryMet: peakRssMb <= TARGET_TENANTS_RSS_MB,
            pageMet: probed.problems.length === 0 && probed.during.count > 0 && probed.during.p95Ms <= TARGET_PAGE_P95_MS,
            allStored: tenantsComplete === count && refreshed.outcomes.full === count,
        }
    } catch (error) {
        if (timedOut) throw new RunTimeout(`bench:bridge: the tenants run did not finish within ${TENANTS_TIMEOUT_MS / 1000} s; the bridge and reader processes were killed and the benchmark aborted`)
        throw error
    } finally {
        clearTimeout(timer)
        for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
        await stopStandIn(stand)
    }
}

function chosenRuns(): Set<(typeof RUNS)[number]> {
    const names = (process.env.BENCH_BRIDGE_RUNS || RUNS.join(',')).split(',').map((name) => name.trim())
    const unknown = names.filter((name) => !(RUNS as readonly string[]).includes(name))
    if (unknown.length > 0) throw new Error(`BENCH_BRIDGE_RUNS names ${unknown.join(', ')}; the runs are ${RUNS.join(', ')}`)
    return new Set(names as (typeof RUNS)[number][])
}

/** Run 1 with its table; whether its targets are met. */
async function reportRefresh(tenants: number, profiles: number, results: Record<string, unknown>): Promise<boolean> {
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
    results.refresh = { ...refresh, targets: { seconds: TARGET_REFRESH_SECONDS, rssMb: TARGET_REFRESH_RSS_MB } }
    return refresh.wallMet && refresh.memoryMet && refresh.allStored
}

/** Run 2 with its table; whether its targets are met. */
async function reportWriteBack(writes: number, results: Record<string, unknown>): Promise<boolean> {
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
                ['drain results', `${r.totals.done} done, ${r.totals.skipped} skipped, ${r.totals.failed} failed, ${r.totals.requeued} requeued, ${r.totals.waiting} held for a delegation, in ${r.drains} drain() calls`, '', ''],
                ['Graph requests', `${writeBack.graphRequests} (${writeBack.patches} PATCH; ${r.patchAttempts} PATCHes started by the outbox)`, '', ''],
                ['429s seen', writeBack.throttled, '', ''],
                ['peak RSS, bridge process', `${round(r.maxRssKb / 1024, 1)} MB`, '', ''],
            ],
        ),
    )
    for (const line of r.notDone.slice(0, 5)) out(`  not done: ${line}`)
    out(`Seeded ${writeBack.seededProfiles} synthetic profiles so that ${writes} are settable (not Device controls) and not yet ${WRITE_STATE}.`)
    results.writeBack = { ...writeBack, report: { ...writeBack.report, comments: undefined }, targets: { seconds: TARGET_WRITE_BACK_SECONDS, throttleEvery: THROTTLE_EVERY } }
    return writeBack.exactlyOnce && writeBack.wallMet
}

/** Run 3 with its table; whether its targets are met. */
async function reportTenants(profiles: number, results: Record<string, unknown>): Promise<boolean> {
    const count = envInt('BENCH_BRIDGE_MANY_TENANTS', 1000)
    const otherScoreDays = envInt('BENCH_BRIDGE_MANY_SCORE_DAYS', 1)
    const gapMs = envInt('BENCH_BRIDGE_PAGE_GAP_MS', 100)
    const signInTenants = envInt('BENCH_BRIDGE_SIGN_IN_TENANTS', 5)
    const signInGapMs = envInt('BENCH_BRIDGE_SIGN_IN_GAP_MS', 250)
    out(`\n## 3. Tenants: ${count} tenants × ${profiles} profiles joined in one bridge process, refreshAll() while Home is read every ${gapMs} ms and people of ${Math.min(signInTenants, count)} tenants sign in, ${signInGapMs} ms apart`)
    const many = await runTenants(count, profiles, otherScoreDays, gapMs, signInTenants, signInGapMs)
    const latency = (l: LatencySummary) => `p50 ${l.p50Ms} ms, p95 ${l.p95Ms} ms, max ${l.maxMs} ms`
    out(
        table(
            ['figure', 'value', 'target', 'verdict'],
            [
                ['wall time (refreshAll)', `${many.seconds} s`, `≤ ${TARGET_TENANTS_SECONDS} s`, pass(many.wallMet)],
                ['peak RSS (VmHWM), whole bridge process', `${many.peakRssMb} MB (${many.idleRssMb} MB before the refresh)`, `≤ ${TARGET_TENANTS_RSS_MB} MB`, pass(many.memoryMet)],
                ['Home page during the refresh', `${latency(many.page)}; ${many.page.count} requests`, `p95 ≤ ${TARGET_PAGE_P95_MS} ms`, pass(many.pageMet)],
                ['Home page before the refresh', `${latency(many.pageIdle)}; ${many.pageIdle.count} requests`, '', ''],
                ['page answers during the refresh', Object.entries(many.pageStatuses).map(([status, n]) => `${n} × ${status}`).join(', '), '', ''],
                ['slowest pages (sent at, after the refresh began)', many.pageSlowest.map((slow) => `${slow.ms} ms at ${round(slow.sentAtMs / 1000, 1)} s`).join(', '), '', ''],
                ['complete sign-in during the refresh (/ → cards page)', `${latency(many.signIn)}; ${many.signIn.count} sign-ins`, 'reported (no target)', ''],
                ['complete sign-in before the refresh', `${latency(many.signInIdle)}; ${many.signInIdle.count} sign-ins`, '', ''],
                ['sign-ins ended (landing page status)', Object.entries(many.signInStatuses).map(([status, n]) => `${n} × ${status}`).join(', '), '', ''],
                ['slowest sign-ins (sent at, after the refresh began)', many.signInSlowest.map((slow) => `${slow.ms} ms at ${round(slow.sentAtMs / 1000, 1)} s`).join(', '), '', ''],
                ['profiles stored', `${many.tenantsComplete} of ${count} tenants with all ${profiles}`, 'all', pass(many.allStored)],
                ['outcomes', `${many.outcomes.full} full, ${many.outcomes.partial} partial, ${many.outcomes.failed} failed`, '', ''],
                ['requests', `${many.requests} (${many.graphRequests} Graph, ${many.tokenRequests} Entra)`, '', ''],
                ['429s seen', many.throttled, '', ''],
            ],
        ),
    )
    for (const error of many.errors.slice(0, 5)) out(`  error: ${error}`)
    for (const problem of many.pageProblems) out(`  page: ${problem}`)
    for (const problem of many.signInProblems) out(`  sign-in: ${problem}`)
    out(`\nEach sign-in's requests during the refresh (the stand-in's answers carry its +${LATENCY_MS} ms, /auth/callback the bridge's call to its token endpoint):`)
    out(table(['request', 'p50 ms', 'p95 ms', 'max ms'], many.signInSteps.map(({ step, latency: l }) => [step, l.p50Ms, l.p95Ms, l.maxMs])))
    out(`\nThe first tenant (the page's) has 90 days of scores, the others ${otherScoreDays}; the signed-in tenants (${many.signInTenants.join(', ')}) were refreshed once before, outside the figures.`)
    results.tenants = { ...many, targets: { seconds: TARGET_TENANTS_SECONDS, rssMb: TARGET_TENANTS_RSS_MB, pageP95Ms: TARGET_PAGE_P95_MS } }
    return many.wallMet && many.memoryMet && many.pageMet && many.allStored
}

async function main(): Promise<void> {
    const runs = chosenRuns()
    const profiles = envInt('BENCH_BRIDGE_PROFILES', 460)
    out(`# Bridge: Secure Score refresh and write-back against the Graph stand-in, +${LATENCY_MS} ms per request (${describeMachine()})`)
    const results: Record<string, unknown> = { latencyMs: LATENCY_MS }
    let met = true
    if (runs.has('refresh')) met = (await reportRefresh(envInt('BENCH_BRIDGE_TENANTS', 100), profiles, results)) && met
    if (runs.has('write-back')) met = (await reportWriteBack(envInt('BENCH_BRIDGE_WRITES', 1000), results)) && met
    if (runs.has('tenants')) met = (await reportTenants(profiles, results)) && met
    out(`\nResults: ${writeResults('bridge', results)}`)
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
