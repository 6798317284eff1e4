/**
 * GlideRecord, GlideRecordSecure, GlideElement and GlideQueryCondition over the active runtime's store.
 *
 * GlideRecord(table): addQuery(field, value) | (field, op, value) | (encodedQuery) → GlideQueryCondition
 *   (addOrCondition, addCondition); addEncodedQuery; addNullQuery / addNotNullQuery; addActiveQuery /
 *   addInactiveQuery; orderBy / orderByDesc; setLimit; chooseWindow(first, last); query(); next(); hasNext();
 *   get(sysId) | get(field, value); getValue (string or null); setValue; getDisplayValue(field?);
 *   getUniqueValue; getTableName; getRecordClassName; getRowCount; initialize; newRecord; insert (sys_id, or
 *   null on a unique-index violation, logged and added as an error message, see getLastErrorMessage);
 *   update; deleteRecord; deleteMultiple and updateMultiple (without business rules); isValid; isValidRecord; isNewRecord; isValidField;
 *   canRead / canWrite / canCreate / canDelete (the runtime's ACL hook); getEncodedQuery; getElement;
 *   getLabel; getLink; autoSysFields; setWorkflow (business rules off); setAbortAction (from a before rule).
 *   insert, update and deleteRecord run the table's before and after business rules.
 *   Fields are properties: `gr.state` is a GlideElement, `gr.state = 3` sets the value (a Proxy).
 *
 * Queries on a table return rows of every class extending it; getRecordClassName() is the row's class.
 * A query naming an unknown field or operator returns no rows and logs a warning: the emulator behaves as an
 * instance with glide.invalid_query.returns_no_rows=true (the platform default ignores the condition, which
 * turns a typo into "every row", also for deleteMultiple).
 *
 * GlideRecordSecure: the same, with the ACL hook enforced (unreadable rows skipped, writes refused).
 */
import { randomBytes, scryptSync } from 'node:crypto'
import { andQuery, type Condition, emptyQuery, encodeQuery, isOperator, type Operator, parseEncodedQuery, type Query, type Term } from '../store/query.ts'
import { newSysId, normalizeBoolean, type Row } from '../store/store.ts'
import { GlideDateTime } from './GlideDateTime.ts'
import { writeLog } from './gs.ts'
import { actorName, host } from './session.ts'

/** The scrypt format runtime.hashPassword writes and the instance's login checks. */
function hashOneWay(secret: string): string {
    const salt = randomBytes(16)
    return `scrypt$${salt.toString('hex')}$${scryptSync(secret, salt, 32).toString('hex')}`
}

interface ValueHolder {
    getValue(): string | null
}

/** What setValue stores: strings as getValue returns them, empty as null. */
function toStored(value: unknown, type?: string): string | null {
    if (value === null || value === undefined) return null
    let v: string | null
    if (value instanceof GlideRecord) v = value.getUniqueValue()
    else if (typeof value === 'object' && typeof (value as ValueHolder).getValue === 'function') v = (value as ValueHolder).getValue()
    else if (value instanceof Date) v = value.toISOString().slice(0, 19).replace('T', ' ')
    else v = String(value)
    if (v === null || v === '') return null
    return type === 'boolean' ? normalizeBoolean(v) : v
}

/** A query value as text, for conditions. */
function toQueryValue(value: unknown): string {
    if (value === null || value === undefined) return ''
    if (value instanceof GlideRecord) return value.getUniqueValue()
    if (typeof value === 'object' && typeof (value as ValueHolder).getValue === 'function') return (value as ValueHolder).getValue() ?? ''
    return String(value)
}

const OPERATOR_ALIASES: Record<string, Operator> = { CONTAINS: 'LIKE', 'DOES NOT CONTAIN': 'NOT LIKE', 'NOT CONTAINS': 'NOT LIKE' }

export class GlideQueryCondition {
    constructor(
        private readonly gr: GlideRecord,
        private readonly term: Term,
    ) {}

    addOrCondition(field: string, operatorOrValue?: unknown, value?: unknown): GlideQueryCondition {
        this.term.push(this.gr._condition(field, operatorOrValue, value, arguments.length))
        return this
    }

    addCondition(field: string, operatorOrValue?: unknown, value?: unknown): GlideQueryCondition {
        return this.gr.addQuery(field, operatorOrValue, ...(arguments.length > 2 ? [value] : []))
    }
}

export class GlideElement {
    constructor(
        private readonly gr: GlideRecord,
        private readonly name: string,
    ) {}

    getName(): string {
        return this.name
    }

    getTableName(): string {
        return this.gr.getTableName()
    }

    getValue(): string | null {
        return this.gr.getValue(this.name)
    }

    setValue(value: unknown): void {
        this.gr.setValue(this.name, value)
    }

    getDisplayValue(): string {
        return this.gr.getDisplayValue(this.name)
    }

    setDisplayValue(value: string): void {
        this.gr._setDisplayValue(this.name, value)
    }

    /** Booleans read 'true' / 'false'; an empty field reads ''. */
    toString(): string {
        const v = this.getValue()
        if (this.internalType() === 'boolean') return v === '1' ? 'true' : 'false'
        return v ?? ''
    }

    nil(): boolean {
        const v = this.getValue()
        return v === null || v === ''
    }

    changes(): boolean {
        return this.gr._changed(this.name)
    }

    changesTo(value: unknown): boolean {
        return this.changes() && this.getValue() === toStored(value, this.internalType())
    }

    changesFrom(value: unknown): boolean {
        return this.changes() && this.gr._previous(this.name) === toStored(value, this.internalType())
    }

    getReferenceTable(): string | null {
        return this.column()?.reference ?? null
    }

    getRefRecord(): GlideRecord {
        const table = this.getReferenceTable()
        if (!table) throw new Error(`${this.gr.getTableName()}.${this.name} is not a reference field`)
        const ref = new GlideRecord(table)
        const v = this.getValue()
        if (v) ref.get(v)
        return ref
    }

    getLabel(): string {
        return this.column()?.label ?? this.name
    }

    getED(): { getName(): string; getLabel(): string; getInternalType(): string; isMandatory(): boolean } {
        return { getName: () => this.name, getLabel: () => this.getLabel(), getInternalType: () => this.internalType(), isMandatory: () => !!this.column()?.mandatory }
    }

    getChoices(): string[] {
        return [...choiceLabels(this.gr.getTableName(), this.name).keys()]
    }

    getGlideObject(): GlideDateTime | null {
        return this.internalType().includes('date') ? new GlideDateTime(this.getValue()) : null
    }

    dateNumericValue(): number {
        return new GlideDateTime(this.getValue()).getNumericValue()
    }

    canRead(): boolean {
        return this.gr.canRead()
    }

    canWrite(): boolean {
        return this.gr.canWrite()
    }

    canCreate(): boolean {
        return this.gr.canCreate()
    }

    private column() {
        return host().store.column(this.gr.getTableName(), this.name)
    }

    private internalType(): string {
        return this.column()?.type ?? 'string'
    }
}

/** Choice value → label for a field, looked up on the table then its ancestors (as dictionary overrides). */
function choiceLabels(table: string, field: string): Map<string, string> {
    const h = host()
    const key = `choices:${table}.${field}`
    const version = h.store.version('sys_choice')
    const cached = h.cache.get(key) as { version: number; map: Map<string, string> } | undefined
    if (cached?.version === version) return cached.map
    let map = new Map<string, string>()
    for (const t of h.store.ancestors(table)) {
        const rows = h.store.all<{ value: string; label: string | null }>(
            `SELECT value, label FROM ${h.store.sqlTable('sys_choice')} WHERE name = ? AND element = ? AND (language IS NULL OR language = 'en') AND (inactive IS NULL OR inactive != '1') ORDER BY CAST(sequence AS REAL)`,
            [t, field],
        )
        if (rows.length) {
            map = new Map(rows.map((r) => [r.value, r.label ?? r.value]))
            break
        }
    }
    h.cache.set(key, { version, map })
    return map
}

/**
 * The display value of the record `sysId` in `table` (its display column), '' when there is none.
 * Cached per table version: a list of tickets naming the same group reads that group once, as the
 * platform's reference display cache does.
 */
function referenceDisplay(table: string, sysId: string): string {
    const h = host()
    if (!h.store.hasTable(table)) return sysId
    const key = `reference-display:${table}`
    const version = h.store.version(table)
    let cached = h.cache.get(key) as { version: number; map: Map<string, string> } | undefined
    if (cached?.version !== version) {
        cached = { version, map: new Map() }
        h.cache.set(key, cached)
    }
    let display = cached.map.get(sysId)
    if (display === undefined) {
        display = readReferenceDisplay(table, sysId)
        cached.map.set(sysId, display)
    }
    return display
}

function readReferenceDisplay(table: string, sysId: string): string {
    const store = host().store
    const field = store.displayField(table)
    const row = store.getRow(table, sysId)
    if (!row) return ''
    return field ? displayValueOf(table, field, row[field] ?? null) : ''
}

export function displayValueOf(table: string, field: string, value: string | null): string {
    if (value === null) return ''
    const col = host().store.column(table, field)
    if (!col) return value
    if (col.type === 'boolean') return value === '1' ? 'true' : 'false'
    if (col.reference) return referenceDisplay(col.reference, value)
    return choiceLabels(table, field).get(value) ?? value
}

export class GlideRecord {
    [field: string]: any
    protected _table: string
    protected _query: Query = emptyQuery()
    protected _invalid: string[] = []
    protected _limit: number | undefined
    protected _offset: number | undefined
    protected _rows: Row[] = []
    protected _index = -1
    /** The current record as read (or the new record's initial values). */
    protected _row: Row | null = {}
    /** Values set since the record was read. */
    protected _changes: Row = {}
    protected _isNew = true
    protected _lastError = ''
    protected _secure = false
    protected _autoSysFields = true
    protected _workflow = true
    protected _aborted = false
    private _elements = new Map<string, GlideElement>()

    constructor(table: string) {
        this._table = table
        return new Proxy(this, {
            get(target, prop, receiver) {
                if (typeof prop !== 'string' || prop in target) return Reflect.get(target, prop, receiver)
                return target._isField(prop) ? target.getElement(prop) : undefined
            },
            set(target, prop, value, receiver) {
                if (typeof prop === 'string' && !(prop in target) && target._isField(prop)) {
                    target.setValue(prop, value)
                    return true
                }
                return Reflect.set(target, prop, value, receiver)
            },
        })
    }

    // --- table ---

    getTableName(): string {
        return this._table
    }

    isValid(): boolean {
        return host().store.hasTable(this._table)
    }

    getRecordClassName(): string {
        return this._row?.sys_class_name ?? this._table
    }

    getLabel(): string {
        return host().store.table(this._table)?.label ?? this._table
    }

    getClassDisplayValue(): string {
        return host().store.table(this.getRecordClassName())?.label ?? this.getRecordClassName()
    }

    isValidField(field: string): boolean {
        return this._isField(field)
    }

    _isField(field: string): boolean {
        const store = host().store
        return store.hasTable(this._table) && store.columns(this._table).has(field)
    }

    getElement(field: string): GlideElement | null {
        if (!this._isField(field)) return null
        let el = this._elements.get(field)
        if (!el) this._elements.set(field, (el = new GlideElement(this, field)))
        return el
    }

    getElements(): GlideElement[] {
        if (!this.isValid()) return []
        return [...host().store.columns(this._table).keys()].map((f) => this.getElement(f)!)
    }

    // --- query building ---

    _condition(field: string, operatorOrValue: unknown, value: unknown, argc: number): Condition {
        if (argc <= 2) return { field, op: '=', value: toQueryValue(operatorOrValue) }
        const raw = String(operatorOrValue).toUpperCase().trim()
        const op = OPERATOR_ALIASES[raw] ?? raw
        if (!isOperator(op)) {
            this._invalid.push(`invalid operator '${String(operatorOrValue)}'`)
            return { field, op: '=', value: toQueryValue(value) }
        }
        if (op === 'IN' || op === 'NOT IN') {
            const list = Array.isArray(value) ? value.map(toQueryValue) : toQueryValue(value).split(',')
            return { field, op, value: list }
        }
        return { field, op, value: toQueryValue(value) }
    }

    private _addTerm(term: Term): GlideQueryCondition {
        for (const block of this._query.blocks) block.push(term)
        return new GlideQueryCondition(this, term)
    }

    addQuery(field: string, operatorOrValue?: unknown, value?: unknown): GlideQueryCondition {
        if (arguments.length === 1) {
            this.addEncodedQuery(field)
            return new GlideQueryCondition(this, [])
        }
        return this._addTerm([this._condition(field, operatorOrValue, value, arguments.length)])
    }

    addEncodedQuery(query: string): void {
        if (!query) return
        this._query = andQuery(this._query, parseEncodedQuery(String(query)))
    }

    addNullQuery(field: string): GlideQueryCondition {
        return this._addTerm([{ field, op: 'ISEMPTY', value: null }])
    }

    addNotNullQuery(field: string): GlideQueryCondition {
        return this._addTerm([{ field, op: 'ISNOTEMPTY', value: null }])
    }

    addActiveQuery(): GlideQueryCondition {
        return this._addTerm([{ field: 'active', op: '=', value: '1' }])
    }

    addInactiveQuery(): GlideQueryCondition {
        return this._addTerm([{ field: 'active', op: '=', value: '0' }])
    }

    orderBy(field: string): void {
        this._query.orderBy.push({ field, desc: false })
    }

    orderByDesc(field: string): void {
        this._query.orderBy.push({ field, desc: true })
    }

    setLimit(limit: number): void {
        this._limit = limit
    }

    /** Rows first..last-1 of the result (zero-based, last exclusive), as on the platform. */
    chooseWindow(first: number, last: number): void {
        this._offset = first
        this._limit = Math.max(0, last - first)
    }

    getEncodedQuery(): string {
        return encodeQuery(this._query)
    }

    /** Why the current query matches nothing regardless of data, or null when it is valid. */
    protected _invalidReason(): string | null {
        const store = host().store
        if (!store.hasTable(this._table)) return `Invalid table name ${this._table}`
        const bad = store.invalidFields(this._table, this._query)
        const reasons = [...this._invalid, ...bad.map((f) => `invalid field name '${f}'`)]
        return reasons.length ? reasons.join(', ') : null
    }

    query(field?: string, value?: unknown): void {
        if (field !== undefined) this.addQuery(field, value)
        this._index = -1
        this._row = null
        this._changes = {}
        const reason = this._invalidReason()
        if (reason) {
            writeLog('warn', `Invalid query detected, returning no rows (glide.invalid_query.returns_no_rows=true) [${this._table}: ${reason}]`)
            this._rows = []
            return
        }
        host().checkTableAccess?.('read', this._table)
        const rows = host().store.select(this._table, this._query, { limit: this._limit, offset: this._offset })
        this._rows = this._secure ? rows.filter((r) => host().canAccess('read', this._table, { sys_id: r.sys_id })) : rows
    }

    next(): boolean {
        this._changes = {}
        this._isNew = false
        if (this._index + 1 >= this._rows.length) {
            this._index = this._rows.length
            this._row = null
            return false
        }
        this._row = this._rows[++this._index]
        return true
    }

    hasNext(): boolean {
        return this._index + 1 < this._rows.length
    }

    getRowCount(): number {
        return this._rows.length
    }

    /** get(sysId) or get(field, value): the first matching record becomes current; false when none. */
    get(fieldOrSysId: unknown, value?: unknown): boolean {
        const byField = arguments.length > 1
        const field = byField ? String(fieldOrSysId) : 'sys_id'
        const v = toQueryValue(byField ? value : fieldOrSysId)
        this._query = emptyQuery()
        this._invalid = []
        this._offset = undefined
        this._limit = 1
        if (v === '') {
            this._rows = []
            this._row = null
            return false
        }
        this.addQuery(field, v)
        this.query()
        return this.next()
    }

    // --- current record ---

    _value(field: string): string | null {
        if (field in this._changes) return this._changes[field]
        return this._row?.[field] ?? null
    }

    _changed(field: string): boolean {
        return field in this._changes && this._changes[field] !== (this._row?.[field] ?? null)
    }

    _previous(field: string): string | null {
        return this._row?.[field] ?? null
    }

    getValue(field: string): string | null {
        if (!this._isField(field)) return null
        return this._value(field)
    }

    setValue(field: string, value: unknown): void {
        const col = host().store.column(this._table, field)
        if (!col) return
        if (!this._row) this._row = {}
        this._changes[field] = toStored(value, col.type)
    }

    _setDisplayValue(field: string, display: string): void {
        const store = host().store
        const col = store.column(this._table, field)
        if (!col) return
        if (col.type === 'password' || col.type === 'password2') {
            // A password set through its display value is never stored as given: the platform hashes one-way
            // passwords and encrypts password2 fields. The local instance hashes both (nothing reads a
            // password2 value back: the OAuth server only verifies client secrets).
            this.setValue(field, display ? hashOneWay(display) : null)
            return
        }
        if (col.reference && store.hasTable(col.reference)) {
            const displayField = store.displayField(col.reference)
            const match = displayField ? store.select(col.reference, { blocks: [[[{ field: displayField, op: '=', value: display }]]], orderBy: [] }, { limit: 1 })[0] : undefined
            this.setValue(field, match?.sys_id ?? null)
            return
        }
        const byLabel = [...choiceLabels(this._table, field)].find(([, label]) => label === display)
        this.setValue(field, byLabel ? byLabel[0] : display)
    }

    /** With a field: the field's display value. Without: the record's display value (its display column). */
    getDisplayValue(field?: string): string {
        if (field === undefined) {
            const display = host().store.displayField(this._table)
            return display ? this.getDisplayValue(display) : ''
        }
        if (!this._isField(field)) return ''
        return displayValueOf(this._table, field, this._value(field))
    }

    getUniqueValue(): string {
        return this._value('sys_id') ?? ''
    }

    isValidRecord(): boolean {
        return !this._isNew && this._row !== null && !!this._row.sys_id
    }

    isNewRecord(): boolean {
        return this._isNew
    }

    /** An empty record for population before insert(). */
    initialize(): void {
        this._row = {}
        this._changes = {}
        this._isNew = true
        this._index = -1
    }

    /** A new record with its default values and a new sys_id. */
    newRecord(): void {
        this.initialize()
        const defaults = host().store.defaults(this._table)
        for (const [k, v] of Object.entries(defaults)) this._changes[k] = v
        this.setNewGuid()
    }

    setNewGuid(): string {
        const id = newSysId()
        this._changes.sys_id = id
        return id
    }

    setNewGuidValue(guid: string): void {
        this._changes.sys_id = guid
    }

    getLastErrorMessage(): string {
        return this._lastError
    }

    insert(): string | null {
        if (!this.isValid()) return null
        if (this._secure && !this.canCreate()) return this._fail(`Security restricted: create on ${this._table} not allowed`)
        host().checkTableAccess?.('create', this._table)
        if (!this._runRules('before', 'insert', null)) return this._fail('Invalid insert')
        const values: Row = { ...(this._row ?? {}), ...this._changes }
        if (!this._isNew) for (const f of ['sys_id', 'number', 'sys_created_on', 'sys_created_by', 'sys_updated_on', 'sys_updated_by', 'sys_mod_count']) delete values[f]
        const result = host().store.insert(this._table, values, actorName())
        if (result.error !== undefined) return this._fail(result.error)
        this._lastError = ''
        this._row = result.row
        this._changes = {}
        this._isNew = false
        this._runRules('after', 'insert', null)
        return result.sysId
    }

    /** Writes the changed fields; a new record is inserted. Returns the sys_id, null when refused. */
    update(): string | null {
        if (this._isNew) return this.insert()
        if (!this._row?.sys_id) return null
        if (this._secure && !this.canWrite()) return this._fail(`Security restricted: write on ${this._table} not allowed`)
        host().checkTableAccess?.('write', this._table)
        const previous = this._snapshot()
        if (!this._runRules('before', 'update', previous)) return this._fail('Invalid update')
        const changes: Row = {}
        for (const f of Object.keys(this._changes)) if (this._changed(f)) changes[f] = this._changes[f]
        if (Object.keys(changes).length === 0) return this._row.sys_id
        const result = host().store.update(this.getRecordClassName(), this._row.sys_id, changes, actorName(), this._row, this._autoSysFields)
        if (result.error !== undefined) return this._fail(result.error)
        this._lastError = ''
        this._row = result.row
        this._changes = {}
        this._runRules('after', 'update', previous)
        return result.sysId
    }

    /** The record as it was read, for a business rule's `previous`: the same table as `current`, so both see the same fields. */
    private _snapshot(): GlideRecord {
        const previous = new GlideRecord(this._table)
        previous._row = { ...(this._row ?? {}) }
        previous._isNew = false
        return previous
    }

    /** Runs the table's business rules unless setWorkflow(false); false when one aborted the action. */
    private _runRules(when: 'before' | 'after', action: 'insert' | 'update' | 'delete', previous: GlideRecord | null): boolean {
        const run = host().runBusinessRules
        if (!this._workflow || !run) return true
        this._aborted = false
        run.call(host(), when, action, this, previous)
        return !this._aborted
    }

    private _fail(message: string): null {
        this._lastError = message
        writeLog('error', message)
        host().session.errorMessages.push(message)
        return null
    }

    deleteRecord(): boolean {
        const id = this._row?.sys_id
        if (!id || this._isNew) return false
        if (this._secure && !this.canDelete()) return false
        host().checkTableAccess?.('delete', this._table)
        const previous = this._snapshot()
        if (!this._runRules('before', 'delete', previous)) return false
        if (!host().store.delete(this._table, id)) return false
        this._runRules('after', 'delete', previous)
        return true
    }

    /** Deletes every record matching the query (without calling query()); nothing when the query is invalid. */
    deleteMultiple(): void {
        if (this._invalidReason() !== null) {
            this.query()
            return
        }
        host().checkTableAccess?.('delete', this._table)
        const store = host().store
        if (this._limit === undefined && !this._offset && !this._secure) {
            store.deleteWhere(this._table, this._query)
            return
        }
        this.query()
        store.transaction(() => {
            for (const row of this._rows) if (!this._secure || this.canDelete()) store.delete(this._table, row.sys_id!)
        })
    }

    /** Applies the values set on this GlideRecord to every record matching the query. */
    updateMultiple(): void {
        const changes = { ...this._changes }
        host().checkTableAccess?.('write', this._table)
        this.query()
        const store = host().store
        const by = actorName()
        store.transaction(() => {
            for (const row of this._rows) store.update(row.sys_class_name ?? this._table, row.sys_id!, changes, by, row, this._autoSysFields)
        })
        this._changes = {}
    }

    // --- security (the ACL hook; full ACL evaluation is the runtime's) ---

    canRead(): boolean {
        return host().canAccess('read', this._table, this._row?.sys_id ? { sys_id: this._row.sys_id } : undefined)
    }

    canWrite(): boolean {
        return host().canAccess('write', this._table, this._row?.sys_id ? { sys_id: this._row.sys_id } : undefined)
    }

    canCreate(): boolean {
        return host().canAccess('create', this._table)
    }

    canDelete(): boolean {
        return host().canAccess('delete', this._table, this._row?.sys_id ? { sys_id: this._row.sys_id } : undefined)
    }

    getLink(): string {
        return `${this.getRecordClassName()}.do?sys_id=${this.getUniqueValue()}`
    }

    /** false: business rules do not run for this record's writes. */
    setWorkflow(enabled: boolean): void {
        this._workflow = enabled
    }

    /** false: update() leaves sys_updated_on, sys_updated_by and sys_mod_count as they are (or as set). */
    autoSysFields(enabled: boolean): void {
        this._autoSysFields = enabled
    }

    /** From a before business rule: the insert, update or delete does not happen. */
    setAbortAction(abort: boolean): void {
        this._aborted = abort
    }
}

export class GlideRecordSecure extends GlideRecord {
    constructor(table: string) {
        super(table)
        this._secure = true
    }
}
