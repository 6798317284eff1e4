import '@servicenow/sdk/global'
import { ScheduledScript } from '@servicenow/sdk/core'
import { purgeApiLog } from '../../src/server/jobs/purge-api-log.ts'

ScheduledScript({
    $id: Now.ID['job-purge-api-log'],
    name: 'Microsoft 365 connector: purge API log',
    active: true,
    frequency: 'daily',
    executionTime: { hours: 3, minutes: 0, seconds: 0 },
    timeZone: 'UTC',
    script: purgeApiLog,
})
