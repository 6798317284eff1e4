// Installing the built app as the platform does: a restart on the same data (the same package) writes nothing, so
// settings a customer changed stay; a new version applies what the customer left alone, skips what they changed,
// records it in sys_upgrade_history / sys_upgrade_history_log and reports it (log line, Table API).
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInstance, type Instance } from '../../emulator/instance/instance.ts'
import { hashPassword, type Runtime } from '../../emulator/instance/runtime.ts'
import { repoRoot } from '../../scripts/ensure-built.ts'
import { getStatus, postOAuthClient } from '../../src/server/rest/setup-routes.ts'
import { handlerCaller } from '../support/handler-calls.ts'
import { SETUP_API } from '../support/api-paths.ts'

const BUILT_APP = join(repoRoot, 'dist', 'app')
/** This test's copy of the built app: a rebuild running meanwhile (another npm test) must not change the package. */
let builtCopy: string
const LOCAL_REDIRECT = 'http://127.0.0.1:8090/oauth/callback'

let dir: string
let instance: Instance | undefined
let runtime: Runtime | undefined
const logged: string[] = []

beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'install-history-'))
    builtCopy = join(dir, 'app-1.0.0')
    cpSync(BUILT_APP, builtCopy, { recursive: true })
    logged.length = 0
    jest.spyOn(console, 'log').mockImplementation((line: string) => void logged.push(line))
})

afterEach(() => {
    runtime?.close()
    runtime = undefined
    jest.restoreAllMocks()
    rmSync(dir, { recursive: true, force: true })
})

/** (Re)starts the instance on the same database file, as `npm start` does. */
function start(appDir = builtCopy): Runtime {
    runtime?.close()
    instance = createInstance({ dbPath: join(dir, 'instance.db'), appDir })
    runtime = instance.runtime
    return runtime
}

const property = (r: Runtime, name: string) => r.store.get(`SELECT sys_id, value, description FROM ${r.store.sqlTable('sys_properties')} WHERE name = ?`, [name])!
const setProperty = (r: Runtime, name: string, value: string) => r.store.update('sys_properties', property(r, name).sys_id!, { value }, 'admin')
const rows = (r: Runtime, table: string) => r.store.all(`SELECT * FROM ${r.store.sqlTable(table)} ORDER BY sys_created_on, sys_id`)

/** A copy of the built app with another version in its sys_app record and `edit` applied to one update file. */
function nextVersion(version: string, file: string, edit: (xml: string) => string): string {
    const copy = join(dir, `app-${version}`)
    cpSync(builtCopy, copy, { recursive: true })
    const scopeFile = join(copy, 'scope', readdirSync(join(copy, 'scope'))[0])
    writeFileSync(scopeFile, readFileSync(scopeFile, 'utf8').replace(/<version>[^<]*<\/version>/, `<version>${version}</version>`))
    const updateFile = join(copy, 'update', file)
    writeFileSync(updateFile, edit(readFileSync(updateFile, 'utf8')))
    return copy
}

function propertyFile(name: string): string {
    const file = readdirSync(join(builtCopy, 'update')).find((f) => f.startsWith('sys_properties_') && readFileSync(join(builtCopy, 'update', f), 'utf8').includes(`<name>${name}</name>`))
    if (!file) throw new Error(`no update file for ${name}`)
    return file
}

test('a restart keeps changed settings and the OAuth redirect URL; the checklist does not ask for a repair', () => {
    const first = start()
    const admin = first.createUser({ user_name: 'm365.admin', roles: ['x_mioms_m365ticket.admin'] })
    first.store.run(`UPDATE ${first.store.sqlTable('sys_db_object')} SET access = 'public', read_access = '1', create_access = '1', update_access = '1' WHERE name = 'oauth_entity'`)
    const created = handlerCaller(first, SETUP_API, admin)(postOAuthClient, 'POST', '/oauth-client', { body: { redirectUrl: LOCAL_REDIRECT } })
    expect(created.status).toBe(201)
    setProperty(first, 'x_mioms_m365ticket.default_ticket_type', 'incident')
    setProperty(first, 'x_mioms_m365ticket.api_log_retention_days', '7')
    expect(rows(first, 'sys_upgrade_history')).toHaveLength(1)

    const second = start()
    expect(property(second, 'x_mioms_m365ticket.oauth_redirect_url').value).toBe(LOCAL_REDIRECT)
    expect(property(second, 'x_mioms_m365ticket.default_ticket_type').value).toBe('incident')
    expect(property(second, 'x_mioms_m365ticket.api_log_retention_days').value).toBe('7')
    // The Application Access the admin opened on oauth_entity (the preflight's fix) stays too.
    expect(second.store.get(`SELECT read_access, create_access FROM ${second.store.sqlTable('sys_db_object')} WHERE name = 'oauth_entity'`)).toEqual({ read_access: '1', create_access: '1' })
    // The same package again is a no-op: no new install is recorded, nothing is logged.
    expect(rows(second, 'sys_upgrade_history')).toHaveLength(1)
    expect(logged.filter((line) => line.includes('upgraded') || line.includes('installed'))).toEqual([])

    const status = handlerCaller(second, SETUP_API, admin)(getStatus, 'GET', '/status')
    const oauth = status.json.result.steps.find((step: { id: string }) => step.id === 'oauth')
    expect(oauth.state).toBe('complete')
    expect(JSON.stringify(oauth)).not.toMatch(/Repair/)
})

test('a new version applies unchanged records, skips the one a customer changed and reports it', async () => {
    const first = start()
    setProperty(first, 'x_mioms_m365ticket.oauth_redirect_url', LOCAL_REDIRECT)
    const retentionBefore = property(first, 'x_mioms_m365ticket.api_log_retention_days').description

    // Version 1.1.0 changes the redirect URL property (customer-changed) and the retention property's description (not).
    const redirectFile = propertyFile('x_mioms_m365ticket.oauth_redirect_url')
    let appDir = nextVersion('1.1.0', redirectFile, (xml) => xml.replace(/<description>[^<]*<\/description>/, '<description>Changed in 1.1.0</description>'))
    const retentionFile = propertyFile('x_mioms_m365ticket.api_log_retention_days')
    writeFileSync(join(appDir, 'update', retentionFile), readFileSync(join(appDir, 'update', retentionFile), 'utf8').replace(/<description>[^<]*<\/description>/, '<description>Days kept (1.1.0)</description>'))
    expect(retentionBefore).not.toBe('Days kept (1.1.0)')

    const second = start(appDir)
    expect(property(second, 'x_mioms_m365ticket.oauth_redirect_url')).toMatchObject({ value: LOCAL_REDIRECT, description: expect.not.stringContaining('1.1.0') })
    expect(property(second, 'x_mioms_m365ticket.api_log_retention_days').description).toBe('Days kept (1.1.0)')
    expect(second.store.get(`SELECT version FROM ${second.store.sqlTable('sys_app')} WHERE scope = 'x_mioms_m365ticket'`)!.version).toBe('1.1.0')

    // Both installs can fall in the same second: compare them in version order.
    const history = rows(second, 'sys_upgrade_history').sort((a, b) => String(a.to_version).localeCompare(String(b.to_version)))
    expect(history.map((h) => [h.from_version, h.to_version])).toEqual([
        [null, 'x_mioms_m365ticket:1.0.0'],
        ['x_mioms_m365ticket:1.0.0', 'x_mioms_m365ticket:1.1.0'],
    ])
    const upgrade = history[1]
    expect(upgrade.changes_skipped).toBe('1')
    const skipped = second.store.all(`SELECT * FROM ${second.store.sqlTable('sys_upgrade_history_log')} WHERE upgrade_history = ? AND disposition = '4'`, [upgrade.sys_id])
    expect(skipped).toEqual([expect.objectContaining({ file_name: redirectFile.replace('.xml', ''), table: 'sys_properties', target_name: 'x_mioms_m365ticket.oauth_redirect_url', resolution_status: 'not_reviewed' })])
    expect(JSON.parse(skipped[0].payload!)).toMatchObject({ description: 'Changed in 1.1.0' })
    expect(logged.join('\n')).toMatch(/upgraded x_mioms_m365ticket:1\.0\.0 to x_mioms_m365ticket:1\.1\.0: \d+ change\(s\) applied, 1 skipped/)
    expect(logged.join('\n')).toContain('sys_properties x_mioms_m365ticket.oauth_redirect_url')

    // The admin sees the skipped change through the Table API, with the disposition's label.
    second.store.update('sys_user', second.store.get(`SELECT sys_id FROM ${second.store.sqlTable('sys_user')} WHERE user_name = 'admin'`)!.sys_id!, { user_password: hashPassword('Admin-Passw0rd!') }, 'system')
    const server = await instance!.listen({ port: 0, logger: false })
    try {
        const url = `${server.url}/api/now/table/sys_upgrade_history_log?sysparm_query=upgrade_history=${upgrade.sys_id}^disposition=4&sysparm_fields=file_name,disposition,target_name&sysparm_display_value=true`
        const response = await fetch(url, { headers: { Authorization: 'Basic ' + Buffer.from('admin:Admin-Passw0rd!').toString('base64'), Accept: 'application/json' } })
        expect(response.status).toBe(200)
        expect((await response.json()).result).toEqual([{ file_name: redirectFile.replace('.xml', ''), disposition: 'Skipped', target_name: 'x_mioms_m365ticket.oauth_redirect_url' }])
    } finally {
        await server.close()
    }

    // Restarting on 1.1.0 is again a no-op; a later version still keeps the customer's value.
    start(appDir)
    expect(rows(runtime!, 'sys_upgrade_history')).toHaveLength(2)
    appDir = nextVersion('1.2.0', redirectFile, (xml) => xml)
    const third = start(appDir)
    expect(property(third, 'x_mioms_m365ticket.oauth_redirect_url').value).toBe(LOCAL_REDIRECT)
    expect(rows(third, 'sys_upgrade_history')).toHaveLength(3)
})
