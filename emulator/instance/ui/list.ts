/**
 * Lists, /<table>_list.do ("Navigate to a record or module using a URL"; "Configure and use list functions").
 *
 *   renderList(ctx, user, table, params) → { status, title, content }
 *
 *   sysparm_query            the encoded query (as the Table API's: the store parses, compiles and handles invalid
 *                            conditions: dropped with a warning, or thrown when strict); its ORDERBY / ORDERBYDESC sort
 *   sysparm_order / sysparm_order_direction=desc   the documented sort parameters (added after the query's ORDERBY);
 *                            without any sort, the table's default list order (layouts.ts defaultListOrder)
 *   sysparm_first_row        the first row shown, 1-based; 20 rows per page (the documented default)
 *   sysparm_view             only the default view; another is refused as not emulated
 * Columns: the list layout (ui/layouts.ts), less fields the user may not read. Each column header sorts by it
 * (ascending, or descending when already ascending). The breadcrumb shows each condition with a link that keeps
 * the conditions up to it; the row count is the query's ("Rows 1 - 20 of 143"). Read ACLs apply per page after
 * the query (KB0718678): a row the user may not read is removed and counted in the platform's message.
 * A user who may not read the table gets "Security constraints prevent access to requested page".
 * A cell whose text is longer than CELL_TEXT_LIMIT shows its beginning and "…", the whole text on hover (local
 * choice), so one long value does not stretch the list; a cell with long unbroken text (a GUID, a URL) may break it
 * anywhere, the others break only between words.
 *
 *   listCellHtml(store, table, field, value, opensRecord)   one cell, as lists show it (related lists may use it too)
 *   seedPlatformListLayouts(store)   the out-of-box default list layouts (sys_ui_list) of the platform tables the
 *                                    local UI lists, inserted once: System Properties and Manage Tokens
 */
import { escapeHtml } from '../http/pages.ts'
import { GlideRecord } from '../glide/GlideRecord.ts'
import { displayValueOf } from '../glide/record/display.ts'
import { asUser, type InstanceContext, type RequestUser } from '../http/context.ts'
import { notEmulated, UI_MESSAGES } from '../messages.ts'
import { sessionRoles } from '../security/roles.ts'
import { encodeQuery, parseEncodedQuery, type Condition, type Query } from '../store/query.ts'
import type { Store } from '../store/store.ts'
import { stableSysId } from '../schema/baseline.ts'
import { cellHtml, dateTimeHtml, isDateColumn, mayReadField, recordHref } from './fields.ts'
import { defaultListOrder, listColumns } from './layouts.ts'

export const ROWS_PER_PAGE = 20
/** Characters a list cell shows of a longer text before "…" (local choice). */
export const CELL_TEXT_LIMIT = 100
/**
 * A cell text with a run of more characters than this without a space (a GUID, a URL) is marked `unbroken`, which
 * page.ts lets break anywhere; other cells keep their words whole, so a narrow column never splits "Connected".
 */
const UNBROKEN_RUN = /\S{21}/

/**
 * Default list layouts the platform ships for its own tables, which the SDK's baseline lacks:
 * - sys_properties (System Properties, `sys_properties.list`): Name, Value, Type, Description: the property's value
 *   and type show in the list ("System Properties Introduction", finite-partners.com); the order and Description:
 *   local choice;
 * - oauth_credential (System OAuth > Manage Tokens): User, Client (`peer`, the oauth_entity the token was issued to),
 *   Type and Expires ("Manage OAuth tokens": Type and Expires are the table's important columns; User and the
 *   client: KB0791140 and the script include OauthRevokeTokenAjax, which revokes by peer and user); the order: local
 *   choice.
 */
const PLATFORM_LIST_LAYOUTS: Record<string, string[]> = {
    sys_properties: ['name', 'value', 'type', 'description'],
    oauth_credential: ['user', 'peer', 'type', 'expires'],
}

/** Inserts each layout once, with stable sys_ids; a layout an administrator has since changed is left as it is. */
export function seedPlatformListLayouts(store: Store): void {
    if (!store.hasTable('sys_ui_list') || !store.hasTable('sys_ui_list_element')) return
    for (const [table, fields] of Object.entries(PLATFORM_LIST_LAYOUTS)) {
        const listId = stableSysId(`sys_ui_list:${table}:default`)
        if (!store.hasTable(table) || store.getRow('sys_ui_list', listId)) continue
        store.transaction(() => {
            store.insert('sys_ui_list', { sys_id: listId, name: table, view: 'Default view' }, 'system')
            fields.forEach((element, position) => store.insert('sys_ui_list_element', { sys_id: stableSysId(`sys_ui_list_element:${table}:${element}`), list_id: listId, element, position: String(position) }, 'system'))
        })
    }
}

export interface RenderedPage {
    status: number
    title: string
    content: string
}

/** Parameters of the list pages beyond these are ignored, as the platform ignores unknown ones. */
export function refuseListParams(params: Record<string, string>): void {
    if (params.sysparm_view && params.sysparm_view !== 'default') notEmulated(`list and form views (sysparm_view=${params.sysparm_view})`)
    for (const name of ['sysparm_groupby', 'sysparm_force_row_count', 'sysparm_filter_only']) if (name in params) notEmulated(`the list parameter ${name}`)
}

const OPERATOR_TEXT: Record<string, string> = {
    '=': '=',
    '!=': '!=',
    '<': '<',
    '<=': '<=',
    '>': '>',
    '>=': '>=',
    LIKE: 'contains',
    'NOT LIKE': 'does not contain',
    STARTSWITH: 'starts with',
    ENDSWITH: 'ends with',
    IN: 'is one of',
    'NOT IN': 'is not one of',
    ISEMPTY: 'is empty',
    ISNOTEMPTY: 'is not empty',
    ANYTHING: 'is anything',
    INSTANCEOF: 'is a',
}

function fieldLabel(store: Store, table: string, path: string): string {
    const resolved = store.schema.resolveField(table, path)
    if (!resolved) return path
    return [...resolved.hops.map((h) => h.column.label ?? h.column.name), resolved.column.label ?? resolved.column.name].join('.')
}

/** A condition as the breadcrumb shows it: field label, operator, display values (dates as fields.ts dateTimeHtml). */
function conditionHtml(store: Store, table: string, condition: Condition): string {
    const operator = OPERATOR_TEXT[condition.op] ?? condition.op
    const label = escapeHtml(fieldLabel(store, table, condition.field))
    if (condition.value === null) return `${label} ${escapeHtml(operator)}`
    const values = Array.isArray(condition.value) ? condition.value : [condition.value]
    const column = condition.field.includes('.') ? undefined : store.column(table, condition.field)
    const shown = values.map((v) => (!column ? escapeHtml(v) : isDateColumn(column) ? dateTimeHtml(v, column.type) : escapeHtml(displayValueOf(table, condition.field, v) || v))).join(', ')
    return `${label} ${escapeHtml(operator)} ${shown}`
}

function listHref(table: string, query: string, extra: Record<string, string> = {}): string {
    const params = new URLSearchParams({ ...(query ? { sysparm_query: query } : {}), ...extra })
    const text = params.toString()
    return `/${table}_list.do${text ? '?' + text : ''}`
}

/** "All > State = New > Priority = 1 - Critical": each part links to the list filtered up to it. */
function breadcrumb(store: Store, table: string, query: Query): string {
    const crumbs = [`<a href="${escapeHtml(listHref(table, ''))}">All</a>`]
    if (query.blocks.length === 1) {
        const terms = query.blocks[0]
        terms.forEach((term, i) => {
            const upTo = encodeQuery({ blocks: [terms.slice(0, i + 1)], orderBy: [] })
            const html = term.map((c) => conditionHtml(store, table, c)).join(' or ')
            crumbs.push(`<span class="sep">&gt;</span><a href="${escapeHtml(listHref(table, upTo))}">${html}</a>`)
        })
    } else {
        const html = query.blocks.map((block) => block.map((term) => term.map((c) => conditionHtml(store, table, c)).join(' or ')).join(' and ')).join(' — or — ')
        crumbs.push(`<span class="sep">&gt;</span><a href="${escapeHtml(listHref(table, encodeQuery({ blocks: query.blocks, orderBy: [] })))}">${html}</a>`)
    }
    return `<div class="breadcrumb" id="breadcrumb" aria-label="Filter">${crumbs.join('')}</div>`
}

/**
 * What a column header sorts by: the field, or for a reference column the referenced record's display column
 * (local choice: GlideRecord refuses orderBy on the reference itself, whose order the docs leave open).
 */
function sortField(store: Store, table: string, field: string): string {
    const reference = store.column(table, field)?.reference
    if (!reference || !store.hasTable(reference)) return field
    return `${field}.${store.displayField(reference) ?? 'sys_id'}`
}

function sortHref(table: string, query: Query, field: string): string {
    const current = query.orderBy[0]
    const desc = current?.field === field && !current.desc
    const sorted: Query = { blocks: query.blocks, orderBy: [{ field, desc }] }
    return listHref(table, encodeQuery(sorted))
}

function pager(table: string, encoded: string, firstRow: number, total: number): string {
    const lastRow = Math.min(total, firstRow + ROWS_PER_PAGE - 1)
    const at = (row: number) => listHref(table, encoded, { sysparm_first_row: String(row) })
    const links: string[] = []
    if (firstRow > 1) {
        links.push(`<a id="first_page" href="${escapeHtml(at(1))}" aria-label="First page">«</a>`)
        links.push(`<a id="previous_page" href="${escapeHtml(at(Math.max(1, firstRow - ROWS_PER_PAGE)))}" aria-label="Previous page">‹</a>`)
    }
    const range = total === 0 ? '0' : `${firstRow} - ${lastRow}`
    links.push(`<span id="row_range">Rows ${range} of <span id="row_count">${total}</span></span>`)
    if (lastRow < total) {
        links.push(`<a id="next_page" href="${escapeHtml(at(firstRow + ROWS_PER_PAGE))}" aria-label="Next page">›</a>`)
        links.push(`<a id="last_page" href="${escapeHtml(at(Math.floor((total - 1) / ROWS_PER_PAGE) * ROWS_PER_PAGE + 1))}" aria-label="Last page">»</a>`)
    }
    return `<div class="pager">${links.join('')}</div>`
}

/**
 * One cell of a list. Text longer than CELL_TEXT_LIMIT is cut, with the whole text on hover (a reference keeps its
 * link); else fields.ts cellHtml shows it. The first column opens the row's record, so a reference there shows its
 * display value without a link of its own (a link cannot hold another).
 */
export function listCellHtml(store: Store, table: string, field: string, value: string | null, opensRecord: boolean): string {
    const display = displayValueOf(table, field, value)
    const html = cellContentHtml(store, table, field, value, display, opensRecord)
    return UNBROKEN_RUN.test(display.slice(0, CELL_TEXT_LIMIT)) ? `<span class="unbroken">${html}</span>` : html
}

function cellContentHtml(store: Store, table: string, field: string, value: string | null, display: string, opensRecord: boolean): string {
    const reference = store.column(table, field)?.reference
    const linked = !!reference && !!value && store.hasTable(reference) && !opensRecord
    if (display.length > CELL_TEXT_LIMIT) {
        const cut = `${escapeHtml(display.slice(0, CELL_TEXT_LIMIT))}…`
        return linked ? `<a class="reference truncated" href="${escapeHtml(recordHref(reference, value))}" title="${escapeHtml(display)}">${cut}</a>` : `<span class="truncated" title="${escapeHtml(display)}">${cut}</span>`
    }
    if (opensRecord && reference) return escapeHtml(display || value || '')
    return cellHtml(store, table, field, value)
}

export function securityRefusal(): RenderedPage {
    return { status: 403, title: 'Security constraints', content: `<div class="card"><p class="error" role="alert" id="security_constraints">${escapeHtml(UI_MESSAGES.securityConstraints.text)}</p></div>` }
}

export function renderList(ctx: InstanceContext, user: RequestUser, table: string, params: Record<string, string>): RenderedPage {
    const store = ctx.runtime.store
    refuseListParams(params)
    return asUser(ctx, user, () => {
        if (!ctx.runtime.canAccess('read', table)) return securityRefusal()
        const sessionUser = { sysId: user.sysId, userName: user.userName }
        const query = parseEncodedQuery(params.sysparm_query ?? '')
        if (params.sysparm_order) query.orderBy.push({ field: params.sysparm_order, desc: params.sysparm_order_direction === 'desc' })
        const encoded = encodeQuery(query)
        const firstRow = Math.max(1, Math.trunc(Number(params.sysparm_first_row)) || 1)
        const columns = listColumns(store, table).filter((field) => store.column(table, field) && mayReadField(store, table, field, sessionUser))

        // The page of rows the query yields; ACLs then remove the rows the user may not read (KB0718678).
        const page = new GlideRecord(table)
        page.addEncodedQuery(encoded)
        // Unsorted, a list shows the table's default order (layouts.ts defaultListOrder).
        const defaultOrder = query.orderBy.length === 0 ? defaultListOrder(store, table) : null
        if (defaultOrder?.desc) page.orderByDesc(defaultOrder.field)
        else if (defaultOrder) page.orderBy(defaultOrder.field)
        page.chooseWindow(firstRow - 1, firstRow - 1 + ROWS_PER_PAGE)
        page.query()
        const total = store.count(table, query)
        const rows: string[] = []
        let removed = 0
        while (page.next()) {
            const sysId = page.getUniqueValue()
            if (!ctx.runtime.canAccess('read', table, { sys_id: sysId })) {
                removed++
                continue
            }
            const recordClass = page.getRecordClassName()
            const cells = columns.map((field, i) => {
                const cell = listCellHtml(store, table, field, page.getValue(field), i === 0)
                // The first column opens the record, in its own class's form.
                return `<td>${i === 0 ? `<a class="linked formlink" href="${escapeHtml(recordHref(recordClass, sysId))}">${cell || escapeHtml('(empty)')}</a>` : cell}</td>`
            })
            rows.push(`<tr data-sys-id="${escapeHtml(sysId)}">${cells.join('')}</tr>`)
        }

        const label = store.table(table)?.label ?? table
        const headers = columns.map((field) => {
            const sort = sortField(store, table, field)
            const sortedBy = query.orderBy[0]?.field === sort ? (query.orderBy[0].desc ? ' sorted desc' : ' sorted') : ''
            const name = store.column(table, field)?.label ?? field
            return `<th scope="col"><a class="column-sort${sortedBy}" href="${escapeHtml(sortHref(table, query, sort))}" data-field="${escapeHtml(field)}">${escapeHtml(name)}</a></th>`
        })
        const empty = rows.length === 0 ? `<tr><td colspan="${columns.length || 1}" class="empty">${escapeHtml(UI_MESSAGES.noRecords.text)}</td></tr>` : ''
        const removedNote = removed > 0 ? `<p class="refused" id="rows_removed">${escapeHtml(UI_MESSAGES.rowsRemoved.text(removed))}</p>` : ''
        const canCreate = ctx.runtime.canAccess('create', table)
        // "By default, a user with no roles cannot see the breadcrumbs or filter" ("Filters and breadcrumbs").
        const hasAnyRole = sessionRoles(store, user.sysId).size > 0
        const content = `<div class="card list">
<div class="list-header"><h1 class="title" id="list_title">${escapeHtml(label)}</h1><span class="count">${total} ${total === 1 ? 'record' : 'records'}</span>
<span class="actions">${canCreate ? `<a class="button primary" id="sysverb_new" href="${escapeHtml(`/${table}.do?sys_id=-1`)}">New</a>` : ''}</span></div>
${hasAnyRole ? breadcrumb(store, table, query) : ''}
<div class="table-scroll"><table class="list" id="${escapeHtml(table)}_table"><thead><tr>${headers.join('')}</tr></thead>
<tbody>${rows.join('\n')}${empty}</tbody></table></div>
${removedNote}
<div class="list-footer">${pager(table, encoded, firstRow, total)}</div>
</div>`
        return { status: 200, title: label, content }
    })
}
