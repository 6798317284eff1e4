/**
 * Runs the bridge: `npm run bridge` (tsx bridge/start.ts), `npm run bridge -- --help` for the settings.
 *
 * Settings come from the environment (bridge/config.ts, docs/bridge-deployment.md). Every problem with them is
 * printed, one per line, and the process exits 2 before anything starts. Otherwise it prints the bridge's URL
 * and the OAuth redirect URL to register on the ServiceNow instance, then only JSON log lines (bridge/ops/log.ts),
 * and runs until SIGINT/SIGTERM: the first stops it gracefully (bridge/ops/shutdown.ts), a second one exits at once.
 *
 * `npm run bridge -- --rotate-key` re-encrypts the store's secrets under BRIDGE_NEW_SECRET_KEY (or
 * BRIDGE_NEW_SECRET_KEY_FILE), in one transaction, and exits; the bridge is then started with the new key as
 * BRIDGE_SECRET_KEY. Stop the bridge first: the rotation and a running bridge must not share the file.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { readBridgeConfig, settingsTable } from './config.ts'
import { createSecretBox, loadSecretKey, SECRET_KEY_NAMES, SecretBoxError } from './security/secret-box.ts'
import { SecretRegistry } from './security/secret-registry.ts'
import { runOnStopSignals } from './ops/shutdown.ts'
import { createBridgeServer, DEFAULT_DATA_FILE } from './server.ts'
import { openStore } from './store/store.ts'

const CONFIG_ERROR_EXIT = 2

async function main(): Promise<void> {
    if (process.argv.includes('--help') || process.argv.includes('-h')) {
        console.log('Secure Score bridge: npm run bridge\n\nSettings (environment variables):\n\n' + settingsTable())
        return
    }
    if (process.argv.includes('--rotate-key')) {
        process.exitCode = rotateKey(process.env)
        return
    }
    const config = readBridgeConfig(process.env)
    if ('errors' in config) {
        for (const line of config.errors) console.error(line)
        console.error('See README: Run the bridge against a real tenant (docs/bridge-deployment.md), or npm run bridge -- --help')
        process.exitCode = CONFIG_ERROR_EXIT
        return
    }

    let server
    try {
        server = await createBridgeServer(config.options)
    } catch (error) {
        const problem = storeProblem(error, resolve(config.options.dataFile ?? DEFAULT_DATA_FILE))
        if (!problem) throw error
        // A store that cannot be opened stays so across restarts: exit 2, which the systemd unit does not restart.
        console.error(problem)
        process.exitCode = CONFIG_ERROR_EXIT
        return
    }
    console.log(`Bridge  ${server.url}`)
    console.log(`OAuth redirect URL to register on the ServiceNow instance  ${server.redirectUri}`)

    // bridge/ops/shutdown.ts: stop listening, let requests and jobs in flight end, close the store; twice: at once.
    runOnStopSignals(server.shutdown, { log: server.log.line })
}

const NEW_KEY_NAMES = { key: 'BRIDGE_NEW_SECRET_KEY', file: 'BRIDGE_NEW_SECRET_KEY_FILE' }

/** --rotate-key: every sealed secret opened with the current key and sealed with the new one, all or nothing. */
function rotateKey(env: NodeJS.ProcessEnv): number {
    const current = loadSecretKey(env)
    const next = loadSecretKey(env, NEW_KEY_NAMES)
    const errors = [...('errors' in current ? current.errors : []), ...('errors' in next ? next.errors : [])]
    if ('key' in current && current.key === null) errors.push(`${SECRET_KEY_NAMES.key} or ${SECRET_KEY_NAMES.file} is missing: the key the store is encrypted with now`)
    if ('key' in next && next.key === null) errors.push(`${NEW_KEY_NAMES.key} or ${NEW_KEY_NAMES.file} is missing: the key to re-encrypt the store with`)
    if (errors.length > 0 || !('key' in current) || !current.key || !('key' in next) || !next.key) {
        for (const line of errors) console.error(line)
        return CONFIG_ERROR_EXIT
    }
    const file = resolve(env.BRIDGE_DATA_FILE?.trim() || DEFAULT_DATA_FILE)
    // Opening a file that is not there would create an empty store and "re-encrypt" nothing in it.
    if (!existsSync(file)) {
        console.error(`BRIDGE_DATA_FILE: there is no store at ${file}, so there is nothing to re-encrypt: check the path`)
        return CONFIG_ERROR_EXIT
    }
    const secrets = new SecretRegistry()
    let store
    try {
        store = openStore(file, { box: createSecretBox(current.key, secrets) })
    } catch (error) {
        // A wrong current key is found as the store opens: nothing was changed.
        console.error(`Nothing was changed: ${(error as Error).message}`)
        return 1
    }
    try {
        const count = store.rotateKey(createSecretBox(next.key, secrets))
        console.log(`Re-encrypted ${count} secret(s) in ${file} with key ${next.key.id}. Start the bridge with that key as ${SECRET_KEY_NAMES.key} now.`)
        return 0
    } catch (error) {
        // A wrong current key, or a value that does not open: nothing was changed.
        console.error(`Nothing was changed: ${(error as Error).message}`)
        return 1
    } finally {
        store.close()
    }
}

/**
 * The data file's problem in one line, for an error opening the store: a path that cannot be a file, no permission,
 * not a SQLite file, a store written by a newer bridge, or a key that is not the store's. Null for anything else.
 */
function storeProblem(error: unknown, file: string): string | null {
    const { code, message } = error as { code?: unknown; message?: unknown }
    const text = typeof message === 'string' ? message : String(error)
    if (typeof code === 'string' && /^(ENOTDIR|EEXIST|EACCES|EPERM|EROFS|EISDIR|ENOENT|SQLITE_CANTOPEN|SQLITE_NOTADB|SQLITE_READONLY|SQLITE_CORRUPT|SQLITE_PERM)/.test(code)) {
        return `BRIDGE_DATA_FILE: the store ${file} cannot be opened (${code}): ${text}`
    }
    if (/written by a newer bridge/.test(text)) return `BRIDGE_DATA_FILE: ${text}`
    if (error instanceof SecretBoxError && error.kind === 'wrong-key') return `BRIDGE_SECRET_KEY: the store ${file} cannot be opened with it. ${text}`
    return null
}

// tsx runs the package as CommonJS: no top-level await.
main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
})
