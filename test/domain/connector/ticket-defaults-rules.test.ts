// connector/ticket-defaults.ts called directly on one instance: the ticket type a task becomes when Microsoft 365
// names none, and each type's assignment group, as the app's properties set them (fluent/properties/properties.now.ts).
import { gs } from '@servicenow/glide'
import { assignmentGroupFor, defaultTicketType } from '../../../src/server/connector/ticket-defaults.ts'
import { PROPERTY } from '../../../src/server/platform/properties.ts'
import { createHarness, type Harness } from '../../support/connector-harness.ts'

let h: Harness

beforeAll(() => {
    h = createHarness()
})

afterAll(() => h.runtime.close())

describe('defaultTicketType', () => {
    it('is change as installed', () => {
        expect(h.inApp(() => gs.getProperty(PROPERTY.defaultTicketType))).toBe('change')
        expect(h.inApp(() => defaultTicketType())).toBe('change')
    })

    it.each([
        ['incident', 'incident'],
        ['change', 'change'],
        ['Incident', 'change'],
        ['incident ', 'change'],
        ['problem', 'change'],
        ['', 'change'],
    ])('is %j → %j: incident only when the property says exactly incident', (value, type) => {
        h.inApp(() => gs.setProperty(PROPERTY.defaultTicketType, value))
        expect(h.inApp(() => defaultTicketType())).toBe(type)
    })
})

describe('assignmentGroupFor', () => {
    it('is empty for both types as installed (no group)', () => {
        expect(h.inApp(() => [assignmentGroupFor('change'), assignmentGroupFor('incident')])).toEqual(['', ''])
    })

    it("reads each type's own property", () => {
        h.inApp(() => gs.setProperty(PROPERTY.changeAssignmentGroup, 'change-group-sys-id'))
        h.inApp(() => gs.setProperty(PROPERTY.incidentAssignmentGroup, 'incident-group-sys-id'))
        expect(h.inApp(() => [assignmentGroupFor('change'), assignmentGroupFor('incident')])).toEqual(['change-group-sys-id', 'incident-group-sys-id'])
        h.inApp(() => gs.setProperty(PROPERTY.changeAssignmentGroup, ''))
        expect(h.inApp(() => [assignmentGroupFor('change'), assignmentGroupFor('incident')])).toEqual(['', 'incident-group-sys-id'])
        h.inApp(() => gs.setProperty(PROPERTY.incidentAssignmentGroup, ''))
        h.inApp(() => gs.setProperty(PROPERTY.changeAssignmentGroup, 'change-group-sys-id'))
        expect(h.inApp(() => [assignmentGroupFor('change'), assignmentGroupFor('incident')])).toEqual(['change-group-sys-id', ''])
    })
})
