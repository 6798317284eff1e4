// The instance an HTTP-level suite runs against, one abstraction for both modes:
// - in-process (`npm test`): the local instance started in this jest worker (test/support/http-harness.ts),
//   whose users may be created through its runtime;
// - live (`npm run test:live`, jest.live.config.js): any instance at INSTANCE_URL, signed in as
//   INSTANCE_ADMIN_USER / INSTANCE_ADMIN_PASSWORD. Everything is prepared through the instance's public
//   APIs only (the app's setup API, the Table API, /oauth_token.do) and removed again by close(), like
//   Azurite's live mode: a suite that passes here proves nothing but HTTP was needed.
// A test that needs the in-process instance (its store, its request log) runs with `localOnly`.
import { randomBytes } from 'node:crypto'
import { ADMIN, basic, call, INTEGRATION, ITIL, NOBODY, startTestInstance, type Instance, type JsonResponse } from './http-harness.ts'
import type { Credentials } from './instance-http.ts'
import { OTHER_TENANT, TENANT } from './task-body.ts'

export const LIVE = process.env.TEST_TARGET === 'live'
import { SETUP_API, TABLE_API } from './api-paths.ts'

export { SETUP_API, TABLE_API }
const CONNECTION_TABLE = 'x_mioms_m365ticket_connection'
const REDIRECT_URL_PROPERTY = 'x_mioms_m365ticket.oauth_redirect_url'
const TICKET_TABLES = ['x_mioms_m365ticket_change_request', 'x_mioms_m365ticket_incident']
const TEST_TENANTS = [TENANT, OTHER_TENANT]

/**
 * `it` in-process only. Live mode does not define the test at all (it would need the local instance's internals):
 * the live run reports what it ran, with nothing skipped.
 */
export const localOnly = (name: string, fn: jest.ProvidesCallback, timeout?: number): void => {
    if (!LIVE) it(name, fn, timeout)
}

export interface UserSpec {
    /** Suffix of the user name; live mode prefixes it with this run's id so nothing on the instance is touched. */
    name: string
    roles: string[]
    /** Further sys_user fields (active, locked_out, web_service_access_only, …). */
    fields?: { [field: string]: string }
}

export interface OAuthClient {
    id: string
    secret: string
    /** True when the app's setup API created it; false for a client of the test's own (the instance already had the app's). */
    createdBySetupApi: boolean
}

export interface Target {
    url: string
    live: boolean
    admin: Credentials
    /** A user holding only x_mioms_m365ticket.integration (live: created through the setup API). */
    integration: Credentials
    /** A user with the itil role, and one without roles. */
    itil: Credentials
    nobody: Credentials
    /** The in-process instance; null in live mode. */
    local: Instance | null
    /** A user with `roles`; removed by close() in live mode. */
    createUser(spec: UserSpec): Promise<Credentials>
    /** An OAuth client usable by the password and authorization code grants; removed by close() in live mode. */
    createOAuthClient(redirectUrl?: string): Promise<OAuthClient>
    /** A call to the instance as the admin. */
    asAdmin(method: string, path: string, body?: unknown): Promise<JsonResponse>
    /** Removes the test tenants' connections and tickets; then, in live mode, everything this target created. */
    close(): Promise<void>
}

export function startTarget(): Promise<Target> {
    return LIVE ? startLiveTarget() : startLocalTarget()
}

async function startLocalTarget(): Promise<Target> {
    const instance = await startTestInstance()
    const admin = (method: string, path: string, body?: unknown) => call(instance.url + path, method, basic(ADMIN), body)
    return {
        url: instance.url,
        live: false,
        // Copies: a test may reset a password (setup API) without changing the harness's constants.
        admin: { ...ADMIN },
        integration: { ...INTEGRATION },
        itil: { ...ITIL },
        nobody: { ...NOBODY },
        local: instance,
        asAdmin: admin,
        async createUser(spec) {
            const credentials = { user: spec.name, password: strongPassword() }
            instance.runtime.createUser({ user_name: credentials.user, roles: spec.roles, password: credentials.password, ...spec.fields })
            return credentials
        },
        createOAuthClient: (redirectUrl) => createClientThroughSetupApi(admin, redirectUrl, null),
        close: () => instance.close(),
    }
}

function liveEnvironment(): { url: string; admin: Credentials } {
    const url = process.env.INSTANCE_URL
    const user = process.env.INSTANCE_ADMIN_USER
    const password = process.env.INSTANCE_ADMIN_PASSWORD
    if (!url || !user || !password) throw new Error('Live mode needs INSTANCE_URL, INSTANCE_ADMIN_USER and INSTANCE_ADMIN_PASSWORD (see docs/testing.md, "Live-instance test mode")')
    return { url: url.replace(/\/+$/, ''), admin: { user, password } }
}

async function startLiveTarget(): Promise<Target> {
    const { url, admin } = liveEnvironment()
    const runId = `m365.live.${randomBytes(3).toString('hex')}`
    const asAdmin = (method: string, path: string, body?: unknown) => call(url + path, method, basic(admin), body)
    // Undone in reverse order by close(): the last thing created goes first.
    const undo: Array<{ what: string; run: () => Promise<JsonResponse | void> }> = []
    const deleteRecord = (table: string, sysId: string) => undo.push({ what: `${table} ${sysId}`, run: () => asAdmin('DELETE', `${TABLE_API}/${table}/${sysId}`) })

    const admitted = await asAdmin('GET', `${SETUP_API}/status`)
    if (admitted.status !== 200) throw new Error(`${url}: GET ${SETUP_API}/status as ${admin.user} answered ${admitted.status} (is the app installed, and is ${admin.user} an admin?) ${admitted.text.slice(0, 300)}`)
    await removeTestTenants(asAdmin)

    const createUser = async (spec: UserSpec): Promise<Credentials> => {
        const credentials = { user: `${runId}.${spec.name}`, password: strongPassword() }
        // The Table API sets a password field from its display value (sysparm_input_display_value), as the platform hashes it.
        const created = await asAdmin('POST', `${TABLE_API}/sys_user?sysparm_input_display_value=true`, { user_name: credentials.user, user_password: credentials.password, first_name: 'Live test', last_name: spec.name, ...spec.fields })
        if (created.status !== 201) throw new Error(`creating user ${credentials.user}: ${created.status} ${created.text.slice(0, 300)}`)
        const userId: string = created.json.result.sys_id
        deleteRecord('sys_user', userId)
        for (const role of spec.roles) {
            const roleId = (await sysIdOf(asAdmin, 'sys_user_role', `name=${role}`)) ?? (await createRole(role))
            const granted = await asAdmin('POST', `${TABLE_API}/sys_user_has_role`, { user: userId, role: roleId })
            if (granted.status !== 201) throw new Error(`granting ${role} to ${credentials.user}: ${granted.status} ${granted.text.slice(0, 300)}`)
            deleteRecord('sys_user_has_role', granted.json.result.sys_id)
        }
        return credentials
    }

    // A platform role the instance lacks (the local instance has no itil until someone holds it) is created, and removed after.
    const createRole = async (name: string): Promise<string> => {
        const created = await asAdmin('POST', `${TABLE_API}/sys_user_role`, { name })
        if (created.status !== 201) throw new Error(`creating role ${name}: ${created.status} ${created.text.slice(0, 300)}`)
        deleteRecord('sys_user_role', created.json.result.sys_id)
        return created.json.result.sys_id
    }

    const undoAll = async (): Promise<string[]> => {
        const failures: string[] = []
        for (const step of undo.splice(0).reverse()) {
            const answer = await step.run()
            if (answer && answer.status >= 300 && answer.status !== 404) failures.push(`${step.what}: ${answer.status} ${answer.text.slice(0, 200)}`)
        }
        return failures
    }

    try {
        return await prepareLiveTarget()
    } catch (error) {
        await undoAll()
        throw error
    }

    async function prepareLiveTarget(): Promise<Target> {
        const integrationName = `${runId}.integration`
        const integrationUser = await asAdmin('POST', `${SETUP_API}/integration-user`, { userName: integrationName })
        if (integrationUser.status !== 201) throw new Error(`POST ${SETUP_API}/integration-user: ${integrationUser.status} ${integrationUser.text.slice(0, 300)}`)
        const integrationId = await sysIdOf(asAdmin, 'sys_user', `user_name=${integrationName}`)
        if (integrationId) deleteRecord('sys_user', integrationId)

        const target: Target = {
            url,
            live: true,
            admin,
            integration: { user: integrationName, password: integrationUser.json.result.password },
            itil: await createUser({ name: 'itil', roles: ['itil'] }),
            nobody: await createUser({ name: 'no.roles', roles: [] }),
            local: null,
            asAdmin,
            createUser,
            createOAuthClient: (redirectUrl) => createClientThroughSetupApi(asAdmin, redirectUrl, (what, run) => undo.push({ what, run })),
            async close() {
                await removeTestTenants(asAdmin)
                const failures = await undoAll()
                if (failures.length) throw new Error(`Live mode could not remove what it created on ${url}:\n${failures.join('\n')}`)
            },
        }
        return target
    }
}

/**
 * The app's OAuth client through the setup API. When the instance already has one (an installed and
 * configured app), it is left alone: its secret is not shown again, and rotating or repairing it (a
 * new redirect URL) would cut the real Microsoft 365 off. A client of the test's own is then created
 * through the Table API instead.
 */
async function createClientThroughSetupApi(asAdmin: Target['asAdmin'], redirectUrl: string | undefined, undo: ((what: string, run: () => Promise<JsonResponse>) => void) | null): Promise<OAuthClient> {
    const created = (sysId: string) => undo?.(`oauth_entity ${sysId}`, () => asAdmin('DELETE', `${TABLE_API}/oauth_entity/${sysId}`))
    const status = await asAdmin('GET', `${SETUP_API}/status`)
    const oauthStep = status.json?.result?.steps?.find((step: { id: string }) => step.id === 'oauth')
    if (!oauthStep?.details?.client) {
        // A redirect URL given to the setup API becomes the app's setting (x_mioms_m365ticket.oauth_redirect_url): put the old one back after.
        if (redirectUrl && undo) {
            const query = `${TABLE_API}/sys_properties?sysparm_query=name=${REDIRECT_URL_PROPERTY}&sysparm_fields=sys_id,value`
            const before: { sys_id: string; value: string } | undefined = (await asAdmin('GET', query)).json?.result?.[0]
            undo(`${REDIRECT_URL_PROPERTY} back to ${before?.value ?? 'absent'}`, async () => {
                const after: { sys_id: string } | undefined = (await asAdmin('GET', query)).json?.result?.[0]
                if (!after) return asAdmin('GET', query)
                return before ? asAdmin('PATCH', `${TABLE_API}/sys_properties/${after.sys_id}`, { value: before.value }) : asAdmin('DELETE', `${TABLE_API}/sys_properties/${after.sys_id}`)
            })
        }
        const answer = await asAdmin('POST', `${SETUP_API}/oauth-client`, redirectUrl ? { redirectUrl } : {})
        if (answer.status !== 201) throw new Error(`POST ${SETUP_API}/oauth-client: ${answer.status} ${answer.text.slice(0, 300)}`)
        created(answer.json.result.client.sysId)
        return { id: answer.json.result.client.clientId, secret: answer.json.result.clientSecret, createdBySetupApi: true }
    }
    const client = { id: randomBytes(16).toString('hex'), secret: strongPassword(), createdBySetupApi: false }
    const inserted = await asAdmin('POST', `${TABLE_API}/oauth_entity?sysparm_input_display_value=true`, {
        name: 'Microsoft 365 connector live test client',
        type: 'client',
        client_id: client.id,
        client_secret: client.secret,
        redirect_url: redirectUrl ?? 'https://security.microsoft.com/ticketProvisioning/oauth/callback',
        access_token_lifespan: '1800',
        refresh_token_lifespan: '8640000',
        active: 'true',
    })
    if (inserted.status !== 201) throw new Error(`creating an OAuth client through the Table API: ${inserted.status} ${inserted.text.slice(0, 300)}`)
    created(inserted.json.result.sys_id)
    return client
}

/** The test tenants' connections removed through the setup API (tokens revoked), then their tickets and rows through the Table API. */
async function removeTestTenants(asAdmin: Target['asAdmin']): Promise<void> {
    for (const tenant of TEST_TENANTS) {
        const connectionId = await sysIdOf(asAdmin, CONNECTION_TABLE, `tenant_id=${tenant}`)
        if (!connectionId) continue
        await asAdmin('DELETE', `${SETUP_API}/connections/${tenant}`)
        for (const table of TICKET_TABLES) {
            const tickets = await asAdmin('GET', `${TABLE_API}/${table}?sysparm_query=connection=${connectionId}&sysparm_fields=sys_id&sysparm_limit=1000`)
            for (const ticket of tickets.json?.result ?? []) await asAdmin('DELETE', `${TABLE_API}/${table}/${ticket.sys_id}`)
        }
        await asAdmin('DELETE', `${TABLE_API}/${CONNECTION_TABLE}/${connectionId}`)
    }
}

async function sysIdOf(asAdmin: Target['asAdmin'], table: string, query: string): Promise<string | null> {
    const found = await asAdmin('GET', `${TABLE_API}/${table}?sysparm_query=${encodeURIComponent(query)}&sysparm_fields=sys_id&sysparm_limit=1`)
    return found.json?.result?.[0]?.sys_id ?? null
}

/** A password any password policy accepts: upper and lower case, digits, a symbol. */
function strongPassword(): string {
    return `Lv-${randomBytes(12).toString('base64url')}-9a!`
}
