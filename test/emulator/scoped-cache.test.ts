// sn_scoped_cache.ScopedCacheManager on the local instance. Documented (ScopedCacheManager - Scoped;
// ScopedCacheManager API Developer Guide): caches are sys_scoped_cache records of a scope, entries are
// strings held in the instance's memory, at most max_entries (≤ 100) of them. Where the documentation is
// silent, the tests pin the emulator's choices: least recently used eviction, a throw for a name that is
// not an active cache of the caller's scope, and no entries kept across deactivation.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GlideRecord } from '../../emulator/instance/glide/index.ts'
import { ScopedCacheManager } from '../../emulator/instance/glide/namespaces/sn_scoped_cache.ts'
import { APP_SCOPE, createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'

let runtime: Runtime
beforeEach(() => {
    runtime = createRuntime().activate()
})
afterEach(() => runtime.close())

/** A sys_scoped_cache record in the app's scope, as an admin creates it under System Definition > Scoped Caches. */
function defineCache(name: string, maxEntries: number, active = true): string {
    return runtime.runAs('admin', () => {
        const app = new GlideRecord('sys_app')
        app.get('scope', APP_SCOPE)
        const cache = new GlideRecord('sys_scoped_cache')
        cache.initialize()
        cache.setValue('name', name)
        cache.setValue('max_entries', String(maxEntries))
        cache.setValue('active', String(active))
        cache.setValue('sys_scope', app.getUniqueValue())
        return cache.insert()!
    })
}

const inApp = <T>(fn: () => T): T => runtime.runInScope(APP_SCOPE, fn)

describe('ScopedCacheManager', () => {
    it('put and get strings; a missing key is null', () => {
        defineCache('test_cache', 10)
        inApp(() => {
            ScopedCacheManager.put('test_cache', 'key1', 'val1')
            ScopedCacheManager.put('test_cache', 42, 7)
            expect(ScopedCacheManager.get('test_cache', 'key1')).toBe('val1')
            expect(ScopedCacheManager.get('test_cache', '42')).toBe('7')
            expect(ScopedCacheManager.get('test_cache', 'nothing')).toBeNull()
        })
    })

    it('flushScopedCache flushes one key, or the whole cache without a key', () => {
        defineCache('test_cache', 10)
        inApp(() => {
            for (const key of ['a', 'b', 'c']) ScopedCacheManager.put('test_cache', key, key.toUpperCase())
            ScopedCacheManager.flushScopedCache('test_cache', 'b')
            expect(ScopedCacheManager.getScopedCacheKeys('test_cache')).toEqual(['a', 'c'])
            ScopedCacheManager.flushScopedCache('test_cache')
            expect(ScopedCacheManager.getScopedCacheSize('test_cache')).toBe(0)
        })
    })

    it('prefixFlush flushes the keys that begin with the prefix (the documented aKey1 / aKey2 / bKey1 example)', () => {
        defineCache('test_cache', 10)
        inApp(() => {
            ScopedCacheManager.put('test_cache', 'aKey1', 'val1')
            ScopedCacheManager.put('test_cache', 'aKey2', 'val2')
            ScopedCacheManager.put('test_cache', 'bKey1', 'val3')
            ScopedCacheManager.prefixFlush('test_cache', 'a')
            expect(ScopedCacheManager.get('test_cache', 'aKey1')).toBeNull()
            expect(ScopedCacheManager.get('test_cache', 'aKey2')).toBeNull()
            expect(ScopedCacheManager.get('test_cache', 'bKey1')).toBe('val3')
        })
    })

    it('keeps at most max_entries, dropping the least recently used; max_entries is capped at 100', () => {
        defineCache('small', 2)
        defineCache('large', 500)
        inApp(() => {
            ScopedCacheManager.put('small', 'a', '1')
            ScopedCacheManager.put('small', 'b', '2')
            ScopedCacheManager.get('small', 'a')
            ScopedCacheManager.put('small', 'c', '3')
            expect(ScopedCacheManager.getScopedCacheKeys('small').sort()).toEqual(['a', 'c'])
            for (let i = 0; i < 150; i++) ScopedCacheManager.put('large', 'k' + i, String(i))
            expect(ScopedCacheManager.getScopedCacheSize('large')).toBe(100)
            expect(ScopedCacheManager.get('large', 'k149')).toBe('149')
            expect(ScopedCacheManager.get('large', 'k0')).toBeNull()
        })
    })

    it('holds entries in memory across sessions, not in the database: a restarted instance starts empty', () => {
        const dir = mkdtempSync(join(tmpdir(), 'scoped-cache-'))
        const dbPath = join(dir, 'instance.db')
        try {
            runtime.close()
            runtime = createRuntime({ dbPath }).activate()
            defineCache('test_cache', 10)
            inApp(() => ScopedCacheManager.put('test_cache', 'k', 'v'))
            runtime.createUser({ user_name: 'someone' })
            expect(runtime.runAs('someone', () => inApp(() => ScopedCacheManager.get('test_cache', 'k')))).toBe('v')
            runtime.close()
            runtime = createRuntime({ dbPath }).activate()
            inApp(() => {
                expect(ScopedCacheManager.getScopedCacheSize('test_cache')).toBe(0)
                expect(ScopedCacheManager.get('test_cache', 'k')).toBeNull()
            })
        } finally {
            rmSync(dir, { recursive: true, force: true })
        }
    })

    it("resolves a cache name in the calling code's scope, and refuses an unknown or inactive cache", () => {
        defineCache('test_cache', 10)
        defineCache('off', 10, false)
        expect(() => ScopedCacheManager.get('test_cache', 'k')).toThrow("no active scoped cache 'test_cache' in scope global")
        inApp(() => {
            expect(() => ScopedCacheManager.put('off', 'k', 'v')).toThrow("no active scoped cache 'off' in scope x_mioms_m365ticket")
            expect(() => ScopedCacheManager.get('nothing', 'k')).toThrow('(sys_scoped_cache)')
        })
    })

    it('drops the entries of a cache that is deactivated: reactivated, it starts empty', () => {
        const sysId = defineCache('test_cache', 10)
        inApp(() => ScopedCacheManager.put('test_cache', 'k', 'v'))
        const setActive = (active: boolean) =>
            runtime.runAs('admin', () => {
                const cache = new GlideRecord('sys_scoped_cache')
                cache.get(sysId)
                cache.setValue('active', String(active))
                cache.update()
            })
        setActive(false)
        expect(() => inApp(() => ScopedCacheManager.get('test_cache', 'k'))).toThrow('no active scoped cache')
        setActive(true)
        expect(inApp(() => ScopedCacheManager.get('test_cache', 'k'))).toBeNull()
    })

    it('loads the connector\'s own cache from the built app (sys_scoped_cache tenant_connections)', () => {
        inApp(() => {
            ScopedCacheManager.put('tenant_connections', 'tenant', '{}')
            expect(ScopedCacheManager.get('tenant_connections', 'tenant')).toBe('{}')
        })
    })
})
