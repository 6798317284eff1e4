/**
 * The Microsoft 365 side's link to one ServiceNow instance: OAuth (simple-oauth2's authorization-code
 * client against /oauth_auth.do and /oauth_token.do), token refresh, and the connector API calls the
 * security center makes (connection, shares, delta sync, state names). Every API call goes through
 * the retrying client in http-client.ts.
 *
 *   new ServiceNowLink({ store, redirectUri, retry?, log? })   one per tenant (its TenantStore)
 *   link.beginConsent(form) / link.beginReauthorization()  → the /oauth_auth.do URL to send the browser to
 *   link.completeConsent({ state, code?, error? }, connectedBy)  tokens stored, PUT /connection made
 *   link.accessToken()                                      refreshes first when expired or about to
 *   link.connectionStatus() / removeConnection() / saveStateNames() / sync() / sendShare(id)
 *
 * Token states: a refresh the instance refuses (4xx, e.g. invalid_grant) marks the connection
 * 'needs_reauthorization' and no call is made until the admin re-authorizes; a refresh that cannot
 * reach the instance is retried and reported, and leaves the tokens as they are.
 */
import { randomBytes } from 'node:crypto'
import { AuthorizationCode, type AccessToken } from 'simple-oauth2'
import {
    createInstanceClient,
    InstanceApiError,
    InstanceUnreachableError,
    isRetryableStatus,
    retryDefaults,
    withRetries,
    type AttemptOutcome,
    type InstanceClient,
    type RetryOptions,
} from './http-client.ts'
import { parseRetryAfter } from '../retry.ts'
import type { Share, StoredConnection, StoredTicket, TenantStore, TicketStates } from '../../store/store.ts'

export const OAUTH_SCOPE = 'useraccount'
const CONSENT_MAX_AGE_MS = 10 * 60 * 1000
const SYNC_PAGE_SIZE = 100

export class NeedsReauthorizationError extends Error {
    constructor(message: string) {
        super(message)
        this.name = 'NeedsReauthorizationError'
    }
}

export class NotConnectedError extends Error {
    constructor() {
        super('ServiceNow is not connected.')
        this.name = 'NotConnectedError'
    }
}

/** What the connect form is given back after a consent that failed, so nothing typed but the secret is lost. */
export interface ConnectRefill {
    instanceUrl: string
    clientId: string
    tenantId: string
    tenantName: string
}

export class ConsentError extends Error {
    constructor(
        message: string,
        /** Set when the client id or secret was refused: the form to show again, with the secret to retype. */
        readonly refill: ConnectRefill | null = null,
    ) {
        super(message)
        this.name = 'ConsentError'
    }
}

export const CLIENT_REFUSED_MESSAGE = 'ServiceNow refused the client ID or secret — copy them again from checklist step 2 or issue a new secret.'

/** What went wrong with an instance call, for the log: status, ServiceNow's message and detail, or the network error. */
export function errorDetail(error: unknown): string {
    const e = error as Error & { detail?: string | null; status?: number }
    return (error instanceof InstanceApiError ? 'HTTP ' + e.status + ': ' : '') + e.message + (e.detail ? ' (' + e.detail + ')' : '')
}

/**
 * An instance call's failure in plain words for the page. The technical text (method, path, network code) is not
 * shown: callers log it with errorDetail. Messages the connector app wrote for people (its 4xx envelopes) are kept.
 */
export function plainError(error: unknown): string {
    if (error instanceof InstanceUnreachableError) return 'ServiceNow did not answer. Check that the instance is up and that this bridge can reach it, then try again.'
    if (error instanceof NeedsReauthorizationError || (error instanceof InstanceApiError && error.status === 401)) {
        return 'ServiceNow no longer accepts this connection\'s sign-in. Re-authorize it on Manage ServiceNow configuration.'
    }
    if (error instanceof NotConnectedError || error instanceof ConsentError) return error.message
    if (error instanceof InstanceApiError) {
        if (error.status === 429 || error.status >= 500) return 'ServiceNow is busy or had an error (HTTP ' + error.status + '). Try again in a few minutes.'
        if (error.status === 400 && error.message === 'Requested URI does not represent any resource') {
            return 'The Microsoft 365 Ticketing Connector app does not answer on this instance. Check that it is installed and active.'
        }
        if (/^HTTP \d+ from |not JSON/.test(error.message)) return 'ServiceNow gave an answer the bridge cannot read (HTTP ' + error.status + '). The bridge log has the details.'
        return error.message + (error.detail ? (/[.!?]$/.test(error.message) ? ' ' : '. ') + error.detail : '')
    }
    return 'Something went wrong. The bridge log has the details.'
}

/**
 * The instance refuses PUT /connection (403) to a user without the integration role: the account that allowed
 * access on ServiceNow's consent page was the wrong one, typically the admin already signed in there.
 */
function isWrongAccount(error: unknown): boolean {
    return error instanceof InstanceApiError && error.status === 403 && /integration user/i.test(error.message)
}

export const WRONG_ACCOUNT_MESSAGE =
    'The wrong ServiceNow account allowed access. The account signed in on the ServiceNow consent page is not the integration user, ' +
    'so the instance refused the connection; the tokens issued to that account were given back. To fix it: connect again, and on the ' +
    'ServiceNow consent page choose "Not you?", sign in as the integration user created by the installation checklist (step 3), then allow access.'

export interface ConnectForm {
    instanceUrl: string
    clientId: string
    clientSecret: string
    tenantId: string
    tenantName: string
}

export interface RemoteConnectionStatus {
    tenantId: string
    tenantName: string
    status: string
    connectedBy: string
    since: string | null
    lastContact: string | null
    appVersion: string
    enabledTicketTypes: string[]
    refreshTokenExpiresAt: string | null
    /** The account the connection's tokens act as (the app's GET /connection names it since issue 21). */
    integrationUser?: { userName: string; name: string } | null
}

export interface ServiceNowLinkOptions {
    store: TenantStore
    /** The redirect URL registered on the instance's OAuth client: this app's /oauth/callback. */
    redirectUri: string
    retry?: RetryOptions
    /** Tickets asked for per GET /tickets page during delta sync (default 100). */
    syncPageSize?: number
    log?: (message: string) => void
}

/**
 * An instance URL as the admin may type it: a full URL, a host, or an instance name ('dev12345'
 * means https://dev12345.service-now.com). Plain http is accepted only for this machine.
 */
/**
 * A host or host:port typed without a scheme ("contoso.service-now.com", "127.0.0.1:8080"): refused rather than
 * guessed, since https (an instance) and http (the local one) both occur; the form says what to type.
 */
export function isBareHost(input: string): boolean {
    return /^[a-z0-9.-]+(:\d+)?(\/.*)?$/i.test(input.trim()) && !/^[a-z0-9-]+$/i.test(input.trim())
}

export function normalizeInstanceUrl(input: string): string | null {
    let value = input.trim()
    if (!value) return null
    if (/^[a-z0-9-]+$/i.test(value)) value = 'https://' + value + '.service-now.com'
    else if (!/^https?:\/\//i.test(value)) return null
    let url: URL
    try {
        url = new URL(value)
    } catch {
        return null
    }
    const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]'
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return null
    if (url.username || url.password) return null
    return url.origin
}

/**
 * Whether `instanceUrl` answers as a ServiceNow instance, asked before the browser is sent to its consent page (a
 * wrong address would end there in a browser error page or a stranger's 404). A REST API call without credentials
 * gets the platform's error envelope, {"error": {"message": ...}, "status": "failure"} with 401 ("REST API
 * reference"), from every instance. Returns what is wrong in plain words, or null; the technical cause is logged.
 */
export async function instanceProblem(instanceUrl: string, timeoutMs: number, log: (line: string) => void): Promise<string | null> {
    let status: number
    let text: string
    try {
        const answer = await fetch(instanceUrl + '/api/now/table/sys_properties?sysparm_limit=1', {
            headers: { accept: 'application/json' },
            redirect: 'manual',
            signal: AbortSignal.timeout(timeoutMs),
        })
        status = answer.status
        text = await answer.text()
    } catch (error) {
        const e = error as { name?: string; message?: string; cause?: { code?: string } }
        log('instance check of ' + instanceUrl + ' failed: ' + (e.cause?.code ?? e.name ?? e.message))
        return `Nothing answered at ${instanceUrl}. Check the address, and that this bridge can reach the instance.`
    }
    const body = safeJson(text) as { status?: unknown; error?: { message?: unknown }; result?: unknown } | null
    const envelope = !!body && typeof body === 'object' && ((body.status === 'failure' && typeof body.error?.message === 'string') || 'result' in body)
    if (envelope) return null
    log('instance check of ' + instanceUrl + ': HTTP ' + status + ', not a ServiceNow REST answer')
    // A hibernating developer instance answers HTTP with a notice page instead ("Hibernation and developer instances").
    if (new URL(instanceUrl).hostname.endsWith('.service-now.com')) {
        return `${instanceUrl} answered, but not as a ServiceNow instance. A developer instance may be hibernating: wake it on the Developer Site, then connect again.`
    }
    return `${instanceUrl} answered, but not as a ServiceNow instance. Check the address: an instance's is https://<name>.service-now.com.`
}

function oauthErrorMessage(error: unknown): { status: number | null; message: string } {
    const e = error as { data?: { isResponseError?: boolean; payload?: unknown }; output?: { statusCode?: number }; message?: string }
    if (e && e.data && e.data.isResponseError && e.output) {
        let message = 'HTTP ' + e.output.statusCode
        const payload = e.data.payload
        const body = Buffer.isBuffer(payload) ? payload.toString('utf8') : payload
        const parsed = typeof body === 'string' ? safeJson(body) : body
        if (parsed && typeof parsed === 'object') {
            const p = parsed as { error?: unknown; error_description?: unknown }
            if (typeof p.error === 'string') message = p.error + (typeof p.error_description === 'string' ? ': ' + p.error_description : '')
        }
        return { status: e.output.statusCode ?? null, message }
    }
    return { status: null, message: (e && e.message) || String(error) }
}

function safeJson(text: string): unknown {
    try {
        return JSON.parse(text)
    } catch {
        return null
    }
}

function responseHeaders(error: unknown): { [name: string]: string | string[] | undefined } {
    const e = error as { data?: { headers?: { [name: string]: string | string[] | undefined } } }
    return (e && e.data && e.data.headers) || {}
}

/** A token endpoint call as a retry attempt: 429, 5xx and network errors are retried. */
async function oauthAttempt<T>(call: () => Promise<T>): Promise<AttemptOutcome<T>> {
    try {
        return { kind: 'done', value: await call() }
    } catch (error) {
        const { status, message } = oauthErrorMessage(error)
        if (status !== null && !isRetryableStatus(status)) throw error
        const retryAfter = responseHeaders(error)['retry-after']
        return {
            kind: 'failed',
            error: error as Error,
            reason: status === null ? message : 'HTTP ' + status,
            ...(typeof retryAfter === 'string' ? { retryAfterMs: parseRetryAfter(retryAfter) } : {}),
        }
    }
}

function newId(prefix = ''): string {
    return prefix + randomBytes(12).toString('base64url')
}

/** A task id the connector accepts (1-64 of A-Z a-z 0-9 . _ : -), unique per share. */
export function newTaskId(controlId: string): string {
    const suffix = Date.now().toString(36) + '-' + randomBytes(4).toString('hex')
    return (controlId.replace(/[^A-Za-z0-9._:-]/g, '').slice(0, 40) || 'task') + '-' + suffix
}

export class ServiceNowLink {
    private refreshing: Promise<string> | null = null
    private syncing: Promise<SyncResult> | null = null
    /** The shares this process is sending right now, by share id: a `pending` share not here was left by a process that stopped. */
    private readonly sending = new Map<string, Promise<Share>>()
    /** Where the technical side of failures goes (the page shows them in plain words). */
    readonly log: (message: string) => void

    constructor(private readonly options: ServiceNowLinkOptions) {
        this.log = options.log ?? (() => {})
    }

    get store(): TenantStore {
        return this.options.store
    }

    get redirectUri(): string {
        return this.options.redirectUri
    }


    private oauthClient(connection: { instanceUrl: string; clientId: string; clientSecret: string }): AuthorizationCode {
        return new AuthorizationCode({
            client: { id: connection.clientId, secret: connection.clientSecret },
            auth: { tokenHost: connection.instanceUrl, tokenPath: '/oauth_token.do', authorizePath: '/oauth_auth.do' },
            // ServiceNow reads client_id and client_secret from the form body.
            options: { authorizationMethod: 'body' },
        })
    }

    private get tokenHttpOptions(): { timeout: number } {
        return { timeout: retryDefaults(this.options.retry).timeoutMs }
    }

    // --- consent ---------------------------------------------------------------------------

    /** Stores the pending consent under a fresh `state` and returns where to send the browser. */
    beginConsent(form: ConnectForm): string {
        const state = newId()
        this.store.addPendingConsent({ ...form, state, createdAt: Date.now() })
        return this.oauthClient(form).authorizeURL({ redirect_uri: this.redirectUri, scope: OAUTH_SCOPE, state })
    }

    beginReauthorization(): string {
        const connection = this.store.getConnection()
        if (!connection) throw new NotConnectedError()
        return this.beginConsent(connection)
    }

    async completeConsent(params: { state?: string; code?: string; error?: string; errorDescription?: string }, connectedBy: string): Promise<StoredConnection> {
        if (!params.state) throw new ConsentError('The answer from ServiceNow carries no state; start the connection again.')
        const pending = this.store.takePendingConsent(params.state, CONSENT_MAX_AGE_MS)
        if (!pending) throw new ConsentError('This sign-in answer is unknown, already used or expired; start the connection again.')
        if (params.error) {
            const why = params.error === 'access_denied' ? 'The consent was denied on ServiceNow.' : 'ServiceNow refused the authorization: ' + params.error + '.'
            throw new ConsentError(why + (params.errorDescription ? ' ' + params.errorDescription : ''))
        }
        if (!params.code) throw new ConsentError('ServiceNow sent no authorization code.')
        const client = this.oauthClient(pending)
        const code = params.code
        let token: AccessToken
        try {
            const exchanged = await withRetries(
                () => oauthAttempt(() => client.getToken({ code, redirect_uri: this.redirectUri }, this.tokenHttpOptions)),
                this.options.retry,
            )
            token = exchanged.value
        } catch (error) {
            const { status, message } = oauthErrorMessage(error)
            this.log('authorization code exchange failed: ' + message)
            // The code was just issued to this client id, so a refusal of the client is its secret (instances answer
            // 401 server_error/access_denied, RFC 6749 401 invalid_client).
            if (status === 401 || /invalid_client/.test(message)) {
                const { instanceUrl, clientId, tenantId, tenantName } = pending
                throw new ConsentError(CLIENT_REFUSED_MESSAGE, { instanceUrl, clientId, tenantId, tenantName })
            }
            throw new ConsentError('ServiceNow did not complete the sign-in. Connect again; if it happens again, see the bridge log.')
        }
        const candidate: StoredConnection = {
            instanceUrl: pending.instanceUrl,
            clientId: pending.clientId,
            clientSecret: pending.clientSecret,
            tenantId: pending.tenantId,
            tenantName: pending.tenantName,
            token: { ...token.token },
            status: 'connected',
            lastError: null,
            connectedAt: new Date().toISOString(),
        }
        const working = this.store.getConnection()
        try {
            // Registered with the new tokens before they replace anything: tokens of the wrong account must never
            // take the place of a working connection's.
            await this.putConnection(candidate, connectedBy)
        } catch (error) {
            if (isWrongAccount(error)) {
                await this.revokeTokens(candidate)
                this.log('consent by an account without the integration role refused; its tokens were revoked')
                throw new ConsentError(working ? await this.nothingChangedMessage() : WRONG_ACCOUNT_MESSAGE)
            }
            this.log('PUT /connection failed: ' + errorDetail(error))
            if (working) {
                // A re-authorization the instance did not take replaces nothing either.
                await this.revokeTokens(candidate)
                throw new ConsentError('ServiceNow did not accept the re-authorization: ' + plainError(error) + ' Nothing changed: the connection keeps its tokens.')
            }
            this.store.saveConnection({ ...candidate, status: 'error', lastError: plainError(error) })
            throw new ConsentError('Signed in, but the instance did not accept the connection: ' + plainError(error))
        }
        this.store.saveConnection(candidate)
        this.log('connected to ' + candidate.instanceUrl + ' for tenant ' + candidate.tenantId)
        return this.store.getConnection() as StoredConnection
    }

    /** PUT /connection with the given connection's own access token (not necessarily the stored one). */
    private async putConnection(connection: StoredConnection, connectedBy: string): Promise<void> {
        const accessToken = String(connection.token?.access_token ?? '')
        const client = createInstanceClient({ baseUrl: connection.instanceUrl, getAccessToken: async () => accessToken, retry: this.options.retry })
        await client.call('PUT', '/connection', { body: { tenantId: connection.tenantId, tenantName: connection.tenantName, connectedBy } })
    }

    /**
     * A re-authorization by the wrong account changed nothing: said after asking the instance with the kept tokens,
     * so that the page and the instance agree on the status.
     */
    private async nothingChangedMessage(): Promise<string> {
        const how = 'To re-authorize, choose "Not you?" on the ServiceNow consent page and sign in as the integration user; the tokens given to the other account were handed back.'
        try {
            const status = await this.connectionStatus()
            const user = status.integrationUser
            const who = user ? `${user.name} (${user.userName}), the integration user that authorized it` : 'the integration user that authorized it'
            return `Nothing changed: your connection still works as ${who}. The account that allowed access is not the integration user. ` + how
        } catch (error) {
            return 'Nothing changed here: the connection keeps its tokens, but ServiceNow could not confirm that it still works (' + plainError(error) + '). ' + how
        }
    }

    // --- tokens ----------------------------------------------------------------------------

    private requireConnection(): StoredConnection {
        const connection = this.store.getConnection()
        if (!connection) throw new NotConnectedError()
        return connection
    }

    /** Seconds before expiry at which a token counts as expired: a tenth of its life, 1-60 s. */
    static refreshWindowSeconds(token: { [key: string]: unknown }): number {
        const lifespan = Number(token.expires_in)
        if (!Number.isFinite(lifespan) || lifespan <= 0) return 60
        return Math.max(1, Math.min(60, Math.floor(lifespan / 10)))
    }

    /** A current access token, refreshed first when it has expired or is about to. */
    async accessToken(): Promise<string> {
        const connection = this.requireConnection()
        if (connection.status === 'needs_reauthorization' || !connection.token) {
            throw new NeedsReauthorizationError(connection.lastError || 'The ServiceNow connection needs re-authorization.')
        }
        const token = this.oauthClient(connection).createToken(connection.token)
        if (!token.expired(ServiceNowLink.refreshWindowSeconds(connection.token))) return String(connection.token.access_token)
        return this.refresh()
    }

    /** Refreshes the access token; concurrent callers share one refresh. */
    refresh(): Promise<string> {
        if (!this.refreshing) {
            this.refreshing = this.doRefresh().finally(() => {
                this.refreshing = null
            })
        }
        return this.refreshing
    }

    private async doRefresh(): Promise<string> {
        const connection = this.requireConnection()
        if (!connection.token || !connection.token.refresh_token) {
            this.store.setConnectionStatus('needs_reauthorization', 'No refresh token is stored.')
            throw new NeedsReauthorizationError('No refresh token is stored; re-authorize the connection.')
        }
        const current = this.oauthClient(connection).createToken(connection.token)
        try {
            const { value: refreshed } = await withRetries(() => oauthAttempt(() => current.refresh({}, this.tokenHttpOptions)), this.options.retry)
            // Keep the refresh token when the answer carries none (ServiceNow may not rotate it).
            const next: { [key: string]: unknown } = { ...refreshed.token, refresh_token: refreshed.token.refresh_token ?? connection.token.refresh_token }
            this.store.updateToken(next)
            if (connection.status === 'needs_reauthorization') this.store.setConnectionStatus('connected', null)
            this.log('access token refreshed')
            return String(next.access_token)
        } catch (error) {
            const { status, message } = oauthErrorMessage(error)
            if (status !== null && status >= 400 && status < 500) {
                const why = 'ServiceNow no longer accepts the connection\'s refresh token (it expired or was revoked). Re-authorize the connection.'
                this.store.setConnectionStatus('needs_reauthorization', why)
                this.log('token refresh refused (' + message + '): connection needs re-authorization')
                throw new NeedsReauthorizationError(why)
            }
            this.log('token refresh failed: ' + message)
            throw status === null ? new InstanceUnreachableError('token refresh: ' + message, 0) : new InstanceApiError(status, 'token refresh: ' + message, null, 0)
        }
    }

    // --- connector API -----------------------------------------------------------------------

    client(): InstanceClient {
        const connection = this.requireConnection()
        return createInstanceClient({
            baseUrl: connection.instanceUrl,
            getAccessToken: () => this.accessToken(),
            onUnauthorized: () => this.refresh().catch(() => null),
            retry: this.options.retry,
        })
    }

    /** One connector call, with what its failure means for the connection recorded. */
    async call<T>(method: string, path: string, options: { query?: { [name: string]: string | number | null | undefined }; body?: unknown } = {}) {
        const connection = this.requireConnection()
        const query = method === 'GET' || method === 'DELETE' ? { tenantId: connection.tenantId, ...options.query } : options.query
        const body = options.body === undefined ? undefined : { tenantId: connection.tenantId, ...(options.body as object) }
        try {
            return await this.client().call<T>(method, path, { query, body })
        } catch (error) {
            if (error instanceof InstanceApiError && error.status === 401) {
                // Refreshed once already: the instance does not take these tokens any more.
                this.store.setConnectionStatus('needs_reauthorization', plainError(error))
            } else if (error instanceof InstanceApiError && error.status === 403 && /not connected/i.test(error.message)) {
                this.store.setConnectionStatus('error', plainError(error))
            }
            throw error
        }
    }

    async connectionStatus(): Promise<RemoteConnectionStatus> {
        const { result } = await this.call<RemoteConnectionStatus>('GET', '/connection')
        return result
    }

    /**
     * DELETE /connection, then the tokens are revoked on the instance (oauth_revoke_token.do, "Revoke an OAuth
     * token") and, with the client secret, forgotten here whatever the instance said: the instance may not let the
     * app delete them itself (oauth_credential's Application Access).
     */
    async removeConnection(): Promise<{ remoteError: string | null; tokens: 'revoked' | 'kept' | 'not revoked' }> {
        let remoteError: string | null = null
        let tokenRevocation: string | null = null
        try {
            const { result } = await this.call<{ tokenRevocation?: string }>('DELETE', '/connection')
            tokenRevocation = result?.tokenRevocation ?? null
        } catch (error) {
            remoteError = (error as Error).message
        }
        const connection = this.store.getConnection()
        // 'kept': the integration user still serves another tenant's connection, which holds these very tokens (the
        // instance gives one client and user its current token); 'revoked': the app deleted them already.
        let tokens: 'revoked' | 'kept' | 'not revoked' = tokenRevocation === 'kept' ? 'kept' : 'revoked'
        if (connection && tokenRevocation !== 'kept' && tokenRevocation !== 'revoked') tokens = (await this.revokeTokens(connection)) ? 'revoked' : 'not revoked'
        this.store.deleteConnection()
        this.log('connection removed')
        return { remoteError, tokens }
    }

    /** Hands a connection's tokens back to the instance ("Revoke an OAuth token": oauth_revoke_token.do); failures are logged. */
    private async revokeTokens(connection: StoredConnection): Promise<boolean> {
        let all = true
        for (const token of [connection.token?.refresh_token, connection.token?.access_token]) {
            if (typeof token !== 'string' || !token) continue
            try {
                const revoked = await fetch(connection.instanceUrl + '/oauth_revoke_token.do?token=' + encodeURIComponent(token), { signal: AbortSignal.timeout(10_000) })
                if (!revoked.ok) {
                    all = false
                    this.log('token revocation failed: answered ' + revoked.status)
                }
            } catch (error) {
                all = false
                this.log('token revocation failed: ' + (error as Error).message)
            }
        }
        return all
    }

    async saveStateNames(names: { change: { [value: string]: string }; incident: { [value: string]: string } }): Promise<TicketStates> {
        const { result } = await this.call<TicketStates>('PUT', '/state-names', { body: names })
        this.store.setStates(result)
        // Tickets carry their custom label: read them all again under the new names.
        this.store.set('watermark', null)
        return result
    }

    // --- delta sync --------------------------------------------------------------------------

    /** Brings the local tickets and states up to date; one sync at a time. */
    sync(): Promise<SyncResult> {
        if (!this.syncing) {
            this.syncing = this.doSync().finally(() => {
                this.syncing = null
            })
        }
        return this.syncing
    }

    private async doSync(): Promise<SyncResult> {
        try {
            const { result: states } = await this.call<TicketStates>('GET', '/states')
            this.store.setStates(states)
            // The instance answers: shares a stopped process left unanswered go out first, so their tickets are in this sync.
            await this.sendLeftShares()
            const since = this.store.get('watermark')
            let newest = since
            let cursor: string | null = null
            let pages = 0
            let fetched = 0
            do {
                const query: { [name: string]: string | number | null } = { limit: this.options.syncPageSize ?? SYNC_PAGE_SIZE, updatedSince: since, cursor }
                const { result }: { result: { tickets: StoredTicket[]; nextCursor: string | null } } = await this.call('GET', '/tickets', { query })
                this.store.mergeTickets(result.tickets)
                this.claimTickets(result.tickets)
                for (const ticket of result.tickets) {
                    if (ticket.updated && (!newest || Date.parse(ticket.updated) > Date.parse(newest))) newest = ticket.updated
                }
                fetched += result.tickets.length
                pages++
                cursor = result.nextCursor
            } while (cursor)
            if (newest) this.store.set('watermark', newest)
            this.store.set('last_sync_at', new Date().toISOString())
            this.store.set('last_sync_error', null)
            return { fetched, pages, since }
        } catch (error) {
            this.log('ticket sync failed: ' + errorDetail(error))
            this.store.set('last_sync_error', plainError(error))
            throw error
        }
    }

    // --- shares ------------------------------------------------------------------------------

    /**
     * Sends a share's stored payload with its stored task id (POST /tasks). Safe to call again:
     * a sent share is returned as it is, one being sent is not sent twice by this process, and a
     * retried one carries the same task id, so the instance replays the ticket it made instead of
     * making a second one.
     */
    sendShare(id: string): Promise<Share> {
        let sending = this.sending.get(id)
        if (!sending) {
            // Registered before the first await: a sync running meanwhile sees the share as in flight here.
            sending = this.postShare(id).finally(() => this.sending.delete(id))
            this.sending.set(id, sending)
        }
        return sending
    }

    /** Whether this process is sending the share right now (its result page says so). */
    isSending(id: string): boolean {
        return this.sending.has(id)
    }

    private async postShare(id: string): Promise<Share> {
        const share = this.store.getShare(id)
        if (!share) throw new Error('No such share: ' + id)
        if (share.status === 'sent') return share
        if (share.status === 'failed') this.store.markSharePending(id)
        try {
            const { status, result } = await this.call<StoredTicket>('POST', '/tasks', { body: { taskId: share.taskId, ...share.payload } })
            this.store.markShareSent(id, result, status === 200)
            this.store.mergeTickets([result])
            this.log('shared ' + share.controlId + ' as ' + result.number + (status === 200 ? ' (replayed)' : ''))
        } catch (error) {
            this.log('share of ' + share.controlId + ' failed: ' + errorDetail(error))
            this.store.markShareFailed(id, plainError(error))
        }
        return this.store.getShare(id) as Share
    }

    /**
     * A synced ticket made for a share held here as not sent is that share's ticket: its answer was lost (a timeout
     * that failed the share, or a process killed during Try again), and the share becomes sent with it, so the action
     * shows its open ticket and is not shared a second time.
     */
    private claimTickets(tickets: StoredTicket[]): void {
        for (const ticket of tickets) {
            const share = this.store.shareByTaskId(ticket.taskId)
            if (!share || share.status === 'sent') continue
            this.store.markShareSent(share.id, ticket, true)
            this.log('share of ' + share.controlId + ' (' + share.status + ') found in ServiceNow as ' + ticket.number + ': marked sent')
        }
    }

    /**
     * Shares left `pending` by a process that stopped (a kill, a crash, a restart) between storing them and storing
     * the instance's answer, sent again one by one. Their task ids are the stored ones: a ticket the instance made
     * for the lost answer is replayed, not made twice. A failure marks the share failed, for the admin to retry.
     */
    private async sendLeftShares(): Promise<void> {
        const left = this.store.pendingShares().filter((share) => !this.sending.has(share.id))
        for (const share of left) {
            this.log('share of ' + share.controlId + ' (task ' + share.taskId + ') was left unanswered by a stopped process: sending it again')
            await this.sendShare(share.id)
        }
    }
}

export interface SyncResult {
    fetched: number
    pages: number
    since: string | null
}
