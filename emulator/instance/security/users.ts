/**
 * Users as the login page, basic auth and OAuth see them (sys_user).
 *
 *   findUser(store, idOrName) → the sys_user row
 *   checkLogin(store, userName, password) → the row when the password matches and the user may log in:
 *       active, not locked out, password stored hashed (scrypt$ / sha256$; a plain stored value never matches)
 *   canUseAccount(row)   active and not locked out (checked again on every token or session use)
 */
import { userByIdOrName, userByName } from '../store/lookups.ts'
import type { Row, Store } from '../store/store.ts'
import { sha256Hex, verifySecret } from './secrets.ts'
import { isTrue } from '../util/booleans.ts'

export function findUser(store: Store, idOrName: string): Row | undefined {
    return userByIdOrName(store, idOrName)
}


export function canUseAccount(row: Row | undefined): row is Row {
    return !!row && !isTrue(row.locked_out) && row.active !== 'false' && row.active !== '0'
}

/**
 * Successful checks, remembered by a digest of (user, stored hash, password) so that API clients sending
 * basic auth on every call do not pay a scrypt each time; a changed password or hash misses.
 */
const verified = new Set<string>()
function remember(key: string): void {
    if (verified.size >= 1000) verified.delete(verified.values().next().value!)
    verified.add(key)
}

const DUMMY_HASH = `scrypt$${'00'.repeat(16)}$${'00'.repeat(32)}`

export function checkLogin(store: Store, userName: string, password: string): Row | undefined {
    if (!userName || !password) return undefined
    const row = userByName(store, userName)
    const stored = row?.user_password ?? ''
    const hashed = stored.startsWith('scrypt$') || stored.startsWith('sha256$')
    const key = sha256Hex(`${row?.sys_id}\u0000${stored}\u0000${password}`)
    // Hash even for unknown users, so timing does not tell which user names exist.
    const ok = hashed && (verified.has(key) || verifySecret(stored, password))
    if (!hashed) verifySecret(DUMMY_HASH, password)
    if (ok) remember(key)
    return ok && canUseAccount(row) ? row : undefined
}

export function isWebServiceOnly(row: Row): boolean {
    return isTrue(row.web_service_access_only)
}
