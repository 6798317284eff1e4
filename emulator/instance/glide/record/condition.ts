/**
 * Query conditions as GlideRecord.addQuery builds them (GlideRecord scoped API: addQuery, addOrCondition).
 *
 *   buildCondition(field, operatorOrValue, value, argc) → Condition
 *       addQuery(field, value) is '='; addQuery(field, operator, value) takes the operators addQuery documents,
 *       spelt as documented (strings "must be in upper case"): =, !=, >, >=, <, <=, IN, NOT IN, STARTSWITH,
 *       ENDSWITH, CONTAINS, DOES NOT CONTAIN, INSTANCEOF ("Use CONTAINS instead of the LIKE operator").
 *       Any other operator (LIKE, a lower-case one, an encoded-query-only one such as ISEMPTY), or a null /
 *       undefined value, makes the condition invalid: the store drops it as the platform does (which is why
 *       `addQuery('number', undefined)` can match every row), or throws when strict. An operator of the
 *       platform's filter operators the local instance does not emulate is refused (notEmulated).
 *   GlideQueryCondition                       addOrCondition / addCondition on the term addQuery returned; its
 *                                             other platform methods (SDK GlideAPIs.json) are refused
 */
import { notEmulated } from '../../messages.ts'
import { type Condition, type Operator, PLATFORM_OPERATORS_NOT_EMULATED, type Term } from '../../store/query.ts'
import { platformMethods, refuseUnemulated } from '../platform-apis.ts'
import { toQueryValue } from './values.ts'

/** addQuery's operators (GlideRecord - Scoped, addQuery(name, operator, value)) and the encoded operator each is. */
const ADD_QUERY_OPERATORS: Record<string, Operator> = {
    '=': '=',
    '!=': '!=',
    '>': '>',
    '>=': '>=',
    '<': '<',
    '<=': '<=',
    IN: 'IN',
    'NOT IN': 'NOT IN',
    STARTSWITH: 'STARTSWITH',
    ENDSWITH: 'ENDSWITH',
    CONTAINS: 'LIKE',
    'DOES NOT CONTAIN': 'NOT LIKE',
    INSTANCEOF: 'INSTANCEOF',
}

function conditionValue(field: string, op: Operator, value: unknown): Condition {
    if (value === null || value === undefined) return { field, op, value: null, invalid: `Null value for field ${field}` }
    if (op === 'IN' || op === 'NOT IN') return { field, op, value: Array.isArray(value) ? value.map(toQueryValue) : toQueryValue(value).split(',') }
    return { field, op, value: toQueryValue(value) }
}

export function buildCondition(field: string, operatorOrValue: unknown, value: unknown, argc: number): Condition {
    if (argc <= 2) return conditionValue(field, '=', operatorOrValue)
    const raw = String(operatorOrValue)
    if ((PLATFORM_OPERATORS_NOT_EMULATED as readonly string[]).includes(raw)) return notEmulated(`query operator ${raw} (GlideRecord.addQuery)`)
    const op = Object.prototype.hasOwnProperty.call(ADD_QUERY_OPERATORS, raw) ? ADD_QUERY_OPERATORS[raw] : undefined
    if (!op) return { field, op: '=', value: toQueryValue(value), invalid: `Invalid operator ${raw} for field ${field}` }
    return conditionValue(field, op, value)
}

/** What GlideQueryCondition needs of its GlideRecord. */
export interface ConditionOwner {
    addQuery(field: string, operatorOrValue?: unknown, value?: unknown): GlideQueryCondition
}

export class GlideQueryCondition {
    constructor(
        private readonly owner: ConditionOwner,
        private readonly term: Term,
    ) {}

    addOrCondition(field: string, operatorOrValue?: unknown, value?: unknown): GlideQueryCondition {
        this.term.push(buildCondition(field, operatorOrValue, value, arguments.length))
        return this
    }

    addCondition(field: string, operatorOrValue?: unknown, value?: unknown): GlideQueryCondition {
        return this.owner.addQuery(field, operatorOrValue, ...(arguments.length > 2 ? [value] : []))
    }
}

// GlideQueryCondition methods the platform lists (the SDK's GlideAPIs.json) but the local instance lacks are refused.
refuseUnemulated(GlideQueryCondition.prototype, platformMethods('defaults', 'GlideQueryCondition'), 'GlideQueryCondition')
