import React, { useEffect, useState } from 'react'
import { SESSION_LOST_EVENT } from '../api.ts'
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

/** Who the page was opened as; once the setup API says the browser's session changed, that it no longer is. */
export function SessionBar({ user }: { user: SignedInUser }) {
    const [lost, setLost] = useState(false)
    useEffect(() => {
        const onLost = () => setLost(true)
        window.addEventListener(SESSION_LOST_EVENT, onLost)
        return () => window.removeEventListener(SESSION_LOST_EVENT, onLost)
    }, [])
    return (
        <p className="session" id="session">
            {lost ? 'No longer signed in as ' : 'Signed in as '}
            <strong id="session-user">{displayName(user)}</strong>{' '}
            <a id="session-logout" href={LOGOUT_URL} target="_top">
                {lost ? 'Sign out' : 'Log out'}
            </a>
        </p>
    )
}
