/**
 * Sharing an improvement action: GET and POST /actions/:id/share (the dialog), GET /shares/:id (the result),
 * POST /shares/:id/retry. A share's task id is stored before the first send, so every retry sends it again and
 * the connector replays the ticket instead of making a second one. A share a stopped process left pending is sent
 * again by the next sync (link.sync, run by page loads, its result page's included).
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import { randomBytes } from 'node:crypto'
import { tenantAction, type ImprovementAction } from '../../domain/actions.ts'
import { controlTickets, prefillShare, sharePayload, unappliedEdits, validateShare, type ShareFormValues } from '../../domain/shares.ts'
import { newTaskId } from '../../ports/servicenow/link.ts'
import type { Share, TenantStore } from '../../store/store.ts'
import { str, type Body, type PageDeps } from '../context.ts'
import { messagePage } from '../layout.ts'
import { openTicketPage, SHARE_LABELS, SHARE_RESULT_TITLES, sharePage, shareResultPage } from './views.ts'

const DRAFT_ID = /^[A-Za-z0-9_-]{16,64}$/

export function registerShareRoutes(app: FastifyInstance, deps: PageDeps): void {
    const back = { href: '/actions', text: 'Back to improvement actions' }

    const shareGuard = (store: TenantStore, reply: FastifyReply, id: string): ImprovementAction | null => {
        const action = tenantAction(store, id)
        if (!action) {
            deps.page(reply, 'Not found', 'actions', messagePage('No such improvement action', 'There is no improvement action ' + id + '.', back), { status: 404 })
            return null
        }
        if (!store.getConnection()) {
            reply.redirect('/', 303)
            return null
        }
        return action
    }

    const ticketsOf = (store: TenantStore, controlId: string, draftId: string) => controlTickets(controlId, store.listShares(), store.listTickets(), draftId)

    app.get('/actions/:id/share', async (request, reply) => {
        const { store, user } = deps.tenant(request)
        const action = shareGuard(store, reply, (request.params as Body).id ?? '')
        if (!action) return reply
        // A share is born here: its draft id comes back with the form, so a resubmission is the same share.
        await deps.syncQuietly(request)
        const draftId = randomBytes(18).toString('base64url')
        const { open, lastClosed } = ticketsOf(store, action.id, draftId)
        if (open) return deps.page(reply, 'Share to ServiceNow', 'actions', openTicketPage(action, open))
        return deps.page(reply, 'Share to ServiceNow', 'actions', sharePage(action, draftId, prefillShare(action, user.upn), {}, lastClosed))
    })

    app.post('/actions/:id/share', async (request, reply) => {
        const { store, link, user } = deps.tenant(request)
        const action = shareGuard(store, reply, (request.params as Body).id ?? '')
        if (!action) return reply
        const body = request.body as Body
        const values: ShareFormValues = {
            ticketType: str(body.ticketType),
            priority: str(body.priority),
            name: str(body.name),
            description: str(body.description).replace(/\r\n/g, '\n'),
            dueDate: str(body.dueDate),
            category: str(body.category),
            source: str(body.source),
            // The seed's "User ID that initiates the ticket creation": who is signed in, whatever the form says.
            requestedBy: user.upn,
        }
        let draftId = str(body.draftId)
        if (!DRAFT_ID.test(draftId)) draftId = randomBytes(18).toString('base64url')
        const existing = store.getShare(draftId)
        if (existing && existing.status === 'sent' && existing.controlId === action.id) {
            // This form was shared already (Back, edit, Share): nothing is sent again, and the edits are named.
            const unapplied = unappliedEdits(existing.payload, values)
            if (unapplied.length) {
                return deps.page(reply, 'Already shared', 'actions', shareResultPage(existing, action, unapplied.map((field) => SHARE_LABELS[field])), { status: 409 })
            }
        }
        if (existing && (existing.status === 'sent' || existing.controlId !== action.id)) return reply.redirect('/shares/' + encodeURIComponent(draftId), 303)
        await deps.syncQuietly(request)
        // One open ticket per control; after it is closed, a new one only when the admin confirms it.
        const { open, lastClosed } = ticketsOf(store, action.id, draftId)
        if (open) return deps.page(reply, 'Share to ServiceNow', 'actions', openTicketPage(action, open), { status: 409 })
        const errors = validateShare(values)
        if (lastClosed && str(body.shareAgain) !== 'yes') errors.shareAgain = `Shared before as ${lastClosed.ticket.number}: tick "Share it again" to create a new ticket.`
        if (Object.keys(errors).length) return deps.page(reply, 'Share to ServiceNow', 'actions', sharePage(action, draftId, values, errors, lastClosed), { status: 400 })

        const payload = sharePayload(action, values)
        // The task id is stored before anything is sent: every retry of this share carries it.
        if (existing) store.updateSharePayload(draftId, payload)
        else store.createShare({ id: draftId, taskId: newTaskId(action.id), controlId: action.id, payload })
        await link.sendShare(draftId)
        return reply.redirect('/shares/' + encodeURIComponent(draftId), 303)
    })

    app.get('/shares/:id', async (request, reply) => {
        const { store, link } = deps.tenant(request)
        const id = (request.params as Body).id ?? ''
        let share = store.getShare(id)
        if (!share) return deps.page(reply, 'Not found', 'actions', messagePage('No such share', 'This share is unknown.', back), { status: 404 })
        // Pending and not being sent here: left by a process that stopped. The sync sends it again before the page shows.
        let syncError: string | null = null
        if (share.status === 'pending' && !link.isSending(id)) {
            syncError = await deps.syncQuietly(request)
            share = store.getShare(id) as Share
        }
        const action = { id: share.controlId, title: tenantAction(store, share.controlId)?.title ?? share.controlId }
        return deps.page(reply, SHARE_RESULT_TITLES[share.status], 'actions', shareResultPage(share, action, [], { sending: link.isSending(id), syncError }))
    })

    app.post('/shares/:id/retry', async (request, reply) => {
        const id = (request.params as Body).id ?? ''
        const { store, link } = deps.tenant(request)
        if (!store.getShare(id)) return reply.redirect('/actions', 303)
        if (!store.getConnection()) return reply.redirect('/', 303)
        await link.sendShare(id)
        return reply.redirect('/shares/' + encodeURIComponent(id), 303)
    })
}
