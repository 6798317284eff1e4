/**
 * Values as GlideRecord stores and queries them.
 *
 *   toStored(value, type?) → string | null      what setValue stores: text as getValue returns it, empty as null,
 *                                               booleans '1' / '0', a GlideRecord or GlideElement by its value
 *   toQueryValue(value) → string                a condition value as text ('' for an empty GlideElement)
 */
import { normalizeBoolean } from '../../util/booleans.ts'
import { utcFormat } from '../../util/time.ts'

interface ValueHolder {
    getValue(): string | null
}
interface RecordLike {
    getUniqueValue(): string
    getTableName(): string
}

/** A GlideElement (or anything with getValue()); test isRecord first, a GlideRecord has getValue(field) too. */
function holdsValue(value: object): value is ValueHolder {
    return typeof (value as ValueHolder).getValue === 'function'
}
function isRecord(value: object): value is RecordLike {
    return typeof (value as RecordLike).getUniqueValue === 'function' && typeof (value as RecordLike).getTableName === 'function'
}

export function toStored(value: unknown, type?: string): string | null {
    if (value === null || value === undefined) return null
    let v: string | null
    if (typeof value === 'object' && isRecord(value)) v = value.getUniqueValue()
    else if (typeof value === 'object' && holdsValue(value)) v = value.getValue()
    else if (value instanceof Date) v = utcFormat(value)
    else v = String(value)
    if (v === null || v === '') return null
    return type === 'boolean' ? normalizeBoolean(v) : v
}

export function toQueryValue(value: unknown): string {
    if (value === null || value === undefined) return ''
    if (typeof value === 'object' && isRecord(value)) return value.getUniqueValue()
    if (typeof value === 'object' && holdsValue(value)) return value.getValue() ?? ''
    return String(value)
}
