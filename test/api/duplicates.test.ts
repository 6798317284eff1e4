// Duplicates: when a concurrent writer slips in between the replay lookup and the insert, the unique
// index on (connection, task id) turns the collision into the same 200 replay, not a 500. The writer is
// injected at that exact point: the local instance runs each request's script to its end before the next
// (one Node thread, synchronous SQLite), so identical POSTs sent at once, from any number of processes,
// are served one after the other and can never race there.
import { basic, call, INTEGRATION, startTestInstance, TENANT, taskBody, type Instance } from '../support/http-harness.ts'
import { CONNECTOR_API as CONNECTOR } from '../support/api-paths.ts'


let instance: Instance

beforeAll(async () => {
    instance = await startTestInstance()
    expect((await call(instance.url + CONNECTOR + '/connection', 'PUT', basic(INTEGRATION), { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'a@contoso.com' })).status).toBe(201)
})

afterAll(async () => {
    await instance.close()
})

it('answers a unique-index collision (a concurrent writer between lookup and insert) with the same 200 replay', async () => {
    const { runtime } = instance
    const taskId = 'raced-0001'
    const connection = runtime.store.select('x_mioms_m365ticket_connection', { blocks: [[[{ field: 'tenant_id', op: '=', value: TENANT }]]], orderBy: [] })[0]
    const rules = runtime.runBusinessRules!
    let winner: string | undefined
    // Another transaction commits the same task right after the app's replay lookup found nothing.
    runtime.runBusinessRules = (when, action, current, previous, orders) => {
        const record = current as { getRecordClassName(): string; getValue(field: string): string | null }
        if (when === 'before' && action === 'insert' && record.getValue('m365_task_id') === taskId && !winner) {
            const first = runtime.store.insert(
                'x_mioms_m365ticket_change_request',
                { short_description: 'Require MFA for administrative roles', connection: connection.sys_id, m365_task_id: taskId, intake_payload: record.getValue('intake_payload') },
                'm365.integration',
            )
            winner = first.sysId
        }
        // The orders too: the before rules run in two parts around the data policy, each part once.
        rules.call(runtime, when, action, current, previous, orders)
    }
    try {
        const response = await call(instance.url + CONNECTOR + '/tasks', 'POST', basic(INTEGRATION), taskBody({ taskId }))
        expect(response.status).toBe(200)
        expect(response.json.result.sysId).toBe(winner)
        expect(runtime.store.count('x_mioms_m365ticket_change_request', { blocks: [[[{ field: 'm365_task_id', op: '=', value: taskId }]]], orderBy: [] })).toBe(1)
    } finally {
        runtime.runBusinessRules = rules
    }
})
