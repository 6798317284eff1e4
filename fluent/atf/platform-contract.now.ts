// ATF (real instance): what only an instance can settle — the dictionary has every field the app uses, the
// connector's scoped cache and its pair work, and M365TicketService is reachable by name from a server script.
import '@servicenow/sdk/global'
import { Test } from '@servicenow/sdk/core'
import { ARRANGE_CACHE, ARRANGE_SERVICE, VERIFY_CACHE, VERIFY_FIELDS, VERIFY_SERVICE } from './atf-scripts'

export const platformFieldsTest = Test(
    {
        $id: Now.ID['atf-platform-fields'],
        name: 'Microsoft 365 connector: every table and field the app uses exists',
        description:
            'For each table the app\'s server code queries, reads or writes (its ticket, connection, API log, ticket history and Microsoft 365 comment tables, sys_journal_field, sys_user, sys_user_role, sys_user_has_role, sys_user_group, sys_choice, sys_db_object, sys_scope_privilege, sys_restricted_caller_access, oauth_entity, oauth_credential with peer), asserts GlideRecord(table).isValid() and isValidField(field) for every field the code names, so that a wrong or missing field fails here on the first run instead of being dropped from a query.',
        active: true,
        failOnServerError: true,
    },
    (atf) => {
        atf.server.runServerSideScript({
            $id: Now.ID['atf-platform-fields-verify'],
            script: VERIFY_FIELDS,
        })
    },
)

export const connectionCacheTest = Test(
    {
        $id: Now.ID['atf-connection-cache'],
        name: 'Microsoft 365 connector: the connection cache keeps an entry until its row changes',
        description:
            'Creates the connection of test tenant a7f00001-0000-4000-8000-00000000a706, then with sn_scoped_cache.ScopedCacheManager on the app\'s cache tenant_connections: putRow(tenant, value, connection sys_id) and asserts get returns the value and another key returns nothing; updates the connection row and asserts the entry is gone (the cache\'s Table row pair with x_mioms_m365ticket_connection).',
        active: true,
        failOnServerError: true,
    },
    (atf) => {
        atf.server.runServerSideScript({
            $id: Now.ID['atf-connection-cache-arrange'],
            script: ARRANGE_CACHE,
        })
        atf.server.runServerSideScript({
            $id: Now.ID['atf-connection-cache-verify'],
            script: VERIFY_CACHE,
        })
    },
)

export const ticketServiceTest = Test(
    {
        $id: Now.ID['atf-ticket-service'],
        name: 'Microsoft 365 connector: M365TicketService creates, replays and finds a ticket from a server script',
        description:
            'Creates the connection of test tenant a7f00001-0000-4000-8000-00000000a707, then calls new x_mioms_m365ticket.M365TicketService() from a server script: createTicketFromTask for an incident task (created, an INC number), the same task again (not created, same sys_id), getTicket by the number in lower case and listTickets (one ticket); then asserts with Record Query that the incident row holds the task id and the tenant\'s connection.',
        active: true,
        failOnServerError: true,
    },
    (atf) => {
        atf.server.runServerSideScript({
            $id: Now.ID['atf-ticket-service-arrange'],
            script: ARRANGE_SERVICE,
        })
        const created = atf.server.runServerSideScript({
            $id: Now.ID['atf-ticket-service-verify'],
            script: VERIFY_SERVICE,
        })
        atf.server.recordQuery({
            $id: Now.ID['atf-ticket-service-record'],
            table: 'x_mioms_m365ticket_incident',
            fieldValues: `sys_id=${created.record_id}^m365_task_id=ATF-SERVICE-0001^connection.tenant_id=a7f00001-0000-4000-8000-00000000a707`,
            assert: 'records_match_query',
        })
    },
)
