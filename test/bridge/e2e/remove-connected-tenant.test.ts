// Removing a tenant that has a ServiceNow connection (POST /tenants/remove, issue 20 §2): Contoso and Fabrikam share
// one bridge (organizations sign-in) and one local instance, each through its own integration user. Fabrikam joins,
// connects and shares; then its Global Administrator removes it. On the instance its connection is disconnected and
// the OAuth tokens it held no longer work (oauth_credential); in the bridge's store file nothing of Fabrikam is
// left in any table, and once the bridge has stopped no file of the store holds its id, its tokens or their sealed
// form; Contoso's connection to the same instance still shares and syncs. Then Fabrikam joins and connects again,
// through a proxy that is gone at removal time: the page says the instance was not told, and the local data goes
// all the same. Last, Fabrikam connected as Contoso's own integration user (then both hold the same tokens): the app's
// DELETE /connection answers tokenRevocation 'kept', the bridge leaves them, and Contoso goes on working.
import Database from 'better-sqlite3'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FABRIKAM_TENANT_ID } from '../../../emulator/graph/fixtures/directory.ts'
import {
    BridgeBrowser,
    CLIENT,
    connect,
    INTEGRATION,
    PEOPLE,
    signIn,
    startBridge,
    startInstance,
    startProxy,
    TENANT,
    type Proxy,
    type TestBridge,
    type TestInstance,
} from '../../support/bridge-harness'
import { connectTenant, joinTenant, shareAs } from '../../support/bridge-tenants.ts'
import { CONNECTOR_API } from '../../support/api-paths.ts'
import type { Page } from '../../support/browser.ts'

/** Fabrikam's own integration user: its tokens are not Contoso's (the instance hands one user and client one current token). */
const FABRIKAM_INTEGRATION = { user: 'm365.integration.fabrikam', password: 'Fabrikam-Integration-Passw0rd!' }
const CONNECTION_TABLE = 'x_mioms_m365ticket_connection'

let instance: TestInstance
let bridge: TestBridge
let dataDir: string
/** Set by the last test, which stops the bridge itself. */
let stopped = false
const contoso = new BridgeBrowser()

beforeAll(async () => {
    instance = await startInstance()
    instance.runtime.createUser({ user_name: FABRIKAM_INTEGRATION.user, first_name: 'Microsoft 365', last_name: 'Integration', roles: ['x_mioms_m365ticket.integration'], password: FABRIKAM_INTEGRATION.password })
    dataDir = mkdtempSync(join(tmpdir(), 'bridge-remove-'))
    bridge = await startBridge({ signInAuthority: 'organizations', dataFile: join(dataDir, 'bridge.db') })
    instance.addOAuthClient(bridge.redirectUri)
    await signIn(contoso, bridge)
    expect((await connect(contoso, bridge, instance.url)).url).toBe(bridge.url + '/?notice=connected')
})

afterAll(async () => {
    if (!stopped) await bridge?.close()
    await instance?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

const FABRIKAM = { id: FABRIKAM_TENANT_ID, name: 'Fabrikam' }

/** Fabrikam's Global Administrator signs in and joins Fabrikam through the stand-in's admin consent. */
async function joinFabrikam(): Promise<BridgeBrowser> {
    const browser = new BridgeBrowser()
    expect((await signIn(browser, bridge, PEOPLE.fabrikamGlobalAdmin)).status).toBe(403)
    await joinTenant(browser, bridge, PEOPLE.fabrikamGlobalAdmin)
    await bridge.refresher.refresh(FABRIKAM_TENANT_ID)
    return browser
}

/** The connect card filled in for Fabrikam, then the instance's consent as `integration`. */
async function connectFabrikam(browser: BridgeBrowser, instanceUrl: string, integration: { user: string; password: string }): Promise<void> {
    expect((await connectTenant(browser, bridge, instanceUrl, FABRIKAM, { integration })).url).toBe(bridge.url + '/?notice=connected')
}

const share = (browser: BridgeBrowser, controlId: string) => shareAs(browser, bridge, controlId)

/** The tenant's connection row on the instance. */
const instanceConnection = (tenantId: string) => instance.rows(CONNECTION_TABLE, 'tenant_id = ?', [tenantId])[0]

/** Whether the instance still takes a token: an access token on the connector API, a refresh token at /oauth_token.do. */
async function accepted(token: { access_token: string; refresh_token: string }, tenantId: string): Promise<{ access: boolean; refresh: boolean }> {
    const api = await fetch(`${instance.url}${CONNECTOR_API}/connection?tenantId=${tenantId}`, { headers: { authorization: 'Bearer ' + token.access_token, accept: 'application/json' } })
    const refreshed = await fetch(`${instance.url}/oauth_token.do`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: token.refresh_token, client_id: CLIENT.id, client_secret: CLIENT.secret }).toString(),
    })
    return { access: api.status !== 401, refresh: refreshed.status === 200 }
}

/** The store file read through a second, read-only connection: what is on disk, whatever the store's API shows. */
function onDisk<T>(read: (db: Database.Database) => T): T {
    const db = new Database(join(dataDir, 'bridge.db'), { readonly: true })
    try {
        return read(db)
    } finally {
        db.close()
    }
}

/** The tenant's connection row as stored: its client secret and tokens sealed. */
const sealedConnection = (tenantId: string) =>
    onDisk((db) => db.prepare('SELECT client_secret, token_json FROM connection WHERE tenant_id = ?').get(tenantId) as { client_secret: string; token_json: string })

/** The tenant's rows in every table of the store that has a tenant_id, by table; tables without any left out. */
const rowsOfTenant = (tenantId: string): { [table: string]: number } =>
    onDisk((db) => {
        const counts: { [table: string]: number } = {}
        for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]) {
            if (!(db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[]).some((column) => column.name === 'tenant_id')) continue
            const { n } = db.prepare(`SELECT count(*) AS n FROM "${name}" WHERE tenant_id = ?`).get(tenantId) as { n: number }
            if (n > 0) counts[name] = n
        }
        return counts
    })

/** What the store held of Fabrikam at some point (its id, its tokens, their sealed form, its sealed client secret). */
const fabrikamMarkers = new Set<string>([FABRIKAM_TENANT_ID])

/** Keeps Fabrikam's tokens and their sealed form as markers; returns the tokens. */
function rememberFabrikamConnection(): { access_token: string; refresh_token: string } {
    const token = bridge.store.forTenant(FABRIKAM_TENANT_ID).getConnection()?.token as { access_token: string; refresh_token: string }
    const sealed = sealedConnection(FABRIKAM_TENANT_ID)
    for (const marker of [token.access_token, token.refresh_token, sealed.token_json, sealed.client_secret]) fabrikamMarkers.add(marker)
    return token
}

describe('Fabrikam, connected to the instance Contoso uses, is removed by its Global Administrator', () => {
    let fabrikam: BridgeBrowser
    let fabrikamToken: { access_token: string; refresh_token: string }

    beforeAll(async () => {
        fabrikam = await joinFabrikam()
        await connectFabrikam(fabrikam, instance.url, FABRIKAM_INTEGRATION)
        fabrikamToken = rememberFabrikamConnection()
    })

    test('before: both tenants are connected on the instance, each has shared a ticket, and their tokens differ', async () => {
        await share(fabrikam, bridge.store.forTenant(FABRIKAM_TENANT_ID).secureScore.profiles()[0].id as string)
        await share(contoso, 'AdminMFAV2')
        expect(instanceConnection(FABRIKAM_TENANT_ID)).toMatchObject({ status: 'connected', tenant_name: 'Fabrikam' })
        expect(instanceConnection(TENANT)).toMatchObject({ status: 'connected' })
        expect(await accepted(fabrikamToken, FABRIKAM_TENANT_ID)).toEqual({ access: true, refresh: true })
        expect(bridge.store.forTenant(TENANT).getConnection()?.token?.access_token).not.toBe(fabrikamToken.access_token)
        expect(bridge.store.forTenant(FABRIKAM_TENANT_ID).listTickets()).toHaveLength(1)
        expect(rowsOfTenant(FABRIKAM_TENANT_ID)).toMatchObject({ tenant: 1, connection: 1, share: 1, ticket: 1 })
    })

    test('the removal page says the connection was removed on ServiceNow and its tokens revoked', async () => {
        const removed = await fabrikam.request(bridge.url + '/tenants/remove', { form: { confirm: 'yes' } })
        expect(removed.status).toBe(200)
        expect(removed.html).toContain('Fabrikam was removed')
        expect(removed.html).toContain(`On ${instance.url} its connection was removed and its OAuth tokens revoked.`)
    })

    test("on the instance, Fabrikam's connection is disconnected and its tokens no longer work", async () => {
        expect(instanceConnection(FABRIKAM_TENANT_ID)).toMatchObject({ status: 'disconnected' })
        // Neither token is current in oauth_credential: deleted by the app, or expired by oauth_revoke_token.do.
        const now = new Date().toISOString().replace('T', ' ').slice(0, 19)
        for (const token of [fabrikamToken.access_token, fabrikamToken.refresh_token]) {
            const rows = instance.rows('oauth_credential', 'token = ? AND expires > ?', [token, now])
            expect(rows).toEqual([])
        }
        expect(await accepted(fabrikamToken, FABRIKAM_TENANT_ID)).toEqual({ access: false, refresh: false })
        // Its tickets stay on the instance: they are the organization's records.
        expect(instance.rows('x_mioms_m365ticket_change_request', 'connection = ?', [instanceConnection(FABRIKAM_TENANT_ID).sys_id])).toHaveLength(1)
    })

    test("the bridge's store has no row of Fabrikam in any table", () => {
        expect(bridge.store.tenants.get(FABRIKAM_TENANT_ID)).toBeNull()
        expect(rowsOfTenant(FABRIKAM_TENANT_ID)).toEqual({})
        expect(rowsOfTenant(TENANT).connection).toBe(1)
    })

    test('no file of the store holds anything of Fabrikam while the bridge runs (the WAL is emptied at the removal)', () => {
        const files = readdirSync(dataDir).map((name) => ({ name, bytes: readFileSync(join(dataDir, name)) }))
        for (const marker of fabrikamMarkers) expect({ marker, in: files.filter((file) => file.bytes.includes(marker)).map((file) => file.name) }).toEqual({ marker, in: [] })
    })

    test("Contoso's connection to the same instance still works: it shares and syncs", async () => {
        expect(instanceConnection(TENANT)).toMatchObject({ status: 'connected' })
        const number = await share(contoso, 'BlockLegacyAuthentication')
        const list = await contoso.follow(bridge.url + '/tickets?type=change')
        expect(list.html).toContain(number)
        expect(bridge.store.forTenant(TENANT).getConnection()).toMatchObject({ status: 'connected', lastError: null })
        expect(bridge.store.forTenant(TENANT).get('last_sync_error')).toBeNull()
    })
})

describe('Fabrikam, connected as the integration user Contoso uses, is removed', () => {
    test("Contoso's connection keeps working, and the page says the tokens stay valid", async () => {
        const fabrikam = await joinFabrikam()
        await connectFabrikam(fabrikam, instance.url, INTEGRATION)
        const token = rememberFabrikamConnection()
        // The instance hands one user and client one current token: both tenants hold it.
        expect(bridge.store.forTenant(TENANT).getConnection()?.token?.access_token).toBe(token.access_token)
        const removed = await fabrikam.request(bridge.url + '/tenants/remove', { form: { confirm: 'yes' } })
        expect(removed.html).toContain(`On ${instance.url} its connection was removed; its OAuth tokens stay valid there, because its integration user still serves another connection on that instance.`)
        expect(instanceConnection(FABRIKAM_TENANT_ID)).toMatchObject({ status: 'disconnected' })
        const number = await share(contoso, 'MFARegistrationV2')
        expect((await contoso.follow(bridge.url + '/tickets?type=change')).html).toContain(number)
        expect(bridge.store.forTenant(TENANT).getConnection()).toMatchObject({ status: 'connected' })
        // Contoso still holds them: they are no marker of Fabrikam's for the files below.
        for (const marker of [token.access_token, token.refresh_token]) fabrikamMarkers.delete(marker)
    })
})

describe('Fabrikam, connected again, is removed while its instance cannot be reached', () => {
    let fabrikam: BridgeBrowser
    let proxy: Proxy
    let fabrikamToken: { access_token: string; refresh_token: string }
    let removed: Page

    beforeAll(async () => {
        fabrikam = await joinFabrikam()
        // Through a proxy that goes away: the instance is unreachable from the bridge, but this test can still read it.
        proxy = await startProxy(instance.url)
        await connectFabrikam(fabrikam, proxy.url, FABRIKAM_INTEGRATION)
        fabrikamToken = rememberFabrikamConnection()
        await proxy.close()
        removed = await fabrikam.request(bridge.url + '/tenants/remove', { form: { confirm: 'yes' } })
    })

    test('the page says the local data is gone, and that the instance was not told and keeps the connection', () => {
        expect(removed.status).toBe(200)
        expect(removed.html).toContain('Fabrikam was removed')
        expect(removed.html).toContain('Everything kept for Fabrikam here was deleted, and its people were signed out.')
        expect(removed.html).toContain(' could not be told (')
        expect(removed.html).toContain('its connection for tenant ' + FABRIKAM_TENANT_ID + ' and its OAuth tokens are still there: remove the connection under Microsoft 365 Ticketing Connector &gt; Connections, and revoke the tokens under System OAuth &gt; Manage Tokens.')
        expect(removed.html).not.toContain('tokens revoked')
    })

    test('what the page says is so: no row of Fabrikam is left here; on the instance its connection and tokens are', async () => {
        expect(bridge.store.tenants.get(FABRIKAM_TENANT_ID)).toBeNull()
        expect(rowsOfTenant(FABRIKAM_TENANT_ID)).toEqual({})
        expect((await fabrikam.request(bridge.url + '/actions')).status).toBe(303)
        expect(instanceConnection(FABRIKAM_TENANT_ID)).toMatchObject({ status: 'connected' })
        expect(await accepted(fabrikamToken, FABRIKAM_TENANT_ID)).toEqual({ access: true, refresh: true })
    })
})

describe('once the bridge has stopped', () => {
    test('no file of its store holds anything of Fabrikam: not its id, its tokens, their sealed form or its sealed client secret', async () => {
        // The stop checkpoints the WAL into the database, whose freed pages secure_delete has zeroed.
        await bridge.close()
        stopped = true
        const files = readdirSync(dataDir).map((name) => ({ name, bytes: readFileSync(join(dataDir, name)) }))
        expect(files.map((file) => file.name)).toContain('bridge.db')
        expect(fabrikamMarkers.size).toBe(11)
        for (const marker of fabrikamMarkers) {
            expect({ marker, in: files.filter((file) => file.bytes.includes(marker)).map((file) => file.name) }).toEqual({ marker, in: [] })
        }
    })
})
