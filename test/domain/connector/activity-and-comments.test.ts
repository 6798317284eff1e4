// GET /tickets/{number}/activity (the timeline, the work-notes switch, paging), POST /tickets/{number}/comments
// (idempotency, validation), tenant isolation on both, and the resolution of changes and incidents.
import { GlideRecord, gs } from '@servicenow/glide'
import {
    getTicketActivity,
    getTicketByNumber,
    getTickets,
    postTask,
    postTicketComment,
    putConnection,
} from '../../../src/server/rest/connector-routes.ts'
import { createHarness, OTHER_TENANT, taskBody, TENANT, type Harness } from '../../support/connector-harness.ts'
import { expectFailure, notConnected, noTicket } from '../../support/expect-failure.ts'

let h: Harness

beforeEach(() => {
    h = createHarness()
    h.call(putConnection, 'PUT', '/connection', { body: { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'a@contoso.com' } })
    h.call(putConnection, 'PUT', '/connection', { body: { tenantId: OTHER_TENANT, tenantName: 'Fabrikam', connectedBy: 'b@fabrikam.com' }, as: h.otherIntegrationUser })
    h.runtime.createUser({ user_name: 'beth.agent', first_name: 'Beth', last_name: 'Agent', roles: ['itil'] })
})

afterEach(() => h.runtime.close())

function share(taskId: string, overrides: { [field: string]: unknown } = {}) {
    const result = h.call(postTask, 'POST', '/tasks', { body: taskBody({ taskId, ...overrides }) })
    expect(result.status).toBe(201)
    return result.json.result
}

function comment(number: string, body: { [field: string]: unknown }, as?: string) {
    return h.call(postTicketComment, 'POST', '/tickets/' + number + '/comments', { pathParams: { number }, body: { tenantId: TENANT, ...body }, as })
}

function activity(number: string, query: { [name: string]: string } = {}, tenant = TENANT, as?: string) {
    return h.call(getTicketActivity, 'GET', '/tickets/' + number + '/activity', { pathParams: { number }, query: { tenantId: tenant, ...query }, as })
}

function ticket(number: string) {
    return h.call(getTicketByNumber, 'GET', '/tickets/' + number, { pathParams: { number }, query: { tenantId: TENANT } }).json.result
}

/** What an agent does on the instance's form: set fields and save, as that user (business rules run). */
function agentUpdates(sysId: string, values: { [field: string]: string }, as = 'beth.agent') {
    h.runtime.runAs(as, () => {
        const record = new GlideRecord('task')
        record.get(sysId)
        const specific = new GlideRecord(record.getRecordClassName())
        specific.get(sysId)
        for (const name of Object.keys(values)) specific.setValue(name, values[name])
        expect(specific.update()).toBe(sysId)
    })
}

function setProperty(name: string, value: string) {
    h.runtime.runAs('admin', () => gs.setProperty(name, value))
}

const kinds = (entries: { kind: string }[]) => entries.map((entry) => entry.kind).sort()

describe('POST /tickets/{number}/comments', () => {
    it('adds an additional comment as the integration user, prefixed with the Microsoft 365 author; the ticket\'s updated moves', () => {
        const t = share('c1')
        const result = comment(t.number, { commentId: 'cmt-1', author: 'secadmin@contoso.com', text: 'Rolled out to pilot.\nNext: all admins.' })
        expect(result.status).toBe(201)
        expect(result.json.result).toMatchObject({ kind: 'comment', source: 'microsoft365', author: 'secadmin@contoso.com', text: 'Rolled out to pilot.\nNext: all admins.', commentId: 'cmt-1' })
        const [journal] = h.rows('sys_journal_field', 'element_id=' + t.sysId)
        expect(journal).toMatchObject({ element: 'comments', value: '[Microsoft 365] secadmin@contoso.com:\nRolled out to pilot.\nNext: all admins.', sys_created_by: 'm365.integration' })
        expect(result.json.result.id).toBe(journal.sys_id)
        expect(h.rows('x_mioms_m365ticket_change_request', 'sys_id=' + t.sysId)[0].comments).toBeNull()
        expect(Number(h.rows('x_mioms_m365ticket_change_request', 'sys_id=' + t.sysId)[0].sys_mod_count)).toBe(1)
        // Delta sync stays one call: the commented ticket is in the page of tickets updated since it was created.
        const since = t.updated
        const listed = h.call(getTickets, 'GET', '/tickets', { query: { tenantId: TENANT, updatedSince: since } }).json.result.tickets
        expect(listed.map((x: { number: string }) => x.number)).toContain(t.number)
        expect(ticket(t.number).updated >= since).toBe(true)
    })

    it('is idempotent on commentId: the same comment again answers 200 with the same entry, different text 409', () => {
        const t = share('c2')
        const body = { commentId: 'cmt-2', author: 'secadmin@contoso.com', text: 'Once only' }
        const first = comment(t.number, body)
        const again = comment(t.number, body)
        expect(first.status).toBe(201)
        expect(again.status).toBe(200)
        expect(again.json.result).toEqual(first.json.result)
        expect(h.count('sys_journal_field', 'element_id=' + t.sysId)).toBe(1)
        const different = comment(t.number, { ...body, text: 'Something else' })
        expectFailure(different, 409, 'Comment cmt-2 was already received with different content', 'Differing fields: text (on ' + t.number + ')')
        const otherTicket = share('c2b')
        expectFailure(comment(otherTicket.number, body), 409, 'Comment cmt-2 was already received with different content', 'Differing fields: ticket')
        expect(h.count('sys_journal_field', 'element_id=' + t.sysId)).toBe(1)
    })

    it('refuses empty, too long and control-character text (newlines allowed), and a missing commentId or author', () => {
        const t = share('c3')
        const base = { commentId: 'cmt-3', author: 'secadmin@contoso.com' }
        expectFailure(comment(t.number, { ...base, text: '' }), 400, 'Invalid request', 'text: must be 1-4000 characters')
        expectFailure(comment(t.number, { ...base, text: 'x'.repeat(4001) }), 400, 'Invalid request', 'text: must be 1-4000 characters')
        expectFailure(comment(t.number, { ...base, text: 'bell\u0007' }), 400, 'Invalid request', 'text: must not contain control characters')
        expectFailure(comment(t.number, { ...base, text: 'tab\there' }), 400, 'Invalid request', 'text: must not contain control characters other than newlines')
        expectFailure(comment(t.number, { author: base.author, text: 'no id' }), 400, 'Invalid request', 'commentId: is required')
        expectFailure(comment(t.number, { commentId: 'cmt-3', text: 'no author' }), 400, 'Invalid request', 'author: is required')
        expectFailure(comment(t.number, { ...base, commentId: 'has space', text: 'bad id' }), 400, 'Invalid request', 'commentId: must be 1-64 letters, digits, dots, colons, underscores or hyphens')
        expect(comment(t.number, { ...base, text: 'x'.repeat(4000) }).status).toBe(201)
        expect(comment(t.number, { ...base, commentId: 'cmt-3b', text: 'line one\r\nline two' }).status).toBe(201)
    })

    it('answers 404 for another tenant\'s ticket and an unknown one, and writes nothing', () => {
        const t = share('c4')
        const asOther = h.call(postTicketComment, 'POST', '/tickets/' + t.number + '/comments', {
            pathParams: { number: t.number },
            body: { tenantId: OTHER_TENANT, commentId: 'x', author: 'b@fabrikam.com', text: 'not yours' },
            as: h.otherIntegrationUser,
        })
        expectFailure(asOther, 404, noTicket(t.number, OTHER_TENANT), '')
        // The first tenant's tenantId from the other integration user: not its connection.
        expectFailure(comment(t.number, { commentId: 'y', author: 'b@fabrikam.com', text: 'not yours' }, h.otherIntegrationUser), 403, notConnected(TENANT), '')
        expectFailure(comment('CHG9999999', { commentId: 'z', author: 'a', text: 'nobody' }), 404, noTicket('CHG9999999', TENANT), '')
        expect(h.count('sys_journal_field', 'element_id=' + t.sysId)).toBe(0)
        expect(h.count('x_mioms_m365ticket_m365_comment')).toBe(0)
    })
})

describe('GET /tickets/{number}/activity', () => {
    it('shows comments both ways, state and assignment changes, oldest first; work notes only when shared', () => {
        const t = share('a1', { ticketType: 'incident' })
        comment(t.number, { commentId: 'cmt-a1', author: 'secadmin@contoso.com', text: 'Please start with the pilot.' })
        const beth = h.rows('sys_user', 'user_name=beth.agent')[0].sys_id as string
        agentUpdates(t.sysId, { state: '2', assigned_to: beth, comments: 'On it.', work_notes: 'Internal: check the CA policy.' })
        const result = activity(t.number)
        expect(result.status).toBe(200)
        const entries = result.json.result.entries
        expect(kinds(entries)).toEqual(['assigned_to', 'comment', 'comment', 'state'])
        const ats = entries.map((e: { at: string }) => e.at)
        expect([...ats].sort()).toEqual(ats)
        expect(entries.find((e: { source?: string }) => e.source === 'microsoft365')).toMatchObject({ author: 'secadmin@contoso.com', text: 'Please start with the pilot.', commentId: 'cmt-a1' })
        expect(entries.find((e: { source?: string; kind: string }) => e.kind === 'comment' && e.source === 'servicenow')).toMatchObject({ author: 'Beth Agent', text: 'On it.', commentId: null })
        expect(entries.find((e: { kind: string }) => e.kind === 'state')).toMatchObject({ by: 'Beth Agent', from: { value: '1', label: 'New' }, to: { value: '2', label: 'In Progress' } })
        expect(entries.find((e: { kind: string }) => e.kind === 'assigned_to')).toMatchObject({ from: null, to: { value: beth, label: 'Beth Agent' } })

        setProperty('x_mioms_m365ticket.share_work_notes', 'true')
        const shared = activity(t.number).json.result.entries
        expect(shared.find((e: { kind: string }) => e.kind === 'work_note')).toMatchObject({ text: 'Internal: check the CA policy.', author: 'Beth Agent', source: 'servicenow' })
        setProperty('x_mioms_m365ticket.share_work_notes', 'false')
        expect(kinds(activity(t.number).json.result.entries)).not.toContain('work_note')
    })

    it('shows state changes under the tenant\'s custom state names', () => {
        const t = share('a2')
        h.runtime.runAs('admin', () => {
            const connection = new GlideRecord('x_mioms_m365ticket_connection')
            connection.addQuery('tenant_id', TENANT)
            connection.query()
            connection.next()
            connection.setValue('state_names', JSON.stringify({ change: { '-4': 'Being assessed' }, incident: {} }))
            connection.update()
        })
        agentUpdates(t.sysId, { state: '-4' })
        const state = activity(t.number).json.result.entries.find((e: { kind: string }) => e.kind === 'state')
        expect(state.to).toEqual({ value: '-4', label: 'Assess', customLabel: 'Being assessed' })
    })

    it('pages with limit and cursor, and filters by since', () => {
        const t = share('a3')
        for (let i = 0; i < 5; i++) comment(t.number, { commentId: 'p' + i, author: 'a@contoso.com', text: 'comment ' + i })
        const seen: string[] = []
        let cursor: string | undefined
        for (let page = 0; page < 10; page++) {
            const result = activity(t.number, cursor ? { limit: '2', cursor } : { limit: '2' })
            expect(result.status).toBe(200)
            expect(result.json.result.entries.length).toBeLessThanOrEqual(2)
            seen.push(...result.json.result.entries.map((e: { id: string }) => e.id))
            cursor = result.json.result.nextCursor || undefined
            if (!cursor) break
        }
        expect(seen.length).toBe(5)
        expect(new Set(seen).size).toBe(5)
        expect(activity(t.number, { since: '2999-01-01T00:00:00Z' }).json.result.entries).toEqual([])
        expect(activity(t.number, { since: '2000-01-01T00:00:00Z' }).json.result.entries.length).toBe(5)
        expectFailure(activity(t.number, { limit: '0' }), 400, 'Invalid request', 'limit: must be a whole number from 1 to 500')
        expectFailure(activity(t.number, { cursor: 'nonsense' }), 400, 'Invalid request', 'cursor: is not a cursor this API returned')
        expectFailure(activity(t.number, { since: 'yesterday' }), 400, 'Invalid request', 'since: must be an ISO 8601 date or date-time, e.g. 2026-12-31 or 2026-12-31T17:00:00Z')
    })

    it('answers 404 for another tenant\'s ticket and 403 for a tenant the caller does not hold', () => {
        const t = share('a4')
        expectFailure(activity(t.number, {}, OTHER_TENANT, h.otherIntegrationUser), 404, noTicket(t.number, OTHER_TENANT), '')
        expectFailure(activity(t.number, {}, TENANT, h.otherIntegrationUser), 403, notConnected(TENANT), '')
        expectFailure(activity('INC9999999'), 404, noTicket('INC9999999', TENANT), '')
    })
})

describe('resolution', () => {
    it('an incident resolved gets its resolution code by the choice label; closed keeps it', () => {
        const t = share('r1', { ticketType: 'incident' })
        expect(ticket(t.number)).toMatchObject({ outcome: 'open', resolution: null })
        const beth = h.rows('sys_user', 'user_name=beth.agent')[0].sys_id as string
        agentUpdates(t.sysId, { state: '6', close_code: 'Solution provided', close_notes: 'MFA enforced by CA policy.', resolved_by: beth })
        const resolved = ticket(t.number)
        expect(resolved.outcome).toBe('resolved')
        expect(resolved.resolution).toMatchObject({ state: { value: '6', label: 'Resolved' }, code: { value: 'Solution provided', label: 'Solution provided' }, notes: 'MFA enforced by CA policy.', resolvedBy: 'Beth Agent' })
        expect(resolved.resolution.resolvedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
        const last = activity(t.number).json.result.entries.find((e: { kind: string }) => e.kind === 'resolution')
        expect(last.resolution).toEqual(resolved.resolution)
        agentUpdates(t.sysId, { state: '7' })
        expect(ticket(t.number)).toMatchObject({ outcome: 'resolved', resolution: { state: { value: '7', label: 'Closed' }, code: { value: 'Solution provided' } } })
    })

    it('a change closed maps its close code through sys_choice (a customer\'s own code included); unsuccessful and cancelled are told apart', () => {
        h.runtime.runAs('admin', () => {
            const choice = new GlideRecord('sys_choice')
            choice.initialize()
            for (const [name, value] of Object.entries({ name: 'change_request', element: 'close_code', value: 'fixed_by_vendor', label: 'Fixed by the vendor', language: 'en' })) choice.setValue(name, value)
            choice.insert()
        })
        const ok = share('r2')
        agentUpdates(ok.sysId, { state: '3', close_code: 'successful', close_notes: 'Done.' })
        expect(ticket(ok.number)).toMatchObject({ outcome: 'resolved', resolution: { state: { value: '3', label: 'Closed' }, code: { value: 'successful', label: 'Successful' }, notes: 'Done.' } })
        const custom = share('r3')
        agentUpdates(custom.sysId, { state: '3', close_code: 'fixed_by_vendor' })
        expect(ticket(custom.number).resolution.code).toEqual({ value: 'fixed_by_vendor', label: 'Fixed by the vendor' })
        const failed = share('r4')
        agentUpdates(failed.sysId, { state: '3', close_code: 'unsuccessful', close_notes: 'Rolled back.' })
        expect(ticket(failed.number)).toMatchObject({ outcome: 'unsuccessful', resolution: { code: { value: 'unsuccessful', label: 'Unsuccessful' } } })
        const cancelled = share('r5')
        agentUpdates(cancelled.sysId, { state: '4' })
        expect(ticket(cancelled.number)).toMatchObject({ outcome: 'cancelled', resolution: null })
    })
})
