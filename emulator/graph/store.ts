/**
 * What must survive a restart with the same dataDir: the controlStateUpdates entries PATCH appended (the fixtures'
 * initial entries are rebuilt at each start), the admin consents granted through `/{tenant}/v2.0/adminconsent` (a
 * tenant that joined stays joined, as in Entra) with the delegated permissions each covered, the people's
 * `signInSessionsValidFromDateTime` (set by revokeSignInSessions; revoked refresh tokens stay revoked) and the
 * Entra roles changed at run time. One SQLite file, `graph.sqlite`.
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import type { SecureScoreControlStateUpdate } from '@microsoft/microsoft-graph-types'

export interface StoredConsent {
    /** `tenantId|clientId`, lower case. */
    key: string
    /** The delegated permissions the consent covered; null for a consent recorded before they were kept (covers all configured). */
    delegatedScopes: string[] | null
}

export interface StateStore {
    appended(tenantId: string): { controlId: string; update: SecureScoreControlStateUpdate }[]
    append(tenantId: string, controlId: string, update: SecureScoreControlStateUpdate): void
    consents(): StoredConsent[]
    recordConsent(tenantId: string, clientId: string, delegatedScopes: string[]): void
    /** objectId (lower case) → epoch ms before which the person's refresh tokens are refused. */
    signInSessionsValidFrom(): Map<string, number>
    recordSignInSessionsValidFrom(objectId: string, validFromMs: number): void
    /** objectId (lower case) → the roles set at run time (they replace the seed's). */
    userRoles(): Map<string, string[]>
    recordUserRoles(objectId: string, roles: string[]): void
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
    );
    CREATE TABLE IF NOT EXISTS sign_in_sessions (
        object_id TEXT PRIMARY KEY,
        valid_from_ms INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS user_roles (
        object_id TEXT PRIMARY KEY,
        roles TEXT NOT NULL
    )`)
    // A graph.sqlite written before consents kept their delegated permissions gains the column (NULL: all configured).
    const consentColumns = db.prepare<[], { name: string }>('PRAGMA table_info(admin_consents)').all()
    if (!consentColumns.some((column) => column.name === 'delegated_scopes')) db.exec('ALTER TABLE admin_consents ADD COLUMN delegated_scopes TEXT')
    const select = db.prepare<[string], { control_id: string; entry: string }>(
        'SELECT control_id, entry FROM control_state_updates WHERE tenant_id = ? ORDER BY seq',
    )
    const insert = db.prepare<[string, string, string]>('INSERT INTO control_state_updates (tenant_id, control_id, entry) VALUES (?, ?, ?)')
    const selectConsents = db.prepare<[], { tenant_id: string; client_id: string; delegated_scopes: string | null }>('SELECT tenant_id, client_id, delegated_scopes FROM admin_consents')
    const upsertConsent = db.prepare<[string, string, string]>(
        'INSERT INTO admin_consents (tenant_id, client_id, delegated_scopes) VALUES (?, ?, ?) ON CONFLICT (tenant_id, client_id) DO UPDATE SET delegated_scopes = excluded.delegated_scopes',
    )
    const selectSessions = db.prepare<[], { object_id: string; valid_from_ms: number }>('SELECT object_id, valid_from_ms FROM sign_in_sessions')
    const upsertSession = db.prepare<[string, number]>('INSERT INTO sign_in_sessions (object_id, valid_from_ms) VALUES (?, ?) ON CONFLICT (object_id) DO UPDATE SET valid_from_ms = excluded.valid_from_ms')
    const selectRoles = db.prepare<[], { object_id: string; roles: string }>('SELECT object_id, roles FROM user_roles')
    const upsertRoles = db.prepare<[string, string]>('INSERT INTO user_roles (object_id, roles) VALUES (?, ?) ON CONFLICT (object_id) DO UPDATE SET roles = excluded.roles')
    return {
        appended: (tenantId) => select.all(tenantId).map((row) => ({ controlId: row.control_id, update: JSON.parse(row.entry) as SecureScoreControlStateUpdate })),
        append: (tenantId, controlId, update) => void insert.run(tenantId, controlId, JSON.stringify(update)),
        consents: () =>
            selectConsents.all().map((row) => ({ key: `${row.tenant_id}|${row.client_id}`, delegatedScopes: row.delegated_scopes === null ? null : (JSON.parse(row.delegated_scopes) as string[]) })),
        recordConsent: (tenantId, clientId, delegatedScopes) => void upsertConsent.run(tenantId.toLowerCase(), clientId.toLowerCase(), JSON.stringify(delegatedScopes)),
        signInSessionsValidFrom: () => new Map(selectSessions.all().map((row) => [row.object_id, row.valid_from_ms])),
        recordSignInSessionsValidFrom: (objectId, validFromMs) => void upsertSession.run(objectId.toLowerCase(), validFromMs),
        userRoles: () => new Map(selectRoles.all().map((row) => [row.object_id, JSON.parse(row.roles) as string[]])),
        recordUserRoles: (objectId, roles) => void upsertRoles.run(objectId.toLowerCase(), JSON.stringify(roles)),
        close: () => db.close(),
    }
}
