/**
 * The instance's record store: SQLite (better-sqlite3), table-per-hierarchy like the platform.
 *
 *   new Store(path = ':memory:')
 *   defineTable(def)                 registers a table (root tables get a SQL table; extensions add columns to
 *                                    their root's) and its indexes; idempotent, so a file database survives restarts
 *   table(name) / hasTable(name) / columns(name) / column(name, field) / isA(cls, ancestor) / hierarchy(name)
 *   displayField(name)               the column a reference to this table shows
 *   insert(table, values, by)        → { sysId } | { error }     (defaults, sys fields, numbering, write rules)
 *   update(table, sysId, changes, by, previous?) → { ok: true } | { error }
 *   delete(table, sysId) / deleteWhere(table, query)
 *   select(table, query, window?) / count(table, query) / aggregate(table, query, groupBy, aggregates)
 *   addWriteRule(rule)               runs before every insert/update (the schema layer's platform behaviour)
 *   version(table)                   bumps on every write to the table's hierarchy; lets callers cache reads
 *   statementCount / resetStatementCount()   every SQL statement executed, for the benchmark
 *   transaction(fn) / close()
 *
 * Every value is TEXT as GlideRecord.getValue returns it; empty is NULL. Query values are always bound.
 */
import Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import type { Condition, OrderBy, Query } from './query.ts'

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
}
export interface TableInfo {
    name: string
    label: string
    parent?: string
    root: string
    own: Map<string, ColumnDef>
    display?: string
    defaults: Record<string, string>
}

export interface WriteContext {
    table: string
    op: 'insert' | 'update'
    /** The full row after the write; rules may change it. */
    row: Row
    previous?: Row
    store: Store
}
export type WriteRule = (ctx: WriteContext) => void

/** The written row (all columns of the record's class) or the constraint violation that prevented the write. */
export type WriteResult = { sysId: string; row: Row; error?: undefined } | { sysId?: undefined; row?: undefined; error: string }

export interface Window {
    limit?: number
    offset?: number
}
export interface AggregateSpec {
    fn: 'COUNT' | 'SUM' | 'MIN' | 'MAX' | 'AVG'
    field?: string
    alias: string
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
const NUMERIC_TYPES = new Set(['integer', 'decimal', 'float', 'numeric', 'longint', 'currency', 'price', 'percent_complete'])
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/

export function isNumericType(type: string): boolean {
    return NUMERIC_TYPES.has(type)
}

export function newSysId(): string {
    return randomBytes(16).toString('hex')
}

/** UTC 'YYYY-MM-DD HH:mm:ss', the platform's internal date-time format. */
export function utcNow(): string {
    return new Date().toISOString().slice(0, 19).replace('T', ' ')
}

function q(ident: string): string {
    if (!IDENT.test(ident)) throw new Error(`Invalid identifier: ${ident}`)
    return `"${ident}"`
}

export class UniqueViolation {
    constructor(readonly message: string) {}
}

export class Store {
    readonly db: Database.Database
    statementCount = 0
    private readonly tables = new Map<string, TableInfo>()
    private readonly sqlColumns = new Map<string, Set<string>>()
    private readonly statements = new Map<string, Database.Statement>()
    private readonly columnCache = new Map<string, Map<string, ColumnDef>>()
    private readonly versions = new Map<string, number>()
    private readonly rules: WriteRule[] = []
    private readonly uniqueIndexes = new Map<string, { table: string; name: string; fields: string[] }>()
    private numberCategories = new Map<string, string | null>()
    private readonly pendingIndexes = new Map<string, Array<() => void>>()
    /** Indexes known to exist, so re-defining a table (or reopening a file database) skips the DDL. */
    private readonly indexNames: Set<string>

    constructor(path = ':memory:') {
        this.db = new Database(path)
        this.db.pragma('journal_mode = WAL')
        this.db.pragma('synchronous = NORMAL')
        this.indexNames = new Set(this.all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'index'`).map((r) => r.name))
    }

    close(): void {
        this.db.close()
    }

    resetStatementCount(): void {
        this.statementCount = 0
    }

    transaction<T>(fn: () => T): T {
        return this.db.transaction(fn)()
    }

    // --- SQL with statement caching and counting ---

    private prepare(sql: string): Database.Statement {
        let stmt = this.statements.get(sql)
        if (!stmt) {
            stmt = this.db.prepare(sql)
            this.statements.set(sql, stmt)
        }
        return stmt
    }

    run(sql: string, params: unknown[] = []): Database.RunResult {
        this.statementCount++
        return this.prepare(sql).run(...params)
    }

    all<T = Row>(sql: string, params: unknown[] = []): T[] {
        this.statementCount++
        return this.prepare(sql).all(...params) as T[]
    }

    get<T = Row>(sql: string, params: unknown[] = []): T | undefined {
        this.statementCount++
        return this.prepare(sql).get(...params) as T | undefined
    }

    private exec(sql: string): void {
        this.statementCount++
        this.db.exec(sql)
    }

    // --- schema ---

    defineTable(def: TableDef): TableInfo {
        let info = this.tables.get(def.name)
        if (!info) {
            const parent = def.extends ? this.table(def.extends) : undefined
            if (def.extends && !parent) throw new Error(`Table ${def.name} extends unknown table ${def.extends}`)
            info = { name: def.name, label: def.label ?? def.name, parent: parent?.name, root: parent ? parent.root : def.name, own: new Map(), defaults: {} }
            this.tables.set(def.name, info)
            if (!parent) {
                this.ensureIndex(def.name, `${def.name}__sys_class_name`, ['sys_class_name'], false)
                this.ensureIndex(def.name, `${def.name}__sys_updated_on`, ['sys_updated_on'], false)
            }
        } else if (def.label) info.label = def.label
        if (def.display) info.display = def.display
        if (def.defaults) Object.assign(info.defaults, def.defaults)
        for (const column of def.columns ?? []) {
            if (SYS_COLUMNS.some((s) => s.name === column.name)) continue
            info.own.set(column.name, column)
            this.ensureSqlColumn(info.root, column.name)
        }
        this.columnCache.clear()
        if (this.columns(def.name).has('number')) this.ensureIndex(info.root, `${info.root}__number`, ['number'], false)
        for (const index of def.indexes ?? []) this.defineIndex(def.name, index)
        return info
    }

    /**
     * Creates the hierarchy's SQL table on first use, with every column known by then: one CREATE TABLE
     * instead of an ALTER TABLE per column while the schema loads (ALTER re-parses the whole schema).
     */
    private materialize(root: string): void {
        if (this.sqlColumns.has(root)) return
        const names = new Set(SYS_COLUMNS.map((c) => c.name))
        for (const t of this.hierarchy(root)) for (const c of this.tables.get(t)!.own.keys()) names.add(c)
        const cols = [...names].map((c) => (c === 'sys_id' ? `"sys_id" TEXT PRIMARY KEY` : `${q(c)} TEXT`))
        this.exec(`CREATE TABLE IF NOT EXISTS ${q(root)} (${cols.join(', ')})`)
        const existing = new Set(this.all<{ name: string }>(`SELECT name FROM pragma_table_info(?)`, [root]).map((c) => c.name))
        this.sqlColumns.set(root, existing)
        for (const c of names) this.ensureSqlColumn(root, c)
        for (const index of this.pendingIndexes.get(root) ?? []) index()
        this.pendingIndexes.delete(root)
    }

    private ensureSqlColumn(root: string, column: string): void {
        const cols = this.sqlColumns.get(root)
        if (!cols || cols.has(column)) return
        this.exec(`ALTER TABLE ${q(root)} ADD COLUMN ${q(column)} TEXT`)
        cols.add(column)
    }

    private ensureIndex(root: string, name: string, fields: string[], unique: boolean, where = ''): void {
        if (this.indexNames.has(name)) return
        if (!this.sqlColumns.has(root)) {
            const pending = this.pendingIndexes.get(root) ?? []
            pending.push(() => this.ensureIndex(root, name, fields, unique, where))
            this.pendingIndexes.set(root, pending)
            return
        }
        this.indexNames.add(name)
        const cols = fields.map(q).join(', ')
        this.exec(`CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${q(name)} ON ${q(root)} (${cols})${where}`)
    }

    /** A unique index on an extension applies to rows of that class (and its extensions known now). */
    private defineIndex(table: string, index: IndexDef): void {
        const info = this.table(table)!
        for (const f of index.fields) if (!this.column(table, f)) throw new Error(`Index ${index.name} on ${table}: unknown column ${f}`)
        const name = `${table}__${index.name}`
        const classes = this.hierarchy(table)
        const where = info.parent ? ` WHERE sys_class_name IN (${classes.map((c) => `'${c}'`).join(', ')})` : ''
        this.ensureIndex(info.root, name, index.fields, index.unique, where)
        if (index.unique) this.uniqueIndexes.set(name, { table, name: index.name, fields: index.fields })
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

    /** The table and its ancestors, nearest first. */
    ancestors(name: string): string[] {
        const out: string[] = []
        for (let t = this.tables.get(name); t; t = t.parent ? this.tables.get(t.parent) : undefined) out.push(t.name)
        return out
    }

    /** The table and every table extending it, at any depth. */
    hierarchy(name: string): string[] {
        const out = [name]
        for (let i = 0; i < out.length; i++) for (const t of this.tables.values()) if (t.parent === out[i]) out.push(t.name)
        return out
    }

    isA(cls: string, ancestor: string): boolean {
        return this.ancestors(cls).includes(ancestor)
    }

    /** Every column of the table, inherited and system ones included. */
    columns(name: string): Map<string, ColumnDef> {
        let cols = this.columnCache.get(name)
        if (!cols) {
            cols = new Map()
            for (const s of SYS_COLUMNS) cols.set(s.name, s)
            for (const t of this.ancestors(name).reverse()) for (const [k, v] of this.tables.get(t)!.own) cols.set(k, v)
            this.columnCache.set(name, cols)
        }
        return cols
    }

    column(table: string, field: string): ColumnDef | undefined {
        return this.columns(table).get(field)
    }

    /** Default values of the table's columns, dictionary overrides applied. */
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

    addWriteRule(rule: WriteRule): void {
        this.rules.push(rule)
    }

    version(table: string): number {
        return this.versions.get(this.table(table)?.root ?? table) ?? 0
    }

    private touched(root: string): void {
        this.versions.set(root, (this.versions.get(root) ?? 0) + 1)
        if (root === 'sys_number') this.numberCategories.clear()
    }

    // --- records ---

    private rootOf(table: string): TableInfo {
        const info = this.tables.get(table)
        if (!info) throw new Error(`Unknown table: ${table}`)
        this.materialize(info.root)
        return this.tables.get(info.root)!
    }

    /** The quoted SQL table holding the table's rows, for callers writing their own SQL. */
    sqlTable(table: string): string {
        return q(this.rootOf(table).name)
    }

    /** Inserts a record. Missing fields get their dictionary defaults; an empty `number` gets the next number. */
    insert(table: string, values: Row, by: string): WriteResult {
        const root = this.rootOf(table).name
        const cols = this.columns(table)
        const defaults = this.defaults(table)
        const row: Row = {}
        for (const [name, col] of cols) {
            const v = values[name]
            row[name] = v === undefined ? (defaults[name] ?? null) : v
            if (col.type === 'boolean' && row[name] !== null) row[name] = normalizeBoolean(row[name]!)
        }
        const now = utcNow()
        row.sys_id = row.sys_id || newSysId()
        row.sys_class_name = table
        row.sys_created_on = row.sys_created_on || now
        row.sys_updated_on = row.sys_updated_on || now
        row.sys_created_by = row.sys_created_by || by
        row.sys_updated_by = row.sys_updated_by || by
        row.sys_mod_count = row.sys_mod_count ?? '0'
        if (cols.has('number') && !row.number) row.number = this.nextNumber(table)
        for (const rule of this.rules) rule({ table, op: 'insert', row, store: this })
        const names = Object.keys(row).filter((k) => cols.has(k))
        const sql = `INSERT INTO ${q(root)} (${names.map(q).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`
        try {
            this.run(sql, names.map((n) => row[n]))
        } catch (e) {
            return { error: this.describeConstraint(e, row) }
        }
        this.touched(root)
        return { sysId: row.sys_id, row }
    }

    /** Inserts the record unless one with this sys_id exists (for idempotent seeding). */
    insertIfMissing(table: string, values: Row & { sys_id: string }, by = 'system'): void {
        if (!this.get(`SELECT 1 AS x FROM ${q(this.rootOf(table).name)} WHERE sys_id = ?`, [values.sys_id])) this.insert(table, values, by)
    }

    /** Inserts or overwrites (by sys_id) the given fields, as an update set's INSERT_OR_UPDATE does. */
    upsert(table: string, values: Row & { sys_id: string }, by = 'system'): WriteResult {
        const existing = this.get(`SELECT * FROM ${q(this.rootOf(table).name)} WHERE sys_id = ?`, [values.sys_id])
        if (!existing) return this.insert(table, values, by)
        return this.update(table, values.sys_id, values, by, existing)
    }

    /** autoSysFields false (GlideRecord.autoSysFields) leaves sys_updated_on/by and sys_mod_count alone. */
    update(table: string, sysId: string, changes: Row, by: string, previous?: Row, autoSysFields = true): WriteResult {
        const root = this.rootOf(table).name
        const before = previous ?? this.get(`SELECT * FROM ${q(root)} WHERE sys_id = ?`, [sysId])
        if (!before) return { error: `Record not found: ${table} ${sysId}` }
        const cls = before.sys_class_name ?? table
        const cols = this.columns(cls)
        const row: Row = { ...before }
        for (const [k, v] of Object.entries(changes)) {
            const col = cols.get(k)
            if (col && v !== undefined) row[k] = col.type === 'boolean' && v !== null ? normalizeBoolean(v) : v
        }
        if (autoSysFields) {
            row.sys_updated_on = utcNow()
            row.sys_updated_by = by
            row.sys_mod_count = String(Number(before.sys_mod_count ?? 0) + 1)
        }
        for (const rule of this.rules) rule({ table: cls, op: 'update', row, previous: before, store: this })
        const names = Object.keys(row).filter((k) => k !== 'sys_id' && cols.has(k) && row[k] !== before[k])
        if (names.length === 0) return { sysId, row }
        const sql = `UPDATE ${q(root)} SET ${names.map((n) => `${q(n)} = ?`).join(', ')} WHERE sys_id = ?`
        try {
            this.run(sql, [...names.map((n) => row[n]), sysId])
        } catch (e) {
            return { error: this.describeConstraint(e, row) }
        }
        this.touched(root)
        return { sysId, row }
    }

    delete(table: string, sysId: string): boolean {
        const root = this.rootOf(table).name
        const changed = this.run(`DELETE FROM ${q(root)} WHERE sys_id = ?`, [sysId]).changes > 0
        if (changed) this.touched(root)
        return changed
    }

    deleteWhere(table: string, query: Query): number {
        const root = this.rootOf(table).name
        const where = this.compileWhere(table, query)
        const changes = this.run(`DELETE FROM ${q(root)}${where.sql}`, where.params).changes
        if (changes > 0) this.touched(root)
        return changes
    }

    getRow(table: string, sysId: string): Row | undefined {
        const where = this.compileWhere(table, { blocks: [[[{ field: 'sys_id', op: '=', value: sysId }]]], orderBy: [] })
        return this.get(`SELECT * FROM ${q(this.rootOf(table).name)}${where.sql}`, where.params)
    }

    select(table: string, query: Query, window: Window = {}): Row[] {
        const root = this.rootOf(table).name
        const where = this.compileWhere(table, query)
        if (where.none) return []
        const params = [...where.params]
        let sql = `SELECT * FROM ${q(root)}${where.sql}${this.compileOrder(table, query.orderBy)}`
        if (window.limit !== undefined || window.offset) {
            sql += ' LIMIT ? OFFSET ?'
            params.push(window.limit ?? -1, window.offset ?? 0)
        }
        return this.all(sql, params)
    }

    count(table: string, query: Query): number {
        const where = this.compileWhere(table, query)
        if (where.none) return 0
        return this.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${q(this.rootOf(table).name)}${where.sql}`, where.params)!.n
    }

    /** Rows with the group-by columns and one column per aggregate alias (numbers rendered as strings). */
    aggregate(table: string, query: Query, groupBy: string[], aggregates: AggregateSpec[]): Row[] {
        const where = this.compileWhere(table, query)
        if (where.none) return []
        const cols = this.columns(table)
        for (const g of groupBy) if (!cols.has(g)) return []
        const expr = (a: AggregateSpec): string => {
            if (a.fn === 'COUNT') return a.field && a.field !== '*' ? `COUNT(${q(a.field)})` : 'COUNT(*)'
            return `${a.fn}(CAST(${q(a.field!)} AS REAL))`
        }
        const select = [...groupBy.map(q), ...aggregates.map((a) => `${expr(a)} AS ${q(a.alias)}`)].join(', ')
        const group = groupBy.length ? ` GROUP BY ${groupBy.map(q).join(', ')}` : ''
        const order = query.orderBy.length ? this.compileOrder(table, query.orderBy) : groupBy.length ? ` ORDER BY ${groupBy.map(q).join(', ')}` : ''
        const rows = this.all<Record<string, unknown>>(`SELECT ${select} FROM ${q(this.rootOf(table).name)}${where.sql}${group}${order}`, where.params)
        return rows.map((r) => {
            const out: Row = {}
            for (const [k, v] of Object.entries(r)) out[k] = v === null || v === undefined ? null : String(v)
            return out
        })
    }

    // --- query compilation ---

    /** True when every field of the query exists on the table (the platform's invalid-query check). */
    invalidFields(table: string, query: Query): string[] {
        const cols = this.columns(table)
        const bad = new Set<string>()
        for (const block of query.blocks) for (const term of block) for (const c of term) if (!cols.has(c.field)) bad.add(c.field)
        for (const o of query.orderBy) if (!cols.has(o.field)) bad.add(o.field)
        return [...bad]
    }

    /**
     * WHERE clause for the table's rows (its class and extensions) matching the query. A query naming an
     * unknown field matches nothing (glide.invalid_query.returns_no_rows=true behaviour), reported as `none`.
     */
    compileWhere(table: string, query: Query): { sql: string; params: unknown[]; none: boolean } {
        const info = this.tables.get(table)
        if (!info) throw new Error(`Unknown table: ${table}`)
        if (this.invalidFields(table, query).length) return { sql: ' WHERE 0', params: [], none: true }
        const params: unknown[] = []
        const parts: string[] = []
        if (info.root !== table) {
            const classes = this.hierarchy(table)
            parts.push(`sys_class_name IN (${classes.map(() => '?').join(', ')})`)
            params.push(...classes)
        }
        const blocks = query.blocks.filter((b) => b.length > 0)
        if (blocks.length && blocks.length === query.blocks.length) {
            const sqlBlocks = blocks.map((block) => block.map((term) => `(${term.map((c) => this.compileCondition(table, c, params)).join(' OR ')})`).join(' AND '))
            parts.push(sqlBlocks.length === 1 ? sqlBlocks[0] : `(${sqlBlocks.map((b) => `(${b})`).join(' OR ')})`)
        }
        return { sql: parts.length ? ` WHERE ${parts.join(' AND ')}` : '', params, none: false }
    }

    private compileCondition(table: string, c: Condition, params: unknown[]): string {
        const col = this.column(table, c.field)!
        const numeric = isNumericType(col.type)
        const boolean = col.type === 'boolean'
        const norm = (v: string): string => (boolean ? normalizeBoolean(v) : v)
        const field = q(c.field)
        const lhs = numeric ? `CAST(${field} AS REAL)` : field
        const rhs = numeric ? 'CAST(? AS REAL)' : '?'
        const list = (Array.isArray(c.value) ? c.value : String(c.value ?? '').split(',')).map(norm)
        const scalar = Array.isArray(c.value) ? c.value.join(',') : (c.value ?? '')
        const like = (pattern: string): string => {
            params.push(pattern)
            return `${field} LIKE ? ESCAPE '\\'`
        }
        const escaped = scalar.replace(/[\\%_]/g, '\\$&')
        switch (c.op) {
            case '=':
                if (scalar === '') return `${field} IS NULL`
                params.push(norm(scalar))
                return `${lhs} = ${rhs}`
            case '!=':
                if (scalar === '') return `${field} IS NOT NULL`
                params.push(norm(scalar))
                return `(${field} IS NULL OR ${lhs} != ${rhs})`
            case '<':
            case '<=':
            case '>':
            case '>=':
                params.push(scalar)
                return `${lhs} ${c.op} ${rhs}`
            case 'IN':
                params.push(...list)
                return `${field} IN (${list.map(() => '?').join(', ')})`
            case 'NOT IN':
                params.push(...list)
                return `(${field} IS NULL OR ${field} NOT IN (${list.map(() => '?').join(', ')}))`
            case 'STARTSWITH':
                return like(`${escaped}%`)
            case 'ENDSWITH':
                return like(`%${escaped}`)
            case 'LIKE':
                return like(`%${escaped}%`)
            case 'NOT LIKE':
                params.push(`%${escaped}%`)
                return `(${field} IS NULL OR ${field} NOT LIKE ? ESCAPE '\\')`
            case 'ISEMPTY':
                return `${field} IS NULL`
            case 'ISNOTEMPTY':
                return `${field} IS NOT NULL`
        }
    }

    private compileOrder(table: string, orderBy: OrderBy[]): string {
        if (!orderBy.length) return ''
        const parts = orderBy.map((o) => {
            const col = this.column(table, o.field)!
            const expr = isNumericType(col.type) ? `CAST(${q(o.field)} AS REAL)` : q(o.field)
            return `${expr} ${o.desc ? 'DESC' : 'ASC'}`
        })
        return ` ORDER BY ${parts.join(', ')}`
    }

    // --- numbering and constraints ---

    /** The next number from the nearest sys_number record up the hierarchy (extensions share the counter). */
    nextNumber(table: string): string | null {
        let id = this.numberCategories.get(table)
        if (id === undefined) {
            id = null
            for (const t of this.ancestors(table)) {
                const rec = this.hasTable('sys_number') ? this.get<{ sys_id: string }>(`SELECT sys_id FROM ${this.sqlTable('sys_number')} WHERE category = ?`, [t]) : undefined
                if (rec) {
                    id = rec.sys_id
                    break
                }
            }
            this.numberCategories.set(table, id)
        }
        if (!id) return null
        const r = this.get<{ prefix: string; n: number; digits: string }>(
            `UPDATE ${this.sqlTable('sys_number')} SET number = CAST(number AS INTEGER) + 1 WHERE sys_id = ? RETURNING prefix, CAST(number AS INTEGER) - 1 AS n, maximum_digits AS digits`,
            [id],
        )!
        return `${r.prefix ?? ''}${String(r.n).padStart(Number(r.digits ?? 7), '0')}`
    }

    private describeConstraint(e: unknown, row: Row): string {
        const err = e as { code?: string; message?: string }
        if (err.code !== 'SQLITE_CONSTRAINT_UNIQUE' && err.code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw e
        const m = /UNIQUE constraint failed: (.*)$/.exec(err.message ?? '')
        const failedCols = m ? m[1].split(', ').map((s) => s.split('.')[1]) : []
        for (const idx of this.uniqueIndexes.values()) {
            if (idx.fields.join(',') === failedCols.join(',') && this.isA(row.sys_class_name ?? '', idx.table)) {
                return `Unique Key violation detected by database (Duplicate entry '${idx.fields.map((f) => row[f] ?? '').join('-')}' for key '${idx.name}')`
            }
        }
        return `Unique Key violation detected by database (Duplicate entry '${failedCols.map((f) => row[f] ?? '').join('-')}' for key 'PRIMARY')`
    }
}

/** Boolean fields store '1' / '0' as the platform's database does; 'true' / 'false' are accepted. */
export function normalizeBoolean(v: string): string {
    const s = v.toLowerCase()
    return s === 'true' || s === '1' ? '1' : s === 'false' || s === '0' ? '0' : v
}
