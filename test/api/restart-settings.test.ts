// `npm start` twice on the same data folder keeps every setting: the ticket settings saved through the setup API
// and the OAuth redirect URL pointed at the local Microsoft 365 side are not reset by the second start, which
// installs nothing (the same built app).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { killInstanceProcesses, startInstanceProcess, stopInstanceProcess } from '../support/instance-process.ts'
import { basic, call } from '../support/http-harness.ts'
import { SETUP_API as SETUP } from '../support/api-paths.ts'

jest.setTimeout(120000)

let dataDir: string

beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'instance-restart-'))
})

afterAll(() => {
    killInstanceProcesses()
    rmSync(dataDir, { recursive: true, force: true })
})

it('keeps the saved ticket settings and the redirect URL across a restart', async () => {
    const first = await startInstanceProcess(dataDir)
    const admin = basic({ user: 'admin', password: /User admin, password (\S+)/.exec(first.output())![1] })
    const localRedirect = /Redirect URL\s+(\S+)/.exec(first.output())![1]
    const saved = await call(`${first.url}${SETUP}/settings`, 'PUT', admin, { defaultTicketType: 'incident', apiLogRetentionDays: 7 })
    expect(saved.status).toBe(200)
    const property = await call(`${first.url}/api/now/table/sys_properties?sysparm_query=name=x_mioms_m365ticket.oauth_redirect_url&sysparm_fields=sys_id`, 'GET', admin)
    const patched = await call(`${first.url}/api/now/table/sys_properties/${property.json.result[0].sys_id}`, 'PATCH', admin, { value: localRedirect })
    expect(patched.status).toBe(200)
    expect(await stopInstanceProcess(first)).toBe(0)

    const second = await startInstanceProcess(dataDir)
    try {
        const settings = await call(`${second.url}${SETUP}/settings`, 'GET', admin)
        expect(settings.json.result).toMatchObject({ defaultTicketType: 'incident', apiLogRetentionDays: 7 })
        const redirect = await call(`${second.url}/api/now/table/sys_properties?sysparm_query=name=x_mioms_m365ticket.oauth_redirect_url&sysparm_fields=value`, 'GET', admin)
        expect(redirect.json.result).toEqual([{ value: localRedirect }])
        // One install recorded, none at the second start.
        const history = await call(`${second.url}/api/now/table/sys_upgrade_history?sysparm_fields=from_version,to_version`, 'GET', admin)
        expect(history.json.result).toEqual([{ from_version: '', to_version: expect.stringMatching(/^x_mioms_m365ticket:/) }])
        expect(second.output()).not.toMatch(/upgraded|installed/)
    } finally {
        await stopInstanceProcess(second)
    }
})
