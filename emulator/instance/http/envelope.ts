/**
 * ServiceNow's REST error envelope: {"error": {"message", "detail"}, "status": "failure"}.
 *
 *   failure(message, detail) → the envelope object
 *   sendFailure(reply, status, message, detail)
 *   NOT_AUTHENTICATED / NOT_AUTHORIZED / NO_RESOURCE   the platform's messages
 */
import type { FastifyReply } from 'fastify'

export const NOT_AUTHENTICATED = { message: 'User Not Authenticated', detail: 'Required to provide Auth information' }
export const NOT_AUTHORIZED = 'User Not Authorized'
export const NO_RESOURCE = 'Requested URI does not represent any resource'

export function failure(message: string, detail: string | null): { error: { message: string; detail: string | null }; status: 'failure' } {
    return { error: { message, detail }, status: 'failure' }
}

export function sendFailure(reply: FastifyReply, status: number, message: string, detail: string | null): FastifyReply {
    return reply.code(status).header('content-type', 'application/json;charset=UTF-8').send(JSON.stringify(failure(message, detail)))
}

export function sendNotAuthenticated(reply: FastifyReply): FastifyReply {
    return sendFailure(reply, 401, NOT_AUTHENTICATED.message, NOT_AUTHENTICATED.detail)
}
