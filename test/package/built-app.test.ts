// Checks on the built package itself (dist/app), for mistakes the SDK's build lets through.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'
import { PROPERTY } from '../../src/server/platform/properties.ts'
import { everyRow } from '../support/api-paths.ts'

let runtime: Runtime

beforeAll(() => {
    runtime = createRuntime({ dbPath: ':memory:' })
})

afterAll(() => runtime.close())

const all = (table: string) => runtime.store.select(table, everyRow())

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

describe('the admin experience the app ships (issue: lists, forms, UI action)', () => {
    const ticketTables = ['x_mioms_m365ticket_change_request', 'x_mioms_m365ticket_incident']

    it('lists tickets with the fields an admin scans, connections and API calls with theirs', () => {
        const lists = all('sys_ui_list').filter((row) => !row.parent)
        const columns = (table: string) => {
            const list = lists.find((row) => row.name === table)
            expect(list).toBeDefined()
            return all('sys_ui_list_element')
                .filter((row) => row.list_id === list!.sys_id)
                .sort((a, b) => Number(a.position) - Number(b.position))
                .map((row) => row.element)
        }
        const wanted = ['number', 'short_description', 'state', 'priority', 'connection', 'm365_task_id', 'recommendation_source', 'recommendation_category', 'm365_requested_by', 'due_date', 'assignment_group']
        for (const table of ticketTables) expect(columns(table)).toEqual(wanted)
        expect(columns('x_mioms_m365ticket_connection')).toEqual(expect.arrayContaining(['tenant_name', 'status', 'last_contact_at']))
        expect(columns('x_mioms_m365ticket_api_log')).toEqual(expect.arrayContaining(['route', 'http_status', 'error_message']))
    })

    it("gathers the Microsoft 365 fields in a section of each ticket form, and shows a connection's tickets and calls", () => {
        const sections = all('sys_ui_section')
        for (const table of ticketTables) {
            const section = sections.find((row) => row.name === table && row.caption === 'Microsoft 365')
            expect(section).toBeDefined()
            const fields = all('sys_ui_element').filter((row) => row.sys_ui_section === section!.sys_id).map((row) => row.element)
            expect(fields).toEqual(expect.arrayContaining(['connection', 'm365_task_id', 'm365_requested_by', 'recommendation_source', 'recommendation_category', 'action_url']))
        }
        const connectionSections = sections.filter((row) => row.name === 'x_mioms_m365ticket_connection').map((row) => row.sys_id)
        const elements = all('sys_ui_element').filter((row) => connectionSections.includes(row.sys_ui_section)).map((row) => row.element)
        expect(elements).toEqual(expect.arrayContaining(['REL:x_mioms_m365ticket_change_request.connection', 'REL:x_mioms_m365ticket_incident.connection', 'REL:x_mioms_m365ticket_api_log.connection'].map((ref) => expect.stringContaining(ref.slice(4)))))
    })

    it('offers "Open in Microsoft Secure Score" on both ticket forms, only when the ticket has an action URL', () => {
        const actions = all('sys_ui_action').filter((row) => row.name === 'Open in Microsoft Secure Score')
        expect(actions.map((row) => row.table).sort()).toEqual(ticketTables)
        for (const action of actions) {
            expect(action.condition).toBe('!current.action_url.nil()')
            expect(action.client).toBe('1')
            expect(action.script).toContain("g_navigation.open(url, '_blank')")
        }
    })
})

it('ships one ATF suite holding every active ATF test of the app, for the CI/CD API to run', () => {
    const suites = all('sys_atf_test_suite').filter((row) => row.name === 'Microsoft 365 Ticketing Connector')
    expect(suites).toHaveLength(1)
    const inSuite = all('sys_atf_test_suite_test').filter((row) => row.test_suite === suites[0].sys_id).map((row) => row.test).sort()
    const tests = all('sys_atf_test').filter((row) => row.active === '1' || row.active === 'true').map((row) => row.sys_id).sort()
    expect(tests.length).toBeGreaterThanOrEqual(9)
    expect(inSuite).toEqual(tests)
})

it('marks ignore_cache on every property the app writes at run time, so a write does not flush the whole system cache', () => {
    const sources = readdirSync('src/server', { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.ts'))
    const calls = sources.flatMap((path) => [...readFileSync(join('src/server', path), 'utf8').matchAll(/gs\.setProperty\(([^,]+),/g)].map((match) => match[1].trim()))
    // Every write names its property through PROPERTY, so the set below is complete.
    for (const argument of calls) expect(argument).toMatch(/^PROPERTY\.\w+$/)
    const written = new Set(calls.map((argument) => PROPERTY[argument.slice('PROPERTY.'.length) as keyof typeof PROPERTY]))
    expect(written.size).toBe(7)
    const properties = all('sys_properties').filter((row) => (row.name ?? '').startsWith('x_mioms_m365ticket.'))
    for (const name of written) expect([name, properties.find((row) => row.name === name)?.ignore_cache]).toEqual([name, '1'])
})
