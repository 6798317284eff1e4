// Ticket states as the instance defines them (sys_choice), and the names a tenant gives them on
// its Microsoft 365 cards (stored on the connection as JSON in state_names, which the connector reads; the
// business rule "Describe custom state names" keeps a readable copy, custom_state_names, for the form).
import { GlideRecord } from '@servicenow/glide'
import type { Connection } from './connections.ts'
import { CONNECTION_TABLE } from './connections.ts'
import type { TicketType } from './ticket-defaults.ts'
import { FieldErrors, field, isJsonObject, text, type JsonObject } from '../platform/validation.ts'

/** The platform table whose state choices each ticket type uses. */
const STATE_CHOICE_TABLE: { readonly [type in TicketType]: string } = {
    change: 'change_request',
    incident: 'incident',
}

const TICKET_TYPES: TicketType[] = ['change', 'incident']
const TICKET_TYPE_LABEL: { readonly [type in TicketType]: string } = { change: 'Change request', incident: 'Incident' }

export type CustomStateNames = { [type in TicketType]: { [value: string]: string } }

export interface StateOption {
    value: string
    label: string
    customLabel: string | null
}

export type TicketStates = { [type in TicketType]: StateOption[] }

export function customStateNames(connection: Connection): CustomStateNames {
    return parseStateNames(connection.stateNames)
}

/** The names a stored state_names value holds; none for an empty or unreadable one. */
function parseStateNames(stored: string): CustomStateNames {
    const names: CustomStateNames = { change: {}, incident: {} }
    if (!stored) return names
    try {
        const parsed: unknown = JSON.parse(stored)
        if (isJsonObject(parsed)) {
            for (const type of TICKET_TYPES) {
                const forType = field(parsed, type)
                if (isJsonObject(forType)) {
                    for (const value of Object.keys(forType)) {
                        if (typeof forType[value] === 'string') names[type][value] = forType[value] as string
                    }
                }
            }
        }
    } catch (e) {
        // An unreadable stored value means no custom names; PUT /state-names rewrites it whole.
    }
    return names
}

/**
 * The custom names of a stored state_names value as an admin reads them on the connection form, one per line in
 * the instance's state order: "Change request: Assess → Under review". A state without a label, or a value the
 * instance no longer has, is named by its value.
 */
export function describeStateNames(stored: string): string {
    const names = parseStateNames(stored)
    const lines: string[] = []
    for (const type of TICKET_TYPES) {
        const values = Object.keys(names[type])
        if (!values.length) continue
        const choices = stateChoices(type)
        const ordered = choices.filter((choice) => values.indexOf(choice.value) >= 0)
        for (const value of values) if (!ordered.some((choice) => choice.value === value)) ordered.push({ value, label: value })
        for (const choice of ordered) lines.push(TICKET_TYPE_LABEL[type] + ': ' + (choice.label || choice.value) + ' → ' + names[type][choice.value])
    }
    return lines.join('\n')
}

function stateChoices(type: TicketType): { value: string; label: string }[] {
    const choice = new GlideRecord('sys_choice')
    choice.addQuery('name', STATE_CHOICE_TABLE[type])
    choice.addQuery('element', 'state')
    choice.addQuery('language', 'en')
    choice.addQuery('inactive', '!=', 'true')
    choice.orderBy('sequence')
    choice.query()
    const options: { value: string; label: string }[] = []
    while (choice.next()) options.push({ value: choice.getValue('value') || '', label: choice.getValue('label') || '' })
    return options
}

/** GET /states: every state value and label for changes and incidents, with the tenant's names. */
export function listStates(connection: Connection): TicketStates {
    const names = customStateNames(connection)
    const states = {} as TicketStates
    for (const type of TICKET_TYPES) {
        states[type] = stateChoices(type).map((option) => ({
            value: option.value,
            label: option.label,
            customLabel: Object.prototype.hasOwnProperty.call(names[type], option.value) ? names[type][option.value] : null,
        }))
    }
    return states
}

/**
 * PUT /state-names: replaces the tenant's custom state names. Each type maps a state value the
 * instance knows to a label of 1-80 characters; types left out keep no custom names.
 */
export function saveStateNames(connection: Connection, body: JsonObject): TicketStates {
    const errors = new FieldErrors()
    const names: CustomStateNames = { change: {}, incident: {} }
    for (const type of TICKET_TYPES) {
        const given = field(body, type)
        if (given === undefined || given === null) continue
        if (!isJsonObject(given)) {
            errors.add(type, 'must be an object of state value to name')
            continue
        }
        const known = stateChoices(type).map((option) => option.value)
        for (const value of Object.keys(given)) {
            if (known.indexOf(value) < 0) {
                errors.add(type + '.' + value, 'is not a ' + type + ' state value (' + known.join(', ') + ')')
                continue
            }
            const label = text(errors, type + '.' + value, given[value], { min: 1, max: 80 })
            if (label !== undefined) names[type][value] = label
        }
    }
    errors.throwIfAny()
    const record = new GlideRecord(CONNECTION_TABLE)
    if (record.get(connection.sysId)) {
        record.setValue('state_names', JSON.stringify(names))
        record.update()
    }
    connection.stateNames = JSON.stringify(names)
    return listStates(connection)
}
