/**
 * Starting the shutdown tests' child processes (shutdown-child.ts, shutdown-write-back-child.ts): each prints
 * `listening <port>` once it takes requests. Every child started is killed after its test if still running.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { join } from 'node:path'

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
