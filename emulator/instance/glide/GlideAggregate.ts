/**
 * GlideAggregate (scoped) over the active runtime's store: database aggregation as the "GlideAggregate - Scoped" API
 * reference (c_GlideAggregateScopedAPI) documents it.
 *
 *   new GlideAggregate(table)
 *   addQuery / addEncodedQuery / addNullQuery / addNotNullQuery     the conditions, exactly as GlideRecord reads them
 *   addAggregate(COUNT | SUM | MIN | MAX | AVG, field?)             COUNT with a field also groups by that field
 *   groupBy(field); orderBy / orderByDesc(field) (also group by it); setGroup(false) ignores the group-by fields
 *   query(); next(); hasNext(); getRowCount() (the number of groups); getTableName()
 *   getAggregate(agg, field?) → string; getValue(group-by field) → string ('' for the empty group), null otherwise
 *
 * The rows are read through a GlideRecord, so invalid conditions, the cross-scope policy and strict mode apply as
 * for GlideRecord; like GlideRecord (and unlike GlideRecordSecure) it checks no ACL. Groups come in ascending order
 * of their group-by values unless orderByDesc names one (the reference's outputs; its getEncodedQuery example shows
 * groupBy adding ORDERBY). Every other method of the SDK's GlideAggregate type, and a field read as a property
 * (`ga.category`), throws 'not emulated by the local instance: GlideAggregate.<name>()'.
 */
import { notEmulated } from '../messages.ts'
import { GlideRecord } from './GlideRecord.ts'
import { platformTypeMethods } from './platform-apis.ts'
import type { GlideQueryCondition } from './record/condition.ts'
import { host } from './session.ts'

type AggregateName = 'COUNT' | 'SUM' | 'MIN' | 'MAX' | 'AVG'

const EMULATED_AGGREGATES: readonly string[] = ['COUNT', 'SUM', 'MIN', 'MAX', 'AVG']
/** Aggregates the reference lists that the local instance does not compute. */
const PLATFORM_AGGREGATES_NOT_EMULATED = ['GROUP_CONCAT', 'GROUP_CONCAT_DISTINCT', 'STDDEV']
/** Dictionary types whose stored value is a number, the only ones the SDK's type says GlideAggregate works on. */
const NUMERIC_TYPES = new Set(['integer', 'longint', 'decimal', 'float', 'numeric'])

/**
 * Methods of the SDK's GlideAggregate type (@servicenow/glide/src/types/GlideAggregate.d.ts): reading one the local
 * instance does not emulate throws (the Proxy asks only for names the class lacks).
 */
const PLATFORM_METHODS = new Set(platformTypeMethods('types/GlideAggregate.d.ts'))

interface Group {
    values: Record<string, string>
    rows: Record<string, string | null>[]
}

function aggregateName(agg: string): AggregateName {
    const name = String(agg).toUpperCase()
    if (PLATFORM_AGGREGATES_NOT_EMULATED.includes(name)) notEmulated(`GlideAggregate aggregate ${name}`)
    if (!EMULATED_AGGREGATES.includes(name)) notEmulated(`GlideAggregate aggregate ${String(agg)}`)
    return name as AggregateName
}

function aggregateKey(agg: AggregateName, field: string | undefined): string {
    return agg + ':' + (field ?? '')
}

/** The aggregate of one group, as a string (getAggregate returns a String). */
function compute(agg: AggregateName, field: string | undefined, rows: Record<string, string | null>[]): string {
    if (agg === 'COUNT') return String(rows.length)
    const numbers = rows.map((row) => row[field!]).filter((value): value is string => value !== null && value !== '').map(Number)
    // Over no values SQL gives NULL; what getAggregate returns then is not documented.
    if (numbers.length === 0) notEmulated(`GlideAggregate.getAggregate('${agg}', '${field}') over no values`)
    if (agg === 'MIN') return String(Math.min(...numbers))
    if (agg === 'MAX') return String(Math.max(...numbers))
    const sum = numbers.reduce((total, value) => total + value, 0)
    // The reference's AVG outputs show four decimals (28.0000, 6.6250).
    return agg === 'SUM' ? String(sum) : (sum / numbers.length).toFixed(4)
}

export class GlideAggregate {
    [name: string]: unknown
    private readonly _source: GlideRecord
    private readonly _aggregates = new Map<string, { agg: AggregateName; field: string | undefined }>()
    private readonly _groupBy: string[] = []
    private readonly _descending = new Set<string>()
    private _group = true
    private _groups: Group[] = []
    private _index = -1

    constructor(private readonly _table: string) {
        this._source = new GlideRecord(_table)
        return new Proxy(this, {
            get(target, prop, receiver) {
                if (typeof prop !== 'string' || prop in target) return Reflect.get(target, prop, receiver)
                if (PLATFORM_METHODS.has(prop)) notEmulated(`GlideAggregate.${prop}()`)
                if (target._source.isValidField(prop)) notEmulated(`GlideAggregate field properties (ga.${prop}); use getValue('${prop}')`)
                return undefined
            },
        })
    }

    getTableName(): string {
        return this._table
    }

    addQuery(field: string, operatorOrValue?: unknown, value?: unknown): GlideQueryCondition {
        return arguments.length > 2 ? this._source.addQuery(field, operatorOrValue, value) : arguments.length === 2 ? this._source.addQuery(field, operatorOrValue) : this._source.addQuery(field)
    }

    addEncodedQuery(query: string): void {
        this._source.addEncodedQuery(query)
    }

    addNullQuery(field: string): GlideQueryCondition {
        return this._source.addNullQuery(field)
    }

    addNotNullQuery(field: string): GlideQueryCondition {
        return this._source.addNotNullQuery(field)
    }

    /** COUNT with a field counts per value of the field (the reference's addQuery and orderBy examples). */
    addAggregate(agg: string, field?: string): void {
        const name = aggregateName(agg)
        if (field !== undefined) this._requireField(field, name !== 'COUNT')
        this._aggregates.set(aggregateKey(name, field), { agg: name, field })
        if (name === 'COUNT' && field !== undefined) this.groupBy(field)
    }

    groupBy(field: string): void {
        this._requireField(field, false)
        if (!this._groupBy.includes(field)) this._groupBy.push(field)
    }

    orderBy(field: string): void {
        this.groupBy(field)
        this._descending.delete(field)
    }

    orderByDesc(field: string): void {
        this.groupBy(field)
        this._descending.add(field)
    }

    setGroup(group: boolean): void {
        this._group = group
    }

    query(): void {
        const fields = [...this._groupBy, ...[...this._aggregates.values()].flatMap(({ field }) => (field ? [field] : []))]
        const groupBy = this._group ? this._groupBy : []
        const groups = new Map<string, Group>()
        this._source.query()
        while (this._source.next()) {
            const row = Object.fromEntries(fields.map((field) => [field, this._source.getValue(field)]))
            const values = Object.fromEntries(groupBy.map((field) => [field, row[field] ?? '']))
            const key = JSON.stringify(groupBy.map((field) => values[field]))
            if (!groups.has(key)) groups.set(key, { values, rows: [] })
            groups.get(key)!.rows.push(row)
        }
        // Without group-by fields the aggregate is one row, also over no rows (COUNT 0), as an SQL aggregate is.
        if (groupBy.length === 0 && groups.size === 0) groups.set('', { values: {}, rows: [] })
        this._groups = [...groups.values()].sort((a, b) => {
            for (const field of groupBy) {
                const order = a.values[field].toLowerCase().localeCompare(b.values[field].toLowerCase())
                if (order !== 0) return this._descending.has(field) ? -order : order
            }
            return 0
        })
        this._index = -1
    }

    next(): boolean {
        if (this._index + 1 >= this._groups.length) {
            this._index = this._groups.length
            return false
        }
        this._index++
        return true
    }

    hasNext(): boolean {
        return this._index + 1 < this._groups.length
    }

    getRowCount(): number {
        return this._groups.length
    }

    getAggregate(agg: string, field?: string): string {
        const name = aggregateName(agg)
        const group = this._groups[this._index]
        if (!group) notEmulated('GlideAggregate.getAggregate() without a current row (call query() and next() first)')
        if (!this._aggregates.has(aggregateKey(name, field))) notEmulated(`GlideAggregate.getAggregate('${name}'${field ? `, '${field}'` : ''}) of an aggregate not added with addAggregate`)
        return compute(name, field, group.rows)
    }

    /** A group-by field's value in the current group ('' for the empty group); null for any other field. */
    getValue(field: string): string | null {
        const group = this._groups[this._index]
        if (!group || !(field in group.values)) return null
        return group.values[field]
    }

    private _requireField(field: string, numeric: boolean): void {
        const column = host().store.column(this._table, field)
        if (!column) notEmulated(`GlideAggregate on the field ${field}, which ${this._table} does not have`)
        if (numeric && !NUMERIC_TYPES.has(column.type)) notEmulated(`GlideAggregate SUM / MIN / MAX / AVG on the ${column.type} field ${field}`)
    }
}
