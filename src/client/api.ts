// The only server the page talks to: the setup API, as the signed-in admin (X-UserToken).
export const SETUP_API = '/api/x_mioms_m365ticket/v1/setup'

// The shapes the setup API answers with are the server's own types (type-only imports: nothing of
// src/server is bundled into the page).
export type { ChecklistStatus, ChecklistStep } from '../server/setup/checklist.ts'
export type { Problem, Step, StepState } from '../server/setup/common.ts'

/** Dispatched on window when the setup API answers 401: the page's session is no longer the browser's. */
export const SESSION_LOST_EVENT = 'x_mioms_m365ticket:session-lost'

export interface ApiFailure {
    status: number
    message: string
    detail: string
}

export function isApiFailure(value: unknown): value is ApiFailure {
    return typeof value === 'object' && value !== null && 'status' in value && 'message' in value
}

export async function setupApi<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response
    try {
        response = await fetch(SETUP_API + path, {
            method,
            credentials: 'same-origin',
            cache: 'no-store',
            headers: {
                Accept: 'application/json',
                'Content-Type': 'application/json',
                'X-UserToken': window.g_ck || '',
            },
            body: body === undefined ? undefined : JSON.stringify(body),
        })
    } catch (e) {
        throw { status: 0, message: 'The instance could not be reached', detail: 'Check the network connection and reload the page.' } as ApiFailure
    }
    let json: any = null
    try {
        json = await response.json()
    } catch (e) {
        json = null
    }
    if (!response.ok) {
        const error = json && json.error ? json.error : {}
        let message = error.message || 'The instance could not complete this request.'
        let detail = error.detail || (error.message ? '' : 'Try again; if it fails again, reload the page.')
        // The session token this page was loaded with no longer matches the browser's session: it ended, or the
        // browser signed in as someone else since, typically as the integration user through "Not you?" on the
        // consent page (the instance keeps one session per browser).
        if (response.status === 401) {
            window.dispatchEvent(new Event(SESSION_LOST_EVENT))
            message = 'This browser is no longer signed in to the instance as the admin who opened this page.'
            detail =
                'Your session ended, or this browser signed in as another user since: after "Not you?" on the consent page it is signed in as ' +
                'the integration user. Sign out of the instance, sign in again with your own account and open this page again.'
        }
        if (response.status === 403 && !error.detail) message = 'Only admins of the Microsoft 365 Ticketing Connector (x_mioms_m365ticket.admin) can use this page.'
        throw { status: response.status, message, detail } as ApiFailure
    }
    return (json ? json.result : null) as T
}

/** Field errors of a 400 ("name: problem; other: problem") by field. */
export function fieldErrors(failure: ApiFailure | null): { [field: string]: string } {
    const out: { [field: string]: string } = {}
    if (!failure || failure.status !== 400 || !failure.detail) return out
    for (const part of failure.detail.split('; ')) {
        const colon = part.indexOf(': ')
        if (colon > 0) out[part.substring(0, colon)] = part.substring(colon + 2)
    }
    return out
}
