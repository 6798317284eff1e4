// Cross-scope privileges: what the connector reads or writes outside its own scope, declared so
// that the platform allows it at runtime without an admin approving each access. The setup
// preflight (src/server/setup/preflight.ts, REQUIRED_PRIVILEGES) checks that each is present and
// allowed; the two lists must agree.
import '@servicenow/sdk/global'
import { CrossScopePrivilege } from '@servicenow/sdk/core'

// Application Registries: the checklist creates, reads and repairs the OAuth client.
CrossScopePrivilege({ $id: Now.ID['csp-oauth-entity-read'], operation: 'read', status: 'allowed', targetName: 'oauth_entity', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['csp-oauth-entity-create'], operation: 'create', status: 'allowed', targetName: 'oauth_entity', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['csp-oauth-entity-write'], operation: 'write', status: 'allowed', targetName: 'oauth_entity', targetScope: 'global', targetType: 'sys_db_object' })

// OAuth tokens: refresh-token expiry is shown; removing a connection revokes its tokens.
CrossScopePrivilege({ $id: Now.ID['csp-oauth-credential-read'], operation: 'read', status: 'allowed', targetName: 'oauth_credential', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['csp-oauth-credential-delete'], operation: 'delete', status: 'allowed', targetName: 'oauth_credential', targetScope: 'global', targetType: 'sys_db_object' })

// The integration user and its role.
CrossScopePrivilege({ $id: Now.ID['csp-sys-user-read'], operation: 'read', status: 'allowed', targetName: 'sys_user', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['csp-sys-user-create'], operation: 'create', status: 'allowed', targetName: 'sys_user', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['csp-sys-user-write'], operation: 'write', status: 'allowed', targetName: 'sys_user', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['csp-sys-user-has-role-read'], operation: 'read', status: 'allowed', targetName: 'sys_user_has_role', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['csp-sys-user-has-role-create'], operation: 'create', status: 'allowed', targetName: 'sys_user_has_role', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['csp-sys-user-role-read'], operation: 'read', status: 'allowed', targetName: 'sys_user_role', targetScope: 'global', targetType: 'sys_db_object' })

// Assignment groups (settings) and choice labels (ticket states).
CrossScopePrivilege({ $id: Now.ID['csp-sys-user-group-read'], operation: 'read', status: 'allowed', targetName: 'sys_user_group', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['csp-sys-choice-read'], operation: 'read', status: 'allowed', targetName: 'sys_choice', targetScope: 'global', targetType: 'sys_db_object' })

// The preflight itself: table policies, restricted caller access records and these privileges.
CrossScopePrivilege({ $id: Now.ID['csp-sys-db-object-read'], operation: 'read', status: 'allowed', targetName: 'sys_db_object', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['csp-sys-scope-privilege-read'], operation: 'read', status: 'allowed', targetName: 'sys_scope_privilege', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['csp-sys-restricted-caller-access-read'], operation: 'read', status: 'allowed', targetName: 'sys_restricted_caller_access', targetScope: 'global', targetType: 'sys_db_object' })

// Tickets: the app's ticket tables extend change_request and incident.
CrossScopePrivilege({ $id: Now.ID['csp-change-request-read'], operation: 'read', status: 'allowed', targetName: 'change_request', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['csp-change-request-create'], operation: 'create', status: 'allowed', targetName: 'change_request', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['csp-change-request-write'], operation: 'write', status: 'allowed', targetName: 'change_request', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['csp-incident-read'], operation: 'read', status: 'allowed', targetName: 'incident', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['csp-incident-create'], operation: 'create', status: 'allowed', targetName: 'incident', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['csp-incident-write'], operation: 'write', status: 'allowed', targetName: 'incident', targetScope: 'global', targetType: 'sys_db_object' })

// Ticket timelines: the platform's journal entries (comments, work notes) of the app's tickets.
CrossScopePrivilege({ $id: Now.ID['csp-sys-journal-field-read'], operation: 'read', status: 'allowed', targetName: 'sys_journal_field', targetScope: 'global', targetType: 'sys_db_object' })
