// The ticket page's timeline and details, rendered from a ':memory:' store: the share is the first entry, the
// description as shared and a link back to the action are shown, a state change keeps the custom state names in
// force when it happened (the store records each set of names with the time it was first seen), every entry names
// its author in the same place, and a resolution without notes says so.
import type { ActivityEntry } from '../../bridge/domain/tickets.ts'
import { ticketPage } from '../../bridge/pages/tickets/views.ts'
import type { BridgeStore, StateOption, StoredTicket, TenantStore } from '../../bridge/store/store.ts'
import { TENANT, testStore } from '../support/bridge-harness.ts'

let file: BridgeStore
let store: TenantStore
beforeEach(() => {
    file = testStore()
    store = file.forTenant(TENANT)
})
afterEach(() => {
    file.close()
    jest.useRealTimers()
})

const ticket: StoredTicket = {
    number: 'CHG0030001',
    sysId: 'sys-1',
    taskId: 'task-1',
    type: 'change',
    name: 'Require MFA for admins',
    state: { value: '3', label: 'Closed', customLabel: null },
    priority: { value: '2', label: 'High' },
    dueDate: '2026-12-31',
    assignmentGroup: null,
    assignedTo: null,
    opened: '2026-03-01T09:00:00Z',
    updated: '2026-03-03T10:00:00Z',
    closed: '2026-03-03T10:00:00Z',
    outcome: 'resolved',
    resolution: { state: { value: '3', label: 'Closed' }, code: { value: 'successful', label: 'Successful' }, notes: '', resolvedAt: '2026-03-03T10:00:00Z', resolvedBy: 'Beth Anglin' },
    link: 'https://instance.example/CHG0030001',
}

const states = (newName: string | null): { change: StateOption[]; incident: StateOption[] } => ({
    change: [
        { value: '-5', label: 'New', customLabel: newName },
        { value: '3', label: 'Closed', customLabel: null },
    ],
    incident: [],
})

const stateChange = (id: string, at: string): ActivityEntry => ({
    id,
    kind: 'state',
    at,
    by: 'Beth Anglin',
    from: { value: '-5', label: 'New', customLabel: 'Named today' },
    to: { value: '3', label: 'Closed', customLabel: null },
})

function render(activity: ActivityEntry[]): string {
    store.createShare({ id: 'draft-1', taskId: 'task-1', controlId: 'AdminMFAV2', payload: { description: 'Turn on MFA.\nSee https://security.microsoft.com/securescore' } })
    const share = store.shareByTaskId('task-1')
    return ticketPage({
        ticket,
        states: store.getStates()?.change,
        share,
        action: { id: 'AdminMFAV2', title: 'Require MFA for administrative roles' },
        sharedBy: 'secadmin@contoso.onmicrosoft.com',
        namesAt: (at) => store.customStateNamesAt(at),
        activity,
        activityError: null,
        unsent: [],
        writeBack: null,
        writeBackDelegate: null,
        commentId: 'x'.repeat(16),
    })
}

const entries = (html: string) => [...html.matchAll(/<li class="entry [^"]*" data-kind="([a-z_]+)"[^>]*>([\s\S]*?)<\/li>/g)].map((m) => ({ kind: m[1], html: m[2] }))

test('the share is the first entry, the description as shared and the action are shown', () => {
    const html = render([stateChange('h1', '2026-03-02T10:00:00Z')])
    const timeline = entries(html)
    expect(timeline.map((e) => e.kind)).toEqual(['share', 'state'])
    expect(timeline[0].html).toContain('<strong class="who">secadmin@contoso.onmicrosoft.com</strong> &middot; Shared from Microsoft 365 as a change request')
    expect(html).toContain('<div id="ticket-description" class="text" style="white-space:pre-wrap">Turn on MFA.\nSee https://security.microsoft.com/securescore</div>')
    expect(html).toContain('<a id="action-link" href="/actions/AdminMFAV2">Improvement action: Require MFA for administrative roles</a>')
})

test('a state change keeps the custom names of its time, not the ones set since', () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T00:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] })
    store.setStates(states('Triage'))
    jest.setSystemTime(new Date('2026-03-05T00:00:00Z'))
    store.setStates(states('Named today'))
    const html = render([stateChange('h1', '2026-03-02T10:00:00Z'), stateChange('h2', '2026-03-06T10:00:00Z')])
    const [, before, after] = entries(html)
    expect(before.html).toContain('State changed from <em>Triage</em> to <em>Closed</em>')
    expect(after.html).toContain('State changed from <em>Named today</em> to <em>Closed</em>')
})

test('every entry names its author in one place; a resolution without notes says so', () => {
    const resolution: ActivityEntry = { id: 'r1', kind: 'resolution', at: '2026-03-03T10:00:00Z', resolution: ticket.resolution! }
    const comment: ActivityEntry = { id: 'j1', kind: 'comment', at: '2026-03-02T11:00:00Z', source: 'servicenow', author: 'Beth Anglin', text: 'On it.', commentId: null }
    const html = render([comment, stateChange('h1', '2026-03-02T12:00:00Z'), resolution])
    const [, said, changed, resolved] = entries(html)
    for (const entry of [said, changed, resolved]) expect(entry.html).toMatch(/<\/time> &middot; <strong class="who">Beth Anglin<\/strong> &middot; /)
    expect(resolved.html).toContain('Closed &middot; Successful</div>')
    expect(resolved.html).toContain('(no resolution notes)')
    expect(resolved.html).not.toMatch(/Successful:/)
})

test('times show the ISO value on hover and in datetime; a due date is a day', () => {
    const html = render([])
    expect(html).toContain('<dd id="ticket-due"><time datetime="2026-12-31" title="2026-12-31" data-shows="day">2026-12-31</time></dd>')
    expect(html).toContain('<time datetime="2026-03-03T10:00:00Z" title="2026-03-03T10:00:00Z" data-shows="moment">2026-03-03 10:00:00 UTC</time>')
})
