// Tenant connections (src/server/connector/connections.ts) called directly on one instance: registration and its
// refusals, who may speak for a tenant (unknown, removed, another user's), the last-contact resolution and the
// cache, the connection's status and refresh-token expiry, and removal with its token revocation.
// connection-and-states.test.ts proves the same through the handlers; this file lets a scoped Stryker run try the
// module's mutants in seconds. Each test uses tenant ids (and, where tokens matter, integration users) of its own.
import { GlideRecord } from '@servicenow/glide'
import { ScopedCacheManager } from '@servicenow/glide/sn_scoped_cache'
import { CONNECTION_CACHE, cacheConnection, cachedConnection } from '../../../src/server/connector/connection-cache.ts'
import {
    APP_VERSION,
    CONNECTION_TABLE,
    connectionClient,
    connectionStatus,
    ENABLED_TICKET_TYPES,
    findConnection,
    readConnection,
    refreshTokenExpiry,
    registerConnection,
    removeConnection,
    requireConnection,
    tenantRefused,
    validateRegistration,
    type Connection,
} from '../../../src/server/connector/connections.ts'
import { isApiError } from '../../../src/server/platform/api-error.ts'
import { createHarness, type Harness } from '../../support/connector-harness.ts'
import { ScriptHost } from '../../../emulator/instance/scripts/sandbox.ts'

let h: Harness

beforeAll(() => {
    h = createHarness()
})

afterAll(() => h.runtime.close())

afterEach(() => jest.restoreAllMocks())

function as<T>(user: string, fn: () => T): T {
    return h.runtime.runAs(user, () => h.inScope(fn))
}

/** A tenant id of its own for each test. */
function tenant(n: number): string {
    return 'c0ffee00-0000-4000-8000-0000000001' + String(n).padStart(2, '0')
}

let users = 0
/** A fresh integration user, so that token counts and "another tenant of the same user" stay the test's own. */
function integrationUser(): string {
    users++
    return h.runtime.createUser({ user_name: 'm365.rules' + users, roles: ['x_mioms_m365ticket.integration'] })
}

/** Freezes the clock GlideDateTime reads. */
function clockAt(iso: string): void {
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse(iso))
}

function register(tenantId: string, user = h.integrationUser, tenantName = 'Contoso', connectedBy = 'a@contoso.com') {
    return as(user, () => registerConnection({ tenantId, tenantName, connectedBy }))
}

/** The ApiError a call throws (it must throw one), with every property. */
function thrown(call: () => unknown): unknown {
    try {
        call()
    } catch (e) {
        expect(isApiError(e)).toBe(true)
        return { ...(e as object) }
    }
    throw new Error('expected an ApiError')
}

const REFUSAL = (tenantId: string) =>
    'Microsoft 365 tenant ' + tenantId + ' is not connected to this instance through this integration user. Connect it again, signed in to ServiceNow as the integration user.'

function refused(tenantId: string, reason: string) {
    return { isApiError: true, status: 403, message: REFUSAL(tenantId), detail: '', logDetail: reason }
}

function row(tenantId: string) {
    return h.rows(CONNECTION_TABLE, 'tenant_id=' + tenantId)[0]
}

/** An admin's change to the connection row (the cache's row pair flushes the entry). */
function adminSets(tenantId: string, values: { [field: string]: string }): void {
    h.runtime.runAs('admin', () => {
        const record = new GlideRecord(CONNECTION_TABLE)
        expect(record.get('tenant_id', tenantId)).toBe(true)
        for (const name of Object.keys(values)) record.setValue(name, values[name])
        record.update()
    })
}

function setTableAccess(table: string, column: string, value: string): void {
    h.runtime.runAs('admin', () => {
        const record = new GlideRecord('sys_db_object')
        expect(record.get('name', table)).toBe(true)
        record.setValue(column, value)
        record.update()
    })
}

it('names the table, the app version and the ticket types', () => {
    expect([CONNECTION_TABLE, APP_VERSION, ENABLED_TICKET_TYPES]).toEqual(['x_mioms_m365ticket_connection', '1.0.0', ['change', 'incident']])
})

it('tenantRefused: one 403 for every reason, the reason only for the log', () => {
    expect(tenantRefused(tenant(1), 'why')).toEqual(refused(tenant(1), 'why'))
})

describe('validateRegistration', () => {
    function detail(body: { [field: string]: unknown }): string {
        const error = thrown(() => validateRegistration(body as never)) as { status: number; message: string; detail: string }
        expect([error.status, error.message]).toEqual([400, 'Invalid request'])
        return error.detail
    }

    it('takes the tenant in lower case, its name and who connected it', () => {
        expect(validateRegistration({ tenantId: tenant(2).toUpperCase(), tenantName: 'n'.repeat(256), connectedBy: 'c'.repeat(254) })).toEqual({
            tenantId: tenant(2),
            tenantName: 'n'.repeat(256),
            connectedBy: 'c'.repeat(254),
        })
        expect(validateRegistration({ tenantId: tenant(2), tenantName: 'n', connectedBy: 'c' })).toEqual({ tenantId: tenant(2), tenantName: 'n', connectedBy: 'c' })
    })

    it('names every bad field in one 400', () => {
        expect(detail({ tenantId: 'x', tenantName: '', connectedBy: 5 })).toBe('tenantId: must be a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47; tenantName: must be 1-256 characters; connectedBy: must be a string')
        expect(detail({ tenantId: tenant(2), tenantName: 'n'.repeat(257), connectedBy: 'c'.repeat(255) })).toBe('tenantName: must be 1-256 characters; connectedBy: must be 1-254 characters')
        expect(detail({ tenantId: tenant(2), connectedBy: '' })).toBe('tenantName: is required; connectedBy: must be 1-254 characters')
        expect(detail({ tenantName: 'n', connectedBy: 'c' })).toBe('tenantId: is required')
    })
})

describe('registerConnection', () => {
    it('creates the connection for the integration user, with its OAuth client, connected now', () => {
        clockAt('2026-12-06T01:00:00Z')
        const result = register(tenant(3), h.integrationUser, 'Contoso', 'a@contoso.com')
        const expected: Connection = {
            sysId: row(tenant(3)).sys_id!,
            tenantId: tenant(3),
            tenantName: 'Contoso',
            integrationUser: h.integrationUser,
            oauthClient: h.appClient,
            status: 'connected',
            connectedBy: 'a@contoso.com',
            connectedAt: '2026-12-06 01:00:00',
            lastContactAt: '2026-12-06 01:00:00',
            stateNames: '',
        }
        expect(result).toEqual({ connection: expected, created: true })
        expect(h.inScope(() => findConnection(tenant(3)))).toEqual(expected)
        expect(h.count(CONNECTION_TABLE, 'tenant_id=' + tenant(3))).toBe(1)
    })

    it('refreshes it for the same user: new name, who connected, last contact, no last error; connected since unchanged', () => {
        clockAt('2026-12-06T01:00:00Z')
        register(tenant(4))
        adminSets(tenant(4), { last_error: 'token expired', oauth_client: h.otherClient })
        clockAt('2026-12-06T01:30:00Z')
        const result = register(tenant(4), h.integrationUser, 'Contoso Ltd', 'b@contoso.com')
        expect(result.created).toBe(false)
        expect(result.connection).toMatchObject({ tenantName: 'Contoso Ltd', connectedBy: 'b@contoso.com', oauthClient: h.appClient, connectedAt: '2026-12-06 01:00:00', lastContactAt: '2026-12-06 01:30:00', status: 'connected' })
        expect(row(tenant(4))).toMatchObject({ last_error: null, tenant_name: 'Contoso Ltd', connected_by: 'b@contoso.com', last_contact_at: '2026-12-06 01:30:00' })
        expect(h.count(CONNECTION_TABLE, 'tenant_id=' + tenant(4))).toBe(1)
    })

    it('reconnects a removed connection, connected since now', () => {
        clockAt('2026-12-06T01:00:00Z')
        register(tenant(5))
        adminSets(tenant(5), { status: 'disconnected' })
        clockAt('2026-12-06T02:00:00Z')
        expect(register(tenant(5)).connection).toMatchObject({ status: 'connected', connectedAt: '2026-12-06 02:00:00', integrationUser: h.integrationUser })
    })

    it("refuses a tenant connected through another integration user, and lets a removed one be taken over", () => {
        clockAt('2026-12-06T01:00:00Z')
        register(tenant(6))
        expect(thrown(() => register(tenant(6), h.otherIntegrationUser))).toEqual(
            refused(tenant(6), 'the tenant is connected through another integration user (' + h.integrationUser + '); remove that connection first'),
        )
        expect(row(tenant(6)).integration_user).toBe(h.integrationUser)
        adminSets(tenant(6), { status: 'disconnected' })
        clockAt('2026-12-06T03:00:00Z')
        expect(register(tenant(6), h.otherIntegrationUser).connection).toMatchObject({ integrationUser: h.otherIntegrationUser, status: 'connected', connectedAt: '2026-12-06 03:00:00' })
        // Only a removed connection is free to take: any other status stays its user's, and that user's registration
        // of a connection that is not connected restarts "connected since".
        adminSets(tenant(6), { status: 'paused', integration_user: h.integrationUser })
        clockAt('2026-12-06T04:00:00Z')
        expect(thrown(() => register(tenant(6), h.otherIntegrationUser))).toMatchObject({ status: 403 })
        expect(register(tenant(6)).connection).toMatchObject({ status: 'connected', connectedAt: '2026-12-06 04:00:00' })
    })

    it('refuses a user who was not given the integration role (an admin passes role checks, not this one)', () => {
        const admin = h.runtime.runAs('admin', () => {
            const user = new GlideRecord('sys_user')
            user.get('user_name', 'admin')
            return user.getUniqueValue()
        })
        const error = thrown(() => register(tenant(7), admin)) as { [name: string]: unknown }
        expect(error).toEqual({
            isApiError: true,
            status: 403,
            message: 'Only an integration user can connect a Microsoft 365 tenant',
            detail:
                'The account that authorized this connection does not hold the role x_mioms_m365ticket.integration. Connect again and, on the ServiceNow consent page, choose "Not you?" and sign in as the integration user.',
        })
        expect(h.count(CONNECTION_TABLE, 'tenant_id=' + tenant(7))).toBe(0)
    })
})

describe('requireConnection', () => {
    it('refuses an unknown tenant, another integration user and a removed connection with one 403, each with its reason', () => {
        expect(thrown(() => as(h.integrationUser, () => requireConnection(tenant(8))))).toEqual(refused(tenant(8), 'no connection for this tenant'))
        register(tenant(9))
        expect(thrown(() => as(h.otherIntegrationUser, () => requireConnection(tenant(9))))).toEqual(
            refused(tenant(9), 'the tenant is connected through another integration user (' + h.integrationUser + ')'),
        )
        adminSets(tenant(9), { status: 'disconnected' })
        expect(thrown(() => as(h.integrationUser, () => requireConnection(tenant(9))))).toEqual(refused(tenant(9), 'the connection was removed'))
        expect(as(h.integrationUser, () => requireConnection(tenant(9), { allowDisconnected: true }))).toMatchObject({ tenantId: tenant(9), status: 'disconnected' })
        expect(thrown(() => as(h.integrationUser, () => requireConnection(tenant(9), {})))).toEqual(refused(tenant(9), 'the connection was removed'))
    })

    it('records the last contact once a minute has passed since the last one, and caches the connection otherwise', () => {
        clockAt('2026-12-06T05:00:00Z')
        register(tenant(10))
        const registered = h.inScope(() => findConnection(tenant(10))!)
        clockAt('2026-12-06T05:00:59Z')
        expect(as(h.integrationUser, () => requireConnection(tenant(10)))).toEqual(registered)
        expect(row(tenant(10)).last_contact_at).toBe('2026-12-06 05:00:00')
        expect(h.inScope(() => cachedConnection(tenant(10)))).toEqual(registered)
        // Served from the cache: what the entry holds is what the call gets.
        clockAt('2026-12-06T05:01:00Z')
        const recorded = as(h.integrationUser, () => requireConnection(tenant(10)))
        expect(recorded).toEqual({ ...registered, lastContactAt: '2026-12-06 05:01:00' })
        expect(row(tenant(10)).last_contact_at).toBe('2026-12-06 05:01:00')
        // The update flushed the entry; the next call reads the row and caches it.
        expect(h.inScope(() => cachedConnection(tenant(10)))).toBeNull()
        clockAt('2026-12-06T05:01:30Z')
        expect(as(h.integrationUser, () => requireConnection(tenant(10)))).toEqual(recorded)
        expect(h.inScope(() => cachedConnection(tenant(10)))).toEqual(recorded)
    })

    it('serves a cached connection without reading the row until the last contact is due', () => {
        clockAt('2026-12-06T06:00:00Z')
        register(tenant(11))
        as(h.integrationUser, () => requireConnection(tenant(11)))
        // A data fix that flushes nothing cannot exist (the row pair sees every update), so the row is changed under
        // the entry by putting the entry back after the change.
        const entry = h.inScope(() => cachedConnection(tenant(11))!)
        adminSets(tenant(11), { tenant_name: 'Renamed' })
        h.inScope(() => cacheConnection(entry))
        clockAt('2026-12-06T06:00:30Z')
        expect(as(h.integrationUser, () => requireConnection(tenant(11))).tenantName).toBe('Contoso')
        // A hit leaves the entry as it was put: it is not put again with a new time.
        expect(JSON.parse(h.inScope(() => ScopedCacheManager.get(CONNECTION_CACHE, tenant(11)))!).cachedAt).toBe(Date.parse('2026-12-06T06:00:00Z'))
        clockAt('2026-12-06T06:01:00Z')
        expect(as(h.integrationUser, () => requireConnection(tenant(11))).tenantName).toBe('Renamed')
    })

    it('records the last contact of a connection that has none', () => {
        clockAt('2026-12-06T07:00:00Z')
        register(tenant(12))
        adminSets(tenant(12), { last_contact_at: '' })
        clockAt('2026-12-06T07:00:10Z')
        expect(as(h.integrationUser, () => requireConnection(tenant(12))).lastContactAt).toBe('2026-12-06 07:00:10')
        expect(row(tenant(12)).last_contact_at).toBe('2026-12-06 07:00:10')
    })
})

describe('status and refresh tokens', () => {
    it("reports the connection's status with the latest expiry of its client's refresh tokens for its user", () => {
        const user = integrationUser()
        clockAt('2026-12-06T08:00:00Z')
        const { connection } = register(tenant(13), user, 'Fabrikam', 'b@fabrikam.com')
        h.addRefreshToken(user, 'a', { expires: '2027-02-01 04:00:00' })
        h.addRefreshToken(user, 'b', { expires: '2027-03-06 04:00:00' })
        h.addRefreshToken(user, 'c', { expires: '2027-01-01 04:00:00' })
        h.addRefreshToken(user, 'd', { expires: '2027-09-01 04:00:00', client: h.otherClient })
        h.addRefreshToken(h.integrationUser, 'e', { expires: '2027-10-01 04:00:00' })
        h.runtime.runAs('admin', () => {
            const credential = new GlideRecord('oauth_credential')
            credential.initialize()
            credential.setValue('peer', h.appClient)
            credential.setValue('user', user)
            credential.setValue('type', 'access_token')
            credential.setValue('token', 'f')
            credential.setValue('expires', '2027-12-01 04:00:00')
            credential.insert()
        })
        expect(h.inScope(() => connectionStatus(connection))).toEqual({
            tenantId: tenant(13),
            tenantName: 'Fabrikam',
            status: 'connected',
            connectedBy: 'b@fabrikam.com',
            integrationUser: { userName: 'm365.rules' + users, name: '' },
            since: '2026-12-06T08:00:00Z',
            lastContact: '2026-12-06T08:00:00Z',
            appVersion: '1.0.0',
            enabledTicketTypes: ['change', 'incident'],
            refreshTokenExpiresAt: '2027-03-06T04:00:00Z',
        })
        expect(h.inScope(() => refreshTokenExpiry(user, h.otherClient))).toBe('2027-09-01 04:00:00')
        // Tokens without a user or a client (none the platform issues) never answer for an empty one.
        h.addRefreshToken('', 'g', { expires: '2028-01-01 04:00:00' })
        h.addRefreshToken(user, 'h', { expires: '2028-01-01 04:00:00', client: '' })
        expect([h.count('oauth_credential', 'userISEMPTY^peer=' + h.appClient), h.count('oauth_credential', 'user=' + user + '^peerISEMPTY')]).toEqual([1, 1])
        expect(h.inScope(() => refreshTokenExpiry(user, ''))).toBeNull()
        expect(h.inScope(() => refreshTokenExpiry('', h.appClient))).toBeNull()
        expect(h.inScope(() => refreshTokenExpiry(integrationUser(), h.appClient))).toBeNull()
        expect(h.inScope(() => connectionStatus({ ...connection, connectedAt: null, lastContactAt: null, integrationUser: '' }))).toMatchObject({ integrationUser: null, since: null, lastContact: null, refreshTokenExpiresAt: null })
    })

    it('names the integration user by user id and name; none when the user is gone or is named only by its display value', () => {
        const named = h.runtime.createUser({ user_name: 'm365.named', first_name: 'Microsoft 365', last_name: 'Integration', roles: ['x_mioms_m365ticket.integration'] })
        const { connection } = register(tenant(40), named)
        expect(h.inScope(() => connectionStatus(connection)).integrationUser).toEqual({ userName: 'm365.named', name: 'Microsoft 365 Integration' })
        expect(h.inScope(() => connectionStatus({ ...connection, integrationUser: 'f'.repeat(32) })).integrationUser).toBeNull()
        // A reference holds a sys_id: a value that is only some user's name (sys_user's display value) names no one.
        expect(h.inScope(() => connectionStatus({ ...connection, integrationUser: 'Microsoft 365 Integration' })).integrationUser).toBeNull()
        // A user whose user id an admin emptied (a data fix) shows an empty one, never null.
        h.runtime.runAs('admin', () => {
            const user = new GlideRecord('sys_user')
            expect(user.get(named)).toBe(true)
            user.setWorkflow(false)
            user.setValue('user_name', '')
            user.update()
        })
        expect(h.inScope(() => connectionStatus(connection)).integrationUser).toEqual({ userName: '', name: 'Microsoft 365 Integration' })
    })

    it("uses the connection's recorded client, else the checklist's", () => {
        const { connection } = register(tenant(14))
        expect(h.inScope(() => connectionClient(connection))).toBe(h.appClient)
        expect(h.inScope(() => connectionClient({ ...connection, oauthClient: h.otherClient }))).toBe(h.otherClient)
        expect(h.inScope(() => connectionClient({ ...connection, oauthClient: '' }))).toBe(h.appClient)
        // Without the checklist's client (its marker removed), a connection without a recorded one has none.
        const marker = h.rows('oauth_entity', 'sys_id=' + h.appClient)[0].comments!
        const setMarker = (comments: string) =>
            h.runtime.runAs('admin', () => {
                const client = new GlideRecord('oauth_entity')
                expect(client.get(h.appClient)).toBe(true)
                client.setValue('comments', comments)
                client.update()
            })
        setMarker('')
        try {
            expect(h.inScope(() => connectionClient({ ...connection, oauthClient: '' }))).toBe('')
        } finally {
            setMarker(marker)
        }
        expect(h.inScope(() => connectionClient({ ...connection, oauthClient: '' }))).toBe(h.appClient)
    })

    it('readConnection: every field of the row, empty strings for empty text and nulls for empty times', () => {
        const { connection } = register(tenant(15))
        adminSets(tenant(15), { state_names: '{"change":{}}', tenant_id: '', tenant_name: '', integration_user: '', connected_by: '', connected_at: '', last_contact_at: '', oauth_client: '', status: '' })
        const read = h.inScope(() => {
            const record = new GlideRecord(CONNECTION_TABLE)
            record.get(connection.sysId)
            return readConnection(record)
        })
        expect(read).toEqual({ sysId: connection.sysId, tenantId: '', tenantName: '', integrationUser: '', oauthClient: '', status: '', connectedBy: '', connectedAt: null, lastContactAt: null, stateNames: '{"change":{}}' })
    })
})

describe('removeConnection', () => {
    it("reports the tokens refused when the instance refuses the app's delete on oauth_credential, disconnecting all the same", () => {
        const user = integrationUser()
        const { connection } = register(tenant(16), user)
        h.addRefreshToken(user, 'a', { expires: '2027-02-01 04:00:00' })
        const warningsBefore = h.count('syslog', 'level=1')
        expect(as(user, () => removeConnection(connection))).toEqual({ revokedTokens: 0, tokenRevocation: 'refused' })
        expect(connection.status).toBe('disconnected')
        expect(row(tenant(16)).status).toBe('disconnected')
        expect(h.count('oauth_credential', 'user=' + user)).toBe(1)
        const warnings = h.rows('syslog', 'level=1').slice(warningsBefore).map((r) => r.message)
        expect(warnings).toContain('Microsoft 365 connector: the OAuth tokens of ' + user + " were not revoked: Delete operation against 'oauth_credential' from scope 'x_mioms_m365ticket' has been refused due to the table's cross-scope access policy")
    })

    it("revokes only its client's tokens of its user, counting them", () => {
        h.allowTokenDeletes()
        const user = integrationUser()
        const { connection } = register(tenant(17), user)
        h.addRefreshToken(user, 'a', { expires: '2027-02-01 04:00:00' })
        h.addRefreshToken(user, 'b', { expires: '2027-03-01 04:00:00' })
        h.addRefreshToken(user, 'c', { expires: '2027-03-01 04:00:00', client: h.otherClient })
        const bystander = integrationUser()
        h.addRefreshToken(bystander, 'd', { expires: '2027-03-01 04:00:00' })
        expect(as(user, () => removeConnection(connection))).toEqual({ revokedTokens: 2, tokenRevocation: 'revoked' })
        expect(h.rows('oauth_credential', 'user=' + user).map((r) => r.peer)).toEqual([h.otherClient])
        expect(h.count('oauth_credential', 'user=' + bystander)).toBe(1)
        expect(row(tenant(17)).status).toBe('disconnected')
    })

    it("keeps the tokens while the user still serves another connected tenant, but not for a removed one", () => {
        h.allowTokenDeletes()
        const user = integrationUser()
        const first = register(tenant(18), user).connection
        const second = register(tenant(19), user).connection
        h.addRefreshToken(user, 'a', { expires: '2027-02-01 04:00:00' })
        expect(as(user, () => removeConnection(first))).toEqual({ revokedTokens: 0, tokenRevocation: 'kept' })
        expect(row(tenant(18)).status).toBe('disconnected')
        expect(as(user, () => removeConnection(second))).toEqual({ revokedTokens: 1, tokenRevocation: 'revoked' })
        expect(h.count('oauth_credential', 'user=' + user)).toBe(0)
    })

    it('keeps everything for a connection whose row is gone, and revokes nothing for one without an integration user', () => {
        h.allowTokenDeletes()
        const user = integrationUser()
        const { connection } = register(tenant(20), user)
        h.addRefreshToken(user, 'a', { expires: '2027-02-01 04:00:00' })
        expect(as(user, () => removeConnection({ ...connection, sysId: 'f'.repeat(32) }))).toEqual({ revokedTokens: 0, tokenRevocation: 'kept' })
        expect(row(tenant(20)).status).toBe('connected')
        const noUser = { ...connection, integrationUser: '' }
        expect(as(user, () => removeConnection(noUser))).toEqual({ revokedTokens: 0, tokenRevocation: 'kept' })
        expect(noUser.status).toBe('disconnected')
        expect(row(tenant(20)).status).toBe('disconnected')
        expect(h.count('oauth_credential', 'user=' + user)).toBe(1)
    })

    it("without a known client (oauth_entity refused to the app), keeps the recorded one at registration and revokes all the user's tokens", () => {
        h.allowTokenDeletes()
        const user = integrationUser()
        const { connection } = register(tenant(21), user)
        h.addRefreshToken(user, 'a', { expires: '2027-02-01 04:00:00' })
        h.addRefreshToken(user, 'b', { expires: '2027-02-01 04:00:00', client: h.otherClient })
        setTableAccess('oauth_entity', 'read_access', 'false')
        try {
            expect(register(tenant(21), user).connection.oauthClient).toBe(h.appClient)
            expect(register(tenant(22), user).connection.oauthClient).toBe('')
            expect(h.inScope(() => connectionClient({ ...connection, oauthClient: '' }))).toBe('')
            expect(as(user, () => removeConnection(h.inScope(() => findConnection(tenant(22))!)))).toEqual({ revokedTokens: 0, tokenRevocation: 'kept' })
            expect(as(user, () => removeConnection({ ...connection, oauthClient: '' }))).toEqual({ revokedTokens: 2, tokenRevocation: 'revoked' })
        } finally {
            setTableAccess('oauth_entity', 'read_access', 'true')
        }
    })
})

describe('the OAuth client a registration records', () => {
    /** A token issued to the user, as the platform keeps it in oauth_credential (peer: the OAuth client). */
    function addToken(user: string, client: string, type: 'access_token' | 'refresh_token', expires: string): void {
        h.runtime.runAs('admin', () => {
            const credential = new GlideRecord('oauth_credential')
            credential.initialize()
            credential.setValue('peer', client)
            credential.setValue('user', user)
            credential.setValue('type', type)
            credential.setValue('token', 'token-' + client + '-' + type + '-' + expires)
            credential.setValue('expires', expires)
            expect(credential.insert()).toBeTruthy()
        })
    }

    it("is the client of the integration user's access token issued last, even one the checklist did not make", () => {
        clockAt('2026-12-06T03:00:00Z')
        const user = integrationUser()
        addToken(user, h.appClient, 'access_token', '2026-12-06 03:20:00')
        clockAt('2026-12-06T03:10:00Z')
        addToken(user, h.otherClient, 'access_token', '2026-12-06 03:40:00')
        expect(register(tenant(60), user).connection.oauthClient).toBe(h.otherClient)
        expect(row(tenant(60)).oauth_client).toBe(h.otherClient)
    })

    it("is the checklist's client when the user holds no unexpired access token (a Basic-auth call): expired ones and refresh tokens do not count", () => {
        clockAt('2026-12-06T04:00:00Z')
        const user = integrationUser()
        addToken(user, h.otherClient, 'access_token', '2026-12-06 03:59:59')
        addToken(user, h.otherClient, 'refresh_token', '2027-03-16 04:00:00')
        expect(register(tenant(61), user).connection.oauthClient).toBe(h.appClient)
    })

    it('is known from the token when oauth_entity is refused to the app, and fills in a connection registered without one', () => {
        clockAt('2026-12-06T05:00:00Z')
        const user = integrationUser()
        setTableAccess('oauth_entity', 'read_access', 'false')
        try {
            expect(register(tenant(62), user).connection.oauthClient).toBe('')
            addToken(user, h.otherClient, 'access_token', '2026-12-06 05:30:00')
            expect(register(tenant(62), user).connection.oauthClient).toBe(h.otherClient)
        } finally {
            setTableAccess('oauth_entity', 'read_access', 'true')
        }
    })

    it('fills in the client of a connection registered without one at its next recorded last contact, and keeps a recorded one', () => {
        clockAt('2026-12-06T07:00:00Z')
        const user = integrationUser()
        register(tenant(64), user)
        adminSets(tenant(64), { oauth_client: '' })
        addToken(user, h.otherClient, 'access_token', '2026-12-06 07:30:00')
        clockAt('2026-12-06T07:00:30Z')
        expect(as(user, () => requireConnection(tenant(64))).oauthClient).toBe('')
        clockAt('2026-12-06T07:01:00Z')
        expect(as(user, () => requireConnection(tenant(64))).oauthClient).toBe(h.otherClient)
        expect(row(tenant(64))).toMatchObject({ oauth_client: h.otherClient, last_contact_at: '2026-12-06 07:01:00' })
        adminSets(tenant(64), { oauth_client: h.appClient })
        clockAt('2026-12-06T07:02:00Z')
        expect(as(user, () => requireConnection(tenant(64))).oauthClient).toBe(h.appClient)
        expect(row(tenant(64)).oauth_client).toBe(h.appClient)
    })

    it("is the checklist's client when oauth_credential is refused to the app", () => {
        clockAt('2026-12-06T06:00:00Z')
        const user = integrationUser()
        addToken(user, h.otherClient, 'access_token', '2026-12-06 06:30:00')
        setTableAccess('oauth_credential', 'read_access', 'false')
        try {
            expect(register(tenant(63), user).connection.oauthClient).toBe(h.appClient)
        } finally {
            setTableAccess('oauth_credential', 'read_access', 'true')
        }
    })
})

describe('registerConnection when the instance refuses the insert (a before business rule aborts it)', () => {
    /** Installs a before-insert rule on the connection table for one tenant, and lets the instance's script host pick it up. */
    function beforeInsert(tenantId: string, fields: { [field: string]: string }): void {
        h.runtime.store.insert(
            'sys_script',
            { name: 'test: ' + tenantId, collection: CONNECTION_TABLE, when: 'before', action_insert: 'true', active: 'true', order: '100', filter_condition: 'tenant_id=' + tenantId, ...fields },
            { userName: 'admin', sysId: null },
        )
        new ScriptHost(h.runtime)
    }

    /** A rule script that plays a concurrent registration through `user`: it inserts the tenant's row (no business rules) and aborts this insert. */
    function concurrentRegistration(user: string): string {
        return (
            "var winner = new GlideRecord(current.getTableName()); winner.initialize(); ['tenant_id', 'tenant_name', 'connected_by', 'status', 'connected_at', 'last_contact_at'].forEach(function (f) { winner.setValue(f, current.getValue(f)) }); winner.setValue('integration_user', '" +
            user +
            "'); winner.setWorkflow(false); winner.insert(); current.setAbortAction(true);"
        )
    }

    it('refuses the tenant when the insert is refused and no registration won', () => {
        beforeInsert(tenant(30), { abort_action: 'true' })
        expect(thrown(() => register(tenant(30)))).toEqual(refused(tenant(30), 'a concurrent registration through another integration user won'))
        expect(h.count(CONNECTION_TABLE, 'tenant_id=' + tenant(30))).toBe(0)
    })

    it("answers with the concurrent registration of the same user, created false", () => {
        beforeInsert(tenant(31), { script: concurrentRegistration(h.integrationUser) })
        clockAt('2026-12-06T11:00:00Z')
        const result = register(tenant(31))
        expect(result).toEqual({ connection: h.inScope(() => findConnection(tenant(31))), created: false })
        expect(result.connection).toMatchObject({ tenantId: tenant(31), integrationUser: h.integrationUser, oauthClient: '', connectedAt: '2026-12-06 11:00:00' })
        expect(h.count(CONNECTION_TABLE, 'tenant_id=' + tenant(31))).toBe(1)
    })

    it('refuses the tenant when a concurrent registration of another user won', () => {
        beforeInsert(tenant(32), { script: concurrentRegistration(h.otherIntegrationUser) })
        expect(thrown(() => register(tenant(32)))).toEqual(refused(tenant(32), 'a concurrent registration through another integration user won'))
        expect(row(tenant(32)).integration_user).toBe(h.otherIntegrationUser)
    })
})
