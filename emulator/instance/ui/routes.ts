/**
 * The instance UI over HTTP, for signed-in users (the session cookie; a user without one is sent to login.do and
 * back): the navigator home page, lists and forms.
 *
 *   createInstanceUi(ctx) → { home, page, save }     handlers server.ts routes to
 *     home    GET /  and  /navpage.do       the navigator and a card of the instance's UI pages and APIs
 *     page    GET /<table>_list.do          a list (ui/list.ts);  GET /<table>.do  a form (ui/form.ts);
 *             anything else: not found
 *     save    POST /<table>.do              saves the form (sysparm_ck must be the session's token, as every
 *             session form of the instance carries it), then redirects (303) to the record's form, where the
 *             messages of the save (Record updated, ACL refusals, business rules' messages) are shown once; a
 *             save the form refuses before writing (a reference naming no record, a mandatory field left empty)
 *             answers 400 with the form again, the user's input kept and the refused fields marked
 * Creating it seeds the platform's Change, Incident and System OAuth menus, the System Properties and Manage Tokens
 * list layouts and the Revoke Access action (ui/navigator.ts seedPlatformMenus).
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { sessionOf } from '../http/authenticate.ts'
import { errorPage, escapeHtml } from '../http/pages.ts'
import { formFields } from '../http/auth-routes.ts'
import { safeEqual } from '../security/secrets.ts'
import type { InstanceContext, RequestUser } from '../http/context.ts'
import { propertyValue } from '../store/lookups.ts'
import type { Row, Store } from '../store/store.ts'
import { queryParams } from '../util/query-string.ts'
import { renderForm, saveForm } from './form.ts'
import { recordHref } from './fields.ts'
import { renderList, type RenderedPage } from './list.ts'
import { UI_MESSAGES } from '../messages.ts'
import { navigatorHtml, seedPlatformMenus } from './navigator.ts'
import { type FlashMessages, uiPage } from './page.ts'

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | void>

export interface InstanceUi {
    home: Handler
    page: Handler
    save: Handler
}

const LIST_SUFFIX = '_list.do'
const FORM_SUFFIX = '.do'

function pathOf(url: string): string {
    const q = url.indexOf('?')
    return decodeURIComponent(q < 0 ? url : url.slice(0, q))
}

/** The table a /<table>_list.do or /<table>.do path names, when the instance has it. */
export function tableOfPath(store: Store, path: string): { table: string; kind: 'list' | 'form' } | null {
    const name = path.replace(/^\/+/, '')
    if (name.endsWith(LIST_SUFFIX) && store.hasTable(name.slice(0, -LIST_SUFFIX.length))) return { table: name.slice(0, -LIST_SUFFIX.length), kind: 'list' }
    if (name.endsWith(FORM_SUFFIX) && store.hasTable(name.slice(0, -FORM_SUFFIX.length))) return { table: name.slice(0, -FORM_SUFFIX.length), kind: 'form' }
    return null
}

/** The instance's name as its header shows it: instance_name, else the host of glide.servlet.uri. */
function instanceName(store: Store, instanceUrl: string | null): string {
    const named = propertyValue(store, 'instance_name')
    if (named) return named
    const uri = propertyValue(store, 'glide.servlet.uri') || instanceUrl
    try {
        return uri ? new URL(uri).host : 'local instance'
    } catch {
        return 'local instance'
    }
}

function displayName(user: Row): string {
    const name = [user.first_name, user.last_name].filter(Boolean).join(' ')
    return name || user.user_name || ''
}

function sendHtml(reply: FastifyReply, status: number, body: string): FastifyReply {
    return reply.code(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(body)
}

function homeContent(store: Store): string {
    const pages = store.hasTable('sys_ui_page') ? store.select('sys_ui_page', { blocks: [], orderBy: [] }).map((p) => p.endpoint || `${p.name}.do`) : []
    const apis = store.select('sys_ws_definition', { blocks: [], orderBy: [] }).map((d) => d.base_uri ?? '')
    const items = (values: string[], link: boolean) =>
        [...new Set(values)]
            .filter(Boolean)
            .map((v) => {
                const path = '/' + v.replace(/^\//, '')
                return `<li>${link ? `<a href="${escapeHtml(path)}">${escapeHtml(path)}</a>` : `<code>${escapeHtml(path)}</code>`}</li>`
            })
            .join('')
    return `<div class="card"><h1 class="title">Welcome</h1><p class="subtitle">Open a module from the navigator on the left.</p></div>
<div class="card"><h2>UI pages</h2><ul>${items(pages, true) || '<li>none</li>'}</ul>
<h2>Scripted REST APIs</h2><ul>${items(apis, false)}</ul>
<h2>Table API</h2><p><code>/api/now/table/{table}</code></p></div>`
}

export function createInstanceUi(ctx: InstanceContext): InstanceUi {
    const store = ctx.runtime.store
    seedPlatformMenus(store)
    const flash = new Map<string, FlashMessages>()

    const signedIn = (request: FastifyRequest) => {
        const found = sessionOf(ctx, request)
        if (!found) return null
        const user: RequestUser = { sysId: found.user.sys_id!, userName: found.user.user_name!, via: 'session' }
        request.instanceUser = user
        return { ...found, requestUser: user }
    }

    const frame = (found: NonNullable<ReturnType<typeof signedIn>>, page: RenderedPage, messages?: FlashMessages) =>
        uiPage({
            title: page.title,
            instanceName: instanceName(store, ctx.runtime.instanceUrl),
            userDisplayName: displayName(found.user),
            userName: found.user.user_name ?? '',
            navigator: navigatorHtml(store, found.user.sys_id!),
            content: page.content,
            messages,
        })

    const toLogin = (request: FastifyRequest, reply: FastifyReply) => reply.redirect(`/login.do?sysparm_goto=${encodeURIComponent(request.url)}`)

    return {
        async home(request, reply) {
            const found = signedIn(request)
            if (!found) return reply.redirect('/login.do')
            return sendHtml(reply, 200, frame(found, { status: 200, title: 'Home', content: homeContent(store) }))
        },

        async page(request, reply) {
            const target = tableOfPath(store, pathOf(request.url))
            if (!target) return reply.callNotFound()
            const found = signedIn(request)
            if (!found) return toLogin(request, reply)
            const params = queryParams(request.url)
            const page = target.kind === 'list' ? renderList(ctx, found.requestUser, target.table, params) : renderForm(ctx, found.requestUser, target.table, params, found.session.token)
            const messages = target.kind === 'form' ? flash.get(found.session.id) : undefined
            flash.delete(found.session.id)
            return sendHtml(reply, page.status, frame(found, page, messages))
        },

        async save(request, reply) {
            const target = tableOfPath(store, pathOf(request.url))
            if (!target || target.kind !== 'form') return reply.callNotFound()
            const found = signedIn(request)
            if (!found) return toLogin(request, reply)
            const fields = formFields(request.body)
            if (!safeEqual(fields.sysparm_ck ?? '', found.session.token)) return sendHtml(reply, 403, errorPage('Form expired', UI_MESSAGES.invalidToken.text))
            const outcome = saveForm(ctx, found.requestUser, target.table, fields)
            if (outcome.refused) {
                const params = { sys_id: outcome.sysId }
                return sendHtml(reply, 400, frame(found, renderForm(ctx, found.requestUser, outcome.table, params, found.session.token, outcome.refused), outcome.messages))
            }
            flash.set(found.session.id, outcome.messages)
            return reply.redirect(recordHref(outcome.table, outcome.sysId), 303)
        },
    }
}
