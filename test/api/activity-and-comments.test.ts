// Ticket activity and comments over real HTTP: Microsoft 365 comments (201, retry 200, conflict 409), a service
// desk agent commenting and moving the state through the Table API, the timeline, the work-notes switch, the
// resolution, and tenant isolation of both new routes. Runs in-process and, under `npm run test:live`, against
// INSTANCE_URL (test/support/target.ts).
import { basic, call, CONNECTOR, OTHER_TENANT, TENANT, taskBody } from '../support/http-harness.ts'
import { startTarget, TABLE_API, type Target } from '../support/target.ts'

let target: Target

beforeAll(async () => {
    target = await startTarget()
})

afterAll(() => target?.close())

const SHARE_WORK_NOTES = 'x_mioms_m365ticket.share_work_notes'

async function setProperty(name: string, value: string): Promise<void> {
    const found = await target.asAdmin('GET', `${TABLE_API}/sys_properties?sysparm_query=name=${name}&sysparm_fields=sys_id`)
    expect(found.json.result).toHaveLength(1)
    const updated = await target.asAdmin('PATCH', `${TABLE_API}/sys_properties/${found.json.result[0].sys_id}`, { value })
    expect(updated.status).toBe(200)
}

describe('ticket activity and comments over HTTP', () => {
    it('round trip: comments both ways, state change, work-notes switch, resolution; other tenants see none of it', async () => {
        const integration = basic(target.integration)
        const api = (path: string) => target.url + CONNECTOR + path
        expect([200, 201]).toContain((await call(api('/connection'), 'PUT', integration, { tenantId: TENANT, tenantName: 'Contoso', connectedBy: 'secadmin@contoso.com' })).status)
        const created = await call(api('/tasks'), 'POST', integration, taskBody({ taskId: 'activity-http-0001', ticketType: 'incident' }))
        expect(created.status).toBe(201)
        const ticket = created.json.result
        expect(ticket).toMatchObject({ outcome: 'open', resolution: null })

        const body = { tenantId: TENANT, commentId: 'http-cmt-1', author: 'secadmin@contoso.com', text: 'Pilot group first, please.' }
        const first = await call(api(`/tickets/${ticket.number}/comments`), 'POST', integration, body)
        expect(first.status).toBe(201)
        const retry = await call(api(`/tickets/${ticket.number}/comments`), 'POST', integration, body)
        expect(retry.status).toBe(200)
        expect(retry.json.result).toEqual(first.json.result)
        const different = await call(api(`/tickets/${ticket.number}/comments`), 'POST', integration, { ...body, text: 'Changed my mind' })
        expect(different.status).toBe(409)
        expect(different.json.status).toBe('failure')

        // The comment is an additional comment on the ticket: a sys_journal_field row, read through the Table API.
        const journal = await target.asAdmin('GET', `${TABLE_API}/sys_journal_field?sysparm_query=element_id=${ticket.sysId}&sysparm_fields=element,value,sys_created_by`)
        expect(journal.json.result).toEqual([{ element: 'comments', value: '[Microsoft 365] secadmin@contoso.com:\nPilot group first, please.', sys_created_by: target.integration.user }])

        // A service desk agent comments, writes a work note and starts work, through the Table API.
        const agent = basic(target.itil)
        const patched = await call(`${target.url}${TABLE_API}/x_mioms_m365ticket_incident/${ticket.sysId}`, 'PATCH', agent, { comments: 'Starting with the pilot.', work_notes: 'CA policy draft ready.', state: '2' })
        expect(patched.status).toBe(200)
        expect(patched.json.result.comments).toBe('')

        const timeline = await call(api(`/tickets/${ticket.number}/activity?tenantId=${TENANT}`), 'GET', integration)
        expect(timeline.status).toBe(200)
        const entries = timeline.json.result.entries
        expect(entries.map((e: { kind: string }) => e.kind).sort()).toEqual(['comment', 'comment', 'state'])
        const agentComment = entries.find((e: { source?: string; kind: string }) => e.kind === 'comment' && e.source === 'servicenow')
        expect(agentComment.text).toBe('Starting with the pilot.')
        // The agent is named one way on every entry: by the user's name (sys_user.name), not the user id.
        expect(agentComment.author).not.toBe(target.itil.user)
        expect(entries.find((e: { kind: string }) => e.kind === 'state')).toMatchObject({ by: agentComment.author, from: { value: '1' }, to: { value: '2', label: 'In Progress' } })

        await setProperty(SHARE_WORK_NOTES, 'true')
        try {
            const shared = await call(api(`/tickets/${ticket.number}/activity?tenantId=${TENANT}`), 'GET', integration)
            expect(shared.json.result.entries.find((e: { kind: string }) => e.kind === 'work_note').text).toBe('CA policy draft ready.')
        } finally {
            await setProperty(SHARE_WORK_NOTES, 'false')
        }

        // The agent rewrites the description above the app's Secure Score block: Microsoft 365 reads the new text.
        expect(ticket.description).toBe(taskBody({}).description)
        const stored = await call(`${target.url}${TABLE_API}/x_mioms_m365ticket_incident/${ticket.sysId}?sysparm_fields=description`, 'GET', agent)
        const block = stored.json.result.description.slice(ticket.description.length)
        expect(block).toMatch(/^\n\n--- Microsoft 365 Secure Score ---\n/)
        const described = await call(`${target.url}${TABLE_API}/x_mioms_m365ticket_incident/${ticket.sysId}`, 'PATCH', agent, { description: 'Pilot group first, then all admins.' + block })
        expect(described.status).toBe(200)
        expect((await call(api(`/tickets/${ticket.number}?tenantId=${TENANT}`), 'GET', integration)).json.result.description).toBe('Pilot group first, then all admins.')

        const resolved = await call(`${target.url}${TABLE_API}/x_mioms_m365ticket_incident/${ticket.sysId}`, 'PATCH', agent, { state: '6', close_code: 'Solution provided', close_notes: 'MFA enforced.' })
        expect(resolved.status).toBe(200)
        const after = await call(api(`/tickets/${ticket.number}?tenantId=${TENANT}`), 'GET', integration)
        expect(after.json.result).toMatchObject({ outcome: 'resolved', resolution: { state: { value: '6', label: 'Resolved' }, code: { value: 'Solution provided', label: 'Solution provided' }, notes: 'MFA enforced.' } })
        expect(after.json.result.updated >= ticket.updated).toBe(true)

        // Another tenant's integration user: 404 for this tenant's ticket on both routes, 403 naming this tenant.
        const other = await target.createUser({ name: 'activity.other', roles: ['x_mioms_m365ticket.integration'] })
        const otherAuth = basic(other)
        expect((await call(api('/connection'), 'PUT', otherAuth, { tenantId: OTHER_TENANT, tenantName: 'Fabrikam', connectedBy: 'b@fabrikam.com' })).status).toBe(201)
        expect((await call(api(`/tickets/${ticket.number}/activity?tenantId=${OTHER_TENANT}`), 'GET', otherAuth)).status).toBe(404)
        expect((await call(api(`/tickets/${ticket.number}/comments`), 'POST', otherAuth, { ...body, tenantId: OTHER_TENANT, commentId: 'fabrikam-1' })).status).toBe(404)
        expect((await call(api(`/tickets/${ticket.number}/activity?tenantId=${TENANT}`), 'GET', otherAuth)).status).toBe(403)
        expect((await call(api(`/tickets/${ticket.number}/comments`), 'POST', otherAuth, { ...body, commentId: 'fabrikam-2' })).status).toBe(403)
        const journalAfter = await target.asAdmin('GET', `${TABLE_API}/sys_journal_field?sysparm_query=element_id=${ticket.sysId}^element=comments&sysparm_fields=value`)
        expect(journalAfter.json.result).toHaveLength(2)
    })
})
