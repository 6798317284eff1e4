/**
 * PATCH /security/secureScoreControlProfiles/{id}: what the update page documents (vendorInformation required, the
 * four updatable properties, the four states, 204 or 200 with Prefer: return=representation), the appended history,
 * its survival across a restart on the same dataDir (with the same CA), and the refusals.
 */
import { X509Certificate } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { DEMO_TENANT } from '../../../emulator/graph/fixtures/tenants.ts'
import type { GraphServer } from '../../../emulator/graph/server.ts'
import { bearer, call, secretToken, startServer, tempDataDir, type HttpAnswer } from './support.ts'

const NOW = new Date('2026-11-30T12:00:00Z')
const VENDOR = { provider: 'SecureScore', providerVersion: null, subProvider: null, vendor: 'Microsoft' }
const PROFILES = '/v1.0/security/secureScoreControlProfiles'
const READER = { clientId: 'a0000000-0000-4000-8000-0000000000a1', clientSecret: 'read-only-secret' }
const dataDir = tempDataDir()

function options() {
    return {
        dataDir,
        now: () => NOW,
        apps: [
            { clientId: DEMO_TENANT.clientId, clientSecret: DEMO_TENANT.clientSecret, roles: ['SecurityEvents.ReadWrite.All' as const] },
            { ...READER, roles: ['SecurityEvents.Read.All' as const] },
        ],
    }
}

let server: GraphServer
let token: string
let controlId: string

beforeAll(async () => {
    server = await startServer(options())
    token = await secretToken(server)
    const list = await call(server, 'GET', PROFILES, bearer(token))
    controlId = (list.json.value as { id: string }[]).find((p) => !p.id.startsWith('scid_'))!.id
})
afterAll(() => server.close())

function patch(id: string, body: unknown, headers: Record<string, string> = {}, t = token): Promise<HttpAnswer> {
    return call(server, 'PATCH', `${PROFILES}/${encodeURIComponent(id)}`, {
        headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
    })
}

test('204 No Content; the update is appended to controlStateUpdates with updatedBy and updatedDateTime', async () => {
    const before = server.stateUpdates(DEMO_TENANT.tenantId, controlId).length
    const answer = await patch(controlId, { assignedTo: 'alex@contoso.com', comment: 'planned for Q1', state: 'Reviewed', vendorInformation: VENDOR })
    expect(answer.status).toBe(204)
    expect(answer.text).toBe('')
    const updates = server.stateUpdates(DEMO_TENANT.tenantId, controlId)
    expect(updates).toHaveLength(before + 1)
    expect(updates[updates.length - 1]).toEqual({ assignedTo: 'alex@contoso.com', comment: 'planned for Q1', state: 'Reviewed', updatedBy: DEMO_TENANT.clientId, updatedDateTime: NOW.toISOString() })
})

test('properties left out keep their value from the previous entry; Prefer: return=representation answers 200 with the entity', async () => {
    const answer = await patch(controlId, { state: 'Ignored', vendorInformation: VENDOR }, { prefer: 'return=representation' })
    expect(answer.status).toBe(200)
    expect(answer.json.id).toBe(controlId)
    const last = answer.json.controlStateUpdates[answer.json.controlStateUpdates.length - 1]
    expect(last).toMatchObject({ assignedTo: 'alex@contoso.com', comment: 'planned for Q1', state: 'Ignored' })
    const read = await call(server, 'GET', `${PROFILES}/${encodeURIComponent(controlId)}`, bearer(token))
    expect(read.json.controlStateUpdates).toEqual(answer.json.controlStateUpdates)
})

test.each([
    ['no vendorInformation', { state: 'Reviewed' }],
    ['the wrong provider', { state: 'Reviewed', vendorInformation: { ...VENDOR, provider: 'Other' } }],
    ['the wrong vendor', { state: 'Reviewed', vendorInformation: { ...VENDOR, vendor: 'Contoso' } }],
    ['a state outside Default, Ignored, ThirdParty, Reviewed', { state: 'Completed', vendorInformation: VENDOR }],
    ['a state in another case', { state: 'reviewed', vendorInformation: VENDOR }],
    ['a non-updatable property', { title: 'x', vendorInformation: VENDOR }],
    ['controlStateUpdates itself', { controlStateUpdates: [], vendorInformation: VENDOR }],
    ['a non-string comment', { comment: 5, vendorInformation: VENDOR }],
    ['a body that is not JSON', '{'],
])('400 for %s, and nothing is appended', async (_name, body) => {
    const before = server.stateUpdates(DEMO_TENANT.tenantId, controlId).length
    const answer = await patch(controlId, body)
    expect(answer.status).toBe(400)
    expect(answer.json.error).toMatchObject({ code: 'BadRequest', message: expect.any(String) })
    expect(server.stateUpdates(DEMO_TENANT.tenantId, controlId)).toHaveLength(before)
})

test('a body over 1 MB is cut there (local choice): the rest is not valid JSON, 400, nothing appended', async () => {
    const before = server.stateUpdates(DEMO_TENANT.tenantId, controlId).length
    const answer = await patch(controlId, { comment: 'a'.repeat(1024 * 1024 + 10), vendorInformation: VENDOR })
    expect(answer.status).toBe(400)
    expect(answer.json.error.message).toMatch(/not valid JSON/)
    expect(server.stateUpdates(DEMO_TENANT.tenantId, controlId)).toHaveLength(before)
})

test('404 for an unknown id', async () => {
    expect((await patch('NoSuchControl', { state: 'Reviewed', vendorInformation: VENDOR })).status).toBe(404)
})

test('a device control (scid_…) is refused with 400 (local choice: the portal sends admins to Defender Vulnerability Management)', async () => {
    const answer = await patch('scid_2000', { state: 'Ignored', vendorInformation: VENDOR })
    expect(answer.status).toBe(400)
    expect(answer.json.error.message).toMatch(/device control/)
})

test('PATCH needs SecurityEvents.ReadWrite.All: 403 for an app with Read.All only', async () => {
    const reader = await secretToken(server, READER)
    const answer = await patch(controlId, { state: 'Reviewed', vendorInformation: VENDOR }, {}, reader)
    expect(answer.status).toBe(403)
})

test('fault switch refuseAppOnlyPatch: 403 with a message, nothing appended', async () => {
    server.setFaults({ refuseAppOnlyPatch: true })
    try {
        const before = server.stateUpdates(DEMO_TENANT.tenantId, controlId).length
        const answer = await patch(controlId, { state: 'Reviewed', vendorInformation: VENDOR })
        expect(answer.status).toBe(403)
        expect(answer.json.error.message).toMatch(/app-only/)
        expect(server.stateUpdates(DEMO_TENANT.tenantId, controlId)).toHaveLength(before)
    } finally {
        server.setFaults({})
    }
})

test('a restart on the same dataDir keeps the appended updates and the CA; the server certificate names IP:127.0.0.1 and DNS:localhost', async () => {
    const expected = server.stateUpdates(DEMO_TENANT.tenantId, controlId)
    const caBefore = server.caPem
    await server.close()
    server = await startServer(options())
    expect(server.caPem).toBe(caBefore)
    expect(readFileSync(server.caFile, 'utf8')).toBe(caBefore)
    expect(server.stateUpdates(DEMO_TENANT.tenantId, controlId)).toEqual(expected)
    const serverCert = new X509Certificate(readFileSync(`${dataDir}/graph-server.pem`))
    expect(serverCert.subjectAltName).toContain('IP Address:127.0.0.1')
    expect(serverCert.subjectAltName).toContain('DNS:localhost')
    expect(serverCert.checkIssued(new X509Certificate(caBefore))).toBe(true)
    // The old token is still valid: the signing key is kept in dataDir too.
    expect((await call(server, 'GET', `${PROFILES}/${encodeURIComponent(controlId)}`, bearer(token))).json.controlStateUpdates).toEqual(expected)
})
