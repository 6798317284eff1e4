/**
 * One SQL function per emulated query operator, to be read line by line against ServiceNow's
 * "Operators available for filters and queries" and KB0715430 ("How Filters and Report Criteria Handle null
 * Values"). Each takes the field's SQL expression and type, the condition's value and the statement's
 * parameter list (values are always bound, never spliced), and returns a SQL boolean expression.
 *
 *   OPERATOR_SQL[op](operand, value, params) → SQL
 *   orderExpression(operand) → SQL            the ORDER BY expression of a field (numbers by value, text NOCASE)
 *
 * Conventions, each from the platform:
 * - An empty value is stored as NULL. `field=` is "is empty" and `field!=` is "is not empty".
 * - Text compares case-insensitively (the platform database's collation): COLLATE NOCASE.
 * - Numbers compare as numbers (CAST AS REAL), so 10 > 9.
 * - Booleans are stored '1' / '0'; a condition value 'true' / 'false' is normalized first.
 * - "is not", "not one of" and "does not contain" do NOT match empty values (KB0715430): SQL's NULL semantics
 *   give exactly that, so none of them adds `OR field IS NULL`.
 * - LIKE patterns escape % and _ so the value is matched literally.
 */
import { normalizeBoolean } from '../util/booleans.ts'
import { isNumericType } from './schema.ts'
import type { Operator } from './query.ts'

export interface Operand {
    /** The field's SQL expression: a quoted column, or a scalar subquery for a dot-walked field. */
    sql: string
    type: string
    /** INSTANCEOF: the class names a table name stands for (the table and its extensions). */
    classesOf?: (table: string) => string[]
}
type Params = unknown[]
type OperatorSql = (field: Operand, value: string | string[] | null, params: Params) => string

const NOCASE = 'COLLATE NOCASE'

function scalar(value: string | string[] | null): string {
    return Array.isArray(value) ? value.join(',') : (value ?? '')
}

function list(value: string | string[] | null): string[] {
    return Array.isArray(value) ? value : scalar(value).split(',')
}

/** The value as the column stores it (booleans '1' / '0'). */
function stored(field: Operand, value: string): string {
    return field.type === 'boolean' ? normalizeBoolean(value) : value
}

/** `lhs <op> ?` with the comparison the column's type calls for: numeric, or case-insensitive text. */
function compare(field: Operand, op: '=' | '!=' | '<' | '<=' | '>' | '>=', value: string, params: Params): string {
    params.push(stored(field, value))
    if (isNumericType(field.type)) return `CAST(${field.sql} AS REAL) ${op} CAST(? AS REAL)`
    return `${field.sql} ${op} ? ${NOCASE}`
}

function like(field: Operand, pattern: (escaped: string) => string, value: string | string[] | null, params: Params, not = false): string {
    params.push(pattern(scalar(value).replace(/[\\%_]/g, '\\$&')))
    // SQLite's LIKE is case-insensitive (ASCII), as the platform's collation is.
    return `${field.sql} ${not ? 'NOT LIKE' : 'LIKE'} ? ESCAPE '\\'`
}

function inList(field: Operand, value: string | string[] | null, params: Params, not: boolean): string {
    const values = list(value).map((v) => stored(field, v))
    params.push(...values)
    return `${field.sql} ${NOCASE} ${not ? 'NOT IN' : 'IN'} (${values.map(() => '?').join(', ')})`
}

export const OPERATOR_SQL: Record<Operator, OperatorSql> = {
    // "is" — an empty value means "is empty".
    '=': (field, value, params) => (scalar(value) === '' ? `${field.sql} IS NULL` : compare(field, '=', scalar(value), params)),
    // "is not" — never matches an empty field (KB0715430); an empty value means "is not empty".
    '!=': (field, value, params) => (scalar(value) === '' ? `${field.sql} IS NOT NULL` : compare(field, '!=', scalar(value), params)),
    // "less than", "at most", "greater than", "at least" — empty fields match none of them.
    '<': (field, value, params) => compare(field, '<', scalar(value), params),
    '<=': (field, value, params) => compare(field, '<=', scalar(value), params),
    '>': (field, value, params) => compare(field, '>', scalar(value), params),
    '>=': (field, value, params) => compare(field, '>=', scalar(value), params),
    // "is one of" / "is not one of" (the latter never matches an empty field, KB0715430).
    IN: (field, value, params) => inList(field, value, params, false),
    'NOT IN': (field, value, params) => inList(field, value, params, true),
    // "starts with", "ends with", "contains", "does not contain" (the last never matches an empty field).
    STARTSWITH: (field, value, params) => like(field, (v) => `${v}%`, value, params),
    ENDSWITH: (field, value, params) => like(field, (v) => `%${v}`, value, params),
    LIKE: (field, value, params) => like(field, (v) => `%${v}%`, value, params),
    'NOT LIKE': (field, value, params) => like(field, (v) => `%${v}%`, value, params, true),
    // "is empty" / "is not empty".
    ISEMPTY: (field) => `${field.sql} IS NULL`,
    ISNOTEMPTY: (field) => `${field.sql} IS NOT NULL`,
    // "is anything": every record, empty values included.
    ANYTHING: () => '1',
    // "is a" (sys_class_name INSTANCEOF table): records of the table's class or any class extending it.
    INSTANCEOF: (field, value, params) => {
        const classes = field.classesOf?.(scalar(value)) ?? [scalar(value)]
        params.push(...classes)
        return `${field.sql} ${NOCASE} IN (${classes.map(() => '?').join(', ')})`
    },
}

/** ORDER BY expression: numbers by value, text case-insensitively (the platform database's collation). */
export function orderExpression(field: Operand): string {
    return isNumericType(field.type) ? `CAST(${field.sql} AS REAL)` : `${field.sql} ${NOCASE}`
}
