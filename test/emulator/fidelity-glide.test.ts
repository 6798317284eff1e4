// Register rows of "Glide APIs" whose named tests asserted less than the row: each test here asserts its row whole.
import { GlideDateTime, GlideRecord, gs } from '../../emulator/instance/glide/index.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'

describe('GlideDateTime in the local instance, whose system and user time zone is UTC (local choice)', () => {
    it('shows display values as the internal values: getDisplayValue and getDisplayValueInternal equal getValue, setDisplayValue is setValue', () => {
        const gdt = new GlideDateTime('2024-02-29 23:30:00')
        expect(gdt.getDisplayValue()).toBe('2024-02-29 23:30:00')
        expect(gdt.getDisplayValueInternal()).toBe('2024-02-29 23:30:00')
        gdt.setDisplayValue('2025-01-31 08:00:00')
        expect(gdt.getValue()).toBe('2025-01-31 08:00:00')
    })

    it.each([
        ['addDaysLocalTime', 'addDaysUTC', 1],
        ['addWeeksLocalTime', 'addWeeksUTC', 2],
        ['addMonthsLocalTime', 'addMonthsUTC', 1],
        ['addYearsLocalTime', 'addYearsUTC', 1],
    ] as const)('%s moves the value as %s does', (local, utc, amount) => {
        const byLocal = new GlideDateTime('2024-01-31 23:30:00')
        const byUtc = new GlideDateTime('2024-01-31 23:30:00')
        byLocal[local](amount)
        byUtc[utc](amount)
        expect(byLocal.getValue()).toBe(byUtc.getValue())
        expect(byLocal.getValue()).not.toBe('2024-01-31 23:30:00')
    })
})

describe('gs outside a session user and gs.debug', () => {
    let runtime: Runtime
    beforeEach(() => {
        runtime = createRuntime().activate()
    })
    afterEach(() => runtime.close())

    it('code outside a session user runs as system, which passes every hasRole (local choice)', () => {
        expect([gs.getUserName(), gs.getUserID()]).toEqual(['system', 'system'])
        expect([gs.hasRole('admin'), gs.hasRole('no_such_role'), gs.getUser().hasRole('itil')]).toEqual([true, true, true])
        runtime.createUser({ user_name: 'plain' })
        runtime.runAs('plain', () => expect(gs.hasRole('no_such_role')).toBe(false))
    })

    it('gs.debug writes a syslog row at level -1 with {0} substitution and the app scope as source', () => {
        gs.debug('step {0} of {1}', 2, 3)
        const log = new GlideRecord('syslog')
        log.addQuery('level', '-1')
        log.query()
        expect(log.next()).toBe(true)
        expect([log.getValue('message'), log.getValue('source')]).toEqual(['step 2 of 3', 'x_mioms_m365ticket'])
    })
})
