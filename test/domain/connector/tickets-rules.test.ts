// connector/tickets.ts called directly on one instance: intake (what each ticket table's record gets, replay and
// its 409s), read-back as the API serializes it, PATCH, cursors and the merged, keyset-paged listing. tickets.test.ts
// and tasks.test.ts prove the same through the handlers, with a fresh instance per test; this file isolates its
// cases by connection and task id on one instance, so that a scoped Stryker run tries the module's mutants in minutes.
import { GlideRecord, gs } from '@servicenow/glide'
import { CONNECTION_TABLE, findConnection, type Connection } from '../../../src/server/connector/connections.ts'
import type { TaskIntake } from '../../../src/server/connector/task-intake.ts'
import {
    composeDescription,
    decodeCursor,
    encodeCursor,
    findByNumber,
    getTicket,
    intakeTask,
    listTickets,
    secureScoreBlock,
    serializeTicket,
    ticketLink,
    TICKET_TABLE,
    updateTicket,
} from '../../../src/server/connector/tickets.ts'
import { isApiError } from '../../../src/server/platform/api-error.ts'
import { PROPERTY } from '../../../src/server/platform/properties.ts'
import { createHarness, type Harness } from '../../support/connector-harness.ts'
import { ScriptHost } from '../../../emulator/instance/scripts/sandbox.ts'

let h: Harness

beforeAll(() => {
    h = createHarness()
})

afterAll(() => h.runtime.close())

/** Runs as the integration user in the app's scope, as the connector's handlers run. */
function asConnector<T>(fn: () => T): T {
    return h.runtime.runAs(h.integrationUser, () => h.runtime.runInScope(h.runtime.scope, fn))
}

let tenantCount = 0
/** A new connected tenant: each test's tickets are its own. */
function connect(): Connection {
    tenantCount++
    const tenantId = '00000000-0000-4000-8000-' + String(tenantCount).padStart(12, '0')
    h.runtime.runAs('admin', () => {
        const record = new GlideRecord(CONNECTION_TABLE)
        record.initialize()
        record.setValue('tenant_id', tenantId)
        record.setValue('status', 'connected')
        record.setValue('integration_user', h.integrationUser)
        record.insert()
    })
    return asConnector(() => findConnection(tenantId)) as Connection
}

function intake(overrides: Partial<TaskIntake> = {}): TaskIntake {
    return {
        taskId: 'AdminMFAV2-0001',
        ticketType: 'change',
        name: 'Require MFA for administrative roles',
        description: 'Require MFA for all admin roles.',
        priority: 2,
        dueDate: '2026-12-31 17:00:00',
        recommendationSource: 'microsoft',
        recommendationCategory: 'identity',
        requestedBy: 'secadmin@contoso.onmicrosoft.com',
        secureScore: {
            controlId: 'AdminMFAV2',
            title: 'Ensure MFA for admins',
            actionUrl: 'https://security.microsoft.com/securescore?actionId=AdminMFAV2',
        } as TaskIntake['secureScore'],
        ...overrides,
    }
}

function record(table: string, sysId: string): { [field: string]: string | null } {
    return h.rows(table, 'sys_id=' + sysId)[0]
}

/** The ISO form the API gives a stored date-time. */
function iso(value: string | null): string | null {
    return value === null ? null : value.replace(' ', 'T') + 'Z'
}

/** The status, message and detail of the API error a call throws (it must throw one). */
function failure(call: () => unknown): [number, string, string] {
    try {
        call()
    } catch (e) {
        expect(isApiError(e)).toBe(true)
        const error = e as { status: number; message: string; detail: string }
        return [error.status, error.message, error.detail]
    }
    throw new Error('expected an API error')
}

/** A data fix, as time passing would: sys_updated_on set without business rules or system-field updates. */
function setUpdatedOn(sysId: string, updatedOn: string): void {
    h.runtime.runAs('admin', () => {
        const task = new GlideRecord('task')
        task.get(sysId)
        task.setWorkflow(false)
        task.autoSysFields(false)
        task.setValue('sys_updated_on', updatedOn)
        task.update()
    })
}

function setField(table: string, sysId: string, name: string, value: string): void {
    h.runtime.runAs('admin', () => {
        const ticket = new GlideRecord(table)
        ticket.get(sysId)
        ticket.setWorkflow(false)
        ticket.setValue(name, value)
        ticket.update()
    })
}

const BLOCK =
    '--- Microsoft 365 Secure Score ---\nControl: AdminMFAV2 (Ensure MFA for admins)\nCategory: Identity\nSource: Microsoft\n' +
    'Requested by: secadmin@contoso.onmicrosoft.com\nAction URL: https://security.microsoft.com/securescore?actionId=AdminMFAV2'

describe('secureScoreBlock and composeDescription', () => {
    it('appends the Secure Score block to the description Microsoft 365 sent, after a blank line', () => {
        expect(secureScoreBlock(intake())).toBe(BLOCK)
        expect(composeDescription(intake(), 'Plan.')).toBe('Plan.\n\n' + BLOCK)
        expect(composeDescription(intake(), '')).toBe(BLOCK)
    })

    it('leaves out the title, the control and the action URL when Microsoft 365 sent none, and names the source and category', () => {
        const secureScore = { controlId: 'AdminMFAV2', title: '', actionUrl: '' } as TaskIntake['secureScore']
        expect(secureScoreBlock(intake({ secureScore, recommendationSource: 'user', recommendationCategory: 'devices' }))).toBe(
            '--- Microsoft 365 Secure Score ---\nControl: AdminMFAV2\nCategory: Devices\nSource: User\nRequested by: secadmin@contoso.onmicrosoft.com',
        )
        const labels = (['devices', 'data', 'apps', 'identity', 'infrastructure'] as const).map(
            (category) => secureScoreBlock(intake({ secureScore: null, recommendationCategory: category })).split('\n'),
        )
        expect(labels).toEqual(
            ['Devices', 'Data', 'Apps', 'Identity', 'Infrastructure'].map((label) => [
                '--- Microsoft 365 Secure Score ---',
                'Category: ' + label,
                'Source: Microsoft',
                'Requested by: secadmin@contoso.onmicrosoft.com',
            ]),
        )
    })
})

describe('intakeTask', () => {
    it('creates a change request with every field Microsoft 365 sent, and answers it serialized', () => {
        const c = connect()
        const result = asConnector(() => intakeTask(c, intake()))
        expect(result.created).toBe(true)
        const row = record(TICKET_TABLE.change, result.ticket.sysId)
        expect(row).toMatchObject({
            sys_class_name: 'x_mioms_m365ticket_change_request',
            short_description: 'Require MFA for administrative roles',
            description: 'Require MFA for all admin roles.\n\n' + BLOCK,
            priority: '2',
            due_date: '2026-12-31 17:00:00',
            opened_at: row.sys_created_on,
            opened_by: h.integrationUser,
            requested_by: h.integrationUser,
            type: 'normal',
            category: 'security',
            assignment_group: null,
            m365_task_id: 'AdminMFAV2-0001',
            connection: c.sysId,
            recommendation_source: 'microsoft',
            recommendation_category: 'identity',
            m365_requested_by: 'secadmin@contoso.onmicrosoft.com',
            secure_score_control: 'AdminMFAV2',
            action_url: 'https://security.microsoft.com/securescore?actionId=AdminMFAV2',
            intake_payload: JSON.stringify(intake()),
        })
        expect(row.number).toMatch(/^CHG\d{7}$/)
        expect(result.ticket).toStrictEqual({
            number: row.number,
            sysId: row.sys_id,
            taskId: 'AdminMFAV2-0001',
            type: 'change',
            name: 'Require MFA for administrative roles',
            description: 'Require MFA for all admin roles.',
            state: { value: '-5', label: 'New', customLabel: null },
            priority: { value: '2', label: '2 - High' },
            dueDate: '2026-12-31T17:00:00Z',
            assignmentGroup: null,
            assignedTo: null,
            opened: iso(row.opened_at),
            updated: iso(row.sys_updated_on),
            closed: null,
            outcome: 'open',
            resolution: null,
            link: 'x_mioms_m365ticket_change_request.do?sys_id=' + row.sys_id,
        })
    })

    it('creates an incident with impact and urgency that give the priority, the caller and no change fields', () => {
        const c = connect()
        const rows = [1, 2, 3, 4].map((priority) => {
            const result = asConnector(() => intakeTask(c, intake({ taskId: 'incident-' + priority, ticketType: 'incident', priority, dueDate: null, secureScore: null })))
            expect([result.created, result.ticket.type, result.ticket.dueDate]).toEqual([true, 'incident', null])
            return record(TICKET_TABLE.incident, result.ticket.sysId)
        })
        expect(rows.map((row) => [row.impact, row.urgency, row.priority])).toEqual([
            ['1', '1', '1'],
            ['1', '2', '2'],
            ['2', '2', '3'],
            ['2', '3', '4'],
        ])
        expect(rows[0]).toMatchObject({
            sys_class_name: 'x_mioms_m365ticket_incident',
            caller_id: h.integrationUser,
            category: 'inquiry',
            due_date: null,
            secure_score_control: null,
            action_url: null,
            description: 'Require MFA for all admin roles.\n\n--- Microsoft 365 Secure Score ---\nCategory: Identity\nSource: Microsoft\nRequested by: secadmin@contoso.onmicrosoft.com',
        })
        expect(rows[0].number).toMatch(/^INC\d{7}$/)
    })

    it('stores the control without an action URL when Microsoft 365 sent none', () => {
        const c = connect()
        const secureScore = { controlId: 'AdminMFAV2', title: 'Ensure MFA for admins', actionUrl: '' } as TaskIntake['secureScore']
        const result = asConnector(() => intakeTask(c, intake({ secureScore })))
        expect(record(TICKET_TABLE.change, result.ticket.sysId)).toMatchObject({ secure_score_control: 'AdminMFAV2', action_url: null })
    })

    it("assigns each type's group from its property, and no group when it is empty", () => {
        const c = connect()
        const group = h.runtime.runAs('admin', () => {
            const row = new GlideRecord('sys_user_group')
            row.initialize()
            row.setValue('name', 'Security operations')
            return row.insert() as string
        })
        h.runtime.runAs('admin', () => h.runtime.runInScope(h.runtime.scope, () => gs.setProperty(PROPERTY.incidentAssignmentGroup, group)))
        const incident = asConnector(() => intakeTask(c, intake({ taskId: 'grouped-incident', ticketType: 'incident' }))).ticket
        const change = asConnector(() => intakeTask(c, intake({ taskId: 'ungrouped-change' }))).ticket
        h.runtime.runAs('admin', () => h.runtime.runInScope(h.runtime.scope, () => gs.setProperty(PROPERTY.incidentAssignmentGroup, '')))
        expect([incident.assignmentGroup, record(TICKET_TABLE.incident, incident.sysId).assignment_group]).toEqual(['Security operations', group])
        expect([change.assignmentGroup, record(TICKET_TABLE.change, change.sysId).assignment_group]).toEqual([null, null])
    })

    it('answers the same task again with the existing ticket and writes nothing', () => {
        const c = connect()
        const first = asConnector(() => intakeTask(c, intake())).ticket
        const incident = asConnector(() => intakeTask(c, intake({ taskId: 'replayed-incident', ticketType: 'incident' }))).ticket
        const rowsBefore = [h.count(TICKET_TABLE.change), h.count(TICKET_TABLE.incident)]
        expect(asConnector(() => intakeTask(c, intake()))).toStrictEqual({ ticket: first, created: false })
        expect(asConnector(() => intakeTask(c, intake({ taskId: 'replayed-incident', ticketType: 'incident' })))).toStrictEqual({ ticket: incident, created: false })
        expect([h.count(TICKET_TABLE.change), h.count(TICKET_TABLE.incident)]).toEqual(rowsBefore)
        // Another tenant's task with the same id is its own ticket.
        const other = connect()
        const theirs = asConnector(() => intakeTask(other, intake()))
        expect(theirs.created).toBe(true)
        expect(theirs.ticket.sysId).not.toBe(first.sysId)
    })

    it('refuses the same task with different content (409), naming the fields, and an unreadable stored task as such', () => {
        const c = connect()
        const first = asConnector(() => intakeTask(c, intake())).ticket
        expect(failure(() => asConnector(() => intakeTask(c, intake({ name: 'Other', priority: 1 }))))).toEqual([
            409,
            'Task AdminMFAV2-0001 was already received with different content as ' + first.number,
            'Differing fields: name, priority',
        ])
        for (const payload of ['{not json', '']) {
            setField(TICKET_TABLE.change, first.sysId, 'intake_payload', payload)
            expect(failure(() => asConnector(() => intakeTask(c, intake())))).toEqual([
                409,
                'Task AdminMFAV2-0001 was already received with different content as ' + first.number,
                'Differing fields: intake payload unreadable',
            ])
        }
    })
})

describe('findByNumber, getTicket and serializeTicket', () => {
    it("finds the connection's ticket of either type by number; another tenant's ticket or an unknown number is a 404", () => {
        const c = connect()
        const change = asConnector(() => intakeTask(c, intake({ taskId: 'find-change' }))).ticket
        const incident = asConnector(() => intakeTask(c, intake({ taskId: 'find-incident', ticketType: 'incident' }))).ticket
        const found = asConnector(() => findByNumber(c, incident.number))
        expect([found.type, found.record.getUniqueValue()]).toEqual(['incident', incident.sysId])
        expect(asConnector(() => findByNumber(c, change.number)).type).toBe('change')
        expect(asConnector(() => getTicket(c, change.number))).toStrictEqual(change)
        const other = connect()
        expect(failure(() => asConnector(() => getTicket(other, change.number)))).toEqual([404, 'No ticket ' + change.number + ' for Microsoft 365 tenant ' + other.tenantId, ''])
        expect(failure(() => asConnector(() => findByNumber(c, 'CHG9999999')))).toEqual([404, 'No ticket CHG9999999 for Microsoft 365 tenant ' + c.tenantId, ''])
    })

    it("shows the tenant's state names, the assignee and group by display value, and the close time", () => {
        const c = connect()
        c.stateNames = JSON.stringify({ change: { '-5': 'Awaiting triage' }, incident: { '1': 'Received' } })
        const change = asConnector(() => intakeTask(c, intake({ taskId: 'named-change' }))).ticket
        const incident = asConnector(() => intakeTask(c, intake({ taskId: 'named-incident', ticketType: 'incident' }))).ticket
        expect([change.state, incident.state]).toEqual([
            { value: '-5', label: 'New', customLabel: 'Awaiting triage' },
            { value: '1', label: 'New', customLabel: 'Received' },
        ])
        const group = h.runtime.runAs('admin', () => {
            const row = new GlideRecord('sys_user_group')
            row.initialize()
            row.setValue('name', 'Change managers')
            return row.insert() as string
        })
        setField(TICKET_TABLE.incident, incident.sysId, 'assignment_group', group)
        const assignee = h.runtime.runAs('admin', () => {
            const user = new GlideRecord('sys_user')
            user.initialize()
            user.setValue('user_name', 'alex.wilber')
            user.setValue('first_name', 'Alex')
            user.setValue('last_name', 'Wilber')
            return user.insert() as string
        })
        setField(TICKET_TABLE.incident, incident.sysId, 'assigned_to', assignee)
        setField(TICKET_TABLE.incident, incident.sysId, 'closed_at', '2027-01-02 03:04:05')
        const read = asConnector(() => getTicket(c, incident.number))
        expect([read.assignmentGroup, read.assignedTo, read.closed]).toEqual(['Change managers', 'Alex Wilber', '2027-01-02T03:04:05Z'])
        expect(read.updated).toBe(iso(record(TICKET_TABLE.incident, incident.sysId).sys_updated_on))
    })

    it('links a ticket at the instance URL, table and sys_id', () => {
        const c = connect()
        h.runtime.runAs('admin', () => gs.setProperty('glide.servlet.uri', 'https://contoso.service-now.com/'))
        const ticket = asConnector(() => intakeTask(c, intake({ taskId: 'linked', ticketType: 'incident' }))).ticket
        expect(ticket.link).toBe('https://contoso.service-now.com/x_mioms_m365ticket_incident.do?sys_id=' + ticket.sysId)
        expect(asConnector(() => ticketLink('x_table', 'abc'))).toBe('https://contoso.service-now.com/x_table.do?sys_id=abc')
        h.runtime.runAs('admin', () => gs.setProperty('glide.servlet.uri', ''))
    })

    it('serializes a record without a number, task id or name as empty strings', () => {
        const bare = h.runtime.runAs('admin', () => {
            const row = new GlideRecord(TICKET_TABLE.change)
            row.initialize()
            row.setWorkflow(false)
            return row.insert() as string
        })
        setField(TICKET_TABLE.change, bare, 'number', '')
        const serialized = h.runtime.runAs('admin', () => {
            const row = new GlideRecord(TICKET_TABLE.change)
            row.get(bare)
            row.setValue('state', '')
            row.setValue('priority', '')
            return serializeTicket(row, 'change', { change: { '': 'No state' }, incident: {} })
        })
        expect(serialized).toMatchObject({ number: '', taskId: '', name: '', state: { value: '', customLabel: 'No state' }, priority: { value: '' } })
    })
})

describe("the ticket's description", () => {
    const description = (c: Connection, number: string) => asConnector(() => getTicket(c, number)).description

    it('is the current description without the Secure Score block while the block is intact at its end, else the whole field', () => {
        const c = connect()
        const change = asConnector(() => intakeTask(c, intake({ taskId: 'described-change' }))).ticket
        expect(description(c, change.number)).toBe('Require MFA for all admin roles.')
        // An agent rewrites the text above the block: Microsoft 365 reads the new text.
        setField(TICKET_TABLE.change, change.sysId, 'description', 'Pilot first, then all admins.\nSee the runbook.\n\n' + BLOCK)
        expect(description(c, change.number)).toBe('Pilot first, then all admins.\nSee the runbook.')
        // A form that saved '\r\n' line endings: read as '\n', the block still recognised.
        setField(TICKET_TABLE.change, change.sysId, 'description', ('Pilot first.\n\n' + BLOCK).replace(/\n/g, '\r\n'))
        expect(description(c, change.number)).toBe('Pilot first.')
        // An agent rewrote the block, or moved text below it: nothing is cut.
        const edited = 'Pilot first.\n\n' + BLOCK.replace('Source: Microsoft', 'Source: Microsoft (checked)')
        setField(TICKET_TABLE.change, change.sysId, 'description', edited)
        expect(description(c, change.number)).toBe(edited)
        setField(TICKET_TABLE.change, change.sysId, 'description', 'Pilot first.\n\n' + BLOCK + '\nMore.')
        expect(description(c, change.number)).toBe('Pilot first.\n\n' + BLOCK + '\nMore.')
        // The block alone is no text above it; the block run into the text without its blank line is not the app's.
        setField(TICKET_TABLE.change, change.sysId, 'description', BLOCK)
        expect(description(c, change.number)).toBe('')
        setField(TICKET_TABLE.change, change.sysId, 'description', 'Pilot first.\n' + BLOCK)
        expect(description(c, change.number)).toBe('Pilot first.\n' + BLOCK)
        setField(TICKET_TABLE.change, change.sysId, 'description', '')
        expect(description(c, change.number)).toBe('')
    })

    it('is empty when Microsoft 365 sent none, and the whole field when the stored task is unreadable', () => {
        const c = connect()
        const incident = asConnector(() => intakeTask(c, intake({ taskId: 'undescribed-incident', ticketType: 'incident', description: '' }))).ticket
        expect(incident.description).toBe('')
        expect(record(TICKET_TABLE.incident, incident.sysId).description).toBe(BLOCK)
        setField(TICKET_TABLE.incident, incident.sysId, 'intake_payload', '{not json')
        expect(description(c, incident.number)).toBe(BLOCK)
        // Listed tickets carry it too.
        expect(asConnector(() => listTickets(c, { type: 'incident', updatedSince: null, after: null, limit: 10 })).tickets.map((t) => t.description)).toEqual([BLOCK])
    })
})

describe('updateTicket', () => {
    it('changes the priority (impact and urgency for an incident), the due date and the description under the Secure Score block', () => {
        const c = connect()
        c.stateNames = JSON.stringify({ change: { '-5': 'Awaiting triage' }, incident: {} })
        const change = asConnector(() => intakeTask(c, intake({ taskId: 'patched-change' }))).ticket
        const incident = asConnector(() => intakeTask(c, intake({ taskId: 'patched-incident', ticketType: 'incident', priority: 4 }))).ticket

        const patched = asConnector(() => updateTicket(c, change.number, { priority: 1, dueDate: '2027-03-01 09:00:00', description: 'New plan.' }))
        expect(record(TICKET_TABLE.change, change.sysId)).toMatchObject({ priority: '1', due_date: '2027-03-01 09:00:00', description: 'New plan.\n\n' + BLOCK })
        expect(patched).toMatchObject({ priority: { value: '1', label: '1 - Critical' }, dueDate: '2027-03-01T09:00:00Z', description: 'New plan.', state: { customLabel: 'Awaiting triage' } })
        expect(patched.updated).toBe(iso(record(TICKET_TABLE.change, change.sysId).sys_updated_on))

        asConnector(() => updateTicket(c, incident.number, { priority: 2, dueDate: null }))
        expect(record(TICKET_TABLE.incident, incident.sysId)).toMatchObject({ impact: '1', urgency: '2', priority: '2', due_date: null, description: 'Require MFA for all admin roles.\n\n' + BLOCK })
        asConnector(() => updateTicket(c, incident.number, { priority: 3 }))
        expect(record(TICKET_TABLE.incident, incident.sysId)).toMatchObject({ impact: '2', urgency: '2', priority: '3' })
    })

    it('leaves out what the patch does not name, and without a stored task sets the description as given', () => {
        const c = connect()
        const change = asConnector(() => intakeTask(c, intake({ taskId: 'untouched-change' }))).ticket
        const before = record(TICKET_TABLE.change, change.sysId)
        asConnector(() => updateTicket(c, change.number, {}))
        expect(record(TICKET_TABLE.change, change.sysId)).toMatchObject({ priority: before.priority, due_date: before.due_date, description: before.description })
        asConnector(() => updateTicket(c, change.number, { description: '' }))
        expect(record(TICKET_TABLE.change, change.sysId).description).toBe(BLOCK)
        setField(TICKET_TABLE.change, change.sysId, 'intake_payload', '')
        asConnector(() => updateTicket(c, change.number, { description: 'Only this.' }))
        expect(record(TICKET_TABLE.change, change.sysId)).toMatchObject({ description: 'Only this.', priority: '2', due_date: '2026-12-31 17:00:00' })
        expect(failure(() => asConnector(() => updateTicket(connect(), change.number, { priority: 1 })))[0]).toBe(404)
    })
})

describe('updateTicket when the instance refuses the update', () => {
    it("answers 409 with the data policy's words on an incident stored Resolved without code and notes, and stores nothing; once they are filled, the same patch goes through", () => {
        const c = connect()
        const incident = asConnector(() => intakeTask(c, intake({ taskId: 'patched-resolved', ticketType: 'incident' }))).ticket
        // A data fix: resolved without business rules and engines (setField uses setWorkflow(false)), so the policy did not refuse it.
        setField(TICKET_TABLE.incident, incident.sysId, 'state', '6')
        const before = record(TICKET_TABLE.incident, incident.sysId)
        const patch = { priority: 1, dueDate: '2027-03-01 09:00:00', description: 'New plan.' }
        expect(failure(() => asConnector(() => updateTicket(c, incident.number, patch)))).toEqual([
            409,
            'The ticket could not be updated',
            'The instance refused the update of ' + incident.number + ': Data Policy Exception: The following fields are mandatory: Resolution code, Resolution notes',
        ])
        expect(record(TICKET_TABLE.incident, incident.sysId)).toEqual(before)
        setField(TICKET_TABLE.incident, incident.sysId, 'close_code', 'Solution provided')
        setField(TICKET_TABLE.incident, incident.sysId, 'close_notes', 'MFA enforced for every admin role.')
        expect(asConnector(() => updateTicket(c, incident.number, patch))).toMatchObject({ priority: { value: '1' }, dueDate: '2027-03-01T09:00:00Z', description: 'New plan.' })
        expect(record(TICKET_TABLE.incident, incident.sysId)).toMatchObject({ impact: '1', urgency: '1', priority: '1', due_date: '2027-03-01 09:00:00', description: 'New plan.\n\n' + BLOCK })
    })

    it('answers 409 with the reason when a before business rule aborts the update, and stores nothing', () => {
        const c = connect()
        const change = asConnector(() => intakeTask(c, intake({ taskId: 'patched-aborted' }))).ticket
        h.runtime.store.insert(
            'sys_script',
            { name: 'test: abort ' + change.number, collection: 'task', when: 'before', action_update: 'true', active: 'true', order: '100', abort_action: 'true', filter_condition: 'number=' + change.number },
            { userName: 'admin', sysId: null },
        )
        // The instance's script host picks the new rule up, as a new rule takes effect on an instance.
        new ScriptHost(h.runtime)
        const before = record(TICKET_TABLE.change, change.sysId)
        expect(failure(() => asConnector(() => updateTicket(c, change.number, { priority: 1 })))).toEqual([
            409,
            'The ticket could not be updated',
            'The instance refused the update of ' + change.number + ': Invalid update',
        ])
        expect(record(TICKET_TABLE.change, change.sysId)).toEqual(before)
    })
})

describe('cursors', () => {
    const SYS_ID = '0123456789abcdef0123456789abcdef'

    it('encodes a position as YYYYMMDDHHmmss.<sys_id> and decodes it back', () => {
        expect(encodeCursor({ updatedOn: '2026-11-26 04:07:34', sysId: SYS_ID })).toBe('20261126040734.' + SYS_ID)
        expect(decodeCursor('20261126040734.' + SYS_ID)).toEqual({ updatedOn: '2026-11-26 04:07:34', sysId: SYS_ID })
        expect(decodeCursor('19991231235958.' + SYS_ID)).toEqual({ updatedOn: '1999-12-31 23:59:58', sysId: SYS_ID })
    })

    it.each(['', 'x20261126040734.' + SYS_ID, '20261126040734.' + SYS_ID + 'x', '2026112604073.' + SYS_ID, '20261126040734' + SYS_ID, '20261126040734.' + SYS_ID.toUpperCase()])(
        'decodes %j as no cursor',
        (value) => {
            expect(decodeCursor(value)).toBeNull()
        },
    )
})

describe('listTickets', () => {
    let c: Connection
    // Inserted in none of the orders the listing must give: by sys_id, the tables' orders differ from
    // (sys_updated_on, sys_id), and four tickets share the last second, across both tables.
    const TICKETS: [string, 'change' | 'incident', string, string][] = [
        ['c3', 'change', '2026-01-01 00:00:04', 'e0000000000000000000000000000000'],
        ['c4', 'change', '2026-01-01 00:00:04', '20000000000000000000000000000000'],
        ['c2', 'change', '2026-01-01 00:00:03', '30000000000000000000000000000000'],
        ['c1', 'change', '2026-01-01 00:00:01', '90000000000000000000000000000000'],
        ['i2', 'incident', '2026-01-01 00:00:04', '10000000000000000000000000000000'],
        ['i1', 'incident', '2026-01-01 00:00:02', '80000000000000000000000000000000'],
        ['i3', 'incident', '2026-01-01 00:00:04', 'f0000000000000000000000000000000'],
    ]
    const at: { [taskId: string]: string } = {}

    beforeAll(() => {
        c = connect()
        const other = connect()
        const insertTicket = (connection: Connection, taskId: string, type: 'change' | 'incident', updatedOn: string, sysId: string) => {
            h.runtime.runAs('admin', () => {
                const ticket = new GlideRecord(TICKET_TABLE[type])
                ticket.initialize()
                ticket.setNewGuidValue(sysId)
                ticket.setValue('short_description', 'Listed ' + taskId)
                ticket.setValue('m365_task_id', taskId)
                ticket.setValue('connection', connection.sysId)
                ticket.insert()
            })
            setUpdatedOn(sysId, updatedOn)
            at[taskId] = encodeCursor({ updatedOn, sysId })
        }
        for (const [taskId, type, updatedOn, sysId] of TICKETS) insertTicket(c, taskId, type, updatedOn, sysId)
        insertTicket(other, 'theirs', 'change', '2026-01-01 00:00:00', 'a0000000000000000000000000000000')
    })

    function page(query: Partial<Parameters<typeof listTickets>[1]>): { taskIds: string[]; nextCursor: string | null } {
        const result = asConnector(() => listTickets(c, { type: null, updatedSince: null, after: null, limit: 100, ...query }))
        return { taskIds: result.tickets.map((ticket) => ticket.taskId), nextCursor: result.nextCursor }
    }

    it("lists the connection's tickets of both types merged in (sys_updated_on, sys_id) order", () => {
        expect(page({})).toEqual({ taskIds: ['c1', 'i1', 'c2', 'i2', 'c4', 'c3', 'i3'], nextCursor: null })
        expect(page({ limit: 7 })).toEqual({ taskIds: ['c1', 'i1', 'c2', 'i2', 'c4', 'c3', 'i3'], nextCursor: null })
    })

    it('pages by the cursor of the last ticket given, and gives no cursor after the last page', () => {
        expect(page({ limit: 2 })).toEqual({ taskIds: ['c1', 'i1'], nextCursor: at.i1 })
        expect(page({ limit: 2, after: decodeCursor(at.i1) })).toEqual({ taskIds: ['c2', 'i2'], nextCursor: at.i2 })
        expect(page({ limit: 2, after: decodeCursor(at.i2) })).toEqual({ taskIds: ['c4', 'c3'], nextCursor: at.c3 })
        expect(page({ limit: 2, after: decodeCursor(at.c4) })).toEqual({ taskIds: ['c3', 'i3'], nextCursor: null })
        expect(page({ limit: 1 })).toEqual({ taskIds: ['c1'], nextCursor: at.c1 })
        expect(page({ limit: 5 })).toEqual({ taskIds: ['c1', 'i1', 'c2', 'i2', 'c4'], nextCursor: at.c4 })
    })

    it('lists one type, and the tickets updated since a time (inclusive)', () => {
        expect(page({ type: 'incident' })).toEqual({ taskIds: ['i1', 'i2', 'i3'], nextCursor: null })
        expect(page({ type: 'change', limit: 2 })).toEqual({ taskIds: ['c1', 'c2'], nextCursor: at.c2 })
        expect(page({ updatedSince: '2026-01-01 00:00:03' })).toEqual({ taskIds: ['c2', 'i2', 'c4', 'c3', 'i3'], nextCursor: null })
        expect(page({ updatedSince: '2026-01-01 00:00:02', after: decodeCursor(at.c2) })).toEqual({ taskIds: ['i2', 'c4', 'c3', 'i3'], nextCursor: null })
    })

    it("serializes listed tickets with the tenant's state names", () => {
        c.stateNames = JSON.stringify({ change: { '-5': 'Awaiting triage' }, incident: {} })
        const listed = asConnector(() => listTickets(c, { type: null, updatedSince: null, after: null, limit: 2 })).tickets
        c.stateNames = ''
        expect(listed.map((ticket) => [ticket.taskId, ticket.name, ticket.state.customLabel, ticket.updated])).toEqual([
            ['c1', 'Listed c1', 'Awaiting triage', '2026-01-01T00:00:01Z'],
            ['i1', 'Listed i1', null, '2026-01-01T00:00:02Z'],
        ])
    })
})

describe('intakeTask under before insert business rules: a refused insert, a concurrent intake that won, a replay', () => {
    /** Installs a before insert rule on the type's table for one task id, and lets the instance's script host pick it up, as a new rule takes effect on an instance. */
    function beforeInsert(type: 'change' | 'incident', taskId: string, fields: { [field: string]: string }): void {
        h.runtime.store.insert(
            'sys_script',
            { name: 'test: ' + taskId, collection: TICKET_TABLE[type], when: 'before', action_insert: 'true', active: 'true', order: '100', filter_condition: 'm365_task_id=' + taskId, ...fields },
            { userName: 'admin', sysId: null },
        )
        new ScriptHost(h.runtime)
    }

    /** A rule script that plays a concurrent intake of the same task: it inserts the ticket (no business rules), with `name` as its name, and aborts this insert. */
    function concurrentIntake(name: string | null): string {
        return (
            "var winner = new GlideRecord(current.getTableName()); winner.initialize(); ['short_description', 'description', 'priority', 'impact', 'urgency', 'due_date', 'opened_at', 'opened_by', 'assignment_group', 'requested_by', 'type', 'category', 'caller_id', 'm365_task_id', 'connection', 'recommendation_source', 'recommendation_category', 'm365_requested_by', 'secure_score_control', 'action_url', 'intake_payload'].forEach(function (f) { winner.setValue(f, current.getValue(f)) }); " +
            (name === null ? '' : "winner.setValue('intake_payload', current.getValue('intake_payload').replace(current.getValue('short_description'), '" + name + "')); ") +
            'winner.setWorkflow(false); winner.insert(); current.setAbortAction(true);'
        )
    }

    function tickets(type: 'change' | 'incident', c: Connection, taskId: string) {
        return h.rows(TICKET_TABLE[type], 'connection=' + c.sysId + '^m365_task_id=' + taskId)
    }

    it("answers 500 and creates nothing when the insert is refused and no concurrent intake won", () => {
        const c = connect()
        beforeInsert('change', 'refused-change', { abort_action: 'true' })
        beforeInsert('incident', 'refused-incident', { abort_action: 'true' })
        expect(failure(() => asConnector(() => intakeTask(c, intake({ taskId: 'refused-change' }))))).toEqual([
            500,
            'The ticket could not be created',
            'The instance refused the insert into x_mioms_m365ticket_change_request',
        ])
        expect(failure(() => asConnector(() => intakeTask(c, intake({ taskId: 'refused-incident', ticketType: 'incident' }))))).toEqual([
            500,
            'The ticket could not be created',
            'The instance refused the insert into x_mioms_m365ticket_incident',
        ])
        expect([tickets('change', c, 'refused-change'), tickets('incident', c, 'refused-incident')]).toEqual([[], []])
    })

    it("answers with the ticket of a concurrent intake of the same task that won, created false", () => {
        const c = connect()
        beforeInsert('change', 'raced-change', { script: concurrentIntake(null) })
        beforeInsert('incident', 'raced-incident', { script: concurrentIntake(null) })
        for (const type of ['change', 'incident'] as const) {
            const taskId = 'raced-' + type
            const result = asConnector(() => intakeTask(c, intake({ taskId, ticketType: type })))
            const rows = tickets(type, c, taskId)
            expect(rows).toHaveLength(1)
            expect(result).toStrictEqual({ ticket: asConnector(() => getTicket(c, rows[0].number as string)), created: false })
            expect([result.ticket.sysId, result.ticket.taskId, result.ticket.type, result.ticket.name]).toEqual([rows[0].sys_id, taskId, type, 'Require MFA for administrative roles'])
        }
    })

    it('answers the same task again without attempting an insert: no before insert rule runs for the replay', () => {
        const c = connect()
        beforeInsert('change', 'replayed-quietly', { script: "gs.info('insert attempted: ' + current.getValue('m365_task_id'))" })
        const first = asConnector(() => intakeTask(c, intake({ taskId: 'replayed-quietly' })))
        expect(asConnector(() => intakeTask(c, intake({ taskId: 'replayed-quietly' })))).toStrictEqual({ ticket: first.ticket, created: false })
        expect(h.count('syslog', 'message=insert attempted: replayed-quietly')).toBe(1)
    })

    it('refuses the task (409) when the concurrent intake that won sent different content', () => {
        const c = connect()
        beforeInsert('change', 'raced-other', { script: concurrentIntake('Other name') })
        expect(failure(() => asConnector(() => intakeTask(c, intake({ taskId: 'raced-other' }))))).toEqual([
            409,
            'Task raced-other was already received with different content as ' + tickets('change', c, 'raced-other')[0].number,
            'Differing fields: name',
        ])
    })
})

describe('listTickets with a ticket that has no sys_updated_on (a data fix emptied it)', () => {
    it('lists it first, before the other table\'s tickets, as its own table orders it', () => {
        const c = connect()
        const dated = asConnector(() => intakeTask(c, intake({ taskId: 'dated', ticketType: 'incident' }))).ticket
        const undated = asConnector(() => intakeTask(c, intake({ taskId: 'undated' }))).ticket
        setUpdatedOn(dated.sysId, '2026-01-01 00:00:00')
        setUpdatedOn(undated.sysId, '')
        const listed = asConnector(() => listTickets(c, { type: null, updatedSince: null, after: null, limit: 100 }))
        expect(listed.tickets.map((ticket) => [ticket.taskId, ticket.updated])).toEqual([
            ['undated', null],
            ['dated', '2026-01-01T00:00:00Z'],
        ])
        expect(listed.nextCursor).toBeNull()
    })
})
