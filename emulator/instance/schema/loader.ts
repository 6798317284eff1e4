/**
 * Loads a built app (the SDK's `dist/app`) into the store, as installing its update set would.
 *
 *   loadApp(store, appDir)
 *     scope/*.xml                     sys_app records
 *     dictionary/<table>.xml          tables (extends, label, display), columns (type, reference, default —
 *                                     a javascript: default kept as defaultScript —, choices) and indexes
 *     update/*.xml, author_elective_update/*.xml
 *                                     <record_update> records, INSERT_OR_UPDATE by sys_id (DELETE removes);
 *                                     sys_choice_v2 is unpacked into its sys_choice_set and sys_choice records
 *
 * A dictionary column that a parent table already defines is refused (SCHEMA_MESSAGES.columnRedefined), as the
 * platform's dictionary refuses it. Tables or fields the baseline does not know are created as plain string
 * columns, so nothing is dropped.
 * A reference whose sys_id is not in the target table but which names its target (name= / display_value=)
 * is resolved by display value: the built XML references platform records by their real sys_ids.
 */
import { XMLParser } from 'fast-xml-parser'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SCHEMA_MESSAGES } from '../messages.ts'
import { parseEncodedQuery } from '../store/query.ts'
import type { ColumnDef, IndexDef, Row, Store, TableDef } from '../store/store.ts'
import { stableSysId } from './baseline.ts'

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

export function loadApp(store: Store, appDir: string): void {
    if (!existsSync(appDir)) throw new Error(`No built app at ${appDir}: run \`npx now-sdk build\``)
    store.transaction(() => {
        for (const file of xmlFiles(join(appDir, 'scope'))) loadRecordUpdate(store, file)
        loadDictionaries(store, xmlFiles(join(appDir, 'dictionary')))
        for (const file of [...xmlFiles(join(appDir, 'update')), ...xmlFiles(join(appDir, 'author_elective_update'))]) loadRecordUpdate(store, file)
    })
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

function loadRecordUpdate(store: Store, file: string): void {
    for (const update of nodes(parser.parse(readFileSync(file, 'utf8')), 'record_update')) {
        for (const [tag, value] of Object.entries(update)) {
            if (tag.startsWith('@_') || tag === '#text' || !Array.isArray(value)) continue
            for (const record of nodes(update, tag)) {
                if (attr(record, 'action') === undefined && isContainer(record)) applyContainer(store, record)
                else applyRecord(store, tag, record)
            }
        }
    }
}

/**
 * The SDK writes some records grouped in one update, as the platform's update sets do: a container element
 * without an action (sys_choice_v2, sys_ui_list, sys_ui_section, sys_ui_form_sections) holding the records
 * themselves, each with its action (a list and its elements, a section and its elements, a form and its sections).
 */
function isContainer(node: XmlNode): boolean {
    return Object.keys(node).some((key) => !key.startsWith('@_') && nodes(node, key).some((child) => attr(child, 'action') !== undefined))
}

/** Applies a container's records, the ones the others reference first (a list before its elements). */
function applyContainer(store: Store, container: XmlNode): void {
    const tags = Object.keys(container).filter((key) => !key.startsWith('@_') && key !== '#text')
    const referencedByOthers = (tag: string): boolean =>
        tags.some((other) => other !== tag && store.hasTable(other) && [...store.columns(other).values()].some((column) => column.reference === tag))
    const ordered = [...tags.filter(referencedByOthers), ...tags.filter((tag) => !referencedByOthers(tag))]
    for (const tag of ordered) {
        for (const record of nodes(container, tag)) if (attr(record, 'action') !== undefined) applyRecord(store, tag, record)
    }
}

function applyRecord(store: Store, table: string, node: XmlNode): void {
    const action = attr(node, 'action') ?? 'INSERT_OR_UPDATE'
    if (action === 'delete_multiple') {
        // A query naming fields this instance's copy of a platform table lacks deletes nothing (strict would throw).
        const query = parseEncodedQuery(attr(node, 'query') ?? '')
        if (store.isValidQuery(table, query)) store.deleteWhere(table, query)
        return
    }
    const values: Row = {}
    const names: Record<string, string> = {}
    for (const key of Object.keys(node)) {
        if (key.startsWith('@_') || key === '#text' || key === 'sys_class_name') continue
        const field = nodes(node, key)[0]
        const v = text(field)
        values[key] = v === '' ? null : v
        const display = attr(field, 'name') ?? attr(field, 'display_value')
        if (display) names[key] = display
    }
    const sysId = values.sys_id
    if (!sysId) return
    ensureColumns(store, table, Object.keys(values))
    if (action === 'DELETE') {
        store.delete(table, sysId)
        return
    }
    for (const [field, display] of Object.entries(names)) values[field] = resolveReference(store, table, field, values[field], display)
    const result = store.upsert(table, { ...values, sys_id: sysId })
    if (result.error) throw new Error(`Loading ${table} ${sysId}: ${result.error}`)
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
