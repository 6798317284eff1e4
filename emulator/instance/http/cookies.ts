/**
 * Cookies, parsed and written by hand (the session cookie is the only one the instance sets).
 *
 *   readCookie(request, name) → value | undefined
 *   sessionCookie(id) / clearedSessionCookie()   Set-Cookie values: Path=/, HttpOnly, SameSite=Lax
 */
import type { FastifyRequest } from 'fastify'

export function readCookie(request: FastifyRequest, name: string): string | undefined {
    const header = request.headers.cookie
    if (!header) return undefined
    for (const part of header.split(';')) {
        const eq = part.indexOf('=')
        if (eq < 0) continue
        if (part.slice(0, eq).trim() !== name) continue
        const value = part.slice(eq + 1).trim()
        try {
            return decodeURIComponent(value)
        } catch {
            return value
        }
    }
    return undefined
}

export function sessionCookie(name: string, id: string): string {
    return `${name}=${encodeURIComponent(id)}; Path=/; HttpOnly; SameSite=Lax`
}

export function clearedCookie(name: string): string {
    return `${name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT`
}
