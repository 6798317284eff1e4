// Checks on the built package itself (dist/app), for mistakes the SDK's build lets through.
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'

let runtime: Runtime

beforeAll(() => {
    runtime = createRuntime({ dbPath: ':memory:' })
})

afterAll(() => runtime.close())

const all = (table: string) => runtime.store.select(table, { blocks: [], orderBy: [] })

it('names only existing roles on the application menu and its modules', () => {
    const roles = new Set(all('sys_user_role').map((role) => role.name))
    const menus = [...all('sys_app_application'), ...all('sys_app_module')]
    const named = menus.flatMap((row) => (row.roles ? row.roles.split(',') : []))
    expect(named.length).toBeGreaterThan(0)
    for (const role of named) expect(roles).toContain(role)
})

it("has every script include require() a module the package contains, at the package's version", () => {
    const paths = new Set(all('sys_module').map((module) => module.path))
    const includes = all('sys_script_include').filter((row) => (row.api_name ?? '').startsWith('x_mioms_m365ticket.'))
    expect(includes.map((row) => row.name).sort()).toEqual(['M365ConnectionService', 'M365TicketService'])
    for (const include of includes) {
        const required = [...include.script!.matchAll(/require\('([^']+)'\)/g)].map((match) => match[1])
        expect(required.length).toBeGreaterThan(0)
        for (const path of required) expect(paths).toContain(path)
    }
})

it('names its minimum release in the application record, since its script includes use require()', () => {
    const app = all('sys_app').find((row) => row.scope === 'x_mioms_m365ticket')
    expect(app?.short_description).toContain('Requires Washington DC Patch 9, Xanadu Patch 2 or a later release')
})

it('lets the integration user reach the connector without snc_internal, and keeps the setup API for internal users', () => {
    const operations = all('sys_ws_operation').filter((row) => (row.operation_uri ?? '').startsWith('/api/x_mioms_m365ticket/'))
    const connector = operations.filter((row) => row.operation_uri!.includes('/connector/'))
    const setup = operations.filter((row) => row.operation_uri!.includes('/setup/'))
    expect(connector.length).toBeGreaterThan(0)
    expect(setup.length).toBeGreaterThan(0)
    for (const row of connector) expect([row.operation_uri, row.requires_snc_internal_role]).toEqual([row.operation_uri, '0'])
    for (const row of setup) expect([row.operation_uri, row.requires_snc_internal_role]).toEqual([row.operation_uri, '1'])
})
