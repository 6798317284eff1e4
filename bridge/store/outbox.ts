/**
 * The write-back outbox: control state updates waiting to be written to Microsoft Graph (being written by the
 * write-back work; see bridge/domain/write-back.ts).
 */
import type Database from 'better-sqlite3'

export class OutboxStore {
    constructor(private readonly db: Database.Database) {}
}
