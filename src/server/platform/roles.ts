// Platform helpers: role records and the roles a user was granted (sys_user_role, sys_user_has_role).
//
// gs.hasRole() is true for an admin whatever the role, and ACL role checks pass admins too ("administrators
// always pass role checks"). Where the app needs to know that a user was really given a role (the integration
// user), it reads the grants instead.
import { GlideRecord } from '@servicenow/glide'

/** The app's roles (fluent/roles/roles.now.ts). */
export const ADMIN_ROLE = 'x_mioms_m365ticket.admin'
export const INTEGRATION_ROLE = 'x_mioms_m365ticket.integration'

export function roleSysId(name: string): string | null {
    const role = new GlideRecord('sys_user_role')
    role.addQuery('name', name)
    role.setLimit(1)
    role.query()
    return role.next() ? role.getUniqueValue() : null
}

/** The names of the roles granted to a user (sys_user_has_role rows, direct or inherited). */
export function grantedRoleNames(userSysId: string): string[] {
    const grants = new GlideRecord('sys_user_has_role')
    grants.addQuery('user', userSysId)
    grants.query()
    const names: string[] = []
    while (grants.next()) {
        const role = new GlideRecord('sys_user_role')
        const name = role.get(grants.getValue('role') || '') ? role.getValue('name') || '' : ''
        if (name && names.indexOf(name) < 0) names.push(name)
    }
    return names.sort()
}

/** Whether the user was granted the role (directly, through a group, or contained in another granted role). */
export function hasGrantedRole(userSysId: string, roleName: string): boolean {
    const role = roleSysId(roleName)
    if (!role) return false
    const grant = new GlideRecord('sys_user_has_role')
    grant.addQuery('user', userSysId)
    grant.addQuery('role', role)
    grant.setLimit(1)
    grant.query()
    return grant.hasNext()
}
