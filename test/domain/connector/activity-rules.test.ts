// A ticket's timeline (src/server/connector/activity.ts) called directly on one instance: the query's rules with
// their exact details, every kind of entry with every field, work notes only when shared, custom state names,
// the resolution, the order, since, and paging. activity-and-comments.test.ts proves the same through the handler;
// this file lets a scoped Stryker run try the module's mutants in seconds. Each test shares tickets of its own.
import { GlideRecord, gs } from '@servicenow/glide'
import { invalidRequestDetail } from '../../support/expect-failure.ts'
import { MAX_ACTIVITY_PAGE_SIZE, ticketActivity, validateActivityQuery, type ActivityEntry, type ActivityQuery } from '../../../src/server/connector/activity.ts'
import { HISTORY_TABLE, M365_COMMENT_TABLE } from '../../../src/server/connector/activity-tables.ts'
import { addComment } from '../../../src/server/connector/comments.ts'
import { findConnection, type Connection } from '../../../src/server/connector/connections.ts'
import { postTask, putConnection } from '../../../src/server/rest/connector-routes.ts'
import { createHarness, OTHER_TENANT, taskBody, TENANT, type Harness } from '../../support/connector-harness.ts'

let h: Harness
let contoso: Connection
let fabrikam: Connection
let beth: string

beforeAll(() => {
    h = createHarness()
    h.call(putConnection, 'PUT', '/connection', { body: { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'a@contoso.com' } })
    h.call(putConnection, 'PUT', '/connection', { body: { tenantId: OTHER_TENANT, tenantName: 'Fabrikam', connectedBy: 'b@fabrikam.com' }, as: h.otherIntegrationUser })
    beth = h.runtime.createUser({ user_name: 'beth.agent', first_name: 'Beth', last_name: 'Agent', roles: ['itil'] })
    h.runtime.createUser({ user_name: 'nameless.agent', roles: ['itil'] })
    contoso = h.inScope(() => findConnection(TENANT)!)
    fabrikam = h.inScope(() => findConnection(OTHER_TENANT)!)
})

afterAll(() => h.runtime.close())

afterEach(() => jest.restoreAllMocks())

function clockAt(iso: string): void {
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse(iso))
}

function share(taskId: string, ticketType: 'change' | 'incident' = 'change'): { number: string; sysId: string } {
    const result = h.call(postTask, 'POST', '/tasks', { body: taskBody({ taskId, ticketType }) })
    expect(result.status).toBe(201)
    return result.json.result
}

/** What an agent does on the form: set fields and save, as that user (business rules run). */
function agentUpdates(sysId: string, values: { [field: string]: string }, as = 'beth.agent'): void {
    h.runtime.runAs(as, () => {
        const record = new GlideRecord('task')
        expect(record.get(sysId)).toBe(true)
        const specific = new GlideRecord(record.getRecordClassName())
        specific.get(sysId)
        for (const name of Object.keys(values)) specific.setValue(name, values[name])
        expect(specific.update()).toBe(sysId)
    })
}

function activity(number: string, query: Partial<ActivityQuery> = {}, connection = contoso) {
    return h.runtime.runAs(h.integrationUser, () => h.inScope(() => ticketActivity(connection, number, { since: null, after: null, limit: 100, ...query })))
}

function journalId(ticketSysId: string, value: string): string {
    return h.rows('sys_journal_field', 'element_id=' + ticketSysId + '^value=' + value)[0].sys_id!
}

function historyId(ticketSysId: string, field: string): string {
    return h.rows(HISTORY_TABLE, 'ticket=' + ticketSysId + '^field=' + field)[0].sys_id!
}

function shareWorkNotes(value: 'true' | 'false'): void {
    h.runtime.runAs('admin', () => gs.setProperty('x_mioms_m365ticket.share_work_notes', value))
}

/** Oldest first, then by id: the timeline's order. */
function timeline(entries: ActivityEntry[]): ActivityEntry[] {
    const key = (entry: ActivityEntry) => entry.at + '.' + entry.id
    return [...entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
}

describe('validateActivityQuery', () => {
    const detail = (raw: { [name: string]: string }): string => invalidRequestDetail(() => validateActivityQuery(raw))

    it('defaults to 100 entries from the start', () => {
        expect(validateActivityQuery({})).toEqual({ limit: 100, since: null, after: null })
        expect(MAX_ACTIVITY_PAGE_SIZE).toBe(500)
    })

    it('takes a limit of 1 to 500, a since and a cursor', () => {
        expect(validateActivityQuery({ limit: '1', since: '2026-12-06T03:04:05+01:00', cursor: '20261206020405.abc-123' })).toEqual({ limit: 1, since: '2026-12-06 02:04:05', after: '20261206020405.abc-123' })
        expect(validateActivityQuery({ limit: '500' }).limit).toBe(500)
        expect(validateActivityQuery({ limit: '0500' }).limit).toBe(500)
        expect(validateActivityQuery({ cursor: '20261206020405.' + 'a'.repeat(64) }).after).toBe('20261206020405.' + 'a'.repeat(64))
        expect(validateActivityQuery({ cursor: '20261206020405.resolution' }).after).toBe('20261206020405.resolution')
    })

    it.each(['0', '501', '-1', 'ten', '1.5', '', ' 5', '00001', '9999'])('refuses the limit %j', (limit) => {
        expect(detail({ limit })).toBe('limit: must be a whole number from 1 to 500')
    })

    it.each(['', 'nonsense', '2026120602040.abc', '20261206020405abc', '20261206020405.', '20261206020405.ABC', '20261206020405.' + 'a'.repeat(65), 'x20261206020405.abc', '20261206020405.abc!', '2026120602040a.abc'])(
        'refuses the cursor %j',
        (cursor) => {
            expect(detail({ cursor })).toBe('cursor: is not a cursor this API returned')
        },
    )

    it('names every bad parameter in one 400', () => {
        expect(detail({ limit: '0', since: 'yesterday', cursor: 'x' })).toBe(
            'limit: must be a whole number from 1 to 500; since: must be an ISO 8601 date or date-time, e.g. 2026-12-31 or 2026-12-31T17:00:00Z; cursor: is not a cursor this API returned',
        )
    })
})

describe('ticketActivity', () => {
    it('shows comments both ways, state and assignment changes with every field, oldest first; work notes only when shared', () => {
        clockAt('2026-12-06T01:00:00Z')
        const t = share('ar-1', 'incident')
        clockAt('2026-12-06T01:10:00Z')
        h.runtime.runAs(h.integrationUser, () => h.inScope(() => addComment(contoso, t.number, { commentId: 'ar-1', author: 'secadmin@contoso.com', text: 'Start with the pilot.' })))
        clockAt('2026-12-06T01:20:00Z')
        agentUpdates(t.sysId, { state: '2', assigned_to: beth, comments: 'On it.', work_notes: 'Internal: check the CA policy.' })
        const m365 = {
            id: journalId(t.sysId, '[Microsoft 365] secadmin@contoso.com:\nStart with the pilot.'),
            kind: 'comment',
            at: '2026-12-06T01:10:00Z',
            source: 'microsoft365',
            author: 'secadmin@contoso.com',
            text: 'Start with the pilot.',
            commentId: 'ar-1',
        }
        const agentComment = { id: journalId(t.sysId, 'On it.'), kind: 'comment', at: '2026-12-06T01:20:00Z', source: 'servicenow', author: 'Beth Agent', text: 'On it.', commentId: null }
        const state = {
            id: historyId(t.sysId, 'state'),
            kind: 'state',
            at: '2026-12-06T01:20:00Z',
            by: 'Beth Agent',
            from: { value: '1', label: 'New', customLabel: null },
            to: { value: '2', label: 'In Progress', customLabel: null },
        }
        const assigned = { id: historyId(t.sysId, 'assigned_to'), kind: 'assigned_to', at: '2026-12-06T01:20:00Z', by: 'Beth Agent', from: null, to: { value: beth, label: 'Beth Agent', customLabel: null } }
        const page = activity(t.number)
        expect(page).toEqual({ number: t.number, entries: timeline([m365, agentComment, state, assigned] as ActivityEntry[]), nextCursor: null })
        expect(page.entries[0]).toEqual(m365)

        shareWorkNotes('true')
        try {
            const workNote = { id: journalId(t.sysId, 'Internal: check the CA policy.'), kind: 'work_note', at: '2026-12-06T01:20:00Z', source: 'servicenow', author: 'Beth Agent', text: 'Internal: check the CA policy.', commentId: null }
            expect(activity(t.number).entries).toEqual(timeline([m365, agentComment, workNote, state, assigned] as ActivityEntry[]))
        } finally {
            shareWorkNotes('false')
        }
        expect(activity(t.number).entries).toHaveLength(4)
    })

    it("names a writer by the user's name, else by the user name, and a writer who is no user by the user name", () => {
        clockAt('2026-12-06T02:00:00Z')
        const t = share('ar-2')
        agentUpdates(t.sysId, { comments: 'By someone without a name.' }, 'nameless.agent')
        clockAt('2026-12-06T02:01:00Z')
        agentUpdates(t.sysId, { comments: 'Again without a name.' }, 'nameless.agent')
        h.runtime.runAs('admin', () => {
            const entry = new GlideRecord('sys_journal_field')
            expect(entry.get(journalId(t.sysId, 'Again without a name.'))).toBe(true)
            entry.setValue('sys_created_by', 'gone.agent')
            entry.update()
        })
        expect(activity(t.number).entries.map((entry) => [entry.kind, (entry as { author?: string }).author])).toEqual([
            ['comment', 'nameless.agent'],
            ['comment', 'gone.agent'],
        ])
    })

    it('names who changed state or assignment as it names writers: by name, else by user name, and one who is no user by user name', () => {
        clockAt('2026-12-06T02:30:00Z')
        const t = share('ar-2b')
        clockAt('2026-12-06T02:31:00Z')
        agentUpdates(t.sysId, { comments: 'Assessing.' })
        clockAt('2026-12-06T02:31:30Z')
        agentUpdates(t.sysId, { state: '-4' })
        clockAt('2026-12-06T02:32:00Z')
        agentUpdates(t.sysId, { assigned_to: beth }, 'nameless.agent')
        clockAt('2026-12-06T02:33:00Z')
        agentUpdates(t.sysId, { state: '-3' }, 'nameless.agent')
        h.runtime.runAs('admin', () => {
            const row = new GlideRecord(HISTORY_TABLE)
            expect(row.get(h.rows(HISTORY_TABLE, 'ticket=' + t.sysId + '^field=state^new_value=-3')[0].sys_id!)).toBe(true)
            row.setValue('changed_by', 'gone.agent')
            row.update()
        })
        const named = (entry: ActivityEntry) => [entry.kind, 'by' in entry ? entry.by : (entry as { author: string }).author]
        // The same person reads the same on a comment and on a change.
        expect(activity(t.number).entries.map(named)).toEqual([
            ['comment', 'Beth Agent'],
            ['state', 'Beth Agent'],
            ['assigned_to', 'nameless.agent'],
            ['state', 'gone.agent'],
        ])
    })

    it("shows the tenant's custom state names on state changes of its ticket type", () => {
        clockAt('2026-12-06T03:00:00Z')
        const t = share('ar-3')
        clockAt('2026-12-06T03:05:00Z')
        agentUpdates(t.sysId, { state: '-4' })
        const named = { ...contoso, stateNames: JSON.stringify({ change: { '-4': 'Being assessed' }, incident: { '-5': 'Not this type' } }) }
        const [state] = activity(t.number, {}, named).entries
        expect(state).toMatchObject({ kind: 'state', from: { value: '-5', label: 'New', customLabel: null }, to: { value: '-4', label: 'Assess', customLabel: 'Being assessed' } })
        const incidentNames = { ...contoso, stateNames: JSON.stringify({ change: {}, incident: { '-4': 'Incident name' } }) }
        expect(activity(t.number, {}, incidentNames).entries[0]).toMatchObject({ to: { value: '-4', label: 'Assess', customLabel: null } })
        // Custom names are for states only: an assignment whose value happens to be a named key keeps none.
        clockAt('2026-12-06T03:10:00Z')
        agentUpdates(t.sysId, { assigned_to: beth })
        const assignment = activity(t.number, {}, { ...contoso, stateNames: JSON.stringify({ change: { [beth]: 'Not a state' }, incident: {} }) }).entries[1]
        expect(assignment).toMatchObject({ kind: 'assigned_to', to: { value: beth, label: 'Beth Agent', customLabel: null } })
    })

    it('ends with the resolution, at its time, else at the last update', () => {
        clockAt('2026-12-06T04:00:00Z')
        const incident = share('ar-4', 'incident')
        clockAt('2026-12-06T04:30:00Z')
        agentUpdates(incident.sysId, { state: '6', close_code: 'Solution provided', close_notes: 'Done.' })
        const entries = activity(incident.number).entries
        const last = entries[entries.length - 1]
        expect(last).toMatchObject({ id: 'resolution', kind: 'resolution', at: '2026-12-06T04:30:00Z', resolution: { resolvedAt: '2026-12-06T04:30:00Z' } })
        expect(entries.map((entry) => entry.kind)).toEqual(['state', 'resolution'])
        // A change closed without a close time: the entry takes the ticket's last update.
        const change = share('ar-4b')
        clockAt('2026-12-06T05:00:00Z')
        agentUpdates(change.sysId, { state: '3', close_code: 'successful' })
        clockAt('2026-12-06T05:10:00Z')
        h.runtime.runAs('admin', () => {
            // A data fix that empties the close time (no business rules).
            const record = new GlideRecord('change_request')
            expect(record.get(change.sysId)).toBe(true)
            record.setWorkflow(false)
            record.setValue('closed_at', '')
            record.update()
        })
        expect(h.rows('task', 'sys_id=' + change.sysId)[0]).toMatchObject({ closed_at: null, sys_updated_on: '2026-12-06 05:10:00' })
        const closed = activity(change.number).entries.find((entry) => entry.kind === 'resolution')
        expect(closed).toMatchObject({ id: 'resolution', at: '2026-12-06T05:10:00Z', resolution: { resolvedAt: null } })
    })

    it('shows entries at or after since, pages by limit and cursor, and gives a cursor only when more follow', () => {
        clockAt('2026-12-06T06:00:00Z')
        const t = share('ar-5')
        for (let i = 0; i < 5; i++) {
            clockAt('2026-12-06T06:0' + (i + 1) + ':00Z')
            agentUpdates(t.sysId, { comments: 'Comment ' + i })
        }
        const all = activity(t.number).entries
        expect(all.map((entry) => (entry as { text: string }).text)).toEqual(['Comment 0', 'Comment 1', 'Comment 2', 'Comment 3', 'Comment 4'])
        expect(activity(t.number, { since: '2026-12-06 06:03:00' }).entries).toEqual(all.slice(2))
        expect(activity(t.number, { since: '2026-12-06 06:03:01' }).entries).toEqual(all.slice(3))
        const first = activity(t.number, { limit: 2 })
        const key = (n: number) => all[n].at.replace(/[-T:Z]/g, '') + '.' + all[n].id
        expect(first).toEqual({ number: t.number, entries: all.slice(0, 2), nextCursor: key(1) })
        expect(key(1)).toMatch(/^20261206060200\.[0-9a-f]{32}$/)
        const second = activity(t.number, { limit: 2, after: first.nextCursor })
        expect(second).toEqual({ number: t.number, entries: all.slice(2, 4), nextCursor: key(3) })
        expect(activity(t.number, { limit: 2, after: second.nextCursor })).toEqual({ number: t.number, entries: all.slice(4), nextCursor: null })
        expect(activity(t.number, { limit: 5 }).nextCursor).toBeNull()
        expect(activity(t.number, { limit: 4 }).nextCursor).toBe(key(3))
        expect(activity(t.number, { after: key(4) }).entries).toEqual([])
    })

    it("shows a comment as Microsoft 365's only through this connection's receipt with a journal entry", () => {
        clockAt('2026-12-06T07:00:00Z')
        const t = share('ar-6')
        h.runtime.runAs(h.integrationUser, () => h.inScope(() => addComment(contoso, t.number, { commentId: 'ar-6', author: 'secadmin@contoso.com', text: 'Ours.' })))
        const entryId = h.rows(M365_COMMENT_TABLE, 'comment_id=ar-6')[0].journal_entry!
        // Another connection's receipt naming the same entry (inserted after ours) does not count for this one.
        h.runtime.runAs('admin', () => {
            const receipt = new GlideRecord(M365_COMMENT_TABLE)
            receipt.initialize()
            receipt.setValue('connection', fabrikam.sysId)
            receipt.setValue('comment_id', 'ar-6-other')
            receipt.setValue('ticket', t.sysId)
            receipt.setValue('author', 'intruder@fabrikam.com')
            receipt.setValue('text', 'Theirs.')
            receipt.setValue('journal_entry', entryId)
            expect(receipt.insert()).toBeTruthy()
        })
        expect(activity(t.number).entries).toEqual([
            { id: entryId, kind: 'comment', at: '2026-12-06T07:00:00Z', source: 'microsoft365', author: 'secadmin@contoso.com', text: 'Ours.', commentId: 'ar-6' },
        ])
        // A receipt an admin emptied: its comment id, author and text show empty.
        h.runtime.runAs('admin', () => {
            const receipt = new GlideRecord(M365_COMMENT_TABLE)
            expect(receipt.get('comment_id', 'ar-6')).toBe(true)
            receipt.setValue('author', '')
            receipt.setValue('text', '')
            receipt.setValue('comment_id', '')
            receipt.update()
        })
        expect(activity(t.number).entries).toEqual([{ id: entryId, kind: 'comment', at: '2026-12-06T07:00:00Z', source: 'microsoft365', author: '', text: '', commentId: '' }])
        // A receipt without its journal entry: the entry shows as the instance wrote it.
        h.runtime.runAs('admin', () => {
            const receipt = new GlideRecord(M365_COMMENT_TABLE)
            expect(receipt.get('ticket', t.sysId)).toBe(true)
            receipt.setValue('journal_entry', '')
            receipt.update()
        })
        expect(activity(t.number).entries).toEqual([
            { id: entryId, kind: 'comment', at: '2026-12-06T07:00:00Z', source: 'servicenow', author: 'm365.integration', text: '[Microsoft 365] secadmin@contoso.com:\nOurs.', commentId: null },
        ])
    })

    it('orders journal entries and changes together by time, then by id', () => {
        clockAt('2026-12-06T08:00:00Z')
        const t = share('ar-8')
        clockAt('2026-12-06T08:01:00Z')
        agentUpdates(t.sysId, { state: '-4' })
        clockAt('2026-12-06T08:05:00Z')
        agentUpdates(t.sysId, { comments: 'First comment.' })
        clockAt('2026-12-06T08:10:00Z')
        agentUpdates(t.sysId, { assigned_to: beth })
        clockAt('2026-12-06T08:15:00Z')
        agentUpdates(t.sysId, { comments: 'Second comment.', state: '-3' })
        const entries = activity(t.number).entries
        const states = h.rows(HISTORY_TABLE, 'ticket=' + t.sysId + '^field=state^ORDERBYchanged_at').map((r) => r.sys_id)
        const last = [journalId(t.sysId, 'Second comment.'), states[1]].sort()
        expect(entries.map((entry) => entry.id)).toEqual([states[0], journalId(t.sysId, 'First comment.'), historyId(t.sysId, 'assigned_to'), ...last])
    })

    it('shows rows an admin emptied with empty values, and no side for an empty value', () => {
        clockAt('2026-12-06T09:00:00Z')
        const t = share('ar-9')
        agentUpdates(t.sysId, { comments: 'To be emptied.' })
        const entryId = journalId(t.sysId, 'To be emptied.')
        h.runtime.runAs('admin', () => {
            const entry = new GlideRecord('sys_journal_field')
            expect(entry.get(entryId)).toBe(true)
            entry.setValue('sys_created_by', '')
            entry.setValue('sys_created_on', '')
            entry.setValue('value', '')
            entry.update()
            for (const values of [
                { field: '', changed_at: '', changed_by: '', old_value: 'x', old_display: '', new_value: 'y', new_display: '' },
                { field: 'state', changed_at: '2026-12-06 09:30:00', changed_by: 'beth.agent', old_value: '', old_display: 'None', new_value: '', new_display: 'None' },
            ]) {
                const row = new GlideRecord(HISTORY_TABLE)
                row.initialize()
                row.setValue('ticket', t.sysId)
                for (const name of Object.keys(values)) row.setValue(name, values[name as keyof typeof values])
                expect(row.insert()).toBeTruthy()
            }
        })
        const entries = activity(t.number).entries
        const ids = h.rows(HISTORY_TABLE, 'ticket=' + t.sysId + '^ORDERBYchanged_at').map((r) => r.sys_id)
        // The two entries without a time come first, by id.
        expect(entries.map((entry) => entry.id)).toEqual([...[ids[0], entryId].sort(), ids[1]])
        expect(entries.find((entry) => entry.id === entryId)).toEqual({ id: entryId, kind: 'comment', at: '', source: 'servicenow', author: '', text: '', commentId: null })
        expect(entries.find((entry) => entry.id === ids[0])).toEqual({ id: ids[0], kind: '', at: '', by: '', from: { value: 'x', label: '', customLabel: null }, to: { value: 'y', label: '', customLabel: null } })
        expect(entries[2]).toEqual({ id: ids[1], kind: 'state', at: '2026-12-06T09:30:00Z', by: 'Beth Agent', from: null, to: null })
    })

    it("refuses another tenant's ticket with 404", () => {
        const t = share('ar-7')
        let error: unknown
        try {
            activity(t.number, {}, fabrikam)
        } catch (e) {
            error = e
        }
        expect(error).toMatchObject({ status: 404, message: 'No ticket ' + t.number + ' for Microsoft 365 tenant ' + OTHER_TENANT })
    })
})
