/**
 * The bridge's own SQLite store (better-sqlite3): the ServiceNow connection with its
 * OAuth tokens and client secret, pending consents, shares (one task id each, kept before sending),
 * the local copy of the tenant's tickets that delta sync keeps fresh, and the comments typed on a ticket page (one
 * comment id each, kept before sending).
 *
 *   openStore(file)  file path, or ':memory:'
 *
 * Secrets (client secret, tokens) live only here; nothing reads them into a page or a log.
 */
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { OutboxStore } from './outbox.ts'
import { SecureScoreStore } from './secure-score.ts'

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

const SCHEMA = `
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
`

type Row = { [column: string]: string | number | null }

/** Told, inside the transaction that stores a synced ticket, when its outcome differs from the stored copy's. */
export type OutcomeObserver = (previous: StoredTicket | null, current: StoredTicket) => void

export class BridgeStore {
    private readonly db: Database.Database
    /** The tenants' Secure Score as last read from Graph. */
    readonly secureScore: SecureScoreStore
    /** Control state updates waiting to be written to Graph. */
    readonly outbox: OutboxStore
    private outcomeObserver: OutcomeObserver | null = null

    constructor(file: string) {
        if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
        this.db = new Database(file)
        this.db.pragma('journal_mode = WAL')
        this.db.exec(SCHEMA)
        this.secureScore = new SecureScoreStore(this.db)
        this.outbox = new OutboxStore(this.db)
    }

    /** One observer; what it writes commits with the ticket copy, so a crash never loses an outcome change. */
    observeOutcomes(observer: OutcomeObserver | null): void {
        this.outcomeObserver = observer
    }

    close(): void {
        this.db.close()
    }

    // --- connection -------------------------------------------------------------------------

    getConnection(): StoredConnection | null {
        const row = this.db.prepare('SELECT * FROM connection WHERE id = 1').get() as Row | undefined
        if (!row) return null
        return {
            instanceUrl: String(row.instance_url),
            clientId: String(row.client_id),
            clientSecret: String(row.client_secret),
            tenantId: String(row.tenant_id),
            tenantName: String(row.tenant_name),
            token: row.token_json ? (JSON.parse(String(row.token_json)) as { [key: string]: unknown }) : null,
            status: String(row.status) as ConnectionStatus,
            lastError: row.last_error === null ? null : String(row.last_error),
            connectedAt: String(row.connected_at),
        }
    }

    saveConnection(connection: StoredConnection): void {
        const previous = this.getConnection()
        if (previous && previous.instanceUrl !== connection.instanceUrl) this.clearTickets()
        this.db
            .prepare(
                `INSERT INTO connection (id, instance_url, client_id, client_secret, tenant_id, tenant_name, token_json, status, last_error, connected_at)
                 VALUES (1, @instanceUrl, @clientId, @clientSecret, @tenantId, @tenantName, @token, @status, @lastError, @connectedAt)
                 ON CONFLICT (id) DO UPDATE SET instance_url = excluded.instance_url, client_id = excluded.client_id,
                   client_secret = excluded.client_secret, tenant_id = excluded.tenant_id, tenant_name = excluded.tenant_name,
                   token_json = excluded.token_json, status = excluded.status, last_error = excluded.last_error,
                   connected_at = excluded.connected_at`,
            )
            .run({ ...connection, token: connection.token ? JSON.stringify(connection.token) : null })
    }

    updateToken(token: { [key: string]: unknown }): void {
        this.db.prepare('UPDATE connection SET token_json = ? WHERE id = 1').run(JSON.stringify(token))
    }

    setConnectionStatus(status: ConnectionStatus, lastError: string | null): void {
        this.db.prepare('UPDATE connection SET status = ?, last_error = ? WHERE id = 1').run(status, lastError)
    }

    /** Forgets the connection, its tokens and client secret, and the tickets read through it. */
    deleteConnection(): void {
        this.db.prepare('DELETE FROM connection').run()
        this.clearTickets()
    }

    // --- pending consents (the OAuth `state`) ------------------------------------------------

    addPendingConsent(consent: PendingConsent): void {
        this.db
            .prepare(
                `INSERT INTO pending_consent (state, instance_url, client_id, client_secret, tenant_id, tenant_name, created_at)
                 VALUES (@state, @instanceUrl, @clientId, @clientSecret, @tenantId, @tenantName, @createdAt)`,
            )
            .run(consent)
    }

    /** The pending consent for a state, removed as it is read: a state is good for one callback. */
    takePendingConsent(state: string, maxAgeMs: number): PendingConsent | null {
        this.db.prepare('DELETE FROM pending_consent WHERE created_at < ?').run(Date.now() - maxAgeMs)
        const row = this.db.prepare('SELECT * FROM pending_consent WHERE state = ?').get(state) as Row | undefined
        if (!row) return null
        this.db.prepare('DELETE FROM pending_consent WHERE state = ?').run(state)
        return {
            state: String(row.state),
            instanceUrl: String(row.instance_url),
            clientId: String(row.client_id),
            clientSecret: String(row.client_secret),
            tenantId: String(row.tenant_id),
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
        return this.readShare(this.db.prepare('SELECT * FROM share WHERE id = ?').get(id) as Row | undefined)
    }

    /** The share that sent this task id (task ids are unique). */
    shareByTaskId(taskId: string): Share | null {
        return this.readShare(this.db.prepare('SELECT * FROM share WHERE task_id = ?').get(taskId) as Row | undefined)
    }

    listShares(): Share[] {
        return (this.db.prepare('SELECT * FROM share ORDER BY created_at DESC, rowid DESC').all() as Row[]).map((row) => this.readShare(row) as Share)
    }

    /** Records a share and its task id before anything is sent. */
    createShare(share: { id: string; taskId: string; controlId: string; payload: { [key: string]: unknown } }): Share {
        this.db
            .prepare(`INSERT INTO share (id, task_id, control_id, payload_json, status, created_at) VALUES (?, ?, ?, ?, 'pending', ?)`)
            .run(share.id, share.taskId, share.controlId, JSON.stringify(share.payload), new Date().toISOString())
        return this.getShare(share.id) as Share
    }

    updateSharePayload(id: string, payload: { [key: string]: unknown }): void {
        this.db.prepare(`UPDATE share SET payload_json = ? WHERE id = ? AND status != 'sent'`).run(JSON.stringify(payload), id)
    }

    markShareSent(id: string, ticket: { number: string; link: string; type: string }, replayed: boolean): void {
        this.db
            .prepare(`UPDATE share SET status = 'sent', ticket_number = ?, ticket_link = ?, ticket_type = ?, replayed = ?, error = NULL WHERE id = ?`)
            .run(ticket.number, ticket.link, ticket.type, replayed ? 1 : 0, id)
    }

    markShareFailed(id: string, error: string): void {
        this.db.prepare(`UPDATE share SET status = 'failed', error = ? WHERE id = ? AND status != 'sent'`).run(error, id)
    }

    // --- tickets and sync state ---------------------------------------------------------------

    /** Inserts or replaces tickets by sys_id. */
    mergeTickets(tickets: StoredTicket[]): void {
        const upsert = this.db.prepare(
            `INSERT INTO ticket (sys_id, number, type, updated, json) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (sys_id) DO UPDATE SET number = excluded.number, type = excluded.type, updated = excluded.updated, json = excluded.json`,
        )
        const previousCopy = this.db.prepare('SELECT json FROM ticket WHERE sys_id = ?')
        this.db.transaction(() => {
            for (const ticket of tickets) {
                const row = previousCopy.get(ticket.sysId) as Row | undefined
                const previous = row ? (JSON.parse(String(row.json)) as StoredTicket) : null
                upsert.run(ticket.sysId, ticket.number, ticket.type, ticket.updated, JSON.stringify(ticket))
                if (this.outcomeObserver && (previous?.outcome ?? 'open') !== (ticket.outcome ?? 'open')) this.outcomeObserver(previous, ticket)
            }
        })()
    }

    listTickets(type?: 'change' | 'incident'): StoredTicket[] {
        const rows = (
            type
                ? this.db.prepare('SELECT json FROM ticket WHERE type = ? ORDER BY updated DESC, number DESC').all(type)
                : this.db.prepare('SELECT json FROM ticket ORDER BY updated DESC, number DESC').all()
        ) as Row[]
        return rows.map((row) => JSON.parse(String(row.json)) as StoredTicket)
    }

    clearTickets(): void {
        this.db.prepare('DELETE FROM ticket').run()
        this.db.prepare(`DELETE FROM kv WHERE key IN ('watermark', 'states', 'last_sync_at', 'last_sync_error')`).run()
    }

    getTicket(number: string): StoredTicket | null {
        const row = this.db.prepare('SELECT json FROM ticket WHERE number = ?').get(number) as Row | undefined
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
        return this.readComment(this.db.prepare('SELECT * FROM outgoing_comment WHERE id = ?').get(id) as Row | undefined)
    }

    /** Records a comment before it is sent; the same id again keeps the first record (a resubmitted form). */
    createComment(comment: { id: string; ticketNumber: string; text: string }): OutgoingComment {
        this.db
            .prepare(`INSERT INTO outgoing_comment (id, ticket_number, text, status, created_at) VALUES (?, ?, ?, 'pending', ?) ON CONFLICT (id) DO NOTHING`)
            .run(comment.id, comment.ticketNumber, comment.text, new Date().toISOString())
        return this.getComment(comment.id) as OutgoingComment
    }

    /** Comments of a ticket not yet accepted by the instance, oldest first. */
    unsentComments(ticketNumber: string): OutgoingComment[] {
        const rows = this.db.prepare(`SELECT * FROM outgoing_comment WHERE ticket_number = ? AND status != 'sent' ORDER BY created_at, rowid`).all(ticketNumber) as Row[]
        return rows.map((row) => this.readComment(row) as OutgoingComment)
    }

    markComment(id: string, status: CommentStatus, error: string | null): void {
        this.db.prepare('UPDATE outgoing_comment SET status = ?, error = ? WHERE id = ?').run(status, error, id)
    }

    get(key: string): string | null {
        const row = this.db.prepare('SELECT value FROM kv WHERE key = ?').get(key) as Row | undefined
        return row ? String(row.value) : null
    }

    set(key: string, value: string | null): void {
        if (value === null) this.db.prepare('DELETE FROM kv WHERE key = ?').run(key)
        else this.db.prepare('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value)
    }

    getStates(): TicketStates | null {
        const value = this.get('states')
        return value ? (JSON.parse(value) as TicketStates) : null
    }

    /** Stores the states, and records the tenant's custom names with the time they were first seen when they changed. */
    setStates(states: TicketStates): void {
        const names: CustomStateNames = { change: customNames(states.change), incident: customNames(states.incident) }
        const latest = this.db.prepare('SELECT names_json FROM state_names_log ORDER BY id DESC LIMIT 1').get() as Row | undefined
        this.db.transaction(() => {
            this.set('states', JSON.stringify(states))
            if (!latest || latest.names_json !== JSON.stringify(names)) {
                this.db.prepare('INSERT INTO state_names_log (seen_at, names_json) VALUES (?, ?)').run(new Date().toISOString(), JSON.stringify(names))
            }
        })()
    }

    /**
     * The custom state names in force at `at`: the newest recorded before it, or the first ever recorded for a time
     * before the record began; null when none were ever seen. History keeps the names of its time.
     */
    customStateNamesAt(at: string): CustomStateNames | null {
        const rows = this.db.prepare('SELECT seen_at, names_json FROM state_names_log ORDER BY id').all() as Row[]
        if (rows.length === 0) return null
        const when = Date.parse(at)
        let chosen = rows[0]
        for (const row of rows) if (Date.parse(String(row.seen_at)) <= when) chosen = row
        return JSON.parse(String(chosen.names_json)) as CustomStateNames
    }
}

export function openStore(file: string): BridgeStore {
    return new BridgeStore(file)
}
