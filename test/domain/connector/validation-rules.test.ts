// The validation rules of platform/validation.ts and connector/task-intake.ts called directly: they are pure (no
// Glide), so each rule is pinned with its exact error detail in milliseconds. task-intake.test.ts proves the same
// rules through the real POST /tasks handler; this file is what lets npm run test:mutation try every mutant of
// these two modules in reasonable time.
import { apiError, badRequest, conflict, forbidden, isApiError, notFound } from '../../../src/server/platform/api-error.ts'
import {
    FieldErrors,
    field,
    glideDateTimeFromMillis,
    isJsonObject,
    isoDateTime,
    isoFromGlide,
    oneOf,
    parseIsoDateTime,
    parseJsonObject,
    priority,
    queryParam,
    tenantId,
    text,
} from '../../../src/server/platform/validation.ts'
import { differingFields, TASK_ID_PATTERN, validateTaskId, validateTaskIntake, type TaskIntake } from '../../../src/server/connector/task-intake.ts'
import { taskBody, TENANT } from '../../support/task-body.ts'

/** What a rule added to a fresh FieldErrors, as the one 400's detail ('' when it added nothing). */
function detailOf(rule: (errors: FieldErrors) => unknown): { value: unknown; detail: string } {
    const errors = new FieldErrors()
    const value = rule(errors)
    return { value, detail: errors.isEmpty ? '' : errors.toApiError().detail }
}

/** The ApiError a call throws (it must throw one). */
function thrown(call: () => unknown): unknown {
    try {
        call()
    } catch (e) {
        expect(isApiError(e)).toBe(true)
        return e
    }
    throw new Error('expected an ApiError to be thrown')
}

describe('ApiError', () => {
    it('carries status, message and detail; logDetail only when given', () => {
        expect(apiError(418, 'Teapot')).toStrictEqual({ isApiError: true, status: 418, message: 'Teapot', detail: '' })
        expect(apiError(500, 'Failed', 'why')).toStrictEqual({ isApiError: true, status: 500, message: 'Failed', detail: 'why' })
        expect(apiError(500, 'Failed', 'why', 'for the admin')).toStrictEqual({ isApiError: true, status: 500, message: 'Failed', detail: 'why', logDetail: 'for the admin' })
        expect(apiError(500, 'Failed', 'why', '')).toStrictEqual({ isApiError: true, status: 500, message: 'Failed', detail: 'why', logDetail: '' })
    })

    it('badRequest, forbidden, notFound and conflict are 400, 403, 404 and 409, the detail empty unless given', () => {
        expect([badRequest('m'), forbidden('m'), notFound('m'), conflict('m')]).toStrictEqual([400, 403, 404, 409].map((status) => ({ isApiError: true, status, message: 'm', detail: '' })))
        expect([badRequest('m', 'd'), forbidden('m', 'd'), notFound('m', 'd'), conflict('m', 'd')]).toStrictEqual([400, 403, 404, 409].map((status) => ({ isApiError: true, status, message: 'm', detail: 'd' })))
    })

    it('isApiError: an object marked isApiError true, nothing else', () => {
        expect(isApiError(notFound('m'))).toBe(true)
        expect(isApiError({ isApiError: true })).toBe(true)
        const markedFunction = Object.assign(() => 0, { isApiError: true })
        expect([null, undefined, 'x', 0, {}, { isApiError: 'true' }, { isApiError: 1 }, new Error('x'), markedFunction].map(isApiError)).toEqual(Array(9).fill(false))
    })
})

describe('FieldErrors', () => {
    it('is empty until a problem is added, then throws one 400 listing every problem in order', () => {
        const errors = new FieldErrors()
        expect(errors.isEmpty).toBe(true)
        expect(() => errors.throwIfAny()).not.toThrow()
        errors.add('a', 'is required')
        expect(errors.isEmpty).toBe(false)
        errors.add('b.c', 'must be a string')
        expect(errors.toApiError()).toEqual({ isApiError: true, status: 400, message: 'Invalid request', detail: 'a: is required; b.c: must be a string' })
        expect(thrown(() => errors.throwIfAny())).toEqual(errors.toApiError())
    })
})

describe('parseJsonObject', () => {
    it.each([
        [null, 'body: a JSON object is required'],
        [undefined, 'body: a JSON object is required'],
        ['', 'body: a JSON object is required'],
        [' \n\t', 'body: a JSON object is required'],
        ['{"a":', 'body: not valid JSON'],
        ['[]', 'body: must be a JSON object'],
        ['null', 'body: must be a JSON object'],
        ['42', 'body: must be a JSON object'],
        ['"x"', 'body: must be a JSON object'],
    ])('refuses %j with the detail %j', (raw, detail) => {
        expect(thrown(() => parseJsonObject(raw))).toEqual({ isApiError: true, status: 400, message: 'Invalid request', detail })
    })

    it('returns the object of a JSON object body', () => {
        expect(parseJsonObject(' {"a":[1],"b":null} ')).toEqual({ a: [1], b: null })
    })
})

describe('isJsonObject and field', () => {
    it('takes a plain object only', () => {
        expect([{}, { a: 1 }, [], null, undefined, 'x', 1, true].map(isJsonObject)).toEqual([true, true, false, false, false, false, false, false])
    })

    it('reads own properties only', () => {
        const body = JSON.parse('{"__proto__":{"x":1},"name":"n"}') as { [key: string]: unknown }
        expect(field(body, 'name')).toBe('n')
        expect(field(body, 'x')).toBeUndefined()
        expect(field(body, 'constructor')).toBeUndefined()
        expect(field(body, 'toString')).toBeUndefined()
        expect(field({ a: null }, 'a')).toBeNull()
    })
})

describe('text', () => {
    const required = { min: 2, max: 5 }
    const optional = { min: 0, max: 3 }

    it.each([
        [undefined, required, undefined, 'f: is required'],
        [null, required, undefined, 'f: is required'],
        [undefined, optional, undefined, ''],
        [null, optional, undefined, ''],
        [7, required, undefined, 'f: must be a string'],
        [['ab'], optional, undefined, 'f: must be a string'],
        ['a', required, undefined, 'f: must be 2-5 characters'],
        ['  a  ', required, undefined, 'f: must be 2-5 characters'],
        ['abcdef', required, undefined, 'f: must be 2-5 characters'],
        ['abcd', optional, undefined, 'f: must be at most 3 characters'],
        ['ab', required, 'ab', ''],
        ['abcde', required, 'abcde', ''],
        [' ab ', required, 'ab', ''],
        ['', optional, '', ''],
        ['abc', optional, 'abc', ''],
    ])('%j under %j gives %j with the detail %j', (value, rule, expected, detail) => {
        expect(detailOf((errors) => text(errors, 'f', value, rule))).toEqual({ value: expected, detail })
    })

    it('refuses control characters in a single-line value, including tab, newline and DEL', () => {
        for (const char of ['\u0000', '\u0008', '\t', '\n', '\u000b', '\r', '\u001f', '\u007f']) {
            expect(detailOf((errors) => text(errors, 'f', 'a' + char + 'b', required))).toEqual({ value: undefined, detail: 'f: must not contain control characters' })
        }
        expect(detailOf((errors) => text(errors, 'f', 'a~b', required))).toEqual({ value: 'a~b', detail: '' })
    })

    it('allows tab, newline and carriage return in a multi-line value, kept untrimmed, and no other control character', () => {
        const multi = { min: 0, max: 20, multiLine: true }
        expect(detailOf((errors) => text(errors, 'f', ' a\tb\r\nc ', multi))).toEqual({ value: ' a\tb\r\nc ', detail: '' })
        for (const char of ['\u0000', '\u0008', '\u000b', '\u000c', '\u000e', '\u001f', '\u007f']) {
            expect(detailOf((errors) => text(errors, 'f', 'a' + char + 'b', multi))).toEqual({ value: undefined, detail: 'f: must not contain control characters' })
        }
    })

    it('checks a pattern against the value as sent, with its hint or a generic one', () => {
        const hinted = { min: 1, max: 9, pattern: /^[a-z]+$/, patternHint: 'must be lower-case letters' }
        expect(detailOf((errors) => text(errors, 'f', 'abc', hinted))).toEqual({ value: 'abc', detail: '' })
        expect(detailOf((errors) => text(errors, 'f', 'aBc', hinted))).toEqual({ value: undefined, detail: 'f: must be lower-case letters' })
        expect(detailOf((errors) => text(errors, 'f', ' abc ', hinted))).toEqual({ value: undefined, detail: 'f: must be lower-case letters' })
        expect(detailOf((errors) => text(errors, 'f', 'a1', { min: 1, max: 9, pattern: /^[a-z]+$/ }))).toEqual({ value: undefined, detail: 'f: has an invalid format' })
    })
})

describe('oneOf', () => {
    const allowed = ['red', 'green'] as const

    it('matches case-insensitively after trimming, and through an own alias only', () => {
        expect(detailOf((errors) => oneOf(errors, 'c', ' RED ', allowed))).toEqual({ value: 'red', detail: '' })
        expect(detailOf((errors) => oneOf(errors, 'c', 'Verde', allowed, { verde: 'green' }))).toEqual({ value: 'green', detail: '' })
        expect(detailOf((errors) => oneOf(errors, 'c', 'verde', allowed))).toEqual({ value: undefined, detail: 'c: must be one of red, green' })
        expect(detailOf((errors) => oneOf(errors, 'c', 'toString', allowed, { verde: 'green' }))).toEqual({ value: undefined, detail: 'c: must be one of red, green' })
        expect(detailOf((errors) => oneOf(errors, 'c', '', allowed))).toEqual({ value: undefined, detail: 'c: must be one of red, green' })
    })

    it('requires a string', () => {
        expect(detailOf((errors) => oneOf(errors, 'c', undefined, allowed))).toEqual({ value: undefined, detail: 'c: is required' })
        expect(detailOf((errors) => oneOf(errors, 'c', null, allowed))).toEqual({ value: undefined, detail: 'c: is required' })
        expect(detailOf((errors) => oneOf(errors, 'c', 1, allowed))).toEqual({ value: undefined, detail: 'c: must be a string' })
    })
})

describe('tenantId', () => {
    const GUID_DETAIL = 'tenantId: must be a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47'

    it('takes a GUID in any letter case and answers it in lower case', () => {
        expect(detailOf((errors) => tenantId(errors, TENANT))).toEqual({ value: TENANT, detail: '' })
        expect(detailOf((errors) => tenantId(errors, 'ABCDEF01-2345-6789-ABCD-EF0123456789'))).toEqual({ value: 'abcdef01-2345-6789-abcd-ef0123456789', detail: '' })
    })

    it.each([undefined, null, ''])('requires one (%j)', (value) => {
        expect(detailOf((errors) => tenantId(errors, value))).toEqual({ value: undefined, detail: 'tenantId: is required' })
    })

    it.each([
        'contoso',
        TENANT.slice(1),
        TENANT + 'a',
        '72f988b-86f1-41af-91ab-2d7cd011db47f',
        '72f988bf-86f-141af-91ab-2d7cd011db47',
        '72f988bf-86f1-41a-f91ab-2d7cd011db47',
        '72f988bf-86f1-41af-91a-b2d7cd011db47',
        '72f988bf-86f1-41af-91ab-2d7cd011db4',
        '72f988bf86f141af91ab2d7cd011db47',
        '{72f988bf-86f1-41af-91ab-2d7cd011db47}',
        'g2f988bf-86f1-41af-91ab-2d7cd011db47',
        '72f988bf-g6f1-41af-91ab-2d7cd011db47',
        '72f988bf-86f1-g1af-91ab-2d7cd011db47',
        '72f988bf-86f1-41af-g1ab-2d7cd011db47',
        '72f988bf-86f1-41af-91ab-gd7cd011db47',
        'G2F988BF-86F1-41AF-91AB-2D7CD011DB47',
        ' ' + TENANT,
        TENANT + '\n',
        'x' + TENANT,
        [TENANT],
        72988,
        { id: TENANT },
        true,
    ])('refuses %j', (value) => {
        expect(detailOf((errors) => tenantId(errors, value))).toEqual({ value: undefined, detail: GUID_DETAIL })
    })
})

describe('priority', () => {
    it.each([
        ['critical', 1], ['High', 2], [' moderate ', 3], ['LOW', 4],
        [1, 1], [2, 2], [3, 3], [4, 4], ['1', 1], [' 4 ', 4],
    ])('takes %j as %j', (value, expected) => {
        expect(detailOf((errors) => priority(errors, value, true))).toEqual({ value: expected, detail: '' })
    })

    it.each(['urgent', 0, 5, 1.5, -1, '0', '5', '01', '1.0', 'constructor', true, [1], {}, ''])('refuses %j', (value) => {
        expect(detailOf((errors) => priority(errors, value, true))).toEqual({ value: undefined, detail: 'priority: must be critical, high, moderate or low, or 1-4' })
    })

    it('is required only when asked', () => {
        expect(detailOf((errors) => priority(errors, undefined, true))).toEqual({ value: undefined, detail: 'priority: is required' })
        expect(detailOf((errors) => priority(errors, null, true))).toEqual({ value: undefined, detail: 'priority: is required' })
        expect(detailOf((errors) => priority(errors, undefined, false))).toEqual({ value: undefined, detail: '' })
        expect(detailOf((errors) => priority(errors, null, false))).toEqual({ value: undefined, detail: '' })
    })
})

describe('dates', () => {
    it('formats epoch milliseconds as the UTC date-time value, zero-padded', () => {
        expect(glideDateTimeFromMillis(Date.UTC(2026, 0, 2, 3, 4, 5))).toBe('2026-01-02 03:04:05')
        expect(glideDateTimeFromMillis(Date.UTC(2026, 11, 31, 23, 59, 59, 999))).toBe('2026-12-31 23:59:59')
        expect(glideDateTimeFromMillis(Date.UTC(999, 9, 10, 11, 12, 13))).toBe('0999-10-10 11:12:13')
    })

    it.each([
        ['2026-12-31', '2026-12-31 00:00:00'],
        ['2026-01-01T00:00:00Z', '2026-01-01 00:00:00'],
        ['2026-12-31T23:59:59Z', '2026-12-31 23:59:59'],
        ['2026-06-15 08:30', '2026-06-15 08:30:00'],
        ['2026-06-15T08:30:45', '2026-06-15 08:30:45'],
        ['2026-06-15T08:30:45.123456789+05:30', '2026-06-15 03:00:45'],
        ['2026-06-15T08:30:00+0530', '2026-06-15 03:00:00'],
        ['2026-06-15T08:30:00-0945', '2026-06-15 18:15:00'],
        ['2026-06-15T08:30:00-00:00', '2026-06-15 08:30:00'],
        ['2026-06-15T08:30:00+23:59', '2026-06-14 08:31:00'],
        ['2026-06-15T08:30:00-23:59', '2026-06-16 08:29:00'],
        ['2028-02-29', '2028-02-29 00:00:00'],
        ['2026-04-30', '2026-04-30 00:00:00'],
        ['2026-12-31T23:30:00-01:00', '2027-01-01 00:30:00'],
    ])('parses %j as %j', (given, stored) => {
        expect(parseIsoDateTime(given)).toBe(stored)
    })

    it.each([
        '2026-00-10', '2026-13-10', '2026-01-00', '2026-01-32', '2026-04-31', '2027-02-29', '2026-02-30',
        '2026-06-15T24:00:00Z', '2026-06-15T08:60:00Z', '2026-06-15T08:30:60Z',
        '2026-06-15T08:30:00+24:00', '2026-06-15T08:30:00+05:60', '2026-06-15T08:30:00+5:30',
        '2026-6-15', '26-06-15', '2026-06-15T8:30', '2026-06-15T08:30:00.Z', '2026-06-15T08:30:00.1234567890Z',
        ' 2026-06-15', '2026-06-15 ', 'x2026-06-15', '2026-06-15x', '2026-06-15T08:30:00Zx', '2026-06-15X08:30', '31/12/2026', '',
        'x2026-06-15T08:30:00Z', '0050-01-01', '2026-00-00', '2026-99-10', '2026-12-99', '2026-06-15T99:00:00Z', '2026-06-30T24:00:00Z', '2026-12-31T24:00:00Z',
    ])('refuses %j', (given) => {
        expect(parseIsoDateTime(given)).toBeUndefined()
    })

    it('isoDateTime: absent is undefined, null only where it clears, anything else must parse', () => {
        const DETAIL = 'd: must be an ISO 8601 date or date-time, e.g. 2026-12-31 or 2026-12-31T17:00:00Z'
        expect(detailOf((errors) => isoDateTime(errors, 'd', undefined, false))).toEqual({ value: undefined, detail: '' })
        expect(detailOf((errors) => isoDateTime(errors, 'd', null, true))).toEqual({ value: null, detail: '' })
        expect(detailOf((errors) => isoDateTime(errors, 'd', null, false))).toEqual({ value: undefined, detail: 'd: must be an ISO 8601 date or date-time' })
        expect(detailOf((errors) => isoDateTime(errors, 'd', ' 2026-12-31T17:00:00+01:00 ', false))).toEqual({ value: '2026-12-31 16:00:00', detail: '' })
        expect(detailOf((errors) => isoDateTime(errors, 'd', 'soon', true))).toEqual({ value: undefined, detail: DETAIL })
        expect(detailOf((errors) => isoDateTime(errors, 'd', 1767225600000, true))).toEqual({ value: undefined, detail: DETAIL })
    })

    it('isoFromGlide: the UTC date-time value as ISO 8601, null when empty', () => {
        expect(isoFromGlide('2026-11-26 04:07:34')).toBe('2026-11-26T04:07:34Z')
        expect(isoFromGlide('')).toBeNull()
        expect(isoFromGlide(null)).toBeNull()
    })
})

describe('queryParam', () => {
    it('answers the first value of a parameter, as a string; undefined when absent', () => {
        expect(queryParam({ a: ['1', '2'] }, 'a')).toBe('1')
        expect(queryParam({ a: 'x' }, 'a')).toBe('x')
        expect(queryParam({ a: [7] }, 'a')).toBe('7')
        expect(queryParam({ a: [] }, 'a')).toBeUndefined()
        expect(queryParam({ a: [null] }, 'a')).toBeUndefined()
        expect(queryParam({ a: null }, 'a')).toBeUndefined()
        expect(queryParam({ b: ['1'] }, 'a')).toBeUndefined()
        expect(queryParam({}, 'toString')).toBeUndefined()
        expect(queryParam(null, 'a')).toBeUndefined()
        expect(queryParam(undefined, 'a')).toBeUndefined()
    })
})

describe('task intake', () => {
    it('normalizes a complete body', () => {
        expect(validateTaskIntake(taskBody({ tenantId: TENANT.toUpperCase(), priority: 1 }), 'incident')).toEqual({
            tenantId: TENANT,
            intake: {
                taskId: 'AdminMFAV2-0001',
                ticketType: 'change',
                name: 'Require MFA for administrative roles',
                description: 'Require multifactor authentication for all 14 Azure AD admin roles.',
                priority: 1,
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
            },
        })
    })

    it('falls back to the default type, and fills the optional fields', () => {
        const minimal = taskBody({ ticketType: null, description: undefined, dueDate: null, secureScore: null, recommendationCategory: 'Device', recommendationSource: 'USER' })
        expect(validateTaskIntake(minimal, 'incident').intake).toMatchObject({ ticketType: 'incident', description: '', dueDate: null, secureScore: null, recommendationCategory: 'devices', recommendationSource: 'user' })
        expect(validateTaskIntake(taskBody({ ticketType: undefined }), 'change').intake.ticketType).toBe('change')
        expect(validateTaskIntake(taskBody({ description: ' line one\n\tline two ' }), 'change').intake.description).toBe(' line one\n\tline two ')
        expect(validateTaskIntake(taskBody({ secureScore: { controlId: 'C', maxScore: null } }), 'change').intake.secureScore).toEqual({ controlId: 'C', title: null, actionUrl: null, maxScore: null, service: null })
        expect(validateTaskIntake(taskBody({ secureScore: { controlId: 'C', title: '', service: '', maxScore: 0 } }), 'change').intake.secureScore).toEqual({ controlId: 'C', title: null, actionUrl: null, maxScore: 0, service: null })
    })

    function refused(body: { [field: string]: unknown }): string {
        const error = thrown(() => validateTaskIntake(body, 'change')) as { status: number; message: string; detail: string }
        expect([error.status, error.message]).toEqual([400, 'Invalid request'])
        return error.detail
    }

    it('lists every bad field in one 400, in the order of the fields', () => {
        expect(refused({})).toBe('tenantId: is required; taskId: is required; name: is required; priority: is required; recommendationSource: is required; recommendationCategory: is required; requestedBy: is required')
    })

    it.each([
        [{ ticketType: 'problem' }, 'ticketType: must be one of change, incident'],
        [{ ticketType: 2 }, 'ticketType: must be a string'],
        [{ taskId: 'a'.repeat(65) }, 'taskId: must be 1-64 characters'],
        [{ taskId: 'a b' }, 'taskId: must be 1-64 characters of A-Z, a-z, 0-9, ".", "_", ":" or "-"'],
        [{ name: 'x'.repeat(161) }, 'name: must be 1-160 characters'],
        [{ description: 'x'.repeat(4001) }, 'description: must be at most 4000 characters'],
        [{ requestedBy: 'x'.repeat(255) }, 'requestedBy: must be 1-254 characters'],
        [{ recommendationCategory: 'network' }, 'recommendationCategory: must be one of devices, data, apps, identity, infrastructure'],
        [{ recommendationSource: 'partner' }, 'recommendationSource: must be one of user, microsoft'],
        [{ dueDate: '2026-02-30' }, 'dueDate: must be an ISO 8601 date or date-time, e.g. 2026-12-31 or 2026-12-31T17:00:00Z'],
        [{ secureScore: 'x' }, 'secureScore: must be an object'],
        [{ secureScore: ['x'] }, 'secureScore: must be an object'],
        [{ secureScore: {} }, 'secureScore.controlId: is required'],
        [{ secureScore: { controlId: 'x'.repeat(101) } }, 'secureScore.controlId: must be 1-100 characters'],
        [{ secureScore: { controlId: 'a/b' } }, 'secureScore.controlId: must be letters, digits, ".", "_", ":" or "-"'],
        [{ secureScore: { controlId: 'C', title: 't'.repeat(257) } }, 'secureScore.title: must be at most 256 characters'],
        [{ secureScore: { controlId: 'C', service: 's'.repeat(101) } }, 'secureScore.service: must be at most 100 characters'],
        [{ secureScore: { controlId: 'C', actionUrl: 'https://' + 'a'.repeat(1017) } }, 'secureScore.actionUrl: must be at most 1024 characters'],
        [{ secureScore: { controlId: 'C', actionUrl: 'http://x' } }, 'secureScore.actionUrl: must be an https:// URL'],
        [{ secureScore: { controlId: 'C', actionUrl: '' } }, 'secureScore.actionUrl: must be an https:// URL'],
        [{ secureScore: { controlId: 'C', actionUrl: 'https://' } }, 'secureScore.actionUrl: must be an https:// URL'],
        [{ secureScore: { controlId: 'C', actionUrl: 'https:///x' } }, 'secureScore.actionUrl: must be an https:// URL'],
        [{ secureScore: { controlId: 'C', actionUrl: 'https://?x' } }, 'secureScore.actionUrl: must be an https:// URL'],
        [{ secureScore: { controlId: 'C', actionUrl: 'https://#x' } }, 'secureScore.actionUrl: must be an https:// URL'],
        [{ secureScore: { controlId: 'C', actionUrl: 'https://a b' } }, 'secureScore.actionUrl: must be an https:// URL'],
        [{ secureScore: { controlId: 'C', actionUrl: 'xhttps://a' } }, 'secureScore.actionUrl: must be an https:// URL'],
        [{ secureScore: { controlId: 'C', maxScore: -0.1 } }, 'secureScore.maxScore: must be a number of at least 0'],
        [{ secureScore: { controlId: 'C', maxScore: '1' } }, 'secureScore.maxScore: must be a number of at least 0'],
        [{ secureScore: { controlId: 'C', maxScore: Infinity } }, 'secureScore.maxScore: must be a number of at least 0'],
        [{ secureScore: { controlId: 'C', maxScore: NaN } }, 'secureScore.maxScore: must be a number of at least 0'],
        [{ secureScore: { controlId: 'a b', maxScore: -1 } }, 'secureScore.controlId: must be letters, digits, ".", "_", ":" or "-"; secureScore.maxScore: must be a number of at least 0'],
    ])('refuses %j with the detail %j', (overrides, detail) => {
        expect(refused(taskBody(overrides))).toBe(detail)
    })

    it('accepts the edges of each secureScore field', () => {
        const edges = { controlId: 'A.b_c:d-1', title: 't'.repeat(256), service: 's'.repeat(100), actionUrl: 'https://h/p?q#f', maxScore: 0 }
        expect(validateTaskIntake(taskBody({ secureScore: edges }), 'change').intake.secureScore).toEqual(edges)
        expect(validateTaskIntake(taskBody({ secureScore: { controlId: 'x'.repeat(100) } }), 'change').intake.secureScore?.controlId).toHaveLength(100)
    })

    it('validateTaskId and TASK_ID_PATTERN: 1-64 of A-Z, a-z, 0-9, ".", "_", ":" or "-"', () => {
        expect(detailOf((errors) => validateTaskId(errors, 'Az09._:-'))).toEqual({ value: 'Az09._:-', detail: '' })
        expect(detailOf((errors) => validateTaskId(errors, 'a'.repeat(64)))).toEqual({ value: 'a'.repeat(64), detail: '' })
        expect(detailOf((errors) => validateTaskId(errors, ''))).toEqual({ value: undefined, detail: 'taskId: must be 1-64 characters' })
        expect(TASK_ID_PATTERN.test('a'.repeat(65))).toBe(false)
        expect(TASK_ID_PATTERN.test('')).toBe(false)
        expect(TASK_ID_PATTERN.test('a/b')).toBe(false)
        expect(TASK_ID_PATTERN.test('xa/b')).toBe(false)
        expect(TASK_ID_PATTERN.test('a/bx')).toBe(false)
    })

    it('differingFields names the compared fields that differ, never taskId', () => {
        const original = validateTaskIntake(taskBody(), 'change').intake
        const same: TaskIntake = JSON.parse(JSON.stringify(original))
        expect(differingFields(original, same)).toEqual([])
        const replay: TaskIntake = { ...original, taskId: 'other', ticketType: 'incident', description: 'd', priority: 4, dueDate: null, recommendationSource: 'user', recommendationCategory: 'apps', requestedBy: 'r', name: 'n', secureScore: null }
        expect(differingFields(original, replay)).toEqual(['ticketType', 'name', 'description', 'priority', 'dueDate', 'recommendationSource', 'recommendationCategory', 'requestedBy', 'secureScore'])
    })
})
