// Domain failures that carry their HTTP meaning. A plain object, not an Error subclass: the
// instance's engine does not support subclassing built-ins. The REST layer turns it into the
// platform's error envelope; anything else thrown becomes a 500.

export interface ApiError {
    readonly isApiError: true
    readonly status: number
    readonly message: string
    readonly detail: string
    /** For the admin only: written to the API log row, never sent to the caller. */
    readonly logDetail?: string
}

export function apiError(status: number, message: string, detail = '', logDetail?: string): ApiError {
    return logDetail === undefined ? { isApiError: true, status, message, detail } : { isApiError: true, status, message, detail, logDetail }
}

export function isApiError(value: unknown): value is ApiError {
    return typeof value === 'object' && value !== null && (value as { isApiError?: unknown }).isApiError === true
}

export const badRequest = (message: string, detail = ''): ApiError => apiError(400, message, detail)
export const forbidden = (message: string, detail = ''): ApiError => apiError(403, message, detail)
export const notFound = (message: string, detail = ''): ApiError => apiError(404, message, detail)
export const conflict = (message: string, detail = ''): ApiError => apiError(409, message, detail)
