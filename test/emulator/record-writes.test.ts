// Conformance of GlideRecord writes: the order every write goes through ("Business rules": before rules run
// before the database operation, after rules after it; "Execution order of scripts and engines": the before rules
// ordered below 1000, the before engines, then the before rules ordered 1000 or more; "Using GlideRecordSecure": ACLs
// are checked first; cross-scope access is checked for the caller's scope), and the stored clock (glide_date_time values have second
// resolution as getValue returns them: 'YYYY-MM-DD HH:mm:ss' UTC).
import { GlideRecord, GlideRecordSecure } from '../../emulator/instance/glide/index.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'
import { everyRow } from '../support/api-paths.ts'

let runtime: Runtime
beforeEach(() => {
    runtime = createRuntime().activate()
})
afterEach(() => {
    runtime.close()
})

describe('the write order: ACL, cross-scope, before rules below 1000, engines, before rules from 1000, store, after rules', () => {
    it('insert, update and delete go through every step in that order', () => {
        const steps: string[] = []
        runtime.setAcl((operation) => {
            steps.push(`acl ${operation}`)
            return true
        })
        runtime.setTableAccessPolicy((operation) => steps.push(`cross-scope ${operation}`))
        runtime.runBusinessRules = (when, action, current, _previous, orders) =>
            steps.push(`${when} ${action} ${(current as GlideRecord).getValue('sys_mod_count') ?? 'new'}${orders ? ' ' + orders : ''}`)
        const gr = new GlideRecordSecure('incident')
        gr.initialize()
        gr.setValue('short_description', 'ordered')
        gr.insert()
        expect(steps).toEqual(['acl create', 'cross-scope create', 'before insert new below 1000', 'before insert new from 1000', 'after insert 0'])
        steps.length = 0
        gr.setValue('short_description', 'ordered again')
        gr.update()
        expect(steps).toEqual(['acl write', 'cross-scope write', 'before update 0 below 1000', 'before update 0 from 1000', 'after update 1'])
        steps.length = 0
        gr.deleteRecord()
        expect(steps).toEqual(['acl delete', 'cross-scope delete', 'before delete 1 below 1000', 'before delete 1 from 1000', 'after delete 1'])
    })
    it('an ACL refusal stops the write before any rule runs; a before rule aborting stops it before the store, after the later rules', () => {
        const steps: string[] = []
        runtime.runBusinessRules = (when, action, current, _previous, orders) => {
            steps.push(`${when} ${action} ${orders}`)
            if (orders === 'below 1000') (current as GlideRecord).setAbortAction(true)
        }
        runtime.setAcl(() => false)
        const refused = new GlideRecordSecure('incident')
        refused.initialize()
        expect(refused.insert()).toBeNull()
        expect(refused.getLastErrorMessage()).toBe('Security restricted: create on incident not allowed')
        expect(steps).toEqual([])
        runtime.setAcl(() => true)
        const aborted = new GlideRecord('incident')
        aborted.initialize()
        expect(aborted.insert()).toBeNull()
        expect(aborted.isActionAborted()).toBe(true)
        // "all subsequent business rules will execute normally" after an abort ("Abort a database action in a before
        // business rule"): the rules from 1000 run too, and the abort of a rule below 1000 still holds.
        expect(steps).toEqual(['before insert below 1000', 'before insert from 1000'])
        expect(runtime.store.count('incident', everyRow())).toBe(0)
    })
    it('an update with nothing changed writes nothing and runs no after rule', () => {
        const gr = new GlideRecord('incident')
        gr.initialize()
        const id = gr.insert()!
        const steps: string[] = []
        runtime.runBusinessRules = (when, action) => steps.push(`${when} ${action}`)
        const again = new GlideRecord('incident')
        again.get(id)
        expect(again.update()).toBe(id)
        expect(steps).toEqual(['before update', 'before update'])
        expect(again.getValue('sys_mod_count')).toBe('0')
    })
})

describe('the stored clock', () => {
    it('sys_created_on and sys_updated_on have second resolution (UTC "YYYY-MM-DD HH:mm:ss")', () => {
        const gr = new GlideRecord('incident')
        gr.initialize()
        gr.insert()
        expect(gr.getValue('sys_created_on')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
        expect(gr.getValue('sys_updated_on')).toBe(gr.getValue('sys_created_on'))
    })
    // Local choice: the platform does not document the order of rows that tie on the sort; the local instance keeps
    // the order they were written in, so the same query gives the same order every time.
    it('rows written in the same second come back in the order they were written when sorted by sys_created_on', () => {
        const written: string[] = []
        for (let i = 0; i < 20; i++) {
            const gr = new GlideRecord('incident')
            gr.initialize()
            gr.setValue('short_description', `same second ${i}`)
            gr.setValue('sys_created_on', '2026-01-01 00:00:00')
            written.push(gr.insert()!)
        }
        const read = new GlideRecord('incident')
        read.orderBy('sys_created_on')
        read.query()
        const ids: string[] = []
        while (read.next()) ids.push(read.getUniqueValue())
        expect(ids).toEqual(written)
    })
})

// GlideRecord - Global, autoSysFields: "Enables or disables the update to the fields sys_updated_by, sys_updated_on,
// sys_mod_count, sys_created_by, and sys_created_on" (the scoped API does not list the method).
describe('autoSysFields(false) leaves the system fields alone', () => {
    const SYS = ['sys_created_on', 'sys_created_by', 'sys_updated_on', 'sys_updated_by', 'sys_mod_count']
    const sysFields = (id: string) => {
        const gr = new GlideRecord('incident')
        gr.get(id)
        return Object.fromEntries(SYS.map((f) => [f, gr.getValue(f)]))
    }
    it('update() and updateMultiple() change none of them; a value the script sets is written', () => {
        const gr = new GlideRecord('incident')
        gr.initialize()
        gr.setValue('sys_created_on', '2020-01-01 00:00:00')
        gr.setValue('sys_updated_on', '2020-01-01 00:00:00')
        const id = gr.insert()!
        const before = sysFields(id)
        runtime.createUser({ user_name: 'fred.luddy' })
        runtime.runAs('fred.luddy', () => {
            const quiet = new GlideRecord('incident')
            quiet.get(id)
            quiet.autoSysFields(false)
            quiet.setValue('short_description', 'quietly')
            quiet.update()
            const bulk = new GlideRecord('incident')
            bulk.addQuery('sys_id', id)
            bulk.autoSysFields(false)
            bulk.setValue('category', 'network')
            bulk.updateMultiple()
        })
        expect(sysFields(id)).toEqual(before)
        const set = new GlideRecord('incident')
        set.get(id)
        set.autoSysFields(false)
        set.setValue('sys_updated_by', 'data.fix')
        set.update()
        expect(sysFields(id)).toEqual({ ...before, sys_updated_by: 'data.fix' })
        const loud = new GlideRecord('incident')
        loud.get(id)
        loud.setValue('short_description', 'loudly')
        loud.update()
        expect(sysFields(id).sys_mod_count).toBe('1')
    })
    it('insert() after autoSysFields(false) is refused: what an insert stores then is not documented', () => {
        const gr = new GlideRecord('incident')
        gr.initialize()
        gr.autoSysFields(false)
        expect(() => gr.insert()).toThrow('not emulated by the local instance: GlideRecord.insert() after autoSysFields(false)')
    })
})
