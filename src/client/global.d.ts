// The session globals ServiceNow puts on every page (sdk:now-ux-globals): the X-UserToken, and who is signed in.
declare global {
    interface Window {
        g_ck: string
        NOW?: { user?: { userID: string; userName: string; firstName?: string; lastName?: string; roles?: string[] } }
    }
}

export {}
