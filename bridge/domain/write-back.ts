/**
 * Write-back: a shared ticket's outcome, written to its Secure Score control's state in Microsoft Graph.
 *
 *   writeBackTarget(previous, current, settings)  → the state update an outcome change asks for, or null
 *   writeBackObserver({ store, now? })            → for store.observeOutcomes: queues that update in the
 *                                                   ticket merge's own transaction
 *   createWriteBack({ store, graph, delegatedGraph?, log, now?, sleep? })   store: the tenant's (TenantStore)
 *       .drain()            sends every due row (up to 4 at a time), waiting for rows due soon
 *       .start(intervalMs, firstAfterMs?)  drains after firstAfterMs (default now), then every intervalMs
 *       .stop()             sends nothing new, waits for the rows in flight
 *
 * Never twice: a row is marked `sending` (committed) before its PATCH and done after. Before every PATCH the
 * control is read fresh; if its newest state already is the target, nothing is written: done when the newest
 * comment is this row's own (an earlier attempt, or a process that stopped after the PATCH, wrote it), skipped
 * ("already in state") otherwise.
 *
 * Who writes: the bridge's app registration (app-only, `graph`), or, once a Security Administrator chose "Write back
 * as me" on the Manage page, that person (`delegatedGraph`, their delegated token; bridge/security/
 * write-back-delegation.ts); a done row records which (written_by). The control is always read with the app's token.
 *   - Graph refuses the app's PATCH (403): the row fails, its reason sends a Security Administrator to "Write back as
 *     me"; choosing it queues those rows again (outbox.setDelegate).
 *   - Microsoft refuses the delegate (their refresh token: invalid_grant, expired, revoked, password reset; Graph's
 *     403: they lost the role; or a 401 to a fresh token): nothing is burned. The row goes back to queued without
 *     counting as a failure, the delegation is marked as needing renewal, and no row is sent until a Security
 *     Administrator renews it (or stops writing as that person); each drain meanwhile reports the waiting rows
 *     (`waiting`, `delegationNeedsRenewal`).
 *
 * Throttling: the outbox schedules retries itself (Retry-After, else exponential backoff, kept in
 * next_attempt_at), so a throttled row waits without holding a worker and the other rows go on. Give it a client
 * that returns 429/503 at once, with `maxRetryAfterSeconds: 0`.
 */
import { fullJitter } from '../ports/retry.ts'
import { currentState, isDeviceControl } from '../ports/graph/control-state.ts'
import { GraphRequestError, type SecureScoreClient } from '../ports/graph/secure-score-client.ts'
import { DelegationNeedsRenewal } from '../security/write-back-delegation.ts'
import { NO_RESOLUTION_NOTES } from './tickets.ts'
import { APP_ONLY_REFUSED, type WriteBackDelegate, type WriteBackRow, type WriteBackSettings, type WriteBackState } from '../store/outbox.ts'
import type { OutcomeObserver, StoredTicket, TenantStore } from '../store/store.ts'

/** Graph documents no limit for `comment`; the portal's box is short, so the notes are cut to keep it readable. */
export const MAX_WRITE_BACK_COMMENT = 500
export const READ_ONLY_REASON = 'read-only: the app lacks SecurityEvents.ReadWrite.All'
export const WRITE_BACK_OFF_REASON = 'write-back off: turned off for this tenant on the Manage page'
const PARALLEL = 4
/** After this many transient failures (429s not counted) a row stops (failed), so a broken Graph does not keep it
 * pending forever. */
const MAX_FAILURES = 12
const BACKOFF_BASE_MS = 1000
const BACKOFF_CAP_MS = 5 * 60_000
/** drain() waits for rows due within this long (a Retry-After); later ones are left to the next drain. */
const HOLD_MS = 10_000

export interface WriteBackTarget {
    state: WriteBackState
    comment: string
    /** Null: left as it is in Graph. */
    assignedTo: string | null
}

/** What an outcome change asks Secure Score for; null when it asks for nothing. */
export function writeBackTarget(previous: StoredTicket | null, current: StoredTicket, settings: WriteBackSettings): WriteBackTarget | null {
    const before = previous?.outcome ?? 'open'
    const now = current.outcome ?? 'open'
    if (now === 'resolved') {
        const notes = (current.resolution?.notes ?? '').trim()
        const resolver = current.resolution?.resolvedBy || null
        // The connector names the resolver when ServiceNow recorded one; otherwise the assignee is the best guess,
        // and the comment says so, so nobody reads it as the resolver.
        const assignedTo = resolver ?? current.assignedTo ?? null
        const guess = !resolver && assignedTo ? ` (no resolver recorded; assigned to the ticket's assignee ${assignedTo})` : ''
        return { state: 'ThirdParty', comment: clip(`Resolved in ServiceNow ${current.number}${notes ? ': ' + notes : ` (${NO_RESOLUTION_NOTES})`}`, guess), assignedTo }
    }
    if (now === 'open' && before === 'resolved') return { state: 'Default', comment: `Reopened in ServiceNow ${current.number}`, assignedTo: null }
    if ((now === 'cancelled' || now === 'unsuccessful') && settings.unresolvedSendsDefault) {
        return { state: 'Default', comment: `ServiceNow ${current.number} ${now === 'cancelled' ? 'was cancelled' : 'closed unsuccessfully'}`, assignedTo: null }
    }
    return null
}

/** The text cut to fit with its suffix, which is kept whole. */
function clip(text: string, suffix: string): string {
    const room = MAX_WRITE_BACK_COMMENT - suffix.length
    return (text.length > room ? text.slice(0, room - 1) + '…' : text) + suffix
}

/** Queues the write-back of an outcome change; runs inside the ticket merge's transaction (store.observeOutcomes). */
export function writeBackObserver(options: { store: TenantStore; now?: () => Date }): OutcomeObserver {
    const { store } = options
    const now = options.now ?? (() => new Date())
    return (previous, current) => {
        const settings = store.outbox.settings()
        const target = writeBackTarget(previous, current, settings)
        if (!target) return
        // The share that made the ticket names the control; a ticket not shared from here has none.
        const share = store.shareByTaskId(current.taskId)
        if (!share) return
        store.outbox.enqueue({
            controlId: share.controlId,
            ticketNumber: current.number,
            ...target,
            skipReason: skipReason(store, share.controlId, settings),
            at: now().toISOString(),
        })
    }
}

function skipReason(store: TenantStore, controlId: string, settings: WriteBackSettings): string | null {
    if (isDeviceControl(controlId)) return 'device control: Graph cannot set its state; Defender Vulnerability Management does'
    if (!settings.enabled) return WRITE_BACK_OFF_REASON
    // A read-only app still writes through its delegate: the person's delegated permission is what Graph checks.
    if (store.secureScore.status().readOnly && !store.outbox.delegate()) return READ_ONLY_REASON
    return null
}

/** What a row waiting for the delegation's renewal says (ticket page, and the row's reason). */
export function delegationWaitText(delegate: WriteBackDelegate): string {
    return `waiting: writing as ${delegate.upn} needs renewing by a Security Administrator (Manage page, Write back as me)`
}

export interface DrainResult {
    done: number
    skipped: number
    failed: number
    /** Transient failures put back to queued (a row may count more than once). */
    requeued: number
    /** Rows held until the delegation is renewed (not failures). */
    waiting: number
    /** Why writing as the delegate stopped, when it did: the drain's log line is a warning then. */
    delegationNeedsRenewal: string | null
}

export interface WriteBackOptions {
    store: TenantStore
    /** Best with `maxRetryAfterSeconds: 0`: the outbox waits out Retry-After itself (see above). */
    graph: SecureScoreClient
    /** The same, writing with the tenant's write-back delegate's token (graph-ports.ts); without it, only the app writes. */
    delegatedGraph?: SecureScoreClient | null
    log: (line: string) => void
    /** Told of every scheduled drain once it ends: its result, or the error it failed with (the server's job log line). */
    onDrain?: (outcome: { result: DrainResult } | { error: unknown }, ms: number) => void
    now?: () => Date
    sleep?: (ms: number) => Promise<void>
}

export interface WriteBack {
    drain(): Promise<DrainResult>
    start(intervalMs: number, firstAfterMs?: number): void
    stop(): Promise<void>
    settings(): WriteBackSettings
    saveSettings(settings: WriteBackSettings): void
}

export function createWriteBack(options: WriteBackOptions): WriteBack {
    const { store, graph, log } = options
    const tenantId = store.tenantId
    const outbox = store.outbox
    const now = options.now ?? (() => new Date())
    const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
    let running: Promise<DrainResult> | null = null
    let stopping = false
    let timer: NodeJS.Timeout | null = null
    let wakeStop: () => void = () => {}
    const stopped = new Promise<void>((resolve) => (wakeStop = resolve))

    /** The person the write-back runs as, when one is set and this bridge can write as them. */
    const delegateNow = (): WriteBackDelegate | null => (options.delegatedGraph ? outbox.delegate() : null)
    /** No row is sent while the delegate's tokens are refused: a send would only be refused again. */
    const held = (): boolean => !!delegateNow()?.needsRenewal

    async function send(row: WriteBackRow, result: DrainResult): Promise<void> {
        const at = () => now().toISOString()
        const settings = outbox.settings()
        const skip = skipReason(store, row.controlId, settings)
        if (skip) {
            outbox.finish(row.id, 'skipped', skip, at())
            result.skipped++
            return
        }
        const delegate = delegateNow()
        const writer = delegate ? (options.delegatedGraph as SecureScoreClient) : graph
        let patching = false
        try {
            const profile = await graph.getControlProfile(tenantId, row.controlId)
            const newest = currentState(profile)
            if ((newest?.state ?? 'Default') === row.state) {
                // A PATCH of this row may have reached Graph before (a lost answer, a stop after the PATCH).
                const ours = row.attempts > 0 && newest?.comment === row.comment
                const writtenBy = ours && delegate && newest?.updatedBy === delegate.upn ? delegate.upn : null
                outbox.finish(row.id, ours ? 'done' : 'skipped', ours ? null : `already in state ${row.state}`, at(), writtenBy)
                if (ours) result.done++
                else result.skipped++
                return
            }
            outbox.markSending(row.id)
            patching = true
            await writer.updateControlState(tenantId, row.controlId, { state: row.state, comment: row.comment, ...(row.assignedTo ? { assignedTo: row.assignedTo } : {}) })
            const writtenAt = at()
            outbox.finish(row.id, 'done', null, writtenAt, delegate?.upn ?? null)
            result.done++
            // The pages show the written state at once; the next refresh replaces this entry with Graph's own.
            if (store.secureScore.profile(row.controlId)) {
                const written = { assignedTo: row.assignedTo ?? newest?.assignedTo ?? null, comment: row.comment, state: row.state, updatedBy: delegate?.upn ?? null, updatedDateTime: writtenAt }
                store.secureScore.replaceProfile({ ...profile, controlStateUpdates: [...(profile.controlStateUpdates ?? []), written] })
            }
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error)
            // A 401 here came after a fresh token (the client renews once): Graph refuses the person's tokens outright.
            if (delegate && patching && (error instanceof DelegationNeedsRenewal || (error instanceof GraphRequestError && (error.status === 401 || error.status === 403)))) {
                // Not the row's fault, and no other row would fare better: it waits, uncounted, for the renewal.
                outbox.delegateNeedsRenewal(renewalReason(delegate, error), at())
                outbox.requeue(row.id, delegationWaitText(delegate), at(), false)
                result.waiting++
                log(`write-back ${row.controlId} (${row.ticketNumber}) waits: ${renewalReason(delegate, error)}`)
                return
            }
            if (error instanceof GraphRequestError && error.permanent) {
                outbox.finish(row.id, 'failed', refusal(error), at())
                result.failed++
                log(`write-back ${row.controlId} (${row.ticketNumber}) failed: ${message}`)
                return
            }
            // A 429 is Graph pacing the tenant, not the row failing: it waits its Retry-After without counting.
            const throttled = error instanceof GraphRequestError && error.status === 429
            const failures = row.failures + (throttled ? 0 : 1)
            if (failures >= MAX_FAILURES) {
                outbox.finish(row.id, 'failed', `gave up after ${failures} transient failures: ${message}`, at())
                result.failed++
                return
            }
            const retryAfter = error instanceof GraphRequestError ? error.retryAfterSeconds : null
            // Full jitter on the backoff, so a tenant's throttled rows do not all come back in the same instant.
            const waitMs = retryAfter !== null ? retryAfter * 1000 : fullJitter(failures, BACKOFF_BASE_MS, BACKOFF_CAP_MS)
            outbox.requeue(row.id, message, new Date(now().getTime() + waitMs).toISOString(), !throttled)
            result.requeued++
        }
    }

    async function drainOnce(): Promise<DrainResult> {
        const result: DrainResult = { done: 0, skipped: 0, failed: 0, requeued: 0, waiting: 0, delegationNeedsRenewal: null }
        const busy = new Set<string>()
        const worker = async (): Promise<void> => {
            while (!stopping && !held()) {
                const row = outbox.nextDue(now().toISOString(), [...busy])
                if (!row) {
                    // Nothing due now: wait for a row due soon (a Retry-After), unless the others are still
                    // sending (their controls may hold the next row) or the next one is far off.
                    const next = outbox.nextAttemptAt()
                    if (next === null) return
                    const waitMs = Date.parse(next) - now().getTime()
                    if (busy.size === 0 && waitMs > HOLD_MS) return
                    await Promise.race([sleep(Math.max(10, Math.min(waitMs, busy.size > 0 ? 50 : waitMs))), stopped])
                    continue
                }
                busy.add(row.controlId)
                try {
                    await send(row, result)
                } finally {
                    busy.delete(row.controlId)
                }
            }
        }
        await Promise.all(Array.from({ length: PARALLEL }, worker))
        const renewal = delegateNow()?.needsRenewal ?? null
        if (renewal) {
            result.waiting = outbox.openCount()
            result.delegationNeedsRenewal = renewal
        }
        return result
    }

    const writeBack: WriteBack = {
        drain() {
            // One drain at a time: a second caller shares the running one.
            if (!running) {
                running = drainOnce().finally(() => {
                    running = null
                })
            }
            return running
        },
        start(intervalMs, firstAfterMs = 0) {
            if (timer) return
            const tick = () => {
                const started = Date.now()
                writeBack.drain().then(
                    (r) => {
                        if (options.onDrain) options.onDrain({ result: r }, Date.now() - started)
                        else if (r.done + r.skipped + r.failed > 0) log(`write-back: ${r.done} written, ${r.skipped} skipped${r.failed > 0 ? `, ${r.failed} failed` : ''}`)
                    },
                    (error: unknown) => {
                        if (options.onDrain) options.onDrain({ error }, Date.now() - started)
                        else log(`write-back drain failed: ${error instanceof Error ? error.message : String(error)}`)
                    },
                )
            }
            // Many tenants' write-backs started together are given different first drains, so their timers do not
            // all fire in one instant (bench/README.md measured 1,000 at once stalling the event loop).
            timer = setTimeout(() => {
                if (stopping) return
                tick()
                timer = setInterval(tick, intervalMs)
            }, firstAfterMs)
        },
        async stop() {
            stopping = true
            wakeStop()
            if (timer) clearInterval(timer)
            timer = null
            if (running) await running.catch(() => undefined)
        },
        settings: () => outbox.settings(),
        saveSettings: (settings) => outbox.saveSettings(settings),
    }
    return writeBack
}

/** A permanent refusal in words for the ticket page. */
function refusal(error: GraphRequestError): string {
    // A row is sent app-only only while the last refresh saw SecurityEvents.ReadWrite.All in the token's roles (else
    // it is skipped as read-only), so a 403 here is Graph refusing a permitted app; Graph's wording is not relied on.
    if (error.status === 403) {
        return `${APP_ONLY_REFUSED} (403), although the app held SecurityEvents.ReadWrite.All at the last refresh: Microsoft may refuse state updates made with an app-only token, or the permission was removed since. A Security Administrator can choose "Write back as me" on the Manage page to write as themselves; this update is then sent again. ${error.message}`
    }
    return `Graph refused the update (${error.status}): ${error.message}`
}

/** Why Microsoft stopped accepting the delegate, in words for the Manage page and the log. */
function renewalReason(delegate: WriteBackDelegate, error: unknown): string {
    if (error instanceof DelegationNeedsRenewal) {
        return `Microsoft refused ${delegate.upn}'s sign-in for the write-back (${error.code}: it expired, was revoked, or their password was reset)`
    }
    const status = error instanceof GraphRequestError ? error.status : 0
    return status === 403
        ? `Graph refused the update written as ${delegate.upn} (403): they may no longer hold the Security Administrator role`
        : `Graph refused ${delegate.upn}'s token for the update (${status})`
}
