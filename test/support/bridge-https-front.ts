// An HTTPS front of a bridge, as the reverse proxy of docs/bridge-deployment.md: TLS ends here (the Graph stand-in's
// server certificate for 127.0.0.1, issued by its CA) and every request goes on to the bridge's own http port
// unchanged. Started before the bridge, so the bridge can be given the front's URL as its public URL.
import { createServer as createHttpsServer, type Server } from 'node:https'
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { loadOrCreateTls } from '../../emulator/graph/tls.ts'

export interface HttpsFront {
    /** https://127.0.0.1:<port>, the bridge's public URL. */
    url: string
    /** Where requests go on to: the bridge's http URL, set once it listens. */
    upstream: string
    close(): Promise<void>
}

export async function startHttpsFront(graphDataDir: string): Promise<HttpsFront> {
    const tls = loadOrCreateTls(graphDataDir)
    const front: HttpsFront = { url: '', upstream: '', close: () => Promise.resolve() }
    const server: Server = createHttpsServer({ key: tls.server.keyPem, cert: tls.server.certPem }, (req, res) => {
        const target = new URL(front.upstream)
        const upstream = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers)
            answer.pipe(res)
        })
        upstream.on('error', () => {
            if (!res.headersSent) res.writeHead(502).end()
        })
        req.pipe(upstream)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    front.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`
    front.close = () =>
        new Promise<void>((resolve) => {
            server.closeAllConnections()
            server.close(() => resolve())
        })
    return front
}
