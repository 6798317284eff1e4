/**
 * What must survive a restart with the same dataDir: the controlStateUpdates entries PATCH appended (the fixtures'
 * initial entries are rebuilt at each start) and the admin consents granted through `/{tenant}/v2.0/adminconsent`
 * (a tenant that joined stays joined, as in Entra). One SQLite file, `graph.sqlite`.
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import type { SecureScoreControlStateUpdate } from '@microsoft/microsoft-graph-types'

export interface StateStore {
    appended(tenantId: string): { controlId: string; update: SecureScoreControlStateUpdate }[]
    append(tenantId: string, controlId: string, update: SecureScoreControlStateUpdate): void
    /** `tenantId|clientId` (lower case) of every admin consent granted so far. */
    consents(): string[]
    recordConsent(tenantId: string, clientId: string): void
    close(): void
}

export function openStateStore(dataDir: string): StateStore {
    const db = new Database(join(dataDir, 'graph.sqlite'))
    db.pragma('journal_mode = WAL')
    db.exec(`CREATE TABLE IF NOT EXISTS control_state_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant_id TEXT NOT NULL,
        control_id TEXT NOT NULL,
        entry TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS admin_consents (
        tenant_id TEXT NOT NULL,
        client_id TEXT NOT NULL,
        PRIMARY KEY (tenant_id, client_id)
    )`)
    const select = db.prepare<[string], { control_id: string; entry: string }>(
        'SELECT control_id, entry FROM control_state_updates WHERE tenant_id = ? ORDER BY seq',
    )
    const insert = db.prepare<[string, string, string]>('INSERT INTO control_state_updates (tenant_id, control_id, entry) VALUES (?, ?, ?)')
    const selectConsents = db.prepare<[], { tenant_id: string; client_id: string }>('SELECT tenant_id, client_id FROM admin_consents')
    const insertConsent = db.prepare<[string, string]>('INSERT OR IGNORE INTO admin_consents (tenant_id, client_id) VALUES (?, ?)')
    return {
        appended: (tenantId) => select.all(tenantId).map((row) => ({ controlId: row.control_id, update: JSON.parse(row.entry) as SecureScoreControlStateUpdate })),
        append: (tenantId, controlId, update) => void insert.run(tenantId, controlId, JSON.stringify(update)),
        consents: () => selectConsents.all().map((row) => `${row.tenant_id}|${row.client_id}`),
        recordConsent: (tenantId, clientId) => void insertConsent.run(tenantId.toLowerCase(), clientId.toLowerCase()),
        close: () => db.close(),
    }
}
