/**
 * bridge/security/roles.ts: the three Entra roles → read / act, a token without `wids` as "unknown, ask Graph"
 * (not as "no role"), the refusal sentence, and reading the directory roles page by page from an HTTP server on
 * this machine answering as Graph documents it.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { actRefusalText, DIRECTORY_ROLES_PATH, ENTRA_ROLES, permits, readDirectoryRoles, refusalText, rolesFromGraph, rolesFromToken, type GraphGet } from '../../../bridge/security/roles.ts'

const GLOBAL_READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451'
const USER_ADMINISTRATOR = 'fe930be7-5e62-47db-91af-98c3a49a38b1'

describe('roles from the token', () => {
    it('lets a Security Reader read but not act', () => {
        const roles = rolesFromToken([ENTRA_ROLES.securityReader])
        expect(roles).toEqual({ known: true, source: 'token', roleTemplateIds: [ENTRA_ROLES.securityReader], read: true, act: false })
    })

    it('lets a Security Administrator and a Global Administrator read and act', () => {
        for (const id of [ENTRA_ROLES.securityAdministrator, ENTRA_ROLES.globalAdministrator]) {
            const roles = rolesFromToken([USER_ADMINISTRATOR, id.toUpperCase()])
            expect(roles).toEqual({ known: true, source: 'token', roleTemplateIds: [id], read: true, act: true })
        }
    })

    it('gives other roles, and none, nothing', () => {
        expect(rolesFromToken([GLOBAL_READER, USER_ADMINISTRATOR])).toEqual({ known: true, source: 'token', roleTemplateIds: [], read: false, act: false })
        expect(rolesFromToken([])).toMatchObject({ known: true, read: false, act: false })
    })

    it('answers unknown when the token has no wids claim: Graph must be asked', () => {
        expect(rolesFromToken(null)).toEqual({ known: false })
    })

    it('answers read and act through permits', () => {
        const reader = rolesFromToken([ENTRA_ROLES.securityReader])
        if (!reader.known) throw new Error('known')
        expect([permits(reader, 'read'), permits(reader, 'act')]).toEqual([true, false])
    })

    it('refuses anyone else with one sentence naming the tenant', () => {
        expect(refusalText('Contoso')).toBe('You need the Security Reader or Security Administrator role in Contoso')
    })

    it('tells a Security Reader who reaches a change which role it needs', () => {
        expect(actRefusalText('Fabrikam')).toBe('You need the Security Administrator role in Fabrikam to change this')
    })
})

describe('roles from Graph', () => {
    const role = (roleTemplateId: string, displayName: string) => ({
        '@odata.type': '#microsoft.graph.directoryRole',
        id: `${roleTemplateId.slice(0, 8)}-0000-0000-0000-000000000000`,
        displayName,
        roleTemplateId,
    })
    let server: Server
    let graphBaseUrl: string
    let pages: { [path: string]: { status: number; body: object } }
    const seen: { path: string; authorization: string | undefined; consistencyLevel: string | undefined }[] = []
    const TOKEN = 'delegated-user-read-token'
    let get: GraphGet

    beforeAll(async () => {
        server = createServer((req, res) => {
            seen.push({ path: req.url ?? '', authorization: req.headers.authorization, consistencyLevel: req.headers.consistencylevel as string | undefined })
            const page = pages[req.url ?? ''] ?? { status: 404, body: { error: { code: 'Request_ResourceNotFound' } } }
            res.writeHead(page.status, { 'content-type': 'application/json' }).end(JSON.stringify(page.body))
        })
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
        graphBaseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`
        get = async (url, headers) => {
            const response = await fetch(url, { headers: { ...headers, authorization: `Bearer ${TOKEN}` } })
            return { status: response.status, body: await response.text() }
        }
    })
    afterAll(() => new Promise((resolve) => server.close(resolve)))

    it('reads every page of the cast and decides from the role template ids', async () => {
        pages = {
            [`/v1.0${DIRECTORY_ROLES_PATH}?$count=true`]: {
                status: 200,
                body: { value: [role(USER_ADMINISTRATOR, 'User Administrator')], '@odata.nextLink': `${graphBaseUrl}${DIRECTORY_ROLES_PATH}?$count=true&$skiptoken=page2` },
            },
            [`/v1.0${DIRECTORY_ROLES_PATH}?$count=true&$skiptoken=page2`]: { status: 200, body: { value: [role(ENTRA_ROLES.securityAdministrator, 'Security Administrator')] } },
        }
        const from = seen.length
        const roles = rolesFromGraph(await readDirectoryRoles(get, graphBaseUrl))
        expect(roles).toEqual({ known: true, source: 'graph', roleTemplateIds: [ENTRA_ROLES.securityAdministrator], read: true, act: true })
        expect(seen.slice(from)).toEqual([
            { path: `/v1.0${DIRECTORY_ROLES_PATH}?$count=true`, authorization: `Bearer ${TOKEN}`, consistencyLevel: 'eventual' },
            { path: `/v1.0${DIRECTORY_ROLES_PATH}?$count=true&$skiptoken=page2`, authorization: `Bearer ${TOKEN}`, consistencyLevel: 'eventual' },
        ])
    })

    it('answers no role for a user in no directory role', async () => {
        pages = { [`/v1.0${DIRECTORY_ROLES_PATH}?$count=true`]: { status: 200, body: { value: [] } } }
        expect(rolesFromGraph(await readDirectoryRoles(get, graphBaseUrl))).toEqual({ known: true, source: 'graph', roleTemplateIds: [], read: false, act: false })
    })

    it("does not follow a next link off Graph's origin (the user's token would go with it)", async () => {
        pages = { [`/v1.0${DIRECTORY_ROLES_PATH}?$count=true`]: { status: 200, body: { value: [], '@odata.nextLink': 'https://attacker.example/v1.0/steal' } } }
        await expect(readDirectoryRoles(get, graphBaseUrl)).rejects.toThrow(`Graph's next link for ${DIRECTORY_ROLES_PATH} leaves ${new URL(graphBaseUrl).origin}`)
    })

    it('fails on a refusal instead of deciding "no role"', async () => {
        pages = { [`/v1.0${DIRECTORY_ROLES_PATH}?$count=true`]: { status: 403, body: { error: { code: 'Authorization_RequestDenied' } } } }
        await expect(readDirectoryRoles(get, graphBaseUrl)).rejects.toThrow(`Graph answered 403 to ${DIRECTORY_ROLES_PATH}`)
    })
})
