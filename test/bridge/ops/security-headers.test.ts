/**
 * bridge/ops/security-headers.ts: the header set and policy text, and what Chromium does with them on pages served
 * from this machine: a hashed inline script runs and any other does not, another origin cannot frame the page,
 * and a form whose answer redirects to another origin reaches it only when form-action lists that origin
 * (the case of the bridge's Connect and Re-authorize forms).
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser } from 'playwright-core'
import { contentSecurityPolicy, inlineScriptSource, securityHeaders, type SecurityHeaderOptions } from '../../../bridge/ops/security-headers.ts'
import { launchChromium } from '../../support/chromium.ts'

describe('the headers', () => {
    it('are the one set every response carries', () => {
        expect(securityHeaders()).toEqual({
            'content-security-policy':
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
            'x-frame-options': 'DENY',
            'x-content-type-options': 'nosniff',
            'referrer-policy': 'no-referrer',
            'cache-control': 'no-store',
            'cross-origin-opener-policy': 'same-origin',
        })
    })

    it('add HSTS behind HTTPS', () => {
        expect(securityHeaders({ https: true })['strict-transport-security']).toBe('max-age=31536000')
    })

    it("list form-action origins once each, as origins, and allow the pages' inline scripts by hash", () => {
        const policy = contentSecurityPolicy({
            formActionOrigins: ['https://login.microsoftonline.com', 'https://dev12345.service-now.com/oauth_auth.do?x=1', 'https://login.microsoftonline.com/'],
            inlineScripts: ['document.getElementById("error-summary").focus()'],
        })
        expect(policy).toContain("form-action 'self' https://login.microsoftonline.com https://dev12345.service-now.com")
        // sha256 of the script text, base64 (CSP3 hash-source).
        expect(policy).toContain("script-src 'self' 'sha256-")
        expect(inlineScriptSource('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='")
    })

    it('refuse a form-action value that is not an http(s) origin (it could rewrite the policy)', () => {
        expect(() => contentSecurityPolicy({ formActionOrigins: ["https://x.example; script-src 'unsafe-inline'"] })).toThrow()
        expect(() => contentSecurityPolicy({ formActionOrigins: ['javascript:alert(1)'] })).toThrow('Not an http(s) origin for form-action')
    })
})

describe('in Chromium', () => {
    const HASHED = 'document.title = "hashed script ran"'
    let browser: Browser
    let bridge: Server
    let elsewhere: Server
    let bridgeUrl: string
    let elsewhereUrl: string
    let policy: SecurityHeaderOptions = {}
    const reachedElsewhere: string[] = []

    const listen = async (server: Server) => {
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
        return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    }

    beforeAll(async () => {
        bridge = createServer((req, res) => {
            const headers = { ...securityHeaders({ ...policy, inlineScripts: [HASHED] }), 'content-type': 'text/html; charset=utf-8' }
            if (req.method === 'POST' && req.url === '/connect') return res.writeHead(303, { ...headers, location: `${elsewhereUrl}/oauth_auth.do` }).end()
            res.writeHead(200, headers).end(`<!doctype html><title>page</title>
<script>${HASHED}</script>
<script>window.unhashedRan = true</script>
<form method="post" action="/connect"><button id="connect" type="submit">Connect</button></form>`)
        })
        elsewhere = createServer((req, res) => {
            reachedElsewhere.push(`${req.method} ${req.url}`)
            res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>elsewhere</title><iframe id="framed" src="${bridgeUrl}/"></iframe>`)
        })
        bridgeUrl = await listen(bridge)
        elsewhereUrl = await listen(elsewhere)
        browser = await launchChromium()
    })

    afterAll(async () => {
        await browser?.close()
        await Promise.all([bridge, elsewhere].map((server) => new Promise((resolve) => server.close(resolve))))
    })

    it('runs the hashed inline script and refuses any other', async () => {
        const page = await browser.newPage()
        await page.goto(bridgeUrl + '/')
        expect(await page.title()).toBe('hashed script ran')
        expect(await page.evaluate(() => (window as unknown as { unhashedRan?: boolean }).unhashedRan ?? false)).toBe(false)
        await page.close()
    })

    it('cannot be framed by another origin', async () => {
        const page = await browser.newPage()
        const refused = page.waitForEvent('console', (message) => message.text().includes("frame-ancestors 'none'"))
        await page.goto(elsewhereUrl + '/')
        await refused
        const framed = page.frames().find((frame) => frame !== page.mainFrame())
        expect(framed?.url()).not.toBe(bridgeUrl + '/')
        await page.close()
    })

    it("does not follow a form's redirect to an origin form-action leaves out", async () => {
        policy = {}
        const page = await browser.newPage()
        await page.goto(bridgeUrl + '/')
        const refused = page.waitForEvent('console', (message) => message.text().includes('form-action'))
        const from = reachedElsewhere.length
        await page.click('#connect')
        await refused
        expect(reachedElsewhere.slice(from)).toEqual([])
        await page.close()
    })

    it("follows it when form-action lists the instance's origin", async () => {
        policy = { formActionOrigins: [elsewhereUrl] }
        const page = await browser.newPage()
        await page.goto(bridgeUrl + '/')
        await Promise.all([page.waitForURL(`${elsewhereUrl}/oauth_auth.do`), page.click('#connect')])
        expect(reachedElsewhere).toContain('GET /oauth_auth.do')
        await page.close()
    })
})
