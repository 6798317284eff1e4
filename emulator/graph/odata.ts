/**
 * The OData query options of the two Secure Score collections, parsed strictly: what the API pages list
 * ($count, $filter, $skip, $top) and what the v1.0 metadata declares supported ($select, $orderby), each only as far
 * as implemented here. Anything else is a 400 (not an OData option, or malformed) or a 501 (valid OData this
 * stand-in does not emulate). Sources per behaviour: FIDELITY.md, section "Graph".
 */
import { NOT_EMULATED } from './http-types.ts'

type Edm = 'String' | 'Int32' | 'Double' | 'Boolean' | 'DateTimeOffset' | 'complex'

/** Declared properties (secure-score.csdl.xml; `complex` = a complex type or a collection, not filterable here). */
export const ENTITY_TYPES = {
    secureScoreControlProfile: {
        id: 'String', actionType: 'String', actionUrl: 'String', azureTenantId: 'String', complianceInformation: 'complex',
        controlCategory: 'String', controlStateUpdates: 'complex', deprecated: 'Boolean', implementationCost: 'String',
        lastModifiedDateTime: 'DateTimeOffset', maxScore: 'Double', rank: 'Int32', remediation: 'String', remediationImpact: 'String',
        service: 'String', threats: 'complex', tier: 'String', title: 'String', userImpact: 'String', vendorInformation: 'complex',
    },
    secureScore: {
        id: 'String', activeUserCount: 'Int32', averageComparativeScores: 'complex', azureTenantId: 'String', controlScores: 'complex',
        createdDateTime: 'DateTimeOffset', currentScore: 'Double', enabledServices: 'complex', licensedUserCount: 'Int32',
        maxScore: 'Double', vendorInformation: 'complex',
    },
} as const satisfies Record<string, Record<string, Edm>>

export type EntityTypeName = keyof typeof ENTITY_TYPES

export class QueryError extends Error {
    constructor(readonly status: 400 | 501, message: string) {
        super(message)
    }
}

const bad = (message: string): QueryError => new QueryError(400, message)
const notEmulated = (what: string): QueryError => new QueryError(501, NOT_EMULATED + what)

type Literal = string | number | boolean | null | Date
export interface Condition {
    property: string
    value: Literal
}
export interface OrderBy {
    property: string
    descending: boolean
}
export interface CollectionQuery {
    top: number | null
    skip: number
    count: boolean
    select: string[] | null
    filter: Condition[]
    orderBy: OrderBy[]
    skipToken: string | null
}

const COLLECTION_OPTIONS = new Set(['$top', '$skip', '$count', '$select', '$filter', '$orderby', '$skiptoken'])
/** System query options OData defines that these endpoints' pages do not list. */
const OTHER_ODATA_OPTIONS = new Set(['$expand', '$search', '$format', '$apply', '$compute', '$levels', '$deltatoken', '$schemaversion', '$index'])

function declared(type: EntityTypeName, property: string): Edm {
    const types: Record<string, Edm> = ENTITY_TYPES[type]
    const edm = types[property]
    if (!edm) throw bad(`Could not find a property named '${property}' on type 'microsoft.graph.${type}'.`)
    return edm
}

function checkOptionNames(params: URLSearchParams, allowed: Set<string>): void {
    const seen = new Set<string>()
    for (const name of params.keys()) {
        if (seen.has(name)) throw bad(`Query option '${name}' was specified more than once, but it must be specified at most once.`)
        seen.add(name)
        if (allowed.has(name)) continue
        if (OTHER_ODATA_OPTIONS.has(name) || COLLECTION_OPTIONS.has(name)) throw notEmulated(`the query option ${name} on this request`)
        throw bad(`Query option '${name}' is not allowed on this request. Supported: ${[...allowed].join(', ')}.`)
    }
}

function nonNegativeInteger(name: string, raw: string): number {
    if (!/^\d+$/.test(raw)) throw bad(`Invalid value '${raw}' for query option ${name}: expected a non-negative integer.`)
    return Number(raw)
}

export function parseSelect(type: EntityTypeName, raw: string | null): string[] | null {
    if (raw === null) return null
    const names = raw.split(',').map((s) => s.trim())
    if (names.some((n) => n === '')) throw bad(`Invalid $select '${raw}'.`)
    if (names.includes('*')) return null
    for (const n of names) {
        if (n.includes('/') || n.includes('(')) throw notEmulated(`$select of '${n}' (paths and expressions)`)
        declared(type, n)
    }
    return names
}

export function parseEntityQuery(type: EntityTypeName, params: URLSearchParams): { select: string[] | null } {
    checkOptionNames(params, new Set(['$select']))
    return { select: parseSelect(type, params.get('$select')) }
}

export function parseCollectionQuery(type: EntityTypeName, params: URLSearchParams): CollectionQuery {
    checkOptionNames(params, COLLECTION_OPTIONS)
    const count = params.get('$count')
    if (count !== null && count !== 'true' && count !== 'false') throw bad(`Invalid value '${count}' for $count: expected true or false.`)
    const top = params.get('$top')
    const skip = params.get('$skip')
    return {
        top: top === null ? null : nonNegativeInteger('$top', top),
        skip: skip === null ? 0 : nonNegativeInteger('$skip', skip),
        count: count === 'true',
        select: parseSelect(type, params.get('$select')),
        filter: params.has('$filter') ? parseFilter(type, params.get('$filter') ?? '') : [],
        orderBy: params.has('$orderby') ? parseOrderBy(type, params.get('$orderby') ?? '') : [],
        skipToken: params.get('$skiptoken'),
    }
}

function parseOrderBy(type: EntityTypeName, raw: string): OrderBy[] {
    return raw.split(',').map((part) => {
        const m = /^\s*([A-Za-z][A-Za-z0-9]*)(?:\s+(asc|desc))?\s*$/.exec(part)
        if (!m) throw notEmulated(`$orderby '${raw}' (only "<property> [asc|desc]" lists are emulated)`)
        if (declared(type, m[1]) === 'complex') throw notEmulated(`$orderby on '${m[1]}' (not a primitive property)`)
        return { property: m[1], descending: m[2] === 'desc' }
    })
}

/** `<property> eq <literal>` terms joined by `and`; the only $filter grammar emulated (the API pages show `eq`). */
function parseFilter(type: EntityTypeName, raw: string): Condition[] {
    const conditions: Condition[] = []
    let rest = raw.trim()
    if (rest === '') throw bad('The $filter expression is empty.')
    for (;;) {
        const m = /^([A-Za-z][A-Za-z0-9]*)\s+(eq)\s+('(?:[^']|'')*'|true|false|null|-?\d+(?:\.\d+)?(?![\d-])|\d{4}-\d\d-\d\dT[0-9:.]+(?:Z|[+-]\d\d:\d\d))\s*/.exec(rest)
        if (!m) throw notEmulated(`$filter '${raw}' (only "<property> eq <literal>" terms joined by "and" are emulated)`)
        const edm = declared(type, m[1])
        if (edm === 'complex') throw notEmulated(`$filter on '${m[1]}' (not a primitive property)`)
        conditions.push({ property: m[1], value: literal(m[1], edm, m[3]) })
        rest = rest.slice(m[0].length)
        if (rest === '') return conditions
        const and = /^and\s+/.exec(rest)
        if (!and) throw notEmulated(`$filter '${raw}' (only "<property> eq <literal>" terms joined by "and" are emulated)`)
        rest = rest.slice(and[0].length)
    }
}

function literal(property: string, edm: Edm, text: string): Literal {
    if (text === 'null') return null
    const mismatch = (): QueryError => bad(`A binary operator with incompatible types was detected: '${property}' is Edm.${edm}, the literal is ${text}.`)
    if (text.startsWith("'")) {
        if (edm !== 'String') throw mismatch()
        return text.slice(1, -1).replace(/''/g, "'")
    }
    if (text === 'true' || text === 'false') {
        if (edm !== 'Boolean') throw mismatch()
        return text === 'true'
    }
    if (/^\d{4}-/.test(text)) {
        const date = new Date(text)
        if (edm !== 'DateTimeOffset' || Number.isNaN(date.getTime())) throw mismatch()
        return date
    }
    if (edm !== 'Int32' && edm !== 'Double') throw mismatch()
    return Number(text)
}

export function matches(entity: object, conditions: Condition[]): boolean {
    return conditions.every(({ property, value }) => {
        const actual = (entity as Record<string, unknown>)[property] ?? null
        if (value instanceof Date) return typeof actual === 'string' && new Date(actual).getTime() === value.getTime()
        return actual === value
    })
}

export function compareBy<T extends object>(orderBy: OrderBy[]): (a: T, b: T) => number {
    return (a, b) => {
        for (const { property, descending } of orderBy) {
            const x = (a as Record<string, unknown>)[property] ?? null
            const y = (b as Record<string, unknown>)[property] ?? null
            // OData orders null first ascending; strings by code point (local choice: no collation is documented).
            const c = x === y ? 0 : x === null ? -1 : y === null ? 1 : (x as string | number) < (y as string | number) ? -1 : 1
            if (c !== 0) return descending ? -c : c
        }
        return 0
    }
}

export function project<T extends object>(entity: T, select: string[] | null): Partial<T> {
    if (!select) return entity
    const out: Record<string, unknown> = {}
    for (const name of select) out[name] = (entity as Record<string, unknown>)[name] ?? null
    return out as Partial<T>
}
