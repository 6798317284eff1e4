import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { forgetCachedConnection } from '../../src/server/business-rules/forget-cached-connection.ts'

BusinessRule({
    $id: Now.ID['br-forget-cached-connection'],
    name: 'Forget cached connection',
    table: 'x_mioms_m365ticket_connection',
    when: 'after',
    action: ['insert', 'update', 'delete'],
    order: 100,
    script: forgetCachedConnection,
    description: 'Flushes the tenant from the connection cache (sys_scoped_cache tenant_connections) whenever its connection row changes.',
})
