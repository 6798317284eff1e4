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

/** The body is refused with one 400 whose detail is exactly `detail` (README "POST /tasks"), and nothing is written. */
function expectRejected(body: unknown, detail: string) {
    const before = h.count('task')
    const result = post(body)
    expect(result.status).toBe(400)
    expect(result.json).toEqual({ status: 'failure', error: { message: 'Invalid request', detail } })
    expect(h.count('task')).toBe(before)
    return result
}

/** The normalized intake stored with the ticket (intake_payload): what a replay is compared with. */
function storedIntake(taskId: string, table = 'x_mioms_m365ticket_change_request') {
    const [row] = h.rows(table, 'm365_task_id=' + taskId)
    return JSON.parse(row.intake_payload as string)
}

const GUID_DETAIL = 'tenantId: must be a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47'
const TASK_ID_PATTERN_DETAIL = 'taskId: must be 1-64 characters of A-Z, a-z, 0-9, ".", "_", ":" or "-"'
const DUE_DATE_DETAIL = 'dueDate: must be an ISO 8601 date or date-time, e.g. 2026-12-31 or 2026-12-31T17:00:00Z'
const PRIORITY_DETAIL = 'priority: must be critical, high, moderate or low, or 1-4'

describe('POST /tasks validation', () => {
    it('accepts a complete body and stores it normalized', () => {
        expect(post(taskBody()).status).toBe(201)
        expect(storedIntake('AdminMFAV2-0001')).toEqual({
            taskId: 'AdminMFAV2-0001',
            ticketType: 'change',
            name: 'Require MFA for administrative roles',
            description: 'Require multifactor authentication for all 14 Azure AD admin roles.',
            priority: 2,
            dueDate: '2026-12-31 17:00:00',
            recommendationSource: 'microsoft',
            recommendationCategory: 'identity',
            requestedBy: 'secadmin@contoso.onmicrosoft.com',
            secureScore: {
                controlId: 'AdminMFAV2',
                title: 'Ensure multifactor authentication is enabled for all users in administrative roles',
                actionUrl: 'https://security.microsoft.com/securescore?viewid=actions&actionId=AdminMFAV2',
                maxScore: 10,
                service: 'Azure Active Directory',
            },
        })
    })

    it('accepts every field at its minimum length, and explicit nulls in the optional fields', () => {
        const minimal = taskBody({ taskId: 'm', ticketType: null, name: 'n', description: null, dueDate: null, requestedBy: 'r', secureScore: { controlId: 'C', title: null, actionUrl: null, maxScore: null, service: null } })
        expect(post(minimal).status).toBe(201)
        expect(storedIntake('m')).toEqual({
            taskId: 'm',
            ticketType: 'change',
            name: 'n',
            description: '',
            priority: 2,
            dueDate: null,
            recommendationSource: 'microsoft',
            recommendationCategory: 'identity',
            requestedBy: 'r',
            secureScore: { controlId: 'C', title: null, actionUrl: null, maxScore: null, service: null },
        })
        expect(post(taskBody({ taskId: 'm2', description: '', secureScore: null })).status).toBe(201)
        expect(storedIntake('m2')).toMatchObject({ description: '', secureScore: null })
        expect(post(taskBody({ taskId: 'm3', secureScore: { controlId: 'C', title: '', service: '', maxScore: 0 } })).status).toBe(201)
        expect(storedIntake('m3').secureScore).toEqual({ controlId: 'C', title: null, actionUrl: null, maxScore: 0, service: null })
    })

    it('trims single-line fields and keeps a multi-line description as sent; an id with spaces around it is refused', () => {
        expect(post(taskBody({ taskId: 't1', name: '  Enforce MFA  ', description: '  line one\n  line two  ', requestedBy: ' secadmin@contoso.com ', secureScore: { controlId: 'AdminMFAV2', title: ' MFA ', service: ' Entra ' } })).status).toBe(201)
        expect(storedIntake('t1')).toMatchObject({
            taskId: 't1',
            name: 'Enforce MFA',
            description: '  line one\n  line two  ',
            requestedBy: 'secadmin@contoso.com',
            secureScore: { controlId: 'AdminMFAV2', title: 'MFA', actionUrl: null, maxScore: null, service: 'Entra' },
        })
        // The id patterns are matched against the value as sent, so that one task is never known under two ids.
        expectRejected(taskBody({ taskId: ' t2 ' }), TASK_ID_PATTERN_DETAIL)
        expectRejected(taskBody({ secureScore: { controlId: ' AdminMFAV2 ' } }), 'secureScore.controlId: must be letters, digits, ".", "_", ":" or "-"')
    })

    it('taskId: 1-64 characters of [A-Za-z0-9._:-]', () => {
        expect(post(taskBody({ taskId: 'a'.repeat(64) })).status).toBe(201)
        expect(post(taskBody({ taskId: 'x.y_z:1-2' })).status).toBe(201)
        expectRejected(taskBody({ taskId: '' }), 'taskId: must be 1-64 characters')
        expectRejected(taskBody({ taskId: '   ' }), 'taskId: must be 1-64 characters')
        expectRejected(taskBody({ taskId: 'a'.repeat(65) }), 'taskId: must be 1-64 characters')
        expectRejected(taskBody({ taskId: 'has space' }), TASK_ID_PATTERN_DETAIL)
        expectRejected(taskBody({ taskId: 'a^NQnumber!=x' }), TASK_ID_PATTERN_DETAIL)
        expectRejected(taskBody({ taskId: 'tab\tinside' }), 'taskId: must not contain control characters')
        expectRejected(taskBody({ taskId: 42 }), 'taskId: must be a string')
        expectRejected(taskBody({ taskId: undefined }), 'taskId: is required')
        expectRejected(taskBody({ taskId: null }), 'taskId: is required')
    })

    it('ticketType: change or incident, defaulting to the default_ticket_type property', () => {
        expect(post(taskBody({ taskId: 't1', ticketType: 'incident' })).json.result.type).toBe('incident')
        expect(post(taskBody({ taskId: 't1b', ticketType: ' Change ' })).json.result.type).toBe('change')
        expect(post(taskBody({ taskId: 't2', ticketType: undefined })).json.result.type).toBe('change')
        h.runtime.runAs('admin', () => gs.setProperty('x_mioms_m365ticket.default_ticket_type', 'incident'))
        expect(post(taskBody({ taskId: 't3', ticketType: undefined })).json.result.type).toBe('incident')
        expect(post(taskBody({ taskId: 't3b', ticketType: null })).json.result.type).toBe('incident')
        expectRejected(taskBody({ taskId: 't4', ticketType: 'problem' }), 'ticketType: must be one of change, incident')
        expectRejected(taskBody({ taskId: 't4', ticketType: '' }), 'ticketType: must be one of change, incident')
        expectRejected(taskBody({ taskId: 't5', ticketType: 1 }), 'ticketType: must be a string')
    })

    it('name: 1-160 characters, single line', () => {
        expect(post(taskBody({ taskId: 'n1', name: 'x'.repeat(160) })).status).toBe(201)
        expectRejected(taskBody({ name: '' }), 'name: must be 1-160 characters')
        expectRejected(taskBody({ name: '   ' }), 'name: must be 1-160 characters')
        expectRejected(taskBody({ name: 'x'.repeat(161) }), 'name: must be 1-160 characters')
        expectRejected(taskBody({ name: 'line\nbreak' }), 'name: must not contain control characters')
        expectRejected(taskBody({ name: 'nul\u0000' }), 'name: must not contain control characters')
        expectRejected(taskBody({ name: 'del\u007f' }), 'name: must not contain control characters')
        expectRejected(taskBody({ name: 'unit\u001fseparator' }), 'name: must not contain control characters')
        expectRejected(taskBody({ name: ['a'] }), 'name: must be a string')
        expectRejected(taskBody({ name: null }), 'name: is required')
    })

    it('description: at most 4000 characters, multi-line allowed', () => {
        expect(post(taskBody({ taskId: 'd1', description: 'a\nb\r\n\tc'.padEnd(4000, 'x') })).status).toBe(201)
        expect(post(taskBody({ taskId: 'd2', description: undefined })).status).toBe(201)
        expectRejected(taskBody({ description: 'x'.repeat(4001) }), 'description: must be at most 4000 characters')
        expectRejected(taskBody({ description: 'bell\u0007' }), 'description: must not contain control characters')
        expectRejected(taskBody({ description: 'vertical\u000btab' }), 'description: must not contain control characters')
        expectRejected(taskBody({ description: 'form\u000cfeed' }), 'description: must not contain control characters')
        expectRejected(taskBody({ description: 'shift\u000eout' }), 'description: must not contain control characters')
        expectRejected(taskBody({ description: 'del\u007f' }), 'description: must not contain control characters')
        expectRejected(taskBody({ description: { text: 'x' } }), 'description: must be a string')
    })

    it('priority: critical, high, moderate or low, or 1-4', () => {
        const cases: [unknown, string][] = [['critical', '1'], ['HIGH', '2'], [' moderate ', '3'], ['low', '4'], [1, '1'], [4, '4'], ['4', '4'], [' 3 ', '3']]
        cases.forEach(([given, stored], index) => {
            expect(post(taskBody({ taskId: 'p' + index, priority: given })).json.result.priority.value).toBe(stored)
        })
        expect(storedIntake('p6').priority).toBe(4)
        for (const refused of ['urgent', 0, 5, 2.5, '0', '5', '12', '1.5', true, [1], 'constructor', 'toString']) {
            expectRejected(taskBody({ priority: refused }), PRIORITY_DETAIL)
        }
        expectRejected(taskBody({ priority: undefined }), 'priority: is required')
        expectRejected(taskBody({ priority: null }), 'priority: is required')
    })

    it('dueDate: an ISO 8601 date or date-time, stored in UTC', () => {
        expect(parseIsoDateTime('2026-12-31')).toBe('2026-12-31 00:00:00')
        expect(parseIsoDateTime('2026-12-31T17:00:00Z')).toBe('2026-12-31 17:00:00')
        expect(parseIsoDateTime('2026-12-31T17:00:00+02:00')).toBe('2026-12-31 15:00:00')
        expect(parseIsoDateTime('2026-12-31T23:30:00-01:00')).toBe('2027-01-01 00:30:00')
        expect(parseIsoDateTime('2026-12-31T17:00:00.123Z')).toBe('2026-12-31 17:00:00')
        expect(post(taskBody({ taskId: 'due1', dueDate: '2026-12-31T17:00:00+02:00' })).json.result.dueDate).toBe('2026-12-31T15:00:00Z')
        expect(post(taskBody({ taskId: 'due2', dueDate: ' 2026-12-31 ' })).json.result.dueDate).toBe('2026-12-31T00:00:00Z')
        expectRejected(taskBody({ dueDate: '2026-02-30' }), DUE_DATE_DETAIL)
        expectRejected(taskBody({ dueDate: '31/12/2026' }), DUE_DATE_DETAIL)
        expectRejected(taskBody({ dueDate: '2026-12-31T25:00:00Z' }), DUE_DATE_DETAIL)
        expectRejected(taskBody({ dueDate: 1767225600000 }), DUE_DATE_DETAIL)
        expectRejected(taskBody({ dueDate: '' }), DUE_DATE_DETAIL)
    })

    it('parses ISO 8601 dates and date-times to the edge of each range, and refuses one past it', () => {
        const accepted: [string, string][] = [
            ['2026-01-01T00:00:00Z', '2026-01-01 00:00:00'],
            ['2026-12-31T23:59:59Z', '2026-12-31 23:59:59'],
            ['2026-06-15 08:30', '2026-06-15 08:30:00'],
            ['2026-06-15T08:30:45', '2026-06-15 08:30:45'],
            ['2026-06-15T08:30:45.123456789+05:30', '2026-06-15 03:00:45'],
            ['2026-06-15T08:30:00+0530', '2026-06-15 03:00:00'],
            ['2026-06-15T08:30:00-0945', '2026-06-15 18:15:00'],
            ['2026-06-15T08:30:00+23:59', '2026-06-14 08:31:00'],
            ['2028-02-29', '2028-02-29 00:00:00'],
            ['2026-04-30', '2026-04-30 00:00:00'],
            ['0999-03-04T05:06:07Z', '0999-03-04 05:06:07'],
        ]
        for (const [given, stored] of accepted) expect([given, parseIsoDateTime(given)]).toEqual([given, stored])
        const refused = [
            '2026-00-10', '2026-13-10', '2026-01-00', '2026-01-32', '2026-04-31', '2027-02-29',
            '2026-06-15T24:00:00Z', '2026-06-15T08:60:00Z', '2026-06-15T08:30:60Z',
            '2026-06-15T08:30:00+24:00', '2026-06-15T08:30:00+05:60', '2026-06-15T08:30:00+5:30',
            '2026-6-15', '26-06-15', '2026-06-15T8:30', '2026-06-15T08:30:00.Z', '2026-06-15T08:30:00.1234567890Z',
            ' 2026-06-15', '2026-06-15 ', 'x2026-06-15', '2026-06-15x', '2026-06-15T08:30:00Zx', '2026-06-15X08:30',
        ]
        for (const given of refused) expect([given, parseIsoDateTime(given)]).toEqual([given, undefined])
    })

    it('recommendationSource: user or microsoft', () => {
        expect(post(taskBody({ taskId: 's1', recommendationSource: 'User' })).status).toBe(201)
        expect(storedIntake('s1').recommendationSource).toBe('user')
        expectRejected(taskBody({ recommendationSource: 'partner' }), 'recommendationSource: must be one of user, microsoft')
        expectRejected(taskBody({ recommendationSource: 7 }), 'recommendationSource: must be a string')
        expectRejected(taskBody({ recommendationSource: undefined }), 'recommendationSource: is required')
        expectRejected(taskBody({ recommendationSource: null }), 'recommendationSource: is required')
    })

    it("recommendationCategory: devices, data, apps, identity or infrastructure, case-insensitive, with Microsoft's 'Device'", () => {
        const given = ['Devices', 'DATA', 'apps', 'Identity', 'infrastructure', 'Device']
        const stored = ['devices', 'data', 'apps', 'identity', 'infrastructure', 'devices']
        for (const [index, category] of given.entries()) {
            expect(post(taskBody({ taskId: 'c' + index, recommendationCategory: category })).status).toBe(201)
            expect(storedIntake('c' + index).recommendationCategory).toBe(stored[index])
        }
        const device = h.rows('x_mioms_m365ticket_change_request', 'm365_task_id=c5')[0]
        expect(device.recommendation_category).toBe('devices')
        const refusedDetail = 'recommendationCategory: must be one of devices, data, apps, identity, infrastructure'
        expectRejected(taskBody({ recommendationCategory: 'network' }), refusedDetail)
        // The alias table is looked up by own key only: inherited names are no categories.
        expectRejected(taskBody({ recommendationCategory: 'constructor' }), refusedDetail)
        expectRejected(taskBody({ recommendationCategory: '__proto__' }), refusedDetail)
    })

    it('requestedBy: 1-254 characters', () => {
        expect(post(taskBody({ taskId: 'rb1', requestedBy: 'x'.repeat(254) })).status).toBe(201)
        expectRejected(taskBody({ requestedBy: '' }), 'requestedBy: must be 1-254 characters')
        expectRejected(taskBody({ requestedBy: 'x'.repeat(255) }), 'requestedBy: must be 1-254 characters')
        expectRejected(taskBody({ requestedBy: 'tab\there' }), 'requestedBy: must not contain control characters')
        expectRejected(taskBody({ requestedBy: undefined }), 'requestedBy: is required')
    })

    it('secureScore: optional; controlId, title, https actionUrl, maxScore >= 0, service', () => {
        expect(post(taskBody({ taskId: 'ss1', secureScore: undefined })).status).toBe(201)
        expect(post(taskBody({ taskId: 'ss2', secureScore: { controlId: 'OneAdmin' } })).status).toBe(201)
        expect(post(taskBody({ taskId: 'ss3', secureScore: { controlId: 'x'.repeat(100), title: 't'.repeat(256), service: 's'.repeat(100), actionUrl: 'https://' + 'a'.repeat(1016), maxScore: 0.5 } })).status).toBe(201)
        expectRejected(taskBody({ secureScore: 'AdminMFAV2' }), 'secureScore: must be an object')
        expectRejected(taskBody({ secureScore: ['AdminMFAV2'] }), 'secureScore: must be an object')
        expectRejected(taskBody({ secureScore: { controlId: 'X', actionUrl: 'http://security.microsoft.com/x' } }), 'secureScore.actionUrl: must be an https:// URL')
        expectRejected(taskBody({ secureScore: { controlId: 'X', actionUrl: 'javascript:alert(1)' } }), 'secureScore.actionUrl: must be an https:// URL')
        expectRejected(taskBody({ secureScore: { controlId: 'X', actionUrl: 'https://' } }), 'secureScore.actionUrl: must be an https:// URL')
        expectRejected(taskBody({ secureScore: { controlId: 'X', actionUrl: 'https:///path' } }), 'secureScore.actionUrl: must be an https:// URL')
        expectRejected(taskBody({ secureScore: { controlId: 'X', actionUrl: 'https://host/a b' } }), 'secureScore.actionUrl: must be an https:// URL')
        expectRejected(taskBody({ secureScore: { controlId: 'X', actionUrl: 'see https://host/' } }), 'secureScore.actionUrl: must be an https:// URL')
        expectRejected(taskBody({ secureScore: { controlId: 'X', actionUrl: 'https://' + 'a'.repeat(1017) } }), 'secureScore.actionUrl: must be at most 1024 characters')
        expectRejected(taskBody({ secureScore: { controlId: 'X', maxScore: -1 } }), 'secureScore.maxScore: must be a number of at least 0')
        expectRejected(taskBody({ secureScore: { controlId: 'X', maxScore: '10' } }), 'secureScore.maxScore: must be a number of at least 0')
        expectRejected(taskBody({ secureScore: { controlId: 'X', title: 't'.repeat(257) } }), 'secureScore.title: must be at most 256 characters')
        expectRejected(taskBody({ secureScore: { controlId: 'X', service: 's'.repeat(101) } }), 'secureScore.service: must be at most 100 characters')
        expectRejected(taskBody({ secureScore: { title: 'no id' } }), 'secureScore.controlId: is required')
    })

    it('secureScore.controlId: 1-100 letters, digits, ".", "_", ":" or "-"', () => {
        const patternDetail = 'secureScore.controlId: must be letters, digits, ".", "_", ":" or "-"'
        for (const malformed of ['Admin MFA', 'AdminMFA/V2', 'AdminMFA?x=1', 'Admin^MFA', 'Admin,MFA', 'Adminé', 'Admin"MFA']) {
            expectRejected(taskBody({ secureScore: { controlId: malformed } }), patternDetail)
        }
        expectRejected(taskBody({ secureScore: { controlId: '' } }), 'secureScore.controlId: must be 1-100 characters')
        expectRejected(taskBody({ secureScore: { controlId: 'x'.repeat(101) } }), 'secureScore.controlId: must be 1-100 characters')
        expectRejected(taskBody({ secureScore: { controlId: 'Admin\nMFA' } }), 'secureScore.controlId: must not contain control characters')
        expectRejected(taskBody({ secureScore: { controlId: 42 } }), 'secureScore.controlId: must be a string')
        expectRejected(taskBody({ secureScore: { controlId: null } }), 'secureScore.controlId: is required')
        // Every sub-field is checked, so one 400 names all of them.
        expectRejected(
            taskBody({ secureScore: { controlId: 'a b', title: 7, actionUrl: 'ftp://x', maxScore: -0.5, service: ['s'] } }),
            'secureScore.controlId: must be letters, digits, ".", "_", ":" or "-"; secureScore.title: must be a string; secureScore.actionUrl: must be an https:// URL; secureScore.service: must be a string; secureScore.maxScore: must be a number of at least 0',
        )
    })

    it('tenantId: a GUID, in any letter case, stored lower case', () => {
        expect(post(taskBody({ taskId: 'g1', tenantId: TENANT.toUpperCase() })).status).toBe(201)
        expect(h.rows('x_mioms_m365ticket_change_request', 'm365_task_id=g1')).toHaveLength(1)
        expectRejected(taskBody({ tenantId: undefined }), 'tenantId: is required')
        expectRejected(taskBody({ tenantId: null }), 'tenantId: is required')
        expectRejected(taskBody({ tenantId: '' }), 'tenantId: is required')
    })

    it.each([
        ['a name', 'contoso'],
        ['a domain', 'contoso.onmicrosoft.com'],
        ['one character short', TENANT.slice(0, -1)],
        ['one character long', TENANT + '7'],
        ['a short first group', '72f988b-86f1-41af-91ab-2d7cd011db47f'],
        ['a long first group', '72f988bf8-6f1-41af-91ab-2d7cd011db47'],
        ['a short second group', '72f988bf-86f-141af-91ab-2d7cd011db47'],
        ['a short third group', '72f988bf-86f1-41a-f91ab-2d7cd011db47'],
        ['a short fourth group', '72f988bf-86f1-41af-91a-b2d7cd011db47'],
        ['no dashes', '72f988bf86f141af91ab2d7cd011db47'],
        ['one dash missing', '72f988bf-86f141af-91ab-2d7cd011db47'],
        ['underscores for dashes', '72f988bf_86f1_41af_91ab_2d7cd011db47'],
        ['braces', '{' + TENANT + '}'],
        ['a urn prefix', 'urn:uuid:' + TENANT],
        ['a non-hex letter', '72f988bf-86f1-41af-91ab-2d7cd011db4g'],
        ['a non-hex letter at the start', 'g2f988bf-86f1-41af-91ab-2d7cd011db47'],
        ['a space inside', '72f988bf-86f1-41af-91ab 2d7cd011db47'],
        ['a leading space', ' ' + TENANT],
        ['a trailing newline', TENANT + '\n'],
        ['a second GUID after it', TENANT + ',' + TENANT],
        ['a string array', [TENANT]],
        ['a number', 72988],
        ['an object', { id: TENANT }],
        ['a boolean', true],
    ])('tenantId: %s is refused with the documented 400', (_label, tenantId) => {
        expectRejected(taskBody({ tenantId }), GUID_DETAIL)
    })

    it('ignores unknown fields, including __proto__ and constructor keys', () => {
        const raw = JSON.stringify(taskBody({ severity: 'sev1', constructor: 'x' })).replace(/^\{/, '{"__proto__":{"priority":"low"},')
        const result = h.call(postTask, 'POST', '/tasks', { rawBody: raw })
        expect(result.status).toBe(201)
        expect(result.json.result.priority.value).toBe('2')
    })

    it('lists every bad field in one 400, in the order of the fields', () => {
        expectRejected(
            taskBody({ tenantId: 'contoso', taskId: '', ticketType: 'problem', name: 7, description: 8, priority: 'x', dueDate: 'soon', recommendationSource: 'x', recommendationCategory: 'x', requestedBy: '', secureScore: 'x' }),
            [
                GUID_DETAIL,
                'taskId: must be 1-64 characters',
                'ticketType: must be one of change, incident',
                'name: must be a string',
                'description: must be a string',
                PRIORITY_DETAIL,
                DUE_DATE_DETAIL,
                'recommendationSource: must be one of user, microsoft',
                'recommendationCategory: must be one of devices, data, apps, identity, infrastructure',
                'requestedBy: must be 1-254 characters',
                'secureScore: must be an object',
            ].join('; '),
        )
    })

    it.each([
        ['not JSON', '{"taskId":', 'body: not valid JSON'],
        ['an array', '[1,2]', 'body: must be a JSON object'],
        ['a string', '"task"', 'body: must be a JSON object'],
        ['null', 'null', 'body: must be a JSON object'],
        ['empty', '', 'body: a JSON object is required'],
        ['blank', ' \n ', 'body: a JSON object is required'],
    ])('refuses a body that is %s with 400 and writes nothing', (_label, raw, detail) => {
        const result = h.call(postTask, 'POST', '/tasks', { rawBody: raw })
        expect(result.status).toBe(400)
        expect(result.json).toEqual({ status: 'failure', error: { message: 'Invalid request', detail } })
        expect(h.count('task')).toBe(0)
    })
})
