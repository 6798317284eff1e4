// Improvement actions as the bridge shows them, from the Graph stand-in's own fixtures (no stand-in, no store):
// category mapping, threat spellings, the state from the newest controlStateUpdates entry, points from the newest
// score's controlScores, the deprecated and Device flags, the filters and both sorts.
import type { SecureScore, SecureScoreControlProfile } from '@microsoft/microsoft-graph-types'
import { actionCategory, filterActions, improvementActions, secureScorePortalUrl, sortActions, tenantAction, tenantActions, threatName, type ImprovementAction } from '../../bridge/domain/actions.ts'
import { testStore } from '../support/bridge-harness.ts'
import { demoControlProfiles } from '../../emulator/graph/fixtures/control-profiles.ts'
import { dailyScores } from '../../emulator/graph/fixtures/scores.ts'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const NOW = new Date('2026-04-01T12:00:00Z')
const profiles = demoControlProfiles(TENANT)
const scores = dailyScores(TENANT, profiles, 90, NOW)
const actions = improvementActions(profiles, scores[0])
const byId = (id: string): ImprovementAction => {
    const action = actions.find((a) => a.id === id)
    if (!action) throw new Error('no action ' + id)
    return action
}
const profile = (id: string): SecureScoreControlProfile => structuredClone(profiles.find((p) => p.id === id) as SecureScoreControlProfile)
const scoreOf = (controlScores: { controlName: string; score: number }[]): SecureScore => ({ id: 'x', controlScores })

describe('every profile becomes an action', () => {
    it('one action per profile, by rank, with the portal link', () => {
        expect(actions).toHaveLength(profiles.length)
        expect(actions.map((a) => a.rank)).toEqual(profiles.map((_, i) => i + 1))
        expect(byId('AdminMFAV2')).toMatchObject({
            title: 'Ensure multifactor authentication is enabled for all users in administrative roles',
            category: 'identity',
            graphCategory: 'Identity',
            service: 'AzureAD',
            maxScore: 10,
            rank: 1,
            implementationCost: 'Low',
            userImpact: 'Low',
            tier: 'Core',
            portalUrl: 'https://security.microsoft.com/securescore?viewid=actions&actionId=AdminMFAV2',
        })
        expect(secureScorePortalUrl('a b&c')).toBe('https://security.microsoft.com/securescore?viewid=actions&actionId=a%20b%26c')
    })
})

describe('category', () => {
    it("maps Graph's controlCategory to the seed's: Device → devices, Account → identity, any case", () => {
        expect(byId('scid_2000')).toMatchObject({ graphCategory: 'Device', category: 'devices' })
        expect(byId('AdminMFA')).toMatchObject({ graphCategory: 'Account', category: 'identity' })
        expect(byId('mip_DLP_policies').category).toBe('data')
        expect(byId('mdo_atpprotection').category).toBe('apps')
        expect(byId('azure_storage_secure_transfer').category).toBe('infrastructure')
        expect(['Identity', 'account', 'DEVICES', 'data', 'Apps', 'infrastructure'].map(actionCategory)).toEqual(['identity', 'identity', 'devices', 'data', 'apps', 'infrastructure'])
    })

    it('an unknown or missing category is null', () => {
        expect(actionCategory('Network')).toBeNull()
        expect(actionCategory(null)).toBeNull()
        expect(actionCategory(undefined)).toBeNull()
        const odd = improvementActions([{ ...profile('OneAdmin'), controlCategory: 'Network' }], null)[0]
        expect(odd).toMatchObject({ category: null, graphCategory: 'Network' })
    })
})

describe('threats', () => {
    it('camelCase and display spellings give the same display string', () => {
        expect(threatName('elevationOfPrivilege')).toBe('Elevation of Privilege')
        expect(threatName('Elevation of Privilege')).toBe('Elevation of Privilege')
        expect(threatName('accountBreach')).toBe('Account Breach')
        expect(threatName('phishingOrWhaling')).toBe('Phishing or Whaling')
        expect(threatName('malware')).toBe('Malware')
        expect(threatName('Zero-day exploit')).toBe('Zero-day exploit')
    })

    it('the fixtures mix spellings; the actions do not', () => {
        expect(profile('aad_admin_accounts_separate_unassigned_cloudonly').threats).toEqual(['accountBreach', 'elevationOfPrivilege'])
        expect(byId('aad_admin_accounts_separate_unassigned_cloudonly').threats).toEqual(['Account Breach', 'Elevation of Privilege'])
        expect(byId('AdminMFAV2').threats).toEqual(['Account Breach', 'Elevation of Privilege', 'Password Cracking', 'Password Spray'])
        const names = new Set(actions.flatMap((a) => a.threats))
        expect([...names].filter((n) => /[a-z][A-Z]/.test(n) || /^[a-z]/.test(n))).toEqual([])
        expect(names.has('Elevation Of Privilege')).toBe(false)
    })
})

describe('state, from the newest controlStateUpdates entry', () => {
    it("uses the portal's words: ThirdParty, Ignored, Reviewed", () => {
        expect(byId('mdo_safeattachmentpolicy').state).toBe('Resolved through third party')
        expect(byId('PWAgePolicyNew').state).toBe('Risk accepted')
        expect(byId('mcas_oauthappspolicy').state).toBe('Risk accepted')
        expect(byId('aad_admin_consent_workflow').state).toBe('Reviewed')
        expect(byId('exo_transportrulesallowlistdomains').stateUpdate).toMatchObject({ state: 'Reviewed', updatedBy: 'alex.wilber@contoso.com' })
    })

    it('Default: "Completed" with every point achieved, else "To address"', () => {
        const p = profile('OneAdmin')
        expect(improvementActions([p], scoreOf([{ controlName: 'OneAdmin', score: 1 }]))[0].state).toBe('Completed')
        expect(improvementActions([p], scoreOf([{ controlName: 'OneAdmin', score: 0.99 }]))[0].state).toBe('To address')
        expect(improvementActions([p], null)[0].state).toBe('To address')
        // A control worth nothing is never "Completed".
        expect(improvementActions([{ ...p, maxScore: 0 }], scoreOf([{ controlName: 'OneAdmin', score: 0 }]))[0].state).toBe('To address')
        expect(actions.filter((a) => a.state === 'Completed').length).toBeGreaterThan(0)
        expect(actions.filter((a) => a.state === 'To address').length).toBeGreaterThan(0)
    })

    it('a later Default entry undoes an earlier Ignored; the newest by time wins, not the last in the array', () => {
        const linkedin = byId('aad_linkedin_connection_disables')
        expect(linkedin.history.map((u) => u.state)).toEqual(['Default', 'Ignored', 'Default'])
        expect(linkedin.stateUpdate).toMatchObject({ state: 'Default', comment: 'Reopened after the Sales Navigator contract ended.' })
        expect(linkedin.state).not.toBe('Risk accepted')

        const p = profile('OneAdmin')
        p.controlStateUpdates = [
            { state: 'ThirdParty', comment: 'newest', updatedDateTime: '2026-03-01T00:00:00Z' },
            { state: 'Ignored', comment: 'older', updatedDateTime: '2026-01-01T00:00:00Z' },
        ]
        const a = improvementActions([p], null)[0]
        expect(a.state).toBe('Resolved through third party')
        expect(a.stateUpdate?.comment).toBe('newest')
        // The history is kept as Graph sent it.
        expect(a.history.map((u) => u.comment)).toEqual(['newest', 'older'])
    })

    it('no history: never set, "To address", no state update', () => {
        const a = improvementActions([{ ...profile('OneAdmin'), controlStateUpdates: [] }], null)[0]
        expect(a).toMatchObject({ state: 'To address', stateUpdate: null, history: [] })
    })

    it('a ThirdParty control counts its points in full in the score, and shows as resolved, not "Completed"', () => {
        expect(byId('mdo_safeattachmentpolicy')).toMatchObject({ achieved: 8, maxScore: 8, toGain: 0, state: 'Resolved through third party' })
    })
})

describe('points', () => {
    it("achieved comes from the newest score's controlScores; toGain is what is left", () => {
        const latest = new Map((scores[0].controlScores ?? []).map((c) => [c.controlName, c.score]))
        for (const a of actions.filter((x) => !x.deprecated)) {
            expect(a.achieved).toBe(latest.get(a.id))
            expect(a.toGain).toBeCloseTo(a.maxScore - (a.achieved as number), 10)
        }
        // The oldest day is not what is shown.
        const older = improvementActions(profiles, scores[89])
        expect(older.some((a, i) => a.achieved !== improvementActions(profiles, scores[0])[i].achieved)).toBe(true)
    })

    it('a control missing from the score: achieved unknown (null), all of maxScore to gain', () => {
        expect(byId('AdminMFA')).toMatchObject({ achieved: null, toGain: 50, maxScore: 50 })
        expect(improvementActions([profile('OneAdmin')], null)[0]).toMatchObject({ achieved: null, toGain: 1 })
    })

    it('never a negative toGain when a score exceeds the maximum', () => {
        expect(improvementActions([profile('OneAdmin')], scoreOf([{ controlName: 'OneAdmin', score: 3 }]))[0]).toMatchObject({ achieved: 3, toGain: 0, state: 'Completed' })
    })
})

describe('flags', () => {
    it('deprecated as Graph says', () => {
        expect(actions.filter((a) => a.deprecated).map((a) => a.id)).toEqual(['AdminMFA', 'MFARegistration', 'PWAgePolicy'])
    })

    it('device: the scid_ ids (Defender for Endpoint), whatever their category', () => {
        expect(byId('scid_2000').device).toBe(true)
        expect(byId('scid_5095')).toMatchObject({ device: true, category: 'infrastructure' })
        // A Device-category control that is not Defender for Endpoint's is set through Graph like any other.
        expect(byId('intune_compliance_policies')).toMatchObject({ device: false, category: 'devices' })
        expect(byId('AdminMFAV2').device).toBe(false)
        expect(actions.filter((a) => a.device).every((a) => a.id.startsWith('scid_'))).toBe(true)
    })
})

describe('filters', () => {
    const withTicket = new Set(['AdminMFAV2', 'scid_2000', 'mip_DLP_policies'])
    const has = (id: string) => withTicket.has(id)

    it('by category', () => {
        const devices = filterActions(actions, { category: 'devices' }, has)
        expect(devices.length).toBe(actions.filter((a) => a.category === 'devices').length)
        expect(devices.every((a) => a.category === 'devices')).toBe(true)
        expect(devices.map((a) => a.id)).toContain('intune_compliance_policies')
    })

    it('by state', () => {
        expect(filterActions(actions, { state: 'Risk accepted' }, has).map((a) => a.id)).toEqual(['PWAgePolicyNew', 'mcas_oauthappspolicy'])
        expect(filterActions(actions, { state: 'Reviewed' }, has).map((a) => a.id)).toEqual(['aad_admin_consent_workflow', 'exo_transportrulesallowlistdomains'])
    })

    it('by ticket: yes, no, either', () => {
        expect(filterActions(actions, { hasTicket: true }, has).map((a) => a.id)).toEqual(['AdminMFAV2', 'mip_DLP_policies', 'scid_2000'])
        const without = filterActions(actions, { hasTicket: false }, has)
        expect(without).toHaveLength(actions.length - 3)
        expect(without.some((a) => withTicket.has(a.id))).toBe(false)
        expect(filterActions(actions, { hasTicket: null }, has)).toHaveLength(actions.length)
        expect(filterActions(actions, {}, has)).toHaveLength(actions.length)
    })

    it('combined', () => {
        expect(filterActions(actions, { category: 'identity', state: 'Risk accepted', hasTicket: false }, has).map((a) => a.id)).toEqual(['PWAgePolicyNew'])
        expect(filterActions(actions, { category: 'apps', hasTicket: true }, has)).toEqual([])
    })
})

describe('sorts', () => {
    it('by rank, unranked last, ties by id', () => {
        const unranked = { ...profile('OneAdmin'), id: 'Unranked', rank: null }
        const sorted = improvementActions([unranked, ...profiles.slice().reverse()], null)
        expect(sorted[0].id).toBe('AdminMFAV2')
        expect(sorted.at(-1)?.id).toBe('Unranked')
        const shuffled = sortActions([...actions].reverse(), 'rank')
        expect(shuffled.map((a) => a.id)).toEqual(actions.map((a) => a.id))
    })

    it('by points still to gain, most first, ties by rank', () => {
        const sorted = sortActions(actions, 'to-gain')
        expect(sorted.slice(0, 3).map((a) => a.id)).toEqual(['AdminMFA', 'MFARegistration', 'PWAgePolicy'])
        for (let i = 1; i < sorted.length; i++) {
            const [a, b] = [sorted[i - 1], sorted[i]]
            expect(a.toGain > b.toGain || (a.toGain === b.toGain && (a.rank as number) < (b.rank as number))).toBe(true)
        }
        // Sorting does not change its input.
        expect(actions.map((a) => a.rank)).toEqual(profiles.map((_, i) => i + 1))
    })
})

describe('from the stored snapshot', () => {
    it('tenantAction reads one action as tenantActions has it, and null for an unknown id or another tenant', () => {
        const file = testStore()
        try {
            const store = file.forTenant(TENANT)
            store.secureScore.replaceSnapshot(profiles, scores, NOW.toISOString())
            const all = tenantActions(store)
            expect(all).toHaveLength(profiles.length)
            for (const id of ['AdminMFAV2', 'scid_2000', all[all.length - 1].id]) expect(tenantAction(store, id)).toEqual(all.find((a) => a.id === id))
            expect(tenantAction(store, 'NoSuchControl')).toBeNull()
            expect(tenantAction(file.forTenant('b1b2c3d4-0000-4000-8000-00000000beef'), 'AdminMFAV2')).toBeNull()
        } finally {
            file.close()
        }
    })
})
