/**
 * Sharing an improvement action: the share form's proposal from the control profile, its rules (checked on the
 * server whatever the browser did), and the one-open-ticket rule: a control with an open ticket is not shared again
 * until that ticket is closed.
 */
import type { Share, StoredTicket } from '../store/store.ts'
import { CATEGORY_LABELS, type ActionCategory, type ImprovementAction } from './actions.ts'
import { CONTROL_CHARS, MULTILINE_CONTROL_CHARS, type FieldErrors } from './form-rules.ts'
import { htmlToText } from './remediation-text.ts'

export const MAX_DESCRIPTION = 4000
export const PRIORITIES = ['critical', 'high', 'moderate', 'low'] as const
export const SOURCES: { [value: string]: string } = { microsoft: 'Microsoft recommendation', user: 'User' }

export interface ShareFormValues {
    ticketType: string
    priority: string
    name: string
    description: string
    dueDate: string
    category: string
    source: string
    requestedBy: string
}

function today(offsetDays = 0): string {
    return new Date(Date.now() + offsetDays * 86400000).toISOString().slice(0, 10)
}

/**
 * The priority proposed for an action: what is still to gain weighs most, and Microsoft's rank (1 = do first)
 * raises it. Critical: a top-5 action with at least 8 points to gain; high: at least 5 points, or a top-10
 * action with any; moderate: at least 2 points; low otherwise. The admin may pick another.
 */
export function proposedPriority(action: Pick<ImprovementAction, 'rank' | 'toGain'>): (typeof PRIORITIES)[number] {
    const rank = action.rank ?? Infinity
    if (rank <= 5 && action.toGain >= 8) return 'critical'
    if (action.toGain >= 5 || (rank <= 10 && action.toGain > 0)) return 'high'
    if (action.toGain >= 2) return 'moderate'
    return 'low'
}

/** The remediation as text, then its impact, then where the action is in the portal; within the field's length. */
export function proposedDescription(action: Pick<ImprovementAction, 'remediation' | 'remediationImpact' | 'actionUrl'>): string {
    const tail = [action.remediationImpact ? 'User impact: ' + action.remediationImpact.trim() : '', action.actionUrl ? 'Take the action: ' + action.actionUrl : '']
        .filter(Boolean)
        .join('\n\n')
    let remediation = htmlToText(action.remediation)
    const room = MAX_DESCRIPTION - (tail ? tail.length + 2 : 0)
    if (remediation.length > room) remediation = remediation.slice(0, Math.max(0, room - 1)).trimEnd() + '…'
    return [remediation, tail].filter(Boolean).join('\n\n')
}

export function prefillShare(action: ImprovementAction, requestedBy: string): ShareFormValues {
    return {
        ticketType: 'change',
        priority: proposedPriority(action),
        name: action.title.slice(0, 160),
        description: proposedDescription(action),
        dueDate: today(30),
        category: action.category ?? '',
        source: 'microsoft',
        requestedBy,
    }
}

export function validateShare(values: ShareFormValues): FieldErrors {
    const errors: FieldErrors = {}
    if (values.ticketType !== 'change' && values.ticketType !== 'incident') errors.ticketType = 'Choose change request or incident.'
    if (!(PRIORITIES as readonly string[]).includes(values.priority)) errors.priority = 'Choose a priority.'
    const name = values.name.trim()
    if (!name) errors.name = 'Enter a name.'
    else if (name.length > 160) errors.name = 'Use at most 160 characters.'
    else if (CONTROL_CHARS.test(name)) errors.name = 'Use one line without control characters.'
    const description = values.description.trim()
    if (!description) errors.description = 'Enter a description.'
    else if (description.length > MAX_DESCRIPTION) errors.description = `Use at most ${MAX_DESCRIPTION} characters.`
    else if (MULTILINE_CONTROL_CHARS.test(description)) errors.description = 'Use text and line breaks only.'
    if (!Object.hasOwn(CATEGORY_LABELS, values.category)) errors.category = 'Choose a category.'
    if (!Object.hasOwn(SOURCES, values.source)) errors.source = 'Choose a source.'
    const requestedBy = values.requestedBy.trim()
    if (!requestedBy) errors.requestedBy = 'Enter who requests the change.'
    else if (requestedBy.length > 254 || CONTROL_CHARS.test(requestedBy)) errors.requestedBy = 'Use one line of at most 254 characters.'
    if (!values.dueDate) errors.dueDate = 'Enter a due date.'
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(values.dueDate) || Number.isNaN(Date.parse(values.dueDate + 'T00:00:00Z')) || new Date(values.dueDate + 'T00:00:00Z').toISOString().slice(0, 10) !== values.dueDate) {
        errors.dueDate = 'Enter a date as YYYY-MM-DD.'
    } else if (values.dueDate < today()) errors.dueDate = 'The due date cannot be in the past.'
    return errors
}

/** The connector API's task body for a share. */
export function sharePayload(action: ImprovementAction, values: ShareFormValues): { [key: string]: unknown } {
    return {
        ticketType: values.ticketType,
        name: values.name.trim(),
        description: values.description.trim(),
        priority: values.priority,
        dueDate: values.dueDate,
        recommendationSource: values.source,
        recommendationCategory: values.category as ActionCategory,
        requestedBy: values.requestedBy.trim(),
        secureScore: { controlId: action.id, title: action.title, actionUrl: action.portalUrl, maxScore: action.maxScore, service: action.service || null },
    }
}

/**
 * The form fields whose values differ from what a share already sent: a form sent again after the share went
 * through (the browser's Back, then Share) is not sent again, and the page names what was not applied.
 */
export function unappliedEdits(sent: { [key: string]: unknown }, values: ShareFormValues): (keyof ShareFormValues)[] {
    const now: { [field in keyof ShareFormValues]: string } = {
        ticketType: values.ticketType,
        priority: values.priority,
        name: values.name.trim(),
        description: values.description.trim(),
        dueDate: values.dueDate,
        category: values.category,
        source: values.source,
        requestedBy: values.requestedBy.trim(),
    }
    const before: { [field in keyof ShareFormValues]: unknown } = {
        ticketType: sent.ticketType,
        priority: sent.priority,
        name: sent.name,
        description: sent.description,
        dueDate: sent.dueDate,
        category: sent.recommendationCategory,
        source: sent.recommendationSource,
        requestedBy: sent.requestedBy,
    }
    return (Object.keys(now) as (keyof ShareFormValues)[]).filter((field) => now[field] !== before[field])
}

/** A ticket is closed once the connector reports an outcome other than open. */
export function isOpen(ticket: StoredTicket | undefined): boolean {
    return !ticket || !ticket.outcome || ticket.outcome === 'open'
}

export interface ControlTickets {
    /** The control's open ticket, if any: sharing it again is refused until it is closed. */
    open: { share: Share; ticket: StoredTicket | undefined } | null
    /** The newest closed ticket: sharing again needs the admin's confirmation. */
    lastClosed: { share: Share; ticket: StoredTicket } | null
}

/** Every control that has an open ticket (one pass, for pages that look at all of them). */
export function controlsWithOpenTicket(shares: Share[], tickets: StoredTicket[]): Set<string> {
    const byNumber = new Map(tickets.map((t) => [t.number, t]))
    return new Set(shares.filter((s) => s.status === 'sent' && s.ticketNumber && isOpen(byNumber.get(s.ticketNumber))).map((s) => s.controlId))
}

/** The control's tickets, apart from the share `exceptShareId` (the draft being sent). Shares are newest first. */
export function controlTickets(controlId: string, shares: Share[], tickets: StoredTicket[], exceptShareId = ''): ControlTickets {
    const byNumber = new Map(tickets.map((t) => [t.number, t]))
    let open: ControlTickets['open'] = null
    let lastClosed: ControlTickets['lastClosed'] = null
    for (const share of shares) {
        if (share.controlId !== controlId || share.id === exceptShareId || share.status !== 'sent' || !share.ticketNumber) continue
        const ticket = byNumber.get(share.ticketNumber)
        if (isOpen(ticket)) open = open ?? { share, ticket }
        else if (ticket) lastClosed = lastClosed ?? { share, ticket }
    }
    return { open, lastClosed }
}
