// connector/activity-tables.ts on one instance: the tables behind a ticket's timeline are tables of the built app
// and the platform, and the history rule (business-rules/record-ticket-history.ts, called directly) writes its
// rows to the history table for exactly the tracked fields.
import { GlideRecord } from '@servicenow/glide'
import { HISTORY_TABLE, JOURNAL_TABLE, M365_COMMENT_TABLE, TRACKED_FIELDS } from '../../../src/server/connector/activity-tables.ts'
import { recordTicketHistory } from '../../../src/server/business-rules/record-ticket-history.ts'
import { createHarness, type Harness } from '../../support/connector-harness.ts'

let h: Harness

beforeAll(() => {
    h = createHarness()
})

afterAll(() => h.runtime.close())

it('names the history, comment-receipt and journal tables, each a table of the instance', () => {
    expect([HISTORY_TABLE, M365_COMMENT_TABLE, JOURNAL_TABLE]).toEqual(['x_mioms_m365ticket_ticket_history', 'x_mioms_m365ticket_m365_comment', 'sys_journal_field'])
    for (const table of [HISTORY_TABLE, M365_COMMENT_TABLE, JOURNAL_TABLE]) {
        expect([table, h.count('sys_db_object', 'name=' + table)]).toEqual([table, 1])
    }
})

it('tracks state, assignment group and assigned to, fields of both ticket tables', () => {
    expect(TRACKED_FIELDS).toEqual(['state', 'assignment_group', 'assigned_to'])
    for (const table of ['incident', 'change_request']) {
        h.runtime.runAs('admin', () => {
            const ticket = new GlideRecord(table)
            for (const field of TRACKED_FIELDS) expect([table, field, ticket.isValidField(field)]).toEqual([table, field, true])
        })
    }
})

it('the history rule writes one history row per changed tracked field, none for other fields', () => {
    const group = h.insertAsAdmin('sys_user_group', { name: 'Security operations' })
    const incident = h.insertAsAdmin('incident', { short_description: 'Turn on MFA', state: '1' })
    h.runtime.runAs('admin', () =>
        h.runtime.runInScope(h.runtime.scope, () => {
            const previous = new GlideRecord('incident')
            previous.get(incident)
            const current = new GlideRecord('incident')
            current.get(incident)
            current.setValue('state', '2')
            current.setValue('assignment_group', group)
            current.setValue('assigned_to', h.integrationUser)
            current.setValue('short_description', 'Turn on MFA for admins')
            current.setValue('priority', '1')
            recordTicketHistory(current, previous)
        }),
    )
    const rows = h.rows(HISTORY_TABLE, 'ticket=' + incident)
    expect(rows.map((row) => [row.field, row.old_value, row.new_value])).toEqual([
        ['state', '1', '2'],
        ['assignment_group', null, group],
        ['assigned_to', null, h.integrationUser],
    ])
})
