/**
 * Sessions kept in the store (table `session`, migration 4), so a restart or an upgrade of the bridge does not sign
 * everyone out: the SessionBacking of bridge/security/sessions.ts over SQLite. A row is keyed by the SHA-256 of the
 * session id (sessions.ts hashes it), never the id itself, so the file cannot be replayed as cookies.
 *
 * Every request touches its session (lastSeenAt). Committing each touch would cost a disk write per page view, so a
 * touch is written only once it is LAST_SEEN_WRITE_MS newer than the stored one, and kept in memory until then. After
 * a restart a session may therefore look up to a minute less recently used: it can end that much earlier when idle,
 * never later.
 */
import type Database from 'better-sqlite3'
import type { Session, SessionBacking } from '../security/sessions.ts'

export const LAST_SEEN_WRITE_MS = 60_000

type Row = { id_hash: string; session_json: string }

export function sessionRows(db: Database.Database): SessionBacking {
    /** Sessions read or written by this process, with the lastSeenAt the row holds. */
    const known = new Map<string, { session: Session; storedLastSeenAt: number }>()
    const select = db.prepare('SELECT id_hash, session_json FROM session WHERE id_hash = ?')
    const upsert = db.prepare(
        `INSERT INTO session (id_hash, tenant_id, session_json, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id_hash) DO UPDATE SET session_json = excluded.session_json, last_seen_at = excluded.last_seen_at`,
    )
    const remove = db.prepare('DELETE FROM session WHERE id_hash = ?')
    const all = db.prepare('SELECT id_hash, session_json FROM session')
    const parse = (row: Row): Session => JSON.parse(row.session_json) as Session

    return {
        get(idHash) {
            const cached = known.get(idHash)
            if (cached) return cached.session
            const row = select.get(idHash) as Row | undefined
            if (!row) return undefined
            const session = parse(row)
            known.set(idHash, { session, storedLastSeenAt: session.lastSeenAt })
            return session
        },
        set(idHash, session) {
            const cached = known.get(idHash)
            const onlyTouched = cached !== undefined && cached.session.createdAt === session.createdAt && cached.session.oid === session.oid
            if (onlyTouched && session.lastSeenAt - cached.storedLastSeenAt < LAST_SEEN_WRITE_MS) {
                known.set(idHash, { session, storedLastSeenAt: cached.storedLastSeenAt })
                return
            }
            upsert.run(idHash, session.tenantId, JSON.stringify(session), session.createdAt, session.lastSeenAt)
            known.set(idHash, { session, storedLastSeenAt: session.lastSeenAt })
        },
        delete(idHash) {
            known.delete(idHash)
            remove.run(idHash)
        },
        *entries() {
            const stored = all.all() as Row[]
            for (const row of stored) yield [row.id_hash, known.get(row.id_hash)?.session ?? parse(row)] as [string, Session]
            // A session this process holds whose row went another way (its tenant removed): still one to end.
            const hashes = new Set(stored.map((row) => row.id_hash))
            for (const [hash, { session }] of known) if (!hashes.has(hash)) yield [hash, session] as [string, Session]
        },
    }
}
