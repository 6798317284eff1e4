// What the local instance refuses rather than invents (issue 11 §3; FIDELITY.md "Not emulated"): operators that
// ServiceNow documents ("Operators available for filters and queries") but the local instance does not emulate,
// encoded-query features beyond conditions and ordering, and GlideRecord methods of the scoped API it lacks.
// An operator the platform does NOT know is different: it is an invalid condition (query-invalid.test.ts).
import { GlideRecord } from '../../emulator/instance/glide/index.ts'
import { NotEmulated } from '../../emulator/instance/messages.ts'
import type { Runtime } from '../../emulator/instance/runtime.ts'
import { PLATFORM_OPERATORS_NOT_EMULATED } from '../../emulator/instance/store/query.ts'
import { incidentFixture, incidents as q } from '../support/query-fixture.ts'

let runtime: Runtime
beforeAll(() => {
    runtime = incidentFixture({ strict: false })
})
afterAll(() => runtime.close())

describe('documented operators the local instance does not emulate are refused, never dropped', () => {
    it.each(['sys_created_onBETWEENjavascript:gs.daysAgoStart(1)@javascript:gs.daysAgoEnd(0)', 'sys_created_onRELATIVEGT@hour@ago@3', 'priorityMORETHANimpact@2', 'categoryEMPTYSTRING', 'categoryVALCHANGES', 'sys_created_onONToday@javascript:gs.beginningOfToday()@javascript:gs.endOfToday()', 'caller_idDYNAMIC90d1921e5f510100a9ad2572f2b477fe', 'categorySAMEASsubcategory'])(
        'encoded %s throws "not emulated by the local instance"',
        (encoded) => {
            expect(() => q(encoded)).toThrow(NotEmulated)
            expect(() => q(encoded)).toThrow(/^not emulated by the local instance: query operator /)
        },
    )
    it('addQuery with a documented but not emulated operator throws', () => {
        for (const op of PLATFORM_OPERATORS_NOT_EMULATED) expect(() => new GlideRecord('incident').addQuery('category', op, 'x')).toThrow(NotEmulated)
    })
    it('javascript: values in encoded queries are refused (the platform evaluates them)', () => {
        expect(() => q('caller_id=javascript:gs.getUserID()')).toThrow('not emulated by the local instance: javascript: values in encoded queries (caller_id=javascript:gs.getUserID())')
    })
    it('related-list and sub queries (RLQUERY, SUBQUERY) are refused', () => {
        expect(() => q('RLQUERYtask_sla.task,>=1^ENDRLQUERY')).toThrow(NotEmulated)
        expect(() => q('SUBQUERYsys_id,task,task_sla^ENDSUBQUERY')).toThrow(NotEmulated)
    })
})

describe('GlideRecord methods of the platform the local instance lacks throw instead of reading as undefined', () => {
    // The SDK's type definitions of the scoped GlideRecord (@servicenow/glide/src/types/GlideRecord.d.ts) list them.
    it.each(['addSystemQuery', 'applyEncodedQuery', 'getAttribute', 'operation', 'isValidEncodedQuery', 'updateMultipleAllowNull'])('GlideRecord.%s()', (method) => {
        const gr = new GlideRecord('incident')
        expect(() => gr[method]).toThrow(`not emulated by the local instance: GlideRecord.${method}()`)
    })
    it('GlideElement and GlideQueryCondition methods of the platform (SDK GlideAPIs.json) the instance lacks throw when called', () => {
        const gr = new GlideRecord('incident')
        gr.initialize()
        expect(() => gr.short_description.getJournalEntry(1)).toThrow('not emulated by the local instance: GlideElement.getJournalEntry()')
        const condition = gr.addQuery('category', 'network') as unknown as Record<string, (...args: unknown[]) => unknown>
        expect(() => condition.addSystemOrCondition('category', 'software')).toThrow('not emulated by the local instance: GlideQueryCondition.addSystemOrCondition()')
    })
    it('an unknown property that is neither a field nor a platform method is undefined, as on the platform', () => {
        expect(new GlideRecord('incident').no_such_thing).toBeUndefined()
    })
})

describe('INSTANCEOF is emulated on the class field only', () => {
    it('INSTANCEOF on another field is refused', () => expect(() => q('categoryINSTANCEOFincident')).toThrow('not emulated by the local instance: INSTANCEOF on incident.category, which is not a class field'))
})
