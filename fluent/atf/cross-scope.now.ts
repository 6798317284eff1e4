// Cross-scope access the ATF tests' server-side steps need beyond the app's own privileges
// (fluent/cross-scope/privileges.now.ts already allows sys_user and sys_user_has_role): the basic
// auth profiles their REST steps sign in with.
import '@servicenow/sdk/global'
import { CrossScopePrivilege } from '@servicenow/sdk/core'

CrossScopePrivilege({ $id: Now.ID['csp-atf-auth-profile-basic-create'], operation: 'create', status: 'allowed', targetName: 'sys_auth_profile_basic', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['csp-atf-auth-profile-basic-read'], operation: 'read', status: 'allowed', targetName: 'sys_auth_profile_basic', targetScope: 'global', targetType: 'sys_db_object' })
