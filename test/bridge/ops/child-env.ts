/**
 * What the bridge child processes of the stop and kill tests (link-child.ts, shutdown-write-back-child.ts) read from
 * their environment: a required setting, and the bridge's store opened with BRIDGE_SECRET_KEY.
 */
import { createSecretBox, loadSecretKey } from '../../../bridge/security/secret-box.ts'
import { SecretRegistry } from '../../../bridge/security/secret-registry.ts'
import { openStore, type BridgeStore } from '../../../bridge/store/store.ts'

export function requiredEnv(name: string): string {
    const value = process.env[name]
    if (!value) throw new Error(`${name} is not set`)
    return value
}

/** The store in the file `fileSetting` names, under BRIDGE_SECRET_KEY, its secrets registered in `secrets`. */
export function openChildStore(fileSetting: string, secrets: SecretRegistry = new SecretRegistry()): BridgeStore {
    const key = loadSecretKey(process.env)
    if (!('key' in key) || key.key === null) throw new Error('BRIDGE_SECRET_KEY is not a key')
    return openStore(requiredEnv(fileSetting), { box: createSecretBox(key.key, secrets) })
}
