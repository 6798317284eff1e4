// After delete on x_mioms_m365ticket_connection: the tenant's entry in the connection cache is flushed. The
// cache's Table row pair flushes it on every update of the row; a delete is not documented to do so.
import type { GlideRecord } from '@servicenow/glide'
import { forgetConnection } from '../connector/connection-cache.ts'

export function forgetDeletedConnection(current: GlideRecord): void {
    const tenantId = current.getValue('tenant_id')
    if (tenantId) forgetConnection(tenantId)
}
