// Table API values over HTTP (REST API reference, "Table API": sysparm_display_value, sysparm_exclude_reference_link,
// sysparm_fields, sysparm_input_display_value; KB0534905 "Table API FAQs"; developer blog "Dot-walking in the
// REST Table API": a dot-walked field is returned under its dotted name).
import { ADMIN, basic, call, type Instance, ITIL, startTestInstance } from '../support/http-harness.ts'

let instance: Instance
let itil: { sysId: string; name: string }
let incident: string

beforeAll(async () => {
    instance = await startTestInstance()
    const user = instance.rows('sys_user', 'user_name = ?', [ITIL.user])[0]
    itil = { sysId: user.sys_id!, name: displayOfUser(user.sys_id!) }
    const created = await call(`${instance.url}/api/now/table/incident`, 'POST', basic(ADMIN), { short_description: 'values conformance', impact: '1', caller_id: itil.sysId })
    expect(created.status).toBe(201)
    incident = created.json.result.sys_id
})

afterAll(() => instance.close())

function displayOfUser(sysId: string): string {
    const field = instance.runtime.store.displayField('sys_user')!
    return instance.rows('sys_user', 'sys_id = ?', [sysId])[0][field] ?? ''
}

const get = (query: string) => call(`${instance.url}/api/now/table/incident/${incident}?${query}`, 'GET', basic(ADMIN))
const userLink = () => `${instance.url}/api/now/table/sys_user/${itil.sysId}`

describe('sysparm_display_value', () => {
    it('false (the default): values, a reference as {link, value}', async () => {
        const { json } = await get('sysparm_fields=impact,caller_id')
        expect(json.result).toEqual({ impact: '1', caller_id: { link: userLink(), value: itil.sysId } })
    })

    it('true: display values, a reference as {display_value, link}', async () => {
        const { json } = await get('sysparm_fields=impact,caller_id&sysparm_display_value=true')
        expect(json.result).toEqual({ impact: '1 - High', caller_id: { display_value: itil.name, link: userLink() } })
    })

    it('all: {display_value, value} for every field, with the link for a reference', async () => {
        const { json } = await get('sysparm_fields=impact,caller_id&sysparm_display_value=all')
        expect(json.result).toEqual({ impact: { display_value: '1 - High', value: '1' }, caller_id: { display_value: itil.name, value: itil.sysId, link: userLink() } })
    })

    it('links of a versioned URL stay on that version', async () => {
        const { json } = await call(`${instance.url}/api/now/v2/table/incident/${incident}?sysparm_fields=caller_id`, 'GET', basic(ADMIN))
        expect(json.result.caller_id.link).toBe(`${instance.url}/api/now/v2/table/sys_user/${itil.sysId}`)
    })
})

describe('sysparm_exclude_reference_link', () => {
    it('returns a reference as its plain value (false) or display value (true), without the link', async () => {
        expect((await get('sysparm_fields=caller_id&sysparm_exclude_reference_link=true')).json.result).toEqual({ caller_id: itil.sysId })
        expect((await get('sysparm_fields=caller_id&sysparm_exclude_reference_link=true&sysparm_display_value=true')).json.result).toEqual({ caller_id: itil.name })
        expect((await get('sysparm_fields=caller_id&sysparm_exclude_reference_link=true&sysparm_display_value=all')).json.result).toEqual({
            caller_id: { display_value: itil.name, value: itil.sysId },
        })
    })
})

describe('sysparm_fields with dot-walking', () => {
    it('returns the referenced record\'s field under the dotted name', async () => {
        const { json } = await get('sysparm_fields=number,caller_id.user_name')
        expect(json.result).toEqual({ number: expect.stringMatching(/^INC/), 'caller_id.user_name': ITIL.user })
    })

    it('dot-walks in display-value mode and to several levels', async () => {
        const { json } = await get('sysparm_fields=caller_id.user_name,caller_id.sys_created_by&sysparm_display_value=all')
        expect(json.result['caller_id.user_name']).toEqual({ display_value: ITIL.user, value: ITIL.user })
        expect(json.result['caller_id.sys_created_by'].value).toEqual(expect.any(String))
    })

    it('never dot-walks to a password field', async () => {
        const { json } = await get('sysparm_fields=caller_id.user_password,caller_id.user_name')
        expect(json.result).toEqual({ 'caller_id.user_name': ITIL.user })
    })
})

describe('sysparm_input_display_value (KB0534905)', () => {
    it('true: a choice label and a reference display value are stored as their values', async () => {
        const created = await call(`${instance.url}/api/now/table/incident?sysparm_input_display_value=true`, 'POST', basic(ADMIN), {
            short_description: 'input display values',
            impact: '1 - High',
            caller_id: itil.name,
        })
        expect(created.status).toBe(201)
        expect(created.json.result.impact).toBe('1')
        expect(created.json.result.caller_id.value).toBe(itil.sysId)
    })

    it('false (the default): the same input is stored as given', async () => {
        const created = await call(`${instance.url}/api/now/table/incident`, 'POST', basic(ADMIN), { short_description: 'raw values', impact: '1 - High' })
        expect(created.json.result.impact).toBe('1 - High')
    })

    it('takes a date-time as given for a user in UTC, and refuses one for a user in another time zone (not emulated)', async () => {
        const utc = await call(`${instance.url}/api/now/table/incident?sysparm_input_display_value=true&sysparm_fields=resolved_at`, 'POST', basic(ADMIN), { resolved_at: '2026-01-02 03:04:05' })
        expect(utc.json.result).toEqual({ resolved_at: '2026-01-02 03:04:05' })
        const paris = { user: 'paris.itil', password: 'Paris-Passw0rd!' }
        instance.runtime.createUser({ user_name: paris.user, roles: ['itil'], password: paris.password, time_zone: 'Europe/Paris' })
        const refused = await call(`${instance.url}/api/now/table/incident?sysparm_input_display_value=true`, 'POST', basic(paris), { resolved_at: '2026-01-02 03:04:05' })
        expect(refused.status).toBe(501)
        expect(refused.json.error.message).toBe('not emulated by the local instance: sysparm_input_display_value for a date-time of a user in time zone Europe/Paris')
    })

    it('applies to PATCH as well', async () => {
        const patched = await call(`${instance.url}/api/now/table/incident/${incident}?sysparm_input_display_value=true&sysparm_fields=impact`, 'PATCH', basic(ADMIN), { impact: '3 - Low' })
        expect(patched.json.result).toEqual({ impact: '3' })
    })
})

describe('bodies (KB0534905)', () => {
    it('uses only the first record of an array body', async () => {
        const created = await call(`${instance.url}/api/now/table/incident`, 'POST', basic(ADMIN), [{ short_description: 'first of two' }, { short_description: 'second of two' }])
        expect(created.status).toBe(201)
        expect(created.json.result.short_description).toBe('first of two')
        expect(instance.count('task', 'short_description = ?', ['second of two'])).toBe(0)
    })
})
