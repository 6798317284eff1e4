/**
 * Runs the Graph stand-in alone:
 *   node --import tsx emulator/graph/start.ts [--port 8443] [--data .graph-data] [--quiet]
 * prints where it listens, the CA to trust, the demo tenants, the app's credentials and the people who can sign in
 * (with their Entra roles), then runs until
 * SIGINT/SIGTERM. Fault switches come from GRAPH_FAULT_* (see FIDELITY.md).
 */
import { parseArgs } from 'node:util'
import { createGraphServer } from './server.ts'

const { values } = parseArgs({
    options: {
        port: { type: 'string', default: '8443' },
        data: { type: 'string', default: '.graph-data' },
        quiet: { type: 'boolean', default: false },
    },
})
const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, got '${values.port}'`)

// The package is CommonJS to tsx, so no top-level await.
async function main(): Promise<void> {
    const server = await createGraphServer({ port, dataDir: values.data, logger: values.quiet ? false : undefined })
    console.log(`Graph  ${server.url}`)
    console.log(`Graph CA  ${server.caFile}`)
    const tenants = server.directory()
    for (const tenant of tenants) {
        const consent = server.isConsented(tenant.tenantId, server.demo.clientId) ? 'app consented' : 'app not consented yet (admin consent)'
        console.log(`Tenant  ${tenant.tenantId} (${tenant.displayName}), ${consent}`)
    }
    console.log(`Client id  ${server.demo.clientId}`)
    console.log(`Client secret  ${server.demo.clientSecret}`)
    for (const tenant of tenants) {
        for (const user of tenant.users) console.log(`Person  ${user.userPrincipalName} (${tenant.displayName}): ${user.roles.join(', ') || 'no Entra role'}`)
    }
    // The sign-in page lists the people; none has a password (local choice).
    console.log('Sign-in  no passwords: pick the person on the sign-in page')

    let closing = false
    const stop = (): void => {
        if (closing) return
        closing = true
        server.close().then(() => process.exit(0), (error: unknown) => {
            console.error(error)
            process.exit(1)
        })
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
})
