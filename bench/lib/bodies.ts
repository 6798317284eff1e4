// Request bodies: a POST /tasks body as Microsoft 365 sends it (docs/connector-api.md "POST /tasks"), and the
// Table API body that creates the equivalent change request by hand. The benchmarks keep their own body, apart
// from the tests' (test/support/task-body.ts): a benchmark measures this exact request, whatever the tests change.
import { CONNECTOR, TENANT } from './instance.ts'

const DESCRIPTION = 'Require multifactor authentication for all 14 Azure AD admin roles.'

/** What a share carries besides its tenant and task id (the client adds those). */
export function sharePayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        ticketType: 'change',
        name: 'Require MFA for administrative roles',
        description: DESCRIPTION,
        priority: 'high',
        dueDate: '2026-12-31T17:00:00Z',
        recommendationSource: 'microsoft',
        recommendationCategory: 'Identity',
        requestedBy: 'secadmin@contoso.onmicrosoft.com',
        secureScore: {
            controlId: 'AdminMFAV2',
            title: 'Ensure multifactor authentication is enabled for all users in administrative roles',
            actionUrl: 'https://security.microsoft.com/securescore?viewid=actions&actionId=AdminMFAV2',
            maxScore: 10,
            service: 'Azure Active Directory',
        },
        ...overrides,
    }
}

/** A POST /tasks body for `taskId`. */
export function taskBody(taskId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return { tenantId: TENANT, taskId, ...sharePayload(overrides) }
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
            DESCRIPTION +
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
