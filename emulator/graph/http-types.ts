/** What a route answers; server.ts writes it (JSON bodies serialised there, so routes stay pure and testable). */
export interface Reply {
    status: number
    headers?: Record<string, string>
    body?: unknown
    /** A page for a browser (the sign-in and consent pages), written as text/html instead of `body`. */
    html?: string
}

/** What a route sees of a request. */
export interface Incoming {
    method: string
    url: URL
    headers: Record<string, string | string[] | undefined>
    body: string
}

export function header(incoming: Incoming, name: string): string | undefined {
    const value = incoming.headers[name.toLowerCase()]
    return Array.isArray(value) ? value[0] : value
}

/** Every refusal of something this stand-in does not emulate carries this exact prefix (see FIDELITY.md). */
export const NOT_EMULATED = 'not emulated by the local Graph stand-in: '
