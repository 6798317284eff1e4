/**
 * GlideDateTime: an instant, held as epoch milliseconds. Values are UTC 'YYYY-MM-DD HH:mm:ss' as on the
 * platform. The emulated instance's system and user time zone is UTC, so display values equal values.
 *
 *   new GlideDateTime() (now) | new GlideDateTime('YYYY-MM-DD HH:mm:ss' | 'YYYY-MM-DD') | new GlideDateTime(gdt)
 *   getValue/setValue, setValueUTC(value, format?), getDisplayValue/setDisplayValue, getDisplayValueInternal,
 *   getNumericValue/setNumericValue, add(ms), addSeconds, addDaysUTC, addDaysLocalTime, addWeeksUTC,
 *   addMonthsUTC, addYearsUTC, before/after/onOrBefore/onOrAfter/compareTo/equals, isValid, getDate,
 *   toString, GlideDateTime.subtract(start, end) → { getNumericValue, getValue, getDisplayValue }
 */

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/

/** 'YYYY-MM-DD HH:mm:ss' (UTC) → ms, or null when not a valid date-time. */
export function parseGlideDateTime(value: string): number | null {
    const m = PATTERN.exec(value.trim())
    if (!m) return null
    const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1)
    const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s))
    return Number.isNaN(ms) ? null : ms
}

export function formatGlideDateTime(ms: number): string {
    return new Date(ms).toISOString().slice(0, 19).replace('T', ' ')
}

interface ValueLike {
    getValue(): string | null
}

export class GlideDateTime {
    private ms: number | null

    constructor(value?: string | GlideDateTime | ValueLike | null) {
        this.ms = Date.now() - (Date.now() % 1000)
        if (value instanceof GlideDateTime) this.ms = value.ms
        else if (value !== undefined && value !== null) this.setValue(typeof value === 'string' ? value : (value.getValue() ?? ''))
    }

    isValid(): boolean {
        return this.ms !== null
    }

    getValue(): string {
        return this.ms === null ? '' : formatGlideDateTime(this.ms)
    }

    /** Accepts 'YYYY-MM-DD HH:mm:ss' (UTC) or epoch milliseconds. */
    setValue(value: string | number): void {
        this.ms = typeof value === 'number' ? value : parseGlideDateTime(String(value))
    }

    setValueUTC(value: string, format?: string): void {
        if (format && format !== 'yyyy-MM-dd HH:mm:ss') throw new Error(`GlideDateTime.setValueUTC: unsupported format ${format}`)
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

    getDate(): string {
        return this.getValue().slice(0, 10)
    }

    add(ms: number | { getNumericValue(): number }): void {
        if (this.ms !== null) this.ms += typeof ms === 'number' ? ms : ms.getNumericValue()
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

    addMonthsUTC(months: number): void {
        if (this.ms === null) return
        const d = new Date(this.ms)
        d.setUTCMonth(d.getUTCMonth() + months)
        this.ms = d.getTime()
    }

    addYearsUTC(years: number): void {
        this.addMonthsUTC(years * 12)
    }

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

    /** The duration end − start (GlideDuration's getNumericValue / getValue / getDisplayValue). */
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
