/**
 * The instance's record store: SQLite (better-sqlite3), table-per-hierarchy like the platform.
 *
 *   new Store(path = ':memory:', { strict } = switches())
 *   defineTable(def)                 registers a table (root tables get a SQL table; extensions add columns to
 *                                    their root's) and its indexes; idempotent, so a file database survives restarts
 *   schema                           the registry (store/schema.ts); these delegate to it:
 *     table(name) / hasTable(name) / tableNames() / columns(name) / column(name, field) / ancestors(name) /
 *     hierarchy(name) / isA(cls, ancestor) / defaults(name) / displayField(name)
 *   insert(table, values, by)        → { sysId, row } | { error }  (defaults, javascript: defaults, sys fields,
 *                                    numbering, write rules); by is a user name or { userName, sysId }
 *   insertMany(table, values[], by)  several records of one table in one statement (the field history of a write)
 *   insertIfMissing / upsert(table, values, by?)
 *   update(table, sysId, changes, by, previous?, autoSysFields?) → { sysId, row } | { error }
 *   delete(table, sysId) / deleteWhere(table, query) → count
 *   getRow(table, sysId) / select(table, query, window?) / count(table, query)
 *   isValidQuery(table, query)       every condition names a known field (dot-walks included) and operator
 *   sqlTable(table)                  the quoted SQL table holding the table's rows
 *   nextNumber(table)                the next record number (store/numbering.ts)
 *   addWriteRule(rule)               runs before every insert/update (the schema layer's platform behaviour)
 *   addChangeListener(tables, fn)    runs after every insert/update/delete of those tables' rows (records the
 *                                    platform keeps in step with others, e.g. inherited role rows)
 *   onQueryWarning                   receives the platform's warning for an invalid query (the runtime logs it)
 *   version(table)                   bumps on every write to the table's hierarchy; lets callers cache reads
 *   statementCount / resetStatementCount()   every SQL statement executed, for the benchmark
 *   run / all / get(sql, params)     raw SQL, counted; transaction(fn) / close()
 *
 * Every value is TEXT as GlideRecord.getValue returns it; empty is NULL. Query values are always bound.
 * Every column is declared COLLATE NOCASE: comparisons, sorting and unique indexes ignore case, as the
 * platform's database collation does (a file database made before that is rebuilt on open).
 * Invalid query conditions (unknown field, a term without a known operator) follow the platform's default:
 * dropped, the rest runs, a warning is logged; glide.invalid_query.returns_no_rows=true makes the query match
 * nothing; the strict switch makes it throw.
 */
import Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { switches } from '../fidelity.ts'
import { QUERY_MESSAGES } from '../messages.ts'
import { normalizeBoolean } from '../util/booleans.ts'
import { utcNow } from '../util/time.ts'
import { type CompileContext, compileOrder, compileWhere, dropInvalid, invalidConditions, quoteIdent as q } from './compile.ts'
import { evaluateDefaultScript } from './default-scripts.ts'
import { Numbering } from './numbering.ts'
import { encodeQuery, type Query } from './query.ts'
import { type ColumnDef, type IndexDef, type Row, SchemaRegistry, SYS_COLUMNS, type TableDef, type TableInfo } from './schema.ts'

export { normalizeBoolean } from '../util/booleans.ts'
export { utcNow } from '../util/time.ts'
export { type ColumnDef, type IndexDef, isNumericType, type Row, SYS_COLUMNS, type TableDef, type TableInfo, type Value } from './schema.ts'

export interface WriteContext {
    table: string
    op: 'insert' | 'update'
    /** The full row after the write; rules may change it. */
    row: Row
    previous?: Row
    store: Store
}
export type WriteRule = (ctx: WriteContext) => void

/** A written or deleted row, after the write (previous: the row before an update). */
export interface Change {
    table: string
    op: 'insert' | 'update' | 'delete'
    row: Row
    previous?: Row
}
export type ChangeListener = (change: Change) => void

/** Who writes: sys_created_by / sys_updated_by take the user name; javascript:gs.getUserID() defaults the sys_id. */
export type Actor = string | { userName: string; sysId: string | null }

/** The written row (all columns of the record's class) or the constraint violation that prevented the write. */
export type WriteResult = { sysId: string; row: Row; error?: undefined } | { sysId?: undefined; row?: undefined; error: string }

export interface Window {
    limit?: number
    offset?: number
}
export interface StoreOptions {
    /** Invalid query conditions throw instead of being dropped (fidelity.ts, LOCAL_INSTANCE_STRICT). */
    strict?: boolean
}

export function newSysId(): string {
    return randomBytes(16).toString('hex')
}

const actorName = (by: Actor): string => (typeof by === 'string' ? by : by.userName)
const actorSysId = (by: Actor): string | null => (typeof by === 'string' ? null : by.sysId)

export class Store {
    readonly db: Database.Database
    readonly schema = new SchemaRegistry()
    statementCount = 0
    /** Receives the platform's warning text for an invalid query that is dropped; the runtime writes it to syslog. */
    onQueryWarning: ((message: string) => void) | null = null
    private readonly strict: boolean
    private readonly sqlColumns = new Map<string, Set<string>>()
    private readonly statements = new Map<string, Database.Statement>()
    private readonly versions = new Map<string, number>()
    private readonly rules: WriteRule[] = []
    /** Change listeners by root table: a delete reads its rows first only where someone listens. */
    private readonly listeners = new Map<string, ChangeListener[]>()
    private readonly uniqueIndexes = new Map<string, { table: string; name: string; fields: string[] }>()
    private readonly numbering = new Numbering(this)
    private readonly pendingIndexes = new Map<string, Array<() => void>>()
    /** Indexes known to exist, so re-defining a table (or reopening a file database) skips the DDL. */
    private indexNames: Set<string>
    private readonly compileContext: CompileContext = { schema: this.schema, sqlTable: (table) => this.sqlTable(table) }

    constructor(path = ':memory:', options: StoreOptions = {}) {
        this.strict = options.strict ?? switches().strict
        this.db = new Database(path)
        this.db.pragma('journal_mode = WAL')
        this.db.pragma('synchronous = NORMAL')
        this.collateExistingTables()
        this.indexNames = this.existingIndexes()
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
        const isNew = !this.schema.hasTable(def.name)
        const { info, newColumns } = this.schema.define(def)
        if (isNew && !info.parent) {
            this.ensureIndex(def.name, `${def.name}__sys_class_name`, ['sys_class_name'], false)
            this.ensureIndex(def.name, `${def.name}__sys_updated_on`, ['sys_updated_on'], false)
        }
        for (const column of newColumns) this.ensureSqlColumn(info.root, column.name)
        if (this.columns(def.name).has('number')) this.ensureIndex(info.root, `${info.root}__number`, ['number'], false)
        for (const index of def.indexes ?? []) this.defineIndex(def.name, index)
        return info
    }

    private columnSql(name: string): string {
        return name === 'sys_id' ? `"sys_id" TEXT COLLATE NOCASE PRIMARY KEY` : `${q(name)} TEXT COLLATE NOCASE`
    }

    /**
     * Creates the hierarchy's SQL table on first use, with every column known by then: one CREATE TABLE
     * instead of an ALTER TABLE per column while the schema loads (ALTER re-parses the whole schema).
     */
    private materialize(root: string): void {
        if (this.sqlColumns.has(root)) return
        const names = new Set(SYS_COLUMNS.map((c) => c.name))
        for (const t of this.hierarchy(root)) for (const c of this.schema.table(t)!.own.keys()) names.add(c)
        this.exec(`CREATE TABLE IF NOT EXISTS ${q(root)} (${[...names].map((c) => this.columnSql(c)).join(', ')})`)
        const existing = new Set(this.all<{ name: string }>(`SELECT name FROM pragma_table_info(?)`, [root]).map((c) => c.name))
        this.sqlColumns.set(root, existing)
        for (const c of names) this.ensureSqlColumn(root, c)
        for (const index of this.pendingIndexes.get(root) ?? []) index()
        this.pendingIndexes.delete(root)
    }

    private ensureSqlColumn(root: string, column: string): void {
        const cols = this.sqlColumns.get(root)
        if (!cols || cols.has(column)) return
        this.exec(`ALTER TABLE ${q(root)} ADD COLUMN ${this.columnSql(column)}`)
        cols.add(column)
    }

    private existingIndexes(): Set<string> {
        return new Set(this.all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'index'`).map((r) => r.name))
    }

    /**
     * A file database written before columns were declared COLLATE NOCASE is copied into tables that are,
     * keeping every row; its indexes are re-created by defineTable.
     */
    private collateExistingTables(): void {
        const tables = this.all<{ name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
        for (const { name, sql } of tables) {
            if (sql.includes('COLLATE NOCASE')) continue
            const cols = this.all<{ name: string }>(`SELECT name FROM pragma_table_info(?)`, [name]).map((c) => c.name)
            const list = cols.map(q).join(', ')
            const old = q(`${name}__before_nocase`)
            this.transaction(() => {
                this.exec(`ALTER TABLE ${q(name)} RENAME TO ${old}`)
                this.exec(`CREATE TABLE ${q(name)} (${cols.map((c) => this.columnSql(c)).join(', ')})`)
                this.exec(`INSERT INTO ${q(name)} (${list}) SELECT ${list} FROM ${old}`)
                this.exec(`DROP TABLE ${old}`)
            })
        }
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
        this.exec(`CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${q(name)} ON ${q(root)} (${fields.map(q).join(', ')})${where}`)
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
        return this.schema.hasTable(name)
    }

    table(name: string): TableInfo | undefined {
        return this.schema.table(name)
    }

    tableNames(): string[] {
        return this.schema.tableNames()
    }

    ancestors(name: string): string[] {
        return this.schema.ancestors(name)
    }

    hierarchy(name: string): string[] {
        return this.schema.hierarchy(name)
    }

    isA(cls: string, ancestor: string): boolean {
        return this.schema.isA(cls, ancestor)
    }

    columns(name: string): Map<string, ColumnDef> {
        return this.schema.columns(name)
    }

    column(table: string, field: string): ColumnDef | undefined {
        return this.schema.column(table, field)
    }

    defaults(name: string): Record<string, string> {
        return this.schema.defaults(name)
    }

    displayField(name: string): string | undefined {
        return this.schema.displayField(name)
    }

    addWriteRule(rule: WriteRule): void {
        this.rules.push(rule)
    }

    addChangeListener(tables: string[], listener: ChangeListener): void {
        for (const table of tables) {
            const root = this.rootOf(table)
            this.listeners.set(root, [...(this.listeners.get(root) ?? []), listener])
        }
    }

    private changed(root: string, change: Change): void {
        for (const listener of this.listeners.get(root) ?? []) listener(change)
    }

    version(table: string): number {
        return this.versions.get(this.table(table)?.root ?? table) ?? 0
    }

    private touched(root: string): void {
        this.versions.set(root, (this.versions.get(root) ?? 0) + 1)
        if (root === 'sys_number') this.numbering.forget()
    }

    // --- records ---

    private rootOf(table: string): string {
        const info = this.table(table)
        if (!info) throw new Error(`Unknown table: ${table}`)
        this.materialize(info.root)
        return info.root
    }

    sqlTable(table: string): string {
        return q(this.rootOf(table))
    }

    nextNumber(table: string): string | null {
        return this.numbering.next(table)
    }

    /**
     * Inserts a record. Missing fields get their dictionary defaults (javascript: defaults evaluated where the
     * local instance knows the script, store/default-scripts.ts); an empty `number` gets the next number.
     */
    insert(table: string, values: Row, by: Actor): WriteResult {
        const root = this.rootOf(table)
        const cols = this.columns(table)
        const row = this.newRow(table, values, by)
        const names = Object.keys(row).filter((k) => cols.has(k))
        const sql = `INSERT INTO ${q(root)} (${names.map(q).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`
        try {
            this.run(sql, names.map((n) => row[n]))
        } catch (e) {
            return { error: this.describeConstraint(e, row) }
        }
        this.touched(root)
        this.changed(root, { table, op: 'insert', row })
        return { sysId: row.sys_id!, row }
    }

    /**
     * Several records of one table in one statement, each as insert() makes it: for the platform's own bookkeeping
     * rows a single write produces many of (field history). Throws when the database refuses them.
     */
    insertMany(table: string, values: Row[], by: Actor): void {
        if (values.length === 0) return
        const root = this.rootOf(table)
        const cols = this.columns(table)
        const rows = values.map((v) => this.newRow(table, v, by))
        const names = [...cols.keys()].filter((name) => rows.some((row) => row[name] !== undefined))
        const tuple = `(${names.map(() => '?').join(', ')})`
        this.run(`INSERT INTO ${q(root)} (${names.map(q).join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`, rows.flatMap((row) => names.map((n) => row[n] ?? null)))
        this.touched(root)
        for (const row of rows) this.changed(root, { table, op: 'insert', row })
    }

    /** A new record's full row: values, dictionary defaults, system fields, number, then the write rules. */
    private newRow(table: string, values: Row, by: Actor): Row {
        const cols = this.columns(table)
        const defaults = this.defaults(table)
        const now = utcNow()
        const scriptContext = { table, userSysId: actorSysId(by), now, nextNumber: () => this.nextNumber(table) }
        const row: Row = {}
        for (const [name, col] of cols) {
            const v = values[name]
            if (v !== undefined) row[name] = v
            else if (defaults[name] !== undefined) row[name] = defaults[name]
            else row[name] = col.defaultScript ? evaluateDefaultScript(col.defaultScript, scriptContext) : null
            if (col.type === 'boolean' && row[name] !== null) row[name] = normalizeBoolean(row[name]!)
        }
        row.sys_id = row.sys_id || newSysId()
        row.sys_class_name = table
        row.sys_created_on = row.sys_created_on || now
        row.sys_updated_on = row.sys_updated_on || now
        row.sys_created_by = row.sys_created_by || actorName(by)
        row.sys_updated_by = row.sys_updated_by || actorName(by)
        row.sys_mod_count = row.sys_mod_count ?? '0'
        if (cols.has('number') && !row.number) row.number = this.nextNumber(table)
        for (const rule of this.rules) rule({ table, op: 'insert', row, store: this })
        return row
    }

    /** Inserts the record unless one with this sys_id exists (for idempotent seeding). */
    insertIfMissing(table: string, values: Row & { sys_id: string }, by: Actor = 'system'): void {
        if (!this.get(`SELECT 1 AS x FROM ${this.sqlTable(table)} WHERE sys_id = ?`, [values.sys_id])) this.insert(table, values, by)
    }

    /** Inserts or overwrites (by sys_id) the given fields, as an update set's INSERT_OR_UPDATE does. */
    upsert(table: string, values: Row & { sys_id: string }, by: Actor = 'system'): WriteResult {
        const existing = this.get(`SELECT * FROM ${this.sqlTable(table)} WHERE sys_id = ?`, [values.sys_id])
        if (!existing) return this.insert(table, values, by)
        return this.update(table, values.sys_id, values, by, existing)
    }

    /** autoSysFields false (GlideRecord.autoSysFields) leaves sys_updated_on/by and sys_mod_count alone. */
    update(table: string, sysId: string, changes: Row, by: Actor, previous?: Row, autoSysFields = true): WriteResult {
        const root = this.rootOf(table)
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
            row.sys_updated_by = actorName(by)
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
        this.changed(root, { table: cls, op: 'update', row, previous: before })
        return { sysId, row }
    }

    delete(table: string, sysId: string): boolean {
        const root = this.rootOf(table)
        const row = this.listeners.has(root) ? this.get(`SELECT * FROM ${q(root)} WHERE sys_id = ?`, [sysId]) : undefined
        const changed = this.run(`DELETE FROM ${q(root)} WHERE sys_id = ?`, [sysId]).changes > 0
        if (changed) this.touched(root)
        if (changed && row) this.changed(root, { table: row.sys_class_name ?? table, op: 'delete', row })
        return changed
    }

    deleteWhere(table: string, query: Query): number {
        const where = this.compileWhere(table, query)
        if (where.none) return 0
        const root = this.rootOf(table)
        const rows = this.listeners.has(root) ? this.all(`SELECT * FROM ${q(root)}${where.sql}`, where.params) : []
        const changes = this.run(`DELETE FROM ${q(root)}${where.sql}`, where.params).changes
        if (changes > 0) this.touched(root)
        for (const row of rows) this.changed(root, { table: row.sys_class_name ?? table, op: 'delete', row })
        return changes
    }

    getRow(table: string, sysId: string): Row | undefined {
        return this.select(table, { blocks: [[[{ field: 'sys_id', op: '=', value: sysId }]]], orderBy: [] }, { limit: 1 })[0]
    }

    select(table: string, query: Query, window: Window = {}): Row[] {
        const where = this.compileWhere(table, query)
        if (where.none) return []
        const params = [...where.params]
        let sql = `SELECT * FROM ${this.sqlTable(table)}${where.sql}${compileOrder(this.compileContext, table, query.orderBy)}`
        if (window.limit !== undefined || window.offset) {
            // The limit as a literal: with a bound LIMIT SQLite re-prepares the statement on every run, as with a
            // bound class above. One cached statement per limit in use.
            sql += ` LIMIT ${Math.trunc(Number(window.limit ?? -1))} OFFSET ?`
            params.push(window.offset ?? 0)
        }
        return this.all(sql, params)
    }

    count(table: string, query: Query): number {
        const where = this.compileWhere(table, query)
        if (where.none) return 0
        return this.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${this.sqlTable(table)}${where.sql}`, where.params)!.n
    }

    // --- queries ---

    /**
     * WHERE clause for the table's rows (its class and extensions) matching the query, after the platform's
     * handling of invalid conditions; `none` when the query matches nothing (returns_no_rows).
     */
    private compileWhere(table: string, query: Query): { sql: string; params: unknown[]; none: boolean } {
        if (!this.hasTable(table)) throw new Error(`Unknown table: ${table}`)
        const valid = this.validQuery(table, query)
        if (!valid) return { sql: ' WHERE 0', params: [], none: true }
        return { ...compileWhere(this.compileContext, table, valid), none: false }
    }

    /** True when every condition of the query names a known field and operator of the table. */
    isValidQuery(table: string, query: Query): boolean {
        return this.hasTable(table) && invalidConditions(this.schema, table, query).length === 0
    }

    /** The query as the platform runs it, null when it matches nothing (glide.invalid_query.returns_no_rows). */
    private validQuery(table: string, query: Query): Query | null {
        const problems = invalidConditions(this.schema, table, query)
        if (!problems.length) return query
        if (this.strict) throw new Error(QUERY_MESSAGES.strictInvalidQuery.text(table, problems, encodeQuery(query)))
        this.onQueryWarning?.(QUERY_MESSAGES.invalidQuery.text(problems))
        if (this.property('glide.invalid_query.returns_no_rows') === 'true') return null
        return dropInvalid(this.schema, table, query)
    }

    private property(name: string): string | null {
        if (!this.hasTable('sys_properties')) return null
        return this.get(`SELECT value FROM ${this.sqlTable('sys_properties')} WHERE name = ?`, [name])?.value ?? null
    }

    // --- constraints ---

    private describeConstraint(e: unknown, row: Row): string {
        const err = e as { code?: string; message?: string }
        if (err.code !== 'SQLITE_CONSTRAINT_UNIQUE' && err.code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw e
        const m = /UNIQUE constraint failed: (.*)$/.exec(err.message ?? '')
        const failedCols = m ? m[1].split(', ').map((s) => s.split('.')[1]) : []
        const entry = (fields: string[]): string => fields.map((f) => row[f] ?? '').join('-')
        for (const idx of this.uniqueIndexes.values()) {
            if (idx.fields.join(',') === failedCols.join(',') && this.isA(row.sys_class_name ?? '', idx.table)) return QUERY_MESSAGES.uniqueViolation.text(entry(idx.fields), idx.name)
        }
        return QUERY_MESSAGES.uniqueViolation.text(entry(failedCols), 'PRIMARY')
    }
}
