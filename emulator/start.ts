/**
 * `npm start`: builds the app when dist/ is missing or stale, then runs the local instance, the local Microsoft Entra
 * and Graph stand-in (emulator/graph) with the demo tenant, and the Secure Score bridge (bridge/) wired to both,
 * until Ctrl-C.
 *
 *   npx tsx emulator/start.ts [--port 8080] [--graph-port 8443] [--bridge-port 8090] [--instance-only] [--data .data] [--reset]
 *                             [--reset-admin-password] [--skip-build]
 *                             [--api-threads 4] [--api-queue 50] [--api-retry-after 1] [--api-hold-ms 0] [--rate-limit <requests per hour>]
 *     --port                  the instance's TCP port on 127.0.0.1 (default 8080, or $PORT; 0 picks a free one)
 *     --graph-port            the Graph stand-in's HTTPS port (default 8443, or $GRAPH_PORT; 0 picks a free one)
 *     --bridge-port           the bridge's port (default 8090, or $BRIDGE_PORT; 0 picks a free one)
 *     --instance-only         start the instance alone
 *     --data <dir>            data folder holding instance.db, graph/ (the stand-in's CA, keys and state history) and
 *                             bridge.sqlite (default .data, git-ignored)
 *     --reset                 wipe the data folder first
 *     --reset-admin-password  give the admin user a new random password (printed once)
 *     --skip-build            use dist/ as it is
 *     --api-threads <n>       inbound REST runs on a pool of n threads, as the platform's API_INT semaphore does
 *                             (default $LOCAL_INSTANCE_API_THREADS, else no pool); --api-queue (default 50) requests
 *                             may wait, past that 429 with Retry-After (--api-retry-after seconds, default 1);
 *                             --api-hold-ms: each request holds its thread at least that long, as a real instance's
 *                             transaction time (default 0)
 *     --rate-limit <n>        an "All users" inbound REST rate limit rule: n requests per user per hour, with the
 *                             X-RateLimit-* headers (default $LOCAL_INSTANCE_REST_RATE_LIMIT, else none)
 *
 * Stopping: SIGINT or SIGTERM (Ctrl-C) stops every part within about 2 s even while browsers hold connections
 * open (closeWithGrace below); a second one forces the exit at once, with 128 + the signal's number (130 for
 * SIGINT). npm runs the start script through `sh -c`, and Debian's sh (dash) does not pass a signal sent to npm alone
 * on to its child: such a signal arrives here only when the start script `exec`s node.
 *
 * The admin user's password is generated on first start, printed once and stored hashed. On later starts the
 * built app is installed as an instance installs it (schema/loader.ts): the same package writes nothing, a new
 * one upgrades and skips the records changed on the instance (reported at start); nothing is wiped.
 *
 *   startInstance(options) → Promise<{ url, port, dbPath, adminPassword?, close() }>   the same, in-process
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import type { Server as HttpServer } from 'node:http'
import { constants } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { ensureBuilt, repoRoot } from '../scripts/ensure-built.ts'
import { switches } from './instance/fidelity.ts'
import { createInstance } from './instance/instance.ts'
import { hashPassword } from './instance/runtime.ts'
import { userByIdOrName } from './instance/store/lookups.ts'
import type { InstanceServerOptions } from './instance/server.ts'
import { createBridgeServer } from '../bridge/server.ts'
import { loadSecretKey, SECRET_KEY_NAMES, type SecretKey } from '../bridge/security/secret-box.ts'
import { createGraphServer } from './graph/server.ts'

export interface StartOptions {
    port?: number
    dataDir?: string
    reset?: boolean
    resetAdminPassword?: boolean
    build?: boolean
    appDir?: string
    logger?: ((line: string) => void) | false
    /** Inbound REST semaphore and rate limit (fidelity.ts switches when absent: off unless set). */
    inboundLimits?: InstanceServerOptions['inboundLimits']
}

export interface RunningInstance {
    url: string
    port: number
    dbPath: string
    /** Set when this start generated the admin password (first start or --reset-admin-password). */
    adminPassword?: string
    close(): Promise<void>
}

/** 20 characters from an unambiguous alphabet, with every character class present. */
export function generatePassword(): string {
    const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '@-_+.']
    const all = sets.join('')
    for (;;) {
        const bytes = randomBytes(20)
        const password = [...bytes].map((b) => all[b % all.length]).join('')
        if (sets.every((set) => [...password].some((c) => set.includes(c)))) return password
    }
}

/** How long a request still running, or a connection that has sent none yet, may hold a stopping server. */
const STOP_GRACE_MS = 750
/**
 * A terminal's Ctrl-C reaches both npm and node, and npm passes its copy on: the two arrive together and are one
 * Ctrl-C. A second signal counts only this long after the first.
 */
const SAME_SIGNAL_MS = 300

/**
 * Closes one HTTP server for a stop: it takes no new connections and its idle keep-alive connections close at once
 * (Node and Fastify do that); whatever is still open after STOP_GRACE_MS is cut. Node counts a connection that has
 * not sent a request yet as busy, not idle, and browsers open such connections ahead of need and keep them: without
 * the cut they hold the stop until the browser lets go of them (31-96 s, issue 21).
 */
async function closeWithGrace(server: HttpServer, close: () => Promise<void>): Promise<void> {
    const cut = setTimeout(() => server.closeAllConnections(), STOP_GRACE_MS)
    try {
        await close()
    } finally {
        clearTimeout(cut)
    }
}

export async function startInstance(options: StartOptions = {}): Promise<RunningInstance> {
    const dataDir = resolve(options.dataDir ?? join(repoRoot, '.data'))
    if (options.reset) rmSync(dataDir, { recursive: true, force: true })
    mkdirSync(dataDir, { recursive: true })
    if (options.build !== false) ensureBuilt()
    const dbPath = join(dataDir, 'instance.db')
    const instance = createInstance({ dbPath, appDir: options.appDir })
    const runtime = instance.runtime
    const admin = userByIdOrName(runtime.store, 'admin')!
    let adminPassword: string | undefined
    if (!admin.user_password || options.resetAdminPassword) {
        adminPassword = generatePassword()
        runtime.store.update('sys_user', admin.sys_id!, { user_password: hashPassword(adminPassword), locked_out: '0', active: '1' }, 'system')
    }
    const server = await instance.listen({ port: options.port ?? 8080, host: '127.0.0.1', logger: options.logger, inboundLimits: options.inboundLimits })
    return {
        url: server.url,
        port: server.port,
        dbPath,
        adminPassword,
        close: () => closeWithGrace(server.app.server, () => instance.close()),
    }
}

interface CommandLine extends StartOptions {
    /** The Graph stand-in's and the bridge's ports; null: the instance alone. */
    graphPort: number | null
    bridgePort: number | null
}

function wholeNumber(flag: string, text: string | undefined): number {
    const value = Number(text)
    if (!Number.isInteger(value) || value < 0) throw new Error(`${flag} needs a whole number ≥ 0, got ${text}`)
    return value
}

function parseArgs(argv: string[]): CommandLine {
    const env = process.env
    const options: CommandLine = {
        port: env.PORT ? Number(env.PORT) : 8080,
        graphPort: env.GRAPH_PORT ? Number(env.GRAPH_PORT) : 8443,
        bridgePort: env.BRIDGE_PORT ? Number(env.BRIDGE_PORT) : 8090,
    }
    const fromEnv = switches()
    const pool = { threads: fromEnv.apiSemaphore?.threads ?? 0, queue: fromEnv.apiSemaphore?.queue ?? 50, retryAfterSeconds: fromEnv.apiSemaphore?.retryAfterSeconds ?? 1, holdMs: fromEnv.apiSemaphore?.holdMs ?? 0 }
    let rateLimitPerHour = fromEnv.restRateLimitPerHour
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i]
        const [flag, inline] = arg.split('=', 2)
        const value = () => inline ?? argv[++i]
        if (flag === '--port') options.port = Number(value())
        else if (flag === '--graph-port') options.graphPort = Number(value())
        else if (flag === '--bridge-port') options.bridgePort = Number(value())
        else if (flag === '--instance-only') options.graphPort = options.bridgePort = null
        else if (flag === '--data') options.dataDir = value()
        else if (flag === '--reset') options.reset = true
        else if (flag === '--reset-admin-password') options.resetAdminPassword = true
        else if (flag === '--skip-build') options.build = false
        else if (flag === '--api-threads') pool.threads = wholeNumber(flag, value())
        else if (flag === '--api-queue') pool.queue = wholeNumber(flag, value())
        else if (flag === '--api-retry-after') pool.retryAfterSeconds = wholeNumber(flag, value())
        else if (flag === '--api-hold-ms') pool.holdMs = wholeNumber(flag, value())
        else if (flag === '--rate-limit') rateLimitPerHour = wholeNumber(flag, value()) || null
        else if (flag === '--host') {
            if (value() !== '127.0.0.1') throw new Error('The local instance only listens on 127.0.0.1')
        } else if (flag === '--help' || flag === '-h') {
            process.stdout.write(
                'Usage: npm start -- [--port 8080] [--graph-port 8443] [--bridge-port 8090] [--instance-only] [--data .data] [--reset] [--reset-admin-password] [--skip-build]\n' +
                    '                    [--api-threads 4] [--api-queue 50] [--api-retry-after 1] [--api-hold-ms 0] [--rate-limit <requests per hour>]\n',
            )
            process.exit(0)
        } else throw new Error(`Unknown option ${arg} (try --help)`)
    }
    options.inboundLimits = { semaphore: pool.threads > 0 ? pool : null, rateLimitPerHour }
    for (const port of [options.port, options.graphPort, options.bridgePort]) {
        if (port !== null && (!Number.isInteger(port) || port! < 0 || port! > 65535)) throw new Error(`Invalid port: ${port}`)
    }
    return options
}

/**
 * The demo bridge's store key: a random one made once in the data folder (mode 0600) and reused, so the demo needs
 * no setting; a bridge run alone must be given its key (bridge/config.ts).
 */
function demoSecretKey(file: string): SecretKey {
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' })
    const loaded = loadSecretKey({ [SECRET_KEY_NAMES.file]: file })
    if ('errors' in loaded || !loaded.key) throw new Error('The demo bridge key ' + file + ' cannot be used: ' + ('errors' in loaded ? loaded.errors.join('; ') : 'empty'))
    return loaded.key
}

async function main(): Promise<void> {
    const options = parseArgs(process.argv.slice(2))
    const instance = await startInstance(options)
    const dataDir = resolve(options.dataDir ?? join(repoRoot, '.data'))
    const graph = options.graphPort === null ? null : await createGraphServer({ port: options.graphPort, dataDir: join(dataDir, 'graph'), logger: false })
    const bridge =
        graph === null || options.bridgePort === null
            ? null
            : await createBridgeServer({
                  port: options.bridgePort,
                  dataFile: join(dataDir, 'bridge.sqlite'),
                  secretKey: demoSecretKey(join(dataDir, 'bridge-secret.key')),
                  // Contoso and Fabrikam's people sign in; Fabrikam joins through its Global Administrator's consent.
                  signInAuthority: 'organizations',
                  tenantId: graph.demo.tenantId,
                  tenantName: graph.demo.tenantName,
                  graph: {
                      authorityHost: graph.url,
                      graphBaseUrl: graph.graphBaseUrl,
                      credential: { clientId: graph.demo.clientId, clientSecret: graph.demo.clientSecret },
                      ca: graph.caPem,
                  },
              })
    if (graph && bridge) {
        // As an admin adds the bridge's URLs to the app registration (Authentication → Redirect URIs).
        for (const uri of [bridge.signInRedirectUri, bridge.signOutRedirectUri, bridge.joinRedirectUri]) graph.registerRedirectUri(graph.demo.clientId, uri)
    }
    const out = (line = '') => process.stdout.write(line + '\n')
    const shown = relative(process.cwd(), instance.dbPath)
    const shownData = shown && !shown.startsWith('..') ? shown : instance.dbPath
    out()
    out(`Instance  ${instance.url}/`)
    if (graph) out(`Graph     ${graph.url}/`)
    if (bridge) out(`Bridge    ${bridge.url}/`)
    if (graph) {
        out(`  Graph CA        ${graph.caFile}   (trust it with NODE_EXTRA_CA_CERTS or curl --cacert; TLS checks stay on)`)
        out(`  Demo tenant     ${graph.demo.tenantId} (${graph.demo.tenantName})`)
        for (const tenant of graph.directory()) {
            const consent = graph.isConsented(tenant.tenantId, graph.demo.clientId) ? 'app consented' : 'app not consented yet (admin consent)'
            out(`  Tenant          ${tenant.tenantId} (${tenant.displayName}), ${consent}`)
            for (const user of tenant.users) out(`  Person          ${user.userPrincipalName} (${tenant.displayName}): ${user.roles.join(', ') || 'no Entra role'}`)
        }
        out('  Sign-in         no passwords: pick the person on the sign-in page')
        out(`  Graph app       client id ${graph.demo.clientId}, secret ${graph.demo.clientSecret}`)
    }
    if (bridge) out(`  Redirect URL    ${bridge.redirectUri}   (use it as the OAuth client's redirect URL in the checklist)`)
    out()
    out('Local ServiceNow instance: Microsoft 365 Ticketing Connector (x_mioms_m365ticket)')
    out(`  Log in         ${instance.url}/login.do`)
    out(`  Connector API  ${instance.url}/api/x_mioms_m365ticket/v1/connector`)
    out(`  Setup API      ${instance.url}/api/x_mioms_m365ticket/v1/setup`)
    out(`  Checklist      ${instance.url}/x_mioms_m365ticket_checklist.do`)
    out(`  Table API      ${instance.url}/api/now/table/{table}`)
    out(`  OAuth          ${instance.url}/oauth_auth.do, ${instance.url}/oauth_token.do`)
    out(`  Data           ${shownData}`)
    const limits = options.inboundLimits
    if (limits?.semaphore) out(`  API_INT pool   ${limits.semaphore.threads} threads, queue ${limits.semaphore.queue}, then 429 (Retry-After ${limits.semaphore.retryAfterSeconds} s)${limits.semaphore.holdMs ? `, each held ≥ ${limits.semaphore.holdMs} ms` : ''}`)
    if (limits?.rateLimitPerHour) out(`  Rate limit     ${limits.rateLimitPerHour} requests per user per hour (X-RateLimit-* headers)`)
    out()
    if (instance.adminPassword) {
        out(`  User admin, password ${instance.adminPassword}`)
        out('  (shown once: it is stored hashed. Keep it; `npm start -- --reset-admin-password` sets a new one.)')
    } else {
        out('  User admin: the password was printed on first start.')
        out('  Forgot it? `npm start -- --reset-admin-password` sets a new one; `npm start -- --reset` wipes all data.')
    }
    out()
    out('Press Ctrl-C to stop.')
    let firstSignalAt: number | null = null
    const stop = (signal: NodeJS.Signals) => {
        if (firstSignalAt !== null) {
            if (Date.now() - firstSignalAt < SAME_SIGNAL_MS) return
            out(`${signal} again: exiting without waiting.`)
            process.exit(128 + constants.signals[signal])
        }
        firstSignalAt = Date.now()
        out(`\n${signal}: stopping... (press Ctrl-C again to exit at once)`)
        // The bridge first: its refresh and write-back in flight finish against a stand-in and instance still up.
        Promise.resolve(bridge && closeWithGrace(bridge.app.server, () => bridge.close()))
            .then(() => Promise.all([instance.close(), graph?.close()]))
            .then(
                () => process.exit(0),
                (error) => {
                    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
                    process.exit(1)
                },
            )
    }
    process.on('SIGINT', () => stop('SIGINT'))
    process.on('SIGTERM', () => stop('SIGTERM'))
}

if (require.main === module) {
    main().catch((error) => {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
        process.exit(1)
    })
}
