/**
 * Query compilation: a Query (store/query.ts) on a table → SQL over the table's hierarchy, with the
 * platform's rules for invalid conditions and dot-walking.
 *
 *   invalidConditions(schema, table, query) → string[]   why conditions are invalid (unknown field, bad term)
 *   dropInvalid(schema, table, query) → Query             the query without them, as the platform runs it
 *   compileWhere(ctx, table, query) → { sql, params }     ' WHERE …' ('' when every row matches)
 *   compileOrder(ctx, table, orderBy) → SQL               ' ORDER BY …' ('' without ordering)
 *
 * A field may be dot-walked through reference columns ('caller_id.user_name'): it compiles to a scalar
 * subquery on the referenced table, so an empty reference reads as an empty value (as the platform's outer
 * join does). ORDER BY on an unknown field is ignored ("the instance ignores the invalid part", Table API GET
 * sysparm_query), in every mode: a sort cannot widen a query (local choice for strict and returns_no_rows).
 * Rows that tie keep the order they were written in: every ORDER BY ends with the SQLite rowid (local choice;
 * the platform does not document the order of ties, e.g. rows written in the same second).
 * Columns are qualified with the table's SQL name so subqueries can refer to the outer row.
 */
import { notEmulated, QUERY_MESSAGES } from '../messages.ts'
import type { Condition, OrderBy, Query } from './query.ts'
import type { SchemaRegistry } from './schema.ts'
import { OPERATOR_SQL, type Operand, orderExpression } from './sql-operators.ts'

export interface CompileContext {
    schema: SchemaRegistry
    /** The quoted SQL table holding a table's rows (its hierarchy's root), created when first needed. */
    sqlTable(table: string): string
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Quoted identifiers, kept: an insert quotes every column of the row (~120 on the task hierarchy) each time. */
const quoted = new Map<string, string>()

export function quoteIdent(ident: string): string {
    let result = quoted.get(ident)
    if (result === undefined) {
        if (!IDENT.test(ident)) throw new Error(`Invalid identifier: ${ident}`)
        result = `"${ident}"`
        quoted.set(ident, result)
    }
    return result
}

function conditionProblem(schema: SchemaRegistry, table: string, c: Condition): string | null {
    if (c.invalid) return c.invalid
    return schema.resolveField(table, c.field) ? null : QUERY_MESSAGES.unknownField.text(c.field, table)
}

export function invalidConditions(schema: SchemaRegistry, table: string, query: Query): string[] {
    const problems = new Set<string>()
    for (const block of query.blocks) for (const term of block) for (const c of term) {
        const problem = conditionProblem(schema, table, c)
        if (problem) problems.add(problem)
    }
    return [...problems]
}

/** Drops invalid conditions (a term left empty is dropped whole) and ORDER BY on unknown fields. */
export function dropInvalid(schema: SchemaRegistry, table: string, query: Query): Query {
    return {
        blocks: query.blocks.map((block) => block.map((term) => term.filter((c) => !conditionProblem(schema, table, c))).filter((term) => term.length > 0)),
        orderBy: query.orderBy.filter((o) => schema.resolveField(table, o.field)),
    }
}

/** The SQL expression of a (possibly dot-walked) field of the row `outer`; aliases r1, r2… per statement. */
function operand(ctx: CompileContext, table: string, path: string, outer: string, aliases: { next: number }): Operand {
    const resolved = ctx.schema.resolveField(table, path)
    if (!resolved) throw new Error(`Unknown field ${path} in table ${table}`)
    const build = (hop: number, holder: string): string => {
        if (hop === resolved.hops.length) return `${holder}.${quoteIdent(resolved.column.name)}`
        const { column, table: target } = resolved.hops[hop]
        const alias = `r${aliases.next++}`
        return `(SELECT ${build(hop + 1, alias)} FROM ${ctx.sqlTable(target)} AS ${alias} WHERE ${alias}."sys_id" = ${holder}.${quoteIdent(column.name)})`
    }
    return { sql: build(0, outer), type: resolved.column.type, classesOf: (t) => (ctx.schema.hasTable(t) ? ctx.schema.hierarchy(t) : [t]) }
}

function conditionSql(ctx: CompileContext, table: string, c: Condition, outer: string, aliases: { next: number }, params: unknown[]): string {
    const field = operand(ctx, table, c.field, outer, aliases)
    // "is a" is documented for the class; on other fields (e.g. a reference's class) the local instance refuses.
    if (c.op === 'INSTANCEOF' && field.type !== 'sys_class_name') notEmulated(`INSTANCEOF on ${table}.${c.field}, which is not a class field`)
    return OPERATOR_SQL[c.op](field, c.value, params)
}

/**
 * WHERE clause for the table's rows (its class and extensions) matching the query, which must hold valid
 * conditions only (see dropInvalid). An OR of blocks; a block with no terms matches every row.
 */
export function compileWhere(ctx: CompileContext, table: string, query: Query): { sql: string; params: unknown[] } {
    const info = ctx.schema.table(table)
    if (!info) throw new Error(`Unknown table: ${table}`)
    const outer = ctx.sqlTable(table)
    const params: unknown[] = []
    const parts: string[] = []
    if (info.root !== table) {
        // Literals, not parameters: the partial indexes of a class (WHERE sys_class_name IN (...)) are then chosen
        // once, at prepare time; with a bound class SQLite re-prepares the statement on every run (it checks the
        // bound value against each partial index), which costs more than the query on the task hierarchy's columns.
        const classes = ctx.schema.hierarchy(table)
        parts.push(`${outer}."sys_class_name" IN (${classes.map((c) => `'${c.replace(/'/g, "''")}'`).join(', ')})`)
    }
    const aliases = { next: 1 }
    const blocks = query.blocks.filter((b) => b.length > 0)
    if (blocks.length && blocks.length === query.blocks.length) {
        const sqlBlocks = blocks.map((block) =>
            block.map((term) => `(${term.map((c) => conditionSql(ctx, table, c, outer, aliases, params)).join(' OR ')})`).join(' AND '),
        )
        parts.push(sqlBlocks.length === 1 ? sqlBlocks[0] : `(${sqlBlocks.map((b) => `(${b})`).join(' OR ')})`)
    }
    return { sql: parts.length ? ` WHERE ${parts.join(' AND ')}` : '', params }
}

export function compileOrder(ctx: CompileContext, table: string, orderBy: OrderBy[]): string {
    const known = orderBy.filter((o) => ctx.schema.resolveField(table, o.field))
    if (!known.length) return ''
    const outer = ctx.sqlTable(table)
    const aliases = { next: 1 }
    const parts = known.map((o) => `${orderExpression(operand(ctx, table, o.field, outer, aliases))} ${o.desc ? 'DESC' : 'ASC'}`)
    // Rows that tie (e.g. written in the same second: stored times have the platform's second resolution) keep
    // the order they were written in, so a sort is stable from one query to the next.
    parts.push(`${outer}.rowid`)
    return ` ORDER BY ${parts.join(', ')}`
}
