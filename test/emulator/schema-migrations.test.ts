// A data folder made by an earlier version (`npm start --data`) survives the schema's move to the SDK definitions:
// the platform tables' Application Access is set as the definitions give it. The migration runs once, in a transaction.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRuntime } from '../../emulator/instance/runtime.ts'
import type { Row } from '../../emulator/instance/store/store.ts'

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

/** A database as the previous version left it: platform tables' Application Access all allowed. */
function previousVersionDatabase(): void {
    const runtime = createRuntime({ dbPath })
    runtime.store.run(`UPDATE ${runtime.store.sqlTable('sys_db_object')} SET delete_access = '1' WHERE name = 'task'`)
    runtime.close()
}

/** task's Application Access after opening the database again. */
function taskAccess(): Row {
    const runtime = createRuntime({ dbPath })
    const row = runtime.store.get<Row>(`SELECT delete_access FROM ${runtime.store.sqlTable('sys_db_object')} WHERE name = 'task'`)!
    runtime.close()
    return row
}

describe('opening a database made by the previous version', () => {
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
        expect(taskAccess().delete_access).toBe('0')
        expect(log).toHaveBeenCalledWith(expect.stringMatching(/Application Access of 1 platform table\(s\) set as the SDK definitions give it \(task\)/))
    })
    it('runs once: a second start changes and logs nothing', () => {
        previousVersionDatabase()
        taskAccess()
        log.mockClear()
        expect(taskAccess().delete_access).toBe('0')
        expect(log).not.toHaveBeenCalledWith(expect.stringMatching(/^local instance:/))
    })
    it("deletes the glide.servlet.uri record an earlier version kept, and keeps one an admin wrote", () => {
        const servletUri = () => {
            const runtime = createRuntime({ dbPath })
            const row = runtime.store.get<Row>(`SELECT value, sys_created_by FROM ${runtime.store.sqlTable('sys_properties')} WHERE name = 'glide.servlet.uri'`)
            runtime.close()
            return row
        }
        const write = (by: string) => {
            const runtime = createRuntime({ dbPath })
            runtime.store.insert('sys_properties', { name: 'glide.servlet.uri', value: 'http://127.0.0.1:8080/', type: 'string', description: 'The URL of this instance' }, by)
            runtime.close()
        }
        write('system')
        log.mockClear()
        expect(servletUri()).toBeUndefined()
        expect(log).toHaveBeenCalledWith(expect.stringMatching(/glide.servlet.uri is computed .*deleted/))
        write('admin')
        expect(servletUri()).toEqual({ value: 'http://127.0.0.1:8080/', sys_created_by: 'admin' })
    })
})
