// What Microsoft 365 may ask of its tickets (connector/ticket-requests.ts), validated without an instance: the
// list query, a path's ticket number and the patch, each rule with its exact detail. tickets.test.ts proves the
// same rules through the real handlers; this file lets npm run test:mutation:scoped try the module's mutants fast.
import { invalidRequestDetail } from '../../support/expect-failure.ts'
import { MAX_PAGE_SIZE, validateListQuery, validateTicketNumber, validateTicketPatch, type RawListQuery } from '../../../src/server/connector/ticket-requests.ts'
import { encodeCursor } from '../../../src/server/connector/tickets.ts'
import { TENANT } from '../../support/task-body.ts'

const SYS_ID = '0123456789abcdef0123456789abcdef'

const refusal = invalidRequestDetail

describe('validateListQuery', () => {
    it('defaults to 100 tickets of every type, from the start', () => {
        expect(validateListQuery({})).toEqual({ limit: 100, type: null, updatedSince: null, after: null })
    })

    it('takes a limit of 1 to 500, a type, an updatedSince and a cursor it issued', () => {
        const cursor = encodeCursor({ updatedOn: '2026-11-26 04:07:34', sysId: SYS_ID })
        expect(cursor).toBe('20261126040734.' + SYS_ID)
        expect(validateListQuery({ limit: '1', type: 'Incident', updatedSince: '2026-11-26T05:07:34+01:00', cursor })).toEqual({
            limit: 1,
            type: 'incident',
            updatedSince: '2026-11-26 04:07:34',
            after: { updatedOn: '2026-11-26 04:07:34', sysId: SYS_ID },
        })
        expect(validateListQuery({ limit: String(MAX_PAGE_SIZE), type: 'change' })).toMatchObject({ limit: 500, type: 'change' })
        expect(MAX_PAGE_SIZE).toBe(500)
    })

    it.each(['0', '501', '-1', 'ten', '1.5', '', ' 5', '00001', '9999'])('refuses the limit %j', (limit) => {
        expect(refusal(() => validateListQuery({ limit }))).toBe('limit: must be a whole number from 1 to 500')
    })

    it.each([
        ['20261126040734.' + SYS_ID.toUpperCase()],
        ['2026112604073.' + SYS_ID],
        ['20261126040734' + SYS_ID],
        ['20261126040734.' + SYS_ID + '0'],
        ['x20261126040734.' + SYS_ID],
        ['20261126040734.' + SYS_ID.slice(1)],
        ['2026112604073a.' + SYS_ID],
        [''],
    ])('refuses the cursor %j', (cursor) => {
        expect(refusal(() => validateListQuery({ cursor }))).toBe('cursor: is not a cursor this API returned')
    })

    it('lists every bad parameter in one 400', () => {
        const raw: RawListQuery = { limit: '0', type: 'problem', updatedSince: 'yesterday', cursor: 'x' }
        expect(refusal(() => validateListQuery(raw))).toBe(
            'limit: must be a whole number from 1 to 500; type: must be one of change, incident; updatedSince: must be an ISO 8601 date or date-time, e.g. 2026-12-31 or 2026-12-31T17:00:00Z; cursor: is not a cursor this API returned',
        )
    })
})

describe('validateTicketNumber', () => {
    it.each([['CHG0010001', 'CHG0010001'], ['inc0010001', 'INC0010001'], ['A1', 'A1'], ['ABCDEFGHIJ' + '1'.repeat(20), 'ABCDEFGHIJ' + '1'.repeat(20)]])('takes %j as %j', (raw, number) => {
        expect(validateTicketNumber(raw)).toBe(number)
    })

    it.each(['', 'CHG', '0010001', 'CHG001^ORnumber!=', 'ABCDEFGHIJK1', 'A' + '1'.repeat(21), 'CHG 001', 'xCHG001x!'])('refuses %j', (raw) => {
        expect(refusal(() => validateTicketNumber(raw))).toBe('number: must be a ticket number such as CHG0010001')
    })
})

describe('validateTicketPatch', () => {
    it('takes priority, dueDate (null clears it) and description, with the tenant in lower case', () => {
        expect(validateTicketPatch({ tenantId: TENANT.toUpperCase(), priority: 'low', dueDate: '2027-01-15', description: ' New plan.\n' })).toEqual({
            tenantId: TENANT,
            patch: { priority: 4, dueDate: '2027-01-15 00:00:00', description: ' New plan.\n' },
        })
        expect(validateTicketPatch({ tenantId: TENANT, dueDate: null })).toEqual({ tenantId: TENANT, patch: { dueDate: null } })
        expect(validateTicketPatch({ tenantId: TENANT, description: '' })).toEqual({ tenantId: TENANT, patch: { description: '' } })
        expect(validateTicketPatch({ tenantId: TENANT, priority: 1, description: undefined })).toEqual({ tenantId: TENANT, patch: { priority: 1 } })
    })

    it.each([
        [{}, 'body: name at least one of priority, dueDate, description'],
        [{ priority: null }, 'body: name at least one of priority, dueDate, description'],
        [{ priority: 'urgent' }, 'priority: must be critical, high, moderate or low, or 1-4'],
        [{ dueDate: 'soon' }, 'dueDate: must be an ISO 8601 date or date-time, e.g. 2026-12-31 or 2026-12-31T17:00:00Z'],
        [{ description: 'x'.repeat(4001) }, 'description: must be at most 4000 characters'],
        [{ description: null }, 'body: name at least one of priority, dueDate, description'],
        [{ description: 7 }, 'description: must be a string'],
    ])('refuses %j with %j', (body, detail) => {
        expect(refusal(() => validateTicketPatch({ tenantId: TENANT, ...body }))).toBe(detail)
    })

    it('names every field that cannot be changed', () => {
        const body = { name: 'n', state: '3', ticketType: 'incident', taskId: 't', recommendationSource: 'user', recommendationCategory: 'apps', requestedBy: 'r', secureScore: null, assignmentGroup: 'g', assignedTo: 'u', priority: 'low' }
        const names = ['name', 'state', 'ticketType', 'taskId', 'recommendationSource', 'recommendationCategory', 'requestedBy', 'secureScore', 'assignmentGroup', 'assignedTo']
        expect(refusal(() => validateTicketPatch({ tenantId: TENANT, ...body }))).toBe(names.map((name) => name + ': cannot be changed; only priority, dueDate and description can').join('; '))
    })

    it('requires the tenant; an empty patch is named only when nothing else is wrong', () => {
        expect(refusal(() => validateTicketPatch({ priority: 'low' }))).toBe('tenantId: is required')
        expect(refusal(() => validateTicketPatch({ tenantId: [TENANT] }))).toBe('tenantId: must be a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47')
    })
})
