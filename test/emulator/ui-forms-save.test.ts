// Saving instance forms over HTTP: a save the form refuses (a reference naming no record, resolution information
// left empty on resolve or close) keeps everything the user typed, marks the refused field and writes nothing; a
// reference typed as a user ID or a display name is found, with completion offered; posted CRLF line endings are
// no change (no update, no history); Update says "Record updated"; related lists sort as lists do by default
// (system preferences <table>.db.order, else Number); "Activity" heads the stream once; dates show as <time> with the ISO value on hover, never as stored strings.
import { ADMIN, Browser, hiddenFields, type Instance, startTestInstance } from '../support/http-harness.ts'

const INCIDENTS = 'x_mioms_m365ticket_incident'
const CHANGES = 'x_mioms_m365ticket_change_request'
const CONNECTIONS = 'x_mioms_m365ticket_connection'
const RESOLVED = '6'
const CHANGE_CLOSED = '3'

let instance: Instance
let admin: Browser
let connectionId: string
let bethId: string
let seq = 0

function insert(table: string, values: Record<string, string>): string {
    const result = instance.runtime.store.insert(table, values, 'system')
    if (result.error !== undefined) throw new Error(result.error)
    return result.sysId
}

function newTicket(table: string, values: Record<string, string> = {}): string {
    seq += 1
    return insert(table, { short_description: `Ticket ${seq}`, m365_task_id: `ui-forms-${seq}`, connection: connectionId, recommendation_source: 'microsoft', recommendation_category: 'identity', ...values })
}

function row(table: string, sysId: string): Record<string, string | null> {
    return instance.rows(table, 'sys_id = ?', [sysId])[0]
}

/** Posts the record's form with the session token and the given fields (as a browser posts the named controls). */
async function post(table: string, sysId: string, fields: Record<string, string>) {
    const form = await admin.get(`/${table}.do?sys_id=${sysId}`)
    return admin.request(`/${table}.do`, { form: { sysparm_ck: hiddenFields(form.html).sysparm_ck, sys_id: sysId, sysparm_action: 'sysverb_update', ...fields } })
}

/** The field's block on the form: its label, control and error. */
function fieldBlock(html: string, field: string): string {
    const match = new RegExp(`<div class="field[^"]*" data-field="${field}">([\\s\\S]*?)</div>(?=<div class="field|</div>|\\n)`).exec(html)
    if (!match) throw new Error(`no field ${field} on the form`)
    return match[0]
}

function label(table: string, field: string): string {
    return instance.runtime.store.column(table, field)!.label!
}

beforeAll(async () => {
    instance = await startTestInstance()
    connectionId = insert(CONNECTIONS, { tenant_id: '8f1c4f0e-1d8a-4f5e-9c11-2b7a0c1e5d07', tenant_name: 'Contoso', status: 'connected' })
    bethId = insert('sys_user', { user_name: 'beth.agent', first_name: 'Beth', last_name: 'Agent', name: 'Beth Agent' })
    admin = new Browser(instance.url)
    expect((await admin.login(ADMIN)).status).toBe(200)
})

afterAll(() => instance?.close())

describe('a save the form refuses', () => {
    it('keeps the state, the comment and the other fields typed, marks the refused reference and writes nothing', async () => {
        const sysId = newTicket(INCIDENTS)
        const before = row(INCIDENTS, sysId)
        const saved = await post(INCIDENTS, sysId, { state: '2', assigned_to: 'nobody.here', comments: 'Looking into it\r\nsecond line', short_description: 'Edited title' })

        expect(saved.status).toBe(400)
        const refused = `Invalid reference: no record matches "nobody.here" for ${label(INCIDENTS, 'assigned_to')}`
        expect(saved.html).toContain(`<p class="error" role="alert">${refused.replace(/"/g, '&quot;')}</p>`)
        const assigned = fieldBlock(saved.html, 'assigned_to')
        expect(assigned).toContain('class="field invalid"')
        expect(assigned).toContain(`value="nobody.here"`)
        expect(assigned).toContain(`aria-invalid="true" aria-describedby="${INCIDENTS}.assigned_to_error"`)
        expect(assigned).toContain(`<p class="field-error" id="${INCIDENTS}.assigned_to_error" role="alert">`)
        expect(fieldBlock(saved.html, 'state')).toContain('<option value="2" selected>In Progress</option>')
        expect(saved.html).toContain(`name="comments" rows="3">Looking into it\nsecond line</textarea>`)
        expect(fieldBlock(saved.html, 'short_description')).toContain('value="Edited title"')

        const after = row(INCIDENTS, sysId)
        expect([after.state, after.short_description, after.sys_mod_count]).toEqual([before.state, before.short_description, before.sys_mod_count])
        expect(instance.rows('sys_journal_field', 'element_id = ?', [sysId])).toEqual([])
    })

    it('resolves a reference typed as the user ID or the display name, and offers completion', async () => {
        const sysId = newTicket(INCIDENTS)
        const form = await admin.get(`/${INCIDENTS}.do?sys_id=${sysId}`)
        expect(fieldBlock(form.html, 'assigned_to')).toContain(`list="${INCIDENTS}.assigned_to_options"`)
        expect(form.html).toContain('<option value="Beth Agent" label="Beth Agent (beth.agent)"></option>')

        expect((await post(INCIDENTS, sysId, { assigned_to: 'beth.agent' })).status).toBe(303)
        expect(row(INCIDENTS, sysId).assigned_to).toBe(bethId)
        expect((await post(INCIDENTS, sysId, { assigned_to: '' })).status).toBe(303)
        expect(row(INCIDENTS, sysId).assigned_to).toBeNull()
        expect((await post(INCIDENTS, sysId, { assigned_to: 'Beth Agent' })).status).toBe(303)
        expect(row(INCIDENTS, sysId).assigned_to).toBe(bethId)
        expect(fieldBlock((await admin.get(`/${INCIDENTS}.do?sys_id=${sysId}`)).html, 'assigned_to')).toContain('value="Beth Agent"')
    })
})

describe('resolution information on resolve and close', () => {
    it('refuses an incident Resolved without a resolution code and notes, keeping the input, then resolves it with them', async () => {
        const sysId = newTicket(INCIDENTS)
        const refused = await post(INCIDENTS, sysId, { state: RESOLVED, close_code: '', close_notes: '', comments: 'Fixed' })
        expect(refused.status).toBe(400)
        expect(refused.html).toContain(`The following mandatory fields are not filled in: ${label(INCIDENTS, 'close_code')}, ${label(INCIDENTS, 'close_notes')}`)
        for (const field of ['close_code', 'close_notes']) {
            const block = fieldBlock(refused.html, field)
            expect(block).toContain('class="field invalid"')
            expect(block).toContain('<span class="mandatory" title="Mandatory" aria-label="Mandatory">*</span>')
            expect(block).toContain('Mandatory when State is Resolved')
        }
        expect(fieldBlock(refused.html, 'state')).toContain(`<option value="${RESOLVED}" selected>Resolved</option>`)
        expect(refused.html).toContain('name="comments" rows="3">Fixed</textarea>')
        expect(row(INCIDENTS, sysId).state).toBe('1')

        const resolved = await post(INCIDENTS, sysId, { state: RESOLVED, close_code: 'Solution provided', close_notes: 'Restarted the service' })
        expect(resolved.status).toBe(303)
        expect(row(INCIDENTS, sysId)).toMatchObject({ state: RESOLVED, close_code: 'Solution provided', close_notes: 'Restarted the service' })
        // Shown resolved, the policy's fields carry the marker on load.
        const form = await admin.get(`/${INCIDENTS}.do?sys_id=${sysId}`)
        expect(fieldBlock(form.html, 'close_notes')).toContain('<span class="mandatory" title="Mandatory" aria-label="Mandatory">*</span>')
    })

    it('refuses a change Closed without close code and notes; other states need none (the marker stays hidden)', async () => {
        const sysId = newTicket(CHANGES)
        const form = await admin.get(`/${CHANGES}.do?sys_id=${sysId}`)
        expect(fieldBlock(form.html, 'close_code')).toContain('<span class="mandatory" title="Mandatory" aria-label="Mandatory" hidden>*</span>')
        expect((await post(CHANGES, sysId, { state: '-4' })).status).toBe(303)
        const refused = await post(CHANGES, sysId, { state: CHANGE_CLOSED, close_code: 'successful' })
        expect(refused.status).toBe(400)
        expect(refused.html).toContain(`The following mandatory fields are not filled in: ${label(CHANGES, 'close_notes')}`)
        expect(fieldBlock(refused.html, 'close_code')).toContain('<option value="successful" selected>Successful</option>')
        expect(row(CHANGES, sysId).state).toBe('-4')
    })
})

describe('saving what did not change', () => {
    it('takes CRLF line endings as the LF the record holds: no update and no history; Update says "Record updated"', async () => {
        const sysId = newTicket(INCIDENTS, { description: 'First line\nSecond line' })
        const before = row(INCIDENTS, sysId)
        const audits = instance.count('sys_audit', 'documentkey = ?', [sysId])
        const saved = await post(INCIDENTS, sysId, { description: 'First line\r\nSecond line', short_description: before.short_description!, comments: '' })
        expect(saved.status).toBe(303)
        expect(row(INCIDENTS, sysId)).toMatchObject({ description: 'First line\nSecond line', sys_mod_count: before.sys_mod_count, sys_updated_on: before.sys_updated_on })
        expect(instance.count('sys_audit', 'documentkey = ?', [sysId])).toBe(audits)
        const shown = await admin.get(saved.location!)
        expect(shown.html).toContain('<p class="info" role="status">Record updated</p>')
        expect(shown.html).not.toContain('was First line')
    })

    it('adds no history for a write that only turns an unset field empty', async () => {
        const sysId = newTicket(INCIDENTS)
        expect(row(INCIDENTS, sysId).description).toBeNull()
        const audits = instance.count('sys_audit', 'documentkey = ?', [sysId])
        instance.runtime.store.update(INCIDENTS, sysId, { description: '', short_description: 'Renamed' }, 'admin')
        expect(instance.rows('sys_audit', 'documentkey = ?', [sysId]).slice(audits).map((audit) => audit.fieldname)).toEqual(['short_description'])
    })
})

describe('form layout', () => {
    it('lists related records in the default list order: by Number, or newest first when the system preferences say so', async () => {
        const connection = insert(CONNECTIONS, { tenant_id: '8f1c4f0e-1d8a-4f5e-9c11-2b7a0c1e5d08', tenant_name: 'Fabrikam', status: 'connected' })
        const first = newTicket(CHANGES, { connection })
        const second = newTicket(CHANGES, { connection })
        instance.runtime.store.run(`UPDATE ${instance.runtime.store.sqlTable('task')} SET sys_created_on = ? WHERE sys_id = ?`, ['2026-01-01 09:00:00', first])
        instance.runtime.store.run(`UPDATE ${instance.runtime.store.sqlTable('task')} SET sys_created_on = ? WHERE sys_id = ?`, ['2026-01-02 09:00:00', second])
        const related = async () => /data-related="x_mioms_m365ticket_change_request\.connection">([\s\S]*?)<\/table>/.exec((await admin.get(`/${CONNECTIONS}.do?sys_id=${connection}`)).html)![1]
        const order = (html: string) => [first, second].sort((a, b) => html.indexOf(a) - html.indexOf(b))
        // Without preferences (whatever the app ships for the table is removed), task tables sort by Number.
        instance.runtime.store.run(`DELETE FROM ${instance.runtime.store.sqlTable('sys_user_preference')} WHERE name LIKE ?`, [`${CHANGES}.db.order%`])

        expect(order(await related())).toEqual([first, second])
        insert('sys_user_preference', { name: `${CHANGES}.db.order`, value: 'sys_created_on', system: 'true' })
        insert('sys_user_preference', { name: `${CHANGES}.db.order.direction`, value: 'DESC', system: 'true' })
        expect(order(await related())).toEqual([second, first])
    })

    it('heads the activity once, and shows dates as <time> with the ISO value on hover, never as stored strings', async () => {
        const sysId = newTicket(INCIDENTS, { due_date: '2099-12-31 10:00:00' })
        await post(INCIDENTS, sysId, { comments: 'A comment' })
        const html = (await admin.get(`/${INCIDENTS}.do?sys_id=${sysId}`)).html
        expect(html.match(/>Activity</g)).toHaveLength(1)
        expect(fieldBlock(html, 'due_date')).toContain('<input type="datetime-local" step="1" id="x_mioms_m365ticket_incident.due_date" name="due_date" value="2099-12-31T10:00:00" data-utc="true" title="2099-12-31T10:00:00Z">')
        const stream = /<div class="activity-stream" id="activity_stream">([\s\S]*?)<\/ul><\/div>/.exec(html)![1]
        expect(stream).toContain('<time datetime=')
        // Outside attributes, no stored date string is left in the page.
        expect(html.replace(/<[^>]*>/g, ' ')).not.toMatch(/\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/)

        expect((await post(INCIDENTS, sysId, { due_date: '2099-12-30T08:15:00' })).status).toBe(303)
        expect(row(INCIDENTS, sysId).due_date).toBe('2099-12-30 08:15:00')

        // A read-only date (an API call's Created) is text, not a control.
        const call = insert('x_mioms_m365ticket_api_log', { route: '/tasks', method: 'POST', http_status: '201', connection: connectionId })
        const created = instance.rows('x_mioms_m365ticket_api_log', 'sys_id = ?', [call])[0].sys_created_on!
        const iso = created.replace(' ', 'T') + 'Z'
        const log = (await admin.get(`/x_mioms_m365ticket_api_log.do?sys_id=${call}`)).html
        expect(fieldBlock(log, 'sys_created_on')).toContain(`<span class="readonly-value" id="x_mioms_m365ticket_api_log.sys_created_on" data-value="${created}"><time datetime="${iso}" title="${iso}" data-local="date-time">`)
    })
})
