// The app's own role checks against an integration role granted through a group, over HTTP: the connector API's
// REST ACL and the registration rule (PUT /connection requires the integration role as granted, read from
// sys_user_has_role). A group role reaches its members as an inherited sys_user_has_role row ("Assign a role to a
// group"; Role Management V2's inh_count). Runs in-process and, under `npm run test:live`, against INSTANCE_URL:
// everything is prepared through the Table API and removed again.
import { basic, call, CONNECTOR, OTHER_TENANT, TENANT } from '../support/http-harness.ts'
import type { Credentials } from '../support/instance-http.ts'
import { startTarget, TABLE_API, type Target } from '../support/target.ts'

const INTEGRATION_ROLE = 'x_mioms_m365ticket.integration'

let target: Target
/** Records this suite created through the Table API, removed in reverse order. */
const created: Array<{ table: string; sysId: string }> = []

beforeAll(async () => {
    target = await startTarget()
})

afterAll(async () => {
    for (const record of created.reverse()) await target.asAdmin('DELETE', `${TABLE_API}/${record.table}/${record.sysId}`)
    await target?.close()
})

async function insert(table: string, values: Record<string, string>): Promise<string> {
    const response = await target.asAdmin('POST', `${TABLE_API}/${table}`, values)
    expect(response.status).toBe(201)
    created.push({ table, sysId: response.json.result.sys_id })
    return response.json.result.sys_id
}

async function sysIdOf(table: string, query: string): Promise<string> {
    const response = await target.asAdmin('GET', `${TABLE_API}/${table}?sysparm_query=${encodeURIComponent(query)}&sysparm_fields=sys_id`)
    expect(response.json.result).toHaveLength(1)
    return response.json.result[0].sys_id
}

/** A group whose members inherit the integration role, and a function that adds a user to it (returns the membership). */
async function integrationGroup(name: string): Promise<(user: Credentials) => Promise<string>> {
    const group = await insert('sys_user_group', { name: `${name} ${Date.now()}` })
    await insert('sys_group_has_role', { group, role: await sysIdOf('sys_user_role', `name=${INTEGRATION_ROLE}`) })
    return async (user) => insert('sys_user_grmember', { user: await sysIdOf('sys_user', `user_name=${user.user}`), group })
}

/** The connector's /connection route for a tenant, as the user. */
const connection = (user: Credentials, method: 'GET' | 'PUT' | 'DELETE', tenantId = TENANT) =>
    method === 'PUT'
        ? call(`${target.url}${CONNECTOR}/connection`, method, basic(user), { tenantId, tenantName: 'Contoso', connectedBy: 'secadmin@contoso.onmicrosoft.com' })
        : call(`${target.url}${CONNECTOR}/connection?tenantId=${tenantId}`, method, basic(user))

describe('an integration role granted through a group', () => {
    it('lets a member call the connector API and connect a tenant; leaving the group takes it away', async () => {
        const user = await target.createUser({ name: 'group.integration', roles: [] })
        const addMember = await integrationGroup('M365 integration accounts')
        expect((await connection(user, 'GET')).status).toBe(403)

        const membership = await addMember(user)
        const rows = await target.asAdmin('GET', `${TABLE_API}/sys_user_has_role?sysparm_query=${encodeURIComponent(`user.user_name=${user.user}^role.name=${INTEGRATION_ROLE}`)}&sysparm_fields=inherited,inh_count`)
        expect(rows.json.result).toEqual([{ inherited: 'true', inh_count: '1' }])

        const registered = await connection(user, 'PUT')
        expect(registered.status).toBe(201)
        expect(registered.json.result).toMatchObject({ tenantId: TENANT, status: 'connected' })
        expect((await connection(user, 'DELETE')).status).toBe(200)

        await target.asAdmin('DELETE', `${TABLE_API}/sys_user_grmember/${membership}`)
        const refused = await connection(user, 'GET')
        expect(refused.status).toBe(403)
        expect(refused.json.error.message).toBe('User Not Authorized')
    })

    // The REST ACL admits an admin ("administrators always pass role checks"); the registration rule does not,
    // unless the admin was granted the integration role, here through a group.
    it('counts for the registration rule: an admin connects a tenant only as a member of the group', async () => {
        const admin = await target.createUser({ name: 'group.admin', roles: ['admin'] })
        const refused = await connection(admin, 'PUT', OTHER_TENANT)
        expect(refused.status).toBe(403)
        expect(refused.json.error.message).toBe('Only an integration user can connect a Microsoft 365 tenant')

        await (await integrationGroup('M365 admins who connect'))(admin)
        const registered = await connection(admin, 'PUT', OTHER_TENANT)
        expect(registered.status).toBe(201)
        expect(registered.json.result).toMatchObject({ tenantId: OTHER_TENANT, status: 'connected' })
        expect((await connection(admin, 'DELETE', OTHER_TENANT)).status).toBe(200)
    })
})
