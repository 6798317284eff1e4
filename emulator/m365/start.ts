/**
 * Runs the local Microsoft 365 security center on its own: `npx tsx emulator/m365/start.ts`.
 *
 * Environment: M365_PORT (8090), M365_DATA_FILE (emulator/m365/.data/m365.sqlite), M365_PUBLIC_URL,
 * M365_TENANT_ID, M365_TENANT_NAME, M365_ADMIN_USER.
 */
import { createM365Server } from './server.ts'

async function main(): Promise<void> {
    const env = process.env
    const server = await createM365Server({
        port: env.M365_PORT ? Number(env.M365_PORT) : undefined,
        dataFile: env.M365_DATA_FILE || undefined,
        publicUrl: env.M365_PUBLIC_URL || undefined,
        tenantId: env.M365_TENANT_ID || undefined,
        tenantName: env.M365_TENANT_NAME || undefined,
        adminUser: env.M365_ADMIN_USER || undefined,
    })
    console.log(`Microsoft 365 security center (local): ${server.url}`)
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
