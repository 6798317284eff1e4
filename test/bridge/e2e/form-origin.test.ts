// Forms post only from the bridge's own pages: a POST whose Origin is another site is refused. Behind a reverse
// proxy (docs/bridge-deployment.md) the Host header the bridge sees is the upstream's, so the origin to match is the
// public URL's. The posts are signed in, with the session's CSRF token: only the Origin differs.
import { BridgeBrowser, signIn, startBridge, startGraph, type TestBridge } from '../../support/bridge-harness'
import type { GraphServer } from '../../../emulator/graph/server'

let graph: GraphServer
const bridges: TestBridge[] = []

beforeAll(async () => {
    graph = await startGraph()
})

afterAll(async () => {
    for (const bridge of bridges) await bridge.close()
    await graph?.close()
})

async function bridgeWith(publicUrl?: string): Promise<TestBridge> {
    const bridge = await startBridge({ graphServer: graph, publicUrl })
    bridges.push(bridge)
    return bridge
}

const browsers = new Map<TestBridge, BridgeBrowser>()

/** POST /sync straight to the bridge's port, signed in, with the Origin a browser would send. */
async function postSync(bridge: TestBridge, origin: string): Promise<number> {
    return (await postSyncPage(bridge, origin)).status
}

async function postSyncPage(bridge: TestBridge, origin: string) {
    const port = `http://127.0.0.1:${bridge.port}`
    let browser = browsers.get(bridge)
    if (!browser) {
        browser = new BridgeBrowser()
        await signIn(browser, bridge, undefined, '/', port)
        browsers.set(bridge, browser)
    }
    return browser.request(port + '/sync', { form: {}, origin })
}

test('without a public URL the origin must be the host the request came to', async () => {
    const bridge = await bridgeWith()
    expect(await postSync(bridge, `http://127.0.0.1:${bridge.port}`)).toBe(303)
    expect(await postSync(bridge, 'https://attacker.example')).toBe(403)
    // The refusal is a page of the bridge saying what happened, not the framework's text.
    const refused = await postSyncPage(bridge, 'https://attacker.example')
    expect(refused.html).toContain('It was sent from another site, not from a page of this bridge. Nothing was changed.')
})

test('behind a proxy, the public URL is the origin that may post, not the upstream host', async () => {
    const bridge = await bridgeWith('https://bridge.contoso.example')
    expect(await postSync(bridge, 'https://bridge.contoso.example')).toBe(303)
    expect(await postSync(bridge, `http://127.0.0.1:${bridge.port}`)).toBe(403)
    expect(await postSync(bridge, 'https://attacker.example')).toBe(403)
})
