/**
 * Interactive sessions (login.do): a JSESSIONID cookie names the session; its token is the page global
 * g_ck that API calls made with the session cookie must send as X-UserToken.
 *
 *   new SessionStore({ idleSeconds = 1800 })
 *   create(userSysId, userName) → Session        a new session id and token (called on login: no fixation)
 *   get(id) → Session | undefined                 refreshes the idle timer; expired sessions are dropped
 *   destroy(id)
 */
import { randomToken } from '../security/secrets.ts'

export const SESSION_COOKIE = 'JSESSIONID'

export interface Session {
    id: string
    token: string
    userSysId: string
    userName: string
    lastSeen: number
}

export class SessionStore {
    private readonly sessions = new Map<string, Session>()
    private readonly idleMs: number

    constructor(options: { idleSeconds?: number } = {}) {
        this.idleMs = (options.idleSeconds ?? 1800) * 1000
    }

    create(userSysId: string, userName: string): Session {
        const session: Session = { id: randomToken(24), token: randomToken(24), userSysId, userName, lastSeen: Date.now() }
        this.sessions.set(session.id, session)
        return session
    }

    get(id: string | undefined): Session | undefined {
        if (!id) return undefined
        const session = this.sessions.get(id)
        if (!session) return undefined
        if (Date.now() - session.lastSeen > this.idleMs) {
            this.sessions.delete(id)
            return undefined
        }
        session.lastSeen = Date.now()
        return session
    }

    destroy(id: string | undefined): void {
        if (id) this.sessions.delete(id)
    }
}
