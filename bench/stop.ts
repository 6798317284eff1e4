/**
 * Benchmark: stopping `npm start` while clients hold connections open (issue 21) — measures `emulator/start.ts`
 * and the start script, not the app: the time from a signal sent to the npm process alone (as a service manager or
 * an editor's stop button sends it) until npm has exited and until no process of its group is left.
 *
 *   npm run bench:stop        BENCH_STOP_RUNS (default 2 rounds), BENCH_STOP_HOLDERS (default all three, comma-separated)
 *
 * Each run spawns `npm start -- --port 0 --graph-port 0 --bridge-port 0 --data <tmp> --skip-build` in its own
 * process group, opens connections to all three parts (the instance, the Graph stand-in, the bridge), sends SIGINT or
 * SIGTERM to the npm process only, and waits (up to 120 s, then SIGKILL to the group). The connections are held by:
 * - `chromium`: a page on each part (the instance's login page, the bridge's home page, a Graph stand-in URL), left
 *   open;
 * - `keep-alive agents`: Node's http/https agents with keepAlive, one finished request on each part, socket kept;
 * - `preconnected sockets`: a connection to each part that has sent no request yet, as browsers open ahead of need
 *   (TLS done for the stand-in). Node counts these as busy, not idle.
 * Target: about 2 s (issue 21 measured 31-96 s with Chromium pages open). A report, not a test: nothing fails.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync, readlinkSync } from 'node:fs'
import { Agent as HttpAgent, get as httpGet } from 'node:http'
import { Agent as HttpsAgent, get as httpsGet } from 'node:https'
import { connect as netConnect, type Socket } from 'node:net'
import { connect as tlsConnect } from 'node:tls'
import { type Browser } from 'playwright-core'
import { launchChromium } from '../test/support/chromium.ts'
import { describeMachine, envInt, out, pass, repoRoot, table, writeResults } from './lib/common.ts'
import { removeDataDir, tempDataDir, waitForBuiltApp } from './lib/instance.ts'

const TARGET_MS = 2500
const GIVE_UP_MS = 120_000
const DEMO_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'

const HOLDERS = ['chromium', 'keep-alive agents', 'preconnected sockets'] as const
type Holder = (typeof HOLDERS)[number]

interface Started {
    child: ChildProcess
    instanceUrl: string
    graphUrl: string
    bridgeUrl: string
    caFile: string
}

interface StopRun {
    holder: Holder
    signal: 'SIGINT' | 'SIGTERM'
    /** What npm runs the script in: `node` when the start script execs it, `sh` when a shell stays in between. */
    npmChild: string
    /** TCP connections open in npm start's processes when the signal was sent (both ends of the parts' own included). */
    openConnections: number
    npmExitMs: number | null
    groupGoneMs: number | null
    /** npm's exit code, or the signal it ended by (npm re-raises a signal its script died of). */
    exit: string
}

function startNpm(dataDir: string): Promise<Started> {
    const args = ['start', '--', '--port', '0', '--graph-port', '0', '--bridge-port', '0', '--data', dataDir, '--skip-build']
    // Its own process group: the benchmark signals npm alone, and can still find (and, past the limit, kill) the rest.
    const child = spawn('npm', args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    let text = ''
    child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()))
    child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()))
    return new Promise((resolve, reject) => {
        const timer = setInterval(() => {
            if (!text.includes('Press Ctrl-C to stop.')) return
            clearInterval(timer)
            const field = (pattern: RegExp) => pattern.exec(text)?.[1] ?? ''
            resolve({
                child,
                instanceUrl: field(/^Instance\s+(\S+?)\/?$/m),
                graphUrl: field(/^Graph\s+(\S+?)\/?$/m),
                bridgeUrl: field(/^Bridge\s+(\S+?)\/?$/m),
                caFile: field(/Graph CA\s+(\S+)/),
            })
        }, 50)
        child.once('exit', (code) => {
            clearInterval(timer)
            reject(new Error(`npm start exited (${code}) before it was ready:\n${text}`))
        })
    })
}

interface GroupMember {
    pid: number
    ppid: number
    command: string
}

/** The live processes whose process group is `pgid`, from /proc. */
function groupMembers(pgid: number): GroupMember[] {
    const members: GroupMember[] = []
    for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue
        try {
            const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
            // pid (comm) state ppid pgrp …: comm may hold spaces or parentheses, so read after the last ')'.
            const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
            const [state, ppid, pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
            if (Number(pgrp) === pgid && state !== 'Z') members.push({ pid: Number(entry), ppid: Number(ppid), command })
        } catch {
            // gone meanwhile
        }
    }
    return members
}

/** Established TCP connections owned by the group's processes (sockets of /proc/<pid>/fd matched in /proc/net/tcp). */
function establishedConnections(pids: number[]): number {
    const inodes = new Set<string>()
    for (const pid of pids) {
        try {
            for (const fd of readdirSync(`/proc/${pid}/fd`)) {
                try {
                    const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))
                    if (match) inodes.add(match[1])
                } catch {
                    // closed meanwhile
                }
            }
        } catch {
            // gone meanwhile
        }
    }
    let count = 0
    for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
        for (const row of readFileSync(file, 'utf8').split('\n').slice(1)) {
            const columns = row.trim().split(/\s+/)
            // st 01 = ESTABLISHED; column 9 is the socket's inode.
            if (columns[3] === '01' && inodes.has(columns[9])) count++
        }
    }
    return count
}

async function holdWithChromium(browser: Browser, started: Started): Promise<() => Promise<void>> {
    const context = await browser.newContext({ ignoreHTTPSErrors: true })
    for (const url of [`${started.instanceUrl}/login.do`, `${started.bridgeUrl}/`, `${started.graphUrl}/${DEMO_TENANT}/discovery/v2.0/keys`]) {
        const page = await context.newPage()
        await page.goto(url)
    }
    return () => context.close()
}

async function holdWithAgents(started: Started): Promise<() => Promise<void>> {
    const http = new HttpAgent({ keepAlive: true })
    const https = new HttpsAgent({ keepAlive: true, ca: readFileSync(started.caFile) })
    const fetchKeepingSocket = (url: string) =>
        new Promise<void>((resolve, reject) => {
            const done = (response: import('node:http').IncomingMessage) => {
                response.resume()
                response.on('end', resolve)
            }
            const request = url.startsWith('https:') ? httpsGet(url, { agent: https }, done) : httpGet(url, { agent: http }, done)
            request.on('error', reject)
        })
    await fetchKeepingSocket(`${started.instanceUrl}/login.do`)
    await fetchKeepingSocket(`${started.bridgeUrl}/`)
    await fetchKeepingSocket(`${started.graphUrl}/${DEMO_TENANT}/discovery/v2.0/keys`)
    return async () => {
        http.destroy()
        https.destroy()
    }
}

/** A connection opened ahead of need, as browsers do, with no request sent yet (for the stand-in: TLS done). */
async function holdPreconnected(started: Started): Promise<() => Promise<void>> {
    const ca = readFileSync(started.caFile)
    const sockets = await Promise.all(
        [started.instanceUrl, started.bridgeUrl, started.graphUrl].map(
            (url) =>
                new Promise<Socket>((resolve, reject) => {
                    const { hostname, port, protocol } = new URL(url)
                    const socket: Socket = protocol === 'https:' ? tlsConnect({ host: hostname, port: Number(port), ca }, () => resolve(socket)) : netConnect(Number(port), hostname, () => resolve(socket))
                    socket.on('error', reject)
                }),
        ),
    )
    return async () => {
        for (const socket of sockets) socket.destroy()
    }
}

async function timeStop(holder: Holder, signal: 'SIGINT' | 'SIGTERM', browser: Browser | null): Promise<StopRun> {
    const dataDir = tempDataDir('stop')
    const started = await startNpm(dataDir)
    const pgid = started.child.pid!
    const release = holder === 'chromium' ? await holdWithChromium(browser!, started) : holder === 'keep-alive agents' ? await holdWithAgents(started) : await holdPreconnected(started)
    try {
        const members = groupMembers(pgid)
        const npmChild = members.find((member) => member.ppid === pgid)?.command ?? '?'
        const openConnections = establishedConnections(members.map((member) => member.pid))
        const t0 = process.hrtime.bigint()
        const elapsed = () => Math.round(Number(process.hrtime.bigint() - t0) / 1e6)
        let npmExitMs: number | null = null
        let exit = '-'
        started.child.once('exit', (code, endedBy) => {
            npmExitMs = elapsed()
            exit = code === null ? String(endedBy) : String(code)
        })
        process.kill(pgid, signal) // the npm process only, not its group
        let groupGoneMs: number | null = null
        while (elapsed() < GIVE_UP_MS && (groupGoneMs === null || npmExitMs === null)) {
            if (groupGoneMs === null && groupMembers(pgid).length === 0) groupGoneMs = elapsed()
            await new Promise((resolve) => setTimeout(resolve, 20))
        }
        if (groupGoneMs === null) process.kill(-pgid, 'SIGKILL')
        return { holder, signal, npmChild, openConnections, npmExitMs, groupGoneMs, exit }
    } finally {
        await release()
        removeDataDir(dataDir)
    }
}

async function main(): Promise<void> {
    const runs = envInt('BENCH_STOP_RUNS', 2)
    const holders = (process.env.BENCH_STOP_HOLDERS ?? HOLDERS.join(',')).split(',') as Holder[]
    const unknown = holders.filter((holder) => !HOLDERS.includes(holder))
    if (unknown.length) throw new Error(`BENCH_STOP_HOLDERS: unknown ${unknown.join(', ')}; known: ${HOLDERS.join(', ')}`)
    waitForBuiltApp()
    out(`# Stopping npm start with connections held open (${describeMachine()})`)
    const browser = holders.includes('chromium') ? await launchChromium() : null
    const results: StopRun[] = []
    try {
        for (let i = 0; i < runs; i++) {
            for (const holder of holders) {
                for (const signal of ['SIGINT', 'SIGTERM'] as const) {
                    const run = await timeStop(holder, signal, browser)
                    process.stderr.write(`${holder} ${signal}: npm exited after ${run.npmExitMs ?? '-'} ms, group gone after ${run.groupGoneMs ?? '-'} ms\n`)
                    results.push(run)
                }
            }
        }
    } finally {
        await browser?.close()
    }
    const shown = (ms: number | null) => (ms === null ? `> ${GIVE_UP_MS}` : String(ms))
    out()
    out(
        table(
            ['held by', 'signal to npm', "npm's child", 'TCP connections', 'npm exited, ms', 'all processes gone, ms', 'npm exit', `≤ ${TARGET_MS} ms`],
            results.map((r) => [r.holder, r.signal, r.npmChild, r.openConnections, shown(r.npmExitMs), shown(r.groupGoneMs), r.exit, pass(r.groupGoneMs !== null && r.groupGoneMs <= TARGET_MS)]),
        ),
    )
    if (results.some((r) => r.npmChild !== 'node')) {
        out()
        out("npm runs the start script through a shell that stays between npm and node; Debian's sh (dash) keeps a SIGINT")
        out('sent to npm alone to itself and dies of a SIGTERM, leaving node running: the start script must `exec` node.')
    }
    const path = writeResults('stop', { runs: results, targetMs: TARGET_MS })
    out(`Results: ${path}`)
}

if (require.main === module) {
    main().catch((error) => {
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
        process.exit(1)
    })
}
