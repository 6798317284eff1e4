// Scheduled job: deletes API log rows older than x_mioms_m365ticket.api_log_retention_days.
import { GlideDateTime, GlideRecord, gs } from '@servicenow/glide'
import { API_LOG_TABLE } from '../connector/api-log.ts'
import { integerProperty, PROPERTY } from '../platform/properties.ts'
import { requireFields } from '../platform/fields.ts'

export function purgeApiLog(): number {
    const days = Math.max(1, integerProperty(PROPERTY.apiLogRetentionDays, 30))
    const cutoff = new GlideDateTime()
    cutoff.addDaysUTC(-days)
    const old = new GlideRecord(API_LOG_TABLE)
    requireFields(old, ['sys_created_on'])
    old.addQuery('sys_created_on', '<', cutoff.getValue())
    old.query()
    const purged = old.getRowCount()
    old.deleteMultiple()
    gs.info('Microsoft 365 connector: purged ' + purged + ' API log rows older than ' + days + ' days')
    return purged
}
