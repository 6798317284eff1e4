// Conformance of GlideAggregate with ServiceNow's "GlideAggregate - Scoped" API reference (c_GlideAggregateScopedAPI).
import { GlideAggregate } from '@servicenow/glide'
import { GlideAggregate as EmulatorGlideAggregate, GlideRecord } from '../../emulator/instance/glide/index.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'
import { ScriptHost } from '../../emulator/instance/scripts/sandbox.ts'
import { createAclHook } from '../../emulator/instance/security/acl.ts'

let runtime: Runtime

function insert(values: Record<string, string>): void {
    const gr = new GlideRecord('incident')
    gr.initialize()
    for (const [field, value] of Object.entries(values)) gr.setValue(field, value)
    if (!gr.insert()) throw new Error(gr.getLastErrorMessage())
}

/** Each group as `value: aggregate`, in the order next() gives them. */
function groups(ga: EmulatorGlideAggregate, field: string, read: () => string): string[] {
    ga.query()
    const out: string[] = []
    while (ga.next()) out.push(ga.getValue(field) + ': ' + read())
    return out
}

beforeAll(() => {
    runtime = createRuntime().activate()
    insert({ short_description: 'a', category: 'network', reassignment_count: '1' })
    insert({ short_description: 'b', category: 'software', reassignment_count: '4' })
    insert({ short_description: 'c', category: 'network', reassignment_count: '2' })
    insert({ short_description: 'd', category: 'Hardware', reassignment_count: '7' })
    insert({ short_description: 'e', category: '', reassignment_count: '0' })
})
afterAll(() => runtime.close())

describe('addAggregate / getAggregate', () => {
    it("addAggregate('COUNT') without a field counts every matching row, in one row", () => {
        const ga = new EmulatorGlideAggregate('incident')
        ga.addAggregate('COUNT')
        ga.query()
        expect(ga.getRowCount()).toBe(1)
        expect(ga.next()).toBe(true)
        expect(ga.getAggregate('COUNT')).toBe('5')
        expect(ga.next()).toBe(false)
    })

    it('counts over the conditions of addQuery and addEncodedQuery, and gives one row with COUNT 0 when nothing matches', () => {
        const ga = new EmulatorGlideAggregate('incident')
        ga.addQuery('category', 'network')
        ga.addEncodedQuery('reassignment_count>1')
        ga.addAggregate('COUNT')
        ga.query()
        expect([ga.next(), ga.getAggregate('COUNT')]).toEqual([true, '1'])
        const none = new EmulatorGlideAggregate('incident')
        none.addQuery('category', 'database')
        none.addAggregate('COUNT')
        none.query()
        expect([none.next(), none.getAggregate('COUNT')]).toEqual([true, '0'])
    })

    it("addAggregate('COUNT', field) counts per value of the field, in ascending order, the empty value as ''", () => {
        const ga = new EmulatorGlideAggregate('incident')
        ga.addAggregate('COUNT', 'category')
        expect(groups(ga, 'category', () => ga.getAggregate('COUNT', 'category'))).toEqual([': 1', 'Hardware: 1', 'network: 2', 'software: 1'])
        expect(ga.getRowCount()).toBe(4)
    })

    it('computes SUM, MIN, MAX and AVG (four decimals) of a number field per groupBy group', () => {
        const ga = new EmulatorGlideAggregate('incident')
        for (const agg of ['SUM', 'MIN', 'MAX', 'AVG']) ga.addAggregate(agg, 'reassignment_count')
        ga.groupBy('category')
        ga.addQuery('category', 'network')
        ga.query()
        expect(ga.next()).toBe(true)
        expect(['SUM', 'MIN', 'MAX', 'AVG'].map((agg) => ga.getAggregate(agg, 'reassignment_count'))).toEqual(['3', '1', '2', '1.5000'])
        expect(ga.getValue('category')).toBe('network')
        expect(ga.getValue('short_description')).toBeNull()
    })

    it('orderByDesc groups by the field in descending order; orderBy in ascending order', () => {
        const desc = new EmulatorGlideAggregate('incident')
        desc.addAggregate('SUM', 'reassignment_count')
        desc.orderByDesc('category')
        expect(groups(desc, 'category', () => desc.getAggregate('SUM', 'reassignment_count'))).toEqual(['software: 4', 'network: 3', 'Hardware: 7', ': 0'])
        const asc = new EmulatorGlideAggregate('incident')
        asc.addAggregate('MAX', 'reassignment_count')
        asc.orderBy('category')
        expect(groups(asc, 'category', () => asc.getAggregate('MAX', 'reassignment_count'))).toEqual([': 0', 'Hardware: 7', 'network: 2', 'software: 4'])
    })

    it('setGroup(false) ignores the group-by fields: one row over every match', () => {
        const ga = new EmulatorGlideAggregate('incident')
        ga.addAggregate('SUM', 'reassignment_count')
        ga.groupBy('category')
        ga.setGroup(false)
        ga.query()
        expect([ga.getRowCount(), ga.next(), ga.getAggregate('SUM', 'reassignment_count'), ga.getValue('category')]).toEqual([1, true, '14', null])
    })

    it('checks no ACL, as GlideRecord (GlideRecordSecure is the secure one): a user who may not read incidents counts them all', () => {
        runtime.createUser({ user_name: 'no.roles', roles: [] })
        runtime.setAcl(createAclHook(runtime.store))
        const count = runtime.runAs('no.roles', () => {
            const ga = new EmulatorGlideAggregate('incident')
            ga.addAggregate('COUNT')
            ga.query()
            ga.next()
            return ga.getAggregate('COUNT')
        })
        expect(count).toBe('5')
        expect(runtime.runAs('no.roles', () => new GlideRecord('incident').canRead())).toBe(false)
        runtime.setAcl(() => true)
    })

    it('hasNext tells whether next() has a row', () => {
        const ga = new EmulatorGlideAggregate('incident')
        ga.addAggregate('COUNT', 'category')
        ga.query()
        let seen = 0
        while (ga.hasNext()) {
            ga.next()
            seen++
        }
        expect([seen, ga.getTableName()]).toEqual([4, 'incident'])
    })
})

describe('what the local instance refuses', () => {
    it('refuses the aggregates and methods of the platform it does not compute, and field properties', () => {
        const ga = new EmulatorGlideAggregate('incident')
        expect(() => ga.addAggregate('STDDEV', 'reassignment_count')).toThrow('not emulated by the local instance: GlideAggregate aggregate STDDEV')
        expect(() => ga.addAggregate('SUM', 'category')).toThrow('not emulated by the local instance: GlideAggregate SUM / MIN / MAX / AVG on the string field category')
        expect(() => (ga.addTrend as () => void)()).toThrow('not emulated by the local instance: GlideAggregate.addTrend()')
        expect(() => (ga.addHaving as () => void)()).toThrow('not emulated by the local instance: GlideAggregate.addHaving()')
        expect(() => ga.category).toThrow("not emulated by the local instance: GlideAggregate field properties (ga.category); use getValue('category')")
        ga.addAggregate('COUNT')
        ga.query()
        ga.next()
        expect(() => ga.getAggregate('SUM', 'reassignment_count')).toThrow('of an aggregate not added with addAggregate')
    })
})

describe('where the app reaches it', () => {
    it("is the '@servicenow/glide' export modules import, and a script global", () => {
        expect(GlideAggregate).toBe(EmulatorGlideAggregate)
        const scripts = new ScriptHost(runtime)
        const count = scripts.runScript("var ga = new GlideAggregate('incident'); ga.addAggregate('COUNT'); ga.query(); ga.next(); return ga.getAggregate('COUNT');", {}, 'background')
        expect(count).toBe('5')
    })
})
