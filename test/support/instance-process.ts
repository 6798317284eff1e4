// `npm start` (emulator/start.ts) as a separate process on a data folder, for tests that restart or
// kill the local instance.
import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import { repoRoot } from '../../scripts/ensure-built.ts'

export interface InstanceProcess {
    child: ChildProcess
    url: string
    output(): string
    /** The admin password, when this start printed it (first start). */
    adminPassword: string | null
}

const running = new Set<ChildProcess>()

/** Starts the local instance on `dataDir` (port picked by the OS, built app as it is). */
export function startInstanceProcess(dataDir: string, ...extra: string[]): Promise<InstanceProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'emulator', 'start.ts'), '--port', '0', '--data', dataDir, '--skip-build', '--graph-port', '0', '--bridge-port', '0', ...extra], {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group, so that SIGKILL reaches whatever it starts.
        detached: true,
    })
    running.add(child)
    child.on('exit', () => running.delete(child))
    let out = ''
    child.stdout!.on('data', (chunk) => (out += chunk))
    child.stderr!.on('data', (chunk) => (out += chunk))
    return new Promise((resolve, reject) => {
        const timer = setInterval(() => {
            const match = /Instance\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(out)
            if (match && out.includes('Press Ctrl-C to stop.')) {
                clearInterval(timer)
                child.removeAllListeners('exit')
                child.on('exit', () => running.delete(child))
                const password = /User admin, password (\S+)/.exec(out)
                resolve({ child, url: match[1], output: () => out, adminPassword: password ? password[1] : null })
            }
        }, 50)
        child.once('exit', (code) => {
            clearInterval(timer)
            reject(new Error(`start.ts exited with ${code}:\n${out}`))
        })
    })
}

/** Ctrl-C; resolves with the exit code. */
export function stopInstanceProcess(instance: InstanceProcess): Promise<number | null> {
    return signalInstanceProcess(instance, 'SIGINT')
}

export function signalInstanceProcess(instance: InstanceProcess, signal: NodeJS.Signals): Promise<number | null> {
    return new Promise((resolve) => {
        if (instance.child.exitCode !== null || instance.child.signalCode !== null) return resolve(instance.child.exitCode)
        instance.child.once('exit', (code) => resolve(code))
        if (signal === 'SIGKILL') process.kill(-instance.child.pid!, signal)
        else instance.child.kill(signal)
    })
}

/** Kills whatever a test left running. */
export function killInstanceProcesses(): void {
    for (const child of running) process.kill(-child.pid!, 'SIGKILL')
}
