/**
 * Forms, /<table>.do ("Navigate to a record or module using a URL"), and saving them.
 *
 *   renderForm(ctx, user, table, params, token) → RenderedPage | { redirect }
 *       sys_id=<id>             the record (shown in its own class's form when it is an extension)
 *       sys_id=-1               a new record: the dictionary defaults, then the '=' conditions of sysparm_query
 *                               ("Form (with sys_id=-1 specified): Applies the values to the new record")
 *       sysparm_query=<query>   without sys_id: the first record matching the query
 *   renderForm(..., refused)    the form again after a refused save: the user's input kept, each refused field
 *                               marked with its error
 *   saveForm(ctx, user, table, fields) → { sysId, messages, refused? }
 *       fields as posted: sys_id (-1 for new), sysparm_action (sysverb_update / sysverb_insert), one entry per field
 *
 * The title is the table's label; the subtitle the record's display value. Sections and fields come from the form
 * layout (ui/layouts.ts): '.begin_split' / '.split' / '.end_split' make two columns; 'list' elements are related
 * lists (12M.<parent>.<child>.<field>: the child's rows whose field references this record, columns from the
 * child's list layout for this parent, in the child's default list order, layouts.ts defaultListOrder); the activity.xml formatter is the activity stream and journal fields are
 * text areas whose saved text becomes a journal entry (ui/activity.ts); other formatters and journal_list fields
 * are refused as not emulated.
 * Fields the user may not read are not shown; a field is read-only when the user may not write the record or the
 * field, or the dictionary says read_only. Mandatory fields carry the marker. UI actions of the table and its
 * parents (form buttons, show_update / show_insert) show when their condition, run with `current` through the
 * script host, is true; a client action runs its script in the page with g_form.getValue and g_navigation.open.
 *
 * Fields the platform's form checks before it posts (a reference that names no record, a mandatory field left
 * empty) refuse the save as a whole: nothing is written and the form comes back with everything the user typed,
 * the refused fields marked (the platform's form keeps the input, marks the field and does not submit). A
 * reference may be typed as the referenced record's display value or its unique key (ui/fields.ts
 * resolveReference), with completion from a datalist. The resolution information of incidents and changes is
 * mandatory when they are resolved or closed (store/close-info-policy.ts). Text areas post CRLF line endings
 * (HTML's form encoding); they are stored as LF, so an untouched field is no change.
 *
 * Saving goes through GlideRecordSecure as the user: record ACLs, business rules (a before rule's
 * setAbortAction and gs.addErrorMessage come back as the form's messages), numbering on insert. Only fields on
 * the form that the user may write are taken, and only when they changed. A read-only field's posted value is
 * taken as the dictionary's read only option allows: strict_read_only never, instance_configured as the property
 * glide.read_only.legacy_read_only_behavior says (default client_script_modifiable: a client script may change it),
 * display_read_only and client_script_modifiable yes ("Configuring read-only security options").
 */
import { escapeHtml } from '../http/pages.ts'
import { GlideRecordSecure } from '../glide/GlideRecord.ts'
import { displayValueOf } from '../glide/record/display.ts'
import { asUser, type InstanceContext, isTrue, type RequestUser } from '../http/context.ts'
import { notEmulated } from '../messages.ts'
import { parseEncodedQuery } from '../store/query.ts'
import type { ColumnDef, Store } from '../store/store.ts'
import { ACTIVITY_FORMATTER, activityHtml, journalFieldHtml } from './activity.ts'
import { closeInfoPolicy, mandatoryCloseFields } from '../store/close-info-policy.ts'
import { inputHtml, isDateColumn, isDictionaryReadOnly, mayReadField, mayWriteField, postedDateTime, readOnlyOption, recordHref, resolveReference } from './fields.ts'
import { defaultListOrder, formLayout, listColumns, type FormSection, type LayoutElement } from './layouts.ts'
import { listCellHtml, type RenderedPage, refuseListParams, securityRefusal } from './list.ts'
import { UI_MESSAGES } from '../messages.ts'
import type { FlashMessages } from './page.ts'

const RELATED_ROWS = 20
const JOURNAL_TYPES = new Set(['journal', 'journal_input', 'journal_list'])
const HIDDEN_TYPES = new Set(['password', 'password2'])
const NEW_RECORD = '-1'

type SessionUser = { sysId: string; userName: string }

/** The record a form shows: a GlideRecordSecure positioned on it, or a new one with its defaults. */
interface FormRecord {
    gr: GlideRecordSecure
    table: string
    isNew: boolean
}

/** A refused save: what the user posted, and the error of each refused field. */
export interface RefusedSave {
    posted: Record<string, string>
    fieldErrors: Record<string, string>
}

/** What the fields of one rendering show beyond the record: a refused save's input, the policy's mandatory fields. */
interface FormState {
    refused: RefusedSave | null
    /** Fields the close-info policy makes mandatory in the state shown. */
    closeMandatory: Set<string>
    /** Fields the close-info policy governs (their marker shows or hides with the state). */
    closeFields: Set<string>
}

/** The plain fields a layout shows (no splits, lists, formatters or dot-walks). */
function layoutFields(sections: FormSection[]): string[] {
    return sections.flatMap((s) => s.elements.filter((e) => e.type === '' && !e.element.includes('.')).map((e) => e.element))
}

// --- reading ---

function findRecord(table: string, params: Record<string, string>): FormRecord | null {
    const gr = new GlideRecordSecure(table)
    const sysId = params.sys_id
    if (sysId === NEW_RECORD || (sysId === undefined && params.sysparm_query === undefined)) {
        gr.newRecord()
        // Only plain '=' conditions set values on a new record; anything else in the query is not a value.
        const query = parseEncodedQuery(params.sysparm_query ?? '')
        for (const term of query.blocks[0] ?? []) {
            const [condition] = term
            if (term.length === 1 && condition.op === '=' && typeof condition.value === 'string' && gr.isValidField(condition.field)) gr.setValue(condition.field, condition.value)
        }
        return { gr, table, isNew: true }
    }
    if (sysId !== undefined) {
        if (!gr.get(sysId)) return null
    } else {
        gr.addEncodedQuery(params.sysparm_query ?? '')
        gr.setLimit(1)
        gr.query()
        if (!gr.next()) return null
    }
    const recordClass = gr.getRecordClassName()
    if (recordClass === table) return { gr, table, isNew: false }
    const own = new GlideRecordSecure(recordClass)
    return own.get(gr.getUniqueValue()) ? { gr: own, table: recordClass, isNew: false } : null
}

function fieldHtml(ctx: InstanceContext, record: FormRecord, user: SessionUser, element: LayoutElement, recordWritable: boolean, state: FormState): string {
    const store = ctx.runtime.store
    const { gr, table } = record
    const name = element.element
    if (name.includes('.')) {
        // A dot-walked field shows the referenced record's value, read-only.
        const resolved = store.schema.resolveField(table, name)
        if (!resolved) return ''
        // Every step must be readable: the reference fields walked through and the field shown.
        const steps = [{ table, field: resolved.hops[0]?.column.name ?? resolved.column.name }, ...resolved.hops.map((hop, i) => ({ table: hop.table, field: resolved.hops[i + 1]?.column.name ?? resolved.column.name }))]
        if (!steps.every((step) => mayReadField(store, step.table, step.field, user))) return ''
        let current: GlideRecordSecure | null = gr
        for (const hop of resolved.hops) {
            const next: GlideRecordSecure = new GlideRecordSecure(hop.table)
            const value: string | null = current.getValue(hop.column.name)
            current = value && next.get(value) ? next : null
            if (!current) break
        }
        const value = current ? current.getDisplayValue(resolved.column.name) : ''
        return `<div class="field"><label>${escapeHtml(resolved.column.label ?? name)}</label><input type="text" id="${escapeHtml(`${table}.${name}`)}" value="${escapeHtml(value)}" readonly></div>`
    }
    const column = store.column(table, name)
    if (!column || !mayReadField(store, table, name, user)) return ''
    const label = escapeHtml(column.label ?? name)
    const id = escapeHtml(`${table}.${name}`)
    const readOnly = !recordWritable || isDictionaryReadOnly(store, table, name) || !mayWriteField(store, table, name, user)
    const posted = readOnly ? undefined : state.refused?.posted[name]
    const error = state.refused?.fieldErrors[name]
    const errorId = error ? `${table}.${name}_error` : undefined
    const errorHtml = error ? `<p class="field-error" id="${escapeHtml(errorId!)}" role="alert">${escapeHtml(error)}</p>` : ''
    if (column.type === 'journal' || column.type === 'journal_input') return journalFieldHtml(table, column, readOnly, posted)
    if (JOURNAL_TYPES.has(column.type)) return `<div class="field"><label>${label}</label><span class="refused">${escapeHtml(`not emulated by the local instance: journal field ${name}`)}</span></div>`
    const mandatory = !!column.mandatory || state.closeMandatory.has(name)
    // A field the close-info policy governs keeps its marker in the page, shown or hidden as the State changes.
    const marker = mandatory || state.closeFields.has(name) ? `<span class="mandatory" title="Mandatory" aria-label="Mandatory"${mandatory ? '' : ' hidden'}>*</span>` : ''
    const completion = !!column.reference && store.hasTable(column.reference) && ctx.runtime.canAccess('read', column.reference)
    const control = inputHtml(store, { table, column, value: gr.getValue(name), readOnly, mandatory, posted, errorId, completion })
    return `<div class="field${readOnly ? ' readonly' : ''}${error ? ' invalid' : ''}" data-field="${escapeHtml(name)}"><label for="${id}">${marker}${label}</label>${control}${errorHtml}</div>`
}

/** Related list: '12M.<parent>.<child>.<field>' (or '<child>.<field>'): the child's rows referencing this record. */
function relatedListHtml(ctx: InstanceContext, record: FormRecord, user: SessionUser, element: string): string {
    const store = ctx.runtime.store
    const parts = element.split('.')
    const [child, field] = parts[0] === '12M' && parts.length === 4 ? [parts[2], parts[3]] : parts.length === 2 ? [parts[0], parts[1]] : []
    if (!child || !field || !store.hasTable(child) || !store.column(child, field)) {
        return `<div class="card related"><p class="refused">${escapeHtml(`not emulated by the local instance: related list ${element}`)}</p></div>`
    }
    const label = store.table(child)?.label ?? child
    if (!ctx.runtime.canAccess('read', child)) return ''
    const columns = listColumns(store, child, record.table).filter((f) => store.column(child, f) && mayReadField(store, child, f, user))
    const sysId = record.gr.getUniqueValue()
    const filter = `${field}=${sysId}`
    const rows: string[] = []
    let total = 0
    if (!record.isNew) {
        const related = new GlideRecordSecure(child)
        related.addQuery(field, sysId)
        // A related list is a list: the table's default sort (a system preference, else Order, Number, Name, display).
        const order = defaultListOrder(store, child)
        if (order?.desc) related.orderByDesc(order.field)
        else if (order) related.orderBy(order.field)
        related.setLimit(RELATED_ROWS)
        related.query()
        total = store.count(child, parseEncodedQuery(filter))
        while (related.next()) {
            const recordClass = related.getRecordClassName()
            const cells = columns.map((f, i) => {
                // As a list's cell: long values cut, and no reference link inside the first column's record link.
                const cell = listCellHtml(store, child, f, related.getValue(f), i === 0)
                return `<td>${i === 0 ? `<a href="${escapeHtml(recordHref(recordClass, related.getUniqueValue()))}">${cell || '(empty)'}</a>` : cell}</td>`
            })
            rows.push(`<tr>${cells.join('')}</tr>`)
        }
    }
    const empty = rows.length === 0 ? `<tr><td colspan="${columns.length || 1}">${escapeHtml(UI_MESSAGES.noRecords.text)}</td></tr>` : ''
    const viewAll = total > 0 ? ` <a href="${escapeHtml(`/${child}_list.do?${new URLSearchParams({ sysparm_query: filter })}`)}">View all ${total}</a>` : ''
    return `<div class="card related" data-related="${escapeHtml(child)}.${escapeHtml(field)}"><h3>${escapeHtml(label)} <span class="count">(${total})</span>${viewAll}</h3>
<div class="table-scroll"><table class="list"><thead><tr>${columns.map((f) => `<th scope="col">${escapeHtml(store.column(child, f)?.label ?? f)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}${empty}</tbody></table></div></div>`
}

function sectionHtml(ctx: InstanceContext, record: FormRecord, user: SessionUser, section: FormSection, recordWritable: boolean, index: number, state: FormState): { fields: string; related: string[] } {
    // Two columns between .begin_split and .end_split (.split moves to the right one); full width elsewhere.
    const blocks: string[] = []
    const related: string[] = []
    let left: string[] | null = null
    let right: string[] | null = null
    let inRight = false
    for (const element of section.elements) {
        if (element.type === '.begin_split') {
            left = []
            right = []
            inRight = false
            continue
        }
        if (element.type === '.split') {
            inRight = true
            continue
        }
        if (element.type === '.end_split') {
            if (left && right) blocks.push(`<div class="columns"><div class="column">${left.join('')}</div><div class="column">${right.join('')}</div></div>`)
            left = right = null
            continue
        }
        let html: string
        if (element.type === 'list') {
            related.push(relatedListHtml(ctx, record, user, element.element))
            continue
        } else if (element.type === 'formatter' && element.element === ACTIVITY_FORMATTER) {
            // A section captioned (e.g. "Activity") already heads the stream: it gets no heading of its own.
            html = record.isNew ? '' : activityHtml(ctx.runtime.store, record.table, record.gr.getUniqueValue(), layoutFields(formLayout(ctx.runtime.store, record.table)), user, !section.caption)
        } else if (element.type === 'formatter') html = `<p class="refused">${escapeHtml(`not emulated by the local instance: formatter ${element.element}`)}</p>`
        else if (element.type !== '') html = `<p class="refused">${escapeHtml(`not emulated by the local instance: form element type ${element.type}`)}</p>`
        else html = fieldHtml(ctx, record, user, element, recordWritable, state)
        if (left && right) (inRight ? right : left).push(html)
        else blocks.push(html)
    }
    if (left && right) blocks.push(`<div class="columns"><div class="column">${left.join('')}</div><div class="column">${right.join('')}</div></div>`)
    const caption = section.caption ? `<h2>${escapeHtml(section.caption)}</h2>` : ''
    const body = blocks.join('\n')
    return { fields: body.trim() ? `<section class="card section" id="section_${index}">${caption}${body}</section>` : '', related }
}

interface UiAction {
    name: string
    actionName: string
    client: boolean
    onclick: string
    script: string
    hint: string
}

function formActions(ctx: InstanceContext, record: FormRecord): UiAction[] {
    const store = ctx.runtime.store
    const tables = new Set([...store.ancestors(record.table), 'global'])
    return store
        .select('sys_ui_action', { blocks: [], orderBy: [] })
        .filter((a) => tables.has(a.table ?? '') && isTrue(a.active) && isTrue(a.form_button) && (record.isNew ? isTrue(a.show_insert) : isTrue(a.show_update)))
        .sort((a, b) => Number(a.order ?? 0) - Number(b.order ?? 0))
        .filter((a) => !a.condition || !!ctx.scripts.runScript(`return (${a.condition});`, { current: record.gr }, `sys_ui_action condition: ${a.name ?? a.sys_id}`))
        .map((a) => ({ name: a.name ?? '', actionName: a.action_name ?? '', client: isTrue(a.client), onclick: a.onclick ?? '', script: a.script ?? '', hint: a.hint ?? '' }))
}

/** What a client UI action's script may use in this page: g_form.getValue and g_navigation.open, nothing more. */
function clientScripts(table: string, actions: UiAction[]): string {
    const client = actions.filter((a) => a.client && a.script)
    if (client.length === 0) return ''
    const scripts = client.map((a) => a.script).join('\n;\n')
    const refuse = "function (name) { return function () { throw new Error('not emulated by the local instance: ' + name); }; }"
    const shim = `var g_form = { getTableName: function () { return ${JSON.stringify(table)}; },
  getValue: function (field) { var el = document.getElementById(${JSON.stringify(table + '.')} + field); if (!el) return ''; return 'value' in el ? String(el.value) : el.getAttribute('data-value') || ''; } };
var g_navigation = { open: function (url, target) { window.open(url, target || '_self', target === '_blank' ? 'noopener' : ''); } };
(function (refuse) { ['setValue', 'addInfoMessage', 'addErrorMessage', 'submit', 'save'].forEach(function (m) { g_form[m] = refuse('g_form.' + m + '()'); }); })(${refuse});`
    return `<script>\n${`${shim}\n${scripts}`.replace(/<\//g, '<\\/')}\n</script>`
}

function actionButton(action: UiAction): string {
    const title = action.hint ? ` title="${escapeHtml(action.hint)}"` : ''
    const id = escapeHtml(action.actionName || action.name)
    if (action.client) return `<button type="button" id="${id}" class="ui-action" onclick="${escapeHtml(action.onclick)}"${title}>${escapeHtml(action.name)}</button>`
    return `<button type="submit" id="${id}" class="ui-action" name="sysparm_action" value="${escapeHtml(action.actionName)}"${title}>${escapeHtml(action.name)}</button>`
}

/**
 * The close-info policy in the page: its fields' mandatory markers follow the State the user picks, as a UI policy
 * does on the platform's form; the save checks it again (saveForm).
 */
function closeInfoScript(store: Store, table: string, fields: Set<string>): string {
    const policy = closeInfoPolicy(store, table)
    if (!policy || fields.size === 0) return ''
    const ids = [...fields].map((f) => `${table}.${f}`)
    const script = `(function () {
  var state = document.getElementById(${JSON.stringify(`${table}.state`)});
  if (!state) return;
  var states = ${JSON.stringify(policy.states)}, ids = ${JSON.stringify(ids)};
  state.addEventListener('change', function () {
    var on = states.indexOf(state.value) >= 0;
    ids.forEach(function (id) {
      var input = document.getElementById(id);
      var marker = input && input.closest('.field').querySelector('.mandatory');
      if (marker) marker.hidden = !on;
      if (input) { if (on) input.setAttribute('aria-required', 'true'); else input.removeAttribute('aria-required'); }
    });
  });
})();`
    return `<script>\n${script.replace(/<\//g, '<\\/')}\n</script>`
}

export function renderForm(ctx: InstanceContext, user: RequestUser, table: string, params: Record<string, string>, token: string, refused: RefusedSave | null = null): RenderedPage {
    const store = ctx.runtime.store
    refuseListParams(params)
    return asUser(ctx, user, () => {
        if (!ctx.runtime.canAccess('read', table)) return securityRefusal()
        const record = findRecord(table, params)
        if (!record) return { status: 404, title: UI_MESSAGES.recordNotFound.text, content: `<div class="card"><h1 class="title">${escapeHtml(store.table(table)?.label ?? table)}</h1><p class="error" role="alert" id="record_not_found">${escapeHtml(UI_MESSAGES.recordNotFound.text)}</p></div>` }
        if (record.isNew && !ctx.runtime.canAccess('create', table)) return securityRefusal()
        const sessionUser = { sysId: user.sysId, userName: user.userName }
        const sysId = record.gr.getUniqueValue()
        const writable = record.isNew || ctx.runtime.canAccess('write', record.table, { sys_id: sysId })
        const label = store.table(record.table)?.label ?? record.table
        const shownState = refused?.posted.state ?? record.gr.getValue('state')
        const closeFields = new Set(closeInfoPolicy(store, record.table)?.fields.filter((f) => store.column(record.table, f)) ?? [])
        const state: FormState = { refused, closeMandatory: new Set(mandatoryCloseFields(store, record.table, shownState)), closeFields }
        const sections = formLayout(store, record.table).map((section, i) => sectionHtml(ctx, record, sessionUser, section, writable, i, state))
        const actions = formActions(ctx, record)
        const display = record.isNew ? '' : record.gr.getDisplayValue()
        const save = writable ? `<button type="submit" class="primary" id="${record.isNew ? 'sysverb_insert' : 'sysverb_update'}" name="sysparm_action" value="${record.isNew ? 'sysverb_insert' : 'sysverb_update'}">${record.isNew ? 'Submit' : 'Update'}</button>` : ''
        const content = `<form method="post" action="/${escapeHtml(record.table)}.do" id="${escapeHtml(record.table)}.do" autocomplete="off">
<input type="hidden" name="sysparm_ck" value="${escapeHtml(token)}">
<input type="hidden" name="sys_id" value="${escapeHtml(record.isNew ? NEW_RECORD : sysId)}">
<div class="card form-header"><div><h1 class="title" id="form_title">${escapeHtml(label)}</h1><p class="subtitle" id="form_subtitle">${escapeHtml(record.isNew ? 'New record' : display)}</p></div>
<div class="buttons">${actions.map(actionButton).join('')}${save}</div></div>
${sections.map((s) => s.fields).join('\n')}
</form>
${sections.flatMap((s) => s.related).join('\n')}
${clientScripts(record.table, actions)}
${writable ? closeInfoScript(store, record.table, closeFields) : ''}`
        return { status: 200, title: `${label}${display ? ' ' + display : ''}`, content }
    })
}

// --- saving ---

export interface SaveOutcome {
    /** The record to show next: the saved one, or the form posted from (its sys_id, -1 for a refused insert). */
    table: string
    sysId: string
    messages: FlashMessages
    /** Set when the form refused the save before writing: the form is shown again with the user's input. */
    refused?: RefusedSave
}

/** What the user changed in one field: a value to set, or nothing; a reference naming no record is refused. */
type Submitted = { value: string | null } | { refused: string } | null

function submittedValue(store: Store, table: string, gr: GlideRecordSecure, column: ColumnDef, posted: string): Submitted {
    const current = gr.getValue(column.name)
    if (column.reference && store.hasTable(column.reference)) {
        if (posted === displayValueOf(table, column.name, current)) return null
        if (posted.trim() === '') return current === null ? null : { value: null }
        const sysId = resolveReference(store, column.reference, posted)
        if (!sysId) return { refused: UI_MESSAGES.invalidReference.text(column.label ?? column.name, posted) }
        return sysId === current ? null : { value: sysId }
    }
    if (column.type === 'boolean') {
        const value = posted === 'true' ? '1' : '0'
        return value === (current === 'true' ? '1' : current === 'false' ? '0' : current) ? null : { value }
    }
    const text = isDateColumn(column) ? postedDateTime(column.type, posted) : posted
    const value = text === '' ? null : text
    return value === (current === '' ? null : current) ? null : { value }
}

/** Takes the posted fields the user may write into the record; a refused field's error goes to fieldErrors. */
function applyPosted(ctx: InstanceContext, record: FormRecord, user: SessionUser, fields: Record<string, string>, fieldErrors: Record<string, string>): string[] {
    const messages: string[] = []
    const store = ctx.runtime.store
    for (const name of layoutFields(formLayout(store, record.table))) {
        if (!(name in fields) || name.startsWith('sys_')) continue
        const column = store.column(record.table, name)
        if (!column || HIDDEN_TYPES.has(column.type) || column.type === 'journal_list') continue
        if (!mayReadField(store, record.table, name, user) || !mayWriteField(store, record.table, name, user)) continue
        if (JOURNAL_TYPES.has(column.type)) {
            // A journal field's text is a new entry; an empty one adds nothing.
            if (fields[name].trim()) record.gr.setValue(name, fields[name])
            continue
        }
        if (isDictionaryReadOnly(store, record.table, name) && readOnlyOption(store, record.table, name) === 'strict_read_only') continue
        const change = submittedValue(store, record.table, record.gr, column, fields[name])
        if (!change) continue
        if ('refused' in change) {
            fieldErrors[name] = change.refused
            messages.push(change.refused)
        } else record.gr.setValue(name, change.value)
    }
    return messages
}

/** The close-info policy's fields left empty in the state the save would write: each one refused. */
function checkCloseInfo(store: Store, record: FormRecord, fieldErrors: Record<string, string>): string | null {
    const state = record.gr.getValue('state')
    const missing = mandatoryCloseFields(store, record.table, state).filter((f) => !(f in fieldErrors) && !(record.gr.getValue(f) ?? '').trim())
    if (missing.length === 0) return null
    const labels = missing.map((f) => store.column(record.table, f)?.label ?? f)
    const stateLabel = record.gr.getDisplayValue('state')
    for (const field of missing) fieldErrors[field] = UI_MESSAGES.mandatoryWhen.text(stateLabel)
    return UI_MESSAGES.mandatoryNotFilled.text(labels)
}

/** Text areas post CRLF (HTML's form encoding): the record keeps LF, so an untouched field posts no change. */
function normalizeLineEndings(fields: Record<string, string>): Record<string, string> {
    return Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, value.replace(/\r\n?/g, '\n')]))
}

export function saveForm(ctx: InstanceContext, user: RequestUser, table: string, posted: Record<string, string>): SaveOutcome {
    const action = posted.sysparm_action ?? ''
    if (action !== 'sysverb_update' && action !== 'sysverb_insert') notEmulated(`the server-side UI action ${action || '(none)'}`)
    const session = ctx.runtime.session
    const fields = normalizeLineEndings(posted)
    return asUser(ctx, user, () => {
        const store = ctx.runtime.store
        const sessionUser = { sysId: user.sysId, userName: user.userName }
        const isNew = (fields.sys_id ?? NEW_RECORD) === NEW_RECORD
        const record = findRecord(table, isNew ? { sys_id: NEW_RECORD } : { sys_id: fields.sys_id })
        if (!record) return { table, sysId: fields.sys_id ?? NEW_RECORD, messages: { info: [], error: [UI_MESSAGES.recordNotFound.text] } }
        const sysId = record.isNew ? NEW_RECORD : record.gr.getUniqueValue()
        // The checks the platform's form makes before it posts: a refusal writes nothing and keeps the input.
        const fieldErrors: Record<string, string> = {}
        const error = applyPosted(ctx, record, sessionUser, fields, fieldErrors)
        const mandatory = checkCloseInfo(store, record, fieldErrors)
        if (mandatory) error.push(mandatory)
        if (error.length > 0) {
            return { table: record.table, sysId, messages: { info: [], error }, refused: { posted: fields, fieldErrors } }
        }
        // Messages the write adds (ACL refusals, business rules' gs.add*Message) belong to this form.
        const firstError = session.errorMessages.length
        const firstInfo = session.infoMessages.length
        const savedId = record.isNew ? record.gr.insert() : record.gr.update()
        const errors = session.errorMessages.splice(firstError)
        const info = session.infoMessages.splice(firstInfo)
        if (savedId && !record.isNew && errors.length === 0) info.unshift(UI_MESSAGES.recordUpdated.text)
        return { table: record.table, sysId: savedId ?? sysId, messages: { error: errors, info } }
    })
}
