// The connector's ticket defaults, from the app's properties: which ticket type a task becomes when
// Microsoft 365 does not say, and which group each type is assigned to.
import { gs } from '@servicenow/glide'
import { PROPERTY } from '../platform/properties.ts'

export type TicketType = 'change' | 'incident'

export function defaultTicketType(): TicketType {
    return gs.getProperty(PROPERTY.defaultTicketType, 'change') === 'incident' ? 'incident' : 'change'
}

export function assignmentGroupFor(type: TicketType): string {
    const name = type === 'change' ? PROPERTY.changeAssignmentGroup : PROPERTY.incidentAssignmentGroup
    return gs.getProperty(name, '') || ''
}
