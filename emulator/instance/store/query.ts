/**
 * Encoded queries: the platform's query language, parsed into a small tree the store compiles to SQL
 * ("Encoded query strings"; "Operators available for filters and queries").
 *
 *   parseEncodedQuery(text): Query     'active=true^priorityIN1,2^ORshort_descriptionLIKEvpn^NQ...^ORDERBYnumber'
 *   encodeQuery(query): string         the inverse, as GlideRecord.getEncodedQuery() shows it
 *   andQuery(a, b): Query              a AND b, distributing ^NQ blocks
 *   emptyQuery() / isOperator(op) / OPERATORS / PLATFORM_OPERATORS_NOT_EMULATED
 *
 * A Query is an OR of blocks (^NQ); a block is an AND of terms (^); a term is an OR of conditions (^OR).
 * Values stay values: they are bound as SQL parameters by the store, never spliced into SQL or re-parsed.
 * A term the platform would not understand (no known operator) is kept as a condition marked `invalid`: the
 * store drops it, as the platform does, or refuses it when strict. An operator the platform has but the local
 * instance does not emulate is refused here, with notEmulated.
 */
import { notEmulated } from '../messages.ts'

/** The operators the local instance emulates; store/sql-operators.ts compiles each. */
export const OPERATORS = [
    'ISNOTEMPTY',
    'ISEMPTY',
    'ANYTHING',
    'INSTANCEOF',
    'STARTSWITH',
    'ENDSWITH',
    'NOT LIKE',
    'NOT IN',
    'LIKE',
    'IN',
    '!=',
    '<=',
    '>=',
    '=',
    '<',
    '>',
] as const
export type Operator = (typeof OPERATORS)[number]

/**
 * Operators of "Operators available for filters and queries" the local instance does not emulate (date
 * arithmetic, field-to-field comparisons, change detection, dynamic filters): a query using one is refused.
 */
export const PLATFORM_OPERATORS_NOT_EMULATED = [
    'BETWEEN',
    'DATEPART',
    'RELATIVEGT',
    'RELATIVELT',
    'RELATIVEGE',
    'RELATIVELE',
    'RELATIVEEE',
    'NOTON',
    'ON',
    'NSAMEAS',
    'SAMEAS',
    'GT_OR_EQUALS_FIELD',
    'LT_OR_EQUALS_FIELD',
    'GT_FIELD',
    'LT_FIELD',
    'MORETHAN',
    'LESSTHAN',
    'EMPTYSTRING',
    'VALCHANGES',
    'CHANGESFROM',
    'CHANGESTO',
    'DYNAMIC',
    'NOT INSTANCEOF',
] as const

export interface Condition {
    /** A column of the table, or a dot-walked path through reference columns ('caller_id.user_name'). */
    field: string
    op: Operator
    /** IN / NOT IN carry a list; ISEMPTY / ISNOTEMPTY / ANYTHING ignore the value. */
    value: string | string[] | null
    /** Why the platform would not understand this condition (e.g. an unknown operator); the store drops it. */
    invalid?: string
}
export type Term = Condition[]
export interface OrderBy {
    field: string
    desc: boolean
}
export interface Query {
    blocks: Term[][]
    orderBy: OrderBy[]
}

export function emptyQuery(): Query {
    return { blocks: [[]], orderBy: [] }
}

export function isOperator(op: string): op is Operator {
    return (OPERATORS as readonly string[]).includes(op)
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\!<>=]/g, '\\$&')
const ALL_OPERATORS = [...OPERATORS, ...PLATFORM_OPERATORS_NOT_EMULATED].sort((a, b) => b.length - a.length)
// Field names are lower case on the platform, operators upper case or symbols, so the first operator after the
// field's characters is the split ('priorityIN1,2' → priority IN 1,2; 'categorySOUNDSLIKEx' has no operator).
const TERM = new RegExp(`^([a-z0-9_.]+?)(${ALL_OPERATORS.map(escapeRegExp).join('|')})([\\s\\S]*)$`)
// Encoded-query features beyond conditions and ordering that the local instance does not emulate.
const NOT_EMULATED_PARTS = ['RLQUERY', 'SUBQUERY', 'JOIN', 'GROUPBY', 'ENDRLQUERY']

function parseCondition(text: string): Condition {
    const m = TERM.exec(text)
    if (!m) return { field: text, op: '=', value: null, invalid: `invalid condition '${text}'` }
    const [, field, op, raw] = m
    if (!isOperator(op)) return notEmulated(`query operator ${op} (${text})`)
    if (/^javascript:/i.test(raw)) return notEmulated(`javascript: values in encoded queries (${text})`)
    const value = op === 'IN' || op === 'NOT IN' ? raw.split(',') : op === 'ISEMPTY' || op === 'ISNOTEMPTY' || op === 'ANYTHING' ? null : raw
    return { field, op, value }
}

export function parseEncodedQuery(text: string): Query {
    const query: Query = { blocks: [], orderBy: [] }
    for (const blockText of text.split('^NQ')) {
        const block: Term[] = []
        for (const part of blockText.split('^')) {
            if (part === '' || part === 'EQ') continue
            if (part.startsWith('ORDERBYDESC')) {
                query.orderBy.push({ field: part.slice('ORDERBYDESC'.length), desc: true })
                continue
            }
            if (part.startsWith('ORDERBY')) {
                query.orderBy.push({ field: part.slice('ORDERBY'.length), desc: false })
                continue
            }
            const feature = NOT_EMULATED_PARTS.find((p) => part.startsWith(p))
            if (feature) notEmulated(`${feature} in encoded queries`)
            const isOr = part.startsWith('OR') && block.length > 0
            const condition = parseCondition(isOr ? part.slice(2) : part)
            if (isOr) block[block.length - 1].push(condition)
            else block.push([condition])
        }
        query.blocks.push(block)
    }
    if (query.blocks.length === 0) query.blocks.push([])
    return query
}

function encodeCondition(c: Condition): string {
    if (c.invalid && c.value === null && c.op === '=') return c.field
    const value = Array.isArray(c.value) ? c.value.join(',') : (c.value ?? '')
    return `${c.field}${c.op}${value}`
}

export function encodeQuery(query: Query): string {
    const blocks = query.blocks
        .map((block) => block.map((term) => term.map(encodeCondition).join('^OR')).join('^'))
        .filter((b) => b !== '')
    const order = query.orderBy.map((o) => `${o.desc ? 'ORDERBYDESC' : 'ORDERBY'}${o.field}`)
    return [blocks.join('^NQ'), ...order].filter((s) => s !== '').join('^')
}

/** (a) AND (b): every block of a combined with every block of b. */
export function andQuery(a: Query, b: Query): Query {
    const blocks: Term[][] = []
    for (const x of a.blocks) for (const y of b.blocks) blocks.push([...x, ...y])
    return { blocks, orderBy: [...a.orderBy, ...b.orderBy] }
}
