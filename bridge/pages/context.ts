/**
 * What every page's routes are given: the signed-in person's tenant (its store, its ServiceNow link) and the helpers
 * that render a page in the bridge's frame. Routes translate between HTTP and the domain; they hold no state of their
 * own, and never pick a tenant: `deps.tenant(request)` is the session's, decided by the server before any route runs.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { SecureScoreRefresher } from '../domain/refresh.ts'
import type { ServiceNowLink } from '../ports/servicenow/link.ts'
import type { TenantStore } from '../store/store.ts'
import type { PageContext } from './layout.ts'

export type Body = { [name: string]: string | undefined }

/** The signed-in person and their tenant, for one request. */
export interface TenantContext {
    tenantId: string
    tenantName: string
    /** The tenant's rows: every query a route makes goes through it. */
    store: TenantStore
    /** The link to the tenant's ServiceNow instance. */
    link: ServiceNowLink
    /** The signed-in person: connectedBy, requestedBy and a comment's author are their UPN. */
    user: { upn: string; name: string; canAct: boolean; /** Joins and removes the tenant. */ globalAdministrator: boolean }
}

export interface PageDeps {
    /** The request's tenant, from its session (the server refuses a request without one before any route). */
    tenant(request: FastifyRequest): TenantContext
    refresher: SecureScoreRefresher
    log(line: string): void
    /** A page of the bridge's frame, with the notice named by `?notice=`. */
    page(reply: FastifyReply, title: string, current: PageContext['current'], body: string, options?: { status?: number; notice?: PageContext['notice'] }): FastifyReply
    noticeFrom(request: FastifyRequest): PageContext['notice']
    /** A delta sync of the request's tenant's tickets; the error's text, or null. Never throws. */
    syncQuietly(request: FastifyRequest): Promise<string | null>
    /**
     * "Write back as me": Microsoft's authorize URL for the request's signed-in person (delegated
     * SecurityEvents.ReadWrite.All), its state bound to their session; the answer comes back to /auth/callback.
     */
    writeBackAsMe(request: FastifyRequest): Promise<string>
    /** Drains the tenant's write-back outbox now rather than at the next tick (logged as every drain is). */
    drainSoon(tenantId: string): void
}

/** One form or query value as a string ('' when absent or not a string). */
export function str(value: unknown): string {
    return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : ''
}
