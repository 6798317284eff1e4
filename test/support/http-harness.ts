// HTTP test harness: the local instance in-process (test/support/instance-http.ts) with an itil user and
// a user without roles besides the admin and the integration user, JSON calls, and a small browser-like
// client bound to the instance (test/support/browser.ts) for the login and OAuth pages.
import { type Credentials, type LocalInstance, startLocalInstance } from './instance-http.ts'

export { Browser } from './browser.ts'

export { OTHER_TENANT, TENANT, taskBody } from './task-body.ts'
export { ADMIN, hiddenFields, INTEGRATION, linkById } from './instance-http.ts'

import { CONNECTOR_API as CONNECTOR, CONNECTOR_API_DEFAULT as CONNECTOR_DEFAULT } from './api-paths.ts'

export { CONNECTOR, CONNECTOR_DEFAULT }
export const ITIL: Credentials = { user: 'itil.user', password: 'Itil-Passw0rd!' }
export const NOBODY: Credentials = { user: 'no.roles', password: 'Nobody-Passw0rd!' }

export type Instance = LocalInstance

export function startTestInstance(): Promise<Instance> {
    return startLocalInstance([
        { user_name: ITIL.user, first_name: 'Ida', last_name: 'Itil', roles: ['itil'], password: ITIL.password },
        { user_name: NOBODY.user, roles: [], password: NOBODY.password },
    ])
}

export function basic(credentials: Credentials): string {
    return 'Basic ' + Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')
}

export interface JsonResponse {
    status: number
    headers: Headers
    text: string
    json: any
}

export async function call(url: string, method: string, authorization: string | null, body?: unknown, headers: Record<string, string> = {}): Promise<JsonResponse> {
    const init: RequestInit = { method, headers: { accept: 'application/json', ...headers }, redirect: 'manual' }
    if (authorization) (init.headers as Record<string, string>).authorization = authorization
    if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body)
        ;(init.headers as Record<string, string>)['content-type'] ??= 'application/json'
    }
    const response = await fetch(url, init)
    const text = await response.text()
    let json: any = null
    try {
        json = text ? JSON.parse(text) : null
    } catch {
        json = null
    }
    return { status: response.status, headers: response.headers, text, json }
}
