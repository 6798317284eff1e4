/**
 * Reading a Secure Score control profile's state. Graph keeps no top-level state: `controlStateUpdates` is a
 * history and a PATCH appends to it, so the current state is its newest entry.
 */
import type { SecureScoreControlProfile, SecureScoreControlStateUpdate } from '@microsoft/microsoft-graph-types'

/** The newest entry by updatedDateTime; on equal times the later one in the array (appended last); entries
 * without a readable time count as oldest. Null when the history is empty or absent (never set: Default). */
export function currentState(profile: SecureScoreControlProfile): SecureScoreControlStateUpdate | null {
    let newest: SecureScoreControlStateUpdate | null = null
    let newestTime = -Infinity
    for (const update of profile.controlStateUpdates ?? []) {
        const parsed = update.updatedDateTime ? Date.parse(update.updatedDateTime) : NaN
        const time = Number.isNaN(parsed) ? -Infinity : parsed
        if (newest === null || time >= newestTime) {
            newest = update
            newestTime = time
        }
    }
    return newest
}

/** Device controls (`scid_…`, Defender for Endpoint) cannot be set through Graph; the portal sends admins to
 * Defender Vulnerability Management for them. */
export function isDeviceControl(id: string): boolean {
    return id.toLowerCase().startsWith('scid_')
}
