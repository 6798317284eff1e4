/**
 * bridge/ops/log.ts: one JSON line per request and per job, and no secret in any line. The secrets test logs
 * objects and messages holding real-shaped secrets every way they reach a log (under secret keys, nested, in error
 * messages, in URLs, as Bearer headers, as JWTs, as secrets the process opened) and greps the output for each.
 */
import { createSign, generateKeyPairSync } from 'node:crypto'
import { createJsonLog, newRequestId, requestIdFrom } from '../../../bridge/ops/log.ts'
import { SecretRegistry } from '../../../bridge/security/secret-registry.ts'

const TIME = new Date('2026-12-06T09:00:00.000Z')

function capture(secrets = new SecretRegistry()) {
    const lines: string[] = []
    const log = createJsonLog({ secrets, write: (line) => lines.push(line), now: () => TIME })
    return { log, lines, records: () => lines.map((line) => JSON.parse(line) as { [field: string]: unknown }) }
}

describe('the request line', () => {
    it('is one JSON object with the request id, method, path without its query, status, time taken and tenant', () => {
        const { log, lines, records } = capture()
        log.request({ requestId: 'req-12345678', method: 'GET', url: '/oauth/callback?code=0.AXoA-secret&state=abc#frag', status: 303, ms: 12.4, tenant: '72f988bf-86f1-41af-91ab-2d7cd011db47' })
        expect(lines).toHaveLength(1)
        expect(records()[0]).toEqual({
            time: '2026-12-06T09:00:00.000Z',
            level: 'info',
            kind: 'request',
            requestId: 'req-12345678',
            method: 'GET',
            path: '/oauth/callback',
            status: 303,
            ms: 12,
            tenant: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        })
    })

    it('is a warning for a 4xx and an error for a 5xx, with tenant null before sign-in', () => {
        const { log, records } = capture()
        for (const [status, url] of [[403, '/connect'], [500, '/'], [303, '/actions'], [404, '/nowhere'], [503, '/readyz'], [200, '/healthz']] as const) {
            log.request({ requestId: 'r' + status, method: 'GET', url, status, ms: 1 })
        }
        expect(records().map((r) => [r.status, r.level, r.tenant])).toEqual([
            [403, 'warn', null],
            [500, 'error', null],
            [303, 'info', null],
            [404, 'warn', null],
            [503, 'error', null],
            [200, 'info', null],
        ])
    })
})

describe('the job line', () => {
    it('names the job, its tenant, outcome and time, with its own fields', () => {
        const { log, records } = capture()
        log.job({ job: 'secure-score-refresh', tenant: 'b6c5a4e3-1f2d-4c3b-8a79-0e1f2a3b4c5d', outcome: 'partial', ms: 812.6, profiles: 460 })
        log.job({ job: 'write-back', outcome: 'failed', ms: 3, errorCode: 'Forbidden', nextAttempt: new Date('2026-12-06T09:05:00Z') })
        expect(records()).toEqual([
            { time: TIME.toISOString(), level: 'warn', kind: 'job', job: 'secure-score-refresh', tenant: 'b6c5a4e3-1f2d-4c3b-8a79-0e1f2a3b4c5d', outcome: 'partial', ms: 813, profiles: 460 },
            { time: TIME.toISOString(), level: 'error', kind: 'job', job: 'write-back', tenant: null, outcome: 'failed', ms: 3, errorCode: 'Forbidden', nextAttempt: '2026-12-06T09:05:00.000Z' },
        ])
    })

    it('takes its level from the outcome alone: failed is an error, partial a warning, ok and skipped info', () => {
        const { log, records } = capture()
        for (const outcome of ['failed', 'partial', 'ok', 'skipped'] as const) log.job({ job: 'sync', tenant: 't', outcome, ms: 1 })
        // A field of the same name as the line's own does not replace it.
        log.job({ job: 'write-back drain', outcome: 'failed', ms: 1, level: 'info', kind: 'event', time: 'then' })
        expect(records().map((r) => [r.outcome, r.level])).toEqual([
            ['failed', 'error'],
            ['partial', 'warn'],
            ['ok', 'info'],
            ['skipped', 'info'],
            ['failed', 'error'],
        ])
        expect(records()[4]).toMatchObject({ kind: 'job', time: TIME.toISOString() })
    })
})

describe('the event line', () => {
    it("takes the domain's free-text lines as events", () => {
        const { log, records } = capture()
        log.line('consent started for https://dev12345.service-now.com')
        expect(records()).toEqual([{ time: TIME.toISOString(), level: 'info', kind: 'event', message: 'consent started for https://dev12345.service-now.com' }])
    })

    it("makes a domain line that reports a failure or a refusal a warning, in the domain's own wording", () => {
        const { log, records } = capture()
        const warnings = [
            'secure score b6c5a4e3-1f2d-4c3b-8a79-0e1f2a3b4c5d: refresh failed: 503 Service Unavailable',
            'ticket sync failed: GET /states: ECONNREFUSED',
            'write-back AdminMFAV2 (CHG0010001) failed: 403 accessDenied',
            'sign-in refused (nonce): the ID token does not carry the nonce of this sign-in',
            'token refresh refused (invalid_grant): connection needs re-authorization',
            'stop failed',
        ]
        const infos = ['signed in: adele.vance@contoso.onmicrosoft.com of 72f988bf-86f1-41af-91ab-2d7cd011db47 (roles from token: act)', 'access token refreshed', 'stop: SIGTERM', 'shared AdminMFAV2 as CHG0010001']
        for (const text of [...warnings, ...infos]) log.line(text)
        expect(records().map((r) => [r.message, r.level])).toEqual([...warnings.map((text) => [text, 'warn']), ...infos.map((text) => [text, 'info'])])
    })

    it("keeps its message and the caller's level, whatever its fields are called", () => {
        const { log, records } = capture()
        log.event('request failed', { message: 'other', level: 'info', requestId: 'r' }, 'error')
        expect(records()).toEqual([{ time: TIME.toISOString(), level: 'error', kind: 'event', message: 'request failed', requestId: 'r' }])
    })
})

describe('secrets', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const input = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url') + '.' + Buffer.from(JSON.stringify({ tid: 't', oid: 'o' })).toString('base64url')
    const JWT = input + '.' + createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')
    const SECRETS = {
        accessToken: 'snow-access-TkfA9Wq2ZxLmP0rS7uVy',
        refreshToken: 'snow-refresh-Hq3LmN8pR2sT6vXz1BcD',
        clientSecret: 'Xyz8Q~GraphClientSecretValue-00001',
        snowClientSecret: 'sn-client-secret-4b1c9e77a0d2',
        code: '0.AXoAv4j5cvGGr0GRqy180BHbR-authcode',
        codeVerifier: 'pkce-verifier-9f8e7d6c5b4a3f2e1d0c9b8a7',
        password: 'Sup3r$ecret-Passw0rd!',
        cookie: 'session-id-K7mW2xQ9vR4tY1uI3oP5aS8dF0gH6jL',
        opened: 'opened-from-store-rT5yU7iO9pA1sD3fG',
    }

    it('never writes one, however it is logged', () => {
        const secrets = new SecretRegistry()
        secrets.register(SECRETS.opened)
        const { log, lines } = capture(secrets)
        log.event('token refreshed', {
            answer: { access_token: SECRETS.accessToken, refresh_token: SECRETS.refreshToken, expires_at: '2026-12-06T10:00:00Z' },
            request: { headers: { Authorization: `Bearer ${SECRETS.accessToken}`, cookie: `__Host-bridge_session=${SECRETS.cookie}` }, body: { client_secret: SECRETS.clientSecret, code: SECRETS.code } },
            nested: [{ deeper: { clientSecret: SECRETS.snowClientSecret, 'code-verifier': SECRETS.codeVerifier, password: SECRETS.password } }],
        })
        log.event(`POST https://dev1.service-now.com/oauth_token.do failed: grant_type=refresh_token&refresh_token=${SECRETS.refreshToken}&client_secret=${encodeURIComponent(SECRETS.snowClientSecret)}`)
        log.event('Graph refused', { error: new Error(`401 for Bearer ${SECRETS.accessToken} with id_token ${JWT}`) })
        log.event(`the store's value was ${SECRETS.opened}, also as ${encodeURIComponent(SECRETS.opened)}`)
        log.request({ requestId: 'r', method: 'GET', url: `/oauth/callback?code=${SECRETS.code}&state=s`, status: 303, ms: 1 })
        log.job({ job: 'sync', outcome: 'failed', ms: 1, detail: `redirected to /cb?code=${SECRETS.code}` })

        const output = lines.join('\n')
        for (const [name, secret] of Object.entries({ ...SECRETS, jwt: JWT, jwtSignature: JWT.split('.')[2], urlEncoded: encodeURIComponent(SECRETS.snowClientSecret) })) {
            expect({ name, found: output.includes(secret) }).toEqual({ name, found: false })
        }
        // What is not secret stays readable.
        expect(output).toContain('2026-12-06T10:00:00Z')
        expect(output).toContain('https://dev1.service-now.com/oauth_token.do')
        expect(output).toContain('grant_type=refresh_token')
        for (const line of lines) expect(() => JSON.parse(line)).not.toThrow()
    })

    it('writes a circular object once, marking the loop', () => {
        const { log, records } = capture()
        const loop: { [key: string]: unknown } = { name: 'a' }
        loop.self = loop
        log.event('loop', { loop })
        expect(records()[0].loop).toEqual({ name: 'a', self: '[circular]' })
    })
})

describe('request ids', () => {
    it('makes distinct ids', () => {
        expect(newRequestId()).toMatch(/^[A-Za-z0-9_-]{16}$/)
        expect(newRequestId()).not.toBe(newRequestId())
    })

    it("keeps a proxy's well-formed X-Request-Id and replaces anything else", () => {
        expect(requestIdFrom('7d9c0f4e-2b1a-4c3d-8e9f-0a1b2c3d4e5f')).toBe('7d9c0f4e-2b1a-4c3d-8e9f-0a1b2c3d4e5f')
        for (const hostile of [undefined, '', 'short', 'has space in it', '"}{"level":"error', 'x'.repeat(65), ['a1234567', 'b1234567']]) {
            expect(requestIdFrom(hostile)).toMatch(/^[A-Za-z0-9_-]{16}$/)
        }
    })
})

describe('event lines during a request', () => {
    it('carry the request id of the async context they are written in, until the request ends', async () => {
        const { log, records } = capture()
        const inRequest = (requestId: string, ms: number) =>
            new Promise<() => void>((resolve) =>
                setImmediate(() => {
                    const end = log.enterRequest(requestId)
                    setTimeout(() => {
                        log.line(`step of ${requestId}`)
                        resolve(end)
                    }, ms)
                }),
            )
        // Two requests interleaved: each line is tagged with its own request.
        const [endA, endB] = await Promise.all([inRequest('request-aaaa', 10), inRequest('request-bbbb', 1)])
        log.line('outside any request')
        endA()
        // A timer the request started, firing after the response: no longer that request's.
        await new Promise<void>((resolve) => setImmediate(() => {
            const end = log.enterRequest('request-cccc')
            setTimeout(() => {
                log.line('after the response')
                resolve()
            }, 5)
            end()
        }))
        endB()
        expect(records().map((r) => [r.message, r.requestId])).toEqual([
            ['step of request-bbbb', 'request-bbbb'],
            ['step of request-aaaa', 'request-aaaa'],
            ['outside any request', undefined],
            ['after the response', undefined],
        ])
    })
})
