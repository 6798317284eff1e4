/**
 * The improvement actions page: GET /actions.
 */
import type { FastifyInstance } from 'fastify'
import { IMPROVEMENT_ACTIONS } from '../../domain/fixture-interim.ts'
import type { PageDeps } from '../context.ts'
import { actionsPage } from './views.ts'

export function registerActionRoutes(app: FastifyInstance, deps: PageDeps): void {
    app.get('/actions', async (request, reply) => {
        const connection = deps.store.getConnection()
        await deps.syncQuietly()
        const body = actionsPage(IMPROVEMENT_ACTIONS, !!connection && connection.status !== 'needs_reauthorization', deps.store.listShares(), deps.store.listTickets())
        return deps.page(reply, 'Improvement actions', 'actions', body, { notice: deps.noticeFrom(request) })
    })
}
