/**
 * Query conditions as GlideRecord.addQuery builds them (GlideRecord scoped API: addQuery, addOrCondition).
 *
 *   buildCondition(field, operatorOrValue, value, argc) → Condition
 *       addQuery(field, value) is '='; addQuery(field, operator, value) takes the documented operators
 *       (=, !=, >, >=, <, <=, IN, NOT IN, STARTSWITH, ENDSWITH, CONTAINS, DOES NOT CONTAIN, INSTANCEOF, and
 *       the encoded forms LIKE / NOT LIKE, ISEMPTY / ISNOTEMPTY). An operator the platform does not know,
 *       or a null / undefined value, makes the condition invalid: the store drops it as the platform does
 *       (which is why `addQuery('number', undefined)` can match every row). An operator the platform has but
 *       the local instance does not emulate is refused (notEmulated).
 *   GlideQueryCondition                       addOrCondition / addCondition on the term addQuery returned; its
 *                                             other platform methods (SDK GlideAPIs.json) are refused
 */
import { notEmulated } from '../../messages.ts'
import { type Condition, isOperator, type Operator, PLATFORM_OPERATORS_NOT_EMULATED, type Term } from '../../store/query.ts'
import { platformMethods, refuseUnemulated } from '../platform-apis.ts'
import { toQueryValue } from './values.ts'

const OPERATOR_ALIASES: Record<string, Operator> = { CONTAINS: 'LIKE', 'DOES NOT CONTAIN': 'NOT LIKE' }

function conditionValue(field: string, op: Operator, value: unknown): Condition {
    if (value === null || value === undefined) return { field, op, value: null, invalid: `Null value for field ${field}` }
    if (op === 'IN' || op === 'NOT IN') return { field, op, value: Array.isArray(value) ? value.map(toQueryValue) : toQueryValue(value).split(',') }
    return { field, op, value: toQueryValue(value) }
}

export function buildCondition(field: string, operatorOrValue: unknown, value: unknown, argc: number): Condition {
    if (argc <= 2) return conditionValue(field, '=', operatorOrValue)
    const raw = String(operatorOrValue).toUpperCase().trim()
    const op = OPERATOR_ALIASES[raw] ?? raw
    if ((PLATFORM_OPERATORS_NOT_EMULATED as readonly string[]).includes(op)) return notEmulated(`query operator ${op} (GlideRecord.addQuery)`)
    if (!isOperator(op)) return { field, op: '=', value: toQueryValue(value), invalid: `Invalid operator ${String(operatorOrValue)} for field ${field}` }
    if (op === 'ISEMPTY' || op === 'ISNOTEMPTY' || op === 'ANYTHING') return { field, op, value: null }
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
