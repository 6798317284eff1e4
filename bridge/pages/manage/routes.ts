/**
 * Manage ServiceNow configuration: GET /manage, POST /manage/state-names, POST /manage/remove, and the tenant's
 * Secure Score write-back settings, POST /manage/write-back; who writes: POST /manage/write-back/as-me (to Microsoft's
 * sign-in, back through /auth/callback in server.ts) and POST /manage/write-back/app-only.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { errorDetail, plainError, type RemoteConnectionStatus } from '../../ports/servicenow/link.ts'
import { CONTROL_CHARS, type FieldErrors } from '../../domain/form-rules.ts'
import type { TenantStore, TicketStates } from '../../store/store.ts'
import { str, type Body, type PageDeps } from '../context.ts'
import type { PageContext } from '../layout.ts'
import { managePage, removeTenantCard, type WriteBackView } from './views.ts'

const MANAGE_NOTICES: { [code: string]: PageContext['notice'] } = {
    'write-back-saved': { kind: 'success', text: 'Write-back settings saved.' },
    'write-back-as-me': { kind: 'success', text: 'The write-back now runs as you, signed in as yourself. Updates Microsoft refused from the app are sent again.' },
    'write-back-app-only': { kind: 'success', text: "The write-back runs as the bridge's app registration again; the tokens kept for the person it ran as were deleted." },
}

/** The tenant's write-back as the Manage page shows it: settings, read-only, who writes, what Graph refused, what waits. */
export function writeBackView(store: TenantStore): WriteBackView {
    return {
        settings: store.outbox.settings(),
        readOnly: store.secureScore.status().readOnly,
        delegate: store.outbox.delegate(),
        appOnlyRefusals: store.outbox.appOnlyRefusals(),
        waiting: store.outbox.openCount(),
    }
}

export function registerManageRoutes(app: FastifyInstance, deps: PageDeps): void {
    const renderManage = async (request: FastifyRequest, reply: FastifyReply, extra: { errors?: FieldErrors; notice?: PageContext['notice'] } = {}) => {
        const { store, link, tenantName, user } = deps.tenant(request)
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
                deps.log('connection status failed: ' + errorDetail(error))
                remoteError = plainError(error)
            }
        }
        const body = managePage({ connection: store.getConnection(), remote, remoteError, states, redirectUri: link.redirectUri, writeBack: writeBackView(store), errors: extra.errors })
        const status = extra.errors && Object.keys(extra.errors).length ? 400 : 200
        const notice = extra.notice ?? MANAGE_NOTICES[str((request.query as Body).notice)] ?? deps.noticeFrom(request)
        return deps.page(reply, 'Manage ServiceNow configuration', 'manage', body + `<div class="cards">${removeTenantCard(tenantName, user.globalAdministrator)}</div>`, { status, notice })
    }

    app.get('/manage', (request, reply) => renderManage(request, reply))

    app.post('/manage/state-names', async (request, reply) => {
        const { store, link } = deps.tenant(request)
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
            deps.log('PUT /state-names failed: ' + errorDetail(error))
            return renderManage(request, reply, { notice: { kind: 'error', text: 'The state names were not saved: ' + plainError(error) } })
        }
        await deps.syncQuietly(request)
        return reply.redirect('/manage?notice=names-saved', 303)
    })

    // Unticked boxes are not sent: absent means off.
    app.post('/manage/write-back', async (request, reply) => {
        const body = request.body as Body
        deps.tenant(request).store.outbox.saveSettings({ enabled: str(body.enabled) === 'on', unresolvedSendsDefault: str(body.unresolvedSendsDefault) === 'on' })
        return reply.redirect('/manage?notice=write-back-saved', 303)
    })

    // Only a Security Administrator or Global Administrator reaches these (server.ts refuses a Reader's POST).
    app.post('/manage/write-back/as-me', async (request, reply) => reply.redirect(await deps.writeBackAsMe(request), 303))

    app.post('/manage/write-back/app-only', async (request, reply) => {
        const { store, tenantId, user } = deps.tenant(request)
        const delegate = store.outbox.delegate()
        store.outbox.removeDelegate()
        if (delegate) deps.log(`write-back of ${tenantId} runs as the app again (${delegate.upn} stopped by ${user.upn}); their tokens deleted`)
        deps.drainSoon(tenantId)
        return reply.redirect('/manage?notice=write-back-app-only', 303)
    })

    app.post('/manage/remove', async (request, reply) => {
        const { store, link } = deps.tenant(request)
        if (!store.getConnection()) return reply.redirect('/', 303)
        if (str((request.body as Body).confirm) !== 'yes') {
            return renderManage(request, reply, { notice: { kind: 'error', text: 'Tick the confirmation to remove the connection.' } })
        }
        const { remoteError } = await link.removeConnection()
        if (remoteError) deps.log('DELETE /connection failed: ' + remoteError)
        return reply.redirect(remoteError ? '/?notice=removed-locally' : '/?notice=removed', 303)
    })
}
