// GET /tickets (paging, filters, delta sync), GET /tickets/{number} and PATCH /tickets/{number}.
import { GlideRecord } from '@servicenow/glide'
import {
    getTicketByNumber,
    getTickets,
    patchTicket,
    postTask,
    putConnection,
} from '../../../src/server/rest/connector-routes.ts'
import { createHarness, OTHER_TENANT, taskBody, TENANT, type Harness } from '../../support/connector-harness.ts'
import { expectFailure, notConnected, noTicket } from '../../support/expect-failure.ts'

let h: Harness

beforeEach(() => {
    h = createHarness()
    h.call(putConnection, 'PUT', '/connection', { body: { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'a@contoso.com' } })
})

afterEach(() => h.runtime.close())

function share(taskId: string, overrides: { [field: string]: unknown } = {}) {
    const result = h.call(postTask, 'POST', '/tasks', { body: taskBody({ taskId, ...overrides }) })
    expect(result.status).toBe(201)
    return result.json.result
}

function list(query: { [name: string]: string } = {}) {
    return h.call(getTickets, 'GET', '/tickets', { query: { tenantId: TENANT, ...query } })
}

/**
 * Sets sys_updated_on directly, as time passing would (the platform keeps it at second precision): a
 * data fix, so without business rules or system-field updates.
 */
function setUpdatedOn(sysId: string, updatedOn: string) {
    h.runtime.runAs('admin', () => {
        const record = new GlideRecord('task')
        record.get(sysId)
        record.setWorkflow(false)
        record.autoSysFields(false)
        record.setValue('sys_updated_on', updatedOn)
        record.update()
    })
}

function pageThrough(limit: number, during?: (page: number) => void): string[] {
    const seen: string[] = []
    let cursor: string | undefined
    for (let page = 0; page < 100; page++) {
        const result = list(cursor ? { limit: String(limit), cursor } : { limit: String(limit) })
        expect(result.status).toBe(200)
        seen.push(...result.json.result.tickets.map((ticket: { taskId: string }) => ticket.taskId))
        if (during) during(page)
        cursor = result.json.result.nextCursor || undefined
        if (!cursor) return seen
    }
    throw new Error('paging did not end')
}

describe('GET /tickets', () => {
    it('lists the tenant\'s changes and incidents in updated order, then sys_id', () => {
        const a = share('a')
        const b = share('b', { ticketType: 'incident' })
        const c = share('c')
        setUpdatedOn(a.sysId, '2026-01-01 10:00:02')
        setUpdatedOn(b.sysId, '2026-01-01 10:00:01')
        setUpdatedOn(c.sysId, '2026-01-01 10:00:01')
        const tickets = list().json.result.tickets
        const sameSecond = [b, c].map((t) => t.sysId).sort()
        expect(tickets.map((t: { sysId: string }) => t.sysId)).toEqual([...sameSecond, a.sysId])
        expect(tickets.map((t: { type: string }) => t.type).sort()).toEqual(['change', 'change', 'incident'])
    })

    it('filters by type', () => {
        share('a')
        share('b', { ticketType: 'incident' })
        expect(list({ type: 'incident' }).json.result.tickets.map((t: { taskId: string }) => t.taskId)).toEqual(['b'])
        expect(list({ type: 'change' }).json.result.tickets.map((t: { taskId: string }) => t.taskId)).toEqual(['a'])
        expectFailure(list({ type: 'problem' }), 400, 'Invalid request', 'type: must be one of change, incident')
    })

    it('pages with limit and cursor, every ticket exactly once', () => {
        for (let i = 0; i < 23; i++) share('t' + String(i).padStart(2, '0'), { ticketType: i % 3 === 0 ? 'incident' : 'change' })
        const seen = pageThrough(5)
        expect(seen).toHaveLength(23)
        expect(new Set(seen).size).toBe(23)
    })

    it('merges changes and incidents across pages into one (updated, sys_id) order', () => {
        const shared = []
        for (let i = 0; i < 17; i++) shared.push(share('m' + i, { ticketType: i % 4 === 1 || i % 4 === 2 ? 'incident' : 'change' }))
        // Seconds repeat across both types, so the order often falls to sys_id.
        shared.forEach((ticket, i) => setUpdatedOn(ticket.sysId, '2026-02-01 09:00:0' + ((i * 7) % 5)))
        const whole = list({ limit: '500' }).json.result.tickets.map((t: { taskId: string; updated: string; sysId: string }) => [t.updated, t.sysId, t.taskId])
        expect(whole).toHaveLength(17)
        const expected = [...whole].sort((a, b) => (a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] < b[1] ? -1 : 1))
        expect(whole).toEqual(expected)
        for (const limit of [1, 3, 4, 16, 17]) expect(pageThrough(limit)).toEqual(expected.map((row) => row[2]))
    })

    it('keeps pages stable when tickets are inserted during paging: none skipped or repeated', () => {
        for (let i = 0; i < 20; i++) share('old' + i)
        const existing = list({ limit: '500' }).json.result.tickets.map((t: { taskId: string }) => t.taskId)
        let added = 0
        const seen = pageThrough(4, () => {
            share('new' + added++, { ticketType: added % 2 ? 'incident' : 'change' })
        })
        expect(new Set(seen).size).toBe(seen.length)
        for (const taskId of existing) expect(seen).toContain(taskId)
    })

    it('answers delta sync with updatedSince: only tickets updated at or after it', () => {
        const a = share('a')
        const b = share('b')
        setUpdatedOn(a.sysId, '2026-03-01 08:00:00')
        setUpdatedOn(b.sysId, '2026-03-02 08:00:00')
        expect(list({ updatedSince: '2026-03-01T12:00:00Z' }).json.result.tickets.map((t: { taskId: string }) => t.taskId)).toEqual(['b'])
        expect(list({ updatedSince: '2026-03-02T10:00:00+02:00' }).json.result.tickets.map((t: { taskId: string }) => t.taskId)).toEqual(['b'])
        expect(list({ updatedSince: '2026-03-03' }).json.result.tickets).toEqual([])
        expectFailure(list({ updatedSince: 'yesterday' }), 400, 'Invalid request', 'updatedSince: must be an ISO 8601 date or date-time, e.g. 2026-12-31 or 2026-12-31T17:00:00Z')
    })

    it('validates limit (1-500, default 100) and cursor', () => {
        for (let i = 0; i < 101; i++) share('l' + i)
        expect(list().json.result.tickets).toHaveLength(100)
        expect(list({ limit: '500' }).json.result.tickets).toHaveLength(101)
        for (const bad of ['0', '501', '-1', 'ten', '1.5']) {
            const result = list({ limit: bad })
            expectFailure(result, 400, 'Invalid request', 'limit: must be a whole number from 1 to 500')
        }
        const badCursor = list({ cursor: '20260101000000.abc^ORsys_id!=x' })
        expectFailure(badCursor, 400, 'Invalid request', 'cursor: is not a cursor this API returned')
    })

    it("never lists another tenant's tickets", () => {
        share('mine')
        h.call(putConnection, 'PUT', '/connection', {
            body: { tenantId: OTHER_TENANT, tenantName: 'Fabrikam', connectedBy: 'b@fabrikam.com' },
            as: h.otherIntegrationUser,
        })
        h.call(postTask, 'POST', '/tasks', { body: taskBody({ tenantId: OTHER_TENANT, taskId: 'theirs' }), as: h.otherIntegrationUser })
        expect(list().json.result.tickets.map((t: { taskId: string }) => t.taskId)).toEqual(['mine'])
        expectFailure(h.call(getTickets, 'GET', '/tickets', { query: { tenantId: OTHER_TENANT } }), 403, notConnected(OTHER_TENANT), '')
    })
})

describe('GET /tickets/{number}', () => {
    it('returns one ticket of the tenant', () => {
        const created = share('a')
        const result = h.call(getTicketByNumber, 'GET', '/tickets/' + created.number, {
            query: { tenantId: TENANT },
            pathParams: { number: created.number },
        })
        expect(result.status).toBe(200)
        expect(result.json.result).toEqual(created)
    })

    it("answers 404 for an unknown number and for another tenant's ticket", () => {
        expectFailure(h.call(getTicketByNumber, 'GET', '/tickets/CHG9999999', { query: { tenantId: TENANT }, pathParams: { number: 'CHG9999999' } }), 404, noTicket('CHG9999999', TENANT), '')
        h.call(putConnection, 'PUT', '/connection', {
            body: { tenantId: OTHER_TENANT, tenantName: 'Fabrikam', connectedBy: 'b@fabrikam.com' },
            as: h.otherIntegrationUser,
        })
        const theirs = h.call(postTask, 'POST', '/tasks', { body: taskBody({ tenantId: OTHER_TENANT }), as: h.otherIntegrationUser }).json.result
        const result = h.call(getTicketByNumber, 'GET', '/tickets/' + theirs.number, { query: { tenantId: TENANT }, pathParams: { number: theirs.number } })
        expectFailure(result, 404, noTicket(theirs.number, TENANT), '')
    })

    it('answers 400 for a malformed number', () => {
        const result = h.call(getTicketByNumber, 'GET', '/tickets/x', { query: { tenantId: TENANT }, pathParams: { number: 'CHG001^ORnumber!=' } })
        expectFailure(result, 400, 'Invalid request', 'number: must be a ticket number such as CHG0010001')
    })
})

describe('PATCH /tickets/{number}', () => {
    function patch(number: string, body: { [field: string]: unknown }) {
        return h.call(patchTicket, 'PATCH', '/tickets/' + number, { body: { tenantId: TENANT, ...body }, pathParams: { number } })
    }

    it('updates priority, due date and description, keeping the Secure Score block', () => {
        const created = share('a')
        const result = patch(created.number, { priority: 'critical', dueDate: '2027-01-15', description: 'New plan.' })
        expect(result.status).toBe(200)
        expect(result.json.result.priority).toEqual({ value: '1', label: '1 - Critical' })
        expect(result.json.result.dueDate).toBe('2027-01-15T00:00:00Z')
        const row = h.rows('change_request', 'sys_id=' + created.sysId)[0]
        expect(row.description).toMatch(/^New plan\.\n\n--- Microsoft 365 Secure Score ---\n/)
    })

    it('recalculates an incident priority through impact and urgency, and clears a due date with null', () => {
        const created = share('i', { ticketType: 'incident' })
        const result = patch(created.number, { priority: 'low', dueDate: null })
        expect(result.json.result.priority.value).toBe('4')
        expect(result.json.result.dueDate).toBeNull()
    })

    it('refuses other fields, bad values and an empty patch with 400, changing nothing', () => {
        const created = share('a')
        const before = h.rows('task')
        expect(patch(created.number, { name: 'renamed' }).json.error.detail).toContain('name: cannot be changed')
        expectFailure(patch(created.number, { state: '3' }), 400, 'Invalid request', 'state: cannot be changed; only priority, dueDate and description can')
        expectFailure(patch(created.number, { priority: 'urgent' }), 400, 'Invalid request', 'priority: must be critical, high, moderate or low, or 1-4')
        expectFailure(patch(created.number, {}), 400, 'Invalid request', 'body: name at least one of priority, dueDate, description')
        expect(h.rows('task')).toEqual(before)
    })

    it("answers 404 for another tenant's or an unknown ticket", () => {
        expectFailure(patch('CHG0000001', { priority: 'low' }), 404, noTicket('CHG0000001', TENANT), '')
    })
})
