/**
 * The "Do you use ServiceNow?" form's rules, checked on the server whatever the browser did.
 */
import { isBareHost, normalizeInstanceUrl } from '../ports/servicenow/link.ts'
import { CONTROL_CHARS, GUID, type FieldErrors } from './form-rules.ts'

/** Longest accepted values (local choice: far above real ones, so a pasted blob is refused rather than stored). */
export const CONNECT_LIMITS = { instanceUrl: 2048, clientId: 1000, clientSecret: 1000, tenantName: 256 } as const

export interface ConnectValues {
    instanceUrl: string
    clientId: string
    clientSecret: string
    tenantId: string
    tenantName: string
}

/**
 * `bridgeTenantId`: the tenant whose Secure Score this bridge reads and writes. The connection registers the tenant
 * on the instance, so another tenant here would share one tenant's actions as another's tickets.
 */
export function validateConnect(values: ConnectValues, bridgeTenantId: string): { errors: FieldErrors; instanceUrl: string | null } {
    const errors: FieldErrors = {}
    // Each value goes to the instance or the store as one line: no control characters, no blobs.
    for (const field of ['instanceUrl', 'clientId', 'clientSecret', 'tenantName'] as const) {
        if (values[field].length > CONNECT_LIMITS[field]) errors[field] = `Use at most ${CONNECT_LIMITS[field]} characters.`
        else if (CONTROL_CHARS.test(values[field])) errors[field] = 'Use one line without control characters.'
    }
    const instanceUrl = errors.instanceUrl ? null : normalizeInstanceUrl(values.instanceUrl)
    if (errors.instanceUrl) {
        // already refused above
    } else if (!values.instanceUrl.trim()) errors.instanceUrl = 'Enter the instance URL.'
    else if (!instanceUrl && isBareHost(values.instanceUrl))
        errors.instanceUrl = `"${values.instanceUrl.trim()}" has no https:// or http://. Type the full address: https://contoso.service-now.com for an instance (or just its name, contoso), http://127.0.0.1:8080 for the local instance.`
    else if (!instanceUrl) errors.instanceUrl = 'Enter an https URL such as https://contoso.service-now.com (http only for this machine).'
    if (!values.clientId.trim() && !errors.clientId) errors.clientId = 'Enter the client ID from the checklist.'
    if (!values.clientSecret && !errors.clientSecret) errors.clientSecret = 'Enter the client secret from the checklist.'
    if (!values.tenantName.trim() && !errors.tenantName) errors.tenantName = 'Enter the tenant name.'
    const tenantId = values.tenantId.trim()
    if (!GUID.test(tenantId)) errors.tenantId = 'Enter the tenant ID as a GUID.'
    else if (tenantId.toLowerCase() !== bridgeTenantId.toLowerCase()) errors.tenantId = `This bridge reads Secure Score for tenant ${bridgeTenantId}: connect ServiceNow for that tenant.`
    return { errors, instanceUrl }
}
