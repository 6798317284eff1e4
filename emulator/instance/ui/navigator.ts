/**
 * The application navigator: application menus (sys_app_application) and their modules (sys_app_module) as
 * records of the instance, the app's and the platform's, shown to the users their roles admit.
 *
 *   seedPlatformMenus(store)            the platform's Change, Incident and System OAuth menus with their modules,
 *                                       inserted once (the SDK's baseline has the tables but not these records),
 *                                       and the out-of-box list layouts and UI action those modules' pages need
 *   navigatorHtml(store, userSysId) → HTML    menus and modules the user may see, with the filter box
 *   moduleHref(module) → { href, target? } | { refused }    where a module leads, by its link type
 *
 * Visibility ("Application menus and modules"): an active menu or module with roles shows only to a user
 * holding one of them; admin sees every menu and module; a module without roles shows to anyone who sees its
 * menu. Link types emulated: LIST (table list with the module's filter and view), NEW (the table's new-record
 * form), DIRECT (a path on the instance, from `query`), URL (an address from `query`, opened in the module's
 * window), SEPARATOR (a label). Others are listed but refused as not emulated.
 */
import { escapeHtml } from '../http/pages.ts'
import { stableSysId } from '../schema/baseline.ts'
import { userRoles } from '../security/roles.ts'
import type { Row, Store } from '../store/store.ts'
import { isTrue } from '../http/context.ts'
import { seedPlatformListLayouts } from './list.ts'
import { seedRevokeAccessAction } from './manage-tokens.ts'

/**
 * The platform's menus the app's users and administrators work in, as records of the instance:
 * - Change > All and Incident > All: the titles and lists are the documented ones ("Incident > All", "Change > All"
 *   throughout the product docs; list URL `<table>_list.do`, "Navigate to a record or module using a URL"), role
 *   'itil' as the docs require for working with incidents and change requests;
 * - System OAuth > Application Registry (oauth_entity, "Configure Application Registry") and System OAuth > Manage
 *   Tokens (oauth_credential, "Manage OAuth tokens": "System OAuth > Manage Tokens to see all tokens. Only
 *   administrators can access this module"), role 'admin'.
 * Their sys_ids (stable, derived) and orders are local.
 */
const PLATFORM_MENUS: Array<{ title: string; order: string; roles: string; modules: Array<{ title: string; table: string; order: string }> }> = [
    { title: 'Change', order: '50', roles: 'itil', modules: [{ title: 'All', table: 'change_request', order: '400' }] },
    { title: 'Incident', order: '40', roles: 'itil', modules: [{ title: 'All', table: 'incident', order: '600' }] },
    {
        title: 'System OAuth',
        order: '900',
        roles: 'admin',
        modules: [
            { title: 'Application Registry', table: 'oauth_entity', order: '100' },
            { title: 'Manage Tokens', table: 'oauth_credential', order: '200' },
        ],
    },
]

/**
 * Seeds, once each, the platform's menus and modules above and the out-of-box records the lists and forms they open
 * need: the list layouts of System Properties and Manage Tokens (list.ts) and Manage Tokens' Revoke Access action
 * (manage-tokens.ts).
 */
export function seedPlatformMenus(store: Store): void {
    seedPlatformListLayouts(store)
    seedRevokeAccessAction(store)
    if (!store.hasTable('sys_app_application') || !store.hasTable('sys_app_module')) return
    for (const menu of PLATFORM_MENUS) {
        const menuId = stableSysId(`sys_app_application:${menu.title}`)
        store.insertIfMissing('sys_app_application', { sys_id: menuId, title: menu.title, order: menu.order, roles: menu.roles, active: 'true', device_type: 'browser' })
        for (const module of menu.modules) {
            if (!store.hasTable(module.table)) continue
            store.insertIfMissing('sys_app_module', {
                sys_id: stableSysId(`sys_app_module:${menu.title}:${module.title}`),
                application: menuId,
                title: module.title,
                link_type: 'LIST',
                name: module.table,
                order: module.order,
                roles: menu.roles,
                active: 'true',
            })
        }
    }
}

function roleList(value: string | null): string[] {
    return (value ?? '')
        .split(',')
        .map((role) => role.trim())
        .filter(Boolean)
}

function admits(held: Set<string>, roles: string | null): boolean {
    const required = roleList(roles)
    return required.length === 0 || held.has('admin') || required.some((role) => held.has(role))
}

const byOrderThenTitle = (a: Row, b: Row): number => Number(a.order ?? 0) - Number(b.order ?? 0) || (a.title ?? '').localeCompare(b.title ?? '')

export type ModuleLink = { href: string; target?: string } | { refused: string } | { separator: true }

export function moduleHref(module: Row): ModuleLink {
    const linkType = module.link_type || 'LIST'
    const table = module.name ?? ''
    if (linkType === 'SEPARATOR') return { separator: true }
    if (linkType === 'LIST') {
        const params = new URLSearchParams()
        if (module.filter) params.set('sysparm_query', module.filter)
        if (module.view_name) params.set('sysparm_view', module.view_name)
        const query = params.toString()
        return { href: `/${table}_list.do${query ? '?' + query : ''}` }
    }
    if (linkType === 'NEW') return { href: `/${table}.do?sys_id=-1` }
    if (linkType === 'DIRECT') return { href: '/' + (module.query ?? '').replace(/^\/+/, '') }
    if (linkType === 'URL') {
        const url = module.query ?? ''
        // An address elsewhere opens as given; a script URL is not something the local instance runs.
        return /^(https?:\/\/|\/)/i.test(url) ? { href: url, target: module.window_name || undefined } : { refused: `not emulated by the local instance: module URL ${url}` }
    }
    return { refused: `not emulated by the local instance: module link type ${linkType}` }
}

export interface NavigatorModule {
    title: string
    link: ModuleLink
}
export interface NavigatorMenu {
    title: string
    modules: NavigatorModule[]
}

/** The menus and modules the user may see, in navigator order. */
export function visibleMenus(store: Store, userSysId: string): NavigatorMenu[] {
    const held = userRoles(store, userSysId)
    const everything = { blocks: [], orderBy: [] }
    const modules = store.select('sys_app_module', everything).filter((m) => isTrue(m.active) && admits(held, m.roles))
    return store
        .select('sys_app_application', everything)
        .filter((menu) => isTrue(menu.active) && admits(held, menu.roles))
        .sort(byOrderThenTitle)
        .map((menu) => ({
            title: menu.title ?? '',
            modules: modules
                .filter((m) => m.application === menu.sys_id)
                .sort(byOrderThenTitle)
                .map((m) => ({ title: m.title ?? '', link: moduleHref(m) })),
        }))
        .filter((menu) => menu.modules.length > 0)
}

function moduleHtml(menu: NavigatorMenu, module: NavigatorModule): string {
    const filterText = escapeHtml(`${menu.title} ${module.title}`.toLowerCase())
    if ('separator' in module.link) return `<li class="separator" data-filter="${filterText}">${escapeHtml(module.title)}</li>`
    if ('refused' in module.link) return `<li class="module" data-filter="${filterText}"><span class="refused" title="${escapeHtml(module.link.refused)}">${escapeHtml(module.title)}</span></li>`
    const target = module.link.target ? ` target="${escapeHtml(module.link.target)}" rel="noopener"` : ''
    return `<li class="module" data-filter="${filterText}"><a href="${escapeHtml(module.link.href)}"${target}>${escapeHtml(module.title)}</a></li>`
}

/** Client-side filtering: a module shows when its menu's title or its own title contains the text typed. */
const FILTER_SCRIPT = `<script>
(function () {
  var box = document.getElementById('filter');
  box.addEventListener('input', function () {
    var text = box.value.trim().toLowerCase();
    document.querySelectorAll('nav.navigator li.menu').forEach(function (menu) {
      var shown = 0;
      menu.querySelectorAll('li[data-filter]').forEach(function (item) {
        var match = text === '' || item.getAttribute('data-filter').indexOf(text) >= 0;
        item.hidden = !match;
        if (match) shown++;
      });
      menu.hidden = shown === 0;
    });
  });
})();
</script>`

export function navigatorHtml(store: Store, userSysId: string): string {
    const menus = visibleMenus(store, userSysId)
    const items = menus
        .map((menu) => `<li class="menu"><div class="menu-title">${escapeHtml(menu.title)}</div><ul>${menu.modules.map((module) => moduleHtml(menu, module)).join('')}</ul></li>`)
        .join('\n')
    return `<nav class="navigator" aria-label="Application navigator">
<input type="search" id="filter" placeholder="Filter" aria-label="Filter navigator" autocomplete="off">
<h2>All</h2>
<ul id="gsft_nav">${items}</ul>
</nav>
${FILTER_SCRIPT}`
}
