/**
 * Generates the platform schema snapshot (emulator/instance/schema/platform-tables.json) from the Fluent
 * definitions of out-of-box tables the ServiceNow SDK ships (@servicenow/sdk-core src/fluent/tables, run from
 * its compiled dist/fluent/tables).
 *
 *   npm run schema:platform              rewrites the snapshot
 *   npm run schema:platform -- --check   exits 1 when the committed snapshot differs from what the SDK gives
 *   generatePlatformSchema() → PlatformSchema      the snapshot, in memory
 *   serializePlatformSchema(schema) → string       the file's exact text (one column per line, for diffs)
 *
 * At runtime Table(x) and every XxxColumn(x) return their argument, so a definition is a plain object and a
 * column's type lives only in which factory made it. The generator wraps the factories to record that, using the
 * SDK build's own factory → internal_type table (sdk-build-plugins dist/column/column-helper.js,
 * COLUMN_API_TO_TYPE), and GenericColumn/UserImageColumn's `columnType` as the build's column plugin does.
 * A factory the table does not know fails the generation, so a new SDK cannot drop a type silently.
 */
import { createRequire } from 'node:module'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PLATFORM_SCHEMA_FILE, type PlatformAccess, type PlatformChoice, type PlatformColumn, type PlatformOverride, type PlatformSchema, type PlatformTable } from '../emulator/instance/schema/platform-tables.ts'

const SERVICENOW_MODULES = join(__dirname, '..', 'node_modules', '@servicenow')
const SDK_CORE = join(SERVICENOW_MODULES, 'sdk-core')
const BUILD_PLUGINS = join(SERVICENOW_MODULES, 'sdk-build-plugins')
const load = createRequire(join(SDK_CORE, 'package.json'))

type Definition = Record<string, unknown>
/** Factories whose type is the config's `columnType` (column_type is its deprecated alias), as in the column plugin. */
const TYPED_BY_CONFIG = new Set(['GenericColumn', 'UserImageColumn'])
const OVERRIDE = 'OverrideColumn'

function version(packageDir: string): string {
    return (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version
}

/**
 * Loads every exported table definition with the column factories wrapped, and returns them with the type each
 * column object was made with. The definitions are loaded once per process (module cache), so the result is too.
 */
let loaded: { tables: Definition[]; typeOf: WeakMap<object, string> } | undefined
function loadDefinitions(): { tables: Definition[]; typeOf: WeakMap<object, string> } {
    if (loaded) return loaded
    const columnApiToType = (load(join(BUILD_PLUGINS, 'dist', 'column', 'column-helper.js')) as { COLUMN_API_TO_TYPE: Record<string, string> }).COLUMN_API_TO_TYPE
    const typeOf = new WeakMap<object, string>()
    const typesDir = join(SDK_CORE, 'dist', 'db', 'types')
    const restore: Array<() => void> = []
    for (const file of readdirSync(typesDir).filter((f) => f.endsWith('.js')).sort()) {
        const exports = load(join(typesDir, file)) as Record<string, unknown>
        for (const [name, factory] of Object.entries(exports)) {
            if (typeof factory !== 'function' || !name.endsWith('Column')) continue
            const type = columnApiToType[name]
            if (!type && !TYPED_BY_CONFIG.has(name) && name !== OVERRIDE) throw new Error(`The SDK's column factory ${name} has no internal_type in COLUMN_API_TO_TYPE`)
            const original = factory as (config: Definition) => Definition
            exports[name] = (config: Definition): Definition => {
                const column = original(config)
                typeOf.set(column, name === OVERRIDE ? OVERRIDE : (type ?? String(column.columnType ?? column.column_type ?? '')))
                return column
            }
            restore.push(() => (exports[name] = original))
        }
    }
    try {
        const all = load(join(SDK_CORE, 'dist', 'fluent', 'tables', 'index.js')) as Record<string, unknown>
        const tables = Object.values(all).filter((v): v is Definition => typeof v === 'object' && v !== null && typeof (v as Definition).name === 'string' && typeof (v as Definition).schema === 'object')
        loaded = { tables, typeOf }
        return loaded
    } finally {
        for (const undo of restore) undo()
    }
}

/** A label given as text or as Documentation[] (the 'en' entry, else the first), as the build reads it. */
function labelOf(label: unknown): string | undefined {
    if (typeof label === 'string') return label
    if (!Array.isArray(label)) return undefined
    const docs = label as Array<{ label?: string; language?: string }>
    return (docs.find((d) => !d.language || d.language === 'en') ?? docs[0])?.label
}

const text = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v))

function choicesOf(choices: unknown): PlatformChoice[] | undefined {
    if (!choices || typeof choices !== 'object') return undefined
    return Object.entries(choices as Record<string, unknown>).map(([value, config], i) => {
        const entries = (Array.isArray(config) ? config : [config]) as unknown[]
        const entry = entries.find((e) => typeof e === 'string' || !(e as Definition).language || (e as Definition).language === 'en') ?? entries[0]
        if (typeof entry === 'string') return { value, label: entry, sequence: i + 1 }
        const c = entry as Definition
        const choice: PlatformChoice = { value, label: text(c.label) ?? value, sequence: c.sequence === undefined ? i + 1 : Number(c.sequence) }
        if (c.inactive === true) choice.inactive = true
        return choice
    })
}

function columnOf(name: string, type: string, c: Definition): PlatformColumn {
    const column: PlatformColumn = { name, type }
    const label = labelOf(c.label)
    if (label !== undefined) column.label = label
    if (typeof c.referenceTable === 'string' && c.referenceTable) column.reference = c.referenceTable
    if (c.maxLength !== undefined) column.maxLength = Number(c.maxLength)
    const dv = text(c.default)
    if (dv !== undefined) column.default = dv
    if (c.mandatory === true) column.mandatory = true
    if ((c.readOnly ?? c.read_only) === true || typeof c.readOnlyOption === 'string') column.readOnly = true
    if (c.active === false) column.active = false
    if (c.unique === true) column.unique = true
    const choices = choicesOf(c.choices)
    if (choices?.length) column.choices = choices
    return column
}

function accessOf(t: Definition): PlatformAccess {
    const access: PlatformAccess = {}
    if (Array.isArray(t.actions)) access.actions = (t.actions as string[]).slice()
    if (typeof t.accessibleFrom === 'string') access.accessibleFrom = t.accessibleFrom
    if (typeof t.callerAccess === 'string') access.callerAccess = t.callerAccess
    for (const flag of ['allowWebServiceAccess', 'allowClientScripts', 'allowNewFields', 'allowUiActions'] as const) if (typeof t[flag] === 'boolean') access[flag] = t[flag] as boolean
    return access
}

function tableOf(t: Definition, typeOf: WeakMap<object, string>): PlatformTable {
    const name = String(t.name)
    const table: PlatformTable = { name, access: accessOf(t), columns: [] }
    const label = labelOf(t.label)
    if (label !== undefined) table.label = label
    if (typeof t.extends === 'string' && t.extends) table.extends = t.extends
    if (t.extensible === true) table.extensible = true
    if (typeof t.display === 'string' && t.display) table.display = t.display
    if (t.autoNumber && typeof t.autoNumber === 'object') {
        const n = t.autoNumber as Definition
        table.autoNumber = {}
        if (n.prefix !== undefined) table.autoNumber.prefix = String(n.prefix)
        if (n.number !== undefined) table.autoNumber.number = Number(n.number)
        const digits = n.numberOfDigits ?? n.number_of_digits
        if (digits !== undefined) table.autoNumber.numberOfDigits = Number(digits)
    }
    const overrides: PlatformOverride[] = []
    for (const [columnName, config] of Object.entries(t.schema as Record<string, Definition>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const type = typeOf.get(config)
        if (!type) throw new Error(`${name}.${columnName} was not made by a known column factory`)
        if (type === OVERRIDE) {
            const override: PlatformOverride = { name: columnName }
            if (typeof config.baseTable === 'string') override.baseTable = config.baseTable
            if (config.default !== undefined) override.default = String(config.default)
            if (typeof config.mandatory === 'boolean') override.mandatory = config.mandatory
            overrides.push(override)
        } else table.columns.push(columnOf(columnName, type, config))
    }
    if (overrides.length) table.overrides = overrides
    return table
}

export function generatePlatformSchema(): PlatformSchema {
    const { tables, typeOf } = loadDefinitions()
    const byName = new Map<string, PlatformTable>()
    for (const t of tables) {
        const table = tableOf(t, typeOf)
        // The SDK exports a few definitions twice (e.g. sysevent_script_action); they must agree.
        const seen = byName.get(table.name)
        if (seen && JSON.stringify(seen) !== JSON.stringify(table)) throw new Error(`Two different SDK definitions of ${table.name}`)
        byName.set(table.name, table)
    }
    return {
        generator: 'scripts/platform-schema.ts',
        source: {
            definitions: '@servicenow/sdk-core dist/fluent/tables (src/fluent/tables/*.now.ts)',
            definitionsVersion: version(SDK_CORE),
            typeMapping: '@servicenow/sdk-build-plugins dist/column/column-helper.js COLUMN_API_TO_TYPE',
            typeMappingVersion: version(BUILD_PLUGINS),
        },
        tables: [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : 1)),
    }
}

/** Pretty JSON with each column, choice list and override on one line: small diffs when the SDK changes. */
export function serializePlatformSchema(schema: PlatformSchema): string {
    const lines = ['{', `  "generator": ${JSON.stringify(schema.generator)},`, `  "source": ${JSON.stringify(schema.source)},`, '  "tables": [']
    schema.tables.forEach((table, i) => {
        const { columns, ...head } = table
        lines.push(`    ${JSON.stringify(head).slice(0, -1)}, "columns": [`)
        columns.forEach((c, j) => lines.push(`      ${JSON.stringify(c)}${j < columns.length - 1 ? ',' : ''}`))
        lines.push(`    ]}${i < schema.tables.length - 1 ? ',' : ''}`)
    })
    lines.push('  ]', '}', '')
    return lines.join('\n')
}

if (require.main === module) {
    const started = Date.now()
    const text = serializePlatformSchema(generatePlatformSchema())
    if (process.argv.includes('--check')) {
        const same = readFileSync(PLATFORM_SCHEMA_FILE, 'utf8') === text
        console.log(same ? 'platform-tables.json matches the SDK definitions' : 'platform-tables.json differs from the SDK definitions: run npm run schema:platform')
        process.exit(same ? 0 : 1)
    }
    writeFileSync(PLATFORM_SCHEMA_FILE, text)
    console.log(`wrote ${PLATFORM_SCHEMA_FILE} in ${Date.now() - started} ms`)
}
