// A complete, valid POST /tasks body as Microsoft 365 sends it (docs/connector-api.md, "POST /tasks"), for
// the tests (the benchmarks keep their own, bench/lib/bodies.ts). No imports: it loads anywhere.
/** The Microsoft 365 tenant every test connects, and a second one for isolation checks: the only tenant constants of the tests. */
export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
export const OTHER_TENANT = 'b1b2c3d4-0000-4000-8000-00000000beef'

export function taskBody(overrides: { [field: string]: unknown } = {}): { [field: string]: unknown } {
    return {
        tenantId: TENANT,
        taskId: 'AdminMFAV2-0001',
        ticketType: 'change',
        name: 'Require MFA for administrative roles',
        description: 'Require multifactor authentication for all 14 Azure AD admin roles.',
        priority: 'high',
        dueDate: '2026-12-31T17:00:00Z',
        recommendationSource: 'microsoft',
        recommendationCategory: 'Identity',
        requestedBy: 'secadmin@contoso.onmicrosoft.com',
        secureScore: {
            controlId: 'AdminMFAV2',
            title: 'Ensure multifactor authentication is enabled for all users in administrative roles',
            actionUrl: 'https://security.microsoft.com/securescore?viewid=actions&actionId=AdminMFAV2',
            maxScore: 10,
            service: 'Azure Active Directory',
        },
        ...overrides,
    }
}
