/**
 * What every page's routes are given: the store, the ServiceNow link, and the helpers that render a page in the
 * bridge's frame. Routes translate between HTTP and the domain; they hold no state of their own.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { SecureScoreRefresher } from '../domain/refresh.ts'
import type { ServiceNowLink } from '../ports/servicenow/link.ts'
import type { TenantStore } from '../store/store.ts'
import { layout, type PageContext } from './layout.ts'

export type Body = { [name: string]: string | undefined }

export interface PageDeps {
    store: TenantStore
    /** The link to the connected instance (made once the server knows its own URL). */
    link(): ServiceNowLink
    /** The signed-in security admin: connectedBy and requestedBy. */
    adminUser: string
    tenantDefaults: { tenantId: string; tenantName: string }
    /** The tenant whose Secure Score the pages show. */
    tenantId: string
    refresher: SecureScoreRefresher
    log(line: string): void
    /** A page of the bridge's frame, with the notice named by `?notice=`. */
    page(reply: FastifyReply, title: string, current: PageContext['current'], body: string, options?: { status?: number; notice?: PageContext['notice'] }): FastifyReply
    noticeFrom(request: FastifyRequest): PageContext['notice']
    /** A delta sync of the tickets; the error's text, or null. Never throws. */
    syncQuietly(): Promise<string | null>
}

/** One form or query value as a string ('' when absent or not a string). */
export function str(value: unknown): string {
    return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : ''
}

export function renderPage(deps: Pick<PageDeps, 'store' | 'adminUser' | 'tenantDefaults'>) {
    return (reply: FastifyReply, title: string, current: PageContext['current'], body: string, options: { status?: number; notice?: PageContext['notice'] } = {}) => {
        const connection = deps.store.getConnection()
        const ctx: PageContext = { tenantName: connection?.tenantName ?? deps.tenantDefaults.tenantName, adminUser: deps.adminUser, current, notice: options.notice ?? null }
        return reply
            .code(options.status ?? 200)
            .type('text/html; charset=utf-8')
            .send(layout(title, ctx, body))
    }
}
