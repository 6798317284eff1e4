/**
 * sn_ws_err: the Scripted REST error objects. A handler passes one to response.setError() or throws it;
 * either way the caller sees status and the envelope {"error": {"message", "detail"}, "status": "failure"}.
 *
 *   ServiceError (setStatus / setMessage / setDetail, chainable), BadRequestError (400), NotFoundError (404),
 *   ConflictError (409), NotAcceptableError (406), UnsupportedMediaTypeError (415)
 *
 * Like the platform's host objects they are not Error subclasses (the platform forbids subclassing Error).
 */
import { platformMethods, refuseUnemulated } from '../platform-apis.ts'

export class ServiceError {
    status = 500
    message = ''
    detail = ''

    setStatus(code?: number): ServiceError {
        this.status = code ?? 500
        return this
    }

    setMessage(message?: string): ServiceError {
        this.message = message ?? ''
        return this
    }

    setDetail(detail?: string): ServiceError {
        this.detail = detail ?? ''
        return this
    }
}

export class BadRequestError extends ServiceError {
    constructor(message = 'Bad Request') {
        super()
        this.setStatus(400).setMessage(message)
    }
}

export class NotFoundError extends ServiceError {
    constructor(message = 'Not Found') {
        super()
        this.setStatus(404).setMessage(message)
    }
}

export class ConflictError extends ServiceError {
    constructor(message = 'Conflict') {
        super()
        this.setStatus(409).setMessage(message)
    }
}

export class NotAcceptableError extends ServiceError {
    constructor(message = 'Not Acceptable') {
        super()
        this.setStatus(406).setMessage(message)
    }
}

export class UnsupportedMediaTypeError extends ServiceError {
    constructor(message = 'Unsupported Media Type') {
        super()
        this.setStatus(415).setMessage(message)
    }
}

refuseUnemulated(ServiceError.prototype, platformMethods('sn_ws_err', 'ServiceError'), 'ServiceError')
