/**
 * The query string of a request URL as a null-prototype record: a parameter named `toString` or
 * `__proto__` is just a parameter, and `name in params` is true only for parameters the caller gave.
 * The first occurrence of a repeated parameter wins (local choice; the REST API docs do not say).
 *
 *   queryParams(url) → Record<string, string>
 */
export function queryParams(url: string): Record<string, string> {
    const out: Record<string, string> = Object.create(null)
    const start = url.indexOf('?')
    if (start >= 0) for (const [name, value] of new URLSearchParams(url.slice(start + 1))) if (!(name in out)) out[name] = value
    return out
}
