/**
 * The secrets this process holds in the clear, so that anything written out (log lines, error pages, the API log)
 * can mask them: every value the secret box opens is registered here, and so are secrets read from the settings.
 *
 *   const secrets = new SecretRegistry()
 *   secrets.register(value)        a client secret, an access or refresh token, a code verifier
 *   secrets.redact(text)           text with every registered secret (and its URL-encoded form) replaced
 *   secrets.forget(value)          a replaced token, so the registry does not grow with every refresh
 *
 * Used by bridge/security/secret-box.ts (registers what it opens) and bridge/ops/log.ts (masks what it writes).
 * Nothing else needs to touch it except the settings reader, which registers the Graph client secret.
 */

export const REDACTED = '[redacted]'

/** Shorter values are not secrets worth masking and would mask ordinary words. */
const MIN_SECRET_LENGTH = 8
/** A bound on memory: tokens are refreshed hourly per tenant, and the oldest are long replaced. */
const DEFAULT_MAX_SECRETS = 20_000

export class SecretRegistry {
    // Insertion order is the age order, so the oldest is dropped first when full.
    private readonly secrets = new Set<string>()
    private pattern: RegExp | null = null

    constructor(private readonly maxSecrets = DEFAULT_MAX_SECRETS) {}

    register(secret: string): void {
        if (secret.length < MIN_SECRET_LENGTH) return
        const forms = new Set([secret, encodeURIComponent(secret)])
        for (const form of forms) {
            // Re-registering refreshes its age.
            this.secrets.delete(form)
            this.secrets.add(form)
        }
        while (this.secrets.size > this.maxSecrets) this.secrets.delete(this.secrets.values().next().value as string)
        this.pattern = null
    }

    forget(secret: string): void {
        this.secrets.delete(secret)
        this.secrets.delete(encodeURIComponent(secret))
        this.pattern = null
    }

    get size(): number {
        return this.secrets.size
    }

    redact(text: string): string {
        if (this.secrets.size === 0) return text
        if (!this.pattern) {
            // Longest first, so a secret that contains another is masked whole.
            const alternatives = [...this.secrets].sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            this.pattern = new RegExp(alternatives.join('|'), 'g')
        }
        return text.replace(this.pattern, REDACTED)
    }
}
