// The outcome and resolution of a ticket as GET /tickets/{number} reports them (src/server/connector/resolution.ts):
// what issue 17 writes back to Microsoft 365, so every end state of both ticket types is pinned, with the exact
// time and person of the resolution and the close code's label as the instance's English choices name it.
import { GlideRecord } from '@servicenow/glide'
import { getTicketActivity, getTicketByNumber, getTickets, postTask, putConnection } from '../../../src/server/rest/connector-routes.ts'
import { createHarness, taskBody, TENANT, type Harness } from '../../support/connector-harness.ts'

let h: Harness
let beth: string
let carl: string

beforeEach(() => {
    h = createHarness()
    h.call(putConnection, 'PUT', '/connection', { body: { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'a@contoso.com' } })
    beth = h.runtime.createUser({ user_name: 'beth.agent', first_name: 'Beth', last_name: 'Agent', roles: ['itil'] })
    carl = h.runtime.createUser({ user_name: 'carl.closer', first_name: 'Carl', last_name: 'Closer', roles: ['itil'] })
})

afterEach(() => h.runtime.close())

function share(taskId: string, ticketType: 'change' | 'incident') {
    const result = h.call(postTask, 'POST', '/tasks', { body: taskBody({ taskId, ticketType }) })
    expect(result.status).toBe(201)
    return result.json.result as { number: string; sysId: string }
}

function ticket(number: string) {
    const result = h.call(getTicketByNumber, 'GET', '/tickets/' + number, { pathParams: { number }, query: { tenantId: TENANT } })
    expect(result.status).toBe(200)
    return result.json.result
}

/**
 * An agent saves the ticket's form with these values, as that user (business rules and the data policy run);
 * `workflow: false` writes them as a data fix with setWorkflow(false) does, without rules and engines.
 */
function agentUpdates(sysId: string, values: { [field: string]: string }, { workflow = true } = {}) {
    h.runtime.runAs('beth.agent', () => {
        const record = new GlideRecord('task')
        record.get(sysId)
        const specific = new GlideRecord(record.getRecordClassName())
        specific.get(sysId)
        for (const name of Object.keys(values)) specific.setValue(name, values[name])
        if (!workflow) specific.setWorkflow(false)
        expect(specific.update()).toBe(sysId)
    })
}

function addChoice(values: { name: string; element: string; value: string; label: string; language: string }) {
    h.runtime.runAs('admin', () => {
        const choice = new GlideRecord('sys_choice')
        choice.initialize()
        for (const [name, value] of Object.entries(values)) choice.setValue(name, value)
        choice.insert()
    })
}

describe('change outcomes', () => {
    it("a change closed 'successful_issues' is resolved, with the close time and closer as resolvedAt and resolvedBy", () => {
        const change = share('o1', 'change')
        agentUpdates(change.sysId, { state: '3', close_code: 'successful_issues', close_notes: 'Two admins enrolled late.', closed_at: '2026-11-20 09:15:00', closed_by: carl })
        const closed = ticket(change.number)
        expect(closed.outcome).toBe('resolved')
        expect(closed.resolution).toEqual({
            state: { value: '3', label: 'Closed' },
            code: { value: 'successful_issues', label: 'Successful with issues' },
            notes: 'Two admins enrolled late.',
            resolvedAt: '2026-11-20T09:15:00Z',
            resolvedBy: 'Carl Closer',
        })
    })

    it('a change closed without a close code is unsuccessful, with no code, empty notes and nobody as resolvedBy', () => {
        const change = share('o2', 'change')
        agentUpdates(change.sysId, { state: '3', closed_at: '2026-11-21 10:00:00' })
        const closed = ticket(change.number)
        expect(closed.outcome).toBe('unsuccessful')
        expect(closed.resolution).toEqual({ state: { value: '3', label: 'Closed' }, code: null, notes: '', resolvedAt: '2026-11-21T10:00:00Z', resolvedBy: null })
    })

    it('a change still in review is open with no resolution; a cancelled one is cancelled with none', () => {
        const change = share('o3', 'change')
        agentUpdates(change.sysId, { state: '0' })
        expect(ticket(change.number)).toMatchObject({ outcome: 'open', resolution: null })
        agentUpdates(change.sysId, { state: '4', close_code: 'successful', closed_by: carl })
        expect(ticket(change.number)).toMatchObject({ outcome: 'cancelled', resolution: null })
    })
})

describe('incident outcomes', () => {
    it('a cancelled incident is cancelled, with no resolution, whatever its close code', () => {
        const incident = share('o4', 'incident')
        agentUpdates(incident.sysId, { state: '8', close_code: 'Solution provided', resolved_by: beth })
        const cancelled = ticket(incident.number)
        expect(cancelled.outcome).toBe('cancelled')
        expect(cancelled.resolution).toBeNull()
    })

    it('an incident on hold is open', () => {
        const incident = share('o5', 'incident')
        agentUpdates(incident.sysId, { state: '3' })
        expect(ticket(incident.number)).toMatchObject({ outcome: 'open', resolution: null })
    })

    it('a resolved incident reports resolved_at and resolved_by, not the close time and closer', () => {
        const incident = share('o6', 'incident')
        agentUpdates(incident.sysId, {
            state: '6',
            close_code: 'Workaround provided',
            close_notes: 'Conditional Access policy in report-only mode.',
            resolved_at: '2026-11-22 08:00:00',
            resolved_by: beth,
            closed_at: '2026-11-23 08:00:00',
            closed_by: carl,
        })
        expect(ticket(incident.number)).toEqual(expect.objectContaining({
            outcome: 'resolved',
            resolution: {
                state: { value: '6', label: 'Resolved' },
                code: { value: 'Workaround provided', label: 'Workaround provided' },
                notes: 'Conditional Access policy in report-only mode.',
                resolvedAt: '2026-11-22T08:00:00Z',
                resolvedBy: 'Beth Agent',
            },
        }))
    })

    it('an incident resolved by a script without a code or notes says so: no code, empty notes, in the ticket and its timeline', () => {
        // The incident data policy makes them mandatory on every write that runs the engines, but a script with
        // setWorkflow(false) (a data fix) still stores a resolution without them, and the API must not invent any:
        // Microsoft 365 shows "no resolution notes" for an empty one.
        const incident = share('o9', 'incident')
        agentUpdates(incident.sysId, { state: '6', resolved_at: '2026-11-25 10:00:00', resolved_by: beth }, { workflow: false })
        const expected = { state: { value: '6', label: 'Resolved' }, code: null, notes: '', resolvedAt: '2026-11-25T10:00:00Z', resolvedBy: 'Beth Agent' }
        expect(ticket(incident.number)).toEqual(expect.objectContaining({ outcome: 'resolved', resolution: expected }))
        const timeline = h.call(getTicketActivity, 'GET', '/tickets/' + incident.number + '/activity', { pathParams: { number: incident.number }, query: { tenantId: TENANT } })
        expect(timeline.json.result.entries.filter((entry: { kind: string }) => entry.kind === 'resolution')).toEqual([
            { id: 'resolution', kind: 'resolution', at: '2026-11-25T10:00:00Z', resolution: expected },
        ])
    })

    it('an incident closed without being resolved reports the close time and closer', () => {
        const incident = share('o7', 'incident')
        agentUpdates(incident.sysId, { state: '7', close_code: 'Solution provided', close_notes: 'Fixed.', closed_at: '2026-11-24 12:30:00', closed_by: carl })
        const closed = ticket(incident.number)
        expect(closed.outcome).toBe('resolved')
        expect(closed.resolution).toMatchObject({ state: { value: '7', label: 'Closed' }, resolvedAt: '2026-11-24T12:30:00Z', resolvedBy: 'Carl Closer' })
    })
})

describe('close code labels', () => {
    it('a close code without a sys_choice label keeps its value as its label', () => {
        const incident = share('o8', 'incident')
        agentUpdates(incident.sysId, { state: '6', close_code: 'Escalated to vendor', close_notes: 'The vendor fixed it.' })
        expect(ticket(incident.number).resolution.code).toEqual({ value: 'Escalated to vendor', label: 'Escalated to vendor' })
    })

    it("only the ticket table's English close_code choices name a code", () => {
        // Each choice below names 'vendor_fix', but not as a change's English close code.
        addChoice({ name: 'change_request', element: 'close_code', value: 'vendor_fix', label: 'Vom Hersteller behoben', language: 'de' })
        addChoice({ name: 'change_request', element: 'reason', value: 'vendor_fix', label: 'Vendor fix (reason)', language: 'en' })
        addChoice({ name: 'incident', element: 'close_code', value: 'vendor_fix', label: 'Vendor fix (incident)', language: 'en' })
        const change = share('o9', 'change')
        agentUpdates(change.sysId, { state: '3', close_code: 'vendor_fix' })
        expect(ticket(change.number).resolution.code).toEqual({ value: 'vendor_fix', label: 'vendor_fix' })
    })

    it("one page of tickets labels each type's codes from its own table", () => {
        addChoice({ name: 'incident', element: 'close_code', value: 'successful', label: 'Incident success', language: 'en' })
        const change = share('o10', 'change')
        const incident = share('o11', 'incident')
        agentUpdates(change.sysId, { state: '3', close_code: 'successful' })
        agentUpdates(incident.sysId, { state: '6', close_code: 'successful', close_notes: 'Done.' })
        const listed = h.call(getTickets, 'GET', '/tickets', { query: { tenantId: TENANT } })
        expect(listed.status).toBe(200)
        const outcomes = Object.fromEntries(listed.json.result.tickets.map((t: { number: string; outcome: string; resolution: { code: unknown } }) => [t.number, [t.outcome, t.resolution.code]]))
        expect(outcomes).toEqual({
            [change.number]: ['resolved', { value: 'successful', label: 'Successful' }],
            [incident.number]: ['resolved', { value: 'successful', label: 'Incident success' }],
        })
    })

    it('a close code choice without a label names the code with an empty label', () => {
        addChoice({ name: 'change_request', element: 'close_code', value: 'unlabelled', label: '', language: 'en' })
        const change = share('o12', 'change')
        agentUpdates(change.sysId, { state: '3', close_code: 'unlabelled' })
        expect(ticket(change.number).resolution.code).toEqual({ value: 'unlabelled', label: '' })
    })
})
