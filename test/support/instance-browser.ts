// Chromium on the local instance's UI: signs a page in through login.do as a person does (User name, Password,
// Log in) and waits for the page the login leads to, so browser tests start where the user would.
import type { Page } from 'playwright-core'
import type { Credentials } from './instance-http.ts'

/**
 * Signs `page` in to the instance at `instanceUrl` as `credentials`. Without `goto` the login lands on the navigator
 * (navpage.do); with it (a path such as `/oauth_credential.do?sys_id=…`), login.do carries it as sysparm_goto and
 * the login lands there. Resolves once the landing page has loaded.
 */
export async function signInToInstance(page: Page, instanceUrl: string, credentials: Credentials, goto?: string): Promise<void> {
    const landing = new URL(goto ?? '/navpage.do', instanceUrl).href
    await page.goto(`${instanceUrl}/login.do${goto ? `?sysparm_goto=${encodeURIComponent(goto)}` : ''}`)
    await page.fill('#user_name', credentials.user)
    await page.fill('#user_password', credentials.password)
    await Promise.all([page.waitForURL((url) => url.href === landing), page.click('#sysverb_login')])
}
