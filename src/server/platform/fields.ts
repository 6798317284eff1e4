// Platform guard: the fields a destructive query filters on must exist before it runs.
//
// By default the platform drops a query condition on an unknown field and runs the rest
// (glide.invalid_query.returns_no_rows is false), so a misspelt or missing field would widen a
// delete or update to every row of the table. Every query that deletes or updates records either
// targets rows by sys_id or checks its fields with this first.
import type { GlideRecord } from '@servicenow/glide'

/** Throws, naming the table and the fields, unless every field exists on the record's table. */
export function requireFields(record: GlideRecord, fields: string[]): void {
    const missing = fields.filter((name) => !record.isValidField(name))
    if (missing.length) throw new Error('Refusing to change ' + record.getTableName() + ' rows: unknown field(s) ' + missing.join(', '))
}
