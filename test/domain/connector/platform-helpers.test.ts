// The helpers of src/server/platform over the Glide API (fields.ts, properties.ts, roles.ts), each called directly
// on one instance: what the connector and the setup steps build on, pinned in a few seconds.
import { GlideRecord, gs } from '@servicenow/glide'
import { requireFields } from '../../../src/server/platform/fields.ts'
import { booleanProperty, instanceBaseUrl, integerProperty, isTrue, PROPERTY } from '../../../src/server/platform/properties.ts'
import { ADMIN_ROLE, grantedRoleNames, hasGrantedRole, INTEGRATION_ROLE, roleSysId } from '../../../src/server/platform/roles.ts'
import { createHarness, type Harness } from '../../support/connector-harness.ts'

let h: Harness

beforeAll(() => {
    h = createHarness()
})

afterAll(() => h.runtime.close())

describe('requireFields', () => {
    it('passes when every field exists on the table, and names the table and each missing field otherwise', () => {
        const task = new GlideRecord('task')
        expect(() => requireFields(task, ['state', 'short_description'])).not.toThrow()
        expect(() => requireFields(task, [])).not.toThrow()
        expect(() => requireFields(task, ['state', 'no_such_field', 'other_missing'])).toThrow(new Error('Refusing to change task rows: unknown field(s) no_such_field, other_missing'))
    })
})

describe('properties', () => {
    it('integerProperty: the property as a whole number, the fallback when unset or not a number', () => {
        h.inApp(() => gs.setProperty(PROPERTY.apiLogRetentionDays, '45'))
        expect(h.inApp(() => integerProperty(PROPERTY.apiLogRetentionDays, 30))).toBe(45)
        h.inApp(() => gs.setProperty(PROPERTY.apiLogRetentionDays, 'forever'))
        expect(h.inApp(() => integerProperty(PROPERTY.apiLogRetentionDays, 30))).toBe(30)
        h.inApp(() => gs.setProperty(PROPERTY.apiLogRetentionDays, '12 days'))
        expect(h.inApp(() => integerProperty(PROPERTY.apiLogRetentionDays, 30))).toBe(12)
        expect(h.inApp(() => integerProperty('x_mioms_m365ticket.not_a_property', 7))).toBe(7)
    })

    it("booleanProperty: 'true' or '1' is true, anything else false; the fallback when unset", () => {
        const given: [string, boolean][] = [['true', true], ['1', true], ['false', false], ['0', false], ['yes', false]]
        for (const [value, expected] of given) {
            h.inApp(() => gs.setProperty(PROPERTY.shareWorkNotes, value))
            expect([value, h.inApp(() => booleanProperty(PROPERTY.shareWorkNotes, !expected))]).toEqual([value, expected])
        }
        expect(h.inApp(() => booleanProperty('x_mioms_m365ticket.not_a_property', true))).toBe(true)
        expect(h.inApp(() => booleanProperty('x_mioms_m365ticket.not_a_property', false))).toBe(false)
    })

    it("instanceBaseUrl: glide.servlet.uri ending in '/', empty when unset", () => {
        const base = () => h.runtime.runAs('admin', () => h.runtime.runInScope('global', () => {
            return instanceBaseUrl()
        }))
        const setUri = (value: string) => h.runtime.runAs('admin', () => h.runtime.runInScope('global', () => gs.setProperty('glide.servlet.uri', value)))
        setUri('https://contoso.service-now.com')
        expect(base()).toBe('https://contoso.service-now.com/')
        setUri('https://contoso.service-now.com/')
        expect(base()).toBe('https://contoso.service-now.com/')
        setUri('')
        expect(base()).toBe('')
    })

    it("isTrue: a boolean field's 'true' or '1'", () => {
        expect(['true', '1', 'false', '0', 'TRUE', '', null].map(isTrue)).toEqual([true, true, false, false, false, false, false])
    })
})

describe('roles', () => {
    let alpha: string
    let beta: string
    let user: string

    beforeAll(() => {
        alpha = h.insertAsAdmin('sys_user_role', { name: 'u_alpha' })
        beta = h.insertAsAdmin('sys_user_role', { name: 'u_beta' })
        h.insertAsAdmin('sys_user_role', { name: 'u_gamma' })
        const unnamed = h.insertAsAdmin('sys_user_role', {})
        user = h.runtime.createUser({ user_name: 'role.holder' })
        // Granted twice (as through two groups), one grant whose role no longer exists and one of a role without a name.
        for (const role of [beta, alpha, beta, 'deadbeefdeadbeefdeadbeefdeadbeef', unnamed]) h.insertAsAdmin('sys_user_has_role', { user, role })
    })

    it('ADMIN_ROLE and INTEGRATION_ROLE name roles the built app ships', () => {
        const appRoles = h.rows('sys_user_role', 'nameSTARTSWITHx_mioms_m365ticket.').map((row) => row.name)
        expect(appRoles).toEqual(expect.arrayContaining([ADMIN_ROLE, INTEGRATION_ROLE]))
    })

    it('roleSysId: the sys_id of the role of that name, null for none', () => {
        expect(h.inApp(() => roleSysId('u_alpha'))).toBe(alpha)
        expect(h.inApp(() => roleSysId('u_beta'))).toBe(beta)
        expect(h.inApp(() => roleSysId('u_missing'))).toBeNull()
    })

    it('grantedRoleNames: each granted role once, sorted, grants of missing roles left out', () => {
        expect(h.inApp(() => grantedRoleNames(user))).toEqual(['u_alpha', 'u_beta'])
        expect(h.inApp(() => grantedRoleNames(h.runtime.createUser({ user_name: 'no.roles' })))).toEqual([])
    })

    it('hasGrantedRole: only a role granted to that user', () => {
        expect(h.inApp(() => hasGrantedRole(user, 'u_alpha'))).toBe(true)
        expect(h.inApp(() => hasGrantedRole(user, 'u_gamma'))).toBe(false)
        expect(h.inApp(() => hasGrantedRole(user, 'u_missing'))).toBe(false)
        expect(h.inApp(() => hasGrantedRole(h.integrationUser, 'u_alpha'))).toBe(false)
    })
})
