// The write-back outbox against real SQLite stores and the Graph stand-in over HTTPS: outcome → target, the
// skip rules, the row states, Retry-After under throttling with exactly one update per row, permanent refusals,
// a restart in the middle of a write-back that leaves exactly one state update, and writing as a delegate (a read-only
// app too).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SecureScoreControlProfile } from '@microsoft/microsoft-graph-types'
import { currentState, isDeviceControl } from '../../bridge/ports/graph/control-state.ts'
import { createSecureScoreClient, type SecureScoreClient } from '../../bridge/ports/graph/secure-score-client.ts'
import type { GraphCredential } from '../../bridge/ports/graph/token-source.ts'
import {
    createWriteBack,
    MAX_WRITE_BACK_COMMENT,
    READ_ONLY_REASON,
    WRITE_BACK_OFF_REASON,
    writeBackObserver,
    writeBackTarget,
    type WriteBack,
} from '../../bridge/domain/write-back.ts'
import type { BridgeStore, StoredTicket, TenantStore } from '../../bridge/store/store.ts'
import { SecretRegistry } from '../../bridge/security/secret-registry.ts'
import { createDelegatedTokens, createWriteBackDelegation } from '../../bridge/security/write-back-delegation.ts'
import { createGraphPorts } from '../../bridge/ports/graph/graph-ports.ts'
import type { GraphServer } from '../../emulator/graph/server.ts'
import { startGraph, testSecretBox, testStore } from '../support/bridge-harness.ts'
import { objectIdOf, pickAccount } from '../emulator/graph/support.ts'
import { DEMO_TENANT } from '../../emulator/graph/fixtures/tenants.ts'
import { OTHER_TENANT, startStandIn, type StandIn } from './graph/stand-in.ts'

const DEMO = DEMO_TENANT.tenantId
const OFF = { enabled: true, unresolvedSendsDefault: false }

let standIn: StandIn
let free: { [tenantId: string]: string[] }
const opened: { file: BridgeStore; writeBack: WriteBack }[] = []
// One key for every file, so a store reopened after a restart opens its secrets.
const box = testSecretBox()

beforeAll(async () => {
    standIn = await startStandIn()
    const client = graphClient()
    // Controls still at Default, not Device ones: each test takes its own, as the stand-in keeps every update.
    const usable = (profiles: SecureScoreControlProfile[]) =>
        profiles.filter((p) => !isDeviceControl(p.id as string) && (currentState(p)?.state ?? 'Default') === 'Default').map((p) => p.id as string)
    free = { [DEMO]: usable((await client.listControlProfiles(DEMO)).profiles), [OTHER_TENANT]: usable((await client.listControlProfiles(OTHER_TENANT)).profiles) }
})
afterEach(async () => {
    standIn.server.setFaults({})
    for (const { file, writeBack } of opened.splice(0)) {
        await writeBack.stop()
        file.close()
    }
})
afterAll(() => standIn.close())

function graphClient(credential?: GraphCredential): SecureScoreClient {
    // Retry-After is the outbox's to wait out (next_attempt_at), not the client's.
    return createSecureScoreClient({ graphBaseUrl: standIn.server.graphBaseUrl, tokens: standIn.tokens(credential), ca: standIn.server.caPem, maxRetryAfterSeconds: 0 })
}

function takeControl(tenantId: string = DEMO): string {
    const id = free[tenantId].shift()
    if (!id) throw new Error('out of controls at Default')
    return id
}

function open(options: { tenantId?: string; file?: string; credential?: GraphCredential } = {}): { file: BridgeStore; store: TenantStore; writeBack: WriteBack } {
    const file = testStore(options.file ?? ':memory:', box)
    const store = file.forTenant(options.tenantId ?? DEMO)
    store.observeOutcomes(writeBackObserver({ store }))
    const writeBack = createWriteBack({ store, graph: graphClient(options.credential), log: () => {} })
    opened.push({ file, writeBack })
    return { file, store, writeBack }
}

let tickets = 0
function ticket(outcome: StoredTicket['outcome'], overrides: Partial<StoredTicket> = {}): StoredTicket {
    const number = overrides.number ?? `INC${String(++tickets).padStart(7, '0')}`
    return {
        number,
        sysId: 'sys-' + number,
        taskId: 'task-' + number,
        type: 'incident',
        name: 'Require MFA',
        state: { value: outcome === 'resolved' ? '6' : '2', label: outcome === 'resolved' ? 'Resolved' : 'In Progress', customLabel: null },
        priority: { value: '2', label: 'High' },
        dueDate: null,
        assignmentGroup: 'Identity',
        assignedTo: 'beth.anglin',
        opened: '2026-01-01T00:00:00Z',
        updated: '2026-01-02T00:00:00Z',
        closed: null,
        outcome,
        resolution:
            outcome === 'open'
                ? null
                : { state: { value: '6', label: 'Resolved' }, code: null, notes: '  Enforced MFA for all admins.  ', resolvedAt: '2026-01-02T00:00:00Z', resolvedBy: 'fred.luddy' },
        link: 'https://instance.example/' + number,
        ...overrides,
    }
}

/** A shared ticket for the control, as the share page leaves it: the share row first, then the ticket copy. */
function share(store: TenantStore, controlId: string, t: StoredTicket): StoredTicket {
    store.createShare({ id: 'share-' + t.number, taskId: t.taskId, controlId, payload: {} })
    store.mergeTickets([t])
    return t
}

const updates = (controlId: string, tenantId: string = DEMO) => standIn.server.stateUpdates(tenantId, controlId)

describe('outcome → target', () => {
    it('resolved: ThirdParty, the number and trimmed close notes, the resolver', () => {
        expect(writeBackTarget(null, ticket('resolved', { number: 'INC0000001' }), OFF)).toEqual({
            state: 'ThirdParty',
            comment: 'Resolved in ServiceNow INC0000001: Enforced MFA for all admins.',
            assignedTo: 'fred.luddy',
        })
    })

    it('resolved without a resolver: the assignee, and the comment says so; long notes are cut', () => {
        const t = ticket('resolved', { number: 'INC0000002' })
        t.resolution = { ...t.resolution!, resolvedBy: null, notes: 'x'.repeat(2000) }
        const target = writeBackTarget(null, t, OFF)!
        expect(target.assignedTo).toBe('beth.anglin')
        expect(target.comment).toMatch(/^Resolved in ServiceNow INC0000002: x+… \(no resolver recorded; assigned to the ticket's assignee beth.anglin\)$/)
        expect(target.comment.length).toBe(MAX_WRITE_BACK_COMMENT)
    })

    it('resolved without notes says so, with no dangling colon', () => {
        const t = ticket('resolved', { number: 'INC0000004' })
        t.resolution = { ...t.resolution!, notes: '  ' }
        expect(writeBackTarget(null, t, OFF)!.comment).toBe('Resolved in ServiceNow INC0000004 (no resolution notes)')
    })

    it('reopened (resolved → open): Default; open → open, or back from cancelled: nothing', () => {
        expect(writeBackTarget(ticket('resolved'), ticket('open', { number: 'INC0000003' }), OFF)).toEqual({ state: 'Default', comment: 'Reopened in ServiceNow INC0000003', assignedTo: null })
        expect(writeBackTarget(null, ticket('open'), OFF)).toBeNull()
        expect(writeBackTarget(ticket('cancelled'), ticket('open'), OFF)).toBeNull()
    })

    it('cancelled or unsuccessful: nothing by default, Default with the setting', () => {
        const setting = { enabled: true, unresolvedSendsDefault: true }
        expect(writeBackTarget(null, ticket('cancelled'), OFF)).toBeNull()
        expect(writeBackTarget(null, ticket('unsuccessful'), OFF)).toBeNull()
        expect(writeBackTarget(null, ticket('cancelled', { number: 'CHG0000004' }), setting)).toMatchObject({ state: 'Default', comment: 'ServiceNow CHG0000004 was cancelled' })
        expect(writeBackTarget(null, ticket('unsuccessful', { number: 'CHG0000005' }), setting)).toMatchObject({ state: 'Default', comment: 'ServiceNow CHG0000005 closed unsuccessfully' })
    })
})

describe('queueing (inside the ticket merge)', () => {
    it('queues one row per outcome change, for the shared control, and none for an unshared ticket', () => {
        const { store } = open()
        const t = share(store, 'SomeControl', ticket('open'))
        expect(store.outbox.list()).toEqual([])
        store.mergeTickets([ticket('resolved', { number: t.number })])
        store.mergeTickets([ticket('resolved', { number: t.number, updated: '2026-01-03T00:00:00Z' })]) // no outcome change
        store.mergeTickets([ticket('resolved')]) // not shared from here
        expect(store.outbox.list()).toEqual([expect.objectContaining({ controlId: 'SomeControl', ticketNumber: t.number, state: 'ThirdParty', status: 'queued', attempts: 0 })])
    })

    it('skips Device controls, write-back turned off, and a read-only app, with the reason', () => {
        const { store, writeBack } = open()
        share(store, 'scid_2010', ticket('resolved'))
        writeBack.saveSettings({ enabled: false, unresolvedSendsDefault: false })
        share(store, 'OffControl', ticket('resolved'))
        writeBack.saveSettings({ enabled: true, unresolvedSendsDefault: false })
        store.secureScore.saveStatus({ readOnly: true })
        share(store, 'ReadOnlyControl', ticket('resolved'))
        expect(store.outbox.list().map((r) => [r.status, r.reason])).toEqual([
            ['skipped', expect.stringMatching(/^device control/)],
            ['skipped', WRITE_BACK_OFF_REASON],
            ['skipped', READ_ONLY_REASON],
        ])
    })

    it('cancelled queues Default only with the setting', () => {
        const { store, writeBack } = open()
        share(store, 'A', ticket('cancelled'))
        expect(store.outbox.list()).toEqual([])
        writeBack.saveSettings({ enabled: true, unresolvedSendsDefault: true })
        expect(writeBack.settings()).toEqual({ enabled: true, unresolvedSendsDefault: true })
        share(store, 'B', ticket('cancelled'))
        expect(store.outbox.list()).toEqual([expect.objectContaining({ controlId: 'B', state: 'Default', status: 'queued' })])
    })
})

describe('draining', () => {
    it('writes ThirdParty with the comment and resolver once, then a reopen writes Default', async () => {
        const { store, writeBack } = open()
        const control = takeControl()
        const before = updates(control).length
        const t = share(store, control, ticket('resolved'))
        expect(await writeBack.drain()).toEqual({ done: 1, skipped: 0, failed: 0, requeued: 0, waiting: 0, delegationNeedsRenewal: null })
        const written = updates(control).slice(before)
        expect(written).toEqual([expect.objectContaining({ state: 'ThirdParty', comment: `Resolved in ServiceNow ${t.number}: Enforced MFA for all admins.`, assignedTo: 'fred.luddy' })])
        expect(store.outbox.latestForTicket(t.number)).toMatchObject({ status: 'done', attempts: 1, finishedAt: expect.any(String) })
        expect(await writeBack.drain()).toEqual({ done: 0, skipped: 0, failed: 0, requeued: 0, waiting: 0, delegationNeedsRenewal: null })

        store.mergeTickets([ticket('open', { number: t.number })])
        await writeBack.drain()
        expect(updates(control).slice(before).map((u) => u.state)).toEqual(['ThirdParty', 'Default'])
    })

    it("sends one control's rows in the order they were queued", async () => {
        const { store, writeBack } = open()
        const control = takeControl()
        const before = updates(control).length
        const t = share(store, control, ticket('resolved'))
        store.mergeTickets([ticket('open', { number: t.number })])
        store.mergeTickets([ticket('resolved', { number: t.number })])
        expect((await writeBack.drain()).done).toBe(3)
        expect(updates(control).slice(before).map((u) => u.state)).toEqual(['ThirdParty', 'Default', 'ThirdParty'])
    })

    it('skips a control already in the target state (read fresh from Graph), and Device controls never reach Graph', async () => {
        const { store, writeBack } = open()
        const control = takeControl()
        await graphClient().updateControlState(DEMO, control, { state: 'ThirdParty', comment: 'set in the portal' })
        const before = updates(control).length
        const t = share(store, control, ticket('resolved'))
        expect(await writeBack.drain()).toMatchObject({ done: 0, skipped: 1 })
        expect(store.outbox.latestForTicket(t.number)).toMatchObject({ status: 'skipped', reason: 'already in state ThirdParty' })
        expect(updates(control)).toHaveLength(before)
    })

    it('skips queued rows when write-back was turned off or the app found read-only since', async () => {
        const { store, writeBack } = open()
        const a = share(store, takeControl(), ticket('resolved'))
        const b = share(store, takeControl(), ticket('resolved'))
        writeBack.saveSettings({ enabled: false, unresolvedSendsDefault: false })
        await writeBack.drain()
        expect(store.outbox.latestForTicket(a.number)).toMatchObject({ status: 'skipped', reason: WRITE_BACK_OFF_REASON })
        writeBack.saveSettings({ enabled: true, unresolvedSendsDefault: false })
        store.mergeTickets([ticket('open', { number: b.number })])
        store.secureScore.saveStatus({ readOnly: true })
        await writeBack.drain()
        expect(store.outbox.latestForTicket(b.number)).toMatchObject({ status: 'skipped', reason: READ_ONLY_REASON })
    })

    it('under a 429 every 3rd call (Retry-After 1) writes each of 16 rows exactly once', async () => {
        const { store, writeBack } = open({ tenantId: OTHER_TENANT })
        const controls = Array.from({ length: 16 }, () => takeControl(OTHER_TENANT))
        const before = controls.map((c) => updates(c, OTHER_TENANT).length)
        for (const c of controls) share(store, c, ticket('resolved'))
        standIn.server.setFaults({ throttleEvery: 3, retryAfterSeconds: 1 })
        const started = Date.now()
        const result = await writeBack.drain()
        expect(result).toMatchObject({ done: 16, skipped: 0, failed: 0 })
        expect(result.requeued).toBeGreaterThan(0)
        expect(controls.map((c, i) => updates(c, OTHER_TENANT).length - before[i])).toEqual(controls.map(() => 1))
        // Retry-After is waited per row, not once per 429 for everyone.
        expect(Date.now() - started).toBeLessThan(8000)
        expect(store.outbox.list().every((r) => r.status === 'done')).toBe(true)
    })

    it('a transient failure goes back to queued with its next attempt, after Retry-After', async () => {
        const { store, writeBack } = open()
        const control = takeControl()
        const t = share(store, control, ticket('resolved'))
        // Every call answers 503 with Retry-After 30: the first one requeues the row, 30 s out, and drain leaves it.
        standIn.server.setFaults({ unavailableEvery: 1, retryAfterSeconds: 30 })
        const from = Date.now()
        expect(await writeBack.drain()).toEqual({ done: 0, skipped: 0, failed: 0, requeued: 1, waiting: 0, delegationNeedsRenewal: null })
        const row = store.outbox.latestForTicket(t.number)!
        expect(row).toMatchObject({ status: 'queued', failures: 1, reason: expect.stringContaining('503') })
        expect(Date.parse(row.nextAttemptAt) - from).toBeGreaterThanOrEqual(29_000)
    })

    it('a Read-only app gets 403: the row fails with the reason, nothing is written', async () => {
        const { store, writeBack } = open({ credential: standIn.readOnly })
        const control = takeControl()
        const before = updates(control).length
        const t = share(store, control, ticket('resolved'))
        expect(await writeBack.drain()).toMatchObject({ failed: 1 })
        expect(store.outbox.latestForTicket(t.number)).toMatchObject({ status: 'failed', reason: expect.stringMatching(/403.*SecurityEvents\.ReadWrite\.All/) })
        expect(updates(control)).toHaveLength(before)
    })

    it('a PATCH refused for app-only tokens fails the row and sends a Security Administrator to Write back as me', async () => {
        const { store, writeBack } = open()
        const control = takeControl()
        const t = share(store, control, ticket('resolved'))
        standIn.server.setFaults({ refuseAppOnlyPatch: true })
        await writeBack.drain()
        expect(store.outbox.latestForTicket(t.number)).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^Microsoft refused the update made with the bridge's app registration \(403\).*app-only token.*A Security Administrator can choose "Write back as me" on the Manage page/) })
        expect(store.outbox.appOnlyRefusals()).toBe(1)
    })

    it('shares one drain between callers', async () => {
        const { store, writeBack } = open()
        share(store, takeControl(), ticket('resolved'))
        const [a, b] = [writeBack.drain(), writeBack.drain()]
        expect(a).toBe(b)
        expect((await a).done).toBe(1)
    })
})

describe('a restart in the middle of a write-back', () => {
    let dir: string
    beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'write-back-'))))
    afterEach(() => rmSync(dir, { recursive: true, force: true }))

    async function dieWhileSending(patchSent: boolean): Promise<{ control: string; before: number; number: string }> {
        const file = join(dir, 'bridge.sqlite')
        const control = takeControl()
        const before = updates(control).length
        const first = open({ file })
        const t = share(first.store, control, ticket('resolved'))
        const row = first.store.outbox.list()[0]
        // What send() does up to the moment the process dies: the row is marked sending, the PATCH maybe sent.
        first.store.outbox.markSending(row.id)
        if (patchSent) await graphClient().updateControlState(DEMO, control, { state: row.state, comment: row.comment, assignedTo: row.assignedTo ?? undefined })
        first.file.close()
        opened.splice(opened.indexOf(first), 1)
        return { control, before, number: t.number }
    }

    it('PATCH sent, not marked done: the next process reads the control back and writes nothing again', async () => {
        const { control, before, number } = await dieWhileSending(true)
        const second = open({ file: join(dir, 'bridge.sqlite') })
        expect(second.store.outbox.latestForTicket(number)).toMatchObject({ status: 'sending', attempts: 1 })
        expect(await second.writeBack.drain()).toMatchObject({ done: 1 })
        expect(updates(control).slice(before)).toHaveLength(1)
        expect(second.store.outbox.latestForTicket(number)).toMatchObject({ status: 'done' })
    })

    it('marked sending but the PATCH never left: the next process writes it, once', async () => {
        const { control, before, number } = await dieWhileSending(false)
        const second = open({ file: join(dir, 'bridge.sqlite') })
        expect(await second.writeBack.drain()).toMatchObject({ done: 1 })
        expect(updates(control).slice(before)).toEqual([expect.objectContaining({ state: 'ThirdParty' })])
        expect(second.store.outbox.latestForTicket(number)).toMatchObject({ status: 'done', attempts: 2 })
    })
})

describe('writing as a delegate (a Security Administrator who chose Write back as me)', () => {
    const CALLBACK = 'http://127.0.0.1/auth/callback'
    const ADELE = 'adele.vance@contoso.onmicrosoft.com'
    // The stand-in with the demo directory: its people sign in.
    let demo: GraphServer
    let controls: string[] = []
    beforeAll(async () => {
        demo = await startGraph()
        demo.registerRedirectUri(demo.demo.clientId, CALLBACK)
        const { graph } = createGraphPorts(portOptions())
        controls = (await graph.listControlProfiles(DEMO)).profiles.filter((p) => !isDeviceControl(p.id as string) && (currentState(p)?.state ?? 'Default') === 'Default').map((p) => p.id as string)
    })
    afterAll(() => demo.close())

    const portOptions = () => ({ authorityHost: demo.url, graphBaseUrl: demo.graphBaseUrl, credential: { clientId: demo.demo.clientId, clientSecret: demo.demo.clientSecret }, ca: demo.caPem })

    /** The tenant's delegate as "Write back as me" leaves it: Adele's msal token cache from her own sign-in, sealed in the store. */
    async function delegateAdele(store: TenantStore): Promise<void> {
        const delegation = createWriteBackDelegation({ ...portOptions(), authorityTenant: DEMO, redirectUri: CALLBACK, secrets: new SecretRegistry() })
        const person = { tenantId: DEMO, oid: objectIdOf(demo, ADELE), upn: ADELE, sessionId: 'session-of-adele' }
        const authorize = new URL(await delegation.begin(person))
        const picked = await pickAccount(demo, authorize.pathname + authorize.search, ADELE)
        const answer = new URL(String(picked.headers.location)).searchParams
        const delegated = await delegation.finish({ state: answer.get('state') ?? '', code: answer.get('code') ?? '', error: '', errorDescription: '' }, person)
        store.outbox.setDelegate({ ...delegated, at: new Date().toISOString() })
    }

    /** A tenant's write-back wired as server.ts wires it: the app's client, and the delegate's over the same ports. */
    function openWithDelegate(): { store: TenantStore; writeBack: WriteBack } {
        const file = testStore(':memory:', box)
        const store = file.forTenant(DEMO)
        store.observeOutcomes(writeBackObserver({ store }))
        const delegatedTokens = createDelegatedTokens({ ...portOptions(), storeOf: () => store.outbox, secrets: new SecretRegistry() })
        const { writeBackGraph, delegatedWriteBackGraph } = createGraphPorts(portOptions(), { delegatedTokens })
        const writeBack = createWriteBack({ store, graph: writeBackGraph, delegatedGraph: delegatedWriteBackGraph, log: () => {} })
        opened.push({ file, writeBack })
        return { store, writeBack }
    }

    it('an app the last refresh found read-only still writes through its delegate: the row is queued and sent as them', async () => {
        const { store, writeBack } = openWithDelegate()
        store.secureScore.saveStatus({ readOnly: true })
        await delegateAdele(store)
        const control = controls.shift() as string
        const t = share(store, control, ticket('resolved'))
        expect(store.outbox.latestForTicket(t.number)).toMatchObject({ status: 'queued' })
        expect(await writeBack.drain()).toMatchObject({ done: 1, skipped: 0 })
        expect(store.outbox.latestForTicket(t.number)).toMatchObject({ status: 'done', writtenBy: ADELE })
        expect(demo.stateUpdates(DEMO, control).at(-1)).toMatchObject({ state: 'ThirdParty', updatedBy: ADELE })
    })

    it('without a delegate the same read-only app skips the row, as before', async () => {
        const { store, writeBack } = openWithDelegate()
        store.secureScore.saveStatus({ readOnly: true })
        const t = share(store, controls.shift() as string, ticket('resolved'))
        expect(store.outbox.latestForTicket(t.number)).toMatchObject({ status: 'skipped', reason: READ_ONLY_REASON })
        expect(await writeBack.drain()).toMatchObject({ done: 0 })
    })
})
