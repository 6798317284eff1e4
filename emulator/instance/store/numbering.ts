/**
 * Record numbers from sys_number ("Record numbering"): the nearest sys_number record up the table's
 * hierarchy gives the prefix, the next number and the digits, so extensions share their parent's counter.
 *
 *   new Numbering(store)
 *   next(table) → 'CHG0010001' | null      null when no table up the hierarchy is numbered
 *   forget()                               drops the table → counter cache (after sys_number changes)
 */
import type { Store } from './store.ts'

export class Numbering {
    /** Table → the sys_id of the sys_number record it draws from (null: none). */
    private readonly counters = new Map<string, string | null>()

    constructor(private readonly store: Store) {}

    forget(): void {
        this.counters.clear()
    }

    next(table: string): string | null {
        const counter = this.counterOf(table)
        if (!counter) return null
        const r = this.store.get<{ prefix: string | null; n: number; digits: string | null }>(
            `UPDATE ${this.store.sqlTable('sys_number')} SET number = CAST(number AS INTEGER) + 1 WHERE sys_id = ? RETURNING prefix, CAST(number AS INTEGER) - 1 AS n, maximum_digits AS digits`,
            [counter],
        )!
        return `${r.prefix ?? ''}${String(r.n).padStart(Number(r.digits ?? 7), '0')}`
    }

    private counterOf(table: string): string | null {
        let id = this.counters.get(table)
        if (id === undefined) {
            id = null
            if (this.store.hasTable('sys_number')) {
                for (const t of this.store.ancestors(table)) {
                    const rec = this.store.get<{ sys_id: string }>(`SELECT sys_id FROM ${this.store.sqlTable('sys_number')} WHERE category = ?`, [t])
                    if (rec) {
                        id = rec.sys_id
                        break
                    }
                }
            }
            this.counters.set(table, id)
        }
        return id
    }
}
