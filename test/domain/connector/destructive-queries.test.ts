// The app's deletes and updates stay on their own rows under the platform's DEFAULT query semantics,
// where a condition on an unknown field is dropped and the rest of the query runs (GlideRecord scoped API,
// glide.invalid_query.returns_no_rows=false). npm test runs the instance strict, so these tests turn that
// off: they are about what happens on a real instance, not about catching typos.
import { GlideDateTime, GlideRecord } from '@servicenow/glide'
import { purgeApiLog } from '../../../src/server/jobs/purge-api-log.ts'
import { requireFields } from '../../../src/server/platform/fields.ts'
import { deleteConnection, putConnection } from '../../../src/server/rest/connector-routes.ts'
import { createHarness, TENANT, type Harness } from '../../support/connector-harness.ts'

let h: Harness
const strictBefore = process.env.LOCAL_INSTANCE_STRICT

beforeEach(() => {
    process.env.LOCAL_INSTANCE_STRICT = '0'
    h = createHarness()
})

afterEach(() => {
    h.runtime.close()
    process.env.LOCAL_INSTANCE_STRICT = strictBefore
})


describe('requireFields', () => {
    it('refuses a query on a field the table does not have, naming table and field, before anything runs', () => {
        h.runtime.runAs('admin', () => {
            const record = new GlideRecord('oauth_credential')
            expect(() => requireFields(record, ['user', 'usr'])).toThrow('Refusing to change oauth_credential rows: unknown field(s) usr')
            expect(() => requireFields(record, ['user', 'type'])).not.toThrow()
        })
    })
})

describe('under the platform default (invalid conditions dropped)', () => {
    it("DELETE /connection revokes only the tenant's integration user's tokens", () => {
        const registered = h.call(putConnection, 'PUT', '/connection', { body: { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'secadmin@contoso.onmicrosoft.com' } })
        expect(registered.status).toBe(201)
        h.allowTokenDeletes()
        h.addRefreshToken(h.integrationUser, 'mine')
        h.addRefreshToken(h.otherIntegrationUser, 'theirs')
        const admin = h.runtime.runAs('admin', () => {
            const user = new GlideRecord('sys_user')
            user.get('user_name', 'admin')
            return user.getUniqueValue()
        })
        h.addRefreshToken(admin, 'the admin session')

        const removed = h.call(deleteConnection, 'DELETE', '/connection', { query: { tenantId: TENANT } })
        expect(removed.status).toBe(200)
        expect(h.rows('oauth_credential').map((row) => row.token).sort()).toEqual(['the admin session', 'theirs'])
    })

    it('the API log purge counts and deletes only rows older than the retention', () => {
        const old = new GlideDateTime()
        old.addDaysUTC(-45)
        h.runtime.runAs('admin', () => {
            for (const [route, created] of [['old', old.getValue()], ['older', '2020-01-01 00:00:00'], ['new', new GlideDateTime().getValue()]]) {
                const row = new GlideRecord('x_mioms_m365ticket_api_log')
                row.initialize()
                row.setValue('route', route)
                row.setValue('method', 'GET')
                row.setValue('http_status', '200')
                row.setValue('sys_created_on', created)
                row.insert()
            }
        })
        expect(h.runtime.runAs('admin', () => purgeApiLog())).toBe(2)
        expect(h.rows('x_mioms_m365ticket_api_log').map((row) => row.route)).toEqual(['new'])
        expect(h.runtime.runAs('admin', () => purgeApiLog())).toBe(0)
        expect(h.rows('x_mioms_m365ticket_api_log').map((row) => row.route)).toEqual(['new'])
    })
})
