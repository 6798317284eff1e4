// Comments Microsoft 365 posts (src/server/connector/comments.ts) called directly on one instance: the body's rules
// with their exact details, the journal text, the receipt and the entry a new comment answers, the replay of a
// retry and its 409, and which journal entry a new comment is matched to. activity-and-comments.test.ts proves the
// same through the handler; this file lets a scoped Stryker run try the module's mutants in seconds. Each test
// shares tickets of its own (distinct task ids) and uses comment ids of its own.
import { GlideRecord } from '@servicenow/glide'
import { isApiError } from '../../../src/server/platform/api-error.ts'
import { addComment, journalText, MAX_COMMENT_LENGTH, validateComment, type M365Comment } from '../../../src/server/connector/comments.ts'
import { M365_COMMENT_TABLE } from '../../../src/server/connector/activity-tables.ts'
import { findConnection, type Connection } from '../../../src/server/connector/connections.ts'
import { postTask, putConnection } from '../../../src/server/rest/connector-routes.ts'
import { createHarness, OTHER_TENANT, taskBody, TENANT, type Harness } from '../../support/connector-harness.ts'
import { ScriptHost } from '../../../emulator/instance/scripts/sandbox.ts'

let h: Harness
let contoso: Connection
let fabrikam: Connection

beforeAll(() => {
    h = createHarness()
    h.call(putConnection, 'PUT', '/connection', { body: { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'a@contoso.com' } })
    h.call(putConnection, 'PUT', '/connection', { body: { tenantId: OTHER_TENANT, tenantName: 'Fabrikam', connectedBy: 'b@fabrikam.com' }, as: h.otherIntegrationUser })
    h.runtime.createUser({ user_name: 'beth.agent', first_name: 'Beth', last_name: 'Agent', roles: ['itil'] })
    contoso = h.inScope(() => findConnection(TENANT)!)
    fabrikam = h.inScope(() => findConnection(OTHER_TENANT)!)
})

afterAll(() => h.runtime.close())

afterEach(() => jest.restoreAllMocks())

/** A new ticket of the tenant (its own task id). */
function share(taskId: string, tenantId = TENANT, as?: string): { number: string; sysId: string } {
    const result = h.call(postTask, 'POST', '/tasks', { body: taskBody({ taskId, tenantId }), as })
    expect(result.status).toBe(201)
    return result.json.result
}

/** addComment as the integration user, from the app's code. */
function add(connection: Connection, number: string, comment: M365Comment, as = h.integrationUser) {
    return h.runtime.runAs(as, () => h.inScope(() => addComment(connection, number, comment)))
}

/** The ApiError a call throws (it must throw one): status, message, detail. */
function failure(call: () => unknown): { status: number; message: string; detail: string } {
    try {
        call()
    } catch (e) {
        expect(isApiError(e)).toBe(true)
        const { status, message, detail } = e as { status: number; message: string; detail: string }
        return { status, message, detail }
    }
    throw new Error('expected an ApiError')
}

/** Freezes the clock GlideDateTime reads, so sys_created_on is known. */
function clockAt(iso: string): void {
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse(iso))
}

/** Writes a journal entry on the ticket as the user, the way a form save does. */
function journal(user: string, sysId: string, element: 'comments' | 'work_notes', value: string): string {
    return h.runtime.runAs(user, () => {
        const record = new GlideRecord('task')
        expect(record.get(sysId)).toBe(true)
        const specific = new GlideRecord(record.getRecordClassName())
        specific.get(sysId)
        specific.setValue(element, value)
        expect(specific.update()).toBe(sysId)
        const entry = new GlideRecord('sys_journal_field')
        entry.addQuery('element_id', sysId)
        entry.addQuery('element', element)
        entry.orderByDesc('sys_created_on')
        entry.query()
        expect(entry.next()).toBe(true)
        return entry.getUniqueValue()
    })
}

/** An admin's change to a receipt. */
function setReceipt(commentId: string, values: { [field: string]: string }): void {
    h.runtime.runAs('admin', () => {
        const receipt = new GlideRecord(M365_COMMENT_TABLE)
        expect(receipt.get('comment_id', commentId)).toBe(true)
        for (const name of Object.keys(values)) receipt.setValue(name, values[name])
        receipt.update()
    })
}

function receipts(commentId: string) {
    return h.rows(M365_COMMENT_TABLE, 'comment_id=' + commentId)
}

const VALID = { tenantId: TENANT, commentId: 'cmt-1', author: 'secadmin@contoso.com', text: 'Rolled out.' }

describe('validateComment', () => {
    function refusal(body: { [field: string]: unknown }): string {
        const error = failure(() => validateComment(body as never))
        expect([error.status, error.message]).toEqual([400, 'Invalid request'])
        return error.detail
    }

    it('takes tenant, comment id, author and text, the tenant in lower case', () => {
        expect(validateComment({ ...VALID, tenantId: TENANT.toUpperCase() })).toEqual({ tenantId: TENANT, comment: { commentId: 'cmt-1', author: 'secadmin@contoso.com', text: 'Rolled out.' } })
        expect(MAX_COMMENT_LENGTH).toBe(4000)
    })

    it.each([
        ['a 64-character id of every allowed kind', { commentId: 'aZ09._:-'.repeat(8) }],
        ['a one-character id', { commentId: 'x' }],
        ['a 254-character author', { author: 'a'.repeat(254) }],
        ['a 4000-character text', { text: 'x'.repeat(4000) }],
        ['a one-character text', { text: 'x' }],
        ['newlines, \\r\\n as one', { text: 'one\ntwo\r\nthree' }],
    ])('takes %s', (_what, change) => {
        expect(validateComment({ ...VALID, ...change }).comment).toEqual({ commentId: VALID.commentId, author: VALID.author, text: VALID.text, ...change })
    })

    it.each([
        [{ commentId: undefined }, 'commentId: is required'],
        [{ commentId: '' }, 'commentId: must be 1-64 characters'],
        [{ commentId: 'a'.repeat(65) }, 'commentId: must be 1-64 characters'],
        [{ commentId: 'has space' }, 'commentId: must be 1-64 letters, digits, dots, colons, underscores or hyphens'],
        [{ commentId: 'a/b' }, 'commentId: must be 1-64 letters, digits, dots, colons, underscores or hyphens'],
        [{ author: undefined }, 'author: is required'],
        [{ author: '' }, 'author: must be 1-254 characters'],
        [{ author: 'a'.repeat(255) }, 'author: must be 1-254 characters'],
        [{ text: undefined }, 'text: is required'],
        [{ text: '' }, 'text: must be 1-4000 characters'],
        [{ text: 'x'.repeat(4001) }, 'text: must be 1-4000 characters'],
        [{ text: 'tab\there' }, 'text: must not contain control characters other than newlines'],
        [{ text: 'carriage\rreturn' }, 'text: must not contain control characters other than newlines'],
        [{ text: 'ends with\r' }, 'text: must not contain control characters other than newlines'],
        [{ text: 'bell\u0007' }, 'text: must not contain control characters'],
        [{ tenantId: 'contoso' }, 'tenantId: must be a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47'],
    ])('refuses %p', (change, detail) => {
        expect(refusal({ ...VALID, ...change })).toBe(detail)
    })

    it('names every bad field in one 400', () => {
        expect(refusal({ tenantId: TENANT, commentId: 'a b', author: '', text: 'a\tb' })).toBe(
            'commentId: must be 1-64 letters, digits, dots, colons, underscores or hyphens; author: must be 1-254 characters; text: must not contain control characters other than newlines',
        )
    })
})

it('journalText: the Microsoft 365 author, then the comment on the next line', () => {
    expect(journalText({ commentId: 'x', author: 'secadmin@contoso.com', text: 'Line one\nLine two' })).toBe('[Microsoft 365] secadmin@contoso.com:\nLine one\nLine two')
})

describe('addComment', () => {
    it("writes the comment to the ticket's journal as the integration user, records a receipt, and answers the entry", () => {
        const t = share('cr-1')
        clockAt('2026-12-06T02:10:00Z')
        const result = add(contoso, t.number, { commentId: 'cr-1', author: 'secadmin@contoso.com', text: 'Rolled out.' })
        const [entry] = h.rows('sys_journal_field', 'element_id=' + t.sysId)
        expect(entry).toMatchObject({ element: 'comments', value: '[Microsoft 365] secadmin@contoso.com:\nRolled out.', sys_created_by: 'm365.integration', sys_created_on: '2026-12-06 02:10:00' })
        expect(result).toEqual({
            created: true,
            entry: { id: entry.sys_id, kind: 'comment', at: '2026-12-06T02:10:00Z', source: 'microsoft365', author: 'secadmin@contoso.com', text: 'Rolled out.', commentId: 'cr-1' },
        })
        expect(receipts('cr-1')).toEqual([
            expect.objectContaining({ connection: contoso.sysId, comment_id: 'cr-1', ticket: t.sysId, author: 'secadmin@contoso.com', text: 'Rolled out.', journal_entry: entry.sys_id }),
        ])
    })

    it('answers a retry with the same entry, created false, and writes nothing more', () => {
        const t = share('cr-2')
        clockAt('2026-12-06T02:11:00Z')
        const comment = { commentId: 'cr-2', author: 'secadmin@contoso.com', text: 'Once only.' }
        const first = add(contoso, t.number, comment)
        clockAt('2026-12-06T02:12:00Z')
        expect(add(contoso, t.number, comment)).toEqual({ created: false, entry: first.entry })
        expect(h.count('sys_journal_field', 'element_id=' + t.sysId)).toBe(1)
        expect(receipts('cr-2')).toHaveLength(1)
    })

    it("answers a retry with its journal entry's time, or the receipt's once the entry is gone", () => {
        const t = share('cr-3')
        clockAt('2026-12-06T02:13:00Z')
        const comment = { commentId: 'cr-3', author: 'secadmin@contoso.com', text: 'Gone.' }
        const first = add(contoso, t.number, comment)
        setReceipt('cr-3', { sys_created_on: '2026-12-06 01:00:00' })
        // The journal entry's own time while it exists ...
        expect(add(contoso, t.number, comment)).toEqual({ created: false, entry: first.entry })
        setReceipt('cr-3', { journal_entry: '' })
        expect(add(contoso, t.number, comment)).toEqual({ created: false, entry: { ...first.entry, id: '', at: '2026-12-06T01:00:00Z' } })
        setReceipt('cr-3', { journal_entry: 'f'.repeat(32) })
        expect(add(contoso, t.number, comment)).toEqual({ created: false, entry: { ...first.entry, id: 'f'.repeat(32), at: '2026-12-06T01:00:00Z' } })
    })

    it('answers empty author and text for a receipt an admin emptied, and takes a retry with empty ones as the same comment', () => {
        const t = share('cr-9')
        clockAt('2026-12-06T02:14:00Z')
        const first = add(contoso, t.number, { commentId: 'cr-9', author: 'secadmin@contoso.com', text: 'Emptied.' })
        setReceipt('cr-9', { author: '', text: '' })
        expect(add(contoso, t.number, { commentId: 'cr-9', author: '', text: '' })).toEqual({ created: false, entry: { ...first.entry, author: '', text: '' } })
        // Without a journal entry and a creation time, no time either.
        setReceipt('cr-9', { journal_entry: '', sys_created_on: '' })
        expect(add(contoso, t.number, { commentId: 'cr-9', author: '', text: '' })).toEqual({ created: false, entry: { ...first.entry, id: '', at: '', author: '', text: '' } })
    })

    it('refuses the same comment id with other content with 409, naming each differing field in order', () => {
        const t = share('cr-4')
        const other = share('cr-4b')
        const comment = { commentId: 'cr-4', author: 'secadmin@contoso.com', text: 'Original.' }
        add(contoso, t.number, comment)
        const message = 'Comment cr-4 was already received with different content'
        expect(failure(() => add(contoso, t.number, { ...comment, text: 'Else.' }))).toEqual({ status: 409, message, detail: 'Differing fields: text (on ' + t.number + ')' })
        expect(failure(() => add(contoso, t.number, { ...comment, author: 'x@contoso.com' }))).toEqual({ status: 409, message, detail: 'Differing fields: author (on ' + t.number + ')' })
        expect(failure(() => add(contoso, t.number, { ...comment, author: 'x@contoso.com', text: 'Else.' }))).toEqual({ status: 409, message, detail: 'Differing fields: author, text (on ' + t.number + ')' })
        expect(failure(() => add(contoso, other.number, comment))).toEqual({ status: 409, message, detail: 'Differing fields: ticket' })
        expect(failure(() => add(contoso, other.number, { ...comment, author: 'x@contoso.com', text: 'Else.' }))).toEqual({ status: 409, message, detail: 'Differing fields: ticket, author, text' })
        expect(h.count('sys_journal_field', 'element_id=' + other.sysId)).toBe(0)
        expect(receipts('cr-4')).toHaveLength(1)
    })

    it("keeps comment ids per connection: another tenant's same id is a new comment", () => {
        const t = share('cr-5')
        const theirs = share('cr-5', OTHER_TENANT, h.otherIntegrationUser)
        add(contoso, t.number, { commentId: 'cr-5', author: 'a@contoso.com', text: 'Ours.' })
        const result = add(fabrikam, theirs.number, { commentId: 'cr-5', author: 'b@fabrikam.com', text: 'Theirs.' }, h.otherIntegrationUser)
        expect(result.created).toBe(true)
        expect(result.entry).toMatchObject({ author: 'b@fabrikam.com', text: 'Theirs.', commentId: 'cr-5' })
        expect(receipts('cr-5').map((row) => row.connection).sort()).toEqual([contoso.sysId, fabrikam.sysId].sort())
    })

    it("refuses another tenant's ticket and an unknown number with 404, writing nothing", () => {
        const theirs = share('cr-6', OTHER_TENANT, h.otherIntegrationUser)
        const comment = { commentId: 'cr-6', author: 'a@contoso.com', text: 'Not yours.' }
        expect(failure(() => add(contoso, theirs.number, comment))).toMatchObject({ status: 404, message: 'No ticket ' + theirs.number + ' for Microsoft 365 tenant ' + TENANT })
        expect(failure(() => add(contoso, 'CHG9999999', comment))).toMatchObject({ status: 404, message: 'No ticket CHG9999999 for Microsoft 365 tenant ' + TENANT })
        expect(receipts('cr-6')).toHaveLength(0)
    })

    it("matches the new comment to the ticket's newest comments entry with its text by the integration user", () => {
        const t = share('cr-7')
        const other = share('cr-7b')
        const comment = { commentId: 'cr-7', author: 'secadmin@contoso.com', text: 'Same words.' }
        const value = journalText(comment)
        // An older identical comment by the integration user on the same ticket (ascending order would pick it) ...
        clockAt('2026-12-06T02:00:00Z')
        journal(h.integrationUser, t.sysId, 'comments', value)
        // ... and newer entries with the same text that are not it: a work note, an agent's comment, another ticket's.
        clockAt('2026-12-06T03:00:00Z')
        journal(h.integrationUser, t.sysId, 'work_notes', value)
        journal('beth.agent', t.sysId, 'comments', value)
        journal(h.integrationUser, other.sysId, 'comments', value)
        clockAt('2026-12-06T02:30:00Z')
        const result = add(contoso, t.number, comment)
        const written = h.rows('sys_journal_field', 'element_id=' + t.sysId + '^element=comments^sys_created_on=2026-12-06 02:30:00')
        expect(written).toHaveLength(1)
        expect(result.entry.id).toBe(written[0].sys_id)
        expect(result.entry.at).toBe('2026-12-06T02:30:00Z')
        expect(receipts('cr-7')[0].journal_entry).toBe(written[0].sys_id)
    })

    it('looks at the ten newest comments only: behind ten newer ones the entry is not found and the answer has no id', () => {
        const t = share('cr-8')
        clockAt('2026-12-06T04:00:00Z')
        for (let i = 0; i < 10; i++) journal(h.integrationUser, t.sysId, 'comments', 'Newer ' + i)
        clockAt('2026-12-06T03:30:00Z')
        const result = add(contoso, t.number, { commentId: 'cr-8', author: 'secadmin@contoso.com', text: 'Hidden.' })
        expect(result).toEqual({
            created: true,
            entry: { id: '', kind: 'comment', at: '2026-12-06T03:30:00Z', source: 'microsoft365', author: 'secadmin@contoso.com', text: 'Hidden.', commentId: 'cr-8' },
        })
        expect(receipts('cr-8')[0].journal_entry).toBeNull()
    })
})

describe('addComment when the instance refuses a write (a before business rule aborts it, or a data policy)', () => {
    /** Installs a before rule and lets the instance's script host pick it up, as a new rule takes effect on an instance. */
    function beforeRule(fields: { [field: string]: string }): void {
        h.runtime.store.insert('sys_script', { name: 'test: ' + fields.filter_condition, when: 'before', active: 'true', order: '100', ...fields }, { userName: 'admin', sysId: null })
        new ScriptHost(h.runtime)
    }

    it('answers 500 and writes nothing when the receipt insert is refused and no other receipt won', () => {
        const t = share('cr-10')
        beforeRule({ collection: M365_COMMENT_TABLE, action_insert: 'true', abort_action: 'true', filter_condition: 'comment_id=cr-10' })
        expect(failure(() => add(contoso, t.number, { commentId: 'cr-10', author: 'a@contoso.com', text: 'Refused.' }))).toEqual({
            status: 500,
            message: 'The comment could not be added',
            detail: 'The instance refused the insert into x_mioms_m365ticket_m365_comment',
        })
        expect(receipts('cr-10')).toHaveLength(0)
        expect(h.count('sys_journal_field', 'element_id=' + t.sysId)).toBe(0)
    })

    it('answers as the receipt that won when a concurrent retry inserted it first', () => {
        const t = share('cr-11')
        // The rule plays the concurrent retry: it inserts the same receipt (without business rules) and aborts this insert.
        beforeRule({
            collection: M365_COMMENT_TABLE,
            action_insert: 'true',
            filter_condition: 'comment_id=cr-11',
            script:
                "var winner = new GlideRecord(current.getTableName()); winner.initialize(); ['connection', 'comment_id', 'ticket', 'author', 'text'].forEach(function (f) { winner.setValue(f, current.getValue(f)) }); winner.setWorkflow(false); winner.insert(); current.setAbortAction(true);",
        })
        clockAt('2026-12-06T02:40:00Z')
        expect(add(contoso, t.number, { commentId: 'cr-11', author: 'a@contoso.com', text: 'Raced.' })).toEqual({
            created: false,
            entry: { id: '', kind: 'comment', at: '2026-12-06T02:40:00Z', source: 'microsoft365', author: 'a@contoso.com', text: 'Raced.', commentId: 'cr-11' },
        })
        expect(receipts('cr-11')).toHaveLength(1)
        expect(h.count('sys_journal_field', 'element_id=' + t.sysId)).toBe(0)
    })

    it("answers 409 with the instance's reason and removes the receipt when the ticket's update is refused", () => {
        const t = share('cr-12')
        beforeRule({ collection: 'task', action_update: 'true', abort_action: 'true', filter_condition: 'number=' + t.number })
        expect(failure(() => add(contoso, t.number, { commentId: 'cr-12', author: 'a@contoso.com', text: 'Refused.' }))).toEqual({
            status: 409,
            message: 'The comment could not be added',
            detail: 'The instance refused the update of ' + t.number + ': Invalid update',
        })
        expect(receipts('cr-12')).toHaveLength(0)
        expect(h.count('sys_journal_field', 'element_id=' + t.sysId)).toBe(0)
    })

    it('answers 409 with the data policy\'s words on an incident stored Resolved without code and notes; once they are filled, the same comment goes through', () => {
        const t = h.call(postTask, 'POST', '/tasks', { body: taskBody({ taskId: 'cr-13', ticketType: 'incident' }) }).json.result as { number: string; sysId: string }
        // A data fix: resolved without the business rules and engines (setWorkflow(false)), so the policy did not refuse it.
        const resolve = (values: { [field: string]: string }) =>
            h.runtime.runAs('admin', () => {
                const incident = new GlideRecord('x_mioms_m365ticket_incident')
                expect(incident.get(t.sysId)).toBe(true)
                for (const [name, value] of Object.entries(values)) incident.setValue(name, value)
                incident.setWorkflow(false)
                expect(incident.update()).toBe(t.sysId)
            })
        resolve({ state: '6' })
        const comment = { commentId: 'cr-13', author: 'a@contoso.com', text: 'Still seeing sign-ins without MFA.' }
        expect(failure(() => add(contoso, t.number, comment))).toEqual({
            status: 409,
            message: 'The comment could not be added',
            detail: 'The instance refused the update of ' + t.number + ': Data Policy Exception: The following fields are mandatory: Resolution code, Resolution notes',
        })
        expect(receipts('cr-13')).toHaveLength(0)
        expect(h.count('sys_journal_field', 'element_id=' + t.sysId)).toBe(0)
        resolve({ close_code: 'Solution provided', close_notes: 'MFA enforced for every admin role.' })
        expect(add(contoso, t.number, comment).created).toBe(true)
        expect(receipts('cr-13')).toHaveLength(1)
    })
})
