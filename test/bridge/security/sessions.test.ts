/**
 * bridge/security/sessions.ts: sessions kept under the hash of their id, idle and absolute expiry, CSRF tokens
 * bound to one session, the cookie's attributes, and the sign-in in progress: single use, expiry, PKCE S256
 * (RFC 7636's own example), and a return path that cannot leave the bridge. Time is the modules' `now`.
 */
import { randomBytes } from 'node:crypto'
import { ENTRA_ROLES, rolesFromToken, type KnownRoles } from '../../../bridge/security/roles.ts'
import {
    clearedSessionCookie,
    createPendingSignIns,
    createSessions,
    pkceChallenge,
    readSessionCookie,
    safeReturnPath,
    serializeSessionCookie,
    type Session,
} from '../../../bridge/security/sessions.ts'

const CONTOSO = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const FABRIKAM = 'b6c5a4e3-1f2d-4c3b-8a79-0e1f2a3b4c5d'
const roles = rolesFromToken([ENTRA_ROLES.securityAdministrator]) as KnownRoles
const identity = (tenantId = CONTOSO) => ({ tenantId, oid: 'oid-1', upn: 'secadmin@contoso.onmicrosoft.com', name: 'Megan Bowen', roles })

describe('sessions', () => {
    it('keeps a session under the hash of its 256-bit id, never the id itself', () => {
        const backing = new Map<string, Session>()
        const sessions = createSessions({ backing })
        const { id, session } = sessions.create(identity())
        expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/)
        expect(Buffer.from(id, 'base64url')).toHaveLength(32)
        expect([...backing.keys()]).toHaveLength(1)
        expect(backing.has(id)).toBe(false)
        expect(sessions.get(id)).toMatchObject({ tenantId: CONTOSO, upn: 'secadmin@contoso.onmicrosoft.com', createdAt: session.createdAt })
        expect(sessions.create(identity()).id).not.toBe(id)
    })

    it('ends a session left idle, and keeps one in use alive until its absolute end', () => {
        let clock = 0
        const sessions = createSessions({ idleMs: 1000, absoluteMs: 2500, now: () => clock })
        const idle = sessions.create(identity()).id
        const busy = sessions.create(identity()).id
        clock = 900
        expect(sessions.get(busy)).not.toBeNull()
        clock = 1000
        expect(sessions.get(idle)).toBeNull()
        clock = 1800
        expect(sessions.get(busy)).not.toBeNull()
        clock = 2400
        expect(sessions.get(busy)).not.toBeNull()
        clock = 2500
        expect(sessions.get(busy)).toBeNull()
    })

    it('forgets a destroyed session and every session of a removed tenant', () => {
        const sessions = createSessions()
        const signedOut = sessions.create(identity()).id
        const contoso = sessions.create(identity()).id
        const fabrikam = sessions.create(identity(FABRIKAM)).id
        sessions.destroy(signedOut)
        expect(sessions.get(signedOut)).toBeNull()
        expect(sessions.destroyWhere((s) => s.tenantId === CONTOSO)).toBe(1)
        expect(sessions.get(contoso)).toBeNull()
        expect(sessions.get(fabrikam)).not.toBeNull()
    })

    it('sweeps expired sessions out of the backing', () => {
        let clock = 0
        const backing = new Map<string, Session>()
        const sessions = createSessions({ idleMs: 1000, backing, now: () => clock })
        sessions.create(identity())
        const kept = sessions.create(identity()).id
        clock = 999
        sessions.get(kept)
        clock = 1500
        expect(sessions.sweep()).toBe(1)
        expect(backing.size).toBe(1)
    })

    it('answers null for ids it never made', () => {
        const sessions = createSessions()
        sessions.create(identity())
        for (const id of ['', 'x', randomBytes(32).toString('base64url'), '../../etc/passwd'.padEnd(43, 'a')]) expect(sessions.get(id)).toBeNull()
    })
})

describe('CSRF tokens', () => {
    const sessions = createSessions()
    const mine = sessions.create(identity()).id
    const theirs = sessions.create(identity(FABRIKAM)).id

    it("accepts a session's own token, stable across pages", () => {
        expect(sessions.checkCsrf(mine, sessions.csrfToken(mine))).toBe(true)
        expect(sessions.csrfToken(mine)).toBe(sessions.csrfToken(mine))
    })

    it("refuses another session's token, a changed one, an empty one and one from another process's key", () => {
        expect(sessions.checkCsrf(mine, sessions.csrfToken(theirs))).toBe(false)
        const token = Buffer.from(sessions.csrfToken(mine), 'base64url')
        token[0] ^= 1
        expect(sessions.checkCsrf(mine, token.toString('base64url'))).toBe(false)
        expect(sessions.checkCsrf(mine, '')).toBe(false)
        expect(sessions.checkCsrf(mine, sessions.csrfToken(mine).slice(0, 20))).toBe(false)
        expect(createSessions().checkCsrf(mine, sessions.csrfToken(mine))).toBe(false)
    })

    it('accepts tokens made under the same key by another instance (a persistent backing)', () => {
        const csrfKey = randomBytes(32)
        expect(createSessions({ csrfKey }).checkCsrf(mine, createSessions({ csrfKey }).csrfToken(mine))).toBe(true)
    })
})

describe('the session cookie', () => {
    const id = randomBytes(32).toString('base64url')

    it('is HttpOnly, SameSite=Lax, Path=/, expires, and behind HTTPS is Secure with the __Host- prefix', () => {
        expect(serializeSessionCookie(id, { secure: true, maxAgeSeconds: 28_800 })).toBe(`__Host-bridge_session=${id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=28800; Secure`)
        expect(serializeSessionCookie(id, { secure: false, maxAgeSeconds: 28_800 })).toBe(`bridge_session=${id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=28800`)
    })

    it('is cleared on sign-out with the same attributes', () => {
        expect(clearedSessionCookie(true)).toBe('__Host-bridge_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure')
    })

    it('is read from a Cookie header among others, and only in its own name and shape', () => {
        expect(readSessionCookie(`theme=dark; __Host-bridge_session=${id}; other=1`, true)).toBe(id)
        expect(readSessionCookie(`bridge_session=${id}`, true)).toBeNull()
        expect(readSessionCookie(`__Host-bridge_session=${id}`, false)).toBeNull()
        expect(readSessionCookie('__Host-bridge_session=short', true)).toBeNull()
        expect(readSessionCookie(undefined, true)).toBeNull()
    })
})

describe('the sign-in in progress', () => {
    it('makes a fresh state, nonce and PKCE verifier with its S256 challenge', () => {
        const pending = createPendingSignIns()
        const first = pending.begin('/actions')
        const second = pending.begin('/actions')
        for (const value of [first.state, first.nonce, first.codeVerifier]) expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/)
        expect(new Set([first.state, first.nonce, first.codeVerifier, second.state, second.nonce, second.codeVerifier]).size).toBe(6)
        expect(first.codeChallenge).toBe(pkceChallenge(first.codeVerifier))
        expect(first.returnPath).toBe('/actions')
    })

    it("computes S256 as RFC 7636's example does", () => {
        expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')
    })

    it('gives a state back once: a replayed or forged state is refused', () => {
        const pending = createPendingSignIns()
        const started = pending.begin('/')
        expect(pending.take(started.state)).toEqual(started)
        expect(pending.take(started.state)).toBeNull()
        expect(pending.take(randomBytes(32).toString('base64url'))).toBeNull()
        expect(pending.take('')).toBeNull()
    })

    it('refuses a state past its lifetime', () => {
        let clock = 0
        const pending = createPendingSignIns({ ttlMs: 600_000, now: () => clock })
        const late = pending.begin('/')
        const inTime = pending.begin('/')
        clock = 599_999
        expect(pending.take(inTime.state)).not.toBeNull()
        clock = 600_000
        expect(pending.take(late.state)).toBeNull()
    })

    it('keeps at most its bound, dropping the oldest', () => {
        const pending = createPendingSignIns({ max: 2 })
        const oldest = pending.begin('/')
        const middle = pending.begin('/')
        const newest = pending.begin('/')
        expect(pending.take(oldest.state)).toBeNull()
        expect(pending.take(middle.state)).not.toBeNull()
        expect(pending.take(newest.state)).not.toBeNull()
    })

    it('returns only to a path on the bridge', () => {
        expect(safeReturnPath('/tickets/CHG0030001?x=1')).toBe('/tickets/CHG0030001?x=1')
        for (const hostile of ['https://attacker.example/', '//attacker.example/', '/\\attacker.example', 'actions', '/a\r\nSet-Cookie: x=1', '/' + 'a'.repeat(2000)]) {
            expect(safeReturnPath(hostile)).toBe('/')
        }
        expect(createPendingSignIns().begin('//attacker.example').returnPath).toBe('/')
    })
})
