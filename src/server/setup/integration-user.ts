// Step 3, integration user: the sys_user Microsoft 365 acts as. It signs in interactively once,
// on the OAuth consent page (so not web-service-only), and holds only the integration role, beside the
// Explicit Roles plugin's snc_internal (given at its first sign-in) or snc_external (added by an admin before
// it). Its generated password is returned once, by the creating or resetting call.
import { GlideRecord } from '@servicenow/glide'
import { conflict, notFound } from '../platform/api-error.ts'
import { instanceBaseUrl, isTrue } from '../platform/properties.ts'
import { FieldErrors, field, text, type JsonObject } from '../platform/validation.ts'
import { grantedRoleNames, INTEGRATION_ROLE, roleSysId } from '../platform/roles.ts'
import type { Problem, Step } from './common.ts'
import { generatePassword } from './random.ts'

export const DEFAULT_USER_NAME = 'm365.integration'
/**
 * The Explicit Roles plugin's roles ("Explicit Roles"): every user signing in without snc_external is given
 * snc_internal, as a sys_user_has_role row since Xanadu, so the integration user holds one of them after its first
 * consent. Either is expected: an admin who wants the user external adds snc_external before its first sign-in.
 */
const EXPLICIT_ROLES = ['snc_internal', 'snc_external']
const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]*$/

export interface IntegrationUserView {
    sysId: string
    userName: string
    active: boolean
    lockedOut: boolean
    webServiceAccessOnly: boolean
    /** snc_internal or snc_external when the user holds one (Explicit Roles plugin), else ''. */
    explicitRole: string
    /** Roles beyond the integration role and the explicit role: each one a warning. */
    otherRoles: string[]
    link: string
}

export interface IntegrationUserDetails {
    users: IntegrationUserView[]
    role: string
}

export interface PasswordResult {
    user: IntegrationUserView
    /** Shown once; stored only as the platform stores passwords (one-way). */
    password: string
}

function view(user: GlideRecord): IntegrationUserView {
    const sysId = user.getUniqueValue()
    const roles = grantedRoleNames(sysId)
    return {
        sysId,
        userName: user.getValue('user_name') || '',
        active: isTrue(user.getValue('active')),
        lockedOut: isTrue(user.getValue('locked_out')),
        webServiceAccessOnly: isTrue(user.getValue('web_service_access_only')),
        explicitRole: roles.filter((name) => EXPLICIT_ROLES.indexOf(name) >= 0).join(', '),
        otherRoles: roles.filter((name) => name !== INTEGRATION_ROLE && EXPLICIT_ROLES.indexOf(name) < 0),
        link: instanceBaseUrl() + 'sys_user.do?sys_id=' + sysId,
    }
}

/** Users granted the integration role, oldest grant first. */
export function integrationUsers(): IntegrationUserView[] {
    const role = roleSysId(INTEGRATION_ROLE)
    if (!role) return []
    const grants = new GlideRecord('sys_user_has_role')
    grants.addQuery('role', role)
    grants.orderBy('sys_created_on')
    grants.query()
    const seen: { [sysId: string]: boolean } = {}
    const users: IntegrationUserView[] = []
    while (grants.next()) {
        const id = grants.getValue('user') || ''
        if (seen[id]) continue
        seen[id] = true
        const user = new GlideRecord('sys_user')
        if (user.get(id)) users.push(view(user))
    }
    return users
}

export function userProblems(user: IntegrationUserView): Problem[] {
    const problems: Problem[] = []
    const who = 'The integration user ' + user.userName
    if (!user.active) problems.push({ code: 'user_inactive', message: who + ' is inactive, so Microsoft 365 cannot sign in as it.', fix: 'Open the user record and check Active.' })
    if (user.lockedOut) problems.push({ code: 'user_locked_out', message: who + ' is locked out.', fix: 'Run "Reset password": it unlocks the user and shows a new password once.' })
    if (user.webServiceAccessOnly) {
        problems.push({ code: 'user_web_service_only', message: who + ' is web service access only, so it cannot sign in on the OAuth consent page.', fix: 'Open the user record and clear "Web service access only".' })
    }
    if (user.otherRoles.length) {
        problems.push({
            code: 'user_extra_roles',
            message: who + ' has roles beyond ' + INTEGRATION_ROLE + ': ' + user.otherRoles.join(', ') + '. Microsoft 365 would act with all of them.',
            fix: 'Open the user record and remove every role except ' + INTEGRATION_ROLE + ' (and snc_internal or snc_external, which the Explicit Roles plugin expects).',
        })
    }
    return problems
}

export function integrationUserStep(): Step<IntegrationUserDetails, 'integration_user'> {
    const users = integrationUsers()
    const base = { id: 'integration_user' as const, title: 'Integration user' }
    if (!users.length) {
        return {
            ...base,
            state: 'todo',
            summary: 'Create the user Microsoft 365 signs in as. Its password is shown once.',
            problems: [],
            details: { users, role: INTEGRATION_ROLE },
        }
    }
    const problems: Problem[] = []
    for (const user of users) problems.push(...userProblems(user))
    return {
        ...base,
        state: problems.length ? 'attention' : 'complete',
        summary: problems.length
            ? 'The integration user needs attention before Microsoft 365 can sign in as it.'
            : 'Integration user ' + users.map((u) => u.userName + (u.explicitRole ? ' (' + u.explicitRole + ')' : '')).join(', ') + ' is active and holds only ' + INTEGRATION_ROLE + '.',
        problems,
        details: { users, role: INTEGRATION_ROLE },
    }
}

export function validateUserName(body: JsonObject, required: boolean): string | undefined {
    const errors = new FieldErrors()
    const userName = text(errors, 'userName', field(body, 'userName'), {
        min: required ? 1 : 0,
        max: 100,
        pattern: USER_NAME,
        patternHint: 'must be letters, digits and . _ @ - (starting with a letter or digit)',
    })
    errors.throwIfAny()
    return userName || undefined
}

function setPassword(user: GlideRecord, password: string): void {
    // The platform hashes a password field set through its display value (one-way).
    user.getElement('user_password').setDisplayValue(password)
    user.setValue('password_needs_reset', false)
    user.setValue('locked_out', false)
    user.setValue('failed_attempts', '0')
}

/** POST /integration-user: a new user with only the integration role and a generated password. */
export function createIntegrationUser(userName: string = DEFAULT_USER_NAME): PasswordResult {
    const existing = new GlideRecord('sys_user')
    if (existing.get('user_name', userName)) {
        throw conflict('User ' + userName + ' already exists', 'Choose another user name, or use "Reset password" if it is the integration user.')
    }
    const role = roleSysId(INTEGRATION_ROLE)
    if (!role) throw conflict('The role ' + INTEGRATION_ROLE + ' is missing', 'Reinstall the application.')
    const password = generatePassword()
    const user = new GlideRecord('sys_user')
    user.initialize()
    user.setValue('user_name', userName)
    user.setValue('first_name', 'Microsoft 365')
    user.setValue('last_name', 'Integration')
    user.setValue('active', true)
    user.setValue('web_service_access_only', false)
    user.setValue('internal_integration_user', false)
    setPassword(user, password)
    const sysId = user.insert()
    if (!sysId) throw conflict('The integration user could not be created', user.getLastErrorMessage())
    const grant = new GlideRecord('sys_user_has_role')
    grant.initialize()
    grant.setValue('user', sysId)
    grant.setValue('role', role)
    if (!grant.insert()) throw conflict('The integration role could not be granted', grant.getLastErrorMessage())
    return { user: view(user), password }
}

/**
 * POST /integration-user/reset-password: a new password (and unlock) for a user holding the
 * integration role; never for any other user. Without a user name: the only integration user.
 */
export function resetIntegrationUserPassword(userName?: string): PasswordResult {
    const users = integrationUsers()
    const target = userName ? users.filter((u) => u.userName === userName)[0] : users.length === 1 ? users[0] : undefined
    if (!target) {
        if (userName) throw notFound('No integration user ' + userName, 'Only a user holding ' + INTEGRATION_ROLE + ' can be reset here.')
        throw conflict(users.length ? 'Name the integration user to reset' : 'There is no integration user yet', users.length ? 'userName: one of ' + users.map((u) => u.userName).join(', ') : 'Create it first.')
    }
    const user = new GlideRecord('sys_user')
    if (!user.get(target.sysId)) throw notFound('No integration user ' + target.userName)
    const password = generatePassword()
    setPassword(user, password)
    if (!user.update()) throw conflict('The password could not be reset', user.getLastErrorMessage())
    return { user: view(user), password }
}
