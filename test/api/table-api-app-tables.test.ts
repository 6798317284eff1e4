// The app's record ACLs (fluent/acls/record-acls.now.ts) over the Table API: every app table against every kind of
// caller. Tickets: read by .user and itil, written by itil, created and deleted by the app's admin, their Microsoft
// 365 fields written by nobody (field ACLs, or the protect business rule for the three it guards); connections: read by .user, managed by the app's admin, created by nobody; the API
// log: read by .user, deleted by the app's admin, created and written by nobody. The integration user, with its one
// role, reaches none of them: it works through the connector API. The matrix is printed.
import { ADMIN, basic, call, type Instance, INTEGRATION, ITIL, NOBODY, startTestInstance } from '../support/http-harness.ts'
import type { Credentials } from '../support/instance-http.ts'

const APP_USER: Credentials = { user: 'm365.reader', password: 'Reader-Passw0rd!' }
const APP_ADMIN: Credentials = { user: 'm365.appadmin', password: 'App-Admin-Passw0rd!' }

type Operation = 'read' | 'create' | 'update' | 'm365 field' | 'delete'
const OPERATIONS: Operation[] = ['read', 'create', 'update', 'm365 field', 'delete']
/** y: allowed; n: refused (404 where the record cannot be read, else 403; a Microsoft 365 field keeps its value). */
type Row = string

interface AppTable {
    name: string
    /** A plain field the allowed writers may change. */
    plain: string
    /** A field set from Microsoft 365 only, or null when the table has none. */
    m365: string | null
    seed: () => Record<string, string>
    expected: Record<string, Row>
}

const TICKET_EXPECTED: Record<string, Row> = {
    'no role': 'n n n n n',
    itil: 'y n y n n',
    '.user': 'y n n n n',
    integration: 'n n n n n',
    '.admin': 'y y n n y',
    admin: 'y y y n y',
}

const TABLES: AppTable[] = [
    { name: 'x_mioms_m365ticket_change_request', plain: 'short_description', m365: 'recommendation_source', seed: () => ({ short_description: 'Seeded change', recommendation_source: 'microsoft' }), expected: TICKET_EXPECTED },
    { name: 'x_mioms_m365ticket_incident', plain: 'short_description', m365: 'recommendation_category', seed: () => ({ short_description: 'Seeded incident', recommendation_category: 'identity' }), expected: TICKET_EXPECTED },
    {
        name: 'x_mioms_m365ticket_connection',
        plain: 'tenant_name',
        m365: null,
        seed: () => ({ tenant_id: crypto.randomUUID(), tenant_name: 'Seeded tenant', status: 'connected' }),
        expected: { 'no role': 'n n n - n', itil: 'n n n - n', '.user': 'y n n - n', integration: 'n n n - n', '.admin': 'y n y - y', admin: 'y n y - y' },
    },
    {
        name: 'x_mioms_m365ticket_api_log',
        plain: 'route',
        m365: null,
        seed: () => ({ route: 'GET /tickets', method: 'GET', http_status: '200' }),
        expected: { 'no role': 'n n n - n', itil: 'n n n - n', '.user': 'y n n - n', integration: 'n n n - n', '.admin': 'y n n - y', admin: 'y n n - y' },
    },
]

const CALLERS: Record<string, Credentials> = { 'no role': NOBODY, itil: ITIL, '.user': APP_USER, integration: INTEGRATION, '.admin': APP_ADMIN, admin: ADMIN }

let instance: Instance

beforeAll(async () => {
    instance = await startTestInstance()
    instance.runtime.createUser({ user_name: APP_USER.user, roles: ['x_mioms_m365ticket.user'], password: APP_USER.password })
    instance.runtime.createUser({ user_name: APP_ADMIN.user, roles: ['x_mioms_m365ticket.admin'], password: APP_ADMIN.password })
})
afterAll(() => instance.close())

function seed(table: AppTable): string {
    const result = instance.runtime.store.insert(table.name, table.seed(), 'system')
    if (result.error !== undefined) throw new Error(result.error)
    return result.sysId
}

function stored(table: AppTable, sysId: string, field: string): string | null {
    return instance.runtime.store.getRow(table.name, sysId)?.[field] ?? null
}

/** What the caller may do on one fresh record of the table, as y / n per operation ('-' where it does not apply). */
async function observe(table: AppTable, who: Credentials): Promise<Row> {
    const url = `${instance.url}/api/now/table/${table.name}`
    const auth = basic(who)
    const sysId = seed(table)
    const cells: string[] = []
    const read = await call(`${url}/${sysId}`, 'GET', auth)
    const listed = await call(`${url}?sysparm_query=sys_id=${sysId}`, 'GET', auth)
    expect({ table: table.name, listed: listed.json.result.length }).toEqual({ table: table.name, listed: read.status === 200 ? 1 : 0 })
    cells.push(read.status === 200 ? 'y' : read.status === 404 ? 'n' : `?${read.status}`)
    const created = await call(url, 'POST', auth, table.seed())
    cells.push(created.status === 201 ? 'y' : created.status === 403 ? 'n' : `?${created.status}`)
    const updated = await call(`${url}/${sysId}`, 'PATCH', auth, { [table.plain]: 'Changed by the matrix' })
    cells.push(updated.status === 200 && stored(table, sysId, table.plain) === 'Changed by the matrix' ? 'y' : updated.status === 403 || updated.status === 404 ? 'n' : `?${updated.status}`)
    if (table.m365) {
        const before = stored(table, sysId, table.m365)
        const patched = await call(`${url}/${sysId}`, 'PATCH', auth, { [table.m365]: 'user' === before ? 'microsoft' : 'user' })
        cells.push(stored(table, sysId, table.m365) !== before ? 'y' : [200, 403, 404].includes(patched.status) ? 'n' : `?${patched.status}`)
    } else cells.push('-')
    const deleted = await call(`${url}/${sysId}`, 'DELETE', auth)
    cells.push(deleted.status === 204 ? 'y' : deleted.status === 403 || deleted.status === 404 ? 'n' : `?${deleted.status}`)
    return cells.join(' ')
}

it('every app table answers every kind of caller as its record ACLs say', async () => {
    const matrix: string[] = [`${'caller'.padEnd(12)}${TABLES.map((t) => t.name.replace('x_mioms_m365ticket_', '').padEnd(18)).join('')}  (${OPERATIONS.join(', ')})`]
    const mismatches: string[] = []
    for (const [who, credentials] of Object.entries(CALLERS)) {
        const cells: string[] = []
        for (const table of TABLES) {
            const seen = await observe(table, credentials)
            cells.push(seen.padEnd(18))
            if (seen !== table.expected[who]) mismatches.push(`${who} on ${table.name}: ${seen}, expected ${table.expected[who]}`)
        }
        matrix.push(who.padEnd(12) + cells.join(''))
    }
    console.log(matrix.join('\n'))
    expect(mismatches).toEqual([])
})

// The three fields replays and read-back depend on are guarded by the business rule "Protect Microsoft 365 fields"
// on every write path (the form shows its message), rather than by a field ACL: even a user who may write the ticket
// is refused and nothing of the update is written. The Table API answers the rule's abort with 403 "Operation Failed"
// ("REST API HTTP response codes": 403 "can also be caused by … business rule … constraints").
it('refuses a change to a business-rule-protected Microsoft 365 field, whoever asks', async () => {
    for (const table of TABLES.slice(0, 2)) {
        const sysId = instance.runtime.store.insert(table.name, { ...table.seed(), m365_task_id: 'protected-1' }, 'system').sysId!
        for (const who of [ITIL, ADMIN]) {
            const response = await call(`${instance.url}/api/now/table/${table.name}/${sysId}`, 'PATCH', basic(who), { m365_task_id: 'changed', short_description: 'also changed' })
            expect({ table: table.name, who: who.user, status: response.status, message: response.json.error.message }).toEqual({ table: table.name, who: who.user, status: 403, message: 'Operation Failed' })
            expect(stored(table, sysId, 'm365_task_id')).toBe('protected-1')
            expect(stored(table, sysId, 'short_description')).not.toBe('also changed')
        }
    }
})

it('refuses a caller without credentials on every app table', async () => {
    for (const table of TABLES) expect((await call(`${instance.url}/api/now/table/${table.name}`, 'GET', null)).status).toBe(401)
})
