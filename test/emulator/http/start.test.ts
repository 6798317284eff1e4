// `npm start` (emulator/start.ts) as a process: first start prints the admin password, data survives a
// restart on the same folder, Ctrl-C stops it cleanly, --reset wipes the folder.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { killInstanceProcesses, startInstanceProcess, stopInstanceProcess } from '../../support/instance-process.ts'
import { basic, call, taskBody } from '../../support/http-harness.ts'

jest.setTimeout(120000)

let dataDir: string

beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'instance-'))
})

afterAll(() => {
    killInstanceProcesses()
    rmSync(dataDir, { recursive: true, force: true })
})

async function waitFor(condition: () => boolean, ms = 5000): Promise<void> {
    for (const started = Date.now(); !condition(); ) {
        if (Date.now() - started > ms) throw new Error('timed out')
        await new Promise((r) => setTimeout(r, 50))
    }
}

const start = (...extra: string[]) => startInstanceProcess(dataDir, ...extra)
const stop = stopInstanceProcess

it('keeps users and tickets across a restart on the same data folder, and prints the admin password once', async () => {
    const first = await start()
    const password = /User admin, password (\S+)/.exec(first.output())![1]
    const admin = basic({ user: 'admin', password })
    expect(first.output()).toMatch(/Connector API\s+http:\/\/127\.0\.0\.1:\d+\/api\/x_mioms_m365ticket\/v1\/connector/)
    // All three parts start, each URL on its own line: the instance, the Graph stand-in and the bridge, which answers
    // with the demo tenant's Secure Score read from the stand-in.
    expect(first.output()).toMatch(/^Instance {2}http:\/\/127\.0\.0\.1:\d+\/$/m)
    expect(first.output()).toMatch(/^Graph {5}https:\/\/127\.0\.0\.1:\d+\/$/m)
    const bridge = /^Bridge {4}(http:\/\/127\.0\.0\.1:\d+)\/$/m.exec(first.output())
    expect(bridge).not.toBeNull()
    expect(first.output()).toMatch(/Graph CA\s+\S+graph-ca\.pem/)
    expect(first.output()).toMatch(/Demo tenant\s+72f988bf-86f1-41af-91ab-2d7cd011db47 \(Contoso\)/)
    expect(first.output()).toMatch(/Graph app\s+client id [0-9a-f-]{36}, secret \S+/)
    expect(first.output()).toMatch(/Redirect URL\s+http:\/\/127\.0\.0\.1:\d+\/oauth\/callback/)
    expect((await fetch(bridge![1] + '/')).status).toBe(200)

    const user = await call(`${first.url}/api/now/table/sys_user`, 'POST', admin, { user_name: 'persisted.integration', first_name: 'Persisted' })
    expect(user.status).toBe(201)
    const role = await call(`${first.url}/api/now/table/sys_user_role?sysparm_query=name=x_mioms_m365ticket.integration`, 'GET', admin)
    await call(`${first.url}/api/now/table/sys_user_has_role`, 'POST', admin, { user: user.json.result.sys_id, role: role.json.result[0].sys_id })
    const incident = await call(`${first.url}/api/now/table/incident`, 'POST', admin, { short_description: taskBody().name })
    expect(incident.status).toBe(201)
    await waitFor(() => /POST \/api\/now\/table\/incident 201 \d+ms admin/.test(first.output()))
    expect(await stop(first)).toBe(0)

    const second = await start()
    expect(second.output()).not.toContain(password)
    expect(second.output()).toContain('the password was printed on first start')
    const again = await call(`${second.url}/api/now/table/incident/${incident.json.result.sys_id}?sysparm_fields=number,short_description`, 'GET', admin)
    expect(again.status).toBe(200)
    expect(again.json.result).toEqual({ number: incident.json.result.number, short_description: taskBody().name })
    const roles = await call(`${second.url}/api/now/table/sys_user_has_role?sysparm_query=user=${user.json.result.sys_id}&sysparm_fields=role&sysparm_display_value=true`, 'GET', admin)
    expect(roles.json.result.map((r: { role: { display_value: string } }) => r.role.display_value)).toEqual(['x_mioms_m365ticket.integration'])
    // the app's records were loaded again over the data, not duplicated
    const operations = await call(`${second.url}/api/now/table/sys_ws_operation?sysparm_query=http_method=POST^relative_path=/tasks&sysparm_fields=sys_id`, 'GET', admin)
    expect(operations.json.result).toHaveLength(1)
    expect(await stop(second)).toBe(0)

    const reset = await start('--reset')
    const newPassword = /User admin, password (\S+)/.exec(reset.output())![1]
    expect(newPassword).not.toBe(password)
    expect((await call(`${reset.url}/api/now/table/incident/${incident.json.result.sys_id}`, 'GET', basic({ user: 'admin', password: newPassword }))).status).toBe(404)
    expect(await stop(reset)).toBe(0)
})
