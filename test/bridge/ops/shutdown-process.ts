/**
 * Starting the shutdown tests' child processes (shutdown-child.ts, shutdown-write-back-child.ts): each prints
 * `listening <port>` once it takes requests. Every child started is killed after its test if still running.
 * Also what the write-back stop and kill tests share: a queued write-back row in a store file, and its status on disk.
 */
import Database from 'better-sqlite3'
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { join } from 'node:path'
import { writeBackObserver } from '../../../bridge/domain/write-back.ts'
import { createSecretBox, type SecretKey } from '../../../bridge/security/secret-box.ts'
import { SecretRegistry } from '../../../bridge/security/secret-registry.ts'
import { openStore } from '../../../bridge/store/store.ts'
import { storedTicket } from '../../support/bridge-harness.ts'

const ROOT = join(__dirname, '../../..')

export interface Child {
    process: ChildProcessWithoutNullStreams
    port: number
    exited: Promise<number | null>
    /** Its stdout and stderr so far. */
    output(): string
}

const started: ChildProcessWithoutNullStreams[] = []

afterEach(() => {
    for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
})

export async function startChild(script: string, env: { [name: string]: string }): Promise<Child> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, script)], { cwd: ROOT, env: { ...process.env, ...env } })
    started.push(child)
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    const port = await new Promise<number>((resolve, reject) => {
        child.stdout.on('data', () => {
            const match = /^listening (\d+)$/m.exec(out)
            if (match) resolve(Number(match[1]))
        })
        void exited.then((code) => reject(new Error(`${script} exited ${code} before listening:\n${out}`)))
    })
    return { process: child, port, exited, output: () => out }
}

export async function waitFor(condition: () => boolean): Promise<void> {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20))
}

/** The JSON lines a child logged (bridge/ops/log.ts), without anything else it printed. */
export function logLines(child: Child): { message?: string; [field: string]: unknown }[] {
    return child
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { message?: string })
}

/** A resolved ticket shared from the control, in the store file: its write-back row is queued, as a sync leaves it. */
export function queueWriteBack(file: string, key: SecretKey, tenantId: string, controlId: string, number: string): void {
    const store = openStore(file, { box: createSecretBox(key, new SecretRegistry()) })
    const tenant = store.forTenant(tenantId)
    tenant.observeOutcomes(writeBackObserver({ store: tenant }))
    tenant.createShare({ id: `share-${number}`, taskId: `task-${number}`, controlId, payload: {} })
    const resolution = { state: { value: '6', label: 'Resolved' }, code: null, notes: 'Enforced.', resolvedAt: '2026-01-02T00:00:00Z', resolvedBy: 'fred.luddy' }
    tenant.mergeTickets([
        storedTicket(number, {
            state: { value: '6', label: 'Resolved', customLabel: null },
            opened: '2026-01-01T00:00:00Z',
            updated: '2026-01-02T00:00:00Z',
            outcome: 'resolved',
            resolution,
        }),
    ])
    store.close()
}

/** A write-back row's status as the file holds it, read beside the running process. */
export function writeBackStatusOnDisk(file: string, number: string): string | undefined {
    const db = new Database(file, { readonly: true })
    try {
        return (db.prepare('SELECT status FROM write_back WHERE ticket_number = ?').get(number) as { status: string } | undefined)?.status
    } finally {
        db.close()
    }
}
