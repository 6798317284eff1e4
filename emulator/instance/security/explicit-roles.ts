/**
 * The Explicit Roles plugin's grant at login ("Explicit Roles", com.glide.explicit_roles): "any time a user logs in,
 * the user is given the snc_internal role if the account does not already have that role, or the snc_external role".
 * Since Xanadu the role is "the same both in memory and in sys_user_has_role": glide.security.explicit_roles.do_not_fix
 * false (the default) adds it in both, true in neither. So the grant is a sys_user_has_role row, written once (at the
 * first login; later logins find the role held), and the role engine (roles.ts) reads it like any other row.
 * Roles through groups and contained roles count as held: the platform keeps them as inherited rows of the same table.
 *
 *   grantExplicitRoleAtLogin(store, userSysId)   with the plugin (switches().explicitRoles) and do_not_fix not true:
 *       a user with no sys_user_has_role row for snc_internal or snc_external gets a
 *       sys_user_has_role row for snc_internal, created by system. Called wherever a user logs in: login.do, basic
 *       auth, a Bearer token, the OAuth password grant.
 */
import { switches } from '../fidelity.ts'
import { parseEncodedQuery } from '../store/query.ts'
import type { Store, WriteResult } from '../store/store.ts'

const INTERNAL = 'snc_internal'
const EXTERNAL = 'snc_external'
const DO_NOT_FIX = 'glide.security.explicit_roles.do_not_fix'

export function grantExplicitRoleAtLogin(store: Store, userSysId: string): void {
    if (!switches().explicitRoles) return
    if (holdsExplicitRole(store, userSysId) || doNotFix(store)) return
    store.transaction(() => {
        const role = store.select('sys_user_role', parseEncodedQuery(`name=${INTERNAL}`), { limit: 1 })[0]?.sys_id ?? written(store.insert('sys_user_role', { name: INTERNAL }, 'system'))
        written(store.insert('sys_user_has_role', { user: userSysId, role, inherited: 'false' }, 'system'))
    })
}

/** Whether a sys_user_has_role row (direct, or inherited through a group or a contained role) gives an explicit role. */
function holdsExplicitRole(store: Store, userSysId: string): boolean {
    const explicit = store.select('sys_user_role', parseEncodedQuery(`nameIN${INTERNAL},${EXTERNAL}`)).map((r) => r.sys_id)
    return explicit.length > 0 && store.count('sys_user_has_role', parseEncodedQuery(`user=${userSysId}^roleIN${explicit.join(',')}`)) > 0
}

function written(result: WriteResult): string {
    if (result.error !== undefined) throw new Error(result.error)
    return result.sysId
}

function doNotFix(store: Store): boolean {
    return store.select('sys_properties', parseEncodedQuery(`name=${DO_NOT_FIX}`), { limit: 1 })[0]?.value === 'true'
}
