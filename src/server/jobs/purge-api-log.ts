// Scheduled job: deletes API log rows older than x_mioms_m365ticket.api_log_retention_days.
import { GlideAggregate, GlideDateTime, GlideRecord, gs } from '@servicenow/glide'
import { API_LOG_TABLE } from '../connector/api-log.ts'
import { integerProperty, PROPERTY } from '../platform/properties.ts'
import { requireFields } from '../platform/fields.ts'

/**
 * The SDK's GlideAggregate type makes the field of addAggregate / getAggregate required; the "GlideAggregate -
 * Scoped" reference documents it optional, and addAggregate('COUNT') as the count of every matching row.
 */
interface CountOfAllRows {
    addEncodedQuery(query: string): void
    addAggregate(aggregate: 'COUNT'): void
    query(): void
    next(): boolean
    getAggregate(aggregate: 'COUNT'): string
}

export function purgeApiLog(): number {
    const days = Math.max(1, integerProperty(PROPERTY.apiLogRetentionDays, 30))
    const cutoff = new GlideDateTime()
    cutoff.addDaysUTC(-days)
    const old = new GlideRecord(API_LOG_TABLE)
    requireFields(old, ['sys_created_on'])
    old.addQuery('sys_created_on', '<', cutoff.getValue())
    // Counted by the database (COUNT), not by loading every row it is about to delete.
    const count = new GlideAggregate(API_LOG_TABLE) as unknown as CountOfAllRows
    count.addEncodedQuery(old.getEncodedQuery())
    count.addAggregate('COUNT')
    count.query()
    const purged = count.next() ? parseInt(count.getAggregate('COUNT'), 10) : 0
    old.deleteMultiple()
    gs.info('Microsoft 365 connector: purged ' + purged + ' API log rows older than ' + days + ' days')
    return purged
}
