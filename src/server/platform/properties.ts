// Platform helpers: typed access to the app's sys_properties (declared in fluent/properties/properties.now.ts)
// and to the instance's own (glide.servlet.uri), and the boolean form field values take.
import { gs } from '@servicenow/glide'

export const PROPERTY = {
    defaultTicketType: 'x_mioms_m365ticket.default_ticket_type',
    changeAssignmentGroup: 'x_mioms_m365ticket.change_assignment_group',
    incidentAssignmentGroup: 'x_mioms_m365ticket.incident_assignment_group',
    oauthRedirectUrl: 'x_mioms_m365ticket.oauth_redirect_url',
    accessTokenLifespan: 'x_mioms_m365ticket.access_token_lifespan',
    refreshTokenLifespan: 'x_mioms_m365ticket.refresh_token_lifespan',
    apiLogRetentionDays: 'x_mioms_m365ticket.api_log_retention_days',
    maxRequestBodyBytes: 'x_mioms_m365ticket.max_request_body_bytes',
    shareWorkNotes: 'x_mioms_m365ticket.share_work_notes',
} as const

export function integerProperty(name: string, fallback: number): number {
    const parsed = parseInt(gs.getProperty(name, String(fallback)), 10)
    return isNaN(parsed) ? fallback : parsed
}

export function booleanProperty(name: string, fallback: boolean): boolean {
    return isTrue(gs.getProperty(name, String(fallback)))
}

/** The instance's base URL (glide.servlet.uri), always ending in '/'; empty when unknown. */
export function instanceBaseUrl(): string {
    const uri = gs.getProperty('glide.servlet.uri', '') || ''
    return uri === '' || uri.endsWith('/') ? uri : uri + '/'
}

/** A boolean field's value as the platform returns it ('true'/'false'; '1'/'0' also accepted). */
export function isTrue(value: string | null): boolean {
    return value === 'true' || value === '1'
}
