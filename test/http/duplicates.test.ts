// Duplicates: concurrent identical POST /tasks from several client processes make exactly one
// ticket, and when a concurrent writer slips in between the replay lookup and the insert, the
// unique index on (connection, task id) turns the collision into the same 200 replay, not a 500.
import { spawn } from 'node:child_process'
import { basic, call, INTEGRATION, startTestInstance, TENANT, taskBody, type Instance } from '../support/http-harness.ts'

const CONNECTOR = '/api/x_mioms_m365ticket/v1/connector'
const PROCESSES = 4
const REQUESTS_PER_PROCESS = 25

let instance: Instance

beforeAll(async () => {
    instance = await startTestInstance()
    expect((await call(instance.url + CONNECTOR + '/connection', 'PUT', basic(INTEGRATION), { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'a@contoso.com' })).status).toBe(201)
})

afterAll(async () => {
    await instance.close()
})

/** A client process that sends `count` identical requests at once and prints their statuses and numbers. */
function clientProcess(url: string, authorization: string, body: string, count: number): Promise<{ status: number; number: string | null }[]> {
    const script = `
        const send = () => fetch(process.env.URL, { method: 'POST', headers: { 'content-type': 'application/json', authorization: process.env.AUTH }, body: process.env.BODY })
            .then(async (r) => { const j = await r.json(); return { status: r.status, number: j.result ? j.result.number : null } })
        Promise.all(Array.from({ length: Number(process.env.COUNT) }, send)).then((results) => process.stdout.write(JSON.stringify(results)))
    `
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['-e', script], { env: { ...process.env, URL: url, AUTH: authorization, BODY: body, COUNT: String(count) } })
        let out = ''
        let err = ''
        child.stdout.on('data', (chunk) => (out += chunk))
        child.stderr.on('data', (chunk) => (err += chunk))
        child.on('error', reject)
        child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`client exited ${code}: ${err}`))))
    })
}

it(`makes exactly one ticket from ${PROCESSES * REQUESTS_PER_PROCESS} concurrent identical POST /tasks sent by ${PROCESSES} processes`, async () => {
    const body = JSON.stringify(taskBody({ taskId: 'concurrent-0001' }))
    const clients = Array.from({ length: PROCESSES }, () => clientProcess(instance.url + CONNECTOR + '/tasks', basic(INTEGRATION), body, REQUESTS_PER_PROCESS))
    const results = (await Promise.all(clients)).flat()
    expect(results).toHaveLength(PROCESSES * REQUESTS_PER_PROCESS)
    expect(results.filter((result) => result.status === 201)).toHaveLength(1)
    expect(results.filter((result) => result.status === 200)).toHaveLength(PROCESSES * REQUESTS_PER_PROCESS - 1)
    expect(new Set(results.map((result) => result.number)).size).toBe(1)
    const store = instance.runtime.store
    expect(store.count('x_mioms_m365ticket_change_request', { blocks: [[[{ field: 'm365_task_id', op: '=', value: 'concurrent-0001' }]]], orderBy: [] })).toBe(1)
})

it('answers a unique-index collision (a concurrent writer between lookup and insert) with the same 200 replay', async () => {
    const { runtime } = instance
    const taskId = 'raced-0001'
    const connection = runtime.store.select('x_mioms_m365ticket_connection', { blocks: [[[{ field: 'tenant_id', op: '=', value: TENANT }]]], orderBy: [] })[0]
    const rules = runtime.runBusinessRules!
    let winner: string | undefined
    // Another transaction commits the same task right after the app's replay lookup found nothing.
    runtime.runBusinessRules = (when, action, current, previous) => {
        const record = current as { getRecordClassName(): string; getValue(field: string): string | null }
        if (when === 'before' && action === 'insert' && record.getValue('m365_task_id') === taskId && !winner) {
            const first = runtime.store.insert(
                'x_mioms_m365ticket_change_request',
                { short_description: 'Require MFA for administrative roles', connection: connection.sys_id, m365_task_id: taskId, intake_payload: record.getValue('intake_payload') },
                'm365.integration',
            )
            winner = first.sysId
        }
        rules.call(runtime, when, action, current, previous)
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
