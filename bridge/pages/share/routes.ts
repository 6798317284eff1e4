/**
 * Sharing an improvement action: GET and POST /actions/:id/share (the dialog), GET /shares/:id (the result),
 * POST /shares/:id/retry. A share's task id is stored before the first send, so every retry sends it again and
 * the connector replays the ticket instead of making a second one.
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import { randomBytes } from 'node:crypto'
import { findAction, type ControlProfile } from '../../domain/fixture-interim.ts'
import { prefillShare, validateShare, type ShareFormValues } from '../../domain/shares.ts'
import { newTaskId } from '../../ports/servicenow/link.ts'
import { str, type Body, type PageDeps } from '../context.ts'
import { messagePage } from '../layout.ts'
import { sharePage, shareResultPage, type EarlierShare } from './views.ts'

const DRAFT_ID = /^[A-Za-z0-9_-]{16,64}$/

export function registerShareRoutes(app: FastifyInstance, deps: PageDeps): void {
    const { store } = deps
    const back = { href: '/actions', text: 'Back to improvement actions' }

    const shareGuard = (reply: FastifyReply, id: string): ControlProfile | null => {
        const action = findAction(id)
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

    /** The latest ticket the action was shared as by another share than this draft, with its synced state. */
    const earlierShare = (controlId: string, draftId: string): EarlierShare | null => {
        const share = store.listShares().find((s) => s.controlId === controlId && s.status === 'sent' && s.id !== draftId && s.ticketNumber)
        if (!share) return null
        const ticket = store.listTickets().find((t) => t.number === share.ticketNumber)
        return { ticketNumber: share.ticketNumber as string, state: ticket ? ticket.state.customLabel || ticket.state.label || ticket.state.value : '' }
    }

    app.get('/actions/:id/share', async (request, reply) => {
        const action = shareGuard(reply, (request.params as Body).id ?? '')
        if (!action) return reply
        // A share is born here: its draft id comes back with the form, so a resubmission is the same share.
        const draftId = randomBytes(18).toString('base64url')
        return deps.page(reply, 'Share to ServiceNow', 'actions', sharePage(action, draftId, prefillShare(action), {}, earlierShare(action.id, draftId)))
    })

    app.post('/actions/:id/share', async (request, reply) => {
        const action = shareGuard(reply, (request.params as Body).id ?? '')
        if (!action) return reply
        const body = request.body as Body
        const values: ShareFormValues = {
            ticketType: str(body.ticketType),
            priority: str(body.priority),
            name: str(body.name),
            description: str(body.description).replace(/\r\n/g, '\n'),
            dueDate: str(body.dueDate),
        }
        let draftId = str(body.draftId)
        if (!DRAFT_ID.test(draftId)) draftId = randomBytes(18).toString('base64url')
        const errors = validateShare(values)
        // A second ticket for the same action only when the user confirms it.
        const earlier = earlierShare(action.id, draftId)
        if (earlier && str(body.shareAgain) !== 'yes') errors.shareAgain = `Already shared as ${earlier.ticketNumber}: tick "Share it again" to create a second ticket.`
        if (Object.keys(errors).length) return deps.page(reply, 'Share to ServiceNow', 'actions', sharePage(action, draftId, values, errors, earlier), { status: 400 })

        const existing = store.getShare(draftId)
        if (existing && (existing.status === 'sent' || existing.controlId !== action.id)) return reply.redirect('/shares/' + encodeURIComponent(draftId), 303)
        const payload = {
            ticketType: values.ticketType,
            name: values.name.trim(),
            description: values.description.trim(),
            priority: values.priority,
            dueDate: values.dueDate,
            recommendationSource: 'microsoft',
            recommendationCategory: action.category,
            requestedBy: deps.adminUser,
            secureScore: { controlId: action.id, title: action.title, actionUrl: action.actionUrl, maxScore: action.maxScore, service: action.service },
        }
        // The task id is stored before anything is sent: every retry of this share carries it.
        if (existing) store.updateSharePayload(draftId, payload)
        else store.createShare({ id: draftId, taskId: newTaskId(action.id), controlId: action.id, payload })
        await deps.link().sendShare(draftId)
        return reply.redirect('/shares/' + encodeURIComponent(draftId), 303)
    })

    app.get('/shares/:id', async (request, reply) => {
        const share = store.getShare((request.params as Body).id ?? '')
        if (!share) return deps.page(reply, 'Not found', 'actions', messagePage('No such share', 'This share is unknown.', back), { status: 404 })
        return deps.page(reply, share.status === 'sent' ? 'Shared to ServiceNow' : 'Sharing failed', 'actions', shareResultPage(share, findAction(share.controlId)))
    })

    app.post('/shares/:id/retry', async (request, reply) => {
        const id = (request.params as Body).id ?? ''
        if (!store.getShare(id)) return reply.redirect('/actions', 303)
        if (!store.getConnection()) return reply.redirect('/', 303)
        await deps.link().sendShare(id)
        return reply.redirect('/shares/' + encodeURIComponent(id), 303)
    })
}
