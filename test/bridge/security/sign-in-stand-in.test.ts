/**
 * The security building blocks together against the Graph stand-in's sign-in (emulator/graph), as the bridge's
 * sign-in route will use them: a pending sign-in gives state, nonce and the PKCE verifier; the stand-in's authorize
 * page and token endpoint answer with a real ID token; the validator checks it against the stand-in's JWKS over
 * HTTPS; roles come from its wids. Demo people of Contoso and Fabrikam, under `organizations` and a tenant authority.
 */
import { createHttpsAgent, sendHttps } from '../../../bridge/ports/graph/https-transport.ts'
import { createIdTokenValidator, IdTokenError } from '../../../bridge/security/id-token.ts'
import { refusalText, rolesFromToken } from '../../../bridge/security/roles.ts'
import { createPendingSignIns, type PendingSignIn } from '../../../bridge/security/sessions.ts'
import { FABRIKAM_TENANT_ID } from '../../../emulator/graph/fixtures/directory.ts'
import type { GraphServer } from '../../../emulator/graph/server.ts'
import { authorizeQuery, pickAccount, redeem, startServer } from '../../emulator/graph/support.ts'

const CONTOSO_SECADMIN = 'adele.vance@contoso.onmicrosoft.com'
const CONTOSO_READER = 'alex.wilber@contoso.onmicrosoft.com'
const CONTOSO_NOBODY = 'lynne.robbins@contoso.onmicrosoft.com'
const FABRIKAM_GA = 'patti.fernandez@fabrikam.onmicrosoft.com'
const SIGN_IN_SCOPES = 'openid profile offline_access'

let server: GraphServer
const pending = createPendingSignIns()

beforeAll(async () => {
    server = await startServer()
    server.registerRedirectUri(server.demo.clientId, 'http://127.0.0.1/auth/callback')
})
afterAll(() => server.close())

function validator(authorityTenant: string) {
    const agent = createHttpsAgent(server.caPem)
    return createIdTokenValidator({
        authorityHost: server.url,
        authorityTenant,
        clientId: server.demo.clientId,
        get: (url) => sendHttps(agent, { method: 'GET', url, headers: {}, timeoutMs: 5000 }),
    })
}

/** The whole round trip; the state comes back through the redirect and is taken once, as the callback will. */
async function signIn(upn: string, authority: string): Promise<{ idToken: string; started: PendingSignIn }> {
    const started = pending.begin('/actions')
    const path = authorizeQuery(server, { authority, scope: SIGN_IN_SCOPES, state: started.state, nonce: started.nonce, verifier: started.codeVerifier })
    const answer = await pickAccount(server, path, upn)
    const callback = new URL(String(answer.headers.location))
    const taken = pending.take(String(callback.searchParams.get('state')))
    if (!taken) throw new Error('the state did not come back')
    const tokens = await redeem(server, String(callback.searchParams.get('code')), { code_verifier: taken.codeVerifier }, authority)
    if (tokens.status !== 200) throw new Error(`token: ${tokens.status} ${tokens.text}`)
    return { idToken: tokens.json.id_token, started: taken }
}

describe('signing in through the stand-in', () => {
    it('accepts a Contoso Security Administrator under organizations, who may act', async () => {
        const { idToken, started } = await signIn(CONTOSO_SECADMIN, 'organizations')
        const identity = await validator('organizations').validate(idToken, started.nonce)
        expect(identity).toMatchObject({ tid: server.demo.tenantId, upn: CONTOSO_SECADMIN })
        expect(rolesFromToken(identity.wids)).toMatchObject({ known: true, source: 'token', read: true, act: true })
    })

    it('accepts a Fabrikam Global Administrator under organizations, in Fabrikam', async () => {
        const { idToken, started } = await signIn(FABRIKAM_GA, 'organizations')
        const identity = await validator('organizations').validate(idToken, started.nonce)
        expect(identity.tid).toBe(FABRIKAM_TENANT_ID)
        expect(rolesFromToken(identity.wids)).toMatchObject({ read: true, act: true })
    })

    it('lets a Security Reader read only, and refuses a person without a role', async () => {
        const reader = await signIn(CONTOSO_READER, server.demo.tenantId)
        expect(rolesFromToken((await validator(server.demo.tenantId).validate(reader.idToken, reader.started.nonce)).wids)).toMatchObject({ read: true, act: false })
        const nobody = await signIn(CONTOSO_NOBODY, server.demo.tenantId)
        const roles = rolesFromToken((await validator(server.demo.tenantId).validate(nobody.idToken, nobody.started.nonce)).wids)
        expect(roles).toMatchObject({ known: true, read: false, act: false })
        expect(refusalText('Contoso')).toBe('You need the Security Reader or Security Administrator role in Contoso')
    })

    it("refuses a Fabrikam token on Contoso's own authority, and a token brought to another sign-in (its nonce)", async () => {
        const fabrikam = await signIn(FABRIKAM_GA, 'organizations')
        const onContoso = await validator(server.demo.tenantId).validate(fabrikam.idToken, fabrikam.started.nonce).catch((error: unknown) => error)
        expect(onContoso).toBeInstanceOf(IdTokenError)
        expect((onContoso as IdTokenError).reason).toBe('issuer')
        const other = pending.begin('/')
        const replayed = await validator('organizations').validate(fabrikam.idToken, other.nonce).catch((error: unknown) => error)
        expect((replayed as IdTokenError).reason).toBe('nonce')
    })

    it('gives each state back once: the callback replayed finds nothing', async () => {
        const { started } = await signIn(CONTOSO_READER, server.demo.tenantId)
        expect(pending.take(started.state)).toBeNull()
    })
})
