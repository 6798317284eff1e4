/**
 * Runs the bridge on its own: `npx tsx bridge/start.ts`.
 *
 * Environment: BRIDGE_PORT (8090), BRIDGE_DATA_FILE (bridge/.data/bridge.sqlite), BRIDGE_PUBLIC_URL,
 * BRIDGE_TENANT_ID, BRIDGE_TENANT_NAME, BRIDGE_ADMIN_USER.
 */
import { createBridgeServer } from './server.ts'

async function main(): Promise<void> {
    const env = process.env
    const server = await createBridgeServer({
        port: env.BRIDGE_PORT ? Number(env.BRIDGE_PORT) : undefined,
        dataFile: env.BRIDGE_DATA_FILE || undefined,
        publicUrl: env.BRIDGE_PUBLIC_URL || undefined,
        tenantId: env.BRIDGE_TENANT_ID || undefined,
        tenantName: env.BRIDGE_TENANT_NAME || undefined,
        adminUser: env.BRIDGE_ADMIN_USER || undefined,
    })
    console.log(`Bridge  ${server.url}`)
    console.log(`  OAuth redirect URL to register on the instance: ${server.redirectUri}`)
    const stop = () => {
        server.close().then(
            () => process.exit(0),
            () => process.exit(1),
        )
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
}

main().catch((error) => {
    console.error(error)
    process.exit(1)
})
