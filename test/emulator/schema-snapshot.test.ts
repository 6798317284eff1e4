// The platform schema snapshot (emulator/instance/schema/platform-tables.json) is what the generator makes of the
// SDK's out-of-box table definitions (@servicenow/sdk-core src/fluent/tables), so CI fails when the SDK changes
// and the snapshot was not regenerated (`npm run schema:platform`).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PLATFORM_SCHEMA_FILE, type PlatformSchema } from '../../emulator/instance/schema/platform-tables.ts'
import { generatePlatformSchema, serializePlatformSchema } from '../../scripts/platform-schema.ts'

const committedText = readFileSync(PLATFORM_SCHEMA_FILE, 'utf8')
const generated = generatePlatformSchema()

describe('the platform schema snapshot', () => {
    // Source: node_modules/@servicenow/sdk-core/src/fluent/tables/*.now.ts (and atf/), run from dist/fluent/tables.
    it('is exactly what scripts/platform-schema.ts generates from the installed SDK', () => {
        expect(JSON.parse(committedText) as PlatformSchema).toEqual(generated)
        expect(committedText).toBe(serializePlatformSchema(generated))
    })
    it('records the SDK version its definitions and type mapping come from', () => {
        const version = (pkg: string): string => (JSON.parse(readFileSync(join(__dirname, '..', '..', 'node_modules', '@servicenow', pkg, 'package.json'), 'utf8')) as { version: string }).version
        expect(generated.source.definitionsVersion).toBe(version('sdk-core'))
        expect(generated.source.typeMappingVersion).toBe(version('sdk-build-plugins'))
    })
    // Source: sdk-build-plugins dist/column/column-helper.js COLUMN_API_TO_TYPE (ReferenceColumn → reference,
    // DateTimeColumn → glide_date_time, IntegerColumn → integer) and GenericColumn's columnType (journal_input).
    it("types each column as the SDK build writes its dictionary internal_type", () => {
        const column = (table: string, name: string) => generated.tables.find((t) => t.name === table)?.columns.find((c) => c.name === name)
        expect(column('task', 'opened_by')).toMatchObject({ type: 'reference', reference: 'sys_user' })
        expect(column('task', 'opened_at')).toMatchObject({ type: 'glide_date_time' })
        expect(column('task', 'priority')).toMatchObject({ type: 'integer', default: '4' })
        expect(column('task', 'work_notes')).toMatchObject({ type: 'journal_input' })
    })
    it('holds every table the SDK defines, the ATF ones included', () => {
        const names = generated.tables.map((t) => t.name)
        expect(names.length).toBeGreaterThanOrEqual(180)
        expect(names).toEqual(expect.arrayContaining(['task', 'change_request', 'incident', 'sys_user', 'sys_db_object', 'sys_scope_privilege', 'sys_atf_test']))
        expect(new Set(names).size).toBe(names.length)
    })
})
