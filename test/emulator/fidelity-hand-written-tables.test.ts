// Register row of "Schema": the tables the SDK does not define are hand-written (schema/baseline.ts), each with the
// label and the fields of the form or page it cites. The test pins that they are absent from the SDK snapshot and
// present in the instance with those fields and references.
import { readFileSync } from 'node:fs'
import { GlideRecord } from '../../emulator/instance/glide/index.ts'
import { createRuntime, type Runtime } from '../../emulator/instance/runtime.ts'

let runtime: Runtime
beforeAll(() => {
    runtime = createRuntime().activate()
})
afterAll(() => runtime.close())

/** table → [label, fields with their references ('field→table'), as baseline.ts cites them]. */
const HAND_WRITTEN: Record<string, [string, string[]]> = {
    cmdb: ['Base Configuration Item', ['name']],
    sys_user_has_role: ['User Role', ['user→sys_user', 'role→sys_user_role', 'inherited', 'inh_count', 'granted_by→sys_user_group']],
    sys_group_has_role: ['Group Role', ['group→sys_user_group', 'role→sys_user_role', 'inherits']],
    sys_user_grmember: ['Group Member', ['user→sys_user', 'group→sys_user_group']],
    oauth_entity: ['Application Registry', ['name', 'client_id', 'client_secret', 'redirect_url', 'logo_url', 'access_token_lifespan', 'refresh_token_lifespan', 'active', 'comments']],
    oauth_credential: ['OAuth Credential', ['token', 'type', 'peer→oauth_entity', 'user→sys_user', 'expires', 'scopes']],
    sys_restricted_caller_access: ['Restricted Caller Access Privilege', ['operation', 'source', 'source_scope→sys_scope', 'source_table', 'source_type', 'status', 'target', 'target_scope→sys_scope', 'target_table', 'target_type']],
    sys_choice: ['Choice', ['name', 'element', 'language', 'value', 'label', 'sequence', 'inactive', 'dependent_value']],
    sys_choice_set: ['Choice Set', ['name', 'element']],
    syslog: ['System Log', ['level', 'message', 'source']],
    sys_module: ['Module', ['path', 'content']],
    sys_scoped_cache: ['Scoped Cache', ['name', 'max_entries', 'active']],
    sys_scoped_cache_table_pair: ['Scoped Cache Pair', ['scoped_cache→sys_scoped_cache', 'table', 'pair_type', 'columns']],
}

it('the SDK snapshot defines none of the hand-written tables', () => {
    const snapshot = JSON.parse(readFileSync('emulator/instance/schema/platform-tables.json', 'utf8')) as { tables: Array<{ name: string }> }
    const defined = new Set(snapshot.tables.map((t) => t.name))
    expect(Object.keys(HAND_WRITTEN).filter((name) => defined.has(name))).toEqual([])
})

it.each(Object.entries(HAND_WRITTEN))('%s has the label and the fields its cited form gives', (table, [label, fields]) => {
    expect(new GlideRecord(table).getLabel()).toBe(label)
    const columns = runtime.store.columns(table)
    for (const field of fields) {
        const [name, reference] = field.split('→')
        expect([name, columns.has(name)]).toEqual([name, true])
        if (reference) expect([name, columns.get(name)!.reference]).toEqual([name, reference])
    }
})

it('oauth_entity takes the documented lifespans by default: 1800 s access, 8,640,000 s refresh', () => {
    const client = new GlideRecord('oauth_entity')
    client.initialize()
    client.setValue('name', 'defaults')
    const sysId = client.insert()
    const read = new GlideRecord('oauth_entity')
    read.get(sysId)
    expect([read.getValue('access_token_lifespan'), read.getValue('refresh_token_lifespan')]).toEqual(['1800', '8640000'])
})

it('oauth_entity\'s fields carry the Application Registry form\'s labels, not their column names', () => {
    const labels = Object.fromEntries([...runtime.store.columns('oauth_entity')].filter(([name]) => !name.startsWith('sys_') || name === 'sys_scope').map(([name, column]) => [name, column.label]))
    expect(labels).toEqual({
        name: 'Name',
        client_id: 'Client ID',
        client_secret: 'Client Secret',
        redirect_url: 'Redirect URL',
        logo_url: 'Logo URL',
        access_token_lifespan: 'Access Token Lifespan',
        refresh_token_lifespan: 'Refresh Token Lifespan',
        active: 'Active',
        comments: 'Comments',
        type: 'Type',
        sys_scope: 'Application',
    })
})

it("oauth_credential's fields carry the Manage Tokens labels, and Type shows Access Token or Refresh Token", () => {
    const labels = Object.fromEntries([...runtime.store.columns('oauth_credential')].filter(([name]) => !name.startsWith('sys_')).map(([name, column]) => [name, column.label]))
    expect(labels).toEqual({ token: 'Token', type: 'Type', scopes: 'Scopes', peer: 'Client', user: 'User', expires: 'Expires' })
    const token = new GlideRecord('oauth_credential')
    token.initialize()
    for (const [type, shown] of [['access_token', 'Access Token'], ['refresh_token', 'Refresh Token']]) {
        token.setValue('type', type)
        expect(token.getDisplayValue('type')).toBe(shown)
    }
})
