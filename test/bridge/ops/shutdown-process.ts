/**
 * Starting the shutdown and kill tests' child processes (shutdown-child.ts, shutdown-write-back-child.ts,
 * link-child.ts): each prints `listening <port>` once it takes requests. Every child started is killed after its
 * test if still running. Also what the stop and kill tests share: a queued write-back row in a store file, what the
 * file holds (read beside the running process), and a proxy in front of the instance that holds a request in flight.
 */
import Database from 'better-sqlite3'
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeBackObserver } from '../../../bridge/domain/write-back.ts'
import { createSecretBox, secretKeyFromBytes, type SecretKey } from '../../../bridge/security/secret-box.ts'
import { SecretRegistry } from '../../../bridge/security/secret-registry.ts'
import { openStore } from '../../../bridge/store/store.ts'
import { CONNECTOR_API } from '../../support/api-paths.ts'
import { CLIENT, INTEGRATION, startInstance, storedTicket, TENANT, type TestInstance } from '../../support/bridge-harness.ts'
import { taskBody } from '../../support/task-body.ts'

const ROOT = join(__dirname, '../../..')

export interface Child {
    process: ChildProcessWithoutNullStreams
    port: number
    exited: Promise<number | null>
    /** Its stdout and stderr so far. */
    output(): string
}

const started: ChildProcessWithoutNullStreams[] = []

afterEach(() => {
    for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
})

export async function startChild(script: string, env: { [name: string]: string }): Promise<Child> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, script)], { cwd: ROOT, env: { ...process.env, ...env } })
    started.push(child)
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    const port = await new Promise<number>((resolve, reject) => {
        child.stdout.on('data', () => {
            const match = /^listening (\d+)$/m.exec(out)
            if (match) resolve(Number(match[1]))
        })
        void exited.then((code) => reject(new Error(`${script} exited ${code} before listening:\n${out}`)))
    })
    return { process: child, port, exited, output: () => out }
}

export async function waitFor(condition: () => boolean): Promise<void> {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20))
}

/** A POST to a child (link-child.ts) and its JSON answer; null when the child died first (it was killed). */
export async function postToChild<T>(child: Child, path: string): Promise<T | null> {
    try {
        return (await (await fetch(`http://127.0.0.1:${child.port}${path}`, { method: 'POST' })).json()) as T
    } catch {
        return null
    }
}

/** The JSON lines a child logged (bridge/ops/log.ts), without anything else it printed. */
export function logLines(child: Child): { message?: string; [field: string]: unknown }[] {
    return child
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { message?: string })
}

/**
 * A new store file whose tenant is connected to the instance at `instanceUrl` (the local one, or a proxy in front of
 * it) as a consent leaves it: the integration user's tokens (here from the password grant of the OAuth client the
 * checklist makes, instead of the consent pages) stored, and the connection registered on the instance.
 */
export async function connectStoreFile(file: string, key: SecretKey, tenantId: string, instanceUrl: string): Promise<void> {
    const granted = await fetch(instanceUrl + '/oauth_token.do', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'password', client_id: CLIENT.id, client_secret: CLIENT.secret, username: INTEGRATION.user, password: INTEGRATION.password }).toString(),
    })
    if (granted.status !== 200) throw new Error('password grant: HTTP ' + granted.status + ' ' + (await granted.text()))
    const token = (await granted.json()) as { [key: string]: unknown }
    const registered = await fetch(instanceUrl + CONNECTOR_API + '/connection', {
        method: 'PUT',
        headers: { authorization: 'Bearer ' + String(token.access_token), 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ tenantId, tenantName: 'Contoso', connectedBy: 'adele.vance@contoso.onmicrosoft.com' }),
    })
    if (!registered.ok) throw new Error('PUT /connection: HTTP ' + registered.status + ' ' + (await registered.text()))
    const store = openStore(file, { box: createSecretBox(key, new SecretRegistry()) })
    store.forTenant(tenantId).saveConnection({
        instanceUrl,
        clientId: CLIENT.id,
        clientSecret: CLIENT.secret,
        tenantId,
        tenantName: 'Contoso',
        token: { ...token, expires_at: new Date(Date.now() + Number(token.expires_in) * 1000).toISOString() },
        status: 'connected',
        lastError: null,
        connectedAt: new Date().toISOString(),
    })
    store.close()
}

/** A share's payload as the share form stores it for the control: a complete task body, less the tenant and task ids the link adds. */
export function sharePayloadFor(controlId: string): { [key: string]: unknown } {
    const body = taskBody({ secureScore: { ...(taskBody().secureScore as object), controlId } })
    delete body.tenantId
    delete body.taskId
    return body
}

/** A resolved ticket shared from the control, in the store file: its write-back row is queued, as a sync leaves it. */
export function queueWriteBack(file: string, key: SecretKey, tenantId: string, controlId: string, number: string): void {
    const store = openStore(file, { box: createSecretBox(key, new SecretRegistry()) })
    const tenant = store.forTenant(tenantId)
    tenant.observeOutcomes(writeBackObserver({ store: tenant }))
    tenant.createShare({ id: `share-${number}`, taskId: `task-${number}`, controlId, payload: {} })
    const resolution = { state: { value: '6', label: 'Resolved' }, code: null, notes: 'Enforced.', resolvedAt: '2026-01-02T00:00:00Z', resolvedBy: 'fred.luddy' }
    tenant.mergeTickets([
        storedTicket(number, {
            state: { value: '6', label: 'Resolved', customLabel: null },
            opened: '2026-01-01T00:00:00Z',
            updated: '2026-01-02T00:00:00Z',
            outcome: 'resolved',
            resolution,
        }),
    ])
    store.close()
}

/** The rows a query finds in the store file, read beside the running process. */
export function onDisk<T>(file: string, query: string, ...params: unknown[]): T[] {
    const db = new Database(file, { readonly: true })
    try {
        return db.prepare(query).all(...params) as T[]
    } finally {
        db.close()
    }
}

/** A write-back row's status as the file holds it. */
export function writeBackStatusOnDisk(file: string, number: string): string | undefined {
    return onDisk<{ status: string }>(file, 'SELECT status FROM write_back WHERE ticket_number = ?', number)[0]?.status
}

/** What the kill tests of a share and a sync run against: the local instance, a holding proxy in front of it, a folder for store files, a store key. */
export interface InstanceBehindProxy {
    instance: TestInstance
    proxy: HoldingProxy
    dir: string
    key: SecretKey
}

/** The local instance with the checklist's OAuth client and a holding proxy in front of it, started before the file's tests and closed after. */
export function instanceBehindProxy(): InstanceBehindProxy {
    const setting = { key: secretKeyFromBytes(randomBytes(32)) } as InstanceBehindProxy
    beforeAll(async () => {
        setting.instance = await startInstance()
        setting.instance.addOAuthClient('http://127.0.0.1/oauth/callback')
        setting.proxy = await startHoldingProxy(setting.instance.url)
        setting.dir = mkdtempSync(join(tmpdir(), 'bridge-kill-'))
    })
    afterAll(async () => {
        await setting.proxy?.close()
        await setting.instance?.close()
        if (setting.dir) rmSync(setting.dir, { recursive: true, force: true })
    })
    return setting
}

/** link-child.ts on a store file of the test tenant. */
export function startLinkProcess(setting: InstanceBehindProxy, file: string, syncPageSize: number): Promise<Child> {
    return startChild('link-child.ts', { LINK_DATA_FILE: file, LINK_TENANT: TENANT, LINK_SYNC_PAGE_SIZE: String(syncPageSize), BRIDGE_SECRET_KEY: setting.key.bytes.toString('base64') })
}

/** Where a held request is stopped: before it reaches the instance, or after, with the instance's answer held back. */
export type HoldStage = 'request' | 'answer'

/**
 * A proxy to the (local, plain http) instance. While holding, every request `matches` accepts is held at `stage`
 * and never answered: the client's call stays in flight until the client is gone. `hold` resolves when the first
 * one is held — for 'answer', once the instance has answered it — so a test kills the client at a known point.
 */
export interface HoldingProxy {
    url: string
    hold(matches: (method: string, path: string) => boolean, stage: HoldStage): Promise<void>
    /** Requests pass through again; the connections of the ones held are cut, as a network failure cuts them. */
    stopHolding(): void
    /** Every request that reached the proxy, in order. */
    seen: { method: string; path: string }[]
    close(): Promise<void>
}

export async function startHoldingProxy(target: string): Promise<HoldingProxy> {
    const upstream = new URL(target)
    const seen: HoldingProxy['seen'] = []
    let holding: { matches: (method: string, path: string) => boolean; stage: HoldStage; held: () => void } | null = null
    const held: ServerResponse[] = []
    const forward = (request: IncomingMessage, body: Buffer, answer: (status: number, headers: IncomingMessage['headers'], body: Buffer) => void) => {
        const out = httpRequest({ host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: { ...request.headers, host: upstream.host } }, (response) => {
            const chunks: Buffer[] = []
            response.on('data', (chunk: Buffer) => chunks.push(chunk))
            response.on('end', () => answer(response.statusCode ?? 502, response.headers, Buffer.concat(chunks)))
        })
        out.on('error', () => answer(502, {}, Buffer.alloc(0)))
        out.end(body)
    }
    const server = createServer((request: IncomingMessage, response: ServerResponse) => {
        const chunks: Buffer[] = []
        request.on('data', (chunk: Buffer) => chunks.push(chunk))
        request.on('end', () => {
            const method = request.method ?? ''
            const path = request.url ?? '/'
            seen.push({ method, path })
            const hold = holding && holding.matches(method, path) ? holding : null
            if (hold) held.push(response)
            if (hold?.stage === 'request') return hold.held()
            forward(request, Buffer.concat(chunks), (status, headers, body) => {
                if (hold) return hold.held()
                if (!response.destroyed) response.writeHead(status, headers).end(body)
            })
        })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        hold: (matches, stage) => new Promise<void>((held) => (holding = { matches, stage, held })),
        stopHolding: () => {
            holding = null
            for (const response of held.splice(0)) response.socket?.destroy()
        },
        seen,
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections()
                server.close(() => resolve())
            }),
    }
}
