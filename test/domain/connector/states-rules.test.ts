// connector/states.ts called directly on one instance: the state choices each ticket type lists (active, English,
// in sequence), the custom names a tenant stored (and what an unreadable stored value means), and PUT /state-names'
// rules with their exact details. connection-and-states.test.ts proves the same through the handlers; this file lets
// a scoped Stryker run try the module's mutants in seconds.
import { GlideRecord } from '@servicenow/glide'
import { CONNECTION_TABLE, type Connection } from '../../../src/server/connector/connections.ts'
import { customStateNames, listStates, saveStateNames } from '../../../src/server/connector/states.ts'
import { invalidRequestDetail } from '../../support/expect-failure.ts'
import { createHarness, type Harness } from '../../support/connector-harness.ts'

let h: Harness

function connection(stateNames: string, sysId = ''): Connection {
    return { sysId, tenantId: '', tenantName: '', integrationUser: '', oauthClient: '', status: 'connected', connectedBy: '', connectedAt: null, lastContactAt: null, stateNames }
}

/** The stored state_names of a connection record. */
function storedNames(sysId: string): string | null {
    return storedField(sysId, 'state_names')
}

function storedField(sysId: string, field: string): string | null {
    return h.runtime.runAs('admin', () => {
        const record = new GlideRecord(CONNECTION_TABLE)
        if (!record.get(sysId)) throw new Error('no connection ' + sysId)
        return record.getValue(field)
    })
}

const refusal = invalidRequestDetail

const CHANGE_STATES = [
    ['-5', 'New'],
    ['-4', 'Assess'],
    ['-3', 'Authorize'],
    ['-2', 'Scheduled'],
    ['-1', 'Implement'],
    ['0', 'Review'],
    ['3', 'Closed'],
    ['4', 'Canceled'],
]

// The out-of-box incident states plus two added below: '9' without a label, sequenced first though inserted last,
// and a choice without a value, sequenced last.
const INCIDENT_STATES = [
    ['9', ''],
    ['1', 'New'],
    ['2', 'In Progress'],
    ['3', 'On Hold'],
    ['6', 'Resolved'],
    ['7', 'Closed'],
    ['8', 'Canceled'],
    ['', 'Unset'],
]

function options(states: string[][], custom: { [value: string]: string } = {}): { value: string; label: string; customLabel: string | null }[] {
    return states.map(([value, label]) => ({ value, label, customLabel: custom[value] ?? null }))
}

beforeAll(() => {
    h = createHarness()
    // Choices that are not a ticket type's active English state choices, and must not be listed.
    h.insertAsAdmin('sys_choice', { name: 'incident', element: 'state', language: 'en', value: '10', label: 'Retired', sequence: '5', inactive: 'true' })
    h.insertAsAdmin('sys_choice', { name: 'incident', element: 'state', language: 'de', value: '11', label: 'Neu', sequence: '5' })
    h.insertAsAdmin('sys_choice', { name: 'incident', element: 'impact', language: 'en', value: '12', label: 'Wide', sequence: '5' })
    h.insertAsAdmin('sys_choice', { name: 'problem', element: 'state', language: 'en', value: '13', label: 'Known error', sequence: '5' })
    // An active incident state without a label, sequenced before the others.
    h.insertAsAdmin('sys_choice', { name: 'incident', element: 'state', language: 'en', value: '9', sequence: '-100' })
    h.insertAsAdmin('sys_choice', { name: 'incident', element: 'state', language: 'en', label: 'Unset', sequence: '1000' })
})

afterAll(() => h.runtime.close())

describe('listStates', () => {
    it("lists each type's active English state choices in sequence, with labels, and no custom names when none are stored", () => {
        expect(h.inApp(() => listStates(connection('')))).toStrictEqual({ change: options(CHANGE_STATES), incident: options(INCIDENT_STATES) })
    })

    it('shows the custom name of each state that has one, null for the others', () => {
        const stored = JSON.stringify({ change: { '-5': 'Awaiting triage', '99': 'Unknown' }, incident: { '9': 'Parked', '2': 'Working' } })
        expect(h.inApp(() => listStates(connection(stored)))).toStrictEqual({
            change: options(CHANGE_STATES, { '-5': 'Awaiting triage' }),
            incident: options(INCIDENT_STATES, { '9': 'Parked', '2': 'Working' }),
        })
    })
})

describe('customStateNames', () => {
    it('reads the string names of each type and ignores other types and other values', () => {
        const stored = JSON.stringify({ change: { '-5': 'Awaiting triage', '-4': 5, '-3': null, '-2': { x: 'y' } }, incident: { '1': 'Received', '': 'Blank' }, problem: { '1': 'Open' } })
        expect(customStateNames(connection(stored))).toStrictEqual({ change: { '-5': 'Awaiting triage' }, incident: { '1': 'Received', '': 'Blank' } })
    })

    it.each(['', 'not json', '{"change":', '["change"]', '"change"', '5', 'null', 'true', '{}', '{"change":"abc","incident":["Open"]}', '{"change":null,"incident":7}'])(
        'reads no names from the stored value %j',
        (stored) => {
            expect(customStateNames(connection(stored))).toStrictEqual({ change: {}, incident: {} })
        },
    )
})

describe('saveStateNames', () => {
    let sysId: string

    beforeAll(() => {
        sysId = h.insertAsAdmin(CONNECTION_TABLE, { tenant_id: '11111111-2222-3333-4444-555555555555', status: 'connected', state_names: '{"change":{"-4":"Old"},"incident":{}}' })
    })

    it('replaces the stored names with the trimmed names given (a type left out or null keeps none) and answers the listing', () => {
        const saved = connection(storedNames(sysId) ?? '', sysId)
        const label80 = 'L'.repeat(80)
        const listed = h.inApp(() => saveStateNames(saved, { change: { '-5': '  Awaiting triage ', '4': label80 }, incident: null }))
        const expected = JSON.stringify({ change: { '-5': 'Awaiting triage', '4': label80 }, incident: {} })
        expect(storedNames(sysId)).toBe(expected)
        expect(saved.stateNames).toBe(expected)
        expect(listed).toStrictEqual({ change: options(CHANGE_STATES, { '-5': 'Awaiting triage', '4': label80 }), incident: options(INCIDENT_STATES) })

        const second = h.inApp(() => saveStateNames(saved, { incident: { '9': 'Parked', '8': 'Dropped' } }))
        const secondStored = JSON.stringify({ change: {}, incident: { '9': 'Parked', '8': 'Dropped' } })
        expect([storedNames(sysId), saved.stateNames]).toEqual([secondStored, secondStored])
        expect(second).toStrictEqual({ change: options(CHANGE_STATES), incident: options(INCIDENT_STATES, { '9': 'Parked', '8': 'Dropped' }) })

        h.inApp(() => saveStateNames(saved, {}))
        expect([storedNames(sysId), saved.stateNames]).toEqual(['{"change":{},"incident":{}}', '{"change":{},"incident":{}}'])
    })

    it('refuses every bad type, state value and name in one 400 and keeps the stored names', () => {
        const before = '{"change":{"-4":"Kept"},"incident":{}}'
        h.runtime.runAs('admin', () => {
            const record = new GlideRecord(CONNECTION_TABLE)
            record.get(sysId)
            record.setValue('state_names', before)
            record.update()
        })
        const saved = connection(before, sysId)
        const detail = refusal(() =>
            h.inApp(() => saveStateNames(saved, { change: { '-5': 'Fine', '99': 'Nope', '-3': '   ', '-2': 'L'.repeat(81), '-1': 7 }, incident: 'x' })),
        )
        expect(detail).toBe(
            'change.99: is not a change state value (-5, -4, -3, -2, -1, 0, 3, 4); change.-3: must be 1-80 characters; change.-2: must be 1-80 characters; ' +
                'change.-1: must be a string; incident: must be an object of state value to name',
        )
        expect(refusal(() => h.inApp(() => saveStateNames(saved, { change: ['Open'], incident: { '10': 'Retired', '11': 'Neu', '12': 'Wide', '13': 'Known' } })))).toBe(
            'change: must be an object of state value to name; incident.10: is not a incident state value (9, 1, 2, 3, 6, 7, 8, ); ' +
                'incident.11: is not a incident state value (9, 1, 2, 3, 6, 7, 8, ); incident.12: is not a incident state value (9, 1, 2, 3, 6, 7, 8, ); ' +
                'incident.13: is not a incident state value (9, 1, 2, 3, 6, 7, 8, )',
        )
        expect(refusal(() => h.inApp(() => saveStateNames(saved, { change: { '-4': 'Bad\u0007' } })))).toBe('change.-4: must not contain control characters')
        expect([storedNames(sysId), saved.stateNames]).toEqual([before, before])
    })

    it('writes no record for a connection whose record is gone, and still answers the names given', () => {
        const rowsBefore = h.rows(CONNECTION_TABLE)
        const gone = connection('', '0123456789abcdef0123456789abcdef')
        const listed = h.inApp(() => saveStateNames(gone, { change: { '0': 'Looking back' } }))
        expect(gone.stateNames).toBe('{"change":{"0":"Looking back"},"incident":{}}')
        expect(listed.change[5]).toStrictEqual({ value: '0', label: 'Review', customLabel: 'Looking back' })
        expect(h.rows(CONNECTION_TABLE)).toEqual(rowsBefore)
    })
})

describe('the readable copy on the connection form (business rule "Describe custom state names")', () => {
    function adminUpdates(sysId: string, values: { [field: string]: string }): void {
        h.runtime.runAs('admin', () => {
            const record = new GlideRecord(CONNECTION_TABLE)
            if (!record.get(sysId)) throw new Error('no connection ' + sysId)
            for (const name of Object.keys(values)) record.setValue(name, values[name])
            record.update()
        })
    }

    it('follows PUT /state-names: one name per line, by type, in the instance state order, labelled; none when the names are cleared', () => {
        const sysId = h.insertAsAdmin(CONNECTION_TABLE, { tenant_id: '21111111-2222-3333-4444-555555555555', status: 'connected' })
        expect(storedField(sysId, 'custom_state_names')).toBeNull()
        const saved = connection('', sysId)
        h.inApp(() => saveStateNames(saved, { change: { '4': 'Dropped', '-4': 'Under review' }, incident: { '2': 'Being worked', '9': 'Parked' } }))
        expect(storedField(sysId, 'custom_state_names')).toBe(
            ['Change request: Assess → Under review', 'Change request: Canceled → Dropped', 'Incident: 9 → Parked', 'Incident: In Progress → Being worked'].join('\n'),
        )
        h.inApp(() => saveStateNames(saved, {}))
        expect(storedField(sysId, 'custom_state_names')).toBeNull()
    })

    it('is written on insert, names a value the instance no longer has by its value, and is empty for an unreadable value', () => {
        const sysId = h.insertAsAdmin(CONNECTION_TABLE, { tenant_id: '31111111-2222-3333-4444-555555555555', status: 'connected', state_names: '{"change":{"77":"Gone state"},"incident":{"1":5}}' })
        expect(storedField(sysId, 'custom_state_names')).toBe('Change request: 77 → Gone state')
        adminUpdates(sysId, { state_names: '{not json' })
        expect(storedField(sysId, 'custom_state_names')).toBeNull()
    })

    it('is written at the next write of a row stored with names but no copy (a connection from before the copy existed)', () => {
        const sysId = h.insertAsAdmin(CONNECTION_TABLE, { tenant_id: '41111111-2222-3333-4444-555555555555', status: 'connected' })
        // As the release before the copy left it: names stored, no copy (the rule did not exist then).
        h.runtime.store.update(CONNECTION_TABLE, sysId, { state_names: '{"change":{"-5":"Awaiting triage"},"incident":{}}' }, 'system')
        expect(storedField(sysId, 'custom_state_names')).toBeNull()
        adminUpdates(sysId, { last_contact_at: '2026-12-06 05:00:00' })
        expect(storedField(sysId, 'custom_state_names')).toBe('Change request: New → Awaiting triage')
    })
})
