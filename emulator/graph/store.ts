/**
 * What must survive a restart with the same dataDir: the controlStateUpdates entries PATCH appended (the fixtures'
 * initial entries are rebuilt at each start). One SQLite file, `graph.sqlite`.
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import type { SecureScoreControlStateUpdate } from '@microsoft/microsoft-graph-types'

export interface StateStore {
    appended(tenantId: string): { controlId: string; update: SecureScoreControlStateUpdate }[]
    append(tenantId: string, controlId: string, update: SecureScoreControlStateUpdate): void
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
    )`)
    const select = db.prepare<[string], { control_id: string; entry: string }>(
        'SELECT control_id, entry FROM control_state_updates WHERE tenant_id = ? ORDER BY seq',
    )
    const insert = db.prepare<[string, string, string]>('INSERT INTO control_state_updates (tenant_id, control_id, entry) VALUES (?, ?, ?)')
    return {
        appended: (tenantId) => select.all(tenantId).map((row) => ({ controlId: row.control_id, update: JSON.parse(row.entry) as SecureScoreControlStateUpdate })),
        append: (tenantId, controlId, update) => void insert.run(tenantId, controlId, JSON.stringify(update)),
        close: () => db.close(),
    }
}
