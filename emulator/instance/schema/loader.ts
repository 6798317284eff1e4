/**
 * Installs a built app (the SDK's `dist/app`) into the store, as installing it from the application repository
 * does, and keeps what a customer changed when a later version is installed over it.
 *
 *   loadApp(store, appDir, log = console.log) → InstallReport
 *     scope/*.xml                     sys_app records
 *     dictionary/<table>.xml          tables (extends, label, display), columns (type, reference, default —
 *                                     a javascript: default kept as defaultScript —, choices) and indexes
 *     update/*.xml, author_elective_update/*.xml
 *                                     <record_update> records, INSERT_OR_UPDATE by sys_id (DELETE removes);
 *                                     sys_choice_v2 is unpacked into its sys_choice_set and sys_choice records
 *
 * Install history, as the platform keeps it ("Upgrade History", "Revert a customization"; tables in
 * install-history.ts):
 *   - the package installed last is recorded in sys_upgrade_history (to_version "<scope>:<version>", payload_hash);
 *     each record it wrote has a current sys_update_version holding the record's values as written.
 *   - The same package again (same version, same content) is a no-op: nothing is written, customer changes stay.
 *   - Another package (a new version, or local choice: a rebuild of the same version) upgrades: every record is
 *     compared with its current version; one a customer changed since (a value differs, or it was deleted) is not
 *     overwritten but logged as Skipped in sys_upgrade_history_log, the rest are applied (Inserted, Updated,
 *     Unchanged, Deleted for records the new package no longer has). The skipped records are reported through `log`.
 *   - A database without install history gets the package applied over it once (what earlier versions of the
 *     local instance did at every start), and its history starts there.
 * Each record is one application file, named <table>_<sys_id> (local choice: the platform names an update set's
 * file, which may group several records).
 *
 * The dictionary is registered at every start (the store's table registry lives in memory); its choices are
 * inserted when missing, so customer changes to them stay.
 * A dictionary column that a parent table already defines is refused (SCHEMA_MESSAGES.columnRedefined), as the
 * platform's dictionary refuses it. Tables or fields the baseline does not know are created as plain string
 * columns, so nothing is dropped.
 * A reference whose sys_id is not in the target table but which names its target (name= / display_value=)
 * is resolved by display value: the built XML references platform records by their real sys_ids.
 */
import { XMLParser } from 'fast-xml-parser'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SCHEMA_MESSAGES } from '../messages.ts'
import { parseEncodedQuery } from '../store/query.ts'
import { currentVersions as currentVersionRows, insertRaw, latestInstall, rawRow } from '../store/lookups.ts'
import { type ColumnDef, type IndexDef, type Row, type Store, type TableDef, utcNow } from '../store/store.ts'
import { stableSysId } from './baseline.ts'
import { DISPOSITION, defineInstallHistoryTables } from './install-history.ts'

type XmlNode = Record<string, unknown>

const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (_name, _jpath, _isLeaf, isAttribute) => !isAttribute,
})

function nodes(parent: unknown, tag: string): XmlNode[] {
    if (!parent || typeof parent !== 'object') return []
    const v = (parent as XmlNode)[tag]
    return Array.isArray(v) ? v.map((n) => (typeof n === 'object' && n !== null ? (n as XmlNode) : { '#text': n })) : []
}

function attr(node: XmlNode, name: string): string | undefined {
    const v = node[`@_${name}`]
    return v === undefined ? undefined : String(v)
}

function text(node: XmlNode): string {
    const v = node['#text']
    return v === undefined ? '' : String(v)
}

function xmlFiles(dir: string): string[] {
    if (!existsSync(dir)) return []
    return readdirSync(dir)
        .filter((f) => f.endsWith('.xml'))
        .sort()
        .map((f) => join(dir, f))
}

/** A record of the package: one application file. */
interface AppRecord {
    kind: 'record'
    table: string
    sysId: string
    action: 'INSERT_OR_UPDATE' | 'DELETE'
    values: Row
    /** Reference fields naming their target by display value. */
    displays: Record<string, string>
    fileName: string
}

/** A delete_multiple update: records matching a query are removed before the package's own are written. */
interface BulkDelete {
    kind: 'delete_multiple'
    table: string
    query: string
}

type PackageEntry = AppRecord | BulkDelete

export interface SkippedFile {
    fileName: string
    table: string
    sysId: string
    /** The record's name, as the Upgrade Details' Target name shows it. */
    targetName: string
}

export interface InstallReport {
    /**
     * installed: first install; reinstalled: over a database holding the app without install history; upgraded:
     * another package; unchanged: same package, nothing written; untracked: a package without a sys_app record
     * (test fixtures), applied without history.
     */
    outcome: 'installed' | 'reinstalled' | 'upgraded' | 'unchanged' | 'untracked'
    /** The package's application scope (sys_app.scope), or null for a package without a sys_app record. */
    scope: string | null
    fromVersion: string | null
    toVersion: string
    /** The sys_upgrade_history record written (null when unchanged). */
    historyId: string | null
    applied: number
    skipped: SkippedFile[]
}

/** Fields every write sets by itself: a customer change is a change to anything else. */
const AUTOMATIC_FIELDS = new Set(['sys_id', 'sys_class_name', 'sys_created_on', 'sys_created_by', 'sys_updated_on', 'sys_updated_by', 'sys_mod_count'])

export function loadApp(store: Store, appDir: string, log: (line: string) => void = (line) => console.log(line)): InstallReport {
    if (!existsSync(appDir)) throw new Error(`No built app at ${appDir}: run \`npx now-sdk build\``)
    const scopeFiles = xmlFiles(join(appDir, 'scope'))
    const updateFiles = [...xmlFiles(join(appDir, 'update')), ...xmlFiles(join(appDir, 'author_elective_update'))]
    const report = store.transaction(() => {
        defineInstallHistoryTables(store)
        const scopeEntries = scopeFiles.flatMap((file) => readRecordUpdate(store, file))
        loadDictionaries(store, xmlFiles(join(appDir, 'dictionary')))
        const entries = [...scopeEntries, ...updateFiles.flatMap((file) => readRecordUpdate(store, file))]
        return install(store, entries, packageHash([...scopeFiles, ...xmlFiles(join(appDir, 'dictionary')), ...updateFiles], appDir))
    })
    for (const line of describe(report)) log(`local instance: ${line}`)
    return report
}

function packageHash(files: string[], appDir: string): string {
    const hash = createHash('sha256')
    for (const file of files) hash.update(file.slice(appDir.length)).update('\0').update(readFileSync(file)).update('\0')
    return hash.digest('hex')
}

/** What the log shows: nothing for a first install or an unchanged package, which every start of a test makes. */
function describe(report: InstallReport): string[] {
    if (report.outcome !== 'upgraded' && report.outcome !== 'reinstalled') return []
    const what =
        report.outcome === 'reinstalled'
            ? `installed ${report.toVersion} over app records loaded before install history was kept`
            : `upgraded ${report.fromVersion} to ${report.toVersion}`
    const lines = [`${what}: ${report.applied} change(s) applied, ${report.skipped.length} skipped to keep customer changes`]
    if (report.skipped.length) {
        lines.push(`  skipped (changed on this instance since the last install; not overwritten): ${report.skipped.map((s) => `${s.table} ${s.targetName}`).join(', ')}`)
        lines.push(`  review them: /api/now/table/sys_upgrade_history_log?sysparm_query=upgrade_history=${report.historyId}^disposition=${DISPOSITION.skipped}`)
    }
    return lines
}

interface InstalledVersion {
    sysId: string
    /** The record's values as the install left them. */
    values: Record<string, string | null>
}

function install(store: Store, entries: PackageEntry[], hash: string): InstallReport {
    const app = entries.find((e): e is AppRecord => e.kind === 'record' && e.table === 'sys_app')
    if (!app) {
        for (const entry of entries) {
            if (entry.kind === 'delete_multiple') applyBulkDelete(store, entry)
            else if (entry.action === 'INSERT_OR_UPDATE') applyRecord(store, entry)
            else if (store.hasTable(entry.table)) store.delete(entry.table, entry.sysId)
        }
        return { outcome: 'untracked', scope: null, fromVersion: null, toVersion: '', historyId: null, applied: entries.length, skipped: [] }
    }
    const scope = app.values.scope ?? app.sysId
    const toVersion = `${scope}:${app.values.version ?? ''}`
    const last = latestInstall(store, scope)
    if (last?.payload_hash === hash) return { outcome: 'unchanged', scope, fromVersion: last.to_version ?? null, toVersion, historyId: null, applied: 0, skipped: [] }

    const started = utcNow()
    const appWasThere = rawRow(store, 'sys_app', app.sysId) !== undefined
    // A first install into an empty database (every test's fresh instance) records the install and the versions,
    // not one Upgrade Details row per record (local choice: it would double the time a start takes).
    const detailed = last !== undefined || appWasThere
    const historyId = store.insert('sys_upgrade_history', { from_version: last?.to_version ?? null, to_version: toVersion, upgrade_started: started, payload_hash: hash }, 'system').sysId!
    const previous = last ? currentVersions(store, app.sysId) : new Map<string, InstalledVersion>()
    const counts = { applied: 0, processed: 0 }
    const skipped: SkippedFile[] = []
    const logEntry = (record: Pick<AppRecord, 'table' | 'sysId' | 'fileName'>, disposition: string, targetName: string, payload?: Row) => {
        counts.processed++
        const changed = disposition !== DISPOSITION.unchanged
        if (disposition === DISPOSITION.skipped) skipped.push({ fileName: record.fileName, table: record.table, sysId: record.sysId, targetName })
        else if (changed) counts.applied++
        if (!detailed) return
        store.insert('sys_upgrade_history_log', {
            upgrade_history: historyId,
            file_name: record.fileName,
            disposition,
            changed: String(changed),
            resolution_status: disposition === DISPOSITION.skipped ? 'not_reviewed' : null,
            target_name: targetName,
            type: store.table(record.table)?.label ?? record.table,
            table: record.table,
            payload: payload ? JSON.stringify(payload) : null,
        }, 'system')
    }
    // Decided before anything is written: a delete_multiple of the package removes rows it writes again later.
    const found = new Map<string, Row | undefined>()
    for (const entry of entries) {
        if (entry.kind !== 'record') continue
        // Tables the baseline does not know exist in the database from an earlier start, not yet in the registry.
        ensureColumns(store, entry.table, Object.keys(entry.values))
        found.set(entry.fileName, detailed ? rawRow(store, entry.table, entry.sysId) : undefined)
    }
    const inPackage = new Set<string>()
    /** The current version of each record written by this install, by file name. */
    const writtenNow = new Map<string, string>()
    for (const entry of entries) {
        if (entry.kind === 'delete_multiple') {
            applyBulkDelete(store, entry)
            continue
        }
        inPackage.add(entry.fileName)
        const before = previous.get(entry.fileName)
        const current = found.get(entry.fileName)
        const name = targetName(store, entry.table, entry.values, entry.sysId)
        if (before && customerChanged(current, before.values)) {
            logEntry(entry, DISPOSITION.skipped, name, entry.values)
            continue
        }
        if (entry.action === 'DELETE') {
            if (rawRow(store, entry.table, entry.sysId)) store.delete(entry.table, entry.sysId)
            retireVersion(store, before)
            logEntry(entry, DISPOSITION.deleted, name)
            continue
        }
        const written = applyRecord(store, entry)
        const again = writtenNow.get(entry.fileName)
        if (again) {
            // The package writes this record a second time (the SDK repeats some, e.g. source artifacts): the last write is the version.
            store.update('sys_update_version', again, { payload: JSON.stringify(written) }, 'system')
            continue
        }
        const disposition = !current ? DISPOSITION.inserted : before && sameValues(written, before.values) ? DISPOSITION.unchanged : DISPOSITION.updated
        if (disposition === DISPOSITION.unchanged) writtenNow.set(entry.fileName, before!.sysId)
        else {
            retireVersion(store, before)
            const version = insertVersion(store, { name: entry.fileName, action: 'INSERT_OR_UPDATE', state: 'current', source_table: 'sys_upgrade_history', source: historyId, application: app.sysId, record_name: name, type: store.table(entry.table)?.label ?? entry.table, payload: JSON.stringify(written) })
            writtenNow.set(entry.fileName, version)
        }
        logEntry(entry, disposition, name)
    }
    // Records the previous package had and this one does not are removed, unless a customer changed them.
    for (const [fileName, version] of previous) {
        if (inPackage.has(fileName)) continue
        const table = fileName.slice(0, -33)
        const sysId = fileName.slice(-32)
        const current = rawRow(store, table, sysId)
        const record = { table, sysId, fileName }
        if (current && customerChanged(current, version.values)) {
            logEntry(record, DISPOSITION.skipped, targetName(store, table, current, sysId))
            continue
        }
        if (current) store.delete(table, sysId)
        retireVersion(store, version)
        logEntry(record, DISPOSITION.deleted, current ? targetName(store, table, current, sysId) : sysId)
    }
    store.update('sys_upgrade_history', historyId, { upgrade_finished: utcNow(), changes_applied: String(counts.applied), changes_skipped: String(skipped.length), changes_processed: String(counts.processed) }, 'system')
    return { outcome: last ? 'upgraded' : appWasThere ? 'reinstalled' : 'installed', scope, fromVersion: last?.to_version ?? null, toVersion, historyId, applied: counts.applied, skipped }
}

const VERSION_FIELDS = ['name', 'action', 'state', 'source_table', 'source', 'application', 'record_name', 'type', 'payload'] as const

/**
 * Writes a sys_update_version row with one prepared INSERT: an install writes one per record of the package, and
 * the store's insert path (defaults, write rules, numbering) would double the time a fresh instance takes to start.
 * Returns its sys_id.
 */
function insertVersion(store: Store, version: Record<(typeof VERSION_FIELDS)[number], string | null>): string {
    const now = utcNow()
    const sysId = randomBytes(16).toString('hex')
    const system = { sys_id: sysId, sys_created_on: now, sys_updated_on: now, sys_class_name: 'sys_update_version', sys_created_by: 'system', sys_updated_by: 'system', sys_mod_count: '0' }
    insertRaw(store, 'sys_update_version', { ...system, ...version })
    return sysId
}


/** The current sys_update_version of each application file of the app, by file name. */
function currentVersions(store: Store, appSysId: string): Map<string, InstalledVersion> {
    const rows = currentVersionRows(store, appSysId)
    return new Map(rows.map((r) => [r.name!, { sysId: r.sys_id!, values: JSON.parse(r.payload ?? '{}') as Record<string, string | null> }]))
}

function retireVersion(store: Store, version: InstalledVersion | undefined): void {
    if (version) store.update('sys_update_version', version.sysId, { state: 'history' }, 'system')
}

/** A record a customer deleted, or whose values differ from the ones the last install wrote. */
function customerChanged(current: Row | undefined, installed: Record<string, string | null>): boolean {
    return !current || !sameValues(current, installed)
}

function sameValues(row: Row, installed: Record<string, string | null>): boolean {
    return Object.entries(installed).every(([field, value]) => (row[field] ?? null) === value)
}

function targetName(store: Store, table: string, values: Row, sysId: string): string {
    const display = store.hasTable(table) ? store.displayField(table) : undefined
    return (display && values[display]) || values.name || values.sys_update_name || sysId
}

function loadDictionaries(store: Store, files: string[]): void {
    const collections = files.flatMap((f) => nodes(nodes(parser.parse(readFileSync(f, 'utf8')), 'database')[0], 'element'))
    // Parents first: an app table may extend another app table.
    const pending = [...collections]
    while (pending.length) {
        const i = pending.findIndex((c) => {
            const parent = attr(c, 'extends')
            return !parent || store.hasTable(parent) || !pending.some((p) => attr(p, 'name') === parent)
        })
        if (i < 0) throw new Error(`Circular table hierarchy in ${pending.map((p) => attr(p, 'name')).join(', ')}`)
        defineCollection(store, pending.splice(i, 1)[0])
    }
}

function defineCollection(store: Store, node: XmlNode): void {
    const name = attr(node, 'name')!
    const columns: ColumnDef[] = []
    const choices: Array<[element: string, choice: XmlNode]> = []
    let display = attr(node, 'display') || undefined
    for (const el of nodes(node, 'element')) {
        const column = attr(el, 'name')!
        const maxLength = attr(el, 'max_length')
        const def: ColumnDef = { name: column, type: attr(el, 'type') ?? 'string', label: attr(el, 'label') }
        if (attr(el, 'reference')) def.reference = attr(el, 'reference')
        if (maxLength) def.maxLength = Number(maxLength)
        const dv = attr(el, 'default_value')
        if (dv?.startsWith('javascript:')) def.defaultScript = dv
        else if (dv) def.defaultValue = dv
        if (attr(el, 'mandatory') === 'true') def.mandatory = true
        if (attr(el, 'display') === 'true') display = column
        columns.push(def)
        for (const set of nodes(el, 'choice')) for (const c of nodes(set, 'element')) choices.push([column, c])
    }
    const indexes: IndexDef[] = nodes(node, 'index').map((ix) => ({
        name: attr(ix, 'name')!,
        unique: attr(ix, 'unique') === 'true',
        fields: nodes(ix, 'element').map((f) => attr(f, 'name')!),
    }))
    const def: TableDef = { name, label: attr(node, 'label'), columns, indexes, display }
    const parent = attr(node, 'extends')
    if (parent) {
        def.extends = parent
        refuseRedefinedColumns(store, name, parent, columns)
    }
    store.defineTable(def)
    for (const [element, c] of choices) {
        const value = attr(c, 'value') ?? ''
        const language = attr(c, 'language') ?? 'en'
        store.insertIfMissing('sys_choice', {
            sys_id: stableSysId(`sys_choice:${name}:${element}:${value}:${language}`),
            name,
            element,
            value,
            label: attr(c, 'label') ?? value,
            sequence: attr(c, 'sequence') ?? null,
            language,
            inactive: attr(c, 'inactive') ?? 'false',
        })
    }
}

/**
 * The dictionary refuses a column that a parent table already defines: a child changes an inherited column only
 * through a dictionary override (sys_dictionary_override), which the build writes as a record, not a column.
 */
function refuseRedefinedColumns(store: Store, table: string, parent: string, columns: ColumnDef[]): void {
    if (!store.hasTable(parent)) return
    for (const column of columns) {
        if (!store.column(parent, column.name)) continue
        const owner = store.ancestors(parent).find((t) => store.table(t)?.own.has(column.name)) ?? parent
        throw new Error(SCHEMA_MESSAGES.columnRedefined.text(table, column.name, owner))
    }
}

function readRecordUpdate(store: Store, file: string): PackageEntry[] {
    const entries: PackageEntry[] = []
    for (const update of nodes(parser.parse(readFileSync(file, 'utf8')), 'record_update')) {
        for (const [tag, value] of Object.entries(update)) {
            if (tag.startsWith('@_') || tag === '#text' || !Array.isArray(value)) continue
            for (const record of nodes(update, tag)) {
                if (attr(record, 'action') === undefined && isContainer(record)) entries.push(...readContainer(store, record))
                else pushEntry(entries, tag, record)
            }
        }
    }
    return entries
}

/**
 * The SDK writes some records grouped in one update, as the platform's update sets do: a container element
 * without an action (sys_choice_v2, sys_ui_list, sys_ui_section, sys_ui_form_sections) holding the records
 * themselves, each with its action (a list and its elements, a section and its elements, a form and its sections).
 */
function isContainer(node: XmlNode): boolean {
    return Object.keys(node).some((key) => !key.startsWith('@_') && nodes(node, key).some((child) => attr(child, 'action') !== undefined))
}

/** A container's records, the ones the others reference first (a list before its elements). */
function readContainer(store: Store, container: XmlNode): PackageEntry[] {
    const tags = Object.keys(container).filter((key) => !key.startsWith('@_') && key !== '#text')
    const referencedByOthers = (tag: string): boolean =>
        tags.some((other) => other !== tag && store.hasTable(other) && [...store.columns(other).values()].some((column) => column.reference === tag))
    const ordered = [...tags.filter(referencedByOthers), ...tags.filter((tag) => !referencedByOthers(tag))]
    const entries: PackageEntry[] = []
    for (const tag of ordered) {
        for (const record of nodes(container, tag)) if (attr(record, 'action') !== undefined) pushEntry(entries, tag, record)
    }
    return entries
}

function pushEntry(entries: PackageEntry[], table: string, node: XmlNode): void {
    const action = attr(node, 'action') ?? 'INSERT_OR_UPDATE'
    if (action === 'delete_multiple') {
        entries.push({ kind: 'delete_multiple', table, query: attr(node, 'query') ?? '' })
        return
    }
    const values: Row = {}
    const displays: Record<string, string> = {}
    for (const key of Object.keys(node)) {
        if (key.startsWith('@_') || key === '#text' || key === 'sys_class_name') continue
        const field = nodes(node, key)[0]
        const v = text(field)
        values[key] = v === '' ? null : v
        const display = attr(field, 'name') ?? attr(field, 'display_value')
        if (display) displays[key] = display
    }
    const sysId = values.sys_id
    if (!sysId) return
    entries.push({ kind: 'record', table, sysId, action: action === 'DELETE' ? 'DELETE' : 'INSERT_OR_UPDATE', values, displays, fileName: `${table}_${sysId}` })
}

function applyBulkDelete(store: Store, entry: BulkDelete): void {
    // A query naming fields this instance's copy of a platform table lacks deletes nothing (strict would throw).
    const query = parseEncodedQuery(entry.query)
    if (store.hasTable(entry.table) && store.isValidQuery(entry.table, query)) store.deleteWhere(entry.table, query)
}

/** Writes the record (INSERT_OR_UPDATE by sys_id); returns its values as stored, the ones the package sets. */
function applyRecord(store: Store, record: AppRecord): Record<string, string | null> {
    const values: Row = { ...record.values }
    ensureColumns(store, record.table, Object.keys(values))
    for (const [field, display] of Object.entries(record.displays)) values[field] = resolveReference(store, record.table, field, values[field], display)
    const result = store.upsert(record.table, { ...values, sys_id: record.sysId })
    if (result.error) throw new Error(`Loading ${record.table} ${record.sysId}: ${result.error}`)
    const stored = result.row ?? {}
    const written: Record<string, string | null> = {}
    for (const field of Object.keys(values)) if (!AUTOMATIC_FIELDS.has(field)) written[field] = stored[field] ?? null
    return written
}

function ensureColumns(store: Store, table: string, fields: string[]): void {
    const missing = store.hasTable(table) ? fields.filter((f) => !store.column(table, f)) : fields
    if (!store.hasTable(table) || missing.length) store.defineTable({ name: table, columns: missing.map((name) => ({ name, type: 'string' })) })
}

/** References found to exist, per store: the app's records name the same few (its scope) hundreds of times. */
const existingReferences = new WeakMap<Store, Set<string>>()

function resolveReference(store: Store, table: string, field: string, sysId: string | null, display: string): string | null {
    const target = store.column(table, field)?.reference
    if (!sysId || !target || !store.hasTable(target)) return sysId
    let known = existingReferences.get(store)
    if (!known) existingReferences.set(store, (known = new Set()))
    const key = `${target}|${sysId}`
    if (known.has(key)) return sysId
    if (store.getRow(target, sysId)) {
        known.add(key)
        return sysId
    }
    const displayField = store.displayField(target)
    if (!displayField) return sysId
    const match = store.select(target, { blocks: [[[{ field: displayField, op: '=', value: display }]]], orderBy: [] }, { limit: 1 })[0]
    return match?.sys_id ?? sysId
}
