// OAuth 2.0 token endpoint grants over HTTP with the app's OAuth client as the setup API creates it: the
// password grant, every connector route with the Bearer token, the refresh grant with the client as Basic
// auth, revocation, and refusals. No page is scraped, so it runs unchanged in-process and, under
// `npm run test:live`, against any instance (test/support/target.ts). The authorization code flow through
// the login and consent pages is in oauth.test.ts, on the local instance's pages.
import { disconnect, exerciseConnector } from '../support/connector-flow.ts'
import { call, CONNECTOR, TENANT } from '../support/http-harness.ts'
import { type OAuthClient, startTarget, type Target } from '../support/target.ts'

let target: Target
let client: OAuthClient

beforeAll(async () => {
    target = await startTarget()
    client = await target.createOAuthClient()
})

afterAll(() => target?.close())

async function token(form: Record<string, string>, authorization?: string): Promise<{ status: number; json: any }> {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }
    if (authorization) headers.authorization = authorization
    const response = await fetch(`${target.url}/oauth_token.do`, { method: 'POST', headers, body: new URLSearchParams(form).toString() })
    return { status: response.status, json: await response.json() }
}

const passwordGrant = () => token({ grant_type: 'password', username: target.integration.user, password: target.integration.password, client_id: client.id, client_secret: client.secret })
const connectionStatus = (accessToken: string) => call(`${target.url}${CONNECTOR}/connection?tenantId=${TENANT}`, 'GET', `Bearer ${accessToken}`)

it('issues Bearer tokens to the integration user, which serve every connector route', async () => {
    const issued = await passwordGrant()
    expect(issued.status).toBe(200)
    expect(issued.json).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String), token_type: 'Bearer', expires_in: expect.any(Number) })
    await exerciseConnector(target.url, `Bearer ${issued.json.access_token}`, 'oauth-grants-0001')
})

it('refreshes the access token with the refresh token, the client sent as Basic auth', async () => {
    const issued = await passwordGrant()
    const basicClient = 'Basic ' + Buffer.from(`${client.id}:${client.secret}`).toString('base64')
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: issued.json.refresh_token }, basicClient)
    expect(refreshed.status).toBe(200)
    expect(refreshed.json.access_token).not.toBe(issued.json.access_token)
    expect((await connectionStatus(refreshed.json.access_token)).status).toBe(200)
})

it('refuses a revoked access token with the platform 401 envelope ("Revoke an OAuth token")', async () => {
    const issued = await passwordGrant()
    expect((await connectionStatus(issued.json.access_token)).status).toBe(200)
    expect((await fetch(`${target.url}/oauth_revoke_token.do?token=${encodeURIComponent(issued.json.access_token)}`)).status).toBe(200)
    const refused = await connectionStatus(issued.json.access_token)
    expect(refused.status).toBe(401)
    expect(refused.json.error.message).toBe('User Not Authenticated')
})

it('refuses wrong client credentials, a wrong password, an unknown grant and a forged code', async () => {
    const integration = target.integration
    expect(await token({ grant_type: 'password', username: integration.user, password: integration.password, client_id: client.id, client_secret: 'wrong' })).toEqual({ status: 401, json: { error: 'server_error', error_description: 'access_denied' } })
    expect((await token({ grant_type: 'password', username: integration.user, password: 'wrong', client_id: client.id, client_secret: client.secret })).status).toBe(401)
    expect((await token({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret })).json.error).toBe('unsupported_grant_type')
    expect(await token({ grant_type: 'authorization_code', code: 'forged', client_id: client.id, client_secret: client.secret })).toEqual({ status: 400, json: { error: 'invalid_grant', error_description: expect.any(String) } })
})

it('removes the connection with the Bearer token', async () => {
    const issued = await passwordGrant()
    await disconnect(target.url, `Bearer ${issued.json.access_token}`)
})
