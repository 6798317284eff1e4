/**
 * The platform's messages, in one catalogue: every text the local instance shows where ServiceNow would
 * show its own, each with the source it is copied from (as Azurite's StorageErrorFactory keeps the Azure
 * error codes in one place). Code elsewhere imports from here and never spells a platform message itself.
 *
 *   notEmulated(what)        throws NotEmulated: 'not emulated by the local instance: <what>'
 *   NotEmulated              the error class (instanceof-checkable, e.g. by the HTTP layer → 501)
 *   <AREA>_MESSAGES          the messages of one area, each `{ text | (args) => text, source }`
 *
 * Sections are per area of the instance (queries, REST, Table API, OAuth, scripts, caches); add a message
 * in its area's section, with its source.
 */

/** Where a message is documented: a doc page, a KB, the SDK's docs, or "observed on an instance" with the release. */
export type Source = string

export interface Message {
    text: string
    source: Source
}

/** A platform feature the local instance does not emulate: it refuses instead of inventing a behaviour. */
export class NotEmulated extends Error {
    constructor(readonly what: string) {
        super(`not emulated by the local instance: ${what}`)
        this.name = 'NotEmulated'
    }
}

export function notEmulated(what: string): never {
    throw new NotEmulated(what)
}

// --- REST envelope (REST API reference, "REST API response codes" / error envelope) ---

export const REST_MESSAGES = {
    notAuthenticated: { text: 'User Not Authenticated', detail: 'Required to provide Auth information', source: 'REST API reference: 401 response body of any REST API' },
    notAuthorized: { text: 'User Not Authorized', source: 'REST API reference: 403 response body when an ACL refuses the REST endpoint' },
    noResource: { text: 'Requested URI does not represent any resource', source: 'REST API reference: 400 for an unknown scripted REST URI' },
} as const

// --- queries (GlideRecord scoped API; KB0715430) ---

// --- Table API (REST API reference, Table API) ---

// --- Scripted REST (Scripted REST API docs: request and response formats) ---

// --- OAuth (Configure Application Registry; OAuth API request parameters) ---

// --- scripts and modules (SDK module guide; JavaScript compatibility guide) ---

// --- scoped caches (ScopedCacheManager scoped API) ---
