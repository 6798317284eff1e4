// The instance UI over HTTP (emulator/instance/ui): the navigator from the application menus and modules, lists
// from the app's list layouts (query, sort, paging, breadcrumb, row count), forms from its form layouts (title,
// sections, dropdowns, references, read-only, mandatory, related lists, UI actions by condition), saving through
// the GlideRecord write path (ACLs, the "Protect Microsoft 365 fields" rule, numbering), and read/write ACLs.
import { ADMIN, Browser, hiddenFields, type Instance, ITIL, NOBODY, startTestInstance } from '../../support/http-harness.ts'

const CHANGES = 'x_mioms_m365ticket_change_request'
const CONNECTIONS = 'x_mioms_m365ticket_connection'
const TICKET_COUNT = 25

let instance: Instance
let connectionId: string
const tickets: Array<{ sysId: string; number: string }> = []

function insert(table: string, values: Record<string, string>): { sysId: string; row: Record<string, string | null> } {
    const result = instance.runtime.store.insert(table, values, 'system')
    if (result.error !== undefined) throw new Error(result.error)
    return { sysId: result.sysId, row: result.row }
}

/** A record ACL with roles, as an admin would add one. */
function addAcl(name: string, operation: string, role: string): void {
    const acl = insert('sys_security_acl', { name, operation, type: 'record', decision_type: 'allow', active: 'true', admin_overrides: 'true' })
    const roleRow = instance.rows('sys_user_role', 'name = ?', [role])[0]
    insert('sys_security_acl_role', { sys_security_acl: acl.sysId, sys_user_role: roleRow.sys_id! })
}

async function signedIn(credentials: { user: string; password: string }): Promise<Browser> {
    const browser = new Browser(instance.url)
    const landing = await browser.login(credentials)
    expect(landing.status).toBe(200)
    return browser
}

/** Header cells of the list: their field names in order. */
function columnsOf(html: string): string[] {
    return [...html.matchAll(/<th scope="col"><a class="column-sort[^"]*" href="[^"]*" data-field="([^"]+)"/g)].map((m) => m[1])
}

function rowIds(html: string): string[] {
    return [...html.matchAll(/<tr data-sys-id="([0-9a-f]{32})">/g)].map((m) => m[1])
}

function textOf(html: string, id: string): string {
    const match = new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</(?:h1|p|span|div)>`).exec(html)
    return match ? match[1].replace(/<[^>]+>/g, '').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim() : ''
}

let admin: Browser

beforeAll(async () => {
    instance = await startTestInstance()
    connectionId = insert(CONNECTIONS, { tenant_id: '8f1c4f0e-1d8a-4f5e-9c11-2b7a0c1e5d01', tenant_name: 'Contoso', status: 'connected' }).sysId
    for (let i = 0; i < TICKET_COUNT; i++) {
        const { sysId, row } = insert(CHANGES, {
            short_description: `Require MFA ${String(i).padStart(2, '0')}`,
            m365_task_id: `task-${i}`,
            connection: connectionId,
            recommendation_source: 'microsoft',
            recommendation_category: i % 5 === 0 ? 'data' : 'identity',
            priority: String(1 + (i % 4)),
            ...(i === 0 ? { action_url: 'https://security.microsoft.com/securescore?actionId=AdminMFAV2' } : {}),
        })
        tickets.push({ sysId, number: row.number! })
    }
    admin = await signedIn(ADMIN)
})

afterAll(() => instance.close())

describe('navigator', () => {
    // "Define login scenarios": a page asked for without a session sends the visitor to log in, then to the page;
    // without a configured login page the entry page is navpage.do. The parameter name sysparm_goto: local choice.
    it('sends a visitor without a session to log in, then to the page asked for; a plain login lands on navpage.do', async () => {
        const visitor = new Browser(instance.url)
        const page = await visitor.get(`/${CHANGES}_list.do`)
        expect(page.status).toBe(302)
        expect(page.location).toBe(`${instance.url}/login.do?sysparm_goto=${encodeURIComponent(`/${CHANGES}_list.do`)}`)
        const landed = await visitor.login(ADMIN, `/${CHANGES}_list.do`)
        expect(landed.status).toBe(200)
        expect(landed.url).toBe(`${instance.url}/${CHANGES}_list.do`)
        const plain = await new Browser(instance.url).login(ADMIN)
        expect(plain.url).toBe(`${instance.url}/navpage.do`)
        expect(plain.html).toContain('<a id="logout" href="/logout.do">Log out</a>')
    })

    it('shows the app menu with its modules, Change > All and Incident > All, the signed-in user and Log out', async () => {
        for (const path of ['/', '/navpage.do']) {
            const { status, html } = await admin.get(path)
            expect(status).toBe(200)
            expect(html).toContain('<div class="menu-title">Microsoft 365 Ticketing Connector</div>')
            expect(html).toContain(`<a href="/${CHANGES}_list.do">Change Requests</a>`)
            expect(html).toContain('<a href="/x_mioms_m365ticket_checklist.do">Installation Checklist</a>')
            expect(html).toContain('<a href="/x_mioms_m365ticket_api_log_list.do?sysparm_query=ORDERBYDESCsys_created_on">API Log</a>')
            expect(html).toContain('<a href="/sys_properties_list.do?sysparm_query=nameSTARTSWITHx_mioms_m365ticket.">Properties</a>')
            expect(html).toMatch(/<div class="menu-title">Change<\/div><ul><li class="module" data-filter="change all"><a href="\/change_request_list.do">All<\/a>/)
            expect(html).toMatch(/<div class="menu-title">Incident<\/div><ul><li class="module" data-filter="incident all"><a href="\/incident_list.do">All<\/a>/)
            expect(textOf(html, 'user_info')).toBe('System Administrator')
            expect(html).toContain('<a id="logout" href="/logout.do">Log out</a>')
            expect(html).toContain('<input type="search" id="filter"')
        }
    })

    it('honours the roles of menus and modules', async () => {
        const itil = await (await signedIn(ITIL)).get('/navpage.do')
        expect(itil.html).toContain('<div class="menu-title">Incident</div>')
        expect(itil.html).not.toContain('Microsoft 365 Ticketing Connector')
        const nobody = await (await signedIn(NOBODY)).get('/navpage.do')
        expect(nobody.html).not.toContain('<div class="menu-title">Incident</div>')
        expect(nobody.html).toContain('<a id="logout" href="/logout.do">Log out</a>')
    })
})

describe('lists', () => {
    it('shows the list layout columns, the row count and the first page of 20 rows, each linking to its form', async () => {
        const { status, html } = await admin.get(`/${CHANGES}_list.do`)
        expect(status).toBe(200)
        expect(textOf(html, 'list_title')).toBe('Microsoft 365 Security and Configuration Change Request')
        expect(columnsOf(html)).toEqual(['number', 'short_description', 'state', 'priority', 'connection', 'm365_task_id', 'recommendation_source', 'recommendation_category', 'm365_requested_by', 'due_date', 'assignment_group'])
        expect(textOf(html, 'row_count')).toBe(String(TICKET_COUNT))
        expect(textOf(html, 'row_range')).toBe(`Rows 1 - 20 of ${TICKET_COUNT}`)
        expect(rowIds(html)).toHaveLength(20)
        expect(html).toContain(`<a class="linked formlink" href="/${CHANGES}.do?sys_id=${tickets[0].sysId}">${tickets[0].number}</a>`)
        // References by display value, linked to the referenced record; choices by label.
        expect(html).toContain(`<a class="reference" href="/${CONNECTIONS}.do?sys_id=${connectionId}">Contoso</a>`)
        expect(html).toContain('<td>1 - Critical</td>')
    })

    // Local choice (no source says what a table without a list layout shows): the nearest parent's layout, else the
    // display field and those of number, short_description, state, priority, name, sys_updated_on the table has.
    it("shows the nearest parent's list layout, else the display field and the default fields the table has", async () => {
        expect(instance.rows('sys_ui_list', 'name IN (?, ?)', ['sys_user', 'incident'])).toHaveLength(0)
        expect(columnsOf((await admin.get('/sys_user_list.do')).html)).toEqual(['name', 'state', 'sys_updated_on'])
        expect(columnsOf((await admin.get('/incident_list.do')).html)).toEqual(['number', 'short_description', 'state', 'priority', 'sys_updated_on'])
        const taskList = insert('sys_ui_list', { name: 'task', view: 'Default view' })
        insert('sys_ui_list_element', { list_id: taskList.sysId, element: 'short_description', position: '0' })
        insert('sys_ui_list_element', { list_id: taskList.sysId, element: 'number', position: '1' })
        expect(columnsOf((await admin.get('/incident_list.do')).html)).toEqual(['short_description', 'number'])
        // A parent table's list opens each row's record in its own class's form, from the first column.
        const parentList = await admin.get(`/task_list.do?sysparm_query=${encodeURIComponent(`number=${tickets[0].number}`)}`)
        expect(columnsOf(parentList.html)).toEqual(['short_description', 'number'])
        expect(parentList.html).toContain(`<a class="linked formlink" href="/${CHANGES}.do?sys_id=${tickets[0].sysId}">Require MFA 00</a>`)
    })

    it('pages with sysparm_first_row (1-based)', async () => {
        const { html } = await admin.get(`/${CHANGES}_list.do?sysparm_first_row=21`)
        expect(textOf(html, 'row_range')).toBe(`Rows 21 - ${TICKET_COUNT} of ${TICKET_COUNT}`)
        expect(rowIds(html)).toHaveLength(TICKET_COUNT - 20)
        expect(html).toContain(`<a id="previous_page" href="/${CHANGES}_list.do?sysparm_first_row=1"`)
    })

    it('sorts by a column: ascending first, descending from an ascending header', async () => {
        const first = await admin.get(`/${CHANGES}_list.do`)
        const sortLink = /<a class="column-sort" href="([^"]+)" data-field="number">/.exec(first.html)![1].replace(/&amp;/g, '&')
        expect(sortLink).toBe(`/${CHANGES}_list.do?sysparm_query=ORDERBYnumber`)
        const ascending = await admin.get(sortLink)
        expect(rowIds(ascending.html)[0]).toBe(tickets[0].sysId)
        const descendingLink = /<a class="column-sort sorted" href="([^"]+)" data-field="number">/.exec(ascending.html)![1].replace(/&amp;/g, '&')
        expect(descendingLink).toBe(`/${CHANGES}_list.do?sysparm_query=ORDERBYDESCnumber`)
        const descending = await admin.get(descendingLink)
        expect(rowIds(descending.html)[0]).toBe(tickets[TICKET_COUNT - 1].sysId)
    })

    // Local choice: GlideRecord refuses orderBy on a reference field (the docs leave its order open), so a reference
    // column's header sorts by the referenced record's display column, dot-walked.
    it("sorts a reference column by the referenced record's display column", async () => {
        const first = await admin.get(`/${CHANGES}_list.do`)
        const sortLink = /<a class="column-sort" href="([^"]+)" data-field="connection">/.exec(first.html)![1].replace(/&amp;/g, '&')
        expect(sortLink).toBe(`/${CHANGES}_list.do?sysparm_query=ORDERBYconnection.tenant_name`)
        const sorted = await admin.get(sortLink)
        expect(sorted.status).toBe(200)
        expect(sorted.html).toMatch(/<a class="column-sort sorted" href="[^"]+" data-field="connection">/)
    })

    it('sorts with the documented sysparm_order and sysparm_order_direction', async () => {
        const { html } = await admin.get(`/${CHANGES}_list.do?sysparm_order=number&sysparm_order_direction=desc`)
        expect(rowIds(html)[0]).toBe(tickets[TICKET_COUNT - 1].sysId)
    })

    it('filters with sysparm_query and shows the breadcrumb of the filter', async () => {
        const query = 'recommendation_category=data^priority=1'
        const { html } = await admin.get(`/${CHANGES}_list.do?sysparm_query=${encodeURIComponent(query)}`)
        const expected = tickets.filter((_t, i) => i % 5 === 0 && i % 4 === 0)
        expect(rowIds(html).sort()).toEqual(expected.map((t) => t.sysId).sort())
        expect(textOf(html, 'row_count')).toBe(String(expected.length))
        const crumbs = /<div class="breadcrumb" id="breadcrumb"[^>]*>([\s\S]*?)<\/div>/.exec(html)![1]
        expect(crumbs.replace(/<[^>]+>/g, '').replace(/&gt;/g, '>')).toBe('All>Recommendation category = Data>Priority = 1 - Critical')
        expect(html).toContain(`<a href="/${CHANGES}_list.do?sysparm_query=recommendation_category%3Ddata">Recommendation category = Data</a>`)
    })

    // "Filters and breadcrumbs": "by default, a user with no roles cannot see the breadcrumbs or filter".
    it('shows the breadcrumb to a user with roles and not to a user without any', async () => {
        const query = encodeURIComponent('user_name=admin')
        const crumbOf = (html: string) => /<div class="breadcrumb" id="breadcrumb"/.test(html)
        const withRoles = await admin.get(`/sys_user_list.do?sysparm_query=${query}`)
        expect(withRoles.status).toBe(200)
        expect(crumbOf(withRoles.html)).toBe(true)
        const nobody = await signedIn(NOBODY)
        const withoutRoles = await nobody.get(`/sys_user_list.do?sysparm_query=${query}`)
        expect(withoutRoles.status).toBe(200)
        expect(rowIds(withoutRoles.html)).toHaveLength(1)
        expect(crumbOf(withoutRoles.html)).toBe(false)
    })

    // "Navigate to a record or module using a URL" documents sysparm_view and sysparm_force_row_count (and GROUPBY in
    // sysparm_query); sysparm_groupby and sysparm_filter_only are list URL parameters the instance knows of.
    it('refuses what it does not emulate: another view, on lists and forms, and the other list parameters', async () => {
        for (const path of [`/${CHANGES}_list.do?sysparm_view=ess`, `/${CHANGES}.do?sys_id=${tickets[0].sysId}&sysparm_view=ess`]) {
            const { status, html } = await admin.get(path)
            expect(status).toBe(501)
            expect(html).toContain('not emulated by the local instance: list and form views (sysparm_view=ess)')
        }
        expect((await admin.get(`/${CHANGES}_list.do?sysparm_view=default`)).status).toBe(200)
        for (const name of ['sysparm_groupby', 'sysparm_force_row_count', 'sysparm_filter_only']) {
            const { status, html } = await admin.get(`/${CHANGES}_list.do?${name}=5`)
            expect(status).toBe(501)
            expect(html).toContain(`not emulated by the local instance: the list parameter ${name}`)
        }
    })
})

describe('read ACLs', () => {
    it('refuses a user without read on the table with the platform text', async () => {
        const nobody = await signedIn(NOBODY)
        for (const path of [`/${CHANGES}_list.do`, `/${CHANGES}.do?sys_id=${tickets[0].sysId}`]) {
            const { status, html } = await nobody.get(path)
            expect(status).toBe(403)
            expect(textOf(html, 'security_constraints')).toBe('Security constraints prevent access to requested page')
            expect(html).not.toContain(tickets[0].number)
        }
    })

    it('hides the fields a user may not read, on lists and forms', async () => {
        addAcl(`${CHANGES}.m365_requested_by`, 'read', 'admin')
        const itil = await signedIn(ITIL)
        const list = await itil.get(`/${CHANGES}_list.do`)
        expect(list.status).toBe(200)
        expect(columnsOf(list.html)).not.toContain('m365_requested_by')
        expect(columnsOf(list.html)).toContain('m365_task_id')
        const form = await itil.get(`/${CHANGES}.do?sys_id=${tickets[1].sysId}`)
        expect(form.html).not.toContain(`id="${CHANGES}.m365_requested_by"`)
        expect(form.html).toContain(`id="${CHANGES}.m365_task_id"`)
        expect(columnsOf((await admin.get(`/${CHANGES}_list.do`)).html)).toContain('m365_requested_by')
    })
})

describe('forms', () => {
    it('titles the form with the table label and lays out its sections, splits and fields', async () => {
        const { status, html } = await admin.get(`/${CHANGES}.do?sys_id=${tickets[0].sysId}`)
        expect(status).toBe(200)
        expect(textOf(html, 'form_title')).toBe('Microsoft 365 Security and Configuration Change Request')
        expect(textOf(html, 'form_subtitle')).toBe(tickets[0].number)
        expect([...html.matchAll(/<section class="card section" id="section_\d+"><h2>([^<]+)<\/h2>/g)].map((m) => m[1])).toEqual(['Change Request', 'Microsoft 365', 'Notes', 'Resolution Information', 'Activity'])
        expect(html).toContain('<div class="columns"><div class="column"><div class="field" data-field="number">')
        expect(html).toContain('<div class="activity-stream" id="activity_stream">')
        expect(html).toContain(`<textarea id="${CHANGES}.comments" name="comments" rows="3"></textarea>`)
    })

    it('labels the Application Registry form\'s fields as the platform\'s form does, not by their column names', async () => {
        const client = insert('oauth_entity', { name: 'Labelled client', client_id: 'labelled-client', redirect_url: 'https://client.example.com/cb', type: 'client' })
        const { status, html } = await admin.get(`/oauth_entity.do?sys_id=${client.sysId}`)
        expect(status).toBe(200)
        const labels = [...html.matchAll(/<label[^>]*>([^<]+)<\/label>/g)].map((m) => m[1])
        expect(labels).toEqual(expect.arrayContaining(['Name', 'Client ID', 'Redirect URL', 'Logo URL', 'Access Token Lifespan', 'Refresh Token Lifespan', 'Active', 'Comments']))
        expect(labels.filter((label) => /^[a-z]+(_[a-z]+)+$/.test(label))).toEqual([])
    })

    it('shows choice fields as dropdowns with the labels of the hierarchy, the current value selected', async () => {
        const { html } = await admin.get(`/${CHANGES}.do?sys_id=${tickets[0].sysId}`)
        const state = new RegExp(`<select id="${CHANGES}.state" name="state">([\\s\\S]*?)</select>`).exec(html)![1]
        expect(state).toContain('<option value="-5" selected>New</option>')
        expect(state).toContain('<option value="-4">Assess</option>')
        // A Microsoft 365 field: its write ACL requires the nobody role, so the dropdown is shown disabled.
        const category = new RegExp(`<select id="${CHANGES}.recommendation_category" name="recommendation_category" disabled>([\\s\\S]*?)</select>`).exec(html)![1]
        expect(category).toContain('<option value="data" selected>Data</option>')
    })

    it('shows references by display value, linked; dictionary read-only fields read-only; mandatory markers', async () => {
        const { html } = await admin.get(`/${CHANGES}.do?sys_id=${tickets[1].sysId}`)
        expect(html).toContain(`<input type="text" id="${CHANGES}.connection" name="connection" value="Contoso" readonly data-reference="${CONNECTIONS}">`)
        expect(html).toContain(`<a class="reference-link" href="/${CONNECTIONS}.do?sys_id=${connectionId}"`)
        expect(html).toContain(`<input type="text" id="${CHANGES}.m365_task_id" name="m365_task_id" value="task-1" readonly>`)
        expect(html).toContain(`<input type="text" id="${CHANGES}.short_description" name="short_description" value="Require MFA 01">`)
        const connection = await admin.get(`/${CONNECTIONS}.do?sys_id=${connectionId}`)
        expect(connection.html).toMatch(/<label for="x_mioms_m365ticket_connection.tenant_id"><span class="mandatory"[^>]*>\*<\/span>Tenant ID<\/label>/)
        expect(connection.html).not.toMatch(/<span class="mandatory"[^>]*>\*<\/span>Tenant name/)
    })

    it('shows a dot-walked element of the layout read-only, with the referenced record\'s value', async () => {
        const section = instance.rows('sys_ui_section', 'name = ? AND caption = ?', [CHANGES, 'Microsoft 365'])[0]
        insert('sys_ui_element', { sys_ui_section: section.sys_id!, element: 'connection.tenant_id', position: '100' })
        const { html } = await admin.get(`/${CHANGES}.do?sys_id=${tickets[1].sysId}`)
        expect(html).toContain(`<label>Tenant ID</label><input type="text" id="${CHANGES}.connection.tenant_id" value="8f1c4f0e-1d8a-4f5e-9c11-2b7a0c1e5d01" readonly>`)
        // Shown only to a user who may read every step: itil may not read connection.tenant_id once an ACL shuts it.
        const itil = await signedIn(ITIL)
        expect((await itil.get(`/${CHANGES}.do?sys_id=${tickets[1].sysId}`)).html).toContain(`id="${CHANGES}.connection.tenant_id"`)
        addAcl(`${CONNECTIONS}.tenant_id`, 'read', 'admin')
        const hidden = await itil.get(`/${CHANGES}.do?sys_id=${tickets[1].sysId}`)
        expect(hidden.status).toBe(200)
        expect(hidden.html).not.toContain(`id="${CHANGES}.connection.tenant_id"`)
        expect((await admin.get(`/${CHANGES}.do?sys_id=${tickets[1].sysId}`)).html).toContain(`id="${CHANGES}.connection.tenant_id"`)
    })

    it('makes fields the user may not write read-only', async () => {
        addAcl(`${CHANGES}.short_description`, 'write', 'admin')
        const itil = await signedIn(ITIL)
        const { html } = await itil.get(`/${CHANGES}.do?sys_id=${tickets[2].sysId}`)
        expect(html).toContain(`<input type="text" id="${CHANGES}.short_description" name="short_description" value="Require MFA 02" readonly>`)
        expect(html).toContain(`<select id="${CHANGES}.state" name="state">`)
        // Saving writes only the fields the user may write: the posted short_description is not taken.
        const saved = await itil.request(`/${CHANGES}.do`, { form: { ...hiddenFields(html), sysparm_action: 'sysverb_update', short_description: 'changed by itil', state: '-4' } })
        expect(saved.status).toBe(303)
        const row = instance.rows('task', 'sys_id = ?', [tickets[2].sysId])[0]
        expect(row.state).toBe('-4')
        expect(row.short_description).toBe('Require MFA 02')
    })

    it('shows the related lists of the layout: the child rows referencing the record, columns from the related list layout', async () => {
        const { html } = await admin.get(`/${CONNECTIONS}.do?sys_id=${connectionId}`)
        const related = /<div class="card related" data-related="x_mioms_m365ticket_change_request.connection">([\s\S]*?)<\/table>/.exec(html)![1]
        expect(related).toContain(`(${TICKET_COUNT})`)
        expect(related).toContain(`View all ${TICKET_COUNT}`)
        expect([...related.matchAll(/<th scope="col">([^<]+)<\/th>/g)].map((m) => m[1])).toEqual([
            'Number',
            'Short description',
            'State',
            'Priority',
            'Microsoft 365 task ID',
            'Recommendation source',
            'Recommendation category',
            'Requested by (Microsoft 365 user)',
            'Due date',
            'Assignment group',
        ])
        expect((related.match(/<tr>/g) ?? []).length).toBe(1 + 20)
        expect(html).toContain('data-related="x_mioms_m365ticket_incident.connection"')
        expect(html).toContain('data-related="x_mioms_m365ticket_api_log.connection"')
    })

    it('shows "Open in Microsoft Secure Score" only when the action URL is set, running its client script', async () => {
        const withUrl = await admin.get(`/${CHANGES}.do?sys_id=${tickets[0].sysId}`)
        expect(withUrl.html).toContain('<button type="button" id="open_secure_score" class="ui-action" onclick="openSecureScore()"')
        expect(withUrl.html).toContain('function openSecureScore()')
        const without = await admin.get(`/${CHANGES}.do?sys_id=${tickets[1].sysId}`)
        expect(without.html).not.toContain('Open in Microsoft Secure Score')
    })

    it('answers "Record not found" for a sys_id that matches nothing', async () => {
        const { status, html } = await admin.get(`/${CHANGES}.do?sys_id=${'0'.repeat(32)}`)
        expect(status).toBe(404)
        expect(textOf(html, 'record_not_found')).toBe('Record not found')
    })
})

describe('saving', () => {
    async function formOf(browser: Browser, sysId: string): Promise<Record<string, string>> {
        const { html } = await browser.get(`/${CHANGES}.do?sys_id=${sysId}`)
        const hidden = hiddenFields(html)
        return { sysparm_ck: hidden.sysparm_ck, sys_id: hidden.sys_id }
    }

    it('saves a state change and redirects back to the form', async () => {
        const ticket = tickets[3]
        const form = await formOf(admin, ticket.sysId)
        const saved = await admin.request(`/${CHANGES}.do`, { form: { ...form, sysparm_action: 'sysverb_update', state: '-4', short_description: 'Require MFA 03' } })
        expect(saved.status).toBe(303)
        expect(saved.location).toBe(`${instance.url}/${CHANGES}.do?sys_id=${ticket.sysId}`)
        expect(instance.rows('task', 'sys_id = ?', [ticket.sysId])[0].state).toBe('-4')
        const after = await admin.get(saved.location!)
        expect(after.html).toContain('<option value="-4" selected>Assess</option>')
        expect(after.html).not.toContain('role="alert"')
    })

    it('shows the business rule\'s message for a protected field and does not save it', async () => {
        const ticket = tickets[4]
        const form = await formOf(admin, ticket.sysId)
        const saved = await admin.request(`/${CHANGES}.do`, { form: { ...form, sysparm_action: 'sysverb_update', m365_task_id: 'changed-by-hand', state: '-3' } })
        expect(saved.status).toBe(303)
        const row = instance.rows('task', 'sys_id = ?', [ticket.sysId])[0]
        expect(row.m365_task_id).toBe('task-4')
        expect(row.state).toBe('-5')
        const after = await admin.get(saved.location!)
        expect(after.html).toContain('<p class="error" role="alert">These Microsoft 365 fields cannot be changed: m365_task_id</p>')
        // Shown once: the next visit has no message.
        expect((await admin.get(saved.location!)).html).not.toContain('These Microsoft 365 fields cannot be changed')
    })

    it('saves a checkbox both ways (an unchecked box posts false)', async () => {
        const property = insert('sys_properties', { name: 'x_mioms_m365ticket.ui_test', value: 'x', type: 'string', ignore_cache: 'false' })
        const path = `/sys_properties.do?sys_id=${property.sysId}`
        const form = hiddenFields((await admin.get(path)).html)
        const checked = await admin.request('/sys_properties.do', { form: { sysparm_ck: form.sysparm_ck, sys_id: property.sysId, sysparm_action: 'sysverb_update', ignore_cache: 'true' } })
        expect(checked.status).toBe(303)
        expect(instance.rows('sys_properties', 'sys_id = ?', [property.sysId])[0].ignore_cache).toBe('1')
        expect((await admin.get(path)).html).toContain('<input type="checkbox" id="sys_properties.ignore_cache" name="ignore_cache" value="true" checked><input type="hidden" name="ignore_cache" value="false">')
        await admin.request('/sys_properties.do', { form: { sysparm_ck: form.sysparm_ck, sys_id: property.sysId, sysparm_action: 'sysverb_update', ignore_cache: 'false' } })
        expect(instance.rows('sys_properties', 'sys_id = ?', [property.sysId])[0].ignore_cache).toBe('0')
    })

    // "Anti-CSRF token" (glide.security.use_csrf_token): the page carries a token that the post must return; the
    // field name sysparm_ck and the 403: local choice.
    it('refuses a post without the session token, or with another one', async () => {
        const withoutToken = await admin.request(`/${CHANGES}.do`, { form: { sys_id: tickets[5].sysId, sysparm_action: 'sysverb_update', state: '-4' } })
        expect(withoutToken.status).toBe(403)
        const saved = await admin.request(`/${CHANGES}.do`, { form: { sys_id: tickets[5].sysId, sysparm_action: 'sysverb_update', state: '-4', sysparm_ck: 'not-the-token' } })
        expect(saved.status).toBe(403)
        expect(instance.rows('task', 'sys_id = ?', [tickets[5].sysId])[0].state).toBe('-5')
    })

    it('creates a record from sys_id=-1 with the next number', async () => {
        const blank = await admin.get(`/${CHANGES}.do?sys_id=-1&sysparm_query=${encodeURIComponent('short_description=Preset from the URL')}`)
        expect(blank.status).toBe(200)
        expect(textOf(blank.html, 'form_subtitle')).toBe('New record')
        expect(blank.html).toContain('value="Preset from the URL"')
        const hidden = hiddenFields(blank.html)
        expect(hidden.sys_id).toBe('-1')
        const saved = await admin.request(`/${CHANGES}.do`, { form: { sysparm_ck: hidden.sysparm_ck, sys_id: '-1', sysparm_action: 'sysverb_insert', short_description: 'Created on the form', state: '-5' } })
        expect(saved.status).toBe(303)
        const sysId = /sys_id=([0-9a-f]{32})$/.exec(saved.location ?? '')![1]
        const row = instance.rows('task', 'sys_id = ?', [sysId])[0]
        expect(row.sys_class_name).toBe(CHANGES)
        expect(row.short_description).toBe('Created on the form')
        expect(row.number).toMatch(/^CHG\d{7}$/)
        expect(Number(row.number!.slice(3))).toBeGreaterThan(Number(tickets[TICKET_COUNT - 1].number.slice(3)))
        expect(row.sys_created_by).toBe('admin')
    })

    it('makes the whole form read-only for a user who may not write the record, and refuses the write if posted', async () => {
        // The app's ACLs let x_mioms_m365ticket.user read Microsoft 365 tickets and only itil write them.
        const reader = { user: 'm365.ui.reader', password: 'Ui-Reader-Passw0rd!' }
        instance.runtime.createUser({ user_name: reader.user, roles: ['x_mioms_m365ticket.user'], password: reader.password })
        const browser = await signedIn(reader)
        const { html } = await browser.get(`/${CHANGES}.do?sys_id=${tickets[6].sysId}`)
        expect(html).toContain(`<select id="${CHANGES}.state" name="state" disabled>`)
        expect(html).not.toContain('id="sysverb_update"')
        const refused = await browser.request(`/${CHANGES}.do`, { form: { ...hiddenFields(html), sysparm_action: 'sysverb_update', state: '-4' } })
        expect(refused.status).toBe(303)
        expect(instance.rows('task', 'sys_id = ?', [tickets[6].sysId])[0].state).toBe('-5')
        expect((await browser.get(refused.location!)).html).toContain(`<p class="error" role="alert">Security restricted: write on ${CHANGES} not allowed</p>`)
    })
})
