// Field validation for connector request bodies and query parameters. Pure functions, no Glide:
// every bad field is collected so that one 400 lists them all.
import { badRequest, type ApiError } from './api-error.ts'

export type JsonObject = { [key: string]: unknown }

export class FieldErrors {
    private readonly problems: string[] = []

    add(field: string, problem: string): void {
        this.problems.push(field + ': ' + problem)
    }

    get isEmpty(): boolean {
        return this.problems.length === 0
    }

    toApiError(): ApiError {
        return badRequest('Invalid request', this.problems.join('; '))
    }

    /** Throws the collected problems as one 400, if there are any. */
    throwIfAny(): void {
        if (!this.isEmpty) throw this.toApiError()
    }
}

// Control characters are what these patterns look for.
// eslint-disable-next-line no-control-regex
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f]/
// eslint-disable-next-line no-control-regex
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/

/** Parses a request body that must be one JSON object; anything else is a 400. */
export function parseJsonObject(raw: string | null | undefined): JsonObject {
    if (raw === null || raw === undefined || raw.trim() === '') {
        throw badRequest('Invalid request', 'body: a JSON object is required')
    }
    let parsed: unknown
    try {
        parsed = JSON.parse(raw)
    } catch (e) {
        throw badRequest('Invalid request', 'body: not valid JSON')
    }
    if (!isJsonObject(parsed)) throw badRequest('Invalid request', 'body: must be a JSON object')
    return parsed
}

export function isJsonObject(value: unknown): value is JsonObject {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Reads an own property only: keys such as `__proto__` or `constructor` never reach the prototype. */
export function field(body: JsonObject, name: string): unknown {
    return Object.prototype.hasOwnProperty.call(body, name) ? body[name] : undefined
}

export interface TextRule {
    min: number
    max: number
    multiLine?: boolean
    pattern?: RegExp
    patternHint?: string
}

/** A string field within its length, free of control characters; undefined when absent or invalid. */
export function text(errors: FieldErrors, name: string, value: unknown, rule: TextRule): string | undefined {
    if (value === undefined || value === null) {
        if (rule.min > 0) errors.add(name, 'is required')
        return undefined
    }
    if (typeof value !== 'string') {
        errors.add(name, 'must be a string')
        return undefined
    }
    const trimmed = value.trim()
    if (trimmed.length < rule.min || value.length > rule.max) {
        errors.add(name, rule.min > 0 ? `must be ${rule.min}-${rule.max} characters` : `must be at most ${rule.max} characters`)
        return undefined
    }
    if ((rule.multiLine ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).test(value)) {
        errors.add(name, 'must not contain control characters')
        return undefined
    }
    if (rule.pattern && !rule.pattern.test(value)) {
        errors.add(name, rule.patternHint || 'has an invalid format')
        return undefined
    }
    return rule.multiLine ? value : trimmed
}

/** One of a fixed set of lower-case words, compared case-insensitively; aliases map other spellings. */
export function oneOf<T extends string>(
    errors: FieldErrors,
    name: string,
    value: unknown,
    allowed: readonly T[],
    aliases: { [spelling: string]: T } = {},
): T | undefined {
    if (value === undefined || value === null) {
        errors.add(name, 'is required')
        return undefined
    }
    if (typeof value !== 'string') {
        errors.add(name, 'must be a string')
        return undefined
    }
    const key = value.trim().toLowerCase()
    const match = allowed.find((candidate) => candidate === key) || (Object.prototype.hasOwnProperty.call(aliases, key) ? aliases[key] : undefined)
    if (!match) errors.add(name, 'must be one of ' + allowed.join(', '))
    return match
}

export function tenantId(errors: FieldErrors, value: unknown): string | undefined {
    if (value === undefined || value === null || value === '') {
        errors.add('tenantId', 'is required')
        return undefined
    }
    if (typeof value !== 'string' || !GUID.test(value)) {
        errors.add('tenantId', 'must be a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47')
        return undefined
    }
    return value.toLowerCase()
}

const PRIORITY_WORDS: { [word: string]: number } = { critical: 1, high: 2, moderate: 3, low: 4 }

/** critical, high, moderate or low, or 1-4 (as a number or a numeric string). */
export function priority(errors: FieldErrors, value: unknown, required: boolean): number | undefined {
    if (value === undefined || value === null) {
        if (required) errors.add('priority', 'is required')
        return undefined
    }
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 4) return value
    if (typeof value === 'string') {
        const key = value.trim().toLowerCase()
        if (Object.prototype.hasOwnProperty.call(PRIORITY_WORDS, key)) return PRIORITY_WORDS[key]
        if (/^[1-4]$/.test(key)) return parseInt(key, 10)
    }
    errors.add('priority', 'must be critical, high, moderate or low, or 1-4')
    return undefined
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/

function pad(value: number, width = 2): string {
    let out = String(value)
    while (out.length < width) out = '0' + out
    return out
}

/** Formats epoch milliseconds as the platform's UTC date-time value, 'YYYY-MM-DD HH:mm:ss'. */
export function glideDateTimeFromMillis(millis: number): string {
    const d = new Date(millis)
    return (
        pad(d.getUTCFullYear(), 4) + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + ' ' +
        pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ':' + pad(d.getUTCSeconds())
    )
}

/**
 * An ISO 8601 date or date-time, returned as a UTC 'YYYY-MM-DD HH:mm:ss'. A date alone means
 * midnight UTC; a date-time without an offset is taken as UTC. Impossible dates are refused.
 */
export function parseIsoDateTime(value: string): string | undefined {
    const date = ISO_DATE.exec(value)
    const dateTime = date ? null : ISO_DATE_TIME.exec(value)
    const parts = date || dateTime
    if (!parts) return undefined
    const [year, month, day] = [parseInt(parts[1], 10), parseInt(parts[2], 10), parseInt(parts[3], 10)]
    const hour = dateTime ? parseInt(dateTime[4], 10) : 0
    const minute = dateTime ? parseInt(dateTime[5], 10) : 0
    const second = dateTime && dateTime[6] ? parseInt(dateTime[6], 10) : 0
    if (minute > 59 || second > 59) return undefined
    const local = Date.UTC(year, month - 1, day, hour, minute, second)
    // Date.UTC rolls an hour past 23 into the next day, a day past the month's end (or 0) into another month with
    // another day number, a month past 12 (or 0) into another year, and reads years 0-99 as 1900-1999: a date
    // whose year and day come back changed is impossible. A minute or second past 59 can stay within the day.
    const check = new Date(local)
    if (check.getUTCFullYear() !== year || check.getUTCDate() !== day) return undefined
    let offsetMinutes = 0
    const zone = dateTime ? dateTime[8] : undefined
    if (zone && zone !== 'Z') {
        const digits = zone.replace(':', '')
        const hours = parseInt(digits.substring(1, 3), 10)
        const minutes = parseInt(digits.substring(3, 5), 10)
        if (hours > 23 || minutes > 59) return undefined
        offsetMinutes = (hours * 60 + minutes) * (digits.charAt(0) === '-' ? -1 : 1)
    }
    return glideDateTimeFromMillis(local - offsetMinutes * 60000)
}

/** An optional ISO 8601 date or date-time; `null` when explicitly cleared (if allowed). */
export function isoDateTime(
    errors: FieldErrors,
    name: string,
    value: unknown,
    allowNull: boolean,
): string | null | undefined {
    if (value === undefined) return undefined
    if (value === null) {
        if (allowNull) return null
        errors.add(name, 'must be an ISO 8601 date or date-time')
        return undefined
    }
    const parsed = typeof value === 'string' ? parseIsoDateTime(value.trim()) : undefined
    if (parsed === undefined) errors.add(name, 'must be an ISO 8601 date or date-time, e.g. 2026-12-31 or 2026-12-31T17:00:00Z')
    return parsed
}

/** The platform's UTC date-time value as ISO 8601 ('2026-11-26T04:07:34Z'); null when empty. */
export function isoFromGlide(value: string | null): string | null {
    if (!value) return null
    return value.replace(' ', 'T') + 'Z'
}

/** Query parameters arrive as arrays of strings; the first value counts. */
export function queryParam(params: { [name: string]: unknown } | null | undefined, name: string): string | undefined {
    if (!params || !Object.prototype.hasOwnProperty.call(params, name)) return undefined
    const value = params[name]
    const first = Array.isArray(value) ? value[0] : value
    return first === undefined || first === null ? undefined : String(first)
}
