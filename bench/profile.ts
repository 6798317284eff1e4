/**
 * CPU profile of the local instance under connector intake load — measures where the instance process spends its
 * time serving the APP (app code, the sandbox that runs it, the store, the HTTP edge), on the local instance's
 * defaults. Not a target of its own: the flame summary in bench/README.md comes from it.
 *
 *   npm run bench:profile     BENCH_PROFILE_N (default 3000 intakes), BENCH_PROFILE_CONCURRENCY (default 4),
 *                             BENCH_PROFILE_PATH ("connector" (default) or "raw": the fair Table API insert)
 *
 * The instance runs with `node --cpu-prof` (V8's sampling profiler); after the load it is stopped, and the
 * profile's self time is summed per function and per group: the app (the built app's scripts in the sandbox:
 * sys_module / sys_ws_operation / sys_script), the sandbox and Glide runtime (emulator/instance/scripts, glide),
 * the store (emulator/instance/store, better-sqlite3), the HTTP edge (fastify, node:http, net, the instance's
 * auth and REST routing), garbage collection, and the rest. The .cpuprofile is kept in bench/results/ (open it
 * in Chrome DevTools or speedscope for the flame graph).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { connectorRequest, rawRequest } from './intake.ts'
import { describeMachine, envInt, out, progress, repoRoot, resultsDir, round, table, writeResults } from './lib/common.ts'
import { connectTenant, prepareDataDir, removeDataDir, spawnServer, tempDataDir } from './lib/instance.ts'
import { runLoad } from './lib/load.ts'

interface ProfileNode {
    id: number
    callFrame: { functionName: string; url: string; lineNumber: number }
    children?: number[]
}

interface CpuProfile {
    nodes: ProfileNode[]
    samples: number[]
    timeDeltas: number[]
}

export type Group = 'app' | 'sandbox + Glide runtime' | 'store (SQLite)' | 'HTTP edge' | 'security (ACL, roles, cross-scope)' | 'start-up (module loading)' | 'GC / V8' | 'other'

/** Which part of the instance a frame belongs to, by its script URL (the sandbox names the app's scripts). */
export function groupOf(url: string, functionName: string): Group {
    if (/^sys_ws_operation|^sys_script|^sys_module|^x_mioms_m365ticket\//.test(url)) return 'app'
    if (url.includes('/emulator/instance/store/') || url.includes('better-sqlite3')) return 'store (SQLite)'
    if (url.includes('/emulator/instance/security/')) return 'security (ACL, roles, cross-scope)'
    if (url.includes('/emulator/instance/scripts/') || url.includes('/emulator/instance/glide/') || url.includes('/emulator/instance/runtime.ts') || url.includes('/typescript/')) return 'sandbox + Glide runtime'
    if (/node_modules\/(fastify|@fastify|avvio|find-my-way|light-my-request|pino|fast-json-stringify|secure-json-parse)/.test(url) || /^node:(_http|http|net|stream|internal\/(http|stream|streams|net))/.test(url) || url.includes('/emulator/instance/http/') || url.includes('/emulator/instance/security/oauth.ts') || url.includes('/emulator/instance/security/users.ts') || url.includes('/emulator/instance/security/secrets.ts') || url.includes('/emulator/instance/server.ts')) return 'HTTP edge'
    if (/^node:internal\/(modules|source_map)|node_modules\/(tsx|fast-xml-parser)\/|^wasm:|\/emulator\/instance\/schema\/|scryptSync|wrapSafe/.test(url + ' ' + functionName)) return 'start-up (module loading)'
    if (['writev', 'writeUtf8String', 'writeBuffer', 'writeLatin1String'].includes(functionName)) return 'HTTP edge'
    if (functionName === '(garbage collector)' || functionName === '(program)') return 'GC / V8'
    return 'other'
}

/** Frames whose inclusive time (their own and their callees') the summary reports per request: the phases of a call. */
export const PHASES = [
    'handleScriptedRest',
    'handleTableApi',
    'authenticateApi',
    'restEndpointDecision',
    'runScript',
    'intakeTask',
    'findTicketBy',
    'writeApiLog',
    'serializeTicket',
    'performWrite',
    'canReadField',
    'canAccessTable',
    'writev',
]

export interface ProfileSummary {
    totalMs: number
    /** Inclusive ms of each phase frame over the whole run (divide by the requests for a per-call cost). */
    phases: { name: string; ms: number }[]
    groups: { group: Group; ms: number; share: number }[]
    top: { name: string; where: string; group: Group; ms: number; share: number }[]
}

export function summarizeProfile(profile: CpuProfile, topN = 25): ProfileSummary {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]))
    const selfUs = new Map<number, number>()
    profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
    const idle = [...byId.values()].filter((n) => n.callFrame.functionName === '(idle)').reduce((sum, n) => sum + (selfUs.get(n.id) ?? 0), 0)
    const total = [...selfUs.values()].reduce((a, b) => a + b, 0) - idle
    const groups = new Map<Group, number>()
    const functions = new Map<string, { name: string; where: string; group: Group; us: number }>()
    for (const [id, us] of selfUs) {
        const node = byId.get(id)!
        const { functionName, url, lineNumber } = node.callFrame
        if (functionName === '(idle)') continue
        const group = groupOf(url, functionName)
        groups.set(group, (groups.get(group) ?? 0) + us)
        const where = url ? `${url.replace(/^file:\/\//, '').replace(repoRoot + '/', '')}:${lineNumber + 1}` : ''
        const key = `${functionName}@${where}`
        const entry = functions.get(key) ?? { name: functionName || '(anonymous)', where, group, us: 0 }
        entry.us += us
        functions.set(key, entry)
    }
    const share = (us: number) => round((100 * us) / total, 1)
    // Inclusive time: each sample counts once for every distinct phase frame on its stack.
    const parent = new Map<number, number>()
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
    const phaseUs = new Map<string, number>()
    for (const [id, us] of selfUs) {
        const seen = new Set<string>()
        for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
            const name = byId.get(at)!.callFrame.functionName
            if (PHASES.includes(name) && !seen.has(name)) {
                seen.add(name)
                phaseUs.set(name, (phaseUs.get(name) ?? 0) + us)
            }
        }
    }
    return {
        totalMs: round(total / 1000, 0),
        phases: PHASES.filter((name) => phaseUs.has(name)).map((name) => ({ name, ms: round(phaseUs.get(name)! / 1000, 0) })),
        groups: [...groups].sort((a, b) => b[1] - a[1]).map(([group, us]) => ({ group, ms: round(us / 1000, 0), share: share(us) })),
        top: [...functions.values()]
            .sort((a, b) => b.us - a.us)
            .slice(0, topN)
            .map((f) => ({ name: f.name, where: f.where, group: f.group, ms: round(f.us / 1000, 0), share: share(f.us) })),
    }
}

async function main(): Promise<void> {
    const n = envInt('BENCH_PROFILE_N', 3000)
    const concurrency = envInt('BENCH_PROFILE_CONCURRENCY', 4)
    const path = process.env.BENCH_PROFILE_PATH === 'raw' ? 'raw' : 'connector'
    out(`# CPU profile of the local instance serving ${n} ${path} intakes at concurrency ${concurrency} (${describeMachine()})`)
    const dataDir = tempDataDir('profile')
    const profileDir = join(dataDir, 'profile')
    prepareDataDir(dataDir)
    const server = await spawnServer(dataDir, { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', profileDir] })
    let file: string
    try {
        await connectTenant(server.url)
        const request = path === 'raw' ? rawRequest(server.url, 'profile') : connectorRequest(server.url, 'profile')
        await runLoad({ total: 200, concurrency, request: path === 'raw' ? rawRequest(server.url, 'warm') : connectorRequest(server.url, 'warm'), expect: [201] })
        const bar = progress(`${path} c=${concurrency}`.padEnd(22), n)
        const load = await runLoad({ total: n, concurrency, request, expect: [201], onProgress: (d) => bar.tick(d) })
        bar.end()
        out(`${load.requestsPerSecond} req/s, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms (under the profiler)`)
    } finally {
        await server.stop()
    }
    try {
        // One profile per thread: tsx's module loader thread writes a small one; the instance's is the largest.
        const written = readdirSync(profileDir)
            .filter((f) => f.endsWith('.cpuprofile'))
            .map((f) => ({ f, size: statSync(join(profileDir, f)).size }))
            .sort((a, b) => b.size - a.size)
        if (written.length === 0) throw new Error(`No .cpuprofile in ${profileDir}`)
        mkdirSync(resultsDir, { recursive: true })
        file = join(resultsDir, `profile-${path}.cpuprofile`)
        renameSync(join(profileDir, written[0].f), file)
    } finally {
        removeDataDir(dataDir)
    }
    const summary = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile)
    out()
    out(`Self time outside idle: ${summary.totalMs} ms (start-up included)`)
    out(table(['group', 'self ms', '%'], summary.groups.map((g) => [g.group, g.ms, g.share])))
    out()
    out(table(['function', 'where', 'group', 'self ms', '%'], summary.top.map((f) => [f.name, f.where.slice(-70), f.group, f.ms, f.share])))
    out()
    const requests = n + 200
    out(table(['phase (inclusive)', 'ms in all', 'ms per request'], summary.phases.map((p) => [p.name, p.ms, round(p.ms / requests, 3)])))
    out()
    out(`Profile: ${file}`)
    writeResults(`profile-${path}`, { n, concurrency, summary })
}

if (require.main === module) {
    main().catch((error) => {
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
        process.exit(1)
    })
}
