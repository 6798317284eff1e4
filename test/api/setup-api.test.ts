// The setup API over HTTP as the admin uses it (docs/setup-api.md): checklist status, the OAuth client and
// the integration user (one-time secrets sent no-store), connections, settings. It runs in-process and,
// under `npm run test:live`, against INSTANCE_URL (test/support/target.ts); whatever it changes on the
// instance it changes back.
import { basic, call, CONNECTOR, OTHER_TENANT, TENANT } from '../support/http-harness.ts'
import { type OAuthClient, SETUP_API, startTarget, type Target } from '../support/target.ts'

let target: Target
let client: OAuthClient

beforeAll(async () => {
    target = await startTarget()
    client = await target.createOAuthClient()
})

afterAll(() => target?.close())

const setup = (method: string, path: string, body?: unknown) => target.asAdmin(method, SETUP_API + path, body)

it('reports the checklist: every step with its state, the next step, and whether it is complete', async () => {
    const status = await setup('GET', '/status')
    expect(status.status).toBe(200)
    expect(status.json.result.steps.map((step: { id: string }) => step.id)).toEqual(['preflight', 'oauth', 'integration_user', 'connect', 'settings'])
    for (const step of status.json.result.steps) expect(step).toMatchObject({ title: expect.any(String), state: expect.any(String), summary: expect.any(String), problems: expect.any(Array) })
    expect(typeof status.json.result.complete).toBe('boolean')
})

it('shows the OAuth client secret once: a second POST repairs the client and sends no secret', async () => {
    // A live instance that already had the app's client keeps it untouched (test/support/target.ts).
    if (!client.createdBySetupApi) return
    const again = await setup('POST', '/oauth-client', {})
    expect(again.status).toBe(200)
    expect(again.json.result).toMatchObject({ created: false, client: { clientId: client.id, active: true } })
    expect(again.json.result.clientSecret).toBeUndefined()
})

it('refuses a second integration user of the same name with 409, and sends one-time passwords no-store', async () => {
    const again = await setup('POST', '/integration-user', { userName: target.integration.user })
    expect(again.status).toBe(409)
    expect(again.json.status).toBe('failure')
    const reset = await setup('POST', '/integration-user/reset-password', { userName: target.integration.user })
    expect(reset.status).toBe(200)
    expect(reset.headers.get('cache-control')).toContain('no-store')
    target.integration.password = reset.json.result.password
    expect((await call(`${target.url}${CONNECTOR}/connection`, 'PUT', basic(target.integration), { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'a@contoso.com' })).status).toBe(201)
})

it('lists the connections and removes one, 404 for an unknown tenant', async () => {
    const listed = await setup('GET', '/connections')
    expect(listed.status).toBe(200)
    expect(listed.json.result.connections.find((c: { tenantId: string }) => c.tenantId === TENANT)).toMatchObject({ tenantName: 'Contoso', status: 'connected', integrationUser: expect.anything() })
    const removed = await setup('DELETE', `/connections/${TENANT}`)
    expect(removed.status).toBe(200)
    expect(removed.json.result).toMatchObject({ tenantId: TENANT, status: 'disconnected' })
    expect((await setup('DELETE', `/connections/${OTHER_TENANT}`)).status).toBe(404)
})

it('changes settings, refuses a bad field writing nothing, and changes them back', async () => {
    const before = (await setup('GET', '/settings')).json.result
    expect(before).toMatchObject({ defaultTicketType: expect.any(String), apiLogRetentionDays: expect.any(Number) })
    const refused = await setup('PUT', '/settings', { apiLogRetentionDays: before.apiLogRetentionDays + 1, defaultTicketType: 'no-such-type' })
    expect(refused.status).toBe(400)
    expect((await setup('GET', '/settings')).json.result).toEqual(before)
    try {
        const changed = await setup('PUT', '/settings', { apiLogRetentionDays: before.apiLogRetentionDays + 1 })
        expect(changed.status).toBe(200)
        expect(changed.json.result.apiLogRetentionDays).toBe(before.apiLogRetentionDays + 1)
    } finally {
        expect((await setup('PUT', '/settings', { apiLogRetentionDays: before.apiLogRetentionDays })).status).toBe(200)
    }
})
