/**
 * bridge/security/secret-box.ts: AES-256-GCM sealing, the self-describing format, a wrong key named as such,
 * tampering and moved values refused, rotation all-or-nothing, and where the key may come from (the environment or
 * a private key file, read from a real temporary directory).
 */
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSecretBox, isSealed, loadSecretKey, parseSecretKeyText, rotateSecrets, secretKeyFromBytes, SecretBoxError, type SecretKey } from '../../../bridge/security/secret-box.ts'
import { REDACTED, SecretRegistry } from '../../../bridge/security/secret-registry.ts'

const newKey = (): SecretKey => secretKeyFromBytes(randomBytes(32))
const REFRESH_TOKEN = 'refresh-token-of-the-servicenow-link-0123456789'

function failure(action: () => unknown): SecretBoxError {
    try {
        action()
    } catch (error) {
        if (error instanceof SecretBoxError) return error
        throw error
    }
    throw new Error('expected a SecretBoxError')
}

describe('sealing', () => {
    const key = newKey()
    const box = createSecretBox(key, new SecretRegistry())

    it('seals to v1:<keyId>:<iv>:<tag>:<ciphertext> and opens to the same text', () => {
        const sealed = box.seal(REFRESH_TOKEN, 'servicenow.refresh_token:tenant-a')
        const parts = sealed.split(':')
        expect(parts).toHaveLength(5)
        expect(parts[0]).toBe('v1')
        expect(parts[1]).toBe(key.id)
        expect(Buffer.from(parts[2], 'base64url')).toHaveLength(12)
        expect(Buffer.from(parts[3], 'base64url')).toHaveLength(16)
        expect(sealed).not.toContain(REFRESH_TOKEN)
        expect(isSealed(sealed)).toBe(true)
        expect(box.open(sealed, 'servicenow.refresh_token:tenant-a')).toBe(REFRESH_TOKEN)
    })

    it('uses a fresh IV per value: the same secret sealed twice differs', () => {
        const first = box.seal(REFRESH_TOKEN)
        const second = box.seal(REFRESH_TOKEN)
        expect(first.split(':')[2]).not.toBe(second.split(':')[2])
        expect(first).not.toBe(second)
    })

    it('opens an empty secret and non-ASCII text', () => {
        expect(box.open(box.seal(''))).toBe('')
        expect(box.open(box.seal('Geheimnis – 秘密 🔑'))).toBe('Geheimnis – 秘密 🔑')
    })

    it('names a wrong key instead of returning garbage', () => {
        const sealed = box.seal(REFRESH_TOKEN)
        const other = newKey()
        const error = failure(() => createSecretBox(other, new SecretRegistry()).open(sealed))
        expect(error.kind).toBe('wrong-key')
        expect(error.message).toContain(`sealed with key ${key.id}`)
        expect(error.message).toContain(`configured key is ${other.id}`)
    })

    it('refuses a changed ciphertext, tag or IV as tampered', () => {
        const sealed = box.seal(REFRESH_TOKEN)
        const [v, id, iv, tag, ct] = sealed.split(':')
        const flip = (part: string) => {
            const bytes = Buffer.from(part, 'base64url')
            bytes[0] ^= 1
            return bytes.toString('base64url')
        }
        for (const changed of [[v, id, iv, tag, flip(ct)], [v, id, iv, flip(tag), ct], [v, id, flip(iv), tag, ct]]) {
            expect(failure(() => box.open(changed.join(':'))).kind).toBe('tampered')
        }
    })

    it('refuses a value moved to another row or tenant (its context is authenticated)', () => {
        const sealed = box.seal(REFRESH_TOKEN, 'servicenow.refresh_token:tenant-a')
        expect(failure(() => box.open(sealed, 'servicenow.refresh_token:tenant-b')).kind).toBe('tampered')
        expect(failure(() => box.open(sealed)).kind).toBe('tampered')
    })

    it('refuses plain text and an unknown format version by name', () => {
        expect(failure(() => box.open(REFRESH_TOKEN))).toMatchObject({ kind: 'format', message: 'A stored secret is not a sealed value' })
        const v2 = 'v2' + box.seal(REFRESH_TOKEN).slice(2)
        expect(failure(() => box.open(v2))).toMatchObject({ kind: 'format', message: 'A stored secret has format v2, which this bridge does not know' })
    })

    it('registers what it seals and opens, so the log can mask it', () => {
        const registry = new SecretRegistry()
        const writer = createSecretBox(key, registry)
        const sealed = writer.seal('client-secret-sealed-here')
        const reader = new SecretRegistry()
        createSecretBox(key, reader).open(sealed)
        expect(registry.redact('secret=client-secret-sealed-here')).toBe(`secret=${REDACTED}`)
        expect(reader.redact('secret=client-secret-sealed-here')).toBe(`secret=${REDACTED}`)
    })
})

describe('rotation', () => {
    it('re-seals every value under the new key, keeping each context', () => {
        const registry = new SecretRegistry()
        const oldKey = newKey()
        const nextKey = newKey()
        const old = createSecretBox(oldKey, registry)
        const items = [
            { value: old.seal('access-token-1234567890', 'access:a'), context: 'access:a' },
            { value: old.seal('refresh-token-1234567890', 'refresh:a'), context: 'refresh:a' },
        ]
        const rotated = rotateSecrets(items, oldKey, nextKey, registry)
        const next = createSecretBox(nextKey, registry)
        expect(rotated.map((value) => value.split(':')[1])).toEqual([nextKey.id, nextKey.id])
        expect(next.open(rotated[0], 'access:a')).toBe('access-token-1234567890')
        expect(next.open(rotated[1], 'refresh:a')).toBe('refresh-token-1234567890')
        expect(failure(() => old.open(rotated[0], 'access:a')).kind).toBe('wrong-key')
    })

    it('keeps values already under the new key (a second run changes nothing)', () => {
        const registry = new SecretRegistry()
        const oldKey = newKey()
        const nextKey = newKey()
        const once = rotateSecrets([{ value: createSecretBox(oldKey, registry).seal('token-abcdefgh') }], oldKey, nextKey, registry)
        expect(rotateSecrets([{ value: once[0] }], oldKey, nextKey, registry)).toEqual(once)
    })

    it('returns nothing when one value cannot be opened: the caller writes nothing', () => {
        const registry = new SecretRegistry()
        const oldKey = newKey()
        const stranger = createSecretBox(newKey(), registry)
        const items = [{ value: createSecretBox(oldKey, registry).seal('token-abcdefgh') }, { value: stranger.seal('token-from-elsewhere') }]
        expect(failure(() => rotateSecrets(items, oldKey, newKey(), registry)).kind).toBe('wrong-key')
    })
})

describe('where the key comes from', () => {
    const keyText = randomBytes(32).toString('base64')
    let dir: string
    beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'secret-key-'))))
    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    it('reads BRIDGE_SECRET_KEY as 32 bytes of base64 (standard or url-safe)', () => {
        const result = loadSecretKey({ BRIDGE_SECRET_KEY: keyText })
        expect('key' in result && result.key?.bytes.equals(Buffer.from(keyText, 'base64'))).toBe(true)
        const urlSafe = Buffer.from(keyText, 'base64').toString('base64url')
        expect(parseSecretKeyText(urlSafe)?.bytes.equals(Buffer.from(keyText, 'base64'))).toBe(true)
    })

    it('answers no key when neither variable is set (the demo decides)', () => {
        expect(loadSecretKey({})).toEqual({ key: null })
        expect(loadSecretKey({ BRIDGE_SECRET_KEY: '  ' })).toEqual({ key: null })
    })

    it('refuses a key of the wrong length without quoting it', () => {
        const short = randomBytes(16).toString('base64')
        const result = loadSecretKey({ BRIDGE_SECRET_KEY: short })
        expect(result).toEqual({ errors: ['BRIDGE_SECRET_KEY must be a 32-byte key in base64 (openssl rand -base64 32); the value given is not (not shown)'] })
        expect(JSON.stringify(result)).not.toContain(short)
    })

    it('refuses both variables at once', () => {
        expect(loadSecretKey({ BRIDGE_SECRET_KEY: keyText, BRIDGE_SECRET_KEY_FILE: '/x' })).toEqual({ errors: ['Set BRIDGE_SECRET_KEY or BRIDGE_SECRET_KEY_FILE, not both'] })
    })

    it('reads a key file readable by its owner only', () => {
        const file = join(dir, 'owner-only.key')
        writeFileSync(file, keyText + '\n', { mode: 0o600 })
        chmodSync(file, 0o600)
        const result = loadSecretKey({ BRIDGE_SECRET_KEY_FILE: file })
        expect('key' in result && result.key?.id).toBe(parseSecretKeyText(keyText)?.id)
    })

    it('refuses a key file that group or others can read, naming the mode', () => {
        const file = join(dir, 'shared.key')
        writeFileSync(file, keyText)
        chmodSync(file, 0o640)
        expect(loadSecretKey({ BRIDGE_SECRET_KEY_FILE: file })).toEqual({
            errors: [`BRIDGE_SECRET_KEY_FILE: ${file} is readable by group or others (mode 640); make it readable by the bridge's user only (chmod 600)`],
        })
    })

    it('names a missing key file and one holding something else, never its content', () => {
        const missing = join(dir, 'missing.key')
        expect(loadSecretKey({ BRIDGE_SECRET_KEY_FILE: missing })).toEqual({ errors: [`BRIDGE_SECRET_KEY_FILE: cannot read ${missing} (ENOENT)`] })
        const wrong = join(dir, 'wrong.key')
        writeFileSync(wrong, 'not a key at all', { mode: 0o600 })
        const result = loadSecretKey({ BRIDGE_SECRET_KEY_FILE: wrong })
        expect(result).toEqual({ errors: [`BRIDGE_SECRET_KEY_FILE: ${wrong} must hold a 32-byte key in base64 (openssl rand -base64 32), and nothing else`] })
    })

    it('reads the new key for --rotate-key under its own names', () => {
        const result = loadSecretKey({ BRIDGE_NEW_SECRET_KEY: keyText }, { key: 'BRIDGE_NEW_SECRET_KEY', file: 'BRIDGE_NEW_SECRET_KEY_FILE' })
        expect('key' in result && result.key?.id).toBe(parseSecretKeyText(keyText)?.id)
    })
})

describe('the registry', () => {
    it('masks every registered secret and its URL-encoded form, longest first, and forgets on request', () => {
        const registry = new SecretRegistry()
        registry.register('abc/def+ghi=jkl')
        registry.register('abc/def+ghi=jkl-longer')
        registry.register('short')
        expect(registry.redact('a abc/def+ghi=jkl-longer b abc%2Fdef%2Bghi%3Djkl c short')).toBe(`a ${REDACTED} b ${REDACTED} c short`)
        registry.forget('abc/def+ghi=jkl')
        expect(registry.redact('abc/def+ghi=jkl')).toBe('abc/def+ghi=jkl')
    })

    it('drops the oldest secrets past its bound', () => {
        const registry = new SecretRegistry(4)
        // Each has two forms (plain and URL-encoded), so the third pushes the first out.
        for (const secret of ['secret/1-aaaa', 'secret/2-bbbb', 'secret/3-cccc']) registry.register(secret)
        expect(registry.size).toBe(4)
        expect(registry.redact('secret/1-aaaa secret/2-bbbb secret%2F3-cccc')).toBe(`secret/1-aaaa ${REDACTED} ${REDACTED}`)
    })
})
