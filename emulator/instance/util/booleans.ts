/**
 * Boolean values as the platform's database stores them and as its APIs show them.
 *
 *   normalizeBoolean(text) → '1' | '0' | text     the stored form: 'true' / '1' → '1', 'false' / '0' → '0'
 *   booleanText(stored)    → 'true' | 'false'     how getDisplayValue, GlideElement.toString and the Table API show it
 *   isTrue(value)          → boolean             a boolean field's value ('1' / 'true'), stored or shown
 *   isTrueParameter(value) → boolean             a boolean request parameter (Table API sysparm_*): 'true' in any case
 *
 * Text that is not a boolean is returned unchanged, so a bad value stays visible instead of becoming false.
 */
export function normalizeBoolean(text: string): string {
    const s = text.toLowerCase()
    return s === 'true' || s === '1' ? '1' : s === 'false' || s === '0' ? '0' : text
}

export function booleanText(stored: string | null): 'true' | 'false' {
    return stored !== null && normalizeBoolean(stored) === '1' ? 'true' : 'false'
}

export function isTrue(value: string | null | undefined): boolean {
    return value !== null && value !== undefined && normalizeBoolean(value) === '1'
}

/**
 * A boolean request parameter as the platform reads it: 'true' in any case ('True', 'TRUE'), as clients send it
 * (Python's str(True)); anything else, or no parameter, is false.
 */
export function isTrueParameter(value: string | undefined): boolean {
    return value !== undefined && value.toLowerCase() === 'true'
}
