// Preflight and OAuth creation: the refused-policy case (nothing attempted), creation with a
// one-time secret, re-running repairs instead of duplicating, validation.
import { GlideRecord, gs } from '@servicenow/glide'
import { getStatus, postOAuthClient } from '../../../src/server/rest/setup-routes.ts'
import { REQUIRED_PRIVILEGES } from '../../../src/server/setup/preflight.ts'
import { expectFailure } from '../../support/expect-failure.ts'
import { createSetupHarness, type SetupHarness } from '../../support/setup-harness.ts'

const REFUSED = "Read operation against 'oauth_entity' from scope 'x_mioms_m365ticket' has been refused due to the table's cross-scope access policy"
const REDIRECT = 'https://security.microsoft.com/ticketProvisioning/oauth/callback'

let h: SetupHarness
beforeEach(() => {
    h = createSetupHarness()
})
afterEach(() => h.runtime.close())

const steps = () => h.call(getStatus, 'GET', '/status').json.result.steps
const preflight = () => steps()[0]
const oauth = () => steps()[1]

describe('preflight', () => {
    test.each([
        ['not accessible from other scopes', { access: 'package_private' }],
        ['Can read unchecked', { read_access: 'false' }],
    ])('%s: the platform message and the fix, OAuth blocked', (_case, policy) => {
        h.allowOAuthTable()
        h.setTablePolicy('oauth_entity', policy)
        const step = preflight()
        expect(step.state).toBe('failed')
        expect(step.problems[0].message).toBe(REFUSED)
        expect(step.problems[0].fix).toMatch(/oauth_entity \(label "Application Registries"\)/)
        expect(step.problems[0].fix).toMatch(/Accessible from = All application scopes, check Can read and Can create/)
        expect(step.problems[0].fix).toMatch(/ServiceNow recommends keeping the out-of-the-box settings/)
        expect(oauth().state).toBe('blocked')
    })

    // "Disable GlideRecord Scope Fencing Legacy Behavior": while glide.record.legacy_cross_scope_access_policy_in_script
    // is true (the default when absent), scripts may create and update global records whatever Can create says.
    test('Can create unchecked passes under the legacy scope fencing default, and is refused once it is turned off', () => {
        h.allowOAuthTable()
        h.setTablePolicy('oauth_entity', { create_access: 'false' })
        expect(preflight().state).toBe('complete')
        expect(preflight().details.legacyScopeAccess).toBe(true)
        h.runtime.runAs('admin', () => gs.setProperty('glide.record.legacy_cross_scope_access_policy_in_script', 'false'))
        expect(preflight().state).toBe('failed')
        expect(preflight().problems[0].message).toBe(REFUSED.replace('Read operation', 'Create operation'))
        expect(oauth().state).toBe('blocked')
    })

    test("a refused delete on oauth_credential (Can delete's default) is shown but does not fail: Microsoft 365 revokes its own tokens", () => {
        h.allowOAuthTable()
        h.setTablePolicy('oauth_credential', { access: 'public', read_access: 'true', delete_access: 'false' })
        const step = preflight()
        expect(step.state).toBe('complete')
        expect(step.details.access).toContainEqual({ table: 'oauth_credential', operation: 'delete', allowed: false, required: false })
        h.setTablePolicy('oauth_credential', { delete_access: 'true' })
        expect(preflight().details.access).toContainEqual({ table: 'oauth_credential', operation: 'delete', allowed: true, required: false })
    })

    test('a table the integration user step needs, refused, fails the preflight with its own fix', () => {
        h.allowOAuthTable()
        h.setTablePolicy('sys_user_has_role', { access: 'package_private' })
        const step = preflight()
        expect(step.state).toBe('failed')
        expect(step.problems.map((problem: { message: string }) => problem.message)).toContain(
            "Read operation against 'sys_user_has_role' from scope 'x_mioms_m365ticket' has been refused due to the table's cross-scope access policy",
        )
    })

    test("a missing or unapproved cross-scope privilege of the app fails the preflight", () => {
        h.allowOAuthTable()
        expect(preflight().state).toBe('complete')
        expect(preflight().details.privileges).toEqual({ required: 23, missing: [] })
        h.runtime.runAs('admin', () => {
            const privilege = new GlideRecord('sys_scope_privilege')
            privilege.addQuery('target_name', 'oauth_entity')
            privilege.addQuery('operation', 'create')
            privilege.query()
            privilege.next()
            privilege.setValue('status', 'requested')
            privilege.update()
        })
        const step = preflight()
        expect(step.state).toBe('failed')
        expect(step.details.privileges.missing).toEqual(['oauth_entity (create)'])
        expect(step.problems[0].message).toMatch(/oauth_entity \(create\)/)
        expect(step.problems[0].fix).toMatch(/Application Cross-Scope Access/)
    })

    test('every privilege the preflight requires is shipped, allowed', () => {
        const shipped = h.rows('sys_scope_privilege').map((row) => row.target_name + ' (' + row.operation + ')' + (row.status === 'allowed' ? '' : ' ' + row.status))
        const required = REQUIRED_PRIVILEGES.flatMap((entry) => entry.operations.map((operation) => entry.table + ' (' + operation + ')'))
        // Other parts of the app (e.g. its ATF tests) may ship further privileges.
        expect(shipped).toEqual(expect.arrayContaining(required))
    })

    test('with the policy refused, OAuth creation answers 409 with the message and touches nothing', () => {
        h.setTablePolicy('oauth_entity', { access: 'package_private', read_access: 'false', create_access: 'false' })
        const res = h.call(postOAuthClient, 'POST', '/oauth-client', { body: { name: 'M365' } })
        expect(res.status).toBe(409)
        expect(res.json).toEqual({ error: { message: REFUSED, detail: expect.stringMatching(/Application Registries/) }, status: 'failure' })
        expect(h.count('oauth_entity')).toBe(0)
    })
})

describe('OAuth client', () => {
    beforeEach(() => h.allowOAuthTable())

    test('is created once with the redirect URL and lifespans from the properties; the secret is in that response only', () => {
        const res = h.call(postOAuthClient, 'POST', '/oauth-client')
        expect(res.status).toBe(201)
        expect(res.headers['cache-control']).toBe('no-store')
        const { client, clientSecret, created } = res.json.result
        expect(created).toBe(true)
        expect(client).toMatchObject({ name: 'Microsoft 365 Ticketing Connector', redirectUrl: REDIRECT, active: true, accessTokenLifespan: 1800, refreshTokenLifespan: 8640000 })
        expect(client.clientId).toMatch(/^[0-9a-f]{32}$/)
        expect(clientSecret).toMatch(/^[A-Za-z0-9]{40}$/)
        expect(client).not.toHaveProperty('clientSecret')

        const rows = h.rows('oauth_entity')
        expect(rows).toHaveLength(1)
        expect(rows[0]).toMatchObject({ type: 'client', client_id: client.clientId, redirect_url: REDIRECT, access_token_lifespan: '1800', refresh_token_lifespan: '8640000' })
        expect(oauth()).toMatchObject({ state: 'complete', details: { client: { clientId: client.clientId } } })
    })

    test('two creations give different client IDs and secrets (fresh instances)', () => {
        const first = h.call(postOAuthClient, 'POST', '/oauth-client').json.result
        const other = createSetupHarness()
        other.allowOAuthTable()
        const second = other.call(postOAuthClient, 'POST', '/oauth-client').json.result
        other.runtime.close()
        h.runtime.activate()
        expect(second.client.clientId).not.toBe(first.client.clientId)
        expect(second.clientSecret).not.toBe(first.clientSecret)
    })

    test('re-running repairs the existing client instead of creating another, and shows no secret', () => {
        const created = h.call(postOAuthClient, 'POST', '/oauth-client').json.result
        h.runtime.runAs('admin', () => {
            const client = new GlideRecord('oauth_entity')
            client.get(created.client.sysId)
            client.setValue('active', false)
            client.setValue('redirect_url', 'https://example.com/callback')
            client.setValue('refresh_token_lifespan', '60')
            client.update()
        })
        expect(oauth().problems.map((p: { code: string }) => p.code)).toEqual(['client_inactive', 'redirect_url_mismatch'])

        const again = h.call(postOAuthClient, 'POST', '/oauth-client')
        expect(again.status).toBe(200)
        expect(again.json.result).toEqual({
            created: false,
            repaired: ['active', 'redirectUrl', 'refreshTokenLifespan'],
            client: expect.objectContaining({ sysId: created.client.sysId, clientId: created.client.clientId, active: true, redirectUrl: REDIRECT, refreshTokenLifespan: 8640000 }),
        })
        expect(again.raw).not.toContain(created.clientSecret)
        expect(h.count('oauth_entity')).toBe(1)
        expect(oauth().state).toBe('complete')

        const third = h.call(postOAuthClient, 'POST', '/oauth-client')
        expect(third.json.result.repaired).toEqual([])
        expect(h.count('oauth_entity')).toBe(1)
    })

    test('an edited redirect URL and lifespans become the settings the step checks', () => {
        const url = 'https://security.microsoft.com/ticketProvisioning/oauth/callback2'
        const res = h.call(postOAuthClient, 'POST', '/oauth-client', { body: { name: 'M365 tickets', redirectUrl: url, accessTokenLifespan: 3600, refreshTokenLifespan: '864000' } })
        expect(res.status).toBe(201)
        expect(res.json.result.client).toMatchObject({ name: 'M365 tickets', redirectUrl: url, accessTokenLifespan: 3600, refreshTokenLifespan: 864000 })
        expect(oauth()).toMatchObject({ state: 'complete', details: { expected: { redirectUrl: url, accessTokenLifespan: 3600, refreshTokenLifespan: 864000 } } })
    })

    test('the redirect URL is https, or plain http only on this machine (a local Microsoft 365 side)', () => {
        for (const url of ['http://security.microsoft.com/x', 'http://127.0.0.1.example.com/cb', 'http://localhost@example.com/cb', 'javascript:alert(1)']) {
            const refused = h.call(postOAuthClient, 'POST', '/oauth-client', { body: { redirectUrl: url } })
            expectFailure(refused, 400, 'Invalid request', 'redirectUrl: must be an https URL (http only for localhost or 127.0.0.1)')
        }
        expect(h.count('oauth_entity')).toBe(0)
        const local = h.call(postOAuthClient, 'POST', '/oauth-client', { body: { redirectUrl: 'http://127.0.0.1:8090/oauth/callback' } })
        expect(local.status).toBe(201)
        expect(local.json.result.client.redirectUrl).toBe('http://127.0.0.1:8090/oauth/callback')
    })

    test('rotateSecret issues a new secret once', () => {
        const created = h.call(postOAuthClient, 'POST', '/oauth-client').json.result
        const rotated = h.call(postOAuthClient, 'POST', '/oauth-client', { body: { rotateSecret: true } }).json.result
        expect(rotated.repaired).toEqual(['clientSecret'])
        expect(rotated.clientSecret).toMatch(/^[A-Za-z0-9]{40}$/)
        expect(rotated.clientSecret).not.toBe(created.clientSecret)
    })

    test('invalid input is a 400 listing every bad field; nothing is created', () => {
        const res = h.call(postOAuthClient, 'POST', '/oauth-client', {
            body: { name: 'a\u0007b', redirectUrl: 'http://security.microsoft.com/x', accessTokenLifespan: 5, refreshTokenLifespan: 'soon', rotateSecret: 'yes' },
        })
        expectFailure(res, 400, 'Invalid request', [
            'name: must not contain control characters',
            'redirectUrl: must be an https URL (http only for localhost or 127.0.0.1)',
            'accessTokenLifespan: must be a whole number of seconds, 60-86400',
            'refreshTokenLifespan: must be a whole number of seconds, 3600-31536000',
            'rotateSecret: must be true or false',
        ].join('; '))
        expect(h.count('oauth_entity')).toBe(0)
        expectFailure(h.call(postOAuthClient, 'POST', '/oauth-client', { rawBody: '[1]' }), 400, 'Invalid request', 'body: must be a JSON object')
    })
})
