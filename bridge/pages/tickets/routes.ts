/**
 * Routes of the ticket page (GET /tickets/:number) and its comment box. A comment's id is made when the page is
 * shown and comes back with the form, and the comment is stored under it before the first send: a resubmitted
 * form, a retry of the HTTP client and the "Try again" button all send the same comment id, so ServiceNow adds it
 * exactly once.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { randomBytes } from 'node:crypto'
import { tenantAction } from '../../domain/actions.ts'
import { commentProblem, fetchActivity, sendComment, type ActivityEntry } from '../../domain/tickets.ts'
import { errorDetail, plainError } from '../../ports/servicenow/link.ts'
import { str, type PageDeps } from '../context.ts'
import { messagePage } from '../layout.ts'
import { ticketPage } from './views.ts'

const COMMENT_ID = /^[A-Za-z0-9_-]{16,64}$/
const TICKET_NUMBER = /^[A-Za-z]{1,10}[0-9]{1,20}$/


function newCommentId(): string {
    return randomBytes(18).toString('base64url')
}

export function registerTicketRoutes(app: FastifyInstance, deps: PageDeps): void {
    const notFound = (reply: FastifyReply, message: string) => deps.page(reply, 'Not found', 'home', messagePage('No such ticket', message), { status: 404 })
    const render = async (request: FastifyRequest, reply: FastifyReply, number: string, form: { commentId?: string; text?: string; error?: string | null } = {}, status = 200) => {
        const { store, link } = deps.tenant(request)
        const connection = store.getConnection()
        if (!connection) return reply.redirect('/', 303)
        let activity: ActivityEntry[] | null = null
        let activityError: string | null = null
        try {
            // The ticket itself is read through delta sync (one call for every changed ticket), the timeline here.
            await link.sync()
            activity = await fetchActivity(link, number)
        } catch (error) {
            deps.log('timeline of ' + number + ' failed: ' + errorDetail(error))
            activityError = plainError(error)
        }
        const ticket = store.getTicket(number)
        if (!ticket) return notFound(reply, 'There is no ServiceNow ticket ' + number + ' shared from this tenant.')
        const share = store.shareByTaskId(ticket.taskId)
        const action = share ? { id: share.controlId, title: tenantAction(store, share.controlId)?.title ?? share.controlId } : null
        const body = ticketPage({
            ticket,
            states: store.getStates()?.[ticket.type],
            share,
            action,
            // Who the share was requested by, as sent with it (the signed-in person unless they changed it).
            sharedBy: String(share?.payload.requestedBy ?? ''),
            namesAt: (at) => store.customStateNamesAt(at),
            activity,
            activityError,
            unsent: store.unsentComments(number),
            writeBack: store.outbox.latestForTicket(number),
            writeBackDelegate: store.outbox.delegate(),
            commentId: form.commentId || newCommentId(),
            commentText: form.text,
            commentError: form.error,
        })
        return deps.page(reply, ticket.number, 'home', body, { status })
    }

    const ticketNumber = (params: unknown): string | null => {
        const number = str((params as { number?: unknown }).number).toUpperCase()
        return TICKET_NUMBER.test(number) ? number : null
    }

    app.get('/tickets/:number', async (request, reply) => {
        const number = ticketNumber(request.params)
        if (!number) return notFound(reply, 'That is not a ticket number.')
        return render(request, reply, number)
    })

    app.post('/tickets/:number/comments', async (request, reply) => {
        const number = ticketNumber(request.params)
        const { store, link, user } = deps.tenant(request)
        if (!number || !store.getTicket(number)) return notFound(reply, 'There is no such ServiceNow ticket here.')
        const body = request.body as { [name: string]: unknown }
        const text = str(body.text).replace(/\r\n/g, '\n')
        let commentId = str(body.commentId)
        if (!COMMENT_ID.test(commentId)) commentId = newCommentId()
        const problem = commentProblem(text)
        if (problem) return render(request, reply, number, { commentId, text, error: problem }, 400)
        store.createComment({ id: commentId, ticketNumber: number, text })
        await sendComment(link, commentId, user.upn)
        return reply.redirect('/tickets/' + encodeURIComponent(number), 303)
    })

    app.post('/tickets/:number/comments/:id/retry', async (request, reply) => {
        const number = ticketNumber(request.params)
        const id = str((request.params as { id?: unknown }).id)
        const { store, link, user } = deps.tenant(request)
        const comment = store.getComment(id)
        if (!number || !comment || comment.ticketNumber !== number) return notFound(reply, 'There is no such comment here.')
        await sendComment(link, id, user.upn)
        return reply.redirect('/tickets/' + encodeURIComponent(number), 303)
    })
}
