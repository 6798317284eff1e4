// A data folder made by an earlier version (`npm start --data`) survives the schema's move to the SDK definitions:
// the Microsoft 365 user the app kept in its own requested_by column moves to m365_requested_by, and the platform
// tables' Application Access is set as the definitions give it. Each migration runs once, in a transaction.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRuntime } from '../../emulator/instance/runtime.ts'
import type { Row } from '../../emulator/instance/store/store.ts'

const APP_CHANGE = 'x_mioms_m365ticket_change_request'
const APP_INCIDENT = 'x_mioms_m365ticket_incident'

let dir: string
let dbPath: string
let log: jest.SpyInstance
beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'schema-migrations-'))
    dbPath = join(dir, 'instance.db')
    log = jest.spyOn(console, 'log').mockImplementation(() => undefined)
})
afterEach(() => {
    log.mockRestore()
    rmSync(dir, { recursive: true, force: true })
})

/** Writes rows as the previous version left them: the Microsoft 365 user in requested_by, Application Access all allowed. */
function previousVersionDatabase(): { admin: string } {
    const runtime = createRuntime({ dbPath })
    const store = runtime.store
    const admin = store.get(`SELECT sys_id FROM ${store.sqlTable('sys_user')} WHERE user_name = 'admin'`)!.sys_id!
    const task = store.sqlTable('task')
    const ticket = (table: string, sysId: string, requestedBy: string, m365RequestedBy: string | null): void => {
        const result = store.insert(table, { sys_id: sysId, short_description: sysId }, 'system')
        if (result.error !== undefined) throw new Error(result.error)
        // Raw SQL: the previous app's own requested_by column shared the hierarchy's SQL column.
        store.run(`UPDATE ${task} SET requested_by = ?, m365_requested_by = ? WHERE sys_id = ?`, [requestedBy, m365RequestedBy, sysId])
    }
    ticket(APP_CHANGE, 'c1', 'alex@contoso.com', null)
    ticket(APP_INCIDENT, 'i1', 'bo@contoso.com', null)
    ticket(APP_CHANGE, 'c2', admin, null)
    ticket(APP_CHANGE, 'c3', 'old@contoso.com', 'new@contoso.com')
    ticket('change_request', 'p1', 'not-a-user', null)
    store.run(`UPDATE ${store.sqlTable('sys_db_object')} SET delete_access = '1' WHERE name = 'task'`)
    runtime.close()
    return { admin }
}

function rows(): Map<string, Row> {
    const runtime = createRuntime({ dbPath })
    const store = runtime.store
    const out = new Map(store.all<Row>(`SELECT sys_id, requested_by, m365_requested_by FROM ${store.sqlTable('task')} WHERE sys_id IN ('c1', 'i1', 'c2', 'c3', 'p1')`).map((r) => [r.sys_id!, r]))
    out.set('task', store.get<Row>(`SELECT delete_access FROM ${store.sqlTable('sys_db_object')} WHERE name = 'task'`)!)
    runtime.close()
    return out
}

describe('opening a database made by the previous version', () => {
    // Issue 11 §1: the app's requested_by redefined change_request.requested_by (change_request.now.ts); renamed m365_requested_by.
    it("moves the app tickets' Microsoft 365 user from requested_by to m365_requested_by and says so in the log", () => {
        const { admin } = previousVersionDatabase()
        log.mockClear()
        const after = rows()
        expect(after.get('c1')).toMatchObject({ requested_by: null, m365_requested_by: 'alex@contoso.com' })
        expect(after.get('i1')).toMatchObject({ requested_by: null, m365_requested_by: 'bo@contoso.com' })
        expect(log).toHaveBeenCalledWith(expect.stringMatching(/moved the Microsoft 365 user of 2 ticket\(s\) from requested_by to m365_requested_by/))
        // A sys_user reference, a ticket whose m365_requested_by is set, and other classes' rows stay as they are.
        expect(after.get('c2')).toMatchObject({ requested_by: admin, m365_requested_by: null })
        expect(after.get('c3')).toMatchObject({ requested_by: 'old@contoso.com', m365_requested_by: 'new@contoso.com' })
        expect(after.get('p1')).toMatchObject({ requested_by: 'not-a-user' })
    })
    it("leaves Application Access an admin has set since (not the old all-allowed seed) as it is", () => {
        createRuntime({ dbPath }).close()
        const set = createRuntime({ dbPath })
        set.store.run(`UPDATE ${set.store.sqlTable('sys_db_object')} SET delete_access = '1', ws_access = '0' WHERE name = 'task'`)
        set.close()
        const reopened = createRuntime({ dbPath })
        expect(reopened.store.get<Row>(`SELECT delete_access, ws_access FROM ${reopened.store.sqlTable('sys_db_object')} WHERE name = 'task'`)).toEqual({ delete_access: '1', ws_access: '0' })
        reopened.close()
    })

    // task.now.ts: actions ['read', 'update', 'create'] (no delete).
    it("sets the platform tables' Application Access back to the definitions", () => {
        previousVersionDatabase()
        log.mockClear()
        expect(rows().get('task')!.delete_access).toBe('0')
        expect(log).toHaveBeenCalledWith(expect.stringMatching(/Application Access of 1 platform table\(s\) set as the SDK definitions give it \(task\)/))
    })
    it('runs once: a second start changes and logs nothing', () => {
        previousVersionDatabase()
        rows()
        log.mockClear()
        expect(rows().get('c1')).toMatchObject({ requested_by: null, m365_requested_by: 'alex@contoso.com' })
        expect(log).not.toHaveBeenCalledWith(expect.stringMatching(/^local instance:/))
    })
})
