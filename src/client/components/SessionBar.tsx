import React from 'react'
import { LOGOUT_URL } from './common.tsx'

export type SignedInUser = NonNullable<NonNullable<Window['NOW']>['user']>

/** Who the page runs as, from the session globals (absent where a page shell does not set them). */
export function signedInUser(): SignedInUser | null {
    const user = window.NOW ? window.NOW.user : undefined
    return user && user.userName ? user : null
}

function displayName(user: SignedInUser): string {
    const name = [user.firstName, user.lastName].filter(Boolean).join(' ')
    return name ? name + ' (' + user.userName + ')' : user.userName
}

export function SessionBar({ user }: { user: SignedInUser }) {
    return (
        <p className="session" id="session">
            Signed in as <strong id="session-user">{displayName(user)}</strong>{' '}
            <a id="session-logout" href={LOGOUT_URL} target="_top">
                Log out
            </a>
        </p>
    )
}
