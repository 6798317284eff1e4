// Forms post only from the bridge's own pages: a POST whose Origin is another site is refused. Behind a reverse
// proxy (docs/bridge-deployment.md) the Host header the bridge sees is the upstream's, so the origin to match is the
// public URL's.
import { request } from 'node:http'
import { startBridge, startGraph, type TestBridge } from '../../support/bridge-harness'
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

/** POST /sync straight to the bridge's port, with the Origin a browser would send. */
function postSync(bridge: TestBridge, origin: string): Promise<number> {
    return new Promise((resolve, reject) => {
        const sent = request({ host: '127.0.0.1', port: bridge.port, method: 'POST', path: '/sync', headers: { origin, 'content-type': 'application/x-www-form-urlencoded', 'content-length': 0 } }, (answer) => {
            answer.resume()
            resolve(answer.statusCode ?? 0)
        })
        sent.on('error', reject)
        sent.end()
    })
}

test('without a public URL the origin must be the host the request came to', async () => {
    const bridge = await bridgeWith()
    expect(await postSync(bridge, `http://127.0.0.1:${bridge.port}`)).toBe(303)
    expect(await postSync(bridge, 'https://attacker.example')).toBe(403)
})

test('behind a proxy, the public URL is the origin that may post, not the upstream host', async () => {
    const bridge = await bridgeWith('https://bridge.contoso.example')
    expect(await postSync(bridge, 'https://bridge.contoso.example')).toBe(303)
    expect(await postSync(bridge, `http://127.0.0.1:${bridge.port}`)).toBe(403)
    expect(await postSync(bridge, 'https://attacker.example')).toBe(403)
})
