/**
 * One field on a list or form: who may read and write it, and how it shows.
 *
 *   mayReadField(store, table, field, user)     field read ACLs (security/acl.ts canReadField); password fields never
 *   mayWriteField(store, table, field, user)    field write ACLs (security/acl.ts fieldAclDecision: '<table>.<field>'
 *                                               up the hierarchy, then '*.<field>'); none: writable
 *   isDictionaryReadOnly(store, table, field)   the dictionary's read_only (sys_dictionary rows of the hierarchy,
 *                                               else the SDK definition's readOnly); system fields are read-only
 *   readOnlyOption(store, table, field)         the read only option in effect (strict_read_only, ...)
 *   cellHtml(table, field, value)               a list cell: references by display value, linked to their record
 *   inputHtml(...)                              a form control: choice fields as dropdowns (sys_choice labels through
 *                                               the hierarchy), references by display value with a link, booleans
 *                                               as checkboxes, long text as text areas; read-only when asked
 * */
import { escapeHtml } from '../http/pages.ts'
import { choiceLabels, displayValueOf } from '../glide/record/display.ts'
import type { SessionUser } from '../glide/session.ts'
import { readPlatformSchema } from '../schema/platform-tables.ts'
import { canReadField, fieldAclDecision } from '../security/acl.ts'
import type { ColumnDef, Row, Store } from '../store/store.ts'

const HIDDEN_TYPES = new Set(['password', 'password2'])
const LONG_TEXT_MIN = 256

export function mayReadField(store: Store, table: string, field: string, user: SessionUser): boolean {
    const column = store.column(table, field)
    if (!column || HIDDEN_TYPES.has(column.type)) return false
    return canReadField(store, table, field, user)
}

export function mayWriteField(store: Store, table: string, field: string, user: SessionUser): boolean {
    return fieldAclDecision(store, table, field, 'write', user) ?? true
}

function platformReadOnly(table: string, field: string): boolean | undefined {
    const definition = readPlatformSchema().tables.find((t) => t.name === table)
    return definition?.columns.find((c) => c.name === field)?.readOnly
}

/** The table of the hierarchy that defines the field, and its sys_dictionary row when the instance has one. */
function definition(store: Store, table: string, field: string): { table: string; entry: Row | undefined } | null {
    const owner = store.ancestors(table).find((name) => store.table(name)?.own.has(field))
    if (!owner) return null
    const entry = store.hasTable('sys_dictionary')
        ? store.select('sys_dictionary', { blocks: [[[{ field: 'name', op: '=', value: owner }], [{ field: 'element', op: '=', value: field }]]], orderBy: [] }, { limit: 1 })[0]
        : undefined
    return { table: owner, entry }
}

export function isDictionaryReadOnly(store: Store, table: string, field: string): boolean {
    if (field.startsWith('sys_')) return true
    const found = definition(store, table, field)
    if (!found) return false
    if (found.entry) return found.entry.read_only === '1' || found.entry.read_only === 'true'
    return platformReadOnly(found.table, field) ?? false
}

/**
 * The read only option in effect ("Configuring read-only security options"): the dictionary's, and for
 * instance_configured (the default) the property glide.read_only.legacy_read_only_behavior, default
 * client_script_modifiable.
 */
export function readOnlyOption(store: Store, table: string, field: string): string {
    const option = definition(store, table, field)?.entry?.read_only_option || 'instance_configured'
    if (option !== 'instance_configured') return option
    const property = store.select('sys_properties', { blocks: [[[{ field: 'name', op: '=', value: 'glide.read_only.legacy_read_only_behavior' }]]], orderBy: [] }, { limit: 1 })[0]
    return property?.value || 'client_script_modifiable'
}

export function recordHref(table: string, sysId: string): string {
    return `/${table}.do?sys_id=${encodeURIComponent(sysId)}`
}

/** A list cell: the display value; a reference links to the referenced record. */
export function cellHtml(store: Store, table: string, field: string, value: string | null): string {
    const column = store.column(table, field)
    const display = displayValueOf(table, field, value)
    if (column?.reference && value && store.hasTable(column.reference)) return `<a class="reference" href="${escapeHtml(recordHref(column.reference, value))}">${escapeHtml(display || value)}</a>`
    return escapeHtml(display)
}

export interface InputOptions {
    table: string
    column: ColumnDef
    value: string | null
    readOnly: boolean
    mandatory: boolean
}

function isLongText(column: ColumnDef): boolean {
    return column.type === 'journal_input' || column.type === 'html' || ((column.type === 'string' || column.type === 'translated_text') && (column.maxLength ?? 0) >= LONG_TEXT_MIN)
}

/** The form control of a field, named by the field (the platform posts `<table>.<field>`; the local form posts the field name). */
export function inputHtml(store: Store, options: InputOptions): string {
    const { table, column, value, readOnly } = options
    const id = escapeHtml(`${table}.${column.name}`)
    const name = escapeHtml(column.name)
    const aria = `${options.mandatory ? ' aria-required="true"' : ''}`
    const choices = choiceLabels(table, column.name)
    if (choices.size > 0) {
        const options_ = [...choices].map(([v, label]) => `<option value="${escapeHtml(v)}"${v === value ? ' selected' : ''}>${escapeHtml(label)}</option>`)
        if (value !== null && value !== '' && !choices.has(value)) options_.unshift(`<option value="${escapeHtml(value)}" selected>${escapeHtml(value)}</option>`)
        if (value === null || value === '') options_.unshift('<option value="" selected>-- None --</option>')
        // A disabled select is not posted: the stored value stays, as a read-only field does on the platform.
        return `<select id="${id}" name="${name}"${readOnly ? ' disabled' : ''}${aria}>${options_.join('')}</select>`
    }
    if (column.type === 'boolean') {
        const checked = value === '1' || value === 'true' ? ' checked' : ''
        // Unchecked checkboxes are not posted: the hidden 'false' after it stands for them (the first value posted wins).
        return `<input type="checkbox" id="${id}" name="${name}" value="true"${checked}${readOnly ? ' disabled' : ''}${aria}>${readOnly ? '' : `<input type="hidden" name="${name}" value="false">`}`
    }
    if (column.reference && store.hasTable(column.reference)) {
        const display = displayValueOf(table, column.name, value)
        const link = value ? ` <a class="reference-link" href="${escapeHtml(recordHref(column.reference, value))}" title="Open the ${escapeHtml(store.table(column.reference)?.label ?? column.reference)} record">${escapeHtml(display || value)}</a>` : ''
        return `<span class="reference"><input type="text" id="${id}" name="${name}" value="${escapeHtml(display)}"${readOnly ? ' readonly' : ''}${aria} data-reference="${escapeHtml(column.reference)}">${link}</span>`
    }
    if (HIDDEN_TYPES.has(column.type)) return `<input type="password" id="${id}" value="" readonly autocomplete="off">`
    if (isLongText(column)) return `<textarea id="${id}" name="${name}" rows="3"${readOnly ? ' readonly' : ''}${aria}>${escapeHtml(value ?? '')}</textarea>`
    return `<input type="text" id="${id}" name="${name}" value="${escapeHtml(value ?? '')}"${readOnly ? ' readonly' : ''}${aria}>`
}
