// After update on the Microsoft 365 ticket tables: one history row per changed state or assignment field, for
// the ticket's timeline (GET /tickets/{number}/activity). Why the app keeps its own rows instead of reading
// sys_audit: see fluent/tables/ticket-activity.now.ts.
import { GlideRecord, gs } from '@servicenow/glide'
import { HISTORY_TABLE, TRACKED_FIELDS } from '../connector/activity-tables.ts'

export function recordTicketHistory(current: GlideRecord, previous: GlideRecord): void {
    for (const field of TRACKED_FIELDS) {
        const oldValue = previous.getValue(field) || ''
        const newValue = current.getValue(field) || ''
        if (oldValue === newValue) continue
        const row = new GlideRecord(HISTORY_TABLE)
        row.initialize()
        row.setValue('ticket_table', current.getRecordClassName())
        row.setValue('ticket', current.getUniqueValue())
        row.setValue('field', field)
        row.setValue('old_value', oldValue)
        row.setValue('new_value', newValue)
        row.setValue('old_display', oldValue ? previous.getDisplayValue(field) : '')
        row.setValue('new_display', newValue ? current.getDisplayValue(field) : '')
        row.setValue('changed_by', gs.getUserName())
        row.setValue('changed_at', current.getValue('sys_updated_on') || '')
        row.insert()
    }
}
