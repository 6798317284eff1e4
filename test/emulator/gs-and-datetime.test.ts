// Conformance of gs (GlideSystem scoped API) and GlideDateTime with ServiceNow's documentation.
import { GlideDateTime, GlideRecord, gs } from '../../emulator/instance/glide/index.ts'
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
    it('a user with the admin role has every role', () => {
        runtime.runAs('admin', () => expect(gs.hasRole('x_mioms_m365ticket.integration')).toBe(true))
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
    it('addErrorMessage / addInfoMessage are kept on the session; eventQueue is recorded', () => {
        gs.addErrorMessage('bad')
        gs.addInfoMessage('fine')
        gs.eventQueue('x_mioms_m365ticket.something', null, 'p1')
        expect(runtime.session.errorMessages).toEqual(['bad'])
        expect(runtime.session.infoMessages).toEqual(['fine'])
        expect(runtime.session.events[0]).toMatchObject({ name: 'x_mioms_m365ticket.something', parm1: 'p1' })
    })
})

describe('GlideDateTime (GlideDateTime API)', () => {
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
