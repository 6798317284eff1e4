/**
 * GlideAggregate(table): COUNT / SUM / MIN / MAX / AVG over a query, optionally grouped.
 *
 *   addAggregate(agg, field?)   COUNT with a field groups by that field, as the platform documents
 *                               (ga.addAggregate('COUNT', 'category') → one row per category)
 *   groupBy(field), addQuery / addEncodedQuery / orderBy (inherited), query(), next(),
 *   getAggregate(agg, field?) → string, getValue(groupField), getRowCount() (number of groups)
 */
import type { AggregateSpec } from '../store/store.ts'
import { GlideRecord } from './GlideRecord.ts'
import { writeLog } from './gs.ts'
import { host } from './session.ts'

const FUNCTIONS = ['COUNT', 'SUM', 'MIN', 'MAX', 'AVG'] as const
type AggregateFn = (typeof FUNCTIONS)[number]

function alias(fn: string, field?: string): string {
    return `agg_${fn.toLowerCase()}_${field || 'all'}`
}

export class GlideAggregate extends GlideRecord {
    private _aggregates: AggregateSpec[] = []
    private _groupBy: string[] = []

    addAggregate(agg: string, field?: string): void {
        const fn = agg.toUpperCase() as AggregateFn
        if (!FUNCTIONS.includes(fn)) throw new Error(`GlideAggregate: unsupported aggregate ${agg}`)
        if (fn === 'COUNT' && field) {
            this.groupBy(field)
            this._aggregates.push({ fn, alias: alias(fn, field) })
        } else this._aggregates.push({ fn, field, alias: alias(fn, field) })
    }

    groupBy(field: string): void {
        if (!this._groupBy.includes(field)) this._groupBy.push(field)
    }

    override query(): void {
        this._index = -1
        this._row = null
        const reason = this._invalidReason() ?? this._groupBy.filter((f) => !this._isField(f)).map((f) => `invalid field name '${f}'`).join(', ')
        if (reason) {
            writeLog('warn', `Invalid query detected, returning no rows (glide.invalid_query.returns_no_rows=true) [${this._table}: ${reason}]`)
            this._rows = []
            return
        }
        host().checkTableAccess?.('read', this._table)
        this._rows = host().store.aggregate(this._table, this._query, this._groupBy, this._aggregates)
    }

    getAggregate(agg: string, field?: string): string | null {
        const key = alias(agg.toUpperCase(), field)
        return this._row && key in this._row ? this._row[key] : null
    }
}
