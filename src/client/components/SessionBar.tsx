import React from 'react'

export type SignedInUser = NonNullable<NonNullable<Window['NOW']>['user']>

/** The role the setup API requires; admin passes every role check. */
const ADMIN_ROLES = ['x_mioms_m365ticket.admin', 'admin']

/** Who the page runs as, from the session globals (absent where a page shell does not set them). */
export function signedInUser(): SignedInUser | null {
    const user = window.NOW ? window.NOW.user : undefined
    return user && user.userName ? user : null
}

export function isConnectorAdmin(user: SignedInUser): boolean {
    return (user.roles || []).some((role) => ADMIN_ROLES.indexOf(role) >= 0)
}

function displayName(user: SignedInUser): string {
    const name = [user.firstName, user.lastName].filter(Boolean).join(' ')
    return name ? name + ' (' + user.userName + ')' : user.userName
}

/** Log out, then the login page, which returns here. */
function signInAgainHref(): string {
    return '/logout.do?sysparm_goto=' + encodeURIComponent(window.location.pathname + window.location.search)
}

export function SessionBar({ user }: { user: SignedInUser }) {
    return (
        <p className="session" id="session">
            Signed in as <strong id="session-user">{displayName(user)}</strong>{' '}
            <a id="session-logout" href="/logout.do">
                Log out
            </a>
        </p>
    )
}

export function NotAnAdmin({ user }: { user: SignedInUser }) {
    return (
        <div className="failure" role="alert" id="not-admin">
            <p>
                <strong>{displayName(user)} cannot use this checklist.</strong> It needs the role x_mioms_m365ticket.admin (or admin), which this user
                does not have. The integration user, in particular, only calls the connector API.
            </p>
            <p>
                <a className="button" id="sign-in-again" href={signInAgainHref()}>
                    Sign in as another user
                </a>
            </p>
        </div>
    )
}
