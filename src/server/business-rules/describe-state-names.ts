// Before insert and update on x_mioms_m365ticket_connection: the readable copy of the tenant's custom state names
// (custom_state_names, one name per line) follows state_names, the JSON the connector reads and PUT /state-names
// writes, so that the connection form shows names instead of JSON. A row written before the copy existed gets it at
// its next write (Microsoft 365's next call records its last contact).
import type { GlideRecord } from '@servicenow/glide'
import { describeStateNames } from '../connector/states.ts'

export function describeCustomStateNames(current: GlideRecord): void {
    current.setValue('custom_state_names', describeStateNames(current.getValue('state_names') || ''))
}
