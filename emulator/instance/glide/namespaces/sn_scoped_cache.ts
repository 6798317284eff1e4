/**
 * sn_scoped_cache: ScopedCacheManager, the platform's in-memory caches for scoped applications (Scoped Cache
 * plugin, com.glide.scopedcache, active by default). Only what "ScopedCacheManager - Scoped" and the
 * "ScopedCacheManager API Developer Guide" describe is emulated:
 * - a cache is an active sys_scoped_cache record of the calling code's scope, found by its name; its entries are
 *   strings kept in the instance's memory across transactions, at most max_entries of them (at most 100);
 * - the methods "require one or more scoped caches and scoped cache pairs": a Scoped Cache Pair
 *   (sys_scoped_cache_table_pair) names the cache, a table and a pair type, and flushes entries when the table changes:
 *     table         any update operation in the table flushes every entry;
 *     table_row     it flushes the entries put (putRow) with the changed record's sys_id;
 *     table_column  an edit of one of the pair's columns flushes every entry;
 *     table_row_column  an edit of one of the pair's columns flushes the entries put with that record's sys_id;
 * - put is for caches with a Table or Table Column pair, putRow for caches with a Table Row or Table Row and
 *   Column pair; flushScopedCache(cache, key?) and prefixFlush(cache, prefix) flush entries.
 *
 *   ScopedCacheManager.get(cache, key) → string | null      put(cache, key, value)      putRow(cache, key, value, sysId)
 *   flushScopedCache(cache, key?)   prefixFlush(cache, prefix)
 *   getCacheEntryDetails, putMultiRow, getScopedCacheKeys, getScopedCacheSize, and any method the platform lists
 *   but this does not emulate: throw 'not emulated by the local instance: ScopedCacheManager.<name>()'
 *
 * Choices of the local instance where the documentation is silent (FIDELITY.md, "Scoped caches"): pair type values
 * and column names of the pair record (from the form labels); inserts count as update operations and set every
 * column they give; a delete flushes nothing (the guide names update operations and field edits only); a write to a
 * table counts for the pairs of the tables it extends; beyond max_entries the least recently used entry is dropped;
 * deactivating or deleting a cache drops its entries. A cache that is not an active cache of the caller's scope, and
 * a put of the wrong kind for the cache's pairs, are refused as not emulated.
 */
import { notEmulated } from '../../messages.ts'
import type { Row, Store, WriteContext } from '../../store/store.ts'
import { normalizeBoolean } from '../../store/store.ts'
import { platformMethods, refuseUnemulated } from '../platform-apis.ts'
import { host } from '../session.ts'

const MAX_ENTRIES_LIMIT = 100

type PairType = 'table' | 'table_row' | 'table_column' | 'table_row_column'
const PAIR_TYPES: readonly string[] = ['table', 'table_row', 'table_column', 'table_row_column']

interface CachePair {
    table: string
    type: PairType
    columns: Set<string>
}

interface CacheDefinition {
    sysId: string
    name: string
    maxEntries: number
    pairs: CachePair[]
}

interface Entry {
    value: string
    /** The record whose change flushes the entry (putRow); null for put. */
    sourceSysId: string | null
}

/** The in-memory state of one runtime's scoped caches. */
interface CacheState {
    definitionsVersion: string
    definitions: Map<string, CacheDefinition>
    /** cache sys_id → its entries, in least to most recently used order. */
    entries: Map<string, Map<string, Entry>>
}

const states = new WeakMap<Store, CacheState>()

function scopeOf(store: Store, scopeSysId: string | null): string {
    return scopeSysId ? (store.getRow('sys_app', scopeSysId)?.scope ?? scopeSysId) : 'global'
}

function readDefinitions(store: Store): Map<string, CacheDefinition> {
    const pairsByCache = new Map<string, CachePair[]>()
    for (const row of store.select('sys_scoped_cache_table_pair', { blocks: [], orderBy: [] })) {
        if (!row.scoped_cache || !row.table || !PAIR_TYPES.includes(row.pair_type ?? '')) continue
        const columns = new Set((row.columns ?? '').split(',').map((c) => c.trim()).filter(Boolean))
        pairsByCache.set(row.scoped_cache, [...(pairsByCache.get(row.scoped_cache) ?? []), { table: row.table, type: row.pair_type as PairType, columns }])
    }
    const map = new Map<string, CacheDefinition>()
    for (const row of store.select('sys_scoped_cache', { blocks: [], orderBy: [] })) {
        if (normalizeBoolean(row.active ?? '') !== '1' || !row.name) continue
        const requested = parseInt(row.max_entries ?? '', 10)
        const maxEntries = requested > 0 ? Math.min(requested, MAX_ENTRIES_LIMIT) : MAX_ENTRIES_LIMIT
        map.set(scopeOf(store, row.sys_scope) + '^' + row.name, { sysId: row.sys_id!, name: row.name, maxEntries, pairs: pairsByCache.get(row.sys_id!) ?? [] })
    }
    return map
}

/** The runtime's cache state, its definitions read again when sys_scoped_cache or its pairs change. */
function state(): CacheState {
    const store = host().store
    let current = states.get(store)
    if (!current) {
        current = { definitionsVersion: '', definitions: new Map(), entries: new Map() }
        states.set(store, current)
        store.addWriteRule((write) => flushPairedEntries(current!, write))
    }
    const version = `${store.version('sys_scoped_cache')}:${store.version('sys_scoped_cache_table_pair')}`
    if (current.definitionsVersion !== version) {
        current.definitions = readDefinitions(store)
        current.definitionsVersion = version
        const active = new Set([...current.definitions.values()].map((definition) => definition.sysId))
        for (const sysId of [...current.entries.keys()]) if (!active.has(sysId)) current.entries.delete(sysId)
    }
    return current
}

/** The columns a write sets or changes: every column of an insert, the changed ones of an update. */
function changedColumns(write: WriteContext): Set<string> {
    const previous: Row = write.previous ?? {}
    return new Set(Object.keys(write.row).filter((column) => (write.op === 'insert' ? write.row[column] !== null : write.row[column] !== previous[column])))
}

/** A cache pair's flush, run by the store before each insert and update. */
function flushPairedEntries(cacheState: CacheState, write: WriteContext): void {
    if (cacheState.entries.size === 0) return
    const tables = new Set([write.table, ...write.store.ancestors(write.table)])
    let changed: Set<string> | null = null
    for (const definition of cacheState.definitions.values()) {
        const entries = cacheState.entries.get(definition.sysId)
        if (!entries || entries.size === 0) continue
        for (const pair of definition.pairs) {
            if (!tables.has(pair.table)) continue
            if (pair.type === 'table_column' || pair.type === 'table_row_column') {
                changed ??= changedColumns(write)
                if (![...pair.columns].some((column) => changed!.has(column))) continue
            }
            if (pair.type === 'table' || pair.type === 'table_column') entries.clear()
            else for (const [key, entry] of [...entries]) if (entry.sourceSysId === write.row.sys_id) entries.delete(key)
        }
    }
}

/** The caller's cache `name` and its entries. */
function cache(name: unknown): { definition: CacheDefinition; entries: Map<string, Entry> } {
    const cacheState = state()
    const scope = host().callerScope()
    const definition = cacheState.definitions.get(scope + '^' + String(name))
    if (!definition) notEmulated(`ScopedCacheManager on '${String(name)}', which is not an active scoped cache of scope ${scope}`)
    let entries = cacheState.entries.get(definition.sysId)
    if (!entries) {
        entries = new Map()
        cacheState.entries.set(definition.sysId, entries)
    }
    return { definition, entries }
}

function store(definition: CacheDefinition, entries: Map<string, Entry>, key: unknown, entry: Entry): void {
    entries.delete(String(key))
    entries.set(String(key), entry)
    while (entries.size > definition.maxEntries) entries.delete(entries.keys().next().value!)
}

function requirePair(definition: CacheDefinition, types: PairType[], method: string): void {
    if (!definition.pairs.some((pair) => types.includes(pair.type))) {
        notEmulated(`ScopedCacheManager.${method}() on the cache '${definition.name}', which has no ${types.join(' or ')} pair (sys_scoped_cache_table_pair)`)
    }
}

export class ScopedCacheManager {
    static get(catalog: unknown, key: unknown): string | null {
        const { entries } = cache(catalog)
        const entry = entries.get(String(key))
        if (!entry) return null
        entries.delete(String(key))
        entries.set(String(key), entry)
        return entry.value
    }

    /** For caches with a Table or Table Column pair. */
    static put(catalog: unknown, key: unknown, value: unknown): void {
        const { definition, entries } = cache(catalog)
        requirePair(definition, ['table', 'table_column'], 'put')
        store(definition, entries, key, { value: String(value), sourceSysId: null })
    }

    /** For caches with a Table Row or Table Row and Column pair: the entry is flushed when the record with sysId changes. */
    static putRow(catalog: unknown, key: unknown, value: unknown, sysId: unknown, ...unexpected: unknown[]): void {
        if (unexpected.length > 0) notEmulated('ScopedCacheManager.putRow() with a table name argument')
        const { definition, entries } = cache(catalog)
        requirePair(definition, ['table_row', 'table_row_column'], 'putRow')
        store(definition, entries, key, { value: String(value), sourceSysId: String(sysId) })
    }

    static flushScopedCache(catalog: unknown, key?: unknown): void {
        const { entries } = cache(catalog)
        if (key === undefined || key === null) entries.clear()
        else entries.delete(String(key))
    }

    static prefixFlush(catalog: unknown, prefix: unknown): void {
        const { entries } = cache(catalog)
        for (const key of [...entries.keys()]) if (key.startsWith(String(prefix))) entries.delete(key)
    }
}

refuseUnemulated(ScopedCacheManager, platformMethods('sn_scoped_cache', 'ScopedCacheManager'), 'ScopedCacheManager')
