/**
 * The page reader of `npm run bench:bridge`'s many-tenants run, in its own Node process (forked by bench/bridge.ts
 * with `--import tsx`), so that neither the bridge's event loop nor the Graph stand-in's (in the parent) delays
 * its clock. It requests one page again and again, one request at a time with `gapMs` between them, as a person
 * reloading it would, and times each from sending to the last byte (process.hrtime.bigint, fetch keep-alive).
 *
 *   parent → { kind: 'probe', url, headers, gapMs, warmUp, expect }  `warmUp` requests (timed apart), then 'warm'
 *   prober → { kind: 'warm', idle: LatencySummary }
 *   parent → { kind: 'measure' }   from now on each request counts
 *   parent → { kind: 'stop' }      the request in flight finishes, then 'probed'
 *   prober → { kind: 'probed', during: LatencySummary, slowest, statuses, problems }
 */
import { summarize, type LatencySummary } from './lib/common.ts'

export type ProberCommand =
    | {
          kind: 'probe'
          url: string
          /** Sent with every request; a signed-in page gets its session cookie here. */
          headers: Record<string, string>
          gapMs: number
          warmUp: number
          /** Text a good answer contains (the page really shows what is measured). */
          expect: string
      }
    | { kind: 'measure' }
    | { kind: 'stop' }

export type ProberReply =
    | { kind: 'warm'; idle: LatencySummary }
    | { kind: 'probed'; during: LatencySummary; slowest: SlowRequest[]; statuses: Record<string, number>; problems: string[] }
    | { kind: 'error'; message: string }

/** A slow page: when it was sent (ms after the first counted request) and how long it took, to see when stalls happen. */
export interface SlowRequest {
    sentAtMs: number
    ms: number
}

const SLOWEST_KEPT = 5

let measuring = false
let stopping = false

async function probe(command: Extract<ProberCommand, { kind: 'probe' }>): Promise<void> {
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
    const idle: bigint[] = []
    const during: bigint[] = []
    const sentAt: bigint[] = []
    const statuses: Record<string, number> = {}
    const problems: string[] = []
    let started = 0n
    while (!stopping) {
        const counted = measuring
        const t0 = process.hrtime.bigint()
        const response = await fetch(command.url, { headers: command.headers, redirect: 'manual' })
        const text = await response.text()
        const latency = process.hrtime.bigint() - t0
        if (counted) {
            if (started === 0n) started = t0
            during.push(latency)
            sentAt.push(t0 - started)
            statuses[response.status] = (statuses[response.status] ?? 0) + 1
            if ((response.status !== 200 || !text.includes(command.expect)) && problems.length < 5) problems.push(`${response.status}: ${text.slice(0, 200)}`)
        } else if (idle.length < command.warmUp) {
            idle.push(latency)
            if (response.status !== 200 || !text.includes(command.expect)) throw new Error(`GET ${command.url} answered ${response.status} without "${command.expect}": ${text.slice(0, 300)}`)
            if (idle.length === command.warmUp) process.send?.({ kind: 'warm', idle: summarize(idle, idle.reduce((a, b) => a + b, 0n)) } satisfies ProberReply)
        }
        await sleep(command.gapMs)
    }
    const slowest = during
        .map((ns, i) => ({ sentAtMs: Math.round(Number(sentAt[i]) / 1e6), ms: Math.round(Number(ns) / 1e6) }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, SLOWEST_KEPT)
    process.send?.({ kind: 'probed', during: summarize(during, process.hrtime.bigint() - started), slowest, statuses, problems } satisfies ProberReply, () => process.exit(0))
}

process.on('message', (command: ProberCommand) => {
    if (command.kind === 'measure') measuring = true
    else if (command.kind === 'stop') stopping = true
    else {
        probe(command).catch((error: unknown) => {
            process.send?.({ kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ProberReply, () => process.exit(1))
        })
    }
})
process.once('disconnect', () => process.exit(1))
