/**
 * One tenant's Secure Score as last read from Microsoft Graph: the control profiles (the improvement actions),
 * the daily scores, and how the last refresh went. A refresh replaces the snapshot in one transaction; a partial
 * answer (206) never replaces it. Made by TenantStore (store.ts) with its tenant; the schema is in migrations.ts.
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

type Row = { [column: string]: string | number | null }

export class SecureScoreStore {
    constructor(
        private readonly db: Database.Database,
        private readonly tenantId: string,
    ) {}

    /** Replaces the tenant's profiles and scores with a full answer. */
    replaceSnapshot(profiles: SecureScoreControlProfile[], scores: SecureScore[], at: string): void {
        const insertProfile = this.db.prepare('INSERT INTO control_profile (tenant_id, id, json) VALUES (?, ?, ?)')
        const insertScore = this.db.prepare('INSERT OR REPLACE INTO secure_score (tenant_id, id, created, json) VALUES (?, ?, ?, ?)')
        const tenantId = this.tenantId
        this.db.transaction(() => {
            this.db.prepare('DELETE FROM control_profile WHERE tenant_id = ?').run(tenantId)
            for (const profile of profiles) insertProfile.run(tenantId, String(profile.id), JSON.stringify(profile))
            this.db.prepare('DELETE FROM secure_score WHERE tenant_id = ?').run(tenantId)
            for (const score of scores) insertScore.run(tenantId, String(score.id), String(score.createdDateTime ?? ''), JSON.stringify(score))
            this.saveStatus({ lastFullAt: at, lastAttemptAt: at, lastError: null, partialWarning: null })
        })()
    }

    /** Replaces one profile (after a state update was written, or read back). */
    replaceProfile(profile: SecureScoreControlProfile): void {
        this.db.prepare('INSERT OR REPLACE INTO control_profile (tenant_id, id, json) VALUES (?, ?, ?)').run(this.tenantId, String(profile.id), JSON.stringify(profile))
    }

    profiles(): SecureScoreControlProfile[] {
        const rows = this.db.prepare('SELECT json FROM control_profile WHERE tenant_id = ?').all(this.tenantId) as Row[]
        return rows.map((row) => JSON.parse(String(row.json)) as SecureScoreControlProfile)
    }

    profile(id: string): SecureScoreControlProfile | null {
        const row = this.db.prepare('SELECT json FROM control_profile WHERE tenant_id = ? AND id = ?').get(this.tenantId, id) as Row | undefined
        return row ? (JSON.parse(String(row.json)) as SecureScoreControlProfile) : null
    }

    /** The tenant's daily scores, newest first. */
    scores(): SecureScore[] {
        const rows = this.db.prepare('SELECT json FROM secure_score WHERE tenant_id = ? ORDER BY created DESC').all(this.tenantId) as Row[]
        return rows.map((row) => JSON.parse(String(row.json)) as SecureScore)
    }

    latestScore(): SecureScore | null {
        const row = this.db.prepare('SELECT json FROM secure_score WHERE tenant_id = ? ORDER BY created DESC LIMIT 1').get(this.tenantId) as Row | undefined
        return row ? (JSON.parse(String(row.json)) as SecureScore) : null
    }

    status(): RefreshStatus {
        const tenantId = this.tenantId
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

    saveStatus(change: Partial<Omit<RefreshStatus, 'tenantId'>>): void {
        const next = { ...this.status(), ...change }
        this.db
            .prepare(
                `INSERT INTO refresh_status (tenant_id, last_full_at, last_attempt_at, last_error, partial_warning, read_only)
                 VALUES (@tenantId, @lastFullAt, @lastAttemptAt, @lastError, @partialWarning, @readOnly)
                 ON CONFLICT (tenant_id) DO UPDATE SET last_full_at = excluded.last_full_at, last_attempt_at = excluded.last_attempt_at,
                   last_error = excluded.last_error, partial_warning = excluded.partial_warning, read_only = excluded.read_only`,
            )
            .run({ ...next, tenantId: this.tenantId, readOnly: next.readOnly ? 1 : 0 })
    }
}
