// The session token ServiceNow puts on every page (sdk:now-ux-globals); sent as X-UserToken.
declare global {
    interface Window {
        g_ck: string
    }
}

export {}
