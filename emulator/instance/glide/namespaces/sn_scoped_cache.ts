/**
 * sn_scoped_cache: ScopedCacheManager, the platform's in-memory caches for scoped applications
 * (Scoped Cache plugin, com.glide.scopedcache, active by default).
 *
 * As documented: a cache is a sys_scoped_cache record of the calling code's scope, found by its name; its
 * entries are strings kept in the instance's memory across transactions (never in the database), at most
 * max_entries of them (at most 100).
 * Choices of this emulator where the documentation is silent: beyond max_entries the least recently used
 * entry is dropped; a name that is not an active cache of the caller's scope throws; deactivating or
 * deleting a cache drops its entries.
 *
 *   ScopedCacheManager.get(cache, key) → string | null      put(cache, key, value)
 *   flushScopedCache(cache, key?)   prefixFlush(cache, prefix)   getScopedCacheKeys(cache)   getScopedCacheSize(cache)
 *
 * Not emulated: cache pairs (sys_scoped_cache pair records that flush entries when a table's rows change)
 * and the methods that depend on them (putRow, putMultiRow); an application here flushes its entries
 * itself, e.g. from a business rule.
 */
import { normalizeBoolean } from '../../store/store.ts'
import { host } from '../session.ts'

const MAX_ENTRIES_LIMIT = 100

interface CacheDefinition {
    sysId: string
    maxEntries: number
}

/** Active cache definitions by "scope^name", read again only when sys_scoped_cache changes. */
function definitions(): Map<string, CacheDefinition> {
    const h = host()
    const version = h.store.version('sys_scoped_cache')
    const cached = h.cache.get('sn_scoped_cache.definitions') as { version: number; map: Map<string, CacheDefinition> } | undefined
    if (cached && cached.version === version) return cached.map
    const map = new Map<string, CacheDefinition>()
    for (const row of h.store.select('sys_scoped_cache', { blocks: [], orderBy: [] })) {
        if (normalizeBoolean(row.active ?? '') !== '1' || !row.name) continue
        const scope = row.sys_scope ? h.store.getRow('sys_app', row.sys_scope)?.scope ?? row.sys_scope : 'global'
        const requested = parseInt(row.max_entries ?? '', 10)
        const maxEntries = requested > 0 ? Math.min(requested, MAX_ENTRIES_LIMIT) : MAX_ENTRIES_LIMIT
        map.set(scope + '^' + row.name, { sysId: row.sys_id!, maxEntries })
    }
    h.cache.set('sn_scoped_cache.definitions', { version, map })
    const all = h.cache.get('sn_scoped_cache.entries') as Map<string, Map<string, string>> | undefined
    const active = new Set([...map.values()].map((definition) => definition.sysId))
    for (const sysId of [...(all?.keys() ?? [])]) if (!active.has(sysId)) all!.delete(sysId)
    return map
}

/** The entries of the caller's cache `name`, in least to most recently used order. */
function entries(name: unknown): { entries: Map<string, string>; definition: CacheDefinition } {
    const h = host()
    const scope = h.callerScope()
    const definition = definitions().get(scope + '^' + String(name))
    if (!definition) throw new Error(`ScopedCacheManager: no active scoped cache '${String(name)}' in scope ${scope} (sys_scoped_cache)`)
    let all = h.cache.get('sn_scoped_cache.entries') as Map<string, Map<string, string>> | undefined
    if (!all) {
        all = new Map()
        h.cache.set('sn_scoped_cache.entries', all)
    }
    let cacheEntries = all.get(definition.sysId)
    if (!cacheEntries) {
        cacheEntries = new Map()
        all.set(definition.sysId, cacheEntries)
    }
    return { entries: cacheEntries, definition }
}

export class ScopedCacheManager {
    static get(cache: unknown, key: unknown): string | null {
        const { entries: cacheEntries } = entries(cache)
        const value = cacheEntries.get(String(key))
        if (value === undefined) return null
        cacheEntries.delete(String(key))
        cacheEntries.set(String(key), value)
        return value
    }

    static put(cache: unknown, key: unknown, value: unknown): void {
        const { entries: cacheEntries, definition } = entries(cache)
        cacheEntries.delete(String(key))
        cacheEntries.set(String(key), String(value))
        while (cacheEntries.size > definition.maxEntries) cacheEntries.delete(cacheEntries.keys().next().value!)
    }

    static flushScopedCache(cache: unknown, key?: unknown): void {
        const { entries: cacheEntries } = entries(cache)
        if (key === undefined || key === null) cacheEntries.clear()
        else cacheEntries.delete(String(key))
    }

    static prefixFlush(cache: unknown, prefix: unknown): void {
        const { entries: cacheEntries } = entries(cache)
        for (const key of [...cacheEntries.keys()]) if (key.startsWith(String(prefix))) cacheEntries.delete(key)
    }

    static getScopedCacheKeys(cache: unknown): string[] {
        return [...entries(cache).entries.keys()]
    }

    static getScopedCacheSize(cache: unknown): number {
        return entries(cache).entries.size
    }

    static putRow(): never {
        throw new Error('ScopedCacheManager.putRow: cache pairs are not emulated by the local instance')
    }

    static putMultiRow(): never {
        throw new Error('ScopedCacheManager.putMultiRow: cache pairs are not emulated by the local instance')
    }
}
