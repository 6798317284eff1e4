// Chromium for the HTTPS parts of a bridge run: the Graph stand-in (Entra's sign-in, consent and logout pages) and an
// HTTPS front of the bridge (bridge-https-front.ts) both serve the stand-in's server certificate, which Chromium's
// roots do not know. Chromium is launched trusting that one certificate's public key (its
// --ignore-certificate-errors-spki-list, honoured because Playwright gives it a user data dir), as a browser would
// once the stand-in's CA is installed; every other certificate is checked as usual.
import { createHash, X509Certificate } from 'node:crypto'
import { chromium, type Browser } from 'playwright-core'
import type { GraphServer } from '../../emulator/graph/server'
import { loadOrCreateTls } from '../../emulator/graph/tls.ts'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.ts'

export function launchChromiumTrustingStandIn(graph: GraphServer & { dataDir: string }): Promise<Browser> {
    const spki = new X509Certificate(loadOrCreateTls(graph.dataDir).server.certPem).publicKey.export({ type: 'spki', format: 'der' })
    const pin = createHash('sha256').update(spki).digest('base64')
    return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS, `--ignore-certificate-errors-spki-list=${pin}`] })
}
