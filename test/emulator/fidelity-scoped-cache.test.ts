// The register row "An insert counts as an update operation setting every column it gives; a write counts for the
// pairs of the tables it extends; a delete flushes nothing" (local choice, FIDELITY.md "Scoped caches") asserted whole;
// scoped-cache.test.ts pins the delete.
import { GlideRecord } from '../../emulator/instance/glide/index.ts'
import { ScopedCacheManager } from '../../emulator/instance/glide/namespaces/sn_scoped_cache.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'

let runtime: Runtime
beforeEach(() => {
    runtime = createRuntime().activate()
})
afterEach(() => runtime.close())

/** A sys_scoped_cache of the app's scope with one pair, as an admin creates them. */
function defineCache(name: string, pair: { table: string; type: 'table' | 'table_column'; columns?: string }): void {
    runtime.runAs('admin', () => {
        const app = new GlideRecord('sys_app')
        app.get('scope', runtime.scope)
        const cache = new GlideRecord('sys_scoped_cache')
        cache.initialize()
        cache.setValue('name', name)
        cache.setValue('max_entries', '10')
        cache.setValue('active', 'true')
        cache.setValue('sys_scope', app.getUniqueValue())
        const record = new GlideRecord('sys_scoped_cache_table_pair')
        record.initialize()
        record.setValue('scoped_cache', cache.insert())
        record.setValue('table', pair.table)
        record.setValue('pair_type', pair.type)
        record.setValue('columns', pair.columns ?? '')
        record.insert()
    })
}

const inApp = <T>(fn: () => T): T => runtime.runInScope(runtime.scope, fn)

function insertIncident(fields: Record<string, string>): string {
    const record = new GlideRecord('incident')
    record.initialize()
    for (const [field, value] of Object.entries(fields)) record.setValue(field, value)
    return record.insert()!
}

it('an insert into a paired table flushes a Table pair', () => {
    defineCache('table_cache', { table: 'incident', type: 'table' })
    inApp(() => ScopedCacheManager.put('table_cache', 'k', 'v'))
    insertIncident({ description: 'new' })
    expect(inApp(() => ScopedCacheManager.get('table_cache', 'k'))).toBeNull()
})

it('an insert flushes a Table column pair only when it gives a selected column', () => {
    defineCache('column_cache', { table: 'incident', type: 'table_column', columns: 'short_description' })
    inApp(() => ScopedCacheManager.put('column_cache', 'k', 'v'))
    insertIncident({ description: 'not a selected column' })
    expect(inApp(() => ScopedCacheManager.get('column_cache', 'k'))).toBe('v')
    insertIncident({ short_description: 'a selected column' })
    expect(inApp(() => ScopedCacheManager.get('column_cache', 'k'))).toBeNull()
})

it('a write to an incident counts for the pairs of task, the table it extends', () => {
    defineCache('task_cache', { table: 'task', type: 'table' })
    const id = insertIncident({ description: 'before the entry' })
    inApp(() => ScopedCacheManager.put('task_cache', 'k', 'v'))
    const record = new GlideRecord('incident')
    record.get(id)
    record.setValue('description', 'updated')
    record.update()
    expect(inApp(() => ScopedCacheManager.get('task_cache', 'k'))).toBeNull()
})
