/**
 * The bridge's Graph port as the bridge wires it (server.ts, and the benchmark measures the same): one token source,
 * and two Secure Score clients over one limit of requests in flight per tenant. The refresh's client waits out
 * `Retry-After` itself; the write-back's does not (maxRetryAfterSeconds 0), since the outbox reschedules a throttled
 * row (next_attempt_at) instead of holding one of the tenant's slots while it waits. Given the tokens of the tenants'
 * write-back delegates (bridge/security/write-back-delegation.ts), a third client writes with those, under the same
 * limit: it is the same app.
 */
import { PerTenantLimiter } from './concurrency.ts'
import { createSecureScoreClient, MAX_IN_FLIGHT_PER_TENANT, type SecureScoreClient } from './secure-score-client.ts'
import { createTokenSource, type GraphCredential, type TokenSource } from './token-source.ts'

export interface GraphPortOptions {
    authorityHost: string
    graphBaseUrl: string
    credential: GraphCredential
    /** An extra trusted CA (PEM), the local stand-in's; production leaves it unset. */
    ca?: string
}

export interface GraphPortExtras {
    /** The write-back delegates' delegated tokens, per tenant. */
    delegatedTokens?: TokenSource
}

export interface GraphPorts {
    tokens: TokenSource
    /** For reads (the refresh): waits out Retry-After. */
    graph: SecureScoreClient
    /** For the write-back outbox: a throttled call comes back at once with its Retry-After. */
    writeBackGraph: SecureScoreClient
    /** As writeBackGraph, with the tenant's write-back delegate's token (when delegatedTokens was given). */
    delegatedWriteBackGraph: SecureScoreClient | null
}

export function createGraphPorts(options: GraphPortOptions, extras: GraphPortExtras = {}): GraphPorts {
    const tokens = createTokenSource({ authorityHost: options.authorityHost, credential: options.credential, ca: options.ca })
    // Secure Score allows 4 requests in flight per app and tenant: refresh and write-back share one limit.
    const limiter = new PerTenantLimiter(MAX_IN_FLIGHT_PER_TENANT)
    const base = { graphBaseUrl: options.graphBaseUrl, tokens, ca: options.ca, limiter }
    return {
        tokens,
        graph: createSecureScoreClient(base),
        writeBackGraph: createSecureScoreClient({ ...base, maxRetryAfterSeconds: 0 }),
        delegatedWriteBackGraph: extras.delegatedTokens ? createSecureScoreClient({ ...base, tokens: extras.delegatedTokens, maxRetryAfterSeconds: 0 }) : null,
    }
}
