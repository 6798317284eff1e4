/**
 * The bridge's own SQLite store (better-sqlite3, WAL): the tenants that joined, and per tenant its ServiceNow
 * connection with its OAuth tokens and client secret, pending consents, shares (one task id each, kept before
 * sending), the local copy of its tickets that delta sync keeps fresh, the comments typed on a ticket page (one
 * comment id each, kept before sending), its Secure Score snapshot, its write-back outbox, and the person its
 * write-back may run as (their msal token cache sealed; outbox.ts).
 *
 *   const store = openStore(file, { box, legacyTenant? })   file path or ':memory:'; migrations run here
 *   store.tenants.list() / get(id) / add({ tenantId, name, joinedBy }) / remove(id) / addConfigured(...)
 *   store.sessions                                            the signed-in sessions (session-rows.ts)
 *   store.forTenant(tenantId) → TenantStore                 every per-tenant read and write
 *   store.rotateKey(newBox)                                   every sealed secret re-sealed, in one transaction
 *
 * Every row carries its tenant, and TenantStore is the one place queries are scoped: its methods take no tenant
 * id, so a route given a tenant's store cannot reach another's rows. Secrets (client secrets, tokens) are sealed
 * with the box (AES-256-GCM, bound to their tenant and column) and opened only to be used; nothing puts them in a
 * page or a log. The schema and its versions: migrations.ts.
 */
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { isSealed, type SecretBox } from '../security/secret-box.ts'
import { migrate, secretContexts, type MigrationContext } from './migrations.ts'
import { OutboxStore } from './outbox.ts'
import { sessionRows } from './session-rows.ts'
import type { SessionBacking } from '../security/sessions.ts'
import { SecureScoreStore } from './secure-score.ts'

export interface Tenant {
    tenantId: string
    name: string
    joinedAt: string
    /** The UPN of the Global Administrator who joined it; null for a tenant carried over from before tenants. */
    joinedBy: string | null
}

export type ConnectionStatus = 'connected' | 'needs_reauthorization' | 'error'

export interface StoredConnection {
    instanceUrl: string
    clientId: string
    clientSecret: string
    tenantId: string
    tenantName: string
    /** The token as simple-oauth2 serializes it (access_token, refresh_token, expires_at, ...). */
    token: { [key: string]: unknown } | null
    status: ConnectionStatus
    lastError: string | null
    connectedAt: string
}

export interface PendingConsent {
    state: string
    instanceUrl: string
    clientId: string
    clientSecret: string
    tenantId: string
    tenantName: string
    createdAt: number
}

export type ShareStatus = 'pending' | 'sent' | 'failed'

export interface Share {
    id: string
    taskId: string
    controlId: string
    payload: { [key: string]: unknown }
    status: ShareStatus
    ticketNumber: string | null
    ticketLink: string | null
    ticketType: string | null
    replayed: boolean
    error: string | null
    createdAt: string
}

export interface StoredTicket {
    number: string
    sysId: string
    taskId: string
    type: 'change' | 'incident'
    name: string
    state: { value: string; label: string; customLabel: string | null }
    priority: { value: string; label: string }
    dueDate: string | null
    assignmentGroup: string | null
    assignedTo: string | null
    opened: string | null
    updated: string | null
    closed: string | null
    /** open, resolved, unsuccessful (a change closed without success) or cancelled: the connector's outcome. */
    outcome?: 'open' | 'resolved' | 'unsuccessful' | 'cancelled'
    resolution?: TicketResolution | null
    link: string
}

export interface TicketResolution {
    state: { value: string; label: string }
    code: { value: string; label: string } | null
    notes: string
    resolvedAt: string | null
    resolvedBy: string | null
}

export type CommentStatus = 'pending' | 'sent' | 'failed'

/** A comment typed on a ticket page: its id is made when the page is shown, before the first send. */
export interface OutgoingComment {
    id: string
    ticketNumber: string
    text: string
    status: CommentStatus
    error: string | null
    createdAt: string
}

export interface StateOption {
    value: string
    label: string
    customLabel: string | null
}

/** The tenant's own names of ServiceNow's states, by type and state value (unset states absent). */
export interface CustomStateNames {
    change: { [value: string]: string }
    incident: { [value: string]: string }
}

function customNames(options: StateOption[]): { [value: string]: string } {
    const names: { [value: string]: string } = {}
    for (const option of options) if (option.customLabel) names[option.value] = option.customLabel
    return names
}

export interface TicketStates {
    change: StateOption[]
    incident: StateOption[]
}

type Row = { [column: string]: string | number | null }

/** Told, inside the transaction that stores a synced ticket, when its outcome differs from the stored copy's. */
export type OutcomeObserver = (previous: StoredTicket | null, current: StoredTicket) => void


/** One tenant's rows: every query here is scoped to `tenantId`, and nothing else in the bridge scopes one. */
export class TenantStore {
    /** The tenant's Secure Score as last read from Graph. */
    readonly secureScore: SecureScoreStore
    /** The tenant's control state updates waiting to be written to Graph. */
    readonly outbox: OutboxStore
    private outcomeObserver: OutcomeObserver | null = null

    constructor(
        private readonly db: Database.Database,
        /** Shared with the BridgeStore, which swaps its box on a key rotation. */
        private readonly keyring: { box: SecretBox },
        readonly tenantId: string,
    ) {
        this.secureScore = new SecureScoreStore(db, tenantId)
        this.outbox = new OutboxStore(db, tenantId, keyring)
    }

    /** One observer; what it writes commits with the ticket copy, so a crash never loses an outcome change. */
    observeOutcomes(observer: OutcomeObserver | null): void {
        this.outcomeObserver = observer
    }

    // --- connection -------------------------------------------------------------------------

    getConnection(): StoredConnection | null {
        const row = this.db.prepare('SELECT * FROM connection WHERE tenant_id = ?').get(this.tenantId) as Row | undefined
        if (!row) return null
        return {
            instanceUrl: String(row.instance_url),
            clientId: String(row.client_id),
            clientSecret: this.keyring.box.open(String(row.client_secret), secretContexts.clientSecret(this.tenantId)),
            tenantId: this.tenantId,
            tenantName: String(row.tenant_name),
            token: row.token_json ? (JSON.parse(this.keyring.box.open(String(row.token_json), secretContexts.token(this.tenantId))) as { [key: string]: unknown }) : null,
            status: String(row.status) as ConnectionStatus,
            lastError: row.last_error === null ? null : String(row.last_error),
            connectedAt: String(row.connected_at),
        }
    }

    private sealToken(token: { [key: string]: unknown } | null): string | null {
        return token ? this.keyring.box.seal(JSON.stringify(token), secretContexts.token(this.tenantId)) : null
    }

    /** The connection of this tenant (the form's tenant id is ignored: a connection belongs to the tenant storing it). */
    saveConnection(connection: StoredConnection): void {
        const previous = this.db.prepare('SELECT instance_url FROM connection WHERE tenant_id = ?').get(this.tenantId) as Row | undefined
        if (previous && previous.instance_url !== connection.instanceUrl) this.clearTickets()
        this.db
            .prepare(
                `INSERT INTO connection (tenant_id, instance_url, client_id, client_secret, tenant_name, token_json, status, last_error, connected_at)
                 VALUES (@tenantId, @instanceUrl, @clientId, @clientSecret, @tenantName, @token, @status, @lastError, @connectedAt)
                 ON CONFLICT (tenant_id) DO UPDATE SET instance_url = excluded.instance_url, client_id = excluded.client_id,
                   client_secret = excluded.client_secret, tenant_name = excluded.tenant_name,
                   token_json = excluded.token_json, status = excluded.status, last_error = excluded.last_error,
                   connected_at = excluded.connected_at`,
            )
            .run({
                ...connection,
                tenantId: this.tenantId,
                clientSecret: this.keyring.box.seal(connection.clientSecret, secretContexts.clientSecret(this.tenantId)),
                token: this.sealToken(connection.token),
            })
    }

    updateToken(token: { [key: string]: unknown }): void {
        this.db.prepare('UPDATE connection SET token_json = ? WHERE tenant_id = ?').run(this.sealToken(token), this.tenantId)
    }

    setConnectionStatus(status: ConnectionStatus, lastError: string | null): void {
        this.db.prepare('UPDATE connection SET status = ?, last_error = ? WHERE tenant_id = ?').run(status, lastError, this.tenantId)
    }

    /** Forgets the connection, its tokens and client secret, and the tickets read through it. */
    deleteConnection(): void {
        this.db.prepare('DELETE FROM connection WHERE tenant_id = ?').run(this.tenantId)
        this.clearTickets()
    }

    // --- pending consents (the OAuth `state`) ------------------------------------------------

    addPendingConsent(consent: PendingConsent): void {
        this.db
            .prepare(
                `INSERT INTO pending_consent (state, instance_url, client_id, client_secret, tenant_id, tenant_name, created_at)
                 VALUES (@state, @instanceUrl, @clientId, @clientSecret, @tenantId, @tenantName, @createdAt)`,
            )
            .run({ ...consent, tenantId: this.tenantId, clientSecret: this.keyring.box.seal(consent.clientSecret, secretContexts.pendingClientSecret(this.tenantId, consent.state)) })
    }

    /** This tenant's pending consent for a state, removed as it is read: a state is good for one callback. */
    takePendingConsent(state: string, maxAgeMs: number): PendingConsent | null {
        this.db.prepare('DELETE FROM pending_consent WHERE created_at < ?').run(Date.now() - maxAgeMs)
        const row = this.db.prepare('SELECT * FROM pending_consent WHERE tenant_id = ? AND state = ?').get(this.tenantId, state) as Row | undefined
        if (!row) return null
        this.db.prepare('DELETE FROM pending_consent WHERE tenant_id = ? AND state = ?').run(this.tenantId, state)
        return {
            state: String(row.state),
            instanceUrl: String(row.instance_url),
            clientId: String(row.client_id),
            clientSecret: this.keyring.box.open(String(row.client_secret), secretContexts.pendingClientSecret(this.tenantId, state)),
            tenantId: this.tenantId,
            tenantName: String(row.tenant_name),
            createdAt: Number(row.created_at),
        }
    }

    // --- shares ----------------------------------------------------------------------------

    private readShare(row: Row | undefined): Share | null {
        if (!row) return null
        return {
            id: String(row.id),
            taskId: String(row.task_id),
            controlId: String(row.control_id),
            payload: JSON.parse(String(row.payload_json)) as { [key: string]: unknown },
            status: String(row.status) as ShareStatus,
            ticketNumber: row.ticket_number === null ? null : String(row.ticket_number),
            ticketLink: row.ticket_link === null ? null : String(row.ticket_link),
            ticketType: row.ticket_type === null ? null : String(row.ticket_type),
            replayed: Number(row.replayed) === 1,
            error: row.error === null ? null : String(row.error),
            createdAt: String(row.created_at),
        }
    }

    getShare(id: string): Share | null {
        return this.readShare(this.db.prepare('SELECT * FROM share WHERE tenant_id = ? AND id = ?').get(this.tenantId, id) as Row | undefined)
    }

    /** The share that sent this task id (task ids are unique). */
    shareByTaskId(taskId: string): Share | null {
        return this.readShare(this.db.prepare('SELECT * FROM share WHERE tenant_id = ? AND task_id = ?').get(this.tenantId, taskId) as Row | undefined)
    }

    listShares(): Share[] {
        const rows = this.db.prepare('SELECT * FROM share WHERE tenant_id = ? ORDER BY created_at DESC, rowid DESC').all(this.tenantId) as Row[]
        return rows.map((row) => this.readShare(row) as Share)
    }

    /** Records a share and its task id before anything is sent. */
    createShare(share: { id: string; taskId: string; controlId: string; payload: { [key: string]: unknown } }): Share {
        this.db
            .prepare(`INSERT INTO share (tenant_id, id, task_id, control_id, payload_json, status, created_at) VALUES (?, ?, ?, ?, ?, 'pending', ?)`)
            .run(this.tenantId, share.id, share.taskId, share.controlId, JSON.stringify(share.payload), new Date().toISOString())
        return this.getShare(share.id) as Share
    }

    updateSharePayload(id: string, payload: { [key: string]: unknown }): void {
        this.db.prepare(`UPDATE share SET payload_json = ? WHERE tenant_id = ? AND id = ? AND status != 'sent'`).run(JSON.stringify(payload), this.tenantId, id)
    }

    markShareSent(id: string, ticket: { number: string; link: string; type: string }, replayed: boolean): void {
        this.db
            .prepare(`UPDATE share SET status = 'sent', ticket_number = ?, ticket_link = ?, ticket_type = ?, replayed = ?, error = NULL WHERE tenant_id = ? AND id = ?`)
            .run(ticket.number, ticket.link, ticket.type, replayed ? 1 : 0, this.tenantId, id)
    }

    /** The shares not answered yet, oldest first: sent again by the next sync when no process is sending them. */
    pendingShares(): Share[] {
        const rows = this.db.prepare(`SELECT * FROM share WHERE tenant_id = ? AND status = 'pending' ORDER BY created_at, rowid`).all(this.tenantId) as Row[]
        return rows.map((row) => this.readShare(row) as Share)
    }

    /** A failed share tried again is pending until its answer: a process stopped meanwhile leaves it for the next sync. */
    markSharePending(id: string): void {
        this.db.prepare(`UPDATE share SET status = 'pending', error = NULL WHERE tenant_id = ? AND id = ? AND status = 'failed'`).run(this.tenantId, id)
    }

    markShareFailed(id: string, error: string): void {
        this.db.prepare(`UPDATE share SET status = 'failed', error = ? WHERE tenant_id = ? AND id = ? AND status != 'sent'`).run(error, this.tenantId, id)
    }

    // --- tickets and sync state ---------------------------------------------------------------

    /** Inserts or replaces tickets by sys_id. */
    mergeTickets(tickets: StoredTicket[]): void {
        const upsert = this.db.prepare(
            `INSERT INTO ticket (tenant_id, sys_id, number, type, updated, json) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (tenant_id, sys_id) DO UPDATE SET number = excluded.number, type = excluded.type, updated = excluded.updated, json = excluded.json`,
        )
        const previousCopy = this.db.prepare('SELECT json FROM ticket WHERE tenant_id = ? AND sys_id = ?')
        this.db.transaction(() => {
            for (const ticket of tickets) {
                const row = previousCopy.get(this.tenantId, ticket.sysId) as Row | undefined
                const previous = row ? (JSON.parse(String(row.json)) as StoredTicket) : null
                upsert.run(this.tenantId, ticket.sysId, ticket.number, ticket.type, ticket.updated, JSON.stringify(ticket))
                if (this.outcomeObserver && (previous?.outcome ?? 'open') !== (ticket.outcome ?? 'open')) this.outcomeObserver(previous, ticket)
            }
        })()
    }

    listTickets(type?: 'change' | 'incident'): StoredTicket[] {
        const rows = (
            type
                ? this.db.prepare('SELECT json FROM ticket WHERE tenant_id = ? AND type = ? ORDER BY updated DESC, number DESC').all(this.tenantId, type)
                : this.db.prepare('SELECT json FROM ticket WHERE tenant_id = ? ORDER BY updated DESC, number DESC').all(this.tenantId)
        ) as Row[]
        return rows.map((row) => JSON.parse(String(row.json)) as StoredTicket)
    }

    clearTickets(): void {
        this.db.prepare('DELETE FROM ticket WHERE tenant_id = ?').run(this.tenantId)
        this.db.prepare(`DELETE FROM kv WHERE tenant_id = ? AND key IN ('watermark', 'states', 'last_sync_at', 'last_sync_error')`).run(this.tenantId)
    }

    getTicket(number: string): StoredTicket | null {
        const row = this.db.prepare('SELECT json FROM ticket WHERE tenant_id = ? AND number = ?').get(this.tenantId, number) as Row | undefined
        return row ? (JSON.parse(String(row.json)) as StoredTicket) : null
    }

    // --- comments typed here -------------------------------------------------------------------

    private readComment(row: Row | undefined): OutgoingComment | null {
        if (!row) return null
        return {
            id: String(row.id),
            ticketNumber: String(row.ticket_number),
            text: String(row.text),
            status: String(row.status) as CommentStatus,
            error: row.error === null ? null : String(row.error),
            createdAt: String(row.created_at),
        }
    }

    getComment(id: string): OutgoingComment | null {
        return this.readComment(this.db.prepare('SELECT * FROM outgoing_comment WHERE tenant_id = ? AND id = ?').get(this.tenantId, id) as Row | undefined)
    }

    /** Records a comment before it is sent; the same id again keeps the first record (a resubmitted form). */
    createComment(comment: { id: string; ticketNumber: string; text: string }): OutgoingComment {
        this.db
            .prepare(
                `INSERT INTO outgoing_comment (tenant_id, id, ticket_number, text, status, created_at) VALUES (?, ?, ?, ?, 'pending', ?) ON CONFLICT (tenant_id, id) DO NOTHING`,
            )
            .run(this.tenantId, comment.id, comment.ticketNumber, comment.text, new Date().toISOString())
        return this.getComment(comment.id) as OutgoingComment
    }

    /** Comments of a ticket not yet accepted by the instance, oldest first. */
    unsentComments(ticketNumber: string): OutgoingComment[] {
        const rows = this.db
            .prepare(`SELECT * FROM outgoing_comment WHERE tenant_id = ? AND ticket_number = ? AND status != 'sent' ORDER BY created_at, rowid`)
            .all(this.tenantId, ticketNumber) as Row[]
        return rows.map((row) => this.readComment(row) as OutgoingComment)
    }

    markComment(id: string, status: CommentStatus, error: string | null): void {
        this.db.prepare('UPDATE outgoing_comment SET status = ?, error = ? WHERE tenant_id = ? AND id = ?').run(status, error, this.tenantId, id)
    }

    get(key: string): string | null {
        const row = this.db.prepare('SELECT value FROM kv WHERE tenant_id = ? AND key = ?').get(this.tenantId, key) as Row | undefined
        return row ? String(row.value) : null
    }

    set(key: string, value: string | null): void {
        if (value === null) this.db.prepare('DELETE FROM kv WHERE tenant_id = ? AND key = ?').run(this.tenantId, key)
        else
            this.db
                .prepare('INSERT INTO kv (tenant_id, key, value) VALUES (?, ?, ?) ON CONFLICT (tenant_id, key) DO UPDATE SET value = excluded.value')
                .run(this.tenantId, key, value)
    }

    getStates(): TicketStates | null {
        const value = this.get('states')
        return value ? (JSON.parse(value) as TicketStates) : null
    }

    /** Stores the states, and records the tenant's custom names with the time they were first seen when they changed. */
    setStates(states: TicketStates): void {
        const names: CustomStateNames = { change: customNames(states.change), incident: customNames(states.incident) }
        const latest = this.db.prepare('SELECT names_json FROM state_names_log WHERE tenant_id = ? ORDER BY id DESC LIMIT 1').get(this.tenantId) as Row | undefined
        this.db.transaction(() => {
            this.set('states', JSON.stringify(states))
            if (!latest || latest.names_json !== JSON.stringify(names)) {
                this.db.prepare('INSERT INTO state_names_log (tenant_id, seen_at, names_json) VALUES (?, ?, ?)').run(this.tenantId, new Date().toISOString(), JSON.stringify(names))
            }
        })()
    }

    /**
     * The custom state names in force at `at`: the newest recorded before it, or the first ever recorded for a time
     * before the record began; null when none were ever seen. History keeps the names of its time.
     */
    customStateNamesAt(at: string): CustomStateNames | null {
        const rows = this.db.prepare('SELECT seen_at, names_json FROM state_names_log WHERE tenant_id = ? ORDER BY id').all(this.tenantId) as Row[]
        if (rows.length === 0) return null
        const when = Date.parse(at)
        let chosen = rows[0]
        for (const row of rows) if (Date.parse(String(row.seen_at)) <= when) chosen = row
        return JSON.parse(String(chosen.names_json)) as CustomStateNames
    }
}

const KEY_CHECK_TEXT = 'the key this store is sealed with'
const KEY_CHECK_CONTEXT = 'store.key_check'

/** Every table with a tenant_id: what removing a tenant deletes. */
const TENANT_TABLES = ['connection', 'pending_consent', 'share', 'ticket', 'kv', 'state_names_log', 'outgoing_comment', 'control_profile', 'secure_score', 'refresh_status', 'write_back', 'write_back_settings', 'write_back_delegate', 'session', 'tenant']

export interface StoreOptions {
    /** Seals and opens the secrets (bridge/security/secret-box.ts); its key never enters the store. */
    box: SecretBox
    /** The tenant a store written before tenants served (migrations.ts); the configured tenant. */
    legacyTenant?: MigrationContext['legacyTenant']
}

export class BridgeStore {
    private readonly db: Database.Database
    private readonly keyring: { box: SecretBox }
    private readonly tenantStores = new Map<string, TenantStore>()
    /** The schema version the file was at when opened (0: new, or written before versions). */
    readonly foundVersion: number

    constructor(file: string, options: StoreOptions) {
        if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
        this.db = new Database(file)
        this.db.pragma('journal_mode = WAL')
        // Freed pages are zeroed: a secret sealed in place, or a removed tenant's tokens, leaves no plaintext behind.
        this.db.pragma('secure_delete = ON')
        this.keyring = { box: options.box }
        this.foundVersion = migrate(this.db, { box: options.box, legacyTenant: options.legacyTenant ?? null })
        this.checkKey(options.box)
        this.sessions = sessionRows(this.db)
    }

    /**
     * The configured key must be the one the store is sealed with: checked at open (a SecretBoxError 'wrong-key'
     * naming both key ids), not at the first page that needs a secret. A value sealed with the key, kept in
     * store_meta, tells; a store from before it has one written, once its first sealed secret (if any) opens.
     */
    private checkKey(box: SecretBox): void {
        const check = this.db.prepare(`SELECT value FROM store_meta WHERE key = 'key_check'`).get() as Row | undefined
        if (check) {
            box.open(String(check.value), KEY_CHECK_CONTEXT)
            return
        }
        const sealed = this.db.prepare('SELECT tenant_id, client_secret FROM connection LIMIT 1').get() as Row | undefined
        if (sealed) box.open(String(sealed.client_secret), secretContexts.clientSecret(String(sealed.tenant_id)))
        this.db.prepare(`INSERT INTO store_meta (key, value) VALUES ('key_check', ?)`).run(box.seal(KEY_CHECK_TEXT, KEY_CHECK_CONTEXT))
    }

    /** The tenants that joined (admin consent), by name. */
    readonly tenants = {
        list: (): Tenant[] => (this.db.prepare('SELECT * FROM tenant ORDER BY name, tenant_id').all() as Row[]).map(readTenant),
        get: (tenantId: string): Tenant | null => {
            const row = this.db.prepare('SELECT * FROM tenant WHERE tenant_id = ?').get(tenantId) as Row | undefined
            return row ? readTenant(row) : null
        },
        /** Adds the tenant, or renames it when it joined before (its data stays). */
        add: (tenant: { tenantId: string; name: string; joinedBy: string | null }): Tenant => {
            this.db
                .prepare(`INSERT INTO tenant (tenant_id, name, joined_at, joined_by) VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id) DO UPDATE SET name = excluded.name`)
                .run(tenant.tenantId, tenant.name, new Date().toISOString(), tenant.joinedBy)
            return this.tenants.get(tenant.tenantId) as Tenant
        },
        /**
         * Adds the configured tenant (BRIDGE_TENANT_ID) the first time this store starts with it, and never again: a
         * tenant its administrator removed stays removed although the configuration still names it.
         */
        addConfigured: (tenant: { tenantId: string; name: string }): void => {
            this.db.transaction(() => {
                const added = this.db.prepare(`INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`).run(`configured_tenant_added:${tenant.tenantId}`, new Date().toISOString())
                if (added.changes > 0 && !this.tenants.get(tenant.tenantId)) this.tenants.add({ ...tenant, joinedBy: null })
            })()
        },
        /** Deletes every row of the tenant, its tokens and secrets included, in one transaction. */
        remove: (tenantId: string): void => {
            this.db.transaction(() => {
                for (const table of TENANT_TABLES) this.db.prepare(`DELETE FROM ${table} WHERE tenant_id = ?`).run(tenantId)
            })()
            // The WAL still holds the rows' earlier page images (secure_delete zeroes only the database's pages): it is
            // written into the database and emptied, so no file keeps the tenant's rows or sealed secrets.
            this.db.pragma('wal_checkpoint(TRUNCATE)')
            this.tenantStores.get(tenantId)?.observeOutcomes(null)
            this.tenantStores.delete(tenantId)
        },
    }

    /** The sessions of the people signed in, kept across restarts (session-rows.ts). */
    readonly sessions: SessionBacking

    /** The tenant's rows; the same object for the same tenant (it holds the tenant's outcome observer). */
    forTenant(tenantId: string): TenantStore {
        let tenant = this.tenantStores.get(tenantId)
        if (!tenant) {
            tenant = new TenantStore(this.db, this.keyring, tenantId)
            this.tenantStores.set(tenantId, tenant)
        }
        return tenant
    }

    /**
     * Seals every secret under `newBox`, in one transaction: all or nothing. A value already under the new key is
     * kept (a rotation run twice is harmless). Returns how many values were re-sealed. The store uses the new box after.
     */
    rotateKey(newBox: SecretBox): number {
        const current = this.keyring.box
        let resealed = 0
        const reseal = (value: string, context: string): string => {
            if (isSealed(value) && value.split(':')[1] === newBox.keyId) return value
            resealed++
            return newBox.seal(current.open(value, context), context)
        }
        this.db.transaction(() => {
            const connections = this.db.prepare('SELECT tenant_id, client_secret, token_json FROM connection').all() as Row[]
            for (const row of connections) {
                const tenantId = String(row.tenant_id)
                this.db
                    .prepare('UPDATE connection SET client_secret = ?, token_json = ? WHERE tenant_id = ?')
                    .run(
                        reseal(String(row.client_secret), secretContexts.clientSecret(tenantId)),
                        row.token_json === null ? null : reseal(String(row.token_json), secretContexts.token(tenantId)),
                        tenantId,
                    )
            }
            for (const row of this.db.prepare('SELECT state, tenant_id, client_secret FROM pending_consent').all() as Row[]) {
                const context = secretContexts.pendingClientSecret(String(row.tenant_id), String(row.state))
                this.db.prepare('UPDATE pending_consent SET client_secret = ? WHERE state = ?').run(reseal(String(row.client_secret), context), row.state)
            }
            for (const row of this.db.prepare('SELECT tenant_id, token_cache FROM write_back_delegate').all() as Row[]) {
                const context = secretContexts.delegateTokenCache(String(row.tenant_id))
                this.db.prepare('UPDATE write_back_delegate SET token_cache = ? WHERE tenant_id = ?').run(reseal(String(row.token_cache), context), row.tenant_id)
            }
            // Not a secret, so not counted: the store's record of which key it is sealed under.
            this.db.prepare(`UPDATE store_meta SET value = ? WHERE key = 'key_check'`).run(newBox.seal(KEY_CHECK_TEXT, KEY_CHECK_CONTEXT))
        })()
        this.keyring.box = newBox
        return resealed
    }

    close(): void {
        this.db.close()
    }
}

function readTenant(row: Row): Tenant {
    return { tenantId: String(row.tenant_id), name: String(row.name), joinedAt: String(row.joined_at), joinedBy: row.joined_by === null ? null : String(row.joined_by) }
}

export function openStore(file: string, options: StoreOptions): BridgeStore {
    return new BridgeStore(file, options)
}
