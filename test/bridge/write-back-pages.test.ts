// What the ticket page and the Manage page say about write-back, rendered from real outbox rows of a ':memory:'
// store: written with its time, pending with the next attempt, skipped and failed with the reason; the settings
// form and the read-only notice; unset custom state names as empty fields with a hint.
import { managePage } from '../../bridge/pages/manage/views.ts'
import { ticketPage } from '../../bridge/pages/tickets/views.ts'
import type { WriteBackRow } from '../../bridge/store/outbox.ts'
import type { BridgeStore, StoredTicket, TenantStore } from '../../bridge/store/store.ts'
import { storedTicket, testStore } from '../support/bridge-harness.ts'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
let file: BridgeStore
let store: TenantStore
beforeEach(() => {
    file = testStore()
    store = file.forTenant(TENANT)
})
afterEach(() => file.close())

const ticket: StoredTicket = storedTicket('INC0010001', { state: { value: '6', label: 'Resolved', customLabel: null }, outcome: 'resolved', resolution: null })

function row(state: 'ThirdParty' | 'Default' = 'ThirdParty'): WriteBackRow {
    return store.outbox.enqueue({ controlId: 'MFARegistrationV2', ticketNumber: ticket.number, state, comment: 'c', assignedTo: null, skipReason: null, at: '2026-03-01T10:00:00.000Z' })
}

function writeBackNotice(writeBack: WriteBackRow | null): string {
    const html = ticketPage({ ticket, states: undefined, share: null, action: null, sharedBy: 'secadmin', namesAt: () => null, activity: [], activityError: null, unsent: [], writeBack, commentId: 'x'.repeat(16) })
    return (/<div class="notice [a-z]+" id="write-back"[^>]*>(.*?)<\/div>/s.exec(html)?.[1] ?? '').replace(/<[^>]+>/g, '')
}

describe('ticket page', () => {
    it('says nothing when the ticket asked for no write-back', () => {
        expect(writeBackNotice(null)).toBe('')
    })

    it('written: the portal state and when', () => {
        const r = row()
        store.outbox.markSending(r.id)
        store.outbox.finish(r.id, 'done', null, '2026-03-01T10:00:05.123Z')
        expect(writeBackNotice(store.outbox.get(r.id))).toBe('Secure Score: Resolved through third party, written 2026-03-01 10:00:05 UTC')
    })

    it('pending: sending, or queued with the next attempt and the last error', () => {
        const r = row('Default')
        expect(writeBackNotice(store.outbox.get(r.id))).toBe('Secure Score: To address pending (next attempt 2026-03-01 10:00:00 UTC)')
        store.outbox.requeue(r.id, 'Graph answered 429', '2026-03-01T10:00:02.000Z')
        expect(writeBackNotice(store.outbox.get(r.id))).toBe('Secure Score: To address pending (next attempt 2026-03-01 10:00:02 UTC after Graph answered 429)')
        store.outbox.markSending(r.id)
        expect(writeBackNotice(store.outbox.get(r.id))).toBe('Secure Score: To address pending (sending)')
    })

    it('skipped and failed: the reason', () => {
        const skipped = row()
        store.outbox.finish(skipped.id, 'skipped', 'already in state ThirdParty', '2026-03-01T10:00:01Z')
        expect(writeBackNotice(store.outbox.get(skipped.id))).toBe('Secure Score: not written (Resolved through third party): already in state ThirdParty')
        const failed = row()
        store.outbox.finish(failed.id, 'failed', "Graph refuses state updates made with the app's own (app-only) token", '2026-03-01T10:00:01Z')
        expect(writeBackNotice(store.outbox.get(failed.id))).toBe("Secure Score: Resolved through third party could not be written: Graph refuses state updates made with the app&#39;s own (app-only) token")
    })
})

describe('Manage page', () => {
    const page = (settings: { enabled: boolean; unresolvedSendsDefault: boolean }, readOnly: boolean) =>
        managePage({ connection: null, remote: null, remoteError: null, states: null, redirectUri: 'http://127.0.0.1/oauth/callback', writeBack: { settings, readOnly } })

    it('shows the settings as saved, on by default', () => {
        const html = page(store.outbox.settings(), false)
        expect(html).toMatch(/id="write-back-enabled" checked>/)
        expect(html).toMatch(/id="write-back-unresolved">/)
        expect(html).not.toContain('write-back-read-only')
        store.outbox.saveSettings({ enabled: false, unresolvedSendsDefault: true })
        const saved = page(store.outbox.settings(), false)
        expect(saved).toMatch(/id="write-back-enabled">/)
        expect(saved).toMatch(/id="write-back-unresolved" checked>/)
    })

    it('an unset state name is an empty field with a hint naming ServiceNow\'s state, not a placeholder', () => {
        const connection = { instanceUrl: 'http://127.0.0.1:1', clientId: 'c', clientSecret: 's', tenantId: TENANT, tenantName: 'Contoso', token: null, status: 'connected' as const, lastError: null, connectedAt: '2026-03-01T10:00:00Z' }
        const states = { change: [{ value: '-5', label: 'New', customLabel: null }, { value: '3', label: 'Closed', customLabel: 'Done' }], incident: [] }
        const html = managePage({ connection, remote: null, remoteError: null, states, redirectUri: 'http://127.0.0.1/oauth/callback', writeBack: { settings: store.outbox.settings(), readOnly: false } })
        expect(html).toContain('<input type="text" id="change--5" name="change.-5" value="" maxlength="80" aria-describedby="change--5-hint">')
        expect(html).toContain(`<p class="hint" id="change--5-hint">Not set: the cards show ServiceNow's name, New.</p>`)
        expect(html).toContain('<p class="hint" id="change-3-hint">ServiceNow calls it Closed.</p>')
        expect(html).not.toContain('placeholder=')
    })

    it('says when the app is read-only', () => {
        expect(page(store.outbox.settings(), true)).toMatch(/id="write-back-read-only">Read-only: the app lacks SecurityEvents\.ReadWrite\.All/)
    })
})
