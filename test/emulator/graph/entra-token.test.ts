/**
 * Entra: the client-credentials grant (secret and certificate, through real @azure/msal-node), the OpenID
 * configuration, the JWKS, the access token's claims and the documented error bodies.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { createPublicKey, createVerify } from 'node:crypto'
import type { GraphServer } from '../../../emulator/graph/server.ts'
import { call, decodePayload, form, startServer } from './support.ts'

const run = promisify(execFile)

let server: GraphServer
beforeAll(async () => {
    server = await startServer()
})
afterAll(() => server.close())

const SCOPE = 'https://graph.microsoft.com/.default'

function tokenRequest(fields: Record<string, string>, tenantId = server.demo.tenantId) {
    return call(server, 'POST', `/${tenantId}/oauth2/v2.0/token`, form(fields))
}

interface MsalOutcome {
    accessToken?: string
    cached?: boolean
    errorCode?: string
    errorMessage?: string
}

/** Real msal-node in a child process that trusts the CA through NODE_EXTRA_CA_CERTS (see msal-client.ts). */
async function msal(auth: { clientSecret?: string; clientCertificate?: { thumbprintSha256: string; privateKey: string; x5c?: string } }): Promise<MsalOutcome> {
    const input = { authority: server.authority(server.demo.tenantId), knownAuthority: server.authorityHost, clientId: server.demo.clientId, ...auth }
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(__dirname, 'msal-client.ts')], {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: server.caFile, MSAL_INPUT: JSON.stringify(input) },
    })
    return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as MsalOutcome
}

describe('msal-node against the stand-in, unchanged', () => {
    test('acquireTokenByClientCredential with a client secret, then from its cache', async () => {
        const before = server.requestLog().length
        const result = await msal({ clientSecret: server.demo.clientSecret })
        expect(result.accessToken).toBeTruthy()
        expect(result.cached).toBe(true)
        const claims = decodePayload(result.accessToken!)
        expect(claims).toMatchObject({ aud: 'https://graph.microsoft.com', tid: server.demo.tenantId, appid: server.demo.clientId, roles: ['SecurityEvents.ReadWrite.All'], appidacr: '1' })
        const paths = server.requestLog().slice(before).map((r) => `${r.method} ${r.path} ${r.status}`)
        expect(paths).toEqual([`GET /${server.demo.tenantId}/v2.0/.well-known/openid-configuration 200`, `POST /${server.demo.tenantId}/oauth2/v2.0/token 200`])
    })

    test('acquireTokenByClientCredential with a certificate (SHA-256 thumbprint, PS256, x5c)', async () => {
        const result = await msal({ clientCertificate: { thumbprintSha256: server.demo.thumbprintSha256, privateKey: server.demo.privateKeyPem, x5c: server.demo.certificatePem } })
        expect(result.errorMessage).toBeUndefined()
        expect(decodePayload(result.accessToken!)).toMatchObject({ appid: server.demo.clientId, appidacr: '2' })
    })

    test("a wrong secret surfaces as msal's invalid_client with AADSTS7000215", async () => {
        const result = await msal({ clientSecret: 'wrong' })
        expect(result).toMatchObject({ errorCode: 'invalid_client', errorMessage: expect.stringContaining('AADSTS7000215') })
    })
})

describe('token endpoint', () => {
    test('issues an RS256 v1.0 Graph token signed by a key of the JWKS, with iss sts.windows.net/{tid}/', async () => {
        const answer = await tokenRequest({ grant_type: 'client_credentials', client_id: server.demo.clientId, client_secret: server.demo.clientSecret, scope: SCOPE })
        expect(answer.status).toBe(200)
        expect(answer.json).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 })
        const [h, p, s] = (answer.json.access_token as string).split('.')
        const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg: string; kid: string }
        expect(header.alg).toBe('RS256')
        const claims = decodePayload(answer.json.access_token)
        expect(claims.iss).toBe(`https://sts.windows.net/${server.demo.tenantId}/`)
        expect((claims.exp as number) - (claims.iat as number)).toBe(3599)
        expect(claims.nbf).toBe(claims.iat)
        const jwks = await call(server, 'GET', `/${server.demo.tenantId}/discovery/v2.0/keys`)
        const jwk = (jwks.json.keys as { kid: string }[]).find((k) => k.kid === header.kid)
        expect(jwk).toBeDefined()
        const key = createPublicKey({ key: jwk as never, format: 'jwk' })
        expect(createVerify('RSA-SHA256').update(`${h}.${p}`).verify(key, Buffer.from(s, 'base64url'))).toBe(true)
    })

    test('client_secret_basic: the client id and secret in an Authorization: Basic header', async () => {
        const basic = Buffer.from(`${encodeURIComponent(server.demo.clientId)}:${encodeURIComponent(server.demo.clientSecret)}`).toString('base64')
        const request = form({ grant_type: 'client_credentials', scope: SCOPE })
        const answer = await call(server, 'POST', `/${server.demo.tenantId}/oauth2/v2.0/token`, { ...request, headers: { ...request.headers, authorization: `Basic ${basic}` } })
        expect(answer.status).toBe(200)
        expect(decodePayload(answer.json.access_token)).toMatchObject({ appid: server.demo.clientId, appidacr: '1' })
        const twice = form({ grant_type: 'client_credentials', scope: SCOPE, client_id: server.demo.clientId, client_secret: server.demo.clientSecret })
        expect((await call(server, 'POST', `/${server.demo.tenantId}/oauth2/v2.0/token`, { ...twice, headers: { ...twice.headers, authorization: `Basic ${basic}` } })).status).toBe(400)
    })

    test('OpenID configuration names this host\'s token endpoint, JWKS and a v2.0 issuer', async () => {
        const answer = await call(server, 'GET', `/${server.demo.tenantId}/v2.0/.well-known/openid-configuration`)
        expect(answer.status).toBe(200)
        expect(answer.json).toMatchObject({
            token_endpoint: `${server.url}/${server.demo.tenantId}/oauth2/v2.0/token`,
            jwks_uri: `${server.url}/${server.demo.tenantId}/discovery/v2.0/keys`,
            issuer: `${server.url}/${server.demo.tenantId}/v2.0`,
        })
    })

    const cases: [string, Record<string, string>, string | null, number, string, number][] = [
        ['unknown tenant', { grant_type: 'client_credentials' }, '00000000-0000-0000-0000-000000000001', 400, 'invalid_tenant', 90002],
        ['no grant_type', {}, null, 400, 'invalid_request', 900144],
        ['unknown grant_type', { grant_type: 'magic' }, null, 400, 'unsupported_grant_type', 70003],
        ['unknown client', { grant_type: 'client_credentials', client_id: '11111111-1111-1111-1111-111111111111', client_secret: 'x', scope: SCOPE }, null, 400, 'unauthorized_client', 700016],
        ['scope without /.default', { grant_type: 'client_credentials', client_id: 'DEMO', client_secret: 'SECRET', scope: 'https://graph.microsoft.com/SecurityEvents.Read.All' }, null, 400, 'invalid_scope', 1002012],
        ['scope of another resource', { grant_type: 'client_credentials', client_id: 'DEMO', client_secret: 'SECRET', scope: 'https://management.azure.com/.default' }, null, 400, 'invalid_resource', 500011],
        ['wrong secret', { grant_type: 'client_credentials', client_id: 'DEMO', client_secret: 'nope', scope: SCOPE }, null, 401, 'invalid_client', 7000215],
        ['no credential', { grant_type: 'client_credentials', client_id: 'DEMO', scope: SCOPE }, null, 401, 'invalid_client', 7000218],
        ['malformed assertion', { grant_type: 'client_credentials', client_id: 'DEMO', scope: SCOPE, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: 'abc' }, null, 400, 'invalid_request', 50027],
    ]
    test.each(cases)('%s → AADSTS error body', async (_name, fields, tenant, status, error, code) => {
        const resolved = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v === 'DEMO' ? server.demo.clientId : v === 'SECRET' ? server.demo.clientSecret : v]))
        const answer = await call(server, 'POST', `/${tenant ?? server.demo.tenantId}/oauth2/v2.0/token`, { ...form(resolved), headers: { ...form(resolved).headers, 'client-request-id': 'c0ffee00-0000-0000-0000-000000000000' } })
        expect(answer.status).toBe(status)
        expect(answer.json).toMatchObject({ error, error_codes: [code], correlation_id: 'c0ffee00-0000-0000-0000-000000000000' })
        expect(answer.json.error_description).toMatch(new RegExp(`^AADSTS${code}: .*\\r\\nTrace ID: [0-9a-f-]{36}\\r\\nCorrelation ID: c0ffee00-0000-0000-0000-000000000000\\r\\nTimestamp: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ$`, 's'))
        expect(answer.json.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/)
        expect(answer.json.trace_id).toMatch(/^[0-9a-f-]{36}$/)
    })

    test('a client assertion for the wrong audience or signed by another key is refused', async () => {
        const { signJwt } = await import('../../../emulator/graph/jwt.ts')
        const { createHash, X509Certificate, generateKeyPairSync } = await import('node:crypto')
        const x5tS256 = createHash('sha256').update(new X509Certificate(server.demo.certificatePem).raw).digest('base64url')
        const now = Math.floor(Date.now() / 1000)
        const claims = { iss: server.demo.clientId, sub: server.demo.clientId, exp: now + 600, nbf: now, jti: 'x' }
        const fields = (assertion: string) => ({ grant_type: 'client_credentials', client_id: server.demo.clientId, scope: SCOPE, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion })
        const wrongAud = signJwt({ 'x5t#S256': x5tS256 }, { ...claims, aud: 'https://login.microsoftonline.com/x/oauth2/v2.0/token' }, server.demo.privateKeyPem)
        expect((await tokenRequest(fields(wrongAud))).json.error_codes).toEqual([50027])
        const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
        const forged = signJwt({ 'x5t#S256': x5tS256 }, { ...claims, aud: `${server.authority(server.demo.tenantId)}/oauth2/v2.0/token` }, otherKey)
        expect((await tokenRequest(fields(forged))).json.error_codes).toEqual([700027])
        const expired = signJwt({ 'x5t#S256': x5tS256 }, { ...claims, exp: now - 10, aud: `${server.authority(server.demo.tenantId)}/oauth2/v2.0/token` }, server.demo.privateKeyPem)
        expect((await tokenRequest(fields(expired))).json.error_codes).toEqual([700024])
        const unknownThumbprint = signJwt({ 'x5t#S256': 'AAAA' }, { ...claims, aud: `${server.authority(server.demo.tenantId)}/oauth2/v2.0/token` }, server.demo.privateKeyPem)
        expect((await tokenRequest(fields(unknownThumbprint))).json.error_codes).toEqual([700027])
    })

    test('assertion claims: iss ≠ sub → AADSTS50048, iss ≠ client id → AADSTS700021; nbf up to 300 s ahead is accepted (local choice), more is AADSTS700024', async () => {
        const { signJwt } = await import('../../../emulator/graph/jwt.ts')
        const { createHash, X509Certificate } = await import('node:crypto')
        const x5tS256 = createHash('sha256').update(new X509Certificate(server.demo.certificatePem).raw).digest('base64url')
        const now = Math.floor(Date.now() / 1000)
        const aud = `${server.authority(server.demo.tenantId)}/oauth2/v2.0/token`
        const assertion = (claims: Record<string, unknown>) => signJwt({ 'x5t#S256': x5tS256 }, { iss: server.demo.clientId, sub: server.demo.clientId, aud, exp: now + 600, nbf: now, jti: 'x', ...claims }, server.demo.privateKeyPem)
        const fields = (text: string) => ({ grant_type: 'client_credentials', client_id: server.demo.clientId, scope: SCOPE, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: text })
        const subMismatch = await tokenRequest(fields(assertion({ sub: 'someone-else' })))
        expect([subMismatch.status, subMismatch.json.error, subMismatch.json.error_codes]).toEqual([401, 'invalid_client', [50048]])
        const otherApp = '99999999-9999-4999-8999-999999999999'
        const issMismatch = await tokenRequest(fields(assertion({ iss: otherApp, sub: otherApp })))
        expect([issMismatch.status, issMismatch.json.error_codes]).toEqual([401, [700021]])
        expect((await tokenRequest(fields(assertion({ nbf: now + 200 })))).status).toBe(200)
        expect((await tokenRequest(fields(assertion({ nbf: now + 400 })))).json.error_codes).toEqual([700024])
    })

    test('a certificate named by its SHA-1 thumbprint (x5t) with an RS256 signature is accepted', async () => {
        const { signJwt } = await import('../../../emulator/graph/jwt.ts')
        const { createHash, X509Certificate } = await import('node:crypto')
        const x5t = createHash('sha1').update(new X509Certificate(server.demo.certificatePem).raw).digest('base64url')
        const now = Math.floor(Date.now() / 1000)
        const assertion = signJwt({ x5t }, { iss: server.demo.clientId, sub: server.demo.clientId, aud: `${server.authority(server.demo.tenantId)}/oauth2/v2.0/token`, exp: now + 600, nbf: now, jti: 'y' }, server.demo.privateKeyPem)
        const answer = await tokenRequest({ grant_type: 'client_credentials', client_id: server.demo.clientId, scope: SCOPE, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion })
        expect(answer.status).toBe(200)
        expect(decodePayload(answer.json.access_token)).toMatchObject({ appidacr: '2' })
    })

    test('405 with Allow for a method an Entra endpoint does not take', async () => {
        const tid = server.demo.tenantId
        const token = await call(server, 'GET', `/${tid}/oauth2/v2.0/token`)
        expect([token.status, token.headers.allow]).toEqual([405, 'POST'])
        const keys = await call(server, 'POST', `/${tid}/discovery/v2.0/keys`)
        expect([keys.status, keys.headers.allow]).toEqual([405, 'GET'])
        const authorize = await call(server, 'PUT', `/${tid}/oauth2/v2.0/authorize`)
        expect([authorize.status, authorize.headers.allow]).toEqual([405, 'GET, POST'])
    })

    test('/consumers, the device code and password grants, and client credentials at /common are refused as not emulated (501)', async () => {
        const consumers = await call(server, 'GET', '/consumers/v2.0/.well-known/openid-configuration')
        expect(consumers.status).toBe(501)
        expect(consumers.json.error_description).toMatch(/^not emulated by the local Graph stand-in: /)
        expect((await tokenRequest({ grant_type: 'password' })).status).toBe(501)
        expect((await tokenRequest({ grant_type: 'urn:ietf:params:oauth:grant-type:device_code' })).status).toBe(501)
        expect((await call(server, 'POST', '/common/oauth2/v2.0/token', form({ grant_type: 'client_credentials' }))).status).toBe(501)
        expect((await call(server, 'GET', `/${server.demo.tenantId}/oauth2/v2.0/devicecode`)).status).toBe(501)
    })
})
