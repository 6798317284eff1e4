// Without the platform's strong generator (GlideSecureRandomUtil) no credential is made: there is
// no weaker fallback, and nothing is written.
import { postIntegrationUser, postOAuthClient } from '../../../src/server/rest/setup-routes.ts'
import { createSetupHarness, type SetupHarness } from '../../support/setup-harness.ts'

jest.mock('@servicenow/glide', () => ({ ...jest.requireActual('@servicenow/glide'), GlideSecureRandomUtil: undefined }))

let h: SetupHarness
beforeEach(() => {
    h = createSetupHarness()
    h.allowOAuthTable()
})
afterEach(() => h.runtime.close())

test('OAuth creation and user creation refuse with 500 and write nothing', () => {
    const random = jest.spyOn(Math, 'random')
    const oauth = h.call(postOAuthClient, 'POST', '/oauth-client')
    expect(oauth.status).toBe(500)
    expect(oauth.json.error).toEqual({ message: 'No secure random generator', detail: 'GlideSecureRandomUtil is not available on this instance; no credential was created.' })
    expect(h.count('oauth_entity')).toBe(0)
    expect(h.call(postIntegrationUser, 'POST', '/integration-user').status).toBe(500)
    expect(h.count('sys_user', 'user_name=m365.integration')).toBe(0)
    expect(random).not.toHaveBeenCalled()
})
