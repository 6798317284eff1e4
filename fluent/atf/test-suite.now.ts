// The app's ATF tests as one suite, so that a pipeline (or `npm run test:live`) can run them all through the
// CI/CD API (POST /api/sn_cicd/testsuite/run?test_suite_name=Microsoft 365 Ticketing Connector).
import '@servicenow/sdk/global'
import { Record } from '@servicenow/sdk/core'
import { connectorConflictTest } from './connector-conflict.now'
import { connectorCreateTest } from './connector-create.now'
import { connectorForbiddenTest } from './connector-forbidden.now'
import { connectorInvalidTest } from './connector-invalid.now'
import { connectorReplayTest } from './connector-replay.now'
import { connectionCacheTest, platformFieldsTest, ticketServiceTest } from './platform-contract.now'
import { setupStatusTest } from './setup-status.now'

export const connectorSuite = Record({
    $id: Now.ID['atf-suite'],
    table: 'sys_atf_test_suite',
    data: {
        name: 'Microsoft 365 Ticketing Connector',
        description: "The app's ATF tests: the connector API, the checklist status API, the platform fields, cache and script include the app relies on.",
        active: true,
    },
})

Record({ $id: Now.ID['atf-suite-create'], table: 'sys_atf_test_suite_test', data: { test_suite: connectorSuite, test: connectorCreateTest, order: 100 } })
Record({ $id: Now.ID['atf-suite-connector-conflict'], table: 'sys_atf_test_suite_test', data: { test_suite: connectorSuite, test: connectorConflictTest, order: 200 } })
Record({ $id: Now.ID['atf-suite-connector-forbidden'], table: 'sys_atf_test_suite_test', data: { test_suite: connectorSuite, test: connectorForbiddenTest, order: 300 } })
Record({ $id: Now.ID['atf-suite-connector-invalid'], table: 'sys_atf_test_suite_test', data: { test_suite: connectorSuite, test: connectorInvalidTest, order: 400 } })
Record({ $id: Now.ID['atf-suite-connector-replay'], table: 'sys_atf_test_suite_test', data: { test_suite: connectorSuite, test: connectorReplayTest, order: 500 } })
Record({ $id: Now.ID['atf-suite-setup-status'], table: 'sys_atf_test_suite_test', data: { test_suite: connectorSuite, test: setupStatusTest, order: 600 } })
Record({ $id: Now.ID['atf-suite-platform-fields'], table: 'sys_atf_test_suite_test', data: { test_suite: connectorSuite, test: platformFieldsTest, order: 700 } })
Record({ $id: Now.ID['atf-suite-connection-cache'], table: 'sys_atf_test_suite_test', data: { test_suite: connectorSuite, test: connectionCacheTest, order: 800 } })
Record({ $id: Now.ID['atf-suite-ticket-service'], table: 'sys_atf_test_suite_test', data: { test_suite: connectorSuite, test: ticketServiceTest, order: 900 } })
