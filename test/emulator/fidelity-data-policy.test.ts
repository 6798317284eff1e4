// Register rows of "Table API" and "Schema" on the incident data policy "Make close info mandatory when resolved or
// closed": a Table API write that would leave an incident Resolved (6) or Closed (7) without Resolution code or
// Resolution notes is refused with 403 "Operation Failed" and the "Data Policy Exception" detail instances send,
// naming the empty fields by their labels on the incident table; nothing is written. The policy reads the record
// the write would store, so a resolved incident's stored code and notes satisfy it and a record already resolved
// without them refuses every later update.
import { ADMIN, basic, call, type Instance, startTestInstance } from '../support/http-harness.ts'

const TABLE_API = '/api/now/table'
const RESOLVED = '6'
const CLOSED = '7'
const APP_INCIDENTS = 'x_mioms_m365ticket_incident'

let instance: Instance

beforeAll(async () => {
    instance = await startTestInstance()
})

afterAll(() => instance?.close())

function refusal(labels: string): unknown {
    return { error: { message: 'Operation Failed', detail: `Data Policy Exception: \n\tThe following fields are mandatory: ${labels}` }, status: 'failure' }
}

function stored(table: string, sysId: string): Record<string, string | null> {
    return instance.rows(table, 'sys_id = ?', [sysId])[0]
}

async function newIncident(table = 'incident', values: Record<string, string> = {}): Promise<string> {
    const created = await call(`${instance.url}${TABLE_API}/${table}`, 'POST', basic(ADMIN), { short_description: 'data policy', ...values })
    expect(created.status).toBe(201)
    return created.json.result.sys_id
}

function patch(table: string, sysId: string, body: Record<string, string>) {
    return call(`${instance.url}${TABLE_API}/${table}/${sysId}`, 'PATCH', basic(ADMIN), body)
}

describe('the incident data policy on Table API writes', () => {
    it('refuses a PATCH to Resolved without resolution code and notes with 403 "Data Policy Exception" and writes nothing', async () => {
        const sysId = await newIncident()
        const before = stored('incident', sysId)
        const response = await patch('incident', sysId, { state: RESOLVED, comments: 'fixed it' })
        expect(response.status).toBe(403)
        expect(response.json).toEqual(refusal('Resolution code, Resolution notes'))
        expect(stored('incident', sysId)).toMatchObject({ state: before.state, sys_mod_count: before.sys_mod_count })
    })

    it('names only the field left empty, by its label ("Resolution notes" when the code is given)', async () => {
        const sysId = await newIncident()
        const response = await patch('incident', sysId, { state: CLOSED, close_code: 'Solution provided', close_notes: '' })
        expect(response.status).toBe(403)
        expect(response.json).toEqual(refusal('Resolution notes'))
    })

    it('lets a resolve with both through, and a later close that relies on the stored code and notes', async () => {
        const sysId = await newIncident()
        const resolved = await patch('incident', sysId, { state: RESOLVED, close_code: 'Solution provided', close_notes: 'Restarted the service' })
        expect(resolved.status).toBe(200)
        const closed = await patch('incident', sysId, { state: CLOSED })
        expect(closed.status).toBe(200)
        expect(stored('incident', sysId)).toMatchObject({ state: CLOSED, close_code: 'Solution provided', close_notes: 'Restarted the service' })
    })

    it('refuses a POST creating a closed incident without them, and creates nothing', async () => {
        const marker = `data policy insert ${Date.now()}`
        const response = await call(`${instance.url}${TABLE_API}/incident`, 'POST', basic(ADMIN), { short_description: marker, state: CLOSED })
        expect(response.status).toBe(403)
        expect(response.json).toEqual(refusal('Resolution code, Resolution notes'))
        expect(instance.rows('incident', 'short_description = ?', [marker])).toEqual([])
    })

    it('refuses any later update of an incident stored as Resolved without them (the policy reads the whole record)', async () => {
        const inserted = instance.runtime.store.insert('incident', { short_description: 'resolved before the policy', state: RESOLVED }, 'system')
        if (inserted.error !== undefined) throw new Error(inserted.error)
        const response = await patch('incident', inserted.sysId, { comments: 'one more note' })
        expect(response.status).toBe(403)
        expect(response.json).toEqual(refusal('Resolution code, Resolution notes'))
    })

    it("applies to a table extending incident (the app's tickets), with incident's labels", async () => {
        const connection = instance.runtime.store.insert('x_mioms_m365ticket_connection', { tenant_id: '0c1e5d07-8f1c-4f0e-1d8a-4f5e9c112b7a', tenant_name: 'Contoso', status: 'connected' }, 'system')
        if (connection.error !== undefined) throw new Error(connection.error)
        const inserted = instance.runtime.store.insert(APP_INCIDENTS, { short_description: 'app ticket', m365_task_id: 'data-policy-1', connection: connection.sysId, recommendation_source: 'microsoft', recommendation_category: 'identity' }, 'system')
        if (inserted.error !== undefined) throw new Error(inserted.error)
        const response = await patch(APP_INCIDENTS, inserted.sysId, { state: RESOLVED, close_notes: 'done' })
        expect(response.status).toBe(403)
        expect(response.json).toEqual(refusal('Resolution code'))
        expect(stored(APP_INCIDENTS, inserted.sysId).state).not.toBe(RESOLVED)
    })
})

describe('field labels per table (sys_documentation)', () => {
    it('labels close_notes "Resolution notes" on incident and the tables extending it, "Close notes" on task and change_request', () => {
        const label = (table: string, field: string) => instance.runtime.store.column(table, field)?.label
        expect([label('incident', 'close_code'), label('incident', 'close_notes'), label(APP_INCIDENTS, 'close_notes')]).toEqual(['Resolution code', 'Resolution notes', 'Resolution notes'])
        expect([label('task', 'close_notes'), label('change_request', 'close_code'), label('change_request', 'close_notes')]).toEqual(['Close notes', 'Close code', 'Close notes'])
    })
})
