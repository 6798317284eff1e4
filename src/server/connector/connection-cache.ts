// Tenant connections kept in the app's scoped cache (sn_scoped_cache, sys_scoped_cache
// "tenant_connections", fluent/scoped-caches), so that a connector call does not read
// x_mioms_m365ticket_connection every time.
// - The "Forget cached connection" business rule replaces a tenant's entry with a flush mark whenever
//   its connection row is written or deleted. A reader that read the row before that mark does not put
//   what it read back (the window left is between its check and its put, not its whole request).
// - Entries expire after CONNECTION_CACHE_MAX_AGE_MS: the bound on a write that runs no business rules
//   (a data fix with setWorkflow(false)) and on a flush that does not reach another node.
// The cache only saves reads: when the platform refuses it, callers read the table.
import { GlideDateTime, gs } from '@servicenow/glide'
import { ScopedCacheManager } from '@servicenow/glide/sn_scoped_cache'
import type { Connection } from './connections.ts'

export const CONNECTION_CACHE = 'tenant_connections'
export const CONNECTION_CACHE_MAX_AGE_MS = 60 * 1000

/** A cached connection, or the mark of a flush (no connection). Times are epoch milliseconds. */
interface CacheEntry {
    connection?: Connection
    cachedAt?: number
    flushedAt?: number
}

let warned = false

function cacheUnavailable(action: string, error: unknown): void {
    if (warned) return
    warned = true
    gs.warn('Connection cache ' + CONNECTION_CACHE + ': ' + action + ' failed, reading the table instead: ' + error)
}

export function cacheClock(): number {
    return new GlideDateTime().getNumericValue()
}

function readEntry(tenantId: string): CacheEntry | null {
    let value: string | null
    try {
        value = ScopedCacheManager.get(CONNECTION_CACHE, tenantId)
    } catch (e) {
        cacheUnavailable('get', e)
        return null
    }
    if (!value) return null
    try {
        const entry = JSON.parse(value) as CacheEntry | null
        return entry && typeof entry === 'object' ? entry : null
    } catch (e) {
        return null
    }
}

function writeEntry(tenantId: string, entry: CacheEntry): void {
    try {
        ScopedCacheManager.put(CONNECTION_CACHE, tenantId, JSON.stringify(entry))
    } catch (e) {
        cacheUnavailable('put', e)
    }
}

/** The tenant's connection as cached less than the maximum age ago; null when there is none. */
export function cachedConnection(tenantId: string): Connection | null {
    const entry = readEntry(tenantId)
    if (!entry || !entry.connection || typeof entry.cachedAt !== 'number') return null
    const age = cacheClock() - entry.cachedAt
    return age >= 0 && age < CONNECTION_CACHE_MAX_AGE_MS && entry.connection.tenantId === tenantId ? entry.connection : null
}

/**
 * Caches a connection read from the table from `readAt` (cacheClock(), taken before the read) on, unless
 * its row was flushed after that. A flush in the same millisecond as the read counts as before it.
 */
export function cacheConnection(connection: Connection, readAt: number): void {
    const current = readEntry(connection.tenantId)
    if (current && typeof current.flushedAt === 'number' && current.flushedAt > readAt) return
    writeEntry(connection.tenantId, { connection, cachedAt: cacheClock() })
}

/** Marks the tenant's entry flushed: the next call reads the table, and older reads are not cached. */
export function forgetConnection(tenantId: string): void {
    writeEntry(tenantId, { flushedAt: cacheClock() })
}
