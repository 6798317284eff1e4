/**
 * The local Microsoft 365 security center: a Fastify app that plays Microsoft 365 against any
 * ServiceNow instance running the Microsoft 365 Ticketing Connector (emulator/m365/README.md).
 *
 *   createM365Server(options?) → Promise<{ url, port, redirectUri, close(), app, link, store }>
 *
 * Options (all optional):
 *   port        TCP port on `host` (default 8090; 0 picks a free one)
 *   host        default '127.0.0.1'
 *   dataFile    its own SQLite file: connection, tokens, shares, ticket copies
 *               (default emulator/m365/.data/m365.sqlite; ':memory:' for tests)
 *   publicUrl   the URL browsers use to reach this app (default http://127.0.0.1:<port>); the OAuth
 *               redirect URL is `${publicUrl}/oauth/callback`, the value to register on the instance
 *   tenantId    the emulated tenant's GUID (default 72f988bf-86f1-41af-91ab-2d7cd011db47)
 *   tenantName  default 'Contoso'
 *   adminUser   the signed-in security admin: connectedBy and requestedBy
 *               (default secadmin@contoso.onmicrosoft.com)
 *   retry       RetryOptions for every instance call (http-client.ts)
 *   syncPageSize  tickets per GET /tickets page in delta sync (default 100)
 *   logger      a function given one line per request ("POST /connect 303 12ms", never a query
 *               string, body or token) and events; false for silence; default console.log
 *
 * Pages: / (Home: "Do you use ServiceNow?" card, or the change and incident cards), /actions,
 * /actions/:id/share, /shares/:id, /tickets?type=change|incident, /tickets/:number (ticket-routes.ts), /manage,
 * /oauth/callback.
 */
import formbody from '@fastify/formbody'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { findAction, IMPROVEMENT_ACTIONS, type ControlProfile } from './fixture.ts'
import { InstanceApiError, type RetryOptions } from './http-client.ts'
import { ConsentError, isBareHost, NeedsReauthorizationError, newTaskId, normalizeInstanceUrl, ServiceNowLink, type RemoteConnectionStatus } from './servicenow.ts'
import { openStore, type M365Store, type TicketStates } from './store.ts'
import { registerTicketRoutes } from './ticket-routes.ts'
import {
    actionsPage,
    homePage,
    layout,
    managePage,
    messagePage,
    sharePage,
    shareResultPage,
    ticketListPage,
    type ConnectFormValues,
    type FieldErrors,
    type PageContext,
    type EarlierShare,
    type ShareFormValues,
} from './views.ts'

export const DEFAULT_TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47'
export const DEFAULT_TENANT_NAME = 'Contoso'
export const DEFAULT_ADMIN_USER = 'secadmin@contoso.onmicrosoft.com'
export const DEFAULT_PORT = 8090
export const DEFAULT_DATA_FILE = resolve(__dirname, '.data', 'm365.sqlite')

export interface M365ServerOptions {
    port?: number
    host?: string
    dataFile?: string
    publicUrl?: string
    tenantId?: string
    tenantName?: string
    adminUser?: string
    retry?: RetryOptions
    syncPageSize?: number
    logger?: ((line: string) => void) | false
}

export interface M365Server {
    url: string
    port: number
    redirectUri: string
    app: FastifyInstance
    link: ServiceNowLink
    store: M365Store
    close(): Promise<void>
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DRAFT_ID = /^[A-Za-z0-9_-]{16,64}$/
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/ // eslint-disable-line no-control-regex

const NOTICES: { [code: string]: PageContext['notice'] } = {
    connected: { kind: 'success', text: 'ServiceNow is connected. Share an improvement action to create a ticket.' },
    removed: { kind: 'success', text: 'The ServiceNow connection was removed and its tokens forgotten.' },
    'removed-locally': {
        kind: 'info',
        text: 'The tokens were forgotten here, but the instance could not be told; remove the connection on ServiceNow too.',
    },
    'names-saved': { kind: 'success', text: 'State names saved.' },
    synced: { kind: 'success', text: 'Tickets refreshed.' },
}

type Body = { [name: string]: string | undefined }

function str(value: unknown): string {
    return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : ''
}

function today(offsetDays = 0): string {
    return new Date(Date.now() + offsetDays * 86400000).toISOString().slice(0, 10)
}

export function defaultPriority(action: ControlProfile): string {
    if (action.maxScore >= 9) return 'high'
    if (action.maxScore >= 5) return 'moderate'
    return 'low'
}

export function prefillShare(action: ControlProfile): ShareFormValues {
    return {
        ticketType: 'change',
        priority: defaultPriority(action),
        name: action.title.slice(0, 160),
        description:
            action.description +
            '\n\nImplementation cost: ' + action.implementationCost +
            '. User impact: ' + action.userImpact +
            '. Threats: ' + action.threats.join(', ') + '.',
        dueDate: today(30),
    }
}

/** The share dialog's rules, checked here whatever the browser did. */
export function validateShare(values: ShareFormValues): FieldErrors {
    const errors: FieldErrors = {}
    if (values.ticketType !== 'change' && values.ticketType !== 'incident') errors.ticketType = 'Choose change request or incident.'
    if (!['critical', 'high', 'moderate', 'low'].includes(values.priority)) errors.priority = 'Choose a priority.'
    const name = values.name.trim()
    if (!name) errors.name = 'Enter a name.'
    else if (name.length > 160) errors.name = 'Use at most 160 characters.'
    else if (CONTROL_CHARS.test(name)) errors.name = 'Use one line without control characters.'
    const description = values.description.trim()
    if (!description) errors.description = 'Enter a description.'
    else if (description.length > 4000) errors.description = 'Use at most 4000 characters.'
    if (!values.dueDate) errors.dueDate = 'Enter a due date.'
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(values.dueDate) || Number.isNaN(Date.parse(values.dueDate + 'T00:00:00Z')) || new Date(values.dueDate + 'T00:00:00Z').toISOString().slice(0, 10) !== values.dueDate) {
        errors.dueDate = 'Enter a date as YYYY-MM-DD.'
    } else if (values.dueDate < today()) errors.dueDate = 'The due date cannot be in the past.'
    return errors
}

export function validateConnect(values: ConnectFormValues & { clientSecret: string }): { errors: FieldErrors; instanceUrl: string | null } {
    const errors: FieldErrors = {}
    const instanceUrl = normalizeInstanceUrl(values.instanceUrl)
    if (!values.instanceUrl.trim()) errors.instanceUrl = 'Enter the instance URL.'
    else if (!instanceUrl && isBareHost(values.instanceUrl))
        errors.instanceUrl = `"${values.instanceUrl.trim()}" has no https:// or http://. Type the full address: https://contoso.service-now.com for an instance (or just its name, contoso), http://127.0.0.1:8080 for the local instance.`
    else if (!instanceUrl) errors.instanceUrl = 'Enter an https URL such as https://contoso.service-now.com (http only for this machine).'
    if (!values.clientId.trim()) errors.clientId = 'Enter the client ID from the checklist.'
    if (!values.clientSecret) errors.clientSecret = 'Enter the client secret from the checklist.'
    if (!values.tenantName.trim()) errors.tenantName = 'Enter the tenant name.'
    if (!GUID.test(values.tenantId.trim())) errors.tenantId = 'Enter the tenant ID as a GUID.'
    return { errors, instanceUrl }
}

function errorText(error: unknown): string {
    const e = error as Error & { detail?: string | null }
    return e.message + (e.detail ? ' (' + e.detail + ')' : '')
}

export async function createM365Server(options: M365ServerOptions = {}): Promise<M365Server> {
    const host = options.host ?? '127.0.0.1'
    const log = options.logger === false ? () => {} : options.logger ?? ((line: string) => console.log('[m365] ' + line))
    const tenantDefaults = {
        tenantId: options.tenantId ?? DEFAULT_TENANT_ID,
        tenantName: options.tenantName ?? DEFAULT_TENANT_NAME,
    }
    const adminUser = options.adminUser ?? DEFAULT_ADMIN_USER
    const store = openStore(options.dataFile ?? DEFAULT_DATA_FILE)
    const app = Fastify({ logger: false })
    await app.register(formbody)

    // Set once listening (the port may be chosen by the OS).
    let link: ServiceNowLink = null as unknown as ServiceNowLink

    const ctx = (current: PageContext['current'], notice?: PageContext['notice']): PageContext => {
        const connection = store.getConnection()
        return { tenantName: connection?.tenantName ?? tenantDefaults.tenantName, adminUser, current, notice: notice ?? null }
    }
    const noticeFrom = (request: FastifyRequest) => NOTICES[str((request.query as Body).notice)] ?? null
    const html = (reply: FastifyReply, page: string, status = 200) => reply.code(status).type('text/html; charset=utf-8').send(page)

    const startedAt = new WeakMap<FastifyRequest, number>()
    app.addHook('onRequest', async (request, reply) => {
        startedAt.set(request, Date.now())
        reply.header('cache-control', 'no-store')
        reply.header('referrer-policy', 'no-referrer')
        reply.header('x-frame-options', 'DENY')
        reply.header('x-content-type-options', 'nosniff')
        // Forms post only from this app's own pages.
        if (request.method === 'POST') {
            const origin = request.headers.origin
            if (origin && origin !== 'null') {
                let originHost = ''
                try {
                    originHost = new URL(origin).host
                } catch {
                    // unreadable origin: refused below
                }
                if (originHost !== request.headers.host) return reply.code(403).type('text/plain').send('Cross-origin form posts are refused.')
            }
        }
    })
    app.addHook('onResponse', async (request, reply) => {
        const started = startedAt.get(request) ?? Date.now()
        log(`${request.method} ${request.url.split('?')[0]} ${reply.statusCode} ${Date.now() - started}ms`)
    })

    async function syncQuietly(): Promise<string | null> {
        const connection = store.getConnection()
        if (!connection || connection.status === 'needs_reauthorization') return null
        try {
            await link.sync()
            return null
        } catch (error) {
            return errorText(error)
        }
    }

    // --- Home and cards ------------------------------------------------------------------------

    const renderHome = async (request: FastifyRequest, reply: FastifyReply, form?: { values: ConnectFormValues; errors: FieldErrors }) => {
        const syncError = form ? null : await syncQuietly()
        const connection = store.getConnection()
        const page = homePage({
            connection,
            connectForm: form?.values ?? { instanceUrl: '', clientId: '', ...tenantDefaults },
            redirectUri: link.redirectUri,
            tickets: connection ? store.listTickets() : [],
            states: store.getStates(),
            lastSync: store.get('last_sync_at'),
            syncError,
            errors: form?.errors,
        })
        return html(reply, layout('Home', ctx('home', noticeFrom(request)), page), form && Object.keys(form.errors).length ? 400 : 200)
    }

    app.get('/', (request, reply) => renderHome(request, reply))

    app.post('/sync', async (_request, reply) => {
        const error = await syncQuietly()
        return reply.redirect(error ? '/' : '/?notice=synced', 303)
    })

    app.get('/tickets', async (request, reply) => {
        const type = str((request.query as Body).type) === 'incident' ? 'incident' : 'change'
        if (!store.getConnection()) return reply.redirect('/', 303)
        const syncError = await syncQuietly()
        const states = store.getStates()
        const title = type === 'change' ? 'Change management' : 'Incident management'
        return html(reply, layout(title, ctx('home'), ticketListPage(type, store.listTickets(type), states?.[type], syncError)))
    })

    registerTicketRoutes(app, {
        store,
        link: () => link,
        page: (reply, title, body, status = 200) => html(reply, layout(title, ctx('home'), body), status),
        notFound: (reply, message) => html(reply, layout('Not found', ctx('home'), messagePage('No such ticket', message)), 404),
    })

    // --- Connect (OAuth authorization code) ------------------------------------------------------

    app.post('/connect', async (request, reply) => {
        const body = request.body as Body
        const values = {
            instanceUrl: str(body.instanceUrl),
            clientId: str(body.clientId).trim(),
            clientSecret: str(body.clientSecret),
            tenantId: str(body.tenantId).trim().toLowerCase(),
            tenantName: str(body.tenantName).trim(),
        }
        const { errors, instanceUrl } = validateConnect(values)
        if (Object.keys(errors).length || !instanceUrl) return renderHome(request, reply, { values, errors })
        const authorizeUrl = link.beginConsent({ ...values, instanceUrl })
        log('consent started for ' + instanceUrl)
        return reply.redirect(authorizeUrl, 303)
    })

    app.post('/reauthorize', async (_request, reply) => {
        if (!store.getConnection()) return reply.redirect('/', 303)
        return reply.redirect(link.beginReauthorization(), 303)
    })

    app.get('/oauth/callback', async (request, reply) => {
        const q = request.query as Body
        try {
            await link.completeConsent({ state: str(q.state), code: str(q.code) || undefined, error: str(q.error) || undefined, errorDescription: str(q.error_description) || undefined })
        } catch (error) {
            const message = error instanceof ConsentError ? error.message : 'The connection could not be completed: ' + errorText(error)
            return html(reply, layout('Connect ServiceNow', ctx('home'), messagePage('ServiceNow was not connected', message)), 400)
        }
        await syncQuietly()
        return reply.redirect('/?notice=connected', 303)
    })

    // --- Improvement actions and the share dialog -------------------------------------------------

    app.get('/actions', async (request, reply) => {
        const connection = store.getConnection()
        await syncQuietly()
        const page = actionsPage(IMPROVEMENT_ACTIONS, !!connection && connection.status !== 'needs_reauthorization', store.listShares(), store.listTickets())
        return html(reply, layout('Improvement actions', ctx('actions', noticeFrom(request)), page))
    })

    const shareGuard = (reply: FastifyReply, id: string): ControlProfile | null => {
        const action = findAction(id)
        if (!action) {
            html(reply, layout('Not found', ctx('actions'), messagePage('No such improvement action', 'There is no improvement action ' + id + '.', { href: '/actions', text: 'Back to improvement actions' })), 404)
            return null
        }
        if (!store.getConnection()) {
            reply.redirect('/', 303)
            return null
        }
        return action
    }

    /** The latest ticket the action was shared as by another share than this draft, with its synced state. */
    const earlierShare = (controlId: string, draftId: string): EarlierShare | null => {
        const share = store.listShares().find((s) => s.controlId === controlId && s.status === 'sent' && s.id !== draftId && s.ticketNumber)
        if (!share) return null
        const ticket = store.listTickets().find((t) => t.number === share.ticketNumber)
        return { ticketNumber: share.ticketNumber as string, state: ticket ? ticket.state.customLabel || ticket.state.label || ticket.state.value : '' }
    }

    app.get('/actions/:id/share', async (request, reply) => {
        const action = shareGuard(reply, (request.params as Body).id ?? '')
        if (!action) return reply
        // A share is born here: its draft id comes back with the form, so a resubmission is the same share.
        const draftId = randomBytes(18).toString('base64url')
        return html(reply, layout('Share to ServiceNow', ctx('actions'), sharePage(action, draftId, prefillShare(action), {}, earlierShare(action.id, draftId))))
    })

    app.post('/actions/:id/share', async (request, reply) => {
        const action = shareGuard(reply, (request.params as Body).id ?? '')
        if (!action) return reply
        const body = request.body as Body
        const values: ShareFormValues = {
            ticketType: str(body.ticketType),
            priority: str(body.priority),
            name: str(body.name),
            description: str(body.description).replace(/\r\n/g, '\n'),
            dueDate: str(body.dueDate),
        }
        let draftId = str(body.draftId)
        if (!DRAFT_ID.test(draftId)) draftId = randomBytes(18).toString('base64url')
        const errors = validateShare(values)
        // A second ticket for the same action only when the user confirms it.
        const earlier = earlierShare(action.id, draftId)
        if (earlier && str(body.shareAgain) !== 'yes') errors.shareAgain = `Already shared as ${earlier.ticketNumber}: tick "Share it again" to create a second ticket.`
        if (Object.keys(errors).length) return html(reply, layout('Share to ServiceNow', ctx('actions'), sharePage(action, draftId, values, errors, earlier)), 400)

        const existing = store.getShare(draftId)
        if (existing && (existing.status === 'sent' || existing.controlId !== action.id)) return reply.redirect('/shares/' + encodeURIComponent(draftId), 303)
        const payload = {
            ticketType: values.ticketType,
            name: values.name.trim(),
            description: values.description.trim(),
            priority: values.priority,
            dueDate: values.dueDate,
            recommendationSource: 'microsoft',
            recommendationCategory: action.category,
            requestedBy: adminUser,
            secureScore: { controlId: action.id, title: action.title, actionUrl: action.actionUrl, maxScore: action.maxScore, service: action.service },
        }
        // The task id is stored before anything is sent: every retry of this share carries it.
        if (existing) store.updateSharePayload(draftId, payload)
        else store.createShare({ id: draftId, taskId: newTaskId(action.id), controlId: action.id, payload })
        await link.sendShare(draftId)
        return reply.redirect('/shares/' + encodeURIComponent(draftId), 303)
    })

    app.get('/shares/:id', async (request, reply) => {
        const share = store.getShare((request.params as Body).id ?? '')
        if (!share) return html(reply, layout('Not found', ctx('actions'), messagePage('No such share', 'This share is unknown.', { href: '/actions', text: 'Back to improvement actions' })), 404)
        return html(reply, layout(share.status === 'sent' ? 'Shared to ServiceNow' : 'Sharing failed', ctx('actions'), shareResultPage(share, findAction(share.controlId))))
    })

    app.post('/shares/:id/retry', async (request, reply) => {
        const id = (request.params as Body).id ?? ''
        if (!store.getShare(id)) return reply.redirect('/actions', 303)
        if (!store.getConnection()) return reply.redirect('/', 303)
        await link.sendShare(id)
        return reply.redirect('/shares/' + encodeURIComponent(id), 303)
    })

    // --- Manage ServiceNow configuration ----------------------------------------------------------

    const renderManage = async (request: FastifyRequest, reply: FastifyReply, extra: { errors?: FieldErrors; notice?: PageContext['notice'] } = {}) => {
        const connection = store.getConnection()
        let remote: RemoteConnectionStatus | null = null
        let remoteError: string | null = null
        let states: TicketStates | null = store.getStates()
        if (connection && connection.status !== 'needs_reauthorization') {
            try {
                remote = await link.connectionStatus()
                const { result } = await link.call<TicketStates>('GET', '/states')
                states = result
                store.setStates(result)
            } catch (error) {
                remoteError = error instanceof NeedsReauthorizationError ? error.message : errorText(error)
            }
        }
        const page = managePage({ connection: store.getConnection(), remote, remoteError, states, redirectUri: link.redirectUri, errors: extra.errors })
        const status = extra.errors && Object.keys(extra.errors).length ? 400 : 200
        return html(reply, layout('Manage ServiceNow configuration', ctx('manage', extra.notice ?? noticeFrom(request)), page), status)
    }

    app.get('/manage', (request, reply) => renderManage(request, reply))

    app.post('/manage/state-names', async (request, reply) => {
        if (!store.getConnection()) return reply.redirect('/', 303)
        const body = request.body as Body
        const names: { change: { [value: string]: string }; incident: { [value: string]: string } } = { change: {}, incident: {} }
        const errors: FieldErrors = {}
        for (const key of Object.keys(body)) {
            const match = /^(change|incident)\.(.+)$/.exec(key)
            if (!match) continue
            const value = str(body[key]).trim()
            if (!value) continue
            if (value.length > 80 || CONTROL_CHARS.test(value)) errors[match[1] + '-' + match[2]] = 'Use one line of at most 80 characters.'
            else names[match[1] as 'change' | 'incident'][match[2]] = value
        }
        if (Object.keys(errors).length) return renderManage(request, reply, { errors, notice: { kind: 'error', text: 'Some state names are not valid.' } })
        try {
            await link.saveStateNames(names)
        } catch (error) {
            const detail = error instanceof InstanceApiError ? errorText(error) : (error as Error).message
            return renderManage(request, reply, { notice: { kind: 'error', text: 'The state names were not saved: ' + detail } })
        }
        await syncQuietly()
        return reply.redirect('/manage?notice=names-saved', 303)
    })

    app.post('/manage/remove', async (request, reply) => {
        if (!store.getConnection()) return reply.redirect('/', 303)
        if (str((request.body as Body).confirm) !== 'yes') {
            return renderManage(request, reply, { notice: { kind: 'error', text: 'Tick the confirmation to remove the connection.' } })
        }
        const { remoteError } = await link.removeConnection()
        if (remoteError) log('DELETE /connection failed: ' + remoteError)
        return reply.redirect(remoteError ? '/?notice=removed-locally' : '/?notice=removed', 303)
    })

    app.get('/health', async () => ({ ok: true }))

    await app.listen({ port: options.port ?? DEFAULT_PORT, host })
    const port = (app.server.address() as AddressInfo).port
    const url = `http://${host}:${port}`
    const publicUrl = (options.publicUrl ?? url).replace(/\/+$/, '')
    const redirectUri = publicUrl + '/oauth/callback'
    link = new ServiceNowLink({ store, redirectUri, adminUser, retry: options.retry, syncPageSize: options.syncPageSize, log })

    return {
        url: publicUrl,
        port,
        redirectUri,
        app,
        link,
        store,
        async close() {
            await app.close()
            store.close()
        },
    }
}
