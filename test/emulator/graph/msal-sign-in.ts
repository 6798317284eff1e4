/**
 * Run as a child process by msal-sign-in.test.ts: real @azure/msal-node signs a person in through the stand-in
 * (getAuthCodeUrl with PKCE, the sign-in page, acquireTokenByCode checking state and nonce, then
 * acquireTokenSilent with forceRefresh, which spends the refresh token). The CA is trusted through
 * NODE_EXTRA_CA_CERTS, read at process start, hence the child. Prints one JSON line.
 */
import { ConfidentialClientApplication, CryptoProvider } from '@azure/msal-node'

interface Input {
    authority: string
    knownAuthority: string
    clientId: string
    clientSecret: string
    redirectUri: string
    login: string
}

async function main(): Promise<void> {
    const input = JSON.parse(process.env.MSAL_INPUT ?? '{}') as Input
    const app = new ConfidentialClientApplication({
        auth: { clientId: input.clientId, authority: input.authority, knownAuthorities: [input.knownAuthority], clientSecret: input.clientSecret },
    })
    const scopes = ['https://graph.microsoft.com/SecurityEvents.ReadWrite.All']
    try {
        const { verifier, challenge } = await new CryptoProvider().generatePkceCodes()
        const url = await app.getAuthCodeUrl({ scopes, redirectUri: input.redirectUri, codeChallenge: challenge, codeChallengeMethod: 'S256', state: 'msal-state', nonce: 'msal-nonce' })
        const page = await fetch(url)
        const picked = await fetch(url, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ login: input.login }).toString() })
        const back = new URL(picked.headers.get('location') ?? '')
        const code = back.searchParams.get('code') ?? ''
        const result = await app.acquireTokenByCode(
            { code, scopes, redirectUri: input.redirectUri, codeVerifier: verifier, state: 'msal-state', nonce: 'msal-nonce' },
            { code, state: back.searchParams.get('state') ?? undefined, nonce: 'msal-nonce' },
        )
        const refreshed = await app.acquireTokenSilent({ account: result.account!, scopes, forceRefresh: true })
        console.log(
            JSON.stringify({
                pageStatus: page.status,
                authorizeUrl: url,
                username: result.account?.username,
                tenantId: result.tenantId,
                idTokenClaims: result.idTokenClaims,
                scopes: result.scopes,
                refreshedAccessToken: refreshed.accessToken !== result.accessToken && refreshed.accessToken.length > 0,
            }),
        )
    } catch (error) {
        const e = error as { errorCode?: string; errorMessage?: string; message?: string }
        console.log(JSON.stringify({ errorCode: e.errorCode, errorMessage: e.errorMessage ?? e.message }))
    }
}

void main()
