// A ticket's outcome as Microsoft 365 reflects it on the improvement action. Which states end a ticket is the
// platform's state model ("State model and transitions" for changes: Closed 3, Canceled 4; "Incident life cycle":
// Resolved 6, Closed 7, Canceled 8); the close and resolution codes are not listed here: their labels come from
// the instance's choices (sys_choice, element close_code), so a customer's own codes come through as they are.
import { GlideRecord } from '@servicenow/glide'
import type { TicketType } from './ticket-defaults.ts'
import { isoFromGlide } from '../platform/validation.ts'

/** The platform table whose close_code choices each ticket type uses. */
const CLOSE_CODE_CHOICE_TABLE: { readonly [type in TicketType]: string } = {
    change: 'change_request',
    incident: 'incident',
}

const RESOLVED_STATES: { readonly [type in TicketType]: string[] } = { change: ['3'], incident: ['6', '7'] }
const CANCELLED_STATES: { readonly [type in TicketType]: string[] } = { change: ['4'], incident: ['8'] }
/** A closed change counts as done only with one of these close codes ("Close a change request"). */
const SUCCESSFUL_CHANGE_CODES = ['successful', 'successful_issues']

export interface Resolution {
    state: { value: string; label: string }
    /** null when the ticket was closed without one: only the platform's form makes it mandatory, a script need not set it. */
    code: { value: string; label: string } | null
    /** close_notes as the ticket has them; '' when it was resolved without notes (nothing is made up in their place). */
    notes: string
    resolvedAt: string | null
    resolvedBy: string | null
}

/**
 * open: still being worked; resolved: an incident resolved or closed, a change closed successfully;
 * unsuccessful: a change closed with another code; cancelled: cancelled on the instance.
 */
export type Outcome = 'open' | 'resolved' | 'unsuccessful' | 'cancelled'

/** close_code labels read from sys_choice once per type and kept for one request (one list page). */
export class CloseCodeLabels {
    private readonly labels: { [type: string]: { [value: string]: string } } = {}

    label(type: TicketType, value: string): string {
        if (!this.labels[type]) this.labels[type] = readCloseCodes(type)
        const known = this.labels[type][value]
        return known === undefined ? value : known
    }
}

function readCloseCodes(type: TicketType): { [value: string]: string } {
    const choice = new GlideRecord('sys_choice')
    choice.addQuery('name', CLOSE_CODE_CHOICE_TABLE[type])
    choice.addQuery('element', 'close_code')
    choice.addQuery('language', 'en')
    choice.query()
    const labels: { [value: string]: string } = {}
    while (choice.next()) labels[choice.getValue('value') || ''] = choice.getValue('label') || ''
    return labels
}

function displayOrNull(record: GlideRecord, fieldName: string): string | null {
    return record.getValue(fieldName) ? record.getDisplayValue(fieldName) : null
}

/** The resolution once a change is closed or an incident resolved or closed; null before (and when cancelled). */
export function ticketResolution(record: GlideRecord, type: TicketType, codes: CloseCodeLabels): Resolution | null {
    const state = record.getValue('state') || ''
    if (RESOLVED_STATES[type].indexOf(state) < 0) return null
    const code = record.getValue('close_code') || ''
    // An incident records its resolution in resolved_at/resolved_by; a change only closes (closed_at/closed_by).
    const at = type === 'incident' && record.getValue('resolved_at') ? 'resolved_at' : 'closed_at'
    const by = type === 'incident' && record.getValue('resolved_by') ? 'resolved_by' : 'closed_by'
    return {
        state: { value: state, label: record.getDisplayValue('state') },
        code: code ? { value: code, label: codes.label(type, code) } : null,
        notes: record.getValue('close_notes') || '',
        resolvedAt: isoFromGlide(record.getValue(at)),
        resolvedBy: displayOrNull(record, by),
    }
}

export function ticketOutcome(record: GlideRecord, type: TicketType): Outcome {
    const state = record.getValue('state') || ''
    if (CANCELLED_STATES[type].indexOf(state) >= 0) return 'cancelled'
    if (RESOLVED_STATES[type].indexOf(state) < 0) return 'open'
    if (type === 'change' && SUCCESSFUL_CHANGE_CODES.indexOf(record.getValue('close_code') || '') < 0) return 'unsuccessful'
    return 'resolved'
}
