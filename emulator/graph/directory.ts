/**
 * What Entra knows about the stand-in's world: the tenants and their people (with Entra roles), the app
 * registrations (credentials, redirect URIs, configured permissions) and which tenant has consented to which app.
 * The sign-in pages, the token endpoint and Graph's permission check all read it from here.
 * Sources per behaviour: FIDELITY.md, sections "Entra" and "Sign-in".
 */
import type { DirectoryUser, EntraRoleName } from './fixtures/directory.ts'
import { ROLE_TEMPLATE_IDS } from './fixtures/directory.ts'
import type { StateStore } from './store.ts'

export type GraphRole = 'SecurityEvents.Read.All' | 'SecurityEvents.ReadWrite.All'
/** A delegated Graph permission the stand-in knows: the Secure Score ones, and `User.Read` (the person's own memberships). */
export type DelegatedPermission = GraphRole | 'User.Read'
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
    app(clientId: string): AppRegistration | undefined
    apps(): AppRegistration[]
    delegatedScopes(app: AppRegistration): DelegatedPermission[]
    /** The registered redirect URI `uri` matches, per the redirect URI rules (exact, but any port on localhost). */
    isRegisteredRedirectUri(app: AppRegistration, uri: string): boolean
    registerRedirectUri(clientId: string, uri: string): void
    isConsented(tenantId: string, clientId: string): boolean
    grantConsent(tenantId: string, clientId: string): void
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

export function createDirectory(options: { tenants: TenantInfo[]; apps: AppRegistration[]; store: StateStore }): Directory {
    const tenants = new Map(options.tenants.map((t) => [t.tenantId.toLowerCase(), t]))
    const apps = new Map(options.apps.map((a) => [a.clientId.toLowerCase(), { ...a, redirectUris: [...(a.redirectUris ?? [])] }]))
    const consents = new Set(options.store.consents())
    for (const app of options.apps) {
        for (const tenantId of app.consentedTenants ?? options.tenants.map((t) => t.tenantId)) consents.add(`${tenantId}|${app.clientId}`.toLowerCase())
    }
    const users = new Map<string, { tenant: TenantInfo; user: DirectoryUser }>()
    for (const tenant of options.tenants) for (const user of tenant.users ?? []) users.set(user.objectId.toLowerCase(), { tenant, user })

    return {
        tenant: (id) => tenants.get(id.toLowerCase()),
        tenants: () => [...tenants.values()],
        userById: (objectId) => users.get(objectId.toLowerCase()),
        app: (clientId) => apps.get(clientId.toLowerCase()),
        apps: () => [...apps.values()],
        delegatedScopes: (app) => app.delegatedScopes ?? app.roles,
        isRegisteredRedirectUri: (app, uri) => (app.redirectUris ?? []).some((registered) => redirectUriMatches(registered, uri)),
        registerRedirectUri(clientId, uri) {
            const app = apps.get(clientId.toLowerCase())
            if (!app) throw new Error(`No app registration ${clientId}`)
            new URL(uri) // an absolute URI, as the registration requires
            if (!app.redirectUris?.includes(uri)) app.redirectUris?.push(uri)
        },
        isConsented: (tenantId, clientId) => consents.has(`${tenantId}|${clientId}`.toLowerCase()),
        grantConsent(tenantId, clientId) {
            consents.add(`${tenantId}|${clientId}`.toLowerCase())
            options.store.recordConsent(tenantId, clientId)
        },
    }
}
