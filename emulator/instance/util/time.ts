/**
 * The platform's internal date-time text: UTC 'YYYY-MM-DD HH:mm:ss' (second resolution, as stored in
 * sys_created_on / sys_updated_on and returned by getValue on a glide_date_time field).
 *
 *   utcFormat(date | epochMs) → 'YYYY-MM-DD HH:mm:ss'
 *   utcNow()                  → the current time in that form
 */
export function utcFormat(when: Date | number): string {
    return new Date(when).toISOString().slice(0, 19).replace('T', ' ')
}

export function utcNow(): string {
    return utcFormat(Date.now())
}
