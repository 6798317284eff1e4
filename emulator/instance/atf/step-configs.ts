/**
 * The ATF step configurations (sys_atf_step_config) as the SDK build knows them: which step a built
 * sys_atf_step record is, and which input each of its sys_variable_value rows holds.
 *
 *   stepConfig(stepConfigId) → StepConfig | undefined     name, category, inputs by variable sys_id
 *   STEP_CONFIG_IDS                                       the ids of the steps the local instance runs
 *
 * The table is the SDK build's own (sdk-build-plugins dist/atf/step-configs.js, ToRecordStepConfigs), which is
 * what turned `atf.rest.sendRestRequest({...})` into the records: reading it instead of copying ids means a
 * step the SDK knows is always named correctly, even when the local instance refuses to run it.
 */
import { createRequire } from 'node:module'
import { join } from 'node:path'

interface SdkVariable {
    field: string
    inputVariableId: string
    type: string
    default?: unknown
}
interface SdkStep {
    name: string
    stepConfigId: string
    variables: Record<string, SdkVariable>
}
type SdkStepTable = Record<string, Record<string, SdkStep>>

export interface StepInput {
    /** The input's element name (e.g. 'end_point'), as step execution scripts read it from `inputs`. */
    field: string
    type: string
    /** The default the step config gives the input, as the build writes it (serializeValueToRecord). */
    defaultValue: string
}

export interface StepConfig {
    id: string
    name: string
    /** The Fluent category: 'rest', 'server', 'form', ... */
    category: string
    inputs: Map<string, StepInput>
}

/** The step configs whose behaviour the local instance emulates (ATF "REST" and "Server" categories). */
export const STEP_CONFIG_IDS = {
    runServerSideScript: '41de4a935332120028bc29cac2dc349a',
    recordQuery: '2d82e3c7531400109e02ddeeff7b12a7',
    recordInsert: '14872288df60220062fe6c7a4df26319',
    sendRestRequest: 'e00571a10b3222000b7da95e93673a8f',
    assertStatusCode: '2f4fa7309f132200ef4afa7dc67fcf0f',
    assertResponseHeader: 'ccd64c519f132200ef4afa7dc67fcf6a',
    assertResponsePayload: 'd53e40d59f132200ef4afa7dc67fcfc7',
    assertResponseJSONPayloadIsValid: 'f100f7079f132200ef4afa7dc67fcf42',
    assertJsonResponsePayloadElement: 'afc114199f132200ef4afa7dc67fcf64',
} as const

const BUILD_PLUGINS = join(__dirname, '..', '..', '..', 'node_modules', '@servicenow', 'sdk-build-plugins')

/** The build's serialization of a default (booleans as 1/0, name-value lists as JSON), so defaults read like values. */
function serializedDefault(value: unknown, type: string): string {
    if (value === undefined || value === null) return ''
    if (type === 'boolean') return value ? '1' : '0'
    if (type === 'simple_name_values') return typeof value === 'object' && Object.keys(value).length > 0 ? JSON.stringify(value) : ''
    return String(value)
}

let configs: Map<string, StepConfig> | undefined
function loadConfigs(): Map<string, StepConfig> {
    if (configs) return configs
    const load = createRequire(join(BUILD_PLUGINS, 'package.json'))
    const table = (load(join(BUILD_PLUGINS, 'dist', 'atf', 'step-configs.js')) as { ToRecordStepConfigs: SdkStepTable }).ToRecordStepConfigs
    configs = new Map()
    for (const [category, steps] of Object.entries(table)) {
        for (const step of Object.values(steps)) {
            const inputs = new Map<string, StepInput>()
            for (const variable of Object.values(step.variables)) {
                inputs.set(variable.inputVariableId, { field: variable.field, type: variable.type, defaultValue: serializedDefault(variable.default, variable.type) })
            }
            configs.set(step.stepConfigId, { id: step.stepConfigId, name: step.name, category, inputs })
        }
    }
    return configs
}

export function stepConfig(stepConfigId: string): StepConfig | undefined {
    return loadConfigs().get(stepConfigId)
}
