// The connection cache (src/server/connector/connection-cache.ts) on the local instance's ScopedCacheManager:
// connector calls read the tenant's connection row once; any update of the row (the API, the setup page, an
// admin's form, a data fix without business rules) flushes the entry through the cache's Table row pair and
// reaches the very next call; a delete reaches it through the "Forget deleted connection" rule; what the pair
// cannot see (a row read before a change and cached after its flush) lasts at most the entry's maximum age.
import { GlideRecord } from '@servicenow/glide'
import { ScopedCacheManager } from '@servicenow/glide/sn_scoped_cache'
import { CONNECTION_CACHE, CONNECTION_CACHE_MAX_AGE_MS } from '../../../src/server/connector/connection-cache.ts'
import { CONNECTION_TABLE, findConnection, type Connection } from '../../../src/server/connector/connections.ts'
import { deleteConnection, getTickets, postTask, putConnection, putStateNames } from '../../../src/server/rest/connector-routes.ts'
import { createHarness, taskBody, TENANT, type Harness } from '../../support/connector-harness.ts'
import { expectFailure, notConnected } from '../../support/expect-failure.ts'

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
    expectFailure(list(), 403, notConnected(TENANT), '')
})

it("follows an admin's edit of the row at once: another integration user takes the tenant over", () => {
    expect(list().status).toBe(200)
    editConnection('integration_user', h.otherIntegrationUser, { businessRules: true })
    expectFailure(list(), 403, notConnected(TENANT), '')
    expect(list(h.otherIntegrationUser).status).toBe(200)
})

it('refuses the next call once the connection row is deleted', () => {
    expect(list().status).toBe(200)
    h.runtime.runAs('admin', () => {
        const record = new GlideRecord(CONNECTION_TABLE)
        record.get('tenant_id', TENANT)
        expect(record.deleteRecord()).toBe(true)
    })
    expectFailure(list(), 403, notConnected(TENANT), '')
})

it('shows custom state names set through PUT /state-names on the next list', () => {
    expect(h.call(postTask, 'POST', '/tasks', { body: taskBody() }).status).toBe(201)
    expect(list().json.result.tickets[0].state.customLabel).toBeNull()
    h.call(putStateNames, 'PUT', '/state-names', { body: { tenantId: TENANT, change: { '-5': 'Proposed' } } })
    expect(list().json.result.tickets[0].state.customLabel).toBe('Proposed')
})

/** The tenant's connection as read now, by trusted server code. */
function readNow(): Connection {
    return h.runtime.runInScope(h.runtime.scope, () => findConnection(TENANT)!)
}

/** Caches a connection read earlier, as a transaction that read the row before a change and put it after its flush. */
function cacheStale(connection: Connection, change: (entry: { cachedAt: number; connection: Connection }) => void = () => {}) {
    h.runtime.runInScope(h.runtime.scope, () => {
        const entry = { connection, cachedAt: Date.now() }
        change(entry)
        ScopedCacheManager.putRow(CONNECTION_CACHE, TENANT, JSON.stringify(entry), connection.sysId)
    })
}

it('follows a data fix that runs no business rules at once: the Table row pair flushes on any update of the row', () => {
    expect(list().status).toBe(200)
    editConnection('status', 'disconnected', { businessRules: false })
    expectFailure(list(), 403, notConnected(TENANT), '')
})

it('serves a connection cached after a concurrent change flushed it at most until the maximum age', () => {
    const readBeforeTheChange = readNow()
    editConnection('status', 'disconnected', { businessRules: true })
    cacheStale(readBeforeTheChange)
    // The pair saw the change before the stale put: the entry stands until its maximum age.
    expect(list().status).toBe(200)
    cacheStale(readBeforeTheChange, (entry) => {
        entry.cachedAt -= CONNECTION_CACHE_MAX_AGE_MS
    })
    expectFailure(list(), 403, notConnected(TENANT), '')
})

it('reads the row again, and checks it, before recording the last contact from a cached entry', () => {
    const readBeforeTheChange = readNow()
    editConnection('integration_user', h.otherIntegrationUser, { businessRules: true })
    cacheStale(readBeforeTheChange, (entry) => {
        entry.connection.lastContactAt = '2020-01-01 00:00:00'
    })
    const lastContact = h.rows(CONNECTION_TABLE)[0].last_contact_at
    expectFailure(list(), 403, notConnected(TENANT), '')
    expect(h.rows(CONNECTION_TABLE)[0].last_contact_at).toBe(lastContact)
    expect(list(h.otherIntegrationUser).status).toBe(200)
})

it('caches with putRow and the row sys_id: an update of another tenant leaves the entry, one of this row flushes it', () => {
    expect(list().status).toBe(200)
    h.call(putConnection, 'PUT', '/connection', { body: { tenantId: '0b8f2c7e-6a1d-4f3b-9c2e-5d7a1b3c4e6f', tenantName: 'Fabrikam', connectedBy: 'b@fabrikam.com' } })
    expect(connectionReads(() => expect(list().status).toBe(200))).toBe(0)
    editConnection('tenant_name', 'Contoso Ltd', { businessRules: true })
    expect(connectionReads(() => expect(list().status).toBe(200))).toBe(1)
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
