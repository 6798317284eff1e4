/**
 * GlideRecord and GlideRecordSecure (scoped) over the active runtime's store. The parts live in record/:
 * values (stored form), display values, GlideElement, query conditions and the write order.
 *
 * GlideRecord(table): addQuery(field, value) | (field, op, value) | (encodedQuery) → GlideQueryCondition
 *   (addOrCondition, addCondition); addEncodedQuery; addNullQuery / addNotNullQuery; addActiveQuery /
 *   addInactiveQuery; orderBy / orderByDesc; setLimit; chooseWindow(first, last); query() / _query(); next() /
 *   _next(); hasNext(); get(sysId) | get(field, value) / _get; getValue (string or null); setValue;
 *   getDisplayValue(field?); getUniqueValue; getTableName; getRecordClassName; getRowCount; initialize;
 *   newRecord; insert (sys_id, or null on a unique-index violation, logged and added as an error message, see
 *   getLastErrorMessage); update; deleteRecord; deleteMultiple and updateMultiple (without business rules);
 *   isValid; isValidRecord; isNewRecord; isValidField; canRead / canWrite / canCreate / canDelete (the
 *   runtime's ACL hook); getEncodedQuery; getElement; getElements; getLabel; getClassDisplayValue; getLink;
 *   autoSysFields; setWorkflow (business rules off); setAbortAction / isActionAborted (from a before rule);
 *   setNewGuid / setNewGuidValue.
 *   insert, update and deleteRecord go through record/write-order.ts (ACL, cross-scope, before rules below order
 *   1000, the data policy engine for insert and update, before rules from 1000, store, after rules). A write the incident data policy refuses returns
 *   null with "Data Policy Exception: …" as the error message; setWorkflow(false) skips rules and engines. Fields are properties: `gr.state` is a GlideElement, `gr.state = 3` sets the value (a Proxy).
 *   A method of the SDK's GlideRecord type definitions the local instance does not emulate throws 'not emulated
 *   by the local instance: GlideRecord.<name>()' instead of reading as undefined.
 *
 * Queries on a table return rows of every class extending it; getRecordClassName() is the row's class.
 * Invalid conditions (unknown field, unknown operator, a null value) follow the platform's default: dropped and
 * the rest runs, with a warning in the log; glide.invalid_query.returns_no_rows=true → no rows; strict → throws
 * (the store decides, store/store.ts). This holds for query(), get(), deleteMultiple() and updateMultiple().
 *
 * GlideRecordSecure: the same, with the ACL hook enforced (unreadable rows skipped, writes refused).
 */
import { notEmulated } from '../messages.ts'
import { andQuery, emptyQuery, encodeQuery, parseEncodedQuery, type Query, type Term } from '../store/query.ts'
import { dataPolicyException } from '../store/close-info-policy.ts'
import { newSysId, type Row } from '../store/store.ts'
import { writeLog } from './gs.ts'
import { buildCondition, GlideQueryCondition } from './record/condition.ts'
import { choiceLabels, displayValueOf, referenceByDisplay } from './record/display.ts'
import { GlideElement } from './record/element.ts'
import { hashPassword } from '../util/password.ts'
import { toQueryValue, toStored } from './record/values.ts'
import { checkWorkflowScope, performWrite, type WriteOutcome } from './record/write-order.ts'
import { platformTypeMethods } from './platform-apis.ts'
import { actorName, host, type RuleOrders } from './session.ts'

export { displayValueOf } from './record/display.ts'
export { GlideElement } from './record/element.ts'
export { GlideQueryCondition } from './record/condition.ts'

/**
 * Methods of the platform's scoped GlideRecord (the SDK's @servicenow/glide/src/types/GlideRecord.d.ts): reading
 * one the local instance does not emulate throws instead of giving undefined (the Proxy asks only for names the
 * class lacks).
 */
const PLATFORM_METHODS = new Set(platformTypeMethods('types/GlideRecord.d.ts'))

/** System fields a re-insert of a read record does not copy (the store assigns them anew). */
const ASSIGNED_ON_INSERT = ['sys_id', 'number', 'sys_created_on', 'sys_created_by', 'sys_updated_on', 'sys_updated_by', 'sys_mod_count']

export class GlideRecord {
    [field: string]: any
    protected _table: string
    protected _conditions: Query = emptyQuery()
    protected _limit: number | undefined
    protected _offset: number | undefined
    protected _rows: Row[] = []
    protected _index = -1
    /** The current record as read (or the new record's initial values). */
    protected _row: Row | null = {}
    /** Values set since the record was read. */
    protected _changes: Row = {}
    /**
     * While the after business rules of a write run: the record as it was before that write ({} for an insert), so
     * that changes(), changesFrom() and changesTo() answer for the write just made, as in after rules on the platform.
     */
    protected _writtenFrom: Row | null = null
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
                if (target._isField(prop)) return target.getElement(prop)
                if (PLATFORM_METHODS.has(prop)) notEmulated(`GlideRecord.${prop}()`)
                return undefined
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

    private _addTerm(term: Term): GlideQueryCondition {
        for (const block of this._conditions.blocks) block.push(term)
        return new GlideQueryCondition(this, term)
    }

    addQuery(field: string, operatorOrValue?: unknown, value?: unknown): GlideQueryCondition {
        if (arguments.length === 1) {
            this.addEncodedQuery(field)
            return new GlideQueryCondition(this, [])
        }
        return this._addTerm([buildCondition(field, operatorOrValue, value, arguments.length)])
    }

    addEncodedQuery(query: string): void {
        if (!query) return
        this._conditions = andQuery(this._conditions, parseEncodedQuery(String(query)))
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
        this._conditions.orderBy.push({ field, desc: false })
    }

    orderByDesc(field: string): void {
        this._conditions.orderBy.push({ field, desc: true })
    }

    /**
     * At most `limit` rows from the first. setLimit "implicitly calls chooseWindow()": after chooseWindow() it
     * starts again from the first row (GlideRecord - Scoped, setLimit / chooseWindow).
     */
    setLimit(limit: number): void {
        this._offset = undefined
        this._limit = limit
    }

    /** Rows first..last-1 of the result (zero-based, last exclusive), as on the platform. */
    chooseWindow(first: number, last: number): void {
        this._offset = first
        this._limit = Math.max(0, last - first)
    }

    getEncodedQuery(): string {
        return encodeQuery(this._conditions)
    }

    query(field?: string, value?: unknown): void {
        if (field !== undefined) this.addQuery(field, value)
        this._index = -1
        this._row = null
        this._changes = {}
        if (!this.isValid()) {
            this._rows = []
            return
        }
        host().checkTableAccess?.('read', this._table)
        this._refuseReferenceOrder()
        const rows = host().store.select(this._table, this._conditions, { limit: this._limit, offset: this._offset })
        this._rows = this._secure ? rows.filter((r) => host().canAccess('read', this._table, { sys_id: r.sys_id })) : rows
    }

    /**
     * orderBy on a reference field: the docs do not say whether the platform sorts by the sys_id or by the
     * referenced record's display value, so the local instance refuses rather than pick one. A dot-walked order
     * (orderBy('user.user_name')) names the sort itself.
     */
    private _refuseReferenceOrder(): void {
        const schema = host().store.schema
        for (const order of this._conditions.orderBy) {
            if (schema.resolveField(this._table, order.field)?.column.reference) notEmulated(`GlideRecord.orderBy() on the reference field ${this._table}.${order.field} (sort by a field of the referenced record: '${order.field}.<field>')`)
        }
    }

    /** query() under another name, for tables with a field called `query`. */
    _query(field?: string, value?: unknown): void {
        if (field === undefined) this.query()
        else this.query(field, value)
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

    /** get() under another name, for tables with a field called `get`. */
    _get(fieldOrSysId: unknown, value?: unknown): boolean {
        return arguments.length > 1 ? this.get(fieldOrSysId, value) : this.get(fieldOrSysId)
    }

    /** next() under another name, for tables with a field called `next`. */
    _next(): boolean {
        return this.next()
    }

    hasNext(): boolean {
        return this._index + 1 < this._rows.length
    }

    getRowCount(): number {
        return this._rows.length
    }

    /**
     * get(field, value): the first matching record becomes current; false when none. get(value): the record with
     * that sys_id, else the one whose display value matches ("If not found, it then tries to match the value
     * against the display value", GlideRecord - Scoped, get).
     */
    get(fieldOrSysId: unknown, value?: unknown): boolean {
        if (arguments.length > 1) return this._getBy(String(fieldOrSysId), value)
        if (toQueryValue(fieldOrSysId) === '') {
            this._rows = []
            this._row = null
            return false
        }
        if (this._getBy('sys_id', fieldOrSysId)) return true
        const display = host().store.displayField(this._table)
        if (!display || display === 'sys_id') return false
        // A reference display column shows another record's display value, which the local instance does not match.
        if (host().store.column(this._table, display)?.reference) notEmulated(`GlideRecord.get(value) on ${this._table}, whose display field ${display} is a reference`)
        return this._getBy(display, fieldOrSysId)
    }

    private _getBy(field: string, value: unknown): boolean {
        this._conditions = emptyQuery()
        this._offset = undefined
        this._limit = 1
        this.addQuery(field, value)
        this.query()
        return this.next()
    }

    // --- current record ---

    _value(field: string): string | null {
        if (field in this._changes) return this._changes[field]
        return this._row?.[field] ?? null
    }

    _changed(field: string): boolean {
        if (field in this._changes) return this._changes[field] !== (this._row?.[field] ?? null)
        return this._writtenFrom !== null && (this._writtenFrom[field] ?? null) !== (this._row?.[field] ?? null)
    }

    _previous(field: string): string | null {
        return (this._writtenFrom ?? this._row)?.[field] ?? null
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
        const col = host().store.column(this._table, field)
        if (!col) return
        if (col.type === 'password' || col.type === 'password2') {
            // A password set through its display value is never stored as given: the platform hashes one-way
            // passwords and encrypts password2 fields. The local instance hashes both (nothing reads a
            // password2 value back: the OAuth server only verifies client secrets).
            this.setValue(field, display ? hashPassword(display) : null)
            return
        }
        if (col.reference && host().store.hasTable(col.reference)) {
            this.setValue(field, referenceByDisplay(col.reference, display))
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
        // The scoped API does not document autoSysFields; the global one names the created fields too, but not what
        // an insert then stores in them.
        if (!this._autoSysFields) notEmulated('GlideRecord.insert() after autoSysFields(false)')
        let outcome: WriteOutcome<string>
        try {
            outcome = performWrite<string>({
                table: this._table,
                operation: 'create',
                secure: this._secure,
                allowed: () => this.canCreate(),
                refusedMessage: `Security restricted: create on ${this._table} not allowed`,
                rules: (when, orders) => this._runRules(when, 'insert', null, orders),
                abortedMessage: 'Invalid insert',
                engines: () => this._dataPolicyRefusal(true),
                write: () => {
                    const values: Row = { ...(this._row ?? {}), ...this._changes }
                    if (!this._isNew) for (const f of ASSIGNED_ON_INSERT) delete values[f]
                    const result = host().store.insert(this._table, values, this._actor())
                    if (result.error !== undefined) return { error: result.error }
                    this._writtenFrom = {}
                    this._row = result.row
                    this._changes = {}
                    this._isNew = false
                    return { result: result.sysId }
                },
            })
        } finally {
            this._writtenFrom = null
        }
        return this._outcome(outcome)
    }

    /** Writes the changed fields; a new record is inserted. Returns the sys_id, null when refused. */
    update(): string | null {
        if (this._isNew) return this.insert()
        const sysId = this._row?.sys_id
        if (!sysId) return null
        const previous = this._snapshot()
        let outcome: WriteOutcome<string>
        try {
            outcome = performWrite<string>({
                table: this._table,
                operation: 'write',
                secure: this._secure,
                allowed: () => this.canWrite(),
                refusedMessage: `Security restricted: write on ${this._table} not allowed`,
                rules: (when, orders) => this._runRules(when, 'update', previous, orders),
                abortedMessage: 'Invalid update',
                engines: () => this._dataPolicyRefusal(false),
                write: () => {
                    const changes: Row = {}
                    for (const f of Object.keys(this._changes)) if (this._changed(f)) changes[f] = this._changes[f]
                    if (Object.keys(changes).length === 0) return { result: sysId, unchanged: true }
                    const result = host().store.update(this.getRecordClassName(), sysId, changes, this._actor(), this._row!, this._autoSysFields)
                    if (result.error !== undefined) return { error: result.error }
                    this._writtenFrom = this._row
                    this._row = result.row
                    this._changes = {}
                    return { result: sysId }
                },
            })
        } finally {
            this._writtenFrom = null
        }
        return this._outcome(outcome)
    }

    deleteRecord(): boolean {
        const id = this._row?.sys_id
        if (!id || this._isNew) return false
        const previous = this._snapshot()
        const outcome = performWrite({
            table: this._table,
            operation: 'delete',
            secure: this._secure,
            allowed: () => this.canDelete(),
            refusedMessage: null,
            rules: (when, orders) => this._runRules(when, 'delete', previous, orders),
            abortedMessage: null,
            write: () => (host().store.delete(this._table, id) ? { result: true } : { error: null }),
        })
        return outcome.done
    }

    /** The acting user, for sys_created_by / sys_updated_by and javascript:gs.getUserID() defaults. */
    private _actor(): { userName: string; sysId: string | null } {
        return { userName: actorName(), sysId: host().currentUser()?.sysId ?? null }
    }

    private _outcome(outcome: WriteOutcome<string>): string | null {
        if (outcome.done) {
            this._lastError = ''
            return outcome.result
        }
        if (outcome.message !== null) {
            this._lastError = outcome.message
            writeLog('error', outcome.message)
            host().session.errorMessages.push(outcome.message)
        }
        return null
    }

    /**
     * The data policy engine: the refusal of a write that would store the record against the incident data policy
     * (store/close-info-policy.ts), judged on the values after the before rules ordered below 1000 (a new record's
     * unset fields by their dictionary defaults). setWorkflow(false) turns the engines off with the business rules.
     */
    private _dataPolicyRefusal(isInsert: boolean): string | null {
        if (!this._workflow) return null
        const store = host().store
        const table = this.getRecordClassName()
        const defaults = isInsert ? store.defaults(table) : {}
        return dataPolicyException(store, table, (field) => this.getValue(field) ?? defaults[field] ?? null)
    }

    /** The record as it was read, for a business rule's `previous`: the same table as `current`, so both see the same fields. */
    private _snapshot(): GlideRecord {
        const previous = new GlideRecord(this._table)
        previous._row = { ...(this._row ?? {}) }
        previous._isNew = false
        return previous
    }

    /** Runs the table's business rules (of one band of order, when given) unless setWorkflow(false); false when one aborted the action. */
    private _runRules(when: 'before' | 'after', action: 'insert' | 'update' | 'delete', previous: GlideRecord | null, orders?: RuleOrders): boolean {
        const run = host().runBusinessRules
        if (!this._workflow || !run) return true
        // A write starts unaborted; an abort from a rule below 1000 holds through the rules from 1000.
        if (orders !== 'from 1000') this._aborted = false
        run.call(host(), when, action, this, previous, orders)
        return !this._aborted
    }

    /**
     * Deletes every record matching the query (without calling query()), without business rules, whatever
     * setLimit() or chooseWindow() say: "All records returned by the query are deleted regardless of setLimit()"
     * (GlideRecord - Scoped, deleteMultiple; setLimit is a chooseWindow from the first row).
     */
    deleteMultiple(): void {
        if (!this.isValid()) return
        host().checkTableAccess?.('delete', this._table)
        const store = host().store
        if (!this._secure) {
            store.deleteWhere(this._table, this._conditions)
            return
        }
        // GlideRecordSecure: the records the delete ACL refuses stay.
        const rows = store.select(this._table, this._conditions)
        store.transaction(() => {
            for (const row of rows) if (host().canAccess('delete', this._table, { sys_id: row.sys_id })) store.delete(this._table, row.sys_id!)
        })
    }

    /** Applies the values set on this GlideRecord to every record matching the query. */
    updateMultiple(): void {
        // The docs only warn against setLimit() / chooseWindow() here; whether the window limits the update is not said.
        if (this._limit !== undefined || this._offset !== undefined) notEmulated('GlideRecord.updateMultiple() after setLimit() or chooseWindow()')
        const changes = { ...this._changes }
        host().checkTableAccess?.('write', this._table)
        this.query()
        const store = host().store
        const by = this._actor()
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

    /** false: business rules and the engines (the data policy) do not run for this record's writes. */
    setWorkflow(enabled: boolean): void {
        checkWorkflowScope(this._table)
        this._workflow = enabled
    }

    /**
     * false: update() and updateMultiple() leave sys_updated_on, sys_updated_by, sys_mod_count (and the created
     * fields) as they are, or as the script set them (GlideRecord - Global, autoSysFields).
     */
    autoSysFields(enabled: boolean): void {
        this._autoSysFields = enabled
    }

    /** From a before business rule: the insert, update or delete does not happen. */
    setAbortAction(abort: boolean): void {
        this._aborted = abort
    }

    /** True when a business rule called setAbortAction(true) for the current action. */
    isActionAborted(): boolean {
        return this._aborted
    }
}

export class GlideRecordSecure extends GlideRecord {
    constructor(table: string) {
        super(table)
        this._secure = true
    }
}
