// The instance UI's journal fields and activity stream over HTTP: an additional comment and a work note typed on
// the form become journal entries (sys_journal_field) and the field is empty again; the activity stream shows them
// with the state change, newest first, with who wrote them; a user who may not read work notes does not see them.
import { ADMIN, Browser, hiddenFields, type Instance, startTestInstance } from '../../support/http-harness.ts'

const CHANGES = 'x_mioms_m365ticket_change_request'

let instance: Instance
let admin: Browser
let sysId: string

beforeAll(async () => {
    instance = await startTestInstance()
    const connection = instance.runtime.store.insert('x_mioms_m365ticket_connection', { tenant_id: '8f1c4f0e-1d8a-4f5e-9c11-2b7a0c1e5d02', tenant_name: 'Contoso', status: 'connected' }, 'system')
    const ticket = instance.runtime.store.insert(CHANGES, { short_description: 'Require MFA', m365_task_id: 'ui-activity-1', connection: connection.sysId!, recommendation_source: 'microsoft', recommendation_category: 'identity' }, 'system')
    sysId = ticket.sysId!
    admin = new Browser(instance.url)
    expect((await admin.login(ADMIN)).status).toBe(200)
})

afterAll(() => instance?.close())

describe('form journal fields and activity stream', () => {
    it('saves a comment and a work note as journal entries, and lists them with the state change, newest first', async () => {
        const form = await admin.get(`/${CHANGES}.do?sys_id=${sysId}`)
        expect(form.html).toContain(`<textarea id="${CHANGES}.comments" name="comments" rows="3"></textarea>`)
        // The insert's values are its first field changes ("tracks inserts and updates"), with no former value.
        const created = /<div class="activity-stream" id="activity_stream">([\s\S]*?)<\/ul><\/div>/.exec(form.html)![1]
        expect(created).toContain('State: New</div>')
        expect(created).not.toContain('activity-empty')
        const hidden = hiddenFields(form.html)
        const saved = await admin.request(`/${CHANGES}.do`, { form: { sysparm_ck: hidden.sysparm_ck, sys_id: sysId, sysparm_action: 'sysverb_update', comments: 'Visible to the caller', work_notes: 'Internal only', state: '-4' } })
        expect(saved.status).toBe(303)

        const entries = instance.rows('sys_journal_field', 'element_id = ?', [sysId])
        expect(entries.map((e) => [e.element, e.value, e.sys_created_by]).sort()).toEqual([
            ['comments', 'Visible to the caller', 'admin'],
            ['work_notes', 'Internal only', 'admin'],
        ])
        expect(instance.rows('task', 'sys_id = ?', [sysId])[0].comments).toBeNull()

        const after = await admin.get(`/${CHANGES}.do?sys_id=${sysId}`)
        expect(after.html).toContain(`<textarea id="${CHANGES}.comments" name="comments" rows="3"></textarea>`)
        const stream = /<div class="activity-stream" id="activity_stream">([\s\S]*?)<\/ul><\/div>/.exec(after.html)![1]
        expect(stream).toContain('Visible to the caller')
        expect(stream).toContain('Internal only')
        expect(stream).toContain('State: Assess <span class="was">was New</span>')
        expect(stream).toContain('<strong>System Administrator</strong>')

        // An empty comment box adds no entry.
        const again = hiddenFields(after.html)
        await admin.request(`/${CHANGES}.do`, { form: { sysparm_ck: again.sysparm_ck, sys_id: sysId, sysparm_action: 'sysverb_update', comments: '', short_description: 'Require MFA now' } })
        expect(instance.rows('sys_journal_field', 'element_id = ?', [sysId])).toHaveLength(2)
    })
})
