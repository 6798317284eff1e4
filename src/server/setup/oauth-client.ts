// Step 2, OAuth creation: the app's oauth_entity ("OAuth API endpoint for external clients") that
// Microsoft 365 signs in through. Created once; running the action again repairs it (reactivates,
// renames, fixes the redirect URL and token lifespans) instead of creating another. The client
// secret is generated here, returned once by the creating call, and never read back.
import { GlideRecord, gs } from '@servicenow/glide'
import { conflict } from '../platform/api-error.ts'
import { instanceBaseUrl, integerProperty, isTrue, PROPERTY } from '../platform/properties.ts'
import { FieldErrors, field, text, type JsonObject } from '../platform/validation.ts'
import { APP_SCOPE, type Problem, type Step } from './common.ts'
import { OAUTH_TABLE, oauthPolicyProblem } from './preflight.ts'
import { generateClientSecret } from './random.ts'
import { requireFields } from '../platform/fields.ts'

/** Marks the client the checklist made, so it is found again whatever its name. */
export const CLIENT_MARKER = '[' + APP_SCOPE + ':checklist]'
export const DEFAULT_CLIENT_NAME = 'Microsoft 365 Ticketing Connector'
const DEFAULT_REDIRECT_URL = 'https://security.microsoft.com/ticketProvisioning/oauth/callback'
const LIFESPAN_LIMITS = {
    access: { min: 60, max: 86400, fallback: 1800 },
    refresh: { min: 3600, max: 31536000, fallback: 8640000 },
}

export interface OAuthClientView {
    sysId: string
    name: string
    clientId: string
    redirectUrl: string
    active: boolean
    accessTokenLifespan: number
    refreshTokenLifespan: number
    link: string
}

export interface OAuthStepDetails {
    client: OAuthClientView | null
    expected: { redirectUrl: string; accessTokenLifespan: number; refreshTokenLifespan: number }
}

export interface OAuthClientResult {
    created: boolean
    repaired: string[]
    client: OAuthClientView
    /** Only when created or rotated: shown once, never stored in clear or returned again. */
    clientSecret?: string
}

/** The redirect URL the OAuth client must have: the property the checklist sets, Microsoft's callback by default. */
export function expectedRedirectUrl(): string {
    return gs.getProperty(PROPERTY.oauthRedirectUrl, DEFAULT_REDIRECT_URL) || DEFAULT_REDIRECT_URL
}

function expectedSettings(): OAuthStepDetails['expected'] {
    return {
        redirectUrl: expectedRedirectUrl(),
        accessTokenLifespan: integerProperty(PROPERTY.accessTokenLifespan, LIFESPAN_LIMITS.access.fallback),
        refreshTokenLifespan: integerProperty(PROPERTY.refreshTokenLifespan, LIFESPAN_LIMITS.refresh.fallback),
    }
}

function findClientRecord(): GlideRecord | null {
    const client = new GlideRecord(OAUTH_TABLE)
    // The record found here is repaired (redirect URL, lifespans, secret): never let a dropped condition pick another client.
    requireFields(client, ['comments'])
    client.addQuery('comments', 'CONTAINS', CLIENT_MARKER)
    client.orderBy('sys_created_on')
    client.setLimit(1)
    client.query()
    return client.next() ? client : null
}

/** The sys_id of the OAuth client the checklist created, or null. */
export function appClientSysId(): string | null {
    const record = findClientRecord()
    return record ? record.getUniqueValue() : null
}

function view(client: GlideRecord): OAuthClientView {
    return {
        sysId: client.getUniqueValue(),
        name: client.getValue('name') || '',
        clientId: client.getValue('client_id') || '',
        redirectUrl: client.getValue('redirect_url') || '',
        active: isTrue(client.getValue('active')),
        accessTokenLifespan: parseInt(client.getValue('access_token_lifespan') || '0', 10),
        refreshTokenLifespan: parseInt(client.getValue('refresh_token_lifespan') || '0', 10),
        link: instanceBaseUrl() + OAUTH_TABLE + '.do?sys_id=' + client.getUniqueValue(),
    }
}

export function oauthStep(preflightPassed: boolean): Step<OAuthStepDetails, 'oauth'> {
    const expected = expectedSettings()
    const base = { id: 'oauth' as const, title: 'OAuth creation' }
    if (!preflightPassed) {
        return {
            ...base,
            state: 'blocked',
            summary: 'Fix the table access preflight first; the OAuth client is not created while it fails.',
            problems: [],
            details: { client: null, expected },
        }
    }
    const record = findClientRecord()
    if (!record) {
        return {
            ...base,
            state: 'todo',
            summary: 'Create the OAuth client Microsoft 365 connects through. Its secret is shown once.',
            problems: [],
            details: { client: null, expected },
        }
    }
    const client = view(record)
    const problems: Problem[] = []
    if (!client.active) {
        problems.push({ code: 'client_inactive', message: 'The OAuth client "' + client.name + '" is inactive, so Microsoft 365 cannot sign in.', fix: 'Run "Repair OAuth client" to reactivate it.' })
    }
    if (client.redirectUrl !== expected.redirectUrl) {
        problems.push({
            code: 'redirect_url_mismatch',
            message: 'The OAuth client redirects to ' + (client.redirectUrl || '(nothing)') + ', not to Microsoft 365 (' + expected.redirectUrl + '); the consent step would fail.',
            fix: 'Run "Repair OAuth client" to set the redirect URL.',
        })
    }
    return {
        ...base,
        state: problems.length ? 'attention' : 'complete',
        summary: problems.length ? 'The OAuth client exists but needs repair.' : 'The OAuth client "' + client.name + '" is active and redirects to Microsoft 365.',
        problems,
        details: { client, expected },
    }
}

interface ClientRequest {
    name?: string
    redirectUrl?: string
    accessTokenLifespan?: number
    refreshTokenLifespan?: number
    rotateSecret: boolean
}

function lifespan(errors: FieldErrors, name: string, value: unknown, limits: { min: number; max: number }): number | undefined {
    if (value === undefined || value === null) return undefined
    const parsed = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? parseInt(value, 10) : NaN
    if (!Number.isInteger(parsed) || parsed < limits.min || parsed > limits.max) {
        errors.add(name, 'must be a whole number of seconds, ' + limits.min + '-' + limits.max)
        return undefined
    }
    return parsed
}

/** Microsoft's callback is https; plain http is accepted only on this machine, for local development. */
const REDIRECT_URL_PATTERN = /^(https:\/\/[^\s/?#]+|http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?(?=[/?#]|$))[^\s]*$/

export function validateClientRequest(body: JsonObject): ClientRequest {
    const errors = new FieldErrors()
    const name = text(errors, 'name', field(body, 'name'), { min: 0, max: 100 })
    const redirectUrl = text(errors, 'redirectUrl', field(body, 'redirectUrl'), {
        min: 0,
        max: 1024,
        pattern: REDIRECT_URL_PATTERN,
        patternHint: 'must be an https URL (http only for localhost or 127.0.0.1)',
    })
    const accessTokenLifespan = lifespan(errors, 'accessTokenLifespan', field(body, 'accessTokenLifespan'), LIFESPAN_LIMITS.access)
    const refreshTokenLifespan = lifespan(errors, 'refreshTokenLifespan', field(body, 'refreshTokenLifespan'), LIFESPAN_LIMITS.refresh)
    const rotate = field(body, 'rotateSecret')
    if (rotate !== undefined && typeof rotate !== 'boolean') errors.add('rotateSecret', 'must be true or false')
    errors.throwIfAny()
    return {
        name: name || undefined,
        redirectUrl: redirectUrl || undefined,
        accessTokenLifespan,
        refreshTokenLifespan,
        rotateSecret: rotate === true,
    }
}

function setIfDifferent(record: GlideRecord, name: string, value: string, repaired: string[], label: string): void {
    if ((record.getValue(name) || '') !== value) {
        record.setValue(name, value)
        repaired.push(label)
    }
}

/**
 * POST /oauth-client: creates the client, or repairs the existing one. Refused with 409 (and the
 * platform's message) while oauth_entity's cross-scope policy forbids it: nothing is attempted.
 */
export function createOrRepairClient(request: ClientRequest): OAuthClientResult {
    const policyProblem = oauthPolicyProblem()
    if (policyProblem) throw conflict(policyProblem.message, policyProblem.fix)

    // An edited redirect URL or lifespan becomes the setting the step is checked against.
    if (request.redirectUrl) gs.setProperty(PROPERTY.oauthRedirectUrl, request.redirectUrl)
    if (request.accessTokenLifespan !== undefined) gs.setProperty(PROPERTY.accessTokenLifespan, String(request.accessTokenLifespan))
    if (request.refreshTokenLifespan !== undefined) gs.setProperty(PROPERTY.refreshTokenLifespan, String(request.refreshTokenLifespan))
    const expected = expectedSettings()

    const existing = findClientRecord()
    if (existing) {
        const repaired: string[] = []
        if (!isTrue(existing.getValue('active'))) {
            existing.setValue('active', true)
            repaired.push('active')
        }
        if (request.name) setIfDifferent(existing, 'name', request.name, repaired, 'name')
        setIfDifferent(existing, 'redirect_url', expected.redirectUrl, repaired, 'redirectUrl')
        setIfDifferent(existing, 'access_token_lifespan', String(expected.accessTokenLifespan), repaired, 'accessTokenLifespan')
        setIfDifferent(existing, 'refresh_token_lifespan', String(expected.refreshTokenLifespan), repaired, 'refreshTokenLifespan')
        let clientSecret: string | undefined
        if (request.rotateSecret) {
            clientSecret = generateClientSecret()
            existing.getElement('client_secret').setDisplayValue(clientSecret)
            repaired.push('clientSecret')
        }
        if (repaired.length && !existing.update()) throw conflict('The OAuth client could not be repaired', existing.getLastErrorMessage())
        const result: OAuthClientResult = { created: false, repaired, client: view(existing) }
        if (clientSecret) result.clientSecret = clientSecret
        return result
    }

    const clientSecret = generateClientSecret()
    const client = new GlideRecord(OAUTH_TABLE)
    client.initialize()
    client.setValue('name', request.name || DEFAULT_CLIENT_NAME)
    client.setValue('type', 'client')
    client.setValue('client_id', gs.generateGUID())
    client.getElement('client_secret').setDisplayValue(clientSecret)
    client.setValue('redirect_url', expected.redirectUrl)
    client.setValue('access_token_lifespan', String(expected.accessTokenLifespan))
    client.setValue('refresh_token_lifespan', String(expected.refreshTokenLifespan))
    client.setValue('active', true)
    client.setValue('comments', 'OAuth API endpoint for Microsoft 365 (Secure Score tickets), created by the installation checklist. ' + CLIENT_MARKER)
    if (!client.insert()) throw conflict('The OAuth client could not be created', client.getLastErrorMessage())
    return { created: true, repaired: [], client: view(client), clientSecret }
}
