// What the ticket page and the Manage page say about write-back, rendered from real outbox rows of a ':memory:'
// store: written with its time and who wrote it (the app, or a Security Administrator as themselves), pending with
// the next attempt, waiting for the delegation's renewal, skipped and failed with the reason; the settings form, the
// read-only notice, and who writes (Write back as me, Microsoft's refusal of the app, Stop writing as, renewal);
// unset custom state names as empty fields with a hint.
import { writeBackView } from '../../bridge/pages/manage/routes.ts'
import { managePage } from '../../bridge/pages/manage/views.ts'
import { ticketPage } from '../../bridge/pages/tickets/views.ts'
import { APP_ONLY_REFUSED, type WriteBackRow } from '../../bridge/store/outbox.ts'
import type { BridgeStore, StoredTicket, TenantStore } from '../../bridge/store/store.ts'
import { storedTicket, testStore } from '../support/bridge-harness.ts'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const ADELE = 'adele.vance@contoso.onmicrosoft.com'
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
    const html = ticketPage({ ticket, states: undefined, share: null, action: null, sharedBy: 'secadmin', namesAt: () => null, activity: [], activityError: null, unsent: [], writeBack, writeBackDelegate: store.outbox.delegate(), commentId: 'x'.repeat(16) })
    return (/<div class="notice [a-z]+" id="write-back"[^>]*>(.*?)<\/div>/s.exec(html)?.[1] ?? '').replace(/<[^>]+>/g, '')
}

describe('ticket page', () => {
    it('says nothing when the ticket asked for no write-back', () => {
        expect(writeBackNotice(null)).toBe('')
    })

    it('written: the portal state, when, and by whom', () => {
        const r = row()
        store.outbox.markSending(r.id)
        store.outbox.finish(r.id, 'done', null, '2026-03-01T10:00:05.123Z')
        expect(writeBackNotice(store.outbox.get(r.id))).toBe("Secure Score: Resolved through third party, written 2026-03-01 10:00:05 UTC by the bridge's app registration")
        const asAdele = row()
        store.outbox.finish(asAdele.id, 'done', null, '2026-03-01T10:00:06.000Z', ADELE)
        expect(writeBackNotice(store.outbox.get(asAdele.id))).toBe(`Secure Score: Resolved through third party, written 2026-03-01 10:00:06 UTC by ${ADELE} (signed in as themselves)`)
    })

    it('waiting: while writing as the delegate needs renewing, a queued row says so and why', () => {
        const r = row()
        store.outbox.setDelegate({ upn: ADELE, oid: 'oid-adele', tokenCache: '{}', at: '2026-03-01T09:00:00.000Z' })
        store.outbox.delegateNeedsRenewal("Microsoft refused adele's sign-in (invalid_grant)", '2026-03-01T10:00:01.000Z')
        expect(writeBackNotice(store.outbox.get(r.id))).toBe(
            `Secure Score: Resolved through third party waiting: writing as ${ADELE} needs renewing by a Security Administrator (Manage page, Write back as me): Microsoft refused adele&#39;s sign-in (invalid_grant)`,
        )
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
        managePage({ connection: null, remote: null, remoteError: null, states: null, redirectUri: 'http://127.0.0.1/oauth/callback', writeBack: { ...writeBackView(store), settings, readOnly } })
    const text = (html: string, id: string) => (new RegExp(`id="${id}"[^>]*>(.*?)</(?:div|p)>`, 's').exec(html)?.[1] ?? '').replace(/<[^>]+>/g, '')

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
        const html = managePage({ connection, remote: null, remoteError: null, states, redirectUri: 'http://127.0.0.1/oauth/callback', writeBack: writeBackView(store) })
        expect(html).toContain('<input type="text" id="change--5" name="change.-5" value="" maxlength="80" aria-describedby="change--5-hint">')
        expect(html).toContain(`<p class="hint" id="change--5-hint">Not set: the cards show ServiceNow's name, New.</p>`)
        expect(html).toContain('<p class="hint" id="change-3-hint">ServiceNow calls it Closed.</p>')
        expect(html).not.toContain('placeholder=')
    })

    it('says when the app is read-only', () => {
        expect(page(store.outbox.settings(), true)).toMatch(/id="write-back-read-only">Read-only: the app lacks SecurityEvents\.ReadWrite\.All/)
    })

    it('who writes: the app registration by default, with Write back as me; Microsoft refusing the app is said, with how many', () => {
        const html = page(store.outbox.settings(), false)
        expect(text(html, 'write-back-writer')).toBe("The bridge's app registration, with its application permission SecurityEvents.ReadWrite.All.")
        expect(html).toContain('<form method="post" action="/manage/write-back/as-me"><button type="submit" id="write-back-as-me" class="primary">Write back as me</button></form>')
        expect(html).not.toContain('write-back-app-refused')
        expect(html).not.toContain('write-back-stop')
        const refused = row()
        store.outbox.finish(refused.id, 'failed', `${APP_ONLY_REFUSED} (403), although the app held SecurityEvents.ReadWrite.All at the last refresh`, '2026-03-01T10:00:01Z')
        expect(text(page(store.outbox.settings(), false), 'write-back-app-refused')).toMatch(/^Microsoft refused the app's update to Secure Score for 1 ticket: .* A Security Administrator can choose Write back as me/)
    })

    it('who writes: the delegate since when, Stop writing as them; choosing them queues the refused rows again; renewal needed is said', () => {
        const refused = row()
        store.outbox.finish(refused.id, 'failed', `${APP_ONLY_REFUSED} (403)`, '2026-03-01T10:00:01Z')
        expect(store.outbox.setDelegate({ upn: ADELE, oid: 'oid-adele', tokenCache: '{}', at: '2026-03-01T11:00:00.000Z' })).toBe(1)
        expect(store.outbox.get(refused.id)).toMatchObject({ status: 'queued', failures: 0, finishedAt: null, reason: `queued again to be written as ${ADELE}` })
        const html = page(store.outbox.settings(), true)
        expect(text(html, 'write-back-writer')).toBe(`${ADELE}, signed in as themselves (delegated SecurityEvents.ReadWrite.All), since 2026-03-01 11:00:00 UTC. Their refresh token is kept encrypted.`)
        expect(html).toContain(`<button type="submit" id="write-back-stop">Stop writing as ${ADELE}</button>`)
        // A read-only app writes through its delegate: no read-only notice then.
        expect(html).not.toContain('write-back-read-only')
        expect(html).not.toContain('write-back-renewal')
        store.outbox.delegateNeedsRenewal("Microsoft refused adele's sign-in (invalid_grant)", '2026-03-01T12:00:00.000Z')
        expect(text(page(store.outbox.settings(), false), 'write-back-renewal')).toBe(
            `Writing as ${ADELE} needs renewing by a Security Administrator: Microsoft refused adele&#39;s sign-in (invalid_grant). 1 update waits; nothing is lost. Choose Write back as me to write as yourself, or stop writing as ${ADELE}.`,
        )
        store.outbox.removeDelegate()
        expect(store.outbox.delegate()).toBeNull()
        expect(store.outbox.delegateTokenCache()).toBeNull()
    })
})
