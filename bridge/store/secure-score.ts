/**
 * Each tenant's Secure Score as last read from Microsoft Graph: the control profiles (the improvement actions),
 * the daily scores, and how the last refresh went. A refresh replaces a tenant's snapshot in one transaction;
 * a partial answer (206) never replaces it.
 */
import type Database from 'better-sqlite3'
import type { SecureScore, SecureScoreControlProfile } from '@microsoft/microsoft-graph-types'

export interface RefreshStatus {
    tenantId: string
    /** When the stored snapshot was read (the last full answer). */
    lastFullAt: string | null
    lastAttemptAt: string | null
    /** The last refresh's error; cleared by the next full one. */
    lastError: string | null
    /** Set when the last answer was partial (206 + Warning): its warning; the snapshot is the older full one. */
    partialWarning: string | null
    /** The app's Graph permissions in this tenant lack SecurityEvents.ReadWrite.All: write-back cannot run. */
    readOnly: boolean
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS control_profile (tenant_id TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (tenant_id, id));
CREATE TABLE IF NOT EXISTS secure_score (tenant_id TEXT NOT NULL, id TEXT NOT NULL, created TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (tenant_id, id));
CREATE TABLE IF NOT EXISTS refresh_status (
    tenant_id TEXT PRIMARY KEY, last_full_at TEXT, last_attempt_at TEXT, last_error TEXT, partial_warning TEXT,
    read_only INTEGER NOT NULL DEFAULT 0
);
`

type Row = { [column: string]: string | number | null }

export class SecureScoreStore {
    constructor(private readonly db: Database.Database) {
        db.exec(SCHEMA)
    }

    /** Replaces the tenant's profiles and scores with a full answer. */
    replaceSnapshot(tenantId: string, profiles: SecureScoreControlProfile[], scores: SecureScore[], at: string): void {
        const insertProfile = this.db.prepare('INSERT INTO control_profile (tenant_id, id, json) VALUES (?, ?, ?)')
        const insertScore = this.db.prepare('INSERT OR REPLACE INTO secure_score (tenant_id, id, created, json) VALUES (?, ?, ?, ?)')
        this.db.transaction(() => {
            this.db.prepare('DELETE FROM control_profile WHERE tenant_id = ?').run(tenantId)
            for (const profile of profiles) insertProfile.run(tenantId, String(profile.id), JSON.stringify(profile))
            this.db.prepare('DELETE FROM secure_score WHERE tenant_id = ?').run(tenantId)
            for (const score of scores) insertScore.run(tenantId, String(score.id), String(score.createdDateTime ?? ''), JSON.stringify(score))
            this.saveStatus(tenantId, { lastFullAt: at, lastAttemptAt: at, lastError: null, partialWarning: null })
        })()
    }

    /** Replaces one profile (after a state update was written, or read back). */
    replaceProfile(tenantId: string, profile: SecureScoreControlProfile): void {
        this.db.prepare('INSERT OR REPLACE INTO control_profile (tenant_id, id, json) VALUES (?, ?, ?)').run(tenantId, String(profile.id), JSON.stringify(profile))
    }

    profiles(tenantId: string): SecureScoreControlProfile[] {
        const rows = this.db.prepare('SELECT json FROM control_profile WHERE tenant_id = ?').all(tenantId) as Row[]
        return rows.map((row) => JSON.parse(String(row.json)) as SecureScoreControlProfile)
    }

    profile(tenantId: string, id: string): SecureScoreControlProfile | null {
        const row = this.db.prepare('SELECT json FROM control_profile WHERE tenant_id = ? AND id = ?').get(tenantId, id) as Row | undefined
        return row ? (JSON.parse(String(row.json)) as SecureScoreControlProfile) : null
    }

    /** The tenant's daily scores, newest first. */
    scores(tenantId: string): SecureScore[] {
        const rows = this.db.prepare('SELECT json FROM secure_score WHERE tenant_id = ? ORDER BY created DESC').all(tenantId) as Row[]
        return rows.map((row) => JSON.parse(String(row.json)) as SecureScore)
    }

    latestScore(tenantId: string): SecureScore | null {
        const row = this.db.prepare('SELECT json FROM secure_score WHERE tenant_id = ? ORDER BY created DESC LIMIT 1').get(tenantId) as Row | undefined
        return row ? (JSON.parse(String(row.json)) as SecureScore) : null
    }

    status(tenantId: string): RefreshStatus {
        const row = this.db.prepare('SELECT * FROM refresh_status WHERE tenant_id = ?').get(tenantId) as Row | undefined
        const text = (value: string | number | null | undefined) => (value === null || value === undefined ? null : String(value))
        return {
            tenantId,
            lastFullAt: text(row?.last_full_at),
            lastAttemptAt: text(row?.last_attempt_at),
            lastError: text(row?.last_error),
            partialWarning: text(row?.partial_warning),
            readOnly: Number(row?.read_only ?? 0) === 1,
        }
    }

    saveStatus(tenantId: string, change: Partial<Omit<RefreshStatus, 'tenantId'>>): void {
        const next = { ...this.status(tenantId), ...change }
        this.db
            .prepare(
                `INSERT INTO refresh_status (tenant_id, last_full_at, last_attempt_at, last_error, partial_warning, read_only)
                 VALUES (@tenantId, @lastFullAt, @lastAttemptAt, @lastError, @partialWarning, @readOnly)
                 ON CONFLICT (tenant_id) DO UPDATE SET last_full_at = excluded.last_full_at, last_attempt_at = excluded.last_attempt_at,
                   last_error = excluded.last_error, partial_warning = excluded.partial_warning, read_only = excluded.read_only`,
            )
            .run({ ...next, tenantId, readOnly: next.readOnly ? 1 : 0 })
    }
}
