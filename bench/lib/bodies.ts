// Request bodies: a POST /tasks body as Microsoft 365 sends it (README "POST /tasks"), and the Table API
// body that creates the equivalent change request by hand.
import { taskBody as sharedTaskBody } from '../../test/support/task-body.ts'
import { CONNECTOR, TENANT } from './instance.ts'

/** A POST /tasks body for `taskId` (the tests' body: test/support/task-body.ts). */
export function taskBody(taskId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return sharedTaskBody({ tenantId: TENANT, taskId, ...overrides })
}

/**
 * What the connector writes into change_request's own columns for taskBody(), sent through the Table API:
 * short description, the description with the Secure Score block, priority, due date, type and category.
 * (The Microsoft 365 columns exist only on the app's table, so the raw request has no place for them.)
 */
export function rawChangeBody(taskId: string): Record<string, string> {
    return {
        short_description: 'Require MFA for administrative roles',
        description:
            String(sharedTaskBody().description) +
            '\n\n--- Microsoft 365 Secure Score ---\n' +
            'Control: AdminMFAV2 (Ensure multifactor authentication is enabled for all users in administrative roles)\n' +
            'Category: Identity\nSource: Microsoft\nRequested by: secadmin@contoso.onmicrosoft.com\n' +
            'Action URL: https://security.microsoft.com/securescore?viewid=actions&actionId=AdminMFAV2\n' +
            'Microsoft 365 task: ' +
            taskId,
        priority: '2',
        due_date: '2026-12-31 17:00:00',
        type: 'normal',
        category: 'security',
    }
}

export const TASKS_PATH = CONNECTOR + '/tasks'
export const RAW_PATH = '/api/now/table/change_request'

/**
 * The change_request columns behind what POST /tasks answers (a ticket: number, sys id, name, state, priority,
 * due date, assignment group, assigned to, opened, updated, closed); the Microsoft 365 columns exist only on the
 * app's table. The fair baseline asks for these alone, references as bare sys_ids (no display values: the
 * connector's labels come on top, so the baseline does less than the connector, never more).
 */
export const TICKET_FIELDS = ['number', 'sys_id', 'short_description', 'state', 'priority', 'due_date', 'assignment_group', 'assigned_to', 'opened_at', 'sys_updated_on', 'closed_at']
export const RAW_FAIR_PATH = `${RAW_PATH}?sysparm_fields=${TICKET_FIELDS.join(',')}&sysparm_exclude_reference_link=true`
