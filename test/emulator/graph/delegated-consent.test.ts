/**
 * The delegated write-back's consent path: SecurityEvents.ReadWrite.All is a delegated permission only an
 * administrator can consent to. A Security Administrator asking for it where the tenant's admin consent does not
 * cover it is stopped on Entra's "Need admin approval" page; once a Global Administrator's admin consent covers it
 * (admin consent covers every delegated permission configured on the registration), the Security Administrator gets
 * the delegated token without a prompt and writes as themselves.
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { FABRIKAM_TENANT_ID } from '../../../emulator/graph/fixtures/directory.ts'
import { DEMO_TENANT } from '../../../emulator/graph/fixtures/tenants.ts'
import type { GraphServer } from '../../../emulator/graph/server.ts'
import { authorizeQuery, bearer, call, CALLBACK, decodePayload, pickAccount, redeem, refreshGrant, signInCode, startServer, tempDataDir, type HttpAnswer } from './support.ts'

const FABRIKAM_GA = 'patti.fernandez@fabrikam.onmicrosoft.com'
const FABRIKAM_SECADMIN = 'isaiah.langer@fabrikam.onmicrosoft.com'
const CONTOSO_SECADMIN = 'adele.vance@contoso.onmicrosoft.com'
const WRITE_BACK_SCOPE = 'openid profile offline_access https://graph.microsoft.com/SecurityEvents.ReadWrite.All'
const PROFILES = '/v1.0/security/secureScoreControlProfiles'

function redirectParams(answer: HttpAnswer): URLSearchParams {
    expect(answer.status).toBe(302)
    const target = new URL(String(answer.headers.location))
    expect(`${target.origin}${target.pathname}`).toBe(CALLBACK)
    return target.searchParams
}

function refresh(server: GraphServer, refreshToken: string, scope: string, tenantId: string = DEMO_TENANT.tenantId): Promise<HttpAnswer> {
    return refreshGrant(server, refreshToken, { scope }, tenantId)
}

describe('the demo directory: Fabrikam has not consented yet', () => {
    let server: GraphServer
    beforeAll(async () => {
        server = await startServer()
        server.registerRedirectUri(server.demo.clientId, CALLBACK)
    })
    afterAll(() => server.close())

    test('a Security Administrator asking for SecurityEvents.ReadWrite.All gets "Need admin approval" (403, AADSTS90094) and no code; returning without consent is access_denied AADSTS65004 with the state', async () => {
        const path = authorizeQuery(server, { authority: FABRIKAM_TENANT_ID, scope: WRITE_BACK_SCOPE, state: 'wb-1' })
        const page = await pickAccount(server, path, FABRIKAM_SECADMIN)
        expect([page.status, page.headers.location]).toEqual([403, undefined])
        expect(page.text).toContain('Need admin approval')
        expect(page.text).toMatch(/AADSTS90094: Secure Score bridge needs permission to access resources in your organization that only an admin can grant\. Ask an admin to grant permission to this app before you can use it\./)
        expect(page.text).toContain('Return to the application without granting consent')
        const declined = redirectParams(await pickAccount(server, path, FABRIKAM_SECADMIN, { decision: 'cancel' }))
        expect([declined.get('error'), declined.get('state'), declined.get('code')]).toEqual(['access_denied', 'wb-1', null])
        expect(declined.get('error_description')).toMatch(/^AADSTS65004: User declined to consent to access the app\./)
        // The Global Administrator could consent on Entra's prompt, which is not emulated: consent_required instead.
        const admin = redirectParams(await pickAccount(server, path, FABRIKAM_GA))
        expect([admin.get('error'), admin.get('error_description')?.slice(0, 13)]).toEqual(['consent_required', 'AADSTS65001: '])
    })

    test('after the Global Administrator accepts admin consent (which lists the delegated permission), the Security Administrator gets the delegated token without a prompt and writes as themselves', async () => {
        const consent = `/${FABRIKAM_TENANT_ID}/v2.0/adminconsent?${new URLSearchParams({ client_id: server.demo.clientId, redirect_uri: CALLBACK, scope: 'https://graph.microsoft.com/.default', state: 'ac-1' }).toString()}`
        const permissions = await pickAccount(server, consent, FABRIKAM_GA)
        expect(permissions.text).toContain('Microsoft Graph: SecurityEvents.ReadWrite.All (delegated)')
        expect(redirectParams(await pickAccount(server, consent, FABRIKAM_GA, { decision: 'accept' })).get('admin_consent')).toBe('True')

        const code = await signInCode(server, { authority: FABRIKAM_TENANT_ID, upn: FABRIKAM_SECADMIN, scope: WRITE_BACK_SCOPE })
        const tokens = await redeem(server, code, {}, FABRIKAM_TENANT_ID)
        expect(tokens.status).toBe(200)
        expect(decodePayload(tokens.json.access_token)).toMatchObject({ tid: FABRIKAM_TENANT_ID, upn: FABRIKAM_SECADMIN, scp: 'SecurityEvents.ReadWrite.All' })
        const again = await refresh(server, tokens.json.refresh_token, 'https://graph.microsoft.com/SecurityEvents.ReadWrite.All offline_access', FABRIKAM_TENANT_ID)
        expect(again.status).toBe(200)

        const id = (await call(server, 'GET', `${PROFILES}?$top=1&$select=id`, bearer(again.json.access_token))).json.value[0].id as string
        const patch = await call(server, 'PATCH', `${PROFILES}/${id}`, {
            headers: { authorization: `Bearer ${again.json.access_token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ state: 'Reviewed', vendorInformation: { provider: 'SecureScore', vendor: 'Microsoft' } }),
        })
        expect(patch.status).toBe(204)
        expect(server.stateUpdates(FABRIKAM_TENANT_ID, id).at(-1)).toMatchObject({ state: 'Reviewed', updatedBy: FABRIKAM_SECADMIN })
    })
})

describe('a registration that gained delegated SecurityEvents.ReadWrite.All after its admin consent', () => {
    const dataDir = tempDataDir()
    let server: GraphServer
    const start = (): Promise<GraphServer> =>
        startServer({
            dataDir,
            tenants: [{ tenantId: DEMO_TENANT.tenantId, displayName: DEMO_TENANT.displayName, users: [{ objectId: '0a1b2c3d-0001-4000-8000-000000000002', userPrincipalName: CONTOSO_SECADMIN, displayName: 'Adele Vance', roles: ['Security Administrator'] }] }],
            apps: [
                {
                    clientId: DEMO_TENANT.clientId,
                    clientSecret: DEMO_TENANT.clientSecret,
                    roles: ['SecurityEvents.ReadWrite.All'],
                    delegatedScopes: ['SecurityEvents.Read.All', 'SecurityEvents.ReadWrite.All'],
                    consentedDelegatedScopes: ['SecurityEvents.Read.All'],
                    redirectUris: [CALLBACK],
                    displayName: 'Secure Score bridge',
                },
            ],
        })
    beforeAll(async () => {
        server = await start()
    })
    afterAll(() => server.close())

    test('the old consent does not cover it: the Security Administrator is stopped (AADSTS90094), a refresh asking for it is invalid_grant AADSTS65001; what it covers still works; a new admin consent covers it, also after a restart', async () => {
        const readOnly = await redeem(server, await signInCode(server, { upn: CONTOSO_SECADMIN, scope: 'openid offline_access https://graph.microsoft.com/SecurityEvents.Read.All' }))
        expect(decodePayload(readOnly.json.access_token).scp).toBe('SecurityEvents.Read.All')
        const stopped = await pickAccount(server, authorizeQuery(server, { scope: WRITE_BACK_SCOPE }), CONTOSO_SECADMIN)
        expect([stopped.status, stopped.text.includes('AADSTS90094')]).toEqual([403, true])
        const widened = await refresh(server, readOnly.json.refresh_token, 'https://graph.microsoft.com/SecurityEvents.ReadWrite.All')
        expect([widened.status, widened.json.error, widened.json.error_codes]).toEqual([400, 'invalid_grant', [65001]])

        server.grantAdminConsent(DEMO_TENANT.tenantId, server.demo.clientId)
        expect((await refresh(server, readOnly.json.refresh_token, 'https://graph.microsoft.com/SecurityEvents.ReadWrite.All')).status).toBe(200)
        await server.close()
        server = await start()
        const code = await signInCode(server, { upn: CONTOSO_SECADMIN, scope: WRITE_BACK_SCOPE })
        expect(decodePayload((await redeem(server, code)).json.access_token).scp).toBe('SecurityEvents.ReadWrite.All')
    })
})

test('a graph.sqlite from before consents kept their permissions: its admin consents cover every delegated permission configured', async () => {
    const dataDir = tempDataDir()
    const old = new Database(join(dataDir, 'graph.sqlite'))
    old.exec('CREATE TABLE admin_consents (tenant_id TEXT NOT NULL, client_id TEXT NOT NULL, PRIMARY KEY (tenant_id, client_id))')
    old.prepare('INSERT INTO admin_consents (tenant_id, client_id) VALUES (?, ?)').run(FABRIKAM_TENANT_ID, DEMO_TENANT.clientId.toLowerCase())
    old.close()
    const server = await startServer({ dataDir })
    try {
        server.registerRedirectUri(server.demo.clientId, CALLBACK)
        const code = await signInCode(server, { authority: FABRIKAM_TENANT_ID, upn: FABRIKAM_SECADMIN, scope: WRITE_BACK_SCOPE })
        expect(decodePayload((await redeem(server, code, {}, FABRIKAM_TENANT_ID)).json.access_token).scp).toBe('SecurityEvents.ReadWrite.All')
    } finally {
        await server.close()
    }
})

test('an app registered with application permissions only (as the bridge tests\' stand-in registers the demo app) configures the same delegated ones: its Security Administrator gets SecurityEvents.ReadWrite.All without a prompt', async () => {
    const server = await startServer({ apps: [{ clientId: DEMO_TENANT.clientId, clientSecret: DEMO_TENANT.clientSecret, roles: ['SecurityEvents.ReadWrite.All'], redirectUris: [CALLBACK] }] })
    try {
        const code = await signInCode(server, { upn: CONTOSO_SECADMIN, scope: WRITE_BACK_SCOPE })
        expect(decodePayload((await redeem(server, code)).json.access_token).scp).toBe('SecurityEvents.ReadWrite.All')
    } finally {
        await server.close()
    }
})
