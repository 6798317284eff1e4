// Changes created from Microsoft 365 carry category "Security", which the baseline
// change_request.category choice list lacks.
import '@servicenow/sdk/global'
import { Record } from '@servicenow/sdk/core'

Record({
    $id: Now.ID['choice-change-category-security'],
    table: 'sys_choice',
    data: {
        name: 'change_request',
        element: 'category',
        value: 'security',
        label: 'Security',
        language: 'en',
        sequence: 900,
        inactive: false,
    },
})
