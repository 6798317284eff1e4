// Shared pieces of the benchmarks: machine description, statistics, tables, JSON results, progress
// bar, environment knobs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join, resolve } from 'node:path'

export const repoRoot = resolve(__dirname, '..', '..')
export const resultsDir = join(repoRoot, 'bench', 'results')

/** An integer knob from the environment (e.g. BENCH_N=200 for a quick run). */
export function envInt(name: string, fallback: number): number {
    const raw = process.env[name]
    if (raw === undefined || raw === '') return fallback
    const value = Number(raw.replace(/_/g, ''))
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got ${raw}`)
    return value
}

export interface Machine {
    date: string
    nproc: number
    memoryGiB: number
    cpu: string
    node: string
    platform: string
}

export function machine(): Machine {
    let cpu = cpus()[0]?.model ?? 'unknown'
    try {
        const line = readFileSync('/proc/cpuinfo', 'utf8')
            .split('\n')
            .find((l) => l.startsWith('model name'))
        if (line) cpu = line.split(':')[1].trim()
    } catch {
        // not Linux: os.cpus() it is
    }
    return {
        date: new Date().toISOString(),
        nproc: cpus().length,
        memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
        cpu,
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
    }
}

export function describeMachine(m: Machine = machine()): string {
    return `${m.date.slice(0, 10)} · ${m.nproc} CPUs (${m.cpu}) · ${m.memoryGiB} GiB · Node ${m.node} · ${m.platform}`
}

export interface LatencySummary {
    count: number
    seconds: number
    requestsPerSecond: number
    p50Ms: number
    p95Ms: number
    p99Ms: number
    meanMs: number
    maxMs: number
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
    if (sorted.length === 0) return NaN
    const rank = Math.ceil((p / 100) * sorted.length)
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]
}

/** Latencies in nanoseconds (process.hrtime.bigint differences) over a wall time in nanoseconds. */
export function summarize(latenciesNs: bigint[], wallNs: bigint): LatencySummary {
    const ms = latenciesNs.map((ns) => Number(ns) / 1e6).sort((a, b) => a - b)
    const seconds = Number(wallNs) / 1e9
    return {
        count: ms.length,
        seconds: round(seconds, 3),
        requestsPerSecond: round(ms.length / seconds, 1),
        p50Ms: round(percentile(ms, 50), 2),
        p95Ms: round(percentile(ms, 95), 2),
        p99Ms: round(percentile(ms, 99), 2),
        meanMs: round(ms.reduce((a, b) => a + b, 0) / (ms.length || 1), 2),
        maxMs: round(ms[ms.length - 1] ?? NaN, 2),
    }
}

export function round(value: number, digits = 2): number {
    const f = 10 ** digits
    return Math.round(value * f) / f
}

/** A plain-text table, columns padded; numbers right-aligned. */
export function table(headers: string[], rows: (string | number)[][]): string {
    const cells = [headers, ...rows.map((r) => r.map((c) => String(c)))]
    const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)))
    const line = (r: string[], isHeader = false) =>
        r.map((c, i) => (!isHeader && typeof rows[0]?.[i] === 'number' ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ')
    return [line(cells[0], true), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map((r) => line(r))].join('\n')
}

/** Writes bench/results/<name>.json (git-ignored) and returns its path. */
export function writeResults(name: string, data: unknown): string {
    mkdirSync(resultsDir, { recursive: true })
    const path = join(resultsDir, `${name}.json`)
    writeFileSync(path, JSON.stringify({ benchmark: name, machine: machine(), ...(data as object) }, null, 2) + '\n')
    return path
}

export function out(line = ''): void {
    process.stdout.write(line + '\n')
}

/** A progress bar on stderr: call tick(done) as work advances, end() once. */
export function progress(label: string, total: number): { tick(done: number): void; end(): void } {
    const started = process.hrtime.bigint()
    let last = -1
    const draw = (done: number) => {
        const width = 30
        const filled = Math.round((done / total) * width)
        const elapsed = Number(process.hrtime.bigint() - started) / 1e9
        const rate = done / Math.max(elapsed, 1e-9)
        process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${Math.round(rate)}/s ${elapsed.toFixed(1)}s `)
    }
    return {
        tick(done: number) {
            const pct = Math.floor((done / total) * 100)
            if (pct !== last) {
                last = pct
                draw(done)
            }
        },
        end() {
            draw(total)
            process.stderr.write('\n')
        },
    }
}

export function pass(ok: boolean): string {
    return ok ? 'met' : 'MISSED'
}
