/**
 * Encoded queries: the platform's query language, parsed into a small tree the store compiles to SQL.
 *
 *   parseEncodedQuery(text): Query     'active=true^priorityIN1,2^ORshort_descriptionLIKEvpn^NQ...^ORDERBYnumber'
 *   encodeQuery(query): string         the inverse, as GlideRecord.getEncodedQuery() shows it
 *   andQuery(a, b): Query              a AND b, distributing ^NQ blocks
 *
 * A Query is an OR of blocks (^NQ); a block is an AND of terms (^); a term is an OR of conditions (^OR).
 * Values stay values: they are bound as SQL parameters by the store, never spliced into SQL or re-parsed.
 */

export const OPERATORS = [
    'ISNOTEMPTY',
    'ISEMPTY',
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

export interface Condition {
    field: string
    op: Operator
    /** IN / NOT IN carry a list; ISEMPTY / ISNOTEMPTY ignore the value. */
    value: string | string[] | null
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

// Field names are lower case on the platform, operators upper case or symbols, so the first operator after
// the shortest field prefix is the right split ('priorityIN1,2' → priority IN 1,2).
const TERM = new RegExp(`^([A-Za-z0-9_.]+?)(${OPERATORS.map((o) => o.replace(/[.*+?^${}()|[\]\\!<>=]/g, '\\$&')).join('|')})([\\s\\S]*)$`)

function parseCondition(text: string): Condition | null {
    const m = TERM.exec(text)
    if (!m) return null
    const op = m[2] as Operator
    const raw = m[3]
    const value = op === 'IN' || op === 'NOT IN' ? raw.split(',') : op === 'ISEMPTY' || op === 'ISNOTEMPTY' ? null : raw
    return { field: m[1], op, value }
}

/**
 * Parses an encoded query. Unparseable terms become a condition on the field '' so the store treats them
 * like an invalid field (no rows), as the platform does with glide.invalid_query.returns_no_rows=true.
 */
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
            const isOr = part.startsWith('OR') && block.length > 0
            const condition = parseCondition(isOr ? part.slice(2) : part) ?? { field: '', op: '=', value: part }
            if (isOr) block[block.length - 1].push(condition)
            else block.push([condition])
        }
        query.blocks.push(block)
    }
    if (query.blocks.length === 0) query.blocks.push([])
    return query
}

function encodeCondition(c: Condition): string {
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
