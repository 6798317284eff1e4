// The connection cache (src/server/connector/connection-cache.ts) called directly on one instance: what an entry
// holds, which entries count (age, shape, tenant), the Table row pair's flush, forgetting, and the one warning when
// the platform refuses the cache. connection-cache.test.ts proves the same through the handlers; this file lets a
// scoped Stryker run try the module's mutants in seconds. Each test uses its own tenant ids.
import { GlideRecord } from '@servicenow/glide'
import { ScopedCacheManager } from '@servicenow/glide/sn_scoped_cache'
import { CONNECTION_CACHE, CONNECTION_CACHE_MAX_AGE_MS, cacheConnection, cachedConnection, forgetConnection } from '../../../src/server/connector/connection-cache.ts'
import { CONNECTION_TABLE, findConnection, type Connection } from '../../../src/server/connector/connections.ts'
import { putConnection } from '../../../src/server/rest/connector-routes.ts'
import { createHarness, type Harness } from '../../support/connector-harness.ts'

let h: Harness

beforeAll(() => {
    h = createHarness()
})

afterAll(() => h.runtime.close())

afterEach(() => jest.restoreAllMocks())

/** A tenant id of its own for each test: 'c0ffee00-0000-4000-8000-0000000000' + two digits. */
function tenant(n: number): string {
    return 'c0ffee00-0000-4000-8000-0000000000' + String(n).padStart(2, '0')
}

/** A connection as read from a row (no row needed: the cache keeps what it is given). */
function connection(tenantId: string, sysId = 'f'.repeat(30) + tenantId.slice(-2)): Connection {
    return {
        sysId,
        tenantId,
        tenantName: 'Tenant ' + tenantId.slice(-2),
        integrationUser: h.integrationUser,
        oauthClient: h.appClient,
        status: 'connected',
        connectedBy: 'a@contoso.com',
        connectedAt: '2026-12-01 10:00:00',
        lastContactAt: null,
        stateNames: '',
    }
}

/** Puts a raw entry under the tenant's key, as the cache stores it. */
function putRaw(tenantId: string, value: string): void {
    h.inScope(() => ScopedCacheManager.putRow(CONNECTION_CACHE, tenantId, value, 'e'.repeat(32)))
}

function rawEntry(tenantId: string): string | null {
    return h.inScope(() => ScopedCacheManager.get(CONNECTION_CACHE, tenantId))
}

function cached(tenantId: string): Connection | null {
    return h.inScope(() => cachedConnection(tenantId))
}

/** Freezes the clock GlideDateTime reads (epoch milliseconds). */
function clockAt(ms: number): void {
    jest.spyOn(Date, 'now').mockReturnValue(ms)
}

const NOW = Date.UTC(2026, 11, 6, 2, 0, 0)

it('names the cache tenant_connections and keeps an entry one minute', () => {
    expect(CONNECTION_CACHE).toBe('tenant_connections')
    expect(CONNECTION_CACHE_MAX_AGE_MS).toBe(60000)
})

it('caches the connection under its tenant id with the time it was cached, and serves it back', () => {
    const stored = connection(tenant(1))
    clockAt(NOW)
    h.inScope(() => cacheConnection(stored))
    expect(JSON.parse(rawEntry(tenant(1))!)).toEqual({ connection: stored, cachedAt: NOW })
    expect(cached(tenant(1))).toEqual(stored)
    expect(cached(tenant(2))).toBeNull()
})

it('serves an entry from 0 ms up to 1 ms short of the maximum age, not at it, nor one cached in the future', () => {
    const stored = connection(tenant(3))
    clockAt(NOW)
    h.inScope(() => cacheConnection(stored))
    expect(cached(tenant(3))).toEqual(stored)
    clockAt(NOW + CONNECTION_CACHE_MAX_AGE_MS - 1)
    expect(cached(tenant(3))).toEqual(stored)
    clockAt(NOW + CONNECTION_CACHE_MAX_AGE_MS)
    expect(cached(tenant(3))).toBeNull()
    clockAt(NOW - 1)
    expect(cached(tenant(3))).toBeNull()
})

it.each([
    ['not JSON', 'not json'],
    ['JSON null', 'null'],
    ['a number', '5'],
    ['a string', '"entry"'],
    ['an entry without a connection', JSON.stringify({ cachedAt: NOW })],
    ['an entry with a null connection', JSON.stringify({ connection: null, cachedAt: NOW })],
    ['an entry without cachedAt', JSON.stringify({ connection: { tenantId: 'x' } })],
    ['an entry whose cachedAt is a string', JSON.stringify({ connection: { tenantId: 'x' }, cachedAt: String(NOW) })],
])('serves nothing for %s', (_what, value) => {
    clockAt(NOW)
    putRaw(tenant(4), value.replace('"x"', JSON.stringify(tenant(4))))
    expect(cached(tenant(4))).toBeNull()
})

it("serves nothing for an entry under the tenant's key that holds another tenant's connection", () => {
    clockAt(NOW)
    putRaw(tenant(5), JSON.stringify({ connection: connection(tenant(6)), cachedAt: NOW }))
    expect(cached(tenant(5))).toBeNull()
    putRaw(tenant(5), JSON.stringify({ connection: connection(tenant(5)), cachedAt: NOW }))
    expect(cached(tenant(5))).toEqual(connection(tenant(5)))
})

it("forgets only the tenant's own entry", () => {
    h.inScope(() => cacheConnection(connection(tenant(7))))
    h.inScope(() => cacheConnection(connection(tenant(8))))
    h.inScope(() => forgetConnection(tenant(7)))
    expect(rawEntry(tenant(7))).toBeNull()
    expect(cached(tenant(7))).toBeNull()
    expect(cached(tenant(8))).toEqual(connection(tenant(8)))
})

it("puts the entry with the row's sys_id: an update of that row flushes it, one of another row does not", () => {
    for (const n of [9, 10]) {
        expect(h.call(putConnection, 'PUT', '/connection', { body: { tenantId: tenant(n), tenantName: 'T' + n, connectedBy: 'a@contoso.com' } }).status).toBe(201)
    }
    const [first, second] = h.inScope(() => [findConnection(tenant(9))!, findConnection(tenant(10))!])
    h.inScope(() => cacheConnection(first))
    h.inScope(() => cacheConnection(second))
    h.runtime.runAs('admin', () => {
        const record = new GlideRecord(CONNECTION_TABLE)
        expect(record.get(second.sysId)).toBe(true)
        record.setValue('tenant_name', 'Renamed')
        record.update()
    })
    expect(cached(tenant(9))).toEqual(first)
    expect(rawEntry(tenant(10))).toBeNull()
})

it('answers null and caches nothing when the platform refuses the cache, warning once for the first refusal only', () => {
    h.runtime.runAs('admin', () => {
        const cache = new GlideRecord('sys_scoped_cache')
        expect(cache.get('name', CONNECTION_CACHE)).toBe(true)
        cache.setValue('active', 'false')
        cache.update()
    })
    const refusal = h.inScope(() => {
        try {
            ScopedCacheManager.get(CONNECTION_CACHE, tenant(11))
        } catch (e) {
            return String(e)
        }
        throw new Error('expected the inactive cache to be refused')
    })
    const warningsBefore = h.count('syslog', 'level=1')
    expect(cached(tenant(11))).toBeNull()
    h.inScope(() => cacheConnection(connection(tenant(11))))
    h.inScope(() => forgetConnection(tenant(11)))
    expect(cached(tenant(11))).toBeNull()
    const warnings = h.rows('syslog', 'level=1').slice(warningsBefore).map((row) => row.message)
    expect(warnings).toEqual(['Connection cache tenant_connections: get failed, reading the table instead: ' + refusal])
})

/** The module loaded afresh (its warning not yet given), on this instance: the first refusal is the one warned of. */
function freshModule(): typeof import('../../../src/server/connector/connection-cache.ts') {
    let loaded: typeof import('../../../src/server/connector/connection-cache.ts') | undefined
    jest.isolateModules(() => {
        // The fresh module's Glide API is a fresh copy too: point it at this instance.
        const session: typeof import('../../../emulator/instance/glide/session.ts') = require('../../../emulator/instance/glide/session.ts')
        session.setActiveHost(h.runtime)
        loaded = require('../../../src/server/connector/connection-cache.ts')
    })
    return loaded!
}

it.each([
    ['put', (cache: ReturnType<typeof freshModule>) => cache.cacheConnection(connection(tenant(12)))],
    ['flush', (cache: ReturnType<typeof freshModule>) => cache.forgetConnection(tenant(12))],
])('names the action that was refused first (%s)', (action, first) => {
    const cache = freshModule()
    const warningsBefore = h.count('syslog', 'level=1')
    h.inScope(() => first(cache))
    expect(h.inScope(() => cache.cachedConnection(tenant(12)))).toBeNull()
    const warnings = h.rows('syslog', 'level=1').slice(warningsBefore).map((row) => row.message)
    expect(warnings).toEqual([
        'Connection cache tenant_connections: ' + action + " failed, reading the table instead: NotEmulated: not emulated by the local instance: ScopedCacheManager on 'tenant_connections', which is not an active scoped cache of scope " + h.runtime.scope,
    ])
})
