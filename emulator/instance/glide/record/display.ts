/**
 * Display values: what getDisplayValue shows for a stored value.
 *
 *   displayValueOf(table, field, value) → text   booleans 'true' / 'false', references the referenced record's
 *                                                display column, choices their label, anything else the value
 *   choiceLabels(table, field) → Map<value, label>   sys_choice of the table, else of its nearest ancestor
 *   referenceByDisplay(table, display) → sys_id | null   the record whose display column equals the text
 *
 * Reads are cached per store version of the tables read, as the platform's display and choice caches are.
 */
import { choiceRows } from '../../store/lookups.ts'
import { booleanText } from '../../util/booleans.ts'
import { host } from '../session.ts'

export function choiceLabels(table: string, field: string): Map<string, string> {
    const h = host()
    const key = `choices:${table}.${field}`
    const version = h.store.version('sys_choice')
    const cached = h.cache.get(key) as { version: number; map: Map<string, string> } | undefined
    if (cached?.version === version) return cached.map
    let map = new Map<string, string>()
    for (const t of h.store.ancestors(table)) {
        const rows = choiceRows(h.store, t, field)
        if (rows.length) {
            map = new Map(rows.map((r) => [r.value, r.label ?? r.value]))
            break
        }
    }
    h.cache.set(key, { version, map })
    return map
}

/**
 * The display value of the record `sysId` in `table` (its display column), '' when there is none.
 * Cached per table version: a list of tickets naming the same group reads that group once.
 */
function referenceDisplay(table: string, sysId: string): string {
    const h = host()
    if (!h.store.hasTable(table)) return sysId
    const key = `reference-display:${table}`
    const version = h.store.version(table)
    let cached = h.cache.get(key) as { version: number; map: Map<string, string> } | undefined
    if (cached?.version !== version) {
        cached = { version, map: new Map() }
        h.cache.set(key, cached)
    }
    let display = cached.map.get(sysId)
    if (display === undefined) {
        const field = h.store.displayField(table)
        const row = h.store.getRow(table, sysId)
        display = row && field ? displayValueOf(table, field, row[field] ?? null) : ''
        cached.map.set(sysId, display)
    }
    return display
}

export function displayValueOf(table: string, field: string, value: string | null): string {
    if (value === null) return ''
    const col = host().store.column(table, field)
    if (!col) return value
    if (col.type === 'boolean') return booleanText(value)
    if (col.reference) return referenceDisplay(col.reference, value)
    return choiceLabels(table, field).get(value) ?? value
}

export function referenceByDisplay(table: string, display: string): string | null {
    const store = host().store
    const field = store.hasTable(table) ? store.displayField(table) : undefined
    if (!field) return null
    return store.select(table, { blocks: [[[{ field, op: '=', value: display }]]], orderBy: [] }, { limit: 1 })[0]?.sys_id ?? null
}
