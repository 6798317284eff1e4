/**
 * The bridge's settings, read from the environment and checked all at once, so an operator fixes every mistake
 * in one round instead of one per restart.
 *
 *   readBridgeConfig(env, readFile?) → { options: BridgeServerOptions } | { errors: string[] }
 *   readGraphAccess(env, names, readFile?) → { access: GraphAccess } | { errors: string[] }
 *       the Graph half alone, under other variable names (scripts/graph-live.ts reads GRAPH_LIVE_*)
 *   BRIDGE_SETTINGS, settingsTable()   the settings with their defaults: `--help` and docs/bridge-deployment.md
 *
 * Each error names its variable. A secret is never quoted, not even when it was pasted into the wrong variable,
 * and a certificate file is named by its path only.
 *
 * "The local demo" is a bridge whose Entra authority is on this machine (127.0.0.1/localhost): the Graph
 * stand-in. Real Entra is never there, so there the settings a real deployment must state (the public URL, the
 * sign-in authority) may fall back to local defaults.
 */
import { GUID } from './domain/form-rules.ts'
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { isIP } from 'node:net'
import { relative, resolve } from 'node:path'
import type { GraphCredential } from './ports/graph/token-source.ts'
import { loadSecretKey, SECRET_KEY_NAMES } from './security/secret-box.ts'
import { DEFAULT_REFRESH_INTERVAL_MS } from './domain/refresh.ts'
import { DEFAULT_DATA_FILE, DEFAULT_HOST, DEFAULT_PORT, type BridgeServerOptions } from './server.ts'

export type ReadFile = (path: string, encoding: 'utf8') => string

export interface BridgeSetting {
    name: string
    required: 'yes' | 'no' | 'one of the two' | 'outside the local demo'
    default: string
    description: string
}

const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com'
const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0'
const DEFAULT_REFRESH_MINUTES = DEFAULT_REFRESH_INTERVAL_MS / 60_000
// setTimeout holds at most 2^31-1 ms; a longer interval would fire at once, over and over.
const MAX_REFRESH_MINUTES = Math.floor((2 ** 31 - 1) / 60_000)
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

export const BRIDGE_SETTINGS: readonly BridgeSetting[] = [
    { name: 'BRIDGE_TENANT_ID', required: 'yes', default: '', description: 'The Microsoft Entra tenant (directory) id, a GUID, whose Secure Score is read; added to the store at its first start only (removed on purpose, it stays removed).' },
    { name: 'BRIDGE_TENANT_NAME', required: 'no', default: 'BRIDGE_TENANT_ID', description: 'The name the pages show for the tenant.' },
    { name: 'BRIDGE_CLIENT_ID', required: 'yes', default: '', description: 'The application (client) id of the Entra app registration, a GUID.' },
    { name: 'BRIDGE_CLIENT_SECRET', required: 'one of the two', default: '', description: "A client secret of the app registration (Certificates & secrets → Client secrets: the secret's Value)." },
    {
        name: 'BRIDGE_CERTIFICATE_PATH',
        required: 'one of the two',
        default: '',
        description: 'A PEM file with the unencrypted RSA private key and the certificate uploaded to the app registration; its SHA-256 thumbprint is computed.',
    },
    {
        name: 'BRIDGE_PUBLIC_URL',
        required: 'outside the local demo',
        default: 'http://<BRIDGE_HOST>:<port>',
        description: 'The URL browsers reach the bridge at, without a path; https unless the host is 127.0.0.1 or localhost. The OAuth redirect URL is this plus /oauth/callback.',
    },
    {
        name: 'BRIDGE_SECRET_KEY',
        required: 'one of the two',
        default: '',
        description: "The key the store's secrets are encrypted with (AES-256-GCM: ServiceNow tokens and client secrets, Write back as me's tokens; the CSRF key comes from it too): 32 bytes in base64, `openssl rand -base64 32`. Never stored.",
    },
    {
        name: 'BRIDGE_SECRET_KEY_FILE',
        required: 'one of the two',
        default: '',
        description: 'A file holding that key instead (readable by the bridge\'s user only, chmod 600).',
    },
    { name: 'BRIDGE_DATA_FILE', required: 'no', default: relative(resolve(__dirname, '..'), DEFAULT_DATA_FILE), description: "The bridge's SQLite file (tenants, sessions, ServiceNow tokens, shares, the Secure Score snapshot, the write-back outbox)." },
    { name: 'BRIDGE_PORT', required: 'no', default: String(DEFAULT_PORT), description: 'The TCP port to listen on; 0 picks a free one.' },
    { name: 'BRIDGE_HOST', required: 'no', default: DEFAULT_HOST, description: 'The address to listen on (0.0.0.0 for every interface, e.g. behind a reverse proxy).' },
    {
        name: 'BRIDGE_SIGN_IN_AUTHORITY',
        required: 'no',
        default: 'BRIDGE_TENANT_ID',
        description: "Who may sign in: organizations (people of any tenant that joined the bridge by its Global Administrator's admin consent) or one tenant id (that tenant's people only).",
    },
    {
        name: 'BRIDGE_JOIN_TENANTS',
        required: 'no',
        default: 'any',
        description: 'With organizations sign-in, which tenants a Global Administrator may join: any, or tenant ids (GUIDs) separated by commas (a provider serving listed customers).',
    },
    {
        name: 'BRIDGE_REFRESH_MINUTES',
        required: 'no',
        default: String(DEFAULT_REFRESH_MINUTES),
        description: `How often the Secure Score snapshot is read from Graph, in whole minutes (1 to ${MAX_REFRESH_MINUTES}).`,
    },
    { name: 'GRAPH_AUTHORITY_HOST', required: 'no', default: DEFAULT_AUTHORITY_HOST, description: 'The Entra host tokens come from (https, no path).' },
    { name: 'GRAPH_BASE_URL', required: 'no', default: DEFAULT_GRAPH_BASE_URL, description: 'Microsoft Graph with its version (https).' },
    {
        name: 'GRAPH_CA_FILE',
        required: 'no',
        default: '',
        description: "An extra CA (PEM) to trust for Entra and Graph, for the local Graph stand-in; the system's CAs stay trusted. Certificate checks cannot be turned off.",
    },
]

/** The settings as a Markdown table: `--help` prints it, docs/bridge-deployment.md holds it (a test keeps them equal). */
export function settingsTable(): string {
    const cell = (text: string) => text.replace(/\|/g, '\\|')
    return [
        '| variable | required | default | meaning |',
        '|---|---|---|---|',
        ...BRIDGE_SETTINGS.map((s) => `| \`${s.name}\` | ${s.required} | ${s.default ? '`' + cell(s.default) + '`' : ''} | ${cell(s.description)} |`),
    ].join('\n')
}

/** Where the Graph half of the settings is read from. */
export interface GraphAccessNames {
    tenantId: string
    clientId: string
    clientSecret: string
    certificatePath: string
}

export interface GraphAccess {
    tenantId: string
    authorityHost: string
    graphBaseUrl: string
    credential: GraphCredential
    ca?: string
    /** The authority is on this machine: the local Graph stand-in. */
    local: boolean
}

const BRIDGE_GRAPH_NAMES: GraphAccessNames = {
    tenantId: 'BRIDGE_TENANT_ID',
    clientId: 'BRIDGE_CLIENT_ID',
    clientSecret: 'BRIDGE_CLIENT_SECRET',
    certificatePath: 'BRIDGE_CERTIFICATE_PATH',
}

const HOSTNAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i

/** An unset variable and one set to blanks (an empty line in an env file) both mean "not given". */
function setting(env: NodeJS.ProcessEnv, name: string): string | undefined {
    const value = env[name]?.trim()
    return value ? value : undefined
}

/** Quotes a value for an error message, unless it contains the secret (pasted into the wrong variable). */
function quoter(secret: string | undefined): (value: string) => string {
    return (value) => {
        if (secret !== undefined && value.includes(secret)) return '(a value containing the client secret, not shown)'
        return JSON.stringify(value.length > 80 ? value.slice(0, 80) + '…' : value)
    }
}

export function readGraphAccess(env: NodeJS.ProcessEnv, names: GraphAccessNames, readFile: ReadFile = readFileSync): { access: GraphAccess } | { errors: string[] } {
    const errors: string[] = []
    const quote = quoter(setting(env, names.clientSecret))

    const tenantId = setting(env, names.tenantId)
    if (tenantId === undefined) errors.push(`${names.tenantId} is missing: the Entra tenant id (a GUID)`)
    else if (!GUID.test(tenantId)) errors.push(`${names.tenantId} must be a GUID, got ${quote(tenantId)}`)

    const clientId = setting(env, names.clientId)
    if (clientId === undefined) errors.push(`${names.clientId} is missing: the app registration's application (client) id (a GUID)`)
    else if (!GUID.test(clientId)) errors.push(`${names.clientId} must be a GUID, got ${quote(clientId)}`)

    const clientSecret = setting(env, names.clientSecret)
    const certificatePath = setting(env, names.certificatePath)
    let credential: GraphCredential | null = null
    if (clientSecret !== undefined && certificatePath !== undefined) {
        errors.push(`Set ${names.clientSecret} or ${names.certificatePath}, not both`)
    } else if (clientSecret === undefined && certificatePath === undefined) {
        errors.push(`${names.clientSecret} or ${names.certificatePath} is missing: the app registration's client secret, or a PEM file with its certificate and private key`)
    } else if (certificatePath !== undefined) {
        const certificate = readCertificate(names.certificatePath, certificatePath, readFile, errors)
        if (certificate && clientId) credential = { clientId, certificate }
    } else if (clientId) {
        credential = { clientId, clientSecret }
    }

    const authority = httpsUrl(env, 'GRAPH_AUTHORITY_HOST', DEFAULT_AUTHORITY_HOST, false, quote, errors)
    const graphBaseUrl = httpsUrl(env, 'GRAPH_BASE_URL', DEFAULT_GRAPH_BASE_URL, true, quote, errors)

    let ca: string | undefined
    const caFile = setting(env, 'GRAPH_CA_FILE')
    if (caFile !== undefined) ca = readCa(caFile, readFile, errors)
    // GRAPH_CA_FILE is the way to trust the stand-in; this would silently trust anyone's certificate for the
    // tenant's tokens and data, so the bridge refuses to run with it rather than ignore it.
    if (env.NODE_TLS_REJECT_UNAUTHORIZED === '0') {
        errors.push('NODE_TLS_REJECT_UNAUTHORIZED=0 turns off TLS certificate checks: unset it (GRAPH_CA_FILE trusts the local Graph stand-in)')
    }

    if (errors.length > 0 || !tenantId || !credential || !authority || !graphBaseUrl) return { errors }
    const access: GraphAccess = {
        tenantId,
        authorityHost: authority.origin,
        graphBaseUrl: graphBaseUrl.href.replace(/\/+$/, ''),
        credential,
        local: LOOPBACK_HOSTS.has(authority.hostname),
    }
    if (ca !== undefined) access.ca = ca
    return { access }
}

export function readBridgeConfig(env: NodeJS.ProcessEnv, readFile: ReadFile = readFileSync): { options: BridgeServerOptions } | { errors: string[] } {
    const graph = readGraphAccess(env, BRIDGE_GRAPH_NAMES, readFile)
    const errors = 'errors' in graph ? [...graph.errors] : []
    const quote = quoter(setting(env, BRIDGE_GRAPH_NAMES.clientSecret))
    // Which settings may default depends on whether this is the local demo; an unreadable authority counts as
    // not local, so every requirement is reported.
    const local = 'access' in graph ? graph.access.local : isLocalAuthority(setting(env, 'GRAPH_AUTHORITY_HOST'))

    const port = integer(env, 'BRIDGE_PORT', DEFAULT_PORT, 0, 65535, quote, errors)

    const host = setting(env, 'BRIDGE_HOST') ?? DEFAULT_HOST
    if (isIP(host) === 0 && !HOSTNAME.test(host)) errors.push(`BRIDGE_HOST must be an IP address or a host name, got ${quote(host)}`)

    let publicUrl: string | undefined
    const publicUrlText = setting(env, 'BRIDGE_PUBLIC_URL')
    if (publicUrlText === undefined) {
        if (!local) errors.push('BRIDGE_PUBLIC_URL is missing: the https URL browsers reach the bridge at (the OAuth redirect URL is built from it)')
    } else {
        publicUrl = readPublicUrl(publicUrlText, quote, errors)
    }

    const signInAuthority = setting(env, 'BRIDGE_SIGN_IN_AUTHORITY')
    if (signInAuthority !== undefined && signInAuthority !== 'organizations' && !GUID.test(signInAuthority)) {
        errors.push(`BRIDGE_SIGN_IN_AUTHORITY must be organizations or a tenant id (a GUID), got ${quote(signInAuthority)}`)
    }

    const joinTenantsText = setting(env, 'BRIDGE_JOIN_TENANTS')
    let joinTenants: string[] | undefined
    if (joinTenantsText !== undefined && joinTenantsText.toLowerCase() !== 'any') {
        joinTenants = joinTenantsText.split(',').map((id) => id.trim().toLowerCase()).filter(Boolean)
        const bad = joinTenants.filter((id) => !GUID.test(id))
        if (joinTenants.length === 0 || bad.length > 0) errors.push(`BRIDGE_JOIN_TENANTS must be any or tenant ids (GUIDs) separated by commas, got ${quote(joinTenantsText)}`)
    }

    const refreshMinutes = integer(env, 'BRIDGE_REFRESH_MINUTES', DEFAULT_REFRESH_MINUTES, 1, MAX_REFRESH_MINUTES, quote, errors)

    // npm start's demo makes its own key file (emulator/start.ts); run alone, the bridge never invents one.
    const secretKey = loadSecretKey(env)
    if ('errors' in secretKey) errors.push(...secretKey.errors)
    else if (secretKey.key === null) {
        errors.push(`${SECRET_KEY_NAMES.key} or ${SECRET_KEY_NAMES.file} is missing: the key the stored ServiceNow tokens and secrets are encrypted with (openssl rand -base64 32)`)
    }

    if (errors.length > 0 || 'errors' in graph || port === null || refreshMinutes === null || !('key' in secretKey) || secretKey.key === null) return { errors }
    const { access } = graph
    const options: BridgeServerOptions = {
        secretKey: secretKey.key,
        graph: {
            authorityHost: access.authorityHost,
            graphBaseUrl: access.graphBaseUrl,
            credential: access.credential,
            tenants: [access.tenantId],
            refreshIntervalMs: refreshMinutes * 60_000,
        },
        port,
        host,
        // A relative path is taken from the working directory, as a shell user expects.
        dataFile: resolve(setting(env, 'BRIDGE_DATA_FILE') ?? DEFAULT_DATA_FILE),
        tenantId: access.tenantId,
        tenantName: setting(env, 'BRIDGE_TENANT_NAME') ?? access.tenantId,
    }
    if (access.ca !== undefined) options.graph.ca = access.ca
    if (publicUrl !== undefined) options.publicUrl = publicUrl
    if (signInAuthority !== undefined) options.signInAuthority = signInAuthority.toLowerCase()
    if (joinTenants !== undefined) options.joinTenants = joinTenants
    return { options }
}

function isLocalAuthority(text: string | undefined): boolean {
    if (text === undefined) return false
    try {
        return LOOPBACK_HOSTS.has(new URL(text).hostname)
    } catch {
        return false
    }
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, quote: (v: string) => string, errors: string[]): number | null {
    const text = setting(env, name)
    if (text === undefined) return fallback
    const value = /^\d+$/.test(text) ? Number(text) : NaN
    if (Number.isNaN(value) || value < min || value > max) {
        errors.push(`${name} must be a whole number from ${min} to ${max}, got ${quote(text)}`)
        return null
    }
    return value
}

/** An https URL without credentials, query or fragment; `withPath` false also refuses a path (an Entra host). */
function httpsUrl(env: NodeJS.ProcessEnv, name: string, fallback: string, withPath: boolean, quote: (v: string) => string, errors: string[]): URL | null {
    const text = setting(env, name) ?? fallback
    let url: URL
    try {
        url = new URL(text)
    } catch {
        errors.push(`${name} must be an absolute https URL, got ${quote(text)}`)
        return null
    }
    if (url.protocol !== 'https:') errors.push(`${name} must be https (tokens travel over it), got ${quote(text)}`)
    else if (url.username || url.password || url.search || url.hash) errors.push(`${name} must not carry credentials, a query or a fragment, got ${quote(text)}`)
    else if (!withPath && url.pathname !== '/') errors.push(`${name} must be the host only, without a path (the tenant is added to it), got ${quote(text)}`)
    else return url
    return null
}

function readPublicUrl(text: string, quote: (v: string) => string, errors: string[]): string | undefined {
    let url: URL
    try {
        url = new URL(text)
    } catch {
        errors.push(`BRIDGE_PUBLIC_URL must be an absolute http(s) URL, got ${quote(text)}`)
        return undefined
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        errors.push(`BRIDGE_PUBLIC_URL must be an http(s) URL, got ${quote(text)}`)
    } else if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
        // The OAuth callback carries an authorization code and the pages a session: only loopback may go unencrypted.
        errors.push(`BRIDGE_PUBLIC_URL must be https unless its host is 127.0.0.1 or localhost, got ${quote(text)}`)
    } else if (url.username || url.password || url.search || url.hash || url.pathname !== '/') {
        // The bridge serves its pages and /oauth/callback at the root, so a path would make a redirect URL it does not answer.
        errors.push(`BRIDGE_PUBLIC_URL must be an origin only (no path, query or credentials), got ${quote(text)}`)
    } else {
        return url.origin
    }
    return undefined
}

function readCa(path: string, readFile: ReadFile, errors: string[]): string | undefined {
    let pem: string
    try {
        pem = readFile(path, 'utf8')
    } catch (error) {
        errors.push(`GRAPH_CA_FILE: cannot read ${path} (${errorCode(error)})`)
        return undefined
    }
    const blocks = pemBlocks(pem, 'CERTIFICATE')
    if (blocks.length === 0) {
        errors.push(`GRAPH_CA_FILE: ${path} holds no PEM certificate`)
        return undefined
    }
    for (const block of blocks) {
        try {
            new X509Certificate(block)
        } catch {
            errors.push(`GRAPH_CA_FILE: ${path} holds a certificate that cannot be read`)
            return undefined
        }
    }
    return blocks.join('\n')
}

function readCertificate(name: string, path: string, readFile: ReadFile, errors: string[]): GraphCredential['certificate'] | null {
    let pem: string
    try {
        pem = readFile(path, 'utf8')
    } catch (error) {
        errors.push(`${name}: cannot read ${path} (${errorCode(error)})`)
        return null
    }
    const before = errors.length
    const certificates = pemBlocks(pem, 'CERTIFICATE')
    if (certificates.length === 0) errors.push(`${name}: ${path} holds no certificate (-----BEGIN CERTIFICATE-----)`)
    if (pemBlocks(pem, 'ENCRYPTED PRIVATE KEY').length > 0) {
        // msal signs the client assertion with the key as given and takes no passphrase.
        errors.push(`${name}: the private key in ${path} is encrypted; give it unencrypted and protect the file instead`)
    } else if (pemBlocks(pem, 'PRIVATE KEY').length + pemBlocks(pem, 'RSA PRIVATE KEY').length === 0) {
        errors.push(`${name}: ${path} holds no private key (-----BEGIN PRIVATE KEY-----)`)
    }
    if (errors.length > before) return null

    let certificate: X509Certificate
    let key: KeyObject
    try {
        certificate = new X509Certificate(certificates[0])
    } catch {
        errors.push(`${name}: the first certificate in ${path} cannot be read`)
        return null
    }
    try {
        key = createPrivateKey(pemBlocks(pem, 'PRIVATE KEY')[0] ?? pemBlocks(pem, 'RSA PRIVATE KEY')[0])
    } catch {
        errors.push(`${name}: the private key in ${path} cannot be read`)
        return null
    }
    // msal-node signs the client assertion with RS256/PS256, so only an RSA key can sign in.
    if (key.asymmetricKeyType !== 'rsa') errors.push(`${name}: the private key in ${path} is ${key.asymmetricKeyType ?? 'not asymmetric'}; Entra client assertions need RSA`)
    else if (!certificate.checkPrivateKey(key)) errors.push(`${name}: the private key in ${path} does not belong to its first certificate`)
    else if (Date.parse(certificate.validTo) < Date.now()) errors.push(`${name}: the certificate in ${path} expired on ${certificate.validTo}`)
    if (errors.length > before) return null

    return {
        // PKCS#8 whatever the file held (PKCS#1 "RSA PRIVATE KEY" too), the form msal documents.
        privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
        // Entra shows and msal sends (x5t#S256) the SHA-256 of the DER certificate, as hex.
        thumbprintSha256: certificate.fingerprint256.replace(/:/g, ''),
        certificatePem: certificates.join('\n'),
    }
}

function pemBlocks(text: string, label: string): string[] {
    const pattern = new RegExp(`-----BEGIN ${label}-----[A-Za-z0-9+/=\\s]+?-----END ${label}-----`, 'g')
    return text.match(pattern) ?? []
}

/** The reason a file could not be read, without its contents. */
function errorCode(error: unknown): string {
    const code = (error as { code?: unknown } | null)?.code
    return typeof code === 'string' ? code : 'unreadable'
}
