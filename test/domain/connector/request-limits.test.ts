// The app's own request-body limit (x_mioms_m365ticket.max_request_body_bytes): enforced by the app's
// handlers in src/server, not by the instance, so it holds on a real instance too.
import { gs } from '@servicenow/glide'
import { postTask, putConnection } from '../../../src/server/rest/connector-routes.ts'
import { createHarness, taskBody, TENANT, type Harness } from '../../support/connector-harness.ts'

const LIMIT_PROPERTY = 'x_mioms_m365ticket.max_request_body_bytes'
let h: Harness

beforeEach(() => {
    h = createHarness()
    const connected = h.call(putConnection, 'PUT', '/connection', { body: { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'secadmin@contoso.onmicrosoft.com' } })
    expect(connected.status).toBe(201)
})

afterEach(() => h.runtime.close())

function setLimit(bytes: number): void {
    h.runtime.runAs('admin', () => gs.setProperty(LIMIT_PROPERTY, String(bytes)))
}

describe('the app refuses a request body above its limit with 413', () => {
    it('answers 413 in the platform envelope, creates nothing, and logs the call', () => {
        setLimit(200)
        const result = h.call(postTask, 'POST', '/tasks', { body: taskBody() })
        expect(result.status).toBe(413)
        expect(result.json.status).toBe('failure')
        expect(result.json.error.message).toBe('Request body too large')
        expect(result.json.error.detail).toMatch(/this API accepts at most 200 bytes \(property x_mioms_m365ticket\.max_request_body_bytes\)/)
        expect(h.count('x_mioms_m365ticket_change_request')).toBe(0)
        expect(h.rows('x_mioms_m365ticket_api_log', 'route=POST /tasks').map((row) => row.http_status)).toEqual(['413'])
    })

    it('counts UTF-8 bytes, not characters', () => {
        const body = JSON.stringify(taskBody({ description: 'é'.repeat(300) }))
        setLimit(body.length + 100)
        expect(h.call(postTask, 'POST', '/tasks', { rawBody: body }).status).toBe(413)
        setLimit(body.length + 300)
        expect(h.call(postTask, 'POST', '/tasks', { rawBody: body }).status).toBe(201)
    })

    it('accepts the same body under the default limit, and 0 turns the limit off', () => {
        expect(h.call(postTask, 'POST', '/tasks', { body: taskBody({ taskId: 'under-default' }) }).status).toBe(201)
        setLimit(0)
        expect(h.call(postTask, 'POST', '/tasks', { body: taskBody({ taskId: 'no-limit', description: 'x'.repeat(3000) }) }).status).toBe(201)
    })
})
