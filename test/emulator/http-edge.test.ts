// The HTTP edge of the local instance: page framing and client errors.
import { connect } from 'node:net'
import { ADMIN, basic, Browser, call, type Instance, startTestInstance } from '../support/http-harness.ts'

let instance: Instance

beforeAll(async () => {
    instance = await startTestInstance()
})

afterAll(() => instance.close())

// "X-Frame-Options: SAMEORIGIN" (instance security hardening) and "HTTP Response Headers": the platform sends
// X-Frame-Options: SAMEORIGIN on every UI page unless glide.set_x_frame_options is false (enabled by default).
describe('X-Frame-Options (glide.set_x_frame_options, default true)', () => {
    it('is SAMEORIGIN on the login page, the error pages and the home page', async () => {
        const browser = new Browser(instance.url)
        expect((await browser.request('/login.do')).headers.get('x-frame-options')).toBe('SAMEORIGIN')
        expect((await browser.request('/no_such_page.do')).headers.get('x-frame-options')).toBe('SAMEORIGIN')
        const signedIn = await browser.request('/login.do', { form: { user_name: ADMIN.user, user_password: ADMIN.password } })
        expect(signedIn.status).toBeLessThan(400)
        const home = await browser.request('/navpage.do')
        expect(home.status).toBe(200)
        expect(home.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    })

    it('is SAMEORIGIN on the app\'s UI pages', async () => {
        const pages = instance.rows('sys_ui_page')
        expect(pages.length).toBeGreaterThan(0)
        const browser = new Browser(instance.url)
        await browser.request('/login.do', { form: { user_name: ADMIN.user, user_password: ADMIN.password } })
        const page = await browser.request(`/${pages[0].endpoint || `${pages[0].name}.do`}`)
        expect(page.status).toBe(200)
        expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    })

    it('is left out when an administrator sets glide.set_x_frame_options to false', async () => {
        const store = instance.runtime.store
        store.insert('sys_properties', { name: 'glide.set_x_frame_options', value: 'false', type: 'boolean' }, 'system')
        try {
            expect((await new Browser(instance.url).request('/login.do')).headers.get('x-frame-options')).toBeNull()
        } finally {
            store.run(`DELETE FROM ${store.sqlTable('sys_properties')} WHERE name = 'glide.set_x_frame_options'`)
        }
    })
})

// local choice: the error body names no parser, framework or Node internals (issue 11 §2 "HTTP").
describe('client errors show no internals', () => {
    function raw(request: string): Promise<string> {
        const { port } = new URL(instance.url)
        return new Promise((resolve, reject) => {
            const socket = connect(Number(port), '127.0.0.1', () => socket.end(request))
            let answer = ''
            socket.on('data', (chunk) => (answer += chunk.toString('latin1')))
            socket.on('end', () => resolve(answer))
            socket.on('error', reject)
        })
    }

    const INTERNALS = /HPE_|FST_|ERR_|fastify|node:|at \w+ \(|llhttp|Parse Error/i

    it('answers an oversized header with 431 in the envelope', async () => {
        const answer = await raw(`GET /api/now/table/incident HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`)
        expect(answer).toMatch(/^HTTP\/1\.1 431 /)
        const body = answer.slice(answer.indexOf('\r\n\r\n') + 4)
        expect(JSON.parse(body)).toEqual({ error: { message: 'Request Header Fields Too Large', detail: null }, status: 'failure' })
        expect(answer).not.toMatch(INTERNALS)
    })

    it('answers a malformed request line with 400 in the envelope', async () => {
        const answer = await raw('GET /api/now/table/incident HTTP/9.Z\r\n\r\n')
        expect(answer).toMatch(/^HTTP\/1\.1 400 /)
        expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({ error: { message: 'Bad Request', detail: null }, status: 'failure' })
        expect(answer).not.toMatch(INTERNALS)
    })

    it('answers a body that does not match its Content-Length without naming the framework', async () => {
        const answer = await raw(`POST /api/now/table/incident HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${basic(ADMIN)}\r\nContent-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`)
        expect(answer).toMatch(/^HTTP\/1\.1 400 /)
        expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({ error: { message: 'Bad Request', detail: null }, status: 'failure' })
        expect(answer).not.toMatch(INTERNALS)
    })

    it('answers a malformed URL with 400 in the envelope, not the framework\'s error', async () => {
        const response = await call(`${instance.url}/api/now/table/%E0%A4%A`, 'GET', basic(ADMIN))
        expect(response.status).toBe(400)
        expect(response.json).toEqual({ error: { message: 'Bad Request', detail: null }, status: 'failure' })
    })
})
