// The connector's scoped cache of tenant connections (src/server/connector/connection-cache.ts,
// CONNECTION_CACHE). The ScopedCacheManager methods "require one or more scoped caches and scoped cache
// pairs to be defined" (ScopedCacheManager - Scoped): the cache is paired with the connection table as a
// Table row pair, so that any update of a connection row flushes the entry put (putRow) with that row's
// sys_id ("ScopedCacheManager API Developer Guide"). A tenant is one entry and the platform allows at most
// 100: beyond 100 active tenants, entries push each other out and most calls read the table again.
import '@servicenow/sdk/global'
import { Record } from '@servicenow/sdk/core'

export const tenantConnectionsCache = Record({
    $id: Now.ID['scoped-cache-tenant-connections'],
    table: 'sys_scoped_cache',
    data: {
        name: 'tenant_connections',
        max_entries: 100,
        active: true,
        always_compress: false,
    },
})

// The pair's column names and pair type value are not documented; they follow the Scoped Cache Pairs form
// (Scoped Cache, Table, Pair type "Table row pair cache"). Check them on an instance before relying on them.
Record({
    $id: Now.ID['scoped-cache-pair-tenant-connections'],
    table: 'sys_scoped_cache_table_pair',
    data: {
        scoped_cache: tenantConnectionsCache,
        table: 'x_mioms_m365ticket_connection',
        pair_type: 'table_row',
    },
})
