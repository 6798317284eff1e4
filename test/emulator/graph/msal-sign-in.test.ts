/**
 * The bridge signs people in with @azure/msal-node: the stand-in must work with it unchanged, through the
 * organizations authority (a multi-tenant deployment). Real msal-node runs in a child process (msal-sign-in.ts).
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ROLE_TEMPLATE_IDS } from '../../../emulator/graph/fixtures/directory.ts'
import type { GraphServer } from '../../../emulator/graph/server.ts'
import { CALLBACK, objectIdOf, startServer } from './support.ts'

const run = promisify(execFile)
const READER = 'alex.wilber@contoso.onmicrosoft.com'

let server: GraphServer
beforeAll(async () => {
    server = await startServer()
    server.registerRedirectUri(server.demo.clientId, CALLBACK)
})
afterAll(() => server.close())

test('getAuthCodeUrl with PKCE, the sign-in page, acquireTokenByCode (state and nonce checked by msal), then a refresh through acquireTokenSilent', async () => {
    const input = { authority: server.authority('organizations'), knownAuthority: server.authorityHost, clientId: server.demo.clientId, clientSecret: server.demo.clientSecret, redirectUri: CALLBACK, login: objectIdOf(server, READER) }
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(__dirname, 'msal-sign-in.ts')], {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: server.caFile, MSAL_INPUT: JSON.stringify(input) },
    })
    const outcome = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>
    expect(outcome.errorMessage).toBeUndefined()
    const authorizeUrl = new URL(String(outcome.authorizeUrl))
    expect(authorizeUrl.pathname).toBe('/organizations/oauth2/v2.0/authorize')
    expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256')
    expect(outcome).toMatchObject({
        pageStatus: 200,
        username: READER,
        tenantId: server.demo.tenantId,
        idTokenClaims: { nonce: 'msal-nonce', tid: server.demo.tenantId, preferred_username: READER, wids: [ROLE_TEMPLATE_IDS['Security Reader']] },
        refreshedAccessToken: true,
    })
    expect(outcome.scopes).toEqual(expect.arrayContaining(['https://graph.microsoft.com/SecurityEvents.ReadWrite.All']))
    const grants = server.requestLog().filter((r) => r.path === '/organizations/oauth2/v2.0/token').map((r) => r.status)
    expect(grants).toEqual([200, 200])
})
