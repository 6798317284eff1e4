/**
 * The process the kill -9 tests of a share and a sync kill (test/bridge/e2e/kill-restart-share.test.ts,
 * kill-restart-sync.test.ts): the bridge's own store, its write-back observer and its ServiceNow link for one
 * tenant, wired as bridge/server.ts wires them, driven over HTTP by the test instead of by the bridge's pages.
 *
 *   node --import tsx test/bridge/ops/link-child.ts
 *   env: LINK_DATA_FILE, LINK_TENANT, LINK_SYNC_PAGE_SIZE, BRIDGE_SECRET_KEY
 *
 *   POST /shares/<id>/send   link.sendShare(id), what the share form does after storing the share → the share
 *   POST /sync               link.sync(), what every page load does → its result
 *
 * Prints `listening <port>`, then the link's log lines.
 */
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { writeBackObserver } from '../../../bridge/domain/write-back.ts'
import { ServiceNowLink } from '../../../bridge/ports/servicenow/link.ts'
import { openChildStore, requiredEnv as env } from './child-env.ts'

async function main(): Promise<void> {
    const store = openChildStore('LINK_DATA_FILE')
    const tenant = store.forTenant(env('LINK_TENANT'))
    tenant.observeOutcomes(writeBackObserver({ store: tenant }))
    const link = new ServiceNowLink({
        store: tenant,
        redirectUri: 'http://127.0.0.1/oauth/callback',
        syncPageSize: Number(env('LINK_SYNC_PAGE_SIZE')),
        // A request the test holds stays one attempt: no retry of it may slip past while the test waits to kill.
        retry: { timeoutMs: 120_000 },
        log: (line) => process.stdout.write(line + '\n'),
    })

    const answer = (response: ServerResponse, status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    const server = createServer((request, response) => {
        const share = /^\/shares\/([^/]+)\/send$/.exec(request.url ?? '')
        const work = request.method !== 'POST' ? null : share ? link.sendShare(decodeURIComponent(share[1])) : request.url === '/sync' ? link.sync() : null
        if (!work) return answer(response, 404, { error: 'no such route' })
        work.then(
            (result) => answer(response, 200, result),
            (error: unknown) => answer(response, 500, { error: (error as Error).message }),
        )
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`)
}

main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
})
