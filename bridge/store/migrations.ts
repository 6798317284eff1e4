/**
 * The store's schema as numbered migrations, run at open: `PRAGMA user_version` is the number of the last one
 * applied, and each runs in its own transaction with its version bump, so a crash leaves the store at a whole
 * version. A store newer than this code is refused rather than written to.
 *
 *   1  the schema of the release before tenancy (commit 8d7ab83): one tenant, secrets in the clear
 *   2  tenancy: the tenant table, and a tenant_id on every row (backfilled with the one tenant of a 1-store)
 *   3  secrets at rest: the ServiceNow client secrets and tokens sealed (bridge/security/secret-box.ts)
 *   4  sessions kept across restarts (under the hash of their id), and the store's own settings (`store_meta`:
 *      whether the configured tenant was added, so a tenant removed on purpose does not come back at the next start)
 *   5  write-back as a signed-in Security Administrator: `write_back_delegate` (who, and msal's token cache with
 *      their refresh token, sealed), who wrote each state update (`write_back.written_by`, null: the app), and the
 *      rows failed on Graph's 403 to the app reworded, so that choosing a delegate sends them again
 *
 * A store written by release 1 has user_version 0 and its tables already: migration 1's CREATE IF NOT EXISTS
 * leaves them as they are. test/bridge/store-upgrade.test.ts opens such a store (test/bridge/fixtures).
 */
import type Database from 'better-sqlite3'
import type { SecretBox } from '../security/secret-box.ts'

export interface MigrationContext {
    box: SecretBox
    /** The tenant a store of release 1 served (its rows carry none): the configured BRIDGE_TENANT_ID. */
    legacyTenant: { tenantId: string; tenantName: string } | null
}

/** The additional data each sealed column is bound to: a value copied to another row or tenant does not open. */
export const secretContexts = {
    clientSecret: (tenantId: string) => `servicenow.client_secret:${tenantId}`,
    token: (tenantId: string) => `servicenow.token:${tenantId}`,
    pendingClientSecret: (tenantId: string, state: string) => `servicenow.pending_client_secret:${tenantId}:${state}`,
    /** msal's token cache of the person the tenant's write-back runs as (their refresh and access tokens). */
    delegateTokenCache: (tenantId: string) => `graph.write_back_delegate_token_cache:${tenantId}`,
}

type Migration = (db: Database.Database, context: MigrationContext) => void
type Row = { [column: string]: string | number | null }

const RELEASE_1_SCHEMA = `
CREATE TABLE IF NOT EXISTS connection (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    instance_url TEXT NOT NULL, client_id TEXT NOT NULL, client_secret TEXT NOT NULL,
    tenant_id TEXT NOT NULL, tenant_name TEXT NOT NULL,
    token_json TEXT, status TEXT NOT NULL, last_error TEXT, connected_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS pending_consent (
    state TEXT PRIMARY KEY, instance_url TEXT NOT NULL, client_id TEXT NOT NULL, client_secret TEXT NOT NULL,
    tenant_id TEXT NOT NULL, tenant_name TEXT NOT NULL, created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS share (
    id TEXT PRIMARY KEY, task_id TEXT NOT NULL UNIQUE, control_id TEXT NOT NULL, payload_json TEXT NOT NULL,
    status TEXT NOT NULL, ticket_number TEXT, ticket_link TEXT, ticket_type TEXT, replayed INTEGER NOT NULL DEFAULT 0,
    error TEXT, created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS ticket (
    sys_id TEXT PRIMARY KEY, number TEXT NOT NULL, type TEXT NOT NULL, updated TEXT, json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS state_names_log (id INTEGER PRIMARY KEY AUTOINCREMENT, seen_at TEXT NOT NULL, names_json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS outgoing_comment (
    id TEXT PRIMARY KEY, ticket_number TEXT NOT NULL, text TEXT NOT NULL, status TEXT NOT NULL, error TEXT, created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS control_profile (tenant_id TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (tenant_id, id));
CREATE TABLE IF NOT EXISTS secure_score (tenant_id TEXT NOT NULL, id TEXT NOT NULL, created TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (tenant_id, id));
CREATE TABLE IF NOT EXISTS refresh_status (
    tenant_id TEXT PRIMARY KEY, last_full_at TEXT, last_attempt_at TEXT, last_error TEXT, partial_warning TEXT,
    read_only INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS write_back (
    id INTEGER PRIMARY KEY AUTOINCREMENT, tenant_id TEXT NOT NULL, control_id TEXT NOT NULL, ticket_number TEXT NOT NULL,
    state TEXT NOT NULL, comment TEXT NOT NULL, assigned_to TEXT, status TEXT NOT NULL, reason TEXT,
    attempts INTEGER NOT NULL DEFAULT 0, failures INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT NOT NULL, created_at TEXT NOT NULL, finished_at TEXT
);
CREATE INDEX IF NOT EXISTS write_back_open ON write_back (tenant_id, status, control_id, id);
CREATE INDEX IF NOT EXISTS write_back_ticket ON write_back (ticket_number, id);
CREATE TABLE IF NOT EXISTS write_back_settings (
    tenant_id TEXT PRIMARY KEY, enabled INTEGER NOT NULL DEFAULT 1, unresolved_sends_default INTEGER NOT NULL DEFAULT 0
);
`

/** Tables of release 1 without a tenant: rebuilt with tenant_id first, the old rows given the one tenant. */
const TENANCY_SCHEMA = `
CREATE TABLE tenant (tenant_id TEXT PRIMARY KEY, name TEXT NOT NULL, joined_at TEXT NOT NULL, joined_by TEXT);
CREATE TABLE connection_v2 (
    tenant_id TEXT PRIMARY KEY,
    instance_url TEXT NOT NULL, client_id TEXT NOT NULL, client_secret TEXT NOT NULL, tenant_name TEXT NOT NULL,
    token_json TEXT, status TEXT NOT NULL, last_error TEXT, connected_at TEXT NOT NULL
);
CREATE TABLE share_v2 (
    tenant_id TEXT NOT NULL, id TEXT NOT NULL, task_id TEXT NOT NULL UNIQUE, control_id TEXT NOT NULL, payload_json TEXT NOT NULL,
    status TEXT NOT NULL, ticket_number TEXT, ticket_link TEXT, ticket_type TEXT, replayed INTEGER NOT NULL DEFAULT 0,
    error TEXT, created_at TEXT NOT NULL, PRIMARY KEY (tenant_id, id)
);
CREATE TABLE ticket_v2 (
    tenant_id TEXT NOT NULL, sys_id TEXT NOT NULL, number TEXT NOT NULL, type TEXT NOT NULL, updated TEXT, json TEXT NOT NULL,
    PRIMARY KEY (tenant_id, sys_id)
);
CREATE INDEX ticket_number ON ticket_v2 (tenant_id, number);
CREATE TABLE kv_v2 (tenant_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (tenant_id, key));
CREATE TABLE state_names_log_v2 (id INTEGER PRIMARY KEY AUTOINCREMENT, tenant_id TEXT NOT NULL, seen_at TEXT NOT NULL, names_json TEXT NOT NULL);
CREATE TABLE outgoing_comment_v2 (
    tenant_id TEXT NOT NULL, id TEXT NOT NULL, ticket_number TEXT NOT NULL, text TEXT NOT NULL, status TEXT NOT NULL, error TEXT,
    created_at TEXT NOT NULL, PRIMARY KEY (tenant_id, id)
);
CREATE INDEX pending_consent_tenant ON pending_consent (tenant_id);
CREATE INDEX write_back_tenant_ticket ON write_back (tenant_id, ticket_number, id);
DROP INDEX write_back_ticket;
`

const MIGRATIONS: Migration[] = [
    (db) => db.exec(RELEASE_1_SCHEMA),
    (db, { legacyTenant }) => {
        const connection = db.prepare('SELECT tenant_id, tenant_name FROM connection WHERE id = 1').get() as Row | undefined
        const one = connection ? { tenantId: String(connection.tenant_id), tenantName: String(connection.tenant_name) } : legacyTenant
        const count = (table: string) => Number((db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as Row).n)
        const orphans = ['share', 'ticket', 'kv', 'state_names_log', 'outgoing_comment'].reduce((sum, table) => sum + count(table), 0)
        if (orphans > 0 && !one) throw new Error('This store was written before tenants existed and has no connection naming its tenant: set BRIDGE_TENANT_ID to the tenant it served')
        db.exec(TENANCY_SCHEMA)
        const now = new Date().toISOString()
        const addTenant = db.prepare('INSERT OR IGNORE INTO tenant (tenant_id, name, joined_at) VALUES (?, ?, ?)')
        if (one && (orphans > 0 || connection)) addTenant.run(one.tenantId, one.tenantName, now)
        // Tenants whose Secure Score release 1 read were configured, hence consented to: they stay joined.
        for (const row of db.prepare('SELECT tenant_id FROM refresh_status UNION SELECT tenant_id FROM write_back_settings').all() as Row[]) {
            addTenant.run(String(row.tenant_id), one && one.tenantId === row.tenant_id ? one.tenantName : String(row.tenant_id), now)
        }
        const tenant = one?.tenantId ?? ''
        db.prepare(
            `INSERT INTO connection_v2 SELECT tenant_id, instance_url, client_id, client_secret, tenant_name, token_json, status, last_error, connected_at FROM connection`,
        ).run()
        db.prepare(
            `INSERT INTO share_v2 SELECT ?, id, task_id, control_id, payload_json, status, ticket_number, ticket_link, ticket_type, replayed, error, created_at FROM share`,
        ).run(tenant)
        db.prepare('INSERT INTO ticket_v2 SELECT ?, sys_id, number, type, updated, json FROM ticket').run(tenant)
        db.prepare('INSERT INTO kv_v2 SELECT ?, key, value FROM kv').run(tenant)
        db.prepare('INSERT INTO state_names_log_v2 SELECT id, ?, seen_at, names_json FROM state_names_log').run(tenant)
        db.prepare('INSERT INTO outgoing_comment_v2 SELECT ?, id, ticket_number, text, status, error, created_at FROM outgoing_comment').run(tenant)
        for (const table of ['connection', 'share', 'ticket', 'kv', 'state_names_log', 'outgoing_comment']) {
            db.exec(`DROP TABLE ${table}; ALTER TABLE ${table}_v2 RENAME TO ${table};`)
        }
    },
    (db, { box }) => {
        const sealConnection = db.prepare('UPDATE connection SET client_secret = ?, token_json = ? WHERE tenant_id = ?')
        for (const row of db.prepare('SELECT tenant_id, client_secret, token_json FROM connection').all() as Row[]) {
            const tenantId = String(row.tenant_id)
            sealConnection.run(
                box.seal(String(row.client_secret), secretContexts.clientSecret(tenantId)),
                row.token_json === null ? null : box.seal(String(row.token_json), secretContexts.token(tenantId)),
                tenantId,
            )
        }
        const sealConsent = db.prepare('UPDATE pending_consent SET client_secret = ? WHERE state = ?')
        for (const row of db.prepare('SELECT state, tenant_id, client_secret FROM pending_consent').all() as Row[]) {
            sealConsent.run(box.seal(String(row.client_secret), secretContexts.pendingClientSecret(String(row.tenant_id), String(row.state))), row.state)
        }
    },
    (db) => {
        db.exec(`
CREATE TABLE session (
    id_hash TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, session_json TEXT NOT NULL, created_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL
);
CREATE INDEX session_tenant ON session (tenant_id);
CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`)
        // The tenants already here were added before: one removed from now on stays removed, configured or not.
        db.prepare(`INSERT INTO store_meta (key, value) SELECT 'configured_tenant_added:' || tenant_id, joined_at FROM tenant`).run()
    },
    (db) => {
        db.exec(`
CREATE TABLE write_back_delegate (
    tenant_id TEXT PRIMARY KEY, upn TEXT NOT NULL, oid TEXT NOT NULL, token_cache TEXT NOT NULL, chosen_at TEXT NOT NULL,
    needs_renewal TEXT, needs_renewal_at TEXT
);
ALTER TABLE write_back ADD COLUMN written_by TEXT;
`)
        // Rows the previous release failed on Graph's 403 to the app are worded as this one words them, so choosing
        // "Write back as me" sends them again too (outbox.ts, APP_ONLY_REFUSED).
        db.prepare(
            `UPDATE write_back SET reason = 'Microsoft refused the update made with the bridge''s app registration (403); before: ' || reason
             WHERE status = 'failed' AND reason LIKE 'Graph refused the update (403) although the app held SecurityEvents.ReadWrite.All%'`,
        ).run()
    },
]

export const SCHEMA_VERSION = MIGRATIONS.length

/** Brings the store to SCHEMA_VERSION; returns the version it was found at. */
export function migrate(db: Database.Database, context: MigrationContext): number {
    const found = Number(db.pragma('user_version', { simple: true }))
    if (found > SCHEMA_VERSION) {
        throw new Error(`This store was written by a newer bridge (schema ${found}; this one knows up to ${SCHEMA_VERSION}): run the newer bridge, or restore a backup`)
    }
    for (let version = found; version < SCHEMA_VERSION; version++) {
        db.transaction(() => {
            MIGRATIONS[version](db, context)
            db.pragma(`user_version = ${version + 1}`)
        })()
    }
    return found
}
