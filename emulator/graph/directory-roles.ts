/**
 * Graph's `GET /v1.0/me/transitiveMemberOf/microsoft.graph.directoryRole`: the signed-in person's directory roles,
 * as a client reads them when its tokens carry no `wids` ("List a user's memberships (direct and transitive)",
 * https://learn.microsoft.com/graph/api/user-list-transitivememberof). A delegated token only (`/me` needs a
 * signed-in user), with `User.Read` or a higher permission of the doc's table; pages of 100 by default, `$top` up to
 * 999. A token that cannot read directory roles (no permission of "Get directoryRole") gets each role with its type and
 * id only, the rest null ("Limited information returned for inaccessible member objects"). The cast is an advanced
 * query: `ConsistencyLevel: eventual` and `$count=true` are required ("Advanced query capabilities on directory
 * objects"), and the answer carries `@odata.count`. Each behaviour and its
 * source: FIDELITY.md, section "Graph", rows "directory roles".
 */
import type { DirectoryUser, EntraRoleName } from './fixtures/directory.ts'
import { ROLE_TEMPLATE_IDS } from './fixtures/directory.ts'
import { uuidFrom, type AccessTokenClaims } from './entra.ts'
import { header, NOT_EMULATED, type Incoming, type Reply } from './http-types.ts'

export const DIRECTORY_ROLES_PATH = '/v1.0/me/transitiveMemberOf/microsoft.graph.directoryRole'
/** The doc's "Permissions for the signed-in user's memberships", delegated: least privileged and higher. */
const PERMITTING_SCOPES = ['User.Read', 'User.Read.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'Group.Read.All', 'GroupMember.Read.All']
/** "Get directoryRole": the delegated permissions that read a directory role (least privileged first). */
const ROLE_READING_SCOPES = ['RoleManagement.Read.Directory', 'Directory.Read.All', 'Directory.ReadWrite.All', 'RoleManagement.ReadWrite.Directory']
/** "The default and maximum page sizes are 100 and 999 objects." */
const DEFAULT_PAGE = 100
const MAX_PAGE = 999

/** The role's description in "Microsoft Entra built-in roles" (permissions reference). */
const DESCRIPTIONS: Readonly<Record<EntraRoleName, string>> = {
    'Global Administrator': 'Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.',
    'Security Administrator': 'Can read security information and reports, and manage configuration in Microsoft Entra ID and Office 365.',
    'Security Reader': 'Can read security information and reports in Microsoft Entra ID and Office 365.',
}

type GraphError = (status: number, code: string, message: string) => Reply
type Paging = {
    nextLink(baseUrl: string, current: URL, token: { o: number; r: number | null; t: string }): string
    readSkipToken(text: string, tenantId: string): { offset: number; remaining: number | null }
}

/**
 * A directoryRole object as Graph returns it; its object id differs per tenant, so one is derived (local choice).
 * `readable` false: the limited answer, type and id only.
 */
function directoryRole(tenantId: string, name: EntraRoleName, readable: boolean): Record<string, unknown> {
    return {
        '@odata.type': '#microsoft.graph.directoryRole',
        id: uuidFrom(`${tenantId}/directoryRole/${ROLE_TEMPLATE_IDS[name]}`),
        deletedDateTime: null,
        description: readable ? DESCRIPTIONS[name] : null,
        displayName: readable ? name : null,
        roleTemplateId: readable ? ROLE_TEMPLATE_IDS[name] : null,
    }
}

export function listMyDirectoryRoles(incoming: Incoming, baseUrl: string, claims: AccessTokenClaims, person: DirectoryUser | undefined, fail: GraphError, paging: Paging): Reply {
    if (incoming.method !== 'GET') return fail(405, 'Request_BadRequest', `The method ${incoming.method} is not allowed on this resource.`)
    // "Calling the /me endpoint requires a signed-in user and therefore a delegated permission."
    if (claims.objectId === null || !person) return fail(400, 'BadRequest', '/me request is only valid with delegated authentication flow.')
    if (!(claims.scopes ?? []).some((s) => PERMITTING_SCOPES.includes(s))) return fail(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.')
    const params = incoming.url.searchParams
    const other = [...params.keys()].find((name) => name !== '$top' && name !== '$skiptoken' && name !== '$count')
    if (other !== undefined) return fail(501, 'notSupported', NOT_EMULATED + `${other} on ${DIRECTORY_ROLES_PATH}`)
    // The OData cast is an advanced query: "ConsistencyLevel: eventual … and $count are required" (the page's headers).
    if (header(incoming, 'consistencylevel')?.toLowerCase() !== 'eventual' || params.get('$count') !== 'true') return fail(400, 'Request_UnsupportedQuery', 'Unsupported Query.')
    const topText = params.get('$top')
    const top = topText === null ? DEFAULT_PAGE : Number(topText)
    if (!Number.isInteger(top) || top < 1 || top > MAX_PAGE) return fail(400, 'Request_BadRequest', `Invalid page size specified: '${topText}'. Must be between 1 and ${MAX_PAGE} inclusive.`)
    const skipToken = params.get('$skiptoken')
    let offset = 0
    let size = top
    if (skipToken !== null) {
        // The next link keeps the page size in its token (its `r`), so following it as given pages alike.
        try {
            const position = paging.readSkipToken(skipToken, claims.tid)
            offset = position.offset
            size = position.remaining ?? top
        } catch {
            return fail(400, 'Request_BadRequest', 'The $skiptoken is not valid.')
        }
    }
    const readable = (claims.scopes ?? []).some((s) => ROLE_READING_SCOPES.includes(s))
    const roles = person.roles.map((name) => directoryRole(claims.tid, name, readable))
    const page = roles.slice(offset, offset + size)
    const body: Record<string, unknown> = { '@odata.context': `${baseUrl}/v1.0/$metadata#directoryRoles`, '@odata.count': roles.length }
    const next = offset + page.length
    if (next < roles.length) body['@odata.nextLink'] = paging.nextLink(baseUrl, incoming.url, { o: next, r: size, t: claims.tid })
    body.value = page
    return { status: 200, body }
}
