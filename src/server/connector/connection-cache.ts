// Tenant connections kept in the app's scoped cache (sn_scoped_cache, sys_scoped_cache
// "tenant_connections", fluent/scoped-caches), so that a connector call does not read
// x_mioms_m365ticket_connection every time. The "Forget cached connection" business rule flushes a
// tenant's entry whenever its connection row is written or deleted; entries also expire after
// CONNECTION_CACHE_MAX_AGE_MS, which bounds how long a write that runs no business rules (or a
// concurrent reader putting back what it read before the write) can leave a stale entry.
// The cache only saves reads: when the platform refuses it, callers read the table.
import { GlideDateTime, gs } from '@servicenow/glide'
import { ScopedCacheManager } from '@servicenow/glide/sn_scoped_cache'
import type { Connection } from './connections.ts'

export const CONNECTION_CACHE = 'tenant_connections'
export const CONNECTION_CACHE_MAX_AGE_MS = 60 * 1000

interface CachedConnection {
    connection: Connection
    cachedAt: number
}

function cacheUnavailable(action: string, error: unknown): void {
    gs.warn('Connection cache ' + CONNECTION_CACHE + ': ' + action + ' failed, reading the table instead: ' + error)
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
    let entry: CachedConnection
    try {
        entry = JSON.parse(value) as CachedConnection
    } catch (e) {
        return null
    }
    const age = new GlideDateTime().getNumericValue() - entry.cachedAt
    return age >= 0 && age < CONNECTION_CACHE_MAX_AGE_MS && entry.connection.tenantId === tenantId ? entry.connection : null
}

export function cacheConnection(connection: Connection): void {
    const entry: CachedConnection = { connection, cachedAt: new GlideDateTime().getNumericValue() }
    try {
        ScopedCacheManager.put(CONNECTION_CACHE, connection.tenantId, JSON.stringify(entry))
    } catch (e) {
        cacheUnavailable('put', e)
    }
}

export function forgetConnection(tenantId: string): void {
    try {
        ScopedCacheManager.flushScopedCache(CONNECTION_CACHE, tenantId)
    } catch (e) {
        cacheUnavailable('flush', e)
    }
}
