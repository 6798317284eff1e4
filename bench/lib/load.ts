// A small bounded load generator: a fixed number of requests, a fixed number of concurrent workers,
// each request's latency measured with process.hrtime.bigint(). fetch (undici) keeps connections alive.
import { summarize, type LatencySummary } from './common.ts'

export interface LoadRequest {
    url: string
    method: string
    headers: Record<string, string>
    body?: string
}

export interface LoadResult extends LatencySummary {
    concurrency: number
    statuses: Record<string, number>
}

export interface LoadOptions {
    total: number
    concurrency: number
    /** The i-th request (0-based, unique across workers). */
    request(i: number): LoadRequest
    /** Statuses that count as success; any other aborts the run with the response body. */
    expect: number[]
    onProgress?(done: number): void
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
    const latencies: bigint[] = []
    const statuses: Record<string, number> = {}
    let next = 0
    let done = 0
    const worker = async () => {
        for (;;) {
            const i = next++
            if (i >= options.total) return
            const r = options.request(i)
            const t0 = process.hrtime.bigint()
            const response = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body })
            const text = await response.text()
            const t1 = process.hrtime.bigint()
            statuses[response.status] = (statuses[response.status] ?? 0) + 1
            if (!options.expect.includes(response.status)) throw new Error(`${r.method} ${r.url} answered ${response.status}: ${text.slice(0, 500)}`)
            latencies.push(t1 - t0)
            options.onProgress?.(++done)
        }
    }
    const started = process.hrtime.bigint()
    await Promise.all(Array.from({ length: options.concurrency }, worker))
    const wall = process.hrtime.bigint() - started
    return { concurrency: options.concurrency, statuses, ...summarize(latencies, wall) }
}
