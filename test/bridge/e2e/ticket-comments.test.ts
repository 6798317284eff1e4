// The Microsoft 365 ticket page over real HTTP: a comment whose first answer is held back past the client's
// timeout is retried with the same comment id and lands on the ticket exactly once, as does the same form sent
// again; a comment the connector refuses is kept with "Try again"; a cancelled ticket puts the improvement action
// back to To address with a note, and the actions list names it once. And the rules of the page's pure parts (comment text, action status).
import { actionStatus, commentProblem } from '../../../bridge/domain/tickets'
import type { StoredTicket } from '../../../bridge/store/store'
import { signIn, BridgeBrowser, connect, hiddenFields, PEOPLE, SHARE_FIELDS, TENANT, startInstance, startBridge, startProxy, type Proxy, type TestInstance, type TestBridge } from '../../support/bridge-harness'
import { CONNECTOR_API } from '../../support/api-paths.ts'

let instance: TestInstance
let proxy: Proxy
let m365: TestBridge
const browser = new BridgeBrowser()
let number = ''

beforeAll(async () => {
    instance = await startInstance()
    proxy = await startProxy(instance.url)
    // Per-attempt timeout of 1 s: the proxy's late answer below is a timeout to the Microsoft 365 side.
    m365 = await startBridge({ retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50, timeoutMs: 1000 } })
    await signIn(browser, m365)
    instance.addOAuthClient(m365.redirectUri)
    await connect(browser, m365, proxy.url)
    const form = await browser.request(`${m365.url}/actions/SigninRiskPolicy/share`)
    const sent = await browser.request(`${m365.url}/actions/SigninRiskPolicy/share`, {
        form: { ...SHARE_FIELDS, draftId: hiddenFields(form.html).draftId, ticketType: 'incident', priority: 'high', name: 'Sign-in risk policy', description: 'Do it.', dueDate: '2099-12-31' },
    })
    number = /id="ticket-number">([A-Z]+\d+)</.exec((await browser.follow(sent.location!)).html)![1]
})

afterAll(async () => {
    await m365?.close()
    await proxy?.close()
    await instance?.close()
})

function journal(): { [column: string]: string | null }[] {
    const ticket = instance.rows('task', 'number = ?', [number])[0]
    return instance.rows('sys_journal_field', 'element_id = ?', [ticket.sys_id])
}

test('a comment retried after a timeout, and the same form sent again, is added exactly once', async () => {
    const page = await browser.request(`${m365.url}/tickets/${number}`)
    expect(page.status).toBe(200)
    const commentId = hiddenFields(page.html).commentId
    expect(commentId).toMatch(/^[A-Za-z0-9_-]{16,64}$/)
    proxy.delayNext('POST', `${CONNECTOR_API}/tickets/${number}/comments`, 1500)
    const posted = await browser.request(`${m365.url}/tickets/${number}/comments`, { form: { commentId, text: 'Once, please.' } })
    expect(posted.status).toBe(303)
    expect(proxy.seen.filter((r) => r.method === 'POST' && r.path.endsWith('/comments'))).toHaveLength(2)
    const resent = await browser.request(`${m365.url}/tickets/${number}/comments`, { form: { commentId, text: 'Once, please.' } })
    expect(resent.status).toBe(303)
    expect(journal().map((entry) => entry.value)).toEqual([`[Microsoft 365] ${PEOPLE.contosoSecurityAdmin}:\nOnce, please.`])
    const after = await browser.request(`${m365.url}/tickets/${number}`)
    expect(after.html.match(/data-source="microsoft365"/g)).toHaveLength(1)
    expect(after.html).not.toContain('data-kind="unsent"')
})

test('the page refuses an empty comment and keeps a refused one with Try again', async () => {
    const page = await browser.request(`${m365.url}/tickets/${number}`)
    const empty = await browser.request(`${m365.url}/tickets/${number}/comments`, { form: { commentId: hiddenFields(page.html).commentId, text: '   ' } })
    expect(empty.status).toBe(400)
    expect(empty.html).toContain('Enter a comment.')
    // An id ServiceNow already holds with another text (sent by another client): the connector answers 409 and
    // the comment waits here with Try again, never overwriting what ServiceNow has.
    const taken = 'taken-comment-id-0001'
    await m365.link.call('POST', `/tickets/${number}/comments`, { body: { commentId: taken, author: 'someone@contoso.com', text: 'Theirs' } })
    const refused = await browser.request(`${m365.url}/tickets/${number}/comments`, { form: { commentId: taken, text: 'Mine' } })
    expect(refused.status).toBe(303)
    const after = await browser.request(`${m365.url}/tickets/${number}`)
    expect(after.html).toContain('data-kind="unsent"')
    expect(after.html).toContain('ServiceNow already has a different comment under this id')
    expect(after.html).toContain(`/tickets/${number}/comments/${taken}/retry`)
    expect(journal().map((entry) => entry.value)).not.toContain(`[Microsoft 365] ${PEOPLE.contosoSecurityAdmin}:\nMine`)
})

test("a comment the instance's data policy refuses shows the instance's reason, not an id conflict", async () => {
    // Resolved as a data fix would (the store, no policy), without resolution code and notes: adding a comment
    // updates the incident, which the data policy then refuses with 409 (the app's other 409 on this route).
    const ticket = instance.rows('task', 'number = ?', [number])[0]
    instance.runtime.store.update('x_mioms_m365ticket_incident', ticket.sys_id!, { state: '6' }, 'admin')
    const page = await browser.request(`${m365.url}/tickets/${number}`)
    const commentId = hiddenFields(page.html).commentId
    const refused = await browser.request(`${m365.url}/tickets/${number}/comments`, { form: { commentId, text: 'Still open for us.' } })
    expect(refused.status).toBe(303)
    const stored = m365.store.forTenant(TENANT).getComment(commentId)
    expect(stored?.status).toBe('failed')
    expect(stored?.error).toBe(`The comment could not be added. The instance refused the update of ${number}: Data Policy Exception: The following fields are mandatory: Resolution code, Resolution notes`)
    instance.runtime.store.update('x_mioms_m365ticket_incident', ticket.sys_id!, { state: '2' }, 'admin')
})

test('a cancelled ticket puts the improvement action back to To address with a note', async () => {
    const ticket = instance.rows('task', 'number = ?', [number])[0]
    instance.runtime.store.update('x_mioms_m365ticket_incident', ticket.sys_id!, { state: '8' }, 'admin')
    const page = await browser.request(`${m365.url}/tickets/${number}`)
    expect(/id="action-status">([^<]+)</.exec(page.html)![1]).toBe('To address')
    expect(/id="action-note">([^<]+)</.exec(page.html)![1]).toBe(`ServiceNow ${number} was cancelled; share the action again to track it.`)
    // The actions list names the ticket once, with its state; the note is the ticket page's.
    const actions = (await browser.request(`${m365.url}/actions`)).html
    const row = actions.slice(actions.indexOf('id="action-SigninRiskPolicy"'))
    const cells = row.slice(0, row.indexOf('</tr>'))
    expect(cells).toContain('<span class="ticket-state">Canceled</span>')
    expect(cells.split(`>${number}<`).length - 1).toBe(1)
})

describe('pure rules', () => {
    const ticket = (outcome: StoredTicket['outcome'], notes = ''): StoredTicket =>
        ({ number: 'INC0010001', outcome, resolution: outcome === 'resolved' || outcome === 'unsuccessful' ? { state: { value: '6', label: 'Resolved' }, code: null, notes, resolvedAt: null, resolvedBy: null } : null }) as StoredTicket

    it('maps the ticket outcome to the improvement action status', () => {
        expect(actionStatus(ticket('resolved', 'Done.'))).toEqual({ status: 'Resolved through third party', note: 'ServiceNow INC0010001: Done.' })
        expect(actionStatus(ticket('resolved', ' '))).toEqual({ status: 'Resolved through third party', note: 'ServiceNow INC0010001 (no resolution notes)' })
        expect(actionStatus(ticket('open')).status).toBe('To address')
        expect(actionStatus(ticket('cancelled')).note).toContain('was cancelled')
        expect(actionStatus(ticket('unsuccessful', 'Rolled back.'))).toEqual({ status: 'To address', note: 'ServiceNow INC0010001 closed unsuccessfully: Rolled back.' })
    })

    it('accepts text and line breaks of up to 4000 characters', () => {
        expect(commentProblem('one\r\ntwo\nthree')).toBeNull()
        expect(commentProblem('')).toBe('Enter a comment.')
        expect(commentProblem('x'.repeat(4001))).toBe('Use at most 4000 characters.')
        expect(commentProblem('tab\there')).toBe('Use text and line breaks only.')
        expect(commentProblem('bell\u0007')).toBe('Use text and line breaks only.')
    })
})
