// The local instance for benchmarks: a data folder prepared in this process (benchmark user, seeded
// tickets), then the server in its own Node process (`node --import tsx emulator/start.ts`), so the
// load generator never shares the server's event loop and the server's memory can be read from /proc.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInstance, type Instance } from '../../emulator/instance/instance.ts'
import { repoRoot } from './common.ts'

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
export const CONNECTOR = '/api/x_mioms_m365ticket/v1/connector'
/**
 * The benchmark's one caller, used for the connector and for the Table API alike. The integration role
 * lets it call the connector; itil lets it create change_request records through the Table API (the
 * baseline ACL of task and change_request). Same user, same basic auth, same role lookups on both paths.
 */
export const BENCH_USER = { user: 'bench.integration', password: 'Bench-Passw0rd!' }
export const BENCH_ROLES = ['x_mioms_m365ticket.integration', 'itil']

export function basic(credentials: { user: string; password: string } = BENCH_USER): string {
    return 'Basic ' + Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')
}

export function tempDataDir(label: string): string {
    return mkdtempSync(join(tmpdir(), `m365-bench-${label}-`))
}

export function removeDataDir(dir: string): void {
    rmSync(dir, { recursive: true, force: true })
}

/**
 * Waits (up to 3 minutes) until dist/app is complete: the checkout is shared, and a concurrent
 * `now-sdk build` removes and rewrites it. The benchmarks never build; `npm run build` does.
 */
export function waitForBuiltApp(): void {
    const stamp = join(repoRoot, 'dist', 'app', 'scope')
    const deadline = Date.now() + 180_000
    let stableSince = existsSync(stamp) ? Date.now() - 2000 : 0
    while (Date.now() - stableSince < 2000 || !existsSync(stamp)) {
        if (Date.now() > deadline) throw new Error('No built app at dist/app: run `npm run build` first')
        if (!existsSync(stamp)) stableSince = Date.now()
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250)
    }
}

/** The local instance on a data folder's database (created when missing), in this process, not listening. Close its runtime before serving. */
export function openInstance(dataDir: string): Instance {
    waitForBuiltApp()
    return createInstance({ dbPath: join(dataDir, 'instance.db') })
}

/** Creates the benchmark user in a data folder (idempotent). */
export function prepareDataDir(dataDir: string): void {
    const runtime = openInstance(dataDir).runtime
    try {
        const exists = runtime.store.get(`SELECT sys_id FROM ${runtime.store.sqlTable('sys_user')} WHERE user_name = ?`, [BENCH_USER.user])
        if (!exists) runtime.createUser({ user_name: BENCH_USER.user, first_name: 'Bench', last_name: 'Integration', roles: BENCH_ROLES, password: BENCH_USER.password })
    } finally {
        runtime.close()
    }
}

export interface ServerProcess {
    url: string
    pid: number
    child: ChildProcess
    /** ms from spawn to the URL line on stdout. */
    listeningAfterMs: number
    adminPassword?: string
    stop(): Promise<void>
}

/** Starts `emulator/start.ts` on the data folder in a separate Node process, on a free port. */
export async function spawnServer(dataDir: string, options: { reset?: boolean; nodeArgs?: string[]; startArgs?: string[] } = {}): Promise<ServerProcess> {
    waitForBuiltApp()
    const args = [...(options.nodeArgs ?? []), '--import', 'tsx', join(repoRoot, 'emulator', 'start.ts'), '--port', '0', '--instance-only', '--data', dataDir, '--skip-build']
    if (options.reset) args.push('--reset')
    args.push(...(options.startArgs ?? []))
    const started = process.hrtime.bigint()
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const url = await new Promise<string>((resolvePromise, reject) => {
        const timer = setTimeout(() => reject(new Error(`The instance did not start within 120 s.\n${stdout}\n${stderr}`)), 120_000)
        child.stdout!.on('data', (chunk: Buffer) => {
            stdout += chunk.toString()
            const match = /Instance\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout)
            if (match && /Press Ctrl-C/.test(stdout)) {
                clearTimeout(timer)
                resolvePromise(match[1])
            }
        })
        child.on('exit', (code) => {
            clearTimeout(timer)
            reject(new Error(`The instance exited (${code}) before listening.\n${stdout}\n${stderr}`))
        })
    })
    const listeningAfterMs = Number(process.hrtime.bigint() - started) / 1e6
    child.removeAllListeners('exit')
    const adminPassword = /User admin, password (\S+)/.exec(stdout)?.[1]
    return {
        url,
        pid: child.pid!,
        child,
        listeningAfterMs,
        adminPassword,
        stop: () =>
            new Promise<void>((resolvePromise) => {
                if (child.exitCode !== null || child.signalCode !== null) return resolvePromise()
                const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
                child.once('exit', () => {
                    clearTimeout(timer)
                    resolvePromise()
                })
                child.kill('SIGTERM')
            }),
    }
}

/** Resident memory of a process in MiB: current (VmRSS) and peak (VmHWM), from /proc/<pid>/status. */
export function memoryOf(pid: number): { rssMiB: number; hwmMiB: number } | null {
    try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8')
        const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
        return { rssMiB: Math.round((kib('VmRSS') / 1024) * 10) / 10, hwmMiB: Math.round((kib('VmHWM') / 1024) * 10) / 10 }
    } catch {
        return null
    }
}

/** PUT /connection as the benchmark user: the tenant's connection the connector calls need. */
export async function connectTenant(url: string): Promise<void> {
    const response = await fetch(url + CONNECTOR + '/connection', {
        method: 'PUT',
        headers: { authorization: basic(), 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ tenantId: TENANT, tenantName: 'Contoso (benchmark)', connectedBy: 'secadmin@contoso.onmicrosoft.com' }),
    })
    const text = await response.text()
    if (response.status !== 201 && response.status !== 200) throw new Error(`PUT /connection answered ${response.status}: ${text}`)
}
