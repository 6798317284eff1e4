// The connector's scoped cache of tenant connections (src/server/connector/connection-cache.ts,
// CONNECTION_CACHE). Entries are flushed by the "Forget cached connection" business rule. A tenant is
// one entry and the platform allows at most 100: beyond 100 active tenants, entries push each other
// out and most calls read the connection table again.
import '@servicenow/sdk/global'
import { Record } from '@servicenow/sdk/core'

Record({
    $id: Now.ID['scoped-cache-tenant-connections'],
    table: 'sys_scoped_cache',
    data: {
        name: 'tenant_connections',
        max_entries: 100,
        active: true,
        always_compress: false,
    },
})
