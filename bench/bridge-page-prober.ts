/**
 * A reader of `npm run bench:bridge`'s many-tenants run, in its own Node process (forked by bench/bridge.ts with
 * `--import tsx` and NODE_EXTRA_CA_CERTS naming the Graph stand-in's CA, so its fetch trusts the stand-in as a
 * browser given that CA would; TLS checks stay on), so that neither the bridge's event loop nor the Graph
 * stand-in's (in the parent) delays its clock. It does one thing again and again, one at a time with `gapMs`
 * between them, as a person would, and times each to the last byte (process.hrtime.bigint, fetch keep-alive):
 *   page:     signs `signInAs` in once, then reads `path` with that session, as a person reloading it;
 *   sign-in:  a complete sign-in by each of `people` in turn, each in a fresh browser (no cookie): the bridge's
 *             `/` (303 to /signin), its sign-in page, /signin/start (303 to the stand-in's authorize), the stand-in's
 *             sign-in page, the person's account picked there (its form posted: 302 to /auth/callback), the
 *             bridge's /auth/callback (msal redeems the code, the ID token is checked, the session made: 303 to
 *             `/`), and the cards page with the new session.
 * A good answer is 200 and contains `expect` (a sign-in's landing also the person's name as the signed-in user).
 *
 *   parent → { kind: 'probe', task, bridgeUrl, gapMs, warmUp, expect }  `warmUp` rounds (timed apart), then 'warm'
 *   prober → { kind: 'warm', idle: LatencySummary }
 *   parent → { kind: 'measure' }   from now on each round counts
 *   parent → { kind: 'stop' }      the round in flight finishes, then 'probed'
 *   prober → { kind: 'probed', during: LatencySummary, steps, slowest, statuses, problems }
 */
import { Browser, type Page } from '../test/support/browser.ts'
import { decode } from '../test/support/instance-http.ts'
import { summarize, type LatencySummary } from './lib/common.ts'

export type ProbeTask = { kind: 'page'; path: string; signInAs: string } | { kind: 'sign-in'; people: string[] }

export type ProberCommand =
    | {
          kind: 'probe'
          task: ProbeTask
          bridgeUrl: string
          gapMs: number
          warmUp: number
          /** Text a good answer contains (the page really shows what is measured). */
          expect: string
      }
    | { kind: 'measure' }
    | { kind: 'stop' }

export type ProberReply =
    | { kind: 'warm'; idle: LatencySummary }
    | {
          kind: 'probed'
          during: LatencySummary
          /** A sign-in's requests one by one during the refresh, then each side's together (empty for a page). */
          steps: { step: string; latency: LatencySummary }[]
          slowest: SlowRequest[]
          statuses: Record<string, number>
          problems: string[]
      }
    | { kind: 'error'; message: string }

/** A slow round: when it was sent (ms after the first counted round) and how long it took, to see when stalls happen. */
export interface SlowRequest {
    sentAtMs: number
    ms: number
}

/** One round's outcome: the last answer's status (or where it went wrong), and what was wrong with it. */
interface Round {
    status: string
    problem: string | null
    /** Each request of the round by step name, in nanoseconds. */
    steps: [string, bigint][]
}

const SLOWEST_KEPT = 5

let measuring = false
let stopping = false

/** A request timed to the last byte (Browser.request reads the whole body), its latency kept under `step`. */
async function timed(steps: [string, bigint][], step: string, request: Promise<Page>): Promise<Page> {
    const t0 = process.hrtime.bigint()
    const page = await request
    steps.push([step, process.hrtime.bigint() - t0])
    return page
}

function landingProblem(page: Page, expect: string, upn: string): string | null {
    if (page.status !== 200 || !page.html.includes(expect)) return `${page.status} at ${page.url} without "${expect}": ${page.html.slice(0, 200)}`
    if (!page.html.includes(`id="signed-in-user">${upn}<`)) return `${page.url} is not signed in as ${upn}`
    return null
}

/**
 * A complete sign-in of `upn` in a fresh browser, as a person clicks through it, ending on the page `/`. Each
 * answer is checked to be the next step's, so a round that goes astray says where.
 */
async function signIn(browser: Browser, bridgeUrl: string, upn: string, expect: string): Promise<Round & { landing: Page | null }> {
    const steps: [string, bigint][] = []
    const failed = (status: string, page: Page): Round & { landing: null } => ({ status, problem: `${page.status} at ${page.url}: ${page.html.slice(0, 200)}`, steps, landing: null })
    const home = await timed(steps, 'bridge / (no session)', browser.request(bridgeUrl + '/'))
    if (home.status !== 303 || !home.location) return failed('/ without a session', home)
    const signInPage = await timed(steps, 'bridge /signin', browser.request(home.location))
    const start = /<a class="button primary" id="sign-in" href="([^"]+)"/.exec(signInPage.html)?.[1]
    if (signInPage.status !== 200 || !start) return failed('/signin', signInPage)
    const started = await timed(steps, 'bridge /signin/start', browser.request(new URL(decode(start), signInPage.url).toString()))
    if (started.status !== 303 || !started.location) return failed('/signin/start', started)
    const picker = await timed(steps, 'stand-in sign-in page', browser.request(started.location))
    // The account's own form on the page: its action (the authorize URL again) and its hidden login field.
    const form = new RegExp(`<form method="post" action="([^"]+)"><input type="hidden" name="login" value="([^"]+)">[^<]*<button type="submit" data-upn="${upn.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}">`).exec(picker.html)
    if (picker.status !== 200 || !form) return failed('the stand-in sign-in page', picker)
    const picked = await timed(steps, 'stand-in account picked', browser.request(new URL(decode(form[1]), picker.url).toString(), { form: { login: decode(form[2]) } }))
    if (picked.status !== 302 || !picked.location) return failed('the account picked', picked)
    const callback = await timed(steps, 'bridge /auth/callback', browser.request(picked.location))
    if (callback.status !== 303 || !callback.location) return failed('/auth/callback', callback)
    const landing = await timed(steps, 'bridge cards page', browser.request(callback.location))
    return { status: String(landing.status), problem: landingProblem(landing, expect, upn), steps, landing }
}

/** What one round does, made once per task (the page task signs its person in first). */
async function roundOf(command: Extract<ProberCommand, { kind: 'probe' }>): Promise<() => Promise<Round>> {
    const task = command.task
    if (task.kind === 'sign-in') {
        let next = 0
        return () => signIn(new Browser(), command.bridgeUrl, task.people[next++ % task.people.length], command.expect)
    }
    const browser = new Browser()
    const signedIn = await signIn(browser, command.bridgeUrl, task.signInAs, command.expect)
    if (signedIn.problem) throw new Error(`the page reader's sign-in failed at ${signedIn.status}: ${signedIn.problem}`)
    return async () => {
        const steps: [string, bigint][] = []
        const page = await timed(steps, 'page', browser.request(command.bridgeUrl + task.path))
        return { status: String(page.status), problem: page.status !== 200 || !page.html.includes(command.expect) ? `${page.status}: ${page.html.slice(0, 200)}` : null, steps }
    }
}

function total(round: Round): bigint {
    return round.steps.reduce((sum, [, ns]) => sum + ns, 0n)
}

async function probe(command: Extract<ProberCommand, { kind: 'probe' }>): Promise<void> {
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
    const round = await roundOf(command)
    const idle: bigint[] = []
    const during: Round[] = []
    const sentAt: bigint[] = []
    const problems: string[] = []
    let started = 0n
    while (!stopping) {
        const counted = measuring
        const t0 = process.hrtime.bigint()
        const done = await round()
        if (counted) {
            if (started === 0n) started = t0
            during.push(done)
            sentAt.push(t0 - started)
            if (done.problem && problems.length < 5) problems.push(`${done.status}: ${done.problem}`)
        } else if (idle.length < command.warmUp) {
            if (done.problem) throw new Error(`a ${command.task.kind} round before the refresh failed at ${done.status}: ${done.problem}`)
            idle.push(total(done))
            if (idle.length === command.warmUp) process.send?.({ kind: 'warm', idle: summarize(idle, idle.reduce((a, b) => a + b, 0n)) } satisfies ProberReply)
        }
        await sleep(command.gapMs)
    }
    const wall = process.hrtime.bigint() - started
    const statuses: Record<string, number> = {}
    for (const done of during) statuses[done.status] = (statuses[done.status] ?? 0) + 1
    const stepNames = command.task.kind === 'sign-in' ? [...new Set(during.flatMap((done) => done.steps.map(([step]) => step)))] : []
    const steps = stepNames.map((step) => {
        const ns = during.flatMap((done) => done.steps.filter(([name]) => name === step).map(([, t]) => t))
        return { step, latency: summarize(ns, wall) }
    })
    // Each side's requests of one sign-in added up (a step is named by its side first: 'bridge …', 'stand-in …').
    const sideOf = (step: string) => step.split(' ')[0]
    for (const side of new Set(stepNames.map(sideOf))) {
        const sums = during.map((done) => done.steps.filter(([name]) => sideOf(name) === side).reduce((sum, [, ns]) => sum + ns, 0n))
        steps.push({ step: `${side}: its ${stepNames.filter((step) => sideOf(step) === side).length} requests of a sign-in together`, latency: summarize(sums, wall) })
    }
    const slowest = during
        .map((done, i) => ({ sentAtMs: Math.round(Number(sentAt[i]) / 1e6), ms: Math.round(Number(total(done)) / 1e6) }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, SLOWEST_KEPT)
    process.send?.({ kind: 'probed', during: summarize(during.map(total), wall), steps, slowest, statuses, problems } satisfies ProberReply, () => process.exit(0))
}

process.on('message', (command: ProberCommand) => {
    if (command.kind === 'measure') measuring = true
    else if (command.kind === 'stop') stopping = true
    else {
        probe(command).catch((error: unknown) => {
            process.send?.({ kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ProberReply, () => process.exit(1))
        })
    }
})
process.once('disconnect', () => process.exit(1))
