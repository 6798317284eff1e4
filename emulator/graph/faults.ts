/**
 * Fault switches: departures from a healthy Graph that a client must survive, each off by default. Set through
 * createGraphServer({ faults }), the environment (GRAPH_FAULT_*), or server.setFaults() at run time.
 */
export interface FaultSwitches {
    /** Every n-th Graph call answers 429 Too Many Requests with Retry-After (0 = off). */
    throttleEvery?: number
    /** The Retry-After (seconds) of the faults' 429 and 503 and of the documented throttling limits (default 1). */
    retryAfterSeconds?: number
    /** Every n-th Graph call answers 503 Service Unavailable with Retry-After (0 = off). */
    unavailableEvery?: number
    /** Every n-th list of control profiles answers 206 Partial Content with a Warning header and some profiles left out (0 = off). */
    partialEvery?: number
    /** Added to every request (Entra and Graph), in milliseconds. */
    latencyMs?: number
    /** PATCH with an app-only token answers 403 (the docs list Application permission for PATCH, but leave open whether writes by apps are honoured). */
    refuseAppOnlyPatch?: boolean
}

export const FAULT_ENV = {
    throttleEvery: 'GRAPH_FAULT_THROTTLE_EVERY',
    retryAfterSeconds: 'GRAPH_FAULT_RETRY_AFTER_SECONDS',
    unavailableEvery: 'GRAPH_FAULT_UNAVAILABLE_EVERY',
    partialEvery: 'GRAPH_FAULT_PARTIAL_EVERY',
    latencyMs: 'GRAPH_FAULT_LATENCY_MS',
    refuseAppOnlyPatch: 'GRAPH_FAULT_REFUSE_APP_ONLY_PATCH',
} as const satisfies Record<keyof FaultSwitches, string>

/** The switches the environment sets; a malformed number is an error rather than silently off. */
export function faultsFromEnv(env: NodeJS.ProcessEnv = process.env): FaultSwitches {
    const faults: FaultSwitches = {}
    for (const [key, name] of Object.entries(FAULT_ENV) as [keyof FaultSwitches, string][]) {
        const raw = env[name]
        if (raw === undefined || raw === '') continue
        if (key === 'refuseAppOnlyPatch') {
            faults.refuseAppOnlyPatch = raw === '1' || raw.toLowerCase() === 'true'
            continue
        }
        const n = Number(raw)
        if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got '${raw}'`)
        faults[key] = n
    }
    return faults
}

export function normalizeFaults(faults: FaultSwitches): Required<FaultSwitches> {
    return {
        throttleEvery: faults.throttleEvery ?? 0,
        retryAfterSeconds: faults.retryAfterSeconds ?? 1,
        unavailableEvery: faults.unavailableEvery ?? 0,
        partialEvery: faults.partialEvery ?? 0,
        latencyMs: faults.latencyMs ?? 0,
        refuseAppOnlyPatch: faults.refuseAppOnlyPatch ?? false,
    }
}
