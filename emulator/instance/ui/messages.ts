/**
 * The platform's texts on the instance UI (navigator, lists, forms), each with where it comes from. Kept beside
 * the UI rather than in messages.ts so the UI's wording stays in one module of its own folder.
 *
 *   UI_MESSAGES.<name>.text | text(args)   and .source
 */
export const UI_MESSAGES = {
    securityConstraints: {
        text: 'Security constraints prevent access to requested page',
        source: 'as instances show it when ACLs refuse a list, form or page (KB0722359, KB0685507)',
    },
    rowsRemoved: {
        text: (count: number) => `Number of rows removed from this list by Security constraints: ${count}`,
        source: 'as instances show it under a list whose rows read ACLs hid (KB0523826, KB0859355); security applies per page, after the query (KB0718678)',
    },
    recordNotFound: { text: 'Record not found', source: 'as instances show a form whose sys_id matches no readable record (observed)' },
    invalidToken: {
        text: 'The form has expired or did not come from this instance. Open it again.',
        source: 'local choice: the platform refuses a form post without the session token (sysparm_ck); the docs name no text',
    },
    invalidReference: {
        text: (label: string, display: string) => `Invalid reference: no record matches "${display}" for ${label}`,
        source: 'local choice: the platform marks an unmatched reference on the form before it is posted; the docs name no server text',
    },
    noRecords: { text: 'No records to display', source: 'as instances show an empty list (observed)' },
} as const
