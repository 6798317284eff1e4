/**
 * Runs the Graph stand-in alone:
 *   node --import tsx emulator/graph/start.ts [--port 8443] [--data .graph-data] [--quiet]
 * prints where it listens, the CA to trust, the demo tenant and the app's credentials, then runs until
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
    console.log(`Tenant  ${server.demo.tenantId} (${server.demo.tenantName})`)
    console.log(`Client id  ${server.demo.clientId}`)
    console.log(`Client secret  ${server.demo.clientSecret}`)

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
