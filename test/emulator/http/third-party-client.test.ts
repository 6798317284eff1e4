// A third-party ServiceNow client, unchanged, against the local instance: sn-rest-client (npm, by bmoers, the
// REST client of the sn-cicd tooling). It sends OAuth Bearer tokens and refreshes them itself with the
// refresh_token grant on a 401, calls the Table API, and pages by following the Link header's rel="next".
// If it works here as it does against an instance, the local instance answers as ServiceNow documents:
// OAuth API request parameters, Table API (CRUD, sysparm_query, sysparm_limit and the Link header,
// sysparm_display_value). The library's own code is used as published; only its documented options are set.
import { ADMIN, type Instance, ITIL, startTestInstance } from '../../support/http-harness.ts'

/** The parts of sn-rest-client's API this test uses (the package ships no types). */
interface SnRestClient {
    get(properties: RequestProperties, callback?: (page: Row[]) => Promise<void>): Promise<Row[]>
    post(properties: RequestProperties, body: object): Promise<Row[]>
    put(properties: RequestProperties, body: object): Promise<Row[]>
    patch(properties: RequestProperties, body: object): Promise<Row[]>
    del(properties: RequestProperties): Promise<Row[]>
    getAccessToken(): string | null
    getRefreshToken(): string | null
}
interface RequestProperties {
    url: string
    qs?: Record<string, string | number | boolean>
}
type Row = Record<string, any>
type SnRestClientFactory = (config: {
    hostName: string
    auth: { clientId: string; clientSecret: string; accessToken: string | null; refreshToken: string | null; username?: string | null; password?: string | null }
    silent?: boolean
}) => SnRestClient
const snRestClient: SnRestClientFactory = require('sn-rest-client')

const CLIENT_ID = 'third-party-client-0001'
const CLIENT_SECRET = 'Third-Party-Secret-0123'
const PREFIX = 'third-party '

let instance: Instance
let client: SnRestClient
let firstAccessToken: string

async function passwordGrant(): Promise<{ access_token: string; refresh_token: string }> {
    const response = await fetch(`${instance.url}/oauth_token.do`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'password', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, username: ADMIN.user, password: ADMIN.password }).toString(),
    })
    expect(response.status).toBe(200)
    return response.json()
}

beforeAll(async () => {
    instance = await startTestInstance()
    instance.runtime.store.insert('oauth_entity', { name: 'sn-rest-client', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_url: 'https://client.example.com/oauth_redirect.do', type: 'client' }, 'admin')
    // The library takes the tokens a user obtained (OAuth API request parameters: the password grant) and refreshes
    // them itself; it is handed an access token that has already expired, so its first call makes it refresh.
    const tokens = await passwordGrant()
    firstAccessToken = tokens.access_token
    const row = instance.rows('oauth_credential', 'token = ?', [tokens.access_token])[0]
    instance.runtime.store.update('oauth_credential', row.sys_id!, { expires: '2020-01-01 00:00:00' }, 'system')
    client = snRestClient({ hostName: instance.url, auth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, accessToken: tokens.access_token, refreshToken: tokens.refresh_token }, silent: true })
})
afterAll(() => instance.close())

describe('sn-rest-client against the local instance', () => {
    let itilSysId: string

    it('refreshes its expired access token with the refresh_token grant, then reads with the new Bearer token', async () => {
        const users = await client.get({ url: 'api/now/table/sys_user', qs: { sysparm_query: `user_name=${ITIL.user}`, sysparm_fields: 'sys_id,user_name' } })
        expect(users).toEqual([{ sys_id: expect.any(String), user_name: ITIL.user }])
        itilSysId = users[0].sys_id
        expect(client.getAccessToken()).not.toBe(firstAccessToken)
        expect(instance.rows('oauth_credential', 'token = ?', [client.getAccessToken()])[0]).toMatchObject({ type: 'access_token' })
    })

    it('creates, reads, updates (PATCH and PUT) and deletes a record through the Table API', async () => {
        const [created] = await client.post({ url: 'api/now/table/incident' }, { short_description: `${PREFIX}crud`, caller_id: itilSysId })
        expect(created).toMatchObject({ short_description: `${PREFIX}crud`, number: expect.stringMatching(/^INC\d+$/), sys_id: expect.any(String) })
        const url = `api/now/table/incident/${created.sys_id}`

        const [patched] = await client.patch({ url }, { short_description: `${PREFIX}crud patched` })
        expect(patched.short_description).toBe(`${PREFIX}crud patched`)
        const [put] = await client.put({ url }, { description: 'replaced by PUT' })
        expect(put).toMatchObject({ short_description: `${PREFIX}crud patched`, description: 'replaced by PUT' })
        const [read] = await client.get({ url, qs: { sysparm_fields: 'short_description,description,caller_id' } })
        expect(read).toMatchObject({ short_description: `${PREFIX}crud patched`, description: 'replaced by PUT', caller_id: { value: itilSysId, link: expect.stringContaining(`/api/now/table/sys_user/${itilSysId}`) } })

        await client.del({ url })
        await expect(client.get({ url })).rejects.toMatchObject({ statusCode: 404 })
    })

    it('filters with sysparm_query and pages through every result by following the Link header', async () => {
        for (let i = 1; i <= 5; i++) await client.post({ url: 'api/now/table/incident' }, { short_description: `${PREFIX}page ${i}` })
        const pages: string[][] = []
        await client.get({ url: 'api/now/table/incident', qs: { sysparm_query: `short_descriptionSTARTSWITH${PREFIX}page^ORDERBYshort_description`, sysparm_fields: 'short_description', sysparm_limit: 2 } }, async (page) => {
            pages.push(page.map((row) => row.short_description))
        })
        expect(pages).toEqual([
            [`${PREFIX}page 1`, `${PREFIX}page 2`],
            [`${PREFIX}page 3`, `${PREFIX}page 4`],
            [`${PREFIX}page 5`],
        ])
        const all = await client.get({ url: 'api/now/table/incident', qs: { sysparm_query: `short_descriptionSTARTSWITH${PREFIX}page`, sysparm_limit: 2 } })
        expect(all).toHaveLength(5)
    })

    it('reads display values with sysparm_display_value true and all', async () => {
        await client.post({ url: 'api/now/table/incident' }, { short_description: `${PREFIX}display`, caller_id: itilSysId })
        const query = { sysparm_query: `short_description=${PREFIX}display`, sysparm_fields: 'caller_id,short_description' }
        const [asDisplay] = await client.get({ url: 'api/now/table/incident', qs: { ...query, sysparm_display_value: true } })
        expect(asDisplay.caller_id).toMatchObject({ display_value: 'Ida Itil' })
        const [both] = await client.get({ url: 'api/now/table/incident', qs: { ...query, sysparm_display_value: 'all' } })
        expect(both.caller_id).toMatchObject({ display_value: 'Ida Itil', value: itilSysId })
        expect(both.short_description).toEqual({ display_value: `${PREFIX}display`, value: `${PREFIX}display` })
    })
})
