/**
 * Improvement actions: GET /actions (filters: category, state, ticket=yes|no; sort=rank|to-gain), GET /actions/:id,
 * POST /actions/refresh ("Refresh now").
 */
import type { FastifyInstance } from 'fastify'
import { ACTION_STATES, CATEGORY_LABELS, filterActions, sortActions, tenantAction, tenantActions, type ActionCategory, type ActionState } from '../../domain/actions.ts'
import type { TenantStore } from '../../store/store.ts'
import { str, type Body, type PageDeps } from '../context.ts'
import { messagePage } from '../layout.ts'
import { actionPage, actionsPage } from './views.ts'

/** Only the bridge's own pages are returned to after a refresh. */
function localPath(value: string): string {
    return /^\/(?!\/)[^\s\\]*$/.test(value) ? value : '/actions'
}

export function registerActionRoutes(app: FastifyInstance, deps: PageDeps): void {
    const connected = (store: TenantStore) => {
        const connection = store.getConnection()
        return !!connection && connection.status !== 'needs_reauthorization'
    }

    app.get('/actions', async (request, reply) => {
        const q = request.query as Body
        const category = str(q.category)
        const state = str(q.state)
        const ticket = str(q.ticket)
        const filter = {
            category: Object.hasOwn(CATEGORY_LABELS, category) ? (category as ActionCategory) : null,
            state: (ACTION_STATES as readonly string[]).includes(state) ? (state as ActionState) : null,
            hasTicket: ticket === 'yes' ? true : ticket === 'no' ? false : null,
        }
        const sort = str(q.sort) === 'to-gain' ? 'to-gain' : 'rank'
        const { store } = deps.tenant(request)
        await deps.syncQuietly(request)
        const shares = store.listShares()
        const withTicket = new Set(shares.filter((s) => s.status === 'sent' && s.ticketNumber).map((s) => s.controlId))
        const all = tenantActions(store)
        const body = actionsPage({
            actions: sortActions(filterActions(all, filter, (id) => withTicket.has(id)), sort),
            total: all.length,
            filter,
            sort,
            connected: connected(store),
            shares,
            tickets: store.listTickets(),
            status: store.secureScore.status(),
            returnTo: request.url,
        })
        return deps.page(reply, 'Improvement actions', 'actions', body, { notice: deps.noticeFrom(request) })
    })

    app.post('/actions/refresh', async (request, reply) => {
        const result = await deps.refresher.refresh(deps.tenant(request).tenantId)
        const back = localPath(str((request.body as Body).returnTo))
        const notice = result.outcome === 'full' ? 'refreshed' : result.outcome === 'partial' ? 'refresh-partial' : 'refresh-failed'
        const target = new URL(back, 'http://bridge.invalid')
        target.searchParams.set('notice', notice)
        return reply.redirect(target.pathname + target.search, 303)
    })

    app.get('/actions/:id', async (request, reply) => {
        const id = (request.params as Body).id ?? ''
        const { store } = deps.tenant(request)
        const action = tenantAction(store, id)
        if (!action) return deps.page(reply, 'Not found', 'actions', messagePage('No such improvement action', 'There is no improvement action ' + id + '.', { href: '/actions', text: 'Back to improvement actions' }), { status: 404 })
        await deps.syncQuietly(request)
        return deps.page(reply, action.title, 'actions', actionPage({ action, connected: connected(store), shares: store.listShares(), tickets: store.listTickets(), status: store.secureScore.status(), returnTo: request.url.split('?')[0] }), { notice: deps.noticeFrom(request) })
    })
}
