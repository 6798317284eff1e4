// Tenant connections kept in the app's scoped cache (sn_scoped_cache, sys_scoped_cache "tenant_connections",
// fluent/scoped-caches), so that a connector call does not read x_mioms_m365ticket_connection every time.
// - The cache is paired with the connection table as a Table row pair: an entry is put with putRow and the
//   connection row's sys_id, and any update of that row flushes it (ScopedCacheManager API Developer Guide).
// - A deleted row is flushed by the "Forget deleted connection" business rule: the guide names update
//   operations and field edits, not deletes.
// - Entries expire after CONNECTION_CACHE_MAX_AGE_MS. That bounds what the pair cannot see: a row read just
//   before another transaction changed it and put just after the flush, and a flush that does not reach
//   another node.
// The cache only saves reads: when the platform refuses it, callers read the table.
import { GlideDateTime, gs } from '@servicenow/glide'
import { ScopedCacheManager } from '@servicenow/glide/sn_scoped_cache'
import type { Connection } from './connections.ts'

export const CONNECTION_CACHE = 'tenant_connections'
export const CONNECTION_CACHE_MAX_AGE_MS = 60 * 1000

/** A cached connection and when it was cached (epoch milliseconds). */
interface CacheEntry {
    connection: Connection
    cachedAt: number
}

let warned = false

function cacheUnavailable(action: string, error: unknown): void {
    if (warned) return
    warned = true
    gs.warn('Connection cache ' + CONNECTION_CACHE + ': ' + action + ' failed, reading the table instead: ' + error)
}

function now(): number {
    return new GlideDateTime().getNumericValue()
}

/** The tenant's connection as cached less than the maximum age ago; null when there is none. */
export function cachedConnection(tenantId: string): Connection | null {
    let value: string | null
    try {
        value = ScopedCacheManager.get(CONNECTION_CACHE, tenantId)
    } catch (e) {
        cacheUnavailable('get', e)
        return null
    }
    if (!value) return null
    let entry: CacheEntry | null
    try {
        entry = JSON.parse(value) as CacheEntry | null
    } catch (e) {
        return null
    }
    if (!entry || typeof entry !== 'object' || !entry.connection || typeof entry.cachedAt !== 'number') return null
    const age = now() - entry.cachedAt
    return age >= 0 && age < CONNECTION_CACHE_MAX_AGE_MS && entry.connection.tenantId === tenantId ? entry.connection : null
}

/** Caches a connection just read from its row; the row's next update flushes it. */
export function cacheConnection(connection: Connection): void {
    const entry: CacheEntry = { connection, cachedAt: now() }
    try {
        ScopedCacheManager.putRow(CONNECTION_CACHE, connection.tenantId, JSON.stringify(entry), connection.sysId)
    } catch (e) {
        cacheUnavailable('put', e)
    }
}

/** Flushes the tenant's entry: the next call reads the table. */
export function forgetConnection(tenantId: string): void {
    try {
        ScopedCacheManager.flushScopedCache(CONNECTION_CACHE, tenantId)
    } catch (e) {
        cacheUnavailable('flush', e)
    }
}
