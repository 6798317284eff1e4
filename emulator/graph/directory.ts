/**
 * What Entra knows about the stand-in's world: the tenants and their people (with Entra roles), the app
 * registrations (credentials, redirect URIs, configured permissions) and which tenant has consented to which app.
 * The sign-in pages, the token endpoint and Graph's permission check all read it from here.
 * Sources per behaviour: FIDELITY.md, sections "Entra" and "Sign-in".
 */
import type { DirectoryUser, EntraRoleName } from './fixtures/directory.ts'
import { ROLE_TEMPLATE_IDS } from './fixtures/directory.ts'
import type { StateStore } from './store.ts'

/** The permissions of `POST /users/{id}/revokeSignInSessions`, least privileged first ("user: revokeSignInSessions"). */
export const REVOKE_SESSIONS_PERMISSIONS = ['User.RevokeSessions.All', 'User.ReadWrite.All', 'Directory.ReadWrite.All'] as const
/** A Graph permission the stand-in knows as an application permission (the `roles` claim). */
export type GraphRole = 'SecurityEvents.Read.All' | 'SecurityEvents.ReadWrite.All' | (typeof REVOKE_SESSIONS_PERMISSIONS)[number]
/**
 * A delegated Graph permission the stand-in knows: those above, `User.Read` (the person's own memberships) and the
 * permissions that read directory roles in them (`RoleManagement.Read.Directory`, `Directory.Read.All`).
 */
export type DelegatedPermission = GraphRole | 'User.Read' | 'RoleManagement.Read.Directory' | 'Directory.Read.All'
/**
 * The delegated permissions a user may consent to alone ("Admin consent required: No" in the Microsoft Graph
 * permissions reference); every other one the stand-in knows needs an administrator's consent.
 */
const USER_CONSENTABLE: readonly string[] = ['User.Read']
/** The manifest's `groupMembershipClaims`; `wids` is in tokens only with DirectoryRole or All. */
export type GroupMembershipClaims = 'None' | 'DirectoryRole' | 'All'

export interface AppRegistration {
    clientId: string
    clientSecret?: string
    /** PEM of the certificate uploaded to the app registration (its public part is all Entra keeps). */
    certificatePem?: string
    /** Application permissions (the `roles` claim of app-only tokens). */
    roles: GraphRole[]
    /** Delegated Graph permissions configured on the registration (the `scp` claim); default: the same names as `roles`. */
    delegatedScopes?: DelegatedPermission[]
    /**
     * Which memberships tokens carry ("Access tokens", claim `wids`): `wids` only with DirectoryRole or All. Entra's
     * default for a new registration is none; absent here means DirectoryRole, as the bridge's README asks of its
     * registration (local choice, so registrations written before this option keep their tokens).
     */
    groupMembershipClaims?: GroupMembershipClaims
    /** Web redirect URIs (sign-in, admin consent, post-logout); more can be added at run time. */
    redirectUris?: string[]
    /** Tenants whose admin has consented (the app has a service principal there); default: every seeded tenant. */
    consentedTenants?: string[]
    /**
     * The delegated permissions those seeded consents cover; default every delegated permission configured. Fewer
     * stands for a registration that gained a permission after its admin consent (a new admin consent covers it).
     */
    consentedDelegatedScopes?: DelegatedPermission[]
    displayName?: string
}

export interface TenantInfo {
    tenantId: string
    displayName: string
    users?: DirectoryUser[]
}

export interface Directory {
    tenant(id: string): TenantInfo | undefined
    tenants(): TenantInfo[]
    /** A user by object id, in any tenant. */
    userById(objectId: string): { tenant: TenantInfo; user: DirectoryUser } | undefined
    /** A user of the tenant by object id or userPrincipalName (case-insensitive), as Graph's `/users/{id | userPrincipalName}`. */
    userInTenant(tenantId: string, idOrUpn: string): DirectoryUser | undefined
    /** Replaces the person's Entra roles (kept in graph.sqlite); tokens already issued keep their `wids`. */
    setUserRoles(tenantId: string, idOrUpn: string, roles: EntraRoleName[]): void
    /** Sets the person's signInSessionsValidFromDateTime to now (kept in graph.sqlite); returns it, epoch ms. */
    revokeSignInSessions(tenantId: string, idOrUpn: string): number
    /** The person's signInSessionsValidFromDateTime (epoch ms), null when never revoked. */
    signInSessionsValidFrom(objectId: string): number | null
    /** Now in epoch ms, strictly later than any earlier stamp: a sign-in and a revocation are never simultaneous. */
    nextStamp(): number
    app(clientId: string): AppRegistration | undefined
    apps(): AppRegistration[]
    delegatedScopes(app: AppRegistration): DelegatedPermission[]
    /** The registered redirect URI `uri` matches, per the redirect URI rules (exact, but any port on localhost). */
    isRegisteredRedirectUri(app: AppRegistration, uri: string): boolean
    registerRedirectUri(clientId: string, uri: string): void
    isConsented(tenantId: string, clientId: string): boolean
    /** The delegated permissions the tenant's admin consent covers; null without consent. */
    consentedScopes(tenantId: string, clientId: string): string[] | null
    /** An admin consent: it covers every delegated permission configured on the registration now. */
    grantConsent(tenantId: string, clientId: string): void
}

/** Whether a user may consent to the permission alone; else only an administrator's consent covers it. */
export function userConsentable(permission: string): boolean {
    return USER_CONSENTABLE.includes(permission)
}

/** Read needs one of these roles, write the last two (FIDELITY.md, "Graph", delegated rows). */
export const SECURITY_READ_ROLES: readonly EntraRoleName[] = ['Security Reader', 'Security Administrator', 'Global Administrator']
export const SECURITY_WRITE_ROLES: readonly EntraRoleName[] = ['Security Administrator', 'Global Administrator']

/** Whether the registration's tokens carry `wids`. */
export function carriesWids(app: AppRegistration): boolean {
    return (app.groupMembershipClaims ?? 'DirectoryRole') !== 'None'
}

export function roleTemplateIds(user: DirectoryUser): string[] {
    return user.roles.map((role) => ROLE_TEMPLATE_IDS[role])
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1'])

/**
 * "Redirect URI (reply URL) restrictions": case-sensitive, exact; for localhost (and the 127.0.0.1 literal it
 * recommends) the port is ignored.
 */
export function redirectUriMatches(registered: string, given: string): boolean {
    if (registered === given) return true
    let a: URL
    let b: URL
    try {
        a = new URL(registered)
        b = new URL(given)
    } catch {
        return false
    }
    if (!LOOPBACK_HOSTS.has(a.hostname) || a.hostname !== b.hostname) return false
    return a.protocol === b.protocol && a.pathname === b.pathname && a.search === b.search && b.hash === ''
}

export function createDirectory(options: { tenants: TenantInfo[]; apps: AppRegistration[]; store: StateStore; now: () => Date }): Directory {
    // Copies: roles change at run time, and the caller's seed objects stay as given.
    const storedRoles = options.store.userRoles()
    const tenantList: TenantInfo[] = options.tenants.map((t) => ({
        ...t,
        users: (t.users ?? []).map((user) => ({ ...user, roles: [...((storedRoles.get(user.objectId.toLowerCase()) as EntraRoleName[] | undefined) ?? user.roles)] })),
    }))
    const tenants = new Map(tenantList.map((t) => [t.tenantId.toLowerCase(), t]))
    const apps = new Map(options.apps.map((a) => [a.clientId.toLowerCase(), { ...a, redirectUris: [...(a.redirectUris ?? [])] }]))
    // tenantId|clientId → the delegated permissions covered (null: every one configured).
    const consents = new Map<string, string[] | null>()
    for (const app of options.apps) {
        for (const tenantId of app.consentedTenants ?? options.tenants.map((t) => t.tenantId)) consents.set(`${tenantId}|${app.clientId}`.toLowerCase(), app.consentedDelegatedScopes ?? null)
    }
    for (const consent of options.store.consents()) consents.set(consent.key, consent.delegatedScopes)
    const users = new Map<string, { tenant: TenantInfo; user: DirectoryUser }>()
    for (const tenant of tenantList) for (const user of tenant.users ?? []) users.set(user.objectId.toLowerCase(), { tenant, user })
    const validFrom = options.store.signInSessionsValidFrom()
    let lastStamp = Math.max(0, ...validFrom.values())
    const delegatedScopes = (app: AppRegistration): DelegatedPermission[] => app.delegatedScopes ?? app.roles

    function userInTenant(tenantId: string, idOrUpn: string): DirectoryUser | undefined {
        const wanted = idOrUpn.toLowerCase()
        return tenants.get(tenantId.toLowerCase())?.users?.find((u) => u.objectId.toLowerCase() === wanted || u.userPrincipalName.toLowerCase() === wanted)
    }
    function existingUser(tenantId: string, idOrUpn: string): DirectoryUser {
        const user = userInTenant(tenantId, idOrUpn)
        if (!user) throw new Error(`No user ${idOrUpn} in tenant ${tenantId}`)
        return user
    }
    function nextStamp(): number {
        lastStamp = Math.max(options.now().getTime(), lastStamp + 1)
        return lastStamp
    }

    return {
        tenant: (id) => tenants.get(id.toLowerCase()),
        tenants: () => [...tenants.values()],
        userById: (objectId) => users.get(objectId.toLowerCase()),
        userInTenant,
        setUserRoles(tenantId, idOrUpn, roles) {
            const unknown = roles.find((role) => !(role in ROLE_TEMPLATE_IDS))
            if (unknown !== undefined) throw new Error(`Not a role of the stand-in: ${unknown}`)
            const user = existingUser(tenantId, idOrUpn)
            user.roles = [...roles]
            options.store.recordUserRoles(user.objectId, user.roles)
        },
        revokeSignInSessions(tenantId, idOrUpn) {
            const user = existingUser(tenantId, idOrUpn)
            const stamp = nextStamp()
            validFrom.set(user.objectId.toLowerCase(), stamp)
            options.store.recordSignInSessionsValidFrom(user.objectId, stamp)
            return stamp
        },
        signInSessionsValidFrom: (objectId) => validFrom.get(objectId.toLowerCase()) ?? null,
        nextStamp,
        app: (clientId) => apps.get(clientId.toLowerCase()),
        apps: () => [...apps.values()],
        delegatedScopes,
        isRegisteredRedirectUri: (app, uri) => (app.redirectUris ?? []).some((registered) => redirectUriMatches(registered, uri)),
        registerRedirectUri(clientId, uri) {
            const app = apps.get(clientId.toLowerCase())
            if (!app) throw new Error(`No app registration ${clientId}`)
            new URL(uri) // an absolute URI, as the registration requires
            if (!app.redirectUris?.includes(uri)) app.redirectUris?.push(uri)
        },
        isConsented: (tenantId, clientId) => consents.has(`${tenantId}|${clientId}`.toLowerCase()),
        consentedScopes(tenantId, clientId) {
            const key = `${tenantId}|${clientId}`.toLowerCase()
            if (!consents.has(key)) return null
            const app = apps.get(clientId.toLowerCase())
            return [...(consents.get(key) ?? (app ? delegatedScopes(app) : []))]
        },
        grantConsent(tenantId, clientId) {
            const app = apps.get(clientId.toLowerCase())
            const covered = app ? [...delegatedScopes(app)] : []
            consents.set(`${tenantId}|${clientId}`.toLowerCase(), covered)
            options.store.recordConsent(tenantId, clientId, covered)
        },
    }
}
