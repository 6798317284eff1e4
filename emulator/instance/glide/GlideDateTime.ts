/**
 * GlideDateTime (scoped): an instant held as epoch milliseconds, as the platform holds it (getNumericValue,
 * add(ms), subtract(ms) work in milliseconds). Values are UTC 'yyyy-MM-dd HH:mm:ss' (the milliseconds are
 * not part of the value). The local instance's system and user time zone is UTC and its date format the
 * internal one, so display values equal values and the *LocalTime methods equal the *UTC ones.
 *
 *   new GlideDateTime() (now, to the millisecond) | new GlideDateTime('yyyy-MM-dd HH:mm:ss' | 'yyyy-MM-dd') | new GlideDateTime(gdt)
 *   getValue/setValue(string | gdt | ms), setValueUTC(value, 'yyyy-MM-dd HH:mm:ss'), getDisplayValue/setDisplayValue,
 *   getDisplayValueInternal, getNumericValue/setNumericValue, add(ms | duration), subtract(ms), addSeconds,
 *   addDaysUTC/LocalTime, addWeeksUTC/LocalTime, addMonthsUTC/LocalTime, addYearsUTC/LocalTime,
 *   before/after/onOrBefore/onOrAfter/compareTo/equals, isValid, toString,
 *   GlideDateTime.subtract(start, end) → duration { getNumericValue, getValue, getDisplayValue }
 *   any other GlideDateTime method the platform has   throws 'not emulated by the local instance: GlideDateTime.<name>()'
 */
import { notEmulated } from '../messages.ts'
import { platformMethods, refuseUnemulated } from './platform-apis.ts'

const INTERNAL_FORMAT = 'yyyy-MM-dd HH:mm:ss'
// The internal formats of the documented list ('yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm', 'yyyy-MM-dd').
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/

/** A date in one of the documented non-internal formats (MM/dd/yyyy, dd.MM.yyyy hh:mm:ss a, …). */
const OTHER_DATE_FORMAT = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}(?: [\d.:]+(?: [AaPp][Mm])?)?$/

/** 'yyyy-MM-dd HH:mm:ss' (UTC) → ms, or null when not a valid date-time. */
function parseGlideDateTime(value: string): number | null {
    const m = PATTERN.exec(value.trim())
    if (!m) {
        if (OTHER_DATE_FORMAT.test(value.trim())) notEmulated(`GlideDateTime value '${value}' in a format other than yyyy-MM-dd HH:mm:ss`)
        return null
    }
    const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1)
    const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s))
    return Number.isNaN(ms) ? null : ms
}

/** ms → 'yyyy-MM-dd HH:mm:ss' (UTC); the milliseconds are dropped, as getValue drops them. */
function formatGlideDateTime(ms: number): string {
    return new Date(ms).toISOString().slice(0, 19).replace('T', ' ')
}

interface ValueLike {
    getValue(): string | null
}

interface Duration {
    getNumericValue(): number
}

export class GlideDateTime {
    private ms: number | null

    constructor(value?: string | GlideDateTime | ValueLike | null) {
        this.ms = Date.now()
        if (value !== undefined && value !== null) this.setValue(value)
    }

    isValid(): boolean {
        return this.ms !== null
    }

    getValue(): string {
        return this.ms === null ? '' : formatGlideDateTime(this.ms)
    }

    /** A UTC 'yyyy-MM-dd HH:mm:ss' string, another GlideDateTime (or date-time element), or epoch milliseconds. */
    setValue(value: string | number | GlideDateTime | ValueLike): void {
        if (typeof value === 'number') this.ms = value
        else if (value instanceof GlideDateTime) this.ms = value.ms
        else if (typeof value === 'string') this.ms = parseGlideDateTime(value)
        else this.ms = parseGlideDateTime(value.getValue() ?? '')
    }

    setValueUTC(value: string, format: string): void {
        if (format !== INTERNAL_FORMAT) notEmulated(`GlideDateTime.setValueUTC() with the format '${format}'`)
        this.ms = parseGlideDateTime(value)
    }

    getDisplayValue(): string {
        return this.getValue()
    }

    getDisplayValueInternal(): string {
        return this.getValue()
    }

    setDisplayValue(value: string): void {
        this.setValue(value)
    }

    getNumericValue(): number {
        return this.ms ?? 0
    }

    setNumericValue(ms: number): void {
        this.ms = ms
    }

    add(value: number | Duration): void {
        if (this.ms !== null) this.ms += typeof value === 'number' ? value : value.getNumericValue()
    }

    /** The instance method subtracts milliseconds; the static one measures a duration. */
    subtract(value: number | Duration): void {
        this.add(-(typeof value === 'number' ? value : value.getNumericValue()))
    }

    addSeconds(seconds: number): void {
        this.add(seconds * 1000)
    }

    addDaysUTC(days: number): void {
        this.add(days * 86_400_000)
    }

    addDaysLocalTime(days: number): void {
        this.addDaysUTC(days)
    }

    addWeeksUTC(weeks: number): void {
        this.addDaysUTC(weeks * 7)
    }

    addWeeksLocalTime(weeks: number): void {
        this.addWeeksUTC(weeks)
    }

    addMonthsUTC(months: number): void {
        if (this.ms === null) return
        const d = new Date(this.ms)
        d.setUTCMonth(d.getUTCMonth() + months)
        this.ms = d.getTime()
    }

    addMonthsLocalTime(months: number): void {
        this.addMonthsUTC(months)
    }

    addYearsUTC(years: number): void {
        this.addMonthsUTC(years * 12)
    }

    addYearsLocalTime(years: number): void {
        this.addYearsUTC(years)
    }

    /** 1 when this is after other, -1 before, 0 at the same millisecond. */
    compareTo(other: GlideDateTime): number {
        return Math.sign(this.getNumericValue() - other.getNumericValue())
    }

    equals(other: GlideDateTime): boolean {
        return this.compareTo(other) === 0
    }

    before(other: GlideDateTime): boolean {
        return this.compareTo(other) < 0
    }

    after(other: GlideDateTime): boolean {
        return this.compareTo(other) > 0
    }

    onOrBefore(other: GlideDateTime): boolean {
        return this.compareTo(other) <= 0
    }

    onOrAfter(other: GlideDateTime): boolean {
        return this.compareTo(other) >= 0
    }

    toString(): string {
        return this.getValue()
    }

    /** The duration end − start (GlideDuration's getNumericValue / getValue / getDisplayValue, e.g. '2 Days 23 Hours'). */
    static subtract(start: GlideDateTime, end: GlideDateTime): { getNumericValue(): number; getValue(): string; getDisplayValue(): string } {
        const ms = end.getNumericValue() - start.getNumericValue()
        return {
            getNumericValue: () => ms,
            getValue: () => formatGlideDateTime(Date.UTC(1970, 0, 1) + ms),
            getDisplayValue: () => {
                const s = Math.floor(Math.abs(ms) / 1000)
                const parts = [[Math.floor(s / 86400), 'Day'], [Math.floor(s / 3600) % 24, 'Hour'], [Math.floor(s / 60) % 60, 'Minute'], [s % 60, 'Second']] as const
                return parts.filter(([n]) => n > 0).map(([n, u]) => `${n} ${u}${n === 1 ? '' : 's'}`).join(' ')
            },
        }
    }
}

refuseUnemulated(GlideDateTime.prototype, platformMethods('defaults', 'GlideDateTime'), 'GlideDateTime')
