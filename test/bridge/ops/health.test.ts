/**
 * bridge/ops/health.ts on a real Fastify server (port 0) over a real SQLite file: /healthz answers while the
 * process does; /readyz judges the store and, per tenant, Graph and the tenant's ServiceNow instance by their last
 * success, their latest failure and the window, names what is not ready without any error text, stays small with
 * many failing tenants, and says "shutting down" once a stop began; storeReadiness reads all that from the bridge's
 * own store as the refresh and the sync record it. The clock is the test's, so no time passes.
 */
import Database from 'better-sqlite3'
import Fastify, { type FastifyInstance } from 'fastify'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultReadyWindowMs, MAX_LISTED, registerHealthRoutes, storeReadiness, type ReachedPart, type ReadinessSource, type TenantReadiness } from '../../../bridge/ops/health.ts'
import { createSecretBox, secretKeyFromBytes } from '../../../bridge/security/secret-box.ts'
import { SecretRegistry } from '../../../bridge/security/secret-registry.ts'
import { openStore, type BridgeStore } from '../../../bridge/store/store.ts'

const CONTOSO = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const FABRIKAM = 'b6c5a4e3-1f2d-4c3b-8a79-0e1f2a3b4c5d'
const START = Date.parse('2026-12-06T09:00:00.000Z')
const MINUTE = 60_000
/** The default refresh is every 30 minutes: 65 minutes. */
const GRAPH_WINDOW_MS = defaultReadyWindowMs(30 * MINUTE)
const INSTANCE_WINDOW_MS = 20 * MINUTE

let dir: string
let db: Database.Database
let app: FastifyInstance
let url: string
let clock: number
let tenants: TenantReadiness[]
let stopping: boolean
let tenantsFail: boolean

const at = (ms: number) => new Date(ms).toISOString()
const reached = (ms: number, extra: Partial<ReachedPart> = {}): ReachedPart => ({ lastSuccessAt: at(ms), lastError: null, ...extra })

/** The tenants as the test sets them, over a real SQLite file for "is the store open". */
const testSource: ReadinessSource = {
    storeOpen: () => db.open && db.prepare('SELECT 1 AS one').get() !== undefined,
    tenants: () => {
        if (tenantsFail) throw new Error('SQLITE_IOERR: disk I/O error at /var/lib/secure-score-bridge/bridge.sqlite')
        return tenants
    },
}

async function start(instanceWindowMs: number | null = INSTANCE_WINDOW_MS, readiness: ReadinessSource = testSource): Promise<void> {
    app = Fastify({ logger: false })
    registerHealthRoutes(app, {
        readiness,
        graphWindowMs: GRAPH_WINDOW_MS,
        instanceWindowMs,
        isStopping: () => stopping,
        now: () => clock,
    })
    await app.listen({ port: 0, host: '127.0.0.1' })
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
}

async function get(path: string): Promise<{ status: number; type: string | null; body: { [key: string]: unknown } }> {
    const response = await fetch(url + path)
    return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as { [key: string]: unknown } }
}

beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bridge-health-'))
    db = new Database(join(dir, 'bridge.sqlite'))
    db.pragma('journal_mode = WAL')
    clock = START
    tenants = []
    stopping = false
    tenantsFail = false
})
afterEach(async () => {
    await app.close()
    if (db.open) db.close()
    rmSync(dir, { recursive: true, force: true })
})

describe('/healthz', () => {
    it('answers 200 {"status":"ok"} as JSON, whatever the store and the tenants', async () => {
        await start()
        tenants = [{ tenantId: CONTOSO, graph: reached(START, { lastError: 'Microsoft Graph did not answer.' }), instance: null }]
        db.close()
        expect(await get('/healthz')).toEqual({ status: 200, type: 'application/json; charset=utf-8', body: { status: 'ok' } })
    })
})

describe('/readyz', () => {
    it('a bridge no tenant has joined yet is ready once its store is open', async () => {
        await start()
        expect(await get('/readyz')).toEqual({
            status: 200,
            type: 'application/json; charset=utf-8',
            body: { status: 'ready', store: 'open', tenants: { total: 0, ready: 0 }, notReady: [], reasons: [] },
        })
    })

    it('ready when every tenant reached Graph and its instance within their windows; a tenant without an instance waits for none', async () => {
        await start()
        clock = START + 2 * GRAPH_WINDOW_MS
        tenants = [
            { tenantId: CONTOSO, graph: reached(clock - GRAPH_WINDOW_MS), instance: reached(clock - INSTANCE_WINDOW_MS) },
            { tenantId: FABRIKAM, graph: reached(clock - MINUTE), instance: null },
        ]
        expect(await get('/readyz')).toMatchObject({ status: 200, body: { status: 'ready', tenants: { total: 2, ready: 2 }, notReady: [] } })
    })

    it('503 naming the tenant and the part not reached within its window; the other tenant is not listed', async () => {
        await start()
        clock = START + 2 * GRAPH_WINDOW_MS
        const lastGraph = clock - GRAPH_WINDOW_MS - 1
        tenants = [
            { tenantId: CONTOSO, graph: reached(lastGraph), instance: reached(clock - INSTANCE_WINDOW_MS - 1) },
            { tenantId: FABRIKAM, graph: reached(clock), instance: reached(clock) },
        ]
        expect(await get('/readyz')).toEqual({
            status: 503,
            type: 'application/json; charset=utf-8',
            body: {
                status: 'not ready',
                store: 'open',
                tenants: { total: 2, ready: 1 },
                notReady: [{ tenantId: CONTOSO, graph: 'stale', instance: 'stale' }],
                reasons: [
                    `tenant ${CONTOSO}: Microsoft Graph: last reached ${at(lastGraph)}, not within 65 min`,
                    `tenant ${CONTOSO}: its ServiceNow instance: last reached ${at(clock - INSTANCE_WINDOW_MS - 1)}, not within 20 min`,
                ],
            },
        })
    })

    it('a failing latest call is not ready however recent the last success, and its error text never reaches the answer', async () => {
        await start()
        const secretish = 'POST https://contoso.service-now.com/oauth_token.do: client_secret=Q8b~s3cr3t-value refused'
        tenants = [{ tenantId: CONTOSO, graph: reached(clock), instance: reached(clock, { lastError: secretish }) }]
        const answer = await get('/readyz')
        expect(answer).toMatchObject({
            status: 503,
            body: {
                notReady: [{ tenantId: CONTOSO, graph: 'ok', instance: 'failing' }],
                reasons: [`tenant ${CONTOSO}: its ServiceNow instance: the latest call failed (the bridge log and the tenant's pages say why)`],
            },
        })
        const text = JSON.stringify(answer.body)
        for (const part of ['s3cr3t', 'service-now.com', 'oauth_token', 'client_secret']) expect(text).not.toContain(part)
    })

    it('after a start, and for a tenant that just joined, each part gets one window to be reached', async () => {
        clock = START
        await start()
        // Last reached long before this process started: not judged stale until a window after the start.
        tenants = [{ tenantId: CONTOSO, graph: reached(START - 10 * GRAPH_WINDOW_MS), instance: null }]
        clock = START + GRAPH_WINDOW_MS
        expect(await get('/readyz')).toMatchObject({ status: 200, body: { status: 'ready' } })
        clock = START + GRAPH_WINDOW_MS + 1
        expect(await get('/readyz')).toMatchObject({ status: 503, body: { notReady: [{ tenantId: CONTOSO, graph: 'stale', instance: 'not connected' }] } })

        // Fabrikam joins and connects its instance; nothing reached yet.
        const joined = clock
        tenants = [{ tenantId: FABRIKAM, graph: { lastSuccessAt: null, lastError: null, watchedSince: at(joined) }, instance: { lastSuccessAt: null, lastError: null, watchedSince: new Date(joined) } }]
        expect(await get('/readyz')).toMatchObject({ status: 200, body: { status: 'ready' } })
        clock = joined + GRAPH_WINDOW_MS + 1
        expect(await get('/readyz')).toMatchObject({
            status: 503,
            body: {
                reasons: [`tenant ${FABRIKAM}: Microsoft Graph: never reached, not within 65 min`, `tenant ${FABRIKAM}: its ServiceNow instance: never reached, not within 20 min`],
            },
        })
    })

    it('instanceWindowMs null: an instance reached only when pages are opened is judged by its latest call, not its age', async () => {
        await start(null)
        clock = START + 10 * GRAPH_WINDOW_MS
        tenants = [{ tenantId: CONTOSO, graph: reached(clock), instance: reached(START - GRAPH_WINDOW_MS) }]
        expect(await get('/readyz')).toMatchObject({ status: 200, body: { status: 'ready' } })
        tenants = [{ tenantId: CONTOSO, graph: reached(clock), instance: reached(START - GRAPH_WINDOW_MS, { lastError: 'The instance did not answer.' }) }]
        expect(await get('/readyz')).toMatchObject({ status: 503, body: { notReady: [{ tenantId: CONTOSO, graph: 'ok', instance: 'failing' }] } })
    })

    it('a closed store is not ready, and one whose tenants cannot be read neither, without the error text', async () => {
        await start()
        tenantsFail = true
        const unreadable = await get('/readyz')
        expect(unreadable).toEqual({
            status: 503,
            type: 'application/json; charset=utf-8',
            body: { status: 'not ready', store: 'unreadable', tenants: { total: 0, ready: 0 }, notReady: [], reasons: ['the store could not be read'] },
        })
        expect(JSON.stringify(unreadable.body)).not.toContain('/var/lib')
        tenantsFail = false
        db.close()
        expect(await get('/readyz')).toMatchObject({ status: 503, body: { status: 'not ready', store: 'closed', reasons: ['the store is closed'] } })
    })

    it(`with many tenants failing it lists the first ${MAX_LISTED} and counts the rest`, async () => {
        await start()
        const count = MAX_LISTED + 50
        tenants = Array.from({ length: count }, (_, index) => ({
            tenantId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
            graph: reached(clock, { lastError: 'Microsoft Graph did not answer.' }),
            instance: null,
        }))
        const { status, body } = await get('/readyz')
        expect(status).toBe(503)
        expect(body.tenants).toEqual({ total: count, ready: 0 })
        expect(body.notReady).toHaveLength(MAX_LISTED)
        expect(body.reasons).toHaveLength(MAX_LISTED + 1)
        expect((body.reasons as string[])[MAX_LISTED]).toBe('50 more tenants not ready, not listed')
    })

    it('503 "shutting down" once a stop began, whatever else holds', async () => {
        await start()
        stopping = true
        expect(await get('/readyz')).toEqual({ status: 503, type: 'application/json; charset=utf-8', body: { status: 'shutting down', reasons: ['the bridge is stopping'] } })
        expect((await get('/healthz')).status).toBe(200)
    })
})

describe('storeReadiness: over the bridge store', () => {
    let store: BridgeStore

    beforeEach(async () => {
        store = openStore(join(dir, 'store.sqlite'), { box: createSecretBox(secretKeyFromBytes(randomBytes(32)), new SecretRegistry()) })
        store.tenants.add({ tenantId: CONTOSO, name: 'Contoso', joinedBy: 'admin@contoso.com' })
        store.tenants.add({ tenantId: FABRIKAM, name: 'Fabrikam', joinedBy: 'admin@fabrikam.com' })
        // The tenants joined at the machine's time: the test's clock starts there.
        clock = Date.now()
        await start(null, storeReadiness(store))
    })
    afterEach(() => {
        // Closing a closed store does nothing (better-sqlite3).
        store.close()
    })

    const connect = (tenantId: string) =>
        store.forTenant(tenantId).saveConnection({
            instanceUrl: 'https://contoso.service-now.com',
            clientId: 'm365-ticketing-client',
            clientSecret: 'Client-Secret-0123456789',
            tenantId,
            tenantName: 'Contoso',
            token: { access_token: 'access-token-0123456789', refresh_token: 'refresh-token-0123456789' },
            status: 'connected',
            lastError: null,
            connectedAt: at(clock),
        })

    it('tenants that just joined, not refreshed nor connected yet, are ready for one window', async () => {
        expect(await get('/readyz')).toMatchObject({ status: 200, body: { status: 'ready', tenants: { total: 2, ready: 2 } } })
        clock += GRAPH_WINDOW_MS + 1
        expect(await get('/readyz')).toMatchObject({
            status: 503,
            body: {
                notReady: [
                    { tenantId: CONTOSO, graph: 'stale', instance: 'not connected' },
                    { tenantId: FABRIKAM, graph: 'stale', instance: 'not connected' },
                ],
            },
        })
    })

    it('a full or a partial refresh reached Graph; a failed one is failing until the next success', async () => {
        store.forTenant(CONTOSO).secureScore.replaceSnapshot([], [], at(clock))
        const partialAt = clock + MINUTE
        store.forTenant(FABRIKAM).secureScore.saveStatus({ lastAttemptAt: at(partialAt), partialWarning: 'Graph answered 206 Partial Content', lastError: null })
        expect(await get('/readyz')).toMatchObject({ status: 200, body: { status: 'ready' } })

        // Later, the partial answer is what counts as Fabrikam's last contact.
        clock = partialAt + GRAPH_WINDOW_MS + 1
        store.forTenant(CONTOSO).secureScore.replaceSnapshot([], [], at(clock))
        expect(await get('/readyz')).toMatchObject({
            status: 503,
            body: { notReady: [{ tenantId: FABRIKAM, graph: 'stale' }], reasons: [`tenant ${FABRIKAM}: Microsoft Graph: last reached ${at(partialAt)}, not within 65 min`] },
        })

        store.forTenant(FABRIKAM).secureScore.saveStatus({ lastAttemptAt: at(clock), lastError: 'Microsoft Graph did not answer. The next refresh tries again.' })
        expect(await get('/readyz')).toMatchObject({ status: 503, body: { notReady: [{ tenantId: FABRIKAM, graph: 'failing', instance: 'not connected' }] } })
        store.forTenant(FABRIKAM).secureScore.replaceSnapshot([], [], at(clock))
        expect(await get('/readyz')).toMatchObject({ status: 200 })
    })

    it("a connected instance fails with its last sync, or while the connection waits for re-authorization; its secrets stay out", async () => {
        store.forTenant(CONTOSO).secureScore.replaceSnapshot([], [], at(clock))
        store.forTenant(FABRIKAM).secureScore.replaceSnapshot([], [], at(clock))
        connect(CONTOSO)
        expect(await get('/readyz')).toMatchObject({ status: 200 })

        const contoso = store.forTenant(CONTOSO)
        contoso.set('last_sync_error', 'The ServiceNow instance did not answer.')
        expect(await get('/readyz')).toMatchObject({ status: 503, body: { notReady: [{ tenantId: CONTOSO, graph: 'ok', instance: 'failing' }] } })
        contoso.set('last_sync_at', at(clock))
        contoso.set('last_sync_error', null)
        expect(await get('/readyz')).toMatchObject({ status: 200 })

        contoso.setConnectionStatus('needs_reauthorization', null)
        const answer = await get('/readyz')
        expect(answer).toMatchObject({ status: 503, body: { notReady: [{ tenantId: CONTOSO, instance: 'failing' }] } })
        for (const secret of ['Client-Secret', 'access-token', 'refresh-token', 'service-now.com']) expect(JSON.stringify(answer.body)).not.toContain(secret)
    })

    it('a closed store is not ready', async () => {
        store.close()
        expect(await get('/readyz')).toMatchObject({ status: 503, body: { status: 'not ready', store: 'closed', reasons: ['the store is closed'] } })
    })
})
