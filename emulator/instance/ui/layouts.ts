/**
 * List and form layouts as the platform stores them, read from the instance's records.
 *
 *   listColumns(store, table, parent?) → field names    the default view's sys_ui_list of the table (for a related
 *       list: the one whose parent is the form's table, else the plain one), searched up the table's hierarchy;
 *       without one, the table's defaults: its display field and a few of number, short_description, state,
 *       priority, name, sys_updated_on that it has
 *   formLayout(store, table) → FormSection[]    sys_ui_form (default view) → sys_ui_form_section → sys_ui_section →
 *       sys_ui_element, in position order; without a sys_ui_form, the table's default-view sys_ui_section rows;
 *       searched up the hierarchy; without any, one section of every non-system column
 *
 *   defaultListOrder(store, table) → { field, desc } | null    the order a list of the table shows when nothing
 *       else sorts it ("Controlling the sort sequence used to display lists"): the system preferences
 *       <table>.db.order / <table>.db.order.direction (sys_user_preference, System checked), else the table's Order
 *       field, else Number, else Name, else its display field, ascending unless the direction preference says desc;
 *       task and its extensions skip Order for Number, the page's exception for the task table.
 *       Not emulated: per-user preferences (the local instance has none) and the isOrder dictionary attribute.
 *
 * A section's elements keep the platform's types: a field, '.begin_split' / '.split' / '.end_split' (two
 * columns), 'list' (a related list, e.g. '12M.<parent>.<child>.<field>'), 'formatter' (e.g. activity.xml).
 * Only the default view is emulated (views are refused by the pages, not here).
 */
import type { Row, Store } from '../store/store.ts'

export interface LayoutElement {
    element: string
    /** '' for a field; '.begin_split', '.split', '.end_split', 'list', 'formatter', ... as stored. */
    type: string
}

export interface FormSection {
    caption: string
    elements: LayoutElement[]
}

const DEFAULT_FIELDS = ['number', 'short_description', 'state', 'priority', 'name', 'sys_updated_on']

/**
 * The default view as records name it: unset, 'Default view' (its title, as the SDK writes the reference), or a
 * sys_ui_view row whose name is empty or 'default'.
 */
function isDefaultView(store: Store, view: string | null): boolean {
    if (!view || view === 'Default view' || view === 'default') return true
    const row = store.hasTable('sys_ui_view') ? store.getRow('sys_ui_view', view) : undefined
    return !!row && (!row.name || row.name === 'default' || row.name === 'Default view')
}

function rowsWhere(store: Store, table: string, field: string, value: string): Row[] {
    if (!store.hasTable(table)) return []
    return store.select(table, { blocks: [[[{ field, op: '=', value }]]], orderBy: [] })
}

const byPosition = (a: Row, b: Row): number => Number(a.position ?? 0) - Number(b.position ?? 0)

function defaultColumns(store: Store, table: string): string[] {
    const columns = store.columns(table)
    const display = store.displayField(table)
    const fields = [...(display ? [display] : []), ...DEFAULT_FIELDS.filter((f) => columns.has(f))]
    return [...new Set(fields)]
}

const ORDER_FIELDS = ['order', 'number', 'name']

function systemPreference(store: Store, name: string): string | null {
    if (!store.hasTable('sys_user_preference')) return null
    const rows = store.select('sys_user_preference', { blocks: [[[{ field: 'name', op: '=', value: name }], [{ field: 'system', op: '=', value: '1' }]]], orderBy: [] }, { limit: 1 })
    return rows[0]?.value || null
}

export function defaultListOrder(store: Store, table: string): { field: string; desc: boolean } | null {
    const columns = store.columns(table)
    const preferred = systemPreference(store, `${table}.db.order`)
    // "The task table is an exception": task and its extensions use Number without a preference (task has Order too).
    const candidates = store.isA(table, 'task') ? ['number'] : ORDER_FIELDS
    const field = (preferred && columns.has(preferred) ? preferred : undefined) ?? candidates.find((f) => columns.has(f)) ?? store.displayField(table)
    if (!field) return null
    return { field, desc: (systemPreference(store, `${table}.db.order.direction`) ?? '').toLowerCase() === 'desc' }
}

export function listColumns(store: Store, table: string, parent?: string): string[] {
    for (const candidate of store.ancestors(table)) {
        const lists = rowsWhere(store, 'sys_ui_list', 'name', candidate).filter((l) => !l.sys_user && !l.element && isDefaultView(store, l.view))
        const list = (parent ? lists.find((l) => l.parent === parent) : undefined) ?? lists.find((l) => !l.parent)
        if (!list) continue
        const elements = rowsWhere(store, 'sys_ui_list_element', 'list_id', list.sys_id!).sort(byPosition)
        const fields = elements.map((e) => e.element ?? '').filter((f) => f !== '')
        if (fields.length) return fields
    }
    return defaultColumns(store, table)
}

function sectionElements(store: Store, sectionSysId: string): LayoutElement[] {
    return rowsWhere(store, 'sys_ui_element', 'sys_ui_section', sectionSysId)
        .filter((e) => !e.sys_user)
        .sort(byPosition)
        .map((e) => ({ element: e.element ?? '', type: e.type ?? '' }))
        .filter((e) => e.element !== '' || e.type !== '')
}

function sectionOf(store: Store, row: Row): FormSection {
    return { caption: row.caption ?? '', elements: sectionElements(store, row.sys_id!) }
}

function storedLayout(store: Store, table: string): FormSection[] | null {
    const form = rowsWhere(store, 'sys_ui_form', 'name', table).find((f) => !f.sys_user && isDefaultView(store, f.view))
    if (form) {
        const sections = rowsWhere(store, 'sys_ui_form_section', 'sys_ui_form', form.sys_id!)
            .sort(byPosition)
            .map((link) => (link.sys_ui_section ? store.getRow('sys_ui_section', link.sys_ui_section) : undefined))
            .filter((row): row is Row => !!row)
        if (sections.length) return sections.map((row) => sectionOf(store, row))
    }
    // Without a form record, the table's default-view sections: the unnamed (main) section first.
    const sections = rowsWhere(store, 'sys_ui_section', 'name', table).filter((s) => !s.sys_user && isDefaultView(store, s.view))
    if (sections.length === 0) return null
    return sections.sort((a, b) => (a.caption ? 1 : 0) - (b.caption ? 1 : 0)).map((row) => sectionOf(store, row))
}

export function formLayout(store: Store, table: string): FormSection[] {
    for (const candidate of store.ancestors(table)) {
        const layout = storedLayout(store, candidate)
        if (layout) return layout
    }
    const fields = [...store.columns(table).keys()].filter((f) => !f.startsWith('sys_'))
    return [{ caption: '', elements: fields.map((element) => ({ element, type: '' })) }]
}
