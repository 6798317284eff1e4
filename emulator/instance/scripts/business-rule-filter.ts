/**
 * A business rule's Filter Conditions (sys_script.filter_condition), evaluated against the record being written,
 * as "Create a business rule" describes them: an encoded query over the table's fields, string compares
 * case-sensitive. The change operators of "Operators available for filters and queries" compare `current` with
 * `previous`: VALCHANGES (changes), CHANGESFROM (changes from a value), CHANGESTO (changes to a value).
 *
 *   filterMatches(filter, action, current, previous) → boolean
 *
 * Emulated: `^` (and), `^OR` (or), `^NQ` (new query), and the operators =, !=, ISEMPTY, ISNOTEMPTY, VALCHANGES,
 * CHANGESFROM, CHANGESTO on the record's own fields. The change operators on insert or delete, any other operator,
 * a dot-walked or unknown field and ORDERBY are refused as not emulated, naming the rule.
 */
import { notEmulated } from '../messages.ts'

/** What the filter reads of `current` and `previous` (emulator GlideRecords). */
export interface FilterRecord {
    getValue(field: string): string | null
    isValidField(field: string): boolean
}

const CONDITION = /^([a-z0-9_]+)(VALCHANGES|CHANGESFROM|CHANGESTO|ISNOTEMPTY|ISEMPTY|!=|=)(.*)$/s
const CHANGE_OPERATORS = new Set(['VALCHANGES', 'CHANGESFROM', 'CHANGESTO'])

function conditionHolds(text: string, rule: string, action: string, current: FilterRecord, previous: FilterRecord | null): boolean {
    const match = CONDITION.exec(text)
    if (!match) return notEmulated(`the business rule filter condition '${text}' (rule '${rule}'); emulated are =, !=, ISEMPTY, ISNOTEMPTY, VALCHANGES, CHANGESFROM and CHANGESTO on the table's own fields`)
    const [, field, operator, value] = match
    if (!current.isValidField(field)) return notEmulated(`the business rule filter condition '${text}' (rule '${rule}') on a field the table does not have`)
    const now = current.getValue(field) ?? ''
    if (CHANGE_OPERATORS.has(operator)) {
        if (action !== 'update' || !previous) return notEmulated(`the business rule filter operator ${operator} on ${action} (rule '${rule}')`)
        const before = previous.getValue(field) ?? ''
        const changed = now !== before
        if (operator === 'VALCHANGES') return changed
        return changed && (operator === 'CHANGESFROM' ? before : now) === value
    }
    if (operator === 'ISEMPTY') return now === ''
    if (operator === 'ISNOTEMPTY') return now !== ''
    return operator === '=' ? now === value : now !== value
}

export function filterMatches(filter: string, rule: string, action: string, current: FilterRecord, previous: FilterRecord | null): boolean {
    return filter.split('^NQ').some((block) => {
        const terms: string[][] = []
        for (const part of block.split('^')) {
            if (part === '' || part === 'EQ') continue
            if (part.startsWith('ORDERBY')) notEmulated(`ORDERBY in the business rule filter condition of rule '${rule}'`)
            if (part.startsWith('OR') && terms.length > 0) terms[terms.length - 1].push(part.slice(2))
            else terms.push([part])
        }
        return terms.every((term) => term.some((condition) => conditionHolds(condition, rule, action, current, previous)))
    })
}
