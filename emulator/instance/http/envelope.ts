/**
 * ServiceNow's REST error envelope: {"error": {"message", "detail"}, "status": "failure"}.
 *
 *   failure(message, detail) → the envelope object
 *   sendFailure(reply, status, message, detail)     JSON as instances send it (application/json;charset=UTF-8)
 *   sendNotAuthenticated(reply)                     401 "User Not Authenticated"
 *   NOT_AUTHORIZED / NO_RESOURCE                    the platform's messages, from the catalogue (messages.ts)
 */
import type { FastifyReply } from 'fastify'
import { REST_MESSAGES } from '../messages.ts'

export const NOT_AUTHORIZED = REST_MESSAGES.notAuthorized.text
export const NO_RESOURCE = REST_MESSAGES.noResource.text

export function failure(message: string, detail: string | null): { error: { message: string; detail: string | null }; status: 'failure' } {
    return { error: { message, detail }, status: 'failure' }
}

export function sendFailure(reply: FastifyReply, status: number, message: string, detail: string | null): FastifyReply {
    return reply.code(status).header('content-type', 'application/json;charset=UTF-8').send(JSON.stringify(failure(message, detail)))
}

export function sendNotAuthenticated(reply: FastifyReply): FastifyReply {
    return sendFailure(reply, 401, REST_MESSAGES.notAuthenticated.text, REST_MESSAGES.notAuthenticated.detail)
}
