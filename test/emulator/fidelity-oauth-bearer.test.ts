// Register row of "OAuth and sessions": a Bearer token is accepted while its oauth_credential row exists and is
// unexpired, its client (oauth_entity) is active, and its user is active and not locked out. The other tests
// cover the row and expiry (test/emulator/http/oauth.test.ts); this one the client and the user.
import { call, type Instance, startTestInstance } from '../support/http-harness.ts'

const SECRET = 'Bearer-Fidelity-Secret-0123'
const USER = { user: 'bearer.fidelity', password: 'Bearer-Fidelity-Passw0rd!' }

let instance: Instance
let clientSysId: string
let userSysId: string
let accessToken: string

beforeAll(async () => {
    instance = await startTestInstance()
    const client = instance.runtime.store.insert('oauth_entity', { name: 'Bearer fidelity', client_id: 'bearer-fidelity', client_secret: SECRET, redirect_url: 'https://client.example.com/cb', type: 'client' }, 'admin')
    if (client.error !== undefined) throw new Error(client.error)
    clientSysId = client.sysId
    userSysId = instance.runtime.createUser({ user_name: USER.user, password: USER.password, roles: ['itil'] })
    const response = await fetch(`${instance.url}/oauth_token.do`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'password', client_id: 'bearer-fidelity', client_secret: SECRET, username: USER.user, password: USER.password }).toString(),
    })
    expect(response.status).toBe(200)
    accessToken = ((await response.json()) as { access_token: string }).access_token
})
afterAll(() => instance.close())

async function statusWithToken(): Promise<number> {
    return (await call(`${instance.url}/api/now/table/incident?sysparm_limit=1`, 'GET', `Bearer ${accessToken}`)).status
}

function setField(table: string, sysId: string, values: Record<string, string>): void {
    const result = instance.runtime.store.update(table, sysId, values, 'admin')
    if (result.error !== undefined) throw new Error(result.error)
}

it('accepts the token while its client is active; refuses it (401) once the client is made inactive', async () => {
    expect(await statusWithToken()).toBe(200)
    setField('oauth_entity', clientSysId, { active: 'false' })
    expect(await statusWithToken()).toBe(401)
    setField('oauth_entity', clientSysId, { active: 'true' })
    expect(await statusWithToken()).toBe(200)
})

it('refuses the token (401) while its user is inactive or locked out', async () => {
    setField('sys_user', userSysId, { active: 'false' })
    expect(await statusWithToken()).toBe(401)
    setField('sys_user', userSysId, { active: 'true', locked_out: 'true' })
    expect(await statusWithToken()).toBe(401)
    setField('sys_user', userSysId, { locked_out: 'false' })
    expect(await statusWithToken()).toBe(200)
})
