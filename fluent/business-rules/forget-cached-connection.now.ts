import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { forgetDeletedConnection } from '../../src/server/business-rules/forget-cached-connection.ts'

BusinessRule({
    $id: Now.ID['br-forget-cached-connection'],
    name: 'Forget deleted connection',
    table: 'x_mioms_m365ticket_connection',
    when: 'after',
    action: ['delete'],
    order: 100,
    script: forgetDeletedConnection,
    description: 'Flushes a deleted tenant from the connection cache (sys_scoped_cache tenant_connections). Updates need no rule: the cache is paired with the table (Table row pair).',
})
