/**
 * The schema registry: the tables the store knows, their hierarchy and columns (the dictionary).
 *
 *   new SchemaRegistry()
 *   define(def) → { info, newColumns }   registers a table or adds to it; newColumns are the columns it added
 *   table(name) / hasTable(name) / tableNames()
 *   ancestors(name)                     the table and its parents, nearest first
 *   hierarchy(name)                     the table and every table extending it, at any depth
 *   isA(cls, ancestor)
 *   columns(name) / column(name, field)  every column, inherited and system ones included, labelled as the table
 *                                       labels them (its own or an ancestor's label for an inherited column)
 *   defaults(name)                      dictionary defaults with the table's overrides applied
 *   displayField(name)                  the column a reference to this table shows
 *   resolveField(table, 'a.b.c')        the reference hops and the final column of a dot-walked field
 *
 * Holds no data and runs no SQL; the store materializes what it registers.
 */

export type Value = string | null
export type Row = Record<string, Value>

export interface ColumnDef {
    name: string
    type: string
    label?: string
    reference?: string
    maxLength?: number
    defaultValue?: string
    /** A `javascript:` default (e.g. 'javascript:gs.getUserID()'), kept as the script, never stored as text. */
    defaultScript?: string
    mandatory?: boolean
}
export interface IndexDef {
    name: string
    unique: boolean
    fields: string[]
}
export interface TableDef {
    name: string
    label?: string
    extends?: string
    columns?: ColumnDef[]
    /** The display column, when the table names one (dictionary display="true" or the collection's display). */
    display?: string
    indexes?: IndexDef[]
    /** Dictionary overrides: defaults this table sets for inherited columns (e.g. change_request.state). */
    defaults?: Record<string, string>
    /**
     * Labels this table gives inherited columns: the platform keeps a field's label per table (sys_documentation),
     * so an extension may name an inherited field its own way (incident's close_notes is "Resolution notes").
     */
    labels?: Record<string, string>
}
export interface TableInfo {
    name: string
    label: string
    parent?: string
    root: string
    own: Map<string, ColumnDef>
    display?: string
    defaults: Record<string, string>
    labels: Record<string, string>
}

/** One hop of a dot-walked field: the reference column followed and the table it leads to. */
export interface FieldHop {
    column: ColumnDef
    table: string
}
export interface ResolvedField {
    /** The reference columns walked through, in order (empty for a plain field). */
    hops: FieldHop[]
    /** The table holding the final column, and the column. */
    table: string
    column: ColumnDef
}

export const SYS_COLUMNS: ColumnDef[] = [
    { name: 'sys_id', type: 'GUID', label: 'Sys ID' },
    { name: 'sys_class_name', type: 'sys_class_name', label: 'Class' },
    { name: 'sys_created_on', type: 'glide_date_time', label: 'Created' },
    { name: 'sys_created_by', type: 'string', label: 'Created by' },
    { name: 'sys_updated_on', type: 'glide_date_time', label: 'Updated' },
    { name: 'sys_updated_by', type: 'string', label: 'Updated by' },
    { name: 'sys_mod_count', type: 'integer', label: 'Updates' },
]
const SYS_COLUMN_NAMES = new Set(SYS_COLUMNS.map((c) => c.name))
const NUMERIC_TYPES = new Set(['integer', 'decimal', 'float', 'numeric', 'longint', 'currency', 'price', 'percent_complete'])

export function isNumericType(type: string): boolean {
    return NUMERIC_TYPES.has(type)
}

export class SchemaRegistry {
    private readonly tables = new Map<string, TableInfo>()
    private readonly columnCache = new Map<string, Map<string, ColumnDef>>()

    define(def: TableDef): { info: TableInfo; newColumns: ColumnDef[] } {
        let info = this.tables.get(def.name)
        if (!info) {
            const parent = def.extends ? this.tables.get(def.extends) : undefined
            if (def.extends && !parent) throw new Error(`Table ${def.name} extends unknown table ${def.extends}`)
            info = { name: def.name, label: def.label ?? def.name, parent: parent?.name, root: parent ? parent.root : def.name, own: new Map(), defaults: {}, labels: {} }
            this.tables.set(def.name, info)
        } else if (def.label) info.label = def.label
        if (def.display) info.display = def.display
        if (def.defaults) Object.assign(info.defaults, def.defaults)
        if (def.labels) Object.assign(info.labels, def.labels)
        const newColumns: ColumnDef[] = []
        for (const column of def.columns ?? []) {
            if (SYS_COLUMN_NAMES.has(column.name)) continue
            info.own.set(column.name, column)
            newColumns.push(column)
        }
        this.columnCache.clear()
        return { info, newColumns }
    }

    hasTable(name: string): boolean {
        return this.tables.has(name)
    }

    table(name: string): TableInfo | undefined {
        return this.tables.get(name)
    }

    tableNames(): string[] {
        return [...this.tables.keys()]
    }

    ancestors(name: string): string[] {
        const out: string[] = []
        for (let t = this.tables.get(name); t; t = t.parent ? this.tables.get(t.parent) : undefined) out.push(t.name)
        return out
    }

    hierarchy(name: string): string[] {
        const out = [name]
        for (let i = 0; i < out.length; i++) for (const t of this.tables.values()) if (t.parent === out[i]) out.push(t.name)
        return out
    }

    isA(cls: string, ancestor: string): boolean {
        return this.ancestors(cls).includes(ancestor)
    }

    columns(name: string): Map<string, ColumnDef> {
        let cols = this.columnCache.get(name)
        if (!cols) {
            cols = new Map()
            for (const s of SYS_COLUMNS) cols.set(s.name, s)
            for (const t of this.ancestors(name).reverse()) {
                const info = this.tables.get(t)!
                for (const [k, v] of info.own) cols.set(k, v)
                for (const [k, label] of Object.entries(info.labels)) {
                    const inherited = cols.get(k)
                    if (inherited) cols.set(k, { ...inherited, label })
                }
            }
            this.columnCache.set(name, cols)
        }
        return cols
    }

    column(table: string, field: string): ColumnDef | undefined {
        return this.columns(table).get(field)
    }

    defaults(name: string): Record<string, string> {
        const out: Record<string, string> = {}
        for (const [k, c] of this.columns(name)) if (c.defaultValue !== undefined) out[k] = c.defaultValue
        for (const t of this.ancestors(name).reverse()) Object.assign(out, this.tables.get(t)!.defaults)
        return out
    }

    displayField(name: string): string | undefined {
        for (const t of this.ancestors(name)) {
            const d = this.tables.get(t)!.display
            if (d) return d
        }
        const cols = this.columns(name)
        return cols.has('name') ? 'name' : cols.has('number') ? 'number' : undefined
    }

    /**
     * 'caller_id.user_name' on incident → hops [caller_id → sys_user], column sys_user.user_name. Undefined when
     * any name is unknown or a hop is not a reference to a known table (an invalid field, as the platform has it).
     */
    resolveField(table: string, path: string): ResolvedField | undefined {
        const names = path.split('.')
        const hops: FieldHop[] = []
        let current = table
        for (let i = 0; i < names.length - 1; i++) {
            const column = this.tables.has(current) ? this.column(current, names[i]) : undefined
            if (!column?.reference || !this.tables.has(column.reference)) return undefined
            hops.push({ column, table: column.reference })
            current = column.reference
        }
        const column = this.tables.has(current) ? this.column(current, names[names.length - 1]) : undefined
        return column ? { hops, table: current, column } : undefined
    }
}
