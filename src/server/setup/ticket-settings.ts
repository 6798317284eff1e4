// Step 5, ticket settings: default ticket type, assignment groups (which must exist in
// sys_user_group) and API log retention. Stored in the app's sys_properties.
import { GlideRecord, gs } from '@servicenow/glide'
import { defaultTicketType, type TicketType } from '../connector/ticket-defaults.ts'
import { integerProperty, PROPERTY } from '../platform/properties.ts'
import { FieldErrors, field, oneOf, type JsonObject } from '../platform/validation.ts'
import type { Problem, Step } from './common.ts'

export const RETENTION_LIMITS = { min: 1, max: 3650, fallback: 30 }
const SETTING_FIELDS = ['defaultTicketType', 'changeAssignmentGroup', 'incidentAssignmentGroup', 'apiLogRetentionDays']
const SYS_ID = /^[0-9a-f]{32}$/

export interface GroupRef {
    sysId: string
    name: string
    exists: boolean
}

export interface SettingsView {
    defaultTicketType: TicketType
    changeAssignmentGroup: GroupRef | null
    incidentAssignmentGroup: GroupRef | null
    apiLogRetentionDays: number
}

function groupRef(sysId: string): GroupRef | null {
    if (!sysId) return null
    const group = new GlideRecord('sys_user_group')
    if (!group.get(sysId)) return { sysId, name: '', exists: false }
    return { sysId, name: group.getValue('name') || '', exists: true }
}

export function readSettings(): SettingsView {
    return {
        defaultTicketType: defaultTicketType(),
        changeAssignmentGroup: groupRef(gs.getProperty(PROPERTY.changeAssignmentGroup, '') || ''),
        incidentAssignmentGroup: groupRef(gs.getProperty(PROPERTY.incidentAssignmentGroup, '') || ''),
        apiLogRetentionDays: integerProperty(PROPERTY.apiLogRetentionDays, RETENTION_LIMITS.fallback),
    }
}

export function settingsStep(): Step<SettingsView, 'settings'> {
    const settings = readSettings()
    const problems: Problem[] = []
    const groups: Array<[string, GroupRef | null]> = [['change requests', settings.changeAssignmentGroup], ['incidents', settings.incidentAssignmentGroup]]
    for (const [kind, group] of groups) {
        if (group && !group.exists) {
            problems.push({
                code: 'assignment_group_missing',
                message: 'The assignment group for new ' + kind + ' (' + group.sysId + ') no longer exists; tickets are created unassigned.',
                fix: 'Choose an existing group below, or clear the setting.',
            })
        }
    }
    const retention = settings.apiLogRetentionDays
    if (retention < RETENTION_LIMITS.min || retention > RETENTION_LIMITS.max) {
        problems.push({ code: 'retention_out_of_range', message: 'The API log retention (' + retention + ' days) is outside 1-3650 days.', fix: 'Set a retention between 1 and 3650 days below.' })
    }
    return {
        id: 'settings',
        title: 'Ticket settings',
        state: problems.length ? 'attention' : 'complete',
        summary: problems.length
            ? 'A ticket setting needs attention.'
            : 'New tickets are ' + (settings.defaultTicketType === 'change' ? 'change requests' : 'incidents') + ' unless Microsoft 365 names a type; API log rows are kept ' + retention + (retention === 1 ? ' day.' : ' days.'),
        problems,
        details: settings,
    }
}

/** A group given by sys_id or exact name; '' or null clears the setting. */
function groupSetting(errors: FieldErrors, name: string, value: unknown): string | undefined {
    if (value === undefined) return undefined
    if (value === null || value === '') return ''
    if (typeof value !== 'string' || value.length > 100) {
        errors.add(name, 'must be the sys_id or name of a group, or empty')
        return undefined
    }
    const group = new GlideRecord('sys_user_group')
    const key = value.trim()
    if ((SYS_ID.test(key) && group.get(key)) || group.get('name', key)) return group.getUniqueValue()
    errors.add(name, 'no group ' + key + ' exists (sys_user_group)')
    return undefined
}

function retentionSetting(errors: FieldErrors, value: unknown): number | undefined {
    if (value === undefined) return undefined
    const parsed = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? parseInt(value, 10) : NaN
    if (!Number.isInteger(parsed) || parsed < RETENTION_LIMITS.min || parsed > RETENTION_LIMITS.max) {
        errors.add('apiLogRetentionDays', 'must be a whole number of days, 1-3650')
        return undefined
    }
    return parsed
}

/** PUT /settings: changes the fields given (all validated first: nothing is written on a 400). */
export function updateSettings(body: JsonObject): SettingsView {
    const errors = new FieldErrors()
    const given = Object.keys(body)
    for (const name of given) if (SETTING_FIELDS.indexOf(name) < 0) errors.add(name, 'is not a setting (' + SETTING_FIELDS.join(', ') + ')')
    if (!given.length) errors.add('body', 'name at least one of ' + SETTING_FIELDS.join(', '))
    const type = field(body, 'defaultTicketType') === undefined ? undefined : oneOf(errors, 'defaultTicketType', field(body, 'defaultTicketType'), ['change', 'incident'] as const)
    const changeGroup = groupSetting(errors, 'changeAssignmentGroup', field(body, 'changeAssignmentGroup'))
    const incidentGroup = groupSetting(errors, 'incidentAssignmentGroup', field(body, 'incidentAssignmentGroup'))
    const retention = retentionSetting(errors, field(body, 'apiLogRetentionDays'))
    errors.throwIfAny()
    if (type !== undefined) gs.setProperty(PROPERTY.defaultTicketType, type)
    if (changeGroup !== undefined) gs.setProperty(PROPERTY.changeAssignmentGroup, changeGroup)
    if (incidentGroup !== undefined) gs.setProperty(PROPERTY.incidentAssignmentGroup, incidentGroup)
    if (retention !== undefined) gs.setProperty(PROPERTY.apiLogRetentionDays, String(retention))
    return readSettings()
}
