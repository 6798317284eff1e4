// The connection cache (src/server/connector/connection-cache.ts) on the local instance's ScopedCacheManager:
// connector calls read the tenant's connection row once; a change to the row made with business rules
// running (the API, the setup page, an admin's form: the "Forget cached connection" rule) reaches the very
// next call, and one made without them reaches the first call after the entry's maximum age, or the first
// that records the last contact.
import { GlideRecord } from '@servicenow/glide'
import { ScopedCacheManager } from '@servicenow/glide/sn_scoped_cache'
import { cacheClock, cacheConnection, CONNECTION_CACHE, CONNECTION_CACHE_MAX_AGE_MS } from '../../src/server/connector/connection-cache.ts'
import { CONNECTION_TABLE, findConnection } from '../../src/server/connector/connections.ts'
import { deleteConnection, getTickets, postTask, putConnection, putStateNames } from '../../src/server/rest/connector-routes.ts'
import { createHarness, taskBody, TENANT, type Harness } from './harness.ts'

let h: Harness

beforeEach(() => {
    h = createHarness()
    h.call(putConnection, 'PUT', '/connection', { body: { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'a@contoso.com' } })
})

afterEach(() => h.runtime.close())

function list(as?: string) {
    return h.call(getTickets, 'GET', '/tickets', { query: { tenantId: TENANT }, as })
}

/** The SQL statements a call issues on the connection table. */
function connectionReads(fn: () => unknown): number {
    const store = h.runtime.store
    const table = store.sqlTable(CONNECTION_TABLE)
    const spies = [jest.spyOn(store, 'all'), jest.spyOn(store, 'get'), jest.spyOn(store, 'run')]
    try {
        fn()
        return spies.reduce((n, spy) => n + spy.mock.calls.filter(([sql]) => String(sql).includes(table)).length, 0)
    } finally {
        for (const spy of spies) spy.mockRestore()
    }
}

/** An admin's change to the connection row, as from its form (business rules run) or as a data fix (they do not). */
function editConnection(field: string, value: string, options: { businessRules: boolean }) {
    h.runtime.runAs('admin', () => {
        const record = new GlideRecord(CONNECTION_TABLE)
        record.get('tenant_id', TENANT)
        record.setWorkflow(options.businessRules)
        record.setValue(field, value)
        record.update()
    })
}

it('reads the connection row on the first call only, then serves the tenant from the cache', () => {
    expect(connectionReads(() => expect(list().status).toBe(200))).toBe(1)
    expect(connectionReads(() => expect(list().status).toBe(200))).toBe(0)
    expect(connectionReads(() => expect(list().status).toBe(200))).toBe(0)
})

it('refuses another integration user on a cache hit', () => {
    expect(list().status).toBe(200)
    expect(connectionReads(() => expect(list(h.otherIntegrationUser).status).toBe(403))).toBe(0)
})

it('refuses the next call once the tenant disconnects through DELETE /connection', () => {
    expect(list().status).toBe(200)
    expect(h.call(deleteConnection, 'DELETE', '/connection', { query: { tenantId: TENANT } }).status).toBe(200)
    expect(list().status).toBe(403)
})

it("follows an admin's edit of the row at once: another integration user takes the tenant over", () => {
    expect(list().status).toBe(200)
    editConnection('integration_user', h.otherIntegrationUser, { businessRules: true })
    expect(list().status).toBe(403)
    expect(list(h.otherIntegrationUser).status).toBe(200)
})

it('refuses the next call once the connection row is deleted', () => {
    expect(list().status).toBe(200)
    h.runtime.runAs('admin', () => {
        const record = new GlideRecord(CONNECTION_TABLE)
        record.get('tenant_id', TENANT)
        expect(record.deleteRecord()).toBe(true)
    })
    expect(list().status).toBe(403)
})

it('shows custom state names set through PUT /state-names on the next list', () => {
    expect(h.call(postTask, 'POST', '/tasks', { body: taskBody() }).status).toBe(201)
    expect(list().json.result.tickets[0].state.customLabel).toBeNull()
    h.call(putStateNames, 'PUT', '/state-names', { body: { tenantId: TENANT, change: { '-5': 'Proposed' } } })
    expect(list().json.result.tickets[0].state.customLabel).toBe('Proposed')
})

/** Rewrites the tenant's cached entry, as time passing would. */
function ageCachedEntry(change: (entry: { cachedAt: number; connection: { lastContactAt: string } }) => void) {
    h.runtime.runInScope(h.runtime.scope, () => {
        const entry = JSON.parse(ScopedCacheManager.get(CONNECTION_CACHE, TENANT)!)
        change(entry)
        ScopedCacheManager.put(CONNECTION_CACHE, TENANT, JSON.stringify(entry))
    })
}

it('sees a data fix that runs no business rules once the cached entry is older than the maximum age', () => {
    expect(list().status).toBe(200)
    editConnection('status', 'disconnected', { businessRules: false })
    // Until then the entry stands: the bound is what limits a missed flush.
    expect(list().status).toBe(200)
    ageCachedEntry((entry) => {
        entry.cachedAt -= CONNECTION_CACHE_MAX_AGE_MS
    })
    expect(list().status).toBe(403)
})

it('reads the row again, and checks it, before recording the last contact from a cached entry', () => {
    expect(list().status).toBe(200)
    editConnection('integration_user', h.otherIntegrationUser, { businessRules: false })
    ageCachedEntry((entry) => {
        entry.connection.lastContactAt = '2020-01-01 00:00:00'
    })
    const lastContact = h.rows(CONNECTION_TABLE)[0].last_contact_at
    expect(list().status).toBe(403)
    expect(h.rows(CONNECTION_TABLE)[0].last_contact_at).toBe(lastContact)
    expect(list(h.otherIntegrationUser).status).toBe(200)
})

it('does not cache a connection read before a concurrent change flushed it', () => {
    const readBeforeTheChange = h.runtime.runAs(h.integrationUser, () =>
        h.runtime.runInScope(h.runtime.scope, () => {
            const readAt = cacheClock() - 1
            const connection = findConnection(TENANT)!
            return { readAt, connection }
        }),
    )
    editConnection('status', 'disconnected', { businessRules: true })
    h.runtime.runInScope(h.runtime.scope, () => cacheConnection(readBeforeTheChange.connection, readBeforeTheChange.readAt))
    expect(list().status).toBe(403)
})

it('answers from the table on every call when the platform has no such cache, logging a warning', () => {
    h.runtime.runAs('admin', () => {
        const cache = new GlideRecord('sys_scoped_cache')
        cache.get('name', CONNECTION_CACHE)
        cache.setValue('active', 'false')
        cache.update()
    })
    expect(connectionReads(() => expect(list().status).toBe(200))).toBe(1)
    expect(connectionReads(() => expect(list().status).toBe(200))).toBe(1)
    expect(h.rows('syslog', 'level=1').map((row) => row.message).join('\n')).toContain('Connection cache tenant_connections: get failed')
})
