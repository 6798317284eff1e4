/**
 * Home and connecting: GET / (the "Do you use ServiceNow?" card, or the cards), POST /sync, GET /tickets (a card's
 * "View all"), POST /connect and /reauthorize (to the instance's consent), GET /oauth/callback.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { tenantActions } from '../../domain/actions.ts'
import { validateConnect } from '../../domain/connection.ts'
import { controlsWithOpenTicket } from '../../domain/shares.ts'
import { ConsentError } from '../../ports/servicenow/link.ts'
import { errorText, str, type Body, type PageDeps } from '../context.ts'
import { messagePage, type FieldErrors } from '../layout.ts'
import { ticketListPage } from '../tickets/list-view.ts'
import { homePage, type ConnectFormValues, type ScorePanel } from './views.ts'

export function registerHomeRoutes(app: FastifyInstance, deps: PageDeps): void {
    const { store } = deps

    const scorePanel = (): ScorePanel => {
        const open = controlsWithOpenTicket(store.listShares(), store.listTickets())
        const atStake = tenantActions(store, deps.tenantId).filter((action) => open.has(action.id))
        return {
            scores: store.secureScore.scores(deps.tenantId),
            status: store.secureScore.status(deps.tenantId),
            pointsAtStake: atStake.reduce((sum, action) => sum + action.toGain, 0),
            openTickets: atStake.length,
        }
    }

    const renderHome = async (request: FastifyRequest, reply: FastifyReply, form?: { values: ConnectFormValues; errors: FieldErrors }) => {
        const syncError = form ? null : await deps.syncQuietly()
        const connection = store.getConnection()
        const body = homePage({
            score: scorePanel(),
            connection,
            connectForm: form?.values ?? { instanceUrl: '', clientId: '', ...deps.tenantDefaults },
            redirectUri: deps.link().redirectUri,
            tickets: connection ? store.listTickets() : [],
            states: store.getStates(),
            lastSync: store.get('last_sync_at'),
            syncError,
            errors: form?.errors,
        })
        return deps.page(reply, 'Home', 'home', body, { status: form && Object.keys(form.errors).length ? 400 : 200, notice: deps.noticeFrom(request) })
    }

    app.get('/', (request, reply) => renderHome(request, reply))

    app.post('/sync', async (_request, reply) => {
        const error = await deps.syncQuietly()
        return reply.redirect(error ? '/' : '/?notice=synced', 303)
    })

    app.get('/tickets', async (request, reply) => {
        const type = str((request.query as Body).type) === 'incident' ? 'incident' : 'change'
        if (!store.getConnection()) return reply.redirect('/', 303)
        const syncError = await deps.syncQuietly()
        const title = type === 'change' ? 'Change management' : 'Incident management'
        return deps.page(reply, title, 'home', ticketListPage(type, store.listTickets(type), store.getStates()?.[type], syncError))
    })

    app.post('/connect', async (request, reply) => {
        const body = request.body as Body
        const values = {
            instanceUrl: str(body.instanceUrl),
            clientId: str(body.clientId).trim(),
            clientSecret: str(body.clientSecret),
            tenantId: str(body.tenantId).trim().toLowerCase(),
            tenantName: str(body.tenantName).trim(),
        }
        const { errors, instanceUrl } = validateConnect(values, deps.tenantId)
        if (Object.keys(errors).length || !instanceUrl) return renderHome(request, reply, { values, errors })
        const authorizeUrl = deps.link().beginConsent({ ...values, instanceUrl })
        deps.log('consent started for ' + instanceUrl)
        return reply.redirect(authorizeUrl, 303)
    })

    app.post('/reauthorize', async (_request, reply) => {
        if (!store.getConnection()) return reply.redirect('/', 303)
        return reply.redirect(deps.link().beginReauthorization(), 303)
    })

    app.get('/oauth/callback', async (request, reply) => {
        const q = request.query as Body
        try {
            await deps.link().completeConsent({ state: str(q.state), code: str(q.code) || undefined, error: str(q.error) || undefined, errorDescription: str(q.error_description) || undefined })
        } catch (error) {
            const message = error instanceof ConsentError ? error.message : 'The connection could not be completed: ' + errorText(error)
            return deps.page(reply, 'Connect ServiceNow', 'home', messagePage('ServiceNow was not connected', message), { status: 400 })
        }
        await deps.syncQuietly()
        return reply.redirect('/?notice=connected', 303)
    })
}
