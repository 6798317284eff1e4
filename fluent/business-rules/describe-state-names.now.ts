import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { describeCustomStateNames } from '../../src/server/business-rules/describe-state-names.ts'

const DESCRIPTION = 'Keeps Custom state names (one per line, for the form) equal to the JSON the connector reads (state_names).'

BusinessRule({
    $id: Now.ID['br-describe-custom-state-names-insert'],
    name: 'Describe custom state names',
    table: 'x_mioms_m365ticket_connection',
    when: 'before',
    action: ['insert'],
    order: 100,
    filterCondition: 'state_namesISNOTEMPTY',
    script: describeCustomStateNames,
    description: DESCRIPTION,
})

BusinessRule({
    $id: Now.ID['br-describe-custom-state-names-update'],
    name: 'Describe custom state names',
    table: 'x_mioms_m365ticket_connection',
    when: 'before',
    action: ['update'],
    order: 100,
    // When the names change; or, once, on a row that has names but no readable copy yet (written before it existed).
    filterCondition: 'state_namesVALCHANGES^NQstate_namesISNOTEMPTY^custom_state_namesISEMPTY',
    script: describeCustomStateNames,
    description: DESCRIPTION,
})
