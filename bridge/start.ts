/**
 * Runs the bridge: `npm run bridge` (tsx bridge/start.ts), `npm run bridge -- --help` for the settings.
 *
 * Settings come from the environment (bridge/config.ts, docs/bridge-deployment.md). Every problem with them is
 * printed, one per line, and the process exits 2 before anything starts. Otherwise it prints the bridge's URL
 * and the OAuth redirect URL to register on the ServiceNow instance, and runs until SIGINT/SIGTERM: the first
 * closes the server (requests in flight and the running Secure Score refresh end first), a second one exits at
 * once.
 */
import { readBridgeConfig, settingsTable } from './config.ts'
import { createBridgeServer } from './server.ts'

const CONFIG_ERROR_EXIT = 2

async function main(): Promise<void> {
    if (process.argv.includes('--help') || process.argv.includes('-h')) {
        console.log('Secure Score bridge: npm run bridge\n\nSettings (environment variables):\n\n' + settingsTable())
        return
    }
    const config = readBridgeConfig(process.env)
    if ('errors' in config) {
        for (const line of config.errors) console.error(line)
        console.error('See README: Run the bridge against a real tenant (docs/bridge-deployment.md), or npm run bridge -- --help')
        process.exitCode = CONFIG_ERROR_EXIT
        return
    }

    const server = await createBridgeServer(config.options)
    console.log(`Bridge  ${server.url}`)
    console.log(`OAuth redirect URL to register on the ServiceNow instance  ${server.redirectUri}`)

    let stopping = false
    const stop = (signal: NodeJS.Signals): void => {
        if (stopping) {
            // Whatever close() waits for, the operator asked twice.
            console.error(`${signal} again: exiting without waiting`)
            process.exit(1)
        }
        stopping = true
        console.log(`${signal}: closing the bridge`)
        server.close().then(
            () => process.exit(0),
            (error: unknown) => {
                console.error(error)
                process.exit(1)
            },
        )
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
}

// tsx runs the package as CommonJS: no top-level await.
main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
})
