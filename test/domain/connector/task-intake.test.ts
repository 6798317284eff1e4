// Every validation rule of POST /tasks, each with a passing and at least one failing case,
// through the real handler so that "nothing is written on a 400" is checked too.
import { gs } from '@servicenow/glide'
import { putConnection, postTask } from '../../../src/server/rest/connector-routes.ts'
import { parseIsoDateTime } from '../../../src/server/platform/validation.ts'
import { createHarness, taskBody, TENANT, type Harness } from '../../support/connector-harness.ts'

let h: Harness

beforeEach(() => {
    h = createHarness()
    const connected = h.call(putConnection, 'PUT', '/connection', {
        body: { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'secadmin@contoso.onmicrosoft.com' },
    })
    expect(connected.status).toBe(201)
})

afterEach(() => h.runtime.close())

function post(body: unknown) {
    return h.call(postTask, 'POST', '/tasks', { body })
}

function expectRejected(body: unknown, ...fields: string[]) {
    const before = h.count('task')
    const result = post(body)
    expect(result.status).toBe(400)
    expect(result.json.status).toBe('failure')
    expect(result.json.error.message).toBe('Invalid request')
    for (const name of fields) expect(result.json.error.detail).toContain(name + ':')
    expect(h.count('task')).toBe(before)
    return result
}

describe('POST /tasks validation', () => {
    it('accepts a complete body', () => {
        expect(post(taskBody()).status).toBe(201)
    })

    it('taskId: 1-64 characters of [A-Za-z0-9._:-]', () => {
        expect(post(taskBody({ taskId: 'a'.repeat(64) })).status).toBe(201)
        expect(post(taskBody({ taskId: 'x.y_z:1-2' })).status).toBe(201)
        expectRejected(taskBody({ taskId: '' }), 'taskId')
        expectRejected(taskBody({ taskId: 'a'.repeat(65) }), 'taskId')
        expectRejected(taskBody({ taskId: 'has space' }), 'taskId')
        expectRejected(taskBody({ taskId: 'a^NQnumber!=x' }), 'taskId')
        expectRejected(taskBody({ taskId: 42 }), 'taskId')
        expectRejected(taskBody({ taskId: undefined }), 'taskId')
    })

    it('ticketType: change or incident, defaulting to the default_ticket_type property', () => {
        expect(post(taskBody({ taskId: 't1', ticketType: 'incident' })).json.result.type).toBe('incident')
        expect(post(taskBody({ taskId: 't2', ticketType: undefined })).json.result.type).toBe('change')
        h.runtime.runAs('admin', () => gs.setProperty('x_mioms_m365ticket.default_ticket_type', 'incident'))
        expect(post(taskBody({ taskId: 't3', ticketType: undefined })).json.result.type).toBe('incident')
        expectRejected(taskBody({ taskId: 't4', ticketType: 'problem' }), 'ticketType')
        expectRejected(taskBody({ taskId: 't5', ticketType: 1 }), 'ticketType')
    })

    it('name: 1-160 characters, single line', () => {
        expect(post(taskBody({ taskId: 'n1', name: 'x'.repeat(160) })).status).toBe(201)
        expectRejected(taskBody({ name: '' }), 'name')
        expectRejected(taskBody({ name: '   ' }), 'name')
        expectRejected(taskBody({ name: 'x'.repeat(161) }), 'name')
        expectRejected(taskBody({ name: 'line\nbreak' }), 'name')
        expectRejected(taskBody({ name: 'nul\u0000' }), 'name')
        expectRejected(taskBody({ name: ['a'] }), 'name')
    })

    it('description: at most 4000 characters, multi-line allowed', () => {
        expect(post(taskBody({ taskId: 'd1', description: 'a\nb\r\n\tc'.padEnd(4000, 'x') })).status).toBe(201)
        expect(post(taskBody({ taskId: 'd2', description: undefined })).status).toBe(201)
        expectRejected(taskBody({ description: 'x'.repeat(4001) }), 'description')
        expectRejected(taskBody({ description: 'bell\u0007' }), 'description')
        expectRejected(taskBody({ description: { text: 'x' } }), 'description')
    })

    it('priority: critical, high, moderate or low, or 1-4', () => {
        const cases: [unknown, string][] = [['critical', '1'], ['HIGH', '2'], ['moderate', '3'], ['low', '4'], [1, '1'], ['4', '4']]
        cases.forEach(([given, stored], index) => {
            expect(post(taskBody({ taskId: 'p' + index, priority: given })).json.result.priority.value).toBe(stored)
        })
        expectRejected(taskBody({ priority: 'urgent' }), 'priority')
        expectRejected(taskBody({ priority: 0 }), 'priority')
        expectRejected(taskBody({ priority: 5 }), 'priority')
        expectRejected(taskBody({ priority: 2.5 }), 'priority')
        expectRejected(taskBody({ priority: undefined }), 'priority')
    })

    it('dueDate: an ISO 8601 date or date-time, stored in UTC', () => {
        expect(parseIsoDateTime('2026-12-31')).toBe('2026-12-31 00:00:00')
        expect(parseIsoDateTime('2026-12-31T17:00:00Z')).toBe('2026-12-31 17:00:00')
        expect(parseIsoDateTime('2026-12-31T17:00:00+02:00')).toBe('2026-12-31 15:00:00')
        expect(parseIsoDateTime('2026-12-31T23:30:00-01:00')).toBe('2027-01-01 00:30:00')
        expect(parseIsoDateTime('2026-12-31T17:00:00.123Z')).toBe('2026-12-31 17:00:00')
        expect(post(taskBody({ taskId: 'due1', dueDate: '2026-12-31T17:00:00+02:00' })).json.result.dueDate).toBe('2026-12-31T15:00:00Z')
        expectRejected(taskBody({ dueDate: '2026-02-30' }), 'dueDate')
        expectRejected(taskBody({ dueDate: '31/12/2026' }), 'dueDate')
        expectRejected(taskBody({ dueDate: '2026-12-31T25:00:00Z' }), 'dueDate')
        expectRejected(taskBody({ dueDate: 1767225600000 }), 'dueDate')
    })

    it('recommendationSource: user or microsoft', () => {
        expect(post(taskBody({ taskId: 's1', recommendationSource: 'User' })).status).toBe(201)
        expectRejected(taskBody({ recommendationSource: 'partner' }), 'recommendationSource')
        expectRejected(taskBody({ recommendationSource: undefined }), 'recommendationSource')
    })

    it("recommendationCategory: devices, data, apps, identity or infrastructure, case-insensitive, with Microsoft's 'Device'", () => {
        for (const [index, given] of ['Devices', 'DATA', 'apps', 'Identity', 'infrastructure', 'Device'].entries()) {
            expect(post(taskBody({ taskId: 'c' + index, recommendationCategory: given })).status).toBe(201)
        }
        const device = h.rows('x_mioms_m365ticket_change_request', 'm365_task_id=c5')[0]
        expect(device.recommendation_category).toBe('devices')
        expectRejected(taskBody({ recommendationCategory: 'network' }), 'recommendationCategory')
    })

    it('requestedBy: 1-254 characters', () => {
        expectRejected(taskBody({ requestedBy: '' }), 'requestedBy')
        expectRejected(taskBody({ requestedBy: 'x'.repeat(255) }), 'requestedBy')
        expectRejected(taskBody({ requestedBy: 'tab\there' }), 'requestedBy')
    })

    it('secureScore: optional; controlId, title, https actionUrl, maxScore >= 0, service', () => {
        expect(post(taskBody({ taskId: 'ss1', secureScore: undefined })).status).toBe(201)
        expect(post(taskBody({ taskId: 'ss2', secureScore: { controlId: 'OneAdmin' } })).status).toBe(201)
        expectRejected(taskBody({ secureScore: 'AdminMFAV2' }), 'secureScore')
        expectRejected(taskBody({ secureScore: { controlId: 'X', actionUrl: 'http://security.microsoft.com/x' } }), 'secureScore.actionUrl')
        expectRejected(taskBody({ secureScore: { controlId: 'X', actionUrl: 'javascript:alert(1)' } }), 'secureScore.actionUrl')
        expectRejected(taskBody({ secureScore: { controlId: 'X', maxScore: -1 } }), 'secureScore.maxScore')
        expectRejected(taskBody({ secureScore: { controlId: 'X', maxScore: '10' } }), 'secureScore.maxScore')
        expectRejected(taskBody({ secureScore: { title: 'no id' } }), 'secureScore.controlId')
    })

    it('tenantId: a GUID', () => {
        expectRejected(taskBody({ tenantId: 'contoso' }), 'tenantId')
        expectRejected(taskBody({ tenantId: undefined }), 'tenantId')
    })

    it('ignores unknown fields, including __proto__ and constructor keys', () => {
        const raw = JSON.stringify(taskBody({ severity: 'sev1', constructor: 'x' })).replace(/^\{/, '{"__proto__":{"priority":"low"},')
        const result = h.call(postTask, 'POST', '/tasks', { rawBody: raw })
        expect(result.status).toBe(201)
        expect(result.json.result.priority.value).toBe('2')
    })

    it('lists every bad field in one 400', () => {
        const result = expectRejected(
            taskBody({ taskId: '', name: 7, priority: 'x', dueDate: 'soon', recommendationSource: 'x', recommendationCategory: 'x', requestedBy: '' }),
            'taskId',
            'name',
            'priority',
            'dueDate',
            'recommendationSource',
            'recommendationCategory',
            'requestedBy',
        )
        expect(result.json.error.detail.split('; ')).toHaveLength(7)
    })

    it.each([
        ['not JSON', '{"taskId":'],
        ['an array', '[1,2]'],
        ['a string', '"task"'],
        ['null', 'null'],
        ['empty', ''],
    ])('refuses a body that is %s with 400 and writes nothing', (_label, raw) => {
        const result = h.call(postTask, 'POST', '/tasks', { rawBody: raw })
        expect(result.status).toBe(400)
        expect(result.json.error.detail).toMatch(/^body: /)
        expect(h.count('task')).toBe(0)
    })
})
