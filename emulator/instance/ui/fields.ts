/**
 * One field on a list or form: who may read and write it, and how it shows.
 *
 *   mayReadField(store, table, field, user)     field read ACLs (security/acl.ts canReadField); password fields never
 *   mayWriteField(store, table, field, user)    field write ACLs (security/acl.ts fieldAclDecision: '<table>.<field>'
 *                                               up the hierarchy, then '*.<field>'); none: writable
 *   isDictionaryReadOnly(store, table, field)   the dictionary's read_only (sys_dictionary rows of the hierarchy,
 *                                               else the SDK definition's readOnly); system fields are read-only
 *   readOnlyOption(store, table, field)         the read only option in effect (strict_read_only, ...)
 *   cellHtml(table, field, value)               a list cell: references by display value, linked to their record;
 *                                               dates as dateTimeHtml
 *   inputHtml(...)                              a form control: choice fields as dropdowns (sys_choice labels through
 *                                               the hierarchy), references by display value with a link and a
 *                                               completion list (when the user may read the referenced table),
 *                                               booleans as checkboxes, long text as text areas,
 *                                               editable dates as the browser's date pickers, read-only dates as
 *                                               dateTimeHtml; read-only when asked; the user's typed text and the
 *                                               field's error when a save was refused
 *   dateTimeHtml(value, type)                   a stored date/time as <time>: the ISO instant on hover (title), the
 *                                               text localized by the page's script (ui/page.ts) to the browser's
 *                                               locale and time zone; without the script, UTC in English
 *   resolveReference(store, table, typed)       the record a typed reference names: its display value, else a unique
 *                                               key (sys_user.user_name), else its sys_id
 *   postedDateTime(type, posted)                a date picker's posted value in the stored format
 * */
import { escapeHtml } from '../http/pages.ts'
import { choiceLabels, displayValueOf } from '../glide/record/display.ts'
import type { SessionUser } from '../glide/session.ts'
import { readPlatformSchema } from '../schema/platform-tables.ts'
import { canReadField, fieldAclDecision } from '../security/acl.ts'
import type { ColumnDef, Row, Store } from '../store/store.ts'

const HIDDEN_TYPES = new Set(['password', 'password2'])
const LONG_TEXT_MIN = 256
/** Stored as UTC 'yyyy-MM-dd HH:mm:ss' (GlideDateTime's internal format). */
const DATE_TIME_TYPES = new Set(['glide_date_time', 'due_date', 'calendar_date_time'])
/** Stored as 'yyyy-MM-dd', no time zone. */
const DATE_TYPES = new Set(['glide_date'])
/** Local choice: the unique keys a reference may be typed as besides the display value (user ID, as users know it). */
const REFERENCE_KEYS: Record<string, string> = { sys_user: 'user_name' }
/** Completion offers at most this many records of the referenced table (a short table gets all of them). */
const COMPLETION_LIMIT = 200
const SYS_ID = /^[0-9a-f]{32}$/

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

export function isDateColumn(column: ColumnDef): boolean {
    return DATE_TIME_TYPES.has(column.type) || DATE_TYPES.has(column.type)
}

/** The ISO form of a stored date ('2026-12-06') or date/time ('2026-12-06T04:29:51Z', UTC); null when unparseable. */
function isoOf(value: string, type: string): string | null {
    const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2})(?::(\d{2}))?)?/.exec(value)
    if (!match) return null
    if (DATE_TYPES.has(type)) return match[1]
    return `${match[1]}T${match[2] ?? '00:00'}:${match[3] ?? '00'}Z`
}

const FALLBACK_DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
const FALLBACK_DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' })

/**
 * A stored date or date/time as a <time>: the ISO value on hover; the text in the viewer's locale and time zone once
 * the page's script (ui/page.ts LOCAL_TIME_SCRIPT) has run; before that (or without scripts) in English, UTC.
 */
export function dateTimeHtml(value: string | null, type = 'glide_date_time'): string {
    if (value === null || value === '') return ''
    const iso = isoOf(value, type)
    if (!iso) return escapeHtml(value)
    const kind = DATE_TYPES.has(type) ? 'date' : 'date-time'
    const text = kind === 'date' ? FALLBACK_DATE.format(new Date(iso)) : `${FALLBACK_DATE_TIME.format(new Date(iso))} UTC`
    return `<time datetime="${escapeHtml(iso)}" title="${escapeHtml(iso)}" data-local="${kind}">${escapeHtml(text)}</time>`
}

/** A date picker's posted value ('2026-12-06T04:29', '2026-12-06T04:29:51', '2026-12-06') in the stored format. */
export function postedDateTime(type: string, posted: string): string {
    const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2})(?::(\d{2}))?)?$/.exec(posted.trim())
    if (!match) return posted
    if (DATE_TYPES.has(type)) return match[1]
    return `${match[1]} ${match[2] ?? '00:00'}:${match[3] ?? '00'}`
}

/** A list cell: the display value; a reference links to the referenced record; a date is dateTimeHtml. */
export function cellHtml(store: Store, table: string, field: string, value: string | null): string {
    const column = store.column(table, field)
    if (column && isDateColumn(column)) return dateTimeHtml(value, column.type)
    const display = displayValueOf(table, field, value)
    if (column?.reference && value && store.hasTable(column.reference)) return `<a class="reference" href="${escapeHtml(recordHref(column.reference, value))}">${escapeHtml(display || value)}</a>`
    return escapeHtml(display)
}

/**
 * The record a reference typed on a form names, as the reference field's auto-complete finds it: the referenced
 * table's display value, else a unique key of the table (local choice: sys_user.user_name, the user ID), else a
 * sys_id. Null when nothing matches or the display value is ambiguous (two records share it).
 */
export function resolveReference(store: Store, table: string, typed: string): string | null {
    const text = typed.trim()
    if (!text || !store.hasTable(table)) return null
    const equals = (field: string) => store.select(table, { blocks: [[[{ field, op: '=', value: text }]]], orderBy: [] }, { limit: 2 })
    const display = store.displayField(table)
    const byDisplay = display ? equals(display) : []
    if (byDisplay.length === 1) return byDisplay[0].sys_id ?? null
    if (byDisplay.length > 1) return null
    const key = REFERENCE_KEYS[table]
    const byKey = key && store.column(table, key) ? equals(key) : []
    if (byKey.length === 1) return byKey[0].sys_id ?? null
    return SYS_ID.test(text) && store.getRow(table, text) ? text : null
}

/** The completion list of a reference field: the referenced records' display values, with their key as the hint. */
function completionHtml(store: Store, id: string, table: string): string {
    const display = store.displayField(table)
    if (!display) return ''
    const key = REFERENCE_KEYS[table]
    const rows = store.select(table, { blocks: [], orderBy: [{ field: display, desc: false }] }, { limit: COMPLETION_LIMIT })
    const options = rows
        .filter((row) => row[display])
        .map((row) => `<option value="${escapeHtml(row[display]!)}"${key && row[key] ? ` label="${escapeHtml(`${row[display]} (${row[key]})`)}"` : ''}></option>`)
    return `<datalist id="${escapeHtml(id)}">${options.join('')}</datalist>`
}

export interface InputOptions {
    table: string
    column: ColumnDef
    value: string | null
    readOnly: boolean
    mandatory: boolean
    /** What the user typed or chose in a save that was refused: shown instead of the stored value. */
    posted?: string
    /** The id of the field's error message, when the field was refused. */
    errorId?: string
    /** Offer the referenced table's records as completion (only when the user may read that table). */
    completion?: boolean
}

function isLongText(column: ColumnDef): boolean {
    return column.type === 'journal_input' || column.type === 'html' || ((column.type === 'string' || column.type === 'translated_text') && (column.maxLength ?? 0) >= LONG_TEXT_MIN)
}

/** The form control of a field, named by the field (the platform posts `<table>.<field>`; the local form posts the field name). */
export function inputHtml(store: Store, options: InputOptions): string {
    const { table, column, value, readOnly, posted } = options
    const idText = `${table}.${column.name}`
    const id = escapeHtml(idText)
    const name = escapeHtml(column.name)
    const aria = `${options.mandatory ? ' aria-required="true"' : ''}${options.errorId ? ` aria-invalid="true" aria-describedby="${escapeHtml(options.errorId)}"` : ''}`
    const choices = choiceLabels(table, column.name)
    if (choices.size > 0) {
        const selected = posted ?? value
        const options_ = [...choices].map(([v, label]) => `<option value="${escapeHtml(v)}"${v === selected ? ' selected' : ''}>${escapeHtml(label)}</option>`)
        if (selected !== null && selected !== '' && !choices.has(selected)) options_.unshift(`<option value="${escapeHtml(selected)}" selected>${escapeHtml(selected)}</option>`)
        if (selected === null || selected === '') options_.unshift('<option value="" selected>-- None --</option>')
        // A disabled select is not posted: the stored value stays, as a read-only field does on the platform.
        return `<select id="${id}" name="${name}"${readOnly ? ' disabled' : ''}${aria}>${options_.join('')}</select>`
    }
    if (column.type === 'boolean') {
        const on = posted !== undefined ? posted === 'true' : value === '1' || value === 'true'
        // Unchecked checkboxes are not posted: the hidden 'false' after it stands for them (the first value posted wins).
        return `<input type="checkbox" id="${id}" name="${name}" value="true"${on ? ' checked' : ''}${readOnly ? ' disabled' : ''}${aria}>${readOnly ? '' : `<input type="hidden" name="${name}" value="false">`}`
    }
    if (column.reference && store.hasTable(column.reference)) {
        const display = displayValueOf(table, column.name, value)
        const link = value ? ` <a class="reference-link" href="${escapeHtml(recordHref(column.reference, value))}" title="Open the ${escapeHtml(store.table(column.reference)?.label ?? column.reference)} record">${escapeHtml(display || value)}</a>` : ''
        if (readOnly) return `<span class="reference"><input type="text" id="${id}" name="${name}" value="${escapeHtml(display)}" readonly${aria} data-reference="${escapeHtml(column.reference)}">${link}</span>`
        const listId = `${idText}_options`
        return `<span class="reference"><input type="text" id="${id}" name="${name}" value="${escapeHtml(posted ?? display)}"${options.completion ? ` list="${escapeHtml(listId)}"` : ''}${aria} data-reference="${escapeHtml(column.reference)}">${link}${options.completion ? completionHtml(store, listId, column.reference) : ''}</span>`
    }
    if (HIDDEN_TYPES.has(column.type)) return `<input type="password" id="${id}" value="" readonly autocomplete="off">`
    if (isDateColumn(column)) {
        // Read-only: the date as text in the viewer's format. Editable: the browser's picker, which shows the
        // viewer's format; a date/time's value is UTC and the page's script moves it to and from local time.
        if (readOnly) return `<span class="readonly-value" id="${id}" data-value="${escapeHtml(value ?? '')}">${dateTimeHtml(value, column.type) || '&nbsp;'}</span>`
        const shown = posted ?? value
        const iso = shown ? isoOf(shown, column.type) : null
        if (DATE_TYPES.has(column.type)) return `<input type="date" id="${id}" name="${name}" value="${escapeHtml(iso ?? '')}"${aria}>`
        const local = iso ? iso.replace(/Z$/, '') : ''
        return `<input type="datetime-local" step="1" id="${id}" name="${name}" value="${escapeHtml(local)}" data-utc="true"${iso ? ` title="${escapeHtml(iso)}"` : ''}${aria}>`
    }
    const text = posted ?? value ?? ''
    if (isLongText(column)) return `<textarea id="${id}" name="${name}" rows="3"${readOnly ? ' readonly' : ''}${aria}>${escapeHtml(text)}</textarea>`
    return `<input type="text" id="${id}" name="${name}" value="${escapeHtml(text)}"${readOnly ? ' readonly' : ''}${aria}>`
}
