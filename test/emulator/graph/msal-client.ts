/**
 * Run as a child process by entra-token.test.ts: real @azure/msal-node, configured only with the authority, the
 * known authority and trust of the stand-in's CA through NODE_EXTRA_CA_CERTS (msal-node 7 calls the global fetch
 * and has no agent option; NODE_EXTRA_CA_CERTS is read at process start, hence the child). Prints one JSON line.
 */
import { ConfidentialClientApplication } from '@azure/msal-node'

interface Input {
    authority: string
    knownAuthority: string
    clientId: string
    clientSecret?: string
    clientCertificate?: { thumbprintSha256: string; privateKey: string; x5c?: string }
}

async function main(): Promise<void> {
    const input = JSON.parse(process.env.MSAL_INPUT ?? '{}') as Input
    const app = new ConfidentialClientApplication({
        auth: {
            clientId: input.clientId,
            authority: input.authority,
            knownAuthorities: [input.knownAuthority],
            clientSecret: input.clientSecret,
            clientCertificate: input.clientCertificate,
        },
    })
    try {
        const result = await app.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] })
        // A second call must come from msal's cache: the stand-in sees one token request.
        const again = await app.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] })
        console.log(JSON.stringify({ accessToken: result?.accessToken, cached: again?.accessToken === result?.accessToken }))
    } catch (error) {
        const e = error as { errorCode?: string; errorMessage?: string }
        console.log(JSON.stringify({ errorCode: e.errorCode, errorMessage: e.errorMessage }))
    }
}

void main()
