// Conformance of gs (GlideSystem scoped API) and GlideDateTime with ServiceNow's documentation.
import { GlideDateTime, GlideRecord, gs } from '../../emulator/instance/glide/index.ts'
import { NotEmulated } from '../../emulator/instance/messages.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'

let runtime: Runtime
beforeEach(() => {
    runtime = createRuntime().activate()
})
afterEach(() => runtime.close())

describe('gs properties (GlideSystem.getProperty / setProperty)', () => {
    it("getProperty reads the app's properties from the built sys_properties records", () => {
        expect(gs.getProperty('x_mioms_m365ticket.default_ticket_type')).toBe('change')
    })
    it('getProperty returns the alternate value when the property does not exist', () => {
        expect(gs.getProperty('x_mioms_m365ticket.no_such_property', 'fallback')).toBe('fallback')
    })
    it('setProperty changes the value getProperty returns, and creates a missing property', () => {
        gs.setProperty('x_mioms_m365ticket.default_ticket_type', 'incident')
        expect(gs.getProperty('x_mioms_m365ticket.default_ticket_type')).toBe('incident')
        gs.setProperty('x_mioms_m365ticket.new_one', 42)
        expect(gs.getProperty('x_mioms_m365ticket.new_one')).toBe('42')
    })
})

// GlideSystem - Scoped, setProperty: "Sets the specified key to the specified value if the property is within the
// script's scope."
describe("gs.setProperty from an application scope sets only that scope's properties", () => {
    const APP = 'x_mioms_m365ticket'
    it("sets the app's own property; another scope's property keeps its value", () => {
        runtime.store.insert('sys_properties', { name: 'glide.foo', value: 'before', type: 'string', sys_scope: 'global' }, 'system')
        runtime.runInScope(APP, () => {
            gs.setProperty('x_mioms_m365ticket.default_ticket_type', 'incident')
            gs.setProperty('glide.foo', 'after')
        })
        expect(gs.getProperty('x_mioms_m365ticket.default_ticket_type')).toBe('incident')
        expect(gs.getProperty('glide.foo')).toBe('before')
        gs.setProperty('glide.foo', 'from global')
        expect(gs.getProperty('glide.foo')).toBe('from global')
    })
    it('creating a property from an application scope is refused as not emulated (not documented)', () => {
        expect(() => runtime.runInScope(APP, () => gs.setProperty('x_mioms_m365ticket.new_one', 'x'))).toThrow(
            'not emulated by the local instance: gs.setProperty() creating the property x_mioms_m365ticket.new_one from the application scope x_mioms_m365ticket',
        )
        expect(gs.getProperty('x_mioms_m365ticket.new_one')).toBeNull()
    })
})

// "Elevated privilege roles": "By default, you do not have elevated privilege roles upon login"; "Security_admin
// role": "the admin user does not have this role at login". "Enforce strict elevate privilege": with
// glide.security.strict_elevate_privilege false, privileged roles are elevated upon an admin user's new session
// "(with exception of security_admin)". The local instance has no elevation.
describe('elevated privilege roles are not held without elevation (gs.hasRole)', () => {
    function elevated(role: string): void {
        const row = runtime.store.select('sys_user_role', { blocks: [[[{ field: 'name', op: '=', value: role }]]], orderBy: [] })[0]
        runtime.store.update('sys_user_role', row.sys_id!, { elevated_privilege: '1' }, 'system')
    }
    it('an admin holding security_admin does not have it: hasRole and getRoles leave it out; admin still passes other roles', () => {
        runtime.createUser({ user_name: 'sec.admin', roles: ['admin', 'security_admin', 'audit_reader'] })
        elevated('security_admin')
        runtime.runAs('sec.admin', () => {
            expect(gs.hasRole('security_admin')).toBe(false)
            expect(gs.getUser().hasRole('security_admin')).toBe(false)
            expect(gs.hasRole('security_admin,itil')).toBe(true)
            expect(gs.getUser().getRoles()).not.toContain('security_admin')
            expect(gs.getUser().getRoles()).toContain('admin')
        })
        elevated('audit_reader')
        runtime.runAs('sec.admin', () => expect(gs.hasRole('audit_reader')).toBe(false))
        runtime.store.insert('sys_properties', { name: 'glide.security.strict_elevate_privilege', value: 'false', type: 'boolean' }, 'system')
        runtime.runAs('sec.admin', () => {
            expect(gs.hasRole('audit_reader')).toBe(true)
            expect(gs.hasRole('security_admin')).toBe(false)
        })
    })
})

describe('gs user and roles (GlideSystem.getUser / hasRole)', () => {
    it('getUserID / getUserName / getUser() describe the session user', () => {
        const id = runtime.createUser({ user_name: 'fred.luddy', first_name: 'Fred', last_name: 'Luddy', email: 'fred@example.com' })
        runtime.runAs('fred.luddy', () => {
            expect(gs.getUserID()).toBe(id)
            expect(gs.getUserName()).toBe('fred.luddy')
            expect(gs.getUser().getID()).toBe(id)
            expect(gs.getUser().getFullName()).toBe('Fred Luddy')
            expect(gs.getUser().getEmail()).toBe('fred@example.com')
        })
    })
    it('runAs nests and restores the previous user', () => {
        runtime.createUser({ user_name: 'outer' })
        runtime.createUser({ user_name: 'inner' })
        runtime.runAs('outer', () => {
            runtime.runAs('inner', () => expect(gs.getUserName()).toBe('inner'))
            expect(gs.getUserName()).toBe('outer')
        })
        expect(gs.getUserName()).toBe('system')
    })
    it('hasRole is true for a role the user has directly', () => {
        runtime.createUser({ user_name: 'integ', roles: ['x_mioms_m365ticket.integration'] })
        runtime.runAs('integ', () => {
            expect(gs.hasRole('x_mioms_m365ticket.integration')).toBe(true)
            expect(gs.hasRole('x_mioms_m365ticket.admin')).toBe(false)
            expect(gs.getUser().hasRole('x_mioms_m365ticket.user')).toBe(false)
        })
    })
    it('hasRole follows role containment (the app admin role contains the user role)', () => {
        runtime.createUser({ user_name: 'appadmin', roles: ['x_mioms_m365ticket.admin'] })
        runtime.runAs('appadmin', () => {
            expect(gs.hasRole('x_mioms_m365ticket.user')).toBe(true)
            expect(gs.hasRole('x_mioms_m365ticket.integration')).toBe(false)
        })
    })
    // GlideSystem API reference, hasRole(): "Also returns true if the user has the administrator role."
    it('a user with the admin role has every role, even one that does not exist', () => {
        runtime.runAs('admin', () => {
            expect(gs.hasRole('x_mioms_m365ticket.integration')).toBe(true)
            expect(gs.hasRole('no_such_role')).toBe(true)
            expect(gs.getUser().hasRole('no_such_role')).toBe(true)
        })
    })
    it('hasRole reads the instance role engine: a role granted after the first check counts at once', () => {
        const id = runtime.createUser({ user_name: 'late' })
        runtime.runAs('late', () => expect(gs.hasRole('x_mioms_m365ticket.user')).toBe(false))
        const role = new GlideRecord('sys_user_role')
        role.get('name', 'x_mioms_m365ticket.user')
        const grant = new GlideRecord('sys_user_has_role')
        grant.initialize()
        grant.setValue('user', id)
        grant.setValue('role', role.getUniqueValue())
        grant.insert()
        runtime.runAs('late', () => expect(gs.hasRole('x_mioms_m365ticket.user')).toBe(true))
    })
    it('hasRole accepts a comma-separated list (any of them)', () => {
        runtime.createUser({ user_name: 'u', roles: ['x_mioms_m365ticket.user'] })
        runtime.runAs('u', () => expect(gs.hasRole('x_mioms_m365ticket.admin,x_mioms_m365ticket.user')).toBe(true))
    })
    it('records are created by the session user (sys_created_by)', () => {
        runtime.createUser({ user_name: 'creator' })
        const id = runtime.runAs('creator', () => {
            const gr = new GlideRecord('incident')
            gr.initialize()
            return gr.insert()
        })
        const gr = new GlideRecord('incident')
        gr.get(id)
        expect(gr.getValue('sys_created_by')).toBe('creator')
    })
    it('user passwords are stored hashed', () => {
        runtime.createUser({ user_name: 'pw', password: 'S3cret!pass' })
        const gr = new GlideRecord('sys_user')
        gr.get('user_name', 'pw')
        expect(gr.getValue('user_password')).not.toContain('S3cret!pass')
        expect(runtime.verifyPassword('pw', 'S3cret!pass')).toBe(true)
        expect(runtime.verifyPassword('pw', 'wrong')).toBe(false)
    })
})

describe('gs logging and utilities', () => {
    it('gs.info / warn / error write syslog rows with levels 0 / 1 / 2 and the app scope as source', () => {
        gs.info('hello {0}', 'world')
        gs.warn('careful')
        gs.error('broken')
        const log = new GlideRecord('syslog')
        log.addQuery('source', 'x_mioms_m365ticket')
        log.orderBy('level')
        log.query()
        const rows: string[] = []
        while (log.next()) rows.push(`${log.getValue('level')}:${log.getValue('message')}`)
        expect(rows).toEqual(['0:hello world', '1:careful', '2:broken'])
    })
    it('gs.nil is true for null, undefined, empty strings and empty elements', () => {
        const gr = new GlideRecord('incident')
        gr.initialize()
        expect([gs.nil(null), gs.nil(undefined), gs.nil(''), gs.nil(gr.category), gs.nil('x')]).toEqual([true, true, true, true, false])
    })
    it('generateGUID returns a 32-character hex sys_id; getCurrentScopeName the app scope', () => {
        expect(gs.generateGUID()).toMatch(/^[0-9a-f]{32}$/)
        expect(gs.getCurrentScopeName()).toBe('x_mioms_m365ticket')
    })
    it('addErrorMessage / addInfoMessage are kept on the session', () => {
        gs.addErrorMessage('bad')
        gs.addInfoMessage('fine')
        expect(runtime.session.errorMessages).toEqual(['bad'])
        expect(runtime.session.infoMessages).toEqual(['fine'])
    })
})

// Issue 11 §3 (strict): a GlideSystem method the platform has (the SDK's list of the platform's APIs,
// @servicenow/glide/src/util/GlideAPIs.json) but the local instance does not emulate is refused, never undefined.
describe('GlideSystem methods the local instance does not emulate', () => {
    it.each(['eventQueue', 'nowDateTime', 'getMessage', 'dateDiff', 'getCallerScopeName', 'isInteractive'])('gs.%s() throws "not emulated by the local instance"', (method) => {
        const call = () => (gs as unknown as Record<string, () => unknown>)[method]()
        expect(call).toThrow(NotEmulated)
        expect(call).toThrow(`not emulated by the local instance: gs.${method}()`)
    })
    it('a name the platform does not have stays undefined, as on the platform', () => {
        expect((gs as unknown as Record<string, unknown>).noSuchMethod).toBeUndefined()
    })
})

describe('GlideDateTime (GlideDateTime API)', () => {
    // GlideDateTime - Scoped: add(Number milliseconds) — "1314777600000 1314777600010" in the documented example.
    it('holds milliseconds: add(10) moves getNumericValue by 10, getValue keeps yyyy-MM-dd HH:mm:ss', () => {
        const gdt = new GlideDateTime('2011-08-31 08:00:00')
        expect(gdt.getNumericValue()).toBe(1314777600000)
        gdt.add(10)
        expect(gdt.getNumericValue()).toBe(1314777600010)
        expect(gdt.getValue()).toBe('2011-08-31 08:00:00')
    })
    it('new GlideDateTime() is now to the millisecond, and compareTo tells instants a millisecond apart', () => {
        const before = Date.now()
        const now = new GlideDateTime()
        expect(now.getNumericValue()).toBeGreaterThanOrEqual(before)
        expect(now.getNumericValue()).toBeLessThanOrEqual(Date.now())
        const later = new GlideDateTime(now)
        later.add(1)
        expect([now.compareTo(later), later.compareTo(now), now.equals(later), now.before(later)]).toEqual([-1, 1, false, true])
    })
    // GlideDateTime - Scoped: subtract(Number milliseconds), "2011-12-07 07:59:59" after subtract(1000); subtract(start, end)
    // returns the GlideDuration between them ("2 Days 23 Hours").
    it('subtract(ms) moves back by milliseconds; GlideDateTime.subtract(start, end) is the duration in milliseconds', () => {
        const gdt = new GlideDateTime('2011-12-07 08:00:00')
        gdt.subtract(1000)
        expect(gdt.getValue()).toBe('2011-12-07 07:59:59')
        const start = new GlideDateTime('2011-08-28 09:00:00')
        const end = new GlideDateTime('2011-08-31 08:00:00')
        end.add(250)
        expect(GlideDateTime.subtract(start, end).getNumericValue()).toBe((2 * 86400 + 23 * 3600) * 1000 + 250)
        expect(GlideDateTime.subtract(start, end).getDisplayValue()).toBe('2 Days 23 Hours')
    })
    // GlideDateTime - Scoped: setValue(o) takes a UTC string, a GlideDateTime or "a JavaScript Number ... as milliseconds".
    it('setValue takes a string, another GlideDateTime or epoch milliseconds', () => {
        const gdt = new GlideDateTime()
        gdt.setValue(1314777600123)
        expect(gdt.getNumericValue()).toBe(1314777600123)
        gdt.setValue(new GlideDateTime('2011-02-02 08:00:00'))
        expect(gdt.getValue()).toBe('2011-02-02 08:00:00')
    })
    // GlideDateTime - Scoped: GlideDateTime(String) tries other formats (MM/dd/yyyy, dd.MM.yyyy, ...) after the internal one;
    // the local instance parses only the internal formats and refuses the others instead of guessing day and month.
    it('refuses a value in a non-internal format, and a setValueUTC format other than the internal one', () => {
        expect(() => new GlideDateTime('08/31/2011 08:00:00')).toThrow('not emulated by the local instance')
        expect(() => new GlideDateTime().setValueUTC('15-02-2011 08:00:00', 'dd-MM-yyyy HH:mm:ss')).toThrow(NotEmulated)
        expect(new GlideDateTime('not a date').isValid()).toBe(false)
    })
    it.each(['getDate', 'getTime', 'getLocalDate', 'getDayOfWeekUTC', 'setTZ'])('GlideDateTime.%s(), which the platform has, is refused as not emulated', (method) => {
        const gdt = new GlideDateTime() as unknown as Record<string, () => unknown>
        expect(() => gdt[method]()).toThrow(`not emulated by the local instance: GlideDateTime.${method}()`)
    })
    it('new GlideDateTime() is the current time in UTC, as YYYY-MM-DD HH:mm:ss', () => {
        const value = new GlideDateTime().getValue()
        expect(value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
        expect(Math.abs(Date.parse(`${value.replace(' ', 'T')}Z`) - Date.now())).toBeLessThan(2000)
    })
    it('a GlideDateTime built from a UTC value keeps it; getNumericValue is epoch milliseconds', () => {
        const gdt = new GlideDateTime('2024-02-29 23:30:00')
        expect(gdt.getValue()).toBe('2024-02-29 23:30:00')
        expect(gdt.getNumericValue()).toBe(Date.UTC(2024, 1, 29, 23, 30, 0))
    })
    it('addSeconds and addDaysUTC move the instant, across month ends', () => {
        const gdt = new GlideDateTime('2024-02-29 23:30:00')
        gdt.addSeconds(1800)
        expect(gdt.getValue()).toBe('2024-03-01 00:00:00')
        gdt.addDaysUTC(-1)
        expect(gdt.getValue()).toBe('2024-02-29 00:00:00')
    })
    it('before / after / compareTo / equals compare instants', () => {
        const a = new GlideDateTime('2024-01-01 00:00:00')
        const b = new GlideDateTime('2024-01-01 00:00:01')
        expect([a.before(b), a.after(b), a.compareTo(b), b.compareTo(a), a.equals(new GlideDateTime(a))]).toEqual([true, false, -1, 1, true])
    })
    it('setValue / setValueUTC replace the value; GlideDateTime.subtract gives the duration', () => {
        const a = new GlideDateTime()
        a.setValue('2024-01-01 00:00:00')
        const b = new GlideDateTime()
        b.setValueUTC('2024-01-02 01:00:00', 'yyyy-MM-dd HH:mm:ss')
        expect(GlideDateTime.subtract(a, b).getNumericValue()).toBe(25 * 3600 * 1000)
        expect(GlideDateTime.subtract(a, b).getDisplayValue()).toBe('1 Day 1 Hour')
    })
    it('a date-time field stores the GlideDateTime value and compares as UTC text in queries', () => {
        const gr = new GlideRecord('incident')
        gr.initialize()
        gr.setValue('due_date', new GlideDateTime('2030-05-01 12:00:00'))
        gr.insert()
        expect(gr.getValue('due_date')).toBe('2030-05-01 12:00:00')
        const later = new GlideRecord('incident')
        later.addQuery('due_date', '>', '2030-05-01 11:59:59')
        later.query()
        expect(later.getRowCount()).toBe(1)
        const none = new GlideRecord('incident')
        none.addQuery('due_date', '>', new GlideDateTime('2030-05-01 12:00:00'))
        none.query()
        expect(none.getRowCount()).toBe(0)
    })
    it('autoSysFields(false) lets an update keep a given sys_updated_on (GlideRecord.autoSysFields)', () => {
        const gr = new GlideRecord('incident')
        gr.initialize()
        gr.insert()
        gr.autoSysFields(false)
        gr.setValue('sys_updated_on', '2020-01-01 00:00:00')
        gr.update()
        const again = new GlideRecord('incident')
        again.get(gr.getUniqueValue())
        expect(again.getValue('sys_updated_on')).toBe('2020-01-01 00:00:00')
        expect(again.getValue('sys_mod_count')).toBe('0')
    })
})
