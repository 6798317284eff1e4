// Before update on the Microsoft 365 ticket tables: the fields that tie a ticket to its
// Microsoft 365 task never change, or replays and read-back would no longer find it.
import { gs, type GlideRecord } from '@servicenow/glide'

export const PROTECTED_FIELDS = ['m365_task_id', 'connection', 'intake_payload']

export function protectM365Fields(current: GlideRecord, previous: GlideRecord): void {
    const changed = PROTECTED_FIELDS.filter((name) => current.getValue(name) !== previous.getValue(name))
    if (changed.length === 0) return
    gs.addErrorMessage('These Microsoft 365 fields cannot be changed: ' + changed.join(', '))
    current.setAbortAction(true)
}
