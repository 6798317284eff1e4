// What a failed instance call says on a page (plainError): plain words for no answer, a refused sign-in, a busy
// instance, a missing app and an unreadable answer; the connector app's own messages, written for people, kept.
// Never the request line or a network code, which go to the log (errorDetail).
import { InstanceApiError, InstanceUnreachableError } from '../../bridge/ports/servicenow/http-client.ts'
import { errorDetail, NeedsReauthorizationError, plainError } from '../../bridge/ports/servicenow/link.ts'

test('no answer, a refused sign-in, a busy instance: plain words without the request', () => {
    const unreachable = new InstanceUnreachableError('POST /tasks: ECONNREFUSED', 4)
    expect(plainError(unreachable)).toBe('ServiceNow did not answer. Check that the instance is up and that this bridge can reach it, then try again.')
    expect(errorDetail(unreachable)).toBe('POST /tasks: ECONNREFUSED')
    const signIn = "ServiceNow no longer accepts this connection's sign-in. Re-authorize it on Manage ServiceNow configuration."
    expect(plainError(new InstanceApiError(401, 'User Not Authenticated', 'Required to provide Auth information', 1))).toBe(signIn)
    expect(plainError(new NeedsReauthorizationError('The instance refused the refresh token (invalid_grant)'))).toBe(signIn)
    expect(plainError(new InstanceApiError(503, 'HTTP 503 from GET /tickets', null, 4))).toBe('ServiceNow is busy or had an error (HTTP 503). Try again in a few minutes.')
})

test("an app that does not answer, an unreadable answer, and the app's own messages", () => {
    expect(plainError(new InstanceApiError(400, 'Requested URI does not represent any resource', null, 1))).toBe(
        'The Microsoft 365 Ticketing Connector app does not answer on this instance. Check that it is installed and active.',
    )
    expect(plainError(new InstanceApiError(404, 'HTTP 404 from GET /states', null, 1))).toBe("ServiceNow gave an answer the bridge cannot read (HTTP 404). The bridge log has the details.")
    const refused = new InstanceApiError(403, 'Only an integration user can connect a Microsoft 365 tenant', 'Reconnect and choose "Not you?".', 1)
    expect(plainError(refused)).toBe('Only an integration user can connect a Microsoft 365 tenant. Reconnect and choose "Not you?".')
    expect(errorDetail(refused)).toBe('HTTP 403: Only an integration user can connect a Microsoft 365 tenant (Reconnect and choose "Not you?".)')
    expect(plainError(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe('Something went wrong. The bridge log has the details.')
})
