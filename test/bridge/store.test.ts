// The bridge's store on real SQLite files: every per-tenant read and write scoped to its tenant (TenantStore), the
// ServiceNow secrets sealed at rest and bound to their tenant, a tenant's removal taking every row of it, and key
// rotation all or nothing (the write-back delegate's msal token cache among the secrets).
import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { StoredConnection, StoredTicket, TenantStore } from '../../bridge/store/store.ts'
import { openStore } from '../../bridge/store/store.ts'
import { LAST_SEEN_WRITE_MS } from '../../bridge/store/session-rows.ts'
import { storedTicket, testSecretBox } from '../support/bridge-harness.ts'

const A = '11111111-1111-4111-8111-111111111111'
const B = '22222222-2222-4222-8222-222222222222'
const SECRET = 'client-secret-of-A-0123456789'
const ACCESS = 'access-token-of-A-0123456789'
const REFRESH = 'refresh-token-of-A-0123456789'
/** msal's token cache of a write-back delegate (the shape msal serializes; only the secrets matter here). */
const DELEGATE_REFRESH = 'delegate-refresh-token-of-A-0123456789'
const DELEGATE_CACHE = JSON.stringify({ RefreshToken: { rt: { credentialType: 'RefreshToken', secret: DELEGATE_REFRESH } } })

let dir: string
let file: string
beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bridge-store-'))
    file = join(dir, 'bridge.sqlite')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function connection(tenantId: string, overrides: Partial<StoredConnection> = {}): StoredConnection {
    return {
        instanceUrl: 'https://a.service-now.com',
        clientId: 'client-a',
        clientSecret: SECRET,
        tenantId,
        tenantName: 'Tenant A',
        token: { access_token: ACCESS, refresh_token: REFRESH },
        status: 'connected',
        lastError: null,
        connectedAt: '2026-12-01T00:00:00.000Z',
        ...overrides,
    }
}

function ticket(number: string): StoredTicket {
    return storedTicket(number, { updated: '2026-12-01T00:00:00Z' })
}

/** Everything a tenant has, the way the pages read it. */
function everything(store: TenantStore) {
    return {
        connection: store.getConnection(),
        shares: store.listShares(),
        tickets: store.listTickets(),
        comments: store.unsentComments('INC0000001'),
        watermark: store.get('watermark'),
        states: store.getStates(),
        profiles: store.secureScore.profiles(),
        status: store.secureScore.status().lastFullAt,
        outbox: store.outbox.list(),
        settings: store.outbox.settings(),
        delegate: store.outbox.delegate(),
        delegateTokenCache: store.outbox.delegateTokenCache(),
    }
}

function fill(store: TenantStore): void {
    store.saveConnection(connection(store.tenantId))
    store.addPendingConsent({ state: 'state-' + store.tenantId, instanceUrl: 'https://a.service-now.com', clientId: 'c', clientSecret: SECRET, tenantId: store.tenantId, tenantName: 'A', createdAt: Date.now() })
    store.createShare({ id: 'share-1', taskId: 'task-' + store.tenantId, controlId: 'AdminMFAV2', payload: { a: 1 } })
    store.mergeTickets([ticket('INC0000001')])
    store.createComment({ id: 'comment-1', ticketNumber: 'INC0000001', text: 'hello' })
    store.set('watermark', '2026-12-01T00:00:00Z')
    store.setStates({ change: [], incident: [{ value: '1', label: 'New', customLabel: 'Triage' }] })
    store.secureScore.replaceSnapshot([{ id: 'AdminMFAV2', title: 'MFA' }], [{ id: 's1', createdDateTime: '2026-12-01T00:00:00Z' }], '2026-12-01T00:00:00Z')
    store.outbox.enqueue({ controlId: 'AdminMFAV2', ticketNumber: 'INC0000001', state: 'ThirdParty', comment: 'c', assignedTo: null, skipReason: null, at: '2026-12-01T00:00:00Z' })
    store.outbox.saveSettings({ enabled: false, unresolvedSendsDefault: true })
    store.outbox.setDelegate({ upn: 'secadmin@a.example', oid: 'oid-a', tokenCache: DELEGATE_CACHE, at: '2026-12-01T00:00:00Z' })
}

test("a tenant's store reads and writes only its own rows, even by another tenant's ids", () => {
    const store = openStore(file, { box: testSecretBox() })
    const a = store.forTenant(A)
    const b = store.forTenant(B)
    const emptyB = everything(b)
    fill(a)
    const fullA = everything(a)
    expect(everything(b)).toEqual(emptyB)

    // B names A's ids: nothing is found, and nothing of A changes.
    expect(b.getShare('share-1')).toBeNull()
    expect(b.shareByTaskId('task-' + A)).toBeNull()
    expect(b.getTicket('INC0000001')).toBeNull()
    expect(b.getComment('comment-1')).toBeNull()
    expect(b.takePendingConsent('state-' + A, 60_000)).toBeNull()
    const row = a.outbox.list()[0]
    expect(b.outbox.get(row.id)).toBeNull()
    expect(b.outbox.latestForTicket('INC0000001')).toBeNull()
    b.markShareSent('share-1', { number: 'X', link: 'x', type: 'incident' }, false)
    b.markShareFailed('share-1', 'x')
    b.updateSharePayload('share-1', { b: 1 })
    b.markComment('comment-1', 'sent', null)
    b.outbox.markSending(row.id)
    b.outbox.finish(row.id, 'done', null, 'now')
    b.outbox.requeue(row.id, 'x', 'now')
    b.outbox.saveDelegateTokenCache('{}')
    b.outbox.delegateNeedsRenewal('x', 'now')
    b.outbox.removeDelegate()
    b.updateToken({ access_token: 'b' })
    b.setConnectionStatus('error', 'b')
    b.deleteConnection()
    b.clearTickets()
    b.set('watermark', null)
    expect(everything(a)).toEqual(fullA)
    expect(a.takePendingConsent('state-' + A, 60_000)).toMatchObject({ clientSecret: SECRET })
    store.close()
})

test('secrets are sealed on disk, bound to their tenant, and need the key', () => {
    const box = testSecretBox()
    const store = openStore(file, { box })
    store.forTenant(A).saveConnection(connection(A))
    store.forTenant(A).outbox.setDelegate({ upn: 'secadmin@a.example', oid: 'oid-a', tokenCache: DELEGATE_CACHE, at: '2026-12-01T00:00:00Z' })
    store.close()

    const raw = [file, file + '-wal'].filter((f) => existsSync(f)).map((f) => readFileSync(f).toString('latin1')).join('')
    for (const secret of [SECRET, ACCESS, REFRESH, DELEGATE_REFRESH]) expect(raw).not.toContain(secret)

    // A's sealed row copied under B's tenant id does not open: the seal names its tenant.
    const db = new Database(file)
    db.prepare(`INSERT INTO connection SELECT ?, instance_url, client_id, client_secret, tenant_name, token_json, status, last_error, connected_at FROM connection WHERE tenant_id = ?`).run(B, A)
    db.close()
    const reopened = openStore(file, { box })
    expect(reopened.forTenant(A).getConnection()).toMatchObject({ clientSecret: SECRET, token: { access_token: ACCESS, refresh_token: REFRESH } })
    expect(() => reopened.forTenant(B).getConnection()).toThrow(/failed its integrity check/)
    reopened.close()

    // Another key is named as such, never taken for tampering, and as the store opens, not at its first secret.
    expect(() => openStore(file, { box: testSecretBox() })).toThrow(/sealed with key \S+, but the configured key is \S+/)
})

test('rotating the key re-seals every secret in one transaction; a value that does not open changes nothing', () => {
    const oldBox = testSecretBox()
    const newBox = testSecretBox()
    const store = openStore(file, { box: oldBox })
    store.forTenant(A).saveConnection(connection(A))
    store.forTenant(A).addPendingConsent({ state: 's1', instanceUrl: 'https://a.service-now.com', clientId: 'c', clientSecret: SECRET, tenantId: A, tenantName: 'A', createdAt: Date.now() })
    store.forTenant(A).outbox.setDelegate({ upn: 'secadmin@a.example', oid: 'oid-a', tokenCache: DELEGATE_CACHE, at: '2026-12-01T00:00:00Z' })
    expect(store.rotateKey(newBox)).toBe(4)
    // The running store goes on with the new key; a second rotation to the same key re-seals nothing.
    expect(store.forTenant(A).getConnection()?.clientSecret).toBe(SECRET)
    expect(store.rotateKey(newBox)).toBe(0)
    store.close()

    expect(() => openStore(file, { box: oldBox }).forTenant(A).getConnection()).toThrow(/sealed with key/)
    const rotated = openStore(file, { box: newBox })
    expect(rotated.forTenant(A).getConnection()).toMatchObject({ clientSecret: SECRET, token: { refresh_token: REFRESH } })
    expect(rotated.forTenant(A).takePendingConsent('s1', 60_000)?.clientSecret).toBe(SECRET)
    expect(rotated.forTenant(A).outbox.delegateTokenCache()).toBe(DELEGATE_CACHE)
    rotated.forTenant(B).saveConnection(connection(B))
    rotated.close()

    // B's row tampered with: the rotation stops, and A's row is still under the key it had.
    const db = new Database(file)
    db.prepare(`UPDATE connection SET client_secret = 'v1:AAAAAAAA:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:AAAA' WHERE tenant_id = ?`).run(B)
    const before = db.prepare('SELECT tenant_id, client_secret, token_json FROM connection ORDER BY tenant_id').all()
    db.close()
    const failing = openStore(file, { box: newBox })
    expect(() => failing.rotateKey(testSecretBox())).toThrow()
    failing.close()
    const after = new Database(file, { readonly: true })
    expect(after.prepare('SELECT tenant_id, client_secret, token_json FROM connection ORDER BY tenant_id').all()).toEqual(before)
    after.close()
})

test("removing a tenant deletes every row of it, and only of it", () => {
    const store = openStore(file, { box: testSecretBox() })
    store.tenants.add({ tenantId: A, name: 'A', joinedBy: 'ga@a.example' })
    store.tenants.add({ tenantId: B, name: 'B', joinedBy: 'ga@b.example' })
    fill(store.forTenant(A))
    fill(store.forTenant(B))
    const fullB = everything(store.forTenant(B))
    store.tenants.remove(A)
    expect(store.tenants.list().map((t) => t.tenantId)).toEqual([B])
    expect(everything(store.forTenant(B))).toEqual(fullB)
    store.close()

    const db = new Database(file, { readonly: true })
    const tables = (db.prepare(`SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'tenant_id')`).all() as { name: string }[]).map((t) => t.name)
    expect(tables.length).toBeGreaterThanOrEqual(12)
    for (const table of tables) expect([table, db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE tenant_id = ?`).get(A)]).toEqual([table, { n: 0 }])
    db.close()
})

test('a fresh store is at the current schema in WAL mode, and every table but the sequence and the store\'s own settings carries its tenant', () => {
    const store = openStore(file, { box: testSecretBox() })
    store.close()
    const db = new Database(file, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    // store_meta is the store's, not a tenant's: it remembers the configured tenant was added once (it holds the
    // configuration's tenant id, no data of the tenant).
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('sqlite_sequence', 'store_meta')`).all() as { name: string }[]).map((t) => t.name)
    expect(tables).toContain('session')
    for (const table of tables) {
        const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name)
        expect([table, columns.includes('tenant_id')]).toEqual([table, true])
    }
    db.close()
})

describe('sessions in the store', () => {
    const box = testSecretBox()
    const identity = { tenantId: A, oid: 'oid-1', upn: 'adele@a.example', name: 'Adele', roles: { known: true as const, source: 'token' as const, roleTemplateIds: ['194ae4cb-b126-40b2-bd5b-6091b380977d'], read: true, act: true } }
    const storedLastSeen = (hash: string) => {
        const db = new Database(file, { readonly: true })
        const row = db.prepare('SELECT last_seen_at FROM session WHERE id_hash = ?').get(hash) as { last_seen_at: number } | undefined
        db.close()
        return row?.last_seen_at ?? null
    }

    test('a session outlives the store being closed and opened again; a touch is written once it is a minute newer', () => {
        const store = openStore(file, { box })
        const at = 1_000_000
        store.sessions.set('h1', { ...identity, createdAt: at, lastSeenAt: at })
        store.sessions.set('h1', { ...identity, createdAt: at, lastSeenAt: at + LAST_SEEN_WRITE_MS - 1 })
        // Kept in memory: this process sees the touch, the file still has the sign-in time.
        expect(store.sessions.get('h1')?.lastSeenAt).toBe(at + LAST_SEEN_WRITE_MS - 1)
        expect(storedLastSeen('h1')).toBe(at)
        store.sessions.set('h1', { ...identity, createdAt: at, lastSeenAt: at + LAST_SEEN_WRITE_MS })
        expect(storedLastSeen('h1')).toBe(at + LAST_SEEN_WRITE_MS)
        store.close()

        const reopened = openStore(file, { box })
        expect(reopened.sessions.get('h1')).toEqual({ ...identity, createdAt: at, lastSeenAt: at + LAST_SEEN_WRITE_MS })
        expect([...reopened.sessions.entries()].map(([hash]) => hash)).toEqual(['h1'])
        reopened.sessions.delete('h1')
        expect(reopened.sessions.get('h1')).toBeUndefined()
        expect(storedLastSeen('h1')).toBeNull()
        reopened.close()
    })

    test('a new session under a known hash is written at once, not taken for a touch', () => {
        const store = openStore(file, { box })
        store.sessions.set('h2', { ...identity, createdAt: 1, lastSeenAt: 1 })
        store.sessions.set('h2', { ...identity, oid: 'oid-2', createdAt: 2, lastSeenAt: 2 })
        store.close()
        const reopened = openStore(file, { box })
        expect(reopened.sessions.get('h2')?.oid).toBe('oid-2')
        reopened.close()
    })
})

test('migration 5 on a store of schema 4: a row the previous release failed on the app-only 403 can be sent again as the delegate', () => {
    // A schema-4 store: today's, without what migration 5 adds.
    const box = testSecretBox()
    openStore(file, { box }).close()
    const db = new Database(file)
    db.exec('DROP TABLE write_back_delegate; ALTER TABLE write_back DROP COLUMN written_by; PRAGMA user_version = 4')
    const insert = db.prepare(`INSERT INTO write_back (tenant_id, control_id, ticket_number, state, comment, status, reason, next_attempt_at, created_at, finished_at) VALUES (?, ?, ?, 'ThirdParty', 'c', 'failed', ?, 'now', 'now', 'now')`)
    insert.run(A, 'AdminMFAV2', 'INC0000001', 'Graph refused the update (403) although the app held SecurityEvents.ReadWrite.All at the last refresh: Microsoft may refuse state updates made with an app-only token, or the permission was removed since; writing as a signed-in admin is not available yet. accessDenied')
    insert.run(A, 'MFARegistrationV2', 'INC0000002', 'Graph refused the update (400): BadRequest')
    db.close()

    const store = openStore(file, { box })
    const outbox = store.forTenant(A).outbox
    expect(outbox.appOnlyRefusals()).toBe(1)
    expect(outbox.list().map((row) => row.writtenBy)).toEqual([null, null])
    expect(outbox.setDelegate({ upn: 'secadmin@a.example', oid: 'oid-a', tokenCache: DELEGATE_CACHE, at: '2026-12-01T00:00:00Z' })).toBe(1)
    expect(outbox.list().map((row) => [row.ticketNumber, row.status])).toEqual([['INC0000001', 'queued'], ['INC0000002', 'failed']])
    store.close()
})
