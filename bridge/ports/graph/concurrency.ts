/**
 * Secure Score allows 4 concurrent requests per app per tenant; above that Graph answers 429. A FIFO
 * semaphore per tenant keeps every call for that tenant (list pages, single reads, PATCHes) under the limit,
 * while tenants run in parallel.
 */
export class Semaphore {
    private inFlight = 0
    private readonly waiting: Array<() => void> = []

    constructor(private readonly limit: number) {
        checkLimit(limit)
    }

    async run<T>(task: () => Promise<T>): Promise<T> {
        if (this.inFlight >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve))
        else this.inFlight++
        try {
            return await task()
        } finally {
            // Hand the slot straight to the next waiter, so a newcomer cannot overtake it.
            const next = this.waiting.shift()
            if (next) next()
            else this.inFlight--
        }
    }
}

export class PerTenantLimiter {
    private readonly semaphores = new Map<string, Semaphore>()

    constructor(private readonly limit: number) {
        checkLimit(limit) // now, not at the first call
    }

    run<T>(tenantId: string, task: () => Promise<T>): Promise<T> {
        let semaphore = this.semaphores.get(tenantId)
        if (!semaphore) {
            semaphore = new Semaphore(this.limit)
            this.semaphores.set(tenantId, semaphore)
        }
        return semaphore.run(task)
    }
}

function checkLimit(limit: number): void {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`A concurrency limit must be a positive integer, not ${limit}`)
}
