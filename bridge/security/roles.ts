/**
 * Who may do what in the bridge, from the signed-in person's Microsoft Entra roles in their tenant.
 *
 *   | permission | who                                                                 | what it allows                         |
 *   |------------|---------------------------------------------------------------------|----------------------------------------|
 *   | read       | Security Reader, Security Administrator or Global Administrator     | see cards, actions, tickets            |
 *   | act        | Security Administrator or Global Administrator                      | share, comment, connect, remove, settings |
 *
 *   rolesFromToken(wids)        → { known: true, source: 'token', ... } or { known: false } (ask Graph)
 *   rolesFromGraph(directoryRoles) → { known: true, source: 'graph', ... }
 *   readDirectoryRoles(get, graphBaseUrl) → the signed-in user's active directory roles, every page
 *   refusalText(tenantName)     the one sentence anyone without a role sees
 *   actRefusalText(tenantName)  what a Security Reader is told on a change (the pages do not offer one)
 *
 * Roles are matched by template id, which is the same in every tenant (the `wids` claim carries template ids; a
 * directoryRole object's `roleTemplateId` too). The ids are those of "Microsoft Entra built-in roles"
 * (https://learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference#all-roles).
 *
 * `wids` is in a token only when the app registration's `groupMembershipClaims` is `DirectoryRole` or `All`
 * (access token claims reference, `wids`), and the ID token claims reference does not list it at all: so a token
 * without it says nothing about the person's roles, and is not "no roles". Then the bridge asks Graph:
 * `GET /me/transitiveMemberOf/microsoft.graph.directoryRole?$count=true` with `ConsistencyLevel: eventual` (the page
 * "List a user's memberships": an OData cast is an advanced query), with delegated `RoleManagement.Read.Directory`:
 * with `User.Read` alone Graph returns each role with its type and id only ("Limited information returned for
 * inaccessible member objects"), so no `roleTemplateId` to decide by. That permission needs admin consent: the
 * tenant's (the registration lists it), else the `wids` claim is the way (docs/bridge-run-for-real.md).
 * The sign-in route decides with these; the pages only ask the session for `read` / `act`.
 */

/** Role template ids (permissions reference, "All roles"). */
export const ENTRA_ROLES = {
    globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
    securityAdministrator: '194ae4cb-b126-40b2-bd5b-6091b380977d',
    securityReader: '5d6b6bb7-de71-4623-b4af-96380a352509',
} as const

export type Permission = 'read' | 'act'
export type RoleSource = 'token' | 'graph'

export interface KnownRoles {
    known: true
    source: RoleSource
    /** The bridge's roles among the person's (template ids), for the log and the page header. */
    roleTemplateIds: string[]
    read: boolean
    act: boolean
}

/** The token does not say: read the roles from Graph before deciding anything. */
export interface UnknownRoles {
    known: false
}

const READ_ROLES = new Set<string>([ENTRA_ROLES.securityReader, ENTRA_ROLES.securityAdministrator, ENTRA_ROLES.globalAdministrator])
const ACT_ROLES = new Set<string>([ENTRA_ROLES.securityAdministrator, ENTRA_ROLES.globalAdministrator])

export const DIRECTORY_ROLES_PATH = '/me/transitiveMemberOf/microsoft.graph.directoryRole'

function decide(templateIds: readonly string[], source: RoleSource): KnownRoles {
    const ids = [...new Set(templateIds.map((id) => id.toLowerCase()))].filter((id) => READ_ROLES.has(id))
    return { known: true, source, roleTemplateIds: ids, read: ids.length > 0, act: ids.some((id) => ACT_ROLES.has(id)) }
}

export function rolesFromToken(wids: readonly string[] | null): KnownRoles | UnknownRoles {
    return wids === null ? { known: false } : decide(wids, 'token')
}

/** From the `value` entries of GET /me/transitiveMemberOf/microsoft.graph.directoryRole. */
export function rolesFromGraph(directoryRoles: readonly unknown[]): KnownRoles {
    const ids: string[] = []
    for (const role of directoryRoles) {
        const id = (role as { roleTemplateId?: unknown } | null)?.roleTemplateId
        if (typeof id === 'string') ids.push(id)
    }
    return decide(ids, 'graph')
}

export function permits(roles: KnownRoles, permission: Permission): boolean {
    return permission === 'act' ? roles.act : roles.read
}

export function refusalText(tenantName: string): string {
    return `You need the Security Reader or Security Administrator role in ${tenantName}`
}

/** For a Security Reader who reaches a change (a form kept from before a role change, or a hand-made request). */
export function actRefusalText(tenantName: string): string {
    return `You need the Security Administrator role in ${tenantName} to change this`
}

/** A GET to Graph with the signed-in user's delegated token, plus `headers`. */
export type GraphGet = (url: string, headers: { [name: string]: string }) => Promise<{ status: number; body: string }>

/** The advanced-query header the cast needs (with $count=true); next links keep the $count. */
export const ADVANCED_QUERY_HEADERS = { consistencylevel: 'eventual' }

/**
 * Every page of the signed-in user's directory roles. `get` sends the user's delegated Graph token; next links are
 * followed only on Graph's own origin, so a page cannot send that token elsewhere.
 */
export async function readDirectoryRoles(get: GraphGet, graphBaseUrl: string): Promise<unknown[]> {
    const origin = new URL(graphBaseUrl).origin
    const roles: unknown[] = []
    let url: string | null = graphBaseUrl.replace(/\/+$/, '') + DIRECTORY_ROLES_PATH + '?$count=true'
    for (let page = 0; url !== null; page++) {
        // A guard against a next link that never ends: 100 per page, far more roles than Entra has.
        if (page === 50) throw new Error('Graph kept answering more pages of directory roles')
        const answer = await get(url, ADVANCED_QUERY_HEADERS)
        if (answer.status !== 200) throw new Error(`Graph answered ${answer.status} to ${DIRECTORY_ROLES_PATH}`)
        const body = JSON.parse(answer.body) as { value?: unknown; '@odata.nextLink'?: unknown }
        if (!Array.isArray(body.value)) throw new Error(`Graph's answer to ${DIRECTORY_ROLES_PATH} has no value list`)
        roles.push(...body.value)
        const next = body['@odata.nextLink']
        if (typeof next === 'string' && new URL(next).origin !== origin) throw new Error(`Graph's next link for ${DIRECTORY_ROLES_PATH} leaves ${origin}`)
        url = typeof next === 'string' ? next : null
    }
    return roles
}
