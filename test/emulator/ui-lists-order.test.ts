// The order of a list nothing sorts ("Controlling the sort sequence used to display lists"): the system preferences
// <table>.db.order / <table>.db.order.direction, else the table's Order, Number or Name field, else its display field
// (layouts.ts defaultListOrder, shared with related lists), Number for task tables ("The task table is an exception");
// a sort in the URL or a column header overrides it.
import { ADMIN, Browser, type Instance, startTestInstance } from '../support/http-harness.ts'

const CONNECTIONS = 'x_mioms_m365ticket_connection'
const TENANTS = [
    { tenant_name: 'Contoso', tenant_id: '00000000-0000-0000-0000-00000000000c' },
    { tenant_name: 'Adatum', tenant_id: '00000000-0000-0000-0000-00000000000b' },
    { tenant_name: 'Fabrikam', tenant_id: '00000000-0000-0000-0000-00000000000a' },
]

let instance: Instance
let admin: Browser

function insert(table: string, values: Record<string, string>): void {
    const result = instance.runtime.store.insert(table, values, 'system')
    if (result.error !== undefined) throw new Error(result.error)
}

async function tenantOrder(query = ''): Promise<string[]> {
    const { html } = await admin.get(`/${CONNECTIONS}_list.do${query}`)
    return [...html.matchAll(/<a class="linked formlink" href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1])
}

beforeAll(async () => {
    instance = await startTestInstance()
    for (const tenant of TENANTS) insert(CONNECTIONS, { ...tenant, status: 'connected' })
    admin = new Browser(instance.url)
    await admin.login(ADMIN)
})
afterAll(() => instance.close())

it("shows an unsorted list in the table's display field order when it has no Order, Number or Name field", async () => {
    expect(await tenantOrder()).toEqual(['Adatum', 'Contoso', 'Fabrikam'])
})

it('follows the system preferences <table>.db.order and .direction, unless the URL sorts the list', async () => {
    insert('sys_user_preference', { name: `${CONNECTIONS}.db.order`, value: 'tenant_id', system: 'true' })
    insert('sys_user_preference', { name: `${CONNECTIONS}.db.order.direction`, value: 'DESC', system: 'true' })
    expect(await tenantOrder()).toEqual(['Contoso', 'Adatum', 'Fabrikam'])
    expect(await tenantOrder('?sysparm_query=ORDERBYtenant_name')).toEqual(['Adatum', 'Contoso', 'Fabrikam'])
    expect(await tenantOrder('?sysparm_query=ORDERBYDESCtenant_name')).toEqual(['Fabrikam', 'Contoso', 'Adatum'])
})

it('sorts a task table by Number, not by its Order field: the task exception', async () => {
    insert('incident', { short_description: 'Ordered last', order: '2' })
    insert('incident', { short_description: 'Ordered first', order: '1' })
    const { html } = await admin.get('/incident_list.do?sysparm_query=short_descriptionSTARTSWITHOrdered')
    const numbers = [...html.matchAll(/<a class="linked formlink" href="[^"]+">(INC\d+)<\/a>/g)].map((m) => m[1])
    expect(numbers).toHaveLength(2)
    expect(numbers).toEqual([...numbers].sort())
    expect(html.indexOf('Ordered last')).toBeLessThan(html.indexOf('Ordered first'))
})
