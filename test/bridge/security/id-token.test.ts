/**
 * bridge/security/id-token.ts against a real HTTPS server on this machine publishing an OpenID configuration and a
 * JWKS made here with node:crypto (a tenant authority and `organizations`), read through the Graph port's own
 * https transport with the server's CA. Tokens are signed in the test: a good one, and one for each way a token
 * must be refused. Time is the validator's `now`, so no test waits.
 */
import { createHmac, createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHttpsAgent, sendHttps } from '../../../bridge/ports/graph/https-transport.ts'
import { createIdTokenValidator, IdTokenError, type HttpsGet, type IdTokenFailure, type IdTokenValidatorOptions } from '../../../bridge/security/id-token.ts'
import { loadOrCreateTls } from '../../../emulator/graph/tls.ts'

const CONTOSO = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const FABRIKAM = 'b6c5a4e3-1f2d-4c3b-8a79-0e1f2a3b4c5d'
const CONSUMERS = '9188040d-6c67-4c5b-b112-36a304b66dad'
const CLIENT_ID = '5e1f7a3c-0d2b-4c8e-9f6a-1b2c3d4e5f60'
const SECURITY_ADMIN = '194ae4cb-b126-40b2-bd5b-6091b380977d'
const NOW = Date.UTC(2026, 11, 6, 9, 0, 0)

interface SigningKey {
    kid: string
    privateKey: KeyObject
    jwk: object
}

function newSigningKey(): SigningKey {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const kid = randomUUID()
    return { kid, privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', x5t: kid } }
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')

function sign(header: object, payload: object, key: KeyObject): string {
    const input = b64(header) + '.' + b64(payload)
    return input + '.' + createSign('RSA-SHA256').update(input).sign(key).toString('base64url')
}

let dataDir: string
let server: Server
let base: string
let get: HttpsGet
const published: SigningKey[] = []
const requests: string[] = []
let failNext: number | null = null

beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'id-token-'))
    const tls = loadOrCreateTls(dataDir)
    published.push(newSigningKey())
    server = createServer({ key: tls.server.keyPem, cert: tls.server.certPem }, (req, res) => {
        const path = (req.url ?? '').split('?')[0]
        requests.push(path)
        const send = (status: number, body: object) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
        if (failNext !== null) {
            const status = failNext
            failNext = null
            return send(status, { error: 'temporarily_unavailable' })
        }
        const configuration = path.match(/^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/)
        if (configuration) {
            const segment = configuration[1]
            // As Entra's: a tenant's metadata names its tenant; organizations' carries the {tenantid} template.
            const issuerTenant = segment === 'organizations' ? '{tenantid}' : segment
            return send(200, { issuer: `${base}/${issuerTenant}/v2.0`, jwks_uri: `${base}/${segment}/discovery/v2.0/keys`, id_token_signing_alg_values_supported: ['RS256'] })
        }
        if (/^\/[^/]+\/discovery\/v2\.0\/keys$/.test(path)) return send(200, { keys: published.map((k) => k.jwk) })
        send(404, { error: 'not_found' })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`
    const agent = createHttpsAgent(tls.caPem)
    get = (url) => sendHttps(agent, { method: 'GET', url, headers: {}, timeoutMs: 5000 })
})

afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
    rmSync(dataDir, { recursive: true, force: true })
})

function validator(overrides: Partial<IdTokenValidatorOptions> = {}) {
    return createIdTokenValidator({ authorityHost: base, authorityTenant: CONTOSO, clientId: CLIENT_ID, get, now: () => NOW, ...overrides })
}

const seconds = Math.floor(NOW / 1000)

function claims(tenant = CONTOSO, extra: object = {}): { [claim: string]: unknown } {
    return {
        aud: CLIENT_ID,
        iss: `${base}/${tenant}/v2.0`,
        iat: seconds - 60,
        nbf: seconds - 60,
        exp: seconds + 3600,
        tid: tenant,
        oid: '11111111-2222-3333-4444-555555555555',
        preferred_username: 'secadmin@contoso.onmicrosoft.com',
        name: 'Megan Bowen',
        nonce: 'nonce-of-this-sign-in',
        wids: [SECURITY_ADMIN, 'b79fbf4d-3ef9-4689-8143-76b194e85509'],
        ver: '2.0',
        ...extra,
    }
}

/** The claims without one of them. */
function without(name: string, payload = claims()): { [claim: string]: unknown } {
    const copy = { ...payload }
    delete copy[name]
    return copy
}

const token = (payload = claims(), key = published[0], header: object = {}) => sign({ typ: 'JWT', alg: 'RS256', kid: key.kid, ...header }, payload, key.privateKey)

async function refusal(promise: Promise<unknown>): Promise<IdTokenFailure> {
    try {
        await promise
    } catch (error) {
        if (error instanceof IdTokenError) return error.reason
        throw error
    }
    throw new Error('the token was accepted')
}

describe('a tenant authority', () => {
    it('accepts a token signed by a published key and answers who signed in', async () => {
        await expect(validator().validate(token(), 'nonce-of-this-sign-in')).resolves.toEqual({
            tid: CONTOSO,
            oid: '11111111-2222-3333-4444-555555555555',
            upn: 'secadmin@contoso.onmicrosoft.com',
            name: 'Megan Bowen',
            wids: [SECURITY_ADMIN, 'b79fbf4d-3ef9-4689-8143-76b194e85509'],
        })
    })

    it('answers wids null when the token has no wids claim (the roles must come from Graph)', async () => {
        await expect(validator().validate(token(without('wids')), 'nonce-of-this-sign-in')).resolves.toMatchObject({ wids: null })
    })

    it('reads the configuration and keys once, then serves keys from its cache', async () => {
        const idTokens = validator()
        const from = requests.length
        await idTokens.validate(token(), 'nonce-of-this-sign-in')
        await idTokens.validate(token(), 'nonce-of-this-sign-in')
        expect(requests.slice(from)).toEqual([`/${CONTOSO}/v2.0/.well-known/openid-configuration`, `/${CONTOSO}/discovery/v2.0/keys`])
    })

    it('refuses a forged signature: another key under a published kid', async () => {
        const forger = newSigningKey()
        const forged = sign({ typ: 'JWT', alg: 'RS256', kid: published[0].kid }, claims(), forger.privateKey)
        expect(await refusal(validator().validate(forged, 'nonce-of-this-sign-in'))).toBe('signature')
    })

    it('refuses changed claims under a good signature', async () => {
        const [header, , signature] = token().split('.')
        const changed = [header, b64(claims(CONTOSO, { wids: ['62e90394-69f5-4237-9190-012177145e10'] })), signature].join('.')
        expect(await refusal(validator().validate(changed, 'nonce-of-this-sign-in'))).toBe('signature')
    })

    it('refuses an unknown kid after one refetch, and does not refetch again within the minute', async () => {
        const idTokens = validator()
        await idTokens.validate(token(), 'nonce-of-this-sign-in')
        const stranger = newSigningKey()
        let from = requests.length
        // Loaded just now: the first unknown kid waits for the interval.
        expect(await refusal(idTokens.validate(token(claims(), stranger), 'nonce-of-this-sign-in'))).toBe('unknown-key')
        expect(requests.length).toBe(from)

        let clock = NOW + 61_000
        const later = validator({ now: () => clock })
        await later.validate(token(), 'nonce-of-this-sign-in')
        clock += 61_000
        from = requests.length
        expect(await refusal(later.validate(token(claims(), stranger), 'nonce-of-this-sign-in'))).toBe('unknown-key')
        expect(requests.length - from).toBe(2)
        expect(await refusal(later.validate(token(claims(), stranger), 'nonce-of-this-sign-in'))).toBe('unknown-key')
        expect(requests.length - from).toBe(2)
    })

    it('follows a key rollover: a new kid refetches the keys once and is accepted', async () => {
        let clock = NOW
        const idTokens = validator({ now: () => clock })
        await idTokens.validate(token(), 'nonce-of-this-sign-in')
        const rolled = newSigningKey()
        published.push(rolled)
        try {
            clock += 60_000
            const from = requests.length
            await expect(idTokens.validate(token(claims(), rolled), 'nonce-of-this-sign-in')).resolves.toMatchObject({ tid: CONTOSO })
            expect(requests.slice(from)).toEqual([`/${CONTOSO}/v2.0/.well-known/openid-configuration`, `/${CONTOSO}/discovery/v2.0/keys`])
        } finally {
            published.pop()
        }
    })

    it('refuses a token with no kid', async () => {
        const noKid = sign({ typ: 'JWT', alg: 'RS256' }, claims(), published[0].privateKey)
        expect(await refusal(validator().validate(noKid, 'nonce-of-this-sign-in'))).toBe('unknown-key')
    })

    it("refuses another tenant's token, and an iss that does not name the token's tid", async () => {
        expect(await refusal(validator().validate(token(claims(FABRIKAM)), 'nonce-of-this-sign-in'))).toBe('issuer')
        expect(await refusal(validator().validate(token(claims(FABRIKAM, { iss: `${base}/${CONTOSO}/v2.0` })), 'nonce-of-this-sign-in'))).toBe('issuer')
        expect(await refusal(validator().validate(token(claims(CONTOSO, { iss: `https://sts.windows.net/${CONTOSO}/` })), 'nonce-of-this-sign-in'))).toBe('issuer')
    })

    it('refuses a token issued to another application', async () => {
        expect(await refusal(validator().validate(token(claims(CONTOSO, { aud: '00000003-0000-0000-c000-000000000000' })), 'nonce-of-this-sign-in'))).toBe('audience')
    })

    it("refuses another sign-in's nonce, and a token without one", async () => {
        expect(await refusal(validator().validate(token(), 'nonce-of-another-sign-in'))).toBe('nonce')
        expect(await refusal(validator().validate(token(without('nonce')), ''))).toBe('nonce')
    })

    it('allows 300 s of clock skew on exp and nbf, and no more', async () => {
        const expiredJustNow = token(claims(CONTOSO, { exp: seconds - 299 }))
        await expect(validator().validate(expiredJustNow, 'nonce-of-this-sign-in')).resolves.toMatchObject({ tid: CONTOSO })
        expect(await refusal(validator().validate(token(claims(CONTOSO, { exp: seconds - 300 })), 'nonce-of-this-sign-in'))).toBe('expired')
        await expect(validator().validate(token(claims(CONTOSO, { nbf: seconds + 299 })), 'nonce-of-this-sign-in')).resolves.toMatchObject({ tid: CONTOSO })
        expect(await refusal(validator().validate(token(claims(CONTOSO, { nbf: seconds + 301 })), 'nonce-of-this-sign-in'))).toBe('not-yet-valid')
        expect(await refusal(validator().validate(token(without('exp')), 'nonce-of-this-sign-in'))).toBe('claims')
    })

    it('refuses alg none and HS256 (the public key used as an HMAC secret) before looking at any key', async () => {
        const payload = b64(claims())
        const none = b64({ typ: 'JWT', alg: 'none', kid: published[0].kid }) + '.' + payload + '.'
        expect(await refusal(validator().validate(none, 'nonce-of-this-sign-in'))).toBe('algorithm')
        const hsHeader = b64({ typ: 'JWT', alg: 'HS256', kid: published[0].kid })
        const hmac = createHmac('sha256', JSON.stringify(published[0].jwk)).update(hsHeader + '.' + payload).digest('base64url')
        expect(await refusal(validator().validate(`${hsHeader}.${payload}.${hmac}`, 'nonce-of-this-sign-in'))).toBe('algorithm')
        expect(await refusal(validator().validate(token(claims(), published[0], { alg: 'RS512' }), 'nonce-of-this-sign-in'))).toBe('algorithm')
    })

    it('refuses what is not a signed JWT', async () => {
        for (const text of ['', 'abc', 'a.b', 'a.b.c.d', '!!.??.**', b64({ alg: 'RS256' }) + '.bm90IGpzb24.sig']) {
            expect(await refusal(validator().validate(text, 'nonce-of-this-sign-in'))).toBe('malformed')
        }
    })

    it('refuses a token without oid or preferred_username (the profile scope was not asked)', async () => {
        expect(await refusal(validator().validate(token(without('preferred_username')), 'nonce-of-this-sign-in'))).toBe('claims')
    })

    it("says so when Entra's metadata cannot be read, and reads it on the next sign-in", async () => {
        const idTokens = validator()
        failNext = 503
        const error = await idTokens.validate(token(), 'nonce-of-this-sign-in').catch((e: unknown) => e)
        expect(error).toBeInstanceOf(IdTokenError)
        expect(error).toMatchObject({ reason: 'metadata', message: "Entra's OpenID configuration answered 503" })
        await expect(idTokens.validate(token(), 'nonce-of-this-sign-in')).resolves.toMatchObject({ tid: CONTOSO })
    })
})

describe('the organizations authority', () => {
    const organizations = () => validator({ authorityTenant: 'organizations' })

    it('accepts any tenant whose token names its own tid in iss', async () => {
        const fromFabrikam = token(claims(FABRIKAM, { preferred_username: 'admin@fabrikam.onmicrosoft.com' }))
        await expect(organizations().validate(fromFabrikam, 'nonce-of-this-sign-in')).resolves.toMatchObject({ tid: FABRIKAM, upn: 'admin@fabrikam.onmicrosoft.com' })
        await expect(organizations().validate(token(), 'nonce-of-this-sign-in')).resolves.toMatchObject({ tid: CONTOSO })
    })

    it("refuses an iss naming another tenant than the token's tid", async () => {
        expect(await refusal(organizations().validate(token(claims(FABRIKAM, { iss: `${base}/${CONTOSO}/v2.0` })), 'nonce-of-this-sign-in'))).toBe('issuer')
    })

    it('refuses personal Microsoft accounts (the consumer tenant)', async () => {
        expect(await refusal(organizations().validate(token(claims(CONSUMERS)), 'nonce-of-this-sign-in'))).toBe('issuer')
    })
})
