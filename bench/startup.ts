/**
 * Benchmark 4, start-up and memory — measures the LOCAL INSTANCE itself (the stand-in), not the app: how fast
 * `npm start` serves, how long `now-sdk build` takes, and the instance process's peak memory with 100,000 tickets
 * under the app's intake load; local instance defaults.
 *
 *   npm run bench:startup     BENCH_STARTUP_RUNS (default 3), BENCH_BUILD_RUNS (default 1),
 *                             BENCH_MEMORY_TICKETS (default 100000), BENCH_N (default 2000 intake requests)
 *
 * - Start-up: `npm start -- --port 0 --data <tmp> --skip-build` spawned (app already built), timed until the
 *   first successful request (GET /api/now/table/sys_user?sysparm_limit=1 as admin answers 200). Fresh
 *   (--reset: empty data folder) and restart (the same folder again).
 * - Build: `npx now-sdk build` on a copy of the project's sources (fluent/, src/, configs; node_modules
 *   linked) in a temporary folder, so the shared checkout's dist/ is never half-written.
 * - Memory: peak resident memory (VmHWM of /proc/<pid>/status) of the instance process serving the intake
 *   load (POST /connector/tasks, concurrency 4) with BENCH_MEMORY_TICKETS tickets stored. Target ≤ 300 MB.
 */
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { App } from './lib/app.ts'
import { describeMachine, envInt, out, pass, percentile, progress, repoRoot, round, table, writeResults } from './lib/common.ts'
import { connectTenant, memoryOf, openInstance, removeDataDir, spawnServer, tempDataDir, waitForBuiltApp } from './lib/instance.ts'
import { runLoad } from './lib/load.ts'
import { connectorRequest } from './intake.ts'
import { seedTickets } from './lib/seed.ts'

const MEMORY_TARGET_MB = 300

interface StartRun {
    kind: 'fresh' | 'restart'
    listeningMs: number
    firstSuccessMs: number
}

/** Spawns `npm start` in its own process group; resolves when a request first succeeds, then stops it. */
async function timeNpmStart(dataDir: string, reset: boolean): Promise<StartRun> {
    waitForBuiltApp()
    const args = ['start', '--', '--port', '0', '--data', dataDir, '--skip-build', ...(reset ? ['--reset'] : [])]
    const t0 = process.hrtime.bigint()
    const child = spawn('npm', args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    const elapsed = () => Number(process.hrtime.bigint() - t0) / 1e6
    let stdout = ''
    let stderr = ''
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()))
    try {
        const { url, listeningMs } = await new Promise<{ url: string; listeningMs: number }>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`npm start did not print its URL within 120 s\n${stdout}\n${stderr}`)), 120_000)
            child.stdout!.on('data', (c: Buffer) => {
                stdout += c.toString()
                const match = /Instance\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout)
                if (match) {
                    clearTimeout(timer)
                    resolve({ url: match[1], listeningMs: elapsed() })
                }
            })
            child.on('exit', (code) => reject(new Error(`npm start exited (${code})\n${stdout}\n${stderr}`)))
        })
        // The admin password is printed after the URL block on a fresh start; wait for the whole banner.
        while (!/Press Ctrl-C/.test(stdout)) await new Promise((r) => setTimeout(r, 5))
        const password = /User admin, password (\S+)/.exec(stdout)?.[1] ?? adminPasswords.get(dataDir)
        if (!password) throw new Error('No admin password printed')
        adminPasswords.set(dataDir, password)
        const authorization = 'Basic ' + Buffer.from(`admin:${password}`).toString('base64')
        for (;;) {
            try {
                const response = await fetch(`${url}/api/now/table/sys_user?sysparm_limit=1`, { headers: { authorization, accept: 'application/json' } })
                await response.text()
                if (response.status === 200) break
            } catch {
                // not accepting yet
            }
            await new Promise((r) => setTimeout(r, 10))
        }
        return { kind: reset ? 'fresh' : 'restart', listeningMs: round(listeningMs, 0), firstSuccessMs: round(elapsed(), 0) }
    } finally {
        await new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve()
            const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 10_000)
            child.once('exit', () => {
                clearTimeout(timer)
                resolve()
            })
            process.kill(-child.pid!, 'SIGTERM') // npm, its shell, tsx and the instance: the group this spawn made
        })
    }
}
const adminPasswords = new Map<string, string>()

/** `npx now-sdk build` on a copy of the sources; ms. */
function timeBuild(): number {
    const dir = tempDataDir('build')
    try {
        for (const entry of ['fluent', 'src', 'now.config.json', 'package.json', 'tsconfig.json', 'now.prebuild.mjs']) {
            if (existsSync(join(repoRoot, entry))) cpSync(join(repoRoot, entry), join(dir, entry), { recursive: true })
        }
        symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir')
        mkdirSync(join(dir, 'dist'), { recursive: true })
        const t0 = process.hrtime.bigint()
        const result = spawnSync('npx', ['now-sdk', 'build'], { cwd: dir, encoding: 'utf8' })
        const ms = Number(process.hrtime.bigint() - t0) / 1e6
        if (result.status !== 0 || !existsSync(join(dir, 'dist', 'app', 'scope'))) throw new Error(`now-sdk build failed (${result.status}):\n${result.stdout}\n${result.stderr}`)
        return round(ms, 0)
    } finally {
        removeDataDir(dir)
    }
}

async function memoryUnderLoad(tickets: number, n: number) {
    const dataDir = tempDataDir('memory')
    try {
        const instance = openInstance(dataDir)
        const runtime = instance.runtime
        const app = new App(instance)
        app.connect()
        const seedSeconds = seedTickets(app, tickets)
        runtime.close()
        const server = await spawnServer(dataDir)
        try {
            await connectTenant(server.url)
            const idle = memoryOf(server.pid)!
            const samples: number[] = []
            const timer = setInterval(() => {
                const m = memoryOf(server.pid)
                if (m) samples.push(m.rssMiB)
            }, 100)
            const bar = progress('intake c=4 (memory)'.padEnd(22), n)
            const load = await runLoad({ total: n, concurrency: 4, request: connectorRequest(server.url, 'memory'), expect: [201], onProgress: (d) => bar.tick(d) })
            bar.end()
            clearInterval(timer)
            const after = memoryOf(server.pid)!
            samples.sort((a, b) => a - b)
            return {
                tickets,
                seedSeconds: round(seedSeconds, 1),
                idleRssMiB: idle.rssMiB,
                rssP50MiB: percentile(samples, 50),
                rssMaxSampledMiB: samples[samples.length - 1],
                peakHwmMiB: after.hwmMiB,
                peakHwmMB: round((after.hwmMiB * 2 ** 20) / 1e6, 1),
                load,
            }
        } finally {
            await server.stop()
        }
    } finally {
        removeDataDir(dataDir)
    }
}

async function main(): Promise<void> {
    const runs = envInt('BENCH_STARTUP_RUNS', 3)
    const buildRuns = envInt('BENCH_BUILD_RUNS', 1)
    const tickets = envInt('BENCH_MEMORY_TICKETS', 100_000)
    const n = envInt('BENCH_N', 2000)
    out(`# Start-up and memory of the local instance itself (${describeMachine()})`)

    const starts: StartRun[] = []
    const dataDir = tempDataDir('start')
    try {
        for (let i = 0; i < runs; i++) {
            starts.push(await timeNpmStart(dataDir, true))
            starts.push(await timeNpmStart(dataDir, false))
        }
    } finally {
        removeDataDir(dataDir)
    }
    const builds: number[] = []
    for (let i = 0; i < buildRuns; i++) builds.push(timeBuild())
    const memory = await memoryUnderLoad(tickets, n)

    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
    out()
    out(
        table(
            ['measure', 'median', 'all runs'],
            [
                ['npm start → URL printed (fresh data folder), ms', median(starts.filter((s) => s.kind === 'fresh').map((s) => s.listeningMs)), starts.filter((s) => s.kind === 'fresh').map((s) => s.listeningMs).join(', ')],
                ['npm start → first successful request (fresh), ms', median(starts.filter((s) => s.kind === 'fresh').map((s) => s.firstSuccessMs)), starts.filter((s) => s.kind === 'fresh').map((s) => s.firstSuccessMs).join(', ')],
                ['npm start → first successful request (restart), ms', median(starts.filter((s) => s.kind === 'restart').map((s) => s.firstSuccessMs)), starts.filter((s) => s.kind === 'restart').map((s) => s.firstSuccessMs).join(', ')],
                ['npx now-sdk build, ms', median(builds), builds.join(', ')],
            ],
        ),
    )
    out()
    out(
        table(
            ['tickets stored', 'RSS idle MiB', 'RSS p50 under load MiB', 'peak VmHWM MiB', 'peak MB', 'intake req/s (c=4)', 'p50 ms', 'p99 ms', 'target ≤ 300 MB'],
            [[memory.tickets, memory.idleRssMiB, memory.rssP50MiB, memory.peakHwmMiB, memory.peakHwmMB, memory.load.requestsPerSecond, memory.load.p50Ms, memory.load.p99Ms, pass(memory.peakHwmMB <= MEMORY_TARGET_MB)]],
        ),
    )
    out(`(seeding ${memory.tickets} tickets took ${memory.seedSeconds} s; ${memory.load.count} intake requests)`)
    const path = writeResults('startup', { starts, buildsMs: builds, memory, memoryTargetMB: MEMORY_TARGET_MB })
    out(`Results: ${path}`)
}

if (require.main === module) {
    main().catch((error) => {
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
        process.exit(1)
    })
}
