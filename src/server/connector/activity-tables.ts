// The app's tables behind a ticket's timeline (fluent/tables/ticket-activity.now.ts) and the platform's journal.

/** State and assignment history rows, written by the after-update business rule on the ticket tables. */
export const HISTORY_TABLE = 'x_mioms_m365ticket_ticket_history'

/** One row per comment Microsoft 365 posted, keyed by (connection, comment id). */
export const M365_COMMENT_TABLE = 'x_mioms_m365ticket_m365_comment'

/** The platform's journal entries: name (table), element (field), element_id (record sys_id), value. */
export const JOURNAL_TABLE = 'sys_journal_field'

/** The ticket fields whose changes the timeline shows. */
export const TRACKED_FIELDS = ['state', 'assignment_group', 'assigned_to']
