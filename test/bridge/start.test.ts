/**
 * `node --import tsx bridge/start.ts` and `scripts/graph-live.ts` as processes, against a Graph stand-in in this
 * test (a "real tenant" for the production code path): refused settings, a bridge that starts, answers and stops on
 * SIGTERM, `--rotate-key` re-encrypting a store in place, and the live script's read, write-and-restore and no-credentials runs.
 */
import { randomBytes } from 'node:crypto'
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { demoControlProfiles } from '../../emulator/graph/fixtures/control-profiles.ts'
import { createGraphServer, type GraphServer } from '../../emulator/graph/server.ts'
import { parseSecretKeyText } from '../../bridge/security/secret-box.ts'
import { openStore } from '../../bridge/store/store.ts'
import { testSecretBox } from '../support/bridge-harness.ts'

const ROOT = join(__dirname, '../..')
const START = join(ROOT, 'bridge/start.ts')
const LIVE = join(ROOT, 'scripts/graph-live.ts')

let server: GraphServer
let dataDir: string

beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bridge-start-'))
    server = await createGraphServer({ port: 0, dataDir, logger: false })
})
afterAll(() => server.close())

/** This process's environment without any setting of the bridge or the live script, plus `extra`. */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(BRIDGE_|GRAPH_)/.test(name) && name !== 'NODE_TLS_REJECT_UNAUTHORIZED'))
    return { ...clean, ...extra }
}

function standInGraph(): Record<string, string> {
    return { GRAPH_AUTHORITY_HOST: server.url, GRAPH_BASE_URL: server.graphBaseUrl, GRAPH_CA_FILE: server.caFile }
}

function start(script: string, extra: Record<string, string>, args: string[] = []): ChildProcessWithoutNullStreams {
    return spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: env(extra) })
}

async function run(script: string, extra: Record<string, string>, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = start(script, extra, args)
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)))
    return { code, stdout, stderr }
}

describe('bridge/start.ts', () => {
    test('wrong settings: every problem named, one per line, exit 2, nothing started', async () => {
        const secret = 'Bad8Q~TheSecretMustNotBePrinted-000000000'
        const { code, stdout, stderr } = await run(START, {
            BRIDGE_TENANT_ID: 'x',
            BRIDGE_CLIENT_SECRET: secret,
            BRIDGE_CERTIFICATE_PATH: '/nonexistent.pem',
            BRIDGE_PUBLIC_URL: 'http://bridge.contoso.com',
            BRIDGE_PORT: '99999',
            BRIDGE_REFRESH_MINUTES: '0',
            GRAPH_BASE_URL: `http://graph.microsoft.com/${secret}`,
        })
        expect(code).toBe(2)
        expect(stdout).toBe('')
        expect(stderr.trim().split('\n')).toEqual([
            'BRIDGE_TENANT_ID must be a GUID, got "x"',
            "BRIDGE_CLIENT_ID is missing: the app registration's application (client) id (a GUID)",
            'Set BRIDGE_CLIENT_SECRET or BRIDGE_CERTIFICATE_PATH, not both',
            'GRAPH_BASE_URL must be https (tokens travel over it), got (a value containing the client secret, not shown)',
            'BRIDGE_PORT must be a whole number from 0 to 65535, got "99999"',
            'BRIDGE_PUBLIC_URL must be https unless its host is 127.0.0.1 or localhost, got "http://bridge.contoso.com"',
            'BRIDGE_REFRESH_MINUTES must be a whole number from 1 to 35791, got "0"',
            'BRIDGE_SECRET_KEY or BRIDGE_SECRET_KEY_FILE is missing: the key the stored ServiceNow tokens and secrets are encrypted with (openssl rand -base64 32)',
            'See README: Run the bridge against a real tenant (docs/bridge-deployment.md), or npm run bridge -- --help',
        ])
        expect(stderr).not.toContain(secret)
    })

    test('--help prints the settings table', async () => {
        const { code, stdout } = await run(START, {}, ['--help'])
        expect(code).toBe(0)
        expect(stdout).toContain('| `BRIDGE_TENANT_ID` | yes |')
        expect(stdout).toContain('| `GRAPH_CA_FILE` | no |')
    })

    test('against the Graph stand-in: prints its URL and redirect URL, answers /healthz, exits 0 on SIGTERM', async () => {
        const child = start(START, {
            ...standInGraph(),
            BRIDGE_TENANT_ID: server.demo.tenantId,
            BRIDGE_CLIENT_ID: server.demo.clientId,
            BRIDGE_CLIENT_SECRET: server.demo.clientSecret,
            BRIDGE_PORT: '0',
            BRIDGE_DATA_FILE: join(dataDir, 'bridge.sqlite'),
            BRIDGE_SECRET_KEY: randomBytes(32).toString('base64'),
        })
        let out = ''
        let err = ''
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
        const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
        await new Promise<void>((resolve, reject) => {
            child.stdout.on('data', (chunk: Buffer) => {
                out += chunk.toString()
                if (/OAuth redirect URL.*\n/.test(out)) resolve()
            })
            exited.then((code) => reject(new Error(`exited ${code} early: ${out}${err}`)))
        })
        const url = /^Bridge {2}(http:\/\/127\.0\.0\.1:\d+)$/m.exec(out)?.[1]
        expect(url).toBeDefined()
        expect(out).toContain(`OAuth redirect URL to register on the ServiceNow instance  ${url}/oauth/callback`)
        expect(out).not.toContain(server.demo.clientSecret)

        expect((await fetch(`${url}/healthz`)).status).toBe(200)
        // The settings reached Graph: a token from the stand-in's Entra (its CA trusted) and a read of the profiles.
        const reached = (path: RegExp) => server.requestLog().some((entry) => path.test(entry.path) && entry.status === 200)
        for (let waited = 0; !reached(/\/security\/secureScoreControlProfiles$/) && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50))
        expect(reached(new RegExp(`^/${server.demo.tenantId}/oauth2/v2.0/token$`))).toBe(true)
        expect(reached(/^\/v1\.0\/security\/secureScoreControlProfiles$/)).toBe(true)

        const stopped = Date.now()
        child.kill('SIGTERM')
        expect(await exited).toBe(0)
        expect(Date.now() - stopped).toBeLessThan(5000)
        expect(err).toBe('')
    })

    test('a data file that cannot be opened, a store of a newer bridge, or a key that is not the store\'s: named in one line, exit 2 (systemd does not restart it)', async () => {
        const settings = {
            ...standInGraph(),
            BRIDGE_TENANT_ID: server.demo.tenantId,
            BRIDGE_CLIENT_ID: server.demo.clientId,
            BRIDGE_CLIENT_SECRET: server.demo.clientSecret,
            BRIDGE_PORT: '0',
            BRIDGE_SECRET_KEY: randomBytes(32).toString('base64'),
        }
        // Its folder is a file: nothing can ever be created there.
        const notAFolder = join(dataDir, 'plain-file')
        writeFileSync(notAFolder, 'not a folder')
        const blocked = await run(START, { ...settings, BRIDGE_DATA_FILE: join(notAFolder, 'bridge.sqlite') })
        expect([blocked.code, blocked.stdout]).toEqual([2, ''])
        expect(blocked.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^BRIDGE_DATA_FILE: the store .*plain-file\/bridge\.sqlite cannot be opened \((ENOTDIR|EEXIST)\): /)])

        const newer = join(dataDir, 'newer.sqlite')
        const db = new Database(newer)
        db.pragma('user_version = 999')
        db.close()
        const refused = await run(START, { ...settings, BRIDGE_DATA_FILE: newer })
        expect([refused.code, refused.stderr.trim()]).toEqual([2, expect.stringMatching(/^BRIDGE_DATA_FILE: This store was written by a newer bridge \(schema 999;/)])

        // A store sealed under one key, started with another: named at start, not at the first page needing a secret.
        const sealed = join(dataDir, 'sealed.sqlite')
        openStore(sealed, { box: testSecretBox() }).close()
        const wrongKey = await run(START, { ...settings, BRIDGE_DATA_FILE: sealed })
        expect([wrongKey.code, wrongKey.stdout, wrongKey.stderr.trim()]).toEqual([2, '', expect.stringMatching(/^BRIDGE_SECRET_KEY: the store .*sealed\.sqlite cannot be opened with it\. A stored secret was sealed with key \S+, but the configured key is \S+/)])
        expect(wrongKey.stderr).not.toContain(settings.BRIDGE_SECRET_KEY)
    })
})

describe('npm run bridge -- --rotate-key', () => {
    const keyText = () => randomBytes(32).toString('base64')
    const boxOf = (text: string) => testSecretBox(parseSecretKeyText(text)!)
    const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'

    test('re-encrypts every secret under the new key and exits; a wrong current key changes nothing', async () => {
        const file = join(mkdtempSync(join(tmpdir(), 'bridge-rotate-')), 'bridge.sqlite')
        const [oldKey, newKey] = [keyText(), keyText()]
        const store = openStore(file, { box: boxOf(oldKey) })
        store.forTenant(TENANT).saveConnection({
            instanceUrl: 'https://a.service-now.com',
            clientId: 'c',
            clientSecret: 'the-client-secret-000',
            tenantId: TENANT,
            tenantName: 'Contoso',
            token: { access_token: 'the-access-token-000', refresh_token: 'the-refresh-token-000' },
            status: 'connected',
            lastError: null,
            connectedAt: '2026-12-01T00:00:00.000Z',
        })
        store.close()

        const wrong = await run(START, { BRIDGE_DATA_FILE: file, BRIDGE_SECRET_KEY: keyText(), BRIDGE_NEW_SECRET_KEY: newKey }, ['--rotate-key'])
        expect(wrong.code).toBe(1)
        expect(wrong.stderr).toMatch(/^Nothing was changed: A stored secret was sealed with key \S+, but the configured key is \S+/)
        expect(openStore(file, { box: boxOf(oldKey) }).forTenant(TENANT).getConnection()?.clientSecret).toBe('the-client-secret-000')

        const missing = await run(START, { BRIDGE_DATA_FILE: file, BRIDGE_SECRET_KEY: oldKey }, ['--rotate-key'])
        expect([missing.code, missing.stderr.trim()]).toEqual([2, 'BRIDGE_NEW_SECRET_KEY or BRIDGE_NEW_SECRET_KEY_FILE is missing: the key to re-encrypt the store with'])

        const rotated = await run(START, { BRIDGE_DATA_FILE: file, BRIDGE_SECRET_KEY: oldKey, BRIDGE_NEW_SECRET_KEY: newKey }, ['--rotate-key'])
        expect(rotated.code).toBe(0)
        expect(rotated.stdout).toMatch(/^Re-encrypted 2 secret\(s\) in .*bridge\.sqlite with key \S+\. Start the bridge with that key as BRIDGE_SECRET_KEY now\.\n$/)
        for (const output of [wrong, missing, rotated].flatMap((r) => [r.stdout, r.stderr])) {
            for (const secret of [oldKey, newKey, 'the-client-secret-000', 'the-refresh-token-000']) expect(output).not.toContain(secret)
        }
        expect(() => openStore(file, { box: boxOf(oldKey) }).forTenant(TENANT).getConnection()).toThrow(/sealed with key/)
        expect(openStore(file, { box: boxOf(newKey) }).forTenant(TENANT).getConnection()).toMatchObject({ clientSecret: 'the-client-secret-000', token: { refresh_token: 'the-refresh-token-000' } })
    })

    test('a data file that is not there: said so, exit 2, and no empty store left behind', async () => {
        const file = join(mkdtempSync(join(tmpdir(), 'bridge-rotate-')), 'typo.sqlite')
        const result = await run(START, { BRIDGE_DATA_FILE: file, BRIDGE_SECRET_KEY: keyText(), BRIDGE_NEW_SECRET_KEY: keyText() }, ['--rotate-key'])
        expect([result.code, result.stdout, result.stderr.trim()]).toEqual([2, '', `BRIDGE_DATA_FILE: there is no store at ${file}, so there is nothing to re-encrypt: check the path`])
        expect(existsSync(file)).toBe(false)
    })
})

describe('scripts/graph-live.ts', () => {
    const live = (): Record<string, string> => ({
        ...standInGraph(),
        GRAPH_LIVE_TENANT_ID: server.demo.tenantId,
        GRAPH_LIVE_CLIENT_ID: server.demo.clientId,
        GRAPH_LIVE_CLIENT_SECRET: server.demo.clientSecret,
    })

    test('reads through the production Graph port and prints what it found, never the secret', async () => {
        const { code, stdout, stderr } = await run(LIVE, live())
        expect(stderr).toBe('')
        expect(code).toBe(0)
        expect(stdout).toMatch(new RegExp(`^Control profiles {2}${demoControlProfiles(server.demo.tenantId).length}$`, 'm'))
        expect(stdout).toMatch(/^ {2}Identity {2}\d+$/m)
        expect(stdout).toMatch(/^Deprecated {2}\d+$/m)
        expect(stdout).toMatch(/^Device controls \(state not settable through Graph\) {2}\d+$/m)
        expect(stdout).toMatch(/^Newest score {2}[\d.]+ of [\d.]+ \(/m)
        expect(stdout).toContain('Granted roles  SecurityEvents.ReadWrite.All')
        expect(stdout).not.toContain(server.demo.clientSecret)
        expect(stdout).not.toMatch(/eyJ[\w-]+\.eyJ/) // no JWT
    })

    test('GRAPH_LIVE_WRITE_CONTROL=AdminMFAV2: exactly one write and one restore reach Graph', async () => {
        const before = server.stateUpdates(server.demo.tenantId, 'AdminMFAV2')
        const previous = before[before.length - 1]
        const { code, stdout, stderr } = await run(LIVE, { ...live(), GRAPH_LIVE_WRITE_CONTROL: 'AdminMFAV2' })
        expect(stderr).toBe('')
        expect(code).toBe(0)
        const after = server.stateUpdates(server.demo.tenantId, 'AdminMFAV2')
        expect(after.slice(0, before.length)).toEqual(before)
        expect(after).toHaveLength(before.length + 2)
        expect(after[before.length]).toMatchObject({ state: 'Reviewed', comment: 'Microsoft 365 Ticketing Connector live test' })
        expect(after[before.length + 1]).toMatchObject({ state: previous.state, comment: previous.comment ?? '', assignedTo: previous.assignedTo ?? '' })
        expect(stdout).toMatch(/^Before {2}AdminMFAV2 {2}state Default/m)
        expect(stdout).toMatch(/^Written {2}AdminMFAV2 {2}state Reviewed, comment "Microsoft 365 Ticketing Connector live test"/m)
        expect(stdout).toMatch(/^Restored {2}AdminMFAV2 {2}state Default/m)
    })

    test('a Device control is refused before anything is sent', async () => {
        const requests = server.requestLog().length
        const { code, stderr } = await run(LIVE, { ...live(), GRAPH_LIVE_WRITE_CONTROL: 'scid_2000' })
        expect(code).toBe(2)
        expect(stderr).toContain('GRAPH_LIVE_WRITE_CONTROL=scid_2000 is a Device control')
        expect(server.requestLog()).toHaveLength(requests)
    })

    test('without credentials: says what to set, runs nothing, exits 0', async () => {
        const requests = server.requestLog().length
        const { code, stdout } = await run(LIVE, standInGraph())
        expect(code).toBe(0)
        for (const name of ['GRAPH_LIVE_TENANT_ID', 'GRAPH_LIVE_CLIENT_ID', 'GRAPH_LIVE_CLIENT_SECRET', 'GRAPH_LIVE_CERTIFICATE_PATH', 'GRAPH_LIVE_WRITE_CONTROL']) {
            expect(stdout).toContain(name)
        }
        expect(stdout).toContain('No GRAPH_LIVE_* credentials are set: nothing was run.')
        expect(server.requestLog()).toHaveLength(requests)
    })
})
