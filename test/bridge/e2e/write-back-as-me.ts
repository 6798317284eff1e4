/**
 * What the write-back-as-me tests share: "Write back as me" started from the Manage page over HTTP, the account
 * picked on the Graph stand-in's page, and a page's main text.
 */
import type { GraphServer } from '../../../emulator/graph/server.ts'
import { call, form, objectIdOf, type HttpAnswer } from '../../emulator/graph/support.ts'
import type { BridgeBrowser, TestBridge } from '../../support/bridge-harness'

/** POST /manage/write-back/as-me as `browser`'s person: the path (and query) of the authorize URL the bridge sends them to. */
export async function startWriteBackAsMe(browser: BridgeBrowser, bridge: TestBridge): Promise<string> {
    const started = await browser.request(bridge.url + '/manage/write-back/as-me', { form: {} })
    expect(started.status).toBe(303)
    const authorize = new URL(started.location as string)
    return authorize.pathname + authorize.search
}

/** `upn` picked on the stand-in's sign-in page at `authorizePath` (extra fields: e.g. decision=cancel): its answer. */
export function pickAt(graph: GraphServer, authorizePath: string, upn: string, extra: { [field: string]: string } = {}): Promise<HttpAnswer> {
    return call(graph, 'POST', authorizePath, form({ login: objectIdOf(graph, upn), ...extra }))
}

/** The path and query of the bridge URL an answer of the stand-in redirects to. */
export function redirectedTo(answer: HttpAnswer): string {
    expect(answer.status).toBe(302)
    const back = new URL(String(answer.headers.location))
    return back.pathname + back.search
}

/** A page's main text, tags taken out and spaces folded (entities stay as the page wrote them). */
export const mainText = (html: string): string => (/<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()
