/**
 * Sharing an improvement action: the share form's proposal and its rules, checked on the server whatever the
 * browser did.
 */
import type { FieldErrors } from '../pages/layout.ts'
import type { ControlProfile } from './fixture-interim.ts'

const CONTROL_CHARS = /[\u0000-\u001f\u007f]/ // eslint-disable-line no-control-regex

export interface ShareFormValues {
    ticketType: string
    priority: string
    name: string
    description: string
    dueDate: string
}

function today(offsetDays = 0): string {
    return new Date(Date.now() + offsetDays * 86400000).toISOString().slice(0, 10)
}

export function defaultPriority(action: ControlProfile): string {
    if (action.maxScore >= 9) return 'high'
    if (action.maxScore >= 5) return 'moderate'
    return 'low'
}

export function prefillShare(action: ControlProfile): ShareFormValues {
    return {
        ticketType: 'change',
        priority: defaultPriority(action),
        name: action.title.slice(0, 160),
        description:
            action.description +
            '\n\nImplementation cost: ' + action.implementationCost +
            '. User impact: ' + action.userImpact +
            '. Threats: ' + action.threats.join(', ') + '.',
        dueDate: today(30),
    }
}

export function validateShare(values: ShareFormValues): FieldErrors {
    const errors: FieldErrors = {}
    if (values.ticketType !== 'change' && values.ticketType !== 'incident') errors.ticketType = 'Choose change request or incident.'
    if (!['critical', 'high', 'moderate', 'low'].includes(values.priority)) errors.priority = 'Choose a priority.'
    const name = values.name.trim()
    if (!name) errors.name = 'Enter a name.'
    else if (name.length > 160) errors.name = 'Use at most 160 characters.'
    else if (CONTROL_CHARS.test(name)) errors.name = 'Use one line without control characters.'
    const description = values.description.trim()
    if (!description) errors.description = 'Enter a description.'
    else if (description.length > 4000) errors.description = 'Use at most 4000 characters.'
    if (!values.dueDate) errors.dueDate = 'Enter a due date.'
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(values.dueDate) || Number.isNaN(Date.parse(values.dueDate + 'T00:00:00Z')) || new Date(values.dueDate + 'T00:00:00Z').toISOString().slice(0, 10) !== values.dueDate) {
        errors.dueDate = 'Enter a date as YYYY-MM-DD.'
    } else if (values.dueDate < today()) errors.dueDate = 'The due date cannot be in the past.'
    return errors
}
