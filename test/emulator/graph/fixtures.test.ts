/**
 * The Graph stand-in's fixtures hold to Microsoft's declared types (the CSDL copied into
 * emulator/graph/fixtures) and to what real Secure Score data looks like.
 */
import { readFileSync } from 'node:fs'
import type { SecureScore, SecureScoreControlProfile } from '@microsoft/microsoft-graph-types'
import { demoControlProfiles, fabrikamControlProfiles, syntheticControlProfiles } from '../../../emulator/graph/fixtures/control-profiles'
import { demoDirectory, FABRIKAM_TENANT_ID, ROLE_TEMPLATE_IDS } from '../../../emulator/graph/fixtures/directory'
import { loadCsdl, parseCsdl, SECURE_SCORE_CSDL } from '../../../emulator/graph/fixtures/csdl'
import { dailyScores } from '../../../emulator/graph/fixtures/scores'
import { DEMO_TENANT } from '../../../emulator/graph/fixtures/tenants'

const csdl = loadCsdl(SECURE_SCORE_CSDL)
const TENANT = DEMO_TENANT.tenantId
const NOW = new Date('2026-08-21T14:30:00Z')
const demo = demoControlProfiles(TENANT)
const synthetic = syntheticControlProfiles(TENANT, 460)
const scores = dailyScores(TENANT, demo, 90, NOW)

const PROFILE = 'microsoft.graph.secureScoreControlProfile'
const SCORE = 'microsoft.graph.secureScore'

describe('the CSDL checker', () => {
    const model = parseCsdl(`<Schema Namespace="test.ns" Alias="t">
        <EnumType Name="colour"><Member Name="red" Value="0"/><Member Name="blue" Value="1"/></EnumType>
        <ComplexType Name="closed"><Property Name="when" Type="Edm.DateTimeOffset"/></ComplexType>
        <EntityType Name="thing" OpenType="true">
            <Property Name="name" Type="Edm.String" Nullable="false"/>
            <Property Name="count" Type="Edm.Int32"/>
            <Property Name="ratio" Type="Edm.Double"/>
            <Property Name="on" Type="Edm.Boolean"/>
            <Property Name="colour" Type="t.colour"/>
            <Property Name="parts" Type="Collection(t.closed)"/>
        </EntityType>
    </Schema>`)
    const valid = { name: 'a', count: 3, ratio: 0.5, on: true, colour: 'blue', parts: [{ when: '2026-01-01T00:00:00+02:00' }], extra: 1 }

    it('accepts a conforming value, with undeclared properties on an open type', () => {
        expect(model.checkEntity('test.ns.thing', valid)).toEqual([])
    })

    it('reports every kind of deviation', () => {
        const problems = model.checkEntity('t.thing', {
            name: null,
            count: 1.5,
            ratio: 'x',
            on: 'yes',
            colour: 'green',
            parts: [{ when: '2026-01-01', stray: 1 }],
        })
        expect(problems).toEqual([
            'thing.name: null, but declared Nullable="false"',
            'thing.count: expected Edm.Int32, got 1.5',
            'thing.ratio: expected Edm.Double, got "x"',
            'thing.on: expected Edm.Boolean, got "yes"',
            'thing.colour: expected a member of t.colour, got "green"',
            'thing.parts[0].when: expected Edm.DateTimeOffset (ISO 8601 with Z or an offset), got "2026-01-01"',
            'thing.parts[0].stray: not declared by t.closed, which is not an open type',
        ])
    })

    it('requires every declared property unless told the representation is partial', () => {
        expect(model.checkEntity('t.thing', { name: 'a' })).toHaveLength(5)
        expect(model.checkEntity('t.thing', { name: 'a' }, { requireAll: false })).toEqual([])
    })

    it('knows graph.entity, the base type the extract leaves out', () => {
        expect(csdl.checkEntity(SCORE, { azureTenantId: TENANT }, { requireAll: false })).toEqual([])
        expect(csdl.checkEntity(SCORE, { id: null, azureTenantId: TENANT }, { requireAll: false })).toEqual(['secureScore.id: null, but declared Nullable="false"'])
    })
})

describe('control profiles', () => {
    it.each([
        ['demo', demo],
        ['synthetic (460)', synthetic],
    ])('every %s profile conforms to secureScoreControlProfile', (_name, profiles) => {
        const problems = profiles.flatMap((profile) => csdl.checkEntity(PROFILE, profile))
        expect(problems).toEqual([])
    })

    it('start from the demo’s original twenty, then add at least forty more', () => {
        expect(demo.length).toBeGreaterThanOrEqual(60)
        expect(demo.slice(0, 3).map((profile) => profile.id)).toEqual(['AdminMFAV2', 'MFARegistrationV2', 'BlockLegacyAuthentication'])
        expect(demo[19].id).toBe('azure_storage_secure_transfer')
    })

    it.each([
        ['demo', demo, demo.length],
        ['synthetic', synthetic, 460],
    ])('%s ids are unique and ranks run 1..N', (_name, profiles, count) => {
        expect(profiles).toHaveLength(count)
        expect(new Set(profiles.map((profile) => profile.id)).size).toBe(count)
        expect(profiles.map((profile) => profile.rank)).toEqual(Array.from({ length: count }, (_, index) => index + 1))
    })

    it('cover what real data shows', () => {
        const categories = new Set(demo.map((profile) => profile.controlCategory))
        for (const category of ['Identity', 'Data', 'Device', 'Apps', 'Infrastructure', 'Account']) expect(categories).toContain(category)
        expect(demo.filter((profile) => profile.id?.startsWith('scid_') && profile.controlCategory === 'Device').length).toBeGreaterThanOrEqual(3)
        expect(demo.filter((profile) => profile.deprecated === true).length).toBeGreaterThanOrEqual(3)
        expect(demo.some((profile) => /<ol><li>.*<a href="https:\/\/[^"]+"/.test(profile.remediation ?? '') && profile.remediation?.includes('&amp;'))).toBe(true)
        const threats = demo.flatMap((profile) => profile.threats ?? [])
        expect(threats).toEqual(expect.arrayContaining(['accountBreach', 'elevationOfPrivilege', 'Account Breach', 'Elevation of Privilege']))
        for (const profile of demo) {
            expect(['Low', 'Moderate', 'High']).toContain(profile.implementationCost)
            expect(['Low', 'Moderate', 'High']).toContain(profile.userImpact)
            expect(['Core', 'Defense in Depth', 'Advanced']).toContain(profile.tier)
            expect(['Config', 'Review', 'Behavior']).toContain(profile.actionType)
            expect(profile.actionUrl).toMatch(/^https:\/\//)
            expect(profile.vendorInformation).toEqual({ provider: 'SecureScore', providerVersion: null, subProvider: null, vendor: 'Microsoft' })
            expect(profile.complianceInformation).toBeNull()
            expect(profile.azureTenantId).toBe(TENANT)
        }
    })

    it('carry a state history of documented states, oldest first', () => {
        const current = new Set<string>()
        for (const profile of [...demo, ...synthetic]) {
            const updates = profile.controlStateUpdates ?? []
            expect(updates.length).toBeGreaterThan(0)
            for (const update of updates) expect(['Default', 'Ignored', 'ThirdParty', 'Reviewed']).toContain(update.state)
            const times = updates.map((update) => Date.parse(update.updatedDateTime ?? ''))
            expect(times).toEqual([...times].sort((a, b) => a - b))
            current.add(updates[updates.length - 1].state ?? '')
        }
        expect([...current].sort()).toEqual(['Default', 'Ignored', 'Reviewed', 'ThirdParty'])
    })

    it('are deterministic and independent between calls', () => {
        const again = demoControlProfiles(TENANT)
        expect(again).toEqual(demo)
        again[0].controlStateUpdates?.push({ state: 'Ignored' })
        expect(demoControlProfiles(TENANT)[0].controlStateUpdates).toHaveLength(1)
        expect(syntheticControlProfiles(TENANT, 460)).toEqual(synthetic)
        expect(demoControlProfiles('11111111-2222-3333-4444-555555555555')[0].azureTenantId).toBe('11111111-2222-3333-4444-555555555555')
    })
})

describe('daily scores', () => {
    it('conform to secureScore, nested types included', () => {
        expect(scores.flatMap((score) => csdl.checkEntity(SCORE, score))).toEqual([])
        expect(dailyScores(TENANT, synthetic, 3, NOW).flatMap((score) => csdl.checkEntity(SCORE, score))).toEqual([])
    })

    it('run newest first, one per UTC day, with ids {tenantId}_{yyyy-MM-dd}', () => {
        expect(scores).toHaveLength(90)
        expect(scores[0].id).toBe(`${TENANT}_2026-08-21`)
        expect(scores[89].id).toBe(`${TENANT}_2026-05-24`)
        scores.forEach((score, index) => {
            expect(score.id).toMatch(new RegExp(`^${TENANT}_\\d{4}-\\d{2}-\\d{2}$`))
            expect(score.createdDateTime).toBe(`${score.id?.slice(-10)}T00:00:00Z`)
            if (index > 0) expect(Date.parse(score.createdDateTime ?? '') - Date.parse(scores[index - 1].createdDateTime ?? '')).toBe(-86_400_000)
        })
    })

    it('add up: current is the sum of control scores, max the sum of live profiles', () => {
        const live = demo.filter((profile) => !profile.deprecated)
        const max = live.reduce((sum, profile) => sum + (profile.maxScore ?? 0), 0)
        for (const score of scores) {
            const controls = score.controlScores ?? []
            expect(controls.map((control) => control.controlName)).toEqual(live.map((profile) => profile.id))
            expect(score.currentScore).toBeCloseTo(controls.reduce((sum, control) => sum + (control.score ?? 0), 0), 6)
            expect(score.maxScore).toBe(max)
            controls.forEach((control, index) => {
                expect(control.score).toBeGreaterThanOrEqual(0)
                expect(control.score).toBeLessThanOrEqual(live[index].maxScore ?? 0)
            })
            expect(score.averageComparativeScores?.map((average) => average.basis)).toEqual(['AllTenants', 'TotalSeats'])
            expect(score.activeUserCount).toBeLessThanOrEqual(score.licensedUserCount ?? 0)
        }
    })

    it('score third-party controls in full, risk-accepted ones at zero, and some completed ones in full', () => {
        const byName = new Map((scores[0].controlScores ?? []).map((control) => [control.controlName, control.score]))
        expect(byName.get('mdo_safeattachmentpolicy')).toBe(8)
        expect(byName.get('PWAgePolicyNew')).toBe(0)
        const completed = demo.filter((profile) => profile.controlStateUpdates?.at(-1)?.state === 'Default' && byName.get(profile.id) === profile.maxScore)
        expect(completed.length).toBeGreaterThan(5)
    })

    it('rise gently over the ninety days, and not by chance', () => {
        const current = (list: SecureScore[]): number[] => list.map((score) => score.currentScore ?? 0)
        const series = current(scores).reverse()
        for (let day = 1; day < series.length; day++) expect(series[day]).toBeGreaterThanOrEqual(series[day - 1])
        expect(series[series.length - 1] - series[0]).toBeGreaterThan(0)
        expect(series[series.length - 1]).toBeLessThan(scores[0].maxScore ?? 0)
        expect(current(dailyScores(TENANT, demo, 90, new Date('2026-08-21T23:59:59Z')))).toEqual(current(scores))
    })

    it('carry undeclared properties where real answers do (control scores), while profiles carry exactly the declared ones', () => {
        const control: Record<string, unknown> = { ...(scores[0].controlScores ?? [])[0] }
        expect(Object.keys(control)).toEqual(expect.arrayContaining(['scoreInPercentage', 'implementationStatus', 'lastSynced']))
        const profile: SecureScoreControlProfile = demo[0]
        expect(Object.keys(profile).sort()).toEqual(['id', ...csdlPropertyNames()].sort())
    })
})

/** Every property the CSDL declares on secureScoreControlProfile, read from the XML itself. */
function csdlPropertyNames(): string[] {
    const xml = readFileSync(SECURE_SCORE_CSDL, 'utf8')
    const entity = /<EntityType Name="secureScoreControlProfile"[\s\S]*?<\/EntityType>/.exec(xml)?.[0] ?? ''
    return [...entity.matchAll(/<Property Name="(\w+)"/g)].map((match) => match[1])
}

describe('the demo directory', () => {
    it('has Contoso (the demo tenant) and Fabrikam, each with a Global Administrator, a Security Administrator, a Security Reader and a person without a role', () => {
        const tenants = demoDirectory()
        expect(tenants.map((t) => [t.tenantId, t.displayName])).toEqual([
            [DEMO_TENANT.tenantId, 'Contoso'],
            [FABRIKAM_TENANT_ID, 'Fabrikam'],
        ])
        for (const tenant of tenants) {
            expect(tenant.users.map((u) => u.roles)).toEqual([['Global Administrator'], ['Security Administrator'], ['Security Reader'], []])
            for (const user of tenant.users) expect(user.userPrincipalName.endsWith('@' + tenant.domain)).toBe(true)
        }
        const ids = tenants.flatMap((t) => t.users.map((u) => u.objectId))
        expect(new Set(ids).size).toBe(8)
        for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/)
        expect(demoDirectory()).toEqual(tenants)
    })

    it('names the roles by their template ids (the wids claim values)', () => {
        expect(ROLE_TEMPLATE_IDS).toEqual({
            'Global Administrator': '62e90394-69f5-4237-9190-012177145e10',
            'Security Administrator': '194ae4cb-b126-40b2-bd5b-6091b380977d',
            'Security Reader': '5d6b6bb7-de71-4623-b4af-96380a352509',
        })
    })

    it("gives Fabrikam a visibly different Secure Score: fewer actions, no device controls, no portal changes, other scores", () => {
        const fabrikam = fabrikamControlProfiles(FABRIKAM_TENANT_ID)
        const ids = new Set(demo.map((p) => p.id))
        expect(fabrikam.length).toBeLessThan(demo.length * 0.7)
        expect(fabrikam.every((p) => ids.has(p.id) && p.controlCategory !== 'Device' && p.azureTenantId === FABRIKAM_TENANT_ID)).toBe(true)
        expect(fabrikam.every((p) => p.controlStateUpdates?.length === 1 && p.controlStateUpdates[0].state === 'Default')).toBe(true)
        for (const profile of fabrikam) expect(csdl.checkEntity(PROFILE, profile)).toEqual([])
        const now = new Date('2026-11-30T12:00:00Z')
        const [contosoToday] = dailyScores(DEMO_TENANT.tenantId, demo, 1, now)
        const [fabrikamToday] = dailyScores(FABRIKAM_TENANT_ID, fabrikam, 1, now)
        expect(fabrikamToday.maxScore).toBeLessThan(contosoToday.maxScore ?? 0)
        expect(fabrikamToday.currentScore).not.toBe(contosoToday.currentScore)
    })
})
