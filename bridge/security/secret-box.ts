/**
 * Secrets at rest: the ServiceNow access and refresh tokens, the ServiceNow client secret and the Graph client
 * secret are kept in the store sealed with AES-256-GCM, under a key that never lives in the store.
 *
 *   loadSecretKey(env, names?, files?) → { key: SecretKey | null } | { errors }   BRIDGE_SECRET_KEY or _FILE
 *   createSecretBox(key, registry) → { keyId, seal(plain, context?), open(sealed, context?) }
 *   rotateSecrets(items, oldKey, newKey, registry) → the same values sealed under newKey (all or none)
 *   isSealed(text)
 *
 * A sealed value is one self-describing string, `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64url parts):
 *   - a fresh random 96-bit IV per value (NIST SP 800-38D's recommended IV length for GCM);
 *   - keyId, a short hash of the key, so a value sealed under another key is refused by name ("sealed with key X,
 *     the configured key is Y") instead of failing as tampering or, worse, passing as garbage;
 *   - the version, the key id and the caller's `context` (e.g. `servicenow.refresh_token:<tenant id>`) are the
 *     GCM additional data: a value copied into another row or tenant fails to open.
 *
 * What opens is registered with the SecretRegistry, so the log can mask it (bridge/ops/log.ts).
 * The store (bridge/store/) seals and opens through a box; start.ts loads the key; `--rotate-key` calls
 * rotateSecrets inside one store transaction. Nothing else touches keys.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { SecretRegistry } from './secret-registry.ts'

export interface SecretKey {
    /** Short hash of the key: names it in sealed values and messages without revealing it. */
    id: string
    bytes: Buffer
}

export type SecretBoxErrorKind = 'format' | 'wrong-key' | 'tampered'

export class SecretBoxError extends Error {
    constructor(
        message: string,
        readonly kind: SecretBoxErrorKind,
    ) {
        super(message)
        this.name = 'SecretBoxError'
    }
}

export interface SecretBox {
    keyId: string
    seal(plaintext: string, context?: string): string
    open(sealed: string, context?: string): string
}

const VERSION = 'v1'
const KEY_BYTES = 32
const IV_BYTES = 12
const TAG_BYTES = 16
const SEALED = /^v1:[A-Za-z0-9_-]{8}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]*$/

export function secretKeyFromBytes(bytes: Buffer): SecretKey {
    if (bytes.length !== KEY_BYTES) throw new Error(`A secret key is ${KEY_BYTES} bytes, got ${bytes.length}`)
    const id = createHash('sha256').update('bridge secret key id\0').update(bytes).digest().subarray(0, 6).toString('base64url')
    return { id, bytes: Buffer.from(bytes) }
}

/** 32 bytes as base64 (standard or url-safe), the form `openssl rand -base64 32` prints; null if it is not one. */
export function parseSecretKeyText(text: string): SecretKey | null {
    const trimmed = text.trim()
    if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) return null
    const bytes = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
    return bytes.length === KEY_BYTES ? secretKeyFromBytes(bytes) : null
}

export function isSealed(text: string): boolean {
    return SEALED.test(text)
}

function additionalData(keyId: string, context: string): Buffer {
    return Buffer.from(`${VERSION}:${keyId}:${context}`, 'utf8')
}

export function createSecretBox(key: SecretKey, registry: SecretRegistry): SecretBox {
    return {
        keyId: key.id,
        seal(plaintext, context = '') {
            registry.register(plaintext)
            const iv = randomBytes(IV_BYTES)
            const cipher = createCipheriv('aes-256-gcm', key.bytes, iv, { authTagLength: TAG_BYTES })
            cipher.setAAD(additionalData(key.id, context))
            const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
            return [VERSION, key.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join(':')
        },
        open(sealed, context = '') {
            if (!isSealed(sealed)) {
                const version = sealed.split(':')[0]
                throw new SecretBoxError(
                    /^v\d+$/.test(version) && version !== VERSION ? `A stored secret has format ${version}, which this bridge does not know` : 'A stored secret is not a sealed value',
                    'format',
                )
            }
            const [, keyId, iv, tag, ciphertext] = sealed.split(':')
            if (keyId !== key.id) {
                throw new SecretBoxError(`A stored secret was sealed with key ${keyId}, but the configured key is ${key.id}: set BRIDGE_SECRET_KEY to the key it was sealed with`, 'wrong-key')
            }
            const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES })
            decipher.setAAD(additionalData(keyId, context))
            decipher.setAuthTag(Buffer.from(tag, 'base64url'))
            let plaintext: string
            try {
                plaintext = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8')
            } catch {
                throw new SecretBoxError('A stored secret failed its integrity check: it was changed, or moved from another row', 'tampered')
            }
            registry.register(plaintext)
            return plaintext
        },
    }
}

export interface SealedItem {
    value: string
    context?: string
}

/**
 * Every value under `newKey`: opened with `oldKey` and sealed again, or kept if already under `newKey` (a rotation
 * run twice is harmless). Opens everything before returning anything, so one bad value leaves the store as it was.
 */
export function rotateSecrets(items: readonly SealedItem[], oldKey: SecretKey, newKey: SecretKey, registry: SecretRegistry): string[] {
    const from = createSecretBox(oldKey, registry)
    const to = createSecretBox(newKey, registry)
    const plaintexts = items.map((item) => {
        const box = isSealed(item.value) && item.value.split(':')[1] === newKey.id ? to : from
        return { plaintext: box.open(item.value, item.context), context: item.context, keep: box === to ? item.value : null }
    })
    return plaintexts.map((p) => p.keep ?? to.seal(p.plaintext, p.context))
}

// --- where the key comes from ---------------------------------------------------------------------

export interface SecretKeyNames {
    key: string
    file: string
}

export const SECRET_KEY_NAMES: SecretKeyNames = { key: 'BRIDGE_SECRET_KEY', file: 'BRIDGE_SECRET_KEY_FILE' }

export interface KeyFiles {
    readFile(path: string): string
    /** The file's permission bits (stat's mode). */
    mode(path: string): number
}

const nodeKeyFiles: KeyFiles = {
    readFile: (path) => readFileSync(path, 'utf8'),
    mode: (path) => statSync(path).mode,
}

/**
 * The key from the environment (base64) or a key file holding the same text, never both, never the store.
 * `{ key: null }` when neither is set: start.ts refuses that outside `npm start`'s demo. A key file readable by
 * group or others is refused (the key is the only thing between a copied store and its tokens). The key itself
 * never appears in a message.
 */
export function loadSecretKey(env: NodeJS.ProcessEnv, names: SecretKeyNames = SECRET_KEY_NAMES, files: KeyFiles = nodeKeyFiles): { key: SecretKey | null } | { errors: string[] } {
    const text = env[names.key]?.trim() || undefined
    const file = env[names.file]?.trim() || undefined
    const expected = 'a 32-byte key in base64 (openssl rand -base64 32)'
    if (text !== undefined && file !== undefined) return { errors: [`Set ${names.key} or ${names.file}, not both`] }
    if (text !== undefined) {
        const key = parseSecretKeyText(text)
        return key ? { key } : { errors: [`${names.key} must be ${expected}; the value given is not (not shown)`] }
    }
    if (file === undefined) return { key: null }

    let mode: number
    let content: string
    try {
        mode = files.mode(file)
        content = files.readFile(file)
    } catch (error) {
        const code = (error as { code?: unknown } | null)?.code
        return { errors: [`${names.file}: cannot read ${file} (${typeof code === 'string' ? code : 'unreadable'})`] }
    }
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
        return { errors: [`${names.file}: ${file} is readable by group or others (mode ${(mode & 0o777).toString(8)}); make it readable by the bridge's user only (chmod 600)`] }
    }
    const key = parseSecretKeyText(content)
    return key ? { key } : { errors: [`${names.file}: ${file} must hold ${expected}, and nothing else`] }
}
