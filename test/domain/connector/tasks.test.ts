// POST /tasks: creation and mapping, idempotent and conflicting replay, and who may create.
import { gs } from '@servicenow/glide'
import { deleteConnection, postTask, putConnection } from '../../../src/server/rest/connector-routes.ts'
import { API, createHarness, OTHER_TENANT, taskBody, TENANT, type Harness } from '../../support/connector-harness.ts'
import { expectFailure, notConnected } from '../../support/expect-failure.ts'

let h: Harness

function connect(tenantId: string, as?: string) {
    return h.call(putConnection, 'PUT', '/connection', {
        body: { tenantId, tenantName: 'Contoso ' + tenantId.substring(0, 4), connectedBy: 'secadmin@contoso.onmicrosoft.com' },
        as,
    })
}

beforeEach(() => {
    h = createHarness()
    expect(connect(TENANT).status).toBe(201)
})

afterEach(() => h.runtime.close())

describe('POST /tasks creates a ticket', () => {
    it('answers 201 with the ticket in the documented shape and a Location header', () => {
        const result = h.call(postTask, 'POST', '/tasks', { body: taskBody() })
        expect(result.status).toBe(201)
        const ticket = result.json.result
        expect(ticket).toEqual({
            number: expect.stringMatching(/^CHG\d{7}$/),
            sysId: expect.stringMatching(/^[0-9a-f]{32}$/),
            taskId: 'AdminMFAV2-0001',
            type: 'change',
            name: 'Require MFA for administrative roles',
            description: 'Require multifactor authentication for all 14 Azure AD admin roles.',
            state: { value: '-5', label: 'New', customLabel: null },
            priority: { value: '2', label: '2 - High' },
            dueDate: '2026-12-31T17:00:00Z',
            assignmentGroup: null,
            assignedTo: null,
            opened: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
            updated: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
            closed: null,
            outcome: 'open',
            resolution: null,
            link: expect.stringContaining('x_mioms_m365ticket_change_request.do?sys_id=' + ticket.sysId),
        })
        expect(result.headers.location).toBe(API + '/tickets/' + ticket.number + '?tenantId=' + TENANT)
    })

    it('maps a change: short description, description with the Secure Score block, priority, due date, type, category, group', () => {
        const group = h.runtime.createGroup('Identity Security')
        h.runtime.runAs('admin', () => gs.setProperty('x_mioms_m365ticket.change_assignment_group', group))
        const ticket = h.call(postTask, 'POST', '/tasks', { body: taskBody() }).json.result
        const row = h.rows('x_mioms_m365ticket_change_request', 'sys_id=' + ticket.sysId)[0]
        expect(row.sys_class_name).toBe('x_mioms_m365ticket_change_request')
        expect(row.short_description).toBe('Require MFA for administrative roles')
        expect(row.description).toBe(
            [
                'Require multifactor authentication for all 14 Azure AD admin roles.',
                '',
                '--- Microsoft 365 Secure Score ---',
                'Control: AdminMFAV2 (Ensure multifactor authentication is enabled for all users in administrative roles)',
                'Category: Identity',
                'Source: Microsoft',
                'Requested by: secadmin@contoso.onmicrosoft.com',
                'Action URL: https://security.microsoft.com/securescore?viewid=actions&actionId=AdminMFAV2',
            ].join('\n'),
        )
        expect(row.priority).toBe('2')
        expect(row.due_date).toBe('2026-12-31 17:00:00')
        expect(row.type).toBe('normal')
        expect(row.category).toBe('security')
        expect(row.assignment_group).toBe(group)
        expect(row.m365_task_id).toBe('AdminMFAV2-0001')
        expect(row.recommendation_source).toBe('microsoft')
        expect(row.recommendation_category).toBe('identity')
        expect(row.m365_requested_by).toBe('secadmin@contoso.onmicrosoft.com')
        expect(row.secure_score_control).toBe('AdminMFAV2')
        expect(row.opened_by).toBe(h.integrationUser)
        // The platform's own requested_by (a sys_user reference) names the integration user, as its default does.
        expect(row.requested_by).toBe(h.integrationUser)
        expect(h.call(postTask, 'POST', '/tasks', { body: taskBody({ taskId: 'g2' }) }).json.result.assignmentGroup).toBe('Identity Security')
    })

    it.each([
        ['critical', '1', '1', '1'],
        ['high', '1', '2', '2'],
        ['moderate', '2', '2', '3'],
        ['low', '2', '3', '4'],
    ])('maps an incident of priority %s to impact %s and urgency %s, which the instance calculates as priority %s', (given, impact, urgency, calculated) => {
        const ticket = h.call(postTask, 'POST', '/tasks', { body: taskBody({ ticketType: 'incident', priority: given }) }).json.result
        expect(ticket.number).toMatch(/^INC\d{7}$/)
        const row = h.rows('incident', 'sys_id=' + ticket.sysId)[0]
        expect([row.impact, row.urgency, row.priority]).toEqual([impact, urgency, calculated])
        expect(row.caller_id).toBe(h.integrationUser)
        expect(ticket.priority.value).toBe(calculated)
    })

    it('writes one API log row per call, without the request body', () => {
        h.call(postTask, 'POST', '/tasks', { body: taskBody() })
        h.call(postTask, 'POST', '/tasks', { body: taskBody({ name: '' }) })
        const log = h.rows('x_mioms_m365ticket_api_log', 'route=POST /tasks^ORDERBYhttp_status')
        expect(log.map((row) => row.http_status)).toEqual(['201', '400'])
        expect(log[0]).toMatchObject({ method: 'POST', tenant_id: TENANT, task_id: 'AdminMFAV2-0001', caller: h.integrationUser })
        expect(log[0].ticket_number).toMatch(/^CHG/)
        expect(log[1].error_message).toContain('name: must be 1-160 characters')
        expect(JSON.stringify(log)).not.toContain('Require multifactor authentication')
    })
})

describe('POST /tasks replay', () => {
    it('answers a replay of the same content with 200 and the same ticket, writing nothing', () => {
        const first = h.call(postTask, 'POST', '/tasks', { body: taskBody() })
        const before = h.rows('task')
        const replay = h.call(postTask, 'POST', '/tasks', { body: taskBody({ unknownField: 'ignored', recommendationCategory: 'IDENTITY', priority: 2 }) })
        expect(replay.status).toBe(200)
        expect(replay.json.result).toEqual(first.json.result)
        expect(replay.headers.location).toBe(first.headers.location)
        expect(h.rows('task')).toEqual(before)
    })

    it('answers the same task id with different content with 409 naming the fields that differ', () => {
        const first = h.call(postTask, 'POST', '/tasks', { body: taskBody() })
        const before = h.rows('task')
        const conflicting = h.call(postTask, 'POST', '/tasks', { body: taskBody({ name: 'Another name', priority: 'low', ticketType: 'incident' }) })
        expectFailure(conflicting, 409, 'Task AdminMFAV2-0001 was already received with different content as ' + first.json.result.number, 'Differing fields: ticketType, name, priority')
        expect(h.rows('task')).toEqual(before)
    })

    it('keeps task ids apart per tenant: the same task id from another tenant is another ticket', () => {
        expect(connect(OTHER_TENANT, h.otherIntegrationUser).status).toBe(201)
        const mine = h.call(postTask, 'POST', '/tasks', { body: taskBody() }).json.result
        const theirs = h.call(postTask, 'POST', '/tasks', { body: taskBody({ tenantId: OTHER_TENANT }), as: h.otherIntegrationUser })
        expect(theirs.status).toBe(201)
        expect(theirs.json.result.number).not.toBe(mine.number)
    })

    // The platform compares text case-insensitively, unique indexes included (its database collation), so task ids
    // that differ only by case are one task: the replay answers with the first ticket.
    it('treats task ids that differ only by case as the same task', () => {
        const first = h.call(postTask, 'POST', '/tasks', { body: taskBody({ taskId: 'AdminMFAV2-0001' }) })
        expect(first.status).toBe(201)
        const again = h.call(postTask, 'POST', '/tasks', { body: taskBody({ taskId: 'adminmfav2-0001' }) })
        expect(again.status).toBe(200)
        expect(again.json.result.number).toBe(first.json.result.number)
        expect(again.json.result.taskId).toBe('AdminMFAV2-0001')
        expect(h.count('x_mioms_m365ticket_change_request')).toBe(1)
    })
})

describe('POST /tasks: who may create', () => {
    it('refuses an unknown tenant with 403 and a message to reconnect', () => {
        const result = h.call(postTask, 'POST', '/tasks', { body: taskBody({ tenantId: OTHER_TENANT }) })
        expectFailure(result, 403, notConnected(OTHER_TENANT), '')
        expect(h.count('task')).toBe(0)
    })

    it('refuses a disconnected tenant with 403 and a message to reconnect', () => {
        h.call(deleteConnection, 'DELETE', '/connection', { query: { tenantId: TENANT } })
        const result = h.call(postTask, 'POST', '/tasks', { body: taskBody() })
        expectFailure(result, 403, notConnected(TENANT), '')
        expect(h.count('task')).toBe(0)
    })

    it("refuses another tenant's integration user with 403", () => {
        const result = h.call(postTask, 'POST', '/tasks', { body: taskBody(), as: h.otherIntegrationUser })
        expectFailure(result, 403, notConnected(TENANT), '')
        expect(result.json.error.message).toContain('is not connected to this instance through this integration user')
        expect(h.count('task')).toBe(0)
    })
})
