// A bridge stopped and started again on the same store file and key (an upgrade, a systemd restart): the people
// signed in stay signed in, and the forms of pages they opened before still post (the CSRF key comes from the
// secret key); under another key it does not start at all; the configured tenant (BRIDGE_TENANT_ID) joins at the store's first start only, so a tenant its
// administrator removed does not come back.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_TENANT_ID } from '../../../bridge/server.ts'
import type { GraphServer } from '../../../emulator/graph/server.ts'
import { BridgeBrowser, PEOPLE, signIn, startBridge, startGraph, testSecretKey, type TestBridge } from '../../support/bridge-harness'

let graph: GraphServer
let dir: string
beforeAll(async () => {
    graph = await startGraph()
    dir = mkdtempSync(join(tmpdir(), 'bridge-restart-'))
})
afterAll(async () => {
    await graph.close()
    rmSync(dir, { recursive: true, force: true })
})

const signedInAs = (html: string) => /<span id="signed-in-user">([^<]*)<\/span>/.exec(html)?.[1] ?? null

test('a restart signs nobody out, and a form of a page opened before it still posts', async () => {
    const dataFile = join(dir, 'sessions.sqlite')
    const secretKey = testSecretKey()
    const first = await startBridge({ graphServer: graph, dataFile, secretKey })
    const browser = new BridgeBrowser()
    await signIn(browser, first, PEOPLE.contosoSecurityAdmin)
    const session = browser.session
    if (!session) throw new Error('not signed in')
    await first.close()
    // The cookie's value is not what the file keeps: sessions are stored under the hash of their id.
    expect(readFileSync(dataFile).includes(session.cookie.value)).toBe(false)

    const second: TestBridge = await startBridge({ graphServer: graph, dataFile, secretKey })
    try {
        const cookie = { cookie: `${session.cookie.name}=${session.cookie.value}` }
        const home = await fetch(second.url + '/', { headers: cookie, redirect: 'manual' })
        expect(home.status).toBe(200)
        expect(signedInAs(await home.text())).toBe(PEOPLE.contosoSecurityAdmin)
        // The sign-out form of a page served by the first process carries its CSRF token: it still ends the session.
        const signOut = await fetch(second.url + '/signout', {
            method: 'POST',
            headers: { ...cookie, 'content-type': 'application/x-www-form-urlencoded', origin: second.url },
            body: new URLSearchParams({ _csrf: session.csrf }),
            redirect: 'manual',
        })
        expect(signOut.status).toBe(303)
        expect((await fetch(second.url + '/', { headers: cookie, redirect: 'manual' })).status).toBe(303)
    } finally {
        await second.close()
    }
})

test('a restart under another key: the bridge does not start, and says which key the store is sealed with', async () => {
    const dataFile = join(dir, 'other-key.sqlite')
    const first = await startBridge({ graphServer: graph, dataFile, secretKey: testSecretKey() })
    const browser = new BridgeBrowser()
    await signIn(browser, first, PEOPLE.contosoSecurityAdmin)
    await first.close()
    // Nothing sealed in it yet but the store's own key check: the wrong key is found at once, not at the first secret.
    const other = testSecretKey()
    await expect(startBridge({ graphServer: graph, dataFile, secretKey: other })).rejects.toThrow(`but the configured key is ${other.id}`)
})

test('the configured tenant joins at the first start only: removed by its Global Administrator (not a Security Administrator), it stays removed after a restart', async () => {
    const dataFile = join(dir, 'configured-tenant.sqlite')
    const secretKey = testSecretKey()
    const first = await startBridge({ graphServer: graph, dataFile, secretKey })
    expect(first.store.tenants.get(DEFAULT_TENANT_ID)?.name).toBeTruthy()
    // Removing is joining undone: a Security Administrator has no Remove button, and a removal posted anyway is refused.
    const securityAdmin = new BridgeBrowser()
    await signIn(securityAdmin, first, PEOPLE.contosoSecurityAdmin)
    const manage = await securityAdmin.request(first.url + '/manage')
    expect(manage.html).toContain('Only a Global Administrator of Contoso can remove it')
    expect(manage.html).not.toContain('id="remove-tenant"')
    const refused = await securityAdmin.request(first.url + '/tenants/remove', { form: { confirm: 'yes' } })
    expect(refused.status).toBe(403)
    expect(first.store.tenants.get(DEFAULT_TENANT_ID)).not.toBeNull()

    const admin = new BridgeBrowser()
    await signIn(admin, first, PEOPLE.contosoGlobalAdmin)
    expect((await admin.request(first.url + '/manage')).html).toContain('id="remove-tenant"')
    const removed = await admin.request(first.url + '/tenants/remove', { form: { confirm: 'yes' } })
    expect(removed.status).toBe(200)
    expect(first.store.tenants.get(DEFAULT_TENANT_ID)).toBeNull()
    await first.close()

    const second = await startBridge({ graphServer: graph, dataFile, secretKey })
    try {
        expect(second.store.tenants.get(DEFAULT_TENANT_ID)).toBeNull()
    } finally {
        await second.close()
    }
})
