// After insert, update and delete on x_mioms_m365ticket_connection: the tenant's entry in the
// connection cache is flushed, so the next connector call reads the row as it now is.
import type { GlideRecord } from '@servicenow/glide'
import { forgetConnection } from '../connector/connection-cache.ts'

export function forgetCachedConnection(current: GlideRecord, previous: GlideRecord | null): void {
    const tenants = [current.getValue('tenant_id'), previous ? previous.getValue('tenant_id') : null]
    for (const tenantId of tenants) {
        if (tenantId) forgetConnection(tenantId)
    }
}
