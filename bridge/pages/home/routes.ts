/**
 * Home and connecting: GET / (the "Do you use ServiceNow?" card, or the cards), POST /sync, GET /tickets (a card's
 * "View all"), POST /connect and /reauthorize (to the instance's consent), GET /oauth/callback.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { tenantActions } from '../../domain/actions.ts'
import { validateConnect } from '../../domain/connection.ts'
import { controlsWithOpenTicket } from '../../domain/shares.ts'
import { ConsentError, instanceProblem, plainError } from '../../ports/servicenow/link.ts'
import type { StoredConnection, TenantStore } from '../../store/store.ts'
import { str, type Body, type PageDeps } from '../context.ts'
import { messagePage, type FieldErrors, type Notice } from '../layout.ts'
import { ticketListPage } from '../tickets/list-view.ts'
import { homePage, type ConnectFormValues, type ScorePanel } from './views.ts'

/** How long the instance check before consent waits for an answer. */
const INSTANCE_CHECK_TIMEOUT_MS = 10_000

/**
 * Right after connecting, the browser is signed in to the instance as the integration user (who allowed access on the
 * consent page, often after "Not you?"): say so, and offer the instance's logout.
 */
function connectedNotice(connection: StoredConnection): Notice {
    return {
        kind: 'success',
        text: 'ServiceNow is connected. Share an improvement action to create a ticket. Your browser is still signed in to ServiceNow as the integration user that allowed access.',
        link: { href: connection.instanceUrl + '/logout.do', text: 'Sign out of ServiceNow' },
    }
}

export function registerHomeRoutes(app: FastifyInstance, deps: PageDeps): void {
    const scorePanel = (store: TenantStore): ScorePanel => {
        const open = controlsWithOpenTicket(store.listShares(), store.listTickets())
        const atStake = tenantActions(store).filter((action) => open.has(action.id))
        return {
            scores: store.secureScore.scores(),
            status: store.secureScore.status(),
            pointsAtStake: atStake.reduce((sum, action) => sum + action.toGain, 0),
            openTickets: atStake.length,
        }
    }

    const renderHome = async (request: FastifyRequest, reply: FastifyReply, form?: { values: ConnectFormValues; errors: FieldErrors }) => {
        const { store, link, tenantId, tenantName } = deps.tenant(request)
        const syncError = form ? null : await deps.syncQuietly(request)
        const connection = store.getConnection()
        const body = homePage({
            score: scorePanel(store),
            connection,
            connectForm: form?.values ?? { instanceUrl: '', clientId: '', tenantId, tenantName },
            redirectUri: link.redirectUri,
            tickets: connection ? store.listTickets() : [],
            states: store.getStates(),
            lastSync: store.get('last_sync_at'),
            syncError,
            errors: form?.errors,
        })
        const notice = str((request.query as Body).notice) === 'connected' && connection ? connectedNotice(connection) : deps.noticeFrom(request)
        return deps.page(reply, 'Home', 'home', body, { status: form && Object.keys(form.errors).length ? 400 : 200, notice })
    }

    app.get('/', (request, reply) => renderHome(request, reply))

    app.post('/sync', async (request, reply) => {
        const error = await deps.syncQuietly(request)
        return reply.redirect(error ? '/' : '/?notice=synced', 303)
    })

    app.get('/tickets', async (request, reply) => {
        const type = str((request.query as Body).type) === 'incident' ? 'incident' : 'change'
        const { store } = deps.tenant(request)
        if (!store.getConnection()) return reply.redirect('/', 303)
        const syncError = await deps.syncQuietly(request)
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
        const { tenantId, link } = deps.tenant(request)
        const { errors, instanceUrl } = validateConnect(values, tenantId)
        if (Object.keys(errors).length || !instanceUrl) return renderHome(request, reply, { values, errors })
        const problem = await instanceProblem(instanceUrl, INSTANCE_CHECK_TIMEOUT_MS, deps.log)
        if (problem) return renderHome(request, reply, { values, errors: { instanceUrl: problem } })
        const authorizeUrl = link.beginConsent({ ...values, instanceUrl })
        deps.log('consent started for ' + instanceUrl)
        return reply.redirect(authorizeUrl, 303)
    })

    app.post('/reauthorize', async (request, reply) => {
        const { store, link } = deps.tenant(request)
        if (!store.getConnection()) return reply.redirect('/', 303)
        return reply.redirect(link.beginReauthorization(), 303)
    })

    app.get('/oauth/callback', async (request, reply) => {
        const q = request.query as Body
        const { store, link, user } = deps.tenant(request)
        try {
            await link.completeConsent(
                { state: str(q.state), code: str(q.code) || undefined, error: str(q.error) || undefined, errorDescription: str(q.error_description) || undefined },
                user.upn,
            )
        } catch (error) {
            if (!(error instanceof ConsentError)) deps.log('consent failed: ' + (error as Error).message)
            const message = plainError(error)
            const kept = store.getConnection()
            // A refused client secret on a first connection: the form again, everything but the secret kept.
            if (error instanceof ConsentError && error.refill && !kept) {
                return renderHome(request, reply, { values: error.refill, errors: { clientSecret: message } })
            }
            const page = kept
                ? messagePage('ServiceNow was not re-authorized', message, { href: '/manage', text: 'Back to Manage ServiceNow configuration' })
                : messagePage('ServiceNow was not connected', message, { href: '/', text: 'Back to Home to connect again' })
            return deps.page(reply, 'Connect ServiceNow', 'home', page, { status: 400 })
        }
        await deps.syncQuietly(request)
        return reply.redirect('/?notice=connected', 303)
    })
}
