/**
 * Who is signed in, server side: the session, its cookie, its CSRF tokens, and the sign-in in progress.
 *
 *   const sessions = createSessions({ absoluteMs, idleMs })
 *   sessions.create(identity) → { id, session }     id goes in the cookie only; the store keeps its SHA-256
 *   sessions.get(id) → session | null               null when unknown, idle too long or past its absolute end
 *   sessions.destroy(id); sessions.destroyWhere(s => s.tenantId === removed); sessions.sweep()
 *   sessions.csrfToken(id), sessions.checkCsrf(id, token)   HMAC bound to the session, constant-time check
 *
 *   serializeSessionCookie(id, { secure, maxAgeSeconds }), clearedSessionCookie(secure), readSessionCookie(header, secure)
 *   newBrowserBinding(), serializeSignInCookie(binding, secure), clearedSignInCookie(secure), readSignInCookie(header, secure)
 *
 *   const pending = createPendingSignIns()
 *   pending.begin(returnPath, browserBinding?) → { state, nonce, codeVerifier, codeChallenge, returnPath, … }
 *   pending.take(state) → the same, once; null when unknown, used or expired (a replayed or forged state)
 *   boundTo(entry, browserBinding)     whether the callback came back to the browser that started the sign-in
 *
 * Session ids, states, nonces and verifiers are 256 random bits. A session is stored under the hash of its id, so
 * a dump of the sessions (or an injected store) cannot be replayed as cookies. The cookie is HttpOnly,
 * SameSite=Lax (the sign-in callback is a top-level GET from Entra, which Lax lets through), Path=/, and
 * `Secure` with the `__Host-` prefix behind HTTPS. Sessions live in memory unless a backing is injected; the
 * server injects the store's (bridge/store/session-rows.ts), so a restart signs nobody out.
 * A sign-in is bound to the browser that started it (login CSRF): /signin/start sets a short-lived cookie holding a
 * random binding whose hash the pending sign-in keeps, and the callback is taken only with that cookie, so a callback
 * URL made by someone else cannot sign another browser in as them.
 * The server's sign-in, sign-out and form routes use this; pages see only the session.
 */
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto'
import { CONTROL_CHARS } from '../domain/form-rules.ts'
import type { KnownRoles } from './roles.ts'

export interface SessionIdentity {
    tenantId: string
    oid: string
    upn: string
    name: string
    roles: KnownRoles
}

export interface Session extends SessionIdentity {
    createdAt: number
    lastSeenAt: number
}

/** Where sessions are kept, under the hash of their id; a Map by default. */
export interface SessionBacking {
    get(idHash: string): Session | undefined
    set(idHash: string, session: Session): void
    delete(idHash: string): void
    entries(): Iterable<[string, Session]>
}

export interface SessionOptions {
    /** A session ends this long after sign-in, however active (default 8 hours). */
    absoluteMs?: number
    /** A session ends after this long without a request (default 1 hour). */
    idleMs?: number
    /** The CSRF HMAC key; random per process by default (give one with a persistent backing). */
    csrfKey?: Buffer
    backing?: SessionBacking
    now?: () => number
}

export interface Sessions {
    readonly absoluteMs: number
    create(identity: SessionIdentity): { id: string; session: Session }
    get(id: string): Session | null
    destroy(id: string): void
    destroyWhere(match: (session: Session) => boolean): number
    sweep(): number
    csrfToken(id: string): string
    checkCsrf(id: string, token: string): boolean
}

export const DEFAULT_SESSION_ABSOLUTE_MS = 8 * 3600_000
export const DEFAULT_SESSION_IDLE_MS = 3600_000
/** 32 random bytes in base64url. */
const RANDOM_ID = /^[A-Za-z0-9_-]{43}$/

const randomId = (): string => randomBytes(32).toString('base64url')
const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64url')

export function createSessions(options: SessionOptions = {}): Sessions {
    const absoluteMs = options.absoluteMs ?? DEFAULT_SESSION_ABSOLUTE_MS
    const idleMs = options.idleMs ?? DEFAULT_SESSION_IDLE_MS
    const csrfKey = options.csrfKey ?? randomBytes(32)
    const backing = options.backing ?? new Map<string, Session>()
    const now = options.now ?? Date.now
    const expired = (session: Session, at: number) => at - session.createdAt >= absoluteMs || at - session.lastSeenAt >= idleMs
    const csrfFor = (id: string) => createHmac('sha256', csrfKey).update('csrf\0').update(id).digest()
    const destroyWhere = (match: (session: Session) => boolean): number => {
        const doomed = [...backing.entries()].filter(([, session]) => match(session)).map(([hash]) => hash)
        for (const hash of doomed) backing.delete(hash)
        return doomed.length
    }

    return {
        absoluteMs,
        create(identity) {
            const id = randomId()
            const at = now()
            const session: Session = { ...identity, createdAt: at, lastSeenAt: at }
            backing.set(sha256(id), session)
            return { id, session }
        },
        get(id) {
            if (!RANDOM_ID.test(id)) return null
            const hash = sha256(id)
            const session = backing.get(hash)
            if (!session) return null
            const at = now()
            if (expired(session, at)) {
                backing.delete(hash)
                return null
            }
            const touched = { ...session, lastSeenAt: at }
            backing.set(hash, touched)
            return touched
        },
        destroy(id) {
            backing.delete(sha256(id))
        },
        destroyWhere,
        sweep() {
            const at = now()
            return destroyWhere((session) => expired(session, at))
        },
        csrfToken(id) {
            return csrfFor(id).toString('base64url')
        },
        checkCsrf(id, token) {
            if (!RANDOM_ID.test(id) || typeof token !== 'string') return false
            const given = Buffer.from(token, 'base64url')
            const expected = csrfFor(id)
            return given.length === expected.length && timingSafeEqual(given, expected)
        },
    }
}

/** The CSRF key of a bridge whose sessions outlive the process: derived from its secret key (HKDF-SHA-256). */
export function csrfKeyFrom(secretKey: Buffer): Buffer {
    return Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'bridge csrf v1', 32))
}

// --- the cookie ------------------------------------------------------------------------------------

/** `__Host-` makes the browser refuse the cookie unless Secure, Path=/ and without Domain (RFC 6265bis). */
export function sessionCookieName(secure: boolean): string {
    return secure ? '__Host-bridge_session' : 'bridge_session'
}

export function serializeSessionCookie(id: string, options: { secure: boolean; maxAgeSeconds: number }): string {
    return `${sessionCookieName(options.secure)}=${id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${Math.floor(options.maxAgeSeconds)}${options.secure ? '; Secure' : ''}`
}

export function clearedSessionCookie(secure: boolean): string {
    return `${sessionCookieName(secure)}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure ? '; Secure' : ''}`
}

/** The session id from a Cookie header, or null. */
export function readSessionCookie(header: string | undefined, secure: boolean): string | null {
    return readCookie(header, sessionCookieName(secure))
}

/** The sign-in's browser binding: as long as a sign-in may take (DEFAULT_SIGN_IN_TTL_MS). */
export function signInCookieName(secure: boolean): string {
    return secure ? '__Host-bridge_signin' : 'bridge_signin'
}

export const newBrowserBinding = (): string => randomId()

export function serializeSignInCookie(binding: string, secure: boolean): string {
    return `${signInCookieName(secure)}=${binding}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${DEFAULT_SIGN_IN_TTL_MS / 1000}${secure ? '; Secure' : ''}`
}

export function clearedSignInCookie(secure: boolean): string {
    return `${signInCookieName(secure)}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure ? '; Secure' : ''}`
}

export function readSignInCookie(header: string | undefined, secure: boolean): string | null {
    return readCookie(header, signInCookieName(secure))
}

function readCookie(header: string | undefined, name: string): string | null {
    if (!header) return null
    for (const pair of header.split(';')) {
        const at = pair.indexOf('=')
        if (at > 0 && pair.slice(0, at).trim() === name) {
            const value = pair.slice(at + 1).trim()
            return RANDOM_ID.test(value) ? value : null
        }
    }
    return null
}

// --- the sign-in in progress ------------------------------------------------------------------------

export interface PendingSignIn {
    /** Sent as `state`; the callback must bring it back. */
    state: string
    /** Sent as `nonce`; the ID token must carry it. */
    nonce: string
    /** PKCE (RFC 7636): the verifier stays here, its S256 challenge goes in the authorize URL. */
    codeVerifier: string
    codeChallenge: string
    /** Where to go after sign-in: a path on the bridge. */
    returnPath: string
    /** SHA-256 of the browser binding the sign-in was started with ('' when none: the callback needs none). */
    browserBindingHash: string
    createdAt: number
}

/** Whether the callback brought the binding of the browser that started the sign-in. */
export function boundTo(entry: PendingSignIn, browserBinding: string | null): boolean {
    if (entry.browserBindingHash === '') return true
    const given = Buffer.from(sha256(browserBinding ?? ''))
    const expected = Buffer.from(entry.browserBindingHash)
    return browserBinding !== null && given.length === expected.length && timingSafeEqual(given, expected)
}

export interface PendingSignIns {
    begin(returnPath: string, browserBinding?: string): PendingSignIn
    take(state: string): PendingSignIn | null
}

export const DEFAULT_SIGN_IN_TTL_MS = 10 * 60_000
const DEFAULT_MAX_PENDING = 10_000

/** A path on this site, or '/': never another origin (`//host`, `/\host`), never a control character. */
export function safeReturnPath(text: string): string {
    if (text.length > 2000 || !text.startsWith('/') || text.startsWith('//') || text.startsWith('/\\') || CONTROL_CHARS.test(text)) return '/'
    return text
}

/** RFC 7636 S256: BASE64URL(SHA256(ASCII(code_verifier))). */
export function pkceChallenge(codeVerifier: string): string {
    return createHash('sha256').update(codeVerifier, 'ascii').digest('base64url')
}

export function createPendingSignIns(options: { ttlMs?: number; max?: number; now?: () => number } = {}): PendingSignIns {
    const ttlMs = options.ttlMs ?? DEFAULT_SIGN_IN_TTL_MS
    const max = options.max ?? DEFAULT_MAX_PENDING
    const now = options.now ?? Date.now
    // Insertion order is age order: the oldest are dropped first, whether expired or past the bound.
    const pending = new Map<string, PendingSignIn>()
    const dropExpired = (at: number) => {
        for (const [state, entry] of pending) {
            if (at - entry.createdAt < ttlMs) break
            pending.delete(state)
        }
    }

    return {
        begin(returnPath, browserBinding) {
            const at = now()
            dropExpired(at)
            const codeVerifier = randomId()
            const entry: PendingSignIn = {
                state: randomId(),
                nonce: randomId(),
                codeVerifier,
                codeChallenge: pkceChallenge(codeVerifier),
                returnPath: safeReturnPath(returnPath),
                browserBindingHash: browserBinding ? sha256(browserBinding) : '',
                createdAt: at,
            }
            pending.set(entry.state, entry)
            while (pending.size > max) pending.delete(pending.keys().next().value as string)
            return entry
        },
        take(state) {
            const entry = pending.get(state)
            if (!entry) return null
            pending.delete(state)
            return now() - entry.createdAt < ttlMs ? entry : null
        },
    }
}
