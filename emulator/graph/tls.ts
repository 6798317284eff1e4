/**
 * The stand-in's own key material, made on first start and kept in `dataDir` so that a client which trusted the CA
 * once (NODE_EXTRA_CA_CERTS) keeps trusting it, and tokens and the demo app's certificate survive a restart:
 *
 *   graph-ca.pem / graph-ca-key.pem           a self-signed CA (10 years)
 *   graph-server.pem / graph-server-key.pem   the HTTPS certificate, SAN IP:127.0.0.1 and DNS:localhost, issued by the CA
 *   graph-signing-key.pem                     the key Entra signs access tokens with (published in the JWKS)
 *   graph-app.pem / graph-app-key.pem         the demo app's client certificate (self-signed, as the portal accepts)
 *
 * Keys come from node:crypto (faster than forge's pure-JS RSA); forge only builds the X.509 certificates.
 */
import { createHash, generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import forge from 'node-forge'

export interface KeyPairPem {
    certPem: string
    keyPem: string
}

export interface TlsMaterial {
    caFile: string
    caPem: string
    server: KeyPairPem
    signingKeyPem: string
    app: KeyPairPem & { thumbprintSha256: string }
}

function newRsaKeyPem(): string {
    return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
}

function certificate(
    subjectCn: string,
    keyPem: string,
    issuer: { cn: string; keyPem: string } | null,
    extensions: object[],
    years: number,
): string {
    const key = forge.pki.privateKeyFromPem(keyPem)
    const cert = forge.pki.createCertificate()
    cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e)
    // A positive random serial: a fixed one would make two stand-ins' certificates collide in a trust store.
    cert.serialNumber = '01' + randomBytes(15).toString('hex')
    cert.validity.notBefore = new Date(Date.now() - 60_000)
    cert.validity.notAfter = new Date(Date.now() + years * 365 * 24 * 3600 * 1000)
    cert.setSubject([{ name: 'commonName', value: subjectCn }])
    cert.setIssuer([{ name: 'commonName', value: issuer ? issuer.cn : subjectCn }])
    cert.setExtensions(extensions)
    cert.sign(forge.pki.privateKeyFromPem(issuer ? issuer.keyPem : keyPem), forge.md.sha256.create())
    return forge.pki.certificateToPem(cert)
}

const CA_CN = 'Local Graph stand-in CA'

function readOrMake(dir: string, file: string, make: () => string): string {
    const path = join(dir, file)
    if (existsSync(path)) return readFileSync(path, 'utf8')
    const pem = make()
    writeFileSync(path, pem, { mode: 0o600 })
    return pem
}

/** Thumbprints as Entra shows them: hex of the DER certificate's digest. */
export function thumbprint(certPem: string, algorithm: 'sha256'): string {
    return createHash(algorithm).update(new X509Certificate(certPem).raw).digest('hex').toUpperCase()
}

export function loadOrCreateTls(dataDir: string): TlsMaterial {
    mkdirSync(dataDir, { recursive: true })
    const caKeyPem = readOrMake(dataDir, 'graph-ca-key.pem', newRsaKeyPem)
    const caPem = readOrMake(dataDir, 'graph-ca.pem', () =>
        certificate(CA_CN, caKeyPem, null, [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }], 10),
    )
    const serverKeyPem = readOrMake(dataDir, 'graph-server-key.pem', newRsaKeyPem)
    const serverPem = readOrMake(dataDir, 'graph-server.pem', () =>
        certificate('localhost', serverKeyPem, { cn: CA_CN, keyPem: caKeyPem }, [
            { name: 'basicConstraints', cA: false },
            { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
            { name: 'extKeyUsage', serverAuth: true },
            { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
        ], 5),
    )
    const signingKeyPem = readOrMake(dataDir, 'graph-signing-key.pem', newRsaKeyPem)
    const appKeyPem = readOrMake(dataDir, 'graph-app-key.pem', newRsaKeyPem)
    const appPem = readOrMake(dataDir, 'graph-app.pem', () =>
        certificate('Secure Score bridge (local)', appKeyPem, null, [{ name: 'keyUsage', digitalSignature: true }], 2),
    )
    return {
        caFile: join(dataDir, 'graph-ca.pem'),
        caPem,
        server: { certPem: serverPem, keyPem: serverKeyPem },
        signingKeyPem,
        app: { certPem: appPem, keyPem: appKeyPem, thumbprintSha256: thumbprint(appPem, 'sha256') },
    }
}
