/**
 * Overload — measures the APP and the Microsoft 365 side's client together against the LOCAL INSTANCE's API_INT-like
 * semaphore (4 threads, queue of 50, then 429 with Retry-After: emulator/instance/http/semaphore.ts): 200 shares
 * sent at once through the Microsoft 365 side's own share flow (ServiceNowLink.sendShare over
 * bridge/ports/servicenow/http-client.ts, OAuth bearer token), every one must land exactly once.
 *
 *   npm run bench:overload    BENCH_OVERLOAD_SHARES (default 200), BENCH_OVERLOAD_THREADS (4), BENCH_OVERLOAD_QUEUE (50),
 *                             BENCH_OVERLOAD_HOLD_MS (default 50)
 *
 * Each request holds its thread at least BENCH_OVERLOAD_HOLD_MS (--api-hold-ms), standing for a real instance's
 * transaction time: the local instance answers POST /tasks in a few ms, and without the hold the client's 200 sends,
 * spread over ~100 ms by connection set-up, never fill 4 threads and 50 queue places on this machine.
 *
 * Checked: every share ends "sent"; the instance holds exactly one ticket per share's task id (no duplicate, no
 * loss) and no other; every 429 was answered by a retry no earlier than its Retry-After (each attempt's send and
 * answer times are recorded by wrapping fetch in this process). Reported: time to drain (first send to last share
 * landed), 429s, retries, replays (a retry answered 200: the ticket existed), attempts per share.
 */
import { randomBytes } from 'node:crypto'
import { createSecretBox, secretKeyFromBytes } from '../bridge/security/secret-box.ts'
import { SecretRegistry } from '../bridge/security/secret-registry.ts'
import { BridgeStore } from '../bridge/store/store.ts'
import { newTaskId, ServiceNowLink } from '../bridge/ports/servicenow/link.ts'
import { describeMachine, envInt, out, pass, percentile, round, table, writeResults } from './lib/common.ts'
import { BENCH_USER, openInstance, prepareDataDir, removeDataDir, spawnServer, tempDataDir, TENANT } from './lib/instance.ts'
import { CHANGE_TABLE, INCIDENT_TABLE } from './lib/seed.ts'
import { sharePayload as basePayload } from './lib/bodies.ts'

/** What share i carries: every fourth an incident, each with its own name. */
function sharePayload(i: number): { [key: string]: unknown } {
    return basePayload({ ticketType: i % 4 === 3 ? 'incident' : 'change', name: `Require MFA for administrative roles (${i})` })
}

const CLIENT = {
    id: 'bench-m365-client',
    secret: 'Bench-Client-Secret-0123456789',
}

interface Attempt {
    taskId: string
    sentAt: number
    answeredAt: number
    status: number
    retryAfterMs: number | null
}

/** Records every POST /tasks attempt the client makes (the client uses the global fetch). */
function recordAttempts(): { attempts: Attempt[]; restore(): void } {
    const attempts: Attempt[] = []
    const original = globalThis.fetch
    globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
        const url = String(input instanceof Request ? input.url : input)
        const sentAt = performance.now()
        const response = await original(input, init)
        if (url.endsWith('/connector/tasks') && typeof init?.body === 'string') {
            const retryAfter = response.headers.get('retry-after')
            attempts.push({
                taskId: String(JSON.parse(init.body).taskId),
                sentAt,
                answeredAt: performance.now(),
                status: response.status,
                retryAfterMs: retryAfter === null ? null : Number(retryAfter) * 1000,
            })
        }
        return response
    }
    return { attempts, restore: () => (globalThis.fetch = original) }
}

async function passwordGrant(url: string): Promise<Record<string, unknown>> {
    const response = await fetch(url + '/oauth_token.do', {
        method: 'POST',
        headers: {
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
        },
        body: new URLSearchParams({
            grant_type: 'password',
            client_id: CLIENT.id,
            client_secret: CLIENT.secret,
            username: BENCH_USER.user,
            password: BENCH_USER.password,
        }),
    })
    const body = (await response.json()) as Record<string, unknown>
    if (response.status !== 200) throw new Error(`Password grant answered ${response.status}: ${JSON.stringify(body)}`)
    return body
}

async function main(): Promise<void> {
    const shares = envInt('BENCH_OVERLOAD_SHARES', 200)
    const threads = envInt('BENCH_OVERLOAD_THREADS', 4)
    const queue = envInt('BENCH_OVERLOAD_QUEUE', 50)
    const holdMs = envInt('BENCH_OVERLOAD_HOLD_MS', 50)
    out(
        `# Overload: ${shares} concurrent shares through the Microsoft 365 client, local instance with ${threads} API_INT threads, a queue of ${queue}, each request holding its thread ≥ ${holdMs} ms (${describeMachine()})`,
    )
    const dataDir = tempDataDir('overload')
    const m365File = new BridgeStore(':memory:', { box: createSecretBox(secretKeyFromBytes(randomBytes(32)), new SecretRegistry()) })
    const m365 = m365File.forTenant(TENANT)
    try {
        prepareDataDir(dataDir)
        const runtime = openInstance(dataDir).runtime
        runtime.store.insert(
            'oauth_entity',
            {
                name: 'Microsoft 365 (benchmark)',
                type: 'client',
                client_id: CLIENT.id,
                client_secret: CLIENT.secret,
                redirect_url: 'http://127.0.0.1/oauth/callback',
                access_token_lifespan: '3600',
                refresh_token_lifespan: '8640000',
                active: 'true',
            },
            'admin',
        )
        runtime.close()
        const server = await spawnServer(dataDir, {
            startArgs: ['--api-threads', String(threads), '--api-queue', String(queue), '--api-hold-ms', String(holdMs)],
        })
        let drainMs: number
        let recorder: ReturnType<typeof recordAttempts>
        const retries: { reason: string; delayMs: number }[] = []
        try {
            const token = await passwordGrant(server.url)
            m365.saveConnection({
                instanceUrl: server.url,
                clientId: CLIENT.id,
                clientSecret: CLIENT.secret,
                tenantId: TENANT,
                tenantName: 'Contoso (overload)',
                token,
                status: 'connected',
                lastError: null,
                connectedAt: new Date().toISOString(),
            })
            // The Microsoft 365 side's client as the server builds it, with its default retry settings.
            const link = new ServiceNowLink({
                store: m365,
                redirectUri: 'http://127.0.0.1/oauth/callback',
                retry: {
                    onRetry: (info) => retries.push({ reason: info.reason, delayMs: info.delayMs }),
                },
            })
            // The connection registered on the instance, as the consent callback does (PUT /connection).
            await link.call('PUT', '/connection', { body: { tenantId: TENANT, tenantName: 'Contoso (overload)', connectedBy: 'secadmin@contoso.onmicrosoft.com' } })
            const ids: string[] = []
            for (let i = 0; i < shares; i++) {
                const id = `overload-${i}`
                m365.createShare({
                    id,
                    taskId: newTaskId('AdminMFAV2'),
                    controlId: 'AdminMFAV2',
                    payload: sharePayload(i),
                })
                ids.push(id)
            }
            recorder = recordAttempts()
            const started = performance.now()
            try {
                await Promise.all(ids.map((id) => link.sendShare(id)))
            } finally {
                recorder.restore()
            }
            drainMs = performance.now() - started
        } finally {
            await server.stop()
        }

        // What landed, read from the instance's database after it stopped.
        const sent = m365.listShares()
        const failed = sent.filter((s) => s.status !== 'sent')
        const instance = openInstance(dataDir).runtime
        const root = instance.store.sqlTable(CHANGE_TABLE)
        const rows = instance.store.all<{ task: string; n: number }>(`SELECT m365_task_id AS task, COUNT(*) AS n FROM ${root} WHERE sys_class_name IN (?, ?) GROUP BY m365_task_id`, [
            CHANGE_TABLE,
            INCIDENT_TABLE,
        ])
        instance.close()
        const landed = new Map(rows.map((r) => [r.task, r.n]))
        const expected = new Set(sent.map((s) => s.taskId))
        const duplicates = rows.filter((r) => r.n > 1).length
        const lost = [...expected].filter((t) => !landed.has(t)).length
        const strangers = rows.filter((r) => !expected.has(r.task)).length

        const attempts = recorder.attempts
        const refused = attempts.filter((a) => a.status === 429)
        // Each 429's next attempt for the same task must start no earlier than the Retry-After after the answer.
        let retriedEarly = 0
        let unretried = 0
        const waits: number[] = []
        for (const a of refused) {
            const next = attempts.filter((b) => b.taskId === a.taskId && b.sentAt >= a.answeredAt).sort((x, y) => x.sentAt - y.sentAt)[0]
            if (!next) {
                unretried++
                continue
            }
            const waited = next.sentAt - a.answeredAt
            waits.push(waited)
            // 5 ms of timer slack: setTimeout may fire that much before the event loop reaches the send.
            if (a.retryAfterMs !== null && waited + 5 < a.retryAfterMs) retriedEarly++
        }
        waits.sort((x, y) => x - y)
        const perShare = new Map<string, number>()
        for (const a of attempts) perShare.set(a.taskId, (perShare.get(a.taskId) ?? 0) + 1)
        const attemptCounts = [...perShare.values()].sort((x, y) => x - y)
        const replays = sent.filter((s) => s.replayed).length
        const exactlyOnce = failed.length === 0 && duplicates === 0 && lost === 0 && strangers === 0 && landed.size === shares
        const retryAfterHonoured = retriedEarly === 0 && unretried === 0

        out()
        out(
            table(
                ['measure', 'value'],
                [
                    ['shares sent at once', shares],
                    ['time to drain (first send → last share landed), s', round(drainMs / 1000, 2)],
                    ['POST /tasks attempts', attempts.length],
                    ['429 answers (semaphore full)', refused.length],
                    ['retries (client)', retries.length],
                    ['retries after a 429', retries.filter((r) => r.reason === 'HTTP 429').length],
                    [
                        'wait after a 429 before the retry, ms: min / p50 / max',
                        waits.length ? `${round(waits[0], 0)} / ${round(percentile(waits, 50), 0)} / ${round(waits[waits.length - 1], 0)}` : '-',
                    ],
                    ['retried before its Retry-After / never retried', `${retriedEarly} / ${unretried}`],
                    ['attempts per share: p50 / max', `${percentile(attemptCounts, 50)} / ${attemptCounts[attemptCounts.length - 1]}`],
                    ['shares replayed (answered 200)', replays],
                    ['shares failed', failed.length],
                    ['tickets on the instance for these task ids / duplicated / lost / unexpected', `${landed.size} / ${duplicates} / ${lost} / ${strangers}`],
                    ['exactly once', pass(exactlyOnce)],
                    ['every 429 retried after its Retry-After', pass(retryAfterHonoured)],
                ],
            ),
        )
        if (failed.length) out(`First failure: ${failed[0].error}`)
        const path = writeResults('overload', {
            shares,
            threads,
            queue,
            holdMs,
            drainSeconds: round(drainMs / 1000, 2),
            attempts: attempts.length,
            status429: refused.length,
            retries: retries.length,
            retriedEarly,
            unretried,
            replays,
            failed: failed.length,
            landed: landed.size,
            duplicates,
            lost,
            strangers,
            exactlyOnce,
            retryAfterHonoured,
            maxAttemptsPerShare: attemptCounts[attemptCounts.length - 1],
        })
        out(`Results: ${path}`)
        if (!exactlyOnce || !retryAfterHonoured) process.exitCode = 1
    } finally {
        m365File.close()
        removeDataDir(dataDir)
    }
}

if (require.main === module) {
    main().catch((error) => {
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
        process.exit(1)
    })
}
