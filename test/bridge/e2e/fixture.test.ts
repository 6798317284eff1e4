// The Secure Score improvement actions the local Microsoft 365 side offers for sharing.
import { actionUrl, findAction, IMPROVEMENT_ACTIONS } from '../../../bridge/domain/fixture-interim'

const CATEGORIES = ['Identity', 'Data', 'Device', 'Apps', 'Infrastructure']
const RANKS = ['Low', 'Moderate', 'High']

describe('improvement action fixture', () => {
    test('has at least 15 control profiles with unique ids', () => {
        expect(IMPROVEMENT_ACTIONS.length).toBeGreaterThanOrEqual(15)
        expect(new Set(IMPROVEMENT_ACTIONS.map((a) => a.id)).size).toBe(IMPROVEMENT_ACTIONS.length)
    })

    test('includes the well-known controls', () => {
        for (const id of [
            'AdminMFAV2', 'MFARegistrationV2', 'BlockLegacyAuthentication', 'SelfServicePasswordReset', 'OneAdmin', 'PWAgePolicyNew',
            'IntegratedApps', 'UserRiskPolicy', 'SigninRiskPolicy', 'aad_admin_consent_workflow', 'mdo_safelinksforOfficeApps',
            'mdo_atpprotection', 'scid_2000',
        ]) {
            expect(findAction(id)).toBeDefined()
        }
        expect(findAction('NoSuchControl')).toBeUndefined()
    })

    test('covers every category', () => {
        expect(new Set(IMPROVEMENT_ACTIONS.map((a) => a.category))).toEqual(new Set(CATEGORIES))
    })

    test.each(IMPROVEMENT_ACTIONS.map((a) => [a.id, a] as const))('%s has every field the share needs', (id, action) => {
        expect(action.title.length).toBeGreaterThan(10)
        expect(action.title.length).toBeLessThanOrEqual(160)
        expect(action.description.length).toBeGreaterThan(20)
        expect(action.description.length).toBeLessThanOrEqual(4000)
        expect(CATEGORIES).toContain(action.category)
        expect(action.service).toBeTruthy()
        expect(Number.isInteger(action.maxScore) && action.maxScore > 0).toBe(true)
        expect(RANKS).toContain(action.implementationCost)
        expect(RANKS).toContain(action.userImpact)
        expect(action.threats.length).toBeGreaterThan(0)
        expect(action.actionUrl).toBe('https://security.microsoft.com/securescore?viewid=actions&actionId=' + id)
        expect(action.actionUrl).toBe(actionUrl(id))
        // The connector's task id alphabet, since task ids start with the control id.
        expect(id).toMatch(/^[A-Za-z0-9._:-]{1,40}$/)
    })

    test('is frozen', () => {
        expect(Object.isFrozen(IMPROVEMENT_ACTIONS)).toBe(true)
        expect(Object.isFrozen(IMPROVEMENT_ACTIONS[0])).toBe(true)
    })
})
