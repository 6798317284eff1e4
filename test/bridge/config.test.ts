/**
 * bridge/config.ts: every setting's rule (missing, malformed, defaults), the secret-or-certificate choice, the
 * certificate's thumbprint, and that no secret reaches a message. Files are served from a map, not the disk.
 */
import { createHash, generateKeyPairSync, X509Certificate } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import forge from 'node-forge'
import { BRIDGE_SETTINGS, readBridgeConfig, readGraphAccess, settingsTable, type ReadFile } from '../../bridge/config.ts'
import { DEFAULT_DATA_FILE } from '../../bridge/server.ts'
import type { BridgeServerOptions } from '../../bridge/server.ts'
import { loadOrCreateTls } from '../../emulator/graph/tls.ts'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const CLIENT = '5e1f7a3c-0d2b-4c8e-9f6a-1b2c3d4e5f60'
const SECRET = 'Xyz8Q~ThisIsTheClientSecretOfTheTest-0001'
// The store key as `openssl rand -base64 32` prints one.
const STORE_KEY = 'q3h0mB8fH2cM7v1XyZ0aLk9pQw4eRt6uIo2sDf8gHj0='

const VALID = {
    BRIDGE_TENANT_ID: TENANT,
    BRIDGE_CLIENT_ID: CLIENT,
    BRIDGE_CLIENT_SECRET: SECRET,
    BRIDGE_PUBLIC_URL: 'https://bridge.contoso.com',
    BRIDGE_SECRET_KEY: STORE_KEY,
}

function rsaKeyPem(): string {
    return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
}

/** A self-signed certificate for `keyPem`, as one uploads to an app registration. */
function certificatePem(keyPem: string, notAfter = new Date(Date.now() + 365 * 24 * 3600 * 1000)): string {
    const key = forge.pki.privateKeyFromPem(keyPem)
    const cert = forge.pki.createCertificate()
    cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e)
    cert.serialNumber = '01'
    cert.validity.notBefore = new Date(notAfter.getTime() - 2 * 365 * 24 * 3600 * 1000)
    cert.validity.notAfter = notAfter
    cert.setSubject([{ name: 'commonName', value: 'Secure Score bridge' }])
    cert.setIssuer([{ name: 'commonName', value: 'Secure Score bridge' }])
    cert.sign(key, forge.md.sha256.create())
    return forge.pki.certificateToPem(cert)
}

const KEY = rsaKeyPem()
const CERT = certificatePem(KEY)
const OTHER_KEY = rsaKeyPem()

function files(map: Record<string, string>): ReadFile {
    return (path) => {
        if (!(path in map)) throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' })
        return map[path]
    }
}

function options(env: NodeJS.ProcessEnv, readFile: ReadFile = files({})): BridgeServerOptions {
    const result = readBridgeConfig(env, readFile)
    if ('errors' in result) throw new Error(result.errors.join('\n'))
    return result.options
}

function errors(env: NodeJS.ProcessEnv, readFile: ReadFile = files({})): string[] {
    const result = readBridgeConfig(env, readFile)
    if ('options' in result) throw new Error('expected errors, got options')
    return result.errors
}

test('a complete environment: the values given, and every default', () => {
    expect(options(VALID)).toEqual({
        secretKey: { id: expect.stringMatching(/^[A-Za-z0-9_-]{8}$/), bytes: Buffer.from(STORE_KEY, 'base64') },
        graph: {
            authorityHost: 'https://login.microsoftonline.com',
            graphBaseUrl: 'https://graph.microsoft.com/v1.0',
            credential: { clientId: CLIENT, clientSecret: SECRET },
            tenants: [TENANT],
            refreshIntervalMs: 30 * 60_000,
        },
        port: 8090,
        host: '127.0.0.1',
        dataFile: DEFAULT_DATA_FILE,
        publicUrl: 'https://bridge.contoso.com',
        tenantId: TENANT,
        tenantName: TENANT,
    })
})

test('every setting given', () => {
    const ca = certificatePem(rsaKeyPem())
    const got = options(
        {
            ...VALID,
            BRIDGE_TENANT_NAME: 'Contoso',
            BRIDGE_DATA_FILE: 'relative/bridge.sqlite',
            BRIDGE_PORT: '0',
            BRIDGE_HOST: '0.0.0.0',
            BRIDGE_REFRESH_MINUTES: '5',
            GRAPH_AUTHORITY_HOST: 'https://login.microsoftonline.us/',
            GRAPH_BASE_URL: 'https://graph.microsoft.us/v1.0/',
            GRAPH_CA_FILE: '/ca.pem',
        },
        files({ '/ca.pem': ca }),
    )
    expect(got).toMatchObject({
        graph: { authorityHost: 'https://login.microsoftonline.us', graphBaseUrl: 'https://graph.microsoft.us/v1.0', ca: ca.trim(), refreshIntervalMs: 5 * 60_000 },
        port: 0,
        host: '0.0.0.0',
        dataFile: join(process.cwd(), 'relative/bridge.sqlite'),
        tenantName: 'Contoso',
    })
})

test('an empty environment names each required setting on its own line', () => {
    expect(errors({})).toEqual([
        'BRIDGE_TENANT_ID is missing: the Entra tenant id (a GUID)',
        "BRIDGE_CLIENT_ID is missing: the app registration's application (client) id (a GUID)",
        "BRIDGE_CLIENT_SECRET or BRIDGE_CERTIFICATE_PATH is missing: the app registration's client secret, or a PEM file with its certificate and private key",
        'BRIDGE_PUBLIC_URL is missing: the https URL browsers reach the bridge at (the OAuth redirect URL is built from it)',
        'BRIDGE_SECRET_KEY or BRIDGE_SECRET_KEY_FILE is missing: the key the stored ServiceNow tokens and secrets are encrypted with (openssl rand -base64 32)',
    ])
})

test('the store key: from the environment or a private file, never both; a bad one is refused without being shown', () => {
    expect(errors({ ...VALID, BRIDGE_SECRET_KEY: 'not-a-key' })).toEqual(['BRIDGE_SECRET_KEY must be a 32-byte key in base64 (openssl rand -base64 32); the value given is not (not shown)'])
    expect(errors({ ...VALID, BRIDGE_SECRET_KEY_FILE: '/key' })).toEqual(['Set BRIDGE_SECRET_KEY or BRIDGE_SECRET_KEY_FILE, not both'])
    // The file's own rules (readable by its owner only) are secret-box.test.ts's; here, that the setting is read.
    expect(errors({ ...VALID, BRIDGE_SECRET_KEY: undefined, BRIDGE_SECRET_KEY_FILE: join(mkdtempSync(join(tmpdir(), 'no-key-')), 'missing.key') })).toEqual([
        expect.stringMatching(/^BRIDGE_SECRET_KEY_FILE: cannot read .*missing\.key \(ENOENT\)$/),
    ])
})

test('blank values count as missing', () => {
    expect(errors({ ...VALID, BRIDGE_TENANT_ID: '  ', BRIDGE_CLIENT_SECRET: '' })).toEqual([
        'BRIDGE_TENANT_ID is missing: the Entra tenant id (a GUID)',
        "BRIDGE_CLIENT_SECRET or BRIDGE_CERTIFICATE_PATH is missing: the app registration's client secret, or a PEM file with its certificate and private key",
    ])
})

test.each([
    ['BRIDGE_TENANT_ID', 'x', 'BRIDGE_TENANT_ID must be a GUID, got "x"'],
    ['BRIDGE_TENANT_ID', 'contoso.onmicrosoft.com', 'BRIDGE_TENANT_ID must be a GUID, got "contoso.onmicrosoft.com"'],
    ['BRIDGE_CLIENT_ID', '5e1f7a3c-0d2b-4c8e-9f6a-1b2c3d4e5f6', 'BRIDGE_CLIENT_ID must be a GUID, got "5e1f7a3c-0d2b-4c8e-9f6a-1b2c3d4e5f6"'],
    ['BRIDGE_PUBLIC_URL', 'bridge.contoso.com', 'BRIDGE_PUBLIC_URL must be an absolute http(s) URL, got "bridge.contoso.com"'],
    ['BRIDGE_PUBLIC_URL', 'http://bridge.contoso.com', 'BRIDGE_PUBLIC_URL must be https unless its host is 127.0.0.1 or localhost, got "http://bridge.contoso.com"'],
    ['BRIDGE_PUBLIC_URL', 'ftp://bridge.contoso.com', 'BRIDGE_PUBLIC_URL must be an http(s) URL, got "ftp://bridge.contoso.com"'],
    ['BRIDGE_PUBLIC_URL', 'https://contoso.com/bridge', 'BRIDGE_PUBLIC_URL must be an origin only (no path, query or credentials), got "https://contoso.com/bridge"'],
    ['BRIDGE_PORT', '65536', 'BRIDGE_PORT must be a whole number from 0 to 65535, got "65536"'],
    ['BRIDGE_PORT', '80a', 'BRIDGE_PORT must be a whole number from 0 to 65535, got "80a"'],
    ['BRIDGE_PORT', '-1', 'BRIDGE_PORT must be a whole number from 0 to 65535, got "-1"'],
    ['BRIDGE_HOST', 'my host', 'BRIDGE_HOST must be an IP address or a host name, got "my host"'],
    ['BRIDGE_SIGN_IN_AUTHORITY', 'common', 'BRIDGE_SIGN_IN_AUTHORITY must be organizations or a tenant id (a GUID), got "common"'],
    ['BRIDGE_JOIN_TENANTS', `${TENANT},contoso.onmicrosoft.com`, `BRIDGE_JOIN_TENANTS must be any or tenant ids (GUIDs) separated by commas, got "${TENANT},contoso.onmicrosoft.com"`],
    ['BRIDGE_JOIN_TENANTS', ',', 'BRIDGE_JOIN_TENANTS must be any or tenant ids (GUIDs) separated by commas, got ","'],
    ['BRIDGE_REFRESH_MINUTES', '0', 'BRIDGE_REFRESH_MINUTES must be a whole number from 1 to 35791, got "0"'],
    ['BRIDGE_REFRESH_MINUTES', '1.5', 'BRIDGE_REFRESH_MINUTES must be a whole number from 1 to 35791, got "1.5"'],
    ['BRIDGE_REFRESH_MINUTES', '35792', 'BRIDGE_REFRESH_MINUTES must be a whole number from 1 to 35791, got "35792"'],
    ['GRAPH_AUTHORITY_HOST', 'login.microsoftonline.com', 'GRAPH_AUTHORITY_HOST must be an absolute https URL, got "login.microsoftonline.com"'],
    ['GRAPH_AUTHORITY_HOST', 'http://login.microsoftonline.com', 'GRAPH_AUTHORITY_HOST must be https (tokens travel over it), got "http://login.microsoftonline.com"'],
    [
        'GRAPH_AUTHORITY_HOST',
        `https://login.microsoftonline.com/${TENANT}`,
        `GRAPH_AUTHORITY_HOST must be the host only, without a path (the tenant is added to it), got "https://login.microsoftonline.com/${TENANT}"`,
    ],
    ['GRAPH_BASE_URL', 'http://graph.microsoft.com/v1.0', 'GRAPH_BASE_URL must be https (tokens travel over it), got "http://graph.microsoft.com/v1.0"'],
    ['GRAPH_BASE_URL', 'https://graph.microsoft.com/v1.0?x=1', 'GRAPH_BASE_URL must not carry credentials, a query or a fragment, got "https://graph.microsoft.com/v1.0?x=1"'],
    ['GRAPH_CA_FILE', '/missing.pem', 'GRAPH_CA_FILE: cannot read /missing.pem (ENOENT)'],
    ['GRAPH_CA_FILE', '/empty.pem', 'GRAPH_CA_FILE: /empty.pem holds no PEM certificate'],
    ['GRAPH_CA_FILE', '/broken.pem', 'GRAPH_CA_FILE: /broken.pem holds a certificate that cannot be read'],
])('%s=%j is refused by name', (name, value, message) => {
    const readFile = files({ '/empty.pem': 'nothing here', '/broken.pem': '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n' })
    expect(errors({ ...VALID, [name]: value }, readFile)).toEqual([message])
})

test('several mistakes are all reported, each on its own line', () => {
    expect(errors({ ...VALID, BRIDGE_TENANT_ID: 'x', BRIDGE_PORT: 'eighty', BRIDGE_PUBLIC_URL: 'http://bridge.contoso.com' })).toEqual([
        'BRIDGE_TENANT_ID must be a GUID, got "x"',
        'BRIDGE_PORT must be a whole number from 0 to 65535, got "eighty"',
        'BRIDGE_PUBLIC_URL must be https unless its host is 127.0.0.1 or localhost, got "http://bridge.contoso.com"',
    ])
})

test('the public URL: http only on loopback, kept as its origin', () => {
    expect(options({ ...VALID, BRIDGE_PUBLIC_URL: 'http://localhost:8090/' }).publicUrl).toBe('http://localhost:8090')
    expect(options({ ...VALID, BRIDGE_PUBLIC_URL: 'http://127.0.0.1:8090' }).publicUrl).toBe('http://127.0.0.1:8090')
    expect(options({ ...VALID, BRIDGE_PUBLIC_URL: 'https://bridge.contoso.com:8443/' }).publicUrl).toBe('https://bridge.contoso.com:8443')
})

test('the local demo (Entra on this machine: the Graph stand-in) may leave out the public URL', () => {
    const local = { ...VALID, BRIDGE_PUBLIC_URL: undefined, GRAPH_AUTHORITY_HOST: 'https://127.0.0.1:8443' }
    const got = options(local)
    expect(got.publicUrl).toBeUndefined()
    expect(got.graph.authorityHost).toBe('https://127.0.0.1:8443')
    // Anywhere else it is required, even when the authority is unreadable.
    expect(errors({ ...local, GRAPH_AUTHORITY_HOST: 'https://login.microsoftonline.us' })).toHaveLength(1)
    expect(errors({ ...local, GRAPH_AUTHORITY_HOST: 'nonsense' })).toHaveLength(2)
})

test('who may sign in: one tenant by default, organizations or another tenant id when set', () => {
    expect(options(VALID).signInAuthority).toBeUndefined()
    expect(options({ ...VALID, BRIDGE_SIGN_IN_AUTHORITY: 'organizations' }).signInAuthority).toBe('organizations')
    expect(options({ ...VALID, BRIDGE_SIGN_IN_AUTHORITY: TENANT.toUpperCase() }).signInAuthority).toBe(TENANT)
})

test('which tenants may join: any by default, or the listed tenant ids', () => {
    expect(options(VALID).joinTenants).toBeUndefined()
    expect(options({ ...VALID, BRIDGE_JOIN_TENANTS: 'Any' }).joinTenants).toBeUndefined()
    const other = '9188040d-6c67-4c5b-b112-36a304b66dad'
    expect(options({ ...VALID, BRIDGE_JOIN_TENANTS: ` ${TENANT.toUpperCase()} , ${other}` }).joinTenants).toEqual([TENANT, other])
})

test('a client secret or a certificate: neither and both are refused', () => {
    expect(errors({ ...VALID, BRIDGE_CLIENT_SECRET: undefined })).toEqual([
        "BRIDGE_CLIENT_SECRET or BRIDGE_CERTIFICATE_PATH is missing: the app registration's client secret, or a PEM file with its certificate and private key",
    ])
    expect(errors({ ...VALID, BRIDGE_CERTIFICATE_PATH: '/app.pem' }, files({ '/app.pem': CERT + KEY }))).toEqual(['Set BRIDGE_CLIENT_SECRET or BRIDGE_CERTIFICATE_PATH, not both'])
})

describe('the certificate file', () => {
    const withCertificate = (pem: string) => ({ env: { ...VALID, BRIDGE_CLIENT_SECRET: undefined, BRIDGE_CERTIFICATE_PATH: '/app.pem' }, readFile: files({ '/app.pem': pem }) })

    test('gives the key, the certificate and its SHA-256 thumbprint, computed from the certificate', () => {
        const { env, readFile } = withCertificate(KEY + CERT)
        const credential = options(env, readFile).graph.credential
        const expected = createHash('sha256').update(new X509Certificate(CERT).raw).digest('hex').toUpperCase()
        expect(credential).toEqual({ clientId: CLIENT, certificate: { privateKeyPem: KEY, thumbprintSha256: expected, certificatePem: CERT.trim() } })
        expect(credential.clientSecret).toBeUndefined()
    })

    test("the Graph stand-in's demo certificate gets the thumbprint the stand-in registers", () => {
        // Made by the stand-in's own code (emulator/graph/tls.ts), so the two sides agree on the format.
        const tls = loadOrCreateTls(mkdtempSync(join(tmpdir(), 'bridge-config-')))
        const { env, readFile } = withCertificate(tls.app.certPem + tls.app.keyPem)
        expect(options(env, readFile).graph.credential.certificate?.thumbprintSha256).toBe(tls.app.thumbprintSha256)
    })

    test('a PKCS#1 key ("RSA PRIVATE KEY") is taken and handed on as PKCS#8', () => {
        const pkcs1 = forge.pki.privateKeyToPem(forge.pki.privateKeyFromPem(KEY))
        expect(pkcs1).toContain('BEGIN RSA PRIVATE KEY')
        const { env, readFile } = withCertificate(CERT + pkcs1)
        expect(options(env, readFile).graph.credential.certificate?.privateKeyPem).toBe(KEY)
    })

    test.each([
        ['unreadable', null, 'BRIDGE_CERTIFICATE_PATH: cannot read /app.pem (ENOENT)'],
        ['without a certificate', () => KEY, 'BRIDGE_CERTIFICATE_PATH: /app.pem holds no certificate (-----BEGIN CERTIFICATE-----)'],
        ['without a key', () => CERT, 'BRIDGE_CERTIFICATE_PATH: /app.pem holds no private key (-----BEGIN PRIVATE KEY-----)'],
        [
            'with an encrypted key',
            () => CERT + generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }),
            'BRIDGE_CERTIFICATE_PATH: the private key in /app.pem is encrypted; give it unencrypted and protect the file instead',
        ],
        ['with a key of another certificate', () => CERT + OTHER_KEY, 'BRIDGE_CERTIFICATE_PATH: the private key in /app.pem does not belong to its first certificate'],
        [
            'with an EC key',
            () => CERT + generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
            'BRIDGE_CERTIFICATE_PATH: the private key in /app.pem is ec; Entra client assertions need RSA',
        ],
        ['with an unreadable certificate', () => '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n' + KEY, 'BRIDGE_CERTIFICATE_PATH: the first certificate in /app.pem cannot be read'],
    ])('%s is refused', (_case, pem, message) => {
        const env = { ...VALID, BRIDGE_CLIENT_SECRET: undefined, BRIDGE_CERTIFICATE_PATH: '/app.pem' }
        expect(errors(env, files(pem === null ? {} : { '/app.pem': pem() }))).toEqual([message])
    })

    test('an expired certificate is refused with its end date', () => {
        const expired = certificatePem(KEY, new Date('2024-01-01T00:00:00Z'))
        const { env, readFile } = withCertificate(expired + KEY)
        expect(errors(env, readFile)).toEqual(['BRIDGE_CERTIFICATE_PATH: the certificate in /app.pem expired on Jan  1 00:00:00 2024 GMT'])
    })

    test('no message quotes the file: its key stays out of the output', () => {
        const { env, readFile } = withCertificate(CERT + OTHER_KEY)
        const body = OTHER_KEY.split('\n')[1]
        expect(errors({ ...env, BRIDGE_TENANT_ID: 'x' }, readFile).join('\n')).not.toContain(body)
    })
})

test('no message shows the client secret, even pasted into another setting', () => {
    const pasted = errors({
        ...VALID,
        BRIDGE_TENANT_ID: SECRET,
        BRIDGE_CLIENT_ID: ` ${SECRET}`,
        BRIDGE_PUBLIC_URL: `https://bridge.contoso.com/?secret=${SECRET}`,
        BRIDGE_SIGN_IN_AUTHORITY: SECRET,
        BRIDGE_PORT: SECRET,
        BRIDGE_HOST: SECRET,
        BRIDGE_REFRESH_MINUTES: SECRET,
        GRAPH_AUTHORITY_HOST: SECRET,
        GRAPH_BASE_URL: `http://x/${SECRET}`,
        GRAPH_CA_FILE: '/missing.pem',
    })
    expect(pasted).toHaveLength(10)
    for (const line of pasted) expect(line).not.toContain(SECRET)
    expect(pasted[0]).toBe('BRIDGE_TENANT_ID must be a GUID, got (a value containing the client secret, not shown)')
    // Messages about the secret itself name the variable, not the value.
    const both = errors({ ...VALID, BRIDGE_CERTIFICATE_PATH: '/app.pem' })
    expect(both.join('\n')).not.toContain(SECRET)
})

test('NODE_TLS_REJECT_UNAUTHORIZED=0 is refused: GRAPH_CA_FILE is the way to trust the stand-in', () => {
    expect(errors({ ...VALID, NODE_TLS_REJECT_UNAUTHORIZED: '0' })).toEqual([
        'NODE_TLS_REJECT_UNAUTHORIZED=0 turns off TLS certificate checks: unset it (GRAPH_CA_FILE trusts the local Graph stand-in)',
    ])
})

test('readGraphAccess reads the Graph half under other names (the live test script)', () => {
    const names = { tenantId: 'GRAPH_LIVE_TENANT_ID', clientId: 'GRAPH_LIVE_CLIENT_ID', clientSecret: 'GRAPH_LIVE_CLIENT_SECRET', certificatePath: 'GRAPH_LIVE_CERTIFICATE_PATH' }
    expect(readGraphAccess({ GRAPH_LIVE_TENANT_ID: TENANT, GRAPH_LIVE_CLIENT_ID: CLIENT, GRAPH_LIVE_CLIENT_SECRET: SECRET }, names, files({}))).toEqual({
        access: {
            tenantId: TENANT,
            authorityHost: 'https://login.microsoftonline.com',
            graphBaseUrl: 'https://graph.microsoft.com/v1.0',
            credential: { clientId: CLIENT, clientSecret: SECRET },
            local: false,
        },
    })
    expect(readGraphAccess({ GRAPH_LIVE_TENANT_ID: 'x' }, names, files({}))).toEqual({
        errors: [
            'GRAPH_LIVE_TENANT_ID must be a GUID, got "x"',
            "GRAPH_LIVE_CLIENT_ID is missing: the app registration's application (client) id (a GUID)",
            "GRAPH_LIVE_CLIENT_SECRET or GRAPH_LIVE_CERTIFICATE_PATH is missing: the app registration's client secret, or a PEM file with its certificate and private key",
        ],
    })
})

test('the settings table lists every setting, and docs/bridge-deployment.md holds it as --help prints it', () => {
    expect(BRIDGE_SETTINGS.map((setting) => setting.name)).toEqual([
        'BRIDGE_TENANT_ID',
        'BRIDGE_TENANT_NAME',
        'BRIDGE_CLIENT_ID',
        'BRIDGE_CLIENT_SECRET',
        'BRIDGE_CERTIFICATE_PATH',
        'BRIDGE_PUBLIC_URL',
        'BRIDGE_SECRET_KEY',
        'BRIDGE_SECRET_KEY_FILE',
        'BRIDGE_DATA_FILE',
        'BRIDGE_PORT',
        'BRIDGE_HOST',
        'BRIDGE_SIGN_IN_AUTHORITY',
        'BRIDGE_JOIN_TENANTS',
        'BRIDGE_REFRESH_MINUTES',
        'GRAPH_AUTHORITY_HOST',
        'GRAPH_BASE_URL',
        'GRAPH_CA_FILE',
    ])
    expect(readFileSync(join(__dirname, '../../docs/bridge-deployment.md'), 'utf8')).toContain(settingsTable())
    expect(readFileSync(join(__dirname, '../../README.md'), 'utf8')).toContain(settingsTable())
})
