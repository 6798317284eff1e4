/**
 * bridge/ops/shutdown.ts and signals.ts in a real process (shutdown-child.ts: Fastify, a background job, a SQLite
 * file in WAL mode) stopped with signals while clients hold connections: connections without a request in flight
 * close at once, a request and a job run in flight finish before the store closes, what overruns its grace is cut
 * and left as committed, a second signal exits at once with 128 + its number, and two arriving together (npm's
 * copy, systemd's control group) are one stop. How long a stop takes is not asserted (bench:stop measures it).
 */
import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { Agent, createServer, get, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SAME_SIGNAL_MS } from '../../../bridge/ops/signals.ts'
import { logLines, startChild, waitFor, type Child } from './shutdown-process.ts'

/** The child's upstream: holds each call to /request and /job until the test answers it. */
interface Upstream {
    url: string
    /** Resolves with the held call's answer function once the child has called `path`. */
    held(path: '/request' | '/job'): Promise<(text: string) => void>
    close(): Promise<void>
}

async function startUpstream(): Promise<Upstream> {
    const waiting = new Map<string, (answer: (text: string) => void) => void>()
    const arrived = new Map<string, (text: string) => void>()
    const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
        const answer = (text: string) => response.end(text)
        const path = request.url ?? ''
        const waiter = waiting.get(path)
        if (waiter) waiter(answer)
        else arrived.set(path, answer)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        held(path) {
            const answer = arrived.get(path)
            if (answer) return Promise.resolve(answer)
            return new Promise((resolve) => waiting.set(path, resolve))
        },
        close: () =>
            new Promise<void>((resolve) => {
                server.close(() => resolve())
                server.closeAllConnections()
            }),
    }
}

let dir: string
let upstream: Upstream

beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bridge-shutdown-'))
    upstream = await startUpstream()
})
afterEach(async () => {
    await upstream.close()
    rmSync(dir, { recursive: true, force: true })
})

const dataFile = () => join(dir, 'bridge.sqlite')

function startStopped(graces: { httpMs: number; jobsMs: number }): Promise<Child> {
    return startChild('shutdown-child.ts', {
        SHUTDOWN_DATA_FILE: dataFile(),
        SHUTDOWN_UPSTREAM: upstream.url,
        SHUTDOWN_HTTP_GRACE_MS: String(graces.httpMs),
        SHUTDOWN_JOBS_GRACE_MS: String(graces.jobsMs),
    })
}

const waitForOutput = (child: Child, pattern: RegExp) => waitFor(() => pattern.test(child.output()))

interface HeldConnection {
    socket: Socket
    closed: Promise<void>
}

const watched = (socket: Socket): HeldConnection => ({ socket, closed: new Promise((resolve) => socket.once('close', () => resolve())) })

/** A keep-alive connection after one answered request (/healthz), and one that has sent nothing yet (a browser's preconnect). */
async function holdIdleConnections(port: number): Promise<HeldConnection[]> {
    const agent = new Agent({ keepAlive: true })
    const response = await new Promise<IncomingMessage>((resolve, reject) => get(`http://127.0.0.1:${port}/healthz`, { agent }, resolve).on('error', reject))
    const keptAlive = watched(response.socket)
    response.resume()
    await new Promise((resolve) => response.on('end', resolve))
    const silent = await new Promise<Socket>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => resolve(socket))
        socket.on('error', reject)
    })
    return [keptAlive, watched(silent)]
}

/** GET /work on its own connection: the answer, or the error when the connection is cut. */
function work(port: number): Promise<{ status: number; body: string } | { error: string }> {
    return new Promise((resolve) => {
        get(`http://127.0.0.1:${port}/work`, { agent: false }, (response) => {
            let body = ''
            response.on('data', (chunk: Buffer) => (body += chunk.toString()))
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
        }).on('error', (error) => resolve({ error: error.message }))
    })
}

/** The store as the next start finds it: intact, and what was recorded. */
function storeAfter(): { integrity: string; work: { [name: string]: string }; walLeft: boolean } {
    const walLeft = existsSync(dataFile() + '-wal')
    const db = new Database(dataFile())
    try {
        const integrity = db.pragma('integrity_check', { simple: true }) as string
        const rows = db.prepare('SELECT name, status FROM work').all() as { name: string; status: string }[]
        return { integrity, work: Object.fromEntries(rows.map((row) => [row.name, row.status])), walLeft }
    } finally {
        db.close()
    }
}

describe('a stop with work in flight and connections held open', () => {
    it('SIGTERM: idle connections close at once; the request and the job finish; then the store closes and the process exits 0', async () => {
        const child = await startStopped({ httpMs: 60_000, jobsMs: 60_000 })
        const idle = await holdIdleConnections(child.port)
        const answered = work(child.port)
        const [answerRequest, answerJob] = await Promise.all([upstream.held('/request'), upstream.held('/job')])

        child.process.kill('SIGTERM')
        // Both are closed by the bridge while the request and the job are still held: nothing waits for them.
        await Promise.all(idle.map((connection) => connection.closed))
        expect(child.process.exitCode).toBeNull()

        answerRequest('in time')
        expect(await answered).toEqual({ status: 200, body: '{"done":true}' })
        answerJob('in time')
        expect(await child.exited).toBe(0)

        expect(storeAfter()).toEqual({ integrity: 'ok', work: { request: 'done in time', job: 'done in time' }, walLeft: false })
        expect(logLines(child).map((line) => line.message)).toEqual(['stop: SIGTERM (a second one exits without waiting)', 'stopped'])
    })

    it('what overruns its grace is cut: the request gets no answer, the job is left as committed, the store closes intact', async () => {
        const child = await startStopped({ httpMs: 200, jobsMs: 200 })
        const answered = work(child.port)
        await Promise.all([upstream.held('/request'), upstream.held('/job')])

        child.process.kill('SIGTERM')
        expect(await child.exited).toBe(0)
        expect(await answered).toEqual({ error: 'socket hang up' })
        // The job's run stays `sending`, as a write-back row's does: the next start finds it and finishes it.
        expect(storeAfter()).toEqual({ integrity: 'ok', work: { job: 'sending' }, walLeft: false })
        expect(child.output()).toContain('stop: upstream job still running after 200 ms, not waited for')
    })
})

describe('signals', () => {
    it.each([
        ['SIGINT', 130],
        ['SIGTERM', 143],
    ] as const)('a second %s exits at once with %i; the store is intact and keeps what was committed', async (signal, code) => {
        const child = await startStopped({ httpMs: 60_000, jobsMs: 60_000 })
        await upstream.held('/job')
        child.process.kill(signal)
        await waitForOutput(child, /"stop: SIG/)
        // Past the window in which a second signal is the same stop.
        await new Promise((resolve) => setTimeout(resolve, SAME_SIGNAL_MS + 100))
        child.process.kill(signal)
        expect(await child.exited).toBe(code)
        expect(child.output()).toContain(`${signal} again: exiting without waiting`)
        // Not closed: its WAL is still beside it, and SQLite recovers it on the next open.
        expect(storeAfter()).toMatchObject({ integrity: 'ok', work: { job: 'sending' } })
    })

    it('two SIGTERMs arriving together (npm passing its copy on, systemd signalling the control group) are one graceful stop', async () => {
        const child = await startStopped({ httpMs: 60_000, jobsMs: 60_000 })
        const answerJob = await upstream.held('/job')
        child.process.kill('SIGTERM')
        child.process.kill('SIGTERM')
        await waitForOutput(child, /"stop: SIGTERM/)
        answerJob('in time')
        expect(await child.exited).toBe(0)
        expect(child.output()).not.toContain('again: exiting without waiting')
        expect(storeAfter()).toEqual({ integrity: 'ok', work: { job: 'done in time' }, walLeft: false })
    })
})
