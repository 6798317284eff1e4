/**
 * The write-back outbox of one tenant (made by TenantStore, store.ts; schema in migrations.ts): control state
 * updates waiting to be written to Microsoft Graph, one row per ticket outcome change, and the tenant's write-back
 * settings. The row is committed before Graph is called and
 * marked after, so a crash never loses a write; bridge/domain/write-back.ts makes sure it never repeats one.
 *
 *   queued → sending → done (written_by) | skipped (reason) | failed (reason)
 *   a transient error puts the row back to queued with next_attempt_at
 *
 * Who writes: the bridge's app registration (app-only), or the tenant's write-back delegate, a Security
 * Administrator who chose "Write back as me" (bridge/security/write-back-delegation.ts). The delegate's msal token
 * cache (their refresh token) is sealed with the store's box, bound to the tenant; it is opened only to get a token.
 */
import type Database from 'better-sqlite3'
import type { SecretBox } from '../security/secret-box.ts'
import { secretContexts } from './migrations.ts'

export type WriteBackStatus = 'queued' | 'sending' | 'done' | 'skipped' | 'failed'
export type WriteBackState = 'Default' | 'ThirdParty'

export interface WriteBackRow {
    id: number
    tenantId: string
    controlId: string
    ticketNumber: string
    state: WriteBackState
    comment: string
    assignedTo: string | null
    status: WriteBackStatus
    /** Why a row was skipped or failed; for a queued row, the last transient error. */
    reason: string | null
    /** PATCHes started for this row (a started one may have reached Graph). */
    attempts: number
    /** Transient failures so far (the backoff grows with them). */
    failures: number
    /** ISO time; a queued row is not sent before it. */
    nextAttemptAt: string
    createdAt: string
    /** When the row reached done, skipped or failed. */
    finishedAt: string | null
    /** A done row: the UPN of the delegate it was written as, or null when the app wrote it. */
    writtenBy: string | null
}

/** The person the tenant's write-back runs as, instead of the bridge's app registration. */
export interface WriteBackDelegate {
    upn: string
    /** Their Entra object id: the account msal's cache holds. */
    oid: string
    chosenAt: string
    /** Why Microsoft no longer accepts writing as them (refresh token refused, role lost); null while it does. */
    needsRenewal: string | null
    needsRenewalAt: string | null
}

export interface WriteBackSettings {
    /** On by default. */
    enabled: boolean
    /** A cancelled or unsuccessful ticket puts the control back to Default (off by default: nothing is written). */
    unresolvedSendsDefault: boolean
}

export interface NewWriteBack {
    controlId: string
    ticketNumber: string
    state: WriteBackState
    comment: string
    assignedTo: string | null
    /** A row known at once not to be sent (device control, write-back off, read-only) is recorded as skipped. */
    skipReason: string | null
    at: string
}

type Row = { [column: string]: string | number | null }

const OPEN = `status IN ('queued', 'sending')`

function readRow(row: Row): WriteBackRow {
    const text = (value: string | number | null) => (value === null ? null : String(value))
    return {
        id: Number(row.id),
        tenantId: String(row.tenant_id),
        controlId: String(row.control_id),
        ticketNumber: String(row.ticket_number),
        state: String(row.state) as WriteBackState,
        comment: String(row.comment),
        assignedTo: text(row.assigned_to),
        status: String(row.status) as WriteBackStatus,
        reason: text(row.reason),
        attempts: Number(row.attempts),
        failures: Number(row.failures),
        nextAttemptAt: String(row.next_attempt_at),
        createdAt: String(row.created_at),
        finishedAt: text(row.finished_at),
        writtenBy: text(row.written_by),
    }
}

/** The start of a failed row's reason when Graph refused the app-only update (write-back.ts writes it). */
export const APP_ONLY_REFUSED = 'Microsoft refused the update made with the bridge\'s app registration'

export class OutboxStore {
    constructor(
        private readonly db: Database.Database,
        private readonly tenantId: string,
        /** Shared with the BridgeStore, which swaps its box on a key rotation. */
        private readonly keyring: { box: SecretBox },
    ) {}

    enqueue(row: NewWriteBack): WriteBackRow {
        const result = this.db
            .prepare(
                `INSERT INTO write_back (tenant_id, control_id, ticket_number, state, comment, assigned_to, status, reason, next_attempt_at, created_at, finished_at)
                 VALUES (@tenantId, @controlId, @ticketNumber, @state, @comment, @assignedTo, @status, @skipReason, @at, @at, @finishedAt)`,
            )
            .run({ ...row, tenantId: this.tenantId, status: row.skipReason === null ? 'queued' : 'skipped', finishedAt: row.skipReason === null ? null : row.at })
        return this.get(Number(result.lastInsertRowid)) as WriteBackRow
    }

    get(id: number): WriteBackRow | null {
        const row = this.db.prepare('SELECT * FROM write_back WHERE tenant_id = ? AND id = ?').get(this.tenantId, id) as Row | undefined
        return row ? readRow(row) : null
    }

    /** The newest row for a ticket: what the ticket page shows. */
    latestForTicket(ticketNumber: string): WriteBackRow | null {
        const row = this.db.prepare('SELECT * FROM write_back WHERE tenant_id = ? AND ticket_number = ? ORDER BY id DESC LIMIT 1').get(this.tenantId, ticketNumber) as Row | undefined
        return row ? readRow(row) : null
    }

    list(): WriteBackRow[] {
        return (this.db.prepare('SELECT * FROM write_back WHERE tenant_id = ? ORDER BY id').all(this.tenantId) as Row[]).map(readRow)
    }

    /**
     * The next row to work on: the oldest open row of a control, so one control's updates go out in the order
     * they were queued, and only for a control not in `busyControls` (one of its rows is being sent). A row
     * left `sending` (by a process that stopped) is due at once; a queued one at its next_attempt_at.
     */
    nextDue(now: string, busyControls: string[]): WriteBackRow | null {
        const row = this.db
            .prepare(
                `SELECT * FROM write_back w WHERE tenant_id = ? AND ${OPEN}
                   AND NOT EXISTS (SELECT 1 FROM write_back e WHERE e.tenant_id = w.tenant_id AND e.${OPEN} AND e.control_id = w.control_id AND e.id < w.id)
                   AND (status = 'sending' OR next_attempt_at <= ?)
                   AND control_id NOT IN (SELECT value FROM json_each(?))
                 ORDER BY id LIMIT 1`,
            )
            .get(this.tenantId, now, JSON.stringify(busyControls)) as Row | undefined
        return row ? readRow(row) : null
    }

    /** The earliest next_attempt_at of the tenant's queued rows, or null when none is queued. */
    nextAttemptAt(): string | null {
        const row = this.db.prepare(`SELECT MIN(next_attempt_at) AS at FROM write_back WHERE tenant_id = ? AND ${OPEN}`).get(this.tenantId) as Row
        return row.at === null ? null : String(row.at)
    }

    /** Committed before the PATCH: a row found `sending` later may have reached Graph. */
    markSending(id: number): void {
        this.db.prepare(`UPDATE write_back SET status = 'sending', attempts = attempts + 1 WHERE tenant_id = ? AND id = ? AND ${OPEN}`).run(this.tenantId, id)
    }

    /** done, skipped or failed: the row is finished; a done row names who wrote it (`writtenBy`: the delegate's UPN, null for the app). */
    finish(id: number, status: 'done' | 'skipped' | 'failed', reason: string | null, at: string, writtenBy: string | null = null): void {
        this.db
            .prepare(`UPDATE write_back SET status = ?, reason = ?, finished_at = ?, written_by = ? WHERE tenant_id = ? AND id = ? AND ${OPEN}`)
            .run(status, reason, at, writtenBy, this.tenantId, id)
    }

    /** A transient error: back to queued, not sent again before `nextAttemptAt`; `failed` false for a throttled call (Graph said when to come back), which is no failure. */
    requeue(id: number, reason: string, nextAttemptAt: string, failed = true): void {
        this.db
            .prepare(`UPDATE write_back SET status = 'queued', reason = ?, failures = failures + ?, next_attempt_at = ? WHERE tenant_id = ? AND id = ? AND ${OPEN}`)
            .run(reason, failed ? 1 : 0, nextAttemptAt, this.tenantId, id)
    }

    /** Rows still to be sent (queued or sending). */
    openCount(): number {
        return Number((this.db.prepare(`SELECT COUNT(*) AS n FROM write_back WHERE tenant_id = ? AND ${OPEN}`).get(this.tenantId) as Row).n)
    }

    /** Failed rows Graph refused because the app wrote them app-only: what "Write back as me" sends again. */
    appOnlyRefusals(): number {
        return Number((this.db.prepare(`SELECT COUNT(*) AS n FROM write_back WHERE tenant_id = ? AND status = 'failed' AND reason LIKE ? || '%'`).get(this.tenantId, APP_ONLY_REFUSED) as Row).n)
    }

    // --- the write-back delegate ----------------------------------------------------------------

    delegate(): WriteBackDelegate | null {
        const row = this.db.prepare('SELECT upn, oid, chosen_at, needs_renewal, needs_renewal_at FROM write_back_delegate WHERE tenant_id = ?').get(this.tenantId) as Row | undefined
        if (!row) return null
        const text = (value: string | number | null) => (value === null ? null : String(value))
        return { upn: String(row.upn), oid: String(row.oid), chosenAt: String(row.chosen_at), needsRenewal: text(row.needs_renewal), needsRenewalAt: text(row.needs_renewal_at) }
    }

    /**
     * The write-back runs as this person from now on, with this msal token cache (sealed). In the same transaction,
     * the rows Graph refused app-only are queued again, to be written as them: nothing refused is lost. Returns how
     * many were queued again.
     */
    setDelegate(delegate: { upn: string; oid: string; tokenCache: string; at: string }): number {
        return this.db.transaction(() => {
            this.db
                .prepare(
                    `INSERT INTO write_back_delegate (tenant_id, upn, oid, token_cache, chosen_at, needs_renewal, needs_renewal_at) VALUES (?, ?, ?, ?, ?, NULL, NULL)
                     ON CONFLICT (tenant_id) DO UPDATE SET upn = excluded.upn, oid = excluded.oid, token_cache = excluded.token_cache, chosen_at = excluded.chosen_at,
                       needs_renewal = NULL, needs_renewal_at = NULL`,
                )
                .run(this.tenantId, delegate.upn, delegate.oid, this.sealCache(delegate.tokenCache), delegate.at)
            return this.db
                .prepare(
                    `UPDATE write_back SET status = 'queued', reason = ?, failures = 0, next_attempt_at = ?, finished_at = NULL
                     WHERE tenant_id = ? AND status = 'failed' AND reason LIKE ? || '%'`,
                )
                .run(`queued again to be written as ${delegate.upn}`, delegate.at, this.tenantId, APP_ONLY_REFUSED).changes
        })()
    }

    /** The delegate's msal token cache, opened; null when the app writes. */
    delegateTokenCache(): string | null {
        const row = this.db.prepare('SELECT token_cache FROM write_back_delegate WHERE tenant_id = ?').get(this.tenantId) as Row | undefined
        return row ? this.keyring.box.open(String(row.token_cache), secretContexts.delegateTokenCache(this.tenantId)) : null
    }

    /** After every token msal gets (Entra rotates the refresh token): the cache as it is now, sealed. */
    saveDelegateTokenCache(tokenCache: string): void {
        this.db.prepare('UPDATE write_back_delegate SET token_cache = ? WHERE tenant_id = ?').run(this.sealCache(tokenCache), this.tenantId)
    }

    /** Microsoft no longer accepts writing as the delegate: rows wait until a Security Administrator renews it. */
    delegateNeedsRenewal(reason: string, at: string): void {
        this.db.prepare('UPDATE write_back_delegate SET needs_renewal = ?, needs_renewal_at = ? WHERE tenant_id = ? AND needs_renewal IS NULL').run(reason, at, this.tenantId)
    }

    /** Back to the app registration: the delegate and their sealed tokens are deleted. */
    removeDelegate(): void {
        this.db.prepare('DELETE FROM write_back_delegate WHERE tenant_id = ?').run(this.tenantId)
    }

    private sealCache(tokenCache: string): string {
        return this.keyring.box.seal(tokenCache, secretContexts.delegateTokenCache(this.tenantId))
    }

    settings(): WriteBackSettings {
        const row = this.db.prepare('SELECT * FROM write_back_settings WHERE tenant_id = ?').get(this.tenantId) as Row | undefined
        return { enabled: Number(row?.enabled ?? 1) === 1, unresolvedSendsDefault: Number(row?.unresolved_sends_default ?? 0) === 1 }
    }

    saveSettings(settings: WriteBackSettings): void {
        this.db
            .prepare(
                `INSERT INTO write_back_settings (tenant_id, enabled, unresolved_sends_default) VALUES (?, ?, ?)
                 ON CONFLICT (tenant_id) DO UPDATE SET enabled = excluded.enabled, unresolved_sends_default = excluded.unresolved_sends_default`,
            )
            .run(this.tenantId, settings.enabled ? 1 : 0, settings.unresolvedSendsDefault ? 1 : 0)
    }
}
