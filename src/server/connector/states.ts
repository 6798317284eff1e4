// Ticket states as the instance defines them (sys_choice), and the names a tenant gives them on
// its Microsoft 365 cards (stored on the connection as JSON).
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

export type CustomStateNames = { [type in TicketType]: { [value: string]: string } }

export interface StateOption {
    value: string
    label: string
    customLabel: string | null
}

export type TicketStates = { [type in TicketType]: StateOption[] }

export function customStateNames(connection: Connection): CustomStateNames {
    const names: CustomStateNames = { change: {}, incident: {} }
    if (!connection.stateNames) return names
    try {
        const stored: unknown = JSON.parse(connection.stateNames)
        if (isJsonObject(stored)) {
            for (const type of ['change', 'incident'] as TicketType[]) {
                const forType = field(stored, type)
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
    for (const type of ['change', 'incident'] as TicketType[]) {
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
    for (const type of ['change', 'incident'] as TicketType[]) {
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
